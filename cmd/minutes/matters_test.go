package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The matters evaluation (testdata/matters): real page texts of several
// organisations' decisions on the same matters, labelled by reading, served
// as Dynasty sites (one per organisation) and synced, so that `approved` is
// measured through the whole chain. Measured, not asserted beyond a floor
// that guards against a collapse: `go test ./cmd/minutes -run TestApprovedMatters -v`
// prints precision and recall per matter and query; MINUTES_MATTERS_KEEP=DIR
// keeps the development archive as DIR/matters.db.

type matterPage struct {
	name, text   string
	Matter       string            `json:"matter"`
	Organization *string           `json:"organization"`
	Body         *string           `json:"body"`
	MeetingDate  *string           `json:"meeting_date"`
	Title        *string           `json:"title"`
	Outcome      *string           `json:"outcome"`
	OtherMatters map[string]string `json:"other_matters"`
}

type matterDef struct {
	Key     string   `json:"key"`
	Queries []string `json:"queries"`
}

func loadMatters(t *testing.T, set string) ([]matterDef, []matterPage) {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", set)
	b, err := os.ReadFile(filepath.Join(dir, "matters.json"))
	if err != nil {
		t.Fatal(err)
	}
	var defs []matterDef
	if err := json.Unmarshal(b, &defs); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "pages", "*.json"))
	sort.Strings(paths)
	var pages []matterPage
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var mp matterPage
		if err := json.Unmarshal(b, &mp); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		text, err := os.ReadFile(strings.TrimSuffix(p, ".json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		mp.name, mp.text = strings.TrimSuffix(filepath.Base(p), ".json"), string(text)
		pages = append(pages, mp)
	}
	return defs, pages
}

// serveOrganisation serves one organisation's pages as a Dynasty site.
func serveOrganisation(t *testing.T, pages []matterPage) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case q.Get("page") == "rss/meetingitems":
			w.Header().Set("Content-Type", "application/rss+xml; charset=ISO-8859-1")
			var items []realItem
			for i, p := range pages {
				items = append(items, realItem{id: fmt.Sprintf("2026001-%d", i+1), body: deref(p.Body),
					date: deref(p.MeetingDate), title: deref(p.Title)})
			}
			feed, _ := realFeeds(items)
			fmt.Fprint(w, strings.ReplaceAll(feed, "{{BASE}}", srv.URL))
		case q.Get("page") == "rss/meetings":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Dynasty</title></channel></rss>`)
		case q.Get("page") == "meetingitem":
			var n int
			if _, err := fmt.Sscanf(q.Get("id"), "2026001-%d", &n); err != nil || n < 1 || n > len(pages) {
				http.NotFound(w, r)
				return
			}
			p := pages[n-1]
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			page := realPageHTML(realItem{id: q.Get("id"), text: p.text, body: deref(p.Body), date: deref(p.MeetingDate)}, "nomarker")
			fmt.Fprint(w, strings.ReplaceAll(page, "{{BASE}}", srv.URL))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// addMatterSources serves each organisation's pages of a matters set as a
// Dynasty site and registers it in the archive db (org00, org01, … with
// the organisation's name); it returns the pages by organisation.
func addMatterSources(t *testing.T, db string, pages []matterPage) map[string][]matterPage {
	t.Helper()
	byOrg := map[string][]matterPage{}
	for _, p := range pages {
		if o := deref(p.Organization); o != "" {
			byOrg[o] = append(byOrg[o], p)
		}
	}
	for i, org := range sortedKeys(byOrg) {
		srv := serveOrganisation(t, byOrg[org])
		mustRun(t, exitOK, "--db", db, "sources", "add", fmt.Sprintf("org%02d", i), srv.URL, "--org", org)
	}
	return byOrg
}

// TestApprovedMatters measures approved on the development set (every miss
// and extra named under -v) and on the held-out set, testdata/matters-heldout,
// which nobody reads while changing the matching: its figures only.
func TestApprovedMatters(t *testing.T) {
	t.Run("dev", func(t *testing.T) { approvedMatters(t, "matters", true) })
	t.Run("heldout", func(t *testing.T) { approvedMatters(t, "matters-heldout", false) })
}

func approvedMatters(t *testing.T, set string, named bool) {
	defs, pages := loadMatters(t, set)
	db := filepath.Join(t.TempDir(), "matters.db")
	if dir := os.Getenv("MINUTES_MATTERS_KEEP"); dir != "" && named {
		// To look into the synced development archive with the CLI
		// afterwards (the servers are gone, the archive stays).
		db = filepath.Join(dir, set+".db")
		os.Remove(db)
	}
	byOrg := addMatterSources(t, db, pages)
	// The development part of the real page texts stands in for the rest of
	// an archive: unrelated matters of other organisations, so that words
	// weigh as in a real archive and a loose match shows up as an extra.
	// Those that handle a matter are labelled in distractors.json.
	inSet := map[string]bool{}
	for _, p := range pages {
		inSet[p.text] = true
	}
	var distractorSet struct {
		Pages map[string]map[string]string `json:"pages"`
	}
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "matters", "distractors.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &distractorSet); err != nil {
		t.Fatal(err)
	}
	extraWant := map[string]map[string]bool{} // matter → organisations deciding it
	distractors := 0
	sites := realSites(loadRealItems(t))
	for i, host := range sortedKeys(sites) {
		var site []matterPage
		org := ""
		for _, it := range sites[host] {
			if !inSet[it.text] && org == "" {
				org = it.org
			}
		}
		if org == "" {
			org = host
		}
		for _, it := range sites[host] {
			if inSet[it.text] {
				continue
			}
			site = append(site, matterPage{text: it.text, Body: &it.body, MeetingDate: &it.date, Title: &it.title})
			for m, kind := range distractorSet.Pages[it.name] {
				if kind == "decision" {
					if extraWant[m] == nil {
						extraWant[m] = map[string]bool{}
					}
					extraWant[m][org] = true
				}
			}
		}
		if len(site) == 0 {
			continue
		}
		srv := serveOrganisation(t, site)
		mustRun(t, exitOK, "--db", db, "sources", "add", fmt.Sprintf("real%03d", i), srv.URL, "--org", org)
		distractors += len(site)
	}
	mustRun(t, exitOK, "--db", db, "sync", "--delay", "0", "--quiet")
	t.Logf("%d matter pages of %d organisations, %d other real pages", len(pages), len(byOrg), distractors)

	var b strings.Builder
	fmt.Fprintf(&b, "\n%-24s %-55s %5s %5s %5s %9s %6s\n", "matter", "query", "want", "found", "extra", "precision", "recall")
	totalWant, totalFound, totalListed := 0, 0, 0
	totalFoundText, totalListedText := 0, 0
	for _, m := range defs {
		// The organisations with a decision on the matter (any outcome);
		// those that only mention it must not be listed.
		want := map[string]bool{}
		for _, p := range pages {
			if p.Matter == m.Key && deref(p.Outcome) != "mention" && deref(p.Organization) != "" {
				want[deref(p.Organization)] = true
			}
		}
		for o := range extraWant[m.Key] {
			want[o] = true
		}
		for _, q := range m.Queries {
			r := mustRun(t, exitOK, "--db", db, "approved", q, "--format", "json")
			var out struct {
				Approved, Otherwise []orgJSON
				Mentioned           []orgJSON `json:"mentioned_in_text"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
				t.Fatalf("approved %q: %v", q, err)
			}
			listed := map[string]bool{}
			for _, o := range append(out.Approved, out.Otherwise...) {
				listed[o.Organization] = true
			}
			found, extra := 0, 0
			var extras, missed []string
			for o := range listed {
				if want[o] {
					found++
				} else {
					extra++
					extras = append(extras, o)
				}
			}
			for o := range want {
				if !listed[o] {
					missed = append(missed, o)
				}
			}
			// The weaker list (the matter in an item's text only) counted
			// too, apart: what a user reading the whole answer sees.
			withText := map[string]bool{}
			for o := range listed {
				withText[o] = true
			}
			for _, o := range out.Mentioned {
				withText[o.Organization] = true
			}
			for o := range withText {
				if want[o] {
					totalFoundText++
				}
			}
			totalListedText += len(withText)
			sort.Strings(extras)
			sort.Strings(missed)
			defer func(q string) {
				if named && testing.Verbose() && (len(extras) > 0 || len(missed) > 0) {
					t.Logf("%s: extra %q, missed %q", q, extras, missed)
				}
			}(q)
			totalWant += len(want)
			totalFound += found
			totalListed += len(listed)
			if named {
				fmt.Fprintf(&b, "%-24s %-55s %5d %5d %5d %9.2f %6.2f\n", m.Key, truncate(q, 55), len(want), found, extra,
					ratioOf(found, len(listed)), ratioOf(found, len(want)))
			}
		}
	}
	p, r := ratioOf(totalFound, totalListed), ratioOf(totalFound, totalWant)
	fmt.Fprintf(&b, "%-24s %-55s %5d %5d %5d %9.2f %6.2f\n", "all (micro)", "", totalWant, totalFound, totalListed-totalFound, p, r)
	fmt.Fprintf(&b, "%-24s %-55s %5d %5d %5d %9.2f %6.2f\n", "all, with the text list", "", totalWant, totalFoundText,
		totalListedText-totalFoundText, ratioOf(totalFoundText, totalListedText), ratioOf(totalFoundText, totalWant))
	t.Log(b.String())
	if totalWant < 25 {
		t.Errorf("only %d organisation-matter pairs to find; the set needs at least 25", totalWant)
	}
	// A floor against a collapse, not a target (the approved issue's
	// targets are 0.95 both). Development set, measured when it was built,
	// before any work on matching: precision 0.97, recall 0.23 over 33
	// queries (without the other real pages beside it).
	if p < 0.8 || r < 0.15 {
		t.Errorf("approved precision %.2f, recall %.2f: collapsed", p, r)
	}
}

func ratioOf(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}
