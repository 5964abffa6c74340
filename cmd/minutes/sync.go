package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/harvest"
	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

type syncOptions struct {
	sources     []string
	backfill    bool
	since       string
	show        int
	delay       time.Duration
	timeout     time.Duration
	retries     int
	recheck     time.Duration
	concurrency int
	quiet       bool
	json        bool
	all         bool // also the dormant sources
}

func (a *app) newSyncCmd() *cobra.Command {
	opts := &syncOptions{}
	cmd := &cobra.Command{
		Use:   "sync",
		Short: "Fetch new and changed meeting items from the sources",
		Long: `Poll each source's two Dynasty RSS feeds (meeting items and meetings), fetch
every new or changed meeting item page, parse it and store it in the archive
with its raw page. Run it from cron or a systemd timer: a run with nothing new
makes only conditional feed requests and changes nothing.

With --backfill it also walks the body and meeting list pages to reach items
older than the feeds show (--since limits how far back).

It is polite: one request at a time per host, --delay between requests to the
same host, conditional requests, Retry-After and back-off on errors, and
robots.txt. Sources on different hosts are synced in parallel.

Exit status: 0 all sources synced; 3 some sources or items failed (the others
were synced; see the summary); 4 another sync is running on this archive;
130 interrupted (everything stored so far is kept; the next run resumes).`,
		Example: `  minutes sync
  minutes sync --source virolahti
  minutes sync --source https://dynasty.example.fi/djulkaisu --delay 2s
  minutes sync --backfill --since 2023-01-01
  minutes sync --json --quiet`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.quiet && !cmd.Flags().Changed("log-level") {
				// From cron, only failures should make output: a warning
				// such as an unreachable robots.txt is not one.
				a.setLogLevel(slog.LevelError)
			}
			return a.runSync(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&opts.sources, "source", nil, "sync only this source: a registered NAME or any http(s) base URL (repeatable)")
	_ = cmd.RegisterFlagCompletionFunc("source", a.registeredSources)
	f.BoolVar(&opts.backfill, "backfill", false, "also walk the body and meeting list pages for older items")
	f.StringVar(&opts.since, "since", "", "with --backfill: skip meetings before this date (YYYY-MM-DD)")
	f.IntVar(&opts.show, "show", 100, "feed depth: how many newest entries to ask each feed for (show=N)")
	f.DurationVar(&opts.delay, "delay", time.Second, "minimum time between requests to the same host")
	f.DurationVar(&opts.timeout, "timeout", time.Minute, "time limit for one HTTP request")
	f.IntVar(&opts.retries, "retries", scrape.DefaultMaxRetries, "retries of one request after 429, 5xx or a network error, with back-off (0 = none)")
	f.DurationVar(&opts.recheck, "recheck", 24*time.Hour, "re-check agenda items whose meeting has passed this often, for their minutes (0 = never)")
	f.BoolVar(&opts.all, "all", false, "also sync the dormant sources (failing every run for a week), which are otherwise tried once a day")
	f.IntVar(&opts.concurrency, "parallel", 16, "how many sources to sync at once (requests to one host are serialised whatever this is)")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "no progress display, summary table or warnings (failures are still reported)")
	f.BoolVar(&opts.json, "json", false, "print the summary as JSON on stdout")
	return cmd
}

// syncTarget is one source to sync.
type syncTarget struct {
	name string
	base *url.URL
	src  store.Source
}

// sourceResult is the documented JSON shape of one source's sync.
type sourceResult struct {
	Source  string `json:"source"`
	BaseURL string `json:"base_url"`
	OK      bool   `json:"ok"`
	Error   string `json:"error,omitempty"`
	harvest.Report
}

// syncSummary is the documented JSON shape of a whole sync.
type syncSummary struct {
	OK          bool           `json:"ok"`
	Interrupted bool           `json:"interrupted"`
	Requests    int64          `json:"requests"`
	Seconds     float64        `json:"seconds"`
	Sources     []sourceResult `json:"sources"`
	// Skipped are the dormant sources left out of this run: failing every
	// run for a week, tried once a day (sync --all tries them).
	Skipped []skippedJSON `json:"skipped"`
	// WatchMatches counts the new matches of each watch this run recorded
	// ('minutes watch news' prints them).
	WatchMatches map[string]int `json:"watch_matches"`
	watchErr     error
}

// skippedJSON is a dormant source left out of a run.
type skippedJSON struct {
	Source       string `json:"source"`
	FailingSince string `json:"failing_since"`
	FailedRuns   int    `json:"failed_runs"`
	LastError    string `json:"last_error"`
}

func (a *app) validateSync(opts *syncOptions) error {
	if opts.since != "" {
		if _, err := time.Parse("2006-01-02", opts.since); err != nil {
			return usagef("--since %q: want a date as YYYY-MM-DD", opts.since)
		}
		if !opts.backfill {
			return usagef("--since works with --backfill (the feeds only hold recent items anyway)")
		}
	}
	if opts.show < 1 || opts.show > 1000 {
		return usagef("--show %d: want 1 to 1000", opts.show)
	}
	if opts.delay < 0 {
		return usagef("--delay %v: must not be negative", opts.delay)
	}
	if opts.timeout <= 0 {
		return usagef("--timeout %v: must be positive", opts.timeout)
	}
	if opts.retries < 0 || opts.retries > 10 {
		return usagef("--retries %d: want 0 to 10", opts.retries)
	}
	if opts.recheck < 0 {
		return usagef("--recheck %v: must not be negative", opts.recheck)
	}
	if opts.concurrency < 1 || opts.concurrency > 64 {
		return usagef("--parallel %d: want 1 to 64", opts.concurrency)
	}
	return nil
}

func (a *app) runSync(ctx context.Context, opts *syncOptions) error {
	if err := a.validateSync(opts); err != nil {
		return err
	}
	db, lock, err := a.lockArchive(ctx)
	if err != nil {
		return err
	}
	defer lock.Close()
	defer db.Close()

	targets, err := a.syncTargets(ctx, db, opts.sources)
	if err != nil {
		return err
	}
	skipped := []skippedJSON{}
	if len(opts.sources) == 0 && !opts.all {
		// A source failing for a week costs one try a day, not one a run.
		kept := targets[:0]
		for _, t := range targets {
			if t.src.Dormant(a.now()) {
				skipped = append(skipped, skippedJSON{Source: t.name, FailingSince: formatTime(t.src.FailingSince),
					FailedRuns: t.src.FailedRuns, LastError: t.src.LastError})
				continue
			}
			kept = append(kept, t)
		}
		targets = kept
	}
	client := scrape.NewClient(scrape.ClientOptions{
		UserAgent: scrape.DefaultUserAgent,
		Delay:     opts.delay,
		Timeout:   opts.timeout,
		// The client reads 0 as "default" and a negative count as none.
		MaxRetries:  cmp.Or(opts.retries, -1),
		Robots:      true,
		RobotsCache: db,
		Logger:      a.log,
	})

	started := a.now()
	prog := a.newProgress(!opts.quiet && a.stderrTTY, len(targets))
	results := make([]sourceResult, len(targets))
	forEach(len(targets), opts.concurrency, func(i int) {
		results[i] = a.syncOne(ctx, client, db, targets[i], opts, prog)
		prog.finish(targets[i].name)
	})
	prog.stop()

	sum := syncSummary{OK: true, Interrupted: ctx.Err() != nil, Requests: client.Stats().Requests,
		Seconds: a.now().Sub(started).Seconds(), Sources: results, Skipped: skipped}
	for _, r := range results {
		sum.OK = sum.OK && r.OK
	}
	if !sum.Interrupted {
		// What a stopped run archived is matched by the next run (or
		// 'watch news'): the watches' marks say what they have seen.
		if sum.WatchMatches, sum.watchErr = db.RecordWatches(ctx); sum.watchErr != nil {
			sum.OK = false
		}
	}
	if sum.WatchMatches == nil {
		sum.WatchMatches = map[string]int{} // {} in the JSON, not null
	}
	if err := a.printSyncSummary(opts, sum); err != nil {
		return err
	}
	switch {
	case sum.Interrupted:
		return codeErrorf(a, exitInterrupted, "interrupted: what was fetched so far is stored; the next sync resumes")
	case sum.watchErr != nil:
		return codeErrorf(a, exitPartial, "%s (the decisions are stored; the next sync or 'minutes watch news' records the matches)", sum.watchErr)
	case !sum.OK:
		return codeError{exitPartial, errors.New("some sources failed")}
	}
	return nil
}

// codeErrorf reports msg on stderr and returns an error carrying code.
func codeErrorf(a *app, code int, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	fmt.Fprintf(a.stderr, "minutes: %s\n", termSafe(err.Error()))
	return codeError{code, err}
}

// syncTargets resolves --source values (registered names or base URLs), or
// all registered sources.
func (a *app) syncTargets(ctx context.Context, db *store.DB, names []string) ([]syncTarget, error) {
	var targets []syncTarget
	if len(names) == 0 {
		sources, err := db.Sources(ctx)
		if err != nil {
			return nil, err
		}
		if len(sources) == 0 {
			return nil, usagef("no sources registered, nothing to sync.\n" +
				"  Register one:  minutes sources add NAME URL   (or: minutes sources add --known NAME; see 'minutes sources known')\n" +
				"  or sync once:  minutes sync --source https://dynasty.example.fi")
		}
		for _, s := range sources {
			base, err := scrape.ParseBaseURL(s.BaseURL)
			if err != nil {
				return nil, fmt.Errorf("source %s: %w", s.Name, err)
			}
			targets = append(targets, syncTarget{name: s.Name, base: base, src: s})
		}
		return targets, nil
	}
	seen := map[string]bool{}
	for _, n := range names {
		var t syncTarget
		if s, err := db.SourceByName(ctx, n); err == nil {
			base, err := scrape.ParseBaseURL(s.BaseURL)
			if err != nil {
				return nil, fmt.Errorf("source %s: %w", s.Name, err)
			}
			t = syncTarget{name: s.Name, base: base, src: s}
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		} else {
			if !strings.Contains(n, "://") {
				return nil, usagef("--source %q: no registered source has that name, and it is not a URL ('minutes sources list' shows the names)", n)
			}
			base, err := scrape.ParseBaseURL(n)
			if err != nil {
				return nil, usageError{fmt.Errorf("--source: %w", err)}
			}
			s, err := db.EnsureSource(ctx, base.String())
			if err != nil {
				return nil, err
			}
			t = syncTarget{name: s.Name, base: base, src: s}
		}
		if !seen[t.base.String()] {
			seen[t.base.String()] = true
			targets = append(targets, t)
		}
	}
	return targets, nil
}

func (a *app) syncOne(ctx context.Context, client *scrape.Client, db *store.DB, t syncTarget, opts *syncOptions, prog *progress) sourceResult {
	rep := harvest.Run(ctx, client, db, harvest.Source{ID: t.src.ID, Organization: t.src.Organization, Base: t.base}, harvest.Options{
		Show:     opts.show,
		Backfill: opts.backfill,
		Since:    opts.since,
		Recheck:  opts.recheck,
		Now:      a.now,
		Progress: func(p harvest.Progress) { prog.update(t.name, p) },
	})
	res := sourceResult{Source: t.name, BaseURL: t.base.String(), OK: rep.OK(), Report: rep}
	var runErr error
	switch {
	case rep.Err != nil:
		runErr = rep.Err
	case rep.Failed > 0: // every failure adds to Errors, up to ten
		runErr = fmt.Errorf("%d item(s) failed; first: %s", rep.Failed, rep.Errors[0])
	}
	switch {
	case runErr == nil, ctx.Err() != nil && errors.Is(runErr, context.Canceled):
		// An interrupt is said once for the whole run, not per source.
	case rep.Err == nil:
		// The failures are listed one by one after this line: the first is
		// not said twice (the source's health keeps it, in runErr).
		res.Error = fmt.Sprintf("%d item(s) failed", rep.Failed)
	default:
		res.Error = runErr.Error()
	}
	if ctx.Err() == nil || runErr == nil {
		// An interrupted run says nothing about the source's health. The
		// context may be cancelled, so health is written with a fresh one.
		if err := db.RecordRun(context.WithoutCancel(ctx), t.src.ID, a.now(), runErr); err != nil {
			a.log.Warn("record source health", "source", t.name, "err", err)
		}
	}
	return res
}

func (a *app) printSyncSummary(opts *syncOptions, sum syncSummary) error {
	if opts.json {
		enc := newJSONEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}
	for _, r := range sum.Sources {
		if r.Error != "" {
			fmt.Fprintf(a.stderr, "minutes: %s: %s\n", termSafe(r.Source), termSafe(r.Error))
		}
		for _, e := range r.Errors {
			fmt.Fprintf(a.stderr, "  %s: %s\n", termSafe(r.Source), termSafe(e))
		}
		if !opts.quiet {
			for _, w := range r.Warnings {
				fmt.Fprintf(a.stderr, "minutes: %s: warning: %s\n", termSafe(r.Source), termSafe(w))
			}
		}
	}
	if len(sum.Skipped) > 0 && !opts.quiet {
		var names []string
		for _, s := range sum.Skipped {
			names = append(names, s.Source)
		}
		fmt.Fprintf(a.stderr, "minutes: %d dormant sources skipped (failing every run for a week; tried once a day, 'sync --all' tries them now): %s\n",
			len(sum.Skipped), termSafe(strings.Join(names, ", ")))
	}
	if opts.quiet {
		return nil
	}
	t := a.newTable("SOURCE", "FEEDS", "NEW", "CHANGED", "UNCHANGED", "FAILED", "GONE", "STATUS")
	sorted := append([]sourceResult(nil), sum.Sources...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Source < sorted[j].Source })
	for _, r := range sorted {
		status := "ok"
		switch {
		case r.Err != nil && errors.Is(r.Err, context.Canceled):
			status = "interrupted"
		case r.Err != nil:
			status = "FAILED"
		case r.Failed > 0:
			status = "partial"
		case len(r.Warnings) > 0:
			status = "warning"
		}
		feeds := fmt.Sprintf("%d read, %d unchanged", r.FeedsRead, r.FeedsNotModified)
		t.row(r.Source, feeds, fmt.Sprint(r.New), fmt.Sprint(r.Changed), fmt.Sprint(r.Unchanged),
			fmt.Sprint(r.Failed), fmt.Sprint(r.Gone), status)
	}
	if err := t.flush(); err != nil {
		return err
	}
	if len(sum.WatchMatches) > 0 {
		counts, total := sortedCounts(sum.WatchMatches)
		fmt.Fprintf(a.stdout, "Watches: %d new matches (%s); 'minutes watch news' prints them.\n", total, termSafe(counts))
	}
	return nil
}

// progress draws one status line on a terminal's stderr; it does nothing
// when disabled, so callers need not care.
type progress struct {
	a       *app
	enabled bool
	mu      sync.Mutex
	total   int
	done    int
	active  map[string]harvest.Progress
	quit    chan struct{}
	stopped chan struct{}
}

func (a *app) newProgress(enabled bool, total int) *progress {
	p := &progress{a: a, enabled: enabled, total: total, active: map[string]harvest.Progress{},
		quit: make(chan struct{}), stopped: make(chan struct{})}
	if !enabled {
		close(p.stopped)
		return p
	}
	go p.loop()
	return p
}

func (p *progress) update(source string, sp harvest.Progress) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	p.active[source] = sp
	p.mu.Unlock()
}

func (p *progress) finish(source string) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	delete(p.active, source)
	p.done++
	p.mu.Unlock()
}

func (p *progress) loop() {
	defer close(p.stopped)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-p.quit:
			fmt.Fprint(p.a.stderr, "\r\x1b[K")
			return
		case <-tick.C:
			fmt.Fprint(p.a.stderr, "\r\x1b[K"+p.line())
		}
	}
}

func (p *progress) line() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	names := make([]string, 0, len(p.active))
	for n := range p.active {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := []string{fmt.Sprintf("sync %d/%d sources", p.done, p.total)}
	for _, n := range names {
		sp := p.active[n]
		s := n + " " + sp.Phase
		if sp.Total > 0 {
			s += fmt.Sprintf(" %d/%d", sp.Done, sp.Total)
		}
		parts = append(parts, s)
	}
	// Cut by characters, not bytes: a source name may be "Mänttä-Vilppula".
	return truncate(termSafe(strings.Join(parts, " · ")), 110)
}

func (p *progress) stop() {
	if p.enabled {
		close(p.quit)
	}
	<-p.stopped
}

// forEach runs f(0) … f(n-1), at most limit at a time, and waits for all.
func forEach(n, limit int, f func(i int)) {
	sem := make(chan struct{}, max(limit, 1))
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f(i)
		}()
	}
	wg.Wait()
}
