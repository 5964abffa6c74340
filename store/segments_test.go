package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
)

// TestGroupWritesOneSegment: a group's search rows reach the index as one
// FTS5 segment. FTS5 writes its pending rows out at every statement journal
// a statement opens, so rows written between the group's other statements
// made a segment per item (64 for a group of 64), which its merges then
// rewrote again and again; the rows are now queued and written last. With
// merging off, the segments are counted as written: one per SaveItems call
// and one per reparse group.
func TestGroupWritesOneSegment(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	for _, cmd := range []string{`INSERT INTO search(search, rank) VALUES('automerge', 0)`,
		`INSERT INTO search(search, rank) VALUES('crisismerge', 2000)`} {
		if _, err := db.db.ExecContext(ctx, cmd); err != nil {
			t.Fatal(err)
		}
	}
	src, err := db.EnsureSource(ctx, "https://dynasty.virolahti.fi")
	if err != nil {
		t.Fatal(err)
	}
	segments := func() int {
		t.Helper()
		var n int
		if err := db.db.QueryRowContext(ctx, `SELECT count(DISTINCT segid) FROM search_idx`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	const size = 64 // one reparse group (reparseGroup) holds them all
	var group []Fetched
	for j := 0; j < size; j++ {
		d := testDecision()
		d.Title = fmt.Sprintf("Asia %d", j)
		group = append(group, Fetched{SourceID: src.ID, ItemID: fmt.Sprintf("2023%d-%d", j/50, j%50), URL: "u", FetchedAt: t0,
			Status: 200, Raw: []byte("<html>x</html>"), Text: fmt.Sprint(j, " Kaupunginhallitus hyväksyi sopimuksen."),
			Decision: d, ParserVersion: 1})
	}
	if _, err := db.SaveItems(ctx, group); err != nil {
		t.Fatal(err)
	}
	if n := segments(); n != 1 {
		t.Errorf("one SaveItems of %d new items wrote %d segments, want 1", size, n)
	}
	// A reparse that changes every title rebuilds every search row, in one
	// group.
	rep, err := db.Reparse(ctx, ReparseOptions{Version: 2, Read: func(p StoredPage) Reading {
		d := parse.Text(p.Text)
		d.Title = "Uusi " + p.Text[:2]
		return Reading{Text: p.Text, Decision: d}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed != size {
		t.Fatalf("reparse changed %d, want %d", rep.Changed, size)
	}
	if n := segments(); n != 2 {
		t.Errorf("after a reparse of one group: %d segments, want 2", n)
	}
	// The index holds the new titles, and only them.
	key := func(w string) string { k, _ := search.Analyze(w); return k }
	for _, q := range []struct {
		match string
		want  int
	}{{`title_keys : ` + key("Uusi"), size}, {`title_keys : ` + key("Asia"), 0}} {
		var n int
		if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM search WHERE search MATCH ?`, q.match).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != q.want {
			t.Errorf("%s: %d rows, want %d", q.match, n, q.want)
		}
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
