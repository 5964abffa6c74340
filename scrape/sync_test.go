package scrape

import (
	"errors"
	"testing"
)

func TestCheckIdentity(t *testing.T) {
	text := "Virolahden kunnanhallitus\nPöytäkirja 09.10.2023/Pykälä 183\n\nKymenlaakson hyvinvointialueen ja Kymenlaakson kuntien strateginen yhteistyösopimus\n"
	for _, tc := range []struct {
		name      string
		id, title string
		page      Page
		wrong     bool // want ErrWrongItem
		fail      bool // want another error
	}{
		{"own id matches", "2023277-4", "", Page{Text: text, ItemID: "2023277-4"}, false, false},
		{"own id differs", "2023277-4", "", Page{Text: text, ItemID: "2023277-3"}, true, false},
		{"feed title in text, other case and dashes", "2023277-4", "KYMENLAAKSON hyvinvointialueen – ja Kymenlaakson kuntien strateginen yhteistyösopimus (pitkä otsikko jatkuu)", Page{Text: text}, false, false},
		{"feed title not in text", "2023277-4", "Talousarvio 2024 ja taloussuunnitelma", Page{Text: text}, true, false},
		{"short feed title is not evidence", "2023277-4", "Muut", Page{Text: text}, false, false},
		{"no title, no id", "2023277-4", "", Page{Text: text}, false, false},
		{"empty page", "2023277-4", "x", Page{Text: " \n "}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkIdentity(tc.id, tc.title, tc.page)
			switch {
			case tc.wrong && !errors.Is(err, ErrWrongItem):
				t.Errorf("err = %v, want ErrWrongItem", err)
			case tc.fail && (err == nil || errors.Is(err, ErrWrongItem)):
				t.Errorf("err = %v, want a non-identity error", err)
			case !tc.wrong && !tc.fail && err != nil:
				t.Errorf("err = %v, want nil", err)
			}
		})
	}
}
