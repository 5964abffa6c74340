package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/harvest"
	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/store"
)

type reparseOptions struct {
	outdated, reextract bool
}

func (a *app) newReparseCmd() *cobra.Command {
	opts := &reparseOptions{}
	cmd := &cobra.Command{
		Use:   "reparse",
		Short: "Re-read archived pages with this version's parser",
		Long: `Read every archived item again with this version's extractor and parser,
without fetching anything, and replace the decisions that come out different.
So parser and extractor improvements reach old data.

A page is read from its archived text and the record this version's extractor
kept of it (where its header ends, its bold paragraphs, its <title>); a page
archived by an older extractor, or before it kept a record, is extracted again
from its archived raw bytes, and its record kept. --reextract extracts every
page again from its raw bytes.

Each replaced decision is logged in reparse_log with the fields that changed
and the old decision as JSON. Items are written in groups of 512, each group in
one transaction: stopping it (Ctrl-C) leaves every group done or untouched;
run it again (--outdated) to finish. It takes the archive's writer lock, like
sync.

At the end it prints how many decisions changed, and how many times each field
changed. --outdated re-reads only decisions made by an older parser version.`,
		Example: `  minutes reparse --outdated    # after upgrading minutes: re-read what an older parser read
  minutes reparse               # every decision, whatever parser read it
  minutes reparse --reextract   # every page from its raw bytes (an extractor fix without a version bump)`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runReparse(cmd.Context(), opts) },
	}
	cmd.Flags().BoolVar(&opts.outdated, "outdated", false, "only decisions made by an older parser version")
	cmd.Flags().BoolVar(&opts.reextract, "reextract", false, "extract every page again from its raw bytes, even where this version's extractor kept a record of it")
	return cmd
}

func (a *app) runReparse(ctx context.Context, opts *reparseOptions) error {
	db, lock, err := a.lockArchive(ctx)
	if err != nil {
		return err
	}
	defer lock.Close()
	defer db.Close()
	started := a.now()
	read := harvest.Reread
	if opts.reextract {
		read = harvest.RereadRaw
	}
	rep, err := db.Reparse(ctx, store.ReparseOptions{
		Read: read, Version: parse.Version, Outdated: opts.outdated,
		Progress: func(r store.ReparseReport) {
			if a.stderrTTY {
				fmt.Fprintf(a.stderr, "\r\x1b[K%s", reparseProgress(r, a.now().Sub(started)))
			}
		},
	})
	if a.stderrTTY && rep.Items > 0 {
		fmt.Fprintln(a.stderr)
	}
	fmt.Fprintf(a.stdout, "reparsed %d decisions with parser version %d: %d changed\n", rep.Items, parse.Version, rep.Changed)
	if len(rep.Fields) > 0 {
		t := a.newTable("FIELD", "CHANGED")
		for _, f := range rep.FieldNames() {
			t.row(f, strconv.Itoa(rep.Fields[f]))
		}
		if ferr := t.flush(); ferr != nil && err == nil {
			err = ferr
		}
	}
	if err != nil {
		return fmt.Errorf("reparse stopped (run it again to finish): %w", err)
	}
	return nil
}

// reparseProgress is the progress line of a reparse on a terminal: how far,
// and when it will be done at the pace so far.
func reparseProgress(r store.ReparseReport, elapsed time.Duration) string {
	line := fmt.Sprintf("reparsed %d of %d, changed %d", r.Items, r.Total, r.Changed)
	if r.Items > 0 && r.Total > r.Items && elapsed > 0 {
		left := time.Duration(float64(elapsed) / float64(r.Items) * float64(r.Total-r.Items))
		line += fmt.Sprintf(", about %s left", left.Round(time.Second))
	}
	return line
}
