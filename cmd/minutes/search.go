package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/search"
	"github.com/minutes-fi/minutes/store"
)

// Snippet marks for pipes, and for a terminal (bold).
const (
	markOpen, markClose = "[[", "]]"
	boldOn, boldOff     = "\x1b[1m", "\x1b[22m"
)

type searchOptions struct {
	filterFlags
	limit  int
	format string
}

func (a *app) newSearchCmd() *cobra.Command {
	opts := &searchOptions{filterFlags: filterFlags{query: true}}
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search the archived decisions, Finnish-aware",
		Long: `Search the archived decisions and print the best matches first: organisation,
body, date, §, title, outcome, a snippet with the matching words marked, and the
page URL.

Words match in any inflection and as the last part of a compound: sopimus
finds sopimusta, sopimuksen and yhteistyösopimus; hyvinvointialue finds
hyvinvointialueiden; hyväksyä finds hyväksyttiin. ä and ö are not a and o.
A compound also finds its parts written apart (yhteistyösopimus: yhteistyön
sopimus), a word the compounds it begins (kiinteistöveron:
kiinteistöveroprosentit), and a term of municipal administration what the
thesaurus calls the same, in Finnish and Swedish (budjetti: talousarvio,
budget). --explain says which.

  word word        both words
  "a phrase"       these words in this order (each in any inflection)
  -word            without this word (also NOT word, -"a phrase"); after ja,
                   tai or sekä it ends a compound written in part instead
                   (hyvinvointikertomus ja -suunnitelma)
  a OR b           either
Other punctuation is ignored. A query that starts with - needs -- before it
(minutes search -- -vuokra sopimus). Title words weigh most in the ranking; a query
matching more than 2000 decisions ranks the 2000 most recently archived, and
words that common are matched in their inflected forms but not inside
compounds.

Snippets mark matches with [[ ]] in pipes and in bold on a terminal.
--format table prints a readable list on a terminal and tab-separated values
in a pipe; tsv, csv (RFC 4180) and json (one object per line) are the same
columns: rank, id, organization, body, date, section, title, outcome,
snippet, url. The id is SOURCE/ITEM-ID, as 'minutes show' takes it.`,
		Example: `  minutes search yhteistyösopimus
  minutes search '"jätettiin pöydälle"' --since 2024-01-01 --org virolahti
  minutes search hyvinvointialue --outcome approved,amended --format csv > hits.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("search needs a QUERY")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runSearch(cmd.Context(), opts, strings.Join(args, " "))
		},
	}
	opts.register(cmd)
	cmd.Flags().IntVar(&opts.limit, "limit", 20, "show at most this many results")
	cmd.Flags().StringVar(&opts.format, "format", "table", "table, tsv, csv or json")
	completeWith(cmd, "format", "table", "tsv", "csv", "json")
	return cmd
}

// hitJSON is the documented JSON shape of a search result.
type hitJSON struct {
	Rank         int     `json:"rank,omitempty"` // search's; watch news has none
	ID           string  `json:"id"`
	Organization *string `json:"organization"`
	Body         *string `json:"body"`
	Date         *string `json:"date"`
	Section      *int    `json:"section"`
	Title        *string `json:"title"`
	Outcome      string  `json:"outcome"`
	Snippet      string  `json:"snippet"`
	URL          string  `json:"url"`
}

// hitColumns are the columns of a hit in tsv and csv, after the rank
// (search) or the watch's (watch news); hitCells are a hit's values.
var hitColumns = []string{"id", "organization", "body", "date", "section", "title", "outcome", "snippet", "url"}

func hitCells(h store.Hit) []string {
	return []string{h.ID, h.Organization, h.Body, h.MeetingDate, sectionString(h.Section), h.Title, string(h.Outcome),
		h.Snippet.Marked(markOpen, markClose), h.URL}
}

func toHitJSON(rank int, h store.Hit) hitJSON {
	return hitJSON{Rank: rank, ID: h.ID, Organization: stringOrNil(h.Organization), Body: stringOrNil(h.Body),
		Date: stringOrNil(h.MeetingDate), Section: h.Section, Title: stringOrNil(h.Title), Outcome: string(h.Outcome),
		Snippet: h.Snippet.Marked(markOpen, markClose), URL: h.URL}
}

func (a *app) runSearch(ctx context.Context, opts *searchOptions, query string) error {
	if err := validFormat("format", opts.format, "table", "tsv", "csv", "json"); err != nil {
		return err
	}
	if opts.limit <= 0 {
		return usagef("--limit %d: want a number above 0", opts.limit)
	}
	db, f, q, err := a.openQuery(ctx, &opts.filterFlags, query, false)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Search(ctx, store.SearchOptions{Query: q, Filter: f, Limit: opts.limit})
	if err != nil {
		return queryError(err)
	}
	a.explainQuery(res.Query, opts.explain)
	if len(res.Hits) == 0 {
		fmt.Fprintf(a.stderr, "No decisions match %s.\n", res.Query)
	}
	if res.ExactOnly {
		fmt.Fprintf(a.stderr, "The words are common: matched in their inflected forms, not inside compounds.\n")
	}
	if res.Windowed {
		fmt.Fprintf(a.stderr, "More than 2000 decisions match; the 2000 most recently archived were ranked. Narrow the query or add filters.\n")
	}
	switch {
	case opts.format == "table" && a.stdoutTTY:
		return a.printHitsTerminal(res.Hits, nil)
	case opts.format == "json":
		enc := newJSONEncoder(a.stdout)
		for i, h := range res.Hits {
			if err := enc.Encode(toHitJSON(i+1, h)); err != nil {
				return err
			}
		}
		return nil
	}
	header := append([]string{"rank"}, hitColumns...)
	var rows [][]string
	for i, h := range res.Hits {
		rows = append(rows, append([]string{strconv.Itoa(i + 1)}, hitCells(h)...))
	}
	if opts.format == "csv" {
		return writeCSV(a, header, rows)
	}
	return writeTSV(a, header, rows)
}

// printHitsTerminal prints one short block per hit, each line cut to the
// terminal width.
// notes, if given, adds a word to each hit's line of facts.
func (a *app) printHitsTerminal(hits []store.Hit, notes []string) error {
	w := a.width()
	open, close := markOpen, markClose
	if a.color() {
		open, close = boldOn, boldOff
	}
	for i, h := range hits {
		num := fmt.Sprintf("%2d. ", i+1)
		indent := strings.Repeat(" ", len(num))
		h.Title, h.Organization, h.Body, h.URL = termSafe(h.Title), termSafe(h.Organization), termSafe(h.Body), termSafe(h.URL)
		h.Snippet.Text = termSafe(h.Snippet.Text)                // same length: the marks stay right
		meta := []string{termSafe(h.ID), h.Organization, h.Body} // the id 'minutes show' takes
		when := h.MeetingDate
		if h.Section != nil {
			when += " § " + strconv.Itoa(*h.Section)
		}
		meta = append(meta, strings.TrimSpace(when), string(h.Outcome))
		if i < len(notes) {
			meta = append(meta, termSafe(notes[i]))
		}
		lines := []string{
			num + truncate(h.Title, w-len(num)),
			indent + truncate(strings.Join(nonEmpty(meta), " · "), w-len(indent)),
			indent + markedTruncate(h.Snippet, w-len(indent), open, close),
			indent + truncate(h.URL, w-len(indent)),
		}
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		for _, l := range lines {
			if _, err := fmt.Fprintln(a.stdout, l); err != nil {
				return err
			}
		}
	}
	return nil
}

// markedTruncate cuts a snippet to n visible runes, then marks it; marks
// are not counted, as escapes take no room on the screen.
func markedTruncate(s search.Snippet, n int, open, close string) string {
	if utf8.RuneCountInString(s.Text) > n {
		cut := len(strings.TrimRight(string([]rune(s.Text)[:n-1]), " "))
		var marks []search.Span
		for _, m := range s.Marks {
			if m.End <= cut {
				marks = append(marks, m)
			}
		}
		s = search.Snippet{Text: s.Text[:cut] + "…", Marks: marks}
	}
	return s.Marked(open, close)
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
