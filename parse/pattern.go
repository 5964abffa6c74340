package parse

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// pattern is a regular expression with a cheap prefilter: the literal
// strings one of which every match must contain, found in the expression
// itself. Most of the parser's patterns are alternations of Finnish and
// Swedish phrases without a common prefix, which Go's regexp tries at every
// position of every line; a line holding none of their words (most lines)
// is answered by a few substring searches instead. The prefilter only ever
// says "cannot match", so results are those of the regexp.
type pattern struct {
	*regexp.Regexp
	need []string // nil: no literal is required, always run the regexp
}

// patterns lists every pattern made, for the tests that check each
// prefilter against its regexp.
var patterns []*pattern

// mustPattern compiles expr (regexp.MustCompile) with its prefilter.
func mustPattern(expr string) *pattern {
	p := &pattern{Regexp: regexp.MustCompile(expr)}
	if re, err := syntax.Parse(expr, syntax.Perl); err == nil {
		p.need = required(re.Simplify())
	}
	patterns = append(patterns, p)
	return p
}

// possible reports whether s holds one of the required literals.
func (p *pattern) possible(s string) bool {
	if p.need == nil {
		return true
	}
	for _, lit := range p.need {
		if strings.Contains(s, lit) {
			return true
		}
	}
	return false
}

// MatchString is regexp's, prefiltered.
func (p *pattern) MatchString(s string) bool { return p.possible(s) && p.Regexp.MatchString(s) }

// FindString is regexp's, prefiltered.
func (p *pattern) FindString(s string) string {
	if !p.possible(s) {
		return ""
	}
	return p.Regexp.FindString(s)
}

// FindStringSubmatch is regexp's, prefiltered.
func (p *pattern) FindStringSubmatch(s string) []string {
	if !p.possible(s) {
		return nil
	}
	return p.Regexp.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp's, prefiltered.
func (p *pattern) FindStringSubmatchIndex(s string) []int {
	if !p.possible(s) {
		return nil
	}
	return p.Regexp.FindStringSubmatchIndex(s)
}

// FindAllStringSubmatch is regexp's, prefiltered.
func (p *pattern) FindAllStringSubmatch(s string, n int) [][]string {
	if !p.possible(s) {
		return nil
	}
	return p.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp's, prefiltered.
func (p *pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !p.possible(s) {
		return nil
	}
	return p.Regexp.FindAllStringSubmatchIndex(s, n)
}

// FindAllStringIndex is regexp's, prefiltered.
func (p *pattern) FindAllStringIndex(s string, n int) [][]int {
	if !p.possible(s) {
		return nil
	}
	return p.Regexp.FindAllStringIndex(s, n)
}

// ReplaceAllString is regexp's, prefiltered: without a match s comes back
// as it is.
func (p *pattern) ReplaceAllString(s, repl string) string {
	if !p.possible(s) {
		return s
	}
	return p.Regexp.ReplaceAllString(s, repl)
}

// ReplaceAllStringFunc is regexp's, prefiltered.
func (p *pattern) ReplaceAllStringFunc(s string, repl func(string) string) string {
	if !p.possible(s) {
		return s
	}
	return p.Regexp.ReplaceAllStringFunc(s, repl)
}

// required returns literal strings one of which every match of re
// contains, or nil if it cannot tell (a match may be empty, or made of
// character classes alone). Case-folded literals are left out: they would
// need folding of the text too.
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		// Any one part's requirement is the whole's; the best is the one
		// whose shortest literal is longest. Adjacent literals are joined
		// into one (they must appear together).
		var best []string
		var run []rune
		consider := func(set []string) {
			if set != nil && (best == nil || shortest(set) > shortest(best)) {
				best = set
			}
		}
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral && sub.Flags&syntax.FoldCase == 0 {
				run = append(run, sub.Rune...)
				continue
			}
			if len(run) > 0 {
				consider([]string{string(run)})
				run = nil
			}
			consider(required(sub))
		}
		if len(run) > 0 {
			consider([]string{string(run)})
		}
		return best
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set := required(sub)
			if set == nil {
				return nil
			}
			out = append(out, set...)
		}
		return out
	}
	return nil
}

// shortest is the length of the shortest string of set.
func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}
