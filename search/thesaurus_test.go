package search

import (
	"sort"
	"strings"
	"testing"
)

// mapVocab is a Vocabulary of the keys of some words.
type mapVocab map[string]bool

func vocabOf(text string) mapVocab {
	v := mapVocab{}
	for _, k := range Keys(text) {
		v[k] = true
	}
	return v
}

func (v mapVocab) Known(keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, k := range keys {
		if v[k] {
			out[k] = true
		}
	}
	return out, nil
}

func (v mapVocab) WithPrefix(prefix string, limit int) ([]string, error) {
	var out []string
	for k := range v {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Every line of the thesaurus has Finnish words and Swedish ones, and no
// word stands on two lines (readThesaurus would keep only the first).
func TestThesaurusFile(t *testing.T) {
	seen := map[string]int{}
	lines := 0
	for i, raw := range strings.Split(thesaurusText, "\n") {
		raw = strings.TrimSpace(raw)
		if raw == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		lines++
		fi, sv, ok := strings.Cut(raw, "|")
		if !ok || strings.TrimSpace(fi) == "" || strings.TrimSpace(sv) == "" {
			t.Errorf("line %d %q: want Finnish words | Swedish words", i+1, raw)
		}
		for _, f := range strings.Fields(strings.ReplaceAll(raw, "|", " ")) {
			k := Key(strings.Trim(f, `"`))
			if prev, dup := seen[k]; dup && !strings.Contains(f, `"`) {
				t.Errorf("line %d: %q keys as a word of line %d", i+1, f, prev)
			}
			seen[k] = i + 1
		}
	}
	if got := len(loadedThesaurus().lines); got != lines || lines < 30 {
		t.Errorf("%d lines read of %d", got, lines)
	}
}

func TestThesaurusEquivalents(t *testing.T) {
	th := loadedThesaurus()
	for _, tc := range []struct {
		query string
		want  []string // among the equivalents
		not   []string // not among them
	}{
		{"budjetti", []string{"talousarvio", "budget"}, []string{"budjetti"}},
		{"budjetin", []string{"talousarvio", "budget"}, nil},                        // inflected
		{"talousarviota", []string{"budjetti", "budget"}, nil},                      // partitive
		{"budgeten", []string{"talousarvio", "budjetti"}, nil},                      // Swedish, inflected
		{"sopimusta", []string{"avtal"}, nil},                                       // partitive of an -us noun
		{"kunnallisveroprosentti", []string{"tuloveroprosentti"}, nil},              // a line of its own
		{"budjettiesitys", []string{"talousarvioesitys"}, []string{"budgetesitys"}}, // the term begins a compound
		{"kaupunginbudjetin", []string{"kaupungintalousarvio"}, nil},                // ends one, inflected
		{`"te palvelujen"`, []string{"työvoimapalvelut", "työllisyyspalvelut", `"työ ja elinkeinopalvelut"`}, nil},
		{"työvoimapalveluiden", []string{`"te palvelut"`, "työllisyyspalvelut"}, nil},
		{"hyvinvointialueelle", []string{"välfärdsområde"}, nil},
		{"koulu", nil, nil}, {"kunta", nil, nil}, {"2026", nil, nil}, {"avtalsenlig", nil, nil},
	} {
		q, err := ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		alts, _ := th.equivalents(q.Groups()[0][0])
		got := map[string]bool{}
		for _, a := range alts {
			got[a.String()] = true
		}
		if tc.want == nil && len(alts) > 0 {
			t.Errorf("%s: equivalents %v, want none", tc.query, alts)
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%s: equivalents %v, want %s among them", tc.query, alts, w)
			}
		}
		for _, w := range tc.not {
			if got[w] {
				t.Errorf("%s: equivalents %v hold %s", tc.query, alts, w)
			}
		}
	}
}

// The equivalents match as the word does, with their own inflections and
// compound forms, through Expand; the note says so.
func TestExpandThesaurus(t *testing.T) {
	texts := []string{
		"Kaupungin talousarvio vuodelle 2026 hyväksyttiin.",
		"Stadsfullmäktige godkände budgeten för år 2026.",
		"Talousarvioesityksen käsittely jatkuu.",
		"Helsingfors stads budgetförslag för 2026",
	}
	var all string
	for _, s := range texts {
		all += s + "\n"
	}
	q, err := ParseQuery("budjetti")
	if err != nil {
		t.Fatal(err)
	}
	q, err = q.Expand(vocabOf(all + " esitys"))
	if err != nil {
		t.Fatal(err)
	}
	c := q.Groups()[0][0]
	for _, s := range texts {
		if !c.MatchKeys(Keys(s)) {
			t.Errorf("budjetti does not match %q", s)
		}
	}
	if c.MatchKeys(Keys("Kiinteistöveroprosentit vahvistettiin")) {
		t.Error("budjetti matches a text without any of its equivalents")
	}
	noted := false
	for _, n := range q.Notes() {
		noted = noted || (n.Word == "budjetti" && strings.Contains(n.Text, "talousarvio") && strings.Contains(n.Text, "budget"))
	}
	if !noted {
		t.Errorf("no note of the equivalents: %v", q.Notes())
	}
}

// "hyvinvointikertomus ja -suunnitelma": the hyphen after a conjunction
// ends an elided compound, it does not exclude; elsewhere it still does.
func TestElidedCompoundIsNotExcluded(t *testing.T) {
	for _, tc := range []struct {
		query    string
		words    string
		excluded string
	}{
		{"laaja hyvinvointikertomus ja -suunnitelma", "laaja hyvinvointikertomus ja suunnitelma", ""},
		{"toiminta- ja taloussuunnitelma", "toiminta ja taloussuunnitelma", ""},
		{"talousarvio -toteutuma", "talousarvio", "toteutuma"},
		{"ja -toteutuma", "ja", "toteutuma"}, // nothing before the conjunction
		{"talousarvio ja NOT toteutuma", "talousarvio ja", "toteutuma"},
	} {
		q, err := ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		var words, excluded []string
		for _, c := range q.Groups()[0] {
			words = append(words, c.String())
		}
		for _, c := range q.Excluded() {
			excluded = append(excluded, c.String())
		}
		if strings.Join(words, " ") != tc.words || strings.Join(excluded, " ") != tc.excluded {
			t.Errorf("%s: words %q excluded %q, want %q and %q", tc.query, words, excluded, tc.words, tc.excluded)
		}
	}
	q, _ := ParseQuery("hyvinvointikertomus ja -suunnitelma")
	if len(q.Notes()) != 1 || !strings.Contains(q.Notes()[0].Text, "not as an exclusion") {
		t.Errorf("notes %v, want one saying -suunnitelma is not an exclusion", q.Notes())
	}
}

// An inflected word begins the compounds of its stem (kiinteistöveron:
// kiinteistöveroprosentit), the typed form those of its own; a rest that
// is not a word of the vocabulary makes no compound.
func TestInflectedWordBeginsCompounds(t *testing.T) {
	v := vocabOf("kiinteistöveroprosentit hyvinvointikertomus prosentti kertomus kunnanhallitus hallitus " +
		"kiinteistövero hyvinvointi kiinteistöverotus vuokrasopimus sopimus vuokra")
	for _, tc := range []struct {
		word string
		want []string
		not  []string
	}{
		{"kiinteistöveron", []string{Key("kiinteistöveroprosentit")}, nil},
		{"hyvinvoinnin", []string{Key("hyvinvointikertomus")}, nil},
		{"kiinteistövero", []string{Key("kiinteistöveroprosentit")}, []string{Key("kiinteistöverotus")}}, // "tus" is no word
		{"kunnan", []string{Key("kunnanhallitus")}, nil},
		// A noun in -us begins the compounds of the word it is made from
		// (vuokra → vuokraus): vuokraus, vuokrasopimus.
		{"vuokraus", []string{Key("vuokrasopimus")}, nil},
		{"sopimus", nil, []string{Key("vuokrasopimus")}},
	} {
		got, err := compoundsBegun(tc.word, v)
		if err != nil {
			t.Fatal(err)
		}
		has := map[string]bool{}
		for _, g := range got {
			has[g] = true
		}
		for _, w := range tc.want {
			if !has[w] {
				t.Errorf("%s begins %q, want %s among them", tc.word, got, w)
			}
		}
		for _, w := range tc.not {
			if has[w] {
				t.Errorf("%s begins %q, not %s", tc.word, got, w)
			}
		}
	}
}

// A word of a compound written in part is read as the whole compound, its
// missing part taken from the compound beside it as the vocabulary splits
// that: -suunnitelma after "hyvinvointikertomus ja" is
// hyvinvointisuunnitelma, toiminta- before "ja taloussuunnitelma" is
// toimintasuunnitelma. A compound the vocabulary does not split leaves the
// word as typed; a hyphen that excludes completes nothing.
func TestElidedCompoundIsCompleted(t *testing.T) {
	v := vocabOf("hyvinvointi kertomus suunnitelma toiminta talous terveys lautakunta sosiaali")
	for _, tc := range []struct {
		query string
		want  string
	}{
		{"laaja hyvinvointikertomus ja -suunnitelma", "laaja hyvinvointikertomus ja hyvinvointisuunnitelma"},
		{"toiminta- ja taloussuunnitelma", "toimintasuunnitelma ja taloussuunnitelma"},
		{"sosiaali- ja terveyslautakunta", "sosiaalilautakunta ja terveyslautakunta"},
		{"hyvinvointikertomus sekä -suunnitelma", "hyvinvointikertomus sekä hyvinvointisuunnitelma"},
		{"ympäristökertomus ja -suunnitelma", "ympäristökertomus ja suunnitelma"}, // ympäristö is no word here
		{"talousarvio -toteutuma", "talousarvio -toteutuma"},
		{"toiminta- OR taloussuunnitelma", "toiminta OR taloussuunnitelma"},
		{"toiminta- taloussuunnitelma", "toiminta taloussuunnitelma"}, // no conjunction between
	} {
		q, err := ParseQuery(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		q, err = q.Expand(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := q.String(); got != tc.want {
			t.Errorf("%s: read as %q, want %q", tc.query, got, tc.want)
		}
	}
	q, _ := ParseQuery("hyvinvointikertomus ja -suunnitelma")
	q, _ = q.Expand(v)
	said := false
	for _, n := range q.Notes() {
		said = said || (n.Word == "suunnitelma" && strings.Contains(n.Text, "hyvinvointisuunnitelma"))
	}
	if !said {
		t.Errorf("no note of the completed word: %v", q.Notes())
	}
}

// An action noun's ending is no word: perustaminen is not perusta + minen,
// though an archive may hold both keys (per from perusta, min from a
// Swedish text), while yhteistyösopimus still splits.
func TestActionNounIsNoCompound(t *testing.T) {
	v := vocabOf("perusta minen yhteistyö sopimus")
	for word, want := range map[string]bool{"perustaminen": false, "perustamisesta": false, "yhteistyösopimus": true} {
		parts, err := splitCompound(word, v)
		if err != nil {
			t.Fatal(err)
		}
		if got := parts != nil; got != want {
			t.Errorf("%s: split %v (%q), want split %v", word, got, parts, want)
		}
	}
}

// Broader: the first and the last part of a compound that are compounds
// themselves, of ten letters or more; a short or plain part is none.
func TestBroader(t *testing.T) {
	v := vocabOf("tulo vero prosentti veroprosentti kiinteistö kiinteistövero yhteistyö sopimus hyvinvointi kertomus")
	for word, want := range map[string]string{
		"tuloveroprosentti":       "veroprosentti",
		"kiinteistöveroprosentti": "kiinteistövero veroprosentti",
		"yhteistyösopimus":        "",
		"veroprosentti":           "",
		"2026":                    "",
	} {
		got, err := Broader(Clause{Words: []string{word}}, v)
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, c := range got {
			s = append(s, c.String())
		}
		if strings.Join(s, " ") != want {
			t.Errorf("Broader(%s) = %q, want %q", word, s, want)
		}
	}
}
