package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/store"
)

type statsOptions struct {
	filterFlags
	format string
}

func (a *app) newStatsCmd() *cobra.Command {
	opts := &statsOptions{}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the archived decisions by organisation, body, year and outcome",
		Long: `Count the archived decisions by organisation, by body (within its
organisation), by year of the meeting and by outcome. The filters narrow what
is counted. On a terminal each count is a table under a heading; in a pipe (or
with --format tsv) one table: dimension, key, organization, count; --format
json prints one object.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runStats(cmd.Context(), opts) },
	}
	opts.register(cmd)
	cmd.Flags().StringVar(&opts.format, "format", "table", "table, tsv or json")
	completeWith(cmd, "format", "table", "tsv", "json")
	return cmd
}

type countJSON struct {
	Key          string `json:"key"`
	Organization string `json:"organization,omitempty"`
	Count        int    `json:"count"`
}

func (a *app) runStats(ctx context.Context, opts *statsOptions) error {
	if err := validFormat("format", opts.format, "table", "tsv", "json"); err != nil {
		return err
	}
	db, f, _, err := a.openQuery(ctx, &opts.filterFlags, "", true)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Stats(ctx, f)
	if err != nil {
		return err
	}
	dims := []struct {
		name, heading string
		counts        []store.Count
	}{
		{"organization", "By organisation", st.ByOrganization},
		{"body", "By body", st.ByBody},
		{"year", "By year", st.ByYear},
		{"outcome", "By outcome", st.ByOutcome},
	}
	switch {
	case opts.format == "json":
		out := map[string]any{"decisions": st.Decisions}
		for _, d := range dims {
			l := []countJSON{}
			for _, c := range d.counts {
				l = append(l, countJSON{Key: c.Key, Organization: c.Organization, Count: c.N})
			}
			out[d.name] = l
		}
		enc := newJSONEncoder(a.stdout)
		return enc.Encode(out)
	case opts.format == "tsv" || !a.stdoutTTY:
		rows := [][]string{{"total", "", "", strconv.Itoa(st.Decisions)}}
		for _, d := range dims {
			for _, c := range d.counts {
				rows = append(rows, []string{d.name, c.Key, c.Organization, strconv.Itoa(c.N)})
			}
		}
		return writeTSV(a, []string{"dimension", "key", "organization", "count"}, rows)
	}
	fmt.Fprintf(a.stdout, "%d decisions\n", st.Decisions)
	for _, d := range dims {
		fmt.Fprintf(a.stdout, "\n%s\n", d.heading)
		var t *table
		if d.name == "body" {
			t = a.newTable("BODY", "ORGANISATION", "DECISIONS")
		} else {
			t = a.newTable("", "DECISIONS")
		}
		for _, c := range d.counts {
			key := c.Key
			if key == "" {
				key = "(unknown)"
			}
			if d.name == "body" {
				t.row(truncate(key, 40), truncate(c.Organization, 40), strconv.Itoa(c.N))
			} else {
				t.row(truncate(key, 60), strconv.Itoa(c.N))
			}
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	return nil
}
