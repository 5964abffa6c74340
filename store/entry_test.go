package store

import (
	"context"
	"testing"
	"time"
)

func TestEntryFingerprint(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, t.TempDir()+"/a.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, err := db.AddSource(ctx, "a", "https://a.example", "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.AddSource(ctx, "b", "https://b.example", "")
	if err != nil {
		t.Fatal(err)
	}
	const u = "https://a.example/cgi/DREQUEST.PHP?page=meeting&id=2023277"
	if fp, err := db.EntryFingerprint(ctx, a.ID, u); err != nil || fp != "" {
		t.Fatalf("unseen entry: %q, %v", fp, err)
	}
	for _, fp := range []string{"f1", "f2"} {
		if err := db.SetEntryFingerprint(ctx, a.ID, u, fp, time.Now()); err != nil {
			t.Fatal(err)
		}
		if got, err := db.EntryFingerprint(ctx, a.ID, u); err != nil || got != fp {
			t.Fatalf("after setting %q: %q, %v", fp, got, err)
		}
	}
	if got, _ := db.EntryFingerprint(ctx, b.ID, u); got != "" {
		t.Errorf("another source sees the fingerprint %q", got)
	}
}

func TestRobotsCache(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, t.TempDir()+"/a.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const u = "https://a.example/robots.txt"
	if _, _, ok, err := db.Robots(ctx, u); ok || err != nil {
		t.Fatalf("empty cache: ok=%v err=%v", ok, err)
	}
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	for _, body := range []string{"User-agent: *\nDisallow: /x\n", ""} {
		if err := db.SetRobots(ctx, u, body, at); err != nil {
			t.Fatal(err)
		}
		got, gotAt, ok, err := db.Robots(ctx, u)
		if err != nil || !ok || got != body || !gotAt.Equal(at) {
			t.Errorf("after SetRobots(%q): %q %v %v %v", body, got, gotAt, ok, err)
		}
		at = at.Add(time.Hour)
	}
}
