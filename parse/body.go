package parse

import "strings"

// BodyLevel ranks a deciding body by its place in a municipality's chain of
// decision: 3 for a council (valtuusto, aluevaltuusto, fullmäktige), 2 for a
// board (hallitus, aluehallitus, styrelse), 1 for committees and everything
// else. A matter a board proposes and a council decides is the council's.
// The last word names the body ("Kaupunginvaltuuston tarkastuslautakunta" is
// a committee, "Kunnanhallituksen konsernijaosto" a division of the board).
func BodyLevel(body string) int {
	words := strings.Fields(strings.ToLower(body))
	if len(words) == 0 {
		return 1
	}
	b := words[len(words)-1]
	switch {
	case strings.Contains(b, "valtuusto") || strings.Contains(b, "fullmäktige"):
		return 3
	case strings.Contains(b, "hallitus") || strings.Contains(b, "styrelse"):
		return 2
	}
	return 1
}
