package harvest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

// Archive is what a harvest reads and writes of the archive for one
// source; *store.DB is one, a test may wrap it to make writes fail.
type Archive interface {
	Validators(ctx context.Context, url string) (etag, lastModified string, err error)
	SetValidators(ctx context.Context, url, etag, lastModified string, at time.Time) error
	EntryFingerprint(ctx context.Context, sourceID int64, url string) (string, error)
	SetEntryFingerprint(ctx context.Context, sourceID int64, url, fingerprint string, at time.Time) error
	ItemState(ctx context.Context, sourceID int64, itemID string) (store.ItemState, error)
	SaveItems(ctx context.Context, fs []store.Fetched) ([]store.Change, error)
	TouchItem(ctx context.Context, sourceID int64, itemID, feedFingerprint, etag, lastModified string, at time.Time) error
	MarkGone(ctx context.Context, sourceID int64, itemID string, at time.Time) error
}

var _ Archive = (*store.DB)(nil)

// Source is the source being harvested: its archive row and its base URL.
type Source struct {
	ID           int64
	Organization string // for pages that name none; "" if unknown
	Base         *url.URL
}

// Options tunes one source's harvest.
type Options struct {
	Show     int    // feed depth (show=N); 0 leaves it to the server
	Backfill bool   // also walk the body and meeting list pages
	Since    string // with Backfill: skip meetings before this YYYY-MM-DD
	// Recheck is how long after its last check an agenda item whose meeting
	// day has passed is fetched again (conditionally) to pick up its minutes,
	// even if its feed entry did not change. 0 disables it.
	Recheck  time.Duration
	Now      func() time.Time
	Progress func(Progress) // called from the harvesting goroutine; may be nil
}

// Progress is a snapshot for a progress display.
type Progress struct {
	Phase  string // "feeds", "items", "backfill"
	ItemID string // the item being fetched, if any
	Done   int    // items handled so far
	Total  int    // items known to be waiting, including Done
}

// Report is the outcome of syncing one source.
type Report struct {
	FeedsRead        int      `json:"feeds_read"`         // feeds fetched and parsed
	FeedsNotModified int      `json:"feeds_not_modified"` // feeds answered 304
	Pages            int      `json:"list_pages"`         // meeting and list pages read
	New              int      `json:"new"`
	Changed          int      `json:"changed"`
	Unchanged        int      `json:"unchanged"`
	Failed           int      `json:"failed"`
	Gone             int      `json:"gone"`
	Skipped          int      `json:"skipped_links"` // feed entries and links not followed
	Errors           []string `json:"errors"`        // first few failures, for the summary
	// Warnings say why a run that failed nothing may still have missed
	// what a user expects: a feed whose every link was skipped, a backfill
	// cut at its page limit.
	Warnings []string `json:"warnings"`
	// Err is set when the source as a whole failed (no feed could be read) or
	// the run was interrupted; item failures alone only count in Failed.
	Err error `json:"-"`
}

// OK reports whether the source synced without any failure.
func (r *Report) OK() bool { return r.Err == nil && r.Failed == 0 }

const maxReportErrors = 10

func (r *Report) fail(format string, args ...any) {
	r.Failed++
	if len(r.Errors) < maxReportErrors {
		r.Errors = append(r.Errors, fmt.Sprintf(format, args...))
	}
}

// ErrWrongItem is returned when the server answers an item request with a
// page about another item, which Dynasty has been reported to do.
var ErrWrongItem = errors.New("server answered with a different item")

// Run harvests one source: it polls the feeds (and with Backfill the list
// pages), fetches every new or changed item, extracts and parses it, and
// stores it in the archive. It returns when done or when ctx is cancelled;
// the Report says what happened. A failing item never stops the others, a
// refused write stops the source. The journey of one page reads top to
// bottom in run, item and save.
func Run(ctx context.Context, c *scrape.Client, db Archive, src Source, opts Options) Report {
	s := &harvester{c: c, db: db, src: src, base: src.Base, opts: opts}
	s.rep.Errors = []string{} // none is [], not null, in sync --json
	s.rep.Warnings = []string{}
	if s.opts.Now == nil {
		s.opts.Now = time.Now
	}
	s.run(ctx)
	if s.storeErr != nil && s.rep.Err == nil {
		s.rep.Err = fmt.Errorf("the archive cannot be written, source stopped: %w", s.storeErr)
	}
	if s.timeouts >= maxTimeouts && s.rep.Err == nil {
		s.rep.Err = fmt.Errorf("given up for this run: %d item pages in a row timed out (the next run tries again): %w",
			s.timeouts, scrape.ErrTimeout)
	}
	if ctx.Err() != nil && s.rep.Err == nil {
		s.rep.Err = ctx.Err()
	}
	return s.rep
}

type harvester struct {
	c    *scrape.Client
	db   Archive
	src  Source
	base *url.URL
	opts Options
	rep  Report
	done int
	// seen holds the items already handled in this run, so that an item
	// listed in both feeds, or twice, is fetched once.
	seen map[string]bool
	// unsettled counts items found gone. A 404 may be a site's passing
	// fault, so the page that listed them keeps no validators: the next run
	// reads it whole and asks for them again, instead of a 304 hiding the
	// item (and the change that had it fetched) until the feed moves on.
	unsettled int
	// timeouts counts item pages in a row that timed out: a source that
	// keeps stalling is given up for this run (maxTimeouts), instead of
	// costing timeout × attempts for every item and holding the archive.
	timeouts int
	// storeErr is the first error the archive gave when asked to store: a
	// full disk or a broken file fails every later write too, so the source
	// stops rather than fetch pages it cannot keep.
	storeErr error
	// pending are pages fetched and parsed, not yet stored: they are
	// written in groups (flush), since one commit for several pages costs
	// little more than one for one. A crash loses at most this group,
	// which the next run fetches again (nothing of it is in the archive).
	pending      []store.Fetched
	pendingSince time.Time
}

// A group of pending pages is stored when it holds groupSize pages, when
// its first page has waited groupWait, and always before anything that
// depends on it (a feed's validators, a meeting's fingerprint) is written.
const (
	groupSize = 16
	groupWait = 2 * time.Second
)

// stopped reports whether the source's sync must end now.
func (s *harvester) stopped(ctx context.Context) bool {
	return ctx.Err() != nil || s.storeErr != nil || s.timeouts >= maxTimeouts
}

// maxTimeouts is how many item pages in a row may time out before the
// source is given up for this run.
const maxTimeouts = 3

// settled is a mark of the failures and gone items so far: a page's
// validators are saved only if the mark did not move while its entries were
// handled.
func (s *harvester) settled() [2]int { return [2]int{s.rep.Failed, s.unsettled} }

// task is one item to look at, with what the feed said of it.
type task struct {
	id, url, fingerprint string
	title                string // the feed title's part after " / ", for the identity check
	feedTitle            string // the feed's whole title
}

func (s *harvester) progress(phase, itemID string, total int) {
	if s.opts.Progress != nil {
		s.opts.Progress(Progress{Phase: phase, ItemID: itemID, Done: s.done, Total: total})
	}
}

func (s *harvester) run(ctx context.Context) {
	s.seen = map[string]bool{}
	s.progress("feeds", "", 0)

	itemsURL := scrape.FeedURL(s.base, scrape.FeedItems, s.opts.Show)
	meetingsURL := scrape.FeedURL(s.base, scrape.FeedMeetings, s.opts.Show)
	itemsFeed, itemsResp, errItems := s.readFeed(ctx, itemsURL)
	meetingsFeed, meetingsResp, errMeetings := s.readFeed(ctx, meetingsURL)
	if ctx.Err() != nil {
		return
	}
	if errItems != nil && errMeetings != nil {
		s.rep.Err = fmt.Errorf("no feed could be read: %w", errors.Join(errItems, errMeetings))
		return
	}
	for _, err := range []error{errItems, errMeetings} {
		if err != nil {
			s.rep.fail("%v", err)
		}
	}

	var tasks []task
	for _, e := range itemsFeed.Entries {
		if e.Link.Kind != scrape.LinkItem {
			s.rep.Skipped++
			continue
		}
		_, _, title := parse.FeedTitle(e.Title)
		tasks = append(tasks, task{id: e.Link.ID, url: e.Link.URL, fingerprint: e.Fingerprint, title: title, feedTitle: e.Title})
	}
	s.rep.Skipped += len(itemsFeed.Skipped) + len(meetingsFeed.Skipped)
	if len(tasks) == 0 && len(itemsFeed.Skipped) > 0 {
		// Every entry pointed elsewhere: off the source's site, or not at
		// meeting items. A plain "ok" would hide that nothing was found.
		s.rep.Warnings = append(s.rep.Warnings, fmt.Sprintf("the items feed lists %d entries and none is a meeting item of this source (first: %s)",
			len(itemsFeed.Skipped), itemsFeed.Skipped[0]))
	}

	before := s.settled()
	s.runTasks(ctx, "items", tasks)
	if s.stopped(ctx) {
		return
	}
	if itemsResp != nil && s.settled() == before {
		s.saveValidators(ctx, itemsURL, itemsResp)
	}

	before = s.settled()
	for _, e := range meetingsFeed.Entries {
		if s.stopped(ctx) {
			return
		}
		if e.Link.Kind != scrape.LinkMeeting {
			s.rep.Skipped++
			continue
		}
		s.meeting(ctx, e.Link.URL, e.Fingerprint)
	}
	if s.stopped(ctx) {
		return
	}
	if meetingsResp != nil && s.settled() == before {
		s.saveValidators(ctx, meetingsURL, meetingsResp)
	}

	if s.opts.Backfill {
		s.backfill(ctx)
	}
}

// readFeed fetches and parses one feed conditionally. A nil scrape.Response with a
// nil error means 304: nothing new.
func (s *harvester) readFeed(ctx context.Context, feedURL string) (scrape.Feed, *scrape.Response, error) {
	etag, lm, err := s.db.Validators(ctx, feedURL)
	if err != nil {
		return scrape.Feed{}, nil, fmt.Errorf("read validators of %s: %w", feedURL, err)
	}
	resp, err := s.c.Get(ctx, scrape.Request{URL: feedURL, ETag: etag, LastModified: lm})
	if err != nil {
		return scrape.Feed{}, nil, fmt.Errorf("feed: %w", err) // the client's error names the URL
	}
	if resp.NotModified {
		s.rep.FeedsNotModified++
		return scrape.Feed{}, nil, nil
	}
	feed, err := scrape.ParseFeed(s.base, resp.Body, resp.ContentType)
	if err != nil {
		return scrape.Feed{}, nil, fmt.Errorf("feed %s: %w", feedURL, err)
	}
	s.rep.FeedsRead++
	return feed, resp, nil
}

func (s *harvester) saveValidators(ctx context.Context, pageURL string, resp *scrape.Response) {
	if resp.ETag == "" && resp.LastModified == "" {
		return
	}
	if err := s.db.SetValidators(ctx, pageURL, resp.ETag, resp.LastModified, s.opts.Now()); err != nil {
		s.rep.fail("save validators of %s: %v", pageURL, err)
	}
}

func (s *harvester) runTasks(ctx context.Context, phase string, tasks []task) {
	// The tasks' pages are stored before the caller looks at what they
	// settled (and saves validators on it).
	defer s.flush(ctx)
	total := s.done + len(tasks)
	for _, t := range tasks {
		if len(s.pending) >= groupSize || (len(s.pending) > 0 && time.Since(s.pendingSince) >= groupWait) {
			// A full group, or one slow fetches have kept in hand long
			// enough; a refused write stops the source before the next fetch.
			s.flush(ctx)
		}
		if s.stopped(ctx) {
			return
		}
		if s.seen[t.id] {
			continue
		}
		s.seen[t.id] = true
		s.progress(phase, t.id, total)
		s.item(ctx, t)
		s.done++
	}
	s.progress(phase, "", total)
}

// item brings one item up to date: fetched when new, when its feed entry
// changed, or when an agenda is due to have become minutes; otherwise left
// alone without a request.
func (s *harvester) item(ctx context.Context, t task) {
	state, err := s.db.ItemState(ctx, s.src.ID, t.id)
	if err != nil {
		s.rep.fail("item %s: %v", t.id, err)
		return
	}
	if t.fingerprint == "" {
		// Found on a list page: keep what the feed last said of it.
		t.fingerprint = state.FeedFingerprint
	}
	req := scrape.Request{URL: t.url}
	if state.Known {
		if !s.due(t, state) {
			s.rep.Unchanged++
			return
		}
		req.ETag, req.LastModified = state.ETag, state.LastModified
	}
	resp, page, err := s.fetchItem(ctx, t.id, req, t.title)
	if err == nil {
		s.timeouts = 0
	}
	switch {
	case ctx.Err() != nil:
		return
	case errors.Is(err, scrape.ErrNotFound) && state.Known:
		if err := s.db.MarkGone(ctx, s.src.ID, t.id, s.opts.Now()); err != nil {
			s.rep.fail("item %s: mark gone: %v", t.id, err)
			return
		}
		s.rep.Gone++
		s.unsettled++
		return
	case err != nil:
		s.rep.fail("item %s: %v", t.id, err)
		if errors.Is(err, scrape.ErrTimeout) {
			s.timeouts++
		}
		return
	case resp.NotModified:
		etag, lm := state.ETag, state.LastModified
		if resp.ETag != "" || resp.LastModified != "" {
			etag, lm = resp.ETag, resp.LastModified
		}
		if err := s.db.TouchItem(ctx, s.src.ID, t.id, t.fingerprint, etag, lm, s.opts.Now()); err != nil {
			s.rep.fail("item %s: %v", t.id, err)
			return
		}
		s.rep.Unchanged++
		return
	}
	if len(s.pending) == 0 {
		s.pendingSince = time.Now()
	}
	s.pending = append(s.pending, s.parsed(t, resp, page)) // stored by runTasks
}

// flush stores the pending pages, raw bytes, text and decision, in one
// transaction, and counts them. Pages in hand are stored even when the run
// is being interrupted: what was fetched is kept.
func (s *harvester) flush(ctx context.Context) {
	if len(s.pending) == 0 {
		return
	}
	fs := s.pending
	s.pending = nil
	changes, err := s.db.SaveItems(context.WithoutCancel(ctx), fs)
	if err != nil {
		// The source stops with this error (Run says it); the items are
		// not listed again.
		s.rep.Failed += len(fs)
		s.storeErr = err
		return
	}
	for _, c := range changes {
		switch c {
		case store.ChangeNew:
			s.rep.New++
		case store.ChangeChanged:
			s.rep.Changed++
		default:
			s.rep.Unchanged++
		}
	}
}

// parsed parses a fetched page into what the archive keeps of it.
func (s *harvester) parsed(t task, resp *scrape.Response, page scrape.Page) store.Fetched {
	d := parse.Read(ParserInput(page, t.feedTitle, s.src.Organization))
	meeting, pos, _ := scrape.SplitItemID(t.id)
	return store.Fetched{
		SourceID:        s.src.ID,
		ItemID:          t.id,
		MeetingID:       meeting,
		Position:        pos,
		URL:             t.url,
		FetchedAt:       s.opts.Now(),
		Status:          resp.Status,
		ContentType:     resp.ContentType,
		ETag:            resp.ETag,
		LastModified:    resp.LastModified,
		Raw:             resp.Body,
		Text:            page.FullText(),
		FeedFingerprint: t.fingerprint,
		FeedTitle:       t.feedTitle,
		Extracted:       Record(page),
		Decision:        d,
		ParserVersion:   parse.Version,
	}
}

// due reports whether a known item must be fetched again.
func (s *harvester) due(t task, state store.ItemState) bool {
	if state.Gone {
		return true
	}
	if t.fingerprint != "" && t.fingerprint != state.FeedFingerprint {
		return true
	}
	if s.opts.Recheck > 0 && state.Document == string(parse.DocumentAgenda) && state.MeetingDate != "" {
		now := s.opts.Now().UTC()
		return state.MeetingDate < now.Format("2006-01-02") && now.Sub(state.LastChecked) >= s.opts.Recheck
	}
	return false
}

// fetchItem fetches an item page and checks that it is the item asked for,
// asking once more if it is not.
func (s *harvester) fetchItem(ctx context.Context, id string, req scrape.Request, feedTitle string) (*scrape.Response, scrape.Page, error) {
	var lastErr error
	for attempt := 0; attempt < 2; attempt++ {
		resp, err := s.c.Get(ctx, req)
		if err != nil {
			return nil, scrape.Page{}, err
		}
		if resp.NotModified {
			return resp, scrape.Page{}, nil
		}
		page, err := scrape.ExtractPage(resp.Body, resp.ContentType, extractOptions)
		if err != nil {
			return nil, scrape.Page{}, fmt.Errorf("extract %s: %w", req.URL, err)
		}
		if err := checkIdentity(id, feedTitle, page); err != nil {
			lastErr = err
			// The wrong page says nothing of the right one's validators.
			req.ETag, req.LastModified = "", ""
			continue
		}
		if page.Flat {
			s.rep.Warnings = append(s.rep.Warnings, fmt.Sprintf("%s is nested deeper than an HTML tree goes (512 open elements): archived, its text read without the page's structure", id))
		}
		return resp, page, nil
	}
	return nil, scrape.Page{}, lastErr
}

// checkIdentity compares what the page says it is with what was asked for:
// its own item id when it links to itself, else whether the feed's title
// stands in its text. Titles are compared as letters and digits only, since
// feeds and pages differ in case, spacing and dashes, and the page title is
// only a guess; a feed title may also be cut short.
func checkIdentity(id, feedTitle string, page scrape.Page) error {
	if strings.TrimSpace(page.FullText()) == "" {
		return fmt.Errorf("%s: the page has no text", id)
	}
	if page.ItemID != "" {
		if page.ItemID != id {
			return fmt.Errorf("%w: asked for %s, got %s", ErrWrongItem, id, page.ItemID)
		}
		return nil
	}
	want := []rune(parse.TitleKey(feedTitle))
	if len(want) > 40 {
		want = want[:40]
	}
	if len(want) >= 8 && !strings.Contains(parse.TitleKey(page.FullText()), string(want)) {
		return fmt.Errorf("%w: asked for %s %q, the page does not mention it", ErrWrongItem, id, feedTitle)
	}
	return nil
}

// meeting reads a meeting page (from the meetings feed or a backfill list)
// and syncs the items it lists that the archive does not have yet.
func (s *harvester) meeting(ctx context.Context, meetingURL, fingerprint string) {
	if fingerprint != "" {
		seen, err := s.db.EntryFingerprint(ctx, s.src.ID, meetingURL)
		if err != nil {
			s.rep.fail("meeting %s: %v", meetingURL, err)
			return
		}
		if seen == fingerprint {
			return
		}
	}
	etag, lm, err := s.db.Validators(ctx, meetingURL)
	if err != nil {
		s.rep.fail("meeting %s: %v", meetingURL, err)
		return
	}
	resp, err := s.c.Get(ctx, scrape.Request{URL: meetingURL, ETag: etag, LastModified: lm})
	if err != nil {
		if ctx.Err() == nil {
			s.rep.fail("meeting %s: %v", meetingURL, err)
		}
		return
	}
	before := s.settled()
	if !resp.NotModified {
		s.rep.Pages++
		text, _, _, err := scrape.DecodeBytes(resp.Body, resp.ContentType)
		if err != nil {
			s.rep.fail("meeting %s: %v", meetingURL, err)
			return
		}
		var tasks []task
		for _, l := range scrape.ExtractLinks(s.base, text) {
			if l.Kind == scrape.LinkItem {
				tasks = append(tasks, task{id: l.ID, url: l.URL})
			}
		}
		s.runTasks(ctx, "items", tasks)
		if s.stopped(ctx) || s.settled() != before {
			return
		}
		s.saveValidators(ctx, meetingURL, resp)
	}
	if fingerprint != "" {
		if err := s.db.SetEntryFingerprint(ctx, s.src.ID, meetingURL, fingerprint, s.opts.Now()); err != nil {
			s.rep.fail("meeting %s: %v", meetingURL, err)
		}
	}
}

// maxBackfillPages bounds the list pages one backfill reads, so that a site
// whose pages link to each other without end cannot keep a sync going.
const maxBackfillPages = 5000

// backfill walks the list pages: the front page and body lists lead to each
// body's meeting list, which leads to meetings, which lead to items. Links
// are found by their URL pattern, whatever the markup around them.
func (s *harvester) backfill(ctx context.Context) {
	s.progress("backfill", "", 0)
	visited := map[string]bool{}
	queue := []scrape.Link{{Kind: scrape.LinkBodies, URL: scrape.PageURL(s.base, "meeting_frames", "")}}
	var meetings []scrape.Link
	listPages := 0 // meetings are marked visited too, but do not count here
	defer func() {
		if len(queue) > 0 && listPages >= maxBackfillPages {
			s.rep.Warnings = append(s.rep.Warnings, fmt.Sprintf("backfill stopped at its limit of %d list pages; %d more were not read", maxBackfillPages, len(queue)))
		}
	}()
	for len(queue) > 0 && listPages < maxBackfillPages {
		if s.stopped(ctx) {
			return
		}
		l := queue[0]
		queue = queue[1:]
		if visited[l.URL] {
			continue
		}
		visited[l.URL] = true
		listPages++
		// List pages are read whole every time: a 304 would hide meetings an
		// earlier backfill skipped for an older --since.
		resp, err := s.c.Get(ctx, scrape.Request{URL: l.URL})
		if err != nil && listPages == 1 && errors.Is(err, scrape.ErrNotFound) {
			// No list of bodies on this site (some installs publish only
			// feeds): the meetings feed, already read, is all there is.
			s.rep.Warnings = append(s.rep.Warnings, fmt.Sprintf("backfill: the list of bodies (%s) is not found; only the meetings the feeds list were synced", l.URL))
			continue
		}
		if err != nil {
			if ctx.Err() == nil {
				s.rep.fail("list page %s: %v", l.URL, err)
			}
			continue
		}
		s.rep.Pages++
		text, _, _, err := scrape.DecodeBytes(resp.Body, resp.ContentType)
		if err != nil {
			s.rep.fail("list page %s: %v", l.URL, err)
			continue
		}
		for _, next := range scrape.ExtractLinks(s.base, text) {
			switch next.Kind {
			case scrape.LinkBodies, scrape.LinkMeetings:
				if !visited[next.URL] {
					queue = append(queue, next)
				}
			case scrape.LinkMeeting:
				if !visited[next.URL] && s.wanted(next) {
					visited[next.URL] = true
					meetings = append(meetings, next)
				}
			}
		}
	}
	for _, m := range meetings {
		if s.stopped(ctx) {
			return
		}
		s.progress("backfill", "", 0)
		s.meeting(ctx, m.URL, "")
	}
}

// wanted applies --since to a meeting link: by the date in its link text
// when there is one, else by the year its id starts with.
func (s *harvester) wanted(l scrape.Link) bool {
	if s.opts.Since == "" {
		return true
	}
	if d, ok := parse.FindDate(l.Text); ok {
		return d >= s.opts.Since
	}
	if len(l.ID) >= 4 {
		return l.ID[:4] >= s.opts.Since[:4]
	}
	return true
}
