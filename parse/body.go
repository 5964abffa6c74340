package parse

import "strings"

// BodyLevel ranks a deciding body by its place in a municipality's chain of
// decision: 3 for a council (valtuusto, aluevaltuusto, fullmäktige), 2 for a
// board (hallitus, aluehallitus, styrelse), 1 for committees and everything
// else. A matter a board proposes and a council decides is the council's.
// The last word names the body ("Kaupunginvaltuuston tarkastuslautakunta" is
// a committee, "Kunnanhallituksen konsernijaosto" a division of the board).
func BodyLevel(body string) int {
	words := strings.Fields(lower(body))
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

// Standing is what decides which of an organisation's handlings of one
// matter speaks for it: the body, the meeting and the kind of document.
type Standing struct {
	Body        string
	MeetingDate string // YYYY-MM-DD, "" when unknown
	Document    Document
}

// Outranks reports whether the handling a, rather than b, settles a matter
// for its organisation: the higher body (BodyLevel), then the later meeting,
// then minutes over an agenda of the same meeting. A board that proposed and
// a council that then tabled leave the matter tabled; a council that tabled
// in May and approved in June approved it.
func (a Standing) Outranks(b Standing) bool {
	if la, lb := BodyLevel(a.Body), BodyLevel(b.Body); la != lb {
		return la > lb
	}
	if a.MeetingDate != b.MeetingDate {
		return a.MeetingDate > b.MeetingDate
	}
	return a.Document == DocumentMinutes && b.Document != DocumentMinutes
}
