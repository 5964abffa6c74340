package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// t0 is the fixed clock of the tests.
var t0 = time.Date(2025, 3, 4, 10, 15, 2, 123_000_000, time.UTC)

// openTemp opens a fresh archive in t.TempDir() with a fixed clock.
func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "minutes.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.SetNow(func() time.Time { return t0 })
	t.Cleanup(func() { db.Close() })
	return db
}

// rawDB opens the file with plain database/sql, as the sqlite3 shell would.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	sdb, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sdb.Close() })
	return sdb
}

func TestOpenMigratesFromEmpty(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := os.Stat(db.Path()); err != nil {
		t.Fatalf("archive file not created: %v", err)
	}
	var tables []string
	rows, err := db.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	want := "decisions feed_entries http_validators items reparse_log revisions robots_txt schema_migrations search " +
		"search_config search_content search_data search_docsize search_idx search_meta search_terms sources watch_matches watches"
	if got := strings.Join(tables, " "); got != want {
		t.Errorf("tables = %q, want %q", got, want)
	}
	var version int
	var name, applied string
	if err := db.db.QueryRowContext(ctx, `SELECT version, name, applied_at FROM schema_migrations WHERE version = 1`).Scan(&version, &name, &applied); err != nil {
		t.Fatal(err)
	}
	// Open ran the migration with the real clock: check the stored form only.
	at, perr := time.Parse(timeLayout, applied)
	if version != 1 || name != "0001_init" || perr != nil || time.Since(at) > time.Hour {
		t.Errorf("schema_migrations row = %d %q %q", version, name, applied)
	}
	var mode string
	var fk int
	if err := db.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := db.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode = %q, foreign_keys = %d; want wal, 1", mode, fk)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Errorf("IntegrityCheck: %v", err)
	}
}

func TestReopenIsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "minutes.db")
	for i := 0; i < 3; i++ {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		if i == 0 {
			if _, err := db.AddSource(ctx, "virolahti", "https://dynasty.virolahti.fi", "Virolahden kunta"); err != nil {
				t.Fatal(err)
			}
		}
		var n int
		if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		srcs, err := db.Sources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != SchemaVersion() || len(srcs) != 1 {
			t.Errorf("open #%d: %d migrations recorded, %d sources; want %d, 1", i+1, n, len(srcs), SchemaVersion())
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestConcurrentFirstOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "minutes.db")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := Open(ctx, path)
			if err == nil {
				err = db.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
		}
	}
	var n int
	if err := rawDB(t, path).QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != SchemaVersion() {
		t.Errorf("%d migration rows, want %d", n, SchemaVersion())
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "minutes.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	future := SchemaVersion() + 1
	if _, err := rawDB(t, path).Exec(`INSERT INTO schema_migrations VALUES (?, '9999_future', '2030-01-01T00:00:00.000Z')`, future); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func(context.Context, string) (*DB, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		db, err := open(ctx, path)
		if err == nil {
			db.Close()
			t.Errorf("%s of a version %d archive succeeded", name, future)
			continue
		}
		if !errors.Is(err, ErrSchemaTooNew) || !strings.Contains(err.Error(), "upgrade minutes") {
			t.Errorf("%s: error %q, want ErrSchemaTooNew telling to upgrade", name, err)
		}
	}
}

func TestOpenRefusesOtherFiles(t *testing.T) {
	ctx := context.Background()
	foreign := filepath.Join(t.TempDir(), "other.db")
	sdb := rawDB(t, foreign)
	if _, err := sdb.Exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')`); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	foreignBytes, err := os.ReadFile(foreign)
	if err != nil {
		t.Fatal(err)
	}
	garbage := bytes.Repeat([]byte("this is a text file, not a database\n"), 200)
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"short text", []byte("hello\n"), "(file is not a database)"},
		{"long text", garbage, "(file is not a database)"},
		{"other program's sqlite", foreignBytes, "(a SQLite database of another program)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "minutes.db")
			if err := os.WriteFile(path, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			for name, open := range map[string]func(context.Context, string) (*DB, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
				db, err := open(ctx, path)
				if err == nil {
					db.Close()
					t.Fatalf("%s succeeded", name)
				}
				if !errors.Is(err, ErrNotArchive) || !strings.Contains(err.Error(), path+" is not a minutes archive "+tt.want) {
					t.Errorf("%s: error %q, want ErrNotArchive with %q", name, err, tt.want)
				}
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(after, tt.content) {
				t.Errorf("a refused Open modified the file")
			}
		})
	}
}

func TestOpenUnwritableLocation(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "plainfile")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(ctx, filepath.Join(file, "minutes", "minutes.db"))
	if err == nil || !strings.Contains(err.Error(), "create archive directory") || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("parent is a file: error %v, want a clear 'create archive directory … not a directory'", err)
	}

	t.Run("read-only directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root ignores directory permissions")
		}
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(ro, 0o755) })
		_, err := Open(ctx, filepath.Join(ro, "minutes.db"))
		if !errors.Is(err, os.ErrPermission) {
			t.Errorf("error %v, want a permission error", err)
		}
	})
}

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	_, err := OpenReadOnly(ctx, missing)
	if !errors.Is(err, ErrNoArchive) || !strings.Contains(err.Error(), "no archive at "+missing+"; run `minutes sync` first") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenReadOnly created the file")
	}

	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(ctx, empty); !errors.Is(err, ErrSchemaTooOld) {
		t.Errorf("unmigrated file: %v, want ErrSchemaTooOld", err)
	}

	path := filepath.Join(dir, "minutes.db")
	w, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.AddSource(ctx, "kemi", "https://kemi.oncloudos.com", ""); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	srcs, err := r.Sources(ctx)
	if err != nil || len(srcs) != 1 || srcs[0].Name != "kemi" {
		t.Errorf("Sources via read-only DB = %v, %v", srcs, err)
	}
	if _, err := r.AddSource(ctx, "lahti", "https://lahti.oncloudos.com", ""); err == nil {
		t.Errorf("AddSource on a read-only DB succeeded")
	}
	w.Close()
}

// TestWALReaderNotBlocked checks that a second connection, opened the way
// any other tool would, reads while a writer holds an open transaction.
func TestWALReaderNotBlocked(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.AddSource(ctx, "kemi", "https://kemi.oncloudos.com", ""); err != nil {
		t.Fatal(err)
	}
	tx, err := db.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (name, base_url, registered, added_at) VALUES ('x', 'https://x', 1, 'now')`); err != nil {
		t.Fatal(err)
	}

	reader := rawDB(t, "file:"+db.Path()+"?_pragma=busy_timeout(0)")
	var n int
	if err := reader.QueryRowContext(ctx, `SELECT count(*) FROM sources`).Scan(&n); err != nil {
		t.Fatalf("reader blocked by writer: %v", err)
	}
	if n != 1 {
		t.Errorf("reader sees %d sources, want the committed 1", n)
	}
	ro, err := OpenReadOnly(ctx, db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if srcs, err := ro.Sources(ctx); err != nil || len(srcs) != 1 {
		t.Errorf("read-only DB during a write: %d sources, %v", len(srcs), err)
	}
	// And a second writer is refused within busy_timeout, not corrupted.
	short := rawDB(t, "file:"+db.Path()+"?_pragma=busy_timeout(10)&_txlock=immediate")
	if _, err := short.ExecContext(ctx, `INSERT INTO sources (name, base_url, registered, added_at) VALUES ('y', 'https://y', 1, 'now')`); err == nil {
		t.Errorf("second writer got the write lock while the first held it")
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestIntegrityCheckFindsDanglingReference(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatalf("fresh archive: %v", err)
	}
	sdb := rawDB(t, db.Path()) // foreign_keys is off by default on a plain connection
	if _, err := sdb.Exec(`INSERT INTO items (source_id, item_id, url, first_seen, last_checked, content_hash)
		VALUES (42, '2023277-5', 'u', 't', 't', 'h')`); err != nil {
		t.Fatal(err)
	}
	err := db.IntegrityCheck(ctx)
	if !errors.Is(err, ErrIntegrity) || !strings.Contains(err.Error(), "items row 1 refers to a missing sources row") {
		t.Errorf("IntegrityCheck = %v, want ErrIntegrity naming the items row", err)
	}
}

func TestDefaultPath(t *testing.T) {
	tests := []struct{ xdg, want string }{
		{"/data", "/data/minutes/minutes.db"},
		{"", "/home/u/.local/share/minutes/minutes.db"},
		{"relative/dir", "/home/u/.local/share/minutes/minutes.db"}, // the spec says ignore relative paths
	}
	for _, tt := range tests {
		env := map[string]string{"XDG_DATA_HOME": tt.xdg, "HOME": "/home/u"}
		got, err := DefaultPath(func(k string) string { return env[k] })
		if err != nil || got != tt.want {
			t.Errorf("XDG_DATA_HOME=%q: %q, %v; want %q", tt.xdg, got, err, tt.want)
		}
	}
	if _, err := DefaultPath(func(string) string { return "" }); err == nil {
		t.Error("no XDG_DATA_HOME and no HOME: want an error")
	}
}

func TestPathWithURIMetacharacters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a?b#c%20d", "minutes.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("archive not at the literal path: %v", err)
	}
}

// An archive whose very first write was cut off (SIGKILL while `sources
// add` created it) has a hot journal beside it; the next open rolls the
// write back and makes the archive, instead of refusing it for good.
func TestOpenRollsBackInterruptedFirstWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "writing.db")
	// A write in progress, in rollback-journal mode, with its pages already
	// spilled into the file: the state a kill leaves.
	sdb, err := sql.Open("sqlite", "file:"+src+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	conn, err := sdb.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// The very first write to a new file, as the first migration is.
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE; CREATE TABLE half(b); INSERT INTO half VALUES (zeroblob(10000));
		INSERT INTO half SELECT * FROM half; INSERT INTO half SELECT * FROM half; INSERT INTO half SELECT * FROM half;
		INSERT INTO half SELECT * FROM half; INSERT INTO half SELECT * FROM half; INSERT INTO half SELECT * FROM half`); err != nil {
		t.Fatal(err)
	}
	// What a kill leaves: the file and its hot journal, copied mid-write.
	crashed := filepath.Join(dir, "crashed.db")
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatalf("no %s in the middle of the write: %v", suffix, err)
		}
		if err := os.WriteFile(crashed+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Rolled back, the file is empty again, and becomes the archive it was
	// to be, instead of "attempt to write a readonly database (776)" on
	// every later command.
	db, err := Open(ctx, crashed)
	if err != nil {
		t.Fatalf("open after an interrupted first write: %v", err)
	}
	defer db.Close()
	if _, err := db.AddSource(ctx, "x", "https://x.test", ""); err != nil {
		t.Errorf("the healed archive does not work: %v", err)
	}
	if _, err := os.Stat(crashed + "-journal"); !os.IsNotExist(err) {
		t.Errorf("the hot journal is still there: %v", err)
	}
}

// TestWriteConnectionsMergeTheWALLess: every pooled connection of a
// read-write open merges its WAL at walCheckpointPages, not SQLite's 1,000
// (several held at once, so that the pool opens more than one).
func TestWriteConnectionsMergeTheWALLess(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	var conns []*sql.Conn
	for i := 0; i < 3; i++ {
		c, err := db.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var pages int
		if err := c.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&pages); err != nil {
			t.Fatal(err)
		}
		if pages != walCheckpointPages {
			t.Errorf("connection %d: wal_autocheckpoint %d, want %d", i, pages, walCheckpointPages)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

// TestCloseMergesTheWAL: with the WAL merged only every
// walCheckpointPages, a writer's Close still merges it into the archive and
// removes it, so a closed archive is whole in one file.
func TestCloseMergesTheWAL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "minutes.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	src, err := db.EnsureSource(ctx, "https://dynasty.virolahti.fi")
	if err != nil {
		t.Fatal(err)
	}
	var group []Fetched
	for i := 0; i < 50; i++ {
		group = append(group, Fetched{SourceID: src.ID, ItemID: fmt.Sprintf("2023%d-1", i), URL: "u", FetchedAt: t0,
			Status: 200, Raw: []byte(strings.Repeat("sivu ", 2000)), Text: fmt.Sprint("teksti ", i), Decision: testDecision(), ParserVersion: 1})
	}
	if _, err := db.SaveItems(ctx, group); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("no WAL written before Close (%v): the test checks nothing", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
		t.Errorf("-wal still beside the archive after Close (%v)", err)
	}
	sdb := rawDB(t, path)
	var n int
	if err := sdb.QueryRow(`SELECT count(*) FROM items`).Scan(&n); err != nil || n != 50 {
		t.Errorf("items after Close: %d (%v), want 50", n, err)
	}
}
