package main

import (
	"context"
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
