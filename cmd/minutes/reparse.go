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
	outdated bool
}

func (a *app) newReparseCmd() *cobra.Command {
	opts := &reparseOptions{}
	cmd := &cobra.Command{
		Use:   "reparse",
		Short: "Re-read archived pages with this version's parser",
		Long: `Run this version's parser again over the archived page text of every item (the
revision its decision was read from), without fetching anything, and replace
the decisions that come out different. So parser improvements reach old data.

Each item is one transaction: its new decision, its search index row and a
reparse_log row (which fields changed, and the old decision as JSON) are
written together. Stopping it (Ctrl-C) leaves every item done or untouched;
run it again to finish. It takes the archive's writer lock, like sync.

At the end it prints how many decisions changed, and how many times each field
changed. --outdated re-reads only decisions made by an older parser version.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runReparse(cmd.Context(), opts) },
	}
	cmd.Flags().BoolVar(&opts.outdated, "outdated", false, "only decisions made by an older parser version")
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
	rep, err := db.Reparse(ctx, store.ReparseOptions{
		Read: harvest.Reread, Version: parse.Version, Outdated: opts.outdated,
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
