package scrape

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"strings"
)

// Verdict is what a probe of a source found.
type Verdict string

// The verdicts of Probe, each one a person can act on.
const (
	VerdictDynasty Verdict = "dynasty" // the items feed answers
	VerdictMoved   Verdict = "moved"   // a redirect to another host
	VerdictOther   Verdict = "other"   // another publishing system answers
	VerdictRobots  Verdict = "robots"  // robots.txt forbids the feeds
	VerdictGone    Verdict = "gone"    // DNS, connection, TLS, 404, or no feed
)

// ProbeResult is one source's probe.
type ProbeResult struct {
	Verdict Verdict
	// Entries are the items feed's entries when it answers.
	Entries []FeedEntry
	// MovedTo is where a moved site redirects (the Dynasty base when the
	// target is a Dynasty URL, else the URL as given).
	MovedTo string
	// System names the other publishing system recognised ("CaseM
	// (CloudNC)", "Tweb", "Ahjo", "M-Files").
	System string
	// Err is the error behind a robots, gone or other verdict.
	Err error
}

// probeShow is how many feed entries a probe asks for: enough to see that
// the site is alive, little enough to be polite.
const probeShow = 30

// Probe asks a source's items feed once (robots.txt and the client's
// politeness apply) and says what answered.
func Probe(ctx context.Context, c *Client, base *url.URL) ProbeResult {
	resp, err := c.Get(ctx, Request{URL: FeedURL(base, FeedItems, probeShow)})
	var re *RedirectError
	switch {
	case errors.As(err, &re):
		return ProbeResult{Verdict: VerdictMoved, MovedTo: movedBase(re.To), Err: err}
	case errors.Is(err, ErrRobots):
		return ProbeResult{Verdict: VerdictRobots, Err: err}
	case err != nil:
		return ProbeResult{Verdict: VerdictGone, Err: err}
	}
	feed, err := ParseFeed(base, resp.Body, resp.ContentType)
	if err != nil {
		if sys := otherSystem(resp.Body); sys != "" {
			return ProbeResult{Verdict: VerdictOther, System: sys, Err: err}
		}
		return ProbeResult{Verdict: VerdictGone, Err: err}
	}
	return ProbeResult{Verdict: VerdictDynasty, Entries: feed.Entries}
}

// movedBase is a redirect target as a base URL when it is a Dynasty page
// (…/cgi/DREQUEST.PHP…), else the target itself.
func movedBase(to *url.URL) string {
	if i := strings.Index(strings.ToLower(to.Path), "/cgi/"); i >= 0 {
		if b, err := ParseBaseURL(to.Scheme + "://" + to.Host + to.Path[:i]); err == nil {
			return b.String()
		}
	}
	return to.String()
}

// systemMarks recognise other Finnish publishing systems in an answer
// (docs/dynasty.md, "Other systems"): reconstructed from their URL shapes
// and names, lower-cased.
var systemMarks = []struct{ mark, system string }{
	{"cloudnc", "CaseM (CloudNC)"},
	{"casem", "CaseM (CloudNC)"},
	{"ktwebbin", "Tweb"},
	{"ktwebscr", "Tweb"},
	{"paatokset.hel.fi", "Ahjo"},
	{"ahjo", "Ahjo"},
	{"m-files", "M-Files"},
}

// otherSystem names the publishing system an answer comes from, "" if none
// is recognised.
func otherSystem(body []byte) string {
	lower := bytes.ToLower(body[:min(len(body), 256<<10)])
	for _, m := range systemMarks {
		if bytes.Contains(lower, []byte(m.mark)) {
			return m.system
		}
	}
	return ""
}
