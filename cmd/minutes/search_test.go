package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
	"github.com/minutes-fi/minutes/store"
)

// page builds a Dynasty page text with the fields the parser reads.
func page(org, body, date, section, title, decision string) string {
	return fmt.Sprintf("Dynasty tietopalvelu Haku RSS %s\n%s\nPöytäkirja %s/Pykälä %s\n%s\n"+
		"Päätösehdotus Hyväksytään ehdotuksen mukaisesti.\nPäätös %s\n", org, body, date, section, title, decision)
}

type testItem struct{ source, id, text string }

// archiveWith writes an archive through the store API (not sync) and
// returns its path. Sources are created on first use, named as given.
func archiveWith(t *testing.T, items ...testItem) string {
	t.Helper()
	ctx := context.Background()
	path := tempDB(t)
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ids := map[string]int64{}
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, it := range items {
		sid, ok := ids[it.source]
		if !ok {
			src, err := db.AddSource(ctx, it.source, "https://"+it.source+".test", "")
			if err != nil {
				t.Fatal(err)
			}
			sid, ids[it.source] = src.ID, src.ID
		}
		if _, err := db.SaveItem(ctx, store.Fetched{SourceID: sid, ItemID: it.id,
			URL:       "https://" + it.source + ".test/cgi/DREQUEST.PHP?page=meetingitem&id=" + it.id,
			FetchedAt: at, Status: 200, ContentType: "text/plain; charset=utf-8", Raw: []byte(it.text), Text: it.text,
			Decision: parse.Text(it.text), ParserVersion: parse.Version}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func seedText(t *testing.T, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", prefix+"_*.txt"))
	if len(m) != 1 {
		t.Fatalf("seed %s missing", prefix)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func standardArchive(t *testing.T) string {
	return archiveWith(t,
		testItem{"virolahti", "2023277-5", seedText(t, "000")},
		testItem{"akaa", "2023-1", page("Akaan kaupunki", "Kaupunginhallitus", "01.09.2023", "10",
			"Hyvinvointialueen ja kuntien yhteistyösopimus", "Ehdotus hyväksyttiin.")},
		testItem{"akaa", "2023-2", page("Akaan kaupunki", "Kaupunginvaltuusto", "20.09.2023", "5",
			"Hyvinvointialueen ja kuntien yhteistyösopimus", "Ehdotus hyväksyttiin yksimielisesti.")},
		testItem{"bkunta", "2023-1", page("Bkunta", "Kunnanhallitus", "02.09.2023", "7",
			"Hyvinvointialueen yhteistyösopimuksen hyväksyminen", "Asia jätettiin pöydälle.")},
		testItem{"ckunta", "2024-1", page("Ckunta", "Tekninen lautakunta", "03.02.2024", "8",
			"=HYPERLINK(\"http://evil\") katujen kunnossapito", "Ehdotus hyväksyttiin.")},
	)
}

func TestSearchCommand(t *testing.T) {
	db := standardArchive(t)
	r := mustRun(t, exitOK, "--db", db, "search", "sopimus")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if lines[0] != "rank\tid\torganization\tbody\tdate\tsection\ttitle\toutcome\tsnippet\turl" || len(lines) != 5 {
		t.Fatalf("search output:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "[[yhteistyösopimus]]") && !strings.Contains(r.stdout, "[[yhteistyösopimuksen]]") {
		t.Errorf("no marked snippet:\n%s", r.stdout)
	}
	// Results are the same whatever the format.
	var ids []string
	for _, l := range lines[1:] {
		ids = append(ids, strings.Split(l, "\t")[1])
	}
	j := mustRun(t, exitOK, "--db", db, "search", "sopimus", "--format", "json")
	var jids []string
	for _, l := range strings.Split(strings.TrimSpace(j.stdout), "\n") {
		var h hitJSON
		if err := json.Unmarshal([]byte(l), &h); err != nil {
			t.Fatalf("json line %q: %v", l, err)
		}
		jids = append(jids, h.ID)
	}
	c := mustRun(t, exitOK, "--db", db, "search", "sopimus", "--format", "csv")
	if strings.Join(ids, " ") != strings.Join(jids, " ") || strings.Count(c.stdout, "\r\n") != 5 {
		t.Errorf("tsv ids %v, json ids %v, csv:\n%s", ids, jids, c.stdout)
	}

	r = mustRun(t, exitOK, "--db", db, "search", "sopimus", "--org", "akaa", "--outcome", "approved", "--limit", "1")
	if n := strings.Count(r.stdout, "\n"); n != 2 || !strings.Contains(r.stdout, "akaa/") {
		t.Errorf("filtered search:\n%s", r.stdout)
	}
	// Stray syntax is never an SQL error.
	for _, q := range []string{`"sopimus`, `sopimus)`, `sopimus -"x"`, `NEAR(a b)`, `'; DROP TABLE decisions; --`, `-x sopimus`} {
		r := runCLI(t, context.Background(), "--db", db, "search", "--", q)
		if r.code != exitOK || strings.Contains(r.stderr, "SQL") || strings.Contains(r.stderr, "fts5") {
			t.Errorf("search %q: exit %d\n%s", q, r.code, r.stderr)
		}
	}
	for _, args := range [][]string{
		{"search"},
		{"search", "***"},
		{"search", "* AND ("},
		{"search", "-sopimus"},
		{"search", "x", "--since", "2024-13-01"},
		{"search", "x", "--until", "1.1.2024"},
		{"search", "x", "--outcome", "accepted"},
		{"search", "x", "--limit", "0"},
		{"search", "x", "--format", "xml"},
	} {
		r := runCLI(t, context.Background(), append([]string{"--db", db}, args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "minutes:") {
			t.Errorf("%v: exit %d, want %d\n%s", args, r.code, exitUsage, r.stderr)
		}
	}
	// No archive: a clear error, not a new file.
	missing := filepath.Join(t.TempDir(), "none.db")
	r = runCLI(t, context.Background(), "--db", missing, "search", "x")
	if r.code != exitError || !strings.Contains(r.stderr, "minutes sync") {
		t.Errorf("missing archive: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("search created %s", missing)
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"päätös", 10, "päätös"}, {"päätös", 6, "päätös"}, {"päätösehdotus", 6, "päätö…"}, {"abc", 0, ""},
	} {
		if got := truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
	s := search.Snippet{Text: "yksi kaksi kolme", Marks: []search.Span{{Start: 0, End: 4}, {Start: 11, End: 16}}}
	if got := markedTruncate(s, 12, "[", "]"); got != "[yksi] kaksi…" {
		t.Errorf("markedTruncate = %q", got)
	}
}

// The terminal view of a hit names the id that 'minutes show' takes.
func TestSearchTerminalViewShowsID(t *testing.T) {
	var out strings.Builder
	a := &app{stdout: &out, getenv: func(string) string { return "" }}
	sec := 183
	hits := []store.Hit{{ID: "virolahti/2023277-5", Organization: "Virolahden kunta", Body: "Kunnanhallitus",
		MeetingDate: "2023-10-09", Section: &sec, Title: "Sopimus", Outcome: "approved", URL: "https://x.test/a",
		Snippet: search.Snippet{Text: "sopimus hyväksyttiin"}}}
	if err := a.printHitsTerminal(hits, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "virolahti/2023277-5 · Virolahden kunta · Kunnanhallitus · 2023-10-09 § 183 · approved") {
		t.Errorf("terminal view:\n%s", out.String())
	}
}

// A word longer than any word is dropped and said so, always; --explain
// says how every word was read.
func TestSearchExplain(t *testing.T) {
	db := standardArchive(t)
	long := strings.Repeat("a", 70)
	r := mustRun(t, exitOK, "--db", db, "search", "sopimus "+long)
	if !strings.Contains(r.stderr, "query: aaaaaaaaaaaaaaaaaaaaaaaa…: dropped: 70 bytes") || strings.Contains(r.stderr, "= keys") {
		t.Errorf("without --explain, stderr:\n%s", r.stderr)
	}
	r = mustRun(t, exitOK, "--db", db, "approved", "yhteistyösopimus ja 2023", "--explain")
	for _, want := range []string{"query: yhteistyösopimus = keys yhteistyösopimus|", "compounds ending", "query: 2023 = keys 2023 (a number: as written)",
		"query: ja = keys ja", "(a stop word: approved does not weigh it)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("--explain lacks %q:\n%s", want, r.stderr)
		}
	}
}
