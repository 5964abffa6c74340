package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestCanonicalBaseURL(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: "https://dynasty.virolahti.fi", want: "https://dynasty.virolahti.fi"},
		{in: "https://dynasty.virolahti.fi/", want: "https://dynasty.virolahti.fi"},
		{in: "HTTPS://Dynasty.Virolahti.FI:443/", want: "https://dynasty.virolahti.fi"},
		{in: "http://publish.kuopio.fi:80", want: "http://publish.kuopio.fi"},
		{in: "http://publish.kuopio.fi:8080/x", want: "http://publish.kuopio.fi:8080/x"},
		{in: " https://poytakirjat.haapajarvi.fi/D10_Haapajarvi// ", want: "https://poytakirjat.haapajarvi.fi/D10_Haapajarvi"},
		{in: "https://dynasty.lohja.fi/d10julkaisu#top", want: "https://dynasty.lohja.fi/d10julkaisu"},
		{in: "https://[::1]:443/x", want: "https://[::1]/x"},
		{in: "dynasty.virolahti.fi", bad: true},
		{in: "ftp://dynasty.virolahti.fi", bad: true},
		{in: "https://", bad: true},
		{in: "://x", bad: true},
	}
	for _, tt := range tests {
		got, err := CanonicalBaseURL(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("CanonicalBaseURL(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("CanonicalBaseURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestSources(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)

	viro, err := db.AddSource(ctx, "virolahti", "https://dynasty.virolahti.fi/", "Virolahden kunta")
	if err != nil {
		t.Fatal(err)
	}
	want := Source{ID: viro.ID, Name: "virolahti", BaseURL: "https://dynasty.virolahti.fi",
		Organization: "Virolahden kunta", Registered: true, AddedAt: t0}
	if diff := cmp.Diff(want, viro); diff != "" {
		t.Errorf("AddSource (-want +got):\n%s", diff)
	}

	// Same name or same URL (in another spelling) as a registered source.
	for _, c := range []struct{ name, url string }{
		{"virolahti", "https://other.example"},
		{"viro2", "HTTPS://dynasty.virolahti.fi:443"},
	} {
		if _, err := db.AddSource(ctx, c.name, c.url, ""); !errors.Is(err, ErrExists) {
			t.Errorf("AddSource(%q, %q) = %v, want ErrExists", c.name, c.url, err)
		}
	}
	if _, err := db.AddSource(ctx, " ", "https://x.example", ""); err == nil {
		t.Errorf("AddSource with a blank name succeeded")
	}
	if _, err := db.AddSource(ctx, "bad", "not a url", ""); err == nil {
		t.Errorf("AddSource with a bad URL succeeded")
	}

	// A one-off sync creates an unregistered row named host+path ...
	one, err := db.EnsureSource(ctx, "https://dynasty.lohja.fi/d10julkaisu/")
	if err != nil {
		t.Fatal(err)
	}
	if one.Registered || one.Name != "dynasty.lohja.fi/d10julkaisu" || one.BaseURL != "https://dynasty.lohja.fi/d10julkaisu" {
		t.Errorf("EnsureSource = %+v", one)
	}
	again, err := db.EnsureSource(ctx, "https://dynasty.lohja.fi/d10julkaisu")
	if err != nil || again.ID != one.ID {
		t.Errorf("EnsureSource twice: id %d then %d (%v)", one.ID, again.ID, err)
	}
	if got, err := db.EnsureSource(ctx, "https://dynasty.virolahti.fi"); err != nil || got.ID != viro.ID || !got.Registered {
		t.Errorf("EnsureSource of a registered URL = %+v, %v", got, err)
	}
	saveTestItem(t, db, one.ID, "2024100-1", "text", t0)

	regs, err := db.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if names := sourceNames(regs); names != "virolahti" {
		t.Errorf("Sources = %s, want only the registered one", names)
	}
	all, err := db.AllSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if names := sourceNames(all); names != "virolahti dynasty.lohja.fi/d10julkaisu" {
		t.Errorf("AllSources = %s", names)
	}

	// ... which registering its URL adopts, items and all.
	lohja, err := db.AddSource(ctx, "lohja", "https://dynasty.lohja.fi/d10julkaisu", "Lohjan kaupunki")
	if err != nil {
		t.Fatal(err)
	}
	if lohja.ID != one.ID || !lohja.Registered || lohja.Items != 1 || lohja.Organization != "Lohjan kaupunki" {
		t.Errorf("adopted source = %+v, want id %d registered with its 1 item", lohja, one.ID)
	}

	// Removing unregisters but keeps the row and its items.
	if err := db.RemoveSource(ctx, "lohja"); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveSource(ctx, "lohja"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second RemoveSource = %v, want ErrNotFound", err)
	}
	if err := db.RemoveSource(ctx, "nosuch"); !errors.Is(err, ErrNotFound) {
		t.Errorf("RemoveSource(nosuch) = %v, want ErrNotFound", err)
	}
	got, err := db.SourceByName(ctx, "lohja")
	if err != nil || got.Registered || got.Items != 1 {
		t.Errorf("removed source = %+v, %v; want kept, unregistered, 1 item", got, err)
	}
	// Its name is free for a different registered source, which then wins lookups.
	other, err := db.AddSource(ctx, "lohja", "https://lohja.oncloudos.com", "")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := db.SourceByName(ctx, "lohja"); err != nil || got.ID != other.ID {
		t.Errorf("SourceByName(lohja) = %+v, %v; want the registered id %d", got, err, other.ID)
	}
	if _, err := db.SourceByName(ctx, "nosuch"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SourceByName(nosuch) = %v, want ErrNotFound", err)
	}
}

func sourceNames(ss []Source) string {
	s := ""
	for i, x := range ss {
		if i > 0 {
			s += " "
		}
		s += x.Name
	}
	return s
}

func TestRecordRun(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.AddSource(ctx, "kemi", "https://kemi.oncloudos.com", "")
	if err != nil {
		t.Fatal(err)
	}
	t1, t2, t3, t4 := t0.Add(time.Hour), t0.Add(2*time.Hour), t0.Add(3*time.Hour), t0.Add(4*time.Hour)
	e503 := fmt.Errorf("fetch feed: %w", errors.New("503 Service Unavailable"))
	steps := []struct {
		at     time.Time
		err    error
		want   Source
		reason string
	}{
		{t1, nil, Source{LastRunAt: t1, LastSuccessAt: t1}, "success"},
		{t2, e503, Source{LastRunAt: t2, LastSuccessAt: t1, LastErrorAt: t2, LastError: "fetch feed: 503 Service Unavailable",
			FailedRuns: 1, FailingSince: t2}, "failure"},
		{t3, e503, Source{LastRunAt: t3, LastSuccessAt: t1, LastErrorAt: t3, LastError: "fetch feed: 503 Service Unavailable",
			FailedRuns: 2, FailingSince: t2}, "second failure: the streak grows, its start stays"},
		{t4, nil, Source{LastRunAt: t4, LastSuccessAt: t4, LastErrorAt: t3, LastError: "fetch feed: 503 Service Unavailable"}, "success keeps the last error, ends the streak"},
	}
	for _, s := range steps {
		if err := db.RecordRun(ctx, src.ID, s.at, s.err); err != nil {
			t.Fatal(err)
		}
		got, err := db.SourceByName(ctx, "kemi")
		if err != nil {
			t.Fatal(err)
		}
		health := Source{LastRunAt: got.LastRunAt, LastSuccessAt: got.LastSuccessAt, LastErrorAt: got.LastErrorAt, LastError: got.LastError,
			FailedRuns: got.FailedRuns, FailingSince: got.FailingSince}
		if diff := cmp.Diff(s.want, health); diff != "" {
			t.Errorf("%s (-want +got):\n%s", s.reason, diff)
		}
	}
	if err := db.RecordRun(ctx, 999, t1, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("RecordRun(unknown source) = %v, want ErrNotFound", err)
	}
}
