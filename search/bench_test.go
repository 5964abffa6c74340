package search

import (
	"os"
	"testing"
)

// BenchmarkAnalyze analyses a real page text (a seed) for the index, as
// every archived decision's search row is made: words, keys and reversed
// keys. Reports MB/s of text.
func BenchmarkAnalyze(b *testing.B) {
	raw, err := os.ReadFile("../testdata/seeds/000_80952cb9c12cec3f.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if k, _ := Analyze(s); k == "" {
			b.Fatal("no keys")
		}
	}
}
