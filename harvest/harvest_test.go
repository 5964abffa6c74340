package harvest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

func TestCheckIdentity(t *testing.T) {
	text := "Virolahden kunnanhallitus\nPöytäkirja 09.10.2023/Pykälä 183\n\nKymenlaakson hyvinvointialueen ja Kymenlaakson kuntien strateginen yhteistyösopimus\n"
	for _, tc := range []struct {
		name      string
		id, title string
		page      scrape.Page
		wrong     bool // want ErrWrongItem
		fail      bool // want another error
	}{
		{"own id matches", "2023277-4", "", scrape.Page{Text: text, ItemID: "2023277-4"}, false, false},
		{"own id differs", "2023277-4", "", scrape.Page{Text: text, ItemID: "2023277-3"}, true, false},
		{"feed title in text, other case and dashes", "2023277-4", "KYMENLAAKSON hyvinvointialueen – ja Kymenlaakson kuntien strateginen yhteistyösopimus (pitkä otsikko jatkuu)", scrape.Page{Text: text}, false, false},
		{"feed title not in text", "2023277-4", "Talousarvio 2024 ja taloussuunnitelma", scrape.Page{Text: text}, true, false},
		{"short feed title is not evidence", "2023277-4", "Muut", scrape.Page{Text: text}, false, false},
		{"no title, no id", "2023277-4", "", scrape.Page{Text: text}, false, false},
		{"empty page", "2023277-4", "x", scrape.Page{Text: " \n "}, false, true},
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

// archive opens a real archive in a temporary folder with one source.
func archive(t *testing.T, base string) (*store.DB, store.Source) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	src, err := db.AddSource(ctx, "test", base, "")
	if err != nil {
		t.Fatal(err)
	}
	return db, src
}

// failingArchive refuses every item write, as a full disk does.
type failingArchive struct {
	*store.DB
	err   error
	saves int
}

func (f *failingArchive) SaveItems(context.Context, []store.Fetched) ([]store.Change, error) {
	f.saves++
	return nil, f.err
}

// A known item that answers 404 is marked gone, and the feed that listed it
// keeps no validators, so the next run reads the feed whole and asks again:
// a passing 404 must not hide the item behind a 304 for good.
func TestSyncGoneItemLeavesFeedUnvalidated(t *testing.T) {
	var itemStatus atomic.Int32
	itemStatus.Store(http.StatusNotFound)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch q.Get("page") {
		case "rss/meetingitems":
			w.Header().Set("ETag", `"feed1"`)
			if r.Header.Get("If-None-Match") == `"feed1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><item><title>Kunnanhallitus 01.02.2024 / Asia</title>`+
				`<link>%s/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2024001-1</link><pubDate>Thu, 01 Feb 2024 10:00:00 +0200</pubDate></item></channel></rss>`, srv.URL)
		case "meetingitem":
			if s := int(itemStatus.Load()); s != http.StatusOK {
				w.WriteHeader(s)
				return
			}
			fmt.Fprint(w, `<html><body><a href="../kokous/2024001-1.PDF">PDF</a><p>Päätös: hyväksyttiin.</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	base, err := scrape.ParseBaseURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	db, src := archive(t, base.String())
	// The archive knows the item from an earlier run, under an older entry.
	itemURL := srv.URL + "/cgi/DREQUEST.PHP?page=meetingitem&id=2024001-1"
	if _, err := db.SaveItem(ctx, store.Fetched{SourceID: src.ID, ItemID: "2024001-1", URL: itemURL, FetchedAt: time.Now(),
		Status: 200, ContentType: "text/plain", Raw: []byte("Asia"), Text: "Asia", FeedFingerprint: "old"}); err != nil {
		t.Fatal(err)
	}
	c := scrape.NewClient(scrape.ClientOptions{MaxRetries: -1})
	feed := scrape.FeedURL(base, scrape.FeedItems, 0)
	rep := Run(ctx, c, db, Source{ID: src.ID, Base: base}, Options{})
	if rep.Gone != 1 {
		t.Fatalf("first run: gone %d, want the item marked gone; report %+v", rep.Gone, rep)
	}
	if st, err := db.ItemState(ctx, src.ID, "2024001-1"); err != nil || !st.Gone {
		t.Fatalf("item state %+v, %v: want gone", st, err)
	}
	if etag, lm, _ := db.Validators(ctx, feed); etag != "" || lm != "" {
		t.Errorf("the feed listing a gone item kept validators %q %q", etag, lm)
	}
	itemStatus.Store(http.StatusOK)
	rep = Run(ctx, c, db, Source{ID: src.ID, Base: base}, Options{})
	if rep.FeedsNotModified != 0 || rep.Changed != 1 {
		t.Errorf("second run: %d feeds not modified, %d changed; want the feed read whole and the item fetched again (%+v)", rep.FeedsNotModified, rep.Changed, rep)
	}
	if etag, _, _ := db.Validators(ctx, feed); etag == "" {
		t.Error("once every entry is stored the feed's validators are saved")
	}
}

// When the archive refuses a write (a full disk), the source stops at its
// first refused group instead of fetching every remaining page only to drop
// it: at most one group of pages is fetched in vain.
func TestSyncStopsWhenTheArchiveCannotBeWritten(t *testing.T) {
	var itemRequests atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch q.Get("page") {
		case "rss/meetingitems":
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel>`)
			for i := 1; i <= 3*groupSize; i++ {
				fmt.Fprintf(w, `<item><title>Asia %d</title><link>%s/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2024001-%d</link></item>`, i, srv.URL, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case "meetingitem":
			itemRequests.Add(1)
			fmt.Fprintf(w, `<html><body><a href="../kokous/%s.PDF">PDF</a><p>Päätös: hyväksyttiin.</p></body></html>`, q.Get("id"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	base, err := scrape.ParseBaseURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	db, src := archive(t, base.String())
	full := errors.New("database or disk is full")
	fa := &failingArchive{DB: db, err: full}
	rep := Run(ctx, scrape.NewClient(scrape.ClientOptions{MaxRetries: -1}), fa, Source{ID: src.ID, Base: base}, Options{})
	if !errors.Is(rep.Err, full) || rep.OK() {
		t.Errorf("report error = %v, want the store's error for the source", rep.Err)
	}
	if n := itemRequests.Load(); n != groupSize || fa.saves != 1 {
		t.Errorf("%d item pages fetched and %d saves tried after the archive failed, want one group (%d) and 1", n, fa.saves, groupSize)
	}
	if etag, lm, _ := db.Validators(ctx, scrape.FeedURL(base, scrape.FeedItems, 0)); etag != "" || lm != "" {
		t.Errorf("validators saved for a feed whose items were not stored: %q %q", etag, lm)
	}
}

// A source whose item pages never answer is given up after maxTimeouts
// in a row, not after timeout × attempts for every item; the report says so.
func TestStalledSourceIsGivenUp(t *testing.T) {
	var itemRequests atomic.Int32
	stall := make(chan struct{})
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch q.Get("page") {
		case "rss/meetingitems":
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel>`)
			for i := 1; i <= 20; i++ {
				fmt.Fprintf(w, `<item><title>Kunnanhallitus 01.02.2024 / Asia %d</title><link>%s/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2024001-%d</link></item>`, i, srv.URL, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case "meetingitem":
			itemRequests.Add(1)
			select { // never answers, until the test ends
			case <-stall:
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer close(stall)
	ctx := context.Background()
	base, err := scrape.ParseBaseURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	db, src := archive(t, base.String())
	c := scrape.NewClient(scrape.ClientOptions{MaxRetries: -1, Timeout: 100 * time.Millisecond})
	rep := Run(ctx, c, db, Source{ID: src.ID, Base: base}, Options{})
	if n := itemRequests.Load(); n != maxTimeouts {
		t.Errorf("%d item pages asked for, want %d before giving up", n, maxTimeouts)
	}
	if !errors.Is(rep.Err, scrape.ErrTimeout) || rep.OK() {
		t.Errorf("report error %v, want the source given up for timeouts", rep.Err)
	}
}

// A feed whose every entry points off the source is not a plain success:
// the report warns that nothing was found.
func TestFeedOfForeignLinksWarns(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "rss/meetingitems" {
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel>`+
				`<item><title>KH 01.02.2024 / Asia</title><link>https://elsewhere.test/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2024001-1</link></item>`+
				`</channel></rss>`)
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	base, err := scrape.ParseBaseURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	db, src := archive(t, base.String())
	rep := Run(context.Background(), scrape.NewClient(scrape.ClientOptions{MaxRetries: -1}), db, Source{ID: src.ID, Base: base}, Options{})
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "none is a meeting item of this source") {
		t.Errorf("warnings %q, want one saying no entry is an item of the source", rep.Warnings)
	}
}

// groupRecorder records the size of every group of pages stored.
type groupRecorder struct {
	*store.DB
	groups []int
}

func (g *groupRecorder) SaveItems(ctx context.Context, fs []store.Fetched) ([]store.Change, error) {
	g.groups = append(g.groups, len(fs))
	return g.DB.SaveItems(ctx, fs)
}

// itemSite serves an items feed of n items, each page naming itself;
// onItem (may be nil) runs before the k-th item request (1-based) is
// answered.
func itemSite(t *testing.T, n int, onItem func(k int)) *url.URL {
	var requests atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch q.Get("page") {
		case "rss/meetingitems":
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel>`)
			for i := 1; i <= n; i++ {
				fmt.Fprintf(w, `<item><title>Asia %d</title><link>%s/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2024001-%d</link></item>`, i, srv.URL, i)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case "rss/meetings":
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`)
		case "meetingitem":
			if onItem != nil {
				onItem(int(requests.Add(1)))
			}
			fmt.Fprintf(w, `<html><body><a href="../kokous/%s.PDF">PDF</a><p>Päätös: hyväksyttiin.</p></body></html>`, q.Get("id"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	base, err := scrape.ParseBaseURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return base
}

func countItems(t *testing.T, db *store.DB) int {
	t.Helper()
	st, err := db.Stats(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return st.Decisions
}

// Pages are stored in groups of groupSize, the last group when the feed is
// done, and the counts come out as for one page at a time.
func TestPagesAreStoredInGroups(t *testing.T) {
	base := itemSite(t, 2*groupSize+8, nil)
	db, src := archive(t, base.String())
	g := &groupRecorder{DB: db}
	rep := Run(context.Background(), scrape.NewClient(scrape.ClientOptions{}), g, Source{ID: src.ID, Base: base}, Options{})
	if !rep.OK() || rep.New != 2*groupSize+8 {
		t.Fatalf("report %+v", rep)
	}
	if fmt.Sprint(g.groups) != fmt.Sprint([]int{groupSize, groupSize, 8}) {
		t.Errorf("groups stored: %v, want %d, %d, 8", g.groups, groupSize, groupSize)
	}
	if n := countItems(t, db); n != 2*groupSize+8 {
		t.Errorf("%d decisions archived", n)
	}
	// Each item's meeting and position, from its id (scrape.SplitItemID).
	sdb, err := sql.Open("sqlite", "file:"+db.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	var meeting string
	var pos int
	if err := sdb.QueryRow(`SELECT meeting_id, position FROM items WHERE item_id = '2024001-7'`).Scan(&meeting, &pos); err != nil ||
		meeting != "2024001" || pos != 7 {
		t.Errorf("item 2024001-7 stored with meeting %q position %d (%v)", meeting, pos, err)
	}
}

// Ctrl-C while a group is in hand: the pages already fetched are stored.
func TestInterruptedRunStoresThePagesInHand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base := itemSite(t, 10, func(k int) {
		if k == 6 {
			cancel()
		}
	})
	db, src := archive(t, base.String())
	rep := Run(ctx, scrape.NewClient(scrape.ClientOptions{MaxRetries: -1}), db, Source{ID: src.ID, Base: base}, Options{})
	if !errors.Is(rep.Err, context.Canceled) {
		t.Errorf("report error %v, want canceled", rep.Err)
	}
	if n := countItems(t, db); n != 5 || rep.New != 5 {
		t.Errorf("%d decisions archived, %d counted new; want the 5 pages fetched before Ctrl-C", n, rep.New)
	}
}
