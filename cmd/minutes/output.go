package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
)

// table prints aligned columns on a terminal and tab-separated values when
// stdout is a pipe, so that the same command serves people and scripts.
type table struct {
	a    *app
	tw   *tabwriter.Writer
	rows [][]string
}

func (a *app) newTable(header ...string) *table {
	t := &table{a: a}
	if a.stdoutTTY {
		t.tw = tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) {
	clean := make([]string, len(cells))
	for i, c := range cells {
		// A tab or newline inside a cell would break both layouts.
		clean[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
	}
	t.rows = append(t.rows, clean)
}

func (t *table) flush() error {
	if t.tw == nil {
		for _, r := range t.rows {
			if _, err := fmt.Fprintln(t.a.stdout, strings.Join(r, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
	for _, r := range t.rows {
		fmt.Fprintln(t.tw, strings.Join(r, "\t"))
	}
	return t.tw.Flush()
}

// formatTime renders a UTC timestamp for people and scripts alike; "" for zero.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
