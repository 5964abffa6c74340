package store

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
)

// Match says why a decision is in an Approved answer.
type Match string

// How a decision came to answer for its organisation.
const (
	// MatchTitle: the item's title holds enough of the query's words.
	MatchTitle Match = "title"
	// MatchTitleText: the title holds part of the query's weight
	// (textCoverage) and the item's text the rest of its words, for an
	// organisation none of whose titles match: one that names the matter
	// its own way ("TE24" in the text,
	// "työllisyysalueen perustaminen" in the title).
	MatchTitleText Match = "title+text"
	// MatchText: the title does not, but the item's own proposal or
	// decision holds every word of the query. A weaker match: shown apart.
	MatchText Match = "text"
	// MatchMatter: the item's title does not match, but it has the diary
	// number of an item that does (the council's handling of a matter its
	// board's item names in full).
	MatchMatter Match = "matter"
)

// OrgDecision is the decision that speaks for one organisation in an
// Approved answer, and why.
type OrgDecision struct {
	// Organization is the organisation's name: the decision's, else the
	// source's, else the source name.
	Organization string
	// Decision is the handling that settles the matter for the
	// organisation (Score and Snippet empty).
	Decision Hit
	// Match says how the organisation matched: through a title (also when
	// the settling handling itself was found by its diary number) or, for a
	// weaker match, only through a proposal or decision text.
	Match Match
	// Words are the query's words found in the matching title (or text).
	Words []string
	// Handlings counts the organisation's matching decisions and those with
	// their diary numbers, the settling one included ('minutes show' of the
	// settling item lists its matter's handlings).
	Handlings int
}

// ApprovedResult answers "who approved it".
type ApprovedResult struct {
	// Query is the query as run (expanded, with notes).
	Query search.Query
	// Approved has one row per organisation whose settling handling was
	// approved or amended; Otherwise those whose settling handling ended
	// otherwise (tabled, returned, rejected, pending, noted, …). Title
	// matches only: see Weak.
	Approved, Otherwise []OrgDecision
	// Weak lists organisations none of whose titles match, but whose own
	// proposal or decision text speaks of every word of the query.
	Weak []OrgDecision
	// Unmatched counts archived organisations (sources with items) with no
	// matching decision.
	Unmatched int
	// Stale counts registered sources without a successful sync in the
	// last StaleAfter: a missing row there may be a site not read, not a "no".
	Stale int
}

// StaleAfter is how long since its last successful sync a source counts
// as stale in an Approved answer.
const StaleAfter = 7 * 24 * time.Hour

// coverage is the share of a query's weight (its words weighted by how rare
// they are among titles) that a title must hold to count as naming the
// matter: half. Each organisation words the matter its own way
// ("strategisen yhteistyön sopimus", "kuntayhteistyösopimus"), so no title
// holds every word of a user's query; but a title holding only its common
// words (hyvinvointialue, 2026) does not name it.
const coverage = 0.5

// textCoverage: a title holding this share of the query's weight names the
// matter when the item's text holds the rest of the query's words.
const textCoverage = 0.25

// proceduralWeight scales the weight of a word that says what is done to a
// matter rather than what it is (search.Clause.IsProcedural: vahvistaminen,
// määrääminen, vuodelle): "tuloveroprosentin vahvistaminen vuodelle 2026"
// is named by tuloveroprosentti, and "kiinteistöveroprosentin
// vahvistaminen vuodelle 2026" is another matter.
const proceduralWeight = 0.3

// broaderShare: a broader compound weighs at most this share of the word
// it is part of (below half, so that alone it never names the matter of a
// one-word query).
const broaderShare = 0.45

// maxWeighed bounds the words that are weighed: past it, the rarest
// maxWeighed of a long query decide (2^maxWeighed subsets are considered).
const maxWeighed = 8

// Approved finds which organisations approved a matter, and how each
// settled it.
//
// An item names the matter when its title holds words of the query that
// weigh at least half of the query (a word weighs more the fewer titles
// hold it; stop words weigh nothing), and does not name only other years
// than the query's. An organisation (a source) whose titles do not name it, but
// whose own proposal or decision text holds every word, is a weak match.
// Items of an organisation with the diary number of a matching item are
// handlings of the same matter. Of an organisation's handlings the one
// that settles it speaks for it (parse.Standing.Outranks). Since and until
// bound the meeting date.
func (db *DB) Approved(ctx context.Context, query search.Query, f Filter) (res ApprovedResult, err error) {
	defer wrapErr(&err, "approved %q", query)
	if query.IsZero() {
		return ApprovedResult{}, search.ErrEmptyQuery
	}
	if err := f.Validate(); err != nil {
		return ApprovedResult{}, err
	}
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return ApprovedResult{}, err
	}
	defer tx.Rollback()
	q, err := query.Expand(vocab{ctx, tx})
	if err != nil {
		return ApprovedResult{}, err
	}
	titleExpr, partExpr, notes, broader, err := titleMatchExprs(ctx, tx, q)
	if err != nil {
		return ApprovedResult{}, err
	}
	res.Query = q.WithNotes(notes...)
	bySource := map[int64][]candidate{}
	years := queryYears(q)
	for _, m := range []Match{MatchTitle, MatchTitleText} {
		expr := titleExpr
		if m == MatchTitleText {
			// Only for the organisations no title names the matter for:
			// their facet terms go into the match, so FTS5 skips the pages
			// of the others.
			untitled, err := untitledSources(ctx, tx, bySource)
			if err != nil {
				return ApprovedResult{}, err
			}
			if partExpr == "" || len(untitled) == 0 {
				break
			}
			expr = "(" + partExpr + ") AND " + facetOr(untitled)
		}
		cands, err := approvedCandidates(ctx, tx, expr, f)
		if err != nil {
			return ApprovedResult{}, err
		}
		for _, c := range cands {
			if otherYear(years, c.title) {
				continue // "talousarvio 2025" is not the 2026 budget
			}
			if q.NamesInstruction(c.title) {
				continue // "talousarvion laadintaohje" is not the budget
			}
			c.match = m
			bySource[c.sourceID] = append(bySource[c.sourceID], c)
		}
	}
	if err := addMatterHandlings(ctx, tx, bySource, f); err != nil {
		return ApprovedResult{}, err
	}
	texted, err := textCandidates(ctx, tx, matchExpr(q, textColumns, false), f, bySource)
	if err != nil {
		return ApprovedResult{}, err
	}
	weak := map[int64][]candidate{}
	for _, c := range texted {
		if _, ok := bySource[c.sourceID]; ok {
			continue
		}
		if words, ok := ownTextMatches(q, c.proposal+"\n"+c.decision); ok {
			c.match, c.words = MatchText, words
			weak[c.sourceID] = append(weak[c.sourceID], c)
		}
	}
	titledOrgs, err := settleAll(ctx, tx, q, broader, bySource)
	if err != nil {
		return ApprovedResult{}, err
	}
	for _, od := range titledOrgs {
		if o := od.Decision.Outcome; o == parse.OutcomeApproved || o == parse.OutcomeAmended {
			res.Approved = append(res.Approved, od)
		} else {
			res.Otherwise = append(res.Otherwise, od)
		}
	}
	if res.Weak, err = settleAll(ctx, tx, q, broader, weak); err != nil {
		return ApprovedResult{}, err
	}
	var sources int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sources s
		WHERE EXISTS (SELECT 1 FROM items i WHERE i.source_id = s.id)`).Scan(&sources); err != nil {
		return ApprovedResult{}, err
	}
	res.Unmatched = sources - len(bySource) - len(weak)
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sources
		WHERE registered = 1 AND (last_success_at IS NULL OR last_success_at < ?)`,
		fmtTime(db.now().Add(-StaleAfter))).Scan(&res.Stale); err != nil {
		return ApprovedResult{}, err
	}
	for _, l := range [][]OrgDecision{res.Approved, res.Otherwise, res.Weak} {
		sortOrgDecisions(l)
	}
	return res, tx.Commit()
}

// candidate is one decision considered by Approved: what deciding which
// handling settles a matter needs, and its texts for a text match. The
// settling one's whole Hit is read afterwards (settleAll).
type candidate struct {
	rowid, sourceID          int64
	body, date, title, diary string
	document                 parse.Document
	proposal, decision       string
	match                    Match
	words                    []string
}

func (c candidate) standing() parse.Standing {
	return parse.Standing{Body: c.body, MeetingDate: c.date, Document: c.document}
}

// approvedCandidates reads the decisions matching an FTS5 expression and
// the filter, without their texts.
func approvedCandidates(ctx context.Context, tx *sql.Tx, match string, f Filter) ([]candidate, error) {
	if match == "" {
		return nil, nil
	}
	where, fargs := f.where()
	return readCandidates(ctx, tx, false, `FROM search JOIN decisions d ON d.item_rowid = search.rowid
		JOIN items i ON i.id = d.item_rowid `+sourcesJoin(f)+`
		WHERE search MATCH ? AND `+where, append([]any{match}, fargs...))
}

// sourcesJoin joins the sources only when the filter's conditions need
// them (Filter.where reads s.name for an organisation): one B-tree look-up
// a candidate fewer.
func sourcesJoin(f Filter) string {
	if f.Organization != "" {
		return `JOIN sources s ON s.id = i.source_id`
	}
	return ""
}

// maxTextPerSource bounds how many of one organisation's text matches are
// read in full (the latest): a common pair of words is in thousands of an
// organisation's pages, and one that speaks for it is enough.
const maxTextPerSource = 20

// textCandidates reads, with their proposal and decision texts, the latest
// decisions matching an FTS5 expression over the page texts, of sources
// with no title match, at most maxTextPerSource a source.
func textCandidates(ctx context.Context, tx *sql.Tx, match string, f Filter, titled map[int64][]candidate) ([]candidate, error) {
	where, fargs := f.where()
	// Only the sources without a title match: their facet terms go into the
	// match, so FTS5 skips the pages of the others.
	untitled, err := untitledSources(ctx, tx, titled)
	if err != nil || len(untitled) == 0 {
		return nil, err
	}
	match = "(" + match + ") AND " + facetOr(untitled)
	rows, err := tx.QueryContext(ctx, `SELECT search.rowid, i.source_id FROM search
		JOIN decisions d ON d.item_rowid = search.rowid JOIN items i ON i.id = d.item_rowid `+sourcesJoin(f)+`
		WHERE search MATCH ? AND `+where+` ORDER BY search.rowid DESC`, append([]any{match}, fargs...)...)
	if err != nil {
		return nil, err
	}
	perSource := map[int64]int{}
	var ids []any
	for rows.Next() {
		var rowid, sid int64
		if err := rows.Scan(&rowid, &sid); err != nil {
			rows.Close()
			return nil, err
		}
		if _, ok := titled[sid]; ok || perSource[sid] >= maxTextPerSource {
			continue
		}
		perSource[sid]++
		ids = append(ids, rowid)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	var out []candidate
	for len(ids) > 0 {
		batch := ids[:min(len(ids), maxVocabArgs)]
		ids = ids[len(batch):]
		cs, err := readCandidates(ctx, tx, true, `FROM decisions d JOIN items i ON i.id = d.item_rowid
			WHERE d.item_rowid IN (`+strings.TrimSuffix(strings.Repeat("?,", len(batch)), ",")+`)`, batch)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

// untitledSources returns the facet terms (sourceTerm) of the archived
// sources that have no candidates in titled.
func untitledSources(ctx context.Context, tx *sql.Tx, titled map[int64][]candidate) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id FROM sources s WHERE EXISTS (SELECT 1 FROM items i WHERE i.source_id = s.id)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if _, ok := titled[id]; !ok {
			out = append(out, sourceTerm(id))
		}
	}
	return out, rows.Err()
}

// readCandidates reads candidates from a FROM … WHERE clause over d
// (decisions) and i (items), and s (sources) where the clause joins them;
// their proposal and decision texts only withText.
func readCandidates(ctx context.Context, tx *sql.Tx, withText bool, from string, args []any) ([]candidate, error) {
	texts := `'', ''`
	if withText {
		texts = `d.proposal, d.decision`
	}
	rows, err := tx.QueryContext(ctx, `SELECT d.item_rowid, i.source_id, d.body, coalesce(d.meeting_date, ''), d.document,
			d.title, d.diary_number, `+texts+` `+from, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		var doc string
		if err := rows.Scan(&c.rowid, &c.sourceID, &c.body, &c.date, &doc, &c.title, &c.diary, &c.proposal, &c.decision); err != nil {
			return nil, err
		}
		c.document = parse.Document(doc)
		out = append(out, c)
	}
	return out, rows.Err()
}

// addMatterHandlings adds to each organisation's title matches the other
// decisions with their diary numbers (within the filter): the same matter
// handled again, by another body or at another meeting. The diary numbers of
// every organisation are looked up together, in batches, and the rows kept
// where source and number pair up.
func addMatterHandlings(ctx context.Context, tx *sql.Tx, bySource map[int64][]candidate, f Filter) error {
	type key struct {
		source int64
		diary  string
	}
	wanted := map[key]bool{}
	have := map[int64]bool{}
	var diaries []any
	seen := map[string]bool{}
	for sid, l := range bySource {
		for _, c := range l {
			have[c.rowid] = true
			if c.diary == "" {
				continue
			}
			wanted[key{sid, c.diary}] = true
			if !seen[c.diary] {
				seen[c.diary] = true
				diaries = append(diaries, c.diary)
			}
		}
	}
	where, fargs := f.where()
	for len(diaries) > 0 {
		batch := diaries[:min(len(diaries), maxVocabArgs)]
		diaries = diaries[len(batch):]
		more, err := readCandidates(ctx, tx, false, `FROM decisions d JOIN items i ON i.id = d.item_rowid `+sourcesJoin(f)+`
			WHERE d.diary_number IN (`+strings.TrimSuffix(strings.Repeat("?,", len(batch)), ",")+`)
			AND `+where, append(append([]any{}, batch...), fargs...))
		if err != nil {
			return err
		}
		for _, c := range more {
			if wanted[key{c.sourceID, c.diary}] && !have[c.rowid] {
				have[c.rowid] = true
				c.match = MatchMatter
				bySource[c.sourceID] = append(bySource[c.sourceID], c)
			}
		}
	}
	return nil
}

// settleAll picks, for each organisation, the handling that speaks for it
// (settle) and reads its decision.
func settleAll(ctx context.Context, tx *sql.Tx, q search.Query, broader map[string][]search.Clause, bySource map[int64][]candidate) ([]OrgDecision, error) {
	var chosen []candidate
	var counts []int
	for _, l := range bySource {
		c := settle(l)
		if (c.match == MatchTitle || c.match == MatchTitleText) && c.words == nil {
			c.words = wordsIn(q, broader, c.title)
		}
		chosen, counts = append(chosen, c), append(counts, len(l))
	}
	hits, err := readHitsByRowid(ctx, tx, chosen)
	if err != nil {
		return nil, err
	}
	var out []OrgDecision
	for i, c := range chosen {
		h, ok := hits[c.rowid]
		if !ok {
			continue
		}
		out = append(out, OrgDecision{Organization: firstNonEmpty(h.Organization, h.srcOrg, h.SourceName), Decision: h.Hit,
			Match: c.match, Words: c.words, Handlings: counts[i]})
	}
	return out, nil
}

// settle picks the handling that speaks for one organisation: the one that
// outranks the others (parse.Standing), the latest archived between equals.
// A handling found by its diary number speaks as the title match it
// belongs to (the strongest, if several), with that title's words.
func settle(l []candidate) candidate {
	best := 0
	for i := range l {
		if l[i].standing().Outranks(l[best].standing()) ||
			(!l[best].standing().Outranks(l[i].standing()) && l[i].rowid > l[best].rowid) {
			best = i
		}
	}
	b := l[best]
	if b.match == MatchMatter {
		for _, m := range []Match{MatchTitle, MatchTitleText} {
			for _, c := range l {
				if c.match == m && b.match == MatchMatter {
					b.match, b.title = m, c.title // the words come from the title that matched
				}
			}
		}
	}
	return b
}

// hitRow is a decision read in full for an answer.
type hitRow struct {
	Hit
	srcOrg string
}

// readHitsByRowid reads the decisions of the candidates, by row id.
func readHitsByRowid(ctx context.Context, tx *sql.Tx, cands []candidate) (map[int64]hitRow, error) {
	out := map[int64]hitRow{}
	for len(cands) > 0 {
		batch := cands[:min(len(cands), maxVocabArgs)]
		cands = cands[len(batch):]
		args := make([]any, len(batch))
		for i, c := range batch {
			args[i] = c.rowid
		}
		rows, err := tx.QueryContext(ctx, `SELECT d.item_rowid, s.name, s.organization, i.item_id, i.url,
				d.organization, d.body, d.document, coalesce(d.meeting_date, ''), d.section, d.title, d.outcome, d.unanimous,
				d.votes_yes, d.votes_no, d.votes_blank, d.votes_absent
			FROM decisions d JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id
			WHERE d.item_rowid IN (`+strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var h hitRow
			var rowid int64
			var doc, outcome string
			var section sql.NullInt64
			var unanimous sql.NullBool
			var yes, no, blank, absent sql.NullInt64
			if err := rows.Scan(&rowid, &h.SourceName, &h.srcOrg, &h.ItemID, &h.URL, &h.Organization, &h.Body, &doc,
				&h.MeetingDate, &section, &h.Title, &outcome, &unanimous, &yes, &no, &blank, &absent); err != nil {
				rows.Close()
				return nil, err
			}
			h.ID = PublicID(h.SourceName, h.ItemID)
			h.Document, h.Outcome = parse.Document(doc), parse.Outcome(outcome)
			h.Section, h.Unanimous = intPtr(section), boolPtr(unanimous)
			h.Votes = votesOf(yes, no, blank, absent)
			out[rowid] = h
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// titleMatchExprs returns the FTS5 expressions of "the title holds words
// weighing at least coverage of the query" and of "the title holds words
// weighing at least textCoverage, and title and text together every word",
// each an OR of the minimal sets of words that do, for each OR group of the
// query. Empty when the query has no words to weigh.
func titleMatchExprs(ctx context.Context, tx *sql.Tx, q search.Query) (title, part string, notes []search.Note, broader map[string][]search.Clause, err error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM decisions`).Scan(&n); err != nil {
		return "", "", nil, nil, err
	}
	broader = map[string][]search.Clause{}
	var titleGroups, partGroups []string
	for _, g := range q.Groups() {
		var words []search.Clause
		for _, c := range g {
			if !c.IsStopWord() {
				words = append(words, c)
			}
		}
		if len(words) == 0 {
			words = g // only stop words: they are the query
		}
		weights, err := clauseWeights(ctx, tx, words, n, false)
		if err != nil {
			return "", "", nil, nil, err
		}
		for i, c := range words {
			if c.IsProcedural() {
				weights[i] *= proceduralWeight
			}
		}
		all := words
		if len(words) > maxWeighed {
			idx := make([]int, len(words))
			for i := range idx {
				idx[i] = i
			}
			sort.SliceStable(idx, func(i, j int) bool { return weights[idx[i]] > weights[idx[j]] })
			var w2 []search.Clause
			var wt2 []float64
			for _, i := range idx[:maxWeighed] {
				w2, wt2 = append(w2, words[i]), append(wt2, weights[i])
			}
			words, weights = w2, wt2
		}
		// The broader compounds a word is made of weigh for it, less
		// (broaderShare of its weight at most), matched as whole words:
		// "veroprosenttien" for tuloveroprosentti. They do not add to the
		// query's total, and one never stands with its own word in a set.
		total := 0.0
		for _, w := range weights {
			total += w
		}
		own := len(words)
		parentOf := make([]int, len(words))
		for i := range parentOf {
			parentOf[i] = -1
		}
		for i, c := range words { // (the words as they were: range reads the slice once)
			broad, err := search.Broader(c, vocab{ctx, tx})
			if err != nil {
				return "", "", nil, nil, err
			}
			bw, err := clauseWeights(ctx, tx, broad, n, true)
			if err != nil {
				return "", "", nil, nil, err
			}
			var said []string
			for j, b := range broad {
				words, weights, parentOf = append(words, b), append(weights, min(bw[j], broaderShare*weights[i])), append(parentOf, i)
				said = append(said, b.String())
			}
			if len(said) > 0 {
				broader[c.String()] = broad
				notes = append(notes, search.Note{Word: c.String(), Text: "a title may also name it by its broader part, weighing less: " + strings.Join(said, ", ")})
			}
		}
		// A compound the query's head word begins names a thing of the kind
		// its own last part says (talousarviolaina is a loan, not the
		// budget of "talousarvio 2026"): in a title it weighs for the word
		// as a broader part does, never in full, and never with the word
		// in one set. A word before the head modifies it, and its compounds
		// are the phrase written as one word ("hyvinvoinnin vuosiraportti":
		// hyvinvointikertomus): they stay the word's own.
		heads := map[int][]string{}
		if hw := headWord(words[:own]); hw >= 0 {
			if plain, hs := withoutHeads(words[hw]); len(hs) > 0 {
				c := words[hw]
				// (A copy: all, the query's words for the text, keeps the
				// head word's compounds.)
				words = slices.Clone(words)
				words[hw] = plain
				words, weights, parentOf = append(words, c), append(weights, broaderShare*weights[hw]), append(parentOf, hw)
				heads[len(words)-1] = hs
				notes = append(notes, search.Note{Word: c.String(), Text: "the head of the query: a title with a compound it begins names another thing, weighing less"})
			}
		}
		// A year is not a matter, nor is what is done to it: 2026 alone does
		// not name the 2026 budget, "vahvistaminen vuodelle 2026" no tax
		// rate. A set names the matter only with a word of the query that
		// is neither (unless the query has none).
		content := false
		for _, c := range words {
			content = content || (!c.IsNumber() && !c.IsProcedural())
		}
		named := func(set []int) bool {
			in := map[int]bool{}
			for _, i := range set {
				in[i] = true
			}
			for _, i := range set {
				if parentOf[i] >= 0 && in[parentOf[i]] {
					return false // a word and its own broader part
				}
			}
			if !content {
				return len(set) == len(words) || !onlyNumbers(words, set)
			}
			for _, i := range set {
				if !words[i].IsNumber() && !words[i].IsProcedural() {
					return true
				}
			}
			return false
		}
		var alts, partAlts []string
		expr := func(i int, cols columns) string {
			if h, ok := heads[i]; ok {
				return headsExpr(h, cols)
			}
			return clauseExpr(words[i], cols, parentOf[i] >= 0)
		}
		for _, set := range minimalSets(weights, total, coverage, named) {
			var parts []string
			for _, i := range set {
				parts = append(parts, expr(i, titleColumns))
			}
			alts = append(alts, "("+strings.Join(parts, " AND ")+")")
		}
		// A title that names another thing of the head word's (a compound
		// it begins) does not take the rest from the text.
		namedWithText := func(set []int) bool {
			for _, i := range set {
				if _, ok := heads[i]; ok {
					return false
				}
			}
			return named(set)
		}
		for _, set := range minimalSets(weights, total, textCoverage, namedWithText) {
			inTitle := map[string]bool{}
			var parts []string
			for _, i := range set {
				parts = append(parts, expr(i, titleColumns))
				// (A broader part in the title leaves its own word to
				// the text.)
				inTitle[words[i].String()] = true
			}
			for _, c := range all {
				if !inTitle[c.String()] {
					parts = append(parts, clauseExpr(c, allColumns, false))
				}
			}
			partAlts = append(partAlts, "("+strings.Join(parts, " AND ")+")")
		}
		if len(alts) > 0 {
			titleGroups = append(titleGroups, "("+strings.Join(alts, " OR ")+")")
		}
		if len(partAlts) > 0 {
			partGroups = append(partGroups, "("+strings.Join(partAlts, " OR ")+")")
		}
	}
	join := func(groups []string) string {
		if len(groups) == 0 {
			return ""
		}
		out := "(" + strings.Join(groups, " OR ") + ")"
		for _, c := range q.Excluded() {
			out += " NOT " + clauseExpr(c, titleColumns, false)
		}
		return out
	}
	return join(titleGroups), join(partGroups), notes, broader, nil
}

// headsExpr is the FTS5 expression of a title holding one of the keys of
// compounds a word begins.
func headsExpr(heads []string, cols columns) string {
	alts := make([]string, len(heads))
	for i, h := range heads {
		alts[i] = cols.keys + " : " + ftsString(h)
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}

// withoutHeads is c without the compounds it and its synonyms begin that
// name another thing, and those compounds' keys. A compound whose last
// part is a stage of the matter itself (talousarvioehdotus, the budget's
// proposal; kuntastrategian luonnos written as one word) stays c's own.
func withoutHeads(c search.Clause) (search.Clause, []string) {
	var own, other []string
	for _, h := range c.Heads {
		if len(c.Words) == 1 && search.IsStageCompound(c.Words[0], h) {
			own = append(own, h)
		} else {
			other = append(other, h)
		}
	}
	c.Heads = own
	if len(c.Synonyms) > 0 {
		syn := make([]search.Clause, len(c.Synonyms))
		for i, s := range c.Synonyms {
			var sh []string
			syn[i], sh = withoutHeads(s)
			other = append(other, sh...)
		}
		c.Synonyms = syn
	}
	return c, other
}

// headWord is the index of the head of a query's words: the last that is
// neither a number nor procedural; -1 if none.
func headWord(words []search.Clause) int {
	for i := len(words) - 1; i >= 0; i-- {
		if !words[i].IsNumber() && !words[i].IsProcedural() {
			return i
		}
	}
	return -1
}

func onlyNumbers(cs []search.Clause, set []int) bool {
	for _, i := range set {
		if !cs[i].IsNumber() {
			return false
		}
	}
	return true
}

// clauseWeights weighs each clause by how rare it is among titles: the
// inverse document frequency of BM25, ln(1 + (n - df + 0.5)/(df + 0.5)),
// with df the titles the clause matches in every form it matches (its
// inflections, the compounds it ends or begins, its parts written apart,
// its synonyms), counted up to maxCountedTitles: a word that begins many
// compounds (kuntien: kuntalaiset, kuntastrategia …) weighs as all of them.
// With exact, each clause counts in its own forms only (a broader compound
// as a whole word).
func clauseWeights(ctx context.Context, tx *sql.Tx, cs []search.Clause, n int, exact bool) ([]float64, error) {
	out := make([]float64, len(cs))
	for i, c := range cs {
		var df int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT rowid FROM search WHERE search MATCH ? LIMIT ?)`,
			clauseExpr(c, titleColumns, exact), maxCountedTitles).Scan(&df); err != nil {
			return nil, err
		}
		df = min(df, n)
		out[i] = math.Log(1 + (float64(n-df)+0.5)/(float64(df)+0.5))
	}
	return out, nil
}

// minimalSets returns the sets of indexes whose weights sum to at least
// share of total and that ok accepts, none holding a smaller such set.
// ok must hold of every superset of a set it holds of (as "not numbers
// only" does).
func minimalSets(weights []float64, total, share float64, ok func(set []int) bool) [][]int {
	need := share * total
	const eps = 1e-9
	enough := func(mask int) bool {
		sum := 0.0
		var set []int
		for i, w := range weights {
			if mask&(1<<i) != 0 {
				sum += w
				set = append(set, i)
			}
		}
		return sum+eps >= need && ok(set)
	}
	var out [][]int
	for mask := 1; mask < 1<<len(weights); mask++ {
		if !enough(mask) {
			continue
		}
		minimal := true
		for i := range weights {
			if mask&(1<<i) != 0 && enough(mask&^(1<<i)) {
				minimal = false
				break
			}
		}
		if !minimal {
			continue
		}
		var set []int
		for i := range weights {
			if mask&(1<<i) != 0 {
				set = append(set, i)
			}
		}
		out = append(out, set)
	}
	return out
}

// queryYears returns the years the query names.
func queryYears(q search.Query) map[string]bool {
	out := map[string]bool{}
	for _, g := range q.Groups() {
		for _, c := range g {
			if c.IsYear() {
				out[c.Words[0]] = true
			}
		}
	}
	return out
}

// otherYear reports whether a title names years, none of them the query's:
// a yearly matter of another year. The years a title names on their own
// decide; a span decides only when it stands alone ("Vuoden 2025
// talousarvio ja vuosien 2026-2027 taloussuunnitelma" is the 2025 budget,
// "Kuntastrategia 2022-2025" is the strategy of 2023 too). A title naming
// no year is not excluded.
func otherYear(years map[string]bool, title string) bool {
	if len(years) == 0 {
		return false
	}
	single, spans := search.TitleYears(title)
	if len(single) > 0 {
		for _, y := range single {
			if years[strconv.Itoa(y)] {
				return false
			}
		}
		return true
	}
	for _, sp := range spans {
		for y := range years {
			if n, err := strconv.Atoi(y); err == nil && n >= sp.From && n <= sp.To {
				return false
			}
		}
	}
	return len(spans) > 0
}

// wordsIn returns the query's words (clauses) that a text holds.
// A word met only by its broader part (titleMatchExprs) is given as that
// part, so the user sees why the title is there ("veroprosentti" for
// tuloveroprosentti).
func wordsIn(q search.Query, broader map[string][]search.Clause, text string) []string {
	keys := search.Keys(text)
	var out []string
	seen := map[string]bool{}
	for _, g := range q.Groups() {
		for _, c := range g {
			s := c.String()
			if seen[s] {
				continue
			}
			if c.MatchKeys(keys) {
				seen[s] = true
				out = append(out, s)
				continue
			}
			for _, b := range broader[s] {
				if exact := search.PatternOf(b.Words[0]).Exact; slices.ContainsFunc(keys, func(k string) bool { return slices.Contains(exact, k) }) {
					seen[s] = true
					out = append(out, b.String())
					break
				}
			}
		}
	}
	return out
}

// ownTextMatches reports whether a decision's own proposal and decision
// text hold every word of one of the query's groups (stop words aside).
func ownTextMatches(q search.Query, text string) ([]string, bool) {
	keys := search.Keys(text)
	for _, c := range q.Excluded() {
		if c.MatchKeys(keys) {
			return nil, false
		}
	}
	for _, g := range q.Groups() {
		all := true
		var words []string
		for _, c := range g {
			if c.IsStopWord() {
				continue
			}
			if !c.MatchKeys(keys) {
				all = false
				break
			}
			words = append(words, c.String())
		}
		if all && len(words) > 0 {
			return words, true
		}
	}
	return nil, false
}

func sortOrgDecisions(l []OrgDecision) {
	// By organisation name, so the list reads like a register.
	sort.SliceStable(l, func(i, j int) bool { return strings.ToLower(l[i].Organization) < strings.ToLower(l[j].Organization) })
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// MatterHandlings returns the decisions of one source with one diary number
// (the handlings of one matter), oldest meeting first. None for an empty
// diary number.
func (db *DB) MatterHandlings(ctx context.Context, sourceID int64, diaryNumber string) (hits []Hit, err error) {
	defer wrapErr(&err, "matter %q of source %d", diaryNumber, sourceID)
	if diaryNumber == "" {
		return nil, nil
	}
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	cands, err := readCandidates(ctx, tx, false, `FROM decisions d JOIN items i ON i.id = d.item_rowid
		WHERE i.source_id = ? AND d.diary_number = ?
		ORDER BY coalesce(d.meeting_date, ''), d.item_rowid`, []any{sourceID, diaryNumber})
	if err != nil {
		return nil, err
	}
	byRowid, err := readHitsByRowid(ctx, tx, cands)
	if err != nil {
		return nil, err
	}
	for _, c := range cands {
		if h, ok := byRowid[c.rowid]; ok {
			hits = append(hits, h.Hit)
		}
	}
	return hits, tx.Commit()
}
