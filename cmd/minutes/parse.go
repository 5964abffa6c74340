package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/harvest"
	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
)

type parseOptions struct {
	json bool
	text bool
}

func (a *app) newParseCmd() *cobra.Command {
	opts := &parseOptions{}
	cmd := &cobra.Command{
		Use:   "parse [--json] FILE|URL...",
		Short: "Parse saved or live meeting-item pages into decisions",
		Long: `Parse meeting-item pages into structured decisions, without touching the archive.

Each input is a saved page: .html/.htm as served by Dynasty (any charset), or
.txt page text; "-" reads standard input. An http(s) URL is fetched politely.
Without --json a readable summary is printed; with --json exactly one JSON
object per input, one per line, with the fields documented in README.md.
Inputs that cannot be read are reported on stderr and the exit status is 1.`,
		Example: `  minutes parse testdata/seeds/000_80952cb9c12cec3f.txt
  minutes parse --json page.html | jq .outcome
  minutes parse --json 'https://dynasty.virolahti.fi/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("parse needs at least one FILE or URL (\"-\" for standard input)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return a.runParse(cmd.Context(), opts, args) },
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "one JSON object per input, one per line")
	cmd.Flags().BoolVar(&opts.text, "text", false, "print the extracted page text instead of parsing it")
	return cmd
}

func (a *app) runParse(ctx context.Context, opts *parseOptions, args []string) error {
	var client *scrape.Client
	failed := 0
	enc := newJSONEncoder(a.stdout)
	for _, in := range args {
		var page scrape.Page
		var err error
		if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
			if client == nil {
				client = scrape.NewClient(scrape.ClientOptions{UserAgent: scrape.DefaultUserAgent, Robots: true, Logger: a.log})
			}
			page, err = fetchPage(ctx, client, in)
		} else {
			page, err = a.readPage(in)
		}
		if err != nil {
			failed++
			fmt.Fprintf(a.stderr, "minutes: parse %s: %s\n", termSafe(in), termSafe(err.Error()))
			if opts.json {
				// One line per input: the ones that failed say why.
				if err := enc.Encode(struct {
					Input string `json:"input"`
					Error string `json:"error"`
				}{in, err.Error()}); err != nil {
					return err
				}
			}
			continue
		}
		if opts.text {
			fmt.Fprintln(a.stdout, termSafe(page.FullText()))
			continue
		}
		d := parse.Read(harvest.ParserInput(page, "", ""))
		if opts.json {
			if err := enc.Encode(d); err != nil {
				return err
			}
			continue
		}
		var b strings.Builder
		printDecision(&b, in, d)
		fmt.Fprint(a.stdout, termSafe(b.String()))
	}
	if failed > 0 {
		return codeError{exitError, fmt.Errorf("%d of %d input(s) could not be parsed", failed, len(args))}
	}
	return nil
}

func fetchPage(ctx context.Context, c *scrape.Client, raw string) (scrape.Page, error) {
	resp, err := c.Get(ctx, scrape.Request{URL: raw})
	if err != nil {
		return scrape.Page{}, err
	}
	if harvest.IsPlainText(resp.ContentType) {
		text, _, _, err := scrape.DecodeBytes(resp.Body, resp.ContentType)
		return scrape.Page{Text: text}, err
	}
	return harvest.Extract(resp.Body, resp.ContentType)
}

// maxPageFile bounds what parse reads from one file: a meeting item is a few
// hundred kilobytes at most.
const maxPageFile = 64 << 20

// readPage reads a saved page: HTML is extracted, anything else is a page text.
func (a *app) readPage(name string) (scrape.Page, error) {
	var r io.Reader
	if name == "-" {
		r = a.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return scrape.Page{}, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxPageFile+1))
	if err != nil {
		return scrape.Page{}, err
	}
	if len(data) > maxPageFile {
		return scrape.Page{}, errors.New("file larger than 64 MiB; not a meeting-item page")
	}
	if kind := notAPage(data); kind != "" {
		return scrape.Page{}, fmt.Errorf("%s, not a meeting-item page (save the page as HTML or text)", kind)
	}
	if looksHTML(name, data) {
		return harvest.Extract(data, "")
	}
	text, _, _, err := scrape.DecodeBytes(data, "text/plain")
	return scrape.Page{Text: text}, err
}

// notAPage names what a file is when it is plainly not a page: files users
// pass by mistake (the archive itself, a meeting's PDF), binary data.
func notAPage(data []byte) string {
	head := data[:min(len(data), 4096)]
	switch {
	case bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return "an SQLite database"
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "a PDF document"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a zip archive (or an Office document)"
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return "gzip-compressed data"
	case bytes.IndexByte(head, 0) >= 0:
		return "binary data"
	}
	return ""
}

func looksHTML(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return true
	case ".txt":
		return false
	}
	return harvest.LooksHTML(data)
}

// printDecision writes the readable summary of one decision.
func printDecision(w io.Writer, name string, d parse.Decision) {
	fmt.Fprintf(w, "== %s\n", name)
	field := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "  %-13s %s\n", label, value)
		}
	}
	field("organisation", d.Organization)
	field("body", d.Body)
	field("document", string(d.Document))
	meeting := d.MeetingDate
	if d.Section != nil {
		meeting = strings.TrimSpace(fmt.Sprintf("%s § %d", meeting, *d.Section))
	}
	if d.ItemNumber != nil {
		meeting = strings.TrimSpace(fmt.Sprintf("%s item %d", meeting, *d.ItemNumber))
	}
	field("meeting", meeting)
	field("title", d.Title)
	field("diary number", d.DiaryNumber)
	for i, p := range d.Preparers {
		label := ""
		if i == 0 {
			label = "prepared by"
		}
		fmt.Fprintf(w, "  %-13s %s\n", label, personLine(p))
	}
	if d.Presenter != nil {
		field("presenter", personLine(*d.Presenter))
	}
	outcome := string(d.Outcome)
	if d.Unanimous != nil {
		if *d.Unanimous {
			outcome += ", unanimous"
		} else {
			outcome += ", not unanimous"
		}
	}
	field("outcome", outcome)
	if d.Votes != nil {
		field("votes", fmt.Sprintf("yes %d, no %d, blank %d, absent %d", d.Votes.Yes, d.Votes.No, d.Votes.Blank, d.Votes.Absent))
	}
	field("disqualified", strings.Join(d.Disqualified, ", "))
	if d.Confidential {
		field("confidential", "yes")
	}
	for i, h := range d.Handlings {
		label := ""
		if i == 0 {
			label = "handlings"
		}
		sec := ""
		if h.Section != nil {
			sec = fmt.Sprintf(" § %d", *h.Section)
		}
		fmt.Fprintf(w, "  %-13s %s %s%s: %s\n", label, h.Body, h.Date, sec, h.Outcome)
	}
	field("proposal", shorten(d.Proposal, 300))
	field("decision", shorten(d.Decision, 300))
	field("notify", strings.Join(d.Notify, "; "))
	field("attachments", strings.Join(d.Attachments, "; "))
	field("language", d.Language)
	for _, wmsg := range d.Warnings {
		field("warning", wmsg)
	}
}

func personLine(p parse.Person) string {
	s := p.Name
	if p.Title != "" {
		s += " (" + p.Title + ")"
	}
	for _, extra := range []string{p.Phone, p.Email} {
		if extra != "" {
			s += ", " + extra
		}
	}
	return s
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
