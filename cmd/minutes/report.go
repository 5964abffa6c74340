package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/report"
	"github.com/minutes-fi/minutes/store"
)

type reportOptions struct {
	filterFlags
	output string
	lang   string
}

func (a *app) newReportCmd() *cobra.Command {
	opts := &reportOptions{filterFlags: filterFlags{noOrgBody: true, query: true}}
	cmd := &cobra.Command{
		Use:   "report QUERY -o FILE",
		Short: "Write one HTML page of a matter across organisations",
		Long: `Write a matter across organisations, as 'minutes approved' answers it, to one
self-contained HTML page: a table of each organisation's settling decision
(body, date, §, outcome, unanimous, vote, a link to the page), the decisions
counted by outcome, and a timeline chart of the decisions by date coloured and
shaped by outcome. The page loads nothing from anywhere (no scripts, fonts or
style sheets), prints on paper, and reads with a screen reader: the table
comes first, the chart has a text alternative.

QUERY and --since/--until are those of 'minutes approved'. -o - writes the
page to stdout. --lang fi (default) or en chooses the page's labels.`,
		Example: `  minutes report "hyvinvointialueen yhteistyösopimus" --since 2023-01-01 -o yhteistyo.html
  minutes report tuloveroprosentti 2026 --lang en -o income-tax-2026.html`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("report needs a QUERY naming the matter")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runReport(cmd.Context(), opts, strings.Join(args, " "))
		},
	}
	opts.register(cmd)
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "the HTML file to write (required; - for stdout)")
	cmd.Flags().StringVar(&opts.lang, "lang", "fi", "labels: fi or en")
	completeWith(cmd, "lang", report.Languages...)
	return cmd
}

func (a *app) runReport(ctx context.Context, opts *reportOptions, query string) error {
	if strings.TrimSpace(opts.output) == "" {
		return usagef("report needs -o FILE: the HTML page to write (- for stdout)")
	}
	if !slices.Contains(report.Languages, opts.lang) {
		return usagef("--lang %q: want %s", opts.lang, strings.Join(report.Languages, " or "))
	}
	db, f, q, err := a.openQuery(ctx, &opts.filterFlags, query, false)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Approved(ctx, q, f)
	if err != nil {
		return queryError(err)
	}
	a.explainQuery(res.Query, opts.explain)
	r := report.Report{Lang: opts.lang, Query: res.Query.String(), Generated: a.now(), Unmatched: res.Unmatched, Stale: res.Stale}
	for _, l := range []struct {
		status report.Status
		list   []store.OrgDecision
	}{{report.StatusApproved, res.Approved}, {report.StatusOtherwise, res.Otherwise}, {report.StatusText, res.Weak}} {
		for _, o := range l.list {
			d := o.Decision
			r.Rows = append(r.Rows, report.Row{Status: l.status, Organization: o.Organization, Body: d.Body,
				Date: d.MeetingDate, Section: d.Section, Title: d.Title, URL: d.URL, Outcome: d.Outcome,
				Unanimous: d.Unanimous, Votes: d.Votes, Handlings: o.Handlings})
		}
	}
	if len(r.Rows) == 0 {
		fmt.Fprintf(a.stderr, "No organisation's decisions match %s: the report says so. ('minutes search' finds single decisions; --explain shows how the query was read.)\n",
			termSafe(res.Query.String()))
	}
	if opts.output == "-" {
		return report.Write(a.stdout, r)
	}
	file, err := createAtomic(opts.output)
	if err != nil {
		return err
	}
	defer file.abort()
	if err := report.Write(file, r); err != nil {
		return fmt.Errorf("write %s: %w", opts.output, err)
	}
	if err := file.commit(); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "%s: %d organisations (%d approved, %d ended otherwise, %d mentioned only in a text)\n",
		termSafe(opts.output), len(r.Rows), len(res.Approved), len(res.Otherwise), len(res.Weak))
	a.staleNote(res.Stale)
	return nil
}
