package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
)

// ErrBadFilter means a search, export or approved filter is malformed (a
// date not in YYYY-MM-DD form, an unknown outcome, a limit below one).
var ErrBadFilter = errors.New("bad filter")

// Filter narrows searches and exports. Zero fields do not filter.
type Filter struct {
	// Organization matches the source name exactly, or the organisation
	// name case-insensitively as a substring ("virolahti", "Virolahden").
	Organization string
	// Body matches the deciding body as a substring, case-insensitively
	// ("kunnanhallitus", "Ympäristölautakunta").
	Body string
	// Since and Until bound the meeting date, inclusive, "YYYY-MM-DD".
	Since, Until string
	// Outcomes keeps decisions with one of these outcomes.
	Outcomes []parse.Outcome
}

var datePattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)

// Validate checks the filter's dates and outcomes, naming the bad value.
func (f Filter) Validate() error {
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v != "" && !datePattern.MatchString(d.v) {
			return fmt.Errorf("%s date %q: want YYYY-MM-DD: %w", d.name, d.v, ErrBadFilter)
		}
		if _, err := time.Parse("2006-01-02", d.v); d.v != "" && err != nil {
			return fmt.Errorf("%s date %q: no such day: %w", d.name, d.v, ErrBadFilter)
		}
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return fmt.Errorf("since %s is after until %s: %w", f.Since, f.Until, ErrBadFilter)
	}
	for _, o := range f.Outcomes {
		if !parse.ValidOutcome(string(o)) {
			return fmt.Errorf("outcome %q: want one of %s: %w", o, parse.OutcomeList(), ErrBadFilter)
		}
	}
	return nil
}

// where returns the SQL conditions of the filter over d (decisions) and s
// (sources), and their arguments.
func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if f.Organization != "" {
		conds = append(conds, `(s.name = ? OR d.organization LIKE ? ESCAPE '\')`)
		args = append(args, f.Organization, "%"+escapeLike(f.Organization)+"%")
	}
	if f.Body != "" {
		conds = append(conds, `d.body LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(f.Body)+"%")
	}
	if f.Since != "" {
		conds = append(conds, `d.meeting_date >= ?`)
		args = append(args, f.Since)
	}
	if f.Until != "" {
		conds = append(conds, `d.meeting_date <= ?`)
		args = append(args, f.Until)
	}
	if len(f.Outcomes) > 0 {
		conds = append(conds, `d.outcome IN (`+strings.TrimSuffix(strings.Repeat("?,", len(f.Outcomes)), ",")+`)`)
		for _, o := range f.Outcomes {
			args = append(args, string(o))
		}
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

// PublicID is the stable public id of an item, "<source name>/<item id>"
// ("virolahti/2023277-5"), as printed by search and accepted by show.
func PublicID(sourceName, itemID string) string { return sourceName + "/" + itemID }

// Hit is one search result.
type Hit struct {
	ID           string // PublicID
	SourceName   string
	ItemID       string
	URL          string
	Organization string
	Body         string
	Document     parse.Document
	MeetingDate  string
	Section      *int
	Title        string
	Outcome      parse.Outcome
	Unanimous    *bool
	Votes        *parse.Votes // a recorded vote, nil if none
	// Score is FTS5's bm25 (title words weigh most): lower is better.
	Score   float64
	Snippet search.Snippet
}

// SearchOptions is a search: query, filters and the number of results.
type SearchOptions struct {
	Query search.Query
	Filter
	Limit int // 0 means 20
}

// SearchResult is the best hits, best first.
type SearchResult struct {
	// Query is the query as run: expanded with the archive's vocabulary,
	// its Notes saying how.
	Query search.Query
	Hits  []Hit
	// Windowed is true when more decisions matched than rankWindow; only
	// the most recently archived rankWindow of them were ranked.
	Windowed bool
	// ExactOnly is true when the words were so common that they were
	// matched in their inflected forms only, not inside compounds.
	ExactOnly bool
}

// rankWindow bounds how many matching decisions are ranked: bm25 costs a
// little per match, and a word found in half a million decisions would take
// seconds to rank in full. Past this many matches the most recently archived
// ones are ranked, which for such general queries is what a user wants.
const rankWindow = 2000

// scored is a matching decision and its bm25.
type scored struct {
	rowid int64
	score float64
}

// bm25Expr ranks with title words weighing most; the facet terms weigh
// nothing.
const bm25Expr = `bm25(search, 4.0, 2.0, 1.0, 0.5, 0.0)`

// Search runs a full-text query (see Query for the language) with filters,
// and returns the best hits with snippets.
func (db *DB) Search(ctx context.Context, opts SearchOptions) (res SearchResult, err error) {
	defer wrapErr(&err, "search %q", opts.Query)
	if opts.Query.IsZero() {
		return SearchResult{}, search.ErrEmptyQuery
	}
	if err := opts.Filter.Validate(); err != nil {
		return SearchResult{}, err
	}
	if opts.Limit < 0 {
		return SearchResult{}, fmt.Errorf("limit %d: %w", opts.Limit, ErrBadFilter)
	}
	limit := opts.Limit
	if limit == 0 {
		limit = 20
	}
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return SearchResult{}, err
	}
	defer tx.Rollback()
	q, err := opts.Query.Expand(vocab{ctx, tx})
	if err != nil {
		return SearchResult{}, err
	}
	res.Query = q
	cands, err := searchCandidates(ctx, tx, q, opts.Filter, &res)
	if err != nil {
		return SearchResult{}, err
	}
	res.Windowed = len(cands) > rankWindow
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].rowid > cands[j].rowid
	})
	cands = cands[:min(limit, len(cands))]
	if err := readHits(ctx, tx, q, cands, &res); err != nil {
		return SearchResult{}, err
	}
	return res, tx.Commit()
}

// Expand returns the query expanded with the archive's vocabulary (see
// search.Query.Expand), as Search, Approved and Export run it: for a caller
// that wants to say how a query is read before running it.
func (db *DB) Expand(ctx context.Context, q search.Query) (out search.Query, err error) {
	defer wrapErr(&err, "expand %q", q)
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return q, err
	}
	defer tx.Rollback()
	if out, err = q.Expand(vocab{ctx, tx}); err != nil {
		return q, err
	}
	return out, tx.Commit()
}

// wrapErr wraps a non-nil *err once with the operation: the exported methods
// defer it, so that their inner steps return errors as they come.
func wrapErr(err *error, format string, args ...any) {
	if *err != nil {
		*err = fmt.Errorf(format+": %w", append(args, *err)...)
	}
}

// searchCandidates returns the rankWindow+1 most recently archived
// decisions matching the query and the filter, with their bm25, in no
// particular order. It sets res.ExactOnly.
//
// A query whose words, in their exact keys alone, already fill the rank
// window over the whole archive is common: its compound and prefix forms
// would cost more than all the rest (FTS5 merges every term of a prefix up
// front, and bm25 counts the matches of each), and the window is full
// without them. The count ignores the filter, so that the cost of a search
// does not depend on how selective its filter is.
func searchCandidates(ctx context.Context, tx *sql.Tx, q search.Query, f Filter, res *SearchResult) ([]scored, error) {
	exact, full := matchExpr(q, allColumns, true), matchExpr(q, allColumns, false)
	where, fargs := f.where()
	if len(fargs) == 0 {
		// One walk, scored, serves as the count too: when the exact keys
		// fill the window, it is the answer.
		cands, err := walkMatches(ctx, tx, exact, "", "1", nil)
		if err != nil || len(cands) > rankWindow || full == exact {
			res.ExactOnly = len(cands) > rankWindow
			return cands, err
		}
		return walkMatches(ctx, tx, full, "", "1", nil)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT rowid FROM search
		WHERE search MATCH ? ORDER BY rowid DESC LIMIT ?)`, exact, rankWindow+1).Scan(&n); err != nil {
		return nil, err
	}
	match := full
	if n > rankWindow {
		match, res.ExactOnly = exact, true
	}
	// The filter is checked on each match, newest first, until the window
	// is full: cheap when most matches pass it. A selective filter on a
	// common word would make that walk most of the archive, so the
	// organisation and a short date range also go into the match as facet
	// terms, which FTS5 intersects by skipping; the SQL filter stays exact.
	facet, none, err := facetMatch(ctx, tx, f)
	if err != nil || none {
		return nil, err
	}
	if facet != "" {
		match = "(" + match + ") AND " + facet
	}
	return walkMatches(ctx, tx, match, `JOIN decisions d ON d.item_rowid = search.rowid
		JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id`, where, fargs)
}

// Facet limits: past maxFacetTerms organisations, or maxFacetYears years, a
// filter keeps so much that skipping to its rows no longer pays.
const (
	maxFacetTerms = 32
	maxFacetYears = 3
)

// facetMatch turns the selective parts of a filter into an FTS5 expression
// over the facets column: a superset of what the filter keeps. none is true
// when no decision can pass the organisation filter.
func facetMatch(ctx context.Context, tx *sql.Tx, f Filter) (expr string, none bool, err error) {
	var parts []string
	if f.Organization != "" {
		var terms []string
		rows, err := tx.QueryContext(ctx, `SELECT id FROM sources WHERE name = ?`, f.Organization)
		if err != nil {
			return "", false, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return "", false, err
			}
			terms = append(terms, sourceTerm(id))
		}
		if err := rows.Close(); err != nil {
			return "", false, err
		}
		// The distinct organisations, found by skipping through their index,
		// matched as the filter matches them.
		rows, err = tx.QueryContext(ctx, `WITH RECURSIVE o(v) AS (
				SELECT min(organization) FROM decisions
				UNION ALL SELECT (SELECT min(organization) FROM decisions WHERE organization > o.v) FROM o WHERE o.v IS NOT NULL)
			SELECT v FROM o WHERE v LIKE ? ESCAPE '\'`, "%"+escapeLike(f.Organization)+"%")
		if err != nil {
			return "", false, err
		}
		for rows.Next() {
			var org string
			if err := rows.Scan(&org); err != nil {
				rows.Close()
				return "", false, err
			}
			terms = append(terms, orgTerm(org))
		}
		if err := rows.Close(); err != nil {
			return "", false, err
		}
		if len(terms) == 0 {
			return "", true, nil
		}
		if len(terms) <= maxFacetTerms {
			parts = append(parts, facetOr(terms))
		}
	}
	if f.Since != "" || f.Until != "" {
		var lo, hi sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT min(meeting_date), max(meeting_date) FROM decisions`).Scan(&lo, &hi); err != nil {
			return "", false, err
		}
		from, to := max(f.Since, lo.String), hi.String
		if f.Until != "" && f.Until < to {
			to = f.Until
		}
		if len(from) >= 4 && len(to) >= 4 {
			y0, _ := strconv.Atoi(from[:4])
			y1, _ := strconv.Atoi(to[:4])
			if y1-y0+1 <= maxFacetYears {
				var terms []string
				for y := y0; y <= y1; y++ {
					terms = append(terms, yearTerm(strconv.Itoa(y)))
				}
				if len(terms) > 0 {
					parts = append(parts, facetOr(terms))
				}
			}
		}
	}
	return strings.Join(parts, " AND "), false, nil
}

func facetOr(terms []string) string {
	return `facets : ("` + strings.Join(terms, `" OR "`) + `")`
}

// walkMatches reads the matches newest first and stops after the window,
// so bm25 is computed for at most rankWindow+1 rows.
func walkMatches(ctx context.Context, tx *sql.Tx, match, joins, where string, fargs []any) ([]scored, error) {
	rows, err := tx.QueryContext(ctx, `SELECT search.rowid, `+bm25Expr+` FROM search `+joins+`
		WHERE search MATCH ? AND `+where+` ORDER BY search.rowid DESC LIMIT ?`,
		append(append([]any{match}, fargs...), rankWindow+1)...)
	if err != nil {
		return nil, err
	}
	return scanScored(rows)
}

func scanScored(rows *sql.Rows) ([]scored, error) {
	defer rows.Close()
	var out []scored
	for rows.Next() {
		var s scored
		if err := rows.Scan(&s.rowid, &s.score); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// readHits reads the decisions of the ranked candidates, in order, with
// snippets.
func readHits(ctx context.Context, tx *sql.Tx, q search.Query, cands []scored, res *SearchResult) error {
	if len(cands) == 0 {
		return nil
	}
	args := make([]any, len(cands))
	for i, c := range cands {
		args[i] = c.rowid
	}
	rows, err := tx.QueryContext(ctx, `SELECT d.item_rowid, s.name, i.item_id, i.url, d.organization,
			d.body, d.document, coalesce(d.meeting_date, ''), d.section, d.title, d.outcome, d.unanimous,
			d.proposal, d.decision, coalesce(r.text, '')
		FROM decisions d
		JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id
		LEFT JOIN revisions r ON r.id = d.revision_id
		WHERE d.item_rowid IN (`+strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")+`)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byRowid := map[int64]Hit{}
	for rows.Next() {
		var h Hit
		var rowid int64
		var doc, outcome, proposal, decision, text string
		var section sql.NullInt64
		var unanimous sql.NullBool
		if err := rows.Scan(&rowid, &h.SourceName, &h.ItemID, &h.URL, &h.Organization, &h.Body, &doc,
			&h.MeetingDate, &section, &h.Title, &outcome, &unanimous, &proposal, &decision, &text); err != nil {
			return err
		}
		h.ID = PublicID(h.SourceName, h.ItemID)
		h.Document, h.Outcome = parse.Document(doc), parse.Outcome(outcome)
		h.Section, h.Unanimous = intPtr(section), boolPtr(unanimous)
		h.Snippet = snippetOf(q, text, h.Title, proposal, decision)
		byRowid[rowid] = h
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range cands {
		if h, ok := byRowid[c.rowid]; ok {
			h.Score = c.score
			res.Hits = append(res.Hits, h)
		}
	}
	return nil
}

// snippetOf cuts a decision's snippet from its page text, else (no word
// of the query there: a text of an older extractor) from its title,
// proposal and decision.
func snippetOf(q search.Query, text, title, proposal, decision string) search.Snippet {
	if sn := q.Snippet(text); len(sn.Marks) > 0 {
		return sn
	}
	return q.Snippet(title + ". " + proposal + " " + decision)
}

// votesOf is the recorded vote of the four vote columns, nil if none.
func votesOf(yes, no, blank, absent sql.NullInt64) *parse.Votes {
	if !yes.Valid && !no.Valid && !blank.Valid && !absent.Valid {
		return nil
	}
	return &parse.Votes{Yes: int(yes.Int64), No: int(no.Int64), Blank: int(blank.Int64), Absent: int(absent.Int64)}
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

func boolPtr(b sql.NullBool) *bool {
	if !b.Valid {
		return nil
	}
	v := b.Bool
	return &v
}
