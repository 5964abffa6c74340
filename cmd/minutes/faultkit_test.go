package main

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/minutes-fi/minutes/store"
)

// Shared pieces of the fault suite (fault_test.go, kill_test.go): a trap
// server that must never be asked anything, a snapshot of what the archive
// holds, and the consistency checks every fault ends with.

// trap is a server no sync may reach: links, feeds and redirects point at
// it to prove they are not followed.
type trap struct {
	srv  *httptest.Server
	hits atomic.Int64
}

// newTrap starts a trap on addr ("127.0.0.1:0" for another port of the
// same machine, "127.0.0.2:0" for another loopback address); it skips the
// test when addr cannot be bound.
func newTrap(t *testing.T, addr string) *trap {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen on %s for a trap server: %v", addr, err)
	}
	tr := &trap{}
	tr.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tr.hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		fmt.Fprint(w, "<html><body>trap</body></html>")
	}))
	tr.srv.Listener.Close()
	tr.srv.Listener = ln
	tr.srv.Start()
	t.Cleanup(tr.srv.Close)
	return tr
}

func (tr *trap) url(path string) string { return tr.srv.URL + path }

// rawDB opens the archive read-only with database/sql, for checks the
// store package has no method for.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	u := url.URL{Scheme: "file", Path: abs, RawQuery: "mode=ro&_pragma=busy_timeout(5000)"}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// archiveSnapshot maps "base_url item_id" to the item's revision count.
type archiveSnapshot map[string]int

func snapshot(t testing.TB, path string) archiveSnapshot {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	rows, err := db.Query(`SELECT s.base_url || ' ' || i.item_id,
			(SELECT count(*) FROM revisions r WHERE r.item_rowid = i.id)
		FROM items i JOIN sources s ON s.id = i.source_id`)
	if err != nil {
		t.Fatalf("snapshot of %s: %v", path, err)
	}
	defer rows.Close()
	snap := archiveSnapshot{}
	for rows.Next() {
		var key string
		var n int
		if err := rows.Scan(&key, &n); err != nil {
			t.Fatal(err)
		}
		snap[key] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return snap
}

// itemsOf returns the item ids the snapshot holds for one base URL, sorted.
func (s archiveSnapshot) itemsOf(base string) []string {
	var ids []string
	for k := range s {
		if b, id, _ := strings.Cut(k, " "); b == base {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// checkArchive is the check every fault ends with: SQLite's integrity and
// foreign key checks pass; every item has a current revision that is its
// own, a decision made from that revision and the content hash of that
// revision; and everything in before is still there with at least as many
// revisions. It returns the archive's snapshot now.
func checkArchive(t testing.TB, path string, before archiveSnapshot) archiveSnapshot {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open archive after the fault: %v", err)
	}
	if err := db.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("archive after the fault: %v", err)
	}
	db.Close()
	raw := rawDB(t, path)
	defer raw.Close()
	for _, q := range []struct{ what, sql string }{
		{"items without a current revision of their own", `SELECT i.item_id FROM items i
			LEFT JOIN revisions r ON r.id = i.current_revision_id AND r.item_rowid = i.id WHERE r.id IS NULL`},
		{"items whose content hash is not their current revision's", `SELECT i.item_id FROM items i
			JOIN revisions r ON r.id = i.current_revision_id WHERE r.content_hash != i.content_hash`},
		{"items without a decision of their current revision", `SELECT i.item_id FROM items i
			LEFT JOIN decisions d ON d.item_rowid = i.id WHERE d.revision_id IS NOT i.current_revision_id`},
		{"revisions of no item", `SELECT r.id FROM revisions r LEFT JOIN items i ON i.id = r.item_rowid WHERE i.id IS NULL`},
	} {
		var bad []string
		rows, err := raw.Query(q.sql)
		if err != nil {
			t.Fatalf("%s: %v", q.what, err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			bad = append(bad, s)
		}
		rows.Close()
		if len(bad) > 0 {
			t.Errorf("%s: %v", q.what, bad)
		}
	}
	raw.Close()
	now := snapshot(t, path)
	for k, n := range before {
		if m, ok := now[k]; !ok {
			t.Errorf("item %s was in the archive before the fault and is gone from it", k)
		} else if m < n {
			t.Errorf("item %s had %d revisions before the fault, %d after", k, n, m)
		}
	}
	return now
}

// resultOf picks one source's result from a summary.
func resultOf(t testing.TB, sum syncSummary, name string) sourceResult {
	t.Helper()
	for _, r := range sum.Sources {
		if r.Source == name {
			return r
		}
	}
	t.Fatalf("no result for source %q in %+v", name, sum.Sources)
	return sourceResult{}
}

// failureText is everything a result says went wrong.
func failureText(r sourceResult) string {
	return r.Error + "\n" + strings.Join(r.Errors, "\n")
}
