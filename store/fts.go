package store

import (
	"strings"
	"unicode/utf8"

	"github.com/minutes-fi/minutes/search"
)

// columns names the FTS5 columns a query looks in.
type columns struct{ keys, revs string }

var (
	allColumns   = columns{keys: "{title_keys text_keys}", revs: "{title_revs text_revs}"}
	titleColumns = columns{keys: "title_keys", revs: "title_revs"}
	textColumns  = columns{keys: "text_keys", revs: "text_revs"}
)

// ftsString quotes a key, or keys separated by spaces (a phrase), as an
// FTS5 string. Keys hold only letters and digits, but the quoting does not
// rely on it.
func ftsString(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// clauseExpr is the FTS5 expression of one clause. exactOnly leaves out the
// prefix and compound forms (suffix, head, parts written apart): FTS5 reads
// a prefix by merging every term of it up front, and a phrase of common
// words by checking positions in every row that holds them.
func clauseExpr(c search.Clause, cols columns, exactOnly bool) string {
	var alts []string
	for _, s := range c.Synonyms {
		alts = append(alts, clauseExpr(s, cols, exactOnly))
	}
	if c.IsPhrase() {
		alts = append(alts, cols.keys+" : "+ftsString(strings.Join(c.Keys(), " ")))
		return "(" + strings.Join(alts, " OR ") + ")"
	}
	p := c.Pattern()
	for _, e := range p.Exact {
		alts = append(alts, cols.keys+" : "+ftsString(e))
	}
	if !exactOnly {
		for _, first := range partsFirst(c) {
			for _, last := range c.Parts[1] {
				alts = append(alts, cols.keys+" : "+ftsString(first+" "+last))
				if c.InPart {
					alts = append(alts, inPartAlts(first, last, cols)...)
				}
			}
		}
		for _, e := range p.Prefix {
			alts = append(alts, cols.keys+" : "+ftsString(e)+"*")
		}
		for _, e := range p.Suffix {
			alts = append(alts, cols.revs+" : "+ftsString(search.Reverse(e))+"*")
		}
		for _, h := range c.Heads {
			alts = append(alts, cols.keys+" : "+ftsString(h))
		}
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}

// matchExpr is the FTS5 MATCH expression of the query, built only from
// quoted keys: user text never reaches FTS5 syntax.
func matchExpr(q search.Query, cols columns, exactOnly bool) string {
	var groups []string
	for _, g := range q.Groups() {
		var cs []string
		for _, c := range g {
			cs = append(cs, clauseExpr(c, cols, exactOnly))
		}
		groups = append(groups, "("+strings.Join(cs, " AND ")+")")
	}
	out := strings.Join(groups, " OR ")
	if len(q.Groups()) > 1 {
		out = "(" + out + ")"
	}
	for _, c := range q.Excluded() {
		out += " NOT " + clauseExpr(c, cols, exactOnly)
	}
	return out
}

// inPartAlts are the FTS5 expressions of a compound (its parts' keys first
// and last) written in part beside another that shares a part with it.
// "hyvinvointikertomus ja -suunnitelma": a compound begun by the first
// part, a conjunction, the last part. "toiminta- ja taloussuunnitelma": the
// first part, a conjunction, a compound ended by the last part, read in
// the reversed column, which leaves out keys shorter than search.MinRevKey
// (ja, tai, sek) but in rows indexed before that kept them.
func inPartAlts(first, last string, cols columns) []string {
	var alts []string
	for _, conj := range search.ElisionKeys {
		alts = append(alts, cols.keys+" : "+ftsString(first)+"* + "+ftsString(conj)+" + "+ftsString(last))
	}
	if utf8.RuneCountInString(first) >= search.MinRevKey {
		rfirst, rlast := ftsString(search.Reverse(first)), ftsString(search.Reverse(last))
		alts = append(alts, cols.revs+" : "+rfirst+" + "+rlast+"*")
		for _, conj := range search.ElisionKeys {
			alts = append(alts, cols.revs+" : "+rfirst+" + "+ftsString(search.Reverse(conj))+" + "+rlast+"*")
		}
	}
	return alts
}

// partsFirst is the first part's keys of a split compound, none if unsplit.
func partsFirst(c search.Clause) []string {
	if len(c.Parts) != 2 {
		return nil
	}
	return c.Parts[0]
}
