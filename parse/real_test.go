package parse_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
)

// The real-page test bed: page texts of real Dynasty item pages, each
// labelled by a person reading it before the parser saw it
// (testdata/real/LABELLING.md), split once at random into a development part
// and a held-out part (testdata/real/split.tsv). The held-out part is not
// read while the parser is changed; its figure is the one to quote.
//
// The wording set (testdata/real/wording) is a second bed of the same kind:
// real item pages of other minute systems (CloudNC, Tweb, Ahjo…), whose
// Finnish decision wording is the same practice's. Only the fields that
// wording decides are labelled there (wordingFields).
type realSet struct {
	texts, split string
	fields       []string // the label keys a page of the set may hold
}

var (
	dynastySet = realSet{texts: "../testdata/real/texts", split: "../testdata/real/split.tsv", fields: realFields}
	wordingSet = realSet{texts: "../testdata/real/wording/texts", split: "../testdata/real/wording/split.tsv", fields: wordingFields}
)

// wordingFields are the fields labelled on the wording set's pages.
var wordingFields = []string{"diary_number", "preparers", "presenter", "outcome", "unanimous", "attachments"}

// realLabel is one labelled page. A label key that is absent was not
// visible on the stored text and is not scored; null means "the page says
// nothing", and is scored as such.
type realLabel struct {
	// Handlings, on the raw pages only: every handling in page order.
	Handlings []struct {
		Body    *string `json:"body"`
		Date    *string `json:"date"`
		Section *int    `json:"section"`
		Outcome *string `json:"outcome"`
	} `json:"handlings"`
	Votes     json.RawMessage            `json:"votes"`
	URL       string                     `json:"url"`
	Collected string                     `json:"collected"`
	Via       string                     `json:"via"`
	Truncated bool                       `json:"truncated"`
	Labels    map[string]json.RawMessage `json:"labels"`
	Notes     string                     `json:"notes"`
}

type realPage struct {
	name  string
	text  string
	label realLabel
}

// realFields are the scored fields, in report order. Each reads the
// parser's value and the label's into comparable strings ("" = nothing).
var realFields = []string{
	"organization", "body", "document", "meeting_date", "section", "item_number", "title",
	"diary_number", "preparers", "presenter", "outcome", "unanimous", "attachments",
}

// clean is how two texts are compared: NFC, runs of spaces as one.
func clean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(strings.ReplaceAll(s, "\u00a0", " "))), " ")
}

// got renders the parser's value of a field.
func got(d parse.Decision, field string) string {
	switch field {
	case "organization":
		return clean(d.Organization)
	case "body":
		return clean(d.Body)
	case "document":
		return string(d.Document)
	case "meeting_date":
		return d.MeetingDate
	case "section":
		return intString(d.Section)
	case "item_number":
		return intString(d.ItemNumber)
	case "title":
		return clean(d.Title)
	case "diary_number":
		return clean(d.DiaryNumber)
	case "preparers":
		var names []string
		for _, p := range d.Preparers {
			// As LABELLING.md writes them: the name; a preparer known
			// only by an e-mail address or a job title, by that.
			switch {
			case p.Name != "":
				names = append(names, clean(p.Name))
			case p.Email != "":
				names = append(names, clean(p.Email))
			default:
				names = append(names, clean(p.Title))
			}
		}
		return strings.Join(names, " | ")
	case "presenter":
		if d.Presenter == nil {
			return ""
		}
		return clean(d.Presenter.Title) + " / " + clean(d.Presenter.Name)
	case "outcome":
		return string(d.Outcome)
	case "unanimous":
		if d.Unanimous == nil {
			return ""
		}
		return fmt.Sprint(*d.Unanimous)
	case "attachments":
		var a []string
		for _, s := range d.Attachments {
			a = append(a, clean(s))
		}
		return strings.Join(a, " | ")
	}
	panic("unknown field " + field)
}

func intString(p *int) string {
	if p == nil {
		return ""
	}
	return fmt.Sprint(*p)
}

// want renders a label the way got renders the parser's value; ok is false
// when the label is absent (not scored).
func want(t testing.TB, name string, l realLabel, field string) (string, bool) {
	raw, ok := l.Labels[field]
	if !ok {
		return "", false
	}
	if string(raw) == "null" {
		return "", true
	}
	fail := func(err error) { t.Fatalf("%s: label %s: %v", name, field, err) }
	switch field {
	case "section", "item_number":
		var n int
		if err := json.Unmarshal(raw, &n); err != nil {
			fail(err)
		}
		return fmt.Sprint(n), true
	case "unanimous":
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			fail(err)
		}
		return fmt.Sprint(b), true
	case "preparers", "attachments":
		var list []string
		if err := json.Unmarshal(raw, &list); err != nil {
			fail(err)
		}
		for i := range list {
			list[i] = clean(list[i])
		}
		return strings.Join(list, " | "), true
	case "presenter":
		var p struct{ Name, Title *string }
		if err := json.Unmarshal(raw, &p); err != nil {
			fail(err)
		}
		deref := func(s *string) string {
			if s == nil {
				return ""
			}
			return clean(*s)
		}
		return deref(p.Title) + " / " + deref(p.Name), true
	case "outcome":
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			fail(err)
		}
		if !parse.ValidOutcome(s) {
			t.Fatalf("%s: label outcome %q is not an outcome", name, s)
		}
		return s, true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		fail(err)
	}
	return clean(s), true
}

// loadSplit reads a split.tsv: name, tab, "dev" or "heldout".
func loadSplit(t testing.TB, set realSet) map[string]string {
	f, err := os.Open(set.split)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	parts := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, part, ok := strings.Cut(line, "\t")
		if !ok || (part != "dev" && part != "heldout") {
			t.Fatalf("%s: bad line %q", set.split, line)
		}
		parts[name] = part
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return parts
}

// loadReal loads the labelled real page texts of one part of the Dynasty set.
func loadReal(t testing.TB, part string) []realPage {
	t.Helper()
	return loadSet(t, dynastySet, part)
}

// loadSet loads the labelled page texts of one part of a set.
func loadSet(t testing.TB, set realSet, part string) []realPage {
	t.Helper()
	split := loadSplit(t, set)
	paths, err := filepath.Glob(filepath.Join(set.texts, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no labelled real pages in %s (%v)", set.texts, err)
	}
	sort.Strings(paths)
	var out []realPage
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		sp, ok := split[name]
		if !ok {
			t.Fatalf("%s is in no part of %s: a new page is split before the parser is run on it", name, set.split)
		}
		if sp != part {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var l realLabel
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for k := range l.Labels {
			if !containsString(set.fields, k) {
				t.Fatalf("%s: unknown label %q", p, k)
			}
		}
		text, err := os.ReadFile(strings.TrimSuffix(p, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, realPage{name: name, text: string(text), label: l})
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// realScore is the tally of one field over one part.
type realScore struct {
	scored, right int // labels present; of them, parser values equal to the label
	predicted     int // non-empty parser values where a label is present
	correctNonNil int // of those, right
	expected      int // non-empty labels
	wrong         []string
}

// scoreReal parses every page and compares it with its labels. It returns
// the per-field tallies and the report text.
func scoreReal(t testing.TB, pages []realPage, fields []string, title string, verbose bool) (map[string]*realScore, string) {
	scores := map[string]*realScore{}
	for _, f := range fields {
		scores[f] = &realScore{}
	}
	pagesRight := 0
	var b strings.Builder
	for _, pg := range pages {
		d := parse.Text(pg.text)
		allRight := true
		for _, f := range fields {
			w, ok := want(t, pg.name, pg.label, f)
			if !ok {
				continue
			}
			g := got(d, f)
			s := scores[f]
			s.scored++
			if g != "" {
				s.predicted++
			}
			if w != "" {
				s.expected++
			}
			if g == w {
				s.right++
				if g != "" {
					s.correctNonNil++
				}
				continue
			}
			allRight = false
			s.wrong = append(s.wrong, pg.name)
			if verbose {
				fmt.Fprintf(&b, "  %s %s:\n    want %q\n    got  %q\n", pg.name, f, w, g)
			}
		}
		if allRight {
			pagesRight++
		}
	}
	var rep strings.Builder
	fmt.Fprintf(&rep, "\n%s: %d pages, %d entirely right\n", title, len(pages), pagesRight)
	fmt.Fprintf(&rep, "%-13s %6s %6s %9s %10s %7s\n", "field", "scored", "right", "accuracy", "precision", "recall")
	totalScored, totalRight := 0, 0
	for _, f := range fields {
		s := scores[f]
		totalScored += s.scored
		totalRight += s.right
		fmt.Fprintf(&rep, "%-13s %6d %6d %9.3f %10.3f %7.3f", f, s.scored, s.right, ratio(s.right, s.scored),
			ratio(s.correctNonNil, s.predicted), ratio(s.correctNonNil, s.expected))
		if verbose && len(s.wrong) > 0 {
			fmt.Fprintf(&rep, "  wrong: %s", strings.Join(s.wrong, ", "))
		}
		rep.WriteByte('\n')
	}
	fmt.Fprintf(&rep, "%-13s %6d %6d %9.3f\n", "all fields", totalScored, totalRight, ratio(totalRight, totalScored))
	if verbose {
		rep.WriteString(b.String())
	}
	return scores, rep.String()
}

// checkFloor fails when the share of labelled fields right over all fields
// falls under floor: a guard against regressions, set under today's figures
// (development 0.995, held-out 0.968), not the target (0.98 held-out).
func checkFloor(t *testing.T, scores map[string]*realScore, floor float64) {
	t.Helper()
	scored, right := 0, 0
	for _, s := range scores {
		scored += s.scored
		right += s.right
	}
	if got := ratio(right, scored); got < floor {
		t.Errorf("%.3f of labelled fields right, under the floor %.2f", got, floor)
	}
}

// TestRealAccuracyDev scores the development part, naming every miss: the
// part the parser may be changed against.
func TestRealAccuracyDev(t *testing.T) {
	pages := loadReal(t, "dev")
	scores, rep := scoreReal(t, pages, realFields, "real pages, development part", true)
	t.Log(rep)
	checkFloor(t, scores, 0.98)
}

// TestRealAccuracyHeldOut scores the held-out part and prints only the
// figures, never which pages or values were missed, so that running it
// does not turn the held-out part into development material.
func TestRealAccuracyHeldOut(t *testing.T) {
	pages := loadReal(t, "heldout")
	if len(pages) == 0 {
		t.Fatal("no held-out pages")
	}
	scores, rep := scoreReal(t, pages, realFields, "real pages, held-out part", false)
	t.Log(rep)
	checkFloor(t, scores, 0.95)
	// The first collection has no batch file: its pages are reported
	// together.
	reportBatches(t, dynastySet, pages, realFields, "real pages", "the first collection (no batch file)")
}

// TestWordingAccuracyDev scores the wording set's development part, naming
// every miss.
func TestWordingAccuracyDev(t *testing.T) {
	pages := loadSet(t, wordingSet, "dev")
	scores, rep := scoreReal(t, pages, wordingFields, "wording set (other systems), development part", true)
	t.Log(rep)
	checkFloor(t, scores, wordingFloorDev)
}

// TestWordingAccuracyHeldOut scores the wording set's held-out part, figures
// only, as TestRealAccuracyHeldOut does.
func TestWordingAccuracyHeldOut(t *testing.T) {
	pages := loadSet(t, wordingSet, "heldout")
	if len(pages) == 0 {
		t.Fatal("no held-out pages")
	}
	scores, rep := scoreReal(t, pages, wordingFields, "wording set (other systems), held-out part", false)
	t.Log(rep)
	checkFloor(t, scores, wordingFloorHeldOut)
	reportBatches(t, wordingSet, pages, wordingFields, "wording set", "")
}

// reportBatches reports each collection batch's held-out pages apart, figures
// only: a batch added after the parser's last change gives a figure read for
// the first time. Pages in no batch file are an error unless unlisted names
// them (a set's first collection, which has none).
func reportBatches(t *testing.T, set realSet, pages []realPage, fields []string, label, unlisted string) {
	t.Helper()
	byBatch := map[string][]realPage{}
	batchOf := loadBatches(t, set)
	for _, pg := range pages {
		byBatch[batchOf[pg.name]] = append(byBatch[batchOf[pg.name]], pg)
	}
	names := slices.Sorted(maps.Keys(byBatch))
	for _, b := range names {
		name := b
		if b == "" {
			if unlisted == "" {
				t.Errorf("%d held-out pages are in no batch file", len(byBatch[b]))
				continue
			}
			name = unlisted
		}
		_, rep := scoreReal(t, byBatch[b], fields, label+", held-out part of "+name, false)
		t.Log(rep)
	}
}

// loadBatches maps each page of set to the batch file (batch*.txt beside
// its texts) that lists it.
func loadBatches(t testing.TB, set realSet) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(filepath.Dir(set.texts), "batch*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no batch files beside %s (%v)", set.texts, err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range strings.Fields(string(b)) {
			out[name] = strings.TrimSuffix(filepath.Base(f), ".txt")
		}
	}
	return out
}

// TestRealHTML reads the raw Dynasty pages of testdata/real/espoo (bytes as
// served, windows-1252 Word HTML) and testdata/real/espoo-extra (two more
// of Espoo's pages, 2013 and 2017, from the same repository's test data)
// through the extractor and the parser, as sync does, and checks every
// labelled field.
func TestRealHTML(t *testing.T) {
	var paths []string
	for _, dir := range []string{"espoo", "espoo-extra"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", "real", dir, "*.json"))
		if err != nil || len(m) < 2 {
			t.Fatalf("%s: %d labelled raw pages (%v)", dir, len(m), err)
		}
		paths = append(paths, m...)
	}
	checked := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var l realLabel
		if err := json.Unmarshal(b, &l); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		raw, err := os.ReadFile(strings.TrimSuffix(p, ".json") + ".HTM")
		if err != nil {
			t.Fatal(err)
		}
		pg, err := scrape.ExtractPage(raw, "", scrape.ExtractOptions{IsChrome: parse.IsChrome})
		if err != nil {
			t.Fatal(err)
		}
		d := parse.Read(parse.Page{Head: pg.Head, Text: pg.Text, Emphasis: pg.Emphasis, DocumentTitle: pg.DocumentTitle})
		name := filepath.Base(p)
		for _, f := range realFields {
			w, ok := want(t, name, l, f)
			if !ok {
				continue
			}
			checked++
			if g := got(d, f); g != w {
				t.Errorf("%s %s:\n want %q\n got  %q", name, f, w, g)
			}
		}
		var gotH, wantH []string
		for _, h := range d.Handlings {
			gotH = append(gotH, fmt.Sprintf("%s %s %s %s", h.Body, h.Date, intString(h.Section), h.Outcome))
		}
		str := func(s *string) string {
			if s == nil {
				return ""
			}
			return *s
		}
		for _, h := range l.Handlings {
			wantH = append(wantH, fmt.Sprintf("%s %s %s %s", str(h.Body), str(h.Date), intString(h.Section), str(h.Outcome)))
		}
		if strings.Join(gotH, "; ") != strings.Join(wantH, "; ") {
			t.Errorf("%s handlings:\n want %q\n got  %q", name, wantH, gotH)
		}
		checked++
	}
	t.Logf("%d labelled fields checked on %d raw pages", checked, len(paths))
}

// Regression floors of the wording set, set under its figures with parser
// v12 (development 0.892, held-out 0.848; batches A and B before v12: 0.640
// and 0.592).
const (
	wordingFloorDev     = 0.85
	wordingFloorHeldOut = 0.80
)

// TestHeldOutHasNoDevCopy: no held-out page of either set is the same page
// as a development page of either set, by its text (byte for byte, spaces
// aside) or by its address: a page the parser was changed against is not
// unseen under another name (a Dynasty page was once in the wording set's
// held-out part and the Dynasty set's development part).
func TestHeldOutHasNoDevCopy(t *testing.T) {
	type seen struct{ name, part string }
	byText, byURL := map[string][]seen{}, map[string][]seen{}
	for _, set := range []realSet{dynastySet, wordingSet} {
		for name, part := range loadSplit(t, set) {
			raw, err := os.ReadFile(filepath.Join(set.texts, name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			meta, err := os.ReadFile(filepath.Join(set.texts, name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var m struct{ URL string }
			if err := json.Unmarshal(meta, &m); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			s := seen{name, part}
			text := strings.Join(strings.Fields(string(raw)), " ")
			byText[text] = append(byText[text], s)
			u := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(m.URL), "https://"), "http://"), "/")
			byURL[u] = append(byURL[u], s)
		}
	}
	for _, groups := range []map[string][]seen{byText, byURL} {
		for _, g := range groups {
			parts := map[string]bool{}
			for _, s := range g {
				parts[s.part] = true
			}
			if parts["dev"] && parts["heldout"] {
				t.Errorf("the same page is held out and in development: %v", g)
			}
		}
	}
}
