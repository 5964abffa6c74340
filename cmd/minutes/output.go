package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"golang.org/x/term"
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
		clean[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(termSafe(c))
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

// termSafe makes text from pages and sites safe to print: every character a
// terminal would act on rather than show (C0 controls but tab and newline,
// DEL, C1 controls, bidirectional overrides and isolates) becomes spaces of
// the same byte length, so that byte offsets into the text (snippet marks)
// stay right. The archive keeps the text as it was; only what is printed is
// cleaned. OSC 52 (clipboard), screen clearing and colour codes in a page
// thus reach the terminal as harmless text.
func termSafe(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if unsafeRune(r) {
			n := utf8.RuneLen(r)
			if r == utf8.RuneError {
				_, n = utf8.DecodeRuneInString(s[i:])
			}
			b.WriteString(strings.Repeat(" ", n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	}
	return false
}

// newJSONEncoder writes JSON that a terminal shows as it is: the characters
// termSafe would blank (those JSON leaves raw: C1 controls, bidirectional
// overrides) are written as \uXXXX escapes, which JSON readers turn back
// into the same text. HTML is not escaped.
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(jsonSafeWriter{w})
	enc.SetEscapeHTML(false)
	return enc
}

// jsonSafeWriter escapes unsafe runes in each Write; json.Encoder writes a
// whole value per Write, so no rune is split across calls.
type jsonSafeWriter struct{ w io.Writer }

func (j jsonSafeWriter) Write(p []byte) (int, error) {
	s := string(p)
	if termSafe(s) == s {
		return j.w.Write(p)
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) && r != utf8.RuneError {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	if _, err := io.WriteString(j.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// csvWriter writes RFC 4180 records: CRLF between records, and a line
// break inside a cell kept as the decision has it (encoding/csv's UseCRLF
// would turn those into CRLF too, and pandas would read "\r\n" inside cells).
type csvWriter struct {
	w   io.Writer
	buf bytes.Buffer
	cw  *csv.Writer
}

func newCSVWriter(w io.Writer) *csvWriter {
	c := &csvWriter{w: w}
	c.cw = csv.NewWriter(&c.buf)
	return c
}

// Write writes one record.
func (c *csvWriter) Write(rec []string) error {
	c.buf.Reset()
	if err := c.cw.Write(rec); err != nil {
		return err
	}
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	b := bytes.TrimSuffix(c.buf.Bytes(), []byte("\n"))
	if _, err := c.w.Write(append(b, '\r', '\n')); err != nil {
		return err
	}
	return nil
}

// width is how many columns the output may use: the terminal's width, else
// $COLUMNS, else 100.
func (a *app) width() int {
	if f, ok := a.stdout.(*os.File); ok && a.stdoutTTY {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			return w
		}
	}
	if n, err := strconv.Atoi(a.getenv("COLUMNS")); err == nil && n > 20 {
		return n
	}
	return 100
}

// color reports whether to use terminal escapes: on a terminal, unless
// NO_COLOR is set (https://no-color.org).
func (a *app) color() bool { return a.stdoutTTY && a.getenv("NO_COLOR") == "" }

// truncate cuts s to at most n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func sectionString(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func boolString(p *bool) string {
	if p == nil {
		return ""
	}
	return strconv.FormatBool(*p)
}

func validFormat(name, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return usagef("--%s %q: want %s", name, v, strings.Join(allowed, ", "))
}

// writeTSV writes tab-separated values: tabs and newlines inside cells
// become spaces, so every row is one line.
func writeTSV(a *app, header []string, rows [][]string) error {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for _, r := range append([][]string{header}, rows...) {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = clean.Replace(termSafe(c))
		}
		if _, err := fmt.Fprintln(a.stdout, strings.Join(cells, "\t")); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV(a *app, header []string, rows [][]string) error {
	w := newCSVWriter(a.stdout)
	if err := w.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = neutralise(c)
		}
		if err := w.Write(cells); err != nil {
			return err
		}
	}
	return nil
}
