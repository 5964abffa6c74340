package search

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
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
//
// A parsed query matches words by their keys alone (Key, PatternOf). Expand
// adds what only an archive's vocabulary can tell: the parts of a compound
// written apart, and the compounds a word begins.
type Query struct {
	any      [][]Clause // OR of AND groups
	not      []Clause
	notes    []Note
	expanded bool // Expand has run
}

// Clause is one word or phrase of a query.
type Clause struct {
	// Words are the lower-case words, in order; one for a word.
	Words []string
	// Parts are a compound word's parts, each as the keys it may take,
	// found by Expand: yhteistyösopimus also matches the phrase "yhteistyön
	// sopimus". Nil when the word was not split.
	Parts [][]string
	// InPart is set by Expand when some indexed text writes the compound
	// in part beside another that shares a part with it ("hyvinvointikertomus
	// ja -suunnitelma" for hyvinvointisuunnitelma, "toiminta- ja
	// taloussuunnitelma" for toimintasuunnitelma), so that the match looks
	// for those forms too (a Vocabulary that is also an InPartFinder tells).
	InPart bool
	// Heads are the indexed keys of compounds that begin with the word
	// (katu → katuvalaistus), found by Expand.
	Heads []string
	// Synonyms are the clauses the thesaurus calls the same (budjetti:
	// talousarvio, budget), found by Expand; the clause matches where any
	// of them does.
	Synonyms []Clause
	// swedish: a Swedish word of the thesaurus, which also matches as a
	// prefix of the keys of its forms (the Finnish stemmer keys budget as
	// budg but budgeten as budget).
	swedish bool
	// elidedFrom is the compound before the conjunction when the word was
	// written with a leading hyphen (hyvinvointikertomus ja -suunnitelma),
	// elidedHead the compound after it when the word was written with a
	// trailing one (toiminta- ja taloussuunnitelma): Expand completes the
	// word with that compound's first or last part.
	elidedFrom, elidedHead string
}

// Note says one thing the reading of a query did that the user would not
// guess: a word dropped, a compound split, compounds added.
type Note struct {
	Word string
	Text string
	// Dropped is true when the word was left out of the query: said
	// always, since the query became broader than typed.
	Dropped bool
}

func (n Note) String() string { return n.Word + ": " + n.Text }

// Groups returns the OR groups of the query, each a list of clauses that
// must all match.
func (q Query) Groups() [][]Clause { return q.any }

// Excluded returns the clauses that must not match.
func (q Query) Excluded() []Clause { return q.not }

// Notes returns what the reading did beyond the obvious (see Note).
func (q Query) Notes() []Note { return q.notes }

// WithNotes returns the query with more notes: what a command's own reading
// of it did (approved's weighing), said with the rest.
func (q Query) WithNotes(notes ...Note) Query {
	q.notes = append(append([]Note(nil), q.notes...), notes...)
	return q
}

// IsZero reports whether q is the zero Query (no query given).
func (q Query) IsZero() bool { return len(q.any) == 0 }

// ParseQuery reads a query. It fails with ErrEmptyQuery, or ErrQueryTooLong
// (wrapped, saying the limit). A word or phrase repeated in one group counts
// once. A word longer than any Finnish word (over 64 bytes: base64, a hash)
// is dropped, with a note.
func ParseQuery(s string) (Query, error) {
	if len(s) > MaxQueryBytes {
		return Query{}, fmt.Errorf("%w: %d bytes, at most %d are read", ErrQueryTooLong, len(s), MaxQueryBytes)
	}
	s = norm.NFC.String(s)
	var q Query
	group := []Clause{}
	negate := false
	// elided is set for a -word that ends a compound written in part after
	// a conjunction (hyvinvointikertomus ja -suunnitelma): a word, not an
	// exclusion. recent holds the last two words read.
	elided, elidedAfter, elidedFrom := false, "", ""
	var recent []string
	// prefixAt is the clause of a word written with a trailing hyphen
	// (toiminta-), prefixConj set once a conjunction followed it: the word
	// after that gives the part the hyphen left out.
	prefixAt, prefixConj := -1, false
	clauses := 0
	has := func(list []Clause, c Clause) bool {
		for _, x := range list {
			if strings.Join(x.Words, " ") == strings.Join(c.Words, " ") {
				return true
			}
		}
		return false
	}
	add := func(text string) {
		var words []string
		for _, t := range tokens(text) {
			words = append(words, t.word)
		}
		for _, w := range longWords(text) {
			q.notes = append(q.notes, Note{Word: truncateWord(w), Text: fmt.Sprintf("dropped: %d bytes, longer than any word (at most %d)", len(w), maxTokenBytes), Dropped: true})
		}
		if len(words) == 0 {
			negate, elided = false, false
			return
		}
		if elided {
			q.notes = append(q.notes, Note{Word: "-" + text, Text: "read as the end of a compound written in part after " +
				elidedAfter + ", not as an exclusion (NOT " + text + " excludes it)"})
			elided = false
		}
		c := Clause{Words: words}
		if elidedFrom != "" && len(words) == 1 {
			c.elidedFrom = elidedFrom
		}
		elidedFrom = ""
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
		case isQuote(r):
			prefixAt, prefixConj = -1, false
			end := strings.IndexFunc(s[i+size:], isQuote)
			if end < 0 {
				add(s[i+size:])
				i = len(s)
			} else {
				add(s[i+size : i+size+end])
				_, qs := utf8.DecodeRuneInString(s[i+size+end:])
				i += size + end + qs
			}
		case r == '-' && i+size < len(s) && !isSpaceAt(s, i+size):
			if len(recent) == 2 && elisionConjunctions[strings.ToLower(recent[1])] {
				elided, elidedAfter = true, strings.ToLower(recent[1])
				if ts := tokens(recent[0]); len(ts) > 0 && !strings.HasSuffix(recent[0], "-") {
					elidedFrom = ts[len(ts)-1].word
				}
			} else {
				negate = true
			}
			recent = nil
			i += size
		default:
			j := i + strings.IndexFunc(s[i:], func(r rune) bool {
				return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || isQuote(r)
			})
			if j < i {
				j = len(s)
			}
			word := s[i:j]
			i = j
			recent = append(recent, word)
			if len(recent) > 2 {
				recent = recent[1:]
			}
			switch word {
			case "OR", "|", "||":
				prefixAt, prefixConj = -1, false
				if len(group) > 0 {
					q.any = append(q.any, group)
					group = []Clause{}
				}
				negate = false
				continue
			case "AND", "&", "&&":
				continue
			case "NOT":
				negate = true
				continue
			}
			before := len(group)
			add(word)
			switch {
			case prefixAt >= 0 && !prefixConj && elisionConjunctions[strings.ToLower(word)]:
				prefixConj = true
			case prefixAt >= 0 && prefixConj && len(group) == before+1 && len(group[before].Words) == 1:
				group[prefixAt].elidedHead = group[before].Words[0]
				prefixAt, prefixConj = -1, false
			default:
				prefixAt, prefixConj = -1, false
			}
			if strings.HasSuffix(word, "-") && len(group) == before+1 && len(group[before].Words) == 1 {
				prefixAt = before
			}
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

// elisionConjunctions are the words after which a word written with a
// leading hyphen ends a compound whose first part the word before gave
// (toiminta- ja taloussuunnitelma, hyvinvointikertomus ja -suunnitelma).
var elisionConjunctions = map[string]bool{"ja": true, "tai": true, "sekä": true, "eli": true, "och": true, "eller": true, "samt": true}

// ElisionKeys are the index keys of those conjunctions, sorted: a text's
// compound written in part stands beside them (the store's match
// expressions of Clause.InPart).
var ElisionKeys = func() []string {
	var out []string
	for w := range elisionConjunctions {
		out = append(out, Key(w))
	}
	sort.Strings(out)
	return out
}()

func isQuote(r rune) bool { return r == '"' || r == '”' || r == '“' || r == '„' }

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r)
}

// truncateWord shortens a dropped word for a note.
func truncateWord(w string) string {
	if utf8.RuneCountInString(w) <= 24 {
		return w
	}
	return string([]rune(w)[:24]) + "…"
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

// String writes the clause as the query language has it.
func (c Clause) String() string {
	if len(c.Words) == 1 {
		return c.Words[0]
	}
	return `"` + strings.Join(c.Words, " ") + `"`
}

// IsPhrase reports whether the clause is a phrase of several words.
func (c Clause) IsPhrase() bool { return len(c.Words) > 1 }

// Keys returns the keys of the clause's words, in order.
func (c Clause) Keys() []string {
	keys := make([]string, len(c.Words))
	for i, w := range c.Words {
		keys[i] = Key(w)
	}
	return keys
}

// Pattern is the key pattern of a one-word clause (PatternOf its word; a
// Swedish word of the thesaurus also as the prefix of its forms' keys).
func (c Clause) Pattern() Pattern {
	p := PatternOf(c.Words[0])
	if c.swedish && utf8.RuneCountInString(c.Words[0]) >= minPrefixKey {
		p.Prefix = append(p.Prefix, c.Words[0])
	}
	return p
}

// IsNumber reports whether the clause is a number (a year, a count): a
// single word of digits only. Numbers, like every word with digits (TE24),
// match only as written.
func (c Clause) IsNumber() bool {
	return len(c.Words) == 1 && strings.Trim(c.Words[0], "0123456789") == ""
}

// IsYear reports whether the clause is a year (1900–2099).
func (c Clause) IsYear() bool {
	return c.IsNumber() && isYear(c.Words[0])
}

func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// YearSpan is a span of years a text names ("2026–2028"), both ends in it.
type YearSpan struct{ From, To int }

// TitleYears returns the years a text names on their own and the spans it
// names (two years joined by a dash: "taloussuunnitelma 2026-2028").
func TitleYears(text string) (single []int, spans []YearSpan) {
	ts := tokens(text)
	for i := 0; i < len(ts); i++ {
		if !isYear(ts[i].word) {
			continue
		}
		y, _ := strconv.Atoi(ts[i].word)
		if i+1 < len(ts) && isYear(ts[i+1].word) {
			if sep := strings.TrimSpace(text[ts[i].end:ts[i+1].start]); sep == "-" || sep == "–" || sep == "—" {
				to, _ := strconv.Atoi(ts[i+1].word)
				if to >= y {
					spans = append(spans, YearSpan{y, to})
					i++
					continue
				}
			}
		}
		single = append(single, y)
	}
	return single, spans
}

// MatchKeys reports whether the clause occurs in a text given as the keys of
// its words, in order, exactly as the archive's full-text match finds it.
func (c Clause) MatchKeys(keys []string) bool {
	for _, s := range c.Synonyms {
		if s.MatchKeys(keys) {
			return true
		}
	}
	if c.IsPhrase() {
		return containsRun(keys, [][]string{}, c.Keys())
	}
	p := c.Pattern()
	for _, k := range keys {
		if p.Matches(k) {
			return true
		}
	}
	for _, k := range keys {
		for _, h := range c.Heads {
			if k == h {
				return true
			}
		}
	}
	if len(c.Parts) > 0 {
		return containsRun(keys, c.Parts, nil)
	}
	return false
}

// containsRun reports whether keys hold a run of consecutive keys, each one
// of alts[i] (or equal to exact[i] when alts is empty).
func containsRun(keys []string, alts [][]string, exact []string) bool {
	n := len(alts)
	if n == 0 {
		n = len(exact)
	}
	for i := 0; i+n <= len(keys); i++ {
		ok := true
		for j := 0; j < n && ok; j++ {
			if len(alts) == 0 {
				ok = keys[i+j] == exact[j]
			} else {
				ok = contains(alts[j], keys[i+j])
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Pattern is what one query word matches, in key space: a word of the
// text matches when its key equals one of Exact, starts with one of Prefix
// (the forms of a verb), or ends with one of Suffix (a compound whose last
// part is the word).
type Pattern struct {
	Exact, Prefix, Suffix []string
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

// PatternOf returns the pattern of one lower-case query word.
func PatternOf(word string) Pattern {
	k := Key(word)
	p := Pattern{Exact: []string{k}}
	n := utf8.RuneCountInString(k)
	if strings.IndexFunc(k, unicode.IsDigit) >= 0 {
		return p // numbers match as written
	}
	if n >= minPrefixKey && verbLike(word) {
		// Verb forms add suffixes Snowball leaves on (hyväksyä → hyväks,
		// hyväksyttiin → hyväksyt).
		p.Prefix = append(p.Prefix, k)
	}
	if n >= minSuffixKey {
		p.Suffix = append(p.Suffix, k)
	}
	if n >= 6 {
		// Partitives of -us nouns (sopimusta) stem like -u words (sopim).
		for _, end := range []string{"us", "ys", "os", "ös", "is"} {
			if strings.HasSuffix(k, end) {
				p.Exact = append(p.Exact, k[:len(k)-len(end)])
				p.Suffix = append(p.Suffix, k[:len(k)-len(end)])
				break
			}
		}
	}
	if nom, ok := partitiveNominative(word); ok {
		// sopimusta, päätöstä: the partitive of an -us/-ös noun keys
		// apart from its other forms (sopim, sopimus).
		if nk := Key(nom); nk != k && !contains(p.Exact, nk) {
			p.Exact = append(p.Exact, nk)
			p.Suffix = append(p.Suffix, nk)
		}
	}
	if tk, ok := strings.CutPrefix(Key(compoundPad+word), compoundPad); ok && utf8.RuneCountInString(tk) > minSuffixKey && tk != k {
		p.Suffix = append(p.Suffix, tk)
	}
	return p
}

// partitiveNominative reads a word in -usta, -ystä, -osta, -östä (-isto is
// left alone: it is usually a noun of its own) as the partitive of an -us,
// -ys, -os, -ös noun and returns that noun: sopimusta → sopimus,
// päätöstä → päätös. Elatives of -u, -y, -o, -ö words (kadusta) read the
// same way; their made-up nominative keys meet nothing real.
func partitiveNominative(word string) (string, bool) {
	if utf8.RuneCountInString(word) < 7 {
		return "", false
	}
	for _, end := range []string{"usta", "ystä", "osta", "östä"} {
		if strings.HasSuffix(word, end) {
			return strings.TrimSuffix(strings.TrimSuffix(word, "ta"), "tä"), true
		}
	}
	return "", false
}

// Matches reports whether a text word's key matches the pattern, exactly as
// the archive's full-text expression built from it does.
func (p Pattern) Matches(key string) bool {
	for _, e := range p.Exact {
		if key == e {
			return true
		}
	}
	for _, e := range p.Prefix {
		if strings.HasPrefix(key, e) {
			return true
		}
	}
	for _, e := range p.Suffix {
		if strings.HasSuffix(key, e) {
			return true
		}
	}
	return false
}

// mark sets marked[i] for every word of keys that is part of an occurrence
// of the clause, as MatchKeys finds them.
func (c Clause) mark(keys []string, marked []bool) {
	run := func(n int, at func(i, j int) bool) {
		for i := 0; i+n <= len(keys); i++ {
			ok := true
			for j := 0; j < n && ok; j++ {
				ok = at(i, j)
			}
			if ok {
				for j := 0; j < n; j++ {
					marked[i+j] = true
				}
			}
		}
	}
	for _, s := range c.Synonyms {
		s.mark(keys, marked)
	}
	if c.IsPhrase() {
		ph := c.Keys()
		run(len(ph), func(i, j int) bool { return keys[i+j] == ph[j] })
		return
	}
	p := c.Pattern()
	for i, k := range keys {
		if p.Matches(k) || contains(c.Heads, k) {
			marked[i] = true
		}
	}
	if len(c.Parts) > 0 {
		run(len(c.Parts), func(i, j int) bool { return contains(c.Parts[j], keys[i+j]) })
	}
}
