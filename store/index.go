package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
)

// indexDecision works out the search row of one item from its decision and
// the text of the revision the decision was read from, and queues it in q;
// the caller writes q in the same transaction before it commits
// (searchQueue.write), so the index never disagrees with the decisions. A
// writer that has the row's analysis (pre) or the revision's text and the
// item's source (known) in hand passes them; what it does not is read.
func indexDecision(ctx context.Context, tx *sql.Tx, db *DB, rowid int64, d parse.Decision, pre *searchKeys, known *rowText, q *searchQueue) error {
	if known == nil {
		var text sql.NullString
		var sourceID int64
		err := db.queryRow(ctx, tx, `SELECT r.text, i.source_id FROM decisions d JOIN items i ON i.id = d.item_rowid
			LEFT JOIN revisions r ON r.id = d.revision_id WHERE d.item_rowid = ?`, rowid).Scan(&text, &sourceID)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("index item %d: %w", rowid, err)
		}
		known = &rowText{text.String, sourceID}
	}
	if pre == nil {
		k := analyzeRow(d.Title, searchText(d.Organization, d.Body, d.Title, d.Proposal, d.Decision, known.text))
		pre = &k
	}
	*q = append(*q, searchRow{rowid, *pre, facetTerms(known.sourceID, d.Organization, d.MeetingDate)})
	return nil
}

// rowText is what a search row holds besides its decision: the text of the
// revision the decision was read from, and the item's source.
type rowText struct {
	text     string
	sourceID int64
}

// searchQueue holds a transaction's search rows until its other writes are
// done. FTS5 keeps the rows a transaction adds in memory and writes them as
// one new segment at commit, but it also writes them out at every
// statement journal any statement opens (an UPDATE of a table with foreign
// keys, an INSERT with RETURNING): written between the other statements,
// a group of 64 items made 64 segments, which FTS5 then merged again and
// again. Written last, in a row, they make one.
type searchQueue []searchRow

type searchRow struct {
	rowid  int64
	keys   searchKeys
	facets string
}

// write writes the queued rows in order (a row queued twice ends as the
// later one) and empties the queue.
func (q *searchQueue) write(ctx context.Context, tx *sql.Tx, db *DB) error {
	for _, r := range *q {
		if err := putSearchRow(ctx, tx, db, r.rowid, r.keys, r.facets); err != nil {
			return err
		}
	}
	*q = (*q)[:0]
	return nil
}

// facetTerms are the filter terms of a decision: its source, its
// organisation and the year of its meeting. They let a filtered search hand
// FTS5 the filter as part of the match, which intersects the lists by
// skipping, instead of checking the filter on every match.
func facetTerms(sourceID int64, organization, meetingDate string) string {
	t := sourceTerm(sourceID)
	if organization != "" {
		t += " " + orgTerm(organization)
	}
	if len(meetingDate) >= 4 {
		t += " " + yearTerm(meetingDate[:4])
	}
	return t
}

func sourceTerm(id int64) string { return "s" + strconv.FormatInt(id, 10) }

func yearTerm(year string) string { return "y" + year }

// orgTerm stands for an organisation name in one token: a hash, since the
// name has spaces and any letters.
func orgTerm(organization string) string {
	h := fnv.New64a()
	h.Write([]byte(organization))
	return fmt.Sprintf("o%016x", h.Sum64())
}

// searchText is what the text columns index: organisation and body, then the
// page text, which holds title, background, proposal and decision. A page
// with no stored text (never the case for SaveItem) falls back to the parsed
// fields.
func searchText(org, body, title, proposal, decision, text string) string {
	if text == "" {
		text = title + "\n" + proposal + "\n" + decision
	}
	return org + "\n" + body + "\n" + text
}

// searchKeys are a search row's analysed columns: the keys of its title
// and text, and the same reversed.
type searchKeys struct{ tk, tr, k, r string }

// analyzeRow analyses a title and a text (searchText) for the index: the
// costly part of indexing, which callers may do ahead, off the writer.
func analyzeRow(title, text string) searchKeys {
	var s searchKeys
	s.tk, s.tr = search.Analyze(title)
	s.k, s.r = search.Analyze(text)
	return s
}

func putSearchRow(ctx context.Context, tx *sql.Tx, db *DB, rowid int64, sk searchKeys, facets string) error {
	tk, tr, k, r := sk.tk, sk.tr, sk.k, sk.r
	if _, err := db.exec(ctx, tx, `DELETE FROM search WHERE rowid = ?`, rowid); err != nil {
		return fmt.Errorf("index item %d: %w", rowid, err)
	}
	if _, err := db.exec(ctx, tx, `INSERT INTO search (rowid, title_keys, title_revs, text_keys, text_revs, facets)
		VALUES (?, ?, ?, ?, ?, ?)`, rowid, tk, tr, k, r, facets); err != nil {
		return fmt.Errorf("index item %d: %w", rowid, err)
	}
	return addTerms(ctx, tx, db.terms, k) // the text's keys hold the title's
}

// minTermRunes: shorter keys are never a compound's part (see
// search.Vocabulary), so search_terms does not keep them.
const minTermRunes = 3

// addTerms records a text's distinct keys in search_terms, in one statement
// per batch, leaving out those this process already wrote (terms).
func addTerms(ctx context.Context, tx *sql.Tx, terms *termCache, keys string) error {
	fresh := terms.newKeys(keys)
	for len(fresh) > 0 {
		n := min(len(fresh), maxVocabArgs)
		batch := make([]any, n)
		for i, k := range fresh[:n] {
			batch[i] = k
		}
		fresh = fresh[n:]
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO search_terms (term) VALUES `+
			strings.TrimSuffix(strings.Repeat("(?),", n), ","), batch...); err != nil {
			return fmt.Errorf("index terms: %w", err)
		}
	}
	return nil
}

// termCache remembers the keys this process wrote to search_terms, so that
// a sync writes each word once, not once a page (common words are on every
// page). A key remembered from a transaction that then rolled back is
// missing from search_terms until a page holding it is indexed by another
// process: at worst a compound is not split for a while.
type termCache struct {
	mu   sync.Mutex
	keys map[string]struct{}
}

// maxCachedTerms bounds the cache; past it every key is written again
// (INSERT OR IGNORE).
const maxCachedTerms = 1 << 20

// newKeys returns the keys of a text (keys separated by spaces) of at
// least minTermRunes letters that are new to the cache, and records them,
// in one hold of its lock. A nil cache knows nothing: every such key is
// new, a key repeated in the text more than once (INSERT OR IGNORE takes
// that in its stride), as is a key the full cache cannot remember.
func (c *termCache) newKeys(keys string) []string {
	var out []string
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.keys == nil {
			c.keys = map[string]struct{}{}
		}
	}
	for rest := keys; rest != ""; {
		var k string
		k, rest, _ = strings.Cut(rest, " ")
		// Past (minTermRunes-1)*utf8.UTFMax bytes a key has enough
		// letters whatever they are: only shorter keys are counted.
		if len(k) <= (minTermRunes-1)*utf8.UTFMax && utf8.RuneCountInString(k) < minTermRunes {
			continue
		}
		if c != nil {
			if _, ok := c.keys[k]; ok {
				continue
			}
			if len(c.keys) < maxCachedTerms {
				c.keys[k] = struct{}{}
			}
		}
		out = append(out, k)
	}
	return out
}

// reindexBatch is how many decisions one transaction of a rebuild indexes:
// big enough to be fast, small enough not to hold the write lock for long.
const reindexBatch = 2000

// ensureSearchIndex rebuilds the search index when it was written by another
// analyzer version than this program's (or by none: an archive migrated from
// schema 1). A rebuild that is interrupted starts over at the next open.
func (db *DB) ensureSearchIndex(ctx context.Context) error {
	var v string
	if err := db.db.QueryRowContext(ctx, `SELECT value FROM search_meta WHERE key = 'analyzer_version'`).Scan(&v); err != nil {
		return fmt.Errorf("read search index version of %s: %w", db.path, err)
	}
	if v == strconv.Itoa(search.AnalyzerVersion) {
		return nil
	}
	return db.Reindex(ctx)
}

// Reindex rebuilds the whole search index from the stored decisions and
// revision texts, in batches of one transaction each. The index is
// rebuilt by Open when needed; Reindex is exported for tools and tests.
func (db *DB) Reindex(ctx context.Context) (err error) {
	defer wrapErr(&err, "reindex %s", db.path)
	done := db.writeTurn()
	_, err = db.db.ExecContext(ctx, `DELETE FROM search`)
	done()
	if err != nil {
		return err
	}
	last := int64(-1)
	for {
		n, next, err := db.reindexFrom(ctx, last)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		last = next
	}
	defer db.writeTurn()()
	_, err = db.db.ExecContext(ctx, `UPDATE search_meta SET value = ? WHERE key = 'analyzer_version'`,
		strconv.Itoa(search.AnalyzerVersion))
	return err
}

func (db *DB) reindexFrom(ctx context.Context, after int64) (n int, last int64, err error) {
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer release()
	rows, err := tx.QueryContext(ctx, `SELECT d.item_rowid, d.organization, d.body, d.title, d.proposal, d.decision,
			coalesce(r.text, ''), i.source_id, coalesce(d.meeting_date, '')
		FROM decisions d JOIN items i ON i.id = d.item_rowid LEFT JOIN revisions r ON r.id = d.revision_id
		WHERE d.item_rowid > ? ORDER BY d.item_rowid LIMIT ?`, after, reindexBatch)
	if err != nil {
		return 0, 0, err
	}
	type doc struct {
		rowid               int64
		title, text, facets string
	}
	var docs []doc
	for rows.Next() {
		var d doc
		var org, body, proposal, decision, text, date string
		var sourceID int64
		if err := rows.Scan(&d.rowid, &org, &body, &d.title, &proposal, &decision, &text, &sourceID, &date); err != nil {
			rows.Close()
			return 0, 0, err
		}
		d.text = searchText(org, body, d.title, proposal, decision, text)
		d.facets = facetTerms(sourceID, org, date)
		docs = append(docs, d)
	}
	if err := rows.Close(); err != nil {
		return 0, 0, err
	}
	for _, d := range docs {
		if err := putSearchRow(ctx, tx, db, d.rowid, analyzeRow(d.title, d.text), d.facets); err != nil {
			return 0, 0, err
		}
		last = d.rowid
	}
	return len(docs), last, tx.Commit()
}

// escapeLike escapes the LIKE wildcards of user text (ESCAPE '\').
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
