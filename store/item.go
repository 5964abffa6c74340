package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/text/unicode/norm"

	"github.com/minutes-fi/minutes/parse"
)

// Validators returns the HTTP validators last stored for a non-item URL
// (feed, meeting list); both are "" when the URL was never seen.
func (db *DB) Validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = db.db.QueryRowContext(ctx, `SELECT etag, last_modified FROM http_validators WHERE url = ?`, url).
		Scan(&etag, &lastModified)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", "", fmt.Errorf("validators of %s: %w", url, err)
	}
	return etag, lastModified, nil
}

// SetValidators stores the validators of a non-item URL for the next
// conditional GET.
func (db *DB) SetValidators(ctx context.Context, url, etag, lastModified string, at time.Time) (err error) {
	defer wrapErr(&err, "set validators of %s", url)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	if _, err := tx.ExecContext(ctx, `INSERT INTO http_validators (url, etag, last_modified, checked_at)
		VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			checked_at = excluded.checked_at`, url, etag, lastModified, fmtTime(at)); err != nil {
		return err
	}
	return tx.Commit()
}

// ItemState is what a sync needs to decide whether to fetch an item again.
type ItemState struct {
	Known                                            bool
	FeedFingerprint, ETag, LastModified, ContentHash string
	// Document and MeetingDate are of the current decision, so a sync can
	// refetch an item whose agenda has since become minutes.
	Document, MeetingDate string
	Gone                  bool
	LastChecked           time.Time
}

// ItemState returns the stored state of an item; Known is false (and the
// error nil) when the archive has never seen it.
func (db *DB) ItemState(ctx context.Context, sourceID int64, itemID string) (st ItemState, err error) {
	defer wrapErr(&err, "state of item %s", itemID)
	var gone, checked, date sql.NullString
	var doc sql.NullString
	err = db.db.QueryRowContext(ctx, `SELECT i.feed_fingerprint, i.etag, i.last_modified, i.content_hash,
			d.document, d.meeting_date, i.gone_at, i.last_checked
		FROM items i LEFT JOIN decisions d ON d.item_rowid = i.id
		WHERE i.source_id = ? AND i.item_id = ?`, sourceID, itemID).
		Scan(&st.FeedFingerprint, &st.ETag, &st.LastModified, &st.ContentHash, &doc, &date, &gone, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return ItemState{}, nil
	}
	if err != nil {
		return ItemState{}, err
	}
	st.Known = true
	st.Document, st.MeetingDate, st.Gone = doc.String, date.String, gone.Valid
	if st.LastChecked, err = parseTime(checked); err != nil {
		return ItemState{}, err
	}
	return st, nil
}

// Fetched is one item page as downloaded and parsed, ready to be archived.
type Fetched struct {
	SourceID    int64
	ItemID, URL string
	// MeetingID and Position are the item id's two parts, M and k of
	// "M-k" (scrape.SplitItemID); "" and 0 are stored as unknown.
	MeetingID    string
	Position     int
	FetchedAt    time.Time
	Status       int
	ContentType  string
	ETag         string
	LastModified string
	// Raw is the body exactly as received, before any charset decoding.
	Raw []byte
	// Text is the extracted text. The content hash is taken over its NFC
	// form, not over Raw, so markup noise (session ids, timestamps in the
	// HTML) does not count as a change.
	Text            string
	FeedFingerprint string
	// FeedTitle is the feed entry's whole title; "" keeps the one stored.
	FeedTitle string
	// Extracted is the reader's record of the page besides its text,
	// kept with a new revision as given (StoredPage.Extracted); nil: none.
	Extracted     []byte
	Decision      parse.Decision
	ParserVersion int
}

// Change says what SaveItem did.
type Change int

// The outcomes of SaveItem.
const (
	ChangeNew       Change = iota + 1 // item first seen
	ChangeChanged                     // text differs from the current revision: new revision
	ChangeUnchanged                   // same text: only check time and validators updated
)

// String returns "new", "changed" or "unchanged", as shown in sync output.
func (c Change) String() string {
	switch c {
	case ChangeNew:
		return "new"
	case ChangeChanged:
		return "changed"
	case ChangeUnchanged:
		return "unchanged"
	}
	return "Change(" + strconv.Itoa(int(c)) + ")"
}

// contentHash is the hash SaveItem stores for a page text: SHA-256 (hex) of
// its NFC form.
func contentHash(text string) string {
	sum := sha256.Sum256([]byte(norm.NFC.String(text)))
	return hex.EncodeToString(sum[:])
}

// textHash is the content hash of an NFC text.
func textHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// SaveItem archives one fetched item page in one transaction. A new item
// gets its item row, first revision and decision; a page whose text hash
// equals the current revision's only refreshes the check time, validators
// and feed fingerprint (and clears the gone mark); a different text appends
// a revision, points the item at it and replaces the decision. Earlier
// revisions are never changed.
//
// When the text is unchanged but f.ParserVersion is newer than the stored
// decision's, the decision is replaced too: it is the same page read better.
func (db *DB) SaveItem(ctx context.Context, f Fetched) (Change, error) {
	ch, err := db.SaveItems(ctx, []Fetched{f})
	if err != nil {
		return 0, err
	}
	return ch[0], nil
}

// SaveItems archives several fetched pages as SaveItem does, in one
// transaction: all or none. One commit for a group costs little more than
// one for an item (the search index flushes its segment and the log writes
// the shared pages once), so a caller that can hold a few pages in hand
// saves them together; a crash then loses at most that group, which the
// next sync fetches again. The changes are in the order of fs.
func (db *DB) SaveItems(ctx context.Context, fs []Fetched) (changes []Change, err error) {
	defer func() { err = fullDisk(err) }()
	// Normalise, hash, encode, compress and analyse outside the
	// transaction: it is the slow part and needs no lock.
	ps := make([]preparedItem, len(fs))
	for i, f := range fs {
		if f.ItemID == "" {
			return nil, fmt.Errorf("save item: empty item id")
		}
		p := preparedItem{Fetched: f}
		p.Text = norm.NFC.String(f.Text)
		p.hash = textHash(p.Text)
		if p.data, err = json.Marshal(f.Decision); err != nil {
			return nil, fmt.Errorf("save item %s: encode decision: %w", f.ItemID, err)
		}
		if p.raw, err = gzipBytes(f.Raw); err != nil {
			return nil, fmt.Errorf("save item %s: compress: %w", f.ItemID, err)
		}
		// The search row's analysis too, for a page that turns out
		// unchanged in vain: outside the transaction, the writers of
		// other sources are not kept waiting.
		d := f.Decision
		p.keys = analyzeRow(d.Title, searchText(d.Organization, d.Body, d.Title, d.Proposal, d.Decision, p.Text))
		ps[i] = p
	}
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("save items: %w", err)
	}
	defer release()
	changes = make([]Change, len(ps))
	var q searchQueue
	for i := range ps {
		if changes[i], err = db.saveItem(ctx, tx, &ps[i], &q); err != nil {
			return nil, fmt.Errorf("save item %s: %w", ps[i].ItemID, err)
		}
	}
	if err := q.write(ctx, tx, db); err != nil {
		return nil, fmt.Errorf("save items: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("save items: commit: %w", err)
	}
	return changes, nil
}

// preparedItem is a fetched page with what SaveItems computes before its
// transaction: NFC text (in Text), its hash, the decision's JSON, the
// compressed raw bytes and the search row's analysis of the decision and
// text (used when the page is new or changed).
type preparedItem struct {
	Fetched
	hash      string
	data, raw []byte
	keys      searchKeys
}

// saveItem writes one prepared page in tx (see SaveItem), its search row
// queued in q.
func (db *DB) saveItem(ctx context.Context, tx *sql.Tx, f *preparedItem, q *searchQueue) (Change, error) {
	var rowid int64
	var curHash string
	var decVersion sql.NullInt64
	err := db.queryRow(ctx, tx, `SELECT i.id, i.content_hash, d.parser_version
		FROM items i LEFT JOIN decisions d ON d.item_rowid = i.id
		WHERE i.source_id = ? AND i.item_id = ?`, f.SourceID, f.ItemID).Scan(&rowid, &curHash, &decVersion)
	var change Change
	switch {
	case errors.Is(err, sql.ErrNoRows):
		change = ChangeNew
	case err != nil:
		return 0, err
	case curHash == f.hash:
		change = ChangeUnchanged
	default:
		change = ChangeChanged
	}
	at := fmtTime(f.FetchedAt)

	if change == ChangeNew {
		var one int
		if err := db.queryRow(ctx, tx, `SELECT 1 FROM sources WHERE id = ?`, f.SourceID).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				err = ErrNotFound
			}
			return 0, fmt.Errorf("source %d: %w", f.SourceID, err)
		}
		var meeting sql.NullString
		var position sql.NullInt64
		if f.MeetingID != "" {
			meeting = sql.NullString{String: f.MeetingID, Valid: true}
		}
		if f.Position > 0 {
			position = sql.NullInt64{Int64: int64(f.Position), Valid: true}
		}
		// No RETURNING: a statement with RETURNING opens a statement
		// journal, and FTS5 flushes its pending rows to a new segment at
		// every one, a segment per item instead of one per transaction.
		res, err := db.exec(ctx, tx, `INSERT INTO items (source_id, item_id, url, meeting_id, position,
				first_seen, last_checked, etag, last_modified, feed_fingerprint, content_hash, feed_title)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			f.SourceID, f.ItemID, f.URL, meeting, position, at, at, f.ETag, f.LastModified, f.FeedFingerprint, f.hash,
			norm.NFC.String(f.FeedTitle))
		if err == nil {
			rowid, err = res.LastInsertId()
		}
		if err != nil {
			return 0, fmt.Errorf("insert item: %w", err)
		}
	} else {
		if _, err := db.exec(ctx, tx, `UPDATE items SET url = ?, last_checked = ?, etag = ?, last_modified = ?,
				feed_fingerprint = ?, content_hash = ?, gone_at = NULL,
				feed_title = CASE WHEN ? = '' THEN feed_title ELSE ? END WHERE id = ?`,
			f.URL, at, f.ETag, f.LastModified, f.FeedFingerprint, f.hash, f.FeedTitle, norm.NFC.String(f.FeedTitle), rowid); err != nil {
			return 0, fmt.Errorf("update item: %w", err)
		}
	}

	if change != ChangeUnchanged {
		var revID int64
		var extracted any // NULL when the reader recorded nothing
		if f.Extracted != nil {
			extracted = string(f.Extracted)
		}
		res, err := db.exec(ctx, tx, `INSERT INTO revisions (item_rowid, fetched_at, http_status, content_type,
				etag, last_modified, content_hash, raw, raw_encoding, raw_size, text, parser_version, extracted)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'gzip', ?, ?, ?, ?)`,
			rowid, at, f.Status, f.ContentType, f.ETag, f.LastModified, f.hash, f.raw, len(f.Raw), f.Text, f.ParserVersion, extracted)
		if err == nil {
			revID, err = res.LastInsertId()
		}
		if err != nil {
			return 0, fmt.Errorf("insert revision: %w", err)
		}
		if _, err := db.exec(ctx, tx, `UPDATE items SET current_revision_id = ? WHERE id = ?`, revID, rowid); err != nil {
			return 0, err
		}
		if err := putDecision(ctx, tx, db, rowid, revID, f.Decision, f.data, f.ParserVersion, db.now(), &f.keys, &rowText{f.Text, f.SourceID}, q); err != nil {
			return 0, err
		}
	} else if !decVersion.Valid || int64(f.ParserVersion) > decVersion.Int64 {
		if err := putDecision(ctx, tx, db, rowid, 0, f.Decision, f.data, f.ParserVersion, db.now(), nil, nil, q); err != nil {
			return 0, err
		}
	}
	if f.Decision.Organization != "" {
		// One-off sources learn their organisation from the pages themselves.
		if _, err := db.exec(ctx, tx, `UPDATE sources SET organization = ? WHERE id = ? AND organization = ''`,
			f.Decision.Organization, f.SourceID); err != nil {
			return 0, err
		}
	}
	return change, nil
}

// putDecision writes the decision row of an item. revID 0 keeps the row's
// revision (a re-parse of the same text), falling back to the item's
// current revision when there is no row yet. pre and known, if set, are
// the search row's analysis, and the text of revision revID and the item's
// source (see indexDecision).
func putDecision(ctx context.Context, tx *sql.Tx, db *DB, rowid, revID int64, d parse.Decision, data []byte, version int, at time.Time, pre *searchKeys, known *rowText, q *searchQueue) error {
	if err := writeDecision(ctx, tx, db, rowid, revID, d, data, version, at); err != nil {
		return err
	}
	// The search row follows the decision in the same transaction.
	return indexDecision(ctx, tx, db, rowid, d, pre, known, q)
}

// decisionField is a JSON field of a Decision and its columns.
type decisionField struct {
	field   string
	columns []string
}

// decisionFields are the JSON fields of a Decision that have columns in
// the decision row (the others live in data alone), with their columns, in
// the order of the table.
var decisionFields = []decisionField{
	{"organization", []string{"organization"}}, {"body", []string{"body"}}, {"document", []string{"document"}},
	{"meeting_date", []string{"meeting_date"}}, {"section", []string{"section"}}, {"item_number", []string{"item_number"}},
	{"title", []string{"title"}}, {"diary_number", []string{"diary_number"}}, {"proposal", []string{"proposal"}},
	{"decision", []string{"decision"}}, {"outcome", []string{"outcome"}}, {"unanimous", []string{"unanimous"}},
	{"votes", []string{"votes_yes", "votes_no", "votes_blank", "votes_absent"}},
	{"confidential", []string{"confidential"}}, {"language", []string{"language"}},
}

// columnValues are a decision's values of its columns, by JSON field, in
// the order of decisionFields' columns.
func columnValues(d parse.Decision) map[string][]any {
	var unanimous any
	if d.Unanimous != nil {
		unanimous = *d.Unanimous
	}
	votes := []any{nil, nil, nil, nil}
	if d.Votes != nil {
		votes = []any{d.Votes.Yes, d.Votes.No, d.Votes.Blank, d.Votes.Absent}
	}
	return map[string][]any{
		"organization": {norm.NFC.String(d.Organization)}, "body": {norm.NFC.String(d.Body)}, "document": {string(d.Document)},
		"meeting_date": {nullString(d.MeetingDate)}, "section": {d.Section}, "item_number": {d.ItemNumber},
		"title": {norm.NFC.String(d.Title)}, "diary_number": {norm.NFC.String(d.DiaryNumber)},
		"proposal": {norm.NFC.String(d.Proposal)}, "decision": {norm.NFC.String(d.Decision)},
		"outcome": {string(d.Outcome)}, "unanimous": {unanimous}, "votes": votes,
		"confidential": {d.Confidential}, "language": {d.Language},
	}
}

// upsertDecision is the statement writeDecision runs, built once from
// decisionFields: ?1 the item, ?2 the revision (NULL: keep the row's, or
// the item's current one for a new row), then the columns, data, parser
// version and time.
var upsertDecision = func() string {
	var cols, vals, set []string
	n := 3
	for _, f := range append(decisionFields, decisionField{"", []string{"data", "parser_version", "parsed_at"}}) {
		for _, c := range f.columns {
			cols = append(cols, c)
			vals = append(vals, "?"+strconv.Itoa(n))
			set = append(set, c+" = excluded."+c)
			n++
		}
	}
	return `INSERT INTO decisions (item_rowid, revision_id, ` + strings.Join(cols, ", ") + `)
		VALUES (?1, coalesce(?2, (SELECT current_revision_id FROM items WHERE id = ?1)), ` + strings.Join(vals, ", ") + `)
		ON CONFLICT (item_rowid) DO UPDATE SET revision_id = coalesce(?2, revision_id), ` + strings.Join(set, ", ")
}()

// writeDecision writes the decision row alone, its search row left as it is.
func writeDecision(ctx context.Context, tx *sql.Tx, db *DB, rowid, revID int64, d parse.Decision, data []byte, version int, at time.Time) error {
	var rev any = revID
	if revID == 0 {
		rev = nil
	}
	args := []any{rowid, rev}
	values := columnValues(d)
	for _, f := range decisionFields {
		args = append(args, values[f.field]...)
	}
	args = append(args, string(data), version, fmtTime(at))
	if _, err := db.exec(ctx, tx, upsertDecision, args...); err != nil {
		return fmt.Errorf("store decision: %w", err)
	}
	return nil
}

// updateDecision rewrites an existing decision row where fields (JSON
// field names) changed: only their columns, with the JSON, parser version
// and time, so that SQLite maintains only the indexes of the columns that
// changed (a reparse that fixes outcomes touches one index, not seven).
func updateDecision(ctx context.Context, tx *sql.Tx, db *DB, rowid int64, d parse.Decision, fields []string, data []byte, version int, at time.Time) error {
	changed := map[string]bool{}
	for _, f := range fields {
		changed[f] = true
	}
	values := columnValues(d)
	var set []string
	var args []any
	for _, f := range decisionFields { // in table order: one statement per set of fields
		if changed[f.field] {
			for k, c := range f.columns {
				set = append(set, c+" = ?")
				args = append(args, values[f.field][k])
			}
		}
	}
	set = append(set, "data = ?", "parser_version = ?", "parsed_at = ?")
	args = append(args, string(data), version, fmtTime(at), rowid)
	if _, err := db.exec(ctx, tx, `UPDATE decisions SET `+strings.Join(set, ", ")+` WHERE item_rowid = ?`, args...); err != nil {
		return fmt.Errorf("store decision: %w", err)
	}
	return nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SetDecision replaces the current decision of an item without fetching,
// for re-parsing stored revision texts with a newer parser.
func (db *DB) SetDecision(ctx context.Context, sourceID int64, itemID string, d parse.Decision, parserVersion int) (err error) {
	defer wrapErr(&err, "set decision of %s", itemID)
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	rowid, err := itemRowID(ctx, tx, sourceID, itemID)
	if err != nil {
		return err
	}
	var q searchQueue
	if err := putDecision(ctx, tx, db, rowid, 0, d, data, parserVersion, db.now(), nil, nil, &q); err != nil {
		return err
	}
	if err := q.write(ctx, tx, db); err != nil {
		return err
	}
	return tx.Commit()
}

// itemRowID returns the row id of an item, or ErrNotFound.
func itemRowID(ctx context.Context, tx *sql.Tx, sourceID int64, itemID string) (int64, error) {
	var rowid int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM items WHERE source_id = ? AND item_id = ?`, sourceID, itemID).Scan(&rowid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return rowid, err
}

// TouchItem records a check that found the item unchanged (HTTP 304, or an
// unchanged feed fingerprint): check time, validators and fingerprint are
// updated and the gone mark cleared, since the item is evidently there.
func (db *DB) TouchItem(ctx context.Context, sourceID int64, itemID, feedFingerprint, etag, lastModified string, at time.Time) (err error) {
	defer wrapErr(&err, "touch item %s", itemID)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	rowid, err := itemRowID(ctx, tx, sourceID, itemID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE items SET last_checked = ?, feed_fingerprint = ?, etag = ?,
			last_modified = ?, gone_at = NULL
		WHERE id = ?`, fmtTime(at), feedFingerprint, etag, lastModified, rowid); err != nil {
		return err
	}
	return tx.Commit()
}

// MarkGone records that the item has disappeared from its site. The item
// and its revisions are kept; the first time it was found gone is kept
// across repeated checks.
func (db *DB) MarkGone(ctx context.Context, sourceID int64, itemID string, at time.Time) (err error) {
	defer wrapErr(&err, "mark item %s gone", itemID)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	rowid, err := itemRowID(ctx, tx, sourceID, itemID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE items SET last_checked = ?1, gone_at = coalesce(gone_at, ?1)
		WHERE id = ?2`, fmtTime(at), rowid); err != nil {
		return err
	}
	return tx.Commit()
}

// Revision is one archived version of an item page.
type Revision struct {
	ID                                           int64
	FetchedAt                                    time.Time
	Status                                       int
	ContentType, ETag, LastModified, ContentHash string
	Raw                                          []byte // decompressed: the bytes as fetched
	Text                                         string
	ParserVersion                                int
}

// Item is an archived item with its current decision.
type Item struct {
	ID                     int64
	SourceID               int64
	SourceName             string
	ItemID, URL            string
	FirstSeen, LastChecked time.Time
	Gone                   bool
	Decision               parse.Decision
	// ParserVersion is the version of the parser that made Decision.
	ParserVersion int
	Revisions     int
}

// Item returns one archived item with its current decision.
func (db *DB) Item(ctx context.Context, sourceID int64, itemID string) (Item, error) {
	var it Item
	var first, checked, gone, data sql.NullString
	var version sql.NullInt64
	err := db.db.QueryRowContext(ctx, `SELECT i.id, i.source_id, s.name, i.item_id, i.url, i.first_seen, i.last_checked,
			i.gone_at, d.data, d.parser_version, (SELECT count(*) FROM revisions r WHERE r.item_rowid = i.id)
		FROM items i JOIN sources s ON s.id = i.source_id LEFT JOIN decisions d ON d.item_rowid = i.id
		WHERE i.source_id = ? AND i.item_id = ?`, sourceID, itemID).
		Scan(&it.ID, &it.SourceID, &it.SourceName, &it.ItemID, &it.URL, &first, &checked, &gone, &data, &version, &it.Revisions)
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, fmt.Errorf("item %s of source %d: %w", itemID, sourceID, ErrNotFound)
	}
	if err == nil {
		it.Gone = gone.Valid
		it.ParserVersion = int(version.Int64)
		it.FirstSeen, err = parseTime(first)
	}
	if err == nil {
		it.LastChecked, err = parseTime(checked)
	}
	if err == nil && data.Valid {
		err = json.Unmarshal([]byte(data.String), &it.Decision)
	}
	if err != nil {
		return Item{}, fmt.Errorf("item %s: %w", itemID, err)
	}
	return it, nil
}

// Revisions returns every archived version of an item, oldest first.
func (db *DB) Revisions(ctx context.Context, sourceID int64, itemID string) (_ []Revision, err error) {
	defer wrapErr(&err, "revisions of %s", itemID)
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rowid, err := itemRowID(ctx, tx, sourceID, itemID)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, fetched_at, http_status, content_type, etag, last_modified,
			content_hash, raw, raw_encoding, text, parser_version
		FROM revisions WHERE item_rowid = ? ORDER BY id`, rowid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		var at sql.NullString
		var raw []byte
		var enc string
		if err := rows.Scan(&r.ID, &at, &r.Status, &r.ContentType, &r.ETag, &r.LastModified,
			&r.ContentHash, &raw, &enc, &r.Text, &r.ParserVersion); err != nil {
			return nil, err
		}
		if r.FetchedAt, err = parseTime(at); err != nil {
			return nil, err
		}
		if r.Raw, err = decodeRaw(raw, enc); err != nil {
			return nil, fmt.Errorf("revision %d: %w", r.ID, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return out, nil
}

// Raw pages are compressed with github.com/klauspost/compress's gzip, which
// writes the same format as the standard library's (archives written
// before read alike, and any gzip reader reads these) in less than half its
// time, for pages 1 % larger (BenchmarkGzipRaw).
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + 64)
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decodeRaw(b []byte, encoding string) ([]byte, error) {
	switch encoding {
	case "identity":
		return b, nil
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("decompress raw page: %w", err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("decompress raw page: %w", err)
		}
		return out, nil
	}
	return nil, fmt.Errorf("raw page in unknown encoding %q", encoding)
}
