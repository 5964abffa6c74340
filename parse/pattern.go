package parse

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// pattern is a regular expression with a cheap prefilter: the literal
// strings one of which every match must contain, found in the expression
// itself. Most of the parser's patterns are alternations of Finnish and
// Swedish phrases without a common prefix, which Go's regexp tries at every
// position of every line; a line holding none of their words (most lines)
// is answered by a few substring searches instead, most of them skipped
// when the text lacks a byte pair of the literal (pairSet). The prefilter
// only ever says "cannot match", so results are those of the regexp. An
// alternation's MatchString tries its alternatives alone, only those whose
// own literals the text holds (branches).
//
// A pattern is compiled on its first use, not when the package starts: the
// commands that read the archive (search, approved, show, export) never
// parse a page, and compiling every pattern took half their start-up.
type pattern struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
	// split compiles branches, on MatchString's first use.
	split sync.Once
	need  []literal // nil: no literal is required, always run the regexp
	// check, if set, is a cheaper necessary condition written by hand for
	// a pattern without literals (a phone number ends in a digit).
	check func(string) bool
	// branches are the alternatives of an expression that is an
	// alternation at its top, each compiled alone with its own literals:
	// MatchString runs only those whose literals the text holds. A text
	// holding one phrase of thirty is then matched against that phrase's
	// expression, not the whole (an NFA's work grows with both the text
	// and the expression, and the outcome's are both long).
	branches []branch
}

// branch is one alternative of a pattern's top-level alternation.
type branch struct {
	re   *regexp.Regexp
	need []literal
}

// minBranches: an alternation of fewer alternatives is matched whole.
const minBranches = 4

// literal is a string a match must contain: as written, or (fold) in any
// case, kept in its folded form (foldString).
type literal struct {
	s    string
	b    []byte // s, for looking in a folded buffer
	fold bool
}

// patterns lists every pattern made, for the tests that check each
// prefilter against its regexp.
var patterns []*pattern

// mustPattern makes the pattern of expr, compiled (regexp.MustCompile, so
// a bad expression panics) with its prefilter on first use.
func mustPattern(expr string) *pattern {
	p := &pattern{expr: expr}
	patterns = append(patterns, p)
	return p
}

// Regexp returns the pattern's compiled expression, compiling it and its
// prefilter the first time.
func (p *pattern) Regexp() *regexp.Regexp {
	p.once.Do(p.compile)
	return p.re
}

func (p *pattern) compile() {
	p.re = regexp.MustCompile(p.expr)
	if re, err := syntax.Parse(p.expr, syntax.Perl); err == nil {
		p.need = required(re.Simplify())
	}
}

// compileBranches splits an expression that is an alternation at its top
// into its alternatives, each compiled alone (as written, after the
// expression's leading flags) with its own literals. An expression with
// flags set anywhere else at its top is left whole.
// TestPatternPrefiltersAgreeWithRegexps checks that the alternatives
// together answer as the whole does.
func (p *pattern) compileBranches() {
	flags, alts := topAlternatives(p.expr)
	if len(alts) < minBranches {
		return
	}
	var bs []branch
	for _, a := range alts {
		bre, err := regexp.Compile(flags + a)
		if err != nil {
			return
		}
		b := branch{re: bre}
		if re, err := syntax.Parse(flags+a, syntax.Perl); err == nil {
			b.need = required(re.Simplify())
		}
		bs = append(bs, b)
	}
	p.branches = bs
}

// topAlternatives splits expr at the bars outside any group or class: its
// leading flag group ("(?i)"), if any, and its alternatives. It returns no
// alternatives for an expression it cannot split safely (a flag group
// other than a leading one outside every group, which would reach into
// the alternatives after it).
func topAlternatives(expr string) (flags string, alts []string) {
	if strings.HasPrefix(expr, "(?") {
		if end := strings.IndexByte(expr, ')'); end > 0 && !strings.ContainsAny(expr[2:end], ":(") {
			flags, expr = expr[:end+1], expr[end+1:]
		}
	}
	depth, start := 0, 0
	inClass := false
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\\':
			i++ // the escaped byte (an escape's letters are never a bar or bracket)
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			// A "]" first in a class ("[]a]", "[^]a]") is the class's own.
			if i+1 < len(expr) && expr[i+1] == '^' {
				i++
			}
			if i+1 < len(expr) && expr[i+1] == ']' {
				i++
			}
		case c == '(':
			if depth == 0 && strings.HasPrefix(expr[i:], "(?") {
				if end := strings.IndexAny(expr[i+2:], ":)"); end >= 0 && expr[i+2+end] == ')' {
					return "", nil // "a(?i)b|c": flags that reach past the bar
				}
			}
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			alts = append(alts, expr[start:i])
			start = i + 1
		}
	}
	if depth != 0 || inClass {
		return "", nil
	}
	return flags, append(alts, expr[start:])
}

// withCheck sets the pattern's hand-written necessary condition.
func (p *pattern) withCheck(check func(string) bool) *pattern {
	p.check = check
	return p
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// endsWithDigit is the check of a pattern whose every match ends the
// text in a digit.
func endsWithDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

// dateLength is the check of a date alone, d.m.yyyy to dd.mm.yyyy: eight
// to ten bytes, a digit first and last.
func dateLength(s string) bool {
	return len(s) >= 8 && len(s) <= 10 && s[0] >= '0' && s[0] <= '9' && endsWithDigit(s)
}

// startsWithByte returns the check of a pattern anchored at the start whose
// every match begins with one of the (ASCII) bytes of set.
func startsWithByte(set string) func(string) bool {
	return func(s string) bool { return s != "" && strings.IndexByte(set, s[0]) >= 0 }
}

// firstWordEndsIn returns the check of a pattern whose every match begins
// with a word ending in one of the (ASCII) bytes of set, then a space.
func firstWordEndsIn(set string) func(string) bool {
	return func(s string) bool {
		i := strings.IndexByte(s, ' ')
		return i > 0 && strings.IndexByte(set, s[i-1]) >= 0
	}
}

// possible reports whether s passes the pattern's check and holds one of
// its required literals.
func (p *pattern) possible(s string) bool {
	if p.check != nil && !p.check(s) {
		return false
	}
	p.once.Do(p.compile)
	if p.need == nil {
		return true
	}
	var fc *foldCache
	found := holdsAny(p.need, s, &fc)
	if fc != nil {
		foldCaches.Put(fc)
	}
	return found
}

// holdsAny reports whether s holds one of the literals need, with the
// cache of s in *fc (taken from the pool when first needed; the caller
// puts it back).
func holdsAny(need []literal, s string, fc **foldCache) bool {
	cache := func() *foldCache {
		if *fc == nil {
			*fc = foldCaches.Get().(*foldCache)
			(*fc).use(s)
		}
		return *fc
	}
	long := len(s) >= bigramMin
	for i := range need {
		lit := &need[i]
		if !lit.fold {
			if long && !cache().rawPairs().mayHold(lit.s) {
				continue
			}
			if strings.Contains(s, lit.s) {
				return true
			}
			continue
		}
		c := cache()
		if long && !c.foldedPairs().mayHold(lit.s) {
			continue
		}
		if bytes.Contains(c.folded(), lit.b) {
			return true
		}
	}
	return false
}

// foldCache holds what the prefilters work out of one text between uses:
// the parser asks many patterns about one line in turn, and folding it for
// each of them cost more than the searches (the pool hands a goroutine back
// the cache it put, so the line is usually still there). src is compared
// whole, so a different line of the same length is never taken for it.
// It also keeps which byte pairs the text and its folded form hold
// (pairSet): a literal with a pair the text lacks is not in it, found
// without a scan (a pattern's literals are often a dozen phrases, each a
// scan, and the outcome's run over whole decisions).
type foldCache struct {
	src            string
	fold           []byte
	hasFold        bool
	raw, foldPairs pairSet
	hasRaw, hasFP  bool
}

// use points the cache at s, forgetting what it held of another text.
func (c *foldCache) use(s string) {
	if c.src != s {
		c.src, c.hasFold, c.hasRaw, c.hasFP = s, false, false, false
	}
}

// folded is the folded src (foldString), computed once.
func (c *foldCache) folded() []byte {
	if !c.hasFold {
		c.fold, c.hasFold = appendFolded(c.fold[:0], c.src), true
	}
	return c.fold
}

// rawPairs is the pair set of src, foldedPairs that of its folded form,
// each made once.
func (c *foldCache) rawPairs() *pairSet {
	if !c.hasRaw {
		setPairs(&c.raw, c.src)
		c.hasRaw = true
	}
	return &c.raw
}

func (c *foldCache) foldedPairs() *pairSet {
	if !c.hasFP {
		setPairs(&c.foldPairs, c.folded())
		c.hasFP = true
	}
	return &c.foldPairs
}

var foldCaches = sync.Pool{New: func() any { return &foldCache{fold: make([]byte, 0, 256)} }}

// bigramMin is the length from which a text's byte pairs are kept: on a
// shorter one a scan costs less than the set.
const bigramMin = 24

// pairSet is a set of the adjacent byte pairs of a text, hashed to one of
// 4,096 bits: a pair it lacks is not in the text; one it holds may be (two
// pairs share a bit). A line of a hundred bytes sets about 2 % of the bits,
// a decision of two thousand 40 %: a literal of a few pairs is turned away
// by a few bit tests in either, instead of a scan.
type pairSet [1 << pairLog / 64]uint64

// pairLog: a pair set has 2^pairLog bits.
const pairLog = 12

// pairBit is the bit of the pair a, b: the pair's 16 bits spread by a
// multiplicative hash, its top pairLog bits kept.
func pairBit(a, b byte) uint32 {
	return (uint32(a)<<8 | uint32(b)) * 0x9e3779b1 >> (32 - pairLog)
}

// setPairs makes ps the set of s's pairs.
func setPairs[T string | []byte](ps *pairSet, s T) {
	clear(ps[:])
	for i := 0; i+1 < len(s); i++ {
		k := pairBit(s[i], s[i+1])
		ps[k>>6] |= 1 << (k & 63)
	}
}

// mayHold reports whether every adjacent byte pair of lit is in the set:
// when one is not, the text does not contain lit.
func (ps *pairSet) mayHold(lit string) bool {
	for i := 0; i+1 < len(lit); i++ {
		k := pairBit(lit[i], lit[i+1])
		if ps[k>>6]&(1<<(k&63)) == 0 {
			return false
		}
	}
	return true
}

// foldString maps every rune to one representative of its case-folding
// orbit (the smallest rune of unicode.SimpleFold's cycle: A for a and A, K
// for k, K and the Kelvin sign), so that two strings equal under (?i) are
// equal after it, as regexp's case folding compares them.
func foldString(s string) string { return string(appendFolded(nil, s)) }

// appendFolded appends the folded s (foldString) to dst.
func appendFolded(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, foldRune(r))
		i += n
	}
	return dst
}

func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// MatchString is regexp's, prefiltered; an alternation's alternatives are
// tried alone, those whose literals s holds.
func (p *pattern) MatchString(s string) bool {
	if p.check != nil && !p.check(s) {
		return false
	}
	p.once.Do(p.compile)
	p.split.Do(p.compileBranches)
	if p.branches == nil {
		return p.possible(s) && p.re.MatchString(s)
	}
	var fc *foldCache
	matched := false
	for i := range p.branches {
		b := &p.branches[i]
		if (b.need == nil || holdsAny(b.need, s, &fc)) && b.re.MatchString(s) {
			matched = true
			break
		}
	}
	if fc != nil {
		foldCaches.Put(fc)
	}
	return matched
}

// FindString is regexp's, prefiltered.
func (p *pattern) FindString(s string) string {
	if !p.possible(s) {
		return ""
	}
	return p.re.FindString(s)
}

// FindStringSubmatch is regexp's, prefiltered.
func (p *pattern) FindStringSubmatch(s string) []string {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp's, prefiltered.
func (p *pattern) FindStringSubmatchIndex(s string) []int {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindStringSubmatchIndex(s)
}

// FindAllStringSubmatch is regexp's, prefiltered.
func (p *pattern) FindAllStringSubmatch(s string, n int) [][]string {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp's, prefiltered.
func (p *pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindAllStringSubmatchIndex(s, n)
}

// FindAllStringIndex is regexp's, prefiltered.
func (p *pattern) FindAllStringIndex(s string, n int) [][]int {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindAllStringIndex(s, n)
}

// ReplaceAllString is regexp's, prefiltered: without a match s comes back
// as it is.
func (p *pattern) ReplaceAllString(s, repl string) string {
	if !p.possible(s) {
		return s
	}
	return p.re.ReplaceAllString(s, repl)
}

// ReplaceAllStringFunc is regexp's, prefiltered.
func (p *pattern) ReplaceAllStringFunc(s string, repl func(string) string) string {
	if !p.possible(s) {
		return s
	}
	return p.re.ReplaceAllStringFunc(s, repl)
}

// required returns literals one of which every match of re contains, or
// nil if it cannot tell (a match may be empty, or made of character classes
// alone). A literal under (?i) is kept folded, to be looked for in the
// folded text.
func required(re *syntax.Regexp) []literal {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil
		}
		return []literal{makeLiteral(re.Rune, re.Flags&syntax.FoldCase != 0)}
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
		// whose shortest literal is longest. Adjacent literals of the same
		// case rule are joined into one (they must appear together).
		var best []literal
		var run []rune
		runFold := false
		consider := func(set []literal) {
			if set != nil && (best == nil || shortest(set) > shortest(best)) {
				best = set
			}
		}
		flush := func() {
			if len(run) > 0 {
				consider([]literal{makeLiteral(run, runFold)})
				run = nil
			}
		}
		for _, sub := range re.Sub {
			if sub.Op == syntax.OpLiteral {
				fold := sub.Flags&syntax.FoldCase != 0
				if len(run) > 0 && fold != runFold {
					flush()
				}
				run, runFold = append(run, sub.Rune...), fold
				continue
			}
			flush()
			consider(required(sub))
		}
		flush()
		return best
	case syntax.OpAlternate:
		var out []literal
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

func makeLiteral(runes []rune, fold bool) literal {
	if fold {
		f := foldString(string(runes))
		return literal{s: f, b: []byte(f), fold: true}
	}
	return literal{s: string(runes)}
}

// shortest is the length of the shortest literal of set.
func shortest(set []literal) int {
	n := -1
	for _, l := range set {
		if n < 0 || len(l.s) < n {
			n = len(l.s)
		}
	}
	return n
}

// Split is regexp's (not prefiltered).
func (p *pattern) Split(s string, n int) []string { return p.Regexp().Split(s, n) }

// FindStringIndex is regexp's, prefiltered.
func (p *pattern) FindStringIndex(s string) []int {
	if !p.possible(s) {
		return nil
	}
	return p.re.FindStringIndex(s)
}

// String is the pattern's expression.
func (p *pattern) String() string { return p.expr }
