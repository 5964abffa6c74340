package harvest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/minutes-fi/minutes/parse"
)

// BenchmarkReadPages reads the pages bench/read-pages.sh compares with the
// BeautifulSoup baseline (the real-site item pages and the raw Espoo HTML):
// extract and parse, as a sync does. Reports pages/s; run with -cpu 1 for
// one core.
func BenchmarkReadPages(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "sites", "real-*", "meetingitem", "*.html"))
	espoo, _ := filepath.Glob(filepath.Join("..", "testdata", "real", "espoo", "*.HTM"))
	paths = append(paths, espoo...)
	var raws [][]byte
	size := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
		size += len(raw)
	}
	if len(raws) == 0 {
		b.Fatal("no pages")
	}
	b.SetBytes(int64(size / len(raws)))
	i := 0
	for b.Loop() {
		raw := raws[i%len(raws)]
		i++
		p, err := Extract(raw, "")
		if err != nil {
			b.Fatal(err)
		}
		_ = parse.Read(ParserInput(p, "", ""))
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "pages/s")
}
