package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

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

// Analyze leaves short keys out of the reversed column, which only suffix
// matches read: that loses nothing only while every suffix shorter than
// minRevKey a query word's pattern holds is also one of its exact keys.
// Every word of the seed pages, and short words of every shape, as query
// words.
func TestShortSuffixesAreExact(t *testing.T) {
	words := []string{"tie", "tiet", "kun", "katu", "kadut", "vero", "veroa", "ja", "ei", "yö", "öitä", "maa", "maata", "työ", "työtä", "tuli", "usta", "ystä", "ostu"}
	seeds, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("seeds: %v", err)
	}
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, strings.FieldsFunc(strings.ToLower(string(b)), func(r rune) bool { return !unicode.IsLetter(r) })...)
	}
	checked := 0
	for _, w := range words {
		p := PatternOf(w)
		for _, s := range p.Suffix {
			if utf8.RuneCountInString(s) < minRevKey {
				checked++
				if !contains(p.Exact, s) {
					t.Errorf("%q: suffix %q, shorter than minRevKey, is not an exact key %q", w, s, p.Exact)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no short suffix checked")
	}
}
