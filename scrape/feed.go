package scrape

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// ErrNotFeed is returned (wrapped) when a body that should be a feed is
// not one: a login or error page in HTML, or XML too broken to read. Sites
// answer feed URLs with such pages when they are down or moved.
var ErrNotFeed = errors.New("not an RSS feed")

// FeedEntry is one entry of a Dynasty RSS feed.
type FeedEntry struct {
	Link Link // classified entry link: LinkItem in meetingitems feeds, LinkMeeting in meetings feeds
	// Title is the entry's whole title, "<Body> DD.MM.YYYY / <Title>" in an
	// items feed (parse.FeedTitle reads it: its wording is the parser's).
	Title       string
	Published   time.Time // pubDate in UTC; zero if missing or unreadable
	GUID        string
	Fingerprint string // hex hash of (title, canonical link, guid, pubDate text): changes when the entry does
}

// Feed is a parsed feed. Skipped lists, for the user, entries that were
// dropped and why.
type Feed struct {
	Entries []FeedEntry
	Skipped []string
}

var (
	xmlDeclEncRe = regexp.MustCompile(`^(\s*<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*["']`)
	htmlStartRe  = regexp.MustCompile(`(?i)^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]`)
)

// Bounds on a feed's shape, checked before the feed parser builds its tree:
// a Dynasty feed is four levels deep and holds a few thousand elements, and
// a hostile one nested millions deep would cost the parser ~90 times its
// size in memory.
const (
	maxFeedDepth    = 64
	maxFeedElements = 200_000
)

// checkFeedShape streams the feed's tokens, keeping nothing but a depth
// count, and refuses absurd nesting or size.
func checkFeedShape(text string) error {
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = false
	depth, elements := 0, 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return nil // not well formed: the feed parser says how
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			elements++
			if depth > maxFeedDepth {
				return fmt.Errorf("elements nested more than %d deep", maxFeedDepth)
			}
			if elements > maxFeedElements {
				return fmt.Errorf("more than %d elements", maxFeedElements)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// ParseFeed reads an RSS (or Atom) feed in any charset; see DecodeBytes for
// how the charset is chosen. Titles are unescaped a second time because
// Dynasty puts HTML entities such as &ndash; inside CDATA, NFC-normalised
// and whitespace-collapsed. Links are classified with ClassifyURL against
// base; entries whose link is off the site, not an item or meeting link, or
// a duplicate of an earlier one are dropped and listed in Skipped. An HTML
// page or malformed XML is an error wrapping ErrNotFeed; a feed with no
// entries is not an error.
func ParseFeed(base *url.URL, body []byte, contentType string) (Feed, error) {
	text, _, _, err := DecodeBytes(body, contentType)
	if err != nil {
		return Feed{}, fmt.Errorf("parse feed: %w", err)
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	if htmlStartRe.MatchString(text) {
		return Feed{}, fmt.Errorf("parse feed: %w: got an HTML page", ErrNotFeed)
	}
	// The text is UTF-8 now; the prolog must stop claiming otherwise or the
	// XML decoder would convert it a second time.
	text = xmlDeclEncRe.ReplaceAllString(text, "${1}${2}UTF-8${2}")
	if err := checkFeedShape(text); err != nil {
		return Feed{}, fmt.Errorf("parse feed: %w: %w", ErrNotFeed, err)
	}
	parsed, err := gofeed.NewParser().ParseString(text)
	if err != nil {
		return Feed{}, fmt.Errorf("parse feed: %w: %w", ErrNotFeed, err)
	}
	var feed Feed
	seen := map[string]bool{}
	for i, it := range parsed.Items {
		title := cleanText(html.UnescapeString(it.Title))
		rawLink := strings.TrimSpace(it.Link)
		if rawLink == "" && len(it.Links) > 0 {
			rawLink = strings.TrimSpace(it.Links[0])
		}
		if rawLink == "" && looksLikeURL(it.GUID) {
			rawLink = strings.TrimSpace(it.GUID)
		}
		rawLink = html.UnescapeString(rawLink)
		name := fmt.Sprintf("entry %d %q", i+1, title)
		link, ok := ClassifyURL(base, rawLink)
		switch {
		case rawLink == "":
			feed.Skipped = append(feed.Skipped, name+": no link")
			continue
		case !ok:
			feed.Skipped = append(feed.Skipped, fmt.Sprintf("%s: link is not a page of this site: %s", name, rawLink))
			continue
		case link.Kind != LinkItem && link.Kind != LinkMeeting:
			feed.Skipped = append(feed.Skipped, fmt.Sprintf("%s: link is not a meeting or item page: %s", name, rawLink))
			continue
		case seen[link.URL]:
			feed.Skipped = append(feed.Skipped, fmt.Sprintf("%s: duplicate of an earlier entry: %s", name, link.URL))
			continue
		}
		seen[link.URL] = true
		link.Text = title
		e := FeedEntry{Link: link, Title: title, GUID: strings.TrimSpace(it.GUID)}
		if it.PublishedParsed != nil {
			e.Published = it.PublishedParsed.UTC()
		} else if it.UpdatedParsed != nil {
			e.Published = it.UpdatedParsed.UTC()
		}
		pub := it.Published
		if pub == "" {
			pub = it.Updated
		}
		e.Fingerprint = fingerprint(title, link.URL, e.GUID, strings.TrimSpace(pub))
		feed.Entries = append(feed.Entries, e)
	}
	return feed, nil
}

func looksLikeURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
