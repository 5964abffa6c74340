package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
)

// ExportColumns names the columns of an export, in order. They are part of
// the tool's interface: new columns are only ever added at the end.
//
//	id              public id, "<source>/<item id>" (see PublicID)
//	source          source name
//	item_id         Dynasty's item id, "M-k"
//	url             the item page
//	organization    issuing organisation
//	body            deciding body
//	document        minutes or agenda
//	meeting_date    YYYY-MM-DD, empty when unknown
//	section         § number, empty when unknown
//	item_number     agenda item number, empty when unknown
//	title, diary_number, proposal, decision   as written
//	outcome         one of parse.Outcomes
//	unanimous       true / false, empty when the page does not say
//	votes_yes, votes_no, votes_blank, votes_absent   empty when no vote
//	confidential    true / false
//	language        fi or sv
//	fetched_at      when the page version this decision was read from was fetched (UTC)
//	parser_version  parser that made the decision
//	matter          the matter the item is a handling of: "<source>/<diary number>"
//	                (MatterKey), the same for the organisation's other handlings
//	                of it (board, then council; tabled, then decided); the
//	                item's id when the page shows no diary number
//	text            the page text (only with --with-text)
var ExportColumns = []string{
	"id", "source", "item_id", "url", "organization", "body", "document", "meeting_date", "section",
	"item_number", "title", "diary_number", "outcome", "unanimous", "votes_yes", "votes_no", "votes_blank",
	"votes_absent", "confidential", "language", "proposal", "decision", "fetched_at", "parser_version",
	"matter",
}

// MatterKey names the matter an item handles: "<source>/<diary number>"
// ("virolahti/688/02.02.00/2022"), shared by the organisation's handlings of
// one matter; the item's PublicID when it has no diary number.
func MatterKey(sourceName, itemID, diaryNumber string) string {
	if diaryNumber == "" {
		return PublicID(sourceName, itemID)
	}
	return sourceName + "/" + diaryNumber
}

// ExportRow is one decision as exported. Export reuses one value for every
// row: copy what you keep.
type ExportRow struct {
	ID, Source, ItemID, URL, Organization, Body, Document, MeetingDate string
	Section, ItemNumber                                                *int
	Title, DiaryNumber, Outcome                                        string
	Unanimous                                                          *bool
	Votes                                                              *parse.Votes
	Confidential                                                       bool
	Language, Proposal, Decision                                       string
	FetchedAt                                                          time.Time
	ParserVersion                                                      int
	Matter                                                             string
	// Text is the page text, filled only when ExportOptions.WithText.
	Text string
}

// ExportOptions selects the decisions to export: all of them, or those
// matching Query (same language as Search), narrowed by the filter.
type ExportOptions struct {
	Query search.Query // the zero Query selects everything the filter keeps
	Filter
	WithText bool
}

// Export streams the selected decisions, in archive order (item row id), to
// fn, one at a time from one database cursor, so memory stays flat whatever
// the archive size. It stops at the first error fn returns. It returns the
// number of rows passed to fn.
func (db *DB) Export(ctx context.Context, opts ExportOptions, fn func(*ExportRow) error) (n int, err error) {
	// fn's own error comes back as fn gave it; the archive's are wrapped once.
	var fnErr error
	defer func() {
		if err != nil && err != fnErr {
			err = fmt.Errorf("export: %w", err)
		}
	}()
	if err := opts.Filter.Validate(); err != nil {
		return 0, err
	}
	where, args := opts.Filter.where()
	text := `''`
	if opts.WithText {
		text = `coalesce(r.text, '')`
	}
	cols := `s.name, i.item_id, i.url, d.organization, d.body, d.document, coalesce(d.meeting_date, ''), d.section,
		d.item_number, d.title, d.diary_number, d.outcome, d.unanimous, d.votes_yes, d.votes_no, d.votes_blank,
		d.votes_absent, d.confidential, d.language, d.proposal, d.decision, r.fetched_at, d.parser_version, ` + text
	joins := `JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id
		LEFT JOIN revisions r ON r.id = d.revision_id`
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var query string
	if !opts.Query.IsZero() {
		// The same words match as in Search: compounds through the
		// archive's vocabulary too.
		q, err := opts.Query.Expand(vocab{ctx, tx})
		if err != nil {
			return 0, fmt.Errorf("query %q: %w", opts.Query, err)
		}
		query = `SELECT ` + cols + ` FROM search JOIN decisions d ON d.item_rowid = search.rowid ` + joins +
			` WHERE search MATCH ? AND ` + where + ` ORDER BY search.rowid`
		args = append([]any{matchExpr(q, allColumns, false)}, args...)
	} else {
		query = `SELECT ` + cols + ` FROM decisions d ` + joins + ` WHERE ` + where + ` ORDER BY d.item_rowid`
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var row ExportRow
	var section, itemNumber, yes, no, blank, absent sql.NullInt64
	var unanimous sql.NullBool
	var fetched sql.NullString
	for rows.Next() {
		if err := rows.Scan(&row.Source, &row.ItemID, &row.URL, &row.Organization, &row.Body, &row.Document,
			&row.MeetingDate, &section, &itemNumber, &row.Title, &row.DiaryNumber, &row.Outcome, &unanimous,
			&yes, &no, &blank, &absent, &row.Confidential, &row.Language, &row.Proposal, &row.Decision,
			&fetched, &row.ParserVersion, &row.Text); err != nil {
			return n, err
		}
		row.ID = PublicID(row.Source, row.ItemID)
		row.Matter = MatterKey(row.Source, row.ItemID, row.DiaryNumber)
		row.Section, row.ItemNumber, row.Unanimous = intPtr(section), intPtr(itemNumber), boolPtr(unanimous)
		row.Votes = votesOf(yes, no, blank, absent)
		if row.FetchedAt, err = parseTime(fetched); err != nil {
			return n, fmt.Errorf("%s: %w", row.ID, err)
		}
		if err := fn(&row); err != nil {
			fnErr = err
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	return n, tx.Commit()
}

// ItemByRef finds an item by its public id ("virolahti/2023277-5", see
// PublicID) or by its page URL as printed by search or pasted from a
// browser (any parameter order, with or without an explicit port).
func (db *DB) ItemByRef(ctx context.Context, ref string) (Item, error) {
	ref = strings.TrimSpace(ref)
	if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") {
		return db.itemByURL(ctx, ref)
	}
	i := strings.LastIndex(ref, "/")
	if i <= 0 || i == len(ref)-1 {
		return Item{}, fmt.Errorf("item %q: want SOURCE/ITEM-ID or an item URL: %w", ref, ErrNotFound)
	}
	src, err := db.SourceByName(ctx, ref[:i])
	if err != nil {
		return Item{}, fmt.Errorf("item %q: %w", ref, err)
	}
	return db.Item(ctx, src.ID, ref[i+1:])
}

func (db *DB) itemByURL(ctx context.Context, raw string) (Item, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Item{}, fmt.Errorf("item URL %q: %w", raw, ErrNotFound)
	}
	itemID := u.Query().Get("id")
	var sourceID int64
	var foundID string
	err = db.db.QueryRowContext(ctx, `SELECT source_id, item_id FROM items WHERE url = ? LIMIT 1`, raw).Scan(&sourceID, &foundID)
	if err == sql.ErrNoRows && itemID != "" {
		// Another spelling of the URL: find the source whose base URL it
		// starts with, once canonical (port and case of host dropped).
		base := raw
		if j := strings.Index(strings.ToLower(raw), "/cgi/"); j > 0 {
			base = raw[:j]
		}
		canon, cerr := CanonicalBaseURL(base)
		if cerr != nil {
			return Item{}, fmt.Errorf("item URL %q: %w", raw, ErrNotFound)
		}
		err = db.db.QueryRowContext(ctx, `SELECT i.source_id, i.item_id FROM items i JOIN sources s ON s.id = i.source_id
			WHERE s.base_url = ? AND i.item_id = ?`, canon, itemID).Scan(&sourceID, &foundID)
	}
	if err == sql.ErrNoRows {
		return Item{}, fmt.Errorf("item URL %s: %w", raw, ErrNotFound)
	}
	if err != nil {
		return Item{}, fmt.Errorf("item URL %s: %w", raw, err)
	}
	return db.Item(ctx, sourceID, foundID)
}
