package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/minutes-fi/minutes/parse"
)

func intp(i int) *int    { return &i }
func boolp(b bool) *bool { return &b }

// testDecision is shaped like seed 000 (Virolahti § 183).
func testDecision() parse.Decision {
	return parse.Decision{
		Organization: "Virolahden kunta",
		Body:         "Virolahden kunnanhallitus",
		Document:     parse.DocumentMinutes,
		MeetingDate:  "2023-10-09",
		Section:      intp(183),
		Title:        "Kymenlaakson hyvinvointialueen ja Kymenlaakson kuntien strateginen yhteistyösopimus",
		DiaryNumber:  "70/00.06.01/2023",
		Preparers:    []parse.Person{{Name: "Otto Koskela", Title: "kunnanjohtaja", Phone: "040 199 2146"}},
		Proposal:     "Kunnanhallitus hyväksyy sopimuksen.",
		Decision:     "Ehdotus hyväksyttiin.",
		Outcome:      parse.OutcomeApproved,
		Unanimous:    boolp(false),
		Votes:        &parse.Votes{Yes: 7, No: 4, Blank: 1, Absent: 1},
		Language:     "fi",
		Warnings:     []string{},
	}
}

func saveTestItem(t testing.TB, db *DB, sourceID int64, itemID, text string, at time.Time) Change {
	t.Helper()
	c, err := db.SaveItem(context.Background(), Fetched{
		SourceID: sourceID, ItemID: itemID, URL: "https://x/cgi/DREQUEST.PHP?page=meetingitem&id=" + itemID,
		FetchedAt: at, Status: 200, Raw: []byte("<p>" + text + "</p>"), Text: text,
		Decision: testDecision(), ParserVersion: parse.Version,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSaveItemRevisions(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.EnsureSource(ctx, "https://dynasty.virolahti.fi")
	if err != nil {
		t.Fatal(err)
	}
	// windows-1252 bytes (ä = 0xE4, € = 0x80), a NUL and an invalid UTF-8 tail:
	// the archive keeps bytes, it does not decode them.
	raw1 := append([]byte("<html><meta charset=windows-1252><p>P\xe4\xe4t\xf6s 5 \x80</p>\x00"), 0xff, 0xfe)
	agenda := testDecision()
	agenda.Document, agenda.Outcome, agenda.Decision = parse.DocumentAgenda, parse.OutcomePending, ""
	agenda.Unanimous, agenda.Votes = nil, nil
	f := Fetched{
		SourceID: src.ID, ItemID: "2023277-5", MeetingID: "2023277", Position: 5, URL: "https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5",
		FetchedAt: t0, Status: 200, ContentType: "text/html; charset=windows-1252",
		ETag: `"v1"`, LastModified: "Mon, 09 Oct 2023 10:00:00 GMT",
		Raw: raw1, Text: "Päätösehdotus\u00a0hyväksytään", FeedFingerprint: "fp1",
		Decision: agenda, ParserVersion: 1,
	}

	steps := []struct {
		name      string
		edit      func(*Fetched)
		want      Change
		revisions int
	}{
		{"first fetch", func(*Fetched) {}, ChangeNew, 1},
		{"same text, new markup and validators", func(f *Fetched) {
			f.FetchedAt = t0.Add(time.Hour)
			f.Raw = append([]byte("<!-- session 77 -->"), raw1...)
			f.ETag, f.FeedFingerprint = `"v2"`, "fp2"
		}, ChangeUnchanged, 1},
		{"same text in NFD", func(f *Fetched) {
			f.FetchedAt = t0.Add(2 * time.Hour)
			f.Text = "Pa\u0308a\u0308to\u0308sehdotus\u00a0hyva\u0308ksyta\u0308a\u0308n"
		}, ChangeUnchanged, 1},
		{"minutes published", func(f *Fetched) {
			f.FetchedAt = t0.Add(48 * time.Hour)
			f.Raw = []byte("<p>P\xe4\xe4t\xf6s: hyv\xe4ksyttiin</p>")
			f.Text = "Päätös: hyväksyttiin"
			f.ETag = `"v3"`
			f.Decision = testDecision()
		}, ChangeChanged, 2},
	}
	for _, s := range steps {
		s.edit(&f)
		got, err := db.SaveItem(ctx, f)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got != s.want {
			t.Errorf("%s: change %v, want %v", s.name, got, s.want)
		}
		st, err := db.ItemState(ctx, src.ID, f.ItemID)
		if err != nil {
			t.Fatal(err)
		}
		wantState := ItemState{Known: true, FeedFingerprint: f.FeedFingerprint, ETag: f.ETag, LastModified: f.LastModified,
			ContentHash: contentHash(f.Text), Document: string(f.Decision.Document), MeetingDate: "2023-10-09", LastChecked: f.FetchedAt.Truncate(time.Millisecond)}
		if diff := cmp.Diff(wantState, st); diff != "" {
			t.Errorf("%s: ItemState (-want +got):\n%s", s.name, diff)
		}
		it, err := db.Item(ctx, src.ID, f.ItemID)
		if err != nil {
			t.Fatal(err)
		}
		if it.Revisions != s.revisions {
			t.Errorf("%s: %d revisions, want %d", s.name, it.Revisions, s.revisions)
		}
	}

	revs, err := db.Revisions(ctx, src.ID, "2023277-5")
	if err != nil {
		t.Fatal(err)
	}
	want := []Revision{
		{ID: revs[0].ID, FetchedAt: t0, Status: 200, ContentType: "text/html; charset=windows-1252", ETag: `"v1"`,
			LastModified: "Mon, 09 Oct 2023 10:00:00 GMT", ContentHash: contentHash("Päätösehdotus\u00a0hyväksytään"),
			Raw: raw1, Text: "Päätösehdotus\u00a0hyväksytään", ParserVersion: 1},
		{ID: revs[1].ID, FetchedAt: t0.Add(48 * time.Hour), Status: 200, ContentType: "text/html; charset=windows-1252", ETag: `"v3"`,
			LastModified: "Mon, 09 Oct 2023 10:00:00 GMT", ContentHash: contentHash("Päätös: hyväksyttiin"),
			Raw: []byte("<p>P\xe4\xe4t\xf6s: hyv\xe4ksyttiin</p>"), Text: "Päätös: hyväksyttiin", ParserVersion: 1},
	}
	if diff := cmp.Diff(want, revs); diff != "" {
		t.Errorf("Revisions (-want +got):\n%s", diff)
	}

	it, err := db.Item(ctx, src.ID, "2023277-5")
	if err != nil {
		t.Fatal(err)
	}
	wantItem := Item{ID: it.ID, SourceID: src.ID, SourceName: "dynasty.virolahti.fi", ItemID: "2023277-5", URL: f.URL,
		FirstSeen: t0, LastChecked: t0.Add(48 * time.Hour), Decision: testDecision(), ParserVersion: 1, Revisions: 2}
	// parse's JSON form does not tell an empty list from a missing one.
	if diff := cmp.Diff(wantItem, it, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Item (-want +got):\n%s", diff)
	}

	// The decision columns are there for SQL queries, next to the JSON.
	var body, document, date, outcome, meetingID string
	var section, position, unanimous, yes, no, blank, absent, confidential int
	var revisionID int64
	err = db.db.QueryRowContext(ctx, `SELECT d.body, d.document, d.meeting_date, d.outcome, d.section, d.unanimous,
			d.votes_yes, d.votes_no, d.votes_blank, d.votes_absent, d.confidential, d.revision_id, i.meeting_id, i.position
		FROM decisions d JOIN items i ON i.id = d.item_rowid`).
		Scan(&body, &document, &date, &outcome, &section, &unanimous, &yes, &no, &blank, &absent, &confidential, &revisionID, &meetingID, &position)
	if err != nil {
		t.Fatal(err)
	}
	gotCols := fmt.Sprint(body, document, date, outcome, section, unanimous, yes, no, blank, absent, confidential, revisionID == revs[1].ID, meetingID, position)
	wantCols := fmt.Sprint("Virolahden kunnanhallitus", "minutes", "2023-10-09", "approved", 183, 0, 7, 4, 1, 1, 0, true, "2023277", 5)
	if gotCols != wantCols {
		t.Errorf("decision columns = %s, want %s", gotCols, wantCols)
	}
	// The source learnt its organisation from the page.
	if s, err := db.SourceByName(ctx, "dynasty.virolahti.fi"); err != nil || s.Organization != "Virolahden kunta" || s.Items != 1 {
		t.Errorf("source after save = %+v, %v", s, err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestSaveItemNullsAndReparse(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.EnsureSource(ctx, "https://kemi.oncloudos.com")
	if err != nil {
		t.Fatal(err)
	}
	bare := parse.Decision{Document: parse.DocumentMinutes, Outcome: parse.OutcomeNone, Confidential: true}
	f := Fetched{SourceID: src.ID, ItemID: "odd-id", URL: "u", FetchedAt: t0, Status: 200, Text: "salainen", Decision: bare, ParserVersion: 1}
	if _, err := db.SaveItem(ctx, f); err != nil {
		t.Fatal(err)
	}
	var nulls, confidential int
	err = db.db.QueryRowContext(ctx, `SELECT (d.meeting_date IS NULL) + (d.section IS NULL) + (d.item_number IS NULL)
			+ (d.unanimous IS NULL) + (d.votes_yes IS NULL) + (i.meeting_id IS NULL) + (i.position IS NULL), d.confidential
		FROM decisions d JOIN items i ON i.id = d.item_rowid`).Scan(&nulls, &confidential)
	if err != nil {
		t.Fatal(err)
	}
	if nulls != 7 || confidential != 1 {
		t.Errorf("%d of 7 unknown columns NULL, confidential=%d", nulls, confidential)
	}

	// Same text parsed by a newer parser: the decision is replaced, no new revision.
	better := bare
	better.Title = "Salainen asia"
	f.Decision, f.ParserVersion = better, 2
	if c, err := db.SaveItem(ctx, f); err != nil || c != ChangeUnchanged {
		t.Fatalf("SaveItem = %v, %v", c, err)
	}
	it, err := db.Item(ctx, src.ID, "odd-id")
	if err != nil {
		t.Fatal(err)
	}
	if it.Decision.Title != "Salainen asia" || it.ParserVersion != 2 || it.Revisions != 1 {
		t.Errorf("after newer parser: title %q, parser %d, %d revisions", it.Decision.Title, it.ParserVersion, it.Revisions)
	}
	// An older parser does not overwrite it.
	f.Decision, f.ParserVersion = bare, 1
	if _, err := db.SaveItem(ctx, f); err != nil {
		t.Fatal(err)
	}
	if it, _ := db.Item(ctx, src.ID, "odd-id"); it.Decision.Title != "Salainen asia" {
		t.Errorf("older parser overwrote the decision")
	}
	// SetDecision is the reparse path.
	better.Title = "Reparsed"
	if err := db.SetDecision(ctx, src.ID, "odd-id", better, 3); err != nil {
		t.Fatal(err)
	}
	if it, _ := db.Item(ctx, src.ID, "odd-id"); it.Decision.Title != "Reparsed" || it.ParserVersion != 3 {
		t.Errorf("SetDecision: %+v", it)
	}
	if err := db.SetDecision(ctx, src.ID, "nosuch", better, 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetDecision(unknown) = %v, want ErrNotFound", err)
	}
}

func TestSaveItemErrors(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.SaveItem(ctx, Fetched{SourceID: 99, ItemID: "1-1", FetchedAt: t0}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown source: %v, want ErrNotFound", err)
	}
	if _, err := db.SaveItem(ctx, Fetched{SourceID: 1, FetchedAt: t0}); err == nil {
		t.Errorf("empty item id accepted")
	}
	if st, err := db.ItemState(ctx, 1, "1-1"); err != nil || st.Known {
		t.Errorf("ItemState(unknown) = %+v, %v; want Known=false, nil", st, err)
	}
	if _, err := db.Item(ctx, 1, "1-1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Item(unknown) = %v, want ErrNotFound", err)
	}
	if _, err := db.Revisions(ctx, 1, "1-1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Revisions(unknown) = %v, want ErrNotFound", err)
	}
}

func TestTouchAndGone(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.EnsureSource(ctx, "https://kemi.oncloudos.com")
	if err != nil {
		t.Fatal(err)
	}
	saveTestItem(t, db, src.ID, "2024100-1", "text", t0)

	if err := db.MarkGone(ctx, src.ID, "2024100-1", t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkGone(ctx, src.ID, "2024100-1", t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	st, _ := db.ItemState(ctx, src.ID, "2024100-1")
	var goneAt string
	if err := db.db.QueryRowContext(ctx, `SELECT gone_at FROM items`).Scan(&goneAt); err != nil {
		t.Fatal(err)
	}
	if !st.Gone || !st.LastChecked.Equal(t0.Add(2*time.Hour).Truncate(time.Millisecond)) || goneAt != "2025-03-04T11:15:02.123Z" {
		t.Errorf("after MarkGone twice: %+v, gone_at %s (want the first time kept)", st, goneAt)
	}
	if it, err := db.Item(ctx, src.ID, "2024100-1"); err != nil || !it.Gone || it.Revisions != 1 {
		t.Errorf("gone item = %+v; want kept with its revision", it)
	}

	at := t0.Add(3 * time.Hour)
	if err := db.TouchItem(ctx, src.ID, "2024100-1", "fp9", `"e9"`, "lm9", at); err != nil {
		t.Fatal(err)
	}
	if st, err = db.ItemState(ctx, src.ID, "2024100-1"); err != nil {
		t.Fatal(err)
	}
	want := ItemState{Known: true, FeedFingerprint: "fp9", ETag: `"e9"`, LastModified: "lm9", ContentHash: contentHash("text"),
		Document: "minutes", MeetingDate: "2023-10-09", LastChecked: at.Truncate(time.Millisecond)}
	if diff := cmp.Diff(want, st); diff != "" {
		t.Errorf("after TouchItem (-want +got):\n%s", diff)
	}

	// A save of an item marked gone also brings it back.
	if err := db.MarkGone(ctx, src.ID, "2024100-1", at); err != nil {
		t.Fatal(err)
	}
	if c := saveTestItem(t, db, src.ID, "2024100-1", "text", at); c != ChangeUnchanged {
		t.Errorf("save = %v", c)
	}
	if st, _ := db.ItemState(ctx, src.ID, "2024100-1"); st.Gone {
		t.Errorf("SaveItem did not clear the gone mark")
	}

	for name, err := range map[string]error{
		"TouchItem": db.TouchItem(ctx, src.ID, "nosuch", "", "", "", at),
		"MarkGone":  db.MarkGone(ctx, src.ID, "nosuch", at),
	} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s(unknown) = %v, want ErrNotFound", name, err)
		}
	}
}

func TestValidators(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	feed := "https://kemi.oncloudos.com/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30"
	if e, l, err := db.Validators(ctx, feed); err != nil || e != "" || l != "" {
		t.Errorf("unknown URL: %q %q %v", e, l, err)
	}
	for _, v := range [][2]string{{`"a"`, "Mon, 01 Jan 2024 00:00:00 GMT"}, {"", "Tue, 02 Jan 2024 00:00:00 GMT"}} {
		if err := db.SetValidators(ctx, feed, v[0], v[1], t0); err != nil {
			t.Fatal(err)
		}
		e, l, err := db.Validators(ctx, feed)
		if err != nil || e != v[0] || l != v[1] {
			t.Errorf("Validators = %q %q %v, want %q %q", e, l, err, v[0], v[1])
		}
	}
}

func TestChangeString(t *testing.T) {
	for c, want := range map[Change]string{ChangeNew: "new", ChangeChanged: "changed", ChangeUnchanged: "unchanged", Change(0): "Change(0)"} {
		if got := c.String(); got != want {
			t.Errorf("Change(%d).String() = %q, want %q", int(c), got, want)
		}
	}
}

// TestConcurrentSaves runs several writers on one DB and on a second DB
// handle for the same file (as a second process would), all contending for
// SQLite's write lock, including on the same items.
func TestConcurrentSaves(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	db2, err := Open(ctx, db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	src, err := db.EnsureSource(ctx, "https://kemi.oncloudos.com")
	if err != nil {
		t.Fatal(err)
	}
	const workers, items = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*items)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := db
			if w%2 == 1 {
				h = db2
			}
			for i := 0; i < items; i++ {
				// Half the items are private to a worker, half are shared by all.
				id := fmt.Sprintf("2024%d-%d", w, i)
				if i%2 == 0 {
					id = fmt.Sprintf("2024-%d", i)
				}
				_, err := h.SaveItem(ctx, Fetched{SourceID: src.ID, ItemID: id, FetchedAt: t0, Status: 200,
					Raw: []byte(id), Text: fmt.Sprintf("worker %d item %d", w, i), Decision: testDecision(), ParserVersion: 1})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var nItems, nRevs, nDecisions int
	if err := db.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM revisions),
		(SELECT count(*) FROM decisions)`).Scan(&nItems, &nRevs, &nDecisions); err != nil {
		t.Fatal(err)
	}
	shared, private := (items+1)/2, items/2
	if wantItems := shared + workers*private; nItems != wantItems || nDecisions != wantItems || nRevs != workers*items {
		t.Errorf("items %d, decisions %d, revisions %d; want %d, %d, %d",
			nItems, nDecisions, nRevs, wantItems, wantItems, workers*items)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func BenchmarkSaveItem(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", "000_80952cb9c12cec3f.txt"))
	if err != nil {
		b.Fatal(err)
	}
	// A page is several times its text in markup; repeat the text as a stand-in.
	raw := []byte("<html><body><!--DATABEGIN-->")
	for i := 0; i < 6; i++ {
		raw = append(raw, "<p class=\"MsoNormal\">"...)
		raw = append(raw, text...)
	}
	raw = append(raw, "<!--DATAEND--></body></html>"...)
	ctx := context.Background()

	for _, bc := range []struct {
		name string
		id   func(i int) string
		text func(i int) string
	}{
		{"new", func(i int) string { return fmt.Sprintf("2023%d-%d", i/50, i%50) }, func(i int) string { return fmt.Sprint(i, string(text)) }},
		{"changed", func(i int) string { return "2023277-5" }, func(i int) string { return fmt.Sprint(i, string(text)) }},
		{"unchanged", func(i int) string { return "2023277-5" }, func(i int) string { return string(text) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			db := openTemp(b)
			defer reportWrites(b, db)()
			src, err := db.EnsureSource(ctx, "https://dynasty.virolahti.fi")
			if err != nil {
				b.Fatal(err)
			}
			d := testDecision()
			b.SetBytes(int64(len(raw)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := db.SaveItem(ctx, Fetched{SourceID: src.ID, ItemID: bc.id(i), URL: "u", FetchedAt: t0,
					Status: 200, Raw: raw, Text: bc.text(i), Decision: d, ParserVersion: 1}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
	// New items saved in groups (SaveItems, one transaction each): 16 as
	// sync writes them, 64 as reparse does; ns/op is per item.
	for _, size := range []int{16, 64} {
		b.Run(fmt.Sprintf("new-group%d", size), func(b *testing.B) {
			db := openTemp(b)
			defer reportWrites(b, db)()
			src, err := db.EnsureSource(ctx, "https://dynasty.virolahti.fi")
			if err != nil {
				b.Fatal(err)
			}
			d := testDecision()
			b.SetBytes(int64(len(raw)))
			b.ResetTimer()
			for i := 0; i < b.N; i += size {
				var group []Fetched
				for j := i; j < min(i+size, b.N); j++ {
					group = append(group, Fetched{SourceID: src.ID, ItemID: fmt.Sprintf("2023%d-%d", j/50, j%50), URL: "u", FetchedAt: t0,
						Status: 200, Raw: raw, Text: fmt.Sprint(j, string(text)), Decision: d, ParserVersion: 1})
				}
				if _, err := db.SaveItems(ctx, group); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}

// BenchmarkSaveItemsConcurrent: two sources' groups of 16 new items
// saved at once, as a sync of several sources does: the archive has one
// writer, so what SaveItems does while it holds the write lock bounds
// them. items/s counts both sources' items.
func BenchmarkSaveItemsConcurrent(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", "000_80952cb9c12cec3f.txt"))
	if err != nil {
		b.Fatal(err)
	}
	raw := []byte("<html><body><!--DATABEGIN-->" + strings.Repeat("<p class=\"MsoNormal\">"+string(text), 6) + "<!--DATAEND--></body></html>")
	ctx := context.Background()
	db := openTemp(b)
	const sources, size = 2, 16
	var ids [sources]int64
	for s := range ids {
		src, err := db.EnsureSource(ctx, fmt.Sprintf("https://dynasty%d.example.fi", s))
		if err != nil {
			b.Fatal(err)
		}
		ids[s] = src.ID
	}
	d := testDecision()
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	var wg sync.WaitGroup
	errs := make([]error, sources)
	for s := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := s * size; i < b.N; i += sources * size {
				var group []Fetched
				for j := i; j < min(i+size, b.N); j++ {
					group = append(group, Fetched{SourceID: ids[s], ItemID: fmt.Sprintf("2023%d-%d", j/50, j%50), URL: "u", FetchedAt: t0,
						Status: 200, Raw: raw, Text: fmt.Sprint(j, string(text)), Decision: d, ParserVersion: 1})
				}
				if _, err := db.SaveItems(ctx, group); err != nil {
					errs[s] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
}

// reportWrites measures what the process writes (write(2) bytes, the WAL
// and its checkpoints included) while a benchmark runs, against what the
// archive file grew by once checkpointed: bytes written per op, and the
// write amplification. Call it before the timed loop; defer what it
// returns. Linux only (/proc/self/io); elsewhere it reports nothing.
func reportWrites(b *testing.B, db *DB) func() {
	size := func() int64 {
		if _, err := db.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			b.Fatal(err)
		}
		st, err := os.Stat(db.Path())
		if err != nil {
			b.Fatal(err)
		}
		return st.Size()
	}
	start, before := procWritten(), size()
	return func() {
		after := size() // the checkpoint's writes count too
		end := procWritten()
		if start < 0 || end < 0 || b.N == 0 {
			return
		}
		written := end - start
		b.ReportMetric(float64(written)/float64(b.N), "written-B/op")
		if after > before {
			b.ReportMetric(float64(written)/float64(after-before), "write-amplification")
		}
	}
}

// procWritten is the bytes this process has passed to write(2), -1 if
// unknown.
func procWritten() int64 {
	raw, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "wchar: "); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return -1
			}
			return n
		}
	}
	return -1
}

// decisionFields names every column of the decision row but its keys and
// bookkeeping, so that writes cannot leave a column behind.
func TestDecisionFieldsCoverTheTable(t *testing.T) {
	db := openTemp(t)
	rows, err := db.db.Query(`SELECT name FROM pragma_table_info('decisions')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := map[string]bool{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		want[c] = true
	}
	for _, c := range []string{"item_rowid", "revision_id", "data", "parser_version", "parsed_at"} {
		delete(want, c)
	}
	values := columnValues(parse.Decision{})
	for _, f := range decisionFields {
		if len(values[f.field]) != len(f.columns) {
			t.Errorf("field %s: %d values for %d columns", f.field, len(values[f.field]), len(f.columns))
		}
		for _, c := range f.columns {
			if !want[c] {
				t.Errorf("column %s of field %s is not in the table (or twice)", c, f.field)
			}
			delete(want, c)
		}
	}
	for c := range want {
		t.Errorf("column %s is written by no field", c)
	}
}
