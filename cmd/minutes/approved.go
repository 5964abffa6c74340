package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/store"
)

type approvedOptions struct {
	filterFlags
	format string
}

func (a *app) newApprovedCmd() *cobra.Command {
	opts := &approvedOptions{filterFlags: filterFlags{noOrgBody: true}}
	cmd := &cobra.Command{
		Use:   "approved QUERY",
		Short: "Which organisations approved a matter",
		Long: `List the organisations that approved a matter, one row per organisation: body,
date, §, outcome, whether unanimous, and the page URL. Then the organisations
whose matching items ended otherwise (tabled, returned, rejected, pending, …),
and how many archived organisations have no matching item at all.

QUERY is matched against item titles, with the same Finnish-aware matching and
query language as 'minutes search'. An organisation is one source. When an
organisation handled the matter in several bodies, the highest one speaks for
it: a council (valtuusto, aluevaltuusto) over a board (hallitus, aluehallitus)
over committees; between equals, the latest meeting. Approved includes
approved with amendments.

On a terminal the two lists are printed as tables under headings; in a pipe
(or with --format tsv) one table with a status column (approved, otherwise),
and the count of organisations without a match on stderr; --format json
prints one object.`,
		Example: `  minutes approved "hyvinvointialueen yhteistyösopimus"
  minutes approved yhteistyösopimus --since 2023-01-01 --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("approved needs a QUERY naming the matter")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runApproved(cmd.Context(), opts, strings.Join(args, " "))
		},
	}
	opts.register(cmd)
	cmd.Flags().StringVar(&opts.format, "format", "table", "table, tsv or json")
	return cmd
}

// orgJSON is the documented JSON shape of one organisation's decision.
type orgJSON struct {
	Organization string  `json:"organization"`
	Source       string  `json:"source"`
	Body         string  `json:"body"`
	Date         *string `json:"date"`
	Section      *int    `json:"section"`
	Title        string  `json:"title"`
	Outcome      string  `json:"outcome"`
	Unanimous    *bool   `json:"unanimous"`
	Matches      int     `json:"matches"`
	ID           string  `json:"id"`
	URL          string  `json:"url"`
}

func toOrgJSON(o store.OrgDecision) orgJSON {
	var date *string
	if o.MeetingDate != "" {
		date = &o.MeetingDate
	}
	return orgJSON{Organization: o.Organization, Source: o.SourceName, Body: o.Body, Date: date, Section: o.Section,
		Title: o.Title, Outcome: string(o.Outcome), Unanimous: o.Unanimous, Matches: o.Matches, ID: o.ID, URL: o.URL}
}

func (a *app) runApproved(ctx context.Context, opts *approvedOptions, query string) error {
	if err := validFormat("format", opts.format, "table", "tsv", "json"); err != nil {
		return err
	}
	db, f, err := a.openQuery(ctx, &opts.filterFlags, query, false)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Approved(ctx, query, f)
	if err != nil {
		return queryError(err)
	}
	if opts.format == "json" {
		out := struct {
			Query     string    `json:"query"`
			Approved  []orgJSON `json:"approved"`
			Otherwise []orgJSON `json:"otherwise"`
			Unmatched int       `json:"unmatched_organizations"`
		}{Query: res.Query.String(), Approved: []orgJSON{}, Otherwise: []orgJSON{}, Unmatched: res.Unmatched}
		for _, o := range res.Approved {
			out.Approved = append(out.Approved, toOrgJSON(o))
		}
		for _, o := range res.Otherwise {
			out.Otherwise = append(out.Otherwise, toOrgJSON(o))
		}
		enc := newJSONEncoder(a.stdout)
		return enc.Encode(out)
	}
	row := func(o store.OrgDecision) []string {
		return []string{o.Organization, o.Body, o.MeetingDate, sectionString(o.Section), string(o.Outcome),
			boolString(o.Unanimous), o.URL}
	}
	header := []string{"ORGANISATION", "BODY", "DATE", "§", "OUTCOME", "UNANIMOUS", "URL"}
	if opts.format == "tsv" || !a.stdoutTTY {
		var rows [][]string
		for _, o := range res.Approved {
			rows = append(rows, append([]string{"approved"}, row(o)...))
		}
		for _, o := range res.Otherwise {
			rows = append(rows, append([]string{"otherwise"}, row(o)...))
		}
		if err := writeTSV(a, []string{"status", "organization", "body", "date", "section", "outcome", "unanimous", "url"}, rows); err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "%d approved, %d ended otherwise, %d archived organisations with no matching item\n",
			len(res.Approved), len(res.Otherwise), res.Unmatched)
		return nil
	}
	section := func(title string, list []store.OrgDecision) error {
		fmt.Fprintf(a.stdout, "%s (%d)\n", title, len(list))
		if len(list) == 0 {
			return nil
		}
		t := a.newTable(header...)
		for _, o := range list {
			r := row(o)
			// URLs are only useful whole: the names give way instead.
			r[0], r[1] = truncate(r[0], 30), truncate(r[1], 30)
			t.row(r...)
		}
		return t.flush()
	}
	if err := section("Approved by", res.Approved); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout)
	if err := section("Ended otherwise", res.Otherwise); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "\n%d archived organisations have no matching item.\n", res.Unmatched)
	return nil
}
