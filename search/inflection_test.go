package search

import "testing"

// The inflections the README promises, on words taken from the real page
// texts (testdata/real): each row is a lemma and forms of it that stand in
// those pages. Every form, typed as a query, must find every other form
// and the lemma in a text, and the lemma must find every form: the
// partitive included (sopimusta, päätöstä, kokousta), and compounds
// ending in the word.
func TestInflectionTable(t *testing.T) {
	table := []struct {
		lemma string
		forms []string
	}{
		{"sopimus", []string{"sopimuksen", "sopimusta", "sopimukset", "sopimuksia", "sopimukseen"}},
		{"päätös", []string{"päätöksen", "päätöstä", "päätökset", "päätöksiä"}},
		{"kokous", []string{"kokouksen", "kokouksessa", "kokouksessaan", "kokoukset"}},
		{"esitys", []string{"esityksen", "esitystä", "esitykset"}},
		{"talousarvio", []string{"talousarvion", "talousarviota", "talousarvioon", "talousarviossa"}},
		{"lautakunta", []string{"lautakunnan", "lautakuntien", "lautakuntaa"}},
		{"valtuusto", []string{"valtuuston", "valtuustolle", "valtuustoa"}},
		{"hallintosääntö", []string{"hallintosäännön", "hallintosääntöä", "hallintosääntöön"}},
		{"hyvinvointialue", []string{"hyvinvointialueen", "hyvinvointialueelle", "hyvinvointialueiden", "hyvinvointialuetta"}},
		{"tilinpäätös", []string{"tilinpäätöksen", "tilinpäätöstä"}},
		{"taloussuunnitelma", []string{"taloussuunnitelman", "taloussuunnitelmaa"}},
		{"lausunto", []string{"lausunnon", "lausuntoa", "lausunnot"}},
		{"yhteistyösopimus", []string{"yhteistyösopimuksen", "yhteistyösopimusta", "yhteistyösopimukseen"}},
	}
	for _, row := range table {
		all := append([]string{row.lemma}, row.forms...)
		for _, q := range all {
			p := PatternOf(q)
			for _, w := range all {
				if !p.Matches(Key(w)) {
					t.Errorf("query %s does not find %s (key %q; pattern %+v)", q, w, Key(w), p)
				}
			}
		}
	}
	// Known misses, kept here so that a fix shows: Snowball cuts these
	// partitives to the stem of another word (kokousta → kok, as koko;
	// vastausta → vast, as vasta), and a query-side alternative would find
	// that other word everywhere. It also takes the -ta of the nominative
	// kunta for a partitive ending (kunta and kunnan key as kun, the
	// conjunction, kuntien and kuntaa as kunt); a fix must keep kunta
	// finding lautakunnan, which the short key's suffix match does today.
	for _, pair := range [][2]string{{"kokous", "kokousta"}, {"vastaus", "vastausta"}, {"kunta", "kuntien"}} {
		if PatternOf(pair[0]).Matches(Key(pair[1])) {
			t.Errorf("%s now finds %s: move it into the table above", pair[0], pair[1])
		}
	}
	// The last part of a compound, inflected, finds the compound.
	for _, pair := range [][2]string{{"sopimusta", "yhteistyösopimuksen"}, {"päätöstä", "tilinpäätöksen"},
		{"lautakunnan", "sivistyslautakunta"}, {"kunta", "lautakunnan"}} {
		if !PatternOf(pair[0]).Matches(Key(pair[1])) {
			t.Errorf("query %s does not find %s (key %q)", pair[0], pair[1], Key(pair[1]))
		}
	}
}
