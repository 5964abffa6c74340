package main

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// genSite is a Dynasty site generated in memory, for tests and benchmarks
// that need more items than the hand-written fixture sites hold: the kill
// test and the fleet benchmark. Its item pages are virolahti's
// meetingitem/2023277-2.html with the ids, § and title replaced, so the
// extractor and parser see real template markup; its feeds follow
// virolahti's RSS. Every item carries the site's content version: bumping
// it changes every page's text and every feed entry's pubDate, so a sync
// has a new revision of each item to store.
type genSite struct {
	srv        *httptest.Server
	items      int
	perMeeting int
	version    atomic.Int32

	requests    atomic.Int64 // every request served, robots.txt included
	conditional atomic.Int64 // requests carrying a validator
	itemFetches atomic.Int64 // item pages served with a body (not 304)
}

// genTemplate is the item page template, split around the places where the
// item's own values go.
var genTemplate = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sites", "virolahti", "meetingitem", "2023277-2.html"))
	if err != nil {
		return "", err
	}
	s := string(b)
	const title = "Omistajaohjaus – vuokra-asuntojen vuokrien tarkistus 1.1.2024"
	s = strings.ReplaceAll(s, title, "{{TITLE}}")
	s = strings.ReplaceAll(s, "2023277-2", "{{ID}}")
	s = strings.ReplaceAll(s, "2023277-1", "{{PREV}}")
	s = strings.ReplaceAll(s, "2023277-3", "{{NEXT}}")
	s = strings.ReplaceAll(s, "Pykälä 181", "Pykälä {{SECTION}}")
	s = strings.ReplaceAll(s, "§ 181", "§ {{SECTION}}")
	s = strings.ReplaceAll(s, "</div>\n<!--DATAEND-->", "<p class=\"MsoNormal\">{{VERSION}}</p>\n</div>\n<!--DATAEND-->")
	for _, ph := range []string{"{{TITLE}}", "{{ID}}", "{{PREV}}", "{{NEXT}}", "{{SECTION}}", "{{VERSION}}"} {
		if !strings.Contains(s, ph) {
			return "", fmt.Errorf("item template: %s not placed; has the fixture changed?", ph)
		}
	}
	return s, nil
})

// newGenSite starts a generated site with n items, ten to a meeting.
func newGenSite(tb testing.TB, n int) *genSite {
	tb.Helper()
	if _, err := genTemplate(); err != nil {
		tb.Fatal(err)
	}
	g := &genSite{items: n, perMeeting: 10}
	g.srv = httptest.NewServer(http.HandlerFunc(g.serve))
	tb.Cleanup(g.srv.Close)
	return g
}

func (g *genSite) base() string { return g.srv.URL }

// itemID is the id of item i (0-based): meeting 2024100+i/10, position i%10+1.
func (g *genSite) itemID(i int) string {
	return fmt.Sprintf("%d-%d", g.meetingID(i/g.perMeeting), i%g.perMeeting+1)
}

func (g *genSite) meetingID(m int) int { return 2024100 + m }

func (g *genSite) meetings() int { return (g.items + g.perMeeting - 1) / g.perMeeting }

func (g *genSite) title(i int) string {
	return fmt.Sprintf("Asia %d: kunnan päätös numero %d", i, i)
}

func (g *genSite) itemPage(i int) string {
	tmpl, _ := genTemplate()
	v := g.version.Load()
	ver := "Versio 1."
	if v > 0 {
		ver = fmt.Sprintf("Päivitetty versio %d.", v+1)
	}
	id := g.itemID(i)
	meeting, _, _ := strings.Cut(id, "-")
	pos := i%g.perMeeting + 1
	r := strings.NewReplacer(
		"{{TITLE}}", g.title(i),
		"{{ID}}", id,
		"{{PREV}}", fmt.Sprintf("%s-%d", meeting, max(pos-1, 1)),
		"{{NEXT}}", fmt.Sprintf("%s-%d", meeting, pos+1),
		"{{SECTION}}", strconv.Itoa(100+i),
		"{{VERSION}}", ver,
		"{{BASE}}", g.base(),
	)
	return r.Replace(tmpl)
}

// pubDate moves with the version, as Dynasty's does when an item is edited.
func (g *genSite) pubDate(i int) string {
	t := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Minute + time.Duration(g.version.Load())*24*time.Hour)
	return t.Format(time.RFC1123Z)
}

func (g *genSite) itemsFeed(show int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\">\n<channel>\n<title><![CDATA[Dynasty]]></title>\n")
	n := g.items
	if show > 0 && show < n {
		n = show
	}
	for k := 0; k < n; k++ {
		i := g.items - 1 - k // newest first
		link := g.base() + "/cgi/DREQUEST.PHP?page=meetingitem&id=" + g.itemID(i)
		fmt.Fprintf(&b, "<item>\n<title><![CDATA[Generoitu kunnanhallitus 01.01.2024 / %s]]></title>\n<link><![CDATA[%s]]></link>\n<guid isPermaLink=\"true\"><![CDATA[%s]]></guid>\n<pubDate>%s</pubDate>\n</item>\n",
			g.title(i), link, link, g.pubDate(i))
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func (g *genSite) meetingsFeed() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\">\n<channel>\n<title><![CDATA[Dynasty]]></title>\n")
	for m := g.meetings() - 1; m >= 0; m-- {
		link := fmt.Sprintf("%s/cgi/DREQUEST.PHP?page=meeting&id=%d", g.base(), g.meetingID(m))
		fmt.Fprintf(&b, "<item>\n<title><![CDATA[Generoitu kunnanhallitus 01.01.2024 Pöytäkirja %d]]></title>\n<link><![CDATA[%s]]></link>\n<pubDate>%s</pubDate>\n</item>\n",
			m, link, g.pubDate(m*g.perMeeting))
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func (g *genSite) meetingPage(m int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>Kokous %d</title></head><body><ul>\n", g.meetingID(m))
	for i := m * g.perMeeting; i < min((m+1)*g.perMeeting, g.items); i++ {
		fmt.Fprintf(&b, "<li><a href=\"DREQUEST.PHP?page=meetingitem&amp;id=%s\">%d § %s</a></li>\n", g.itemID(i), 100+i, g.title(i))
	}
	b.WriteString("</ul></body></html>\n")
	return b.String()
}

func (g *genSite) serve(w http.ResponseWriter, r *http.Request) {
	g.requests.Add(1)
	cond := r.Header.Get("If-None-Match") != ""
	if cond {
		g.conditional.Add(1)
	}
	if r.URL.Path != "/cgi/DREQUEST.PHP" {
		http.NotFound(w, r) // robots.txt too: allow all
		return
	}
	q := r.URL.Query()
	var body, ct string
	isItem := false
	switch page, id := q.Get("page"), q.Get("id"); page {
	case "rss/meetingitems":
		show, _ := strconv.Atoi(q.Get("show"))
		body, ct = g.itemsFeed(show), "application/rss+xml"
	case "rss/meetings":
		body, ct = g.meetingsFeed(), "application/rss+xml"
	case "meeting":
		m, err := strconv.Atoi(id)
		if err != nil || m < g.meetingID(0) || m >= g.meetingID(g.meetings()) {
			http.NotFound(w, r)
			return
		}
		body, ct = g.meetingPage(m-g.meetingID(0)), "text/html; charset=UTF-8"
	case "meetingitem":
		i := g.itemIndex(id)
		if i < 0 {
			http.NotFound(w, r)
			return
		}
		body, ct, isItem = g.itemPage(i), "text/html; charset=UTF-8", true
	default:
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256([]byte(body))
	etag := fmt.Sprintf(`"%x"`, sum[:8])
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if isItem {
		g.itemFetches.Add(1)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write([]byte(body))
}

// itemIndex maps an item id back to its index, -1 if the site has no such item.
func (g *genSite) itemIndex(id string) int {
	meeting, pos, ok := strings.Cut(id, "-")
	m, err1 := strconv.Atoi(meeting)
	p, err2 := strconv.Atoi(pos)
	if !ok || err1 != nil || err2 != nil || p < 1 || p > g.perMeeting {
		return -1
	}
	i := (m-g.meetingID(0))*g.perMeeting + p - 1
	if m < g.meetingID(0) || i >= g.items {
		return -1
	}
	return i
}

func TestGenSiteSyncs(t *testing.T) {
	g := newGenSite(t, 25)
	dbPath := tempDB(t)
	sum := syncJSON(t, t.Context(), exitOK, "--db", dbPath, "--source", g.base())
	if got, want := (counts{}).of(sum.Sources[0]), (counts{new: 25}); got != want {
		t.Fatalf("generated site: counts %+v, want %+v (errors %v)", got, want, sum.Sources[0].Errors)
	}
	db := openStore(t, dbPath)
	it, err := db.Item(t.Context(), sourceID(t, db, g.base()), g.itemID(13))
	if err != nil {
		t.Fatal(err)
	}
	if d := it.Decision; d.Section == nil || *d.Section != 113 || d.MeetingDate != "2023-10-09" {
		t.Errorf("generated item 13 parsed as § %v date %q; the template no longer reads as minutes", d.Section, d.MeetingDate)
	}
	g.version.Add(1)
	sum = syncJSON(t, t.Context(), exitOK, "--db", dbPath, "--source", g.base())
	if got, want := (counts{}).of(sum.Sources[0]), (counts{changed: 25}); got != want {
		t.Errorf("after a version bump: counts %+v, want %+v", got, want)
	}
}
