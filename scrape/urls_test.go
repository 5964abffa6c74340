package scrape

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mustBase(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := ParseBaseURL(raw)
	if err != nil {
		t.Fatalf("ParseBaseURL(%q): %v", raw, err)
	}
	return u
}

func TestParseBaseURL(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{in: "https://dynasty.virolahti.fi", want: "https://dynasty.virolahti.fi"},
		{in: "https://x.fi/./", want: "https://x.fi"},
		{in: "https://x.fi/a/./b/../D10_X/", want: "https://x.fi/a/D10_X"},
		{in: "https://x.fi/..", want: "https://x.fi"},
		{in: "  https://dynasty.virolahti.fi/  ", want: "https://dynasty.virolahti.fi"},
		{in: "HTTPS://Dynasty.Virolahti.FI", want: "https://dynasty.virolahti.fi"},
		{in: "https://dynasty.virolahti.fi:443", want: "https://dynasty.virolahti.fi"},
		{in: "http://dynasty.virolahti.fi:80/", want: "http://dynasty.virolahti.fi"},
		{in: "http://dynasty.virolahti.fi:443", want: "http://dynasty.virolahti.fi:443"},
		{in: "https://localhost:8443/x", want: "https://localhost:8443/x"},
		{in: "https://poytakirjat.haapajarvi.fi/D10_Haapajarvi/", want: "https://poytakirjat.haapajarvi.fi/D10_Haapajarvi"},
		{in: "https://host.fi/a/b//", want: "https://host.fi/a/b"},
		{in: "https://dynasty.virolahti.fi:443/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5", want: "https://dynasty.virolahti.fi"},
		{in: "https://dynasty.lohja.fi/d10julkaisu/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30#top", want: "https://dynasty.lohja.fi/d10julkaisu"},
		{in: "https://dynasty.lohja.fi/d10julkaisu/CGI/drequest.php", want: "https://dynasty.lohja.fi/d10julkaisu"},
		{in: "https://dynasty.lohja.fi/d10julkaisu/cgi", want: "https://dynasty.lohja.fi/d10julkaisu"},
		{in: "", wantErr: "empty"},
		{in: "dynasty.virolahti.fi", wantErr: "must start with http:// or https://"},
		{in: "ftp://dynasty.virolahti.fi", wantErr: "must start with http:// or https://"},
		{in: "https://", wantErr: "has no host"},
		{in: "https:///path", wantErr: "has no host"},
		{in: "https://user:pw@host.fi", wantErr: "user name or password"},
		{in: "https://host.fi/?x=1", wantErr: "query"},
		{in: "https://host.fi/#frag", wantErr: "fragment"},
		{in: "https://host.fi:0", wantErr: "bad host"},
		{in: "https://host.fi:99999", wantErr: "bad host"},
		{in: "https://host.fi//x", wantErr: "empty segment"},
	}
	for _, tt := range tests {
		u, err := ParseBaseURL(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseBaseURL(%q) = %v, %v; want error containing %q", tt.in, u, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseBaseURL(%q): %v", tt.in, err)
			continue
		}
		if got := u.String(); got != tt.want {
			t.Errorf("ParseBaseURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPageAndFeedURL(t *testing.T) {
	b := mustBase(t, "https://dynasty.lohja.fi/d10julkaisu/")
	tests := []struct{ got, want string }{
		{PageURL(b, "meetingitem", "2023277-5"), "https://dynasty.lohja.fi/d10julkaisu/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5"},
		{PageURL(b, "meeting_frames", ""), "https://dynasty.lohja.fi/d10julkaisu/cgi/DREQUEST.PHP?page=meeting_frames"},
		{PageURL(b, "meetings", "a b&c"), "https://dynasty.lohja.fi/d10julkaisu/cgi/DREQUEST.PHP?page=meetings&id=a+b%26c"},
		{FeedURL(b, FeedItems, 30), "https://dynasty.lohja.fi/d10julkaisu/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30"},
		{FeedURL(b, FeedMeetings, 0), "https://dynasty.lohja.fi/d10julkaisu/cgi/DREQUEST.PHP?page=rss/meetings"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestClassifyURL(t *testing.T) {
	root := mustBase(t, "https://dynasty.virolahti.fi")
	pre := mustBase(t, "https://dynasty.lohja.fi/d10julkaisu")
	plain := mustBase(t, "http://old.example.fi:8080/dynasty")
	const item = "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5"
	tests := []struct {
		name string
		base *url.URL
		raw  string
		want Link
		ok   bool
	}{
		{"item", root, item, Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"param order", root, "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?id=2023277-5&page=meetingitem", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"port 443", root, "https://dynasty.virolahti.fi:443/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"http :80 on https base", root, "http://dynasty.virolahti.fi:80/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"host case, page case", root, "https://DYNASTY.virolahti.fi/cgi/drequest.php?PAGE=MeetingItem&ID=2023277-5", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"html amp left over", root, "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2023277-5", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"relative script", root, "DREQUEST.PHP?page=meetingitem&id=2023277-5", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"relative query", root, "?page=meetingitem&id=2023277-5", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"root relative", root, "/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"leading zero in the position", root, "/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-05", Link{Kind: LinkItem, ID: "2023277-5", URL: item}, true},
		{"id too long", root, "/cgi/DREQUEST.PHP?page=meetingitem&id=20232772023277202327720232772023277-5",
			Link{Kind: LinkOther, ID: "20232772023277202327720232772023277-5", URL: "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&id=20232772023277202327720232772023277-5"}, true},
		{"meeting", root, "DREQUEST.PHP?page=meeting&id=2023277", Link{Kind: LinkMeeting, ID: "2023277", URL: "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meeting&id=2023277"}, true},
		{"meetings of body", root, "DREQUEST.PHP?page=meetings&id=KH_1", Link{Kind: LinkMeetings, ID: "KH_1", URL: "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetings&id=KH_1"}, true},
		{"bodies", root, "DREQUEST.PHP?page=meeting_frames", Link{Kind: LinkBodies, URL: "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meeting_frames"}, true},
		{"handlers", root, "DREQUEST.PHP?page=meeting_handlers&id=3", Link{Kind: LinkBodies, ID: "3", URL: "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meeting_handlers&id=3"}, true},
		{"bad item id", root, "DREQUEST.PHP?page=meetingitem&id=23-5", Link{Kind: LinkOther, ID: "23-5", URL: "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&id=23-5"}, true},
		{"feed is other", root, "https://dynasty.virolahti.fi:443/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30", Link{Kind: LinkOther, URL: "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30"}, true},
		{"prefix", pre, "DREQUEST.PHP?page=meetingitem&id=2024101-12", Link{Kind: LinkItem, ID: "2024101-12", URL: "https://dynasty.lohja.fi/d10julkaisu/cgi/DREQUEST.PHP?page=meetingitem&id=2024101-12"}, true},
		{"prefix case", pre, "https://dynasty.lohja.fi/D10JULKAISU/cgi/DREQUEST.PHP?page=meeting&id=2024101", Link{Kind: LinkMeeting, ID: "2024101", URL: "https://dynasty.lohja.fi/d10julkaisu/cgi/DREQUEST.PHP?page=meeting&id=2024101"}, true},
		{"non-default port kept", plain, "http://old.example.fi:8080/dynasty/cgi/DREQUEST.PHP?page=meeting&id=202041", Link{Kind: LinkMeeting, ID: "202041", URL: "http://old.example.fi:8080/dynasty/cgi/DREQUEST.PHP?page=meeting&id=202041"}, true},
		{"outside prefix", pre, "https://dynasty.lohja.fi/cgi/DREQUEST.PHP?page=meetingitem&id=2024101-12", Link{}, false},
		{"other port", plain, "http://old.example.fi/dynasty/cgi/DREQUEST.PHP?page=meeting&id=202041", Link{}, false},
		{"other host", root, "https://paatoksetd10.kemijarvi.fi/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5", Link{}, false},
		{"subdomain is other host", root, "https://x.dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5", Link{}, false},
		{"https port on http", root, "https://dynasty.virolahti.fi:8443/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5", Link{}, false},
		{"javascript", root, "javascript:void(0)", Link{}, false},
		{"file", root, "file:///cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5", Link{}, false},
		{"mailto", root, "mailto:kirjaamo@virolahti.fi", Link{}, false},
		{"pdf", root, "../kokous/2023277-5.PDF", Link{}, false},
		{"empty", root, "  ", Link{}, false},
		{"other script", root, "/cgi/OTHER.PHP?page=meetingitem&id=2023277-5", Link{}, false},
		{"userinfo", root, "https://a@dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meeting&id=2023277", Link{}, false},
	}
	for _, tt := range tests {
		got, ok := ClassifyURL(tt.base, tt.raw)
		if ok != tt.ok || got != tt.want {
			t.Errorf("%s: ClassifyURL(%q) = %+v, %v; want %+v, %v", tt.name, tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSplitItemID(t *testing.T) {
	tests := []struct {
		id      string
		meeting string
		pos     int
		ok      bool
	}{
		{"2023277-5", "2023277", 5, true},
		{"202041-12", "202041", 12, true},
		{"2023277", "", 0, false},
		{"123-5", "", 0, false},
		{"2023277-x", "", 0, false},
		{"2023277-5-1", "", 0, false},
		{"", "", 0, false},
	}
	for _, tt := range tests {
		m, p, ok := SplitItemID(tt.id)
		if m != tt.meeting || p != tt.pos || ok != tt.ok {
			t.Errorf("SplitItemID(%q) = %q, %d, %v; want %q, %d, %v", tt.id, m, p, ok, tt.meeting, tt.pos, tt.ok)
		}
	}
}

func TestExtractLinks(t *testing.T) {
	b := mustBase(t, "https://dynasty.virolahti.fi")
	page := `<html><head><script>var u = "DREQUEST.PHP?page=meeting&id=2023999";</script></head>
<frameset><frame src="DREQUEST.PHP?page=meeting_handlers"><frame src="https://other.fi/cgi/DREQUEST.PHP?page=meeting&id=2023277"></frameset>
<body>
<table><tr><td><a href="DREQUEST.PHP?page=meetingitem&amp;id=2023277-1">§ 180
  Talousarvio&nbsp;2024</a></td></tr>
<tr><td><a href="https://dynasty.virolahti.fi:443/cgi/DREQUEST.PHP?id=2023277-1&page=meetingitem">again</a></td></tr>
<tr><td><a href="#" onclick="window.open('DREQUEST.PHP?page=meetingitem&id=2023277-2')">Kaava</a></td></tr>
<tr><td><a href="javascript:go('/cgi/DREQUEST.PHP?page=meetings&id=KH')">Kunnanhallitus</a></td></tr>
<tr><td><a href="mailto:x@y.fi">mail</a> <a href="../kokous/2023277-1.PDF">pdf</a></td></tr>
</table><iframe src="?page=meeting&id=2023277"></iframe>
<div><a href="DREQUEST.PHP?page=meeting&id=2023277">Kokous 9.10.2023</a></div>
</body></html>`
	got := ExtractLinks(b, page)
	p := "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page="
	want := []Link{
		{Kind: LinkMeeting, ID: "2023999", URL: p + "meeting&id=2023999"},
		{Kind: LinkBodies, URL: p + "meeting_handlers"},
		{Kind: LinkItem, ID: "2023277-1", URL: p + "meetingitem&id=2023277-1", Text: "§ 180 Talousarvio 2024"},
		{Kind: LinkItem, ID: "2023277-2", URL: p + "meetingitem&id=2023277-2", Text: "Kaava"},
		{Kind: LinkMeetings, ID: "KH", URL: p + "meetings&id=KH", Text: "Kunnanhallitus"},
		{Kind: LinkMeeting, ID: "2023277", URL: p + "meeting&id=2023277", Text: "Kokous 9.10.2023"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ExtractLinks (-want +got):\n%s", diff)
	}
}
