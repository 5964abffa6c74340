package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/minutes-fi/minutes/parse"
)

var update = flag.Bool("update", false, "rewrite the expected JSON of the fixture site pages (review the diff before committing)")

// TestFixturePagesGolden parses every item page of the fixture sites through
// `minutes parse --json` (HTML → text → decision) and compares the result
// with the hand-checked testdata/sites/<site>/expected/<page>.json.
func TestFixturePagesGolden(t *testing.T) {
	pages, err := filepath.Glob("../../testdata/sites/*/meetingitem/*.html")
	if err != nil || len(pages) < 15 {
		t.Fatalf("fixture pages: %d, %v", len(pages), err)
	}
	for _, page := range pages {
		site := filepath.Base(filepath.Dir(filepath.Dir(page)))
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		if strings.HasPrefix(site, "real-") {
			// Built from labelled real texts: TestRealAccuracy* score them
			// against their labels, TestSyncRealSites against the text.
			continue
		}
		t.Run(site+"/"+name, func(t *testing.T) {
			rel, _ := filepath.Rel("../../testdata/sites", page)
			r := mustRun(t, exitOK, "parse", "--json", fixturePage(t, rel))
			var got parse.Decision
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("../../testdata/sites", site, "expected", name+".json")
			if *update {
				var buf bytes.Buffer
				if err := json.Indent(&buf, []byte(r.stdout), "", "  "); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			raw, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("no expected JSON (write it by hand, or run with -update and review every line): %v", err)
			}
			var want parse.Decision
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatalf("%s: %v", golden, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", golden, diff)
			}
		})
	}
}
