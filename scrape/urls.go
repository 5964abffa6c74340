package scrape

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// FeedKind names one of the RSS feeds a Dynasty site publishes; the value is
// the page= parameter that serves it.
type FeedKind string

// Feeds every Dynasty site serves.
const (
	FeedItems    FeedKind = "rss/meetingitems" // newest meeting items (Kokousasiat)
	FeedMeetings FeedKind = "rss/meetings"     // newest meetings (Kokoukset)
)

// LinkKind says what a Dynasty link points at.
type LinkKind int

// Kinds of Dynasty links.
const (
	LinkOther    LinkKind = iota // a DREQUEST.PHP link of another page type (feeds, officer decisions, …)
	LinkItem                     // page=meetingitem&id=M-k: one item (§) of a meeting
	LinkMeeting                  // page=meeting&id=M: one meeting's item list
	LinkMeetings                 // page=meetings&id=B: one body's list of meetings
	LinkBodies                   // page=meeting_frames or meeting_handlers: the list of bodies
)

// String returns a short lower-case name, for logs and test failures.
func (k LinkKind) String() string {
	switch k {
	case LinkItem:
		return "item"
	case LinkMeeting:
		return "meeting"
	case LinkMeetings:
		return "meetings"
	case LinkBodies:
		return "bodies"
	case LinkOther:
		return "other"
	}
	return "LinkKind(" + strconv.Itoa(int(k)) + ")"
}

// Link is a recognised Dynasty link. URL is canonical (built by PageURL from
// the source's base) so that the same page reached through different
// spellings — explicit ports, other parameter order — is one page.
type Link struct {
	Kind LinkKind
	ID   string // the id= parameter as written; "" when absent
	URL  string // canonical: PageURL(base, page, id); for LinkOther the resolved URL on the base's scheme and host
	Text string // anchor text, NFC, whitespace collapsed and trimmed
}

// dreqPath is the script every public Dynasty page is served by.
const dreqPath = "/cgi/DREQUEST.PHP"

// ParseBaseURL validates and normalises a source base URL: http or https, a
// host, an optional path prefix ("https://host/djulkaisu"), no query,
// fragment or user info. The trailing "/" and a default port are removed so
// that equal sources compare equal as strings. A pasted full Dynasty URL
// (".../cgi/DREQUEST.PHP?page=…") is cut back to its base, because that is
// what users will copy from their browser.
func ParseBaseURL(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil, errors.New("URL is empty")
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return nil, fmt.Errorf("URL must start with http:// or https://: %q", raw)
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("URL is not valid: %q: %w", raw, err)
	}
	if u.User != nil {
		return nil, fmt.Errorf("URL must not contain a user name or password: %q", raw)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("URL has no host: %q", raw)
	}
	p := u.Path
	cut := false
	if i := strings.Index(strings.ToLower(p), "/cgi/"); i >= 0 {
		p, cut = p[:i], true
	} else if strings.HasSuffix(strings.ToLower(p), "/cgi") {
		p, cut = p[:len(p)-len("/cgi")], true
	}
	if !cut && (u.RawQuery != "" || u.ForceQuery) {
		return nil, fmt.Errorf("URL must not have a query (the part after \"?\"): %q", raw)
	}
	if !cut && u.Fragment != "" {
		return nil, fmt.Errorf("URL must not have a fragment (the part after \"#\"): %q", raw)
	}
	if strings.Contains(strings.TrimRight(p, "/"), "//") {
		return nil, fmt.Errorf("URL path has an empty segment: %q", raw)
	}
	// "." and ".." segments name the same base as their clean form.
	if p != "" {
		p = path.Clean("/" + p)
	}
	p = strings.TrimRight(p, "/")
	scheme := strings.ToLower(u.Scheme)
	host, err := normHost(scheme, u.Host)
	if err != nil {
		return nil, fmt.Errorf("URL has a bad host: %q: %w", raw, err)
	}
	return &url.URL{Scheme: scheme, Host: host, Path: p}, nil
}

// normHost lower-cases a host[:port] and drops the scheme's default port.
func normHost(scheme, hostport string) (string, error) {
	host, port := splitHostPort(hostport)
	if host == "" {
		return "", errors.New("no host name")
	}
	if strings.ContainsAny(host, " \t/\\@") {
		return "", fmt.Errorf("invalid host name %q", host)
	}
	host = strings.ToLower(host)
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n <= 0 || n > 65535 {
			return "", fmt.Errorf("invalid port %q", port)
		}
		port = strconv.Itoa(n)
	}
	if port == defaultPort(scheme) {
		port = ""
	}
	if port == "" {
		if strings.Contains(host, ":") { // IPv6 literal
			return "[" + host + "]", nil
		}
		return host, nil
	}
	return net.JoinHostPort(host, port), nil
}

// splitHostPort splits like url.URL.Hostname/Port, tolerating a missing port.
func splitHostPort(hostport string) (host, port string) {
	u := url.URL{Host: hostport}
	return u.Hostname(), u.Port()
}

func defaultPort(scheme string) string {
	switch strings.ToLower(scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}

// effectivePort is the port a URL connects to.
func effectivePort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return strings.TrimLeft(p, "0")
	}
	return defaultPort(u.Scheme)
}

// sameHost reports whether two http(s) URLs name the same server. Default
// ports count as absent, and a link written as http://host:80 matches an
// https://host base: feeds are known to carry such ports, and the canonical
// URL built from the base is what gets fetched anyway.
func sameHost(a, b *url.URL) bool {
	if !strings.EqualFold(a.Hostname(), b.Hostname()) {
		return false
	}
	pa, pb := effectivePort(a), effectivePort(b)
	if pa == pb {
		return true
	}
	return pa == defaultPort(a.Scheme) && pb == defaultPort(b.Scheme)
}

// PageURL builds <base>/cgi/DREQUEST.PHP?page=<page>[&id=<id>]; id is
// omitted when "". The "/" in page types such as "rss/meetings" is kept
// unescaped, as the sites themselves write it.
func PageURL(base *url.URL, page, id string) string {
	var b strings.Builder
	b.WriteString(baseString(base))
	b.WriteString(dreqPath)
	b.WriteString("?page=")
	b.WriteString(strings.ReplaceAll(url.QueryEscape(page), "%2F", "/"))
	if id != "" {
		b.WriteString("&id=")
		b.WriteString(url.QueryEscape(id))
	}
	return b.String()
}

func baseString(base *url.URL) string {
	u := url.URL{Scheme: base.Scheme, Host: base.Host, Path: strings.TrimRight(base.Path, "/")}
	return u.String()
}

// FeedURL builds the URL of one of the site's RSS feeds; show > 0 asks for
// that many entries (the sites' own default is small).
func FeedURL(base *url.URL, kind FeedKind, show int) string {
	s := PageURL(base, string(kind), "")
	if show > 0 {
		s += "&show=" + strconv.Itoa(show)
	}
	return s
}

var (
	// Ids are bounded: a meeting id is the year and a serial (seen up to 12
	// digits), a position a few digits; anything longer is not Dynasty's.
	itemIDRe    = regexp.MustCompile(`^\d{4,16}-\d{1,6}$`)
	meetingIDRe = regexp.MustCompile(`^\d{4,16}$`)
	bodyIDRe    = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
)

// ClassifyURL resolves raw against base and recognises Dynasty page links.
// Relative links are resolved as if they were found on a page under
// <base>/cgi/, where every Dynasty page lives, so "DREQUEST.PHP?page=…" and
// "?page=…" work as they do in a browser.
//
// ok is false for anything that is not http(s), not on the base's host
// (case-insensitive, default ports normalised), outside the base path
// prefix, or not a DREQUEST.PHP link with a page parameter. A DREQUEST.PHP
// link whose page type is unknown, or whose id does not have the expected
// shape, is LinkOther. Parameter names and page types are matched
// case-insensitively; ids are kept as written.
func ClassifyURL(base *url.URL, raw string) (Link, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || base == nil {
		return Link{}, false
	}
	ref, err := url.Parse(raw)
	if err != nil {
		return Link{}, false
	}
	from := &url.URL{Scheme: base.Scheme, Host: base.Host, Path: strings.TrimRight(base.Path, "/") + dreqPath}
	u := from.ResolveReference(ref)
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return Link{}, false
	}
	if u.User != nil || !sameHost(u, base) {
		return Link{}, false
	}
	if !strings.EqualFold(u.Path, strings.TrimRight(base.Path, "/")+dreqPath) {
		return Link{}, false
	}
	params := parseQuery(u.RawQuery)
	page := strings.ToLower(params["page"])
	id := params["id"]
	if page == "" {
		return Link{}, false // the script without a page is no page
	}
	link := Link{Kind: LinkOther, ID: id}
	switch {
	case page == "meetingitem" && itemIDRe.MatchString(id):
		link.Kind = LinkItem
		link.ID = canonicalItemID(id)
		id = link.ID
	case page == "meeting" && meetingIDRe.MatchString(id):
		link.Kind = LinkMeeting
	case page == "meetings" && bodyIDRe.MatchString(id):
		link.Kind = LinkMeetings
	case (page == "meeting_frames" || page == "meeting_handlers") && (id == "" || bodyIDRe.MatchString(id)):
		link.Kind = LinkBodies
	}
	if link.Kind == LinkOther {
		o := url.URL{Scheme: base.Scheme, Host: base.Host, Path: u.Path, RawQuery: u.RawQuery}
		link.URL = o.String()
	} else {
		link.URL = PageURL(base, page, id)
	}
	return link, true
}

// parseQuery reads a query string the forgiving way: keys lower-cased, the
// first value wins, "&amp;" left over from unescaped HTML tolerated, bad
// escapes kept verbatim.
func parseQuery(q string) map[string]string {
	m := map[string]string{}
	for _, part := range strings.FieldsFunc(q, func(r rune) bool { return r == '&' || r == ';' }) {
		k, v, _ := strings.Cut(part, "=")
		k = strings.ToLower(strings.TrimPrefix(strings.ToLower(k), "amp;"))
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		if _, dup := m[k]; !dup {
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

// canonicalItemID writes an item id without leading zeros in its position:
// "2023100-01" and "2023100-1" are one item, the server reads both alike.
func canonicalItemID(id string) string {
	m, k, _ := strings.Cut(id, "-")
	if t := strings.TrimLeft(k, "0"); t != k {
		if t == "" {
			t = "0"
		}
		return m + "-" + t
	}
	return id
}

// SplitItemID splits an item id "M-k" into its meeting id and the item's
// position in the meeting (not its § number): "2023277-5" → "2023277", 5.
func SplitItemID(id string) (meeting string, pos int, ok bool) {
	if !itemIDRe.MatchString(id) {
		return "", 0, false
	}
	m, k, _ := strings.Cut(id, "-")
	n, err := strconv.Atoi(k)
	if err != nil {
		return "", 0, false
	}
	return m, n, true
}

// cleanText NFC-normalises s, turns every kind of white space (including
// U+00A0) into single spaces and trims it: the form used for anchor texts
// and feed titles.
func cleanText(s string) string {
	s = norm.NFC.String(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) }), " ")
}

// jsURLRe finds URL-like strings inside onclick handlers, javascript: links
// and scripts: absolute http(s) URLs and anything mentioning DREQUEST.PHP.
var jsURLRe = regexp.MustCompile(`(?i)https?://[^\s'"<>()]+|[^\s'"<>()=+,]*DREQUEST\.PHP\?[^\s'"<>()+,]*`)

// ExtractLinks finds every Dynasty link in an HTML list page — a/area href,
// frame/iframe src, and URLs inside onclick handlers, javascript: links and
// inline scripts — classified by ClassifyURL, deduplicated by canonical URL,
// in document order. It reads the token stream rather than a parsed tree,
// so it does not care about layout: frames pages (including their
// <noframes> part, which a tree parser keeps as raw text), tables and divs
// all work, and so does broken markup. A later duplicate only fills in
// anchor text the first occurrence lacked.
func ExtractLinks(base *url.URL, page string) []Link {
	x := linkExtractor{base: base, index: map[string]int{}}
	x.scan(page, 0)
	return x.links
}

type linkExtractor struct {
	base  *url.URL
	links []Link
	index map[string]int
	// the open anchor: links it produced get its text when it closes
	inAnchor    bool
	anchorLinks []int
	text        strings.Builder
}

func (x *linkExtractor) add(raw string) {
	l, ok := ClassifyURL(x.base, raw)
	if !ok {
		return
	}
	i, dup := x.index[l.URL]
	if !dup {
		i = len(x.links)
		x.index[l.URL] = i
		x.links = append(x.links, l)
	}
	if x.inAnchor {
		x.anchorLinks = append(x.anchorLinks, i)
	}
}

func (x *linkExtractor) addJS(s string) {
	for _, m := range jsURLRe.FindAllString(s, -1) {
		x.add(html.UnescapeString(m))
	}
}

// closeAnchor gives the anchor's text to the links found in it.
func (x *linkExtractor) closeAnchor() {
	if !x.inAnchor {
		return
	}
	t := cleanText(x.text.String())
	for _, i := range x.anchorLinks {
		if x.links[i].Text == "" {
			x.links[i].Text = t
		}
	}
	x.inAnchor, x.anchorLinks = false, x.anchorLinks[:0]
	x.text.Reset()
}

func (x *linkExtractor) scan(page string, depth int) {
	z := html.NewTokenizer(strings.NewReader(page))
	var raw atom.Atom // the raw-text element being read, if any
	for {
		switch z.Next() {
		case html.ErrorToken:
			x.closeAnchor()
			return
		case html.TextToken:
			switch raw {
			case atom.Script:
				x.addJS(string(z.Text()))
			case atom.Noframes, atom.Noscript:
				if depth < 2 {
					x.scan(string(z.Raw()), depth+1)
				}
			case atom.Style, atom.Title, atom.Textarea:
			default:
				if x.inAnchor {
					x.text.Write(z.Text())
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == raw {
				raw = 0
			}
			if a == atom.A || a == atom.Area {
				x.closeAnchor()
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			var attrs = map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if _, dup := attrs[string(k)]; !dup {
					attrs[string(k)] = string(v)
				}
			}
			switch a {
			case atom.Script, atom.Noframes, atom.Noscript, atom.Style, atom.Title, atom.Textarea:
				raw = a
			case atom.A, atom.Area:
				x.closeAnchor()
				x.inAnchor = true
				if href, ok := attrs["href"]; ok {
					if strings.HasPrefix(strings.ToLower(strings.TrimSpace(href)), "javascript:") {
						x.addJS(href)
					} else {
						x.add(href)
					}
				}
			case atom.Frame, atom.Iframe:
				if src, ok := attrs["src"]; ok {
					x.add(src)
				}
			case atom.Br:
				if x.inAnchor {
					x.text.WriteByte(' ')
				}
			}
			if oc, ok := attrs["onclick"]; ok {
				x.addJS(oc)
			}
		}
	}
}

// attr returns the value of an attribute, matched case-insensitively.
func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, name) {
			return a.Val, true
		}
	}
	return "", false
}

// nodeText is the raw concatenated text below n, scripts and styles excluded.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
