package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/store"
)

type exportOptions struct {
	filterFlags
	format   string
	output   string
	withText bool
	excel    bool
}

func (a *app) newExportCmd() *cobra.Command {
	opts := &exportOptions{filterFlags: filterFlags{query: true}}
	cmd := &cobra.Command{
		Use:   "export [QUERY]",
		Short: "Export decisions as CSV or NDJSON",
		Long: `Export decisions, one row per decision: all of them, or those matching QUERY
(same language as 'minutes search'), narrowed by the filters. Rows come in
archive order and are streamed, so an export of any size runs in flat memory.

Columns, in this order (new ones are only ever added at the end):
  ` + strings.Join(store.ExportColumns, ", ") + `
and text (the page text) with --with-text. Empty cells mean unknown.

--format csv (default) is RFC 4180: UTF-8, comma-separated, CRLF line ends,
quotes only where needed; pandas.read_csv and R's read.csv read it as is.
--excel adds a byte-order mark so that Excel reads it as UTF-8. Cells that a
spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
leading ' so they show as text. --format ndjson prints one JSON object per
line, with numbers and booleans typed and null for unknown, unmodified.

-o FILE writes atomically: to a temporary file next to FILE, renamed over it
only when the export is complete, so a failed export never leaves a half file.`,
		Example: `  minutes export -o decisions.csv
  minutes export hyvinvointialue --since 2023-01-01 --excel -o hva.csv
  minutes export --format ndjson --with-text | gzip > all.ndjson.gz`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runExport(cmd.Context(), opts, strings.Join(args, " "))
		},
	}
	opts.register(cmd)
	cmd.Flags().StringVar(&opts.format, "format", "csv", "csv or ndjson")
	completeWith(cmd, "format", "csv", "ndjson")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to FILE (atomically) instead of standard output")
	cmd.Flags().BoolVar(&opts.withText, "with-text", false, "add the page text as a last column")
	cmd.Flags().BoolVar(&opts.excel, "excel", false, "start the CSV with a UTF-8 byte-order mark, for Excel")
	return cmd
}

func (a *app) runExport(ctx context.Context, opts *exportOptions, query string) error {
	if err := validFormat("format", opts.format, "csv", "ndjson"); err != nil {
		return err
	}
	if opts.excel && opts.format != "csv" {
		return usagef("--excel applies to --format csv only")
	}
	db, f, q, err := a.openQuery(ctx, &opts.filterFlags, query, true)
	if err != nil {
		return err
	}
	defer db.Close()
	if q, err = db.Expand(ctx, q); err != nil {
		return err
	}
	a.explainQuery(q, opts.explain)

	var out io.Writer = a.stdout
	var file *atomicFile
	if opts.output != "" && opts.output != "-" {
		if file, err = createAtomic(opts.output); err != nil {
			return err
		}
		defer file.abort()
		out = file
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	write := exportWriter(bw, opts)
	n, err := db.Export(ctx, store.ExportOptions{Query: q, Filter: f, WithText: opts.withText}, write.row)
	if err == nil {
		err = write.finish()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return queryError(err)
	}
	if file != nil {
		if err := file.commit(); err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "exported %d decisions to %s\n", n, opts.output)
	}
	return nil
}

// rowWriter writes export rows in one format.
type rowWriter struct {
	row    func(*store.ExportRow) error
	finish func() error
}

func exportWriter(w *bufio.Writer, opts *exportOptions) rowWriter {
	header := append([]string(nil), store.ExportColumns...)
	if opts.withText {
		header = append(header, "text")
	}
	if opts.format == "ndjson" {
		enc := newJSONEncoder(w)
		return rowWriter{
			row:    func(r *store.ExportRow) error { return enc.Encode(exportJSON(r, opts.withText)) },
			finish: func() error { return nil },
		}
	}
	cw := newCSVWriter(w)
	started := false
	cells := make([]string, len(header))
	start := func() error {
		started = true
		if opts.excel {
			if _, err := w.WriteString("\uFEFF"); err != nil {
				return err
			}
		}
		return cw.Write(header)
	}
	return rowWriter{
		row: func(r *store.ExportRow) error {
			if !started {
				if err := start(); err != nil {
					return err
				}
			}
			exportCells(cells, r, opts.withText)
			return cw.Write(cells)
		},
		finish: func() error {
			if !started {
				if err := start(); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

// exportCells fills cells in ExportColumns order. Text cells are
// neutralised; numbers, booleans and dates are written by us and safe.
func exportCells(c []string, r *store.ExportRow, withText bool) {
	votes := [4]string{}
	if r.Votes != nil {
		votes = [4]string{strconv.Itoa(r.Votes.Yes), strconv.Itoa(r.Votes.No), strconv.Itoa(r.Votes.Blank), strconv.Itoa(r.Votes.Absent)}
	}
	fetched := ""
	if !r.FetchedAt.IsZero() {
		fetched = r.FetchedAt.UTC().Format(time.RFC3339)
	}
	vals := []string{
		neutralise(r.ID), neutralise(r.Source), neutralise(r.ItemID), neutralise(r.URL), neutralise(r.Organization),
		neutralise(r.Body), r.Document, r.MeetingDate, sectionString(r.Section), sectionString(r.ItemNumber),
		neutralise(r.Title), neutralise(r.DiaryNumber), r.Outcome, boolString(r.Unanimous),
		votes[0], votes[1], votes[2], votes[3], strconv.FormatBool(r.Confidential), r.Language,
		neutralise(r.Proposal), neutralise(r.Decision), fetched, strconv.Itoa(r.ParserVersion), neutralise(r.Matter),
	}
	copy(c, vals)
	if withText {
		c[len(vals)] = neutralise(r.Text)
	}
}

// neutralise keeps a spreadsheet from running a cell as a formula (CSV
// injection): a cell starting with = + - @, tab or CR gets a leading '.
func neutralise(s string) string {
	s = termSafe(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func exportJSON(r *store.ExportRow, withText bool) map[string]any {
	m := map[string]any{
		// Unknown is null, as in every JSON the tool writes.
		"id": r.ID, "source": r.Source, "item_id": r.ItemID, "url": r.URL, "organization": nullable(r.Organization),
		"body": nullable(r.Body), "document": nullable(r.Document), "meeting_date": nullable(r.MeetingDate), "section": r.Section,
		"item_number": r.ItemNumber, "title": nullable(r.Title), "diary_number": nullable(r.DiaryNumber), "outcome": r.Outcome,
		"unanimous": r.Unanimous, "votes_yes": nil, "votes_no": nil, "votes_blank": nil, "votes_absent": nil,
		"confidential": r.Confidential, "language": nullable(r.Language), "proposal": nullable(r.Proposal), "decision": nullable(r.Decision),
		"fetched_at": nil, "parser_version": r.ParserVersion, "matter": r.Matter,
	}
	if r.Votes != nil {
		m["votes_yes"], m["votes_no"], m["votes_blank"], m["votes_absent"] = r.Votes.Yes, r.Votes.No, r.Votes.Blank, r.Votes.Absent
	}
	if !r.FetchedAt.IsZero() {
		m["fetched_at"] = r.FetchedAt.UTC().Format(time.RFC3339)
	}
	if withText {
		m["text"] = r.Text
	}
	return m
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// atomicFile is a temporary file that replaces its target only on commit.
type atomicFile struct {
	*os.File
	target string
	done   bool
}

func createAtomic(target string) (*atomicFile, error) {
	dir := filepath.Dir(target)
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", target, err)
	}
	return &atomicFile{File: f, target: target}, nil
}

func (f *atomicFile) commit() error {
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", f.target, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", f.target, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", f.target, err)
	}
	if err := os.Rename(f.Name(), f.target); err != nil {
		return fmt.Errorf("write %s: %w", f.target, err)
	}
	f.done = true
	return nil
}

// abort removes the temporary file unless commit succeeded.
func (f *atomicFile) abort() {
	if !f.done {
		f.Close()
		os.Remove(f.Name())
	}
}
