package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
)

// saveText archives a page text as parsed by the current parser.
// mustQuery parses a query a test knows to be valid.
func mustQuery(t testing.TB, s string) search.Query {
	t.Helper()
	q, err := search.ParseQuery(s)
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return q
}

// The zero query is refused, not taken for "everything".
func TestSearchZeroQuery(t *testing.T) {
	db := openTemp(t)
	if _, err := db.Search(context.Background(), SearchOptions{}); !errors.Is(err, search.ErrEmptyQuery) {
		t.Errorf("search of no query: %v, want ErrEmptyQuery", err)
	}
	if _, err := db.Approved(context.Background(), search.Query{}, Filter{}); !errors.Is(err, search.ErrEmptyQuery) {
		t.Errorf("approved of no query: %v, want ErrEmptyQuery", err)
	}
}

func saveText(t testing.TB, db *DB, sourceID int64, itemID, text string) {
	t.Helper()
	_, err := db.SaveItem(context.Background(), Fetched{
		SourceID: sourceID, ItemID: itemID, URL: "https://x.test/cgi/DREQUEST.PHP?page=meetingitem&id=" + itemID,
		FetchedAt: t0, Status: 200, Raw: []byte(text), Text: text,
		Decision: parse.Text(text), ParserVersion: parse.Version,
	})
	if err != nil {
		t.Fatal(err)
	}
}

func searchIDs(t *testing.T, db *DB, query string, f Filter) []string {
	t.Helper()
	res, err := db.Search(context.Background(), SearchOptions{Query: mustQuery(t, query), Filter: f, Limit: 100})
	if err != nil {
		t.Fatalf("search %q: %v", query, err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ItemID)
	}
	sort.Strings(ids)
	return ids
}

// textArchive is a new archive of one source holding docs (item id:
// page text), each parsed by the current parser.
func textArchive(t *testing.T, docs map[string]string) *DB {
	t.Helper()
	db := openTemp(t)
	src, err := db.AddSource(context.Background(), "kunta", "https://kunta.test", "Testikunta")
	if err != nil {
		t.Fatal(err)
	}
	for id, text := range docs {
		saveText(t, db, src.ID, id, text)
	}
	return db
}

func TestSearchFinnish(t *testing.T) {
	db := textArchive(t, map[string]string{
		"1-1": "Strateginen yhteistyösopimuksen hyväksyminen\nPäätös Ehdotus hyväksyttiin.",
		"1-2": "Vuokrasopimusta jatketaan\nPäätös Kunnanhallitus päätti jatkaa sopimusta.",
		"1-3": "Hyvinvointialueen lausunto\nPäätös Annettiin lausunto hyvinvointialueelle.",
		"1-4": "Hyvinvointialueiden yhteistyö\nPäätös Merkittiin tiedoksi.",
		"1-5": "Kadun nimeäminen\nPäätös Asia jätettiin pöydälle.",
		"1-6": "Avustukset yhdistyksille\nPäätös Ehdotus hylättiin äänin 4-3.",
		"1-7": "Katuvalaistus ja teiden kunnossapito\nPäätös Päätösehdotus hyväksyttiin.",
		"1-8": "Talousarvion toteutuma\nPäätös Kaupunginhallitus päätti hyväksyä toteutuman.",
	})
	tests := []struct {
		query string
		want  string
	}{
		{"sopimus", "1-1 1-2"},
		{"hyvinvointialue", "1-3 1-4"},
		{"hyväksyä", "1-1 1-7 1-8"},
		{"hyvaksya", ""}, // ä is not a: no folding
		{"Sopimus", "1-1 1-2"},
		{"sopimus -vuokrasopimus", "1-1"},
		{"sopimus NOT vuokrasopimusta", "1-1"},
		{"sopimus OR avustus", "1-1 1-2 1-6"},
		{`"jätettiin pöydälle"`, "1-5"},
		{`"pöydälle jätettiin"`, ""},
		{`"talousarvio toteutuma"`, "1-8"},
		{"katu", "1-5"},
		{"kadut", "1-5"},
		{"teitä", "1-7"},
		// Stray syntax is text, never an FTS5 error.
		{`sopimus"`, "1-1 1-2"},
		{`"sopimus`, "1-1 1-2"},
		{`(sopimus) AND *`, "1-1 1-2"},
		{`sopimus* ^ : + { } ( OR`, "1-1 1-2"},
		{`NEAR(sopimus)`, ""}, // NEAR is a word here
		{`sopimus'`, "1-1 1-2"},
		{`sopimus' OR ''`, "1-1 1-2"},
		{`-`, ""},
	}
	for _, tc := range tests {
		if tc.query == "-" {
			continue
		}
		got := strings.Join(searchIDs(t, db, tc.query, Filter{}), " ")
		if got != tc.want {
			t.Errorf("search %q = [%s], want [%s]", tc.query, got, tc.want)
		}
	}
	for _, q := range []string{"", "   ", "-sopimus", "***", `""`, "AND OR NOT", "( )"} {
		_, err := search.ParseQuery(q)
		if !errors.Is(err, search.ErrEmptyQuery) {
			t.Errorf("parse %q: err = %v, want ErrEmptyQuery", q, err)
		}
	}
}

func TestSearchFiltersAndSnippet(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	a, _ := db.AddSource(ctx, "virolahti", "https://dynasty.virolahti.fi", "")
	b, _ := db.AddSource(ctx, "porvoo", "https://porvoo.test", "")
	seed000 := readSeed(t, "000")
	seed002 := readSeed(t, "002")
	saveText(t, db, a.ID, "2023277-5", seed000)
	saveText(t, db, b.ID, "2023100-3", "Dynasty tietopalvelu Haku RSS Porvoon kaupunki\nKaupunginvaltuusto\n"+
		"Pöytäkirja 04.09.2023/Pykälä 88\n"+seed002)

	res, err := db.Search(ctx, SearchOptions{Query: mustQuery(t, "yhteistyösopimus")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 {
		t.Fatalf("hits = %d, want 2", len(res.Hits))
	}
	// Both titles name the agreement: seed 000's as the compound, seed
	// 002's as its parts written apart ("strategisen yhteistyön sopimus"),
	// and each snippet marks the form its page has.
	hits := map[string]Hit{}
	for _, h := range res.Hits {
		hits[h.ID] = h
	}
	if snip := hits["porvoo/2023100-3"].Snippet.Marked("[[", "]]"); !strings.Contains(snip, "[[yhteistyön]] [[sopimus]]") {
		t.Errorf("porvoo snippet = %q, want the parts marked", snip)
	}
	h := hits["virolahti/2023277-5"]
	if h.Organization != "Virolahden kunta" || h.MeetingDate != "2023-10-09" || h.Section == nil || *h.Section != 183 ||
		h.Outcome != parse.OutcomeApproved {
		t.Errorf("hit = %+v", h)
	}
	snip := h.Snippet.Marked("[[", "]]")
	if !strings.Contains(strings.ToLower(snip), "[[yhteistyösopimus]]") || strings.Contains(snip, "\n") || strings.Contains(snip, "\u00a0\u00a0") {
		t.Errorf("snippet = %q", snip)
	}
	for _, m := range h.Snippet.Marks {
		if w := h.Snippet.Text[m.Start:m.End]; !strings.Contains(strings.ToLower(w), "yhteistyösopimu") {
			t.Errorf("marked %q", w)
		}
	}

	for _, tc := range []struct {
		f    Filter
		want string
	}{
		{Filter{Organization: "virolahti"}, "2023277-5"},
		{Filter{Organization: "Porvoon"}, "2023100-3"},
		{Filter{Body: "kunnanhallitus"}, "2023277-5"},
		{Filter{Since: "2023-10-01"}, "2023277-5"},
		{Filter{Until: "2023-10-01"}, "2023100-3"},
		{Filter{Outcomes: []parse.Outcome{parse.OutcomeApproved}}, "2023100-3 2023277-5"},
		{Filter{Outcomes: []parse.Outcome{parse.OutcomeTabled}}, ""},
		{Filter{Organization: "%"}, ""},
	} {
		if got := strings.Join(searchIDs(t, db, "sopimus", tc.f), " "); got != tc.want {
			t.Errorf("filter %+v: got [%s], want [%s]", tc.f, got, tc.want)
		}
	}
	for _, f := range []Filter{{Since: "2023-1-1"}, {Until: "yesterday"}, {Since: "2024-01-01", Until: "2023-01-01"},
		{Outcomes: []parse.Outcome{"accepted"}}} {
		if _, err := db.Search(ctx, SearchOptions{Query: mustQuery(t, "sopimus"), Filter: f}); !errors.Is(err, ErrBadFilter) {
			t.Errorf("filter %+v: err = %v, want ErrBadFilter", f, err)
		}
	}
}

func readSeed(t testing.TB, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "testdata", "seeds", prefix+"_*.txt"))
	if len(m) != 1 {
		t.Fatalf("seed %s not found", prefix)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestApproved(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	page := func(org, body, date, sec, title, decision string) string {
		return fmt.Sprintf("Dynasty tietopalvelu Haku RSS %s\n%s\nPöytäkirja %s/Pykälä %s\n%s\nPäätösehdotus Hyväksytään.\nPäätös %s\n",
			org, body, date, sec, title, decision)
	}
	const title = "Hyvinvointialueen ja kuntien yhteistyösopimus"
	srcs := map[string]int64{}
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		s, err := db.AddSource(ctx, n, "https://"+n+".test", "")
		if err != nil {
			t.Fatal(err)
		}
		srcs[n] = s.ID
	}
	// a: board proposes, council approves → one row, at the council.
	saveText(t, db, srcs["a"], "1-1", page("Akaan kaupunki", "Kaupunginhallitus", "01.09.2023", "10", title, "Ehdotus hyväksyttiin."))
	saveText(t, db, srcs["a"], "2-1", page("Akaan kaupunki", "Kaupunginvaltuusto", "20.09.2023", "5", title, "Ehdotus hyväksyttiin yksimielisesti."))
	// b: the board tabled it.
	saveText(t, db, srcs["b"], "1-1", page("Bkunta", "Kunnanhallitus", "02.09.2023", "7", "Yhteistyösopimuksen hyväksyminen", "Asia jätettiin pöydälle."))
	// c: approved by the board only.
	saveText(t, db, srcs["c"], "1-1", page("Ckunta", "Kunnanhallitus", "03.09.2023", "8", "Kuntien ja hyvinvointialueen yhteistyösopimus", "Ehdotus hyväksyttiin."))
	// e: the board approved a proposal to the council, which then tabled it.
	saveText(t, db, srcs["e"], "1-1", page("Ekunta", "Kunnanhallitus", "04.09.2023", "11", title, "Ehdotus hyväksyttiin."))
	saveText(t, db, srcs["e"], "2-1", page("Ekunta", "Kunnanvaltuusto", "25.09.2023", "6", title, "Asia jätettiin pöydälle."))
	// d: archived, nothing matching.
	saveText(t, db, srcs["d"], "1-1", page("Dkunta", "Kunnanhallitus", "03.09.2023", "9", "Talousarvio 2024", "Ehdotus hyväksyttiin."))

	res, err := db.Approved(ctx, mustQuery(t, "hyvinvointialueen yhteistyösopimus"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range res.Approved {
		got = append(got, fmt.Sprintf("%s %s %s %d", o.Organization, o.Decision.Body, o.Decision.Outcome, o.Handlings))
	}
	want := []string{"Akaan kaupunki Kaupunginvaltuusto approved 2", "Ckunta Kunnanhallitus approved 1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("approved = %q, want %q", got, want)
	}
	if u := res.Approved[0].Decision.Unanimous; u == nil || !*u {
		t.Errorf("council decision unanimous = %v", u)
	}
	// b's title has no hyvinvointialue: it does not match both words. e's
	// council, the highest body, tabled what its board approved.
	if len(res.Otherwise) != 1 || res.Otherwise[0].Decision.SourceName != "e" || res.Otherwise[0].Decision.Body != "Kunnanvaltuusto" ||
		res.Otherwise[0].Decision.Outcome != parse.OutcomeTabled || res.Otherwise[0].Handlings != 2 || res.Unmatched != 2 {
		t.Errorf("otherwise = %+v, unmatched = %d; want e's council tabling, 2", res.Otherwise, res.Unmatched)
	}
	res, err = db.Approved(ctx, mustQuery(t, "yhteistyösopimus"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Approved) != 2 || len(res.Otherwise) != 2 || res.Otherwise[0].Decision.Outcome != parse.OutcomeTabled ||
		res.Otherwise[0].Decision.SourceName != "b" || res.Otherwise[1].Decision.SourceName != "e" || res.Unmatched != 1 {
		t.Errorf("approved %+v\notherwise %+v\nunmatched %d", res.Approved, res.Otherwise, res.Unmatched)
	}
	// The date filter drops the council meetings: the boards' approvals speak.
	res, err = db.Approved(ctx, mustQuery(t, "yhteistyösopimus"), Filter{Until: "2023-09-10"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Approved) != 3 || res.Approved[0].Decision.Body != "Kaupunginhallitus" || res.Approved[2].Decision.SourceName != "e" {
		t.Errorf("approved until 2023-09-10: %+v", res.Approved)
	}
}

// A year rarer in titles than the query's word still needs the word: the
// title naming both is found, one naming only the year is not.
func TestApprovedYearRarerThanWord(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.AddSource(ctx, "a", "https://a.test", "Akaan kaupunki")
	if err != nil {
		t.Fatal(err)
	}
	page := func(date, title string) string {
		return "Dynasty tietopalvelu Haku RSS Akaan kaupunki\nKaupunginvaltuusto\nPöytäkirja " + date +
			"/Pykälä 5\n" + title + "\nPäätösehdotus Hyväksytään.\nPäätös Ehdotus hyväksyttiin.\n"
	}
	// tuloveroprosentti in six titles of other years, 2021 in two.
	for i, y := range []string{"2019", "2020", "2022", "2023", "2024", "2025"} {
		saveText(t, db, src.ID, fmt.Sprintf("%d-1", i+1), page("01.11."+y, "Tuloveroprosentin määrääminen vuodelle "+y))
	}
	saveText(t, db, src.ID, "7-1", page("02.11.2020", "Vuoden 2021 tuloveroprosentin määrääminen"))
	saveText(t, db, src.ID, "8-1", page("03.11.2020", "Vuoden 2021 talousarvio"))
	res, err := db.Approved(ctx, mustQuery(t, "tuloveroprosentti 2021"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Approved) != 1 || res.Approved[0].Decision.Title != "Vuoden 2021 tuloveroprosentin määrääminen" {
		t.Errorf("approved = %+v, want the 2021 tax rate", res.Approved)
	}
}

// A title naming the broader compound a query word is made of
// ("veroprosenttien" for tuloveroprosentti) names the matter with another
// word of the query beside it, not alone; a plain part (sopimus of
// yhteistyösopimus) never does.
func TestApprovedBroaderCompound(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.AddSource(ctx, "r", "https://r.test", "Raision kaupunki")
	if err != nil {
		t.Fatal(err)
	}
	page := func(date, title string) string {
		return "Dynasty tietopalvelu Haku RSS Raision kaupunki\nKaupunginvaltuusto\nPöytäkirja " + date +
			"/Pykälä 5\n" + title + "\nPäätösehdotus Hyväksytään.\nPäätös Ehdotus hyväksyttiin.\n"
	}
	saveText(t, db, src.ID, "1-1", page("02.11.2020", "Raision kaupungin veroprosenttien asettaminen vuodelle 2021"))
	saveText(t, db, src.ID, "2-1", page("01.11.2021", "Tuloveroprosentin määrääminen vuodelle 2022"))
	saveText(t, db, src.ID, "3-1", page("01.06.2021", "Sopimus jätehuollosta 2021"))
	saveText(t, db, src.ID, "4-1", page("01.02.2021", "Yhteistyösopimus Kuntaliiton kanssa 2019"))
	saveText(t, db, src.ID, "5-1", page("01.03.2021", "Kiinteistöveroprosentit 2021"))
	// The archive's own words split the compounds (a split counts only
	// where both parts are words the archive holds).
	saveText(t, db, src.ID, "6-1", page("01.04.2021", "Sopimus, tulo, vero, prosentti ja yhteistyö"))
	for _, tc := range []struct{ query, want string }{
		{"tuloveroprosentti 2021", "Raision kaupungin veroprosenttien asettaminen vuodelle 2021"},
		{"tuloveroprosentti", "Tuloveroprosentin määrääminen vuodelle 2022"},
		{"yhteistyösopimus 2021", ""},
	} {
		res, err := db.Approved(ctx, mustQuery(t, tc.query), Filter{})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, od := range append(res.Approved, res.Otherwise...) {
			got = od.Decision.Title
		}
		if got != tc.want || len(res.Approved)+len(res.Otherwise) > 1 {
			t.Errorf("approved %q: %+v, want %q", tc.query, res.Approved, tc.want)
		}
		if tc.query == "tuloveroprosentti 2021" && len(res.Approved) == 1 {
			// Why the row is there: the broader part the title held, and
			// a note saying the query was read so.
			if w := strings.Join(res.Approved[0].Words, " "); w != "veroprosentti 2021" {
				t.Errorf("words %q, want the broader part and the year", w)
			}
			noted := false
			for _, n := range res.Query.Notes() {
				noted = noted || strings.Contains(n.Text, "broader part")
			}
			if !noted {
				t.Errorf("no note of the broader part in %v", res.Query.Notes())
			}
		}
	}
}

// A compound the query's head word begins names another thing (a budget
// loan is no budget of "talousarvio 2026"), even with the rest of the query
// in its text: at most a weak match. A stage of the matter itself (the
// budget's proposal, talousarvioehdotus) still names it.
func TestApprovedHeadWordCompound(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	page := func(org, date, title, proposal string) string {
		return "Dynasty tietopalvelu Haku RSS " + org + "\nKaupunginvaltuusto\nPöytäkirja " + date +
			"/Pykälä 5\n" + title + "\nPäätösehdotus " + proposal + "\nPäätös Ehdotus hyväksyttiin.\n"
	}
	add := func(i int, org, date, title, proposal string) {
		src, err := db.AddSource(ctx, fmt.Sprintf("s%d", i), fmt.Sprintf("https://s%d.test", i), org)
		if err != nil {
			t.Fatal(err)
		}
		saveText(t, db, src.ID, "1-1", page(org, date, title, proposal))
	}
	add(0, "Akaan kaupunki", "08.12.2025", "Talousarvio 2026 ja taloussuunnitelma 2026-2028", "Valtuusto hyväksyy talousarvion.")
	add(1, "Birkalan kunta", "20.01.2026", "Talousarviolainan ottaminen", "Kunta ottaa vuoden 2026 talousarvion mukaisen lainan.")
	add(22, "Cityn kaupunki", "17.11.2025", "Talousarvioehdotus 2026", "Kaupunginhallitus esittää talousarvion valtuustolle.")
	// 2026 in many titles, talousarvio in few: the year weighs little.
	for i := 2; i < 22; i++ {
		add(i, fmt.Sprintf("Kunta %d", i), "10.02.2026", fmt.Sprintf("Katusuunnitelma %d/2026", i), "Valtuusto hyväksyy suunnitelman.")
	}
	res, err := db.Approved(ctx, mustQuery(t, "talousarvio 2026"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, od := range append(res.Approved, res.Otherwise...) {
		got = append(got, od.Decision.Title)
	}
	sort.Strings(got)
	if strings.Join(got, "|") != "Talousarvio 2026 ja taloussuunnitelma 2026-2028|Talousarvioehdotus 2026" {
		t.Errorf("approved talousarvio 2026: %q, want the budget and its proposal", got)
	}
}

// An archive whose index was written by another analyzer (or by none, as
// after the migration from schema 1) is reindexed by the next read-write
// open.
func TestReindexOnOpen(t *testing.T) {
	ctx := context.Background()
	db, _ := smallArchive(t)
	path := db.Path()
	before := searchIDs(t, db, "yhteistyösopimus", Filter{})
	if _, err := db.db.ExecContext(ctx, `DELETE FROM search`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.ExecContext(ctx, `UPDATE search_meta SET value = '0' WHERE key = 'analyzer_version'`); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, db, "yhteistyösopimus", Filter{}); len(got) != 0 {
		t.Fatalf("emptied index still finds %v", got)
	}
	db.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	after := searchIDs(t, db, "yhteistyösopimus", Filter{})
	if len(before) == 0 || strings.Join(after, " ") != strings.Join(before, " ") {
		t.Errorf("after reindex %v, before %v", after, before)
	}
}

// One matter under one diary number: the board's item names it, the
// council's does not (its title is the council's own), yet the council's
// decision settles it; an unrelated item with another diary number stays out.
func TestApprovedFollowsDiaryNumber(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	page := func(body, date, sec, title, diary, decision string) string {
		return fmt.Sprintf("Dynasty tietopalvelu Haku RSS Ekunta\n%s\nPöytäkirja %s/Pykälä %s\n%s\n%s\nPäätösehdotus Hyväksytään.\nPäätös %s\n",
			body, date, sec, title, diary, decision)
	}
	src, err := db.AddSource(ctx, "e", "https://e.test", "")
	if err != nil {
		t.Fatal(err)
	}
	saveText(t, db, src.ID, "1-1", page("Kunnanhallitus", "04.09.2023", "11", "Hyvinvointialueen yhteistyösopimus", "123/00.04.01/2023", "Ehdotus hyväksyttiin."))
	saveText(t, db, src.ID, "2-1", page("Kunnanvaltuusto", "25.09.2023", "6", "Valtuustoasia", "123/00.04.01/2023", "Asia palautettiin uudelleen valmisteltavaksi."))
	saveText(t, db, src.ID, "3-1", page("Kunnanvaltuusto", "30.10.2023", "9", "Valtuustoasia", "200/00.04.01/2023", "Ehdotus hyväksyttiin."))
	res, err := db.Approved(ctx, mustQuery(t, "yhteistyösopimus"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Approved) != 0 || len(res.Otherwise) != 1 {
		t.Fatalf("approved %+v\notherwise %+v", res.Approved, res.Otherwise)
	}
	o := res.Otherwise[0]
	if o.Decision.ItemID != "2-1" || o.Decision.Outcome != parse.OutcomeReturned || o.Match != MatchTitle ||
		o.Handlings != 2 || strings.Join(o.Words, " ") != "yhteistyösopimus" {
		t.Errorf("settled by %+v, match %s, %d handlings, words %q; want the council's return, 2 handlings", o.Decision, o.Match, o.Handlings, o.Words)
	}
	// An organisation filter (the one condition on sources) keeps it all.
	for org, want := range map[string]int{"e": 1, "other": 0} {
		res, err := db.Approved(ctx, mustQuery(t, "yhteistyösopimus"), Filter{Organization: org})
		if err != nil || len(res.Otherwise) != want || (want == 1 && res.Otherwise[0].Handlings != 2) {
			t.Errorf("filtered to %q: %+v, %v", org, res.Otherwise, err)
		}
	}
}

// A proposal or decision text that names the matter makes a weaker match,
// listed apart; the same words in the background text alone make none.
func TestApprovedWeakTextMatch(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	srcs := map[string]int64{}
	for _, n := range []string{"a", "b", "c"} {
		s, err := db.AddSource(ctx, n, "https://"+n+".test", "")
		if err != nil {
			t.Fatal(err)
		}
		srcs[n] = s.ID
	}
	saveText(t, db, srcs["a"], "1-1", "Dynasty tietopalvelu Haku RSS Akunta\nKunnanhallitus\nPöytäkirja 04.09.2023/Pykälä 11\n"+
		"Tuloveroprosentti 2024\nPäätösehdotus Hyväksytään.\nPäätös Ehdotus hyväksyttiin.\n")
	saveText(t, db, srcs["b"], "1-1", "Dynasty tietopalvelu Haku RSS Bkunta\nKunnanhallitus\nPöytäkirja 05.09.2023/Pykälä 12\n"+
		"Talouden asioita\nPäätösehdotus Kunnanhallitus esittää, että tuloveroprosentti vuodelle 2024 on 8,5.\nPäätös Ehdotus hyväksyttiin.\n")
	saveText(t, db, srcs["c"], "1-1", "Dynasty tietopalvelu Haku RSS Ckunta\nKunnanhallitus\nPöytäkirja 06.09.2023/Pykälä 13\n"+
		"Kiinteistöveroprosentit\nTuloveroprosentti 2024 päätetään myöhemmin.\nPäätösehdotus Kiinteistöveroprosentit vahvistetaan.\nPäätös Ehdotus hyväksyttiin.\n")
	res, err := db.Approved(ctx, mustQuery(t, "tuloveroprosentti 2024"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var approved, weak []string
	for _, o := range res.Approved {
		approved = append(approved, o.Decision.SourceName+":"+string(o.Match))
	}
	for _, o := range res.Weak {
		weak = append(weak, o.Decision.SourceName+":"+string(o.Match))
	}
	if strings.Join(approved, " ") != "a:title" || strings.Join(weak, " ") != "b:text" || len(res.Otherwise) != 0 || res.Unmatched != 1 {
		t.Errorf("approved %v, weak %v, otherwise %d, unmatched %d; want a by title, b by its proposal, c (background only) unmatched",
			approved, weak, len(res.Otherwise), res.Unmatched)
	}
}

// Indexing a page records its keys in search_terms (the vocabulary queries
// split compounds by), once however many pages hold them, and a second
// handle on the same archive still writes the keys it has not seen.
func TestSearchTermsRecorded(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.AddSource(ctx, "a", "https://a.test", "")
	if err != nil {
		t.Fatal(err)
	}
	saveText(t, db, src.ID, "1-1", "Kunnanhallitus\nPöytäkirja 01.09.2023/Pykälä 10\nYhteistyösopimus\nPäätös Ehdotus hyväksyttiin.")
	saveText(t, db, src.ID, "2-1", "Kunnanhallitus\nPöytäkirja 02.09.2023/Pykälä 11\nYhteistyösopimus\nPäätös Ehdotus hyväksyttiin.")
	has := func(d *DB, key string) bool {
		var n int
		if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM search_terms WHERE term = ?`, key).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	for _, k := range []string{search.Key("yhteistyösopimus"), search.Key("kunnanhallitus"), search.Key("hyväksyttiin")} {
		if !has(db, k) {
			t.Errorf("search_terms lacks %q", k)
		}
	}
	other, err := Open(ctx, db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	saveText(t, other, src.ID, "3-1", "Kunnanhallitus\nPöytäkirja 03.09.2023/Pykälä 12\nKatuvalaistus\nPäätös Ehdotus hyväksyttiin.")
	if !has(db, search.Key("katuvalaistus")) {
		t.Errorf("search_terms lacks the key of a page indexed by a second handle")
	}
}

// Approved counts the registered sources that have not synced successfully
// in the last week.
func TestApprovedCountsStaleSources(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	db.SetNow(func() time.Time { return now })
	var ids []int64
	for _, n := range []string{"a", "b", "c"} {
		s, err := db.AddSource(ctx, n, "https://"+n+".test", "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	saveText(t, db, ids[0], "1-1", "Kunnanhallitus\nPöytäkirja 01.09.2023/Pykälä 10\nYhteistyösopimus\nPäätös Ehdotus hyväksyttiin.")
	if err := db.RecordRun(ctx, ids[0], now.Add(-time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordRun(ctx, ids[1], now.Add(-8*24*time.Hour), nil); err != nil {
		t.Fatal(err)
	}
	res, err := db.Approved(ctx, mustQuery(t, "yhteistyösopimus"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stale != 2 || len(res.Approved) != 1 {
		t.Errorf("stale %d, approved %d; want b (8 days) and c (never) stale, a approved", res.Stale, len(res.Approved))
	}
}

// A yearly matter's year: the years a title names on its own decide, a
// span only when it stands alone.
func TestOtherYear(t *testing.T) {
	y2026 := map[string]bool{"2026": true}
	for _, tc := range []struct {
		title string
		other bool
	}{
		{"Vuoden 2025 talousarvio ja vuosien 2026-2027 taloussuunnitelma", true},
		{"Talousarvio 2026 ja taloussuunnitelma 2026-2028", false},
		{"Vuoden 2026 talousarvio ja taloussuunnitelma vuosille 2026 - 2028", false},
		{"Budget och ekonomiplan 2026–2028", false},
		{"Taloussuunnitelma 2025–2027", false}, // 2026 within the span
		{"Talousarvio 2025", true},
		{"Talousarvion laadintaohje", false}, // no year: not excluded
	} {
		if got := otherYear(y2026, tc.title); got != tc.other {
			t.Errorf("otherYear(2026, %q) = %v, want %v", tc.title, got, tc.other)
		}
	}
}

// What is done to a matter (vahvistaminen vuodelle 2026) does not name it:
// the property-tax rate is not the income-tax rate, even when its text
// speaks of both.
func TestApprovedNeedsAContentWord(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	page := func(org, title, text string) string {
		return "Dynasty tietopalvelu Haku RSS " + org + "\nKunnanvaltuusto\nPöytäkirja 10.11.2025/Pykälä 5\n" + title +
			"\n" + text + "\nPäätösehdotus Hyväksytään.\nPäätös Ehdotus hyväksyttiin.\n"
	}
	for i, p := range []struct{ org, title, text string }{
		{"Akaan kaupunki", "Tuloveroprosentin vahvistaminen vuodelle 2026", "Tuloveroprosentiksi esitetään 8,4."},
		{"Bkunta", "Kiinteistöveroprosentin vahvistaminen vuodelle 2026", "Tuloveroprosentti päätetään erikseen."},
		{"Ckunta", "Kaavoituskatsauksen vahvistaminen vuodelle 2026", "Katsaus."},
		{"Dkunta", "Talousarvion vahvistaminen vuodelle 2025", "Talousarvio."},
	} {
		src, err := db.AddSource(ctx, fmt.Sprintf("s%d", i), fmt.Sprintf("https://s%d.test", i), p.org)
		if err != nil {
			t.Fatal(err)
		}
		saveText(t, db, src.ID, "1-1", page(p.org, p.title, p.text))
	}
	res, err := db.Approved(ctx, mustQuery(t, "tuloveroprosentin vahvistaminen vuodelle 2026"), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range [][]OrgDecision{res.Approved, res.Otherwise} {
		for _, o := range l {
			got = append(got, o.Organization)
		}
	}
	if strings.Join(got, "|") != "Akaan kaupunki" {
		t.Errorf("approved lists %q, want only Akaan kaupunki", got)
	}
}

// A compound written in part beside another ("hyvinvointikertomus ja
// -suunnitelma", "toiminta- ja taloussuunnitelma") is found by the whole
// compound, in a title and in a text; the same parts merely near each
// other are not.
func TestSearchFindsCompoundsWrittenInPart(t *testing.T) {
	ctx := context.Background()
	docs := map[string]string{
		"1-1": "Laaja hyvinvointikertomus ja -suunnitelma 2021-2025\nPäätös Hyväksyttiin.",
		"1-2": "Toiminta- ja taloussuunnitelma 2026-2028\nPäätös Hyväksyttiin.",
		"1-3": "Hyvinvointialueen suunnitelma palveluverkosta\nPäätös Merkittiin tiedoksi hyvinvoinnin edistämiseksi.",
		"1-4": "Toiminta ja talous 2025\nPäätös Merkittiin tiedoksi. Suunnitelma valmistuu syksyllä.",
		"1-5": "Hyvinvointisuunnitelma\nPäätös Hyväksyttiin.",
		"1-6": "Talousarvio\nEsitys Kunnanhallitus hyväksyy sosiaali- ja terveyslautakunnan esityksen.",
		"1-7": "Toimintakertomus 2025\nPäätös Hyväksyttiin.",
		"1-8": "Lautakuntien kokoonpano\nPäätös Sosiaalilautakunta ja terveys- ja ympäristölautakunta yhdistetään.",
		"1-9": "Taloussuunnitelma ja kertomus\nPäätös Hyväksyttiin.",
		"2-1": "Toiminta- ja taloussuunnitelma 2027-2029\nPäätös Hyväksyttiin.",
	}
	db := textArchive(t, docs)
	// 2-1 as rows indexed before short keys were left out of the reversed
	// columns: every key reversed, ja too.
	oldRevs := func(text string) string {
		var all []string
		for _, k := range search.Keys(text) {
			all = append(all, search.Reverse(k))
		}
		return strings.Join(all, " ")
	}
	if _, err := db.db.ExecContext(ctx, `UPDATE search SET title_revs = ?, text_revs = ? WHERE rowid = (SELECT id FROM items WHERE item_id = '2-1')`,
		oldRevs("Toiminta- ja taloussuunnitelma 2027-2029"), oldRevs("Testikunta "+docs["2-1"])); err != nil {
		t.Fatal(err)
	}
	// The forms are looked for only where the archive writes them.
	for word, want := range map[string]bool{"hyvinvointisuunnitelma": true, "toimintasuunnitelma": true, "taloussuunnitelma": false} {
		q, err := db.Expand(ctx, mustQuery(t, word))
		if err != nil {
			t.Fatal(err)
		}
		if c := q.Groups()[0][0]; c.InPart != want || len(c.Parts) != 2 {
			t.Errorf("%s: parts %v, in part %v; want split, in part %v", word, c.Parts, c.InPart, want)
		}
	}
	for _, tc := range []struct{ query, want string }{
		{"hyvinvointisuunnitelma", "1-1 1-5"},
		{"toimintasuunnitelma", "1-2 2-1"},
		{"sosiaalilautakunta", "1-6 1-8"},
		{"terveyslautakunta", "1-6 1-8"},
	} {
		if got := strings.Join(searchIDs(t, db, tc.query, Filter{}), " "); got != tc.want {
			t.Errorf("search %q = [%s], want [%s]", tc.query, got, tc.want)
		}
	}
}

// A text's new vocabulary terms: keys of three letters or more (counted in
// letters, not bytes: "ää" is two), each once, none the cache has already
// seen; a nil cache knows none, short keys still left out.
func TestTermCacheNewKeys(t *testing.T) {
	c := &termCache{}
	if got := strings.Join(c.newKeys("ja sopimus ää äää sopimus kunta"), " "); got != "sopimus äää kunta" {
		t.Errorf("first text: %q", got)
	}
	if got := strings.Join(c.newKeys("kunta sopimus hyvinvointialue  on"), " "); got != "hyvinvointialue" {
		t.Errorf("second text: %q", got)
	}
	var none *termCache
	if got := strings.Join(none.newKeys("ja kunta"), " "); got != "kunta" {
		t.Errorf("nil cache: %q", got)
	}
}
