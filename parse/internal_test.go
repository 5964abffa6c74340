package parse

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"9.10.2023", "2023-10-09", true},
		{"09.10.2023", "2023-10-09", true},
		{" 1.1.2024 ", "2024-01-01", true},
		{"29.2.2024", "2024-02-29", true},
		{"29.2.2023", "", false},
		{"31.4.2024", "", false},
		{"0.1.2024", "", false},
		{"12.13.2024", "", false},
		{"2023-10-09", "", false},
		{"9.10.23", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseSection(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"§ 183", 183}, {"183", 183}, {"§183", 183}, {" § 7 ", 7}, {"§ 0", 0}, {"§", 0}, {"abc", 0}, {"§ -3", 0}, {"999999", 0},
	}
	for _, tt := range tests {
		if got := parseSection(tt.in); got != tt.want {
			t.Errorf("parseSection(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestHeaderLines(t *testing.T) {
	tests := []struct {
		line          string
		body, date    string
		section       int
		handling, doc bool
	}{
		{line: "KhVi 09.10.2023 § 183", body: "KhVi", date: "2023-10-09", section: 183, handling: true},
		{line: "KH 04.12.2023 § 413", body: "KH", date: "2023-12-04", section: 413, handling: true},
		{line: "KPHVAANK 21.04.2023 § 15", body: "KPHVAANK", date: "2023-04-21", section: 15, handling: true},
		{line: "Kaupunginhallitus 21.08.2023 § 230", body: "Kaupunginhallitus", date: "2023-08-21", section: 230, handling: true},
		{line: "Sosiaali- ja terveyslautakunta 5.12.2022 §140", body: "Sosiaali- ja terveyslautakunta", date: "2022-12-05", section: 140, handling: true},
		{line: "Tekninen lautakunta 12.03.2024", body: "Tekninen lautakunta", date: "2024-03-12", handling: true},
		{line: "KH 04.12.2023 § 413 691/00.04.00/2023", body: "KH", date: "2023-12-04", section: 413, handling: true},
		{line: "Seminaari pidetään 6.9.2023"},
		{line: "Ympla 14.05.2024"}, // abbreviation without §: only with "§ N" on the next line
		{line: "Pöytäkirja 09.10.2023/Pykälä 183", date: "2023-10-09", section: 183, doc: true},
		{line: "Protokoll 11.03.2024/Paragraf 34", date: "2024-03-11", section: 34, doc: true},
		{line: "Esityslista 04.03.2025/Asianro 68", date: "2025-03-04", doc: true},
	}
	for _, tt := range tests {
		p := &pageParser{}
		isDoc := p.docLine(tt.line)
		if isDoc != tt.doc {
			t.Errorf("docLine(%q) = %v, want %v", tt.line, isDoc, tt.doc)
		}
		if isDoc {
			if p.docDate != tt.date || p.docSection != tt.section {
				t.Errorf("docLine(%q): date %q section %d, want %q %d", tt.line, p.docDate, p.docSection, tt.date, tt.section)
			}
			continue
		}
		m := handlingRe.FindStringSubmatch(tt.line)
		isHandling := m != nil && p.headerFits(m)
		if isHandling != tt.handling {
			t.Errorf("handling header %q: %v, want %v", tt.line, isHandling, tt.handling)
			continue
		}
		if !isHandling {
			continue
		}
		p.handlingHeader(m[1], m[2], m[3], m[4], m[5], m[6], tt.line)
		h := p.cur
		sec := 0
		if h.Section != nil {
			sec = *h.Section
		}
		if h.Body != tt.body || h.Date != tt.date || sec != tt.section {
			t.Errorf("handling header %q = %q %q %d, want %q %q %d", tt.line, h.Body, h.Date, sec, tt.body, tt.date, tt.section)
		}
	}
}

func TestSplitTitleName(t *testing.T) {
	tests := []struct {
		in, place, title, name string
	}{
		{"kunnanjohtaja Otto Koskela", "", "kunnanjohtaja", "Otto Koskela"},
		{"Virolahden kunnanjohtaja Otto Koskela", "Virolahden", "Virolahden kunnanjohtaja", "Otto Koskela"},
		{"Vt. kaupunginjohtaja Marjo Säärelä", "", "Vt. kaupunginjohtaja", "Marjo Säärelä"},
		{"Vt. kaupunginjohtaja Säärelä Marjo Kemijärvi", "Kemijärven", "Vt. kaupunginjohtaja", "Säärelä Marjo"},
		{"Muutosjohtaja Eija Kellokoski-Kari", "", "Muutosjohtaja", "Eija Kellokoski-Kari"},
		{"Kaupunginjohtaja", "", "Kaupunginjohtaja", ""},
		{"Jäsen Matti Virtanen", "", "Jäsen", "Matti Virtanen"},
		{"Kunnanjohtaja Toni K. Korkalainen", "", "Kunnanjohtaja", "Toni K. Korkalainen"},
		{"tekninen johtaja Harri Lehtonen", "", "tekninen johtaja", "Harri Lehtonen"},
		{"stadsdirektör Carl af Forselles", "", "stadsdirektör", "Carl af Forselles"},
		{"Otto Koskela", "", "", "Otto Koskela"},
	}
	for _, tt := range tests {
		title, name := splitTitleName(tt.in, tt.place)
		if title != tt.title || name != tt.name {
			t.Errorf("splitTitleName(%q) = %q, %q; want %q, %q", tt.in, title, name, tt.title, tt.name)
		}
	}
}

func TestParsePersons(t *testing.T) {
	tests := []struct {
		in   string
		want []Person
	}{
		{"kunnanjohtaja Otto Koskela, puh. 040 199 2146", []Person{{Name: "Otto Koskela", Title: "kunnanjohtaja", Phone: "040 199 2146"}}},
		{"Muutosjohtaja Eija Kellokoski-Kari, kehittämissuunnittelija Henri Nevalainen", []Person{
			{Name: "Eija Kellokoski-Kari", Title: "Muutosjohtaja"}, {Name: "Henri Nevalainen", Title: "kehittämissuunnittelija"}}},
		{"rahoitusjohtaja Henrik Rainio, etunimi.sukunimi@porvoo.fi", []Person{{Name: "Henrik Rainio", Title: "rahoitusjohtaja"}}},
		{"hallintojohtaja Kari Nieminen, p. 050 312 4455, kari.nieminen@vihti.fi", []Person{
			{Name: "Kari Nieminen", Title: "hallintojohtaja", Phone: "050 312 4455", Email: "kari.nieminen@vihti.fi"}}},
		{"Tekninen ja ympäristöjohtaja Pekka Ojala ja talousjohtaja Liisa Lahti", []Person{
			{Name: "Pekka Ojala", Title: "Tekninen ja ympäristöjohtaja"}, {Name: "Liisa Lahti", Title: "talousjohtaja"}}},
		{"Otto Koskela puh. 040 199 2146", []Person{{Name: "Otto Koskela", Phone: "040 199 2146"}}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parsePersons(tt.in, "")); diff != "" {
			t.Errorf("parsePersons(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestMatchLabel(t *testing.T) {
	tests := []struct {
		line string
		kind section
		rest string
		ok   bool
	}{
		{"Päätös", secDecision, "", true},
		{"Päätös Ehdotus hyväksyttiin yksimielisesti.", secDecision, "Ehdotus hyväksyttiin yksimielisesti.", true},
		{"Päätös: hyväksyttiin.", secDecision, "hyväksyttiin.", true},
		{"Päätös tarkastetaan heti.", 0, "", false},
		{"Päätösehdotus Kunnanhallitus päättää", secProposal, "Kunnanhallitus päättää", true},
		{"Päätösesitys", secProposal, "", true},
		{"Ehdotus hyväksyttiin.", 0, "", false},
		{"Ehdotus", secProposal, "", true},
		{"Kaupunginjohtajan ehdotus:", secProposal, "", true},
		{"Föredragandens förslag: Stadsstyrelsen godkänner", secProposal, "Stadsstyrelsen godkänner", true},
		// An owner's label with its text after a space; a vote's option
		// written alike is no label.
		{"Kunnanhallituksen esitys Valtuusto:", secProposal, "Valtuusto:", true},
		{"Kunnanhallituksen ehdotus Kunnanhallitus hyväksyy sopimuksen.", secProposal, "Kunnanhallitus hyväksyy sopimuksen.", true},
		{"Kaupunginhallituksen ehdotus JAA", 0, "", false},
		{"Raevaaran ehdotus EI", 0, "", false},
		{"Sivistyslautakunnan päätös Ehdotus hyväksyttiin.", secDecision, "Ehdotus hyväksyttiin.", true},
		{"SIVL:n päätös: Ehdotus hyväksyttiin.", secDecision, "Ehdotus hyväksyttiin.", true},
		{"Kaupunginhallitus ehdottaa", secProposal, "", true},
		{"Kokouskäsittely", secNotes, "", true},
		{"Valmistelija kunnanjohtaja Otto Koskela", secPreparer, "kunnanjohtaja Otto Koskela", true},
		{"Valmistelijat", secPreparer, "", true},
		{"Valmistelu: hallintojohtaja Kari Nieminen", secPreparer, "hallintojohtaja Kari Nieminen", true},
		{"Valmistelu on tehty yhdessä kuntien kanssa.", 0, "", false},
		{"Valmistelu- ja lisätiedot", secPreparer, "", true},
		{"Valmistelijat ja lisätiedot (etunimi.sukunimi@kemi.fi):", secPreparer, "", true},
		{"Esittelijä poisti asian esityslistalta.", 0, "", false},
		{"Esittelijä kertoi asiasta Matti Virtaselle.", 0, "", false},
		{"Esittelijä kunnanjohtaja Otto Koskela.", secPresenter, "kunnanjohtaja Otto Koskela.", true},
		{"Valmistelija Otto Koskela.", secPreparer, "Otto Koskela.", true},
		{"Esittelijä Virolahden kunnanjohtaja Otto Koskela", secPresenter, "Virolahden kunnanjohtaja Otto Koskela", true},
		{"Selostus", secBackground, "", true},
		{"Käsittely Keskustelun kuluessa", secNotes, "Keskustelun kuluessa", true},
		{"Käsittely kokouksessa Johan Wirta teki vastaehdotuksen", secNotes, "Johan Wirta teki vastaehdotuksen", true},
		{"Käsittely kokouksessa", secNotes, "", true},
		{"Esittelijä / Föredragande Toimialajohtaja Pietinen Jukka", secPresenter, "Toimialajohtaja Pietinen Jukka", true},
		{"Ehdotus / Förslag Vapaa-ajanjaosto päättää antaa lausunnon.", secProposal, "Vapaa-ajanjaosto päättää antaa lausunnon.", true},
		{"Lisätietoja. sivistysjohtaja Ilkka Korhonen", secPreparer, "sivistysjohtaja Ilkka Korhonen", true},
		{"Valmistelija. Lautakunta hyväksyi.", 0, "", false},
		{"Tiedoksi Lapin hyvinvointialue", secNotify, "Lapin hyvinvointialue", true},
		{"Liitteet", secAttachments, "", true},
		{"Liite Hankintaohje 2024", secAttachments, "Hankintaohje 2024", true},
		{"Liitteenä on sopimus.", 0, "", false},
		{"Oheismateriaali", secSupplement, "", true},
		{"Oheismateriaalina kuntaliiton mallipohja.", 0, "", false},
		{"Beslut Förslaget godkändes.", secDecision, "Förslaget godkändes.", true},
		{"Beredare", secPreparer, "", true},
		{"Föredragande stadsdirektör Ragnar Lundqvist", secPresenter, "stadsdirektör Ragnar Lundqvist", true},
		{"Bilaga Samarbetsavtal 2024", secAttachments, "Samarbetsavtal 2024", true},
		{"päätös", 0, "", false},
	}
	for _, tt := range tests {
		kind, rest, ok := matchLabel(tt.line)
		if ok != tt.ok || (ok && (kind != tt.kind || rest != tt.rest)) {
			t.Errorf("matchLabel(%q) = %v, %q, %v; want %v, %q, %v", tt.line, kind, rest, ok, tt.kind, tt.rest, tt.ok)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		proposal, decision, notes string
		want                      Outcome
	}{
		{"Kunnanhallitus hyväksyy sopimuksen.", "Ehdotus hyväksyttiin yksimielisesti.", "", OutcomeApproved},
		{"Kaupunginhallitus merkitsee tiedoksi raportin.", "Päätösehdotus hyväksyttiin.", "", OutcomeNoted},
		{"Kaupunginhallitus hyväksyy X ja merkitsee tiedoksi Y.", "Päätösehdotus hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus hylkää oikaisuvaatimuksen.", "Ehdotus hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus hylkää oikaisuvaatimuksen.", "Kunnanhallitus päätti hylätä oikaisuvaatimuksen.", "", OutcomeApproved},
		{"Lautakunta myöntää avustuksen.", "Ehdotus hylättiin.", "", OutcomeRejected},
		{"Lautakunta myöntää avustuksen.", "Lautakunta päätti hylätä avustushakemuksen.", "", OutcomeRejected},
		{"X", "Ehdotus hyväksyttiin muutettuna.", "", OutcomeAmended},
		{"X", "Kunnanhallitus päätti Virtasen vastaehdotuksen mukaisesti.", "", OutcomeAmended},
		{"X", "Ehdotus hyväksyttiin.", "Esittelijä muutti päätösehdotustaan.", OutcomeAmended},
		{"X", "Asia jätettiin pöydälle.", "", OutcomeTabled},
		{"X", "Ehdotus raukesi. Asiaa ei jätetty pöydälle vaan hyväksyttiin ehdotus.", "", OutcomeDecided},
		{"X", "Asia palautettiin uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{"X", "Asia palautettiin yksimielisesti uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{"X", "Asia palautettiin valmisteluun.", "", OutcomeReturned},
		{"Kunnanhallitus puoltaa X.", "Kunnanhallitus päätti äänin 4–3 hyväksyä Jari Laineen vastaehdotuksen.", "", OutcomeAmended},
		{"X", "Asia poistettiin esityslistalta.", "", OutcomeWithdrawn},
		{"Alueneuvottelukunta käy keskustelun.", "Alueneuvottelukunta päätti\n1. että …", "", OutcomeDecided},
		{"Lautakunta hyväksyy X.", "", "", OutcomePending},
		// A vote put with the official's proposal as Jaa: Ei winning adopts
		// the counter-proposal, Jaa winning the proposal.
		{"Kaupunginhallitus hyväksyy vastauksen.", "Päätökseksi tuli äänestyksen jälkeen lautakunnan esitys.",
			"Ne, jotka kannattavat kaupunginjohtajan päätösesitystä äänestävät Jaa ja vastaesitystä Ei. Annettiin 4 Jaa-ääntä ja 5 Ei ääntä.", OutcomeAmended},
		{"Kaupunginhallitus hyväksyy vastauksen.", "Kaupunginhallitus hyväksyi vastauksen.",
			"Ne, jotka kannattavat kaupunginjohtajan päätösesitystä äänestävät Jaa ja vastaesitystä Ei. Annettiin 6 Jaa-ääntä ja 3 Ei ääntä.", OutcomeApproved},
		// No Päätös line: the notes tell. The body's support adopts a
		// counter-proposal; a member's support only seconds it.
		{"Lautakunta päättää maksuista.", "", "Johan Wirta teki vastaehdotuksen. Lautakunta kannatti vastaehdotusta yksimielisesti.", OutcomeAmended},
		{"Lautakunta päättää maksuista.", "", "Johan Wirta teki vastaehdotuksen. Matti Virtanen kannatti vastaehdotusta.", OutcomePending},
		{"", "", "", OutcomeNone},
		{"Stadsstyrelsen godkänner avtalet.", "Förslaget godkändes.", "", OutcomeApproved},
		{"X", "Ärendet bordlades.", "", OutcomeTabled},
		{"X", "Förslaget förkastades.", "", OutcomeRejected},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen godkände förslaget med den ändringen att avtalsperioden är två år.", "", OutcomeAmended},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen beslöt enhälligt att godkänna förslaget.", "", OutcomeApproved},
		// A member's proposal, named by the member, adopted: a
		// counter-proposal won. The presenter's, an official's or a body's
		// proposal is not a member's.
		{"Kunnanhallitus hyväksyy sopimuksen.", "Puheenjohtaja totesi Matti Virtasen ehdotuksen tulleen hyväksytyksi äänin 6-3.", "", OutcomeAmended},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Virtasen ehdotus hyväksyttiin yksimielisesti.", "", OutcomeAmended},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Puheenjohtaja totesi Anna-Liisa Koskisen tekemän ehdotuksen tulleen kunnanhallituksen päätökseksi.", "", OutcomeAmended},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Kunnanjohtajan ehdotus hyväksyttiin yksimielisesti.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Esittelijän ehdotus hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Keskustelun jälkeen todettiin ehdotus hyväksytyksi. Näin ehdotus hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Kunnanhallitus hyväksyi äänin 5-4 Virtasen ehdotuksen.", "Matti Virtanen ehdotti, että asia palautetaan valmisteluun.", OutcomeAmended},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Kunnanhallitus hyväksyi Kuntaliiton ehdotuksen sopimukseksi.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Kunnanhallitus päätti lähettää asian uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{"Kunnanhallitus lähettää aloitteen valmisteltavaksi.", "Aloite päätettiin lähettää valmisteltavaksi.", "", OutcomeApproved},
		// A member's proposal adopted after "päätti"; a decision of the
		// body's own joined by "ja" to the restatement; a return with no
		// word of preparing.
		{"Kunnanhallitus hyväksyy sopimuksen.", "Kunnanhallitus päätti hyväksyä Virtasen ehdotuksen.", "", OutcomeAmended},
		{"Kunnanhallitus merkitsee tiedoksi katsauksen.", "Kunnanhallitus merkitsi katsauksen tiedoksi ja päätti lisäksi pyytää selvityksen talousjohtajalta.", "", OutcomeAmended},
		{"Kunnanhallitus päättää hyväksyä sopimuksen.", "Kunnanhallitus päätti palauttaa asian.", "", OutcomeReturned},
		{"Kunnanhallitus päättää hyväksyä sopimuksen.", "Kunnanhallitus päätti palauttaa asian kaupunginhallitukselle.", "", OutcomeReturned},
		// "Päätös on ehdotuksen mukainen": the proposal's, even a rejection
		// of an appeal with the proposal not on the page (Helsinki).
		{"", "Kaupunginhallitus päätti hylätä oikaisuvaatimuksen. Päätös on ehdotuksen mukainen.", "", OutcomeApproved},
		{"", "Kaupunginhallitus päätti hylätä oikaisuvaatimuksen.", "", OutcomeRejected},
		// A proposal to discuss, discussed; with a decision of the body's
		// own besides (a passive with its comma), amended.
		{"Käsitellään jäsenten esille ottamat ajankohtaiset asiat.", "Neuvosto kävi keskustelua seuraavista asioista: tiedotus ja kokousajat.", "", OutcomeApproved},
		{"Käsitellään jäsenten esille ottamat ajankohtaiset asiat.", "Neuvosto kävi keskustelua seuraavista asioista: tiedotus ja kokousajat. Päätettiin, että kartoitetaan uutta työryhmäedustajaa syksyn kokouksissa.", "", OutcomeAmended},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Puheenjohtaja totesi kunnanhallituksen hyväksyneen esittelijän ehdotuksen. Lautakunnan ehdotus hyväksyttiin.", "", OutcomeApproved},
		// Not approving what the proposal would have approved is a
		// rejection; a proposal not to approve, adopted, is not.
		{"Kunnanhallitus hyväksyy sopimuksen.", "Kunnanhallitus päätti yksimielisesti olla hyväksymättä sopimusta.", "", OutcomeRejected},
		{"Kunnanhallitus päättää olla hyväksymättä tarjousta.", "Kunnanhallitus päätti olla hyväksymättä tarjousta.", "", OutcomeApproved},
		// Adopted on a condition of the body's own; a proposal's own
		// condition restated is not one.
		{"Kunnanhallitus hyväksyy sopimuksen.", "Hyväksyttiin siten, että kohta 2 poistetaan.", "", OutcomeAmended},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Päätösehdotus hyväksyttiin, kuitenkin siten, että sopimuskausi on kaksi vuotta.", "", OutcomeAmended},
		{"Kunnanhallitus hyväksyy sopimuksen siten, että sopimuskausi on kaksi vuotta.", "Kunnanhallitus päätti hyväksyä sopimuksen siten, että sopimuskausi on kaksi vuotta.", "", OutcomeApproved},
		{"X", "Förslaget godkändes med de ändringar som framkom under diskussionen.", "", OutcomeAmended},
		{"Kunnanhallitus merkitsee katsauksen tiedoksi.", "Tiedoksi.", "", OutcomeNoted},
		{"X", "Esittelijä peruutti asian.", "", OutcomeWithdrawn},
		{"X", "Kaupunginhallitus päätti, että asia käsitellään uudelleen seuraavassa kokouksessa.", "", OutcomeTabled},
	}
	for _, tt := range tests {
		if got := classify(tt.proposal, tt.decision, tt.notes); got != tt.want {
			t.Errorf("classify(%q, %q, %q) = %s, want %s", tt.proposal, tt.decision, tt.notes, got, tt.want)
		}
	}
}

func TestVotes(t *testing.T) {
	tests := []struct {
		in   string
		want *Votes
	}{
		{"Päätösehdotus voitti äänin 7–4.", &Votes{Yes: 7, No: 4}},
		{"äänin 7-4", &Votes{Yes: 7, No: 4}},
		{"Jaa 7, Ei 4, Tyhjä 1, Poissa 1", &Votes{Yes: 7, No: 4, Blank: 1, Absent: 1}},
		{"Jaa 7\nEi 4\nTyhjää 0\nPoissa 2", &Votes{Yes: 7, No: 4, Absent: 2}},
		{"äänin 23–18 (tyhjää 2, poissa 0)", &Votes{Yes: 23, No: 18, Blank: 2}},
		{"Ja 20, Nej 29, Blankt 2, Frånvarande 8", &Votes{Yes: 20, No: 29, Blank: 2, Absent: 8}},
		{"Ehdotus hyväksyttiin yksimielisesti.", nil},
		{"Ei muutoksia.", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, votes(tt.in)); diff != "" {
			t.Errorf("votes(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// "Unanimously" said of another decision than the item's (an addition,
// another item taken up) says nothing of the item's; said of the item's
// decision beside such an aside, it still does.
func TestUnanimityAside(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		in   string
		want *bool
	}{
		{"Hyväksyttiin päätösehdotuksen mukaisesti.\nHyväksyttiin lisäksi yksimielisesti puheenjohtajan ehdotus puheenvuorojen pituuden rajoittamisesta.", nil},
		{"Hyväksyi.\nKaupunginvaltuusto otti yksimielisesti käsiteltäväkseen lisäpykälän 34.", nil},
		{"Stadsstyrelsen beslöt dessutom enhälligt att ta upp ärendet.", nil},
		{"Ehdotus hyväksyttiin yksimielisesti. Lisäksi hallitus päätti kehottaa virastoa selvittämään asian.", &yes},
		{"Ehdotus hyväksyttiin yksimielisesti.", &yes},
		{"Jaosto päättää yksimielisesti lisätä seuraavan kappaleen lausuntoon:\nLisäksi jaosto toteaa, että laaditaan laskelma.", &yes},
		{"Ehdotus hyväksyttiin äänestyksen jälkeen. Lisäksi hyväksyttiin yksimielisesti ponsi.", &no},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, unanimity(tt.in, votes(tt.in))); diff != "" {
			t.Errorf("unanimity(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestDisqualified(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kevin Servin, Frida Sigfrids ja Mikaela Nylander olivat esteellisiä, eivätkä osallistuneet asian käsittelyyn.", []string{"Kevin Servin", "Frida Sigfrids", "Mikaela Nylander"}},
		{"Kaupunginhallituksen jäsen Pekka Niemi oli esteellinen eikä osallistunut asian käsittelyyn.", []string{"Pekka Niemi"}},
		{"Esteellisinä asian käsittelyyn eivät osallistuneet Juha Salo ja Minna Koski.", []string{"Juha Salo", "Minna Koski"}},
		{"Käsittelyn aikana Anna Berg ilmoitti olevansa esteellinen.", []string{"Anna Berg"}},
		{"Ledamot Anna Lund och Per Ek var jäviga.", []string{"Anna Lund", "Per Ek"}},
		{"Kukaan ei ollut esteellinen.", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, disqualified(tt.in)); diff != "" {
			t.Errorf("disqualified(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestNormalize(t *testing.T) {
	in := "a\u00a0\u00a0b \t c\r\n\u00a0\r\n\nPöytäkirja 1.1.2024/Pykälä 3_______\n  Pa\u0308a\u0308to\u0308s \u200b\n"
	want := []string{"a b c", "Pöytäkirja 1.1.2024/Pykälä 3", "Päätös"}
	if diff := cmp.Diff(want, normalize(in)); diff != "" {
		t.Errorf("normalize (-want +got):\n%s", diff)
	}
}

func TestLanguage(t *testing.T) {
	if got := language([]string{"Ehdotus hyväksyttiin ja päätös on tehty."}); got != "fi" {
		t.Errorf("Finnish: %q", got)
	}
	if got := language([]string{"Förslaget godkändes och beslutet är fattat."}); got != "sv" {
		t.Errorf("Swedish: %q", got)
	}
	if got := language([]string{"12345"}); got != "" {
		t.Errorf("none: %q", got)
	}
}

// An attachment table's row is one attachment as written: its number kept,
// its cells joined by a space, empty cells and file sizes left out.
func TestAttachmentCells(t *testing.T) {
	for in, want := range map[string]string{
		"Liite 13 | Tuloslaskelmat 31.7.2025":    "Liite 13 Tuloslaskelmat 31.7.2025",
		"Liite4 | Vaskin maksut 1.1.2025 |  | ":  "Liite4 Vaskin maksut 1.1.2025",
		"1 | Talousarvio 2026 | (pdf 984.31 kb)": "1 Talousarvio 2026",
		"Numero Otsikko":                         "",
	} {
		if got := attachmentCells(in); got != want {
			t.Errorf("attachmentCells(%q) = %q, want %q", in, got, want)
		}
	}
}

// Rules learnt from the development pages of batches 7 and 8, each on a
// text shaped like the page that taught it (the page itself is in
// testdata/real).
func TestRealPageRules(t *testing.T) {
	t.Run("presenter title with commas", func(t *testing.T) {
		for _, tc := range []struct{ line, name, title string }{
			{"Toimialajohtaja, Arki- ja vapaa-aika / Sektordirektör, Vardag och fritid Pietinen Jukka", "Pietinen Jukka",
				"Toimialajohtaja, Arki- ja vapaa-aika / Sektordirektör, Vardag och fritid"},
			{"Kaupunginjohtaja Jukka Mäkelä", "Jukka Mäkelä", "Kaupunginjohtaja"},
		} {
			p := presenterFrom(tc.line, "")
			if p == nil || p.Name != tc.name || p.Title != tc.title {
				t.Errorf("presenterFrom(%q) = %+v, want %q, %q", tc.line, p, tc.name, tc.title)
			}
		}
	})
	t.Run("unlabelled proposal in the potential mood", func(t *testing.T) {
		d := Text("Valtuusto\nPöytäkirja 03.10.2024/Pykälä 55\nKokouksen laillisuus ja päätösvaltaisuus\nValt 03.10.2024 § 55\n" +
			"Kutsu on julkaistu 26.9.2024.\nValtuusto päättänee todeta kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi.\n" +
			"PÄÄTÖS:\nKokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.\n")
		if d.Outcome != OutcomeApproved || !strings.Contains(d.Proposal, "päättänee todeta") {
			t.Errorf("outcome %q, proposal %q; want approved, the potential-mood sentence", d.Outcome, d.Proposal)
		}
		d = Text("Valtuusto\nPöytäkirja 03.10.2024/Pykälä 56\nAsia\nValt 03.10.2024 § 56\nTaustaa asiasta.\nPÄÄTÖS:\nValtuusto valitsi jäseneksi N.N:n.\n")
		if d.Outcome != OutcomeDecided {
			t.Errorf("without a proposal sentence: outcome %q, want decided", d.Outcome)
		}
	})
	t.Run("an impact assessment ends the attachment list", func(t *testing.T) {
		d := Text("Tekninen lautakunta\nPöytäkirja 10.11.2025/Pykälä 8\nVesihuollon taksat\nTela 10.11.2025 § 8\nTaustaa.\n" +
			"Liite Asiakaskirje\nKuluttajahinnasto 1.4.2026\nLapsivaikutusten arviointi (Kvalt 60 §, 23.9.2019)\nPäätöksen lapsivaikutukset: Ei\n")
		if got := strings.Join(d.Attachments, " | "); got != "Asiakaskirje | Kuluttajahinnasto 1.4.2026" {
			t.Errorf("attachments %q", got)
		}
	})
	t.Run("a title printed twice is not an attachment", func(t *testing.T) {
		d := Text("Kaupunginhallitus\nPöytäkirja 15.04.2025/Pykälä 55\n\nHenkilöstöraportti 2024\n\nHenkilöstöraportti 2024\n" +
			"Yt-toimikunta 27.03.2025 § 6\nValmistelija: talous- ja hallintojohtaja Leena Sämpi\nTaustaa.\n")
		if d.Title != "Henkilöstöraportti 2024" || len(d.Attachments) != 0 {
			t.Errorf("title %q, attachments %q", d.Title, d.Attachments)
		}
	})
	t.Run("a list of preparers going on after ja", func(t *testing.T) {
		d := Text("Aluevaltuusto\nPöytäkirja 11.06.2024/Pykälä 38\nPalveluverkko\nAluehallitus 28.05.2024 § 154\n" +
			"Valmistelijat toimialajohtaja Kati Kallimo, p. 050 442 2302, hyvinvointialuejohtaja Jan Tollet, p. 050 400 0073,\n\n" +
			" lakiasiainjohtaja Johanna Aalto p. 050 434 6544 ja\nhallintopalvelupäällikkö Ella Kauppinen p. 040 352 1966\n\nSelostus asiasta Taustaa.\n")
		var names []string
		for _, pr := range d.Preparers {
			names = append(names, pr.Name)
		}
		if got := strings.Join(names, " | "); got != "Kati Kallimo | Jan Tollet | Johanna Aalto | Ella Kauppinen" {
			t.Errorf("preparers %q", got)
		}
	})
	t.Run("the printed page's header block is not an attachment", func(t *testing.T) {
		d := Text("Kunnanhallitus\nPöytäkirja 25.03.2025/Pykälä 58\nLiite 10 | Palkkiosääntö, muokkaukset näkyvillä |\n" +
			"Pomarkun kunta Kokousnumero\n25.03.2025 § 58\n§ 58\nPalkkiosäännön päivittäminen\nKunnanhallitus 11.03.2025 § 44\nTaustaa.\n")
		if got := strings.Join(d.Attachments, " | "); got != "Liite 10 Palkkiosääntö, muokkaukset näkyvillä" || d.Title != "Palkkiosäännön päivittäminen" {
			t.Errorf("attachments %q, title %q", got, d.Title)
		}
	})
	t.Run("an attachment table's row keeps its label word", func(t *testing.T) {
		d := Text("Valiokunta\nPöytäkirja 21.03.2023/Pykälä 30\nLiite Tiivistelmä: Metsästrategia 2022 | ||\n" +
			"Liite Metsästrategia ja liitteet |\nMetsästrategia\nValiokunta 13.12.2022 § 179\nTaustaa.\nLiite Asiakaskirje\n")
		if got := strings.Join(d.Attachments, " | "); got != "Liite Tiivistelmä: Metsästrategia 2022 | Liite Metsästrategia ja liitteet | Asiakaskirje" {
			t.Errorf("attachments %q (a row keeps Liite, a label line does not)", got)
		}
	})
	t.Run("a Swedish agenda's document line with Ärendenr.", func(t *testing.T) {
		d := Text("Stadsstyrelsen\nFöredragningslista 07.04.2025/Ärendenr. 7\nOrganisationsreform i Lovisa stad\nSTST 16.12.2024 § 416\nBakgrund.\n")
		if d.Document != DocumentAgenda || d.ItemNumber == nil || *d.ItemNumber != 7 || d.Body != "Stadsstyrelsen" ||
			d.Title != "Organisationsreform i Lovisa stad" || d.MeetingDate != "2025-04-07" {
			t.Errorf("document %q item %v body %q title %q date %q", d.Document, d.ItemNumber, d.Body, d.Title, d.MeetingDate)
		}
	})
	t.Run("two diary numbers", func(t *testing.T) {
		d := Text("Kaupunginhallitus\nPöytäkirja 12.03.2018/Pykälä 8\nVastaus valtuustoaloitteeseen\n340/12.05.00/2016, 61/00.02.00/2016\nKH 12.03.2018 § 8\nTaustaa.\n")
		if d.DiaryNumber != "340/12.05.00/2016, 61/00.02.00/2016" {
			t.Errorf("diary number %q", d.DiaryNumber)
		}
	})
}

// alreadyNormal may only say so of a line normalizeLine leaves as it is:
// checked on lines made of the runes it treats apart (every kind of space,
// the invisible ones, controls, the section sign and dashes beside them).
func TestAlreadyNormalAgrees(t *testing.T) {
	runes := []rune{'a', 'ä', ' ', '\t', '\u00a0', '\u00ad', '§', '\u0085', '\u0080', '\u009f', '\u00bf',
		'\u1680', '\u180e', '\u2000', '\u200a', '\u200b', '\u200d', '\u2013', '\u201d', '\u2026', '\u2028',
		'\u202f', '\u205f', '\u2060', '\u3000', '\ufeff', '\uffef', 0x7f, 0x01, '€', '|'}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := 0; i < 200000; i++ {
		var r []rune
		for n := rng.IntN(6) + 1; n > 0; n-- {
			r = append(r, runes[rng.IntN(len(runes))])
		}
		s := string(r)
		if alreadyNormal(s) && normalizeLine(&b, s) != s {
			t.Fatalf("alreadyNormal(%q), but normalizeLine gives %q", s, normalizeLine(&b, s))
		}
	}
	for _, s := range []string{"Päätös § 45 – hyväksyttiin…", "Kunnanhallitus", "a b"} {
		if !alreadyNormal(s) {
			t.Errorf("alreadyNormal(%q) = false: the fast path never taken", s)
		}
	}
}
