package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/minutes-fi/minutes/parse"
)

// StoredPage is what the archive keeps of a revision for a reader to read
// it again: the raw bytes as served (Body), and what was known around them.
type StoredPage struct {
	ContentType string // its HTTP Content-Type
	Text        string // the text the extractor made of it (the current one's, after a reparse)
	// Extracted is what the reader recorded of the page besides its text
	// (Fetched.Extracted, Reading.Extracted); nil if nothing was.
	Extracted    []byte
	FeedTitle    string // the item's feed title, "" if none was seen
	Organization string // the source's organisation, "" if unknown

	body func() ([]byte, error) // reads the raw page: Body
}

// Body returns the page's body exactly as received, read from the archive
// and decompressed on demand: a reader that has what it needs in Text and
// Extracted reads none of the raw pages, most of an archive's bytes.
func (p StoredPage) Body() ([]byte, error) {
	if p.body == nil {
		return nil, nil
	}
	return p.body()
}

// rawBody reads a revision's raw page (StoredPage.Body), and keeps an
// error in *errp: a page the archive cannot hand back stops the reparse
// whatever the reader made of it.
func rawBody(ctx context.Context, stmt *sql.Stmt, revID int64, errp *error) func() ([]byte, error) {
	return func() ([]byte, error) {
		var raw []byte
		var encoding string
		err := stmt.QueryRowContext(ctx, revID).Scan(&raw, &encoding)
		if err == nil {
			raw, err = decodeRaw(raw, encoding)
		}
		if err != nil {
			*errp = fmt.Errorf("raw page of revision %d: %w", revID, err)
			return nil, *errp
		}
		return raw, nil
	}
}

// Reading is what reading a stored page again gave: the page's text as the
// current extractor makes it, the decision the current parser reads from
// it, and what the reader records of the page besides its text (kept with
// the revision when not nil and not what is kept already).
type Reading struct {
	Text      string
	Decision  parse.Decision
	Extracted []byte
}

// ReparseOptions says how to re-read stored pages. Read is passed in
// because the store neither extracts nor parses pages itself: it only keeps
// what they gave. Read returns what reading the page again gave (Reading).
type ReparseOptions struct {
	Read    func(StoredPage) Reading
	Version int // parse.Version of the parser behind Read
	// Outdated limits the run to decisions made by an older parser version.
	// Without it every decision is re-read (use it after a parser change
	// that did not bump the version).
	Outdated bool
	// Progress, when set, is called after each batch with the running totals.
	Progress func(ReparseReport)
}

// ReparseReport counts what a reparse did.
type ReparseReport struct {
	Total   int // decisions to re-read, counted when the run began
	Items   int // decisions re-read
	Changed int // decisions whose content changed
	// Fields counts changes per field, by JSON field name ("outcome": 12).
	Fields map[string]int
}

// FieldNames returns the changed field names, most changed first.
func (r ReparseReport) FieldNames() []string {
	names := make([]string, 0, len(r.Fields))
	for f := range r.Fields {
		names = append(names, f)
	}
	sort.Slice(names, func(i, j int) bool {
		if r.Fields[names[i]] != r.Fields[names[j]] {
			return r.Fields[names[i]] > r.Fields[names[j]]
		}
		return names[i] < names[j]
	})
	return names
}

// reparseBatch is how many items one read of the work list fetches;
// reparseGroup how many are read again in parallel and written back in one
// transaction (at most a batch); readAhead how many groups are read (or
// being read) ahead of the one being written. Larger groups make fewer,
// larger search-index segments, which FTS5 merges less often: at 100,000
// items a reparse that rebuilt every search row ran 2,216–2,268 items/s
// in groups of 256 and 2,681–2,803 in groups of 512.
const (
	reparseBatch = 512
	reparseGroup = 512
	readAhead    = 2
)

// Reparse reads again the raw page of the revision each current decision
// was read from, with the current extractor and parser, and replaces the
// decisions that come out different. The revision's text is derived from its
// raw bytes, so a better extractor's text replaces it (and its hash, so that
// the next sync compares against it); the raw bytes are never changed.
//
// Items go in groups of reparseGroup: their pages are read again on every
// core (Read must be safe for concurrent use), then the group is written in
// one transaction: each new decision, its search row and a reparse_log row
// (changed fields, and the old decision as JSON). An interrupted run leaves
// every group either done or untouched, and running it again (with
// Outdated, only what is left) finishes the job. A decision that comes out
// the same only has its parser_version brought up to date. The caller holds
// the writer lock: nothing else writes while a group is read.
func (db *DB) Reparse(ctx context.Context, opts ReparseOptions) (ReparseReport, error) {
	rep := ReparseReport{Fields: map[string]int{}}
	if opts.Read == nil {
		return rep, fmt.Errorf("reparse: no parser")
	}
	cond, cargs := "1", []any{}
	if opts.Outdated {
		cond, cargs = "parser_version < ?", []any{opts.Version}
	}
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM decisions WHERE `+cond, cargs...).Scan(&rep.Total); err != nil {
		return rep, fmt.Errorf("reparse: count decisions: %w", err)
	}
	// A reader that needs a raw page reads it then, one statement for the
	// run (StoredPage.Body).
	rawStmt, err := db.db.PrepareContext(ctx, `SELECT raw, raw_encoding FROM revisions WHERE id = ?`)
	if err != nil {
		return rep, fmt.Errorf("reparse: %w", err)
	}
	defer rawStmt.Close()
	// The groups are read ahead of the writer by a reader of their own, up
	// to readAhead groups (read, or being read) while one is written: the
	// writer and the page readers work on different cores, and a group
	// that reads faster than the one before it is written keeps the
	// readers busy instead of idle. Memory stays that of a few groups.
	type read struct {
		jobs []reparseJob
		err  error
	}
	next := make(chan read, readAhead-1)
	stop := make(chan struct{})
	go func() {
		defer close(next)
		send := func(r read) bool {
			select {
			case next <- r:
				return r.err == nil
			case <-stop:
				return false
			}
		}
		for after := int64(0); ; {
			ids, err := db.reparseWork(ctx, after, opts)
			if err != nil || len(ids) == 0 {
				if err != nil {
					send(read{err: err})
				}
				return
			}
			for len(ids) > 0 {
				g := ids[:min(len(ids), reparseGroup)]
				ids = ids[len(g):]
				if ctx.Err() != nil {
					send(read{err: ctx.Err()})
					return
				}
				jobs, err := db.readGroup(ctx, g, opts, rawStmt)
				if !send(read{jobs: jobs, err: err}) {
					return
				}
				after = g[len(g)-1]
			}
		}
	}()
	defer func() {
		close(stop)
		for range next { // let the reader finish
		}
	}()
	for r := range next {
		if r.err == nil {
			r.err = ctx.Err()
		}
		var changes [][]string
		if r.err == nil {
			changes, r.err = db.writeGroup(ctx, r.jobs, opts)
		}
		if r.err != nil {
			if ctx.Err() != nil {
				return rep, fmt.Errorf("reparse: %w", ctx.Err())
			}
			return rep, r.err
		}
		for _, fields := range changes {
			rep.Items++
			if len(fields) > 0 {
				rep.Changed++
			}
			for _, f := range fields {
				rep.Fields[f]++
			}
		}
		if opts.Progress != nil {
			opts.Progress(rep)
		}
	}
	return rep, nil
}

func (db *DB) reparseWork(ctx context.Context, after int64, opts ReparseOptions) (_ []int64, err error) {
	defer wrapErr(&err, "reparse: list decisions")
	cond := "1"
	if opts.Outdated {
		cond = "parser_version < ?"
	}
	args := []any{after}
	if opts.Outdated {
		args = append(args, opts.Version)
	}
	args = append(args, reparseBatch)
	rows, err := db.db.QueryContext(ctx, `SELECT item_rowid FROM decisions WHERE item_rowid > ? AND `+cond+`
		ORDER BY item_rowid LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// reparseJob is one item of a group: what is stored, and what reading it
// again gave.
type reparseJob struct {
	rowid, revID    int64
	sourceID        int64
	page            StoredPage
	oldData         string
	oldVersion      int
	currentRevision sql.NullInt64
	gone            bool // removed since the work list was read
	text            string
	d               parse.Decision
	extracted       []byte // to keep with the revision; nil keeps what is kept
	bodyErr         error  // reading the raw page failed (StoredPage.Body)
	// What the worker works out off the writer: the decision's JSON, the
	// fields that changed ("text" too when the text did), the search row's
	// analysis when the row must be rebuilt (hasKeys), or an error.
	data    []byte
	fields  []string
	keys    searchKeys
	hasKeys bool
	err     error
}

// readGroup reads a group's stored pages and reads them again in parallel.
func (db *DB) readGroup(ctx context.Context, ids []int64, opts ReparseOptions, rawStmt *sql.Stmt) ([]reparseJob, error) {
	jobs, err := db.loadReparseJobs(ctx, ids, rawStmt)
	if err != nil {
		return nil, err
	}
	work := make(chan *reparseJob)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.err = readJob(j, opts)
			}
		}()
	}
	for i := range jobs {
		if !jobs[i].gone {
			work <- &jobs[i]
		}
	}
	close(work)
	wg.Wait()
	return jobs, nil
}

// readJob reads one stored page again and works out what its writer will
// need: all but the writing, on the worker's core.
func readJob(j *reparseJob, opts ReparseOptions) (err error) {
	r := opts.Read(j.page)
	if j.bodyErr != nil {
		return j.bodyErr
	}
	j.text, j.d = norm.NFC.String(r.Text), r.Decision
	if r.Extracted != nil && !bytes.Equal(r.Extracted, j.page.Extracted) {
		j.extracted = r.Extracted
	}
	if j.data, err = json.Marshal(j.d); err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	if j.fields, err = changedFields([]byte(j.oldData), j.data); err != nil {
		return err
	}
	if j.text != j.page.Text {
		j.fields = append(j.fields, "text")
	}
	if reindexNeeded(j.fields, j.text) {
		// The index's analysis: the text the revision will hold, as
		// indexDecision would read it.
		j.keys = analyzeRow(j.d.Title, searchText(j.d.Organization, j.d.Body, j.d.Title, j.d.Proposal, j.d.Decision, j.text))
		j.hasKeys = true
	}
	return nil
}

// writeGroup writes a group back in one transaction and returns each
// item's changed fields.
func (db *DB) writeGroup(ctx context.Context, jobs []reparseJob, opts ReparseOptions) ([][]string, error) {
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("reparse: %w", err)
	}
	defer release()
	out := make([][]string, 0, len(jobs))
	var q searchQueue
	for i := range jobs {
		if jobs[i].gone {
			continue
		}
		fields, err := db.applyReparse(ctx, tx, &jobs[i], opts, &q)
		if err != nil {
			return nil, fmt.Errorf("reparse item %d: %w", jobs[i].rowid, err)
		}
		out = append(out, fields)
	}
	if err := q.write(ctx, tx, db); err != nil {
		return nil, fmt.Errorf("reparse: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("reparse: commit: %w", err)
	}
	return out, nil
}

// loadReparseJobs reads, in one query, what the archive keeps of a group's
// current decisions and the revisions they were read from, in the order of
// ids; an item removed since the work list was read is marked gone.
func (db *DB) loadReparseJobs(ctx context.Context, ids []int64, rawStmt *sql.Stmt) ([]reparseJob, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := db.db.QueryContext(ctx, `SELECT d.item_rowid, r.id, r.content_type, r.text,
			r.extracted, i.feed_title, s.organization, d.data, d.parser_version, i.current_revision_id, i.source_id
		FROM decisions d JOIN revisions r ON r.id = d.revision_id JOIN items i ON i.id = d.item_rowid
			JOIN sources s ON s.id = i.source_id
		WHERE d.item_rowid IN (`+strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("reparse: read pages: %w", err)
	}
	defer rows.Close()
	byRowid := map[int64]*reparseJob{}
	for rows.Next() {
		j := &reparseJob{}
		var extracted sql.NullString
		if err := rows.Scan(&j.rowid, &j.revID, &j.page.ContentType, &j.page.Text, &extracted,
			&j.page.FeedTitle, &j.page.Organization, &j.oldData, &j.oldVersion, &j.currentRevision, &j.sourceID); err != nil {
			return nil, fmt.Errorf("reparse: read pages: %w", err)
		}
		if extracted.Valid {
			j.page.Extracted = []byte(extracted.String)
		}
		byRowid[j.rowid] = j
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reparse: read pages: %w", err)
	}
	jobs := make([]reparseJob, len(ids))
	for i, id := range ids {
		if j, ok := byRowid[id]; ok {
			jobs[i] = *j
			jobs[i].page.body = rawBody(ctx, rawStmt, j.revID, &jobs[i].bodyErr)
		} else {
			jobs[i] = reparseJob{rowid: id, gone: true}
		}
	}
	return jobs, nil
}

// applyReparse writes one item's new reading in the group's transaction
// (its search row queued in q) and returns the names of the fields that
// changed.
func (db *DB) applyReparse(ctx context.Context, tx *sql.Tx, j *reparseJob, opts ReparseOptions, q *searchQueue) ([]string, error) {
	if j.err != nil {
		return nil, j.err
	}
	rowid, fields := j.rowid, j.fields
	if j.extracted != nil {
		if _, err := db.exec(ctx, tx, `UPDATE revisions SET extracted = ? WHERE id = ?`, string(j.extracted), j.revID); err != nil {
			return nil, fmt.Errorf("extracted: %w", err)
		}
	}
	if j.text != j.page.Text {
		hash := textHash(j.text)
		if _, err := db.exec(ctx, tx, `UPDATE revisions SET text = ?, content_hash = ? WHERE id = ?`, j.text, hash, j.revID); err != nil {
			return nil, fmt.Errorf("text: %w", err)
		}
		if j.currentRevision.Valid && j.currentRevision.Int64 == j.revID {
			if _, err := db.exec(ctx, tx, `UPDATE items SET content_hash = ? WHERE id = ?`, hash, rowid); err != nil {
				return nil, fmt.Errorf("text: %w", err)
			}
		}
	}
	if len(fields) == 0 && j.oldVersion == opts.Version {
		return nil, nil
	}
	if len(fields) > 0 {
		if err := updateDecision(ctx, tx, db, rowid, j.d, fields, j.data, opts.Version, db.now()); err != nil {
			return nil, err
		}
		// The search row is rebuilt only when what it indexes changed: most
		// parser improvements change outcomes or people, not the text.
		if j.hasKeys {
			if err := indexDecision(ctx, tx, db, rowid, j.d, &j.keys, &rowText{j.text, j.sourceID}, q); err != nil {
				return nil, err
			}
		}
		if _, err := db.exec(ctx, tx, `INSERT INTO reparse_log (item_rowid, revision_id, reparsed_at,
				old_parser_version, new_parser_version, fields, old_data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			rowid, j.revID, fmtTime(db.now()), j.oldVersion, opts.Version, strings.Join(fields, ","), j.oldData); err != nil {
			return nil, fmt.Errorf("log: %w", err)
		}
	} else if _, err := db.exec(ctx, tx, `UPDATE decisions SET parser_version = ?, parsed_at = ? WHERE item_rowid = ?`,
		opts.Version, fmtTime(db.now()), rowid); err != nil {
		return nil, err
	}
	return fields, nil
}

// reindexNeeded reports whether a decision whose fields changed needs its
// search row rebuilt: the row holds the keys of organisation, body, title
// and the page text (the proposal and decision stand in for a missing text),
// and the organisation and meeting year as facets (searchText, facetTerms).
func reindexNeeded(fields []string, text string) bool {
	for _, f := range fields {
		switch f {
		case "text", "organization", "body", "title", "meeting_date":
			return true
		case "proposal", "decision":
			if text == "" {
				return true
			}
		}
	}
	return false
}

// changedFields compares two decisions as JSON objects, field by field.
func changedFields(oldJSON, newJSON []byte) ([]string, error) {
	if bytes.Equal(oldJSON, newJSON) {
		// The common case of a reparse: this decision reads as it did.
		return nil, nil
	}
	var a, b map[string]json.RawMessage
	if err := json.Unmarshal(oldJSON, &a); err != nil {
		return nil, fmt.Errorf("stored decision: %w", err)
	}
	if err := json.Unmarshal(newJSON, &b); err != nil {
		return nil, err
	}
	var out []string
	for k, v := range b {
		if !jsonEqual(a[k], v) {
			out = append(out, k)
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out, nil
}

func jsonEqual(a, b json.RawMessage) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var ca, cb bytes.Buffer
	if json.Compact(&ca, a) != nil || json.Compact(&cb, b) != nil {
		return bytes.Equal(a, b)
	}
	return bytes.Equal(ca.Bytes(), cb.Bytes())
}

// ReparseLogEntry is one recorded reparse change of an item.
type ReparseLogEntry struct {
	RevisionID                         int64
	At                                 string
	OldParserVersion, NewParserVersion int
	Fields                             []string
}

// ReparseLog returns the reparse changes recorded for an item, oldest first.
func (db *DB) ReparseLog(ctx context.Context, itemRowID int64) (_ []ReparseLogEntry, err error) {
	defer wrapErr(&err, "reparse log of item %d", itemRowID)
	rows, err := db.db.QueryContext(ctx, `SELECT revision_id, reparsed_at, old_parser_version, new_parser_version, fields
		FROM reparse_log WHERE item_rowid = ? ORDER BY id`, itemRowID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReparseLogEntry
	for rows.Next() {
		var e ReparseLogEntry
		var fields string
		if err := rows.Scan(&e.RevisionID, &e.At, &e.OldParserVersion, &e.NewParserVersion, &fields); err != nil {
			return nil, err
		}
		e.Fields = strings.Split(fields, ",")
		out = append(out, e)
	}
	return out, rows.Err()
}

// NewStoredPage makes a stored page as the archive hands it to a reader,
// for readers' tests: raw is the body as received.
func NewStoredPage(raw []byte, contentType, text string, extracted []byte, feedTitle, organization string) StoredPage {
	return StoredPage{ContentType: contentType, Text: text, Extracted: extracted, FeedTitle: feedTitle,
		Organization: organization, body: func() ([]byte, error) { return raw, nil }}
}
