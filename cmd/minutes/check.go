package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

type sourcesCheckOptions struct {
	json    bool
	timeout time.Duration
}

func (a *app) newSourcesCheckCmd() *cobra.Command {
	opts := &sourcesCheckOptions{}
	cmd := &cobra.Command{
		Use:   "check [NAME|URL…]",
		Short: "Probe sources once each and say what answers",
		Long: `Ask each source's items feed once (robots.txt and the per-host delay apply) and
say what answered, as something a person can act on:

  dynasty   the feed answers: how many items it lists and the newest meeting date
  moved     the site redirects to another host (where it went is shown; register
            the new base with 'minutes sources add')
  other     another publishing system answers (CaseM/CloudNC, Tweb, Ahjo, M-Files):
            not supported yet
  robots    the site's robots.txt forbids the feeds
  gone      no answer, DNS or TLS failure, 404, or no feed at that address

Without arguments every registered source is checked; NAME is a registered
source, URL any base URL. Nothing is stored. Exit status 3 when any source is
not 'dynasty'.`,
		Example: `  minutes sources check
  minutes sources check kuopio https://dynasty.virolahti.fi --json`,
		ValidArgsFunction: a.registeredSources,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runSourcesCheck(cmd.Context(), opts, args)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print one JSON object per source")
	cmd.Flags().DurationVar(&opts.timeout, "timeout", 20*time.Second, "time limit for each probe")
	return cmd
}

// checkJSON is the documented JSON shape of one probe.
type checkJSON struct {
	Source  string  `json:"source"`
	BaseURL string  `json:"base_url"`
	Verdict string  `json:"verdict"`
	Items   *int    `json:"items"`
	Newest  *string `json:"newest"`
	MovedTo *string `json:"moved_to"`
	System  *string `json:"system"`
	Error   *string `json:"error"`
}

type checkTarget struct{ name, base string }

func (a *app) runSourcesCheck(ctx context.Context, opts *sourcesCheckOptions, args []string) error {
	targets, err := a.checkTargets(ctx, args)
	if err != nil {
		return err
	}
	client := scrape.NewClient(scrape.ClientOptions{UserAgent: scrape.DefaultUserAgent, Delay: time.Second,
		Timeout: opts.timeout, MaxRetries: -1, Robots: true, Logger: a.log})
	results := make([]scrape.ProbeResult, len(targets))
	forEach(len(targets), 16, func(i int) {
		base, err := scrape.ParseBaseURL(targets[i].base)
		if err != nil {
			results[i] = scrape.ProbeResult{Verdict: scrape.VerdictGone, Err: err}
			return
		}
		results[i] = scrape.Probe(ctx, client, base)
	})
	if ctx.Err() != nil {
		return codeErrorf(a, exitInterrupted, "interrupted")
	}
	bad := 0
	var rows [][]string
	newest := func(r scrape.ProbeResult) string {
		n := ""
		for _, e := range r.Entries {
			if _, d, _ := parse.FeedTitle(e.Title); d > n {
				n = d
			}
		}
		return n
	}
	enc := newJSONEncoder(a.stdout)
	for i, r := range results {
		t := targets[i]
		if r.Verdict != scrape.VerdictDynasty {
			bad++
		}
		if opts.json {
			j := checkJSON{Source: t.name, BaseURL: t.base, Verdict: string(r.Verdict),
				MovedTo: stringOrNil(r.MovedTo), System: stringOrNil(r.System)}
			if r.Verdict == scrape.VerdictDynasty {
				n := len(r.Entries)
				j.Items, j.Newest = &n, stringOrNil(newest(r))
			}
			if r.Err != nil {
				j.Error = stringOrNil(r.Err.Error())
			}
			if err := enc.Encode(j); err != nil {
				return err
			}
			continue
		}
		rows = append(rows, []string{t.name, string(r.Verdict), verdictText(r, newest(r)), t.base})
	}
	if !opts.json {
		tbl := a.newTable("SOURCE", "VERDICT", "WHAT ANSWERED", "BASE URL")
		for _, r := range rows {
			tbl.row(r...)
		}
		if err := tbl.flush(); err != nil {
			return err
		}
	}
	if bad > 0 {
		return codeErrorf(a, exitPartial, "%d of %d sources are not answering as Dynasty", bad, len(targets))
	}
	return nil
}

// verdictText says a probe's verdict in words.
func verdictText(r scrape.ProbeResult, newest string) string {
	switch r.Verdict {
	case scrape.VerdictDynasty:
		s := fmt.Sprintf("Dynasty, feeds answer (%d items", len(r.Entries))
		if newest != "" {
			s += ", newest " + newest
		}
		return s + ")"
	case scrape.VerdictMoved:
		return "moved to " + r.MovedTo
	case scrape.VerdictOther:
		return "another system: " + r.System + ", not supported yet"
	case scrape.VerdictRobots:
		return "robots.txt forbids the feeds"
	}
	msg := "gone"
	if r.Err != nil {
		msg += ": " + oneLine(r.Err.Error())
	}
	return msg
}

// checkTargets resolves the arguments (registered names or base URLs), or
// every registered source.
func (a *app) checkTargets(ctx context.Context, args []string) ([]checkTarget, error) {
	var registered []store.Source
	db, err := a.openReadOnly(ctx)
	switch {
	case errors.Is(err, store.ErrNoArchive):
	case err != nil:
		return nil, err
	default:
		defer db.Close()
		if registered, err = db.Sources(ctx); err != nil {
			return nil, err
		}
	}
	if len(args) == 0 {
		if len(registered) == 0 {
			return nil, usagef("no sources registered: name sources or URLs to check, or add some ('minutes sources add')")
		}
		var out []checkTarget
		for _, s := range registered {
			out = append(out, checkTarget{s.Name, s.BaseURL})
		}
		return out, nil
	}
	var out []checkTarget
	for _, arg := range args {
		if strings.Contains(arg, "://") {
			base, err := scrape.ParseBaseURL(arg)
			if err != nil {
				return nil, usageError{err}
			}
			out = append(out, checkTarget{base.Host + base.Path, base.String()})
			continue
		}
		found := false
		for _, s := range registered {
			if s.Name == arg {
				out, found = append(out, checkTarget{s.Name, s.BaseURL}), true
				break
			}
		}
		if !found {
			if k, ok := scrape.LookupKnown(arg); ok {
				out, found = append(out, checkTarget{k.Name, k.BaseURL}), true
			}
		}
		if !found {
			return nil, usagef("%q is neither a registered nor a known source; give a base URL to check any site", arg)
		}
	}
	return out, nil
}
