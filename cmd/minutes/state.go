package main

import (
	"context"
	"time"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

// archiveState adapts the store to what scrape.Sync needs for one source,
// and is where a fetched page meets the parser: scrape and store never see
// each other.
type archiveState struct {
	db       *store.DB
	sourceID int64
	org      string // the source's organisation, for pages that name none
	now      func() time.Time
}

var _ scrape.State = (*archiveState)(nil)

func (s *archiveState) Validators(ctx context.Context, url string) (string, string, error) {
	return s.db.Validators(ctx, url)
}

func (s *archiveState) SetValidators(ctx context.Context, url, etag, lastModified string) error {
	return s.db.SetValidators(ctx, url, etag, lastModified, s.now())
}

func (s *archiveState) EntrySeen(ctx context.Context, url string) (string, error) {
	return s.db.EntryFingerprint(ctx, s.sourceID, url)
}

func (s *archiveState) SetEntrySeen(ctx context.Context, url, fingerprint string) error {
	return s.db.SetEntryFingerprint(ctx, s.sourceID, url, fingerprint, s.now())
}

func (s *archiveState) Item(ctx context.Context, itemID string) (scrape.ItemState, error) {
	st, err := s.db.ItemState(ctx, s.sourceID, itemID)
	if err != nil {
		return scrape.ItemState{}, err
	}
	return scrape.ItemState{
		Known:        st.Known,
		Fingerprint:  st.FeedFingerprint,
		ETag:         st.ETag,
		LastModified: st.LastModified,
		Agenda:       st.Document == string(parse.DocumentAgenda),
		MeetingDate:  st.MeetingDate,
		Gone:         st.Gone,
		LastChecked:  st.LastChecked,
	}, nil
}

func (s *archiveState) Save(ctx context.Context, it scrape.FetchedItem) (scrape.Change, error) {
	change, err := s.db.SaveItem(ctx, store.Fetched{
		SourceID:        s.sourceID,
		ItemID:          it.ItemID,
		URL:             it.URL,
		FetchedAt:       s.now(),
		Status:          it.Response.Status,
		ContentType:     it.Response.ContentType,
		ETag:            it.Response.ETag,
		LastModified:    it.Response.LastModified,
		Raw:             it.Response.Body,
		Text:            it.Page.FullText(),
		FeedFingerprint: it.Fingerprint,
		FeedTitle:       it.FeedTitle,
		Decision:        parse.Read(parserInput(it.Page, it.FeedTitle, s.org)),
		ParserVersion:   parse.Version,
	})
	if err != nil {
		return scrape.ChangeUnchanged, err
	}
	switch change {
	case store.ChangeNew:
		return scrape.ChangeNew, nil
	case store.ChangeChanged:
		return scrape.ChangeChanged, nil
	}
	return scrape.ChangeUnchanged, nil
}

func (s *archiveState) Touch(ctx context.Context, itemID, fingerprint, etag, lastModified string) error {
	return s.db.TouchItem(ctx, s.sourceID, itemID, fingerprint, etag, lastModified, s.now())
}

func (s *archiveState) Gone(ctx context.Context, itemID string) error {
	return s.db.MarkGone(ctx, s.sourceID, itemID, s.now())
}
