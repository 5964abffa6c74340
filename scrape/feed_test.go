package scrape

import (
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseFeedLatin1(t *testing.T) {
	base := mustBase(t, "https://dynasty.virolahti.fi")
	body := readFixture(t, "items_latin1.rss")
	feed, err := ParseFeed(base, body, "text/xml") // no charset in the header: the prolog says ISO-8859-1
	if err != nil {
		t.Fatal(err)
	}
	item := func(id string) string {
		return "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&id=" + id
	}
	want := []FeedEntry{
		{
			Link:      Link{Kind: LinkItem, ID: "2023277-5", URL: item("2023277-5"), Text: "Virolahden kunnanhallitus 09.10.2023 / Kymenlaakson hyvinvointialueen ja kuntien yhteistyösopimus – hyväksyminen"},
			Title:     "Virolahden kunnanhallitus 09.10.2023 / Kymenlaakson hyvinvointialueen ja kuntien yhteistyösopimus – hyväksyminen",
			Published: time.Date(2023, 10, 10, 5, 15, 0, 0, time.UTC),
			GUID:      "2023277-5",
		},
		{
			Link:  Link{Kind: LinkItem, ID: "2023277-6", URL: item("2023277-6"), Text: "Virolahden kunnanhallitus 09.10.2023 / Talousarvio 2024 / käyttötalous"},
			Title: "Virolahden kunnanhallitus 09.10.2023 / Talousarvio 2024 / käyttötalous",
		},
		{
			Link:  Link{Kind: LinkItem, ID: "2023268-3", URL: item("2023268-3"), Text: "Tekninen lautakunta 28.09.2023 / Katuvalot & liikenne"},
			Title: "Tekninen lautakunta 28.09.2023 / Katuvalot & liikenne",
		},
		{
			Link:  Link{Kind: LinkItem, ID: "2023268-4", URL: item("2023268-4"), Text: "Ilmoitusasiat"},
			Title: "Ilmoitusasiat",
		},
	}
	if diff := cmp.Diff(want, feed.Entries, cmpopts.IgnoreFields(FeedEntry{}, "Fingerprint")); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if len(feed.Skipped) != 3 {
		t.Fatalf("Skipped = %q, want 3 reasons", feed.Skipped)
	}
	for i, want := range []string{"duplicate", "not a page of this site", "not a meeting or item page"} {
		if !strings.Contains(feed.Skipped[i], want) {
			t.Errorf("Skipped[%d] = %q, want it to say %q", i, feed.Skipped[i], want)
		}
	}
	seen := map[string]bool{}
	for _, e := range feed.Entries {
		if len(e.Fingerprint) != 32 || seen[e.Fingerprint] {
			t.Errorf("fingerprint %q: bad or repeated", e.Fingerprint)
		}
		seen[e.Fingerprint] = true
	}

	// The same feed in UTF-8 with a header charset gives the same entries.
	text, _, _, _ := DecodeBytes(body, "")
	utf := strings.Replace(text, "ISO-8859-1", "UTF-8", 1)
	again, err := ParseFeed(base, []byte(utf), "application/rss+xml; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(feed, again); diff != "" {
		t.Errorf("UTF-8 copy differs (-latin1 +utf8):\n%s", diff)
	}
}

func TestParseFeedFingerprint(t *testing.T) {
	base := mustBase(t, "https://h.fi")
	doc := func(title, pub string) []byte {
		return []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>` + title +
			`</title><link>https://h.fi/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2024001-1</link>` + pub + `</item></channel></rss>`)
	}
	fp := func(b []byte) string {
		f, err := ParseFeed(base, b, "")
		if err != nil || len(f.Entries) != 1 {
			t.Fatalf("ParseFeed: %v, %+v", err, f)
		}
		return f.Entries[0].Fingerprint
	}
	a := fp(doc("KH 01.01.2024 / Asia", ""))
	if b := fp(doc("KH 01.01.2024 /   Asia ", "")); b != a {
		t.Errorf("whitespace changed the fingerprint")
	}
	if b := fp(doc("KH 01.01.2024 / Asia, korjattu", "")); b == a {
		t.Errorf("a new title kept the fingerprint")
	}
	if b := fp(doc("KH 01.01.2024 / Asia", "<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>")); b == a {
		t.Errorf("a new pubDate kept the fingerprint")
	}
}

func TestParseFeedErrors(t *testing.T) {
	base := mustBase(t, "https://h.fi")
	tests := []struct {
		name    string
		body    string
		notFeed bool
		entries int
	}{
		{"html login page", `<!DOCTYPE html><html><head><title>Kirjaudu</title></head><body><form>…</form></body></html>`, true, 0},
		{"html without doctype", `<html><body>Palvelu ei ole käytettävissä</body></html>`, true, 0},
		{"html after comment", "<!-- error -->\n<HTML><BODY>virhe</BODY></HTML>", true, 0},
		{"malformed xml", `<?xml version="1.0"?><rss version="2.0"><channel><item><title>a</title><link>x`, true, 0},
		{"not xml", `Service Unavailable`, true, 0},
		{"empty body", ``, true, 0},
		{"empty channel", `<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Kokousasiat</title></channel></rss>`, false, 0},
		{"meetings feed", `<rss version="2.0"><channel><item><title>Kunnanhallitus 09.10.2023</title><link>https://h.fi:443/cgi/DREQUEST.PHP?page=meeting&amp;id=2023277</link></item></channel></rss>`, false, 1},
		{"link in guid only", `<rss version="2.0"><channel><item><title>a</title><guid>https://h.fi/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2023277-1</guid></item></channel></rss>`, false, 1},
	}
	for _, tt := range tests {
		f, err := ParseFeed(base, []byte(tt.body), "")
		if tt.notFeed {
			if !errors.Is(err, ErrNotFeed) {
				t.Errorf("%s: err = %v, want ErrNotFeed", tt.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(f.Entries) != tt.entries {
			t.Errorf("%s: %d entries, want %d: %+v", tt.name, len(f.Entries), tt.entries, f)
		}
	}
}

func FuzzParseFeed(f *testing.F) {
	f.Add(readFixture(f, "items_latin1.rss"), "")
	f.Add([]byte(`<rss><channel><item><title>a / b</title><link>?page=meetingitem&amp;id=2024001-1</link></item></channel></rss>`), "text/xml; charset=utf-8")
	f.Add([]byte(`<html>`), "text/html")
	base := mustBase(f, "https://h.fi/prefix")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		feed, err := ParseFeed(base, body, contentType)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, e := range feed.Entries {
			if seen[e.Link.URL] {
				t.Errorf("duplicate %s", e.Link.URL)
			}
			seen[e.Link.URL] = true
		}
	})
}

func BenchmarkParseFeed(b *testing.B) {
	base := mustBase(b, "https://dynasty.virolahti.fi")
	one := `<item><title><![CDATA[Virolahden kunnanhallitus 09.10.2023 / Yhteistyösopimus &ndash; hyväksyminen]]></title><link>https://dynasty.virolahti.fi:443/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2023277-%d</link><pubDate>Tue, 10 Oct 2023 08:15:00 +0300</pubDate></item>`
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title>`)
	for i := range 100 {
		sb.WriteString(strings.Replace(one, "%d", strconv.Itoa(i), 1))
	}
	sb.WriteString(`</channel></rss>`)
	body := []byte(sb.String())
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if f, err := ParseFeed(base, body, ""); err != nil || len(f.Entries) != 100 {
			b.Fatal(err, len(f.Entries))
		}
	}
}

// A feed nested absurdly deep is refused before the feed parser builds
// its tree, in memory of the order of the body.
func TestParseFeedRefusesDeepNesting(t *testing.T) {
	base, _ := ParseBaseURL("https://x.test")
	deep := `<?xml version="1.0"?><rss version="2.0"><channel>` + strings.Repeat("<a>", 200000) + strings.Repeat("</a>", 200000) + `</channel></rss>`
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := ParseFeed(base, []byte(deep), "application/rss+xml")
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrNotFeed) || !strings.Contains(err.Error(), "nested") {
		t.Errorf("deep feed: %v, want ErrNotFeed saying it is nested too deep", err)
	}
	t.Logf("%d bytes of feed, %d bytes allocated", len(deep), after.TotalAlloc-before.TotalAlloc)
	// A real feed four levels deep still reads.
	ok := `<?xml version="1.0"?><rss version="2.0"><channel><item><title>KH 01.02.2024 / Asia</title><link>https://x.test/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2024001-1</link></item></channel></rss>`
	if f, err := ParseFeed(base, []byte(ok), ""); err != nil || len(f.Entries) != 1 {
		t.Errorf("ordinary feed: %v, %d entries", err, len(f.Entries))
	}
}
