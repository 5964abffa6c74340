package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/feeds"
	"github.com/mmcdole/gofeed"

	"github.com/minutes-fi/minutes/search"
	"github.com/minutes-fi/minutes/store"
)

// TestWatchNewsAfterSync: watches added after a first sync report what the
// second sync brings (a changed page and a new one), each once.
func TestWatchNewsAfterSync(t *testing.T) {
	ctx := context.Background()
	site := newFixtureSite(t, "virolahti")
	db := tempDB(t)
	syncJSON(t, ctx, exitOK, "--db", db, "--source", site.base())

	add := mustRun(t, exitOK, "--db", db, "watch", "add", "satama", "kiinteistö OR kuntafoorumi")
	if !strings.Contains(add.stdout, "Watch satama added") {
		t.Errorf("watch add said %q", add.stdout)
	}
	mustRun(t, exitOK, "--db", db, "watch", "add", "sote", "vuokra-asunnot")
	mustRun(t, exitOK, "--db", db, "watch", "add", "satama-ok", "kiinteistö", "OR", "kuntafoorumi", "--outcome", "approved")
	// Usage mistakes.
	for _, args := range [][]string{
		{"watch", "add", "satama", "x"},    // exists
		{"watch", "add", "Bad Name", "x"},  // name
		{"watch", "add", "w"},              // no query
		{"watch", "add", "w", "--", "---"}, // no word
		{"watch", "add", "w", "x", "--outcome", "maybe"},
		{"watch", "remove", "nosuch"},
		{"watch", "news", "nosuch"},
		{"watch", "news", "--since", "yesterday"},
		{"watch", "feed", "satama"}, // no -o
	} {
		r := mustRun(t, exitUsage, append([]string{"--db", db}, args...)...)
		if !strings.HasPrefix(r.stderr, "minutes: ") {
			t.Errorf("%v: stderr %q", args, r.stderr)
		}
	}

	// Nothing is news yet: what was archived before the watches is search's.
	if r := mustRun(t, exitOK, "--db", db, "watch", "news"); r.stdout != "" || r.stderr != "" {
		t.Errorf("news before any new sync printed %q / %q, want nothing (cron mails output)", r.stdout, r.stderr)
	}

	site.setPhase(2)
	sum := syncJSON(t, ctx, exitOK, "--db", db, "--source", site.base())
	if len(sum.WatchMatches) != 2 || sum.WatchMatches["satama"] != 2 || sum.WatchMatches["satama-ok"] != 1 {
		t.Errorf("sync recorded watch matches %v, want satama 2, satama-ok 1", sum.WatchMatches)
	}

	r := mustRun(t, exitOK, "--db", db, "watch", "news", "--format", "json")
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var m newsJSON
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("news line %q: %v", line, err)
		}
		if m.Organization == nil || m.URL == "" || m.Recorded == "" || !strings.Contains(m.Snippet, "[[") {
			t.Errorf("news %+v lacks organisation, URL, time or a marked snippet", m)
		}
		got = append(got, m.Watch+" "+m.Change+" "+m.ID[strings.Index(m.ID, "/")+1:]+" "+m.Outcome)
	}
	sort.Strings(got)
	want := []string{"satama changed 2023290-1 amended", "satama new 2023290-2 approved", "satama-ok new 2023290-2 approved"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("news:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Asked again: nothing.
	if r := mustRun(t, exitOK, "--db", db, "watch", "news"); r.stdout != "" {
		t.Errorf("news asked again printed:\n%s", r.stdout)
	}
	// A third sync with nothing new: nothing recorded, no news.
	sum = syncJSON(t, ctx, exitOK, "--db", db, "--source", site.base())
	if len(sum.WatchMatches) != 0 {
		t.Errorf("no-change sync recorded %v", sum.WatchMatches)
	}
	if r := mustRun(t, exitOK, "--db", db, "watch", "news"); r.stdout != "" {
		t.Errorf("news after a no-change sync printed:\n%s", r.stdout)
	}

	// A look back, as CSV, marks nothing and shows both.
	r = mustRun(t, exitOK, "--db", db, "watch", "news", "satama", "--since", "2000-01-01", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(recs) != 3 || recs[0][0] != "watch" || recs[1][0] != "satama" {
		t.Errorf("look back as CSV (%v):\n%s", err, r.stdout)
	}

	r = mustRun(t, exitOK, "--db", db, "watch", "list")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "satama\tkiinteistö OR kuntafoorumi\t0\t2\t") ||
		!strings.Contains(lines[2], "--outcome approved") || !strings.HasPrefix(lines[3], "sote\tvuokra-asunnot\t0\t0") {
		t.Errorf("watch list:\n%s", r.stdout)
	}

	// The Atom feed: written whole, read back by a feed parser.
	out := filepath.Join(t.TempDir(), "satama.xml")
	mustRun(t, exitOK, "--db", db, "watch", "feed", "satama", "-o", out, "--link", "https://example.org/satama.xml")
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	checkAtom(t, raw)
	feed, err := gofeed.NewParser().ParseString(string(raw))
	if err != nil {
		t.Fatalf("the feed does not parse: %v\n%s", err, raw)
	}
	if feed.FeedType != "atom" || len(feed.Items) != 2 || feed.FeedLink != "https://example.org/satama.xml" {
		t.Fatalf("feed type %s, %d items, self %q:\n%s", feed.FeedType, len(feed.Items), feed.FeedLink, raw)
	}
	ids := map[string]bool{}
	for _, it := range feed.Items {
		if !strings.HasPrefix(it.Link, site.base()+"/cgi/DREQUEST.PHP?") || !strings.Contains(it.Title, "Virolahden") ||
			it.UpdatedParsed == nil || it.Description == "" {
			t.Errorf("feed item %+v", it)
		}
		ids[it.GUID] = true
	}
	if len(ids) != 2 {
		t.Errorf("feed item ids not distinct: %v", ids)
	}
	// Writing the feed did not change the news, nor did anything remain
	// of its temporary file.
	if r := mustRun(t, exitOK, "--db", db, "watch", "news"); r.stdout != "" {
		t.Errorf("news after writing a feed printed:\n%s", r.stdout)
	}
	if files, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp")); len(files) != 0 {
		t.Errorf("temporary files left: %v", files)
	}

	// Shell completion offers the watches' names.
	if r := mustRun(t, exitOK, "--db", db, "__complete", "watch", "news", "sa"); !strings.Contains(r.stdout, "satama\n") ||
		!strings.Contains(r.stdout, "satama-ok\n") || strings.Contains(r.stdout, "sote") {
		t.Errorf("completion of watch names:\n%s", r.stdout)
	}
	mustRun(t, exitOK, "--db", db, "watch", "remove", "sote", "satama-ok")
	r = mustRun(t, exitOK, "--db", db, "watch", "list")
	if n := strings.Count(strings.TrimSpace(r.stdout), "\n"); n != 1 {
		t.Errorf("after removing two of three, watch list:\n%s", r.stdout)
	}
}

// checkAtom checks what RFC 4287 requires of a feed and its entries: id,
// title and updated on each, an author for the feed (no entry has its own),
// and an alternate link for each entry without content.
func checkAtom(t *testing.T, raw []byte) {
	t.Helper()
	var f struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Author  []struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Links   []struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(raw, &f); err != nil {
		t.Fatalf("feed is not Atom XML: %v", err)
	}
	if f.ID == "" || f.Title == "" || !rfc3339(f.Updated) || len(f.Author) != 1 || f.Author[0].Name == "" {
		t.Errorf("feed id %q title %q updated %q authors %v", f.ID, f.Title, f.Updated, f.Author)
	}
	for _, e := range f.Entries {
		alt := false
		for _, l := range e.Links {
			alt = alt || (l.Rel == "alternate" && l.Href != "")
		}
		if e.ID == "" || e.Title == "" || !rfc3339(e.Updated) || !alt {
			t.Errorf("entry %+v lacks what Atom requires", e)
		}
	}
}

func rfc3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// The commands that only read or change watches do not create an archive.
func TestWatchNeedsAnArchive(t *testing.T) {
	db := tempDB(t)
	for _, args := range [][]string{{"watch", "news"}, {"watch", "remove", "x"}, {"watch", "feed", "x", "-o", filepath.Join(t.TempDir(), "x.xml")}, {"watch", "list"}} {
		r := mustRun(t, exitError, append([]string{"--db", db}, args...)...)
		if !strings.Contains(r.stderr, "no archive at") {
			t.Errorf("%v: %s", args, r.stderr)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("an archive was created: %v", err)
	}
}

// The terminal view of news: each watch's matches under its name, with
// whether the page is new or changed.
func TestWatchNewsTerminalView(t *testing.T) {
	var out strings.Builder
	a := &app{stdout: &out, getenv: func(string) string { return "" }, stdoutTTY: true}
	sec := 190
	hit := store.Hit{ID: "virolahti/2023290-1", Organization: "Virolahden kunta", Body: "Kunnanhallitus",
		MeetingDate: "2023-11-06", Section: &sec, Title: "Kiinteistön myynti", Outcome: "amended", URL: "https://x.test/a",
		Snippet: search.Snippet{Text: "kiinteistön myynti", Marks: []search.Span{{Start: 0, End: 12}}}}
	news := []store.WatchMatch{{Watch: "satama", Hit: hit, Change: "changed"}, {Watch: "satama", Hit: hit, Change: "new"}, {Watch: "muu", Hit: hit, Change: "new"}}
	if err := a.printNewsTerminal(news); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"satama: 2\n", "muu: 1\n", "2023-11-06 § 190 · amended · changed", " 1. Kiinteistön myynti", "\x1b[1mkiinteistön\x1b[22m"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("terminal view lacks %q:\n%s", want, out.String())
		}
	}
}

// A watch that cannot be matched (here a query stored by hand that no
// longer parses) does not cost the sync its decisions: they are stored, the
// run exits 3 and says why, and the other sources are not affected.
func TestSyncWatchFailureKeepsDecisions(t *testing.T) {
	ctx := context.Background()
	site := newFixtureSite(t, "virolahti")
	db := tempDB(t)
	mustRun(t, exitOK, "--db", db, "watch", "add", "ok", "kiinteistö")
	sdb, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sdb.Exec(`INSERT INTO watches (name, query, created_at, checked_revision) VALUES ('broken', '---', '2026-01-01T00:00:00Z', 0)`); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	r := runCLI(t, ctx, "--db", db, "sync", "--delay", "0", "--source", site.base())
	if r.code != exitPartial || !strings.Contains(r.stderr, "watch broken") || !strings.Contains(r.stderr, "the decisions are stored") {
		t.Fatalf("sync with a broken watch: exit %d\n%s", r.code, r.stderr)
	}
	if r := mustRun(t, exitOK, "--db", db, "search", "kiinteistö", "--format", "tsv"); strings.Count(r.stdout, "\n") < 2 {
		t.Errorf("decisions not stored:\n%s", r.stdout)
	}
	// The good watch was recorded all the same, and its news comes,
	// with the broken one named (exit 3).
	if r := mustRun(t, exitOK, "--db", db, "watch", "list"); !strings.Contains(r.stdout, "ok\tkiinteistö\t1\t1") {
		t.Errorf("the good watch's match was not recorded:\n%s", r.stdout)
	}
	r = mustRun(t, exitPartial, "--db", db, "watch", "news")
	if !strings.Contains(r.stdout, "2023290-1") || !strings.Contains(r.stderr, "watch broken") {
		t.Errorf("news with a broken watch:\n%s\nstderr: %s", r.stdout, r.stderr)
	}
}

// Text XML cannot hold (a control character from a page) still makes a
// well-formed feed.
func TestAtomFeedOfControlCharacters(t *testing.T) {
	m := store.WatchMatch{Watch: "w", Hit: store.Hit{ID: "s/1-1", URL: "https://x.test/a", Organization: "Kunta\x01", Title: "Asia\x1b[2J",
		Outcome: "approved"}, Change: "new", RevisionID: 1, Recorded: time.Unix(0, 0), Summary: "Päätös\x00."}
	var b strings.Builder
	if err := feeds.WriteXML(atomFeed(store.Watch{Name: "w", Query: "asia"}, []store.WatchMatch{m}, "", time.Unix(0, 0)), &b); err != nil {
		t.Fatal(err)
	}
	checkAtom(t, []byte(b.String()))
}
