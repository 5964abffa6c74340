package scrape

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

func TestCheckIdentity(t *testing.T) {
	text := "Virolahden kunnanhallitus\nPöytäkirja 09.10.2023/Pykälä 183\n\nKymenlaakson hyvinvointialueen ja Kymenlaakson kuntien strateginen yhteistyösopimus\n"
	for _, tc := range []struct {
		name      string
		id, title string
		page      Page
		wrong     bool // want ErrWrongItem
		fail      bool // want another error
	}{
		{"own id matches", "2023277-4", "", Page{Text: text, ItemID: "2023277-4"}, false, false},
		{"own id differs", "2023277-4", "", Page{Text: text, ItemID: "2023277-3"}, true, false},
		{"feed title in text, other case and dashes", "2023277-4", "KYMENLAAKSON hyvinvointialueen – ja Kymenlaakson kuntien strateginen yhteistyösopimus (pitkä otsikko jatkuu)", Page{Text: text}, false, false},
		{"feed title not in text", "2023277-4", "Talousarvio 2024 ja taloussuunnitelma", Page{Text: text}, true, false},
		{"short feed title is not evidence", "2023277-4", "Muut", Page{Text: text}, false, false},
		{"no title, no id", "2023277-4", "", Page{Text: text}, false, false},
		{"empty page", "2023277-4", "x", Page{Text: " \n "}, false, true},
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

// memState is an in-memory State for syncer tests.
type memState struct {
	validators map[string][2]string
	items      map[string]ItemState
	gone       []string
	saveErr    error // every Save fails with it when set
	saves      int
}

func (m *memState) Validators(_ context.Context, u string) (string, string, error) {
	v := m.validators[u]
	return v[0], v[1], nil
}
func (m *memState) SetValidators(_ context.Context, u, etag, lm string) error {
	m.validators[u] = [2]string{etag, lm}
	return nil
}
func (m *memState) EntrySeen(context.Context, string) (string, error)    { return "", nil }
func (m *memState) SetEntrySeen(context.Context, string, string) error   { return nil }
func (m *memState) Item(_ context.Context, id string) (ItemState, error) { return m.items[id], nil }
func (m *memState) Save(_ context.Context, it FetchedItem) (Change, error) {
	m.saves++
	if m.saveErr != nil {
		return ChangeUnchanged, m.saveErr
	}
	m.items[it.ItemID] = ItemState{Known: true, Fingerprint: it.Fingerprint}
	return ChangeNew, nil
}
func (m *memState) Touch(context.Context, string, string, string, string) error { return nil }
func (m *memState) Gone(_ context.Context, id string) error {
	m.gone = append(m.gone, id)
	return nil
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
	base, err := ParseBaseURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	st := &memState{validators: map[string][2]string{}, items: map[string]ItemState{
		"2024001-1": {Known: true, Fingerprint: "old"},
	}}
	c := NewClient(ClientOptions{MaxRetries: -1})
	rep := Sync(context.Background(), c, base, st, SyncOptions{})
	if rep.Gone != 1 || len(st.gone) != 1 {
		t.Fatalf("first run: gone %d (%v), want the item marked gone; report %+v", rep.Gone, st.gone, rep)
	}
	if v, ok := st.validators[FeedURL(base, FeedItems, 0)]; ok {
		t.Errorf("the feed listing a gone item kept validators %v", v)
	}
	st.items["2024001-1"] = ItemState{Known: true, Fingerprint: "old", Gone: true}
	itemStatus.Store(http.StatusOK)
	rep = Sync(context.Background(), c, base, st, SyncOptions{})
	if rep.FeedsNotModified != 0 || rep.New != 1 {
		t.Errorf("second run: %d feeds not modified, %d saved; want the feed read whole and the item fetched again", rep.FeedsNotModified, rep.New)
	}
	if _, ok := st.validators[FeedURL(base, FeedItems, 0)]; !ok {
		t.Error("once every entry is stored the feed's validators are saved")
	}
}

// When the archive refuses a write (a full disk), the source stops at once
// instead of fetching every remaining page only to drop it.
func TestSyncStopsWhenTheArchiveCannotBeWritten(t *testing.T) {
	var itemRequests atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch q.Get("page") {
		case "rss/meetingitems":
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel>`)
			for i := 1; i <= 5; i++ {
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
	base, err := ParseBaseURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	full := errors.New("database or disk is full")
	st := &memState{validators: map[string][2]string{}, items: map[string]ItemState{}, saveErr: full}
	rep := Sync(context.Background(), NewClient(ClientOptions{MaxRetries: -1}), base, st, SyncOptions{})
	if !errors.Is(rep.Err, full) || rep.OK() {
		t.Errorf("report error = %v, want the store's error for the source", rep.Err)
	}
	if n := itemRequests.Load(); n != 1 || st.saves != 1 {
		t.Errorf("%d item pages fetched and %d saves tried after the archive failed, want 1 and 1", n, st.saves)
	}
	if len(st.validators) != 0 {
		t.Errorf("validators saved for a feed whose items were not stored: %v", st.validators)
	}
}
