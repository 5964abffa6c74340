package parse

import (
	"strings"
	"testing"
)

// TestPreparerLayouts reads the preparers of invented pages in the forms
// real pages give them (LABELLING.md): labelled above the text or a contact
// line at its end, one or several, with titles, phones and e-mails, surname
// first, one per line, known only by a title or an e-mail address.
func TestPreparerLayouts(t *testing.T) {
	page := "Sivistyslautakunta\nPöytäkirja 10.12.2024/Pykälä 124\nKoulujen työ- ja loma-ajat lukuvuonna 2025-2026\n" +
		"SIVL 10.12.2024 § 124\n712/12.00.00/2022\n%P%Lukuvuodessa on 190 työpäivää.\n" +
		"Esittelijä Sivistysjohtaja Kiviniemi Heikki\nPäätösehdotus Sivistyslautakunta vahvistaa lukuvuoden työ- ja loma-ajat.\nPäätös Ehdotus hyväksyttiin.\n%E%"
	tests := []struct{ top, end, want string }{
		{"Valmistelija: hallintojohtaja Liisa Laine, p. 040 123 4567, liisa.laine@x.fi\n", "", "Liisa Laine"},
		{"Valmistelijat: hallintojohtaja Liisa Laine ja talousjohtaja Matti Virtanen\n", "", "Liisa Laine | Matti Virtanen"},
		{"Valmistelija / lisätiedot: Liisa Laine, hallintojohtaja, puh. 040 123 4567\n", "", "Liisa Laine"},
		{"", "Lisätietoja antaa hallintojohtaja Liisa Laine, puh. 040 123 4567\n", "Liisa Laine"},
		{"", "Lisätiedot: Liisa Laine, hallintojohtaja\n", "Liisa Laine"},
		{"Valmistelijat ja lisätiedot (etunimi.sukunimi@luvn.fi):\nSyrjänen Markus\nMoisala Jarno\n", "", "Syrjänen Markus | Moisala Jarno"},
		{"Valmistelu: Liisa Laine\n", "", "Liisa Laine"},
		{"Valmistelija: Liisa Laine, Matti Virtanen\n", "", "Liisa Laine | Matti Virtanen"},
		{"Valmistelija talouspäällikkö Liisa Laine puh. 040 123 4567 etunimi.sukunimi@x.fi\n", "", "Liisa Laine"},
		{"Asian valmistelija: Liisa Laine\n", "", "Liisa Laine"},
		{"Valmistelijat hallintojohtaja Liisa Laine, puh. 040 123 4567 ja talousjohtaja Matti Virtanen, puh. 040 765 4321\n", "", "Liisa Laine | Matti Virtanen"},
		{"", "Lisätietoja: Liisa Laine, puh. 040 123 4567, etunimi.sukunimi@x.fi\n", "Liisa Laine"},
		{"Beredare: förvaltningsdirektör Liisa Laine, tfn 040 123 4567\n", "", "Liisa Laine"},
		{"Valmistelija Liisa Laine (hallintojohtaja)\n", "", "Liisa Laine"},
		{"Valmistelija Hallintojohtaja\n", "", "Hallintojohtaja"},
		{"Valmistelija sivistysjohtaja Heikki Kiviniemi, 044 577 2441\n", "", "Heikki Kiviniemi"},
		{"", "Lisätietoja antaa Sivistysjohtaja Heikki Kiviniemi 044 577 2441\n", "Heikki Kiviniemi"},
		{"Valmistelija: Liisa Laine\n", "Lisätietoja antaa hallintojohtaja Liisa Laine, puh. 040 123 4567\n", "Liisa Laine"},
		{"Valmistelija\nhallintojohtaja Liisa Laine\npuh. 040 123 4567\n", "", "Liisa Laine"},
		{"Valmistelijat\nhallintojohtaja Liisa Laine, puh. 040 123 4567\ntalousjohtaja Matti Virtanen, puh. 040 765 4321\n", "", "Liisa Laine | Matti Virtanen"},
		{"Valmistelija: Laine Liisa, hallintojohtaja, 040 123 4567\n", "", "Laine Liisa"},
		{"Valmistelija: hallintojohtaja Liisa Laine-Virtanen\n", "", "Liisa Laine-Virtanen"},
		{"Valmistelija: hallintojohtaja Liisa Laine, liisa.laine@x.fi, 040 123 4567\n", "", "Liisa Laine"},
		{"Valmistelija: va. hallintojohtaja Liisa Laine\n", "", "Liisa Laine"},
		{"Lisätietoja antavat hallintojohtaja Liisa Laine, puh. 040 123 4567 ja talousjohtaja Matti Virtanen, puh. 040 765 4321\n", "", "Liisa Laine | Matti Virtanen"},
		{"Valmistelija: liisa.laine@x.fi\n", "", "liisa.laine@x.fi"},
		{"Valmistelija ja lisätiedot: Hallintojohtaja Liisa Laine, p. 040 123 4567\n", "", "Liisa Laine"},
		{"Lisätietojen antaja: hallintojohtaja Liisa Laine\n", "", "Liisa Laine"},
	}
	for _, tt := range tests {
		pg := strings.Replace(strings.Replace(page, "%P%", tt.top, 1), "%E%", tt.end, 1)
		d := Text(pg)
		var names []string
		for _, p := range d.Preparers {
			switch {
			case p.Name != "":
				names = append(names, p.Name)
			case p.Email != "":
				names = append(names, p.Email)
			default:
				names = append(names, p.Title)
			}
		}
		if got := strings.Join(names, " | "); got != tt.want {
			t.Errorf("%q %q: preparers %q, want %q", tt.top, tt.end, got, tt.want)
		}
	}
}

// TestOneWordAfterANameIsItsTitle: in "name, title, address" contact lines
// a single word after a full name is that person's title, also one no
// title list knows, or misspelt (Pori on CloudNC: "Maastotyöpäälikkö").
func TestOneWordAfterANameIsItsTitle(t *testing.T) {
	for line, want := range map[string]Person{
		"Olli-Pekka Ihalainen, Maastotyöpäälikkö, olli-pekka.ihalainen@pori.fi": {Name: "Olli-Pekka Ihalainen", Title: "Maastotyöpäälikkö", Email: "olli-pekka.ihalainen@pori.fi"},
		"Ismo Ahonen, kaupunginpuutarhuri, ismo.ahonen@pori.fi":                 {Name: "Ismo Ahonen", Title: "kaupunginpuutarhuri", Email: "ismo.ahonen@pori.fi"},
		"Parkkonen, Jari, puh. 040 123 4567":                                    {Name: "Parkkonen, Jari", Phone: "040 123 4567"},
	} {
		got := parsePersons(line, "")
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: %+v, want %+v", line, got, want)
		}
	}
}
