package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/search"
	"github.com/minutes-fi/minutes/store"
)

// openReadOnly opens the archive for a query command: never written, so it
// runs while a sync holds the writer lock.
func (a *app) openReadOnly(ctx context.Context) (*store.DB, error) {
	path, err := a.archivePath()
	if err != nil {
		return nil, err
	}
	return store.OpenReadOnly(ctx, path)
}

// openQuery reads a query command's filters and query (an empty query is
// allowed only when optional, and is then the zero Query), so that mistakes
// are usage errors before any archive is needed, then opens the archive
// read-only. The query is parsed here, once.
func (a *app) openQuery(ctx context.Context, flags *filterFlags, query string, optional bool) (*store.DB, store.Filter, search.Query, error) {
	f, err := flags.filter()
	if err != nil {
		return nil, f, search.Query{}, err
	}
	var q search.Query
	if !optional || strings.TrimSpace(query) != "" {
		if q, err = search.ParseQuery(query); err != nil {
			return nil, f, q, queryError(err)
		}
	}
	db, err := a.openReadOnly(ctx)
	return db, f, q, err
}

// explainQuery tells on stderr what the reading of a query did: always the
// words it dropped (a query never silently becomes broader), and with
// --explain every word's keys and the compound forms it also matched.
func (a *app) explainQuery(q search.Query, explain bool) {
	for _, n := range q.Notes() {
		if explain || n.Dropped {
			fmt.Fprintf(a.stderr, "query: %s\n", termSafe(n.String()))
		}
	}
	if !explain {
		return
	}
	line := func(prefix string, c search.Clause) {
		desc := c.String()
		switch {
		case c.IsPhrase():
			desc += " (phrase of keys " + strings.Join(c.Keys(), " ") + ")"
		default:
			p := c.Pattern()
			desc += " = keys " + strings.Join(p.Exact, "|")
			if len(p.Prefix) > 0 {
				desc += ", words beginning " + strings.Join(p.Prefix, "|")
			}
			if len(p.Suffix) > 0 {
				desc += ", compounds ending " + strings.Join(p.Suffix, "|")
			}
			if c.IsNumber() {
				desc += " (a number: as written)"
			}
		}
		if c.IsStopWord() {
			desc += " (a stop word: approved does not weigh it)"
		}
		fmt.Fprintf(a.stderr, "query: %s%s\n", prefix, termSafe(desc))
	}
	for i, g := range q.Groups() {
		if i > 0 {
			fmt.Fprintln(a.stderr, "query: OR")
		}
		for _, c := range g {
			line("", c)
		}
	}
	for _, c := range q.Excluded() {
		line("not ", c)
	}
}

// filterFlags are the filters shared by search, export and stats, and the
// --explain of the commands that take a query.
type filterFlags struct {
	org, body, since, until string
	outcomes                []string
	noOrgBody               bool // approved: only dates
	query                   bool // the command takes a query: --explain
	explain                 bool
}

func (f *filterFlags) register(cmd *cobra.Command) {
	if !f.noOrgBody {
		cmd.Flags().StringVar(&f.org, "org", "", "only this organisation: a source name, or part of the organisation's name")
		cmd.Flags().StringVar(&f.body, "body", "", "only bodies whose name contains this (kunnanhallitus, lautakunta)")
		cmd.Flags().StringSliceVar(&f.outcomes, "outcome", nil, "only these outcomes, comma-separated: "+parse.OutcomeList())
		_ = cmd.RegisterFlagCompletionFunc("outcome", outcomeValues)
	}
	cmd.Flags().StringVar(&f.since, "since", "", "only meetings on or after this date, YYYY-MM-DD")
	cmd.Flags().StringVar(&f.until, "until", "", "only meetings on or before this date, YYYY-MM-DD")
	if f.query {
		cmd.Flags().BoolVar(&f.explain, "explain", false, "say on stderr how the query was read: each word's keys, compounds split or added, stop words")
	}
}

// filter validates the flags into a store filter; bad values are usage errors.
func (f *filterFlags) filter() (store.Filter, error) {
	sf := store.Filter{Organization: strings.TrimSpace(f.org), Body: strings.TrimSpace(f.body),
		Since: strings.TrimSpace(f.since), Until: strings.TrimSpace(f.until)}
	for _, o := range f.outcomes {
		o = strings.ToLower(strings.TrimSpace(o))
		if !parse.ValidOutcome(o) {
			return store.Filter{}, usagef("--outcome %q: want one of %s", o, parse.OutcomeList())
		}
		sf.Outcomes = append(sf.Outcomes, parse.Outcome(o))
	}
	if err := sf.Validate(); err != nil {
		return store.Filter{}, usageError{fmt.Errorf("--since/--until: %w", err)}
	}
	return sf, nil
}

// stringOrNil is nil for "": unknown is null in JSON.
func stringOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// queryError turns errors about the user's query into usage errors.
func queryError(err error) error {
	if errors.Is(err, search.ErrEmptyQuery) {
		return usagef("the query has no word to search for (words, \"a phrase\", -excluded, a OR b)")
	}
	if errors.Is(err, store.ErrBadFilter) || errors.Is(err, search.ErrQueryTooLong) {
		return usageError{err}
	}
	return err
}
