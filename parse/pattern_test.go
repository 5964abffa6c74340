package parse

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp/syntax"
	"strings"
	"testing"
)

// devTexts are the texts the parser may be read against: the development
// part of the real pages (testdata/real/split.tsv), the seeds and the
// synthetic labelled set.
func devTexts(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "real", "split.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var paths []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name, part, ok := strings.Cut(sc.Text(), "\t"); ok && part == "dev" {
			paths = append(paths, filepath.Join("..", "testdata", "real", "texts", name+".txt"))
		}
	}
	for _, glob := range []string{"seeds/*.txt", "parse/labelled/*.txt"} {
		more, _ := filepath.Glob(filepath.Join("..", "testdata", glob))
		paths = append(paths, more...)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	if len(out) < 200 {
		t.Fatalf("only %d texts", len(out))
	}
	return out
}

func TestRequired(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want string // fmt of the set; "[]" for none (nil)
	}{
		{`jätettiin (?:\S+ )?pöydälle|pöydättiin|bordlades`, `["jätettiin " "pöydättiin" "bordlades"]`},
		{`^(?:päätös)?(?:ehdotus|esitys) hyväksyttiin$`, `[" hyväksyttiin"]`},
		{`(?:vasta|muutos)ehdotu\w* voitti`, `[" voitti"]`},
		{`merkits(?:ee|i) tiedoksi`, `[" tiedoksi"]`},
		{`a*`, "[]"},
		{`\d+`, "[]"},
		{`(?i)pöytäkirja`, `["~PÖYTÄKIRJA"]`},
		{`(?i)yksimielisesti|enhälligt`, `["~YKSIMIELISESTI" "~ENHÄLLIGT"]`},
		{`(?i:ptk) tark`, `[" tark"]`},
		{`(?i)\d+ äänellä`, `["~ ÄÄNELLÄ"]`},
		{`x|\d`, "[]"},
		{`(ab)+c`, `["ab"]`},
		{`(?:ab){2,3}`, `["abab"]`},
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range required(re.Simplify()) {
			if l.fold {
				got = append(got, "~"+l.s)
			} else {
				got = append(got, l.s)
			}
		}
		if s := fmt.Sprintf("%q", got); s != tc.want && !(tc.want == "[]" && got == nil) {
			t.Errorf("required(%q) = %q, want %s", tc.expr, got, tc.want)
		}
	}
}

// Every pattern of the parser answers as its regexp does, prefilter or
// not, on every line of the development texts, the seeds and the synthetic
// set, as written and lower-cased (the parser matches both).
func TestPatternPrefiltersAgreeWithRegexps(t *testing.T) {
	if len(patterns) < 50 {
		t.Fatalf("only %d patterns registered", len(patterns))
	}
	var lines []string
	seen := map[string]bool{}
	keep := func(s string) {
		if !seen[s] {
			seen[s] = true
			lines = append(lines, s)
		}
	}
	add := func(text string) {
		// Whole texts too: a text of bigramMin bytes or more is looked at
		// through its byte pairs first (its paragraphs often are too).
		if len(text) >= bigramMin {
			keep(text)
			keep(strings.ToLower(text))
		}
		for _, para := range strings.Split(text, "\n\n") {
			keep(para)
			keep(strings.ToLower(para))
		}
		for _, l := range strings.Split(text, "\n") {
			keep(l)
			keep(strings.ToLower(l))
			keep(strings.ToUpper(l))
		}
	}
	// Letters that fold with ASCII ones: the Kelvin sign with k, the long
	// s with s.
	add("\u212aokousasiat: x\n\u017fammanträden: x\nKaupunginjohtaja\u017f ehdotus\n")
	for _, text := range devTexts(t) {
		add(text)
	}
	guarded, split := 0, 0
	for _, p := range patterns {
		p.Regexp()                    // compiled, and its literals found, on first use
		p.split.Do(p.compileBranches) // and its alternatives on MatchString's
		if p.branches != nil {
			split++
		}
		if p.need == nil && p.check == nil && p.branches == nil {
			continue // no prefilter: the regexp's own answer
		}
		guarded++
		for _, l := range lines {
			if got, want := p.MatchString(l), p.Regexp().MatchString(l); got != want {
				t.Fatalf("pattern %s (needs %v) on %q: %v, regexp %v", p, p.need, l, got, want)
			}
		}
	}
	t.Logf("%d patterns, %d prefiltered, %d matched by their alternatives alone, checked on %d lines", len(patterns), guarded, split, len(lines))
	if split < 10 {
		t.Errorf("only %d patterns are matched by their alternatives: the alternatives' check checks little", split)
	}
}

// FuzzPatternPrefilters: no input matched by a pattern's regexp is
// turned away by its prefilter, and MatchString (an alternation's
// alternatives tried alone) answers as the regexp does.
func FuzzPatternPrefilters(f *testing.F) {
	f.Add("asia jätettiin pöydälle")
	f.Add("YKSIMIELISESTI ſ K Äänin 7–4")
	f.Add("Ehdotus hyväksyttiin yksimielisesti.")
	f.Add("Pykälä 183 / Dnro 70/00.06.01/2023")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range patterns {
			want := p.Regexp().MatchString(s)
			if want && !p.possible(s) {
				t.Fatalf("pattern %s (needs %v) matches %q, but its prefilter says it cannot", p, p.need, s)
			}
			if got := p.MatchString(s); got != want {
				t.Fatalf("pattern %s on %q: MatchString %v (%d alternatives tried alone), regexp %v", p, s, got, len(p.branches), want)
			}
		}
	})
}

// Folding agrees with regexp's (?i): strings equal under case folding fold
// to the same string, the Kelvin sign and the long s included.
func TestFoldString(t *testing.T) {
	for _, tc := range [][2]string{{"Pöytäkirja", "PÖYTÄKIRJA"}, {"\u212a", "k"}, {"ſ", "S"}, {"Äänin", "äÄNIN"}} {
		if foldString(tc[0]) != foldString(tc[1]) {
			t.Errorf("fold(%q) = %q, fold(%q) = %q", tc[0], foldString(tc[0]), tc[1], foldString(tc[1]))
		}
	}
}

// inSomeSentence answers as counterRe does on the whole text: no match of
// counterRe holds a full stop. Checked on the development pages, lower-cased
// as classify reads them, and on invented decisions.
func TestCounterMatchesWithinSentences(t *testing.T) {
	texts := []string{
		"kunnanhallitus päätti äänin 4–3 hyväksyä jari laineen vastaehdotuksen ja puoltaa korotusta.",
		"äänestyksessä vastaehdotus voitti. ehdotus hyväksyttiin.",
		"puheenjohtaja totesi. virtasen muutosehdotuksen tulleen hyväksytyksi",
		"kunnanhallitus hyväksyi virtasen. lisäysehdotuksen",
	}
	for _, text := range devTexts(t) {
		texts = append(texts, lower(text))
	}
	matched := 0
	for _, s := range texts {
		for _, m := range counterRe.Regexp().FindAllString(s, -1) {
			if strings.Contains(m, ".") {
				t.Errorf("counterRe matched across a full stop: %q", m)
			}
		}
		got, want := inSomeSentence(counterRe, s), counterRe.Regexp().MatchString(s)
		if got != want {
			t.Errorf("inSomeSentence %v, counterRe %v on %q", got, want, s[:min(len(s), 200)])
		}
		if want {
			matched++
		}
	}
	if matched < 3 {
		t.Fatalf("only %d texts matched: the check checks little", matched)
	}
}

// A pair set holds every adjacent byte pair of its text, multi-byte
// letters cut anywhere, and turns away literals whose pairs the text
// lacks (these do not share their bits with the text's).
func TestPairSet(t *testing.T) {
	var ps pairSet
	text := "Kunnanhallitus päätti jättää asian pöydälle."
	setPairs(&ps, text)
	for i := 0; i+2 <= len(text); i++ {
		for j := i + 2; j <= min(len(text), i+12); j++ {
			if !ps.mayHold(text[i:j]) {
				t.Fatalf("%q is in the text, but the pair set turns it away", text[i:j])
			}
		}
	}
	for _, lit := range []string{"pöydällä", "hylättiin", "xq", "öö"} {
		if ps.mayHold(lit) {
			t.Errorf("%q: a pair of it is not in the text, but the pair set lets it through", lit)
		}
	}
	setPairs(&ps, []byte("ab"))
	if ps.mayHold("ää") || !ps.mayHold("ab") || !ps.mayHold("a") {
		t.Error("a set made again keeps pairs of the text before, or loses its own")
	}
}

// topAlternatives splits at the bars outside groups and classes, keeps a
// leading flag group for every alternative, and refuses what it cannot
// split safely.
func TestTopAlternatives(t *testing.T) {
	for _, tc := range []struct {
		expr, flags string
		alts        []string // nil: left whole
	}{
		{`a|b(?:c|d)|e`, "", []string{"a", "b(?:c|d)", "e"}},
		{`(?i)kokous|möte`, "(?i)", []string{"kokous", "möte"}},
		{`(?i:a|b)|c`, "", []string{"(?i:a|b)", "c"}},
		{`[|]x|\|y|z`, "", []string{"[|]x", `\|y`, "z"}},
		{`[]|]a|[^]|]b`, "", []string{"[]|]a", "[^]|]b"}},
		{`\p{L}+|\d`, "", []string{`\p{L}+`, `\d`}},
		{`a(?i)b|c`, "", nil}, // the flags reach into c
		{`(a|b`, "", nil},
	} {
		flags, alts := topAlternatives(tc.expr)
		if flags != tc.flags || fmt.Sprintf("%q", alts) != fmt.Sprintf("%q", tc.alts) {
			t.Errorf("topAlternatives(%q) = %q, %q; want %q, %q", tc.expr, flags, alts, tc.flags, tc.alts)
		}
	}
}
