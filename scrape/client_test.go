package scrape

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is an injected clock whose Sleep records the wait and moves
// time on at once.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	return nil
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

func newTestClient(clock *fakeClock, opts ClientOptions) *Client {
	opts.Now, opts.Sleep = clock.Now, clock.Sleep
	return NewClient(opts)
}

func get(t *testing.T, c *Client, u string) (*Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return c.Get(ctx, Request{URL: u})
}

func TestClientOneRequestPerHostHostsInParallel(t *testing.T) {
	var aIn, bIn = make(chan struct{}), make(chan struct{})
	var onceA, onceB sync.Once
	type counter struct{ cur, max atomic.Int32 }
	var ca, cb counter
	handler := func(c *counter, mine chan struct{}, once *sync.Once, other chan struct{}) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			n := c.cur.Add(1)
			defer c.cur.Add(-1)
			for {
				m := c.max.Load()
				if n <= m || c.max.CompareAndSwap(m, n) {
					break
				}
			}
			once.Do(func() { close(mine) })
			// Both hosts' first requests wait for each other: this only
			// finishes if the hosts are served in parallel.
			select {
			case <-other:
			case <-time.After(5 * time.Second):
				http.Error(w, "other host never came", http.StatusTeapot)
				return
			}
			time.Sleep(2 * time.Millisecond) // long enough for a second request to overlap if it could
			fmt.Fprint(w, "ok")
		}
	}
	sa := httptest.NewServer(handler(&ca, aIn, &onceA, bIn))
	defer sa.Close()
	sb := httptest.NewServer(handler(&cb, bIn, &onceB, aIn))
	defer sb.Close()

	c := NewClient(ClientOptions{})
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 10 {
		srv := sa
		if i%2 == 1 {
			srv = sb
		}
		wg.Go(func() {
			resp, err := get(t, c, srv.URL+fmt.Sprintf("/x%d", i))
			if err == nil && string(resp.Body) != "ok" {
				err = fmt.Errorf("body %q", resp.Body)
			}
			if err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if a, b := ca.max.Load(), cb.max.Load(); a != 1 || b != 1 {
		t.Errorf("max in flight per host = %d, %d; want 1, 1", a, b)
	}
	if got := c.Stats().Requests; got != 10 {
		t.Errorf("Stats().Requests = %d, want 10", got)
	}
}

func TestClientDelay(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	defer srv.Close()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	defer other.Close()
	clock := newFakeClock()
	c := newTestClient(clock, ClientOptions{Delay: 5 * time.Second})
	for i := range 3 {
		if _, err := get(t, c, srv.URL+fmt.Sprintf("/%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := get(t, c, other.URL); err != nil { // another host: no wait
		t.Fatal(err)
	}
	want := []time.Duration{5 * time.Second, 5 * time.Second}
	if got := clock.Sleeps(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("waits = %v, want %v", got, want)
	}
	// Time that passed on its own counts towards the delay.
	clock.mu.Lock()
	clock.now = clock.now.Add(3 * time.Second)
	clock.mu.Unlock()
	if _, err := get(t, c, srv.URL); err != nil {
		t.Fatal(err)
	}
	if got := clock.Sleeps(); len(got) != 3 || got[2] != 2*time.Second {
		t.Errorf("waits = %v, want a last wait of 2s", got)
	}
}

func TestClientConditionalGetAndUserAgent(t *testing.T) {
	const etag, lm = `"v1"`, "Mon, 01 Jan 2024 10:00:00 GMT"
	var agents []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lm)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>sisältö</p>")
	}))
	defer srv.Close()
	c := NewClient(ClientOptions{})
	resp, err := get(t, c, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if resp.NotModified || resp.ETag != etag || resp.LastModified != lm || resp.ContentType != "text/html; charset=utf-8" ||
		string(resp.Body) != "<p>sisältö</p>" || resp.Status != 200 || resp.Attempts != 1 || resp.URL != srv.URL {
		t.Errorf("first response %+v", resp)
	}
	for _, req := range []Request{{URL: srv.URL, ETag: etag}, {URL: srv.URL, LastModified: lm}} {
		resp, err = c.Get(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if !resp.NotModified || resp.Status != 304 || len(resp.Body) != 0 {
			t.Errorf("conditional %+v: response %+v, want 304", req, resp)
		}
	}
	if st := c.Stats(); st.NotModified != 2 || st.Requests != 3 {
		t.Errorf("stats %+v", st)
	}
	custom := NewClient(ClientOptions{UserAgent: "testbot/1"})
	if _, err := get(t, custom, srv.URL); err != nil {
		t.Fatal(err)
	}
	if len(agents) != 4 || !strings.HasPrefix(agents[0], "minutes/") || !strings.Contains(agents[0], "github.com/minutes-fi/minutes") || agents[3] != "testbot/1" {
		t.Errorf("user agents %q", agents)
	}
}

// statusSequence serves the given statuses in turn (with headers from
// hdr), then 200 "ok".
func statusSequence(t *testing.T, statuses []int, hdr func(i int, h http.Header)) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if i < len(statuses) {
			if hdr != nil {
				hdr(i, w.Header())
			}
			w.WriteHeader(statuses[i])
			return
		}
		fmt.Fprint(w, "ok")
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestClientRetries(t *testing.T) {
	now := newFakeClock().Now()
	tests := []struct {
		name       string
		statuses   []int
		retryAfter []string
		opts       ClientOptions
		wantStatus int // 0: success
		wantWaits  func([]time.Duration) bool
		wantHits   int32
	}{
		{
			name: "Retry-After seconds", statuses: []int{429, 429}, retryAfter: []string{"7", "7"},
			wantWaits: func(w []time.Duration) bool { return fmt.Sprint(w) == "[7s 7s]" }, wantHits: 3,
		},
		{
			name: "Retry-After date", statuses: []int{503}, retryAfter: []string{now.Add(90 * time.Second).Format(http.TimeFormat)},
			wantWaits: func(w []time.Duration) bool { return fmt.Sprint(w) == "[1m30s]" }, wantHits: 2,
		},
		{
			name: "Retry-After in the past", statuses: []int{503}, retryAfter: []string{now.Add(-time.Hour).Format(http.TimeFormat)},
			wantWaits: func(w []time.Duration) bool { return len(w) == 0 }, wantHits: 2,
		},
		{
			name: "503 backs off exponentially", statuses: []int{503, 502, 500},
			wantWaits: func(w []time.Duration) bool {
				return len(w) == 3 && w[0] >= 500*time.Millisecond && w[0] < 1500*time.Millisecond &&
					w[1] >= time.Second && w[1] < 3*time.Second && w[2] >= 2*time.Second && w[2] < 6*time.Second
			}, wantHits: 4,
		},
		{
			name: "backoff capped", statuses: []int{503, 503}, opts: ClientOptions{MaxRetryWait: 700 * time.Millisecond},
			wantWaits: func(w []time.Duration) bool { return len(w) == 2 && w[1] == 700*time.Millisecond }, wantHits: 3,
		},
		{
			name: "retries exhausted", statuses: []int{503, 503, 503}, opts: ClientOptions{MaxRetries: 2},
			wantStatus: 503, wantWaits: func(w []time.Duration) bool { return len(w) == 2 }, wantHits: 3,
		},
		{
			name: "no retries", statuses: []int{503}, opts: ClientOptions{MaxRetries: -1},
			wantStatus: 503, wantWaits: func(w []time.Duration) bool { return len(w) == 0 }, wantHits: 1,
		},
		{
			name: "Retry-After beyond the cap gives up", statuses: []int{429}, retryAfter: []string{"3600"}, opts: ClientOptions{MaxRetryWait: time.Minute},
			wantStatus: 429, wantWaits: func(w []time.Duration) bool { return len(w) == 0 }, wantHits: 1,
		},
		{
			name: "403 is not retried", statuses: []int{403},
			wantStatus: 403, wantWaits: func(w []time.Duration) bool { return len(w) == 0 }, wantHits: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, hits := statusSequence(t, tt.statuses, func(i int, h http.Header) {
				if i < len(tt.retryAfter) {
					h.Set("Retry-After", tt.retryAfter[i])
				}
			})
			clock := newFakeClock()
			c := newTestClient(clock, tt.opts)
			resp, err := get(t, c, srv.URL)
			if tt.wantStatus == 0 {
				if err != nil || string(resp.Body) != "ok" || resp.Attempts != int(tt.wantHits) {
					t.Errorf("Get = %+v, %v", resp, err)
				}
			} else {
				var he *HTTPError
				if !errors.As(err, &he) || he.Status != tt.wantStatus || he.URL != srv.URL {
					t.Errorf("err = %v, want HTTPError %d", err, tt.wantStatus)
				}
			}
			if got := clock.Sleeps(); !tt.wantWaits(got) {
				t.Errorf("waits %v", got)
			}
			if got := hits.Load(); got != tt.wantHits {
				t.Errorf("server hit %d times, want %d", got, tt.wantHits)
			}
			if got := c.Stats().Retries; got != int64(tt.wantHits-1) && tt.wantStatus == 0 {
				t.Errorf("Stats().Retries = %d", got)
			}
		})
	}
}

func TestClientErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 600)))
		w.(http.Flusher).Flush() // chunked: no Content-Length to go by
		w.Write([]byte(strings.Repeat("x", 600)))
	})
	mux.HandleFunc("/big-cl", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "5000")
		w.Write([]byte(strings.Repeat("x", 5000)))
	})
	mux.HandleFunc("/exact", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(strings.Repeat("x", 1000))) })
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "b") })
	mux.HandleFunc("/loop1", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop1", http.StatusFound) })
	var chainHits atomic.Int32
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		chainHits.Add(1)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", chainHits.Load()), http.StatusMovedPermanently)
	})
	var otherHits atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { otherHits.Add(1) }))
	defer other.Close()
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/login", http.StatusFound)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.fi/x", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := newTestClient(newFakeClock(), ClientOptions{MaxBody: 1000})
	tests := []struct {
		path    string
		wantErr error
		status  int
	}{
		{"/missing", ErrNotFound, 404},
		{"/gone", ErrNotFound, 410},
		{"/big", ErrTooLarge, 0},
		{"/big-cl", ErrTooLarge, 0},
		{"/loop1", ErrRedirect, 0},
		{"/chain/0", ErrRedirect, 0},
		{"/away", ErrRedirect, 0},
		{"/ftp", ErrRedirect, 0},
	}
	for _, tt := range tests {
		_, err := get(t, c, srv.URL+tt.path)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("%s: err = %v, want %v", tt.path, err, tt.wantErr)
			continue
		}
		var he *HTTPError
		if errors.As(err, &he) != (tt.status != 0) || (he != nil && he.Status != tt.status) {
			t.Errorf("%s: err = %#v, want HTTPError %d", tt.path, err, tt.status)
		}
		if !strings.Contains(err.Error(), srv.URL+tt.path) {
			t.Errorf("%s: error %q does not name the URL", tt.path, err)
		}
	}
	if got := (&HTTPError{URL: "u", Status: 503}).Error(); got != "GET u: HTTP 503 Service Unavailable" {
		t.Errorf("HTTPError.Error() = %q", got)
	}
	if otherHits.Load() != 0 {
		t.Errorf("redirect to another host was followed")
	}
	if n := chainHits.Load(); n != maxRedirects+1 {
		t.Errorf("redirect chain followed %d times, want %d", n, maxRedirects+1)
	}
	if st := c.Stats(); st.Retries != 0 {
		t.Errorf("errors were retried: %+v", st)
	}
	resp, err := get(t, c, srv.URL+"/a")
	if err != nil || string(resp.Body) != "b" || resp.URL != srv.URL+"/b" {
		t.Errorf("same-host redirect: %+v, %v", resp, err)
	}
	resp, err = get(t, c, srv.URL+"/exact")
	if err != nil || len(resp.Body) != 1000 {
		t.Errorf("body at the cap: %v", err)
	}
	if _, err := get(t, c, "ftp://example.fi/"); err == nil {
		t.Errorf("ftp URL accepted")
	}
}

func TestClientTransientNetworkError(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close() // connection dropped before any answer
			}
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	clock := newFakeClock()
	c := newTestClient(clock, ClientOptions{})
	resp, err := get(t, c, srv.URL)
	if err != nil || string(resp.Body) != "ok" || resp.Attempts != 2 {
		t.Fatalf("Get = %+v, %v", resp, err)
	}
	if len(clock.Sleeps()) != 1 {
		t.Errorf("waits %v, want one backoff", clock.Sleeps())
	}
}

func TestClientAttemptTimeout(t *testing.T) {
	release := make(chan struct{})
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	defer close(release)
	c := newTestClient(newFakeClock(), ClientOptions{Timeout: 20 * time.Millisecond})
	resp, err := get(t, c, srv.URL)
	if err != nil || resp.Attempts != 2 {
		t.Fatalf("Get = %+v, %v; want success on the second attempt", resp, err)
	}
}

func TestClientCancel(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	// Real sleeps here: cancellation must interrupt them.
	c := NewClient(ClientOptions{Delay: time.Hour})

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 3)
	go func() { _, err := c.Get(ctx, Request{URL: srv.URL + "/in-flight"}); done <- err }()
	go func() { _, err := c.Get(ctx, Request{URL: srv.URL + "/queued"}); done <- err }()
	time.Sleep(10 * time.Millisecond)
	cancel()
	for range 2 {
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("Get did not return after cancel")
		}
	}
	// A cancelled context fails at once, before any request.
	before := c.Stats().Requests
	if _, err := c.Get(ctx, Request{URL: srv.URL}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
	if c.Stats().Requests != before {
		t.Errorf("a request was sent on a cancelled context")
	}
}

func TestClientRobots(t *testing.T) {
	var robotsHits, pageHits atomic.Int32
	robots := "User-agent: *\nDisallow: /\n\nUser-agent: Minutes\nDisallow: /cgi/\nAllow: /cgi/DREQUEST.PHP?page=rss\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robotsHits.Add(1)
			fmt.Fprint(w, robots)
			return
		}
		pageHits.Add(1)
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	c := newTestClient(newFakeClock(), ClientOptions{Robots: true})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if _, err := get(t, c, srv.URL+"/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5"); !errors.Is(err, ErrRobots) {
				t.Errorf("err = %v, want ErrRobots", err)
			}
		})
	}
	wg.Wait()
	if _, err := get(t, c, srv.URL+"/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30"); err != nil {
		t.Errorf("allowed feed: %v", err)
	}
	if _, err := get(t, c, srv.URL+"/other"); err != nil { // the "*" group does not apply to us
		t.Errorf("allowed page: %v", err)
	}
	if robotsHits.Load() != 1 || pageHits.Load() != 2 {
		t.Errorf("robots.txt fetched %d times, pages %d; want 1, 2", robotsHits.Load(), pageHits.Load())
	}
	if st := c.Stats(); st.RobotsFetches != 1 || st.Requests != 3 {
		t.Errorf("stats %+v", st)
	}

	for _, status := range []int{404, 403, 500} {
		var hits atomic.Int32
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				w.WriteHeader(status)
				return
			}
			hits.Add(1)
		}))
		c := newTestClient(newFakeClock(), ClientOptions{Robots: true, MaxRetries: -1})
		if _, err := get(t, c, s.URL+"/cgi/x"); err != nil || hits.Load() != 1 {
			t.Errorf("robots.txt %d: %v, want everything allowed", status, err)
		}
		s.Close()
	}
}

func TestParseRobots(t *testing.T) {
	const txt = `# comment
User-agent: googlebot
Disallow: /

User-agent: *
Disallow: /private   # trailing comment
Allow: /private/open
Disallow: /*.pdf$
Disallow:

User-agent: minutes/2.0
User-agent: other
Disallow: /cgi/DREQUEST.PHP?page=announcement
Allow: /cgi/DREQUEST.PHP?page=announcement_ok
Disallow: /kokous/*.PDF$
`
	mine := parseRobots(txt, "minutes")
	star := parseRobots(txt, "nobody")
	tests := []struct {
		rules robotsRules
		path  string
		want  bool
	}{
		{mine, "/cgi/DREQUEST.PHP?page=meetingitem&id=1", true},
		{mine, "/cgi/DREQUEST.PHP?page=announcement_search", false},
		{mine, "/cgi/DREQUEST.PHP?page=announcement_ok", true},
		{mine, "/kokous/2023277-5.PDF", false},
		{mine, "/kokous/2023277-5.PDF?x", true},
		{mine, "/private", true},
		{star, "/private/x", false},
		{star, "/private/open/x", true},
		{star, "/a/b.pdf", false},
		{star, "/a/b.pdfx", true},
		{star, "/robots.txt", true},
		{nil, "/anything", true},
	}
	for i, tt := range tests {
		if got := tt.rules.allowed(tt.path); got != tt.want {
			t.Errorf("%d: allowed(%q) = %v, want %v (rules %v)", i, tt.path, got, tt.want, tt.rules)
		}
	}
}

// TestRobotsRFC9309 runs the examples of RFC 9309 (section 2.2.2 and the
// matching table of 2.2.3, and section 5's merged groups) through the
// matcher. It stays hand-written: temoto/robotstxt, the parser the module
// proxy serves, keeps whichever of two equally long rules comes first where
// the RFC says Allow wins, and measures wildcard rules by the length of the
// regexp it compiles them to; jimsmart/grobotstxt (Google's parser) is not
// served (403).
func TestRobotsRFC9309(t *testing.T) {
	match := []struct {
		pattern, path string
		want          bool
	}{
		{"/fish", "/fish", true}, {"/fish", "/fish.html", true}, {"/fish", "/fish/salmon.html", true},
		{"/fish", "/fishheads", true}, {"/fish", "/fishheads/yummy.html", true}, {"/fish", "/fish.php?id=anything", true},
		{"/fish", "/Fish.asp", false}, {"/fish", "/catfish", false}, {"/fish", "/?id=fish", false}, {"/fish", "/desert/fish", false},
		{"/fish*", "/fish", true}, {"/fish*", "/fishheads", true}, {"/fish*", "/Fish.asp", false},
		{"/fish/", "/fish/", true}, {"/fish/", "/fish/?id=anything", true}, {"/fish/", "/fish/salmon.htm", true},
		{"/fish/", "/fish", false}, {"/fish/", "/fish.html", false}, {"/fish/", "/Fish/Salmon.asp", false},
		{"/*.php", "/index.php", true}, {"/*.php", "/filename.php", true}, {"/*.php", "/folder/filename.php", true},
		{"/*.php", "/folder/filename.php?parameters", true}, {"/*.php", "/folder/any.php.file.html", true},
		{"/*.php", "/filename.php/", true}, {"/*.php", "/", false}, {"/*.php", "/windows.PHP", false},
		{"/*.php$", "/filename.php", true}, {"/*.php$", "/folder/filename.php", true},
		{"/*.php$", "/filename.php?parameters", false}, {"/*.php$", "/filename.php/", false},
		{"/*.php$", "/filename.php5", false}, {"/*.php$", "/windows.PHP", false},
		{"/fish*.php", "/fish.php", true}, {"/fish*.php", "/fishheads/catfish.php?parameters", true},
		{"/fish*.php", "/Fish.PHP", false},
	}
	for _, m := range match {
		if got := robotsMatch(m.pattern, m.path); got != m.want {
			t.Errorf("match(%q, %q) = %v, want %v", m.pattern, m.path, got, m.want)
		}
	}
	// 2.2.2: the most specific (longest) match wins; of equally long
	// Allow and Disallow, Allow.
	rules := parseRobots("User-agent: *\nallow: /example/page/\ndisallow: /example/page/disallowed.gif\ndisallow: /folder\nallow: /folder\n", "minutes")
	for path, want := range map[string]bool{
		"/example/page/": true, "/example/page/x.gif": true, "/example/page/disallowed.gif": false,
		"/folder/x": true, // the tie: Allow wins
	} {
		if got := rules.allowed(path); got != want {
			t.Errorf("allowed(%q) = %v, want %v", path, got, want)
		}
	}
	// 2.2.1 / 5: groups naming the same agent are merged; the product
	// token is matched without case.
	merged := parseRobots("User-agent: MINUTES\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUser-agent: minutes\nDisallow: /b\n", "minutes")
	if merged.allowed("/a") || merged.allowed("/b") || !merged.allowed("/c") {
		t.Errorf("merged groups: /a %v /b %v /c %v", merged.allowed("/a"), merged.allowed("/b"), merged.allowed("/c"))
	}
}
