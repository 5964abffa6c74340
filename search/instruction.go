package search

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// NamesInstruction reports whether a title is an instruction about the
// query's matter rather than the matter: a content word of the query (not a
// number, stop word or procedural word) stands in it right before a word of
// instruction (ohje and its compounds: "Talousarvion laadintaohje 2026",
// "Vuoden 2026 talousarvion täytäntöönpano-ohje"), and the query asks for
// no instruction itself. The budget's drafting instructions are not the
// budget.
func (q Query) NamesInstruction(title string) bool {
	for _, g := range q.any {
		for _, c := range g {
			if len(c.Words) == 1 && isInstructionWord(c.Words[0]) {
				return false
			}
		}
	}
	title = norm.NFC.String(title) // the tokens' offsets are the normal form's
	toks := tokens(title)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = Key(t.word)
	}
	for _, g := range q.any {
		for _, c := range g {
			if c.IsStopWord() || c.IsProcedural() || allNumbers(c.Words) {
				continue
			}
			marked := make([]bool, len(keys))
			c.mark(keys, marked)
			for i, m := range marked {
				if !m || i+1 >= len(toks) {
					continue
				}
				// The next word past any years ("taloussuunnitelman
				// 2026-2028 toimeenpano-ohjeet"), or a hyphenated compound's
				// last part (täytäntöönpano-ohje is two tokens).
				next := i + 1
				for next+1 < len(toks) && allNumbers([]string{toks[next].word}) {
					next++
				}
				for next+1 < len(toks) && title[toks[next].end:toks[next+1].start] == "-" {
					next++
				}
				if strings.TrimSpace(title[toks[i].end:toks[i+1].start]) == "" && isInstructionWord(toks[next].word) {
					return true
				}
			}
		}
	}
	return false
}

// isInstructionWord reports ohje (an instruction) and the compounds and
// inflections that end in it: laadintaohje, ohjeet, täytäntöönpano-ohjeen.
func isInstructionWord(w string) bool {
	for _, end := range []string{"ohje", "ohjeet", "ohjeen", "ohjeita", "ohjeista", "anvisning", "anvisningar", "anvisningen"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

func allNumbers(words []string) bool {
	for _, w := range words {
		if strings.Trim(w, "0123456789") != "" {
			return false
		}
	}
	return len(words) > 0
}
