package scrape

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/scrape")

const fixtures = "../testdata/scrape"

// testOptions stands in for parse.IsChrome, which scrape cannot import: a
// few of the navigation texts, enough to see that chrome is left out.
var testOptions = ExtractOptions{IsChrome: func(s string) bool {
	switch strings.ToLower(s) {
	case "navigointi", "edellinen asia", "seuraava asia", "muutoksenhakuohje", "kokousasia pdf-muodossa":
		return true
	}
	return false
}}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtractPageGolden(t *testing.T) {
	tests := []struct {
		file        string
		contentType string
		itemID      string
		docTitle    string
		emphasis    []string
		head        bool // the page has a data marker, so a Head
	}{
		{"cloud_item.html", "text/html; charset=UTF-8", "2023277-5", "Dynasty tietopalvelu", nil, true},
		{"mso_item.html", "text/html", "2023301-12", "Kaupunginhallitus", nil, false},
		{"table_item.html", "", "2025040-6", "Dynasty tietopalvelu", nil, true},
		{"frames.html", "text/html; charset=iso-8859-1", "", "Dynasty tietopalvelu", nil, false},
		{"../real/espoo/2017406946-3.HTM", "", "2017406946-3", "Espoon kaupunki",
			[]string{"Espoon kaupungin hallintosäännön hyväksyminen (Kv-asia) (Pöydälle 10.4.2017)"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, err := ExtractPage(readFixture(t, tt.file), tt.contentType, testOptions)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(fixtures, strings.TrimSuffix(filepath.Base(tt.file), filepath.Ext(tt.file))+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(p.FullText()+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(strings.TrimSuffix(string(want), "\n"), p.FullText()); diff != "" {
				t.Errorf("FullText (-golden +got):\n%s", diff)
			}
			if p.ItemID != tt.itemID {
				t.Errorf("ItemID = %q, want %q", p.ItemID, tt.itemID)
			}
			if p.DocumentTitle != tt.docTitle {
				t.Errorf("DocumentTitle = %q, want %q", p.DocumentTitle, tt.docTitle)
			}
			if tt.emphasis != nil {
				if n := len(tt.emphasis); len(p.Emphasis) < n || !cmp.Equal(p.Emphasis[:n], tt.emphasis) {
					t.Errorf("Emphasis starts %q, want %q", p.Emphasis, tt.emphasis)
				}
			}
			if (p.Head != "") != tt.head {
				t.Errorf("Head = %q, want one: %v", p.Head, tt.head)
			}
			bad := []string{"Navigointi", "MsoNormal", "font-family", "\u00a0", "\r", string(splitMark)}
			if !strings.HasPrefix(tt.file, "../real/") {
				// What the reconstructed pages hide, and their footers.
				bad = append(bad, "piilotettu", "Tämä teksti", "Samoin tämä", "Innofactor", "Sivun alkuun", "päivitetty",
					"window.open", "ei tekstiä", "Hae")
			}
			for _, bad := range bad {
				if strings.Contains(p.FullText(), bad) {
					t.Errorf("text contains %q", bad)
				}
			}
			if strings.Contains(p.FullText(), "\n\n\n") {
				t.Errorf("text has more than one blank line in a row")
			}
		})
	}
}

func TestExtractPageShapes(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"br and paragraphs", "<p>a<br>b</p><p>c</p>", "a\nb\n\nc"},
		{"whitespace collapses, nbsp kept", "<p>  a \n\t b&nbsp;&nbsp;&nbsp;c  </p>", "a b   c"},
		{"empty nbsp paragraphs fold", "<p>a</p><p>&nbsp;</p><p>&nbsp;</p><p>b</p>", "a\n\nb"},
		{"divs are lines", "<div>a</div><div>b</div>", "a\nb"},
		{"inline stays inline", "<p>a<span>b</span> <i>c</i></p>", "ab c"},
		{"ul bullets", "<ul><li>x</li><li>y</li></ul>", "- x\n- y"},
		{"ol numbers", "<ol><li>x</li><li>y</li></ol>", "1. x\n2. y"},
		{"table rows", "<table><tr><td>a</td><td> b </td><td></td><td>c</td></tr><tr><td>d</td></tr></table>", "a  b  c\nd"},
		{"multi-line cell", "<table><tr><td>Päätös</td><td><p>x</p><p>y</p></td></tr></table>", "Päätös  x\n\ny"},
		{"pipe leftovers go", "<p><a href=x></a> | <a href=y></a></p><p>z</p>", "z"},
		{"soft hyphen dropped", "<p>kunnan\u00adhallitus</p>", "kunnanhallitus"},
		{"decomposed to NFC", "<p>Pa\u0308a\u0308to\u0308s</p>", "Päätös"},
		{"data inside form kept", "<form><!--DATABEGIN--><p>a</p><!--DATAEND--></form><p>footer</p>", "a"},
		{"aria-hidden", `<div aria-hidden="true">x</div><p>y</p>`, "y"},
		{"markers nested, footer dropped", "<div><p>h</p><div><!--DATABEGIN--><p>a</p><!--DATAEND--><p>f1</p></div><p>f2</p></div>", "a"},
		{"two data parts", "<!--DATABEGIN--><p>a</p><!--DATAEND--><p>b</p><!--DATABEGIN--><p>c</p><!--DATAEND--><p>f</p>", "a\n\nb\n\nc"},
		{"attachments after footer kept", "<!--DATABEGIN--><p>a</p><!--DATAEND--><p>f</p><table><caption>Liitteet</caption><tr><td><a href=x>L1</a></td></tr></table>", "a\n\nLiitteet\nL1"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		p, err := ExtractPage([]byte(tt.html), "text/html; charset=utf-8", ExtractOptions{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if p.Text != tt.want {
			t.Errorf("%s: Text = %q, want %q", tt.name, p.Text, tt.want)
		}
	}
}

func TestExtractPageItemID(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"pdf link", `<a href="/kokous/2023277-5.PDF">Kokousasia PDF-muodossa</a>`, "2023277-5"},
		{"pdf link, position with a leading zero", `<a href="/kokous/2023277-05.PDF">pdf</a>`, "2023277-5"},
		{"pdf lower case, absolute", `<a href="https://h.fi:443/x/kokous/2023277-5.pdf?x=1">pdf</a>`, "2023277-5"},
		{"attachment pdf is not the item", `<a href="/kokous/2023277-5-1.PDF">liite</a>`, ""},
		{"neighbours are not the item", `<a href="DREQUEST.PHP?page=meetingitem&id=2023277-4">Edellinen asia</a>`, ""},
		{"canonical", `<link rel="canonical" href="https://h.fi/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2023277-5">`, "2023277-5"},
		{"aria-current", `<a aria-current="page" href="?id=2023277-5&page=meetingitem">§ 3</a>`, "2023277-5"},
		{"pdf beats current", `<a class="current" href="?page=meetingitem&id=2023277-9">x</a><a href="kokous/2023277-5.PDF">p</a>`, "2023277-5"},
	}
	for _, tt := range tests {
		p, err := ExtractPage([]byte(tt.html), "", ExtractOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if p.ItemID != tt.want {
			t.Errorf("%s: ItemID = %q, want %q", tt.name, p.ItemID, tt.want)
		}
	}
}

func TestExtractPageParts(t *testing.T) {
	tests := []struct {
		name, html, head, text string
		emphasis               []string
	}{
		{"header outside the data part",
			`<div>Dynasty tietopalvelu</div><div>Org RSS Haku</div><!--DATABEGIN--><p>Asia</p><!--DATAEND--><p>footer</p>`,
			"Dynasty tietopalvelu\nOrg RSS Haku", "Asia", nil},
		{"old marker inside a layout cell",
			`<center>A | B</center><table><tr><td><!--DATA_BEGIN--><p><strong>Otsikko</strong></p><p>x</p><!--DATA_END--></td></tr></table><center>A | B</center>`,
			"A | B", "Otsikko\n\nx", []string{"Otsikko"}},
		{"no marker: all is text", `<p><b>Otsikko</b></p><p>x <b>y</b></p>`, "", "Otsikko\n\nx y", []string{"Otsikko"}},
		{"bold outside the data part is not emphasis", `<p><b>Site</b></p><!--DATABEGIN--><p>x</p>`, "Site", "x", nil},
		{"label in bold starts a paragraph: not all bold", `<!--DATABEGIN--><p><b>Päätös</b> Hyväksyttiin.</p>`, "", "Päätös Hyväksyttiin.", nil},
		{"bold cell", `<!--DATABEGIN--><table><tr><td><b>Otsikko</b></td><td>x</td></tr></table>`, "", "Otsikko  x", []string{"Otsikko"}},
		{"style bold", `<!--DATABEGIN--><p><span style="font-weight: bold">Otsikko</span></p>`, "", "Otsikko", []string{"Otsikko"}},
		{"marker inside hidden element", `<p>h</p><div style="display:none"><!--DATABEGIN-->z</div><p>x</p>`, "h", "x", nil},
		{"our mark in the page is dropped", "<p>a\uE000b</p>", "", "ab", nil},
	}
	for _, tt := range tests {
		p, err := ExtractPage([]byte(tt.html), "text/html; charset=utf-8", ExtractOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Head != tt.head || p.Text != tt.text {
			t.Errorf("%s: Head, Text = %q, %q; want %q, %q", tt.name, p.Head, p.Text, tt.head, tt.text)
		}
		if !cmp.Equal(p.Emphasis, tt.emphasis, cmpopts.EquateEmpty()) {
			t.Errorf("%s: Emphasis = %q, want %q", tt.name, p.Emphasis, tt.emphasis)
		}
	}
}

func FuzzExtractPage(f *testing.F) {
	for _, name := range []string{"cloud_item.html", "mso_item.html", "table_item.html", "frames.html"} {
		f.Add(readFixture(f, name), "text/html")
	}
	f.Add([]byte("<table><tr><td><table><caption>Liitteet</caption><tr><td>x"), "text/html; charset=windows-1252")
	f.Add([]byte("<!--DATAEND--><form><!--DATABEGIN-->"), "")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		p, err := ExtractPage(body, contentType, testOptions)
		if err != nil {
			return
		}
		if strings.Contains(p.Text, "\n\n\n") {
			t.Errorf("three newlines in %q", p.Text)
		}
	})
}

func BenchmarkExtractPage(b *testing.B) {
	body := readFixture(b, "cloud_item.html")
	// A long page: the data part repeated, as a long item with many paragraphs.
	big := strings.Replace(string(body), "<!--DATAEND-->", strings.Repeat("<p>Hyvinvointialueilla ja kunnilla on yhteiset asukkaat&nbsp;sekä palveluihin liittyviä yhteistyötarpeita.</p>\n", 2000)+"<!--DATAEND-->", 1)
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExtractPage([]byte(big), "text/html; charset=utf-8", testOptions); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractPageMax extracts a page as large as the client accepts
// (20 MiB of paragraphs): its B/op is the extractor's memory for the
// largest page a site can send.
func BenchmarkExtractPageMax(b *testing.B) {
	body := readFixture(b, "cloud_item.html")
	para := "<p>Hyvinvointialueilla ja kunnilla on yhteiset asukkaat&nbsp;sekä palveluihin liittyviä <b>yhteistyötarpeita</b>.</p>\n"
	big := strings.Replace(string(body), "<!--DATAEND-->", strings.Repeat(para, (20<<20)/len(para))+"<!--DATAEND-->", 1)
	b.SetBytes(int64(len(big)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ExtractPage([]byte(big), "text/html; charset=utf-8", testOptions); err != nil {
			b.Fatal(err)
		}
	}
}

// A page nested deeper than html.Parse goes is read as plain text, not
// refused: its lines, its data marker, no scripts.
func TestExtractPageTooDeep(t *testing.T) {
	page := "<html><head><title>x</title></head><body>Dynasty tietopalvelu<br><!--DATABEGIN-->" +
		strings.Repeat("<div>", 600) + "Kunnanhallitus<br>Pöytäkirja 09.10.2023/Pykälä 183<p>Sopimus</p><script>alert(1)</script>Päätös Ehdotus hyväksyttiin." +
		strings.Repeat("</div>", 600) + "</body></html>"
	p, err := ExtractPage([]byte(page), "text/html; charset=utf-8", ExtractOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Flat || p.Head != "Dynasty tietopalvelu" || p.Text != "Kunnanhallitus\nPöytäkirja 09.10.2023/Pykälä 183\n\nSopimus\n\nPäätös Ehdotus hyväksyttiin." {
		t.Errorf("flat %v, head %q, text %q", p.Flat, p.Head, p.Text)
	}
}

func TestContainsFoldASCII(t *testing.T) {
	for _, tc := range []struct {
		s, sub string
		want   bool
	}{
		{"https://x.fi/KOKOUS/2024123-4.PDF", "kokous/", true},
		{"https://x.fi/kokous/2024123-4.pdf", "kokous/", true},
		{"https://x.fi/kokou", "kokous/", false},
		{"", "kokous/", false},
		{"Kokous/", "kokous/", true},
	} {
		if got := containsFoldASCII(tc.s, tc.sub); got != tc.want {
			t.Errorf("containsFoldASCII(%q, %q) = %v", tc.s, tc.sub, got)
		}
	}
}
