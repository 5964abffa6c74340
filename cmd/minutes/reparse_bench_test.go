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
// parser" (version 0) with the extract records sync keeps (but in
// outcomes-raw), then `reparse --outdated` as the command runs it: every
// page parsed again (extracted again where it has no record), every changed
// decision written back. Reports items/s, the CPU time per item and the
// cores used (a shared machine's wall-clock figures vary by a third from run
// to run; its CPU time per item by much less), and the peak heap.
func BenchmarkReparse(b *testing.B) {
	n := envInt(b, "MINUTES_BENCH_REPARSE", 5000)
	ctx := context.Background()
	pages, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "sites", "real-*", "meetingitem", "*.html"))
	if len(pages) == 0 {
		b.Fatal("no real-site pages")
	}
	// Each real site is a source of its own, as in an archive: a source
	// learns its organisation from its pages, which a reread then passes on.
	var raws []benchPage
	for _, p := range pages {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, benchPage{site: filepath.Base(filepath.Dir(filepath.Dir(p))), raw: raw})
	}
	// titles: the older parser got every title wrong, so every search row
	// is rebuilt; outcomes: it got only outcomes wrong, a common case of a
	// parser improvement, and the search rows stay.
	for _, bc := range []struct {
		name string
		old  func(page scrape.Page, org string) parse.Decision
		only string // the one field the case changes, if one; "-" none
		raw  bool   // the archive keeps no extract records (synced before they were kept): every page is extracted again
	}{
		{"titles", func(scrape.Page, string) parse.Decision { return parse.Decision{Title: "old"} }, "", false},
		{"outcomes", outcomesWrong, "outcome", false},
		{"outcomes-raw", outcomesWrong, "outcome", true},
		// unchanged: the parser reads every page as it did (a version bump
		// for a rule few pages meet): the reading alone.
		{"unchanged", func(page scrape.Page, org string) parse.Decision {
			return parse.Read(harvest.ParserInput(page, "", org))
		}, "-", false},
	} {
		b.Run(bc.name, func(b *testing.B) { benchReparse(b, ctx, raws, n, bc.old, bc.only, bc.raw) })
	}
}

// outcomesWrong is an older parser that read every page as today's does
// but its outcome.
func outcomesWrong(page scrape.Page, org string) parse.Decision {
	d := parse.Read(harvest.ParserInput(page, "", org))
	d.Outcome = parse.OutcomeNone
	return d
}

// benchPage is a real-site page and the site it comes from.
type benchPage struct {
	site string
	raw  []byte
}

func benchReparse(b *testing.B, ctx context.Context, raws []benchPage, n int, old func(scrape.Page, string) parse.Decision, only string, noRecords bool) {
	for b.Loop() {
		b.StopTimer()
		dbPath := filepath.Join(b.TempDir(), "minutes.db")
		db, err := store.Open(ctx, dbPath)
		if err != nil {
			b.Fatal(err)
		}
		sources, orgs := map[string]int64{}, map[string]string{}
		for _, p := range raws {
			// The organisation a sync would have learned from the site's
			// pages: the first a page header names.
			if orgs[p.site] != "" {
				continue
			}
			page, err := harvest.Extract(p.raw, "text/html; charset=utf-8")
			if err != nil {
				b.Fatal(err)
			}
			orgs[p.site] = parse.Read(harvest.ParserInput(page, "", "")).Organization
		}
		for _, p := range raws {
			if _, ok := sources[p.site]; ok {
				continue
			}
			src, err := db.AddSource(ctx, p.site, "https://"+p.site+".test", orgs[p.site])
			if err != nil {
				b.Fatal(err)
			}
			sources[p.site] = src.ID
		}
		record := harvest.Record // as sync keeps it
		if noRecords {
			record = func(scrape.Page) []byte { return nil }
		}
		// The archive is built in groups (building is not what is measured).
		var group []store.Fetched
		for i := 0; i < n; i++ {
			bp := raws[i%len(raws)]
			raw := bp.raw
			page, err := harvest.Extract(raw, "text/html; charset=utf-8")
			if err != nil {
				b.Fatal(err)
			}
			group = append(group, store.Fetched{SourceID: sources[bp.site], ItemID: fmt.Sprintf("%d-%d", 2024000+i/10, i%10+1),
				URL: "https://r.test/x", FetchedAt: time.Now(), Status: 200, ContentType: "text/html; charset=utf-8",
				Raw: raw, Text: page.FullText(), Extracted: record(page), Decision: old(page, orgs[bp.site]), ParserVersion: 0})
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
		start, cpu0 := time.Now(), processCPU()
		rep, err := db.Reparse(ctx, store.ReparseOptions{Read: harvest.Reread, Version: parse.Version, Outdated: true})
		elapsed, cpu := time.Since(start), processCPU()-cpu0
		b.StopTimer()
		peak := peakHeap()
		if err != nil || rep.Items != n {
			b.Fatalf("reparse: %d items, %v", rep.Items, err)
		}
		if only == "-" && rep.Changed != 0 {
			b.Fatalf("reparse changed %d items (%v): the case changes none", rep.Changed, rep.Fields)
		}
		if only != "" {
			for f := range rep.Fields {
				if f != only {
					b.Fatalf("reparse changed %s (%d items): the case is to change %s alone", f, rep.Fields[f], only)
				}
			}
		}
		db.Close()
		b.ReportMetric(float64(n)/elapsed.Seconds(), "items/s")
		if cpu0 >= 0 {
			// The work per item, whatever else the machine runs, and the
			// cores it kept busy.
			b.ReportMetric(float64(cpu.Microseconds())/float64(n), "cpu_us/item")
			b.ReportMetric(cpu.Seconds()/elapsed.Seconds(), "cores")
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak_heap_MB")
		b.ReportMetric(0, "ns/op")
		b.StartTimer()
	}
}
