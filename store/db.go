package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel errors callers branch on; every error returned by this package
// that means one of these wraps it.
var (
	// ErrNotFound means the source or item asked for is not in the archive.
	ErrNotFound = errors.New("not found")
	// ErrExists means a registered source already has the name or base URL.
	ErrExists = errors.New("already exists")
	// ErrLocked means another process holds the writer lock of the archive.
	ErrLocked = errors.New("archive is locked")
	// ErrNoArchive means OpenReadOnly found no file at the path.
	ErrNoArchive = errors.New("no archive")
	// ErrNotArchive means the file exists but is not a minutes archive.
	ErrNotArchive = errors.New("not a minutes archive")
	// ErrSchemaTooNew means the archive was written by a newer minutes.
	ErrSchemaTooNew = errors.New("archive schema is newer than this program")
	// ErrSchemaTooOld means a read-only open found migrations not yet applied.
	ErrSchemaTooOld = errors.New("archive schema is older than this program")
	// ErrIntegrity means IntegrityCheck found a problem.
	ErrIntegrity = errors.New("archive integrity check failed")
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order. The files are
// compiled in, so a malformed name is a programming error and panics.
var migrations = sync.OnceValue(loadMigrations)

func loadMigrations() []migration {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, n := range names {
		base := filepath.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			panic(fmt.Sprintf("store: bad migration file name %q", base))
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic(fmt.Sprintf("store: migrations not numbered 1..n: %q is number %d", m.name, i+1))
		}
	}
	return ms
}

// SchemaVersion is the newest schema version this build knows.
func SchemaVersion() int { return len(migrations()) }

// DB is an open minutes archive. It is safe for concurrent use; writes from
// several goroutines or processes serialise on SQLite's write lock.
type DB struct {
	db       *sql.DB
	path     string
	readOnly bool
	now      func() time.Time // injectable clock for added_at and parsed_at
	terms    *termCache       // keys already in search_terms
	stmts    stmtCache        // the write path's prepared statements
	writeMu  sync.Mutex       // this process's writers take turns (beginWrite)
}

// DefaultPath is where the archive lives unless the user says otherwise,
// following the XDG base directory specification. getenv reads the
// environment (os.Getenv in the program; the caller's, so that tests and
// embedders decide what it holds).
func DefaultPath(getenv func(string) string) (string, error) {
	if dir := getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "minutes", "minutes.db"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", fmt.Errorf("default archive path: neither XDG_DATA_HOME nor HOME is set; give --db")
	}
	return filepath.Join(home, ".local", "share", "minutes", "minutes.db"), nil
}

// walCheckpointPages: 40 MB of WAL between merges (4 KiB pages). Against
// SQLite's 1,000, BenchmarkSaveItem/new-group16 writes 8 % less in all
// (write amplification 3.39 → 3.13); 40,000 would save 4 % more for a WAL
// four times as large.
const walCheckpointPages = 10000

// dsn builds a file: URI so that paths with '?', '#' or '%' stay file names.
// The pragmas sit in the DSN so every pooled connection gets them.
func dsn(path string, readOnly bool) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // Windows drive letters: file:///C:/…
	}
	q := "_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
	if readOnly {
		q += "&mode=ro"
	} else {
		// The WAL is merged into the file every walCheckpointPages
		// pages instead of SQLite's 1,000: a page that many commits
		// change (an index's, the search index's structure) reaches the
		// file once a merge, so fewer merges write less in all.
		q += "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate" +
			"&_pragma=wal_autocheckpoint(" + strconv.Itoa(walCheckpointPages) + ")"
	}
	return u.String() + "?" + q
}

// Open opens the archive at path for reading and writing, creating the file
// and its directory when missing and applying pending migrations.
func Open(ctx context.Context, path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("create archive directory: %w", err)
	}
	// Opening the file ourselves first turns permission problems into plain
	// OS errors instead of SQLite's generic "unable to open database file".
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open archive: %w", err)
	}
	fi, err := f.Stat()
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("open archive: %w", err)
	}
	if fi.Size() > 0 {
		// Check an existing file read-only first: the read-write DSN switches
		// the file to WAL mode, which must not happen to another program's
		// database or to an archive this build cannot handle.
		ro, err := open(ctx, abs, true)
		if errors.Is(err, errHotJournal) {
			// A write was cut off (a crash, SIGKILL during the very first
			// open): its journal is "hot", and a read-only connection may
			// not roll it back. A plain read-write one does, as any
			// SQLite program would, without changing the journal mode.
			if err := rollBackHotJournal(ctx, abs); err != nil {
				return nil, err
			}
			ro, err = open(ctx, abs, true)
		}
		if err != nil {
			return nil, err
		}
		_, err = ro.schemaVersion(ctx)
		ro.Close()
		if err != nil {
			return nil, err
		}
	}
	db, err := openReadWrite(ctx, abs)
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.ensureSearchIndex(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// OpenReadOnly opens an existing archive for queries. It never writes, so it
// works while a sync holds the writer lock, but it cannot migrate either.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", path, err)
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no archive at %s; run `minutes sync` first: %w", abs, ErrNoArchive)
	} else if err != nil {
		return nil, fmt.Errorf("open archive: %w", err)
	}
	db, err := open(ctx, abs, true)
	if c := sqliteCode(err); c == sqlite3.SQLITE_READONLY || c == sqlite3.SQLITE_CANTOPEN {
		// A folder we cannot write (an archive shared read-only): SQLite
		// cannot make the -shm file WAL readers need. With nothing left in
		// the -wal file, the main file is the whole archive and can be read
		// as immutable, which makes no file at all.
		if fi, werr := os.Stat(abs + "-wal"); werr == nil && fi.Size() > 0 {
			return nil, fmt.Errorf("open archive %s: its folder is read-only and %s-wal holds changes not yet merged into it; "+
				"whoever can write the folder can merge them with `sqlite3 %s 'PRAGMA wal_checkpoint(TRUNCATE)'`: %w", abs, abs, abs, err)
		}
		db, err = open(ctx, abs, true, "immutable=1")
	}
	if err != nil {
		return nil, err
	}
	v, err := db.schemaVersion(ctx)
	if err == nil && v < SchemaVersion() {
		err = fmt.Errorf("archive %s has schema version %d, this minutes needs %d; run `minutes sync` to upgrade it: %w",
			abs, v, SchemaVersion(), ErrSchemaTooOld)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func open(ctx context.Context, abs string, readOnly bool, extra ...string) (*DB, error) {
	d := dsn(abs, readOnly)
	for _, e := range extra {
		d += "&" + e
	}
	sdb, err := sql.Open("sqlite", d)
	if err != nil {
		return nil, fmt.Errorf("open archive %s: %w", abs, err)
	}
	// Idle connections are kept, with their prepared statements and page
	// caches: the default two closed and reopened connections mid-sync.
	sdb.SetMaxIdleConns(8)
	db := &DB{db: sdb, path: abs, readOnly: readOnly, now: time.Now, terms: &termCache{}}
	// The DSN pragmas run when the first connection is made, and a file that
	// is not a database fails on the first one that reads the header.
	if err := sdb.PingContext(ctx); err == nil {
		_, err = sdb.ExecContext(ctx, "SELECT count(*) FROM sqlite_schema")
		if err != nil {
			sdb.Close()
			return nil, db.openError(err)
		}
	} else {
		sdb.Close()
		return nil, db.openError(err)
	}
	return db, nil
}

// openBusyWait bounds how long a read-write open retries while another
// connection holds the file (busy_timeout's own bound).
const openBusyWait = 5 * time.Second

// openReadWrite opens the archive read-write, retrying while SQLite says
// busy: switching a file to WAL mode reads it and then needs it alone, and
// SQLite answers a second process doing the same at the same moment (two
// first opens, as two cron jobs can make) with SQLITE_BUSY at once, without
// its busy handler, to avoid a deadlock.
func openReadWrite(ctx context.Context, abs string) (*DB, error) {
	start, wait := time.Now(), 5*time.Millisecond
	for {
		db, err := open(ctx, abs, false)
		if err == nil || sqliteCode(err) != sqlite3.SQLITE_BUSY || time.Since(start) > openBusyWait {
			return db, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		wait = min(2*wait, 200*time.Millisecond)
	}
}

// errHotJournal marks an open that found a journal left by a cut-off write.
var errHotJournal = errors.New("the archive has a journal of an interrupted write")

// rollBackHotJournal opens the file read-write in its own journal mode and
// reads it, which makes SQLite roll the interrupted write back.
func rollBackHotJournal(ctx context.Context, abs string) error {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	sdb, err := sql.Open("sqlite", u.String()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return fmt.Errorf("open archive %s: %w", abs, err)
	}
	defer sdb.Close()
	if _, err := sdb.ExecContext(ctx, "SELECT count(*) FROM sqlite_schema"); err != nil {
		return fmt.Errorf("open archive %s: roll back an interrupted write: %w", abs, err)
	}
	return nil
}

func (db *DB) openError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_READONLY_ROLLBACK {
		return fmt.Errorf("open archive %s: %w: %w", db.path, errHotJournal, err)
	}
	if sqliteCode(err) == sqlite3.SQLITE_NOTADB {
		return fmt.Errorf("%s is not a minutes archive (file is not a database): %w", db.path, ErrNotArchive)
	}
	return fmt.Errorf("open archive %s: %w", db.path, err)
}

// ErrDiskFull means a write failed because the archive could not grow: the
// disk is full, or a file-size limit was reached. SQLite says "database or
// disk is full" for the one and "disk I/O error" for the other.
var ErrDiskFull = errors.New("disk full: the archive cannot grow (free some space and run again)")

// fullDisk wraps a write error that means the file could not grow in
// ErrDiskFull, so that the message says so whatever SQLite's code.
func fullDisk(err error) error {
	if err == nil || errors.Is(err, ErrDiskFull) {
		return err
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() {
	case sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR_FSYNC, sqlite3.SQLITE_IOERR_TRUNCATE,
		sqlite3.SQLITE_IOERR_SHMSIZE:
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	}
	return err
}

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// SetNow replaces the clock used for the times the archive stamps itself
// (added_at, parsed_at), so that tests of callers get stable output.
func (db *DB) SetNow(now func() time.Time) { db.now = now }

// Path is the absolute file name of the archive.
func (db *DB) Path() string { return db.path }

// Close closes the archive. In WAL mode the last connection to close
// checkpoints the log back into the main file.
func (db *DB) Close() error {
	db.closeStmts()
	if err := db.db.Close(); err != nil {
		return fmt.Errorf("close archive %s: %w", db.path, err)
	}
	return nil
}

// schemaVersion reads the applied version; 0 for a fresh or empty file.
func (db *DB) schemaVersion(ctx context.Context) (int, error) {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, fmt.Errorf("read schema version of %s: %w", db.path, err)
	}
	defer tx.Rollback()
	v, err := versionTx(ctx, tx, db.path)
	if err != nil {
		return 0, err
	}
	return v, tx.Commit()
}

// versionTx reads the applied schema version inside tx and refuses files
// that are SQLite databases of some other program, or of a newer minutes.
func versionTx(ctx context.Context, tx *sql.Tx, path string) (int, error) {
	var hasMigrations, tables int
	err := tx.QueryRowContext(ctx, `SELECT
		count(*) FILTER (WHERE name = 'schema_migrations'),
		count(*) FILTER (WHERE name NOT LIKE 'sqlite_%')
		FROM sqlite_schema WHERE type = 'table'`).Scan(&hasMigrations, &tables)
	if err != nil {
		return 0, fmt.Errorf("read schema of %s: %w", path, err)
	}
	if hasMigrations == 0 {
		if tables > 0 {
			return 0, fmt.Errorf("%s is not a minutes archive (a SQLite database of another program): %w", path, ErrNotArchive)
		}
		return 0, nil
	}
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version of %s: %w", path, err)
	}
	if v > SchemaVersion() {
		return 0, fmt.Errorf("archive %s has schema version %d, this minutes knows only up to %d; upgrade minutes: %w",
			path, v, SchemaVersion(), ErrSchemaTooNew)
	}
	return v, nil
}

// migrate applies each pending migration in its own transaction. The
// version is re-read inside each immediate transaction, so two processes
// opening a new archive at once do not both apply the same step.
func (db *DB) migrate(ctx context.Context) error {
	for _, m := range migrations() {
		if err := db.applyMigration(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) applyMigration(ctx context.Context, m migration) error {
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("migrate %s to %s: %w", db.path, m.name, err)
	}
	defer release()
	v, err := versionTx(ctx, tx, db.path)
	if err != nil {
		return err
	}
	if v >= m.version {
		return nil
	}
	if v == 0 {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TEXT NOT NULL)`); err != nil {
			return fmt.Errorf("migrate %s: create schema_migrations: %w", db.path, err)
		}
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migrate %s to %s: %w", db.path, m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, fmtTime(db.now())); err != nil {
		return fmt.Errorf("migrate %s to %s: record: %w", db.path, m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate %s to %s: commit: %w", db.path, m.name, err)
	}
	return nil
}

// IntegrityCheck runs SQLite's own consistency check and the foreign key
// check, which SQLite does not run by itself on existing rows.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	problems, err := db.integrityProblems(ctx)
	if err != nil {
		return fmt.Errorf("integrity check of %s: %w", db.path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %s: %w", db.path, strings.Join(problems, "; "), ErrIntegrity)
	}
	return nil
}

// integrityProblems runs both checks in one read transaction and returns
// what they found.
func (db *DB) integrityProblems(ctx context.Context) ([]string, error) {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var problems []string
	rows, err := tx.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, fmt.Errorf("foreign key check: %w", err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int64
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return nil, fmt.Errorf("foreign key check: %w", err)
		}
		problems = append(problems, fmt.Sprintf("%s row %d refers to a missing %s row", table, rowid.Int64, parent))
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("foreign key check: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return problems, nil
}

// timeLayout is RFC 3339 in UTC with fixed millisecond width, so that text
// order is time order and sqlite3's datetime() and Python both read it.
const timeLayout = "2006-01-02T15:04:05.000Z"

// fmtTime formats t for storage; the zero time is stored as NULL.
func fmtTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// parseTime reads a stored time; NULL or ” is the zero time.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s.String, err)
	}
	return t.UTC(), nil
}
