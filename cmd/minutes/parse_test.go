package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutes-fi/minutes/parse"
)

func TestParseCommandJSONLines(t *testing.T) {
	seeds, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds: %v %v", seeds, err)
	}
	html := fixturePage(t, "virolahti/meetingitem/2023277-4.html")
	args := append([]string{"parse", "--json"}, seeds...)
	args = append(args, html)
	r := mustRun(t, exitOK, args...)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != len(seeds)+1 {
		t.Fatalf("%d JSON lines for %d inputs:\n%s", len(lines), len(seeds)+1, r.stdout)
	}
	var ds []parse.Decision
	for _, l := range lines {
		var d parse.Decision
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		ds = append(ds, d)
	}
	// The saved HTML page and the seed text it was built from agree.
	fromText, fromHTML := ds[0], ds[len(ds)-1]
	if fromHTML.Title != fromText.Title || fromHTML.Decision != fromText.Decision || fromHTML.Outcome != fromText.Outcome ||
		fromHTML.DiaryNumber != fromText.DiaryNumber {
		t.Errorf("HTML page and its seed text parse differently:\nhtml: %+v\ntext: %+v", fromHTML, fromText)
	}
	if ds[4].Outcome != parse.OutcomeNone {
		t.Errorf("seed 004 outcome = %q, want none", ds[4].Outcome)
	}
}

func TestParseCommandReadableAndErrors(t *testing.T) {
	r := mustRun(t, exitOK, "parse", "../../testdata/seeds/003_a099d9437646a0c6.txt")
	for _, want := range []string{"== ../../testdata/seeds/003", "Kemijärven kaupunki", "noted", "§ 413"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("readable summary lacks %q:\n%s", want, r.stdout)
		}
	}

	missing := filepath.Join(t.TempDir(), "nope.html")
	r = mustRun(t, exitError, "parse", "--json", missing, "../../testdata/seeds/000_80952cb9c12cec3f.txt")
	// One JSON line per input, in order: an error object for the missing one.
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if !strings.Contains(r.stderr, "nope.html") || len(lines) != 2 || !strings.HasPrefix(lines[0], `{"input":`) ||
		!strings.Contains(lines[0], `"error":`) || !strings.Contains(lines[1], `"outcome":"approved"`) {
		t.Errorf("a missing input should be reported and the others parsed; stdout %q stderr %q", r.stdout, r.stderr)
	}
	mustRun(t, exitUsage, "parse")

	// Standard input, sniffed as HTML.
	page, err := os.ReadFile(fixturePage(t, "porvoo/meetingitem/2023650-2.html"))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut strings.Builder
	code := run(t.Context(), []string{"parse", "--json", "-"}, strings.NewReader(string(page)), &out, &errOut)
	if code != exitOK {
		t.Fatalf("parse -: exit %d: %s", code, errOut.String())
	}
	var d parse.Decision
	if err := json.Unmarshal([]byte(out.String()), &d); err != nil || len(d.Disqualified) != 3 {
		t.Errorf("parse - of the porvoo page: %v, disqualified %v", err, d.Disqualified)
	}
}

// fixturePage copies a fixture site page to a temporary file with {{BASE}}
// replaced as the fixture server would, and returns its path.
func fixturePage(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../testdata/sites", rel))
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte("{{BASE}}"), []byte("https://dynasty.example.fi"))
	p := filepath.Join(t.TempDir(), filepath.Base(rel))
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A file that is plainly not a page is refused, saying what it is; with
// --json every input gets its line, an error object for those that fail.
func TestParseNotAPage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	mustRun(t, exitOK, "--db", db, "sources", "add", "x", "https://x.test")
	pdf := filepath.Join(dir, "meeting.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n%\xe2\xe3\n1 0 obj"), 0o644); err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join("..", "..", "testdata", "seeds", "001_fe47f1de4eb63b1f.txt")
	r := mustRun(t, exitError, "parse", "--json", db, seed, pdf)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], `"error":"an SQLite database`) ||
		!strings.Contains(lines[1], `"outcome"`) || !strings.Contains(lines[2], `"error":"a PDF document`) {
		t.Errorf("parse --json of a database, a page and a PDF:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "SQLite format 3") {
		t.Errorf("the database was read as a page:\n%s", r.stdout)
	}
}
