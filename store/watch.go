package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
)

// Watch is a saved search: every sync records the new and changed
// decisions that match it, for 'minutes watch news' and its Atom feed.
type Watch struct {
	Name  string
	Query string // as the user wrote it; parsed again when matched
	Filter
	Created time.Time
	// Unreported counts the matches 'watch news' has not printed yet;
	// Matches all matches recorded; LastMatch is when the newest was
	// recorded (zero if none).
	Unreported, Matches int
	LastMatch           time.Time
}

// WatchMatch is one revision of a decision that matched a watch when it
// was archived.
type WatchMatch struct {
	Watch string
	Hit   // Score empty; Snippet from the watch's query
	// Change is "new" for an item's first revision, "changed" for a later
	// one (the page changed since it was first archived).
	Change     string
	RevisionID int64
	Recorded   time.Time
	Reported   time.Time // zero: not printed by 'watch news' yet
	Summary    string    // the start of the decision text, else the proposal
}

// AddWatch saves a watch. It reports what is archived after it is added;
// the decisions already in the archive are for 'minutes search' to show.
func (db *DB) AddWatch(ctx context.Context, w Watch) (err error) {
	defer wrapErr(&err, "add watch %s", w.Name)
	if _, err := search.ParseQuery(w.Query); err != nil {
		return err
	}
	if err := w.Filter.Validate(); err != nil {
		return err
	}
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM watches WHERE name = ?`, w.Name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return ErrExists
	}
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM revisions`).Scan(&top); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO watches (name, query, organization, body, since, until, outcomes, created_at, checked_revision)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, w.Name, w.Query, w.Organization, w.Body, w.Since, w.Until,
		joinOutcomes(w.Outcomes), fmtTime(db.now()), top); err != nil {
		return fullDisk(err)
	}
	return fullDisk(tx.Commit())
}

// RemoveWatch deletes a watch and the matches it recorded (ErrNotFound if
// there is none of that name). The decisions stay.
func (db *DB) RemoveWatch(ctx context.Context, name string) (err error) {
	defer wrapErr(&err, "remove watch %s", name)
	defer db.writeTurn()()
	res, err := db.db.ExecContext(ctx, `DELETE FROM watches WHERE name = ?`, name)
	if err != nil {
		return fullDisk(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Watches lists the watches by name, with their counts.
func (db *DB) Watches(ctx context.Context) (ws []Watch, err error) {
	defer wrapErr(&err, "list watches")
	rows, err := readWatchRows(ctx, db.db, "", `,
			(SELECT count(*) FROM watch_matches m WHERE m.watch_id = w.id AND m.reported_at IS NULL),
			(SELECT count(*) FROM watch_matches m WHERE m.watch_id = w.id),
			(SELECT max(recorded_at) FROM watch_matches m WHERE m.watch_id = w.id)`)
	for _, r := range rows {
		ws = append(ws, r.Watch)
	}
	return ws, err
}

// watchRow is a stored watch with its row id and high-water mark.
type watchRow struct {
	Watch
	id      int64
	checked int64
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readWatchRows reads the watches ("" for all) by name. counts, if not
// "", are the three columns of unreported, all and last match (Watches).
func readWatchRows(ctx context.Context, q querier, name, counts string) ([]watchRow, error) {
	if counts == "" {
		counts = `, 0, 0, NULL`
	}
	rows, err := q.QueryContext(ctx, `SELECT w.id, w.name, w.query, w.organization, w.body, w.since, w.until,
			w.outcomes, w.created_at, w.checked_revision`+counts+`
		FROM watches w WHERE ? = '' OR w.name = ? ORDER BY w.name`, name, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []watchRow
	for rows.Next() {
		var w watchRow
		var outcomes string
		var created, last sql.NullString
		if err := rows.Scan(&w.id, &w.Name, &w.Query, &w.Organization, &w.Body, &w.Since, &w.Until,
			&outcomes, &created, &w.checked, &w.Unreported, &w.Matches, &last); err != nil {
			return nil, err
		}
		w.Outcomes = splitOutcomes(outcomes)
		var err1, err2 error
		w.Created, err1 = parseTime(created)
		w.LastMatch, err2 = parseTime(last)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

func joinOutcomes(l []parse.Outcome) string {
	s := make([]string, len(l))
	for i, o := range l {
		s[i] = string(o)
	}
	return strings.Join(s, ",")
}

func splitOutcomes(s string) []parse.Outcome {
	var out []parse.Outcome
	for _, o := range strings.Split(s, ",") {
		if o != "" {
			out = append(out, parse.Outcome(o))
		}
	}
	return out
}

// perRowLimit is how many pending decisions are matched one by one (FTS5
// seeks each row id in the query's posting lists); past it, the whole
// query is matched once and joined to the pending decisions.
var perRowLimit = 256

// RecordWatches matches every watch against the decisions archived since
// it last looked (new items and changed ones: their current revision is
// newer than the watch's mark) and records the matches. sync calls it at
// its end; 'watch news' calls it first, so that a sync stopped halfway
// leaves nothing unmatched. It returns the number of new matches by watch
// name (watches without any left out), and, joined, the errors of the
// watches that could not be matched (the others are recorded all the same).
func (db *DB) RecordWatches(ctx context.Context) (counts map[string]int, err error) {
	defer wrapErr(&err, "record watch matches")
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	ws, err := readWatchRows(ctx, tx, "", "")
	if err != nil {
		return nil, err
	}
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM revisions`).Scan(&top); err != nil {
		return nil, err
	}
	now := fmtTime(db.now())
	counts = map[string]int{}
	// One watch that cannot be matched does not hold up the others: each
	// is matched in a savepoint, undone alone if it fails.
	var failed []error
	pending := map[int64][]int64{} // by mark: watches added together share it
	for _, w := range ws {
		if w.checked >= top {
			continue
		}
		if _, ok := pending[w.checked]; !ok {
			if pending[w.checked], err = archivedSince(ctx, tx, w.checked, top); err != nil {
				return nil, err
			}
		}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT watch`); err != nil {
			return nil, err
		}
		n, err := recordWatch(ctx, tx, w, pending[w.checked], top, now)
		if err != nil {
			if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO watch`); rerr != nil {
				return nil, rerr
			}
			failed = append(failed, fmt.Errorf("watch %s: %w", w.Name, err))
		}
		if _, err := tx.ExecContext(ctx, `RELEASE watch`); err != nil {
			return nil, err
		}
		if n > 0 && err == nil {
			counts[w.Name] = n
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fullDisk(err)
	}
	if len(failed) > 0 {
		return counts, fmt.Errorf("%w: %w", ErrWatchFailed, errors.Join(failed...))
	}
	return counts, nil
}

// ErrWatchFailed marks the errors of watches that could not be matched
// while the others were: the answer that comes with it is good for them.
var ErrWatchFailed = errors.New("some watches could not be matched")

// archivedSince lists the decisions whose current revision is in
// (after, top]: those archived, new or changed, since a watch's mark.
func archivedSince(ctx context.Context, tx *sql.Tx, after, top int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT item_rowid FROM decisions WHERE revision_id > ? AND revision_id <= ?`, after, top)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// recordWatch records the matches of one watch among pending, the
// decisions whose revision is in (w.checked, top], and moves its mark to top.
func recordWatch(ctx context.Context, tx *sql.Tx, w watchRow, pending []int64, top int64, now any) (int, error) {
	q, err := search.ParseQuery(w.Query)
	if err != nil {
		return 0, err
	}
	if q, err = q.Expand(vocab{ctx, tx}); err != nil {
		return 0, err
	}
	match := matchExpr(q, allColumns, false)
	where, fargs := w.Filter.where()
	const joins = `JOIN decisions d ON d.item_rowid = search.rowid
		JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id`
	var matched []int64
	scan := func(rows *sql.Rows, err error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			matched = append(matched, id)
		}
		return rows.Err()
	}
	switch {
	case len(pending) == 0:
	case len(pending) <= perRowLimit:
		stmt, err := tx.PrepareContext(ctx, `SELECT search.rowid FROM search `+joins+`
			WHERE search MATCH ? AND search.rowid = ? AND `+where)
		if err != nil {
			return 0, err
		}
		defer stmt.Close()
		for _, id := range pending {
			if err := scan(stmt.QueryContext(ctx, append([]any{match, id}, fargs...)...)); err != nil {
				return 0, err
			}
		}
	default:
		if err := scan(tx.QueryContext(ctx, `SELECT search.rowid FROM search `+joins+`
			WHERE search MATCH ? AND d.revision_id > ? AND d.revision_id <= ? AND `+where,
			append([]any{match, w.checked, top}, fargs...)...)); err != nil {
			return 0, err
		}
	}
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO watch_matches (watch_id, revision_id, item_rowid, change, recorded_at)
		SELECT ?, d.revision_id, d.item_rowid,
			CASE WHEN EXISTS (SELECT 1 FROM revisions r WHERE r.item_rowid = d.item_rowid AND r.id < d.revision_id)
				THEN 'changed' ELSE 'new' END, ?
		FROM decisions d WHERE d.item_rowid = ?`)
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	n := 0
	for _, id := range matched {
		res, err := ins.ExecContext(ctx, w.id, now, id)
		if err != nil {
			return 0, fullDisk(err)
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE watches SET checked_revision = ? WHERE id = ?`, top, w.id); err != nil {
		return 0, fullDisk(err)
	}
	return n, nil
}

// NewsOptions chooses the matches WatchNews returns.
type NewsOptions struct {
	// Watch is the watch's name; "" for every watch.
	Watch string
	// Since, if not zero, returns every match recorded at or after it,
	// reported or not, and marks none reported: a look back. Otherwise the
	// matches not reported yet are returned and marked reported.
	Since time.Time
}

// WatchNews records pending matches (RecordWatches), then returns the
// matches of the watches (see NewsOptions), each watch's in the order they
// were recorded, oldest first, and marks them reported. ErrNotFound if a
// named watch does not exist. With ErrWatchFailed the matches returned are
// good: only the failing watches' news is missing.
func (db *DB) WatchNews(ctx context.Context, opts NewsOptions) (out []WatchMatch, err error) {
	_, recErr := db.RecordWatches(ctx)
	if recErr != nil && !errors.Is(recErr, ErrWatchFailed) {
		return nil, recErr
	}
	defer wrapErr(&err, "watch news")
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	ws, err := readWatchRows(ctx, tx, opts.Watch, "")
	if err != nil {
		return nil, err
	}
	if opts.Watch != "" && len(ws) == 0 {
		return nil, fmt.Errorf("%s: %w", opts.Watch, ErrNotFound)
	}
	look := !opts.Since.IsZero()
	now := fmtTime(db.now())
	for _, w := range ws {
		cond, args := `m.reported_at IS NULL`, []any{w.id}
		if look {
			cond, args = `m.recorded_at >= ?`, append(args, fmtTime(opts.Since))
		}
		ms, err := readMatches(ctx, tx, w, cond, args, -1) // news is never cut
		if err != nil {
			return nil, err
		}
		if !look && len(ms) > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE watch_matches SET reported_at = ? WHERE watch_id = ? AND reported_at IS NULL`,
				now, w.id); err != nil {
				return nil, fullDisk(err)
			}
		}
		out = append(out, ms...)
	}
	if err := tx.Commit(); err != nil {
		return nil, fullDisk(err)
	}
	return out, recErr
}

// WatchFeed returns the newest matches of a watch, newest first, at most
// limit (0: 50), for its Atom feed. Nothing is marked reported: a feed and
// 'watch news' are read independently.
func (db *DB) WatchFeed(ctx context.Context, name string, limit int) (w Watch, out []WatchMatch, err error) {
	// Another watch that cannot be matched does not keep this one's feed
	// from being written; this one's own failure does.
	if _, err := db.RecordWatches(ctx); err != nil && !errors.Is(err, ErrWatchFailed) {
		return Watch{}, nil, err
	}
	defer wrapErr(&err, "watch feed %s", name)
	if limit <= 0 {
		limit = 50
	}
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Watch{}, nil, err
	}
	defer tx.Rollback()
	ws, err := readWatchRows(ctx, tx, name, "")
	if err != nil {
		return Watch{}, nil, err
	}
	if len(ws) == 0 {
		return Watch{}, nil, ErrNotFound
	}
	ms, err := readMatches(ctx, tx, ws[0], "1", []any{ws[0].id}, limit)
	if err != nil {
		return Watch{}, nil, err
	}
	for i, j := 0, len(ms)-1; i < j; i, j = i+1, j-1 {
		ms[i], ms[j] = ms[j], ms[i]
	}
	return ws[0].Watch, ms, tx.Commit()
}

// readMatches reads a watch's matches passing cond, the newest limit of
// them (-1: all), returned oldest first, with the decisions as they are
// now and snippets of the watch's query.
func readMatches(ctx context.Context, tx *sql.Tx, w watchRow, cond string, args []any, limit int) ([]WatchMatch, error) {
	// A query that no longer parses (RecordWatches reports it) still
	// lists what was recorded, without marks in the snippets.
	q, err := search.ParseQuery(w.Query)
	if err == nil {
		if q, err = q.Expand(vocab{ctx, tx}); err != nil {
			return nil, err
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT * FROM (SELECT m.revision_id, m.change, m.recorded_at, m.reported_at,
			s.name, i.item_id, i.url, d.organization, s.organization, d.body, d.document, coalesce(d.meeting_date, ''),
			d.section, d.title, d.outcome, d.unanimous, d.proposal, d.decision, coalesce(r.text, '')
		FROM watch_matches m
		JOIN items i ON i.id = m.item_rowid JOIN sources s ON s.id = i.source_id
		JOIN decisions d ON d.item_rowid = m.item_rowid
		LEFT JOIN revisions r ON r.id = m.revision_id
		WHERE m.watch_id = ? AND `+cond+`
		ORDER BY m.recorded_at DESC, m.revision_id DESC LIMIT ?) ORDER BY recorded_at, revision_id`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []WatchMatch
	for rows.Next() {
		m := WatchMatch{Watch: w.Name}
		var recorded, reported sql.NullString
		var srcOrg, doc, outcome, proposal, decision, text string
		var section sql.NullInt64
		var unanimous sql.NullBool
		if err := rows.Scan(&m.RevisionID, &m.Change, &recorded, &reported, &m.SourceName, &m.ItemID, &m.URL,
			&m.Organization, &srcOrg, &m.Body, &doc, &m.MeetingDate, &section, &m.Title, &outcome, &unanimous,
			&proposal, &decision, &text); err != nil {
			return nil, err
		}
		m.ID = PublicID(m.SourceName, m.ItemID)
		m.Organization = firstNonEmpty(m.Organization, srcOrg, m.SourceName)
		m.Document, m.Outcome = parse.Document(doc), parse.Outcome(outcome)
		m.Section, m.Unanimous = intPtr(section), boolPtr(unanimous)
		var err1, err2 error
		m.Recorded, err1 = parseTime(recorded)
		m.Reported, err2 = parseTime(reported)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		m.Snippet = snippetOf(q, text, m.Title, proposal, decision)
		m.Summary = firstNonEmpty(decision, proposal)
		out = append(out, m)
	}
	return out, rows.Err()
}
