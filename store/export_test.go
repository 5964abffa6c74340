package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/minutes-fi/minutes/parse"
)

// smallArchive holds the five seeds and the labelled parser fixtures, in two
// sources.
func smallArchive(t testing.TB) (*DB, []string) {
	t.Helper()
	ctx := context.Background()
	db := openTemp(t)
	a, err := db.AddSource(ctx, "virolahti", "https://dynasty.virolahti.fi", "Virolahden kunta")
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.AddSource(ctx, "lohja", "https://dynasty.lohja.fi/d10julkaisu", "")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i, text := range corpusTexts(t) {
		src, name := a.ID, "virolahti"
		if i%2 == 1 {
			src, name = b.ID, "lohja"
		}
		id := fmt.Sprintf("2024%03d-%d", i, i%7+1)
		saveText(t, db, src, id, text)
		ids = append(ids, PublicID(name, id))
	}
	return db, ids
}

func TestExport(t *testing.T) {
	ctx := context.Background()
	db, ids := smallArchive(t)
	var got []string
	var withVotes, withText int
	n, err := db.Export(ctx, ExportOptions{WithText: true}, func(r *ExportRow) error {
		got = append(got, r.ID)
		if r.Votes != nil {
			withVotes++
		}
		if r.Text != "" {
			withText++
		}
		if r.FetchedAt != t0 || r.ParserVersion != parse.Version || !parse.ValidOutcome(r.Outcome) {
			t.Errorf("row %s: fetched %v, parser %d, outcome %q", r.ID, r.FetchedAt, r.ParserVersion, r.Outcome)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(ids) || strings.Join(got, " ") != strings.Join(ids, " ") {
		t.Errorf("exported %d rows %v, want %v in archive order", n, got, ids)
	}
	if withVotes == 0 || withText != n {
		t.Errorf("rows with votes %d, with text %d of %d", withVotes, withText, n)
	}

	// A query and a filter select the same rows as Search does.
	var sel []string
	if _, err := db.Export(ctx, ExportOptions{Query: mustQuery(t, "yhteistyösopimus"), Filter: Filter{Organization: "virolahti"}},
		func(r *ExportRow) error { sel = append(sel, r.ItemID); return nil }); err != nil {
		t.Fatal(err)
	}
	want := searchIDs(t, db, "yhteistyösopimus", Filter{Organization: "virolahti"})
	if len(sel) == 0 || strings.Join(sel, " ") != strings.Join(want, " ") {
		t.Errorf("export with query = %v, search = %v", sel, want)
	}

	// fn's error stops the export and comes back unwrapped.
	stop := errors.New("stop")
	n, err = db.Export(ctx, ExportOptions{}, func(*ExportRow) error { return stop })
	if !errors.Is(err, stop) || n != 0 {
		t.Errorf("export stopped: n %d, err %v", n, err)
	}
}

func TestItemByRef(t *testing.T) {
	ctx := context.Background()
	db, ids := smallArchive(t)
	it, err := db.ItemByRef(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if PublicID(it.SourceName, it.ItemID) != ids[0] || it.Decision.Title == "" {
		t.Errorf("item %s = %+v", ids[0], it)
	}
	for _, ref := range []string{
		it.URL,
		"https://DYNASTY.virolahti.fi:443/cgi/DREQUEST.PHP?id=" + it.ItemID + "&page=meetingitem",
	} {
		got, err := db.ItemByRef(ctx, ref)
		if err != nil || got.ID != it.ID {
			t.Errorf("ItemByRef(%s) = %d, %v; want %d", ref, got.ID, err, it.ID)
		}
	}
	for _, ref := range []string{"nosuch/1-1", "virolahti/9-9", "virolahti", "/", "https://other.test/cgi/DREQUEST.PHP?page=meetingitem&id=1-1"} {
		if _, err := db.ItemByRef(ctx, ref); !errors.Is(err, ErrNotFound) {
			t.Errorf("ItemByRef(%q): err = %v, want ErrNotFound", ref, err)
		}
	}
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	db, ids := smallArchive(t)
	st, err := db.Stats(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sum := func(cs []Count) (n int) {
		for _, c := range cs {
			n += c.N
		}
		return n
	}
	if st.Decisions != len(ids) {
		t.Errorf("decisions = %d, want %d", st.Decisions, len(ids))
	}
	for name, cs := range map[string][]Count{"org": st.ByOrganization, "body": st.ByBody, "year": st.ByYear, "outcome": st.ByOutcome} {
		if sum(cs) != st.Decisions {
			t.Errorf("%s counts sum to %d, want %d: %+v", name, sum(cs), st.Decisions, cs)
		}
		for i := 1; i < len(cs) && name != "year"; i++ {
			if cs[i].N > cs[i-1].N {
				t.Errorf("%s not sorted: %+v", name, cs)
			}
		}
	}
	var approved int
	for _, c := range st.ByOutcome {
		if c.Key == "approved" {
			approved = c.N
		}
	}
	only, err := db.Stats(ctx, Filter{Outcomes: []parse.Outcome{parse.OutcomeApproved}})
	if err != nil || approved == 0 || only.Decisions != approved {
		t.Errorf("approved: %d in stats, %d filtered (%v)", approved, only.Decisions, err)
	}
}

func TestReparse(t *testing.T) {
	ctx := context.Background()
	db, ids := smallArchive(t)
	// A "new parser" that reads every title in upper case and drops votes.
	newParser := func(p StoredPage) Reading {
		d := parse.Text(p.Text)
		d.Title = strings.ToUpper(d.Title)
		d.Votes = nil
		return Reading{Text: p.Text, Decision: d}
	}
	var progress int
	rep, err := db.Reparse(ctx, ReparseOptions{Read: newParser, Version: parse.Version + 1,
		Progress: func(ReparseReport) { progress++ }})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Items != len(ids) || rep.Changed == 0 || rep.Fields["title"] == 0 || rep.Fields["votes"] == 0 ||
		rep.Fields["outcome"] != 0 || progress == 0 {
		t.Errorf("report %+v, progress calls %d", rep, progress)
	}
	it, err := db.ItemByRef(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if it.Decision.Title != strings.ToUpper(it.Decision.Title) || it.ParserVersion != parse.Version+1 {
		t.Errorf("after reparse: %q v%d", it.Decision.Title, it.ParserVersion)
	}
	log, err := db.ReparseLog(ctx, it.ID)
	if err != nil || len(log) != 1 || !strings.Contains(strings.Join(log[0].Fields, ","), "title") {
		t.Errorf("log = %+v, %v", log, err)
	}
	// The search index follows: the new title is what is indexed (the
	// keys are the same, so the item is still found).
	if got := searchIDs(t, db, `"`+it.Decision.Title+`"`, Filter{}); len(got) == 0 {
		t.Errorf("reparsed title not found")
	}
	// Running it again changes nothing; --outdated finds nothing to do.
	rep, err = db.Reparse(ctx, ReparseOptions{Read: newParser, Version: parse.Version + 1})
	if err != nil || rep.Changed != 0 || rep.Items != len(ids) {
		t.Errorf("second run: %+v, %v", rep, err)
	}
	rep, err = db.Reparse(ctx, ReparseOptions{Read: newParser, Version: parse.Version + 1, Outdated: true})
	if err != nil || rep.Items != 0 {
		t.Errorf("outdated run: %+v, %v", rep, err)
	}
	// A cancelled run stops between items and leaves each item whole.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.Reparse(cctx, ReparseOptions{Read: func(p StoredPage) Reading { return Reading{Text: p.Text, Decision: parse.Text(p.Text)} }, Version: parse.Version + 2}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled reparse: %v", err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// An interrupted reparse leaves each group of items done or untouched, and
// running it again with Outdated finishes the job. Read runs on several
// goroutines at once.
func TestReparseInterruptedResumes(t *testing.T) {
	db := openTemp(t)
	src, err := db.AddSource(context.Background(), "a", "https://a.test", "")
	if err != nil {
		t.Fatal(err)
	}
	const n = 3*reparseGroup + 5
	for i := 0; i < n; i++ {
		saveText(t, db, src.ID, fmt.Sprintf("2024%03d-1", i), fmt.Sprintf("Kunnanhallitus\nPöytäkirja 01.09.2023/Pykälä %d\nAsia %d\nPäätös Ehdotus hyväksyttiin.", i+1, i))
	}
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	read := func(p StoredPage) Reading {
		if calls.Add(1) == reparseGroup+10 {
			cancel() // Ctrl-C while the second group is being read
		}
		d := parse.Text(p.Text)
		d.Title = strings.ToUpper(d.Title)
		return Reading{Text: p.Text, Decision: d}
	}
	v := parse.Version + 1
	rep, err := db.Reparse(ctx, ReparseOptions{Read: read, Version: v, Outdated: true})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted reparse: %v", err)
	}
	var done int
	if err := db.db.QueryRow(`SELECT count(*) FROM decisions WHERE parser_version = ?`, v).Scan(&done); err != nil {
		t.Fatal(err)
	}
	if done != rep.Items || done%reparseGroup != 0 || done == n {
		t.Errorf("after the interrupt: %d decisions at the new version, report %d; want whole groups, not all", done, rep.Items)
	}
	rep2, err := db.Reparse(context.Background(), ReparseOptions{Read: read, Version: v, Outdated: true})
	if rep.Total != n || rep2.Total != n-rep.Items {
		t.Errorf("totals %d then %d; want %d then %d", rep.Total, rep2.Total, n, n-rep.Items)
	}
	if err != nil || rep.Items+rep2.Items != n {
		t.Errorf("resumed reparse: %+v, %v; want the %d left", rep2, err, n-rep.Items)
	}
	var upper int
	if err := db.db.QueryRow(`SELECT count(*) FROM decisions WHERE title = upper(title) AND parser_version = ?`, v).Scan(&upper); err != nil || upper != n {
		t.Errorf("%d of %d decisions re-read after resuming (%v)", upper, n, err)
	}
}

// A reparse that changes what the search row indexes rebuilds it; one that
// changes only other fields (an outcome) leaves the row as it is, and the
// item is found as before, under its new outcome.
func TestReparseReindexesOnlyWhatChanged(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.AddSource(ctx, "pori", "https://pori.test", "")
	if err != nil {
		t.Fatal(err)
	}
	saveText(t, db, src.ID, "2025100-1", watchPage("Tuulivoiman osayleiskaava", "Ehdotus hyväksyttiin."))
	// Outcome only: the "new parser" says tabled.
	rep, err := db.Reparse(ctx, ReparseOptions{Version: parse.Version + 1, Read: func(p StoredPage) Reading {
		d := parse.Text(p.Text)
		d.Outcome = parse.OutcomeTabled
		return Reading{Text: p.Text, Decision: d}
	}})
	if err != nil || rep.Changed != 1 || rep.Fields["outcome"] != 1 || rep.Fields["title"] != 0 {
		t.Fatalf("outcome-only reparse: %+v %v", rep, err)
	}
	if got := searchIDs(t, db, "osayleiskaava", Filter{Outcomes: []parse.Outcome{parse.OutcomeTabled}}); len(got) != 1 {
		t.Errorf("after an outcome-only reparse, search under the new outcome finds %v", got)
	}
	// Title changed: the row is rebuilt, the old title's words are gone.
	rep, err = db.Reparse(ctx, ReparseOptions{Version: parse.Version + 2, Read: func(p StoredPage) Reading {
		d := parse.Text(p.Text)
		d.Title = "Aurinkovoimalan asemakaava"
		return Reading{Text: "Aurinkovoimalan asemakaava", Decision: d}
	}})
	if err != nil || rep.Fields["title"] != 1 {
		t.Fatalf("title reparse: %+v %v", rep, err)
	}
	if got := searchIDs(t, db, "aurinkovoimala", Filter{}); len(got) != 1 {
		t.Errorf("new title not found: %v", got)
	}
	// Only the changed fields' columns were rewritten, and rightly.
	var title, outcome string
	var version int
	if err := db.db.QueryRowContext(ctx, `SELECT title, outcome, parser_version FROM decisions`).Scan(&title, &outcome, &version); err != nil ||
		title != "Aurinkovoimalan asemakaava" || outcome != string(parse.OutcomeApproved) || version != parse.Version+2 {
		t.Errorf("decision columns after reparse: %q %q v%d (%v)", title, outcome, version, err)
	}
	if got := searchIDs(t, db, "osayleiskaava", Filter{}); len(got) != 0 {
		t.Errorf("old title still found after the row was rebuilt: %v", got)
	}
	for _, tc := range []struct {
		fields []string
		text   string
		want   bool
	}{
		{[]string{"outcome", "presenter"}, "text", false},
		{[]string{"outcome", "title"}, "text", true},
		{[]string{"meeting_date"}, "text", true},
		{[]string{"decision"}, "text", false},
		{[]string{"decision"}, "", true},
		{[]string{"text"}, "text", true},
	} {
		if got := reindexNeeded(tc.fields, tc.text); got != tc.want {
			t.Errorf("reindexNeeded(%v, %q) = %v", tc.fields, tc.text, got)
		}
	}
}

// The reader's record of a page is kept with its revision: as sync saves
// it, as a reparse that made a new one replaces it, and handed back to the
// next reparse; the raw page is decompressed only for a reader that asks.
func TestReparseKeepsTheReadersRecord(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.AddSource(ctx, "pori", "https://pori.test", "")
	if err != nil {
		t.Fatal(err)
	}
	text := watchPage("Tuulivoiman osayleiskaava", "Ehdotus hyväksyttiin.")
	for i, rec := range [][]byte{nil, []byte(`{"v":1}`)} {
		if _, err := db.SaveItem(ctx, Fetched{SourceID: src.ID, ItemID: fmt.Sprintf("2025100-%d", i+1), URL: "u", FetchedAt: t0, Status: 200,
			Raw: []byte("<p>" + text + "</p>"), Text: text, Extracted: rec, Decision: parse.Text(text), ParserVersion: parse.Version}); err != nil {
			t.Fatal(err)
		}
	}
	seen := func(read func(StoredPage) Reading) map[string]int {
		got := map[string]int{}
		var mu sync.Mutex
		_, err := db.Reparse(ctx, ReparseOptions{Version: parse.Version, Read: func(p StoredPage) Reading {
			mu.Lock()
			got[string(p.Extracted)]++
			mu.Unlock()
			return read(p)
		}})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	same := func(p StoredPage) Reading { return Reading{Text: p.Text, Decision: parse.Text(p.Text)} }
	if got := seen(same); got[""] != 1 || got[`{"v":1}`] != 1 {
		t.Fatalf("first reparse saw records %v, want one none and one as saved", got)
	}
	// A reader that reads the raw page again and makes a record of it.
	rawRead := func(p StoredPage) Reading {
		raw, err := p.Body()
		if err != nil || !strings.Contains(string(raw), "Tuulivoiman") {
			t.Errorf("raw page %q, %v", raw, err)
		}
		return Reading{Text: p.Text, Decision: parse.Text(p.Text), Extracted: []byte(`{"v":2}`)}
	}
	seen(rawRead)
	if got := seen(same); got[`{"v":2}`] != 2 {
		t.Fatalf("after a reparse that made new records, the next saw %v", got)
	}
}

// A raw page the archive cannot hand back (here: an encoding it does not
// know) stops the reparse with the error, whatever the reader made of it.
func TestReparseReportsAnUnreadableRawPage(t *testing.T) {
	ctx := context.Background()
	db, _ := smallArchive(t)
	conn, err := db.db.Conn(ctx) // the pragma holds for one connection
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`PRAGMA ignore_check_constraints = ON`,
		`UPDATE revisions SET raw_encoding = 'zstd' WHERE id = (SELECT min(id) FROM revisions)`,
		`PRAGMA ignore_check_constraints = OFF`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	read := func(p StoredPage) Reading {
		p.Body() // the reader falls back to the text, as harvest.RereadRaw does
		return Reading{Text: p.Text, Decision: parse.Text(p.Text)}
	}
	_, err = db.Reparse(ctx, ReparseOptions{Read: read, Version: parse.Version + 1})
	if err == nil || !strings.Contains(err.Error(), "unknown encoding") {
		t.Fatalf("reparse over an unreadable raw page: %v", err)
	}
}
