package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/store"
)

type showOptions struct {
	json bool
	text bool
}

func (a *app) newShowCmd() *cobra.Command {
	opts := &showOptions{}
	cmd := &cobra.Command{
		Use:   "show ID|URL",
		Short: "Show one archived decision in full",
		Long: `Show one archived decision in full: every parsed field, every handling, and
the archived versions (revisions) of its page, with any reparse changes.

ID is SOURCE/ITEM-ID, as search and export print it (virolahti/2023277-5):
the source's name, a slash, and Dynasty's item id. The page URL works too, in
any spelling (parameter order, explicit port).`,
		Example: `  minutes show virolahti/2023277-5
  minutes show 'https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5'
  minutes show --json virolahti/2023277-5 | jq .decision.handlings`,
		Args: exactArgs(1, "show takes one ID (SOURCE/ITEM-ID) or item URL"),
		RunE: func(cmd *cobra.Command, args []string) error { return a.runShow(cmd.Context(), opts, args[0]) },
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print one JSON object")
	cmd.Flags().BoolVar(&opts.text, "text", false, "also print the page text of the current revision")
	return cmd
}

// showJSON is the documented JSON shape of show.
type showJSON struct {
	ID            string         `json:"id"`
	Source        string         `json:"source"`
	ItemID        string         `json:"item_id"`
	URL           string         `json:"url"`
	FirstSeen     string         `json:"first_seen"`
	LastChecked   string         `json:"last_checked"`
	Gone          bool           `json:"gone"`
	ParserVersion int            `json:"parser_version"`
	Decision      parse.Decision `json:"decision"`
	Revisions     []revisionJSON `json:"revisions"`
	Reparses      []reparseJSON  `json:"reparses"`
	Matter        matterJSON     `json:"matter"`
	Text          *string        `json:"text,omitempty"`
}

type revisionJSON struct {
	ID            int64  `json:"id"`
	FetchedAt     string `json:"fetched_at"`
	HTTPStatus    int    `json:"http_status"`
	ContentType   string `json:"content_type"`
	ContentHash   string `json:"content_hash"`
	Bytes         int    `json:"bytes"`
	ParserVersion int    `json:"parser_version"`
}

type reparseJSON struct {
	At               string   `json:"at"`
	RevisionID       int64    `json:"revision_id"`
	OldParserVersion int      `json:"old_parser_version"`
	NewParserVersion int      `json:"new_parser_version"`
	Fields           []string `json:"fields"`
}

// matterJSON is the matter an item handles: its key (as export's matter
// column) and every archived handling of it, this one included.
type matterJSON struct {
	Key       string         `json:"key"`
	Handlings []handlingJSON `json:"handlings"`
}

type handlingJSON struct {
	ID      string  `json:"id"`
	Date    *string `json:"date"`
	Body    *string `json:"body"`
	Section *int    `json:"section"`
	Title   *string `json:"title"`
	Outcome string  `json:"outcome"`
}

func (a *app) runShow(ctx context.Context, opts *showOptions, ref string) error {
	db, err := a.openReadOnly(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	it, err := db.ItemByRef(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no archived item %q (IDs look like SOURCE/ITEM-ID, e.g. virolahti/2023277-5; 'minutes search' prints them)", ref)
	}
	if err != nil {
		return err
	}
	revs, err := db.Revisions(ctx, it.SourceID, it.ItemID)
	if err != nil {
		return err
	}
	log, err := db.ReparseLog(ctx, it.ID)
	if err != nil {
		return err
	}
	out := showJSON{ID: store.PublicID(it.SourceName, it.ItemID), Source: it.SourceName, ItemID: it.ItemID, URL: it.URL,
		FirstSeen: formatTime(it.FirstSeen), LastChecked: formatTime(it.LastChecked), Gone: it.Gone,
		ParserVersion: it.ParserVersion, Decision: it.Decision, Revisions: []revisionJSON{}, Reparses: []reparseJSON{}}
	for _, r := range revs {
		out.Revisions = append(out.Revisions, revisionJSON{ID: r.ID, FetchedAt: formatTime(r.FetchedAt), HTTPStatus: r.Status,
			ContentType: r.ContentType, ContentHash: r.ContentHash, Bytes: len(r.Raw), ParserVersion: r.ParserVersion})
	}
	for _, e := range log {
		out.Reparses = append(out.Reparses, reparseJSON{At: e.At, RevisionID: e.RevisionID,
			OldParserVersion: e.OldParserVersion, NewParserVersion: e.NewParserVersion, Fields: e.Fields})
	}
	out.Matter = matterJSON{Key: store.MatterKey(it.SourceName, it.ItemID, it.Decision.DiaryNumber), Handlings: []handlingJSON{}}
	matter, err := db.MatterHandlings(ctx, it.SourceID, it.Decision.DiaryNumber)
	if err != nil {
		return err
	}
	for _, h := range matter {
		out.Matter.Handlings = append(out.Matter.Handlings, handlingJSON{ID: h.ID, Date: stringOrNil(h.MeetingDate),
			Body: stringOrNil(h.Body), Section: h.Section, Title: stringOrNil(h.Title), Outcome: string(h.Outcome)})
	}
	if opts.text && len(revs) > 0 {
		out.Text = &revs[len(revs)-1].Text
	}
	if opts.json {
		enc := newJSONEncoder(a.stdout)
		return enc.Encode(out)
	}
	return a.printShow(out)
}

func (a *app) printShow(s showJSON) error {
	var b strings.Builder
	d := s.Decision
	field := func(name, value string) {
		if value == "" {
			value = "-"
		}
		fmt.Fprintf(&b, "%-14s %s\n", name+":", value)
	}
	block := func(name, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n", name)
		for _, line := range strings.Split(text, "\n") {
			fmt.Fprintf(&b, "  %s\n", line)
		}
	}
	field("ID", s.ID)
	field("URL", s.URL)
	field("Title", d.Title)
	field("Organisation", d.Organization)
	field("Body", d.Body)
	field("Document", string(d.Document))
	field("Date", d.MeetingDate)
	field("Section", sectionString(d.Section))
	field("Item number", sectionString(d.ItemNumber))
	field("Diary number", d.DiaryNumber)
	field("Outcome", string(d.Outcome))
	field("Unanimous", boolString(d.Unanimous))
	if d.Votes != nil {
		field("Votes", fmt.Sprintf("yes %d, no %d, blank %d, absent %d", d.Votes.Yes, d.Votes.No, d.Votes.Blank, d.Votes.Absent))
	} else {
		field("Votes", "")
	}
	field("Confidential", strconv.FormatBool(d.Confidential))
	field("Language", d.Language)
	var people []string
	for _, p := range d.Preparers {
		people = append(people, personString(p))
	}
	field("Preparers", strings.Join(people, "; "))
	if d.Presenter != nil {
		field("Presenter", personString(*d.Presenter))
	} else {
		field("Presenter", "")
	}
	field("Disqualified", strings.Join(d.Disqualified, ", "))
	field("Notify", strings.Join(d.Notify, ", "))
	field("Attachments", strings.Join(d.Attachments, "; "))
	field("Warnings", strings.Join(d.Warnings, "; "))
	field("Archived", fmt.Sprintf("first seen %s, last checked %s%s", s.FirstSeen, s.LastChecked, map[bool]string{true: ", gone from the site"}[s.Gone]))
	field("Parser", "version "+strconv.Itoa(s.ParserVersion))
	block("Proposal", d.Proposal)
	block("Decision", d.Decision)
	for i, h := range d.Handlings {
		head := strings.Join(nonEmpty([]string{h.Body, h.Date, sectionPrefix(h.Section), string(h.Outcome)}), " · ")
		fmt.Fprintf(&b, "\nHandling %d: %s\n", i+1, head)
		if h.Proposal != "" {
			fmt.Fprintf(&b, "  Proposal: %s\n", h.Proposal)
		}
		if h.Decision != "" {
			fmt.Fprintf(&b, "  Decision: %s\n", h.Decision)
		}
	}
	if len(s.Matter.Handlings) > 1 {
		fmt.Fprintf(&b, "\nSame matter (diary number %s), %d handlings:\n", d.DiaryNumber, len(s.Matter.Handlings))
		for _, h := range s.Matter.Handlings {
			mark := " "
			if h.ID == s.ID {
				mark = "*"
			}
			line := strings.Join(nonEmpty([]string{deref(h.Date), deref(h.Body), sectionPrefix(h.Section), h.Outcome, deref(h.Title)}), " · ")
			fmt.Fprintf(&b, " %s %s  %s\n", mark, line, h.ID)
		}
	}
	fmt.Fprintf(&b, "\nRevisions (%d):\n", len(s.Revisions))
	for _, r := range s.Revisions {
		fmt.Fprintf(&b, "  #%d  %s  HTTP %d  %d bytes  sha256 %.12s  parser %d\n", r.ID, r.FetchedAt, r.HTTPStatus, r.Bytes, r.ContentHash, r.ParserVersion)
	}
	if len(s.Reparses) > 0 {
		fmt.Fprintf(&b, "\nReparses (%d):\n", len(s.Reparses))
		for _, e := range s.Reparses {
			fmt.Fprintf(&b, "  %s  parser %d → %d  changed: %s\n", e.At, e.OldParserVersion, e.NewParserVersion, strings.Join(e.Fields, ", "))
		}
	}
	if s.Text != nil {
		block("Page text", *s.Text)
	}
	_, err := fmt.Fprint(a.stdout, termSafe(b.String()))
	return err
}

func sectionPrefix(p *int) string {
	if p == nil {
		return ""
	}
	return "§ " + strconv.Itoa(*p)
}

func personString(p parse.Person) string {
	return strings.Join(nonEmpty([]string{strings.TrimSpace(p.Title + " " + p.Name), p.Phone, p.Email}), ", ")
}

// deref is "" for nil.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
