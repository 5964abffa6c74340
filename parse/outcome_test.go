package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestClassifyWording is standard minute wording, invented lines of each
// outcome in Finnish and Swedish (docs/dynasty.md, "inferred"): one
// decision after a proposal to approve, or to take note.
// With no proposal on the page, a motion to return or table the matter
// voted down before the body adopts it says the proposal was adopted
// (Helsinki, v20); without the motion the same decision stays decided
// (TestClassifyWording, v17).
func TestClassifyAfterProcedureMotion(t *testing.T) {
	notes := "Palautusehdotus\nValtuutettu Virtanen ehdotti, että asia palautetaan uudelleen valmisteltavaksi.\n8 äänestys\nJAA-ehdotus: Asian käsittelyä jatketaan"
	sv := "Förslag om återremiss\nLedamoten Virtanen föreslog att ärendet återremitteras.\n2 omröstningen"
	for _, tt := range []struct {
		decision, notes string
		want            Outcome
	}{
		{"Kaupunginvaltuusto katsoi aloitteen loppuun käsitellyksi.", notes, OutcomeApproved},
		{"Stadsfullmäktige godkände detaljplaneändringen för kvarteret 54090 enligt ritning 12767.", sv, OutcomeApproved},
		{"Stadsfullmäktige godkände detaljplaneändringen för kvarteret 54090 enligt ritning 12767.", "", OutcomeDecided},
		{"Kaupunginvaltuusto lähetti aloitteen kaupunginhallitukselle.", notes, OutcomeDecided},
		{"Kaupunginvaltuusto katsoi aloitteen loppuun käsitellyksi. Samalla kaupunginvaltuusto hyväksyi seuraavan toivomusponnen: selvitetään asia.", notes, OutcomeAmended},
	} {
		if got := classify("", tt.decision, tt.notes); got != tt.want {
			t.Errorf("%q after %.20q = %s, want %s", tt.decision, tt.notes, got, tt.want)
		}
	}
}

func TestClassifyWording(t *testing.T) {
	P := "Kunnanhallitus hyväksyy liitteenä olevan sopimuksen."
	N := "Kunnanhallitus merkitsee tiedoksi talouskatsauksen."
	tests := []struct {
		proposal, decision string
		want               Outcome
	}{
		{P, "Kunnanhallitus hyväksyi ehdotuksen.", OutcomeApproved},
		{P, "Hyväksyttiin yksimielisesti.", OutcomeApproved},
		{P, "Kaupunginhallitus päätti hyväksyä esityksen.", OutcomeApproved},
		{P, "Lautakunta hyväksyi päätösehdotuksen yksimielisesti keskustelun jälkeen.", OutcomeApproved},
		{P, "Päätösehdotus hyväksyttiin yksimielisesti ilman keskustelua.", OutcomeApproved},
		{P, "Hyväksyttiin esityksen mukaisesti.", OutcomeApproved},
		{P, "Esityksen mukaan.", OutcomeApproved},
		{P, "Ehdotuksen mukaan.", OutcomeApproved},
		{P, "Ehdotuksen mukaisesti.", OutcomeApproved},
		{P, "Hyväksyttiin esittelijän ehdotuksen mukaisesti.", OutcomeApproved},
		{P, "Kunnanhallitus päätti ehdotuksen mukaisesti.", OutcomeApproved},
		{P, "Päätettiin ehdotuksen mukaisesti.", OutcomeApproved},
		{P, "Yksimielisesti hyväksyttiin.", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin yksimielisesti sellaisenaan.", OutcomeApproved},
		{P, "Kunnanhallituksen ehdotus hyväksyttiin.", OutcomeApproved},
		{P, "Kaupunginhallituksen esitys hyväksyttiin yksimielisesti.", OutcomeApproved},
		{P, "Valtuusto hyväksyi kaupunginhallituksen ehdotuksen yksimielisesti.", OutcomeApproved},
		{P, "Lautakunta päätti yksimielisesti hyväksyä päätösehdotuksen.", OutcomeApproved},
		{P, "Puheenjohtaja totesi ehdotuksen hyväksytyksi yksimielisesti.", OutcomeApproved},
		{P, "Puheenjohtaja totesi, että ehdotus on hyväksytty yksimielisesti.", OutcomeApproved},
		{P, "Puheenjohtaja totesi kunnanhallituksen yksimielisesti hyväksyneen ehdotuksen.", OutcomeApproved},
		{P, "Hyväksyttiin.", OutcomeApproved},
		{P, "Hyväksytään.", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin keskustelun jälkeen yksimielisesti.", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi yksimielisesti kunnanjohtajan päätösehdotuksen.", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi sopimuksen.", OutcomeApproved},
		{P, "Päätösehdotus hyväksyttiin äänestyksen jälkeen äänin 7-4.", OutcomeApproved},
		{P, "Äänestyksen jälkeen ehdotus hyväksyttiin äänin 6–5.", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi äänestyksen jälkeen (7-2) päätösehdotuksen.", OutcomeApproved},
		{P, "Puheenjohtaja totesi äänestyksen tuloksen perusteella esittelijän ehdotuksen tulleen hyväksytyksi.", OutcomeApproved},
		{P, "Puheenjohtaja totesi pohjaehdotuksen tulleen hyväksytyksi.", OutcomeApproved},
		{P, "Pohjaehdotus hyväksyttiin.", OutcomeApproved},
		{P, "Kunnanjohtajan pohjaesitys hyväksyttiin yksimielisesti.", OutcomeApproved},
		{P, "Esittelijän muutettu ehdotus hyväksyttiin yksimielisesti.", OutcomeAmended},
		{P, "Hyväksyttiin muutetun ehdotuksen mukaisesti.", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin seuraavin lisäyksin: sopimukseen lisätään irtisanomisehto.", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin sillä lisäyksellä, että sopimus tarkistetaan vuosittain.", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin sillä muutoksella, että sopimus on voimassa vuoden.", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin täydennettynä.", OutcomeAmended},
		{P, "Hyväksyttiin täydennettynä seuraavasti: sopimus tarkistetaan.", OutcomeAmended},
		{P, "Hyväksyttiin esittelijän muutetun ehdotuksen mukaisesti.", OutcomeAmended},
		{P, "Hyväksyttiin korjattuna.", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin seuraavalla muutoksella: kohta 2 poistetaan.", OutcomeAmended},
		{P, "Virtasen vastaehdotus hyväksyttiin äänin 5-4.", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi vastaehdotuksen äänin 5-4.", OutcomeAmended},
		{P, "Vastaesitys voitti äänin 6-3.", OutcomeAmended},
		{P, "Kunnanhallitus päätti äänin 5–4 hylätä sopimuksen.", OutcomeRejected},
		{P, "Ehdotus hylättiin äänin 5-4.", OutcomeRejected},
		{P, "Kunnanhallitus hylkäsi ehdotuksen.", OutcomeRejected},
		{P, "Asia jätettiin yksimielisesti pöydälle.", OutcomeTabled},
		{P, "Kunnanhallitus päätti jättää asian pöydälle.", OutcomeTabled},
		{P, "Asia jätetään pöydälle.", OutcomeTabled},
		{P, "Pöydälle.", OutcomeTabled},
		{P, "Asia jätettiin pöydälle seuraavaan kokoukseen.", OutcomeTabled},
		{P, "Kunnanhallitus päätti palauttaa asian uudelleen valmisteltavaksi.", OutcomeReturned},
		{P, "Asia palautettiin valmisteluun äänin 5-4.", OutcomeReturned},
		{P, "Palautettiin uudelleen valmisteltavaksi.", OutcomeReturned},
		{P, "Kaupunkisuunnittelulautakunta päätti palauttaa ehdotuksen korjattavaksi seuraavia periaatteita toteuttaen.", OutcomeReturned},
		{P, "Ehdotus palautettiin korjattavaksi.", OutcomeReturned},
		{P, "Kunnanjohtaja poisti asian esityslistalta.", OutcomeWithdrawn},
		{P, "Esittelijä veti asian pois esityslistalta.", OutcomeWithdrawn},
		{P, "Asia poistettiin esityslistalta esittelijän pyynnöstä.", OutcomeWithdrawn},
		{P, "Esittelijä poisti asian käsittelystä.", OutcomeWithdrawn},
		{N, "Merkittiin tiedoksi.", OutcomeNoted},
		// A matter of the body's own decided besides the item's: amended
		// (testdata/real/LABELLING.md); the matter's own "lisäksi" is none.
		{P, "Hyväksyttiin päätösehdotuksen mukaisesti.\nHyväksyttiin lisäksi yksimielisesti puheenjohtajan ehdotus puheenvuorojen pituuden rajoittamisesta.", OutcomeAmended},
		{P, "Hyväksyi.\nKaupunginvaltuusto otti yksimielisesti käsiteltäväkseen lisäpykälän 34.", OutcomeAmended},
		{P, "Päätösehdotus hyväksyttiin yksimielisesti. Lisäksi aluevaltuusto päätti myöntää puhe- ja läsnäolo-oikeuden nuorisovaltuuston edustajalle.", OutcomeAmended},
		{P, "Esitys hyväksyttiin. Pääkirjasto on avoinna lisäksi perjantaisin heinäkuussa.", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin. Lisäksi merkittiin tiedoksi talousjohtajan katsaus.", OutcomeApproved},
		{"", "Stadsfullmäktige antecknade miljörapporten för Helsingfors stad 2022.", OutcomeNoted},
		{"", "Stadsfullmäktige antecknade miljörapporten för Helsingfors stad 2022.\nDessutom godkände stadsfullmäktige följande hemställningsklämmar:", OutcomeAmended},
		// The proposal's object adopted by name; an extra item taken up after
		// a vote besides (Järvenpää).
		{"Kaupunginvaltuusto päättää valita pöytäkirjantarkastajiksi valtuutetut Katri Kuusikallio ja Vesa Müller.", "Hyväksyttiin pöytäkirjantarkastajat.", OutcomeApproved},
		{"Kaupunginvaltuusto päättää valita pöytäkirjantarkastajiksi valtuutetut Katri Kuusikallio ja Vesa Müller.", "Hyväksyttiin pöytäkirjantarkastajat.\nÄänestyksen jälkeen päätettiin ottaa lisäasia käsiteltäväksi.", OutcomeAmended},
		{"Kaupunginvaltuusto päättää valita pöytäkirjantarkastajiksi valtuutetut Katri Kuusikallio ja Vesa Müller.", "Hyväksyttiin tilinpäätös.", OutcomeDecided},
		// "päätti esityksen mukaan" (Lohja), after a proposal to approve or
		// to take note; the agenda's order changed where the proposal was to
		// follow it.
		{P, "Kaupunginhallitus päätti esityksen mukaan.", OutcomeApproved},
		{N, "Kaupunginhallitus päätti esityksen mukaan.", OutcomeNoted},
		{"Tekninen lautakunta päättää käsitellä asiat ennalta jaetun esityslistan mukaisesti.", "Tekninen lautakunta päätti\n1. muuttaa asioiden käsittelyjärjestystä siten, että asia 14 käsitellään ennen asiaa 4,\n2. käsitellä muut asiat esityslistan mukaisesti.", OutcomeAmended},
		// Informed, and nothing else: noted; informed and discussing
		// matters of its own: the body's own record.
		{"", "Varhaiskasvatusjohtaja ja johtava rehtori kertoivat koulupaikkakyselystä.", OutcomeNoted},
		{"", "Varhaiskasvatusjohtaja ja johtava rehtori kertoivat koulupaikkakyselystä.\nLautakunta keskusteli koulukuljetusten järjestämisestä.", OutcomeDecided},
		{N, "Kunnanhallitus merkitsi talouskatsauksen tiedoksi.", OutcomeNoted},
		{N, "Merkitään tiedoksi.", OutcomeNoted},
		{N, "Ehdotus hyväksyttiin.", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi tiedoksi.", OutcomeNoted},
		{N, "Merkittiin tiedoksi saatetuksi.", OutcomeNoted},
		{N, "Tiedoksi merkittiin.", OutcomeNoted},
		{N, "Merkittiin tietoon saatetuksi.", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi katsauksen tiedokseen.", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi tiedokseen.", OutcomeNoted},
		{N, "Lautakunta merkitsi asian tiedoksi ja totesi sen käsitellyksi.", OutcomeNoted},
		{N, "Merkittiin tiedoksi ja todettiin käydyt keskustelut.", OutcomeNoted},
		{N, "Lautakunta kävi keskustelun ja merkitsi katsauksen tiedoksi.", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi talouskatsauksen yksimielisesti tiedoksi.", OutcomeNoted},
		{"Stadsstyrelsen antecknar rapporten för kännedom.", "Antecknades för kännedom.", OutcomeNoted},
		{"Stadsstyrelsen antecknar rapporten för kännedom.", "Antecknades.", OutcomeNoted},
		{"Stadsstyrelsen antecknar rapporten för kännedom.", "Förslaget godkändes.", OutcomeNoted},
		{"Stadsstyrelsen godkänner avtalet.", "Godkändes.", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Godkändes enhälligt.", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Enligt förslaget.", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen godkände förslaget enhälligt.", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Beslut enligt förslaget.", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Förslaget godkändes efter omröstning med rösterna 7-4.", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet återremitterades.", OutcomeReturned},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet remitterades tillbaka för ny beredning.", OutcomeReturned},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet avfördes från föredragningslistan.", OutcomeWithdrawn},
		{"Stadsstyrelsen godkänner avtalet.", "Förslaget godkändes med följande ändring: punkt 2 stryks.", OutcomeAmended},
		{"Stadsstyrelsen godkänner avtalet.", "Förslaget godkändes med tillägget att avtalet granskas årligen.", OutcomeAmended},
		{"Stadsstyrelsen godkänner avtalet.", "Virtanens motförslag vann med rösterna 6-5.", OutcomeAmended},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen avslog förslaget.", OutcomeRejected},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen godkände ordförandens förslag.", OutcomeApproved},
		// The proposal restated, and a provision of the body's own in the
		// present tense after it: adopted with an addition (parser v17).
		{"Lautakunta laatii talousarvioehdotuksen vuodelle 2025.",
			"Lautakunta laati talousarvioehdotuksen vuodelle 2025 ja jatkaa sen valmistelua seuraavassa kokouksessa.", OutcomeAmended},
		{"Lautakunta laatii talousarvioehdotuksen vuodelle 2025.",
			"Lautakunta laati talousarvioehdotuksen vuodelle 2025. Sihteeri toimittaa asiakirjat jäsenille sähköpostitse.", OutcomeAmended},
		{"Lautakunta laatii talousarvioehdotuksen vuodelle 2025.",
			"Lautakunta laati talousarvioehdotuksen vuodelle 2025. Tämä päätös raukeaa, jos valtuusto muuttaa aikataulua.", OutcomeAmended},
		// … but the record of the handling, in the past tense, adds nothing.
		{"Lautakunta laatii talousarvioehdotuksen vuodelle 2025.",
			"Lautakunta laati talousarvioehdotuksen vuodelle 2025. Merkittiin, että jäsen Virtanen poistui kokouksesta.", OutcomeApproved},
		{"Lautakunta laatii talousarvioehdotuksen vuodelle 2025.",
			"Lautakunta laati talousarvioehdotuksen vuodelle 2025 ja käsitteli sen yksimielisesti.", OutcomeApproved},
		// A proposal to prepare something and take note of it is more than
		// noting: adopting it is approved; the preparation's state noted
		// is noted.
		{"Valmistellaan ja merkitään tiedoksi arviointisuunnitelma.", "Hyväksyttiin esityksen mukaan.", OutcomeApproved},
		{"Merkitään tiedoksi talousarvion valmistelun tilanne.", "Hyväksyttiin esityksen mukaan.", OutcomeNoted},
		{"Merkitään tiedoksi valmistelijan selvitys.", "Hyväksyttiin.", OutcomeNoted},
		// An extra matter beside the body's own decision, with no proposal on
		// the page; Swedish tabling with the body between; the proposal's
		// place holding only that the decision was the proposal (v17).
		{"", "Kaupunginvaltuusto katsoi aloitteen loppuun käsitellyksi. Samalla kaupunginvaltuusto hyväksyi seuraavan toivomusponnen: selvitetään latauspisteet.", OutcomeAmended},
		{"", "Kaupunginvaltuusto katsoi aloitteen loppuun käsitellyksi.", OutcomeDecided},
		{"Stadsfullmäktige betraktar motionen som slutbehandlad.", "På förslag av ordföranden bordlade stadsfullmäktige ärendet till nästa sammanträde.", OutcomeTabled},
		{"Beslutet stämmer överens med förslaget.", "Stadsfullmäktige betraktade motionen som slutbehandlad.", OutcomeApproved},
		{"Päätös on ehdotuksen mukainen.", "Kaupunginvaltuusto katsoi aloitteen loppuun käsitellyksi.", OutcomeApproved},
		// Noting with a few words between the verb and "tiedoksi" (v17);
		// a list of actions ending in a notice to others is no noting.
		{"Kunnanhallitus merkitsee saapuneet pöytäkirjat tiedoksi.", "Päätösehdotus hyväksyttiin.", OutcomeNoted},
		{"", "Kunnanhallitus merkitsi selvityksen, hyväksyi sopimuksen ja lähetti sen tiedoksi valtuustolle.", OutcomeDecided},
		// The proposal's act done in the decision's own words (v18); a plain
		// adoption followed by the matter's content is no restatement; the
		// same verb on another object is not the proposal done.
		{"Kaupunginvaltuusto päättää todeta esteen ilmoittaneet valtuutetut, toimittaa nimenhuudon sekä todeta kokouksen laillisuuden ja päätösvaltaisuuden.", "Kaupunginvaltuusto totesi kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi.", OutcomeApproved},
		{"Stadsfullmäktige beslutar godkänna avtalet om samarbete med välfärdsområdet.", "Stadsfullmäktige godkände samarbetsavtalet med välfärdsområdet.", OutcomeApproved},
		{"Lautakunta hyväksyy kirjaston kesän aukioloajat.", "Esitys hyväksyttiin. Pääkirjasto on avoinna lisäksi perjantaisin.", OutcomeApproved},
		{"Kaupunginvaltuusto päättää todeta kokouksen laillisuuden ja päätösvaltaisuuden.", "Kaupunginvaltuusto totesi, että aloitteen käsittely siirtyy seuraavaan kokoukseen.", OutcomeDecided},
		{"Valmistellaan toimintasuunnitelma seuraavaan kokoukseen käydyn keskustelun pohjalta.", "Valmistellaan vanhusneuvoston toimintasuunnitelma huhtikuun kokoukseen. Sihteeri toimittaa sähköpostitse lomakepohjat.", OutcomeAmended},
		// A first sentence all the proposal's, and more decided after it,
		// in a sentence or a clause of its own; the body not approving; a
		// counter-proposal, "otherwise as proposed" and a clause (ponsi)
		// added; tabling kept (v18).
		{P, "Kunnanhallitus hyväksyi sopimuksen. Lisäksi kunnanhallitus edellyttää, että sopimuksesta raportoidaan.", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi sopimuksen ja lisäksi päätti, että sopimuksesta tiedotetaan.", OutcomeAmended},
		{P, "Kunnanhallitus ei hyväksynyt sopimusta.", OutcomeRejected},
		{P, "Kunnanhallitus päätti, ettei sopimusta hyväksytä.", OutcomeRejected},
		{P, "Kunnanhallitus hyväksyi sopimuksen. Virtanen ilmoitti, ettei hän hyväksynyt päätöstä.", OutcomeApproved},
		{P, "Hyväksyttiin Virtasen vastaesitys.", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi sopimuksen muutoin esityksen mukaisesti, mutta sopimuksen kestoksi tuli kaksi vuotta.", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin yksimielisesti ponnella: selvitetään asiaa.", OutcomeAmended},
		{P, "Kunnanhallitus päätti pitää asian pöydällä.", OutcomeTabled},
		// The same act on someone the proposal did not name is not the
		// proposal restated; a statement supplemented is amended.
		{"Kaupunginhallitus päättää nimetä Virtasen jäseneksi.", "Kaupunginhallitus nimesi jäseneksi Mäkisen.", OutcomeDecided},
		{"Kaupunginhallitus päättää myöntää eron Virtaselle.", "Kaupunginhallitus myönsi eron Virtaselle.", OutcomeApproved},
		{"Lautakunta antaa liitteen mukaisen lausunnon.", "Lautakunta antoi lausunnon, jota täydennettiin kohdan 3 osalta.", OutcomeAmended},
		// v19: the Swedish infinitive of noting; a proposal that notes and
		// also charges someone with a task; a position of the body's own
		// after a bare "Merkittiin tiedoksi."; what the body recorded.
		{"Stadsstyrelsen beslutar anteckna rapporten för kännedom.", "Förslaget godkändes.", OutcomeNoted},
		{"Nämnden antecknar rapporten för kännedom och uppdrar åt förvaltningen att utreda saken.", "Förslaget godkändes.", OutcomeApproved},
		{"", "Merkittiin tiedoksi. Lisäksi vammaisneuvosto totesi, että esteettömyyteen on kiinnitettävä huomiota.", OutcomeAmended},
		{"", "Merkittiin tiedoksi.", OutcomeNoted},
		{"", "Merkittiin vanhusneuvoston terveisinä, että palvelusetelin käyttöä laajennetaan.", OutcomeNoted},
		{"", "Merkittiin pöytäkirjaan, että Virtanen poistui kokouksesta.", OutcomeDecided}, // a record, not noting
		// v19, from probing common wordings: the presenter's proposal
		// supplemented; a vote after a bare approval; names filled in where
		// the proposal left them open (but not for a name the proposal
		// gave, above); an extra matter after a bare adoption, and joined
		// by an infinitive of authorising; the Swedish present of tabling.
		{P, "Esittelijä täydensi päätösehdotustaan kokouksessa. Täydennetty ehdotus hyväksyttiin.", OutcomeAmended},
		{P, "Hyväksyttiin äänin 7-2.", OutcomeApproved},
		{P, "Hyväksyttiin yksimielisesti esittelijän ehdotus.", OutcomeApproved},
		{"Valtuusto valitsee puheenjohtajan.", "Kaupunginvaltuusto valitsi puheenjohtajaksi Matti Virtasen.", OutcomeApproved},
		// Another named than proposed: decided until v28, amended since
		// (see TestClassifyProceduralItems).
		{"Kaupunginhallitus päättää nimetä Virtasen jäseneksi.", "Kaupunginhallitus nimesi jäseneksi Liisa Mäkisen.", OutcomeAmended},
		{"Kunnanhallitus päättää hyväksyä liitteenä olevan sopimuksen.", "Ehdotus hyväksyttiin yksimielisesti. Kunnanhallitus päätti lisäksi, että sopimuksesta tiedotetaan.", OutcomeAmended},
		{"Kunnanhallitus päättää hyväksyä liitteenä olevan sopimuksen.", "Kunnanhallitus päätti hyväksyä sopimuksen ja valtuuttaa kunnanjohtajan neuvottelemaan vuokrasopimuksen ehdoista.", OutcomeAmended},
		{"Kunnanhallitus hyväksyy sopimuksen ja valtuuttaa kunnanjohtajan neuvottelemaan vuokrasopimuksen ehdoista.",
			"Kunnanhallitus päätti hyväksyä sopimuksen ja valtuuttaa kunnanjohtajan neuvottelemaan vuokrasopimuksen ehdoista.", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet bordläggs.", OutcomeTabled},
	}
	for _, tt := range tests {
		if got := classify(tt.proposal, tt.decision, ""); got != tt.want {
			t.Errorf("%q = %s, want %s", tt.decision, got, tt.want)
		}
	}
}

// TestOutcomeOnPage reads the outcome of whole invented pages in the two
// layouts real pages show most: a board's page with its labels on the
// text's line (Kankaanpää), and a council's page below the board's handling
// (Ylöjärvi, whose "Kaupunginhallitus ehdottaa" is the council's proposal
// label).
func TestOutcomeOnPage(t *testing.T) {
	board := "Sivistyslautakunta\nPöytäkirja 10.12.2024/Pykälä 124\nKoulujen työ- ja loma-ajat lukuvuonna 2025-2026\n" +
		"SIVL 10.12.2024 § 124\n712/12.00.00/2022\nValmistelija Kiviniemi Heikki\nTaustaa asiasta.\n" +
		"Esittelijä Sivistysjohtaja Kiviniemi Heikki\n%PROPOSAL%%DECISION%Täytäntöönpano Kankaanpään koulut\n"
	cut := strings.TrimSuffix(board, "Täytäntöönpano Kankaanpään koulut\n")
	proposal := "Päätösehdotus Sivistyslautakunta vahvistaa lukuvuoden 2025-2026 työ- ja loma-ajat.\n"
	decision := "Päätös Ehdotus hyväksyttiin.\n"
	council := "Kaupunginvaltuusto\nPöytäkirja 13.11.2023/Pykälä 95\nTuloveroprosentin päättäminen vuodelle 2024\n" +
		"Kaupunginhallitus 30.10.2023 § 321\nValmistelija talousjohtaja Juha Liinavuori\nTaustaa asiasta.\nEsittelijä Kaupunginjohtaja\n" +
		"Päätösehdotus Kaupunginhallitus päättää ehdottaa kaupunginvaltuustolle, että valtuusto päättää vuoden 2024 tuloveroprosentiksi 8,40 %.\n" +
		"Päätös Hyväksyttiin.\nKaupunginvaltuusto 13.11.2023 § 95\n291/02.02.00/2023\n%PROPOSAL%%DECISION%"
	rate := "Kaupunginhallitus ehdottaa\nKaupunginvaltuusto päättää vuoden 2024 tuloveroprosentiksi 8,40 %.\n"
	tests := []struct {
		page, proposal, decision string
		want                     Outcome
	}{
		{board, "Ehdotus Sivistyslautakunta vahvistaa lukuvuoden 2025-2026 työ- ja loma-ajat.\n", decision, OutcomeApproved},
		{board, "Pohjaesitys Sivistyslautakunta vahvistaa lukuvuoden 2025-2026 työ- ja loma-ajat.\n", decision, OutcomeApproved},
		{board, "Sivistysjohtajan ehdotus: Sivistyslautakunta vahvistaa lukuvuoden 2025-2026 työ- ja loma-ajat.\n", decision, OutcomeApproved},
		{board, "PÄÄTÖSEHDOTUS\nSivistyslautakunta vahvistaa lukuvuoden 2025-2026 työ- ja loma-ajat.\n", decision, OutcomeApproved},
		{board, "Sivj:n ehdotus: Sivistyslautakunta vahvistaa lukuvuoden 2025-2026 työ- ja loma-ajat.\n", decision, OutcomeApproved},
		{board, "Ehdotus (sivj) Sivistyslautakunta vahvistaa lukuvuoden 2025-2026 työ- ja loma-ajat.\n", decision, OutcomeApproved},
		{board, proposal, "", OutcomePending},
		{board, proposal, "Päätös: Ehdotus hyväksyttiin.\n", OutcomeApproved},
		{board, proposal, "PÄÄTÖS:\nEhdotus hyväksyttiin.\n", OutcomeApproved},
		{board, proposal, "Päätös\n\nEhdotus hyväksyttiin.\n", OutcomeApproved},
		// The body's decision label, its text after a space, a colon or
		// the body's abbreviation.
		{board, proposal, "Sivistyslautakunnan päätös Ehdotus hyväksyttiin.\n", OutcomeApproved},
		{board, proposal, "SIVL:n päätös: Ehdotus hyväksyttiin.\n", OutcomeApproved},
		{board, proposal, "Sivistyslautakunnan päätös Asia jätettiin pöydälle.\n", OutcomeTabled},
		{board, proposal, "Kokouskäsittely Keskustelun aikana sivistysjohtaja selvitti asiaa.\nPäätös Ehdotus hyväksyttiin.\n", OutcomeApproved},
		{board, proposal, "Päätös Sivistyslautakunta vahvisti lukuvuoden työ- ja loma-ajat.\n", OutcomeApproved},
		{board, proposal, "Päätös Ehdotus hyväksyttiin.\nMatti Virtanen ilmoitti esteellisyydestä eikä osallistunut asian käsittelyyn.\n", OutcomeApproved},
		// A decision cut inside the word that says what was adopted, where
		// the stored text ends.
		{cut, proposal, "Päätös Sivistyslautakunta hyväksyi yksimielisesti puhee", OutcomeApproved},
		{cut, proposal, "Päätös Sivistyslautakunta hyväksyi päätös", OutcomeApproved},
		{cut, proposal, "Päätös Sivistyslautakunta hyväksyi sopimuksen muut", OutcomeDecided},
		// CloudNC's handling notes after the decision are no part of it.
		{board, proposal, "Päätös Ehdotus hyväksyttiin.\nKokouskäsittely\nMatti Virtanen ehdotti, että asia jätetään pöydälle. Ehdotus raukesi kannattamattomana.\n", OutcomeApproved},
		// The body's name with a colon before its decision, as older
		// minutes write it, with or without the Päätös label above it.
		{board, proposal, "Sivistyslautakunta:\nEhdotus hyväksyttiin.\n", OutcomeApproved},
		{board, proposal, "Sivistyslautakunta: Asia jätettiin pöydälle.\n", OutcomeTabled},
		{board, proposal, "Päätös\nSivistyslautakunta:\nEhdotus hyväksyttiin yksimielisesti.\n", OutcomeApproved},
		{board, "Sivistyslautakunta: 9 jäsentä, tarkastuslautakunta: 5 jäsentä\n" + proposal, "", OutcomePending},
		// The board's proposal labelled with its text after a space, carried
		// out point by point with the names it left open (Pelkosenniemi).
		{council, "Kunnanhallituksen esitys Valtuusto:\n1. päättää kunnanhallituksen toimikaudeksi kaksi (2) vuotta\n" +
			"2. valitsee kunnanhallitukseen kuusi (6) jäsentä ja heille henkilökohtaiset varajäsenet\n",
			"Päätös Valtuusto:\n1. päätti kunnanhallituksen toimikaudeksi kaksi (2) vuotta\n2. valitsi kunnanhallitukseen jäseneksi\n" +
				"Laura Lakson ja hänelle henkilökohtaiseksi varajäseneksi Annika Kostamon,\nTimo Tossavaisen ja hänelle henkilökohtaiseksi varajäseneksi Markku Kallion\n", OutcomeApproved},
		// The council's own handling, its proposal the board's.
		{council, rate, "Päätös Hyväksyttiin.\n", OutcomeApproved},
		{council, rate, "", OutcomePending},
		{council, rate, "Päätös Kaupunginvaltuusto päätti vuoden 2024 tuloveroprosentiksi 8,40 %.\n", OutcomeApproved},
		{council, rate, "Päätös Kaupunginvaltuusto hyväksyi kaupunginhallituksen ehdotuksen äänin 30-21.\n", OutcomeApproved},
		{council, rate, "Päätös Kaupunginvaltuusto päätti äänin 30-21 hyväksyä Matti Virtasen vastaehdotuksen.\n", OutcomeAmended},
		{council, rate, "Käsittely Matti Virtanen ehdotti Liisa Laineen kannattamana, että tuloveroprosentiksi päätetään 8,20 %. " +
			"Äänestyksessä kaupunginhallituksen ehdotus sai 21 ääntä ja Virtasen ehdotus 30 ääntä.\n" +
			"Päätös Kaupunginvaltuusto päätti vuoden 2024 tuloveroprosentiksi 8,20 %.\n", OutcomeAmended},
		{council, rate, "Päätös Kaupunginvaltuusto päätti äänin 30-21 vuoden 2024 tuloveroprosentiksi 8,40 %.\n", OutcomeApproved},
		{council, rate, "Päätös Kaupunginvaltuusto päätti yksimielisesti palauttaa asian kaupunginhallituksen valmisteltavaksi.\n", OutcomeReturned},
		{council, "Kunnanhallitus esittää:\nKaupunginvaltuusto päättää vuoden 2024 tuloveroprosentiksi 8,40 %.\n", "", OutcomePending},
		{council, "Stadsstyrelsen föreslår\nFullmäktige fastställer inkomstskattesatsen för år 2024 till 8,40 %.\n", "", OutcomePending},
	}
	for _, tt := range tests {
		page := strings.Replace(strings.Replace(tt.page, "%PROPOSAL%", tt.proposal, 1), "%DECISION%", tt.decision, 1)
		if d := Text(page); d.Outcome != tt.want {
			t.Errorf("%q %q: outcome %s, want %s (proposal %q, decision %q)", tt.proposal, tt.decision, d.Outcome, tt.want, d.Proposal, d.Decision)
		}
	}
}

// TestUnanimityOnPage reads unanimity on invented pages: said of the
// item's decision, not of an earlier one in the background; a vote or a
// recorded dissent or opposition makes it false (LABELLING.md).
func TestUnanimityOnPage(t *testing.T) {
	page := "Sivistyslautakunta\nPöytäkirja 10.12.2024/Pykälä 124\nKoulujen työ- ja loma-ajat lukuvuonna 2025-2026\n" +
		"SIVL 10.12.2024 § 124\n712/12.00.00/2022\nValmistelija Kiviniemi Heikki\n%B%" +
		"Esittelijä Sivistysjohtaja Kiviniemi Heikki\nPäätösehdotus Sivistyslautakunta vahvistaa lukuvuoden työ- ja loma-ajat.\n%D%"
	T, F := true, false
	tests := []struct {
		bg, dec string
		want    *bool
	}{
		{"Lautakunta päätti yksimielisesti 12.11.2024 § 110 lähettää asian lausunnolle.\n", "Päätös Ehdotus hyväksyttiin.\n", nil},
		{"Valtuusto hyväksyi yksimielisesti kuntastrategian 2022.\n", "Päätös Ehdotus hyväksyttiin.\n", nil},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin yksimielisesti.\n", &T},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin äänin 5-4.\n", &F},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin.\nMatti Virtanen jätti eriävän mielipiteen.\n", &F},
		{"Taustaa.\n", "Käsittely Keskustelun kuluessa Matti Virtanen ehdotti pöydällepanoa. Ehdotus raukesi kannattamattomana.\nPäätös Ehdotus hyväksyttiin yksimielisesti.\n", &T},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin yksimielisesti. Matti Virtanen ilmoitti esteellisyydestä eikä osallistunut asian käsittelyyn.\n", &T},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin. Merkittiin, että päätös oli yksimielinen.\n", &T},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin. Äänestyksessä ehdotus sai 7 ääntä ja vastaehdotus 2 ääntä.\n", &F},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin.\nMatti Virtanen ilmoitti, ettei hän ole päätöksessä mukana.\n", nil},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin.\nMatti Virtanen jätti päätöksestä eriävän mielipiteen, joka on pöytäkirjan liitteenä.\n", &F},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin.\nMatti Virtanen ilmoitti vastustavansa päätöstä.\n", &F},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin.\nTodettiin, että Matti Virtanen vastusti ehdotusta.\n", &F},
		{"Lautakunta päätti 12.11.2024 äänin 5-4 jättää asian pöydälle.\n", "Päätös Ehdotus hyväksyttiin.\n", nil},
		{"Taustaa.\n", "Päätös Förslaget godkändes enhälligt.\n", &T},
		{"Taustaa.\n", "Päätös Puheenjohtaja totesi, että koska oli tehty kannatettu vastaehdotus, on asiasta äänestettävä.\n", &F},
		{"Taustaa.\n", "Päätös Ehdotus hyväksyttiin. Pöytäkirjaan merkittiin Matti Virtasen eriävä mielipide.\n", &F},
	}
	str := func(b *bool) string {
		if b == nil {
			return "nil"
		}
		if *b {
			return "true"
		}
		return "false"
	}
	for _, tt := range tests {
		pg := strings.Replace(strings.Replace(page, "%B%", tt.bg, 1), "%D%", tt.dec, 1)
		d := Text(pg)
		if str(d.Unanimous) != str(tt.want) {
			t.Errorf("%q %q: unanimous %s, want %s", tt.bg, tt.dec, str(d.Unanimous), str(tt.want))
		}
	}
}

// TestStaticPageChrome reads an old static Dynasty page (kokous/*.HTM,
// seen: Kainuu 2009): its breadcrumb after the exit link and the © line
// at the foot are chrome, the body's name with a colon opens the decision.
func TestStaticPageChrome(t *testing.T) {
	nav := "Poistuminen | Toimielimet | Maakuntavaltuusto | Pöytäkirja 07.09.2009 | Avaa haku"
	d := Text(nav + "\n\nMaakuntavaltuusto\nPöytäkirja 07.09.2009 Pykälä 83\n§ 83\n07.09.2009\n\n" +
		"Kokouksen pöytäkirjantarkastajien valinta\n\nMV § 83\nTyöjärjestyksen mukaan pöytäkirjan tarkastaa kaksi valtuutettua.\n\n" +
		"Maakuntavaltuusto:\n\nPöytäkirjantarkastajiksi maakuntavaltuusto valitsi Vesa Kaikkosen ja Aki Karjalaisen.\n________\n\n" + nav + "\n\n©\n")
	if d.Decision != "Pöytäkirjantarkastajiksi maakuntavaltuusto valitsi Vesa Kaikkosen ja Aki Karjalaisen." || d.Outcome != OutcomeDecided {
		t.Errorf("decision %q, outcome %s", d.Decision, d.Outcome)
	}
}

// TestBodyNamedProposal reads a board's page where no official presents:
// the body's name stands in the label column, run on after the
// background's last sentence, and its proposal follows (Porvoo's Swedish
// pages). Taking note and refusing a proposed target besides is more than
// taking note.
func TestBodyNamedProposal(t *testing.T) {
	body := "Affärsverket Borgå kost- och städtjänsters direktion"
	page := inventedHead("Borgå stad", body, "Protokoll 13.02.2025/Paragraf 10") + "Verkställande direktörens översikt\n" +
		body + " 13.02.2025 § 10\nBeredning:\nVerkställande direktör Leila Korhonen\n" +
		"Verkställande direktören berättar om aktuella ärenden. " + body + "\n" +
		"Direktionen antecknar för kännedom verkställande direktörens översikt.\nBeslut\n"
	for _, tt := range []struct {
		decision string
		want     Outcome
	}{
		{"Direktionen antecknade verkställande direktörens översikt för kännedom.", OutcomeNoted},
		{"Direktionen antecknade verkställande direktörens översikt för kännedom. Direktionen godkände inte det föreslagna besparingsmålet att slopa frukter som mellanmål i skolorna.", OutcomeAmended},
	} {
		d := Text(page + tt.decision + "\n")
		if d.Proposal != "Direktionen antecknar för kännedom verkställande direktörens översikt." || d.Outcome != tt.want {
			t.Errorf("%q: proposal %q, outcome %s, want %s", tt.decision, d.Proposal, d.Outcome, tt.want)
		}
	}
}

// TestClassifyProbedWording is a third round of invented wordings (v24),
// written from common minute phrasing without reading any page: the
// presenter's proposal winning a vote, a member's proposal voted down
// before the presenter's is adopted, a corrected proposal adopted,
// adjustments in the plural adessive, the Swedish "till kännedom", a
// Swedish withdrawal, postponement (lykätä) as tabling.
func TestClassifyProbedWording(t *testing.T) {
	P := "Kunnanhallitus hyväksyy liitteenä olevan sopimuksen."
	N := "Kunnanhallitus merkitsee tiedoksi talouskatsauksen."
	L := "Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy talousarvion."
	checkClassify(t, []classifyCase{
		{P, "Kunnanhallitus hyväksyi päätösehdotuksen.", "", OutcomeApproved},
		{P, "Päätösehdotus hyväksyttiin sellaisenaan.", "", OutcomeApproved},
		{P, "Esittelijän ehdotus hyväksyttiin yksimielisesti.", "", OutcomeApproved},
		{P, "Päätösesitys hyväksyttiin.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin yksimielisesti ilman muutoksia.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi yksimielisesti esityksen.", "", OutcomeApproved},
		{P, "Hyväksyttiin yksimielisesti ehdotuksen mukaisesti.", "", OutcomeApproved},
		{P, "Puheenjohtaja totesi kunnanjohtajan ehdotuksen tulleen yksimielisesti hyväksytyksi.", "", OutcomeApproved},
		{P, "Keskustelun kuluessa Virtanen teki muutosehdotuksen, jota ei kannatettu. Ehdotus hyväksyttiin.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin. Virtanen jätti päätöksestä eriävän mielipiteen.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi ehdotuksen äänestyksen jälkeen äänin 6-3.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi ehdotuksen seuraavalla lisäyksellä: sopimus tuodaan valtuustolle tiedoksi.", "", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin muutettuna siten, että sopimuksen kesto on kaksi vuotta.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi Virtasen tekemän muutosehdotuksen yksimielisesti.", "", OutcomeAmended},
		{P, "Virtasen muutosesitys hyväksyttiin yksimielisesti.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi Virtasen ehdotuksen äänin 5-4.", "", OutcomeAmended},
		{P, "Äänestyksessä Virtasen vastaehdotus voitti äänin 5-4.", "", OutcomeAmended},
		{P, "Kunnanhallitus päätti hylätä päätösehdotuksen.", "", OutcomeRejected},
		{P, "Päätösehdotus hylättiin äänin 4-5.", "", OutcomeRejected},
		{P, "Asia päätettiin jättää pöydälle.", "", OutcomeTabled},
		{P, "Asia jätettiin pöydälle Virtasen ehdotuksesta.", "", OutcomeTabled},
		{P, "Kunnanhallitus jätti asian pöydälle.", "", OutcomeTabled},
		{P, "Virtasen pöydällepanoehdotus hyväksyttiin.", "", OutcomeTabled},
		{P, "Asia palautettiin uudelleen valmisteluun.", "", OutcomeReturned},
		{P, "Kunnanhallitus palautti asian uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{P, "Virtasen palautusehdotus hyväksyttiin äänin 5-4.", "", OutcomeReturned},
		{P, "Asia poistettiin esityslistalta.", "", OutcomeWithdrawn},
		{P, "Esittelijä poisti asian esityslistalta.", "", OutcomeWithdrawn},
		{P, "Asia siirrettiin seuraavaan kokoukseen.", "", OutcomeTabled},
		{N, "Kunnanhallitus merkitsi talouskatsauksen tiedokseen.", "", OutcomeNoted},
		{N, "Päätösehdotus hyväksyttiin.", "", OutcomeNoted},
		{N, "Merkittiin tiedoksi yksimielisesti.", "", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi asian tiedoksi.", "", OutcomeNoted},
		{N, "Talouskatsaus merkittiin tiedoksi.", "", OutcomeNoted},
		{L, "Ehdotus hyväksyttiin.", "", OutcomeApproved},
		{L, "Kunnanhallitus päätti esittää valtuustolle, että valtuusto hyväksyy talousarvion.", "", OutcomeApproved},
		{"Kunnanvaltuusto valitsee tarkastuslautakuntaan puheenjohtajan.", "Kunnanvaltuusto valitsi tarkastuslautakunnan puheenjohtajaksi Matti Virtasen.", "", OutcomeApproved},
		{P, "Hyväksyttiin kunnanjohtajan ehdotuksen mukaisesti.", "", OutcomeApproved},
		{P, "Kunnanhallitus päätti yksimielisesti esityksen mukaisesti.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin yksimielisesti. Pöytäkirja tarkastettiin tämän pykälän osalta kokouksessa.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin. Tämä pykälä tarkastettiin kokouksessa.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin. Pykälä tarkastettiin heti.", "", OutcomeApproved},
		{P, "Hyväksyttiin. Päätös tarkastettiin kokouksessa.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin yksimielisesti. Virtanen poistui kokouksesta tämän asian käsittelyn ajaksi.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi kunnanjohtajan muutetun päätösehdotuksen.", "", OutcomeAmended},
		{P, "Esittelijä muutti päätösehdotustaan. Muutettu ehdotus hyväksyttiin.", "", OutcomeAmended},
		{P, "Esittelijä muutti päätösehdotusta siten, että sopimus on voimassa vuoden. Kunnanhallitus hyväksyi muutetun ehdotuksen yksimielisesti.", "", OutcomeAmended},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen beslöt enhälligt enligt förslaget.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Föredragandens förslag godkändes.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet bordlades.", "", OutcomeTabled},
		{"Stadsstyrelsen godkänner avtalet.", "Förslaget godkändes med ändringen att avtalet gäller ett år.", "", OutcomeAmended},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen godkände förslaget efter omröstning 5-4.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet drogs tillbaka.", "", OutcomeWithdrawn},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet återremitterades för ny beredning.", "", OutcomeReturned},
		{"", "Valtuusto hyväksyi kaupunginhallituksen esityksen.", "", OutcomeApproved},
		{"", "Hyväksyttiin.", "", OutcomeApproved},
		{"", "Ehdotus hyväksyttiin.", "", OutcomeApproved},
		{"", "Merkittiin tiedoksi.", "", OutcomeNoted},
		{"", "Asia jätettiin pöydälle.", "", OutcomeTabled},
		{P, "Äänestyksessä esittelijän ehdotus voitti äänin 6-3.", "", OutcomeApproved},
		{P, "Esittelijän ehdotus voitti äänin 6-3.", "", OutcomeApproved},
		{P, "Virtasen ehdotus hylättiin äänin 3-6 ja esittelijän ehdotus hyväksyttiin.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi ehdotuksen sillä tarkennuksella, että sopimus tarkistetaan vuosittain.", "", OutcomeAmended},
		{P, "Kunnanhallitus päätti ehdotuksesta poiketen hyväksyä sopimuksen kahdeksi vuodeksi.", "", OutcomeAmended},
		{P, "Asia jäi pöydälle.", "", OutcomeTabled},
		{P, "Asian käsittely siirrettiin seuraavaan kokoukseen.", "", OutcomeTabled},
		{P, "Kunnanhallitus päätti siirtää asian käsittelyn seuraavaan kokoukseen.", "", OutcomeTabled},
		{P, "Kunnanhallitus päätti lykätä asian käsittelyä.", "", OutcomeTabled},
		{P, "Ehdotus hyväksyttiin yksimielisesti seuraavin tarkennuksin: kohta 2 muutetaan.", "", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin yksimielisesti seuraavalla lisäyksellä: sopimus tarkistetaan.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi yksimielisesti esittelijän päätösehdotuksen täydennettynä siten, että sopimus tarkistetaan.", "", OutcomeAmended},
		{P, "Hyväksyttiin tehdyin muutoksin.", "", OutcomeAmended},
		{P, "Hyväksyttiin muutoksin.", "", OutcomeAmended},
		{P, "Hyväksyttiin keskustelussa esitetyin muutoksin.", "", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin keskustelussa esille tulleilla tarkennuksilla.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi sopimuksen esitetyin muutoksin.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi ehdotuksen äänin 7-2. Virtanen ja Mäkinen jättivät eriävän mielipiteen.", "", OutcomeApproved},
		{P, "Esittelijä peruutti ehdotuksensa. Asia poistettiin esityslistalta.", "", OutcomeWithdrawn},
		{P, "Asia poistettiin käsiteltävien asioiden joukosta.", "", OutcomeWithdrawn},
		{P, "Esittelijä veti asian pois käsittelystä.", "", OutcomeWithdrawn},
		{P, "Kunnanhallitus palautti asian valmisteluun.", "", OutcomeReturned},
		{P, "Asia päätettiin palauttaa uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{P, "Asia palautettiin lisävalmisteluun.", "", OutcomeReturned},
		{N, "Kunnanhallitus merkitsi katsauksen tiedoksi ja hyväksyi esityksen.", "", OutcomeNoted},
		{N, "Tiedoksi.", "", OutcomeNoted},
		{N, "Merkitään tiedoksi ja todetaan asia käsitellyksi.", "", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi tiedoksi talouskatsauksen ja kehotti hallintoa selvittämään säästökohteet.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi esityksen yksimielisesti ja päätti lisäksi, että asia viedään valtuustoon.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi sopimuksen yksimielisesti.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi liitteenä olevan sopimuksen.", "", OutcomeApproved},
		{P, "Esittelijä korjasi päätösehdotusta kokouksessa. Korjattu ehdotus hyväksyttiin.", "", OutcomeAmended},
		{P, "Ehdotus hyväksyttiin. Esittelijä korjasi kokouksessa kirjoitusvirheen.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin. Merkittiin, että Virtanen ei osallistunut asian käsittelyyn esteellisenä.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen godkände avtalet enhälligt.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Godkändes med ändringar.", "", OutcomeAmended},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet bordlades till nästa möte.", "", OutcomeTabled},
		{"Stadsstyrelsen godkänner avtalet.", "Förslaget avslogs med rösterna 4-5.", "", OutcomeRejected},
		{"Stadsstyrelsen antecknar rapporten för kännedom.", "Stadsstyrelsen antecknade rapporten för kännedom.", "", OutcomeNoted},
		{"Stadsstyrelsen antecknar rapporten för kännedom.", "Antecknades till kännedom.", "", OutcomeNoted},
	})
}

// TestClassifyRestatedWording is invented decisions that restate their
// proposal (v24, written without reading any page): a restatement with a
// figure or a date of its own is amended, a short act joined by "sekä"
// is an addition, a statement given in other words is an action, and the
// proposal adopted in the last sentence after a motion to return it was
// voted down is approved.
func TestClassifyRestatedWording(t *testing.T) {
	checkClassify(t, []classifyCase{
		{"Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy vuoden 2024 tilinpäätöksen ja päättää, että tilikauden ylijäämä kirjataan taseen ylijäämätilille.",
			"Kunnanhallitus esitti valtuustolle, että valtuusto hyväksyy vuoden 2024 tilinpäätöksen ja päättää, että tilikauden ylijäämä kirjataan taseen ylijäämätilille.", "", OutcomeApproved},
		{"Kunnanhallitus päättää myöntää Matti Virtaselle eron kunnanhallituksen jäsenyydestä.", "Kunnanhallitus myönsi Matti Virtaselle eron kunnanhallituksen jäsenyydestä.", "", OutcomeApproved},
		{"Tekninen lautakunta päättää valita urakoitsijaksi Rakennus Oy:n, jonka tarjous oli kokonaistaloudellisesti edullisin.", "Tekninen lautakunta päätti valita urakoitsijaksi Rakennus Oy:n, jonka tarjous oli kokonaistaloudellisesti edullisin.", "", OutcomeApproved},
		{"Kaupunginhallitus päättää\n1. hyväksyä liitteen mukaisen sopimuksen\n2. valtuuttaa kaupunginjohtajan allekirjoittamaan sopimuksen.", "Kaupunginhallitus päätti\n1. hyväksyä liitteen mukaisen sopimuksen\n2. valtuuttaa kaupunginjohtajan allekirjoittamaan sopimuksen.", "", OutcomeApproved},
		{"Sivistyslautakunta antaa asiasta liitteen mukaisen lausunnon.", "Sivistyslautakunta antoi asiasta liitteen mukaisen lausunnon.", "", OutcomeApproved},
		{"Ympäristölautakunta myöntää ympäristöluvan hakemuksen mukaisesti liitteen lupamääräyksin.", "Ympäristölautakunta myönsi ympäristöluvan hakemuksen mukaisesti liitteen lupamääräyksin.", "", OutcomeApproved},
		{"Valtuusto valitsee tarkastuslautakuntaan jäsenen ja varajäsenen jäljellä olevaksi toimikaudeksi.", "Valtuusto valitsi tarkastuslautakuntaan jäseneksi Liisa Mäkisen ja varajäseneksi Pekka Koskisen jäljellä olevaksi toimikaudeksi.", "", OutcomeApproved},
		{"Kunnanhallitus päättää ottaa 2 000 000 euron lainan Kuntarahoitus Oyj:ltä.", "Kunnanhallitus päätti ottaa 2 000 000 euron lainan Kuntarahoitus Oyj:ltä.", "", OutcomeApproved},
		{"Kunnanhallitus päättää ottaa 2 000 000 euron lainan Kuntarahoitus Oyj:ltä.", "Kunnanhallitus päätti ottaa 1 500 000 euron lainan Kuntarahoitus Oyj:ltä.", "", OutcomeAmended},
		{"Kunnanhallitus päättää, että kunta ei käytä etuosto-oikeuttaan kiinteistökaupassa.", "Kunnanhallitus päätti, että kunta ei käytä etuosto-oikeuttaan kiinteistökaupassa.", "", OutcomeApproved},
		{"Kunnanhallitus päättää, että kunta ei käytä etuosto-oikeuttaan kiinteistökaupassa.", "Ehdotus hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy selvityksen ja antaa sen vastineena tarkastuslautakunnalle.", "Kunnanhallitus hyväksyi selvityksen ja antoi sen vastineena tarkastuslautakunnalle.", "", OutcomeApproved},
		{"Kunnanhallitus merkitsee tiedoksi tarkastuslautakunnan arviointikertomuksen ja antaa siitä lausunnon valtuustolle.", "Ehdotus hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus päättää merkitä tiedoksi toimielinten pöytäkirjat ja todeta, ettei se käytä otto-oikeuttaan.", "Hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Kunnanhallitus hyväksyi liitteenä olevan sopimuksen. Päätös tarkastettiin kokouksessa.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Kunnanhallitus hyväksyi liitteenä olevan sopimuksen. Tämä pykälä tarkastettiin kokouksessa.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Kunnanhallitus hyväksyi liitteenä olevan sopimuksen. Esteellisenä asian käsittelyyn ei osallistunut Virtanen.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Kunnanhallitus hyväksyi liitteenä olevan sopimuksen. Pöytäkirjaan merkittiin, että Virtanen poistui kokouksesta asian käsittelyn ajaksi.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Kunnanhallitus hyväksyi liitteenä olevan sopimuksen. Virtanen jätti eriävän mielipiteen, joka on liitteenä.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Kunnanhallitus hyväksyi yksimielisesti liitteenä olevan sopimuksen. Keskustelun aikana Virtanen ehdotti, että sopimus palautetaan. Ehdotus raukesi kannattamattomana.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Virtanen ehdotti Mäkisen kannattamana asian palauttamista uudelleen valmisteltavaksi. Suoritetussa äänestyksessä asian käsittelyä jatkettiin äänin 6-3. Kunnanhallitus hyväksyi sopimuksen.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Virtanen ehdotti Mäkisen kannattamana asian jättämistä pöydälle. Äänestyksessä pöydällepanoehdotus hyväksyttiin äänin 5-4.", "", OutcomeTabled},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Virtanen ehdotti, että asia jätetään pöydälle. Ehdotusta kannatettiin. Asia jätettiin pöydälle yksimielisesti.", "", OutcomeTabled},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Kunnanhallitus päätti äänestyksen jälkeen hyväksyä Virtasen ehdotuksen, jonka mukaan sopimus hylätään.", "", OutcomeAmended},
		{"Kunnanhallitus hyväksyy liitteenä olevan sopimuksen.", "Kunnanhallitus päätti yksimielisesti hyväksyä liitteenä olevan sopimuksen sekä valtuuttaa kunnanjohtajan allekirjoittamaan sen.", "", OutcomeAmended},
		{"Lautakunta päättää vahvistaa maksut liitteen mukaisesti 1.1.2025 alkaen.", "Lautakunta päätti vahvistaa maksut liitteen mukaisesti 1.1.2025 alkaen.", "", OutcomeApproved},
		{"Lautakunta päättää vahvistaa maksut liitteen mukaisesti 1.1.2025 alkaen.", "Lautakunta päätti vahvistaa maksut liitteen mukaisesti 1.3.2025 alkaen.", "", OutcomeAmended},
		// The proposal's first act done, another in place of the rest:
		// amended; the first act alone, nothing in its place: decided.
		{"Kunnanhallitus päättää merkitä aloitteen tiedoksi ja antaa asian teknisen lautakunnan ratkaistavaksi.", "Kunnanhallitus päätti merkitä aloitteen tiedoksi ja pyysi sivistyslautakuntaa selvittämään koulukuljetukset.", "", OutcomeAmended},
		{"Kunnanhallitus päättää merkitä aloitteen tiedoksi ja antaa asian teknisen lautakunnan ratkaistavaksi.", "Kunnanhallitus päätti lähettää aloitteen hyvinvointialueelle.", "", OutcomeDecided},
	})
}

// TestClassifyVoteNarratives is invented decision sections that tell the
// handling (v24, written without reading any page): motions made, seconded,
// lapsing or put to the vote, whose result says whose proposal won; an
// act of the body's own joined after a comma ("ja päätti, että …").
func TestClassifyVoteNarratives(t *testing.T) {
	P := "Kunnanhallitus hyväksyy liitteenä olevan sopimuksen."
	N := "Kunnanhallitus merkitsee tiedoksi talouskatsauksen."
	checkClassify(t, []classifyCase{
		{P, "Keskustelun kuluessa Virtanen ehdotti Mäkisen kannattamana, että sopimus hylätään. Puheenjohtaja totesi, että on tehty kannatettu ehdotus, joten on äänestettävä. Äänestyksessä esittelijän ehdotus sai 6 ääntä ja Virtasen ehdotus 3 ääntä. Puheenjohtaja totesi kunnanhallituksen hyväksyneen esittelijän ehdotuksen.", "", OutcomeApproved},
		{P, "Keskustelun kuluessa Virtanen ehdotti Mäkisen kannattamana, että sopimus hylätään. Äänestyksessä Virtasen ehdotus sai 6 ääntä ja esittelijän ehdotus 3 ääntä. Puheenjohtaja totesi kunnanhallituksen hyväksyneen Virtasen ehdotuksen.", "", OutcomeAmended},
		{P, "Äänestyksen jälkeen (JAA 6, EI 3) kunnanhallitus hyväksyi esittelijän ehdotuksen.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi päätösehdotuksen äänin 6 (jaa) - 3 (ei).", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi päätösehdotuksen äänestyksen jälkeen. Äänestystulos on pöytäkirjan liitteenä.", "", OutcomeApproved},
		{P, "Puheenjohtaja totesi, että koska Virtasen ehdotusta ei kannatettu, se raukeaa. Ehdotus hyväksyttiin yksimielisesti.", "", OutcomeApproved},
		{P, "Virtanen teki Mäkisen kannattamana vastaehdotuksen. Nimenhuutoäänestyksessä esittelijän ehdotus voitti äänin 7-2.", "", OutcomeApproved},
		{P, "Virtanen teki Mäkisen kannattamana vastaehdotuksen. Nimenhuutoäänestyksessä vastaehdotus voitti äänin 7-2.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi yksimielisesti Virtasen tekemän ja Mäkisen kannattaman muutosehdotuksen.", "", OutcomeAmended},
		{P, "Keskustelun aikana Virtanen ehdotti, että sopimukseen lisätään irtisanomisehto. Kunnanhallitus hyväksyi yksimielisesti Virtasen ehdotuksen.", "", OutcomeAmended},
		{P, "Keskustelun aikana Virtanen ehdotti, että sopimukseen lisätään irtisanomisehto. Ehdotusta ei kannatettu, joten se raukesi. Kunnanhallitus hyväksyi päätösehdotuksen yksimielisesti.", "", OutcomeApproved},
		{P, "Hyväksyttiin äänestyksen jälkeen. Äänestyksessä jaa-ääniä annettiin 6 ja ei-ääniä 3.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi ehdotuksen äänin 6-3. Vähemmistöön jääneet Virtanen, Mäkinen ja Koskinen jättivät päätöksestä eriävän mielipiteen.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin yksimielisesti.", "Keskustelun kuluessa Virtanen ehdotti asian jättämistä pöydälle. Ehdotus raukesi kannattamattomana.", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin.", "Virtanen ehdotti Mäkisen kannattamana, että asia palautetaan uudelleen valmisteltavaksi. Äänestyksessä asian käsittelyä päätettiin jatkaa äänin 6-3.", OutcomeApproved},
		{P, "Kunnanhallitus päätti äänin 6-3 palauttaa asian uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{P, "Kunnanhallitus päätti Virtasen ehdotuksesta jättää asian pöydälle.", "", OutcomeTabled},
		{P, "Kunnanhallitus päätti äänestyksen jälkeen hylätä päätösehdotuksen.", "", OutcomeRejected},
		{N, "Merkittiin tiedoksi. Keskustelun aikana Virtanen esitti kysymyksiä talouden tilanteesta.", "", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi talouskatsauksen tiedoksi. Kunnanjohtaja vastasi esitettyihin kysymyksiin.", "", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi talouskatsauksen tiedoksi ja päätti, että seuraava katsaus tuodaan kesäkuussa.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi sopimuksen. Asian käsittelyn aikana kokouksessa oli läsnä talousjohtaja.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi sopimuksen. Talousjohtaja oli kokouksessa kuultavana tämän pykälän aikana.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi sopimuksen. Virtanen ilmoitti esteellisyydestään ja poistui kokouksesta asian käsittelyn ajaksi.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin yksimielisesti. Merkittiin, että pykälä tarkastettiin kokouksessa.", "", OutcomeApproved},
	})
}

// TestOutcomeOnInventedPages reads the outcome of invented whole pages
// (v24, written without reading any page) in the layouts docs/dynasty.md
// lists: labels padded in a left column, the presenter on the proposal's
// line, "Kunnanjohtajan päätösehdotus:" / "Kunnanhallituksen päätös:",
// a handling's notes telling a vote by the proposals' counts, a council's
// page below the board's handling with its "Kunnanhallitus:" /
// "Kunnanvaltuusto:" labels and a vote before the verb.
func TestOutcomeOnInventedPages(t *testing.T) {
	head := inventedHead("Testilän kunta", "Kunnanhallitus", "Pöytäkirja 12.03.2024/Pykälä 45")
	left := head + "Koulukuljetusten hankinta 2024-2027\nKH 12.03.2024 § 45\n123/02.08.00/2024\n" +
		"Valmistelija          hallintojohtaja Liisa Laine, puh. 040 123 4567\n\nTaustaa asiasta kahdella rivillä.\nToinen rivi.\n\n"
	council := inventedHead("Testilän kunta", "Kunnanvaltuusto", "Pöytäkirja 25.03.2024/Pykälä 12") +
		"Talousarviolainan ottaminen\nKunnanhallitus 12.03.2024 § 46\n124/02.05.00/2024\nValmistelija talousjohtaja Pekka Koski\nTaustaa.\n" +
		"Esittelijä kunnanjohtaja Matti Mäki\nPäätösehdotus Kunnanhallitus esittää valtuustolle, että valtuusto valtuuttaa kunnanjohtajan ottamaan 2 milj. euron lainan.\n" +
		"Päätös Ehdotus hyväksyttiin yksimielisesti.\n\nKunnanvaltuusto 25.03.2024 § 12\n"
	checkPageOutcomes(t, []pageOutcome{
		{left + "Päätösehdotus     Kunnanjohtaja Matti Mäki\n\nKunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\n\nPäätös     Kunnanhallitus:\n\nEhdotus hyväksyttiin yksimielisesti.\n\nMuutoksenhaku Hankintaoikaisu\n", OutcomeApproved},
		{left + "Päätösehdotus     Kunnanjohtaja Matti Mäki\n\nKunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\n\nPäätös     Kunnanhallitus:\n\nAsia jätettiin pöydälle.\n", OutcomeTabled},
		{left + "Esittelijä: kunnanjohtaja Matti Mäki\nKunnanjohtajan päätösehdotus:\nKunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\nKunnanhallituksen päätös:\nHyväksyttiin.\n", OutcomeApproved},
		{left + "Esittelijä: kunnanjohtaja Matti Mäki\nKunnanjohtajan päätösehdotus:\nKunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\nKunnanhallituksen päätös:\nPalautettiin uudelleen valmisteltavaksi.\n", OutcomeReturned},
		{left + "Esittelijä Kunnanjohtaja Matti Mäki\nEhdotus Kunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\nKäsittely Virtanen teki Koskisen kannattamana vastaehdotuksen, että hankinta keskeytetään. Äänestyksessä esittelijän ehdotus sai 5 ääntä ja Virtasen ehdotus 4 ääntä.\nPäätös Kunnanhallitus hyväksyi esittelijän ehdotuksen äänin 5-4.\n", OutcomeApproved},
		{left + "Esittelijä Kunnanjohtaja Matti Mäki\nEhdotus Kunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\nKäsittely Virtanen teki Koskisen kannattamana vastaehdotuksen, että hankinta keskeytetään. Äänestyksessä esittelijän ehdotus sai 4 ääntä ja Virtasen ehdotus 5 ääntä.\nPäätös Kunnanhallitus päätti keskeyttää hankinnan.\n", OutcomeAmended},
		{left + "Esitys Kunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\nPäätös Esitys hyväksyttiin.\nTiedoksi Liikennöitsijät\n", OutcomeApproved},
		{left + "Ehdotus: Kunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\nPäätös: Ehdotus hyväksyttiin.\nOikaisuvaatimusohje liitteenä.\n", OutcomeApproved},
		{left + "Ehdotus: Kunnanhallitus merkitsee tiedoksi hankinnan tilanteen.\nPäätös: Ehdotus hyväksyttiin.\n", OutcomeNoted},
		{left + "Ehdotus: Kunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\nPäätös:\nKunnanhallitus päätti yksimielisesti\nhyväksyä liitteen mukaisen hankintapäätöksen.\n", OutcomeApproved},
		{left + "Ehdotus: Kunnanhallitus hyväksyy liitteen mukaisen hankintapäätöksen.\nPäätös:\nEhdotus hyväksyttiin sillä muutoksella, että sopimuskausi on kaksi vuotta.\n", OutcomeAmended},
		{council + "Kunnanhallituksen ehdotus:\nValtuusto valtuuttaa kunnanjohtajan ottamaan 2 milj. euron lainan.\nPäätös:\nHyväksyttiin yksimielisesti.\n", OutcomeApproved},
		{council + "Kunnanhallituksen ehdotus:\nValtuusto valtuuttaa kunnanjohtajan ottamaan 2 milj. euron lainan.\nPäätös:\nAsia jätettiin pöydälle.\n", OutcomeTabled},
		{council + "Kunnanhallituksen ehdotus:\nValtuusto valtuuttaa kunnanjohtajan ottamaan 2 milj. euron lainan.\n", OutcomePending},
		{council + "Kunnanhallitus:\nValtuusto valtuuttaa kunnanjohtajan ottamaan 2 milj. euron lainan.\nKunnanvaltuusto:\nKunnanvaltuusto päätti äänin 15-12 palauttaa asian kunnanhallitukselle uudelleen valmisteltavaksi.\n", OutcomeReturned},
		{council + "Ehdotus Kunnanhallitus esittää valtuustolle, että valtuusto valtuuttaa kunnanjohtajan ottamaan 2 milj. euron lainan.\nPäätös Valtuusto hyväksyi kunnanhallituksen ehdotuksen.\n", OutcomeApproved},
		{council + "Ehdotus Kunnanhallitus esittää valtuustolle, että valtuusto valtuuttaa kunnanjohtajan ottamaan 2 milj. euron lainan.\nPäätös Valtuusto päätti valtuuttaa kunnanjohtajan ottamaan 1,5 milj. euron lainan.\n", OutcomeAmended},
	})
}

// TestOutcomeOnInventedSwedishAndListPages: Swedish pages, agendas, and
// decisions written as numbered lists, invented as above (v24).
func TestOutcomeOnInventedSwedishAndListPages(t *testing.T) {
	sv := inventedHead("Testby kommun", "Kommunstyrelsen", "Protokoll 12.03.2024/Paragraf 45") +
		"Upphandling av skolskjutsar 2024-2027\nKST 12.03.2024 § 45\n123/02.08.00/2024\nBeredare förvaltningsdirektör Lisa Lindqvist\nBakgrund.\n" +
		"Föredragande kommundirektör Mats Berg\n"
	agenda := inventedHead("Testilän kunta", "Kunnanhallitus", "Esityslista 12.03.2024/Asianro 5") +
		"Koulukuljetusten hankinta 2024-2027\n123/02.08.00/2024\nValmistelija hallintojohtaja Liisa Laine\nTaustaa.\nEsittelijä kunnanjohtaja Matti Mäki\n"
	fi := inventedHead("Testilän kunta", "Tekninen lautakunta", "Pöytäkirja 12.03.2024/Pykälä 45") +
		"Katuvalaistuksen saneeraus\nTELA 12.03.2024 § 45\n123/10.03.00/2024\nValmistelija tekninen johtaja Pekka Koski, puh. 040 1234567\nTaustaa.\n" +
		"Esittelijä tekninen johtaja Pekka Koski\n"
	checkPageOutcomes(t, []pageOutcome{
		{sv + "Förslag Kommunstyrelsen godkänner upphandlingen.\nBeslut Förslaget godkändes.\n", OutcomeApproved},
		{sv + "Förslag Kommunstyrelsen godkänner upphandlingen.\nBeslut Ärendet bordlades.\n", OutcomeTabled},
		{sv + "Förslag Kommunstyrelsen godkänner upphandlingen.\nBeslut Kommunstyrelsen godkände förslaget efter omröstning 5-4.\n", OutcomeApproved},
		{sv + "Förslag Kommunstyrelsen godkänner upphandlingen.\nBeslut Ärendet återremitterades för ny beredning.\n", OutcomeReturned},
		{sv + "Förslag Kommunstyrelsen antecknar rapporten för kännedom.\nBeslut Förslaget godkändes.\n", OutcomeNoted},
		{sv + "Beslutsförslag Kommunstyrelsen godkänner upphandlingen.\n", OutcomePending},
		{agenda + "Päätösehdotus Kunnanhallitus hyväksyy hankinnan.\n", OutcomePending},
		{agenda + "Ehdotus\nKunnanhallitus hyväksyy hankinnan.\n", OutcomePending},
		{fi + "Päätösehdotus Tekninen lautakunta\n1. hyväksyy katuvalaistuksen saneeraussuunnitelman\n2. oikeuttaa teknisen johtajan tekemään hankinnan.\nPäätös Ehdotus hyväksyttiin.\n", OutcomeApproved},
		{fi + "Päätösehdotus Tekninen lautakunta\n1. hyväksyy katuvalaistuksen saneeraussuunnitelman\n2. oikeuttaa teknisen johtajan tekemään hankinnan.\nPäätös Tekninen lautakunta\n1. hyväksyi katuvalaistuksen saneeraussuunnitelman\n2. oikeutti teknisen johtajan tekemään hankinnan.\n", OutcomeApproved},
		{fi + "Päätösehdotus Tekninen lautakunta\n1. hyväksyy katuvalaistuksen saneeraussuunnitelman\n2. oikeuttaa teknisen johtajan tekemään hankinnan.\nPäätös Tekninen lautakunta\n1. hyväksyi katuvalaistuksen saneeraussuunnitelman\n2. oikeutti teknisen johtajan tekemään hankinnan\n3. päätti, että hankinnasta tiedotetaan asukkaille.\n", OutcomeAmended},
		{fi + "Päätösehdotus Tekninen lautakunta hyväksyy katuvalaistuksen saneeraussuunnitelman.\nPäätös Ehdotus hyväksyttiin.\nPöytäkirjan tarkastajat tarkastivat tämän pykälän kokouksessa.\n", OutcomeApproved},
		{fi + "Päätösehdotus Tekninen lautakunta hyväksyy katuvalaistuksen saneeraussuunnitelman.\nPäätös Tekninen lautakunta päätti yksimielisesti jättää asian pöydälle.\n", OutcomeTabled},
		{fi + "Päätösehdotus Tekninen lautakunta hyväksyy katuvalaistuksen saneeraussuunnitelman.\nPäätös Tekninen johtaja poisti asian esityslistalta.\n", OutcomeWithdrawn},
		{fi + "Päätösehdotus Tekninen lautakunta hyväksyy katuvalaistuksen saneeraussuunnitelman.\nPäätös Hyväksyttiin. Virtanen ilmoitti olevansa esteellinen eikä osallistunut asian käsittelyyn.\n", OutcomeApproved},
		{fi + "Päätösehdotus Tekninen lautakunta hyväksyy katuvalaistuksen saneeraussuunnitelman.\nKokouskäsittely\nVirtanen ehdotti, että suunnitelmaan lisätään kevyen liikenteen väylät. Ehdotusta kannatettiin. Esittelijä muutti ehdotustaan Virtasen ehdotuksen mukaiseksi.\nPäätös Muutettu ehdotus hyväksyttiin yksimielisesti.\n", OutcomeAmended},
		{fi + "Päätösehdotus Tekninen lautakunta hyväksyy katuvalaistuksen saneeraussuunnitelman.\nKokouskäsittely\nEsittelijä täydensi ehdotustaan siten, että saneeraus aloitetaan keskustasta.\nPäätös Hyväksyttiin täydennetty ehdotus.\n", OutcomeAmended},
		{fi + "Päätösehdotus Tekninen lautakunta hyväksyy katuvalaistuksen saneeraussuunnitelman.\nPäätös Lautakunta hyväksyi ehdotuksen yksimielisesti seuraavalla lisäyksellä: saneeraus aloitetaan keskustasta.\n", OutcomeAmended},
		{fi + "Päätösehdotus Tekninen lautakunta merkitsee tiedoksi katuvalaistuksen saneerauksen tilanteen.\nPäätös Merkittiin tiedoksi.\n", OutcomeNoted},
		{fi + "Päätösehdotus Tekninen lautakunta hyväksyy katuvalaistuksen saneeraussuunnitelman.\nPäätös Lautakunta hylkäsi ehdotuksen äänin 4-5.\n", OutcomeRejected},
	})
}

// classifyCase is an invented proposal, decision and handling notes, and
// the outcome they make.
type classifyCase struct {
	// notes are the handling's notes before the decision, if any.
	p, d, notes string
	want        Outcome
}

func checkClassify(t *testing.T, cases []classifyCase) {
	t.Helper()
	for _, tt := range cases {
		if got := classify(tt.p, tt.d, tt.notes); got != tt.want {
			t.Errorf("%.40q | %q = %s, want %s", tt.p, tt.d, got, tt.want)
		}
	}
}

// pageOutcome is an invented whole page and the outcome it reads as.
type pageOutcome struct {
	page string
	want Outcome
}

func checkPageOutcomes(t *testing.T, pages []pageOutcome) {
	t.Helper()
	for _, tt := range pages {
		if d := Text(tt.page); d.Outcome != tt.want {
			t.Errorf("outcome %s, want %s (proposal %q, decision %q)", d.Outcome, tt.want, d.Proposal, d.Decision)
		}
	}
}

// TestClassifyHelsinkiVotesAndPresenterChanges: invented lines (v24, no
// page read) of the vote Helsinki's minutes print (JAA-ehdotus the
// board's proposal, the counts after it), of the presenter changing the
// proposal in the meeting, and of adoption "esityksen mukaan/mukaisena".
func TestClassifyHelsinkiVotesAndPresenterChanges(t *testing.T) {
	P := "Kaupunginvaltuusto hyväksyy liitteenä olevan sopimuksen."
	helsinkiVote := func(jaa, ei string) string {
		return "Käsittely\nVastaehdotus:\nValtuutettu Virtanen: Sopimus hylätään.\nKannattaja: Valtuutettu Mäkinen\n1 äänestys\n" +
			"JAA-ehdotus: Kaupunginhallituksen ehdotuksen mukaan\nEI-ehdotus: Sopimus hylätään.\nJaa-äänet: " + jaa + "\nEi-äänet: " + ei + "\nTyhjä: 2\nPoissa: 1\n"
	}
	checkClassify(t, []classifyCase{
		{P, "Kaupunginvaltuusto hyväksyi liitteenä olevan sopimuksen.", helsinkiVote("50", "30"), OutcomeApproved},
		// The counter-proposal that won was to reject the agreement, and the
		// council rejected it: the proposal rejected, nothing adopted in its
		// place (as "Kunnanhallitus hylkäsi esittelijän ehdotuksen äänin
		// 5–4" in TestClassifyInventedDecisions). This case said amended
		// until parser v28 read a refusal as such.
		{P, "Kaupunginvaltuusto päätti hylätä sopimuksen.", helsinkiVote("30", "50"), OutcomeRejected},
		// A counter-proposal that won and changed the matter is amended.
		{P, "Kaupunginvaltuusto päätti hyväksyä sopimuksen Virtasen ehdotuksen mukaisesti muutettuna.", helsinkiVote("30", "50"), OutcomeAmended},
		{P, "Hyväksyttiin.", "Keskustelun kuluessa Virtanen ehdotti Mäkisen kannattamana, että sopimus hylätään. Suoritetussa äänestyksessä esittelijän ehdotus sai 6 ääntä ja Virtasen ehdotus 3 ääntä.", OutcomeApproved},
		{P, "Kaupunginvaltuusto hyväksyi sopimuksen äänestyksen jälkeen.", "", OutcomeApproved},
		{P, "Esitys hyväksyttiin äänin 6 - 3.", "", OutcomeApproved},
		{P, "Hyväksyttiin esityksen mukaan.", "", OutcomeApproved},
		{P, "Hyväksyttiin esityksen mukaisena.", "", OutcomeApproved},
		{P, "Hyväksyttiin esittelijän esityksen mukaan.", "", OutcomeApproved},
		{P, "Päätös on esityksen mukainen.", "", OutcomeApproved},
		{P, "Päätösehdotus hyväksyttiin yksimielisesti. Keskustelun aikana tehtiin seuraavat ehdotukset, joita ei kannatettu:", "", OutcomeApproved},
		{P, "Aluehallitus hyväksyi päätösehdotuksen muutettuna siten, että kohta 3 poistetaan.", "", OutcomeAmended},
		{P, "Esittelijä muutti esitystään kokouksessa. Hyväksyttiin muutetun esityksen mukaisesti.", "", OutcomeAmended},
		{P, "Hyväksyttiin esittelijän kokouksessa muuttaman ehdotuksen mukaisesti.", "", OutcomeAmended},
		{P, "Esittelijä teki kokouksessa seuraavan muutoksen päätösehdotukseen: kohta 3 poistetaan. Hyväksyttiin.", "", OutcomeAmended},
		{P, "Asia jätettiin pöydälle kaupunginvaltuuston puheenjohtajan ehdotuksesta.", "", OutcomeTabled},
		{P, "Asia palautettiin uudelleen valmisteltavaksi Virtasen ehdotuksen mukaisesti.", "", OutcomeReturned},
		{P, "Asian käsittely keskeytettiin.", "", OutcomeTabled},
		{"Kaupunginhallitus merkitsee tiedoksi selvityksen.", "Merkittiin tiedoksi yksimielisesti.", "", OutcomeNoted},
		{"Kaupunginhallitus merkitsee tiedoksi selvityksen.", "Hyväksyttiin esityksen mukaan.", "", OutcomeNoted},
		{"Kaupunginhallitus merkitsee tiedoksi selvityksen.", "Esitys hyväksyttiin.", "", OutcomeNoted},
		{"Stadsstyrelsen godkänner avtalet.", "Godkändes enligt förslaget.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Förslaget godkändes efter omröstning.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen godkände föredragandens ändrade förslag.", "", OutcomeAmended},
		{"Stadsstyrelsen godkänner avtalet.", "Ärendet bordlades på förslag av ledamoten Virtanen.", "", OutcomeTabled},
	})
}

// TestClassifyWordingBatchK: wordings met in the wording set's batch K
// (development part), written out on invented lines (v24): noting and also
// discussing, or also not using the right to take a matter over, is more
// than noting; a counter-proposal whose text the decision holds was taken
// up (Helsinki prints it under "Vastaehdotus:" with its maker).
func TestClassifyWordingBatchK(t *testing.T) {
	counter := "Käsittely\nVastaehdotus:\nMatti Virtanen: Lautakunta painottaa, että kyläkoulu on säilytettävä.\nKannattaja: Liisa Laine\n"
	D := "Lautakunta päätti hylätä oikaisuvaatimuksen.\nLautakunta painottaa, että kyläkoulu on säilytettävä."
	checkClassify(t, []classifyCase{
		{"Lautakunta merkitsee asian tiedoksi. Lisäksi lautakunta keskustelee lausunnon antamisesta.", "Ehdotus hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus merkitsee pöytäkirjat tiedoksi eikä käytä otto-oikeuttaan.", "Hyväksyttiin.", "", OutcomeApproved},
		{"Styrelsen beslutar anteckna protokollen för kännedom och att inte utnyttja övertagningsrätten.", "Förslaget godkändes enhälligt.", "", OutcomeApproved},
		{"Lautakunta merkitsee asian tiedoksi.", "Ehdotus hyväksyttiin.", "", OutcomeNoted},
		{"", D, counter, OutcomeAmended},
		{"", D, "", OutcomeRejected},
		{"", "Lautakunta päätti hylätä oikaisuvaatimuksen.", counter, OutcomeRejected},
	})
}

// TestClassifyElectionsAndStatements: invented lines (v24, no page read)
// of elections, grants, statements and confirmations, restated or in a
// word ("Vahvistettiin.", Swedish "Beviljades."), and a statement changed
// in the meeting; a three-word restatement doing the proposal's act in its
// past form ("Kunnanhallitus myönsi eron."). (Another person chosen than
// proposed stays decided, by the rule of TestClassifyWording.)
func TestClassifyElectionsAndStatements(t *testing.T) {
	checkClassify(t, []classifyCase{
		{"Kunnanhallitus myöntää eron Liisa Laineelle.", "Kunnanhallitus myönsi eron.", "", OutcomeApproved},
		{"Kunnanhallitus antaa liitteen mukaisen lausunnon.", "Kunnanhallitus antoi lausunnon.", "", OutcomeApproved},
		{"Kunnanvaltuusto valitsee tarkastuslautakuntaan jäsenen jäljellä olevaksi toimikaudeksi.", "Kunnanvaltuusto valitsi yksimielisesti tarkastuslautakunnan jäseneksi Liisa Laineen.", "", OutcomeApproved},
		{"Kunnanhallitus valitsee rehtorin virkaan Liisa Laineen.", "Kunnanhallitus valitsi rehtorin virkaan Liisa Laineen.", "", OutcomeApproved},
		{"Kunnanhallitus nimeää edustajakseen Liisa Laineen.", "Hyväksyttiin.", "", OutcomeApproved},
		{"Lautakunta myöntää avustuksia liitteen mukaisesti.", "Lautakunta myönsi avustukset liitteen mukaisesti.", "", OutcomeApproved},
		{"Lautakunta myöntää avustuksia liitteen mukaisesti.", "Lautakunta myönsi avustukset liitteen mukaisesti sillä muutoksella, että Urheiluseuralle myönnetään 500 euroa.", "", OutcomeAmended},
		{"Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy sopimuksen.", "Kunnanhallitus päätti esittää valtuustolle sopimuksen hyväksymistä.", "", OutcomeApproved},
		{"Kunnanhallitus antaa liitteen mukaisen lausunnon.", "Kunnanhallitus antoi liitteen mukaisen lausunnon.", "", OutcomeApproved},
		{"Kunnanhallitus antaa liitteen mukaisen lausunnon.", "Kunnanhallitus antoi lausunnon, jota muutettiin kohdan 2 osalta.", "", OutcomeAmended},
		{"Kunnanhallitus hyväksyy asemakaavan muutoksen.", "Kunnanhallitus hyväksyi asemakaavan muutoksen yksimielisesti. Päätös tarkastettiin heti kokouksessa.", "", OutcomeApproved},
		{"Kunnanhallitus vahvistaa talousarvion käyttösuunnitelman.", "Vahvistettiin.", "", OutcomeApproved},
		{"Kunnanhallitus vahvistaa talousarvion käyttösuunnitelman.", "Vahvistettiin käyttösuunnitelma.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Kunnanhallitus hyväksyi sopimuksen ja totesi päätöksen kiireelliseksi.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy sopimuksen.", "Kunnanhallitus hyväksyi sopimuksen. Päätös todettiin kiireelliseksi ja tarkastettiin kokouksessa.", "", OutcomeApproved},
		{"Stadsstyrelsen väljer Liisa Laine till ledamot.", "Stadsstyrelsen valde Liisa Laine till ledamot.", "", OutcomeApproved},
		{"Stadsstyrelsen ger ett utlåtande enligt bilagan.", "Stadsstyrelsen gav ett utlåtande enligt bilagan.", "", OutcomeApproved},
		{"Stadsstyrelsen ger ett utlåtande enligt bilagan.", "Utlåtandet godkändes med ändringar.", "", OutcomeAmended},
		{"Nämnden beviljar bidrag enligt bilagan.", "Beviljades.", "", OutcomeApproved},
	})
}

// TestClassifySwedishWording: invented Swedish lines of every outcome
// (v24, no page read), the word orders and labels Finland's Swedish
// minutes use ("Efter omröstning godkändes förslaget", "Föredragandens
// beslutsförslag godkändes", "Beslut enligt beslutsförslaget") and acts
// joined by "och" to a restatement or a noting.
func TestClassifySwedishWording(t *testing.T) {
	P := "Stadsstyrelsen godkänner avtalet enligt bilagan."
	N := "Nämnden antecknar rapporten för kännedom."
	checkClassify(t, []classifyCase{
		{P, "Godkändes.", "", OutcomeApproved},
		{P, "Förslaget godkändes enhälligt utan diskussion.", "", OutcomeApproved},
		{P, "Stadsstyrelsen godkände avtalet enligt bilagan.", "", OutcomeApproved},
		{P, "Beslutsförslaget godkändes.", "", OutcomeApproved},
		{P, "Föredragandens beslutsförslag godkändes enhälligt.", "", OutcomeApproved},
		{P, "Stadsstyrelsen beslöt enhälligt att godkänna avtalet.", "", OutcomeApproved},
		{P, "Stadsstyrelsen godkände förslaget med rösterna 7–4.", "", OutcomeApproved},
		{P, "Efter omröstning godkändes förslaget med rösterna 6-5.", "", OutcomeApproved},
		{P, "Förslaget godkändes med den ändringen att avtalet gäller två år.", "", OutcomeAmended},
		{P, "Förslaget godkändes med följande tillägg: avtalet granskas årligen.", "", OutcomeAmended},
		{P, "Ledamot Virtanens motförslag godkändes med rösterna 6-5.", "", OutcomeAmended},
		{P, "Stadsstyrelsen beslöt att återremittera ärendet för ny beredning.", "", OutcomeReturned},
		{P, "Ärendet återremitterades enhälligt.", "", OutcomeReturned},
		{P, "Stadsstyrelsen beslöt bordlägga ärendet.", "", OutcomeTabled},
		{P, "Ärendet bordlades enhälligt.", "", OutcomeTabled},
		{P, "Ärendet ströks från föredragningslistan.", "", OutcomeWithdrawn},
		{P, "Föredraganden drog tillbaka ärendet.", "", OutcomeWithdrawn},
		{P, "Stadsstyrelsen förkastade förslaget.", "", OutcomeRejected},
		{P, "Förslaget förkastades med rösterna 4-7.", "", OutcomeRejected},
		{N, "Antecknades för kännedom.", "", OutcomeNoted},
		{N, "Nämnden antecknade rapporten för kännedom.", "", OutcomeNoted},
		{N, "Förslaget godkändes.", "", OutcomeNoted},
		{N, "Nämnden antecknade rapporten för kännedom och uppmanade förvaltningen att utreda saken.", "", OutcomeAmended},
		{N, "Antecknades för kännedom. Dessutom beslöt nämnden att be om en utredning.", "", OutcomeAmended},
		{P, "Stadsstyrelsen godkände avtalet och bemyndigade stadsdirektören att underteckna det.", "", OutcomeAmended},
		{"", "Stadsstyrelsen godkände avtalet.", "", OutcomeDecided},
		{P, "Godkändes i enlighet med förslaget.", "", OutcomeApproved},
		{P, "Beslut enligt beslutsförslaget.", "", OutcomeApproved},
		{P, "Förslaget godkändes i ändrad form.", "", OutcomeAmended},
	})
}

// TestClassifyProceduralItems: invented lines (v24, no page read) of a
// meeting's procedural items (legality, minute-checkers, the agenda) and
// common short forms, "Todettiin." among them.
func TestClassifyProceduralItems(t *testing.T) {
	P := "Kunnanhallitus hyväksyy liitteenä olevan sopimuksen."
	N := "Kunnanhallitus merkitsee tiedoksi katsauksen."
	L := "Kunnanvaltuusto toteaa kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi."
	checkClassify(t, []classifyCase{
		{P, "Kunnanhallitus päätti hyväksyä esityksen yksimielisesti.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi pohjaesityksen.", "", OutcomeApproved},
		{P, "Hyväksyttiin yksimielisesti esityksen mukaisesti.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin yksimielisesti lisäyksellä, että sopimus tarkistetaan.", "", OutcomeAmended},
		{P, "Päätösesitys hyväksyttiin lisäyksin.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi esityksen täydennettynä.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi ehdotuksen seuraavin muutoksin: kohta 2 poistetaan.", "", OutcomeAmended},
		{P, "Asia päätettiin jättää pöydälle seuraavaan kokoukseen.", "", OutcomeTabled},
		{P, "Kunnanhallitus päätti yksimielisesti jättää asian pöydälle.", "", OutcomeTabled},
		{P, "Asia jätettiin pöydälle äänin 5-4.", "", OutcomeTabled},
		{P, "Kunnanhallitus päätti palauttaa asian valmisteluun.", "", OutcomeReturned},
		{P, "Asia palautettiin esittelijälle uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{N, "Tiedoksi merkittiin yksimielisesti.", "", OutcomeNoted},
		{N, "Merkittiin.", "", OutcomeNoted},
		{N, "Kunnanhallitus merkitsi tiedoksi.", "", OutcomeNoted},
		{N, "Katsaus merkittiin tiedoksi.", "", OutcomeNoted},
		{L, "Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.", "", OutcomeApproved},
		{L, "Todettiin.", "", OutcomeApproved},
		{L, "Kunnanvaltuusto totesi kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi.", "", OutcomeApproved},
		{"Pöytäkirjantarkastajiksi valitaan Liisa Laine ja Pekka Koski.", "Pöytäkirjantarkastajiksi valittiin Liisa Laine ja Pekka Koski.", "", OutcomeApproved},
		// Another elected than proposed: decided until v28, amended since,
		// as three writers of testdata/parse/invented label such a change
		// (2026-12-04-a #33, -g #41, -h #29): the proposal adopted with a
		// change of the body's.
		{"Pöytäkirjantarkastajiksi valitaan Liisa Laine ja Pekka Koski.", "Pöytäkirjantarkastajiksi valittiin Liisa Laine ja Mika Virta.", "", OutcomeAmended},
		{"Hyväksytään esityslista kokouksen työjärjestykseksi.", "Hyväksyttiin.", "", OutcomeApproved},
		{"Hyväksytään esityslista kokouksen työjärjestykseksi.", "Esityslista hyväksyttiin kokouksen työjärjestykseksi.", "", OutcomeApproved},
		{"Hyväksytään esityslista kokouksen työjärjestykseksi.", "Esityslista hyväksyttiin työjärjestykseksi sillä muutoksella, että asia 8 käsitellään ensimmäisenä.", "", OutcomeAmended},
	})
}

// TestClassifyBareForms: a decision in a word or two (v24, invented, no
// page read), Finnish passives and participles with what may follow them
// ("Hyväksyttiin keskustelun jälkeen yksimielisesti.", "Hyväksytty.",
// "Valittiin.", "Merkitty tiedoksi.") and the Swedish ones.
func TestClassifyBareForms(t *testing.T) {
	P := "Kunnanhallitus hyväksyy liitteenä olevan sopimuksen."
	N := "Kunnanhallitus merkitsee tiedoksi katsauksen."
	checkClassify(t, []classifyCase{
		{P, "Palautettiin.", "", OutcomeReturned},
		{P, "Hylättiin.", "", OutcomeRejected},
		{P, "Jätettiin pöydälle.", "", OutcomeTabled},
		{P, "Ehdotuksen mukainen.", "", OutcomeApproved},
		{N, "Todettiin ja merkittiin tiedoksi.", "", OutcomeNoted},
		{"Valitaan pöytäkirjantarkastajiksi Liisa Laine ja Pekka Koski.", "Valittiin.", "", OutcomeApproved},
		{"Myönnetään ero Liisa Laineelle.", "Myönnettiin.", "", OutcomeApproved},
		{P, "Hyväksyttiin sellaisenaan.", "", OutcomeApproved},
		{P, "Yksimielisesti hyväksyttiin esityksen mukaisesti.", "", OutcomeApproved},
		{P, "Vahvistettiin yksimielisesti.", "", OutcomeApproved},
		{"Kunnanvaltuusto toteaa kokouksen päätösvaltaiseksi.", "Todettiin yksimielisesti.", "", OutcomeApproved},
		{N, "Merkittiin tiedoksi keskustelun jälkeen.", "", OutcomeNoted},
		{P, "Hyväksyttiin keskustelun jälkeen.", "", OutcomeApproved},
		{P, "Hyväksyttiin keskustelun jälkeen yksimielisesti.", "", OutcomeApproved},
		{P, "Hyväksyttiin yksimielisesti ilman keskustelua.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin ilman muutoksia.", "", OutcomeApproved},
		{P, "Hyväksytty.", "", OutcomeApproved},
		{P, "Esitys hyväksytty.", "", OutcomeApproved},
		{N, "Merkitty tiedoksi.", "", OutcomeNoted},
		{P, "Pantiin pöydälle.", "", OutcomeTabled},
		{"Stadsstyrelsen godkänner avtalet.", "Godkänt.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Bordlades.", "", OutcomeTabled},
		{"Stadsstyrelsen godkänner avtalet.", "Återremitterades.", "", OutcomeReturned},
		{"Stadsstyrelsen godkänner avtalet.", "Avslogs.", "", OutcomeRejected},
		{"Nämnden antecknar rapporten för kännedom.", "Antecknades.", "", OutcomeNoted},
	})
}

// TestClassifyBodyAndChairForms: invented lines (v24, no page read): the
// body and its verb alone ("Lautakunta hyväksyi.", "Stadsstyrelsen
// godkände."), the body supporting the proposal, the chair stating what
// was decided, "esitetyssä muodossa", Swedish "Godkänns.".
func TestClassifyBodyAndChairForms(t *testing.T) {
	P := "Kunnanhallitus hyväksyy liitteenä olevan sopimuksen."
	N := "Kunnanhallitus merkitsee tiedoksi katsauksen."
	checkClassify(t, []classifyCase{
		{P, "Kunnanhallitus hyväksyy.", "", OutcomeApproved},
		{P, "Palautetaan valmisteluun.", "", OutcomeReturned},
		{P, "Päätetään esityksen mukaisesti.", "", OutcomeApproved},
		{P, "Kunnanhallitus päättää ehdotuksen mukaisesti.", "", OutcomeApproved},
		{P, "Lautakunta hyväksyi.", "", OutcomeApproved},
		{P, "Hallitus hyväksyi yksimielisesti.", "", OutcomeApproved},
		{P, "Kunnanhallitus hyväksyi päätösehdotuksen sellaisenaan.", "", OutcomeApproved},
		{P, "Hyväksyttiin esitetyssä muodossa.", "", OutcomeApproved},
		{P, "Ehdotus hyväksyttiin esitetyssä muodossa.", "", OutcomeApproved},
		{N, "Merkitään.", "", OutcomeNoted},
		{P, "Kunnanhallitus yhtyi esittelijän ehdotukseen.", "", OutcomeApproved},
		{P, "Kunnanhallitus kannatti ehdotusta yksimielisesti.", "", OutcomeApproved},
		{P, "Puheenjohtaja totesi ehdotuksen hyväksytyksi.", "", OutcomeApproved},
		{P, "Puheenjohtaja totesi, että kunnanhallitus on yksimielisesti hyväksynyt ehdotuksen.", "", OutcomeApproved},
		{P, "Puheenjohtaja totesi, että kunnanhallitus on hyväksynyt Virtasen ehdotuksen.", "", OutcomeAmended},
		{P, "Puheenjohtaja totesi, että asia jää pöydälle.", "", OutcomeTabled},
		{P, "Todettiin, että asia palautetaan valmisteluun.", "", OutcomeReturned},
		{"Stadsstyrelsen godkänner avtalet.", "Stadsstyrelsen godkände.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Godkänns.", "", OutcomeApproved},
		{"Stadsstyrelsen godkänner avtalet.", "Ordföranden konstaterade att förslaget godkänts.", "", OutcomeApproved},
	})
}

// TestClassifyMotionsAndRecords is a round of invented wordings (v26,
// written from common minute phrasing without reading any page; 9 of 88
// were missed): a motion to send back or table the matter told, voted
// down or lapsing unseconded, and the proposal adopted last; a condition
// "kuitenkin niin, että"; a first sentence that only records a
// disqualification, a departure or an arrival; the proposal adopted by
// name with an act of the body's own joined to it; a proposal withdrawn
// by its presenter or lapsing from the agenda.
func TestClassifyMotionsAndRecords(t *testing.T) {
	P := "Kunnanhallitus hyväksyy sopimuksen."
	S := "Kommunstyrelsen godkänner avtalet."
	N := "Kunnanhallitus merkitsee tiedoksi katsauksen."
	checkClassify(t, []classifyCase{
		{P, "Keskustelun aikana Virtanen ehdotti Laineen kannattamana, että asia palautetaan uudelleen valmisteltavaksi. Äänestyksessä esittelijän ehdotus sai 5 ääntä ja Virtasen palautusehdotus 2 ääntä. Puheenjohtaja totesi kunnanhallituksen päättäneen jatkaa asian käsittelyä. Kunnanhallitus hyväksyi päätösehdotuksen.", "", OutcomeApproved},
		{P, "Laine ehdotti, että asia jätetään pöydälle. Ehdotusta ei kannatettu, joten se raukesi. Kunnanhallitus hyväksyi päätösehdotuksen.", "", OutcomeApproved},
		{S, "Ledamot X föreslog att ärendet bordläggs. Förslaget understöddes inte och förföll. Förslaget godkändes.", "", OutcomeApproved},
		{P, "Virtanen ehdotti, että asia palautetaan valmisteluun. Palautusehdotus hylättiin äänin 2-5, joten asian käsittelyä jatkettiin. Kunnanhallitus hyväksyi Laineen ehdotuksen.", "", OutcomeAmended},
		{P, "Virtanen ehdotti Laineen kannattamana, että asia palautetaan valmisteluun. Äänestyksessä palautusehdotus voitti äänin 5-2. Asia palautettiin uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{P, "Kunnanhallitus päätti hyväksyä päätösehdotuksen, kuitenkin niin, että sopimus tehdään vuodeksi.", "", OutcomeAmended},
		{P, "Merkitään, että Virtanen ilmoitti olevansa esteellinen eikä osallistunut asian käsittelyyn. Hyväksyttiin.", "", OutcomeApproved},
		{P, "Merkittiin, että Laine saapui kokoukseen tämän asian käsittelyn aikana. Hyväksyttiin.", "", OutcomeApproved},
		{P, "Virtanen ilmoitti olevansa esteellinen ja poistui kokouksesta. Kunnanhallitus päätti jättää asian pöydälle.", "", OutcomeTabled},
		{P, "Virtasen todettiin olevan esteellinen, ja kunnanhallitus hyväksyi ehdotuksen.", "", OutcomeApproved},
		{N, "Merkitään, että Virtanen oli esteellinen. Merkittiin tiedoksi.", "", OutcomeNoted},
		{P, "Kunnanhallitus hyväksyi ehdotuksen ja päätti lähettää asian tiedoksi kaikille lautakunnille.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi ehdotuksen sekä päätti pyytää teknistä lautakuntaa selvittämään asian.", "", OutcomeAmended},
		{P, "Kunnanhallitus hyväksyi ehdotuksen ja totesi pykälän tarkastetuksi kokouksessa.", "", OutcomeApproved},
		{"Kunnanhallitus hyväksyy sopimuksen ja valtuuttaa kunnanjohtajan allekirjoittamaan sen.", "Kunnanhallitus hyväksyi ehdotuksen ja valtuutti kunnanjohtajan allekirjoittamaan sopimuksen.", "", OutcomeApproved},
		{P, "Kunnanjohtaja peruutti päätösehdotuksensa, joten asia poistui käsittelystä.", "", OutcomeWithdrawn},
		{P, "Asia poistui käsittelystä.", "", OutcomeWithdrawn},
	})
}

// From 150 decisions invented by a helper from common minute phrasing
// (none read from a page; 34 missed with the handling told in the
// decision): the chair's "ehdotuksesta poikkeava kannatettu ehdotus"
// before a vote the proposal won; a member's proposal winning a first vote
// and losing the next; several record sentences (a disqualification with
// its section of law, an arrival at "klo 17.25", who chaired instead)
// before the decision; a motion to return voted down ("käsittely jatkui",
// "esittelijän ehdotus voitti"); a word last ("… Pöydälle.",
// "… Palautettiin."); a motion "on yksimielisesti hyväksytty" or joined
// ("yhtyi Jokisen ehdotukseen"); a vote told as counts with the proposal
// named alone ("päätösehdotus sai 6 ääntä"); "palauttaa asian kunnanjohtajan
// uudelleen valmisteltavaksi"; the proposal itself rejected after a
// member's motion won; "päätti äänin 6–3 poistaa asian esityslistalta";
// "Ärendet avfördes."; the discussion told and "Hyväksyttiin." last.
func TestClassifyInventedDecisions(t *testing.T) {
	checkClassify(t, []classifyCase{
		{"Sivistyslautakunta päättää, että Mäntylän koulun toiminta lakkautetaan 31.7.2025 ja koulun oppilaat siirtyvät Keskuskoulun oppilaiksi 1.8.2025 alkaen.", "Keskustelun aikana jäsen Pekka Nieminen ehdotti jäsen Anna Virtasen kannattamana, että Mäntylän koulun toimintaa jatketaan toistaiseksi. Puheenjohtaja totesi, että oli tehty esittelijän ehdotuksesta poikkeava kannatettu ehdotus, joten asiasta on äänestettävä. Puheenjohtaja esitti äänestettäväksi nimenhuutoäänestyksenä siten, että esittelijän ehdotusta kannattavat äänestävät JAA ja Niemisen ehdotusta kannattavat EI. Äänestyksessä annettiin 6 JAA-ääntä ja 3 EI-ääntä. Lautakunta päätti esittelijän ehdotuksen mukaisesti äänin 6–3. Jäsenet Nieminen ja Virtanen jättivät päätöksestä eriävän mielipiteen.", "", OutcomeApproved},
		{"Kunnanhallitus päättää valita sivistysjohtajan virkaan KM Hanna Turusen. Viran vastaanottamisen ehtona on hyväksyttävä selvitys terveydentilasta ja rikostaustaotteen esittäminen. Virassa noudatetaan kuuden kuukauden koeaikaa.", "Jäsen Kari Turunen ilmoitti olevansa esteellinen (hallintolaki 28 § 1 mom. 2 kohta) ja poistui kokouksesta asian käsittelyn ajaksi. Puheenjohtajana toimi tämän asian käsittelyn ajan varapuheenjohtaja Satu Mäkelä. Hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus esittää valtuustolle, että valtuusto hyväksyy vuoden 2025 talousarvion ja taloussuunnitelman vuosille 2025–2027 liitteen mukaisena.", "Valtuutettu Jouni Rantanen ehdotti valtuutettu Marja Heinosen kannattamana, että talousarvioon lisätään 150 000 euron määräraha Kirkonkylän uimahallin peruskorjauksen suunnitteluun. Koska oli tehty kunnanhallituksen ehdotuksesta poikkeava kannatettu ehdotus, suoritettiin äänestys. Kunnanhallituksen ehdotusta kannattavat äänestivät JAA, Rantasen ehdotusta EI. Äänestyksessä annettiin 27 JAA-ääntä ja 8 EI-ääntä. Valtuusto hyväksyi kunnanhallituksen ehdotuksen äänin 27–8.", "", OutcomeApproved},
		{"Kunnanhallitus päättää myydä Teollisuuskylän asemakaava-alueelta korttelin 12 tontin 3 (pinta-ala 4 600 m²) Rakennus Laitinen Oy:lle hintaan 18 400 euroa ja valtuuttaa kunnanjohtajan allekirjoittamaan kauppakirjan.", "Jäsen Eija Mäkinen saapui kokoukseen tämän pykälän käsittelyn aikana klo 17.25. Hyväksyttiin.", "", OutcomeApproved},
		{"Kaupunginhallitus päättää hyväksyä kaupungin hankintaohjeen päivityksen liitteen mukaisena ja se tulee voimaan 1.9.2024.", "Jäsen Timo Jokinen ehdotti jäsen Kaisa Mattilan kannattamana, että asia palautetaan uudelleen valmisteltavaksi paikallisten yritysten osallistamisen selvittämiseksi. Puheenjohtaja totesi, että asiasta on äänestettävä. Käsittelyn jatkamista kannattavat äänestävät JAA, palauttamista EI. Äänestyksessä annettiin 8 JAA-ääntä ja 3 EI-ääntä, joten asian käsittely jatkui. Tämän jälkeen puheenjohtaja totesi esittelijän ehdotuksen hyväksytyksi yksimielisesti. Hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus esittää valtuustolle, että kunnan kiinteistöveroprosentit vuodelle 2025 pidetään ennallaan.", "Jäsen Lauri Niemi ehdotti jäsen Sanna Heikkilän kannattamana, että vakituisten asuinrakennusten kiinteistöveroprosenttia alennetaan 0,05 prosenttiyksikköä. Jäsen Outi Karjalainen ehdotti jäsen Risto Savolaisen kannattamana, että yleistä kiinteistöveroprosenttia korotetaan 0,1 prosenttiyksikköä. Ensin äänestettiin vastaehdotusten välillä, jolloin Niemen ehdotus voitti äänin 6–5. Sen jälkeen äänestettiin esittelijän ehdotuksen ja Niemen ehdotuksen välillä, jolloin esittelijän ehdotus voitti äänin 7–4. Kunnanhallitus päätti esittelijän ehdotuksen mukaisesti äänin 7–4.", "", OutcomeApproved},
		{"Kunnanhallitus päättää hyväksyä jätevedenpuhdistamon saneerauksen rahoitussuunnitelman ja hakea ELY-keskukselta vesihuoltoavustusta enintään 30 % hankkeen kustannuksista.", "Jäsenet esittivät kysymyksiä hankkeen aikataulusta ja kustannusten noususta. Tekninen johtaja Juha Saarinen vastasi kysymyksiin ja selvensi, että aikataulu perustuu ELY-keskuksen päätösaikatauluun. Esittelijän ehdotukseen ei tehty muutoksia. Hyväksyttiin.", "", OutcomeApproved},
		{"Kunnanhallitus päättää, että kunnanviraston aukioloajat ovat 1.9.2024 alkaen maanantaista torstaihin klo 9–15 ja perjantaina suljettu.", "Jäsen Kalle Korhonen ehdotti jäsen Minna Turusen kannattamana, että kunnanvirasto on avoinna myös perjantaisin klo 9–12. Muita ehdotuksia ei tehty. Puheenjohtaja totesi, että Korhosen ehdotus on yksimielisesti hyväksytty. Kunnanhallitus päätti, että kunnanviraston aukioloajat ovat 1.9.2024 alkaen maanantaista torstaihin klo 9–15 ja perjantaisin klo 9–12.", "", OutcomeAmended},
		{"Vapaa-aikalautakunta päättää myöntää Kesäteatteri Ruusula ry:lle toiminta-avustusta 3 000 euroa vuodelle 2024.", "Jäsen Tuomas Jokinen ehdotti jäsen Elina Mäkisen kannattamana, että avustuksen määrä on 3 500 euroa yhdistyksen 50-vuotisjuhlavuoden vuoksi. Lautakunta yhtyi yksimielisesti Jokisen ehdotukseen. Lautakunta myönsi Kesäteatteri Ruusula ry:lle toiminta-avustusta 3 500 euroa vuodelle 2024.", "", OutcomeAmended},
		{"Aluehallitus päättää, että kotihoidon yöpartiotoiminta keskitetään 1.3.2025 alkaen kahteen toimipisteeseen.", "Jäsen Minna Karjalainen ehdotti jäsen Antti Salmisen kannattamana, että yöpartiotoiminta säilytetään kolmessa toimipisteessä. Suoritetussa äänestyksessä päätösehdotus sai 6 ääntä ja Karjalaisen ehdotus 7 ääntä. Aluehallitus päätti äänin 7–6, että kotihoidon yöpartiotoiminta säilytetään kolmessa toimipisteessä.", "", OutcomeAmended},
		{"Sivistyslautakunta merkitsee tiedoksi kouluverkkoselvityksen väliraportin.", "Jäsen Pekka Nieminen ehdotti jäsen Tapio Heinosen kannattamana, että asia palautetaan valmisteluun ja selvitykseen lisätään kyläkoulujen vaikutusten arviointi. Suoritettiin äänestys, jossa esittelijän ehdotus voitti äänin 6–3. Lautakunta merkitsi väliraportin tiedoksi äänin 6–3.", "", OutcomeNoted},
		{"Rakennuslautakunta päättää hylätä rakennuslupahakemuksen saunarakennuksen rakentamiseksi tilalle Niemelä 3:18.", "Jäsen Raili Laine ehdotti asian pöydällepanoa maastokatselmuksen tekemiseksi. Ehdotusta kannatettiin. Pöydälle.", "", OutcomeTabled},
		{"Vapaa-aikalautakunta päättää hyväksyä nuorisotilan aukioloaikojen muutoksen.", "Jäsen Mikko Saarinen ehdotti jäsen Iida Rantasen kannattamana asian palauttamista uudelleen valmisteltavaksi siten, että nuorisovaltuuston lausunto pyydetään. Puheenjohtaja totesi palautusehdotuksen tulleen yksimielisesti hyväksytyksi. Palautettiin.", "", OutcomeReturned},
		{"Kunnanhallitus päättää hyväksyä Kirkonkylän keskustan kehittämissuunnitelman.", "Kunnanhallitus päätti palauttaa asian kunnanjohtajan uudelleen valmisteltavaksi.", "", OutcomeReturned},
		{"Kunnanhallitus päättää myöntää Kylätoimikunta ry:lle 12 000 euron lainan kylätalon korjaukseen.", "Jäsen Sakari Heinonen ehdotti jäsen Mirja Järvisen kannattamana, että lainaa ei myönnetä. Suoritetussa äänestyksessä esittelijän ehdotus sai 4 ääntä ja Heinosen ehdotus 5 ääntä. Kunnanhallitus hylkäsi esittelijän ehdotuksen äänin 5–4.", "", OutcomeRejected},
		{"Kunnanhallitus päättää hyväksyä Koskipuiston kioskin vuokrauksen yksityiselle yrittäjälle.", "Jäsen Veikko Savolainen ehdotti jäsen Tarja Mäkelän kannattamana, että asia poistetaan esityslistalta, koska kioskin purkamisesta on vireillä erillinen selvitys. Suoritettiin äänestys, jossa poistaminen voitti äänin 6–3. Kunnanhallitus päätti äänin 6–3 poistaa asian esityslistalta.", "", OutcomeWithdrawn},
		{"Tekniska nämnden beslutar om en ändring av avfallshanteringsföreskrifterna.", "Föredraganden drog tillbaka ärendet eftersom utlåtandet från närings-, trafik- och miljöcentralen inte har inkommit. Ärendet avfördes.", "", OutcomeWithdrawn},
	})
}

// TestClassifyInventedSets reads the invented decisions of
// testdata/parse/invented: proposals and decisions written, by writers who
// saw neither the parser nor the real test bed, in the ways Finnish and
// Finland-Swedish minutes word their outcomes, each labelled as
// testdata/real/LABELLING.md says. Every case must classify as labelled,
// but those marked "miss" (a case the classifier is known to get wrong,
// and why), which must still miss: a mended one says so, and its mark
// goes.
func TestClassifyInventedSets(t *testing.T) {
	total, misses := checkInvented(t, "2*.json", func(c inventedCase) Outcome { return classify(c.P, c.D, c.Notes) })
	t.Logf("%d invented decisions, %d known misses", total, misses)
}

// inventedCase is one case of testdata/parse/invented: a decision (P, D,
// Notes) or a whole page (Text), its label and, if the parser is known to
// miss it, why (Miss).
type inventedCase struct {
	P, D, Notes, Text, Want, Why, Miss string
}

// checkInvented reads the invented files matching glob and checks the
// outcome read of each case against its label, a case marked miss
// against missing; it returns how many cases and known misses it read.
func checkInvented(t *testing.T, glob string, read func(inventedCase) Outcome) (total, misses int) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "parse", "invented", glob))
	if err != nil || len(files) == 0 {
		t.Fatalf("no invented files %s: %v", glob, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []inventedCase
		if err := json.Unmarshal(b, &cases); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for i, c := range cases {
			if !ValidOutcome(c.Want) {
				t.Errorf("%s #%d: want %q is no outcome", filepath.Base(f), i, c.Want)
				continue
			}
			total++
			got := read(c)
			switch {
			case c.Miss == "" && got != Outcome(c.Want):
				t.Errorf("%s #%d: %s, want %s (%s)\n  proposal: %.80s\n  decision: %.200s", filepath.Base(f), i, got, c.Want, c.Why, c.P, c.D)
			case c.Miss != "" && got == Outcome(c.Want):
				t.Errorf("%s #%d: now right (%s): remove its miss mark %q", filepath.Base(f), i, got, c.Miss)
			case c.Miss != "":
				misses++
			}
		}
	}
	return total, misses
}

// A decision restating its proposal's points with one left out is
// amended; one cut inside its points (a stored text's end, seen:
// Savukoski's central election board, development part) is not shorter,
// only cut.
func TestClassifyDroppedPointNotWhenCut(t *testing.T) {
	p := "Keskusvaalilautakunta\n1) vahvistaa äänimäärät, jotka kukin ehdokas on saanut, sekä\n2) ilmoittaa vahvistetut äänimäärät aluevaalilautakunnalle."
	checkClassify(t, []classifyCase{
		{p, "Keskusvaalilautakunta\n1) vahvisti äänimäärät, jotka kukin ehdok", "", OutcomeApproved},
		{p, "Keskusvaalilautakunta\n1) vahvisti äänimäärät, jotka kukin ehdokas on saanut.", "", OutcomeAmended},
	})
}

// TestOutcomeOnInventedWholePages reads the invented whole item pages of
// testdata/parse/invented/pages-*.json (page texts in the layouts their
// writers know, earlier handlings above the current one among them) with
// the whole parser: each page's outcome, that of its current handling,
// must be as labelled, but for those marked "miss", which must still miss.
func TestOutcomeOnInventedWholePages(t *testing.T) {
	total, misses := checkInvented(t, "pages-*.json", func(c inventedCase) Outcome { return Text(c.Text).Outcome })
	t.Logf("%d invented pages, %d known misses", total, misses)
}

// A page whose head names its own meeting as a handling line
// ("Kaupunginvaltuusto 16.09.2024 § 58", no "Pöytäkirja …/Pykälä" line)
// and gives it again below the board's earlier handling: the page's
// meeting, §, body and outcome are the council's (invented,
// pages-2026-12-04-k #13; before v28 the board's were read).
func TestCurrentHandlingNamedInHead(t *testing.T) {
	text := "Loimaan kaupunki\nKaupunginvaltuusto 16.09.2024 § 58\n311/02.02.02/2024\nVuoden 2024 lisätalousarvio 2\n\n" +
		"Kaupunginhallitus 02.09.2024 § 214\nValmistelija / lisätiedot: talousjohtaja Kati Raitanen, p. 050 374 2208\nLisätalousarviossa esitetään korjattavaksi sitovia määrärahoja.\n" +
		"Kaupunginjohtajan ehdotus: Kaupunginhallitus esittää valtuustolle lisätalousarvion 2 hyväksymistä liitteen mukaisena.\nPäätös: Hyväksyttiin.\n\n" +
		"Kaupunginvaltuusto 16.09.2024 § 58\nKaupunginhallituksen ehdotus: Kaupunginvaltuusto hyväksyy vuoden 2024 lisätalousarvion 2 liitteen mukaisena.\n" +
		"Päätös: Kaupunginvaltuusto hylkäsi kaupunginhallituksen ehdotuksen äänin 18–17.\n"
	d := Text(text)
	if d.MeetingDate != "2024-09-16" || d.Section == nil || *d.Section != 58 || d.Body != "Kaupunginvaltuusto" || d.Outcome != OutcomeRejected {
		sec := 0
		if d.Section != nil {
			sec = *d.Section
		}
		t.Errorf("got %s § %d %q %s, want 2024-09-16 § 58 Kaupunginvaltuusto rejected", d.MeetingDate, sec, d.Body, d.Outcome)
	}
}
