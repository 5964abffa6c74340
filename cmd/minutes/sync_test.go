package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/minutes-fi/minutes/harvest"
	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/store"
)

// syncJSON runs a sync with --json and decodes its summary.
func syncJSON(t *testing.T, ctx context.Context, want int, args ...string) syncSummary {
	t.Helper()
	full := append([]string{"sync", "--json", "--delay", "0"}, args...)
	r := runCLI(t, ctx, full...)
	if r.code != want {
		t.Fatalf("minutes %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(full, " "), r.code, want, r.stdout, r.stderr)
	}
	var sum syncSummary
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("sync --json printed no JSON summary: %v\n%s", err, r.stdout)
	}
	if strings.Contains(r.stdout, `"errors": null`) {
		t.Errorf("sync --json writes a null list of errors:\n%s", r.stdout)
	}
	return sum
}

// counts is the per-source tally a test expects.
type counts struct{ new, changed, unchanged, failed, gone int }

func (c counts) of(r sourceResult) counts {
	return counts{r.New, r.Changed, r.Unchanged, r.Failed, r.Gone}
}

func openStore(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func sourceID(t *testing.T, db *store.DB, base string) int64 {
	t.Helper()
	all, err := db.AllSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		if s.BaseURL == base {
			return s.ID
		}
	}
	t.Fatalf("no source with base URL %s in %+v", base, all)
	return 0
}

func TestSyncFeedsThenNothingNewThenChanges(t *testing.T) {
	site := newFixtureSite(t, "virolahti")
	dbPath := tempDB(t)
	ctx := context.Background()

	// First sync: the five distinct items of the items feed are new.
	sum := syncJSON(t, ctx, exitOK, "--db", dbPath, "--source", site.base())
	if len(sum.Sources) != 1 || !sum.OK {
		t.Fatalf("summary: %+v", sum)
	}
	if got, want := (counts{}).of(sum.Sources[0]), (counts{new: 5}); got != want {
		t.Errorf("first sync counts = %+v, want %+v (errors: %v)", got, want, sum.Sources[0].Errors)
	}
	first := site.requests()
	for _, r := range first {
		if !strings.HasPrefix(r.UserAgent, "minutes/") {
			t.Errorf("request %s %s sent User-Agent %q, want one naming minutes", r.Page, r.ID, r.UserAgent)
		}
	}
	if n := countPage(first, "meetingitem"); n != 5 {
		t.Errorf("first sync fetched %d item pages, want 5 (duplicate feed entry fetched once)", n)
	}

	db := openStore(t, dbPath)
	src := sourceID(t, db, site.base())
	it, err := db.Item(ctx, src, "2023277-4")
	if err != nil {
		t.Fatal(err)
	}
	d := it.Decision
	if d.Organization != "Virolahden kunta" || d.Body != "Virolahden kunnanhallitus" || d.Outcome != parse.OutcomeApproved ||
		d.Section == nil || *d.Section != 183 || d.MeetingDate != "2023-10-09" || d.DiaryNumber != "70/00.06.01/2023" {
		t.Errorf("2023277-4 decision = org %q body %q outcome %q § %v date %q dnro %q", d.Organization, d.Body, d.Outcome, d.Section, d.MeetingDate, d.DiaryNumber)
	}
	revs, err := db.Revisions(ctx, src, "2023277-4")
	if err != nil || len(revs) != 1 {
		t.Fatalf("revisions of 2023277-4: %d, %v", len(revs), err)
	}
	if !strings.Contains(string(revs[0].Raw), "Kymenlaakson hyvinvointialueen") || !strings.Contains(string(revs[0].Raw), "<html") {
		t.Errorf("raw page not stored as fetched: %.200q", revs[0].Raw)
	}

	// Second sync, nothing new: only conditional feed requests, nothing changes.
	sum = syncJSON(t, ctx, exitOK, "--db", dbPath, "--source", site.base())
	if got, want := (counts{}).of(sum.Sources[0]), (counts{}); got != want || sum.Sources[0].FeedsNotModified != 2 {
		t.Errorf("re-sync counts = %+v with %d feeds not modified, want %+v and both feeds not modified", got, sum.Sources[0].FeedsNotModified, want)
	}
	for _, r := range site.requests() {
		// robots.txt too is remembered (for a day) between runs.
		if !strings.HasPrefix(r.Page, "rss/") || !r.Conditional {
			t.Errorf("re-sync with nothing new requested page=%s id=%s conditional=%v; want only conditional feed requests", r.Page, r.ID, r.Conditional)
		}
	}
	revs2, _ := db.Revisions(ctx, src, "2023277-4")
	if len(revs2) != 1 {
		t.Errorf("re-sync added revisions: %d", len(revs2))
	}

	// Phase 2: the agenda item became minutes and a new item appeared.
	site.setPhase(2)
	sum = syncJSON(t, ctx, exitOK, "--db", dbPath, "--source", site.base())
	if got, want := (counts{}).of(sum.Sources[0]), (counts{new: 1, changed: 1, unchanged: 4}); got != want {
		t.Errorf("phase 2 counts = %+v, want %+v (errors %v)", got, want, sum.Sources[0].Errors)
	}
	revs, err = db.Revisions(ctx, src, "2023290-1")
	if err != nil || len(revs) != 2 {
		t.Fatalf("2023290-1 revisions = %d (%v), want the agenda and the minutes", len(revs), err)
	}
	if !strings.Contains(revs[0].Text, "Esityslista") || !strings.Contains(revs[1].Text, "Pöytäkirja") {
		t.Errorf("revisions out of order or wrong:\n%.300s\n---\n%.300s", revs[0].Text, revs[1].Text)
	}
	it, err = db.Item(ctx, src, "2023290-1")
	if err != nil {
		t.Fatal(err)
	}
	if it.Decision.Document != parse.DocumentMinutes || it.Decision.Section == nil || *it.Decision.Section != 190 {
		t.Errorf("2023290-1 current decision: document %q § %v, want minutes § 190", it.Decision.Document, it.Decision.Section)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func countPage(reqs []servedRequest, page string) int {
	n := 0
	for _, r := range reqs {
		if r.Page == page {
			n++
		}
	}
	return n
}

func TestSyncCharsetsEndUpAsNFC(t *testing.T) {
	site := newFixtureSite(t, "kemijarvi")
	dbPath := tempDB(t)
	ctx := context.Background()
	sum := syncJSON(t, ctx, exitOK, "--db", dbPath, "--source", site.base())
	if got, want := (counts{}).of(sum.Sources[0]), (counts{new: 3}); got != want {
		t.Fatalf("counts = %+v, want %+v (errors %v)", got, want, sum.Sources[0].Errors)
	}
	db := openStore(t, dbPath)
	src := sourceID(t, db, site.base())
	var all strings.Builder
	for _, id := range []string{"2023400-6", "2023400-7", "2023400-8"} {
		revs, err := db.Revisions(ctx, src, id)
		if err != nil || len(revs) != 1 {
			t.Fatalf("%s: %d revisions, %v", id, len(revs), err)
		}
		text := revs[0].Text
		if !utf8.ValidString(text) || !norm.NFC.IsNormalString(text) {
			t.Errorf("%s: text is not valid NFC UTF-8", id)
		}
		if strings.ContainsRune(text, '\uFFFD') || strings.ContainsRune(text, '\u00A0') {
			t.Errorf("%s: text holds U+FFFD or U+00A0", id)
		}
		all.WriteString(text)
	}
	for _, want := range []string{"Kemijärven kaupunki", "€", "–", "“", "”", "Säärelä"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no %q in the extracted texts of the windows-1252 pages", want)
		}
	}
}

func TestSyncBackfillSince(t *testing.T) {
	site := newFixtureSite(t, "virolahti")
	ctx := context.Background()

	dbPath := tempDB(t)
	sum := syncJSON(t, ctx, exitOK, "--db", dbPath, "--source", site.base(), "--backfill", "--since", "2023-01-01")
	if got := sum.Sources[0].New; got != 7 {
		t.Errorf("backfill --since 2023-01-01: %d new, want 7 (errors %v)", got, sum.Sources[0].Errors)
	}
	db := openStore(t, dbPath)
	src := sourceID(t, db, site.base())
	if _, err := db.Item(ctx, src, "2023101-2"); err != nil {
		t.Errorf("backfill-only item 2023101-2: %v", err)
	}
	if _, err := db.Item(ctx, src, "2022190-1"); err == nil {
		t.Errorf("2022 item stored despite --since 2023-01-01")
	}

	all := syncJSON(t, ctx, exitOK, "--db", tempDB(t), "--source", site.base(), "--backfill")
	if got := all.Sources[0].New; got != 8 {
		t.Errorf("backfill without --since: %d new, want 8", got)
	}
}

func TestSyncRegisteredSourcesOneDead(t *testing.T) {
	viro := newFixtureSite(t, "virolahti")
	porvoo := newFixtureSite(t, "porvoo")
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close() // connection refused from now on

	dbPath := tempDB(t)
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "viro", viro.base())
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "porvoo", porvoo.base(), "--org", "Porvoon kaupunki")
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "dead", deadURL)

	sum := syncJSON(t, context.Background(), exitPartial, "--db", dbPath, "--timeout", "5s", "--retries", "0")
	byName := map[string]sourceResult{}
	for _, r := range sum.Sources {
		byName[r.Source] = r
	}
	if r := byName["dead"]; r.OK || r.Error == "" {
		t.Errorf("dead source reported as %+v", r)
	}
	if r := byName["viro"]; !r.OK || r.New != 5 {
		t.Errorf("viro: %+v", r)
	}
	if r := byName["porvoo"]; !r.OK || r.New == 0 {
		t.Errorf("porvoo: %+v", r)
	}

	list := mustRun(t, exitOK, "--db", dbPath, "sources", "list", "--json")
	var health []sourceJSON
	for _, line := range strings.Split(strings.TrimSpace(list.stdout), "\n") {
		var s sourceJSON
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("sources list --json line %q: %v", line, err)
		}
		health = append(health, s)
	}
	if len(health) != 3 {
		t.Fatalf("sources list: %d sources, want 3", len(health))
	}
	for _, s := range health {
		switch s.Name {
		case "dead":
			if s.LastError == "" || s.LastErrorAt == "" || s.LastSuccessAt != "" || s.Items != 0 {
				t.Errorf("dead health = %+v", s)
			}
		case "viro":
			if s.LastSuccessAt == "" || s.LastError != "" || s.Items != 5 {
				t.Errorf("viro health = %+v", s)
			}
		case "porvoo":
			if s.Organization != "Porvoon kaupunki" {
				t.Errorf("porvoo organization = %q", s.Organization)
			}
		}
	}
}

func TestSyncWithoutSourcesExplains(t *testing.T) {
	r := mustRun(t, exitUsage, "--db", tempDB(t), "sync")
	if !strings.Contains(r.stderr, "sources add") {
		t.Errorf("sync without sources should say how to add one; stderr:\n%s", r.stderr)
	}
}

func TestSyncRefusesWhileAnotherRuns(t *testing.T) {
	site := newFixtureSite(t, "kphva")
	dbPath := tempDB(t)
	mustRun(t, exitOK, "--db", dbPath, "sources", "list") // creates the archive
	lock, err := store.Lock(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, exitBusy, "--db", dbPath, "sync", "--delay", "0", "--source", site.base())
	if !strings.Contains(r.stderr, "another") {
		t.Errorf("stderr should say another sync is running:\n%s", r.stderr)
	}
	if n := len(site.requests()); n != 0 {
		t.Errorf("a refused sync made %d requests", n)
	}
	lock.Close()
	mustRun(t, exitOK, "--db", dbPath, "sync", "--delay", "0", "--source", site.base())
}

func TestSyncInterruptedThenResumes(t *testing.T) {
	site := newFixtureSite(t, "virolahti")
	dbPath := tempDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var items atomic.Int32
	site.broken = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Query().Get("page") == "meetingitem" && items.Add(1) == 3 {
			cancel() // Ctrl-C while the third item is being fetched
		}
		return false
	}
	r := runCLI(t, ctx, "--db", dbPath, "sync", "--delay", "0", "--source", site.base())
	if r.code != exitInterrupted {
		t.Fatalf("interrupted sync: exit %d, want %d\n%s", r.code, exitInterrupted, r.stderr)
	}
	// Said once, in words: no "context canceled" per source or item.
	if strings.Count(r.stderr, "interrupted") != 1 || strings.Contains(r.stderr, "context canceled") {
		t.Errorf("interrupted sync's stderr:\n%s", r.stderr)
	}
	db := openStore(t, dbPath)
	if err := db.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	src := sourceID(t, db, site.base())
	stored := 0
	for _, id := range []string{"2023290-1", "2023277-4", "2023277-3", "2023277-2", "2023277-1"} {
		if _, err := db.Item(context.Background(), src, id); err == nil {
			stored++
		}
	}
	if stored >= 5 {
		t.Fatalf("interrupt came too late to test anything: %d items stored", stored)
	}

	site.broken = nil
	sum := syncJSON(t, context.Background(), exitOK, "--db", dbPath, "--source", site.base())
	if got := sum.Sources[0].New; got != 5-stored {
		t.Errorf("resumed sync: %d new, want %d (the rest)", got, 5-stored)
	}
}

func TestSyncRejectsWrongItem(t *testing.T) {
	site := newFixtureSite(t, "virolahti")
	// The server answers every request for 2023277-2 with 2023277-3's page.
	site.broken = func(w http.ResponseWriter, r *http.Request) bool {
		q := r.URL.Query()
		if q.Get("page") == "meetingitem" && q.Get("id") == "2023277-2" {
			body, _ := site.read("meetingitem/2023277-3.html")
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			w.Write([]byte(strings.ReplaceAll(string(body), "{{BASE}}", site.base())))
			return true
		}
		return false
	}
	dbPath := tempDB(t)
	sum := syncJSON(t, context.Background(), exitPartial, "--db", dbPath, "--source", site.base())
	r := sum.Sources[0]
	if r.New != 4 || r.Failed != 1 || !strings.Contains(strings.Join(r.Errors, " "), "2023277-2") {
		t.Errorf("wrong-item sync: %+v", r)
	}
	db := openStore(t, dbPath)
	if _, err := db.Item(context.Background(), sourceID(t, db, site.base()), "2023277-2"); err == nil {
		t.Error("the wrong page was stored as 2023277-2")
	}
	// A healthy server later: the next run completes what was missed.
	site.broken = nil
	sum = syncJSON(t, context.Background(), exitOK, "--db", dbPath, "--source", site.base())
	if sum.Sources[0].New != 1 {
		t.Errorf("next run: %+v", sum.Sources[0])
	}
}

func TestSyncHonoursRobotsTxt(t *testing.T) {
	site := newFixtureSite(t, "virolahti")
	site.broken = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/robots.txt" {
			w.Header().Set("Content-Type", "text/plain")
			w.Write([]byte("User-agent: *\nDisallow: /cgi/\n"))
			return true
		}
		return false
	}
	sum := syncJSON(t, context.Background(), exitPartial, "--db", tempDB(t), "--source", site.base())
	if r := sum.Sources[0]; r.OK || !strings.Contains(r.Error, "robots") {
		t.Errorf("robots.txt disallowing /cgi/: %+v", r)
	}
	for _, r := range site.requests() {
		if r.Page != "robots.txt" {
			t.Errorf("fetched page=%s id=%s despite robots.txt", r.Page, r.ID)
		}
	}
}

func TestProgressLine(t *testing.T) {
	a := &app{}
	p := &progress{a: a, enabled: true, total: 3, done: 1, active: map[string]harvest.Progress{
		"viro":   {Phase: "items", Done: 2, Total: 5},
		"porvoo": {Phase: "feeds"},
	}}
	if got, want := p.line(), "sync 1/3 sources · porvoo feeds · viro items 2/5"; got != want {
		t.Errorf("progress line = %q, want %q", got, want)
	}
}

func TestSyncQuietSaysNothingWhenAllIsWell(t *testing.T) {
	site := newFixtureSite(t, "kphva")
	site.broken = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(http.StatusInternalServerError) // a warning, not a failure
			return true
		}
		return false
	}
	r := mustRun(t, exitOK, "--db", tempDB(t), "sync", "--quiet", "--delay", "0", "--retries", "0", "--source", site.base())
	if r.stdout != "" || r.stderr != "" {
		t.Errorf("quiet healthy sync printed:\nstdout %q\nstderr %q", r.stdout, r.stderr)
	}
	r = mustRun(t, exitOK, "--db", tempDB(t), "sync", "--delay", "0", "--retries", "0", "--source", site.base())
	if !strings.Contains(r.stderr, "robots.txt unavailable") || !strings.Contains(r.stdout, "SOURCE") {
		t.Errorf("a sync without --quiet should warn and summarise:\nstdout %q\nstderr %q", r.stdout, r.stderr)
	}
	// A failure is still reported under --quiet.
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	r = mustRun(t, exitPartial, "--db", tempDB(t), "sync", "--quiet", "--delay", "0", "--retries", "0", "--source", dead.URL)
	if !strings.Contains(r.stderr, "no feed could be read") {
		t.Errorf("quiet failing sync should say why: %q", r.stderr)
	}
}

// A site without a list of bodies (meeting_frames answers 404): backfill
// syncs what the feeds list, warns, and the run is not a failure.
func TestSyncBackfillWithoutBodyList(t *testing.T) {
	site := newFixtureSite(t, "real-"+sortedKeys(realSites(loadRealItems(t)))[0])
	sum := syncJSON(t, context.Background(), exitOK, "--db", tempDB(t), "--source", site.base(), "--backfill")
	r := sum.Sources[0]
	warned := false
	for _, w := range r.Warnings {
		warned = warned || strings.Contains(w, "list of bodies") && strings.Contains(w, "not found")
	}
	if !r.OK || len(r.Errors) != 0 || r.New == 0 || !warned {
		t.Errorf("backfill without meeting_frames: ok %v, %d new, errors %v, warnings %v", r.OK, r.New, r.Errors, r.Warnings)
	}
}

// A failed item is reported once on stderr: the source's line counts the
// failures, the list names each.
func TestSyncFailureReportedOnce(t *testing.T) {
	site := newFixtureSite(t, "virolahti")
	site.broken = func(w http.ResponseWriter, r *http.Request) bool {
		if q := r.URL.Query(); q.Get("page") == "meetingitem" && q.Get("id") == "2023277-3" {
			http.Error(w, "boom", http.StatusInternalServerError)
			return true
		}
		return false
	}
	r := runCLI(t, context.Background(), "--db", tempDB(t), "sync", "--delay", "0", "--retries", "0", "--source", site.base())
	lines := 0
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.Contains(l, "2023277-3") {
			lines++
		}
	}
	if r.code != exitPartial || lines != 1 || !strings.Contains(r.stderr, "1 item(s) failed") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

// A source failing every run for a week is tried once a day: a run leaves it
// out (and says so) until a day has passed since its last try; --all tries
// it anyway; sources list shows the streak.
func TestSyncDormantSource(t *testing.T) {
	ctx := context.Background()
	viro := newFixtureSite(t, "virolahti")
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	dbPath := tempDB(t)
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "viro", viro.base())
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "dead", deadURL)
	db, err := store.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	src, err := db.SourceByName(ctx, "dead")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, at := range []time.Time{now.Add(-8 * 24 * time.Hour), now.Add(-3 * 24 * time.Hour), now.Add(-time.Hour)} {
		if err := db.RecordRun(ctx, src.ID, at, errors.New("connection refused")); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	sum := syncJSON(t, ctx, exitOK, "--db", dbPath, "--delay", "0")
	if len(sum.Sources) != 1 || sum.Sources[0].Source != "viro" || len(sum.Skipped) != 1 || sum.Skipped[0].Source != "dead" || sum.Skipped[0].FailedRuns != 3 {
		t.Errorf("dormant source not skipped: sources %v, skipped %+v", len(sum.Sources), sum.Skipped)
	}
	list := mustRun(t, exitOK, "--db", dbPath, "sources", "list")
	// viro was added without an organisation: its first sync learned it
	// from the site's own header.
	if !strings.Contains(list.stdout, "viro\tVirolahden kunta\t") {
		t.Errorf("the organisation was not learned at the first sync:\n%s", list.stdout)
	}
	if !strings.Contains(list.stdout, "3 runs since") || !strings.Contains(list.stdout, "dormant: tried once a day") {
		t.Errorf("sources list does not show the streak:\n%s", list.stdout)
	}
	all := syncJSON(t, ctx, exitPartial, "--db", dbPath, "--delay", "0", "--all", "--retries", "0", "--timeout", "2s")
	if len(all.Sources) != 2 || len(all.Skipped) != 0 {
		t.Errorf("--all: %d sources, %d skipped; want both tried", len(all.Sources), len(all.Skipped))
	}
}
