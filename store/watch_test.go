package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/minutes-fi/minutes/parse"
)

// watchPage is a small page text of one decision with the given title.
func watchPage(title, decision string) string {
	return fmt.Sprintf("Kunnanhallitus\nPöytäkirja 12.05.2025\nPykälä 41\n%s\n\nPäätösehdotus\nKunnanhallitus hyväksyy asian.\n\nPäätös\n%s\n", title, decision)
}

func matchIDs(ms []WatchMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Watch+":"+m.ItemID+":"+m.Change)
	}
	sort.Strings(out)
	return out
}

func TestWatchRecordsNewAndChangedMatchesOnce(t *testing.T) {
	for _, limit := range []int{perRowLimit, 1} {
		t.Run(fmt.Sprintf("perRowLimit=%d", limit), func(t *testing.T) {
			old := perRowLimit
			perRowLimit = limit
			defer func() { perRowLimit = old }()
			ctx := context.Background()
			db := openTemp(t)
			clock := t0
			db.SetNow(func() time.Time { return clock })
			src, err := db.AddSource(ctx, "pori", "https://pori.test", "Porin kaupunki")
			if err != nil {
				t.Fatal(err)
			}
			other, err := db.AddSource(ctx, "salo", "https://salo.test", "Salon kaupunki")
			if err != nil {
				t.Fatal(err)
			}
			// Archived before the watch: not news.
			saveText(t, db, src.ID, "2025100-1", watchPage("Tuulivoiman osayleiskaava", "Ehdotus hyväksyttiin."))
			saveText(t, db, src.ID, "2025100-2", watchPage("Koulukuljetukset", "Ehdotus hyväksyttiin."))
			if err := db.AddWatch(ctx, Watch{Name: "tuuli", Query: "tuulivoima"}); err != nil {
				t.Fatal(err)
			}
			if err := db.AddWatch(ctx, Watch{Name: "salo-tuuli", Query: "tuulivoima", Filter: Filter{Organization: "salo"}}); err != nil {
				t.Fatal(err)
			}
			if err := db.AddWatch(ctx, Watch{Name: "tuuli", Query: "x"}); !errors.Is(err, ErrExists) {
				t.Errorf("second watch of the same name: %v, want ErrExists", err)
			}
			if err := db.AddWatch(ctx, Watch{Name: "bad", Query: "---"}); err == nil {
				t.Error("a query of no words was saved as a watch")
			}
			if counts, err := db.RecordWatches(ctx); err != nil || len(counts) != 0 {
				t.Fatalf("before any sync: %v %v, want nothing", counts, err)
			}

			// A sync: one new matching item, one new other, one changed
			// matching item (the agenda became minutes), one in Salo.
			clock = t0.Add(time.Hour)
			saveText(t, db, src.ID, "2025200-1", watchPage("Tuulivoimaa koskeva kaavoitussopimus", "Ehdotus hyväksyttiin."))
			saveText(t, db, src.ID, "2025200-2", watchPage("Kirjaston aukioloajat", "Ehdotus hyväksyttiin."))
			saveText(t, db, src.ID, "2025100-1", watchPage("Tuulivoiman osayleiskaava", "Asia jätettiin pöydälle."))
			saveText(t, db, other.ID, "2025300-1", watchPage("Lausunto tuulivoimasta", "Ehdotus hyväksyttiin."))
			counts, err := db.RecordWatches(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(counts) != "map[salo-tuuli:1 tuuli:3]" {
				t.Errorf("recorded %v, want salo-tuuli 1, tuuli 3", counts)
			}
			// Recording again finds nothing more.
			if counts, err := db.RecordWatches(ctx); err != nil || len(counts) != 0 {
				t.Errorf("recorded again: %v %v", counts, err)
			}

			clock = t0.Add(2 * time.Hour)
			news, err := db.WatchNews(ctx, NewsOptions{Watch: "tuuli"})
			if err != nil {
				t.Fatal(err)
			}
			want := "[tuuli:2025100-1:changed tuuli:2025200-1:new tuuli:2025300-1:new]"
			if got := fmt.Sprint(matchIDs(news)); got != want {
				t.Errorf("news %s, want %s", got, want)
			}
			for _, m := range news {
				if m.Organization == "" || m.URL == "" || !m.Recorded.Equal(t0.Add(time.Hour)) || len(m.Snippet.Marks) == 0 {
					t.Errorf("match %s: organisation %q, url %q, recorded %v, snippet %+v", m.ID, m.Organization, m.URL, m.Recorded, m.Snippet)
				}
				if m.ItemID == "2025100-1" && m.Outcome != parse.OutcomeTabled {
					t.Errorf("changed item's outcome %q, want tabled (the decision as it is now)", m.Outcome)
				}
			}
			// Asked again: nothing; the other watch's news is still there.
			if again, err := db.WatchNews(ctx, NewsOptions{Watch: "tuuli"}); err != nil || len(again) != 0 {
				t.Errorf("news asked again: %v %v, want none", matchIDs(again), err)
			}
			all, err := db.WatchNews(ctx, NewsOptions{})
			if err != nil || fmt.Sprint(matchIDs(all)) != "[salo-tuuli:2025300-1:new]" {
				t.Errorf("news of every watch: %v %v", matchIDs(all), err)
			}
			// A look back shows reported matches and marks nothing.
			back, err := db.WatchNews(ctx, NewsOptions{Watch: "tuuli", Since: t0})
			if err != nil || len(back) != 3 || back[0].Reported.IsZero() {
				t.Errorf("look back: %v %v", matchIDs(back), err)
			}
			if back, err := db.WatchNews(ctx, NewsOptions{Watch: "tuuli", Since: t0.Add(90 * time.Minute)}); err != nil || len(back) != 0 {
				t.Errorf("look back from after the sync: %v %v", matchIDs(back), err)
			}

			ws, err := db.Watches(ctx)
			if err != nil || len(ws) != 2 || ws[1].Name != "tuuli" || ws[1].Matches != 3 || ws[1].Unreported != 0 ||
				!ws[1].LastMatch.Equal(t0.Add(time.Hour)) || ws[0].Organization != "salo" {
				t.Errorf("watches %+v %v", ws, err)
			}
			w, feed, err := db.WatchFeed(ctx, "tuuli", 2)
			if err != nil || w.Query != "tuulivoima" || len(feed) != 2 {
				t.Errorf("feed %v %v", matchIDs(feed), err)
			}
			if _, err := db.WatchNews(ctx, NewsOptions{Watch: "nosuch"}); !errors.Is(err, ErrNotFound) {
				t.Errorf("news of no such watch: %v", err)
			}
			if err := db.RemoveWatch(ctx, "tuuli"); err != nil {
				t.Fatal(err)
			}
			if err := db.RemoveWatch(ctx, "tuuli"); !errors.Is(err, ErrNotFound) {
				t.Errorf("removed twice: %v", err)
			}
			var left int
			if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM watch_matches m JOIN watches w ON w.id = m.watch_id`).Scan(&left); err != nil || left != 1 {
				t.Errorf("matches left after remove: %d %v, want the other watch's 1", left, err)
			}
		})
	}
}

// A sync that stops before recording leaves its decisions above the
// watches' marks: the next news finds them.
func TestWatchNewsRecordsWhatASyncLeft(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	src, err := db.AddSource(ctx, "pori", "https://pori.test", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AddWatch(ctx, Watch{Name: "w", Query: "osayleiskaava", Filter: Filter{Outcomes: []parse.Outcome{parse.OutcomeApproved}}}); err != nil {
		t.Fatal(err)
	}
	saveText(t, db, src.ID, "2025200-1", watchPage("Osayleiskaavan hyväksyminen", "Ehdotus hyväksyttiin."))
	saveText(t, db, src.ID, "2025200-2", watchPage("Osayleiskaavan muutos", "Asia jätettiin pöydälle."))
	news, err := db.WatchNews(ctx, NewsOptions{})
	if err != nil || fmt.Sprint(matchIDs(news)) != "[w:2025200-1:new]" {
		t.Errorf("news %v %v, want the approved one only", matchIDs(news), err)
	}
}
