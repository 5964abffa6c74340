package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/minutes-fi/minutes/parse"
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
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return fmt.Errorf("since %s is after until %s: %w", f.Since, f.Until, ErrBadFilter)
	}
	for _, o := range f.Outcomes {
		if !parse.ValidOutcome(string(o)) {
			return fmt.Errorf("outcome %q: want one of %s: %w", o, outcomeNames(), ErrBadFilter)
		}
	}
	return nil
}

func outcomeNames() string {
	names := make([]string, len(parse.Outcomes))
	for i, o := range parse.Outcomes {
		names[i] = string(o)
	}
	return strings.Join(names, ", ")
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
	// Score is FTS5's bm25 (title words weigh most): lower is better.
	Score   float64
	Snippet Snippet
}

// SearchOptions is a search: query, filters and the number of results.
type SearchOptions struct {
	Query string
	Filter
	Limit int // 0 means 20
}

// SearchResult is the best hits, best first.
type SearchResult struct {
	Query Query
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

// Search runs a full-text query (see Query for the language) with filters,
// and returns the best hits with snippets.
func (db *DB) Search(ctx context.Context, opts SearchOptions) (SearchResult, error) {
	q, err := ParseQuery(opts.Query)
	if err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", opts.Query, err)
	}
	if err := opts.Filter.Validate(); err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", opts.Query, err)
	}
	if opts.Limit < 0 {
		return SearchResult{}, fmt.Errorf("search %q: limit %d: %w", opts.Query, opts.Limit, ErrBadFilter)
	}
	limit := opts.Limit
	if limit == 0 {
		limit = 20
	}
	where, fargs := opts.Filter.where()
	filterJoins := ""
	if len(fargs) > 0 {
		filterJoins = `JOIN decisions d ON d.item_rowid = search.rowid
		      JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id`
	}
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", opts.Query, err)
	}
	defer tx.Rollback()
	res := SearchResult{Query: q}
	// A query whose words, in their exact keys alone, already fill the rank
	// window is common: its compound and prefix forms would cost more than
	// all the rest, and the window is full without them.
	match := q.match(allColumns)
	var exact int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT search.rowid FROM search `+filterJoins+`
		WHERE search MATCH ? AND `+where+` ORDER BY search.rowid DESC LIMIT ?)`,
		append(append([]any{q.exactMatch(allColumns)}, fargs...), rankWindow+1)...).Scan(&exact); err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", opts.Query, err)
	}
	if exact > rankWindow {
		match, res.ExactOnly = q.exactMatch(allColumns), true
	}
	args := append([]any{match}, fargs...)
	args = append(args, rankWindow+1, limit)
	// The inner query walks the matches newest first and stops after the
	// window, so bm25 is computed for at most rankWindow+1 rows.
	rows, err := tx.QueryContext(ctx, `SELECT h.score, count(*) OVER (), s.name, i.item_id, i.url, d.organization,
			d.body, d.document, coalesce(d.meeting_date, ''), d.section, d.title, d.outcome, d.unanimous,
			d.proposal, d.decision, coalesce(r.text, '')
		FROM (SELECT search.rowid AS rowid, bm25(search, 4.0, 2.0, 1.0, 0.5) AS score FROM search
		      `+filterJoins+`
		      WHERE search MATCH ? AND `+where+`
		      ORDER BY search.rowid DESC LIMIT ?) h
		JOIN decisions d ON d.item_rowid = h.rowid
		JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id
		LEFT JOIN revisions r ON r.id = d.revision_id
		ORDER BY h.score, h.rowid DESC LIMIT ?`, args...)
	if err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", opts.Query, err)
	}
	defer rows.Close()
	m := q.marker()
	for rows.Next() {
		var h Hit
		var n int
		var doc, outcome, proposal, decision, text string
		var section sql.NullInt64
		var unanimous sql.NullBool
		if err := rows.Scan(&h.Score, &n, &h.SourceName, &h.ItemID, &h.URL, &h.Organization, &h.Body, &doc,
			&h.MeetingDate, &section, &h.Title, &outcome, &unanimous, &proposal, &decision, &text); err != nil {
			return SearchResult{}, fmt.Errorf("search %q: %w", opts.Query, err)
		}
		res.Windowed = n > rankWindow
		h.ID = PublicID(h.SourceName, h.ItemID)
		h.Document, h.Outcome = parse.Document(doc), parse.Outcome(outcome)
		h.Section, h.Unanimous = intPtr(section), boolPtr(unanimous)
		h.Snippet = makeSnippet(text, m)
		if len(h.Snippet.Marks) == 0 {
			h.Snippet = makeSnippet(h.Title+". "+proposal+" "+decision, m)
		}
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", opts.Query, err)
	}
	if err := tx.Commit(); err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", opts.Query, err)
	}
	return res, nil
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

// BodyLevel ranks a deciding body for `approved`: 3 for a council
// (valtuusto, aluevaltuusto, fullmäktige), 2 for a board (hallitus,
// aluehallitus, styrelse), 1 for committees and everything else. A matter
// approved by the board and then by the council counts once, at the council.
func BodyLevel(body string) int {
	b := strings.ToLower(body)
	switch {
	case strings.Contains(b, "valtuusto") || strings.Contains(b, "fullmäktige"):
		return 3
	case strings.Contains(b, "hallitus") || strings.Contains(b, "styrelse"):
		return 2
	}
	return 1
}

// OrgDecision is the decision that speaks for one organisation in an
// Approved answer.
type OrgDecision struct {
	SourceName   string
	Organization string
	Hit          // the chosen decision (Score and Snippet are empty)
	// Matches is how many of the organisation's decisions matched.
	Matches int
}

// ApprovedResult answers "who approved it".
type ApprovedResult struct {
	Query Query
	// Approved has one row per organisation with a matching decision that
	// was approved or amended: its highest body's, then latest, such decision.
	Approved []OrgDecision
	// Otherwise has the organisations whose matching decisions all ended
	// otherwise (tabled, returned, rejected, pending, …): the highest body's,
	// then latest, decision.
	Otherwise []OrgDecision
	// Unmatched counts archived organisations (sources with items) with no
	// matching decision.
	Unmatched int
}

// Approved finds which organisations approved a matter. The query is
// matched against item titles only (the matter is what the item is called),
// with the same language and Finnish matching as Search; since and until
// bound the meeting date. An organisation is a source.
func (db *DB) Approved(ctx context.Context, query string, f Filter) (ApprovedResult, error) {
	q, err := ParseQuery(query)
	if err != nil {
		return ApprovedResult{}, fmt.Errorf("approved %q: %w", query, err)
	}
	if err := f.Validate(); err != nil {
		return ApprovedResult{}, fmt.Errorf("approved %q: %w", query, err)
	}
	where, fargs := f.where()
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return ApprovedResult{}, fmt.Errorf("approved %q: %w", query, err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.name, s.organization, i.item_id, i.url, d.organization, d.body,
			d.document, coalesce(d.meeting_date, ''), d.section, d.title, d.outcome, d.unanimous
		FROM search JOIN decisions d ON d.item_rowid = search.rowid
		JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id
		WHERE search MATCH ? AND `+where, append([]any{q.match(titleColumns)}, fargs...)...)
	if err != nil {
		return ApprovedResult{}, fmt.Errorf("approved %q: %w", query, err)
	}
	defer rows.Close()
	type best struct {
		approved, other *OrgDecision
		matches         int
	}
	bySource := map[int64]*best{}
	var order []int64
	for rows.Next() {
		var sid int64
		var od OrgDecision
		var srcOrg, doc, outcome string
		var section sql.NullInt64
		var unanimous sql.NullBool
		if err := rows.Scan(&sid, &od.SourceName, &srcOrg, &od.ItemID, &od.URL, &od.Hit.Organization, &od.Body,
			&doc, &od.MeetingDate, &section, &od.Title, &outcome, &unanimous); err != nil {
			return ApprovedResult{}, fmt.Errorf("approved %q: %w", query, err)
		}
		od.Hit.SourceName = od.SourceName
		od.ID = PublicID(od.SourceName, od.ItemID)
		od.Document, od.Outcome = parse.Document(doc), parse.Outcome(outcome)
		od.Section, od.Unanimous = intPtr(section), boolPtr(unanimous)
		od.Organization = firstNonEmpty(od.Hit.Organization, srcOrg, od.SourceName)
		b := bySource[sid]
		if b == nil {
			b = &best{}
			bySource[sid] = b
			order = append(order, sid)
		}
		b.matches++
		slot := &b.other
		if od.Outcome == parse.OutcomeApproved || od.Outcome == parse.OutcomeAmended {
			slot = &b.approved
		}
		if *slot == nil || outranks(od, **slot) {
			c := od
			*slot = &c
		}
	}
	if err := rows.Err(); err != nil {
		return ApprovedResult{}, fmt.Errorf("approved %q: %w", query, err)
	}
	var sources int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sources s
		WHERE EXISTS (SELECT 1 FROM items i WHERE i.source_id = s.id)`).Scan(&sources); err != nil {
		return ApprovedResult{}, fmt.Errorf("approved %q: %w", query, err)
	}
	if err := tx.Commit(); err != nil {
		return ApprovedResult{}, fmt.Errorf("approved %q: %w", query, err)
	}
	res := ApprovedResult{Query: q, Unmatched: sources - len(bySource)}
	for _, sid := range order {
		b := bySource[sid]
		if b.approved != nil {
			b.approved.Matches = b.matches
			res.Approved = append(res.Approved, *b.approved)
		} else {
			b.other.Matches = b.matches
			res.Otherwise = append(res.Otherwise, *b.other)
		}
	}
	for _, l := range [][]OrgDecision{res.Approved, res.Otherwise} {
		sortOrgDecisions(l)
	}
	return res, nil
}

// outranks reports whether a should speak for its organisation rather than
// b: the higher body, then the later meeting, then the later item.
func outranks(a, b OrgDecision) bool {
	if la, lb := BodyLevel(a.Body), BodyLevel(b.Body); la != lb {
		return la > lb
	}
	if a.MeetingDate != b.MeetingDate {
		return a.MeetingDate > b.MeetingDate
	}
	return a.ItemID > b.ItemID
}

func sortOrgDecisions(l []OrgDecision) {
	// By organisation name, so the list reads like a register.
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && strings.ToLower(l[j].Organization) < strings.ToLower(l[j-1].Organization); j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
