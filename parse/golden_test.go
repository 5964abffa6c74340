package parse_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/minutes-fi/minutes/parse"
)

var update = flag.Bool("update", false, "rewrite the golden files of the seeds in testdata/parse/seeds")

const (
	seedDir     = "../testdata/seeds"
	seedGolden  = "../testdata/parse/seeds"
	labelledDir = "../testdata/parse/labelled"
)

// fixture is one page text with its hand-written expected Decision.
type fixture struct {
	name   string
	text   string
	want   parse.Decision
	golden string // path of the expected JSON
}

// jsonKeys are the keys a Decision may have; hand-written files are checked
// against them so that a misspelt key cannot pass silently as "unknown".
var jsonKeys = func() map[string]bool {
	// The keys of the JSON form itself, as MarshalJSON writes them.
	b, err := json.Marshal(parse.Decision{})
	if err != nil {
		panic(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	keys := map[string]bool{}
	for k := range m {
		keys[k] = true
	}
	return keys
}()

func readExpected(t testing.TB, path string) parse.Decision {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read expected: %v", err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for k := range raw {
		if !jsonKeys[k] {
			t.Fatalf("%s: unknown key %q", path, k)
		}
	}
	if _, ok := raw["outcome"]; !ok {
		t.Fatalf("%s: no outcome", path)
	}
	var d parse.Decision
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

func loadSeeds(t testing.TB) []fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds in %s (%v)", seedDir, err)
	}
	var out []fixture
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := fixture{name: name, text: string(text), golden: filepath.Join(seedGolden, name+".json")}
		if !*update {
			f.want = readExpected(t, f.golden)
		}
		out = append(out, f)
	}
	return out
}

func loadLabelled(t testing.TB) []fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(labelledDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no labelled items in %s (%v)", labelledDir, err)
	}
	sort.Strings(paths)
	var out []fixture
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		golden := strings.TrimSuffix(p, ".txt") + ".json"
		out = append(out, fixture{name: name, text: string(text), want: readExpected(t, golden), golden: golden})
	}
	return out
}

// equateEmpty: a list that is absent, null or [] in JSON means the same.
var equateEmpty = cmpopts.EquateEmpty()

// TestSeeds checks the five real pages field by field against hand-checked
// golden files; -update rewrites them (read the diff before committing).
func TestSeeds(t *testing.T) {
	for _, f := range loadSeeds(t) {
		t.Run(f.name, func(t *testing.T) {
			got := parse.Text(f.text)
			if *update {
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(f.golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(f.want, got, equateEmpty); diff != "" {
				t.Errorf("Text(%s) mismatch (-want +got):\n%s", f.name, diff)
			}
		})
	}
}

// TestGoldenRoundTrip: what MarshalJSON writes, UnmarshalJSON reads back, and
// the golden files are byte-for-byte what MarshalJSON writes.
func TestGoldenRoundTrip(t *testing.T) {
	if *update {
		t.Skip("updating")
	}
	for _, f := range append(loadSeeds(t), loadLabelled(t)...) {
		got := parse.Text(f.text)
		b, err := json.Marshal(got)
		if err != nil {
			t.Fatalf("%s: marshal: %v", f.name, err)
		}
		var back parse.Decision
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: unmarshal: %v", f.name, err)
		}
		if diff := cmp.Diff(got, back); diff != "" {
			t.Errorf("%s: round trip (-marshalled +read back):\n%s", f.name, diff)
		}
		if strings.HasPrefix(f.golden, seedGolden) {
			want, err := os.ReadFile(f.golden)
			if err != nil {
				t.Fatal(err)
			}
			ind, _ := json.MarshalIndent(f.want, "", "  ")
			if !bytes.Equal(bytes.TrimSpace(want), ind) {
				t.Errorf("%s: golden file is not in canonical form", f.golden)
			}
		}
	}
}
