package scrape

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/scrape")

const fixtures = "../testdata/scrape"

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
		title       string
		attachments []string
	}{
		{"cloud_item.html", "text/html; charset=UTF-8", "2023277-5",
			"Kymenlaakson hyvinvointialueen ja Kymenlaakson kuntien strateginen yhteistyösopimus",
			[]string{"Strateginen yhteistyösopimus", "Kuntafoorumin työjärjestys 2023–2025"}},
		{"mso_item.html", "text/html", "2023301-12",
			"Hyvinvointialueen ja kuntien yhteistyö - osallistuminen Kuntaliiton ja Hyvilin aluepilotointiin 2023 – 2025", nil},
		{"table_item.html", "", "2025040-6", "",
			[]string{"Liite 1 Asemakaavan muutos, kartta", "Liite 2 Vastineet lausuntoihin"}},
		{"frames.html", "text/html; charset=iso-8859-1", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, err := ExtractPage(readFixture(t, tt.file), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(fixtures, strings.TrimSuffix(tt.file, ".html")+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(p.Text+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(strings.TrimSuffix(string(want), "\n"), p.Text); diff != "" {
				t.Errorf("Text (-golden +got):\n%s", diff)
			}
			if p.ItemID != tt.itemID {
				t.Errorf("ItemID = %q, want %q", p.ItemID, tt.itemID)
			}
			if p.Title != tt.title {
				t.Errorf("Title = %q, want %q", p.Title, tt.title)
			}
			if diff := cmp.Diff(tt.attachments, p.Attachments); diff != "" {
				t.Errorf("Attachments (-want +got):\n%s", diff)
			}
			for _, bad := range []string{"Edellinen asia", "Seuraava asia", "Muutoksenhakuohje", "PDF-muodossa",
				"Navigointi", "piilotettu", "Tämä teksti", "Samoin tämä", "Innofactor", "Sivun alkuun", "päivitetty",
				"window.open", "ei tekstiä", "MsoNormal", "Hae", "\u00a0", "\r"} {
				if strings.Contains(p.Text, bad) {
					t.Errorf("Text contains %q", bad)
				}
			}
			if strings.Contains(p.Text, "\n\n\n") {
				t.Errorf("Text has more than one blank line in a row")
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
		{"pipe leftovers go", "<p><a href=x>Edellinen asia</a> | <a href=y>Seuraava asia</a></p><p>z</p>", "z"},
		{"soft hyphen dropped", "<p>kunnan\u00adhallitus</p>", "kunnanhallitus"},
		{"decomposed to NFC", "<p>Pa\u0308a\u0308to\u0308s</p>", "Päätös"},
		{"data inside form kept", "<form><!--DATABEGIN--><p>a</p><!--DATAEND--></form><p>footer</p>", "a"},
		{"aria-hidden", `<div aria-hidden="true">x</div><p>y</p>`, "y"},
		{"markers nested, footer dropped", "<div><p>h</p><div><!--DATABEGIN--><p>a</p><!--DATAEND--><p>f1</p></div><p>f2</p></div>", "h\n\na"},
		{"two data parts", "<!--DATABEGIN--><p>a</p><!--DATAEND--><p>b</p><!--DATABEGIN--><p>c</p><!--DATAEND--><p>f</p>", "a\n\nb\n\nc"},
		{"attachments after footer kept", "<!--DATABEGIN--><p>a</p><!--DATAEND--><p>f</p><table><caption>Liitteet</caption><tr><td><a href=x>L1</a></td></tr></table>", "a\n\nLiitteet\nL1"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		p, err := ExtractPage([]byte(tt.html), "text/html; charset=utf-8")
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
		{"pdf lower case, absolute", `<a href="https://h.fi:443/x/kokous/2023277-5.pdf?x=1">pdf</a>`, "2023277-5"},
		{"attachment pdf is not the item", `<a href="/kokous/2023277-5-1.PDF">liite</a>`, ""},
		{"neighbours are not the item", `<a href="DREQUEST.PHP?page=meetingitem&id=2023277-4">Edellinen asia</a>`, ""},
		{"canonical", `<link rel="canonical" href="https://h.fi/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2023277-5">`, "2023277-5"},
		{"aria-current", `<a aria-current="page" href="?id=2023277-5&page=meetingitem">§ 3</a>`, "2023277-5"},
		{"pdf beats current", `<a class="current" href="?page=meetingitem&id=2023277-9">x</a><a href="kokous/2023277-5.PDF">p</a>`, "2023277-5"},
	}
	for _, tt := range tests {
		p, err := ExtractPage([]byte(tt.html), "")
		if err != nil {
			t.Fatal(err)
		}
		if p.ItemID != tt.want {
			t.Errorf("%s: ItemID = %q, want %q", tt.name, p.ItemID, tt.want)
		}
	}
}

func TestTitleFromText(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Org\nKunnanhallitus\nPöytäkirja 09.10.2023/Pykälä 183\n\nOtsikko tässä\n\nKhVi 09.10.2023 § 183", "Otsikko tässä"},
		{"Esityslista 04.03.2025/Asianro 68\n\nLiitteet\nL1\nL2\n\nAsian otsikko", "Asian otsikko"},
		{"Pöytäkirja 09.10.2023/Pykälä 183\n\nKhVi 09.10.2023 § 183\nOtsikko", ""},
		{"Pöytäkirja 09.10.2023/Pykälä 183\n70/00.06.01/2023", ""},
		{"Pöytäkirja 09.10.2023/Pykälä 183\nValmistelija kunnanjohtaja", ""},
		{"Ei asiakirjariviä\nOtsikko", ""},
		{"Pöytäkirja 09.10.2023/Pykälä 183", ""},
	}
	for _, tt := range tests {
		if got := titleFromText(tt.text); got != tt.want {
			t.Errorf("titleFromText(%q) = %q, want %q", tt.text, got, tt.want)
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
		p, err := ExtractPage(body, contentType)
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
		if _, err := ExtractPage([]byte(big), "text/html; charset=utf-8"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestExtractPageTitle(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"class after doc line", `<div class="site-title">Virolahden kunta</div><p>Pöytäkirja 09.10.2023/Pykälä 183</p><p>KhVi 09.10.2023 § 183</p><p class="otsikko">Asia</p>`, "Asia"},
		{"site title is not the item's", `<div class="title">Virolahden kunta</div><p>Muuta</p>`, ""},
		{"class in data part", `<div class="title">Sivusto</div><!--DATABEGIN--><h3 id="asiaotsikko">Asia</h3><!--DATAEND-->`, "Asia"},
		{"from text", "<p>Esityslista 04.03.2025/Asianro 68</p><p>Asia</p><p>Valmistelija x</p>", "Asia"},
		{"handling header first", "<p>Pöytäkirja 09.10.2023/Pykälä 183</p><p>KhVi 09.10.2023 § 183</p><p>Asia</p>", ""},
	}
	for _, tt := range tests {
		p, err := ExtractPage([]byte(tt.html), "text/html; charset=utf-8")
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != tt.want {
			t.Errorf("%s: Title = %q, want %q", tt.name, p.Title, tt.want)
		}
	}
}
