package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The fault suite: sync against servers that misbehave in one way each.
// Every row runs the same story on the virolahti fixture site (the faulty
// source) registered next to kphva (a healthy companion):
//
//  1. a healthy sync stores phase 1 (5 items) and the companion's item;
//  2. the site moves to phase 2 (one new item, one changed) and the fault
//     is switched on; a sync runs and must end with the row's exit code,
//     the failure reported for the faulty source only;
//  3. the archive passes the integrity checks and still holds everything
//     it held before, with every revision;
//  4. the fault is switched off; a healthy sync exits 0 and the archive
//     ends with all six phase-2 items, 2023290-1 with both revisions;
//  5. no request ever reached a trap server (another host, port or
//     address), whatever the fault pointed at.

// faultEnv is what a row's hook can use.
type faultEnv struct {
	t     *testing.T
	site  *fixtureSite
	other *trap // another port on 127.0.0.1
	far   *trap // another loopback address, 127.0.0.2; nil where it cannot be bound
	hits  atomic.Int64
	bytes atomic.Int64 // body bytes a hook wrote
}

type hook func(e *faultEnv, w http.ResponseWriter, r *http.Request) bool

type faultCase struct {
	name    string
	retries int
	timeout string
	hook    hook
	// want is the exit code of the faulty sync: exitPartial when the
	// faulty source fails, exitOK when the fault is cured or harmless.
	want int
	// wantErr must appear in the faulty source's failure report.
	wantErr string
	// sourceDown: the source as a whole failed (no feed read), not items.
	sourceDown bool
	check      func(t *testing.T, e *faultEnv, r sourceResult, dbPath string)
}

const faultItem = "2023290-2"  // new in phase 2
const faultKnown = "2023290-1" // known from phase 1, changed in phase 2

func isItem(r *http.Request, id string) bool {
	q := r.URL.Query()
	return q.Get("page") == "meetingitem" && (id == "" || q.Get("id") == id)
}

func isFeed(r *http.Request, which string) bool {
	p := r.URL.Query().Get("page")
	return strings.HasPrefix(p, "rss/") && (which == "" || p == "rss/"+which)
}

// onItem applies h to requests for one item page ("" = any item page).
func onItem(id string, h func(e *faultEnv, w http.ResponseWriter, r *http.Request)) hook {
	return func(e *faultEnv, w http.ResponseWriter, r *http.Request) bool {
		if !isItem(r, id) {
			return false
		}
		e.hits.Add(1)
		h(e, w, r)
		return true
	}
}

// onFeed applies h to one feed ("" = both).
func onFeed(which string, h func(e *faultEnv, w http.ResponseWriter, r *http.Request)) hook {
	return func(e *faultEnv, w http.ResponseWriter, r *http.Request) bool {
		if !isFeed(r, which) {
			return false
		}
		e.hits.Add(1)
		h(e, w, r)
		return true
	}
}

// firstN applies h to the first n matching requests only, then lets the
// site answer: a transient fault.
func firstN(n int64, match func(*http.Request) bool, h func(e *faultEnv, w http.ResponseWriter, r *http.Request)) hook {
	return func(e *faultEnv, w http.ResponseWriter, r *http.Request) bool {
		if !match(r) || e.hits.Add(1) > n {
			return false
		}
		h(e, w, r)
		return true
	}
}

func status(code int, retryAfter string) func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
	return func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		http.Error(w, http.StatusText(code), code)
	}
}

func redirect(to func(e *faultEnv, r *http.Request) string) func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
	return func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", to(e, r))
		w.WriteHeader(http.StatusFound)
	}
}

// serveFile answers with a fixture file of the site after edit, with ct.
func serveFile(rel, ct string, edit func(e *faultEnv, body []byte) []byte) func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
	return func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
		body, ok := e.site.read(rel)
		if !ok {
			e.t.Errorf("fixture file %s missing", rel)
		}
		body = bytes.ReplaceAll(body, []byte("{{BASE}}"), []byte(e.site.base()))
		if edit != nil {
			body = edit(e, body)
		}
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	}
}

// hijack takes the raw connection; the caller writes what it likes and the
// connection is then reset (RST, not FIN) by closing it with zero linger.
func hijack(e *faultEnv, w http.ResponseWriter, write func(c net.Conn)) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		e.t.Error("response writer cannot be hijacked")
		return
	}
	c, _, err := hj.Hijack()
	if err != nil {
		e.t.Error(err)
		return
	}
	if write != nil {
		write(c)
	}
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	c.Close()
}

// stall blocks until the client gives up (or, as a safety net, 10 s).
func stall(r *http.Request) {
	select {
	case <-r.Context().Done():
	case <-time.After(10 * time.Second):
	}
}

// endless writes body bytes until the client stops reading.
func endless(e *faultEnv, w http.ResponseWriter, r *http.Request, contentLength int64) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	if contentLength > 0 {
		w.Header().Set("Content-Length", strconv.FormatInt(contentLength, 10))
	}
	chunk := bytes.Repeat([]byte("<p>Päätös on tämä. </p>\n"), 2048)
	var sent int64
	for contentLength <= 0 || sent < contentLength {
		n, err := w.Write(chunk[:min(int64(len(chunk)), max(contentLength-sent, int64(len(chunk))))])
		sent += int64(n)
		e.bytes.Add(int64(n))
		if err != nil || r.Context().Err() != nil {
			return
		}
	}
}

func itemsFeedEdited(edit func(e *faultEnv, feed string) string) func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
	return serveFile("rss/meetingitems.xml", "application/rss+xml", func(e *faultEnv, b []byte) []byte {
		return []byte(edit(e, string(b)))
	})
}

// feedWithEntries is the phase-2 items feed with extra entries, each a
// title and a link, placed first.
func feedWithEntries(entries ...[2]string) func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
	return itemsFeedEdited(func(e *faultEnv, feed string) string {
		var add strings.Builder
		for _, en := range entries {
			link := strings.NewReplacer("{{BASE}}", e.site.base(), "{{OTHER}}", e.other.url(""),
				"{{FAR}}", farURL(e),
				"{{HOSTPORT}}", strings.TrimPrefix(e.site.srv.URL, "http://")).Replace(en[1])
			fmt.Fprintf(&add, "<item>\n<title><![CDATA[%s]]></title>\n<link><![CDATA[%s]]></link>\n<pubDate>Thu, 26 Oct 2023 10:00:00 +0300</pubDate>\n</item>\n", en[0], link)
		}
		i := strings.Index(feed, "<item>")
		return feed[:i] + add.String() + feed[i:]
	})
}

func farURL(e *faultEnv) string {
	if e.far == nil {
		return "http://127.0.0.2:9"
	}
	return e.far.url("")
}

func itemRequests(reqs []servedRequest, id string) int {
	n := 0
	for _, r := range reqs {
		if r.Page == "meetingitem" && r.ID == id {
			n++
		}
	}
	return n
}

func faultCases() []faultCase {
	wantGone := func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
		if r.Gone != 1 {
			t.Errorf("gone = %d, want 1", r.Gone)
		}
		db := openStore(t, dbPath)
		it, err := db.Item(context.Background(), sourceID(t, db, e.site.base()), faultKnown)
		if err != nil {
			t.Fatalf("the vanished item is no longer in the archive: %v", err)
		}
		if !it.Gone || it.Revisions != 1 {
			t.Errorf("vanished item: gone %v with %d revisions, want marked gone and its revision kept", it.Gone, it.Revisions)
		}
	}
	storedValidText := func(id string) func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
		return func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
			db := openStore(t, dbPath)
			revs, err := db.Revisions(context.Background(), sourceID(t, db, e.site.base()), id)
			if err != nil {
				t.Fatalf("%s not stored despite a readable page: %v (errors %v)", id, err, r.Errors)
			}
			for _, rev := range revs {
				if !utf8.ValidString(rev.Text) || !norm.NFC.IsNormalString(rev.Text) {
					t.Errorf("%s: stored text is not valid NFC UTF-8", id)
				}
			}
		}
	}
	return []faultCase{
		{name: "no fault: changed item kept as a revision", want: exitOK,
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if got, want := (counts{}).of(r), (counts{new: 1, changed: 1, unchanged: 4}); got != want {
					t.Errorf("counts %+v, want %+v", got, want)
				}
				db := openStore(t, dbPath)
				revs, err := db.Revisions(context.Background(), sourceID(t, db, e.site.base()), faultKnown)
				if err != nil || len(revs) != 2 || !strings.Contains(revs[0].Text, "Esityslista") {
					t.Errorf("%s: %d revisions (%v), want the agenda kept before the minutes", faultKnown, len(revs), err)
				}
			}},
		{name: "500 on item pages", hook: onItem("", status(500, "")), want: exitPartial, wantErr: "HTTP 500"},
		{name: "502 once then fine, one retry", retries: 1, want: exitOK,
			hook: firstN(1, func(r *http.Request) bool { return isItem(r, faultItem) }, status(502, ""))},
		{name: "503 with Retry-After 0, cured by a retry", retries: 2, want: exitOK,
			hook: firstN(2, func(r *http.Request) bool { return isItem(r, "") }, status(503, "0"))},
		{name: "503 with Retry-After 0 that never ends", retries: 2, want: exitPartial, wantErr: "HTTP 503",
			hook: onItem(faultItem, status(503, "0")),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if n := e.hits.Load(); n != 3 {
					t.Errorf("%d requests for the failing item, want 3 (1 + 2 retries)", n)
				}
			}},
		{name: "503 with Retry-After of an hour: gives up, does not wait", retries: 3, want: exitPartial, wantErr: "HTTP 503",
			hook: onItem(faultItem, status(503, "3600")),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if n := e.hits.Load(); n != 1 {
					t.Errorf("%d requests, want 1: a Retry-After beyond the cap gives up at once", n)
				}
			}},
		{name: "503 with an HTTP-date Retry-After in the past", retries: 1, want: exitOK,
			hook: firstN(1, func(r *http.Request) bool { return isItem(r, faultItem) }, status(503, "Wed, 21 Oct 2015 07:28:00 GMT"))},
		{name: "429 with Retry-After 0, then fine", retries: 1, want: exitOK,
			hook: firstN(1, func(r *http.Request) bool { return isItem(r, faultKnown) }, status(429, "0"))},
		{name: "429 throughout", want: exitPartial, wantErr: "HTTP 429", hook: onItem("", status(429, "0"))},
		{name: "404 on one new item", want: exitPartial, wantErr: faultItem, hook: onItem(faultItem, status(404, "")),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if r.Failed != 1 || r.Changed != 1 {
					t.Errorf("failed %d changed %d, want 1 and 1: one item missing must not stop the other", r.Failed, r.Changed)
				}
			}},
		{name: "404 on a known item: kept, marked gone", want: exitOK, hook: onItem(faultKnown, status(404, "")), check: wantGone},
		{name: "410 on a known item: kept, marked gone", want: exitOK, hook: onItem(faultKnown, status(410, "")), check: wantGone},
		{name: "403 on the whole source", want: exitPartial, wantErr: "HTTP 403", sourceDown: true,
			hook: func(e *faultEnv, w http.ResponseWriter, r *http.Request) bool {
				e.hits.Add(1)
				status(403, "")(e, w, r)
				return true
			}},
		{name: "connection reset before any answer", want: exitPartial, wantErr: faultItem,
			hook: onItem(faultItem, func(e *faultEnv, w http.ResponseWriter, r *http.Request) { hijack(e, w, nil) })},
		{name: "connection reset mid-body (items feed)", want: exitPartial, wantErr: "rss/meetingitems",
			hook: onFeed("meetingitems", func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
				hijack(e, w, func(c net.Conn) {
					fmt.Fprint(c, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 5000\r\n\r\n<?xml version=\"1.0\"?><rss><channel><item><title>")
				})
			}),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				// The meetings feed still leads to the new item.
				if r.New != 1 {
					t.Errorf("new = %d, want 1 reached through the meetings feed", r.New)
				}
			}},
		{name: "server stalls before answering (timeout holds)", timeout: "300ms", want: exitPartial, wantErr: "timed out",
			hook: onItem(faultItem, func(e *faultEnv, w http.ResponseWriter, r *http.Request) { stall(r) })},
		{name: "server stalls mid-body (timeout holds)", timeout: "300ms", want: exitPartial, wantErr: faultItem,
			hook: onItem(faultItem, func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=UTF-8")
				w.Header().Set("Content-Length", "100000")
				w.Write([]byte("<html><body><p>Päätös"))
				w.(http.Flusher).Flush()
				stall(r)
			})},
		{name: "response truncated early", want: exitPartial, wantErr: "EOF",
			hook: onItem(faultItem, func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
				body, _ := e.site.read("meetingitem/2023290-2.v2.html")
				w.Header().Set("Content-Type", "text/html; charset=UTF-8")
				w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				w.Write(body[:len(body)/3])
			})},
		{name: "endless body (size cap)", timeout: "20s", want: exitPartial, wantErr: "too large",
			hook: onItem(faultItem, func(e *faultEnv, w http.ResponseWriter, r *http.Request) { endless(e, w, r, 0) }),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if n := e.bytes.Load(); n > 64<<20 {
					t.Errorf("the client read %d MiB of an endless body before stopping", n>>20)
				}
			}},
		{name: "50 MB page with Content-Length: refused unread", want: exitPartial, wantErr: "too large",
			hook: onItem(faultItem, func(e *faultEnv, w http.ResponseWriter, r *http.Request) { endless(e, w, r, 50<<20) }),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if n := e.bytes.Load(); n >= 50<<20 {
					t.Errorf("all %d MiB of an over-size page were read", n>>20)
				}
			}},
		{name: "redirect loop", want: exitPartial, wantErr: "redirect",
			hook: onItem(faultItem, redirect(func(e *faultEnv, r *http.Request) string {
				if r.URL.Query().Get("loop") == "" {
					return r.URL.String() + "&loop=1"
				}
				return strings.TrimSuffix(r.URL.String(), "&loop=1")
			}))},
		{name: "redirect to another host", want: exitPartial, wantErr: "another host",
			hook: onItem(faultItem, redirect(func(e *faultEnv, r *http.Request) string { return e.other.url("/secret") }))},
		{name: "redirect to a non-http scheme", want: exitPartial, wantErr: "non-http",
			hook: onItem(faultItem, redirect(func(e *faultEnv, r *http.Request) string { return "file:///etc/passwd" }))},
		{name: "redirect to another loopback address", want: exitPartial, wantErr: "another host",
			hook: onItem(faultItem, redirect(func(e *faultEnv, r *http.Request) string { return farURL(e) + r.URL.RequestURI() }))},
		{name: "redirect to localhost, same port by another name", want: exitPartial, wantErr: "another host",
			hook: onItem(faultItem, redirect(func(e *faultEnv, r *http.Request) string {
				_, port, _ := net.SplitHostPort(r.Host)
				return "http://localhost:" + port + r.URL.RequestURI()
			}))},
		{name: "redirect of the feed to another host", want: exitPartial, wantErr: "another host", sourceDown: true,
			hook: onFeed("", redirect(func(e *faultEnv, r *http.Request) string { return e.other.url("/rss.xml") }))},
		{name: "HTML login page where the feeds should be", want: exitPartial, wantErr: "not an RSS feed", sourceDown: true,
			hook: onFeed("", serveFile("meetingitem/2023277-4.html", "text/html; charset=UTF-8", func(e *faultEnv, b []byte) []byte {
				return []byte("<!DOCTYPE html><html><head><title>Kirjaudu sisään</title></head><body><form><input name=user><input type=password></form></body></html>")
			}))},
		{name: "login page served as RSS", want: exitPartial, wantErr: "not an RSS feed",
			hook: onFeed("meetingitems", serveFile("rss/meetingitems.xml", "application/rss+xml", func(e *faultEnv, b []byte) []byte {
				return []byte("<html><body>Istunto vanhentunut. Kirjaudu uudelleen.</body></html>")
			}))},
		{name: "malformed XML feed", want: exitPartial, wantErr: "not an RSS feed",
			hook: onFeed("meetingitems", itemsFeedEdited(func(e *faultEnv, feed string) string {
				return strings.Replace(feed, "</title>", "", 3)[:len(feed)/2]
			}))},
		{name: "empty feed", want: exitOK,
			hook: onFeed("meetingitems", serveFile("rss/meetingitems.xml", "application/rss+xml", func(e *faultEnv, b []byte) []byte {
				return []byte(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Dynasty</title></channel></rss>`)
			})),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if r.New != 1 || r.Changed != 0 {
					t.Errorf("new %d changed %d: want the new item from the meetings feed only", r.New, r.Changed)
				}
			}},
		{name: "feed links to other hosts, schemes and paths", want: exitOK,
			hook: onFeed("meetingitems", feedWithEntries(
				[2]string{"Toinen palvelin", "{{OTHER}}/cgi/DREQUEST.PHP?page=meetingitem&id=2023999-1"},
				[2]string{"Toinen osoite", "{{FAR}}/cgi/DREQUEST.PHP?page=meetingitem&id=2023999-2"},
				[2]string{"Paikallinen tiedosto", "file:///etc/passwd"},
				[2]string{"Polku ylös", "../../../../etc/passwd"},
				[2]string{"Polku ylös id:ssä", "{{BASE}}/cgi/DREQUEST.PHP?page=meetingitem&id=../../../etc/passwd"},
				[2]string{"Käyttäjätunnus", "http://user:pw@" + "{{HOSTPORT}}/cgi/DREQUEST.PHP?page=meetingitem&id=2023999-3"},
				[2]string{"Javascript", "javascript:alert(1)"},
			)),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if r.Skipped < 7 || r.New != 1 || r.Changed != 1 {
					t.Errorf("skipped %d new %d changed %d: want the 7 foreign links skipped and the real items synced", r.Skipped, r.New, r.Changed)
				}
				if strings.Contains(fmt.Sprint(e.site.requests()), "passwd") {
					t.Error("a request for passwd reached the site")
				}
			}},
		{name: "duplicate items in a feed", want: exitOK,
			hook: onFeed("meetingitems", itemsFeedEdited(func(e *faultEnv, feed string) string {
				i, j := strings.Index(feed, "<item>"), strings.LastIndex(feed, "</item>")+len("</item>")
				return feed[:j] + feed[i:j] + feed[i:j] + feed[j:]
			})),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				reqs := e.site.requests()
				for _, id := range []string{faultItem, faultKnown} {
					if n := itemRequests(reqs, id); n != 1 {
						t.Errorf("%s fetched %d times from a feed listing it three times", id, n)
					}
				}
			}},
		{name: "the same item under two URLs", want: exitOK,
			hook: onFeed("meetingitems", feedWithEntries(
				[2]string{"Virolahden kunnanhallitus 23.10.2023 / Edustajien nimeäminen", "{{BASE}}/cgi/drequest.php?id=2023290-2&page=MeetingItem&show=5"},
				[2]string{"Virolahden kunnanhallitus 23.10.2023 / Edustajien nimeäminen", "DREQUEST.PHP?page=meetingitem&id=2023290-2"},
			)),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				if n := itemRequests(e.site.requests(), faultItem); n != 1 || r.New != 1 {
					t.Errorf("item under three URLs: fetched %d times, %d new; want once, 1 new", n, r.New)
				}
			}},
		{name: "wrong charset label on a page", want: exitOK,
			hook:  onItem(faultItem, serveFile("meetingitem/2023290-2.v2.html", "text/html; charset=ISO-8859-1", nil)),
			check: storedValidText(faultItem)},
		{name: "invalid UTF-8 in a page", want: exitOK,
			hook: onItem(faultItem, serveFile("meetingitem/2023290-2.v2.html", "text/html; charset=UTF-8", func(e *faultEnv, b []byte) []byte {
				return bytes.Replace(b, []byte("Päätös"), []byte("P\xe4\xff\xfe\xc3t\xf6s"), -1)
			})),
			check: storedValidText(faultItem)},
		{name: "a page nested 600 elements deep", want: exitOK,
			hook: onItem(faultItem, serveFile("meetingitem/2023290-2.v2.html", "text/html; charset=UTF-8", func(e *faultEnv, b []byte) []byte {
				deep := strings.Repeat("<div>", 600)
				b = bytes.Replace(b, []byte("<body>"), []byte("<body>"+deep), 1)
				return bytes.Replace(b, []byte("</body>"), []byte(strings.Repeat("</div>", 600)+"</body>"), 1)
			})),
			check: func(t *testing.T, e *faultEnv, r sourceResult, dbPath string) {
				// Archived (not refused every run), its text read, and said so.
				storedValidText(faultItem)(t, e, r, dbPath)
				found := false
				for _, w := range r.Warnings {
					found = found || strings.Contains(w, faultItem) && strings.Contains(w, "512 open elements")
				}
				if !found || r.New != 1 {
					t.Errorf("deep page: %d new, warnings %q; want it archived and reported", r.New, r.Warnings)
				}
			}},
		{name: "binary garbage for a page", want: exitPartial, wantErr: faultItem,
			hook: onItem(faultItem, func(e *faultEnv, w http.ResponseWriter, r *http.Request) {
				rnd := rand.New(rand.NewPCG(1, 2))
				b := make([]byte, 64<<10)
				for i := range b {
					b[i] = byte(rnd.UintN(256))
				}
				w.Header().Set("Content-Type", "text/html")
				w.Write(b)
			})},
		{name: "a 50 MB page without Content-Length", timeout: "20s", want: exitPartial, wantErr: "too large",
			hook: onItem(faultItem, func(e *faultEnv, w http.ResponseWriter, r *http.Request) { endless(e, w, r, -1) })},
		{name: "the item page answers with another item", want: exitPartial, wantErr: "different item",
			hook: onItem(faultItem, serveFile("meetingitem/2023277-3.html", "text/html; charset=UTF-8", nil))},
		{name: "meeting page links to other hosts and files", want: exitOK,
			hook: func(e *faultEnv, w http.ResponseWriter, r *http.Request) bool {
				q := r.URL.Query()
				if q.Get("page") != "meeting" {
					return false
				}
				e.hits.Add(1)
				serveFile("meeting/2023290.v2.html", "text/html; charset=UTF-8", func(e *faultEnv, b []byte) []byte {
					links := fmt.Sprintf(`<li><a href="%s/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2023999-1">x</a></li>
<li><a href="%s/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2023999-2">y</a></li>
<li><a href="file:///etc/passwd">z</a></li><li><a href="../../../../etc/passwd">w</a></li>
<li><iframe src="%s/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2023999-4"></iframe></li>
`, e.other.url(""), farURL(e), e.other.url(""))
					return bytes.Replace(b, []byte("</ul>"), []byte(links+"</ul>"), 1)
				})(e, w, r)
				return true
			}},
	}
}

func TestSyncFaults(t *testing.T) {
	for _, fc := range faultCases() {
		t.Run(fc.name, func(t *testing.T) {
			t.Parallel()
			runFault(t, fc)
		})
	}
}

func runFault(t *testing.T, fc faultCase) {
	ctx := context.Background()
	site := newFixtureSite(t, "virolahti")
	companion := newFixtureSite(t, "kphva")
	e := &faultEnv{t: t, site: site, other: newTrap(t, "127.0.0.1:0")}
	if ln, err := net.Listen("tcp", "127.0.0.2:0"); err == nil {
		ln.Close()
		e.far = newTrap(t, "127.0.0.2:0")
	}
	var active atomic.Bool
	if fc.hook != nil {
		// Installed once, before any request, and switched by an atomic:
		// the server goroutines read it concurrently.
		site.broken = func(w http.ResponseWriter, r *http.Request) bool {
			return active.Load() && fc.hook(e, w, r)
		}
	}
	dbPath := tempDB(t)
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "faulty", site.base())
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "companion", companion.base())

	// 1. Healthy phase 1.
	syncJSON(t, ctx, exitOK, "--db", dbPath)
	before := snapshot(t, dbPath)
	if n := len(before.itemsOf(site.base())); n != 5 {
		t.Fatalf("healthy phase 1 stored %d items, want 5", n)
	}

	// 2. The fault.
	site.setPhase(2)
	site.requests()
	active.Store(true)
	args := []string{"--db", dbPath, "--retries", strconv.Itoa(fc.retries), "--timeout", cmpOr(fc.timeout, "5s")}
	sum := syncJSON(t, ctx, fc.want, args...)
	faulty, comp := resultOf(t, sum, "faulty"), resultOf(t, sum, "companion")
	if !comp.OK {
		t.Errorf("the healthy companion source was reported failed: %+v", comp)
	}
	switch {
	case fc.want == exitOK && !faulty.OK:
		t.Errorf("faulty source failed where the fault is harmless or cured: %s", failureText(faulty))
	case fc.want != exitOK && faulty.OK:
		t.Errorf("faulty source reported OK")
	}
	if fc.wantErr != "" && !strings.Contains(failureText(faulty), fc.wantErr) {
		t.Errorf("failure report does not mention %q:\n%s", fc.wantErr, failureText(faulty))
	}
	if strings.Contains(failureText(comp), "faulty") || strings.Contains(failureText(comp), site.base()) {
		t.Errorf("the companion's report speaks of the faulty source: %s", failureText(comp))
	}
	// The JSON summary has no Report.Err: a source-level failure is the
	// one whose error is not an item count.
	if down := strings.HasPrefix(faulty.Error, "no feed could be read"); fc.sourceDown != down {
		t.Errorf("source-level failure = %v, want %v (%s)", down, fc.sourceDown, failureText(faulty))
	}

	if fc.hook != nil && e.hits.Load() == 0 {
		t.Error("the fault was never served; the row tests nothing")
	}

	// 3. Nothing lost, nothing broken.
	checkArchive(t, dbPath, before)
	if fc.check != nil {
		fc.check(t, e, faulty, dbPath)
	}

	// 4. A healthy run completes what was missed.
	active.Store(false)
	sum = syncJSON(t, ctx, exitOK, "--db", dbPath, "--retries", "0")
	if r := resultOf(t, sum, "faulty"); !r.OK {
		t.Errorf("healthy re-run: %s", failureText(r))
	}
	after := checkArchive(t, dbPath, before)
	if ids := after.itemsOf(site.base()); len(ids) != 6 {
		t.Errorf("after the healthy re-run the archive holds %v, want the six phase-2 items", ids)
	}
	if n := after[site.base()+" "+faultKnown]; n != 2 {
		t.Errorf("%s has %d revisions after the healthy re-run, want 2 (agenda, minutes)", faultKnown, n)
	}

	// 5. Nothing reached another host.
	if n := e.other.hits.Load(); n != 0 {
		t.Errorf("%d requests reached a server on another port", n)
	}
	if e.far != nil && e.far.hits.Load() != 0 {
		t.Errorf("%d requests reached a server on another loopback address", e.far.hits.Load())
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestSyncConnectionRefused syncs a source whose server is down (nothing
// listens on its port), then brings the server up on the same port.
func TestSyncConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	companion := newFixtureSite(t, "kphva")
	dbPath := tempDB(t)
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "down", "http://"+addr)
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "companion", companion.base())

	sum := syncJSON(t, context.Background(), exitPartial, "--db", dbPath, "--retries", "0")
	down, comp := resultOf(t, sum, "down"), resultOf(t, sum, "companion")
	if down.OK || !strings.Contains(down.Error, "refused") || !comp.OK || comp.New != 1 {
		t.Errorf("refused source: %+v\ncompanion: %+v", down, comp)
	}
	before := checkArchive(t, dbPath, nil)

	newFixtureSiteAt(t, "virolahti", addr)
	sum = syncJSON(t, context.Background(), exitOK, "--db", dbPath, "--retries", "0")
	if r := resultOf(t, sum, "down"); r.New != 5 {
		t.Errorf("server back: %+v", r)
	}
	checkArchive(t, dbPath, before)
}

// newFixtureSiteAt is newFixtureSite on a given address.
func newFixtureSiteAt(t *testing.T, name, addr string) *fixtureSite {
	t.Helper()
	s := newFixtureSite(t, name)
	s.srv.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("cannot listen on %s again: %v", addr, err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(s.serve)}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	s.srv.URL = "http://" + addr
	return s
}

// TestSyncTwoAtOnce starts two syncs of one archive at the same moment:
// exactly one runs, the other exits 4 without a request, and the archive is
// whole.
func TestSyncTwoAtOnce(t *testing.T) {
	site := newFixtureSite(t, "virolahti")
	dbPath := tempDB(t)
	mustRun(t, exitOK, "--db", dbPath, "sources", "add", "viro", site.base())
	release := make(chan struct{})
	site.broken = func(w http.ResponseWriter, r *http.Request) bool {
		// Hold the winner inside its sync until the loser has given up, so
		// that the two runs truly overlap.
		select {
		case <-release:
		case <-time.After(5 * time.Second):
		}
		return false
	}
	start := make(chan struct{})
	results := make(chan cliResult, 2)
	for range 2 {
		go func() {
			<-start
			results <- runCLI(t, context.Background(), "--db", dbPath, "sync", "--delay", "0", "--json", "--quiet")
		}()
	}
	close(start)
	first := <-results
	close(release)
	second := <-results
	codes := []int{first.code, second.code}
	if !(codes[0] == exitBusy && codes[1] == exitOK) {
		t.Fatalf("exit codes %v, want the first to finish to be the refused one (4) and the other 0\nfirst stderr: %s\nsecond stderr: %s",
			codes, first.stderr, second.stderr)
	}
	if !strings.Contains(first.stderr, "another 'minutes sync' or 'minutes reparse' is writing") {
		t.Errorf("the refused sync should say why: %q", first.stderr)
	}
	if n := itemRequests(site.requests(), "2023277-4"); n != 1 {
		t.Errorf("item fetched %d times by two concurrent syncs, want once", n)
	}
	after := checkArchive(t, dbPath, nil)
	if n := len(after.itemsOf(site.base())); n != 5 {
		t.Errorf("%d items stored, want 5", n)
	}
}

// TestSyncArchivePlaces covers archives that cannot be opened or written:
// each gives a clear error and exit 1, never a panic, and leaves files as
// they were.
func TestSyncArchivePlaces(t *testing.T) {
	site := newFixtureSite(t, "kphva")
	dir := t.TempDir()

	t.Run("directory is a regular file", func(t *testing.T) {
		file := filepath.Join(dir, "plain")
		if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, context.Background(), "--db", filepath.Join(file, "minutes.db"), "sync", "--delay", "0", "--source", site.base())
		assertCleanFailure(t, r, "not a directory")
	})
	t.Run("read-only directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes into read-only directories; the regular-file case covers an unwritable place")
		}
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, context.Background(), "--db", filepath.Join(ro, "minutes.db"), "sync", "--delay", "0", "--source", site.base())
		assertCleanFailure(t, r, "permission denied")
	})
	t.Run("missing directory is created", func(t *testing.T) {
		path := filepath.Join(dir, "a", "b", "c", "minutes.db")
		sum := syncJSON(t, context.Background(), exitOK, "--db", path, "--source", site.base())
		if sum.Sources[0].New != 1 {
			t.Errorf("sync into a new directory: %+v", sum.Sources[0])
		}
		checkArchive(t, path, nil)
	})
	t.Run("corrupt database file", func(t *testing.T) {
		path := filepath.Join(dir, "corrupt.db")
		junk := bytes.Repeat([]byte("this is not a database\x00\xff"), 4096)
		if err := os.WriteFile(path, junk, 0o644); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, context.Background(), "--db", path, "sync", "--delay", "0", "--source", site.base())
		assertCleanFailure(t, r, "not a minutes archive")
		if got, _ := os.ReadFile(path); !bytes.Equal(got, junk) {
			t.Error("the corrupt file was modified")
		}
		if _, err := os.Stat(path + ".lock"); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a .lock was left beside the user's file: %v", err)
		}
	})
	t.Run("damaged archive", func(t *testing.T) {
		path := filepath.Join(dir, "damaged", "minutes.db")
		syncJSON(t, context.Background(), exitOK, "--db", path, "--source", site.base())
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Overwrite everything after the first page: the header still
		// says SQLite, the tables are garbage.
		for i := 4096; i < len(b); i++ {
			b[i] = 0xA5
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, context.Background(), "--db", path, "sync", "--delay", "0", "--source", site.base())
		if r.code == exitOK || strings.Contains(r.stderr, "panic") || !strings.Contains(r.stderr, "minutes:") {
			t.Errorf("damaged archive: exit %d\n%s", r.code, r.stderr)
		}
	})
}

func assertCleanFailure(t *testing.T, r cliResult, want string) {
	t.Helper()
	if r.code != exitError || !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, "panic") || strings.Count(r.stderr, "\n") > 3 {
		t.Errorf("exit %d, want %d with a short message containing %q; stderr:\n%s", r.code, exitError, want, r.stderr)
	}
}
