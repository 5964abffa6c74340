package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/minutes-fi/minutes/harvest"
	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

// BenchmarkReparse re-reads an archive of MINUTES_BENCH_REPARSE items
// (default 5,000): the real-text fixture pages (testdata/sites/real-*, HTML
// as the sites serve it) stored over and over under new ids by an "older
// parser" (version 0), then `reparse --outdated` as the command runs it:
// every raw page extracted and parsed again, every decision written back.
// Reports items/s.
func BenchmarkReparse(b *testing.B) {
	n := envInt(b, "MINUTES_BENCH_REPARSE", 5000)
	ctx := context.Background()
	pages, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "sites", "real-*", "meetingitem", "*.html"))
	if len(pages) == 0 {
		b.Fatal("no real-site pages")
	}
	var raws [][]byte
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
	}
	// titles: the older parser got every title wrong, so every search row
	// is rebuilt; outcomes: it got only outcomes wrong, the common case of
	// a parser improvement, and the search rows stay.
	for _, bc := range []struct {
		name string
		old  func(page scrape.Page) parse.Decision
	}{
		{"titles", func(scrape.Page) parse.Decision { return parse.Decision{Title: "old"} }},
		{"outcomes", func(page scrape.Page) parse.Decision {
			d := parse.Read(harvest.ParserInput(page, "", ""))
			d.Outcome = parse.OutcomeNone
			return d
		}},
	} {
		b.Run(bc.name, func(b *testing.B) { benchReparse(b, ctx, raws, n, bc.old) })
	}
}

func benchReparse(b *testing.B, ctx context.Context, raws [][]byte, n int, old func(scrape.Page) parse.Decision) {
	for b.Loop() {
		b.StopTimer()
		dbPath := filepath.Join(b.TempDir(), "minutes.db")
		db, err := store.Open(ctx, dbPath)
		if err != nil {
			b.Fatal(err)
		}
		src, err := db.AddSource(ctx, "r", "https://r.test", "")
		if err != nil {
			b.Fatal(err)
		}
		// The archive is built in groups (building is not what is measured).
		var group []store.Fetched
		for i := 0; i < n; i++ {
			raw := raws[i%len(raws)]
			page, err := harvest.Extract(raw, "text/html; charset=utf-8")
			if err != nil {
				b.Fatal(err)
			}
			group = append(group, store.Fetched{SourceID: src.ID, ItemID: fmt.Sprintf("%d-%d", 2024000+i/10, i%10+1),
				URL: "https://r.test/x", FetchedAt: time.Now(), Status: 200, ContentType: "text/html; charset=utf-8",
				Raw: raw, Text: page.FullText(), Decision: old(page), ParserVersion: 0})
			if len(group) == 64 || i == n-1 {
				if _, err := db.SaveItems(ctx, group); err != nil {
					b.Fatal(err)
				}
				group = group[:0]
			}
		}
		// The heap while reparsing, sampled: it must stay flat whatever n.
		peakHeap := sampleHeap()
		b.StartTimer()
		start := time.Now()
		rep, err := db.Reparse(ctx, store.ReparseOptions{Read: harvest.Reread, Version: parse.Version, Outdated: true})
		elapsed := time.Since(start)
		b.StopTimer()
		peak := peakHeap()
		if err != nil || rep.Items != n {
			b.Fatalf("reparse: %d items, %v", rep.Items, err)
		}
		db.Close()
		b.ReportMetric(float64(n)/elapsed.Seconds(), "items/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak_heap_MB")
		b.ReportMetric(0, "ns/op")
		b.StartTimer()
	}
}
