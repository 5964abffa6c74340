package parse

import (
	"strings"
	"testing"
)

// TestAttachmentLayouts reads the attachment lists of invented pages in
// the shapes real Dynasty pages show (docs/dynasty.md): above the title,
// as links with their bars, under a Liitteet label at the top or in the
// body, numbered, bulleted, Swedish; each title as written on its line
// (LABELLING.md), and prose naming an attachment or Oheismateriaali is none.
func TestAttachmentLayouts(t *testing.T) {
	head := inventedHead("Puolangan kunta", "Sivistyslautakunta", "Pöytäkirja 24.02.2021/Pykälä 12")
	nav := "Edellinen asia | Seuraava asia | ![]() ![]() |\n"
	body := "Valmistelija: Anna-Kaarina Uusitalo, 044 595 0574\nHallintosäännön mukaan lautakunta päättää taksoista.\nEsittelijä Sivistysjohtaja Matti Meikäläinen\nPäätösehdotus Sivistyslautakunta hyväksyy maksut liitteen 1 mukaisesti.\nPäätös Ehdotus hyväksyttiin.\n"
	hdr := "SIV 24.02.2021 § 12\n879/02.05.00.00/2020\n"
	title := "Kirjaston käyttömaksujen ja korvausten päivittäminen\n"
	tests := []struct {
		top   string
		title string
		att   string
	}{
		{nav + "Maksutaulukko 2021\n" + title + hdr, title, "Maksutaulukko 2021"},
		{nav + "Maksutaulukko 2021\nLausunto 12.2.2021\n" + title + hdr, title, "Maksutaulukko 2021 | Lausunto 12.2.2021"},
		{nav + "![]() |\nMaksutaulukko 2021 |\n![]() |\nLausunto 12.2.2021 |\n" + title + hdr, title, "Maksutaulukko 2021 | Lausunto 12.2.2021"},
		{nav + "Liitteet\n  Maksutaulukko 2021\n" + title + hdr, title, "Maksutaulukko 2021"},
		{nav + "Liite 1 Maksutaulukko 2021\n" + title + hdr, title, "Liite 1 Maksutaulukko 2021"},
		{nav + title + hdr, title, ""},
		{title + hdr, title, ""},
		{"Maksutaulukko 2021\n" + title + hdr, title, "Maksutaulukko 2021"},
		{nav + "Maksutaulukko 2021\n" + title + "879/02.05.00.00/2020\nSIV 24.02.2021 § 12\n", title, "Maksutaulukko 2021"},
		{nav + "Maksutaulukko 2021\n" + title + "SIV 24.02.2021 § 12\n", title, "Maksutaulukko 2021"},
		{nav + "Maksutaulukko 2021\n" + title + "Sivistyslautakunta 24.02.2021 § 12\n", title, "Maksutaulukko 2021"},
		{nav + "Maksutaulukko 2021\n" + title + "Sivistyslautakunta 10.02.2021 § 5\nTaustaa.\nPäätös Asia jätettiin pöydälle.\n" + hdr, title, "Maksutaulukko 2021"},
		{nav + "Muutoksenhakuohje Kokousasia PDF-muodossa |\nMaksutaulukko 2021\n" + title + hdr, title, "Maksutaulukko 2021"},
		{nav + "Maksutaulukko 2021\n" + title + hdr + "Liitteet Maksutaulukko 2021\n", title, "Maksutaulukko 2021"},
		{nav + title + hdr + "Liitteet\n1 Maksutaulukko 2021\n2 Lausunto 12.2.2021\n", title, "1 Maksutaulukko 2021 | 2 Lausunto 12.2.2021"},
		{nav + title + hdr + "Liite 1 Maksutaulukko 2021\nLiite 2 Lausunto 12.2.2021\n", title, "Liite 1 Maksutaulukko 2021 | Liite 2 Lausunto 12.2.2021"},
		{nav + title + hdr + "Liitteet:\n- Maksutaulukko 2021\n- Lausunto 12.2.2021\n", title, "Maksutaulukko 2021 | Lausunto 12.2.2021"},
		{nav + title + hdr + "Liitteenä maksutaulukko.\n", title, ""},
		{nav + title + hdr + "Oheismateriaali Maksutaulukko 2021\n", title, ""},
		{nav + title + hdr + "Liitteet 1. Maksutaulukko 2021, 2. Lausunto 12.2.2021\n", title, "1. Maksutaulukko 2021, 2. Lausunto 12.2.2021"}, // one line, as written
		{nav + title + hdr + "Liite: Maksutaulukko 2021\n", title, "Maksutaulukko 2021"},
		{nav + title + hdr + "LIITTEET\nMaksutaulukko 2021\nLausunto 12.2.2021\n", title, "Maksutaulukko 2021 | Lausunto 12.2.2021"},
		{nav + title + hdr + "Bilaga 1 Avgiftstabell 2021\n", title, "Bilaga 1 Avgiftstabell 2021"},
		{nav + title + hdr + "Liitteet Maksutaulukko 2021 (pdf 984.31 kb)\n", title, "Maksutaulukko 2021 (pdf 984.31 kb)"},
		{nav + "Maksutaulukko 2021 (pdf 984.31 kb)\n" + title + hdr, title, "Maksutaulukko 2021 (pdf 984.31 kb)"},
		{nav + "Liite 1 Maksutaulukko 2021\nLiite 2 Lausunto 12.2.2021\n" + title + hdr, title, "Liite 1 Maksutaulukko 2021 | Liite 2 Lausunto 12.2.2021"},
		{nav + title + hdr + "Liitteet\nLiite 1\tMaksutaulukko 2021\nLiite 2\tLausunto 12.2.2021\n", title, "Liite 1 Maksutaulukko 2021 | Liite 2 Lausunto 12.2.2021"},
		{nav + title + hdr + "Liite 1 Maksutaulukko 2021\nLiite 2 Lausunto 12.2.2021\nPäätösehdotus Sivistyslautakunta hyväksyy maksut.\n", title, "Liite 1 Maksutaulukko 2021 | Liite 2 Lausunto 12.2.2021"},
		{nav + title + hdr + "Liitteet\nMaksutaulukko 2021\nLausunto 12.2.2021\nEsittelijä Sivistysjohtaja Matti Meikäläinen\n", title, "Maksutaulukko 2021 | Lausunto 12.2.2021"},
		{nav + title + hdr + "Liitteet\nMaksutaulukko 2021\n\nLausunto 12.2.2021\n\n", title, "Maksutaulukko 2021 | Lausunto 12.2.2021"},
		{nav + title + hdr + "Liitteet\n\n1\tMaksutaulukko 2021\n\n2\tLausunto 12.2.2021\n\n", title, "1 Maksutaulukko 2021 | 2 Lausunto 12.2.2021"},
		{nav + title + hdr + "Liite 1 Maksutaulukko 2021\nTaustaa: lautakunta päätti asiasta viime vuonna.\n", title, "Liite 1 Maksutaulukko 2021"},
		{nav + title + hdr + "Liitteet\t1 Maksutaulukko 2021\n\t2 Lausunto 12.2.2021\n", title, "1 Maksutaulukko 2021 | 2 Lausunto 12.2.2021"},
		// A title the site cut short, with its ellipsis; the list's last
		// line before the header has its mark taken off as the others.
		{nav + "• Maksutaulukko 2021\n• Lausunto kirjaston maksuista ja korvauksista sekä niiden perusteista vuodell...\n• Lausunto 12.2.2021\n879/02.05.00.00/2020\nSIV 24.02.2021 § 12\n§ 12\n" + title, title,
			"Maksutaulukko 2021 | Lausunto kirjaston maksuista ja korvauksista sekä niiden perusteista vuodell... | Lausunto 12.2.2021"},
		// A document named after earlier minutes, above the title: the
		// header's words with nothing under them are no handling.
		{"Teknlk 27.4.2021 § 39\n" + title + hdr, title, "Teknlk 27.4.2021 § 39"},
		// An attachment known by its number only, in the body.
		{nav + title + hdr + "Bilaga nr 5.\n", title, "Bilaga nr 5."},
		{nav + title + hdr + "Liite nro 9.\n", title, "Liite nro 9."},
		{nav + "Salassa pidettävä liite\n" + title + hdr, title, "Salassa pidettävä liite"},
		// Each number on a line of its own above its title (Helsinki's
		// static pages); the appeal headings after the list end it (v17).
		{nav + title + hdr + "Bilagor\n1\nAvgiftstabell 2021\n2\nUtlåtande 12.2.2021\nSökande av ändring\nFörbud mot sökande av ändring, beredning eller verkställighet\n", title, "1 Avgiftstabell 2021 | 2 Utlåtande 12.2.2021"},
		{nav + title + hdr + "Liitteet\n1\nMaksutaulukko 2021\n", title, "1 Maksutaulukko 2021"},
		// … but a count after the plural label is no number of a title.
		{nav + title + hdr + "Liitteet\n2\nMaksutaulukko 2021\nLausunto 12.2.2021\n", title, "Maksutaulukko 2021 | Lausunto 12.2.2021"},
	}
	for i, tt := range tests {
		d := Text(head + tt.top + body)
		if d.Title != strings.TrimSpace(tt.title) || strings.Join(d.Attachments, " | ") != tt.att {
			t.Errorf("%d: title %q attachments %q, want %q", i, d.Title, strings.Join(d.Attachments, " | "), tt.att)
		}
	}
}
