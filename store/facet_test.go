package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestFacetPrefilterKeepsEveryMatch checks that handing the filter to FTS5
// as facet terms loses nothing: every filtered search returns exactly the
// unfiltered search's hits that pass the filter, checked here in Go.
func TestFacetPrefilterKeepsEveryMatch(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	type rec struct{ id, source, org, date string }
	var all []rec
	orgs := map[string]string{"a": "Akaan kaupunki", "b": "Bjärnån kunta", "c": "Akaan kaupunki"} // c: same organisation, another source
	for _, name := range []string{"a", "b", "c", "d"} {
		src, err := db.AddSource(ctx, name, "https://"+name+".test", "")
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 12; i++ {
			date := fmt.Sprintf("%04d-%02d-15", 2019+i%6, 1+i%12)
			org := orgs[name]
			header := ""
			if org != "" { // d's pages have no site header: no organisation
				header = "Dynasty tietopalvelu Haku RSS " + org + "\n"
			}
			text := fmt.Sprintf("%sKunnanhallitus\nPöytäkirja %s.%s.%s/Pykälä %d\nSopimuksen hyväksyminen %d\nPäätösehdotus Hyväksytään sopimus.\nPäätös Ehdotus hyväksyttiin.\n",
				header, date[8:10], date[5:7], date[:4], i+1, i)
			id := fmt.Sprintf("%s%d-1", date[:4], 100+i)
			saveText(t, db, src.ID, id, text)
			all = append(all, rec{PublicID(name, id), name, org, date})
		}
	}
	for _, f := range []Filter{
		{Organization: "a"},
		{Organization: "Akaan"},
		{Organization: "bjärnån"}, // LIKE folds ASCII case: a match
		{Organization: "BJÄRNÅN"}, // but only ASCII case: no match
		{Organization: "Bjärnån"},
		{Organization: "nobody"},
		{Since: "2021-01-01", Until: "2022-06-30"},
		{Since: "2023-03-01"},
		{Until: "2019-12-31"},
		{Organization: "Akaan", Since: "2020-01-01", Until: "2021-12-31"},
		{Organization: "c", Since: "2024-01-01"},
	} {
		res, err := db.Search(ctx, SearchOptions{Query: mustQuery(t, "sopimus"), Filter: f, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		var want []string
		for _, r := range all {
			orgOK := f.Organization == "" || r.source == f.Organization || (r.org != "" && strings.Contains(asciiLower(r.org), asciiLower(f.Organization)))
			dateOK := (f.Since == "" || r.date >= f.Since) && (f.Until == "" || r.date <= f.Until)
			if orgOK && dateOK {
				want = append(want, r.id)
			}
		}
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("filter %+v:\n got %v\nwant %v", f, got, want)
		}
	}
}

// asciiLower folds case as SQLite's LIKE does: ASCII letters only.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
