package search

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// thesaurusText is the thesaurus: words of municipal administration that
// name the same thing, Finnish and Swedish (see the file's head for its
// rules).
//
//go:embed thesaurus.txt
var thesaurusText string

// thesaurus is thesaurusText read: its lines of equivalent terms, and the
// look-ups Expand needs.
type thesaurus struct {
	lines [][]term
	byKey map[string]int // a term's keys joined by spaces → its line
	words []termAt       // the one-word terms of minCompoundTerm letters or more
}

// term is one term of a line: its words, their keys joined by spaces, and
// whether it is Swedish.
type term struct {
	words   []string
	key     string
	swedish bool
}

// termAt is a one-word term and its line.
type termAt struct {
	term
	line int
}

// minCompoundTerm: a term is looked for as a compound's part only when it
// has this many letters (lån, lokal are not).
const minCompoundTerm = 5

var loadedThesaurus = sync.OnceValue(func() *thesaurus { return readThesaurus(thesaurusText) })

// readThesaurus reads thesaurus lines: Finnish terms | Swedish terms, each
// separated by spaces, a phrase in double quotes; # comments. A term on two
// lines stays on the first.
func readThesaurus(text string) *thesaurus {
	t := &thesaurus{byKey: map[string]int{}}
	for _, raw := range strings.Split(text, "\n") {
		raw = strings.TrimSpace(raw)
		if raw == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		line := len(t.lines)
		var kept []term
		fi, sv, _ := strings.Cut(raw, "|")
		for lang, side := range []string{fi, sv} {
			var terms [][]string
			for i, part := range strings.Split(side, `"`) {
				if i%2 == 1 {
					terms = append(terms, wordsOf(part))
					continue
				}
				for _, f := range strings.Fields(part) {
					terms = append(terms, wordsOf(f))
				}
			}
			for _, words := range terms {
				if len(words) == 0 {
					continue
				}
				k := joinedKeys(words)
				if _, dup := t.byKey[k]; dup {
					continue
				}
				t.byKey[k] = line
				tm := term{words: words, key: k, swedish: lang == 1}
				kept = append(kept, tm)
				if len(words) == 1 && utf8.RuneCountInString(words[0]) >= minCompoundTerm {
					t.words = append(t.words, termAt{term: tm, line: line})
				}
			}
		}
		t.lines = append(t.lines, kept)
	}
	return t
}

// wordsOf returns the lower-case words of a text, as a query reads them.
func wordsOf(s string) []string {
	var out []string
	for _, tk := range tokens(s) {
		out = append(out, tk.word)
	}
	return out
}

func joinedKeys(words []string) string {
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = Key(w)
	}
	return strings.Join(keys, " ")
}

// maxSwedishEnding: a word that begins with a Swedish term and goes on for
// at most this many letters is that term inflected (budgeten, avtalets).
const maxSwedishEnding = 4

// equivalents returns the clauses the thesaurus calls the same as c, and
// the term it went by. A clause that is a term (in any inflection: budjetin,
// budgeten) has the line's other terms; a one-word clause beginning with a
// Finnish term (budjettiesitys) or ending in one (kaupunginbudjetti) has the
// compounds made with the other one-word terms (talousarvioesitys,
// kaupungintalousarvio). Nil when the thesaurus has no line for it.
func (t *thesaurus) equivalents(c Clause) ([]Clause, string) {
	if c.IsNumber() {
		return nil, ""
	}
	if c.IsPhrase() {
		own := joinedKeys(c.Words)
		if line, ok := t.byKey[own]; ok {
			return t.others(line, own, "", ""), strings.Join(c.Words, " ")
		}
		return nil, ""
	}
	for _, own := range PatternOf(c.Words[0]).Exact { // sopimusta: sopim, sopimus
		if line, ok := t.byKey[own]; ok {
			return t.others(line, own, "", ""), c.Words[0]
		}
	}
	w := c.Words[0]
	k := Key(w)
	for _, ta := range t.words {
		word := ta.words[0]
		rest, ok := strings.CutPrefix(w, word)
		if ta.swedish {
			// Swedish compounds join their parts in ways of their own
			// (avtalsenlig): a Swedish term is only found inflected.
			if ok && utf8.RuneCountInString(rest) <= maxSwedishEnding {
				return t.others(ta.line, ta.key, "", ""), word
			}
			continue
		}
		// The first part of a compound is written as it is (talousarvio-,
		// budjetti-); the last part is inflected with the word, so it is
		// found by its key.
		if ok && utf8.RuneCountInString(rest) >= minLastPart {
			return t.others(ta.line, ta.key, "", rest), word
		}
		if head, ok := strings.CutSuffix(k, ta.key); ok && utf8.RuneCountInString(head) >= minFirstPart && strings.HasPrefix(w, head) {
			return t.others(ta.line, ta.key, head, ""), word
		}
	}
	return nil, ""
}

// others returns the terms of a line but the one keyed skipKey, as
// clauses, each one-word Finnish term between head and rest (a compound
// made with it); phrases and Swedish words only when there is neither.
func (t *thesaurus) others(line int, skipKey, head, rest string) []Clause {
	var out []Clause
	for _, tm := range t.lines[line] {
		if tm.key == skipKey {
			continue
		}
		if len(tm.words) > 1 || (tm.swedish && (head != "" || rest != "")) {
			// A phrase, or a Swedish word, makes no Finnish compound
			// (budgetesitys is no word).
			if head == "" && rest == "" {
				out = append(out, Clause{Words: tm.words})
			}
			continue
		}
		out = append(out, Clause{Words: []string{head + tm.words[0] + rest}, swedish: tm.swedish && rest == ""})
	}
	return out
}
