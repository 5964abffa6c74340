package parse

import (
	"strings"
	"testing"
)

// TestTitlePositions finds the title of invented Dynasty pages in every
// position real pages put it (docs/dynasty.md, "Real pages vary"): before
// or after the handling header in both its orders, after the diary number,
// after a § alone, in capitals, wrapped over two lines, above earlier
// handlings, with no header at all.
func TestTitlePositions(t *testing.T) {
	head := inventedHead("Kankaanpään kaupunki", "Sivistyslautakunta", "Pöytäkirja 10.12.2024/Pykälä 124")
	nav := "Edellinen asia | Seuraava asia | Muutoksenhakuohje Kokousasia PDF-muodossa |\n"
	rest := "Valmistelija Kiviniemi Heikki\nLukuvuodessa on 190 työpäivää.\nEsittelijä Sivistysjohtaja Kiviniemi Heikki\nPäätösehdotus Sivistyslautakunta vahvistaa työ- ja loma-ajat.\nPäätös Ehdotus hyväksyttiin.\n"
	T := "Koulujen työ- ja loma-ajat lukuvuonna 2025-2026"
	tests := []struct{ top, want string }{
		{nav + T + "\nSIVL 10.12.2024 § 124\n712/12.00.00/2022\n", T},
		{nav + "712/12.00.00/2022\n" + T + "\nSIVL 10.12.2024 § 124\n", T},
		{nav + "SIVL 10.12.2024 § 124\n" + T + "\n712/12.00.00/2022\n", T},
		{nav + "Sivistyslautakunta 124 § 10.12.2024\n" + T + "\n", T},
		{nav + "§ 124\n" + T + "\nSIVL 10.12.2024 § 124\n", T},
		{nav + strings.ToUpper(T) + "\nSIVL 10.12.2024 § 124\n", strings.ToUpper(T)},
		{nav + T + "\n\nSIVL 10.12.2024 § 124\n", T},
		{T + "\nSIVL 10.12.2024 § 124\n", T},
		{nav + T + "\nSIVL 12.11.2024 § 110\nTaustaa.\nPäätös Asia jätettiin pöydälle.\nSIVL 10.12.2024 § 124\n", T},
		{nav + T + "\nSivistyslautakunta 12.11.2024 § 110\nTaustaa.\nPäätös Asia jätettiin pöydälle.\nSivistyslautakunta 10.12.2024 § 124\n", T},
		{nav + T + "\nDnro 712/12.00.00/2022\nSIVL 10.12.2024 § 124\n", T},
		{nav + T + "\n712/12.00.00/2022\n", T},
		{nav + T + "\n", T},
		{nav + "Koulujen työ- ja loma-ajat\nlukuvuonna 2025-2026\nSIVL 10.12.2024 § 124\n", T},
		{nav + T + " (SIVL)\nSIVL 10.12.2024 § 124\n", T + " (SIVL)"},
	}
	for i, tt := range tests {
		d := Text(head + tt.top + rest)
		if d.Title != tt.want {
			t.Errorf("%d %q: title %q", i, tt.top, d.Title)
		}
	}
}
