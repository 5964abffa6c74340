package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutes-fi/minutes/store"
)

func TestExportCSV(t *testing.T) {
	db := standardArchive(t)
	out := filepath.Join(t.TempDir(), "out.csv")
	r := mustRun(t, exitOK, "--db", db, "export", "-o", out, "--excel", "--with-text")
	if r.stdout != "" || !strings.Contains(r.stderr, "exported 5 decisions") {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\uFEFF")) || !bytes.Contains(b, []byte("\r\n")) {
		t.Errorf("no BOM or CRLF: %q", b[:40])
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := append(append([]string{}, store.ExportColumns...), "text")
	if strings.Join(recs[0], ",") != strings.Join(header, ",") || len(recs) != 6 {
		t.Fatalf("header %v, %d records", recs[0], len(recs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var sawFormula bool
	for _, rec := range recs[1:] {
		for i, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("column %s starts a formula: %q", recs[0][i], cell)
			}
		}
		if strings.HasPrefix(rec[col["title"]], "'=HYPERLINK") {
			sawFormula = true
		}
		if rec[col["id"]] == "virolahti/2023277-5" {
			if rec[col["section"]] != "183" || rec[col["meeting_date"]] != "2023-10-09" || rec[col["unanimous"]] != "true" ||
				!strings.Contains(rec[col["text"]], "Kymenlaakson") {
				t.Errorf("seed 000 row: %v", rec)
			}
		}
	}
	if !sawFormula {
		t.Error("formula title not neutralised")
	}
	// The same export without -o goes to stdout, identical apart from BOM and text.
	r = mustRun(t, exitOK, "--db", db, "export", "sopimus", "--org", "akaa")
	recs, err = csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Errorf("filtered export: %v\n%s", err, r.stdout)
	}
	// pandas reads it, when installed.
	if py, err := exec.LookPath("python3"); err == nil {
		cmd := exec.Command(py, "-c", "import sys\ntry:\n import pandas\nexcept ImportError:\n print('skip'); sys.exit(0)\n"+
			"d = pandas.read_csv(sys.argv[1], encoding='utf-8-sig')\nprint(len(d), d['section'].dropna().astype(int).max())", out)
		o, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("pandas: %v\n%s", err, o)
		} else if s := strings.TrimSpace(string(o)); s != "skip" && s != "5 183" {
			t.Errorf("pandas read %q", s)
		}
	}
}

func TestExportNDJSONAndAtomic(t *testing.T) {
	db := standardArchive(t)
	r := mustRun(t, exitOK, "--db", db, "export", "--format", "ndjson")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines", len(lines))
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil {
		t.Fatal(err)
	}
	for _, c := range store.ExportColumns {
		if _, ok := row[c]; !ok {
			t.Errorf("ndjson lacks %s", c)
		}
	}
	// A failed export leaves no file, and keeps an older one intact.
	dir := t.TempDir()
	out := filepath.Join(dir, "keep.csv")
	os.WriteFile(out, []byte("old"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := runCLI(t, ctx, "--db", db, "export", "-o", out)
	if res.code == exitOK {
		t.Fatalf("cancelled export succeeded")
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("file after failed export: %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
	mustRun(t, exitUsage, "--db", db, "export", "--format", "xlsx")
	mustRun(t, exitUsage, "--db", db, "export", "--format", "ndjson", "--excel")
	mustRun(t, exitUsage, "--db", db, "export", "--since", "2024")
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1+2": "'=1+2", "+358": "'+358", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx",
		"Päätös": "Päätös", "": "", "70/00.06.01/2023": "70/00.06.01/2023",
		// Controls are printed as spaces (termSafe): a carriage return, which
		// spreadsheets read as a formula start, and an escape sequence.
		"\rx": " x", "a\x1b[2Jb": "a [2Jb", "\x1b]52;c;AAAA\x07=1": " ]52;c;AAAA =1",
	} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// A line break inside a cell stays a line break; records end in CRLF.
func TestExportCSVKeepsLineBreaksInCells(t *testing.T) {
	db := archiveWith(t, testItem{"x", "2023-1", "Kunnanhallitus\nPöytäkirja 01.09.2025/Pykälä 12\nAsia\n" +
		"Päätösehdotus Kunnanhallitus päättää\n1. hyväksyä sopimuksen\n2. valtuuttaa kunnanjohtajan\nPäätös Ehdotus hyväksyttiin."})
	r := mustRun(t, exitOK, "--db", db, "export")
	if !strings.Contains(r.stdout, "sopimuksen\n2.") {
		t.Errorf("the line break inside the proposal is not kept as it is:\n%q", r.stdout)
	}
	if !strings.HasSuffix(r.stdout, "\r\n") || strings.Count(r.stdout, "\r\n") != 2 {
		t.Errorf("want two records ending in CRLF:\n%q", r.stdout)
	}
	recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("read back: %v, %d records", err, len(recs))
	}
	col := -1
	for i, h := range recs[0] {
		if h == "proposal" {
			col = i
		}
	}
	if want := "Kunnanhallitus päättää\n1. hyväksyä sopimuksen\n2. valtuuttaa kunnanjohtajan"; col < 0 || recs[1][col] != want {
		t.Errorf("proposal cell %q, want %q", recs[1][col], want)
	}
}
