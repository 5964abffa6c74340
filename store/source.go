package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Source is one Dynasty installation the archive knows about: either
// registered by the user (synced by `minutes sync`) or created on the fly
// by a one-off sync of a URL.
type Source struct {
	ID           int64
	Name         string
	BaseURL      string
	Organization string
	Registered   bool
	// Times are zero when the event never happened.
	AddedAt, LastRunAt, LastSuccessAt, LastErrorAt time.Time
	// LastError is the message of the most recent failed run; it is kept
	// after later successes so the health report can say what last broke.
	LastError string
	Items     int
	// FailedRuns counts the runs in a row that failed, since FailingSince
	// (zero while the source succeeds).
	FailedRuns   int
	FailingSince time.Time
}

// Dormant reports whether a source has failed every run for at least
// DormantAfter and was tried in the last DormantRetry: sync leaves it out
// until then (sync --all tries it anyway).
func (s Source) Dormant(now time.Time) bool {
	return s.FailedRuns > 0 && !s.FailingSince.IsZero() && now.Sub(s.FailingSince) >= DormantAfter &&
		now.Sub(s.LastRunAt) < DormantRetry
}

// A source failing for DormantAfter is tried once every DormantRetry.
const (
	DormantAfter = 7 * 24 * time.Hour
	DormantRetry = 24 * time.Hour
)

// CanonicalBaseURL is the form a base URL is stored in, so that the same
// site typed two ways is one source: scheme and host lower-cased, default
// port and trailing slashes dropped. The path keeps its case (Dynasty path
// prefixes such as /D10_Haapajarvi are case-sensitive on some servers).
func CanonicalBaseURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("base URL %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("base URL %q: want http(s)://host[/prefix]", raw)
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "https" && port == "443") || (u.Scheme == "http" && port == "80") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	u.Fragment = ""
	u.RawFragment = ""
	u.User = nil
	return u.String(), nil
}

// oneOffName names a source created by a one-off sync: host and path prefix.
func oneOffName(canonical string) string {
	u, err := url.Parse(canonical)
	if err != nil {
		return canonical
	}
	return u.Host + u.Path
}

const sourceColumns = `s.id, s.name, s.base_url, s.organization, s.registered, s.added_at,
	s.last_run_at, s.last_success_at, s.last_error_at, s.last_error,
	(SELECT count(*) FROM items i WHERE i.source_id = s.id), s.failed_runs, s.failing_since`

func scanSource(row interface{ Scan(...any) error }) (Source, error) {
	var s Source
	var added, run, success, failed, since sql.NullString
	if err := row.Scan(&s.ID, &s.Name, &s.BaseURL, &s.Organization, &s.Registered, &added,
		&run, &success, &failed, &s.LastError, &s.Items, &s.FailedRuns, &since); err != nil {
		return Source{}, err
	}
	var err error
	for _, p := range []struct {
		dst *time.Time
		src sql.NullString
	}{{&s.AddedAt, added}, {&s.LastRunAt, run}, {&s.LastSuccessAt, success}, {&s.LastErrorAt, failed}, {&s.FailingSince, since}} {
		if *p.dst, err = parseTime(p.src); err != nil {
			return Source{}, err
		}
	}
	return s, nil
}

// rowQuerier is a *sql.DB or a *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// sourceWhere returns the one source matching where, or ErrNotFound.
func sourceWhere(ctx context.Context, q rowQuerier, where string, args ...any) (Source, error) {
	s, err := scanSource(q.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources s WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return Source{}, ErrNotFound
	}
	return s, err
}

// AddSource registers a source. A one-off row with the same base URL is
// adopted (registered under name, its items kept) rather than duplicated.
func (db *DB) AddSource(ctx context.Context, name, baseURL, organization string) (_ Source, err error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Source{}, errors.New("add source: empty name")
	}
	defer wrapErr(&err, "add source %s", name)
	canon, err := CanonicalBaseURL(baseURL)
	if err != nil {
		return Source{}, err
	}
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return Source{}, err
	}
	defer release()
	var regName string
	err = tx.QueryRowContext(ctx, `SELECT name FROM sources WHERE registered = 1 AND (name = ? OR base_url = ?)`,
		name, canon).Scan(&regName)
	switch {
	case err == nil:
		return Source{}, fmt.Errorf("%s: registered source %q has this name or URL: %w", canon, regName, ErrExists)
	case !errors.Is(err, sql.ErrNoRows):
		return Source{}, err
	}
	res, err := tx.ExecContext(ctx, `UPDATE sources SET registered = 1, name = ?,
		organization = CASE WHEN ? <> '' THEN ? ELSE organization END
		WHERE base_url = ?`, name, organization, organization, canon)
	if err != nil {
		return Source{}, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sources (name, base_url, organization, registered, added_at)
			VALUES (?, ?, ?, 1, ?)`, name, canon, organization, fmtTime(db.now())); err != nil {
			return Source{}, err
		}
	}
	s, err := sourceWhere(ctx, tx, `s.base_url = ?`, canon)
	if err != nil {
		return Source{}, err
	}
	if err := tx.Commit(); err != nil {
		return Source{}, err
	}
	return s, nil
}

// RemoveSource unregisters a source. Its row and archived items stay, as a
// one-off source, so that nothing fetched is ever lost by a remove.
func (db *DB) RemoveSource(ctx context.Context, name string) (err error) {
	defer wrapErr(&err, "remove source %s", name)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	res, err := tx.ExecContext(ctx, `UPDATE sources SET registered = 0 WHERE registered = 1 AND name = ?`, name)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return tx.Commit()
}

// Sources lists the registered sources by name, with health and item counts.
func (db *DB) Sources(ctx context.Context) ([]Source, error) {
	return db.listSources(ctx, `WHERE s.registered = 1 ORDER BY s.name, s.id`)
}

// AllSources lists every source, registered ones first, then one-off ones.
func (db *DB) AllSources(ctx context.Context) ([]Source, error) {
	return db.listSources(ctx, `ORDER BY s.registered DESC, s.name, s.id`)
}

func (db *DB) listSources(ctx context.Context, tail string) (_ []Source, err error) {
	defer wrapErr(&err, "list sources")
	rows, err := db.db.QueryContext(ctx, `SELECT `+sourceColumns+` FROM sources s `+tail)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Source
	for rows.Next() {
		s, err := scanSource(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// SourceByName finds a source by name, preferring the registered one when a
// one-off source happens to carry the same name.
func (db *DB) SourceByName(ctx context.Context, name string) (Source, error) {
	s, err := sourceWhere(ctx, db.db, `s.name = ? ORDER BY s.registered DESC, s.id LIMIT 1`, name)
	if err != nil {
		return Source{}, fmt.Errorf("source %s: %w", name, err)
	}
	return s, nil
}

// EnsureSource returns the source with this base URL, creating an
// unregistered one (named host+path) for a one-off sync when missing.
func (db *DB) EnsureSource(ctx context.Context, baseURL string) (_ Source, err error) {
	canon, err := CanonicalBaseURL(baseURL)
	if err != nil {
		return Source{}, fmt.Errorf("ensure source: %w", err)
	}
	defer wrapErr(&err, "ensure source %s", canon)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return Source{}, err
	}
	defer release()
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (name, base_url, registered, added_at)
		VALUES (?, ?, 0, ?) ON CONFLICT (base_url) DO NOTHING`, oneOffName(canon), canon, fmtTime(db.now())); err != nil {
		return Source{}, err
	}
	s, err := sourceWhere(ctx, tx, `s.base_url = ?`, canon)
	if err != nil {
		return Source{}, err
	}
	if err := tx.Commit(); err != nil {
		return Source{}, err
	}
	return s, nil
}

// RecordRun records the outcome of one sync run of a source: runErr nil is
// a success. The error message is kept until the next failure replaces it.
func (db *DB) RecordRun(ctx context.Context, sourceID int64, at time.Time, runErr error) (err error) {
	defer wrapErr(&err, "record run of source %d", sourceID)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	var res sql.Result
	if runErr == nil {
		res, err = tx.ExecContext(ctx, `UPDATE sources SET last_run_at = ?1, last_success_at = ?1,
			failed_runs = 0, failing_since = NULL WHERE id = ?2`,
			fmtTime(at), sourceID)
	} else {
		res, err = tx.ExecContext(ctx, `UPDATE sources SET last_run_at = ?1, last_error_at = ?1, last_error = ?2,
			failed_runs = failed_runs + 1, failing_since = coalesce(failing_since, ?1) WHERE id = ?3`,
			fmtTime(at), runErr.Error(), sourceID)
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return tx.Commit()
}
