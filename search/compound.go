package search

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Vocabulary is what an archive knows of its words: the keys it has
// indexed (of three letters or more). Finnish writes a compound as one word
// (yhteistyösopimus) or as its parts (yhteistyön sopimus), and which splits
// are real is a fact about the language, not about letters: a split counts
// only where both parts are words the archive itself holds. No hand list of
// Finnish words is involved.
type Vocabulary interface {
	// Known returns which of keys the archive holds.
	Known(keys []string) (map[string]bool, error)
	// WithPrefix returns indexed keys that start with prefix, at most limit
	// of them, in key order.
	WithPrefix(prefix string, limit int) ([]string, error)
}

// InPartFinder is a Vocabulary that can also tell whether any indexed text
// writes a compound in part: its first part beginning another compound,
// a conjunction, its last part ("hyvinvointikertomus ja -suunnitelma"), or
// its first part, a conjunction and another compound ending in its last
// ("toiminta- ja taloussuunnitelma"). first and last are the keys of the
// parts (Clause.Parts). Asking once per word keeps those forms out of the
// match expressions of archives that never write them.
type InPartFinder interface {
	WrittenInPart(first, last []string) (bool, error)
}

// Bounds of the compound look-ups, in letters (runes).
const (
	// minCompound: shorter words are not split (hallitus, sopimus).
	minCompound = 8
	// minPart: each part of a split, and the part after a compound's
	// first part, has at least this many letters, so that an inflection
	// ending (-lle, -ssa) is never taken for a word.
	minFirstPart = 3
	minLastPart  = 4
	// minHead: a word matches as the first part of compounds only when it
	// has this many letters (katu does, tie does not).
	minHead = 4
	// maxHeadScan and maxHeads bound how many indexed keys are read for
	// the compounds one word begins, and how many are used.
	maxHeadScan = 5000
	maxHeads    = 64
)

// Expand returns the query with every one-word clause (excluded ones too)
// also matching its compound forms in the vocabulary: the parts of a compound
// written apart (Clause.Parts) and the compounds the word begins
// (Clause.Heads); and every clause also matching what the thesaurus
// (thesaurus.txt) calls the same (Clause.Synonyms, each with its own
// compound forms). Each expansion adds a Note. Expanding an expanded query
// returns it as it is.
func (q Query) Expand(v Vocabulary) (Query, error) {
	if q.expanded || q.IsZero() {
		return q, nil
	}
	out := Query{notes: append([]Note(nil), q.notes...), expanded: true}
	// compounds adds a one-word clause's compound forms, with notes when
	// noted.
	compounds := func(c Clause, noted bool) (Clause, error) {
		if c.IsPhrase() || c.IsNumber() {
			return c, nil
		}
		var err error
		if c, err = completeElided(c, v, noted, &out.notes); err != nil {
			return c, err
		}
		if c.Parts, err = splitCompound(c.Words[0], v); err != nil {
			return c, err
		}
		if c.Parts != nil && noted {
			out.notes = append(out.notes, Note{Word: c.Words[0], Text: "also as its parts written apart: " + partsString(c.Parts)})
		}
		if f, ok := v.(InPartFinder); ok && len(c.Parts) == 2 {
			if c.InPart, err = f.WrittenInPart(c.Parts[0], c.Parts[1]); err != nil {
				return c, err
			}
			if c.InPart && noted {
				out.notes = append(out.notes, Note{Word: c.Words[0], Text: "also where a text writes it in part, beside another compound that shares a part with it"})
			}
		}
		if c.Heads, err = compoundsBegun(c.Words[0], v); err != nil {
			return c, err
		}
		if len(c.Heads) > 0 && noted {
			shown := c.Heads
			if len(shown) > 5 {
				shown = shown[:5]
			}
			more := ""
			if n := len(c.Heads) - len(shown); n > 0 {
				more = fmt.Sprintf(" and %d more", n)
			}
			out.notes = append(out.notes, Note{Word: c.Words[0], Text: "also as the first part of compounds (keys " + strings.Join(shown, ", ") + more + ")"})
		}
		return c, nil
	}
	expand := func(c Clause) (Clause, error) {
		c, err := compounds(c, true)
		if err != nil {
			return c, err
		}
		alts, term := loadedThesaurus().equivalents(c)
		var said []string
		for _, a := range alts {
			sc, err := compounds(a, false)
			if err != nil {
				return c, err
			}
			c.Synonyms = append(c.Synonyms, sc)
			said = append(said, sc.String())
		}
		if len(said) > 0 {
			by := ""
			if term != strings.Join(c.Words, " ") {
				by = " (its part " + term + ")"
			}
			out.notes = append(out.notes, Note{Word: c.String(), Text: "also as its equivalents in the thesaurus" + by + ": " + strings.Join(said, ", ")})
		}
		return c, nil
	}
	for _, g := range q.any {
		ng := make([]Clause, len(g))
		for i, c := range g {
			var err error
			if ng[i], err = expand(c); err != nil {
				return q, fmt.Errorf("expand %q: %w", c, err)
			}
		}
		out.any = append(out.any, ng)
	}
	for _, c := range q.not {
		nc, err := expand(c)
		if err != nil {
			return q, fmt.Errorf("expand %q: %w", c, err)
		}
		out.not = append(out.not, nc)
	}
	return out, nil
}

// completeElided writes out a word whose compound was written in part
// (Clause.elidedFrom, Clause.elidedHead): -suunnitelma after
// hyvinvointikertomus ja is hyvinvointisuunnitelma, toiminta- before ja
// taloussuunnitelma is toimintasuunnitelma. The other compound is split as
// splitCompound splits it (both parts words of the vocabulary); where it
// does not split, the word stays as typed.
func completeElided(c Clause, v Vocabulary, noted bool, notes *[]Note) (Clause, error) {
	from, head := c.elidedFrom, c.elidedHead
	c.elidedFrom, c.elidedHead = "", ""
	word, other := c.Words[0], from
	if other == "" {
		other = head
	}
	if other == "" {
		return c, nil
	}
	at, _, err := splitAt(other, v)
	if err != nil || at == 0 {
		return c, err
	}
	r := []rune(other)
	full := string(r[:at]) + word
	if from == "" {
		full = word + string(r[at:])
	}
	if noted {
		*notes = append(*notes, Note{Word: word, Text: "read as " + full + ", the compound " + other + " shares a part with"})
	}
	c.Words = []string{full}
	return c, nil
}

func partsString(parts [][]string) string {
	var s []string
	for _, p := range parts {
		s = append(s, strings.Join(p, "|"))
	}
	return `"` + strings.Join(s, " ") + `" (keys)`
}

// splitCompound splits a word into a first part and a last part that are
// both words of the vocabulary, each as the keys it may take in a text: the
// first part in its own key (yhteistyö and yhteistyön both key yhteist), the
// last part in the keys of the whole word's inflection (sopimusta: sopim or
// sopimus). Of several possible splits the one with the longest first part
// wins (yhteistyö|sopimus over yhteis|työsopimus: the last part is then the
// head word, and a longer last part is itself a compound the suffix match
// already finds). Nil when the word is short or no split is in the
// vocabulary.
func splitCompound(word string, v Vocabulary) ([][]string, error) {
	_, parts, err := splitAt(word, v)
	return parts, err
}

// splitAt is splitCompound that also says where the word splits: the
// first part is word's first at runes. 0 and nil when it does not split.
func splitAt(word string, v Vocabulary) (int, [][]string, error) {
	r := []rune(word)
	if len(r) < minCompound {
		return 0, nil, nil
	}
	type split struct {
		at          int
		first, last []string
	}
	var splits []split
	var keys []string
	for i := len(r) - minLastPart; i >= minFirstPart; i-- {
		if isActionEnding(string(r[i:])) {
			continue
		}
		first := Key(string(r[:i]))
		last := PatternOf(string(r[i:])).Exact
		if utf8.RuneCountInString(first) < minFirstPart {
			continue
		}
		splits = append(splits, split{i, []string{first}, last})
		keys = append(keys, first)
		keys = append(keys, last...)
	}
	if len(splits) == 0 {
		return 0, nil, nil
	}
	known, err := v.Known(keys)
	if err != nil {
		return 0, nil, err
	}
	for _, s := range splits {
		var lasts []string
		for _, k := range s.last {
			if known[k] {
				lasts = append(lasts, k)
			}
		}
		if known[s.first[0]] && len(lasts) > 0 {
			return s.at, [][]string{s.first, lasts}, nil
		}
	}
	return 0, nil, nil
}

// compoundsBegun returns the indexed keys of compounds that begin with the
// word as typed, going on with a word of the vocabulary at least
// minLastPart letters long: katu → katuvalaistus, kiinteistövero →
// kiinteistöveroprosentti, kunnan → kunnanhallitus. An inflected word
// (its key shorter than the word: kiinteistöveron, hyvinvoinnin) also
// begins the compounds of its stem: its key, at most maxStemJoin letters
// of the stem's ending, then a word of the vocabulary of minInflectedRest
// letters or more (kiinteistöver|o|prosen, hyvinvoin|ti|kertomus). The
// first maxHeads in key order.
func compoundsBegun(word string, v Vocabulary) ([]string, error) {
	if utf8.RuneCountInString(word) < minHead {
		return nil, nil
	}
	own := PatternOf(word)
	var heads []string
	var restAlts [][]string // the possible rests after the stem's ending
	seen := map[string]bool{}
	scan := func(prefix string, joins int) error {
		cands, err := v.WithPrefix(prefix, maxHeadScan)
		if err != nil {
			return err
		}
		for _, c := range cands {
			rest := c[len(prefix):]
			if seen[c] || own.Matches(c) || utf8.RuneCountInString(rest) < minLastPart {
				continue // the word itself, a compound ending in it, or an inflection
			}
			var alts []string
			if joins == 0 {
				alts = []string{rest}
			} else {
				r := []rune(rest)
				for j := 0; j <= joins && len(r)-j >= minInflectedRest; j++ {
					alts = append(alts, string(r[j:]))
				}
			}
			if len(alts) == 0 {
				continue
			}
			seen[c] = true
			heads, restAlts = append(heads, c), append(restAlts, alts)
		}
		return nil
	}
	if err := scan(word, 0); err != nil {
		return nil, err
	}
	if k := Key(word); len(k) < len(word) && strings.HasPrefix(word, k) && utf8.RuneCountInString(k) >= minHead {
		if err := scan(k, maxStemJoin); err != nil {
			return nil, err
		}
	}
	// A noun in -us/-ys made from another word (vuokra → vuokrata →
	// vuokraus) also begins that word's compounds: vuokraus meets
	// vuokrasopimus. The word must be one of the vocabulary's
	// (scan keeps only compounds whose rest is a word too).
	for _, end := range []string{"us", "ys"} {
		if base, ok := strings.CutSuffix(word, end); ok && utf8.RuneCountInString(base) >= 5 {
			if err := scan(base, 0); err != nil {
				return nil, err
			}
		}
	}
	if len(heads) == 0 {
		return nil, nil
	}
	var all []string
	for _, a := range restAlts {
		all = append(all, a...)
	}
	known, err := v.Known(all)
	if err != nil {
		return nil, err
	}
	var out []string
	for i, h := range heads {
		for _, r := range restAlts[i] {
			if known[r] {
				out = append(out, h)
				break
			}
		}
		if len(out) == maxHeads {
			break
		}
	}
	return out, nil
}

// maxStemJoin and minInflectedRest bound the compounds an inflected word's
// stem begins: the stem's ending left off by the key (kiinteistöver|o-,
// hyvinvoin|ti-) is at most maxStemJoin letters, and the word after it at
// least minInflectedRest.
const (
	maxStemJoin      = 2
	minInflectedRest = 5
)

// stopWords are the conjunctions and particles that say nothing of a
// matter: `approved` does not count them when it weighs how much of a query
// a title covers. Finnish and Swedish.
var stopWords = map[string]bool{
	"ja": true, "sekä": true, "tai": true, "eli": true, "että": true, "on": true, "ovat": true,
	"ei": true, "se": true, "ne": true, "jonka": true, "joka": true, "jotka": true, "myös": true,
	"och": true, "samt": true, "eller": true, "att": true, "för": true, "av": true, "om": true,
	"på": true, "till": true, "med": true, "i": true, "en": true, "ett": true, "det": true,
}

// IsProcedural reports whether a clause is one word that says what is done
// to a matter, or when, rather than what the matter is: a Finnish action
// noun (vahvistaminen, määräämisestä, hyväksymistä: -minen and its
// inflections) or a word of the year a decision is for (vuodelle,
// vuosille, vuonna, för år). approved weighs such words less.
func (c Clause) IsProcedural() bool {
	if len(c.Words) != 1 {
		return false
	}
	w := c.Words[0]
	if proceduralWords[w] {
		return true
	}
	for _, end := range actionEndings {
		if strings.HasSuffix(w, end) && utf8.RuneCountInString(w) > len([]rune(end))+2 {
			return true
		}
	}
	return false
}

// actionEndings are the endings of a Finnish action noun (-minen and its
// inflections): a suffix of derivation, never the last part of a compound
// (perustaminen is not perusta + minen).
var actionEndings = []string{"minen", "misen", "mista", "mistä", "miseen", "misessa", "misessä", "misesta", "misestä", "miselle", "miset", "misten"}

func isActionEnding(s string) bool { return slices.Contains(actionEndings, s) }

var proceduralWords = map[string]bool{
	"vuodelle": true, "vuosille": true, "vuonna": true, "vuoden": true, "vuosien": true, "vuosina": true,
	"år": true, "året": true, "åren": true,
	// An update or a revision of a matter is the matter handled again
	// (kuntastrategian päivitys, yhteistyösopimuksen tarkistus).
	"päivitys": true, "päivityksen": true, "päivitystä": true, "päivitykset": true, "päivityksestä": true,
	"tarkistus": true, "tarkistuksen": true, "tarkistusta": true, "tarkistuksesta": true,
	"uppdatering": true, "uppdateringen": true, "revidering": true, "revideringen": true,
}

// IsStageCompound reports whether compound key h, begun by word, ends in
// a stage of word's matter rather than naming another thing: its proposal,
// draft or revision (talousarvioehdotus is the budget's proposal;
// talousarviolaina a loan). approved keeps such compounds the word's own.
func IsStageCompound(word, h string) bool {
	rest, ok := strings.CutPrefix(h, word)
	if !ok {
		return false
	}
	for _, p := range stageParts {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// stageParts begin the last part of a compound that names a stage of the
// matter its first part is.
var stageParts = []string{"ehdotu", "esity", "luonno", "päivity", "tarkistu", "uudistu"}

// IsStopWord reports whether a clause is one stop word.
func (c Clause) IsStopWord() bool { return len(c.Words) == 1 && stopWords[c.Words[0]] }

// Broader returns the compounds a one-word clause's compound is made of
// that are compounds themselves, as whole words: its first part
// (kiinteistöveroprosentti: kiinteistövero) and its last part
// (tuloveroprosentti: veroprosentti), each at least minBroader letters and
// itself split by the vocabulary. A title naming the broader thing
// ("Veroprosenttien asettaminen vuodelle 2021", "Kiinteistöveron
// määrääminen vuodelle 2026") may name the query's matter; approved weighs
// such a word less than the query's own. A short or plain part
// (sopimus, yhteistyö) is never one. Nil for other clauses.
func Broader(c Clause, v Vocabulary) ([]Clause, error) {
	if c.IsPhrase() || c.IsNumber() {
		return nil, nil
	}
	r := []rune(c.Words[0])
	if len(r) < minBroader+minFirstPart {
		return nil, nil
	}
	var out []Clause
	add := func(part string) error {
		if utf8.RuneCountInString(part) < minBroader {
			return nil
		}
		at, _, err := splitAt(part, v)
		if err != nil || at == 0 {
			return err
		}
		out = append(out, Clause{Words: []string{part}})
		return nil
	}
	at, _, err := splitAt(c.Words[0], v)
	if err != nil || at == 0 {
		return nil, err
	}
	if err := add(string(r[:at])); err != nil {
		return nil, err
	}
	// The last part after the shortest first part the vocabulary knows,
	// both parts words of it: every candidate looked up in one call.
	var keys []string
	for i := minFirstPart; i <= len(r)-minBroader; i++ {
		keys = append(keys, Key(string(r[:i])))
		keys = append(keys, PatternOf(string(r[i:])).Exact...)
	}
	known, err := v.Known(keys)
	if err != nil {
		return nil, err
	}
	for i := minFirstPart; i <= len(r)-minBroader; i++ {
		if !known[Key(string(r[:i]))] || !slices.ContainsFunc(PatternOf(string(r[i:])).Exact, func(k string) bool { return known[k] }) {
			continue
		}
		if err := add(string(r[i:])); err != nil {
			return nil, err
		}
		break
	}
	return out, nil
}

// minBroader: a broader compound has at least this many letters.
const minBroader = 10
