package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gorilla/feeds"
	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/search"
	"github.com/minutes-fi/minutes/store"
)

func (a *app) newWatchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "watch",
		Short: "Saved searches that report what each sync brings",
		Long: `A watch is a saved search. Every 'minutes sync' records the new and changed
decisions that match each watch; 'minutes watch news' prints those it has not
printed before, so that a nightly cron job mails exactly what is new:

  15 5 * * *  minutes sync --quiet; minutes watch news

(cron mails a job's output; news prints nothing when nothing is new. Use ';'
rather than '&&': a sync with one failing source exits 3, and the news of the
others should still come.)

'minutes watch feed NAME -o FILE' writes the watch's matches as an Atom feed
for a feed reader or a web server.`,
		Example: `  minutes watch add tuulivoima 'tuulivoima osayleiskaava' --outcome approved,amended
  minutes watch add soteyhteistyo yhteistyösopimus --org porvoo
  minutes watch list
  minutes watch news
  minutes watch feed tuulivoima -o /var/www/feeds/tuulivoima.xml
  minutes watch remove soteyhteistyo`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.newWatchAddCmd(), a.newWatchListCmd(), a.newWatchRemoveCmd(), a.newWatchNewsCmd(), a.newWatchFeedCmd())
	return cmd
}

func (a *app) newWatchAddCmd() *cobra.Command {
	flags := &filterFlags{}
	cmd := &cobra.Command{
		Use:   "add NAME QUERY",
		Short: "Save a search as a watch",
		Long: `Save QUERY (the query language of 'minutes search') with its filters under NAME.
From now on every sync records the decisions it archives or finds changed that
match; those already in the archive are not news ('minutes search' shows them).`,
		Example: `  minutes watch add tuulivoima 'tuulivoima osayleiskaava'
  minutes watch add te24 'TE-palvelut 2024' --outcome approved,amended --since 2023-01-01`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("watch add needs a NAME and a QUERY: minutes watch add tuulivoima 'tuulivoima osayleiskaava'")
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runWatchAdd(cmd.Context(), flags, args[0], strings.Join(args[1:], " "))
		},
	}
	flags.register(cmd)
	return cmd
}

func (a *app) runWatchAdd(ctx context.Context, flags *filterFlags, name, query string) error {
	if err := validName("watch", name); err != nil {
		return err
	}
	f, err := flags.filter()
	if err != nil {
		return err
	}
	q, err := search.ParseQuery(query)
	if err != nil {
		return queryError(err)
	}
	a.explainQuery(q, false)
	db, _, err := a.openArchive(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.AddWatch(ctx, store.Watch{Name: name, Query: query, Filter: f}); err != nil {
		if errors.Is(err, store.ErrExists) {
			return usagef("a watch named %q exists; 'minutes watch remove %s' first, or choose another name", name, name)
		}
		return err
	}
	fmt.Fprintf(a.stdout, "Watch %s added: %s%s. Each sync records its new matches; 'minutes watch news' prints them.\n",
		name, termSafe(q.String()), termSafe(filterString(f)))
	return nil
}

// filterString describes a filter in the flags' words, "" for none.
func filterString(f store.Filter) string {
	var parts []string
	for _, p := range []struct{ flag, v string }{{"org", f.Organization}, {"body", f.Body}, {"since", f.Since}, {"until", f.Until}} {
		if p.v != "" {
			parts = append(parts, "--"+p.flag+" "+p.v)
		}
	}
	if len(f.Outcomes) > 0 {
		var os []string
		for _, o := range f.Outcomes {
			os = append(os, string(o))
		}
		parts = append(parts, "--outcome "+strings.Join(os, ","))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, " ") + ")"
}

func (a *app) newWatchListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the watches with their match counts",
		Long: `List the watches: name, query and filters, the matches 'watch news' has not
printed yet, all matches recorded, and when the last was recorded. A table on
a terminal, tab-separated values in a pipe.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openReadOnly(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			ws, err := db.Watches(cmd.Context())
			if err != nil {
				return err
			}
			if len(ws) == 0 {
				fmt.Fprintln(a.stderr, "No watches. Add one with: minutes watch add NAME QUERY")
				return nil
			}
			t := a.newTable("NAME", "QUERY", "UNREPORTED", "MATCHES", "LAST MATCH")
			for _, w := range ws {
				t.row(w.Name, w.Query+filterString(w.Filter), strconv.Itoa(w.Unreported), strconv.Itoa(w.Matches), formatTime(w.LastMatch))
			}
			return t.flush()
		},
	}
}

func (a *app) newWatchRemoveCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "remove NAME...",
		Short: "Remove watches and the matches they recorded",
		Long:  `Remove the named watches and their recorded matches. The decisions stay in the archive.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("watch remove needs a NAME ('minutes watch list' shows them)")
			}
			return nil
		},
		ValidArgsFunction: a.completeWatchNames,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			for _, name := range args {
				err := db.RemoveWatch(cmd.Context(), name)
				if errors.Is(err, store.ErrNotFound) {
					return usagef("no watch named %q ('minutes watch list' shows them)", name)
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "Watch %s removed.\n", name)
			}
			return nil
		},
	}
}

// openExisting opens an existing archive for writing: the watch commands
// that only change what is there do not create one.
func (a *app) openExisting(ctx context.Context) (*store.DB, error) {
	path, err := a.archivePath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no archive at %s; run `minutes sync` first: %w", path, store.ErrNoArchive)
	}
	return store.Open(ctx, path)
}

// completeWatchNames completes watch names from the archive, quietly
// offering nothing when there is none.
func (a *app) completeWatchNames(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	db, err := a.openReadOnly(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer db.Close()
	ws, err := db.Watches(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, w := range ws {
		if strings.HasPrefix(w.Name, toComplete) {
			out = append(out, w.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

type watchNewsOptions struct {
	since  string
	format string
}

func (a *app) newWatchNewsCmd() *cobra.Command {
	opts := &watchNewsOptions{}
	cmd := &cobra.Command{
		Use:   "news [NAME]",
		Short: "Print the watches' matches not printed before",
		Long: `Print the decisions that matched each watch (or only NAME) since news was last
asked for, and mark them printed: the next run prints only what later syncs
bring. Nothing is printed when nothing is new, so cron mails only news.

--since DATE looks back instead: every match recorded on or after DATE
(YYYY-MM-DD, or an RFC 3339 time), printed before or not, and marks nothing.

--format table prints a readable list under each watch's name on a terminal and
tab-separated values in a pipe; tsv, csv and json (one object per line) have
the columns watch, change (new, or changed: the page changed after it was
first archived), recorded, id, organization, body, date, section, title,
outcome, snippet, url.`,
		Example: `  minutes watch news
  minutes watch news tuulivoima --since 2025-01-01 --format csv > tuulivoima.csv`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: a.completeWatchNames,
		RunE: func(cmd *cobra.Command, args []string) error {
			name := ""
			if len(args) == 1 {
				name = args[0]
			}
			return a.runWatchNews(cmd.Context(), opts, name)
		},
	}
	cmd.Flags().StringVar(&opts.since, "since", "", "look back: every match recorded on or after this date (YYYY-MM-DD or RFC 3339), marking nothing")
	cmd.Flags().StringVar(&opts.format, "format", "table", "table, tsv, csv or json")
	completeWith(cmd, "format", "table", "tsv", "csv", "json")
	return cmd
}

// parseSince reads a look-back time: a date (midnight UTC) or RFC 3339.
func parseSince(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, usagef("--since %q: want a date YYYY-MM-DD or a time such as 2025-05-12T06:00:00Z", s)
}

// newsJSON is the documented JSON shape of a watch match: the watch, what
// changed and when it was recorded, then a search hit's fields (no rank).
type newsJSON struct {
	Watch    string `json:"watch"`
	Change   string `json:"change"`
	Recorded string `json:"recorded"`
	hitJSON
}

func (a *app) runWatchNews(ctx context.Context, opts *watchNewsOptions, name string) (err error) {
	if err := validFormat("format", opts.format, "table", "tsv", "csv", "json"); err != nil {
		return err
	}
	var no store.NewsOptions
	no.Watch = name
	if opts.since != "" {
		t, err := parseSince(opts.since)
		if err != nil {
			return err
		}
		no.Since = t
	}
	db, err := a.openExisting(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	news, err := db.WatchNews(ctx, no)
	if errors.Is(err, store.ErrNotFound) {
		return usagef("no watch named %q ('minutes watch list' shows them)", name)
	}
	var failed error
	if errors.Is(err, store.ErrWatchFailed) {
		failed, err = err, nil // the others' news is good: printed, then the failure
	}
	if err != nil {
		return err
	}
	if failed != nil {
		defer func() {
			if err == nil {
				err = codeErrorf(a, exitPartial, "%s (the other watches' news is printed)", failed)
			}
		}()
	}
	if len(news) == 0 {
		if a.stderrTTY {
			if ws, err := db.Watches(ctx); err == nil && len(ws) == 0 {
				fmt.Fprintln(a.stderr, "No watches. Add one with: minutes watch add NAME QUERY")
			} else {
				fmt.Fprintln(a.stderr, "Nothing new.")
			}
		}
		return nil
	}
	switch {
	case opts.format == "table" && a.stdoutTTY:
		return a.printNewsTerminal(news)
	case opts.format == "json":
		enc := newJSONEncoder(a.stdout)
		for _, m := range news {
			if err := enc.Encode(newsJSON{Watch: m.Watch, Change: m.Change, Recorded: formatTime(m.Recorded),
				hitJSON: toHitJSON(0, m.Hit)}); err != nil {
				return err
			}
		}
		return nil
	}
	header := append([]string{"watch", "change", "recorded"}, hitColumns...)
	var rows [][]string
	for _, m := range news {
		rows = append(rows, append([]string{m.Watch, m.Change, formatTime(m.Recorded)}, hitCells(m.Hit)...))
	}
	if opts.format == "csv" {
		return writeCSV(a, header, rows)
	}
	return writeTSV(a, header, rows)
}

// printNewsTerminal prints each watch's matches under its name, as search
// prints hits.
func (a *app) printNewsTerminal(news []store.WatchMatch) error {
	for i := 0; i < len(news); {
		j := i
		var hits []store.Hit
		var notes []string
		for ; j < len(news) && news[j].Watch == news[i].Watch; j++ {
			hits = append(hits, news[j].Hit)
			notes = append(notes, news[j].Change)
		}
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		fmt.Fprintf(a.stdout, "%s: %d\n\n", termSafe(news[i].Watch), j-i)
		if err := a.printHitsTerminal(hits, notes); err != nil {
			return err
		}
		i = j
	}
	return nil
}

type watchFeedOptions struct {
	output string
	link   string
	limit  int
}

func (a *app) newWatchFeedCmd() *cobra.Command {
	opts := &watchFeedOptions{}
	cmd := &cobra.Command{
		Use:   "feed NAME -o FILE",
		Short: "Write a watch's matches as an Atom feed",
		Long: `Write the newest matches of watch NAME as an Atom feed (RFC 4287) to FILE,
replacing it whole (a web server never serves half a feed). One entry per
matching page version: the title says organisation, body, date and §, the
entry links to the page, its summary gives the outcome and the start of the
decision. Writing a feed does not change what 'watch news' prints.`,
		Example: `  minutes watch feed tuulivoima -o /var/www/feeds/tuulivoima.xml --link https://example.org/feeds/tuulivoima.xml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("watch feed needs one NAME ('minutes watch list' shows them)")
			}
			return nil
		},
		ValidArgsFunction: a.completeWatchNames,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runWatchFeed(cmd.Context(), opts, args[0])
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "the feed file to write (required)")
	cmd.Flags().StringVar(&opts.link, "link", "", "the address the feed will be served at (its id and self link)")
	cmd.Flags().IntVar(&opts.limit, "limit", 50, "at most this many entries, newest first")
	return cmd
}

func (a *app) runWatchFeed(ctx context.Context, opts *watchFeedOptions, name string) error {
	if strings.TrimSpace(opts.output) == "" {
		return usagef("watch feed needs -o FILE: the Atom file to write")
	}
	if opts.limit <= 0 {
		return usagef("--limit %d: want a number above 0", opts.limit)
	}
	if opts.link != "" {
		if u, err := url.Parse(opts.link); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return usagef("--link %q: want the feed's http(s) address, such as https://example.org/feeds/tuulivoima.xml", opts.link)
		}
	}
	db, err := a.openExisting(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	w, ms, err := db.WatchFeed(ctx, name, opts.limit)
	if errors.Is(err, store.ErrNotFound) {
		return usagef("no watch named %q ('minutes watch list' shows them)", name)
	}
	if err != nil {
		return err
	}
	feed := atomFeed(w, ms, opts.link, a.now())
	file, err := createAtomic(opts.output)
	if err != nil {
		return err
	}
	defer file.abort()
	if err := feeds.WriteXML(feed, file); err != nil {
		return fmt.Errorf("write %s: %w", opts.output, err)
	}
	if err := file.commit(); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "%s: %d entries\n", termSafe(opts.output), len(ms))
	return nil
}

// atomFeed builds the Atom document of a watch's matches, newest first.
// Ids are stable: the feed's is its link (else a URN of the watch's name),
// an entry's the page address with the archived revision as fragment, so
// that a page that changes is a new entry and an old one is not repeated.
func atomFeed(w store.Watch, ms []store.WatchMatch, link string, now time.Time) *feeds.AtomFeed {
	updated := w.Created
	if len(ms) > 0 {
		updated = ms[0].Recorded
	}
	if updated.IsZero() {
		updated = now
	}
	f := &feeds.AtomFeed{
		Xmlns:    "http://www.w3.org/2005/Atom",
		Title:    "minutes: " + w.Name,
		Id:       "urn:minutes:watch:" + w.Name,
		Updated:  updated.UTC().Format(time.RFC3339),
		Subtitle: "Decisions matching " + w.Query + filterString(w.Filter),
		Author:   &feeds.AtomAuthor{AtomPerson: feeds.AtomPerson{Name: "minutes"}},
	}
	if link != "" {
		f.Id = link
		f.Link = &feeds.AtomLink{Href: link, Rel: "self", Type: "application/atom+xml"}
	}
	for _, m := range ms {
		when := m.MeetingDate
		if m.Section != nil {
			when += " § " + strconv.Itoa(*m.Section)
		}
		title := strings.Join(nonEmpty([]string{m.Organization, m.Body, strings.TrimSpace(when)}), " · ")
		if m.Title != "" {
			title += ": " + m.Title
		}
		summary := string(m.Outcome)
		if m.Change == "changed" {
			summary += " (the page changed)"
		}
		if s := strings.TrimSpace(m.Summary); s != "" {
			summary += ". " + truncate(strings.Join(strings.Fields(s), " "), 600)
		}
		f.Entries = append(f.Entries, &feeds.AtomEntry{
			Title:   title, // encoding/xml writes what XML cannot hold as U+FFFD
			Id:      m.URL + "#minutes-revision-" + strconv.FormatInt(m.RevisionID, 10),
			Updated: m.Recorded.UTC().Format(time.RFC3339),
			Links:   []feeds.AtomLink{{Href: m.URL, Rel: "alternate", Type: "text/html"}},
			Summary: &feeds.AtomSummary{Content: summary, Type: "text"},
		})
	}
	return f
}

// sortedCounts renders watch counts as "name n, …" by name.
func sortedCounts(m map[string]int) (string, int) {
	var parts []string
	total := 0
	for name, n := range m {
		parts = append(parts, fmt.Sprintf("%s %d", name, n))
		total += n
	}
	sort.Strings(parts)
	return strings.Join(parts, ", "), total
}
