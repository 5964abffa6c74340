package store

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrEmptyQuery means a search query had no word to look for: it was empty,
// only punctuation, or only excluded words.
var ErrEmptyQuery = errors.New("the query has no word to search for")

// MaxQueryBytes and maxClauses bound a query: no question about minutes
// needs more, and a query of thousands of words costs minutes of FTS5 work
// for nothing.
const (
	MaxQueryBytes = 1000
	maxClauses    = 64
)

// ErrQueryTooLong means a query is over MaxQueryBytes or has more than
// maxClauses words and phrases.
var ErrQueryTooLong = errors.New("the query is too long")

// Query is a search query as the user typed it, read into clauses. The
// language is deliberately small and forgiving, so that nothing a user types
// can fail:
//
//	word word          both words (in any inflection) must occur
//	"a phrase"         the words in this order (each in any inflection)
//	-word, -"phrase"   must not occur (also NOT word)
//	a OR b             either side; OR binds loosest: a b OR c = (a b) OR c
//
// Any other punctuation ( ) * : ^ + separates words and is otherwise ignored,
// as is the word AND. A quote left open runs to the end of the query. A word
// written with hyphens or other inner punctuation (maa-aineslupa) is a phrase.
type Query struct {
	any [][]clause // OR of AND groups
	not []clause
}

// clause is one word or phrase: the lower-case words, in order.
type clause struct {
	words []string
}

// ParseQuery reads a query. It fails with ErrEmptyQuery, or ErrQueryTooLong
// (wrapped, saying the limit). A word or phrase repeated in one group counts
// once.
func ParseQuery(s string) (Query, error) {
	if len(s) > MaxQueryBytes {
		return Query{}, fmt.Errorf("%w: %d bytes, at most %d are read", ErrQueryTooLong, len(s), MaxQueryBytes)
	}
	s = norm.NFC.String(s)
	var q Query
	group := []clause{}
	negate := false
	clauses := 0
	has := func(list []clause, c clause) bool {
		for _, x := range list {
			if strings.Join(x.words, " ") == strings.Join(c.words, " ") {
				return true
			}
		}
		return false
	}
	add := func(text string, quoted bool) {
		var words []string
		for _, t := range tokens(text) {
			words = append(words, t.word)
		}
		if len(words) == 0 {
			negate = false
			return
		}
		c := clause{words: words}
		switch {
		case negate && !has(q.not, c):
			q.not = append(q.not, c)
			clauses++
		case !negate && !has(group, c):
			group = append(group, c)
			clauses++
		}
		negate = false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			i += size
		case r == '"' || r == '”' || r == '“' || r == '„':
			end := strings.IndexAny(s[i+size:], "\"”“„")
			if end < 0 {
				add(s[i+size:], true)
				i = len(s)
			} else {
				add(s[i+size:i+size+end], true)
				i += size + end + 1
			}
		case r == '-' && i+size < len(s) && !isSpaceAt(s, i+size):
			negate = true
			i += size
		default:
			j := i + strings.IndexFunc(s[i:], func(r rune) bool {
				return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || r == '"' || r == '”' || r == '“' || r == '„'
			})
			if j < i {
				j = len(s)
			}
			word := s[i:j]
			i = j
			switch word {
			case "OR", "|", "||":
				if len(group) > 0 {
					q.any = append(q.any, group)
					group = []clause{}
				}
				negate = false
				continue
			case "AND", "&", "&&":
				continue
			case "NOT":
				negate = true
				continue
			}
			add(word, false)
		}
	}
	if len(group) > 0 {
		q.any = append(q.any, group)
	}
	if clauses > maxClauses {
		return Query{}, fmt.Errorf("%w: %d words and phrases, at most %d", ErrQueryTooLong, clauses, maxClauses)
	}
	if len(q.any) == 0 {
		return Query{}, ErrEmptyQuery
	}
	return q, nil
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)
}

// String writes the query back in the canonical form of the language above.
func (q Query) String() string {
	var groups []string
	for _, g := range q.any {
		var cs []string
		for _, c := range g {
			cs = append(cs, c.String())
		}
		groups = append(groups, strings.Join(cs, " "))
	}
	out := strings.Join(groups, " OR ")
	for _, c := range q.not {
		out += " -" + c.String()
	}
	return out
}

func (c clause) String() string {
	if len(c.words) == 1 {
		return c.words[0]
	}
	return `"` + strings.Join(c.words, " ") + `"`
}

// termPattern is what one query word matches, in key space: a word of the
// text matches when its key equals one of exact, starts with one of prefix,
// or ends with one of suffix (a compound whose last part is the word).
type termPattern struct {
	exact, prefix, suffix []string
}

// Minimum key lengths, in letters, for the looser matches: shorter keys
// would match unrelated words (kun-, -tie).
const (
	minPrefixKey = 5
	minSuffixKey = 3
)

// compoundPad stands in for the first part of a compound when computing the
// key a word gets as the last part of one: Snowball's suffix rules depend on
// where in the word the suffix is, so kaava alone keys as "kaav" but
// asemakaava as "asemakaap".
const compoundPad = "kokonais"

// verbLike reports whether a query word looks like a Finnish first
// infinitive (hyväksyä, palauttaa, päättää, tehdä, valita): the form people
// type for a verb, whose other forms need a prefix match.
func verbLike(word string) bool {
	r := []rune(word)
	n := len(r)
	if n < 5 || (r[n-1] != 'a' && r[n-1] != 'ä') {
		return false
	}
	prev := r[n-2]
	switch {
	case isVowel(prev):
		return true // hyväksyä, palauttaa, hakea
	case prev == 'd':
		return true // tehdä
	case (prev == 'l' || prev == 'n' || prev == 'r') && r[n-3] == prev:
		return true // olla, mennä, purra
	case prev == 't' && (r[n-3] == 'i' || r[n-3] == 'e'):
		return true // valita, tarvita, vaatia is above
	}
	return false
}

func patternOf(word string) termPattern {
	k := termKey(word)
	p := termPattern{exact: []string{k}}
	n := utf8.RuneCountInString(k)
	if strings.IndexFunc(k, unicode.IsDigit) >= 0 {
		return p // numbers match as written
	}
	if n >= minPrefixKey && verbLike(word) {
		// Verb forms add suffixes Snowball leaves on (hyväksyä → hyväks,
		// hyväksyttiin → hyväksyt).
		p.prefix = append(p.prefix, k)
	}
	if n >= minSuffixKey {
		p.suffix = append(p.suffix, k)
	}
	if n >= 6 {
		// Partitives of -us nouns (sopimusta) stem like -u words (sopim).
		for _, end := range []string{"us", "ys", "os", "ös", "is"} {
			if strings.HasSuffix(k, end) {
				p.exact = append(p.exact, k[:len(k)-len(end)])
				p.suffix = append(p.suffix, k[:len(k)-len(end)])
				break
			}
		}
	}
	if tk, ok := strings.CutPrefix(termKey(compoundPad+word), compoundPad); ok && utf8.RuneCountInString(tk) > minSuffixKey && tk != k {
		p.suffix = append(p.suffix, tk)
	}
	return p
}

// matches reports whether a text word's key matches the pattern, exactly as
// the FTS5 expression built from it does.
func (p termPattern) matches(key string) bool {
	for _, e := range p.exact {
		if key == e {
			return true
		}
	}
	for _, e := range p.prefix {
		if strings.HasPrefix(key, e) {
			return true
		}
	}
	for _, e := range p.suffix {
		if strings.HasSuffix(key, e) {
			return true
		}
	}
	return false
}

// columns names the FTS5 columns a query looks in.
type columns struct{ keys, revs string }

var (
	allColumns   = columns{keys: "{title_keys text_keys}", revs: "{title_revs text_revs}"}
	titleColumns = columns{keys: "title_keys", revs: "title_revs"}
)

// ftsString quotes a key as an FTS5 string. Keys hold only letters and
// digits, but the quoting does not rely on it.
func ftsString(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func (p termPattern) expr(cols columns, exactOnly bool) string {
	var alts []string
	for _, e := range p.exact {
		alts = append(alts, cols.keys+" : "+ftsString(e))
	}
	if exactOnly {
		return "(" + strings.Join(alts, " OR ") + ")"
	}
	for _, e := range p.prefix {
		alts = append(alts, cols.keys+" : "+ftsString(e)+"*")
	}
	for _, e := range p.suffix {
		alts = append(alts, cols.revs+" : "+ftsString(reverseKey(e))+"*")
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}

func (c clause) expr(cols columns, exactOnly bool) string {
	if len(c.words) == 1 {
		return patternOf(c.words[0]).expr(cols, exactOnly)
	}
	keys := make([]string, len(c.words))
	for i, w := range c.words {
		keys[i] = termKey(w)
	}
	return "(" + cols.keys + " : " + ftsString(strings.Join(keys, " ")) + ")"
}

// match is the FTS5 MATCH expression of the query, built only from quoted
// keys: user text never reaches FTS5 syntax.
func (q Query) match(cols columns) string { return q.matchExpr(cols, false) }

// exactMatch is match without the prefix and compound (suffix) forms: FTS5
// reads a prefix query by merging the lists of every term with the prefix
// up front, which for a common short key costs hundreds of milliseconds,
// while exact terms are read lazily, newest first.
func (q Query) exactMatch(cols columns) string { return q.matchExpr(cols, true) }

func (q Query) matchExpr(cols columns, exactOnly bool) string {
	var groups []string
	for _, g := range q.any {
		var cs []string
		for _, c := range g {
			cs = append(cs, c.expr(cols, exactOnly))
		}
		groups = append(groups, "("+strings.Join(cs, " AND ")+")")
	}
	out := strings.Join(groups, " OR ")
	if len(q.any) > 1 {
		out = "(" + out + ")"
	}
	for _, c := range q.not {
		out += " NOT " + c.expr(cols, exactOnly)
	}
	return out
}

// marker tells which words of a text to mark in a snippet.
type marker struct {
	words   []termPattern
	phrases [][]string // keys
}

func (q Query) marker() marker {
	var m marker
	for _, g := range q.any {
		for _, c := range g {
			if len(c.words) == 1 {
				m.words = append(m.words, patternOf(c.words[0]))
				continue
			}
			keys := make([]string, len(c.words))
			for i, w := range c.words {
				keys[i] = termKey(w)
			}
			m.phrases = append(m.phrases, keys)
		}
	}
	return m
}
