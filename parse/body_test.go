package parse

import "testing"

func TestBodyLevel(t *testing.T) {
	for body, want := range map[string]int{
		"Kaupunginvaltuusto":               3,
		"Virolahden kunnanvaltuusto":       3,
		"Aluevaltuusto":                    3,
		"Stadsfullmäktige":                 3,
		"Kaupunginhallitus":                2,
		"Aluehallitus":                     2,
		"Stadsstyrelsen":                   2,
		"Tekninen lautakunta":              1,
		"Alueneuvottelukunta":              1,
		"KhVi":                             1,
		"":                                 1,
		"Kunnanhallituksen konsernijaosto": 1,
		"Kaupunginvaltuuston tarkastuslautakunta": 1,
	} {
		if got := BodyLevel(body); got != want {
			t.Errorf("BodyLevel(%q) = %d, want %d", body, got, want)
		}
	}
}
