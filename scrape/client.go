package scrape

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Errors callers branch on; Get wraps them.
var (
	// ErrNotFound: the page is gone (HTTP 404 or 410).
	ErrNotFound = errors.New("not found")
	// ErrTimeout: the server did not answer within the client's Timeout.
	ErrTimeout = errors.New("timed out")
	// ErrRobots: the site's robots.txt forbids the URL.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrRedirect: a redirect left the host, left http(s), looped or went on too long.
	ErrRedirect = errors.New("redirect refused")
	// ErrTooLarge: the body is larger than ClientOptions.MaxBody.
	ErrTooLarge = errors.New("response body too large")
)

// DefaultUserAgent says who is asking, with a way to reach the project, so
// that site operators can tell the tool apart from a browser or a bot.
var DefaultUserAgent = "minutes/" + buildVersion() + " (+https://github.com/minutes-fi/minutes)"

func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "dev"
}

// Defaults for ClientOptions' zero values.
const (
	DefaultTimeout      = 60 * time.Second
	DefaultMaxBody      = 20 << 20
	DefaultMaxRetries   = 3
	DefaultMaxRetryWait = 2 * time.Minute
	maxRedirects        = 5
	backoffBase         = time.Second
	robotsMaxBody       = 512 << 10
)

// ClientOptions configure a Client. Zero values mean the defaults.
type ClientOptions struct {
	UserAgent    string        // default DefaultUserAgent
	Delay        time.Duration // minimum gap between request starts to the same host; 0 = none
	Timeout      time.Duration // per attempt, whole request including the body; default 60 s
	MaxBody      int64         // cap on body size; default 20 MiB; larger → ErrTooLarge
	MaxRetries   int           // retries on 429, 5xx and transient network errors; default 3; negative = none
	MaxRetryWait time.Duration // cap on one wait; a longer Retry-After gives up instead; default 2 min
	Robots       bool          // honour robots.txt (user agent "minutes", else "*")
	// RobotsCache keeps robots.txt files between runs (for RobotsTTL), so
	// that a run with nothing new asks a site for its feeds only. Nil: each
	// Client fetches a host's file once.
	RobotsCache RobotsCache
	Transport   http.RoundTripper // default a clone of http.DefaultTransport
	// Sleep waits for d or until ctx is done; injectable so tests need not
	// wait. Default: a timer.
	Sleep  func(ctx context.Context, d time.Duration) error
	Now    func() time.Time // injectable clock; default time.Now
	Logger *slog.Logger     // may be nil
}

// RobotsCache stores robots.txt files by their URL. The store's archive
// implements it.
type RobotsCache interface {
	Robots(ctx context.Context, robotsURL string) (body string, fetchedAt time.Time, ok bool, err error)
	SetRobots(ctx context.Context, robotsURL, body string, fetchedAt time.Time) error
}

// RobotsTTL is how long a cached robots.txt is trusted: a day, as RFC 9309
// allows.
const RobotsTTL = 24 * time.Hour

// Request is one GET. ETag and LastModified are the validators of a
// previous response; they become If-None-Match and If-Modified-Since.
type Request struct {
	URL                string
	ETag, LastModified string
}

// Response is a successful (2xx) or not-modified (304) answer.
type Response struct {
	URL                             string // final URL after redirects
	Status                          int
	Body                            []byte
	ContentType, ETag, LastModified string
	NotModified                     bool // 304: Body is empty, keep what you have
	Attempts                        int  // requests made for this Get, retries included
}

// HTTPError is an unexpected HTTP status that retries did not cure. For
// 404 and 410 it unwraps to ErrNotFound.
type HTTPError struct {
	URL    string
	Status int
}

// Error reads "GET <url>: HTTP 503 Service Unavailable".
func (e *HTTPError) Error() string {
	s := fmt.Sprintf("GET %s: HTTP %d", e.URL, e.Status)
	if t := http.StatusText(e.Status); t != "" {
		s += " " + t
	}
	return s
}

// Unwrap lets errors.Is(err, ErrNotFound) see a 404 or 410.
func (e *HTTPError) Unwrap() error {
	if e.Status == http.StatusNotFound || e.Status == http.StatusGone {
		return ErrNotFound
	}
	return nil
}

// ClientStats are counters for reporting.
type ClientStats struct {
	Requests      int64 // HTTP requests sent, retries and robots.txt included
	NotModified   int64 // 304 answers
	Retries       int64 // attempts repeated after 429, 5xx or a network error
	RobotsFetches int64 // robots.txt files fetched
}

// Client is a polite HTTP client: one request in flight per host, a delay
// between requests to a host, retries that back off and honour
// Retry-After, robots.txt. It is safe for concurrent use; different hosts
// proceed in parallel.
type Client struct {
	opts ClientOptions
	hc   *http.Client
	log  *slog.Logger

	mu     sync.Mutex
	hosts  map[string]*hostState
	robots map[string]*robotsEntry

	requests, notModified, retries, robotsFetches atomic.Int64
}

// hostState serialises requests to one host:port. Holding slot is
// holding the right to send; lastStart is only touched while holding it.
type hostState struct {
	slot      chan struct{}
	lastStart time.Time
	mu        sync.Mutex
	notBefore time.Time // no request before this (Retry-After, backoff), for every caller
}

// NewClient returns a Client with opts' zero values replaced by defaults.
func NewClient(opts ClientOptions) *Client {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxRetries == 0 {
		opts.MaxRetries = DefaultMaxRetries
	} else if opts.MaxRetries < 0 {
		opts.MaxRetries = 0
	}
	if opts.MaxRetryWait <= 0 {
		opts.MaxRetryWait = DefaultMaxRetryWait
	}
	if opts.Transport == nil {
		opts.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	if opts.Sleep == nil {
		opts.Sleep = sleepTimer
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Client{
		opts:   opts,
		log:    log,
		hosts:  map[string]*hostState{},
		robots: map[string]*robotsEntry{},
	}
	c.hc = &http.Client{Transport: opts.Transport, CheckRedirect: checkRedirect}
	return c
}

func sleepTimer(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// RedirectError is a redirect to another host, refused: a moved site or a
// login page. It unwraps to ErrRedirect.
type RedirectError struct {
	To *url.URL // where the site sent us
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("%v: to another host: %s", ErrRedirect, e.To)
}

// Unwrap lets errors.Is(err, ErrRedirect) see it.
func (e *RedirectError) Unwrap() error { return ErrRedirect }

// checkRedirect follows redirects only within the host, over http(s), at
// most maxRedirects times and never back to a URL already visited: a
// redirect elsewhere is usually a login page or a moved site, which the
// user should hear about rather than have scraped.
func checkRedirect(req *http.Request, via []*http.Request) error {
	first := via[0].URL
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("%w: to non-http URL %s", ErrRedirect, req.URL)
	}
	if !sameHost(req.URL, first) {
		return &RedirectError{To: req.URL}
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("%w: loop at %s", ErrRedirect, req.URL)
		}
	}
	if len(via) > maxRedirects {
		return fmt.Errorf("%w: more than %d redirects", ErrRedirect, maxRedirects)
	}
	return nil
}

// Stats returns the counters so far.
func (c *Client) Stats() ClientStats {
	return ClientStats{
		Requests:      c.requests.Load(),
		NotModified:   c.notModified.Load(),
		Retries:       c.retries.Load(),
		RobotsFetches: c.robotsFetches.Load(),
	}
}

// hostKey is host:port with the port always written, lower-case.
func hostKey(u *url.URL) string {
	return net.JoinHostPort(strings.ToLower(u.Hostname()), effectivePort(u))
}

func (c *Client) host(key string) *hostState {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = &hostState{slot: make(chan struct{}, 1)}
		c.hosts[key] = h
	}
	return h
}

// acquire takes the host's slot and waits out the delay and any backoff,
// holding the slot so that waiting callers queue behind.
func (c *Client) acquire(ctx context.Context, h *hostState) error {
	select {
	case h.slot <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	now := c.opts.Now()
	until := h.lastStart.Add(c.opts.Delay)
	h.mu.Lock()
	if h.notBefore.After(until) {
		until = h.notBefore
	}
	h.mu.Unlock()
	if wait := until.Sub(now); wait > 0 {
		if err := c.opts.Sleep(ctx, wait); err != nil {
			<-h.slot
			return err
		}
	}
	h.lastStart = c.opts.Now()
	return nil
}

func (h *hostState) release() { <-h.slot }

func (h *hostState) backOff(until time.Time) {
	h.mu.Lock()
	if until.After(h.notBefore) {
		h.notBefore = until
	}
	h.mu.Unlock()
}

// Get fetches one URL politely: at most one request in flight per host
// (host:port) and at least Delay between request starts to it, while
// different hosts proceed in parallel; validators sent as conditional
// headers; retries with exponential backoff (base 1 s, jitter) on 429, 5xx
// and transient network errors, honouring Retry-After (seconds or HTTP
// date) — a wait asked for by the server holds back every request to that
// host, not just this one; redirects followed only within the host; ctx
// cancellation stops at once, waits included.
//
// Errors: 404/410 → *HTTPError wrapping ErrNotFound; robots.txt → ErrRobots;
// other non-2xx statuses after retries → *HTTPError; body over the cap →
// ErrTooLarge; bad redirect → ErrRedirect. A 304 is a Response with
// NotModified set and a nil error.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", req.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Hostname() == "" {
		return nil, fmt.Errorf("GET %s: not an http(s) URL", req.URL)
	}
	h := c.host(hostKey(u))
	if c.opts.Robots {
		if err := c.checkRobots(ctx, u, h); err != nil {
			return nil, err
		}
	}
	for attempt := 1; ; attempt++ {
		res := c.attempt(ctx, h, u, req, c.opts.MaxBody)
		if res.err == nil {
			res.resp.Attempts = attempt
			return res.resp, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("GET %s: %w", req.URL, ctx.Err())
		}
		if !res.retry || attempt > c.opts.MaxRetries {
			return nil, res.err
		}
		wait := c.backoff(attempt)
		if res.hasRetryAfter {
			if res.retryAfter > c.opts.MaxRetryWait {
				c.log.Warn("server asks to wait longer than allowed; giving up", "url", req.URL, "retry_after", res.retryAfter)
				return nil, res.err
			}
			wait = res.retryAfter
		}
		c.retries.Add(1)
		c.log.Info("retrying", "url", req.URL, "attempt", attempt, "wait", wait, "err", res.err)
		h.backOff(c.opts.Now().Add(wait))
	}
}

// backoff is 2^(attempt-1) seconds with ±50 % jitter, capped.
func (c *Client) backoff(attempt int) time.Duration {
	d := backoffBase << min(attempt-1, 20)
	d = time.Duration(float64(d) * (0.5 + rand.Float64()))
	return min(d, c.opts.MaxRetryWait)
}

// result is the outcome of one attempt.
type result struct {
	resp          *Response
	err           error
	retry         bool
	retryAfter    time.Duration
	hasRetryAfter bool
}

// attempt makes one request while holding the host's slot, body included.
func (c *Client) attempt(ctx context.Context, h *hostState, u *url.URL, req Request, maxBody int64) result {
	if err := c.acquire(ctx, h); err != nil {
		return result{err: fmt.Errorf("GET %s: %w", req.URL, err)}
	}
	defer h.release()
	actx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return result{err: fmt.Errorf("GET %s: %w", req.URL, err)}
	}
	hreq.Header.Set("User-Agent", c.opts.UserAgent)
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	c.requests.Add(1)
	start := time.Now()
	hresp, err := c.hc.Do(hreq)
	if err != nil {
		return c.networkError(ctx, actx, req.URL, err)
	}
	defer hresp.Body.Close()
	c.log.Debug("http", "url", req.URL, "status", hresp.StatusCode, "elapsed", time.Since(start))

	switch s := hresp.StatusCode; {
	case s == http.StatusNotModified:
		c.notModified.Add(1)
		return result{resp: &Response{URL: hresp.Request.URL.String(), Status: s, NotModified: true,
			ETag: hresp.Header.Get("ETag"), LastModified: hresp.Header.Get("Last-Modified"),
			ContentType: hresp.Header.Get("Content-Type")}}
	case s >= 200 && s < 300:
	default:
		_, _ = io.Copy(io.Discard, io.LimitReader(hresp.Body, 64<<10)) // lets the connection be reused
		res := result{err: &HTTPError{URL: req.URL, Status: s}}
		if s == http.StatusTooManyRequests || s >= 500 {
			res.retry = true
			res.retryAfter, res.hasRetryAfter = parseRetryAfter(hresp.Header.Get("Retry-After"), c.opts.Now())
		}
		return res
	}
	if hresp.ContentLength > maxBody {
		return result{err: fmt.Errorf("GET %s: %w: %d bytes, limit %d", req.URL, ErrTooLarge, hresp.ContentLength, maxBody)}
	}
	body, err := io.ReadAll(io.LimitReader(hresp.Body, maxBody+1))
	if err != nil {
		return c.networkError(ctx, actx, req.URL, err)
	}
	if int64(len(body)) > maxBody {
		return result{err: fmt.Errorf("GET %s: %w: limit %d bytes", req.URL, ErrTooLarge, maxBody)}
	}
	return result{resp: &Response{
		URL:          hresp.Request.URL.String(),
		Status:       hresp.StatusCode,
		Body:         body,
		ContentType:  hresp.Header.Get("Content-Type"),
		ETag:         hresp.Header.Get("ETag"),
		LastModified: hresp.Header.Get("Last-Modified"),
	}}
}

// networkError classifies a transport error: redirects refused, TLS
// certificate problems and unknown hosts are final; timeouts and broken
// connections are worth another try.
func (c *Client) networkError(ctx, actx context.Context, rawURL string, err error) result {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if ctx.Err() != nil {
		return result{err: fmt.Errorf("GET %s: %w", rawURL, ctx.Err())}
	}
	if actx.Err() != nil {
		return result{err: fmt.Errorf("GET %s: %w after %s (%w)", rawURL, ErrTimeout, c.opts.Timeout, err), retry: true}
	}
	var (
		dnsErr   *net.DNSError
		certErr  *x509.CertificateInvalidError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
	)
	final := errors.Is(err, ErrRedirect) ||
		(errors.As(err, &dnsErr) && dnsErr.IsNotFound) ||
		errors.As(err, &certErr) || errors.As(err, &unknown) || errors.As(err, &hostname)
	return result{err: fmt.Errorf("GET %s: %w", rawURL, err), retry: !final}
}

// parseRetryAfter reads delta-seconds or an HTTP date; a date in the past
// means no wait.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(365*24*time.Hour/time.Second) {
			n = int64(365 * 24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
