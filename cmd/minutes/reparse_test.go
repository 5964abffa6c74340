package main

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/minutes-fi/minutes/store"
)

func TestReparseCommand(t *testing.T) {
	db := standardArchive(t)
	// Same parser as the one that made the decisions: nothing changes.
	r := mustRun(t, exitOK, "--db", db, "reparse")
	if !strings.HasPrefix(r.stdout, "reparsed 5 decisions with parser version") || !strings.Contains(r.stdout, ": 0 changed") {
		t.Errorf("reparse:\n%s", r.stdout)
	}
	// Spoil one decision as an old parser might have made it; reparse fixes it.
	ctx := context.Background()
	sdb, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	it, err := sdb.ItemByRef(ctx, "virolahti/2023277-5")
	if err != nil {
		t.Fatal(err)
	}
	bad := it.Decision
	bad.Outcome, bad.Section = "none", nil
	if err := sdb.SetDecision(ctx, it.SourceID, it.ItemID, bad, 0); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	r = mustRun(t, exitOK, "--db", db, "reparse", "--outdated")
	if !strings.HasPrefix(r.stdout, "reparsed 1 decisions") || !strings.Contains(r.stdout, ": 1 changed") ||
		!strings.Contains(r.stdout, "outcome\t1") || !strings.Contains(r.stdout, "section\t1") {
		t.Errorf("reparse --outdated:\n%s", r.stdout)
	}
	s := mustRun(t, exitOK, "--db", db, "show", "virolahti/2023277-5")
	if !strings.Contains(s.stdout, "Outcome:       approved") || !strings.Contains(s.stdout, "changed: outcome, section") {
		t.Errorf("show after reparse:\n%s", s.stdout)
	}
	// A running sync's lock keeps reparse out (exit 4).
	lock, err := store.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	res := runCLI(t, ctx, "--db", db, "reparse")
	if res.code != exitBusy {
		t.Errorf("reparse under lock: exit %d\n%s", res.code, res.stderr)
	}
	// Queries still work while the lock is held.
	mustRun(t, exitOK, "--db", db, "search", "sopimus")
}

// The progress line says how far a reparse is and how long it has left.
func TestReparseProgressLine(t *testing.T) {
	got := reparseProgress(store.ReparseReport{Total: 1000, Items: 250, Changed: 12}, 30*time.Second)
	if got != "reparsed 250 of 1000, changed 12, about 1m30s left" {
		t.Errorf("progress %q", got)
	}
	if got := reparseProgress(store.ReparseReport{Total: 10, Items: 10}, time.Second); got != "reparsed 10 of 10, changed 0" {
		t.Errorf("progress when done %q", got)
	}
}

// Sync keeps the extractor's record of each page; reparse reads pages from
// it and keeps it, and --reextract reads every page from its raw bytes
// again and writes the record anew.
func TestReparseReextract(t *testing.T) {
	site := newFixtureSite(t, "real-"+sortedKeys(realSites(loadRealItems(t)))[0])
	db := tempDB(t)
	if sum := syncJSON(t, context.Background(), exitOK, "--db", db, "--source", site.base()); sum.Sources[0].New == 0 {
		t.Fatalf("sync: %+v", sum.Sources[0])
	}
	sdb, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	records := func() (kept, spoilt int) {
		t.Helper()
		if err := sdb.QueryRow(`SELECT count(*) FILTER (WHERE extracted IS NOT NULL),
				count(*) FILTER (WHERE extracted LIKE '%"spoilt"%') FROM revisions`).Scan(&kept, &spoilt); err != nil {
			t.Fatal(err)
		}
		return kept, spoilt
	}
	var revisions int
	if err := sdb.QueryRow(`SELECT count(*) FROM revisions`).Scan(&revisions); err != nil {
		t.Fatal(err)
	}
	if kept, _ := records(); kept != revisions || kept == 0 {
		t.Fatalf("sync kept %d records for %d revisions", kept, revisions)
	}
	// A record this extractor would not make, yet of this version: reparse
	// trusts it (reads the page from it, leaves it); --reextract does not.
	if _, err := sdb.Exec(`UPDATE revisions SET extracted = json_set(extracted, '$.emphasis', json_array('spoilt'))`); err != nil {
		t.Fatal(err)
	}
	mustRun(t, exitOK, "--db", db, "reparse")
	if _, spoilt := records(); spoilt != revisions {
		t.Errorf("reparse: %d of %d records left as kept, want all", spoilt, revisions)
	}
	r := mustRun(t, exitOK, "--db", db, "reparse", "--reextract")
	if !strings.Contains(r.stdout, ": 0 changed") {
		t.Errorf("reparse --reextract changed decisions:\n%s", r.stdout)
	}
	if kept, spoilt := records(); spoilt != 0 || kept != revisions {
		t.Errorf("reparse --reextract: %d records still spoilt, %d kept of %d", spoilt, kept, revisions)
	}
}
