package search

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"sopimus", "sopimus"},
		{"Hyvinvointialueen  yhteistyösopimus", "hyvinvointialueen yhteistyösopimus"},
		{`"jätettiin pöydälle" kunta`, `"jätettiin pöydälle" kunta`},
		{`„jätettiin pöydälle” kunta`, `"jätettiin pöydälle" kunta`},
		{`"open quote runs to the end`, `"open quote runs to the end"`},
		{"sopimus -vuokra", "sopimus -vuokra"},
		{"sopimus NOT vuokra", "sopimus -vuokra"},
		{`sopimus -"vuokra aika"`, `sopimus -"vuokra aika"`},
		{"a b OR c", "a b OR c"},
		{"OR a OR OR b OR", "a OR b"},
		{"a AND b", "a b"},
		{"maa-aineslupa", `"maa aineslupa"`},
		{"(sopimus*) ^:+", "sopimus"},
		{"sopimus - x", "sopimus x"},
		{"2023-2024", `"2023 2024"`},
		{"päätös\u00a0hyväksyä", "päätös hyväksyä"},
		{"Pa\u0308a\u0308to\u0308s", "päätös"}, // NFD in, NFC keys
	} {
		q, err := ParseQuery(tc.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tc.in, err)
			continue
		}
		if got := q.String(); got != tc.want {
			t.Errorf("ParseQuery(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, in := range []string{"", " ", "-a", "NOT a", "*", `"`, `""`, "( ) [ ]", "OR", "AND"} {
		if _, err := ParseQuery(in); !errors.Is(err, ErrEmptyQuery) {
			t.Errorf("ParseQuery(%q): err = %v, want ErrEmptyQuery", in, err)
		}
	}
}

func TestTermKey(t *testing.T) {
	// Groups of forms that must share a key, and words that must not.
	same := [][]string{
		{"sopimus", "sopimuksen", "sopimukset", "sopimuksia", "sopimuksella", "sopimukseksi"},
		{"hyvinvointialue", "hyvinvointialueen", "hyvinvointialueiden", "hyvinvointialueilla"},
		{"lausunto", "lausunnon", "lausuntoa"},
		{"katu", "kadun", "katuja"},
		{"lupa", "luvan", "luvat", "lupaa"},
		{"päiväkoti", "päiväkodin", "päiväkoteja"},
		{"turvallisuus", "turvallisuuden"},
		{"toinen", "toisen"},
		{"pankki", "pankin"},
		{"kaupunki", "kaupungin", "kaupunkien"},
		{"ympäristölupa", "ympäristöluvan"},
	}
	for _, g := range same {
		for _, w := range g[1:] {
			if Key(w) != Key(g[0]) {
				t.Errorf("Key(%s) = %q, Key(%s) = %q; want equal", w, Key(w), g[0], Key(g[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"väärä", "vaara"}, {"pöytä", "poyta"}, {"koulu", "koulutus"}, {"kaava", "kaavoitus"}} {
		if Key(pair[0]) == Key(pair[1]) {
			t.Errorf("Key(%s) = Key(%s) = %q", pair[0], pair[1], Key(pair[0]))
		}
	}
	p := PatternOf("sopimus")
	for _, w := range []string{"yhteistyösopimuksen", "sopimusta", "vuokrasopimukset"} {
		if !p.Matches(Key(w)) {
			t.Errorf("sopimus does not match %s (key %q)", w, Key(w))
		}
	}
	if p := PatternOf("hyväksyä"); !p.Matches(Key("hyväksyttiin")) || !p.Matches(Key("hyväksytään")) {
		t.Errorf("hyväksyä does not match its passive forms")
	}
}

func TestParseQueryBounds(t *testing.T) {
	// A word repeated 10,000 times is one word.
	q, err := ParseQuery(strings.TrimSpace(strings.Repeat("sopimus ", 100)))
	if err != nil || q.String() != "sopimus" {
		t.Errorf("repeated word: %q, %v", q.String(), err)
	}
	if _, err := ParseQuery(strings.Repeat("a", MaxQueryBytes+1)); !errors.Is(err, ErrQueryTooLong) {
		t.Errorf("long query: %v, want ErrQueryTooLong", err)
	}
	var words []string
	for i := 0; i < maxClauses+1; i++ {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	if _, err := ParseQuery(strings.Join(words, " ")); !errors.Is(err, ErrQueryTooLong) {
		t.Errorf("%d words: %v, want ErrQueryTooLong", len(words), err)
	}
	if q, err := ParseQuery(`"a b" "a b" -c -c x`); err != nil || q.String() != `"a b" x -c` {
		t.Errorf("repeated phrase and exclusion: %q, %v", q.String(), err)
	}
}

func TestTitleYears(t *testing.T) {
	for _, tc := range []struct {
		title  string
		single []int
		spans  []YearSpan
	}{
		{"Vuoden 2025 talousarvio ja vuosien 2026-2027 taloussuunnitelma", []int{2025}, []YearSpan{{2026, 2027}}},
		{"Talousarvio 2026 ja taloussuunnitelma 2026 – 2028", []int{2026}, []YearSpan{{2026, 2028}}},
		{"Kuntastrategia 2022–2025", nil, []YearSpan{{2022, 2025}}},
		{"Budget och ekonomiplan 2026—2028", nil, []YearSpan{{2026, 2028}}},
		{"Tilinpäätös 2024, 2025", []int{2024, 2025}, nil},
		{"Vuodet 2028-2026", []int{2028, 2026}, nil}, // not a span
		{"Kokous 8/2025", []int{2025}, nil},
	} {
		single, spans := TitleYears(tc.title)
		if fmt.Sprint(single) != fmt.Sprint(tc.single) || fmt.Sprint(spans) != fmt.Sprint(tc.spans) {
			t.Errorf("%q: %v %v, want %v %v", tc.title, single, spans, tc.single, tc.spans)
		}
	}
}

func TestIsProcedural(t *testing.T) {
	for w, want := range map[string]bool{
		"vahvistaminen": true, "määräämisestä": true, "hyväksyminen": true, "vuodelle": true, "år": true,
		"päivitys": true, "tarkistuksen": true, "uppdatering": true, "muutos": false, "toteutuminen": true,
		"tuloveroprosentti": false, "kuntastrategia": false, "minen": false, "2026": false, "sopimus": false,
	} {
		if got := (Clause{Words: []string{w}}).IsProcedural(); got != want {
			t.Errorf("%s: procedural %v, want %v", w, got, want)
		}
	}
}

// An instruction about the matter is not the matter: the query's word right
// before a word of instruction; a query asking for the instruction keeps it.
func TestNamesInstruction(t *testing.T) {
	for _, tc := range []struct {
		query, title string
		want         bool
	}{
		{"talousarvio 2026", "Talousarvion laadintaohje 2026", true},
		{"talousarvio 2026", "Vuoden 2026 talousarvion täytäntöönpano-ohje", true},
		{"talousarvio 2026 ja taloussuunnitelma 2026-2028", "Vuoden 2026 talousarvion ja taloussuunnitelman 2026-2028 toimeenpano-ohjeet", true},
		{"talousarvio 2026", "Talousarvio 2026", false},
		{"talousarvio 2026", "Vuoden 2026 talousarvio ja laadintaohjeet", false},
		{"talousarvion laadintaohje", "Talousarvion laadintaohje 2026", false},
		{"hankinta", "Hankintaohje", false},
		// A title in decomposed form (ä as a + U+0308): its words' offsets
		// are those of the normal form.
		{"talousarvio 2026", "Vuoden 2026 talousarvion ta\u0308yta\u0308nto\u0308o\u0308npano-ohje", true},
		{"talousarvio", "Ta\u0308ma\u0308 talousarvion ohje", true},
	} {
		q, err := ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.NamesInstruction(tc.title); got != tc.want {
			t.Errorf("%q NamesInstruction(%q) = %v, want %v", tc.query, tc.title, got, tc.want)
		}
	}
}

// A compound begun by a word ends in a stage of its matter (its proposal,
// draft or revision) or names another thing.
func TestIsStageCompound(t *testing.T) {
	for _, tc := range []struct {
		word, key string
		want      bool
	}{
		{"talousarvio", "talousarvioehdotu", true},
		{"kuntastrategia", "kuntastrategialuonno", true},
		{"talousarvio", "talousarviolaina", false},
		{"talousarvio", "talousarvio", false},
		{"sopimus", "yhteistyösopimusehdotu", false}, // not begun by the word
	} {
		if got := IsStageCompound(tc.word, tc.key); got != tc.want {
			t.Errorf("IsStageCompound(%q, %q) = %v, want %v", tc.word, tc.key, got, tc.want)
		}
	}
}
