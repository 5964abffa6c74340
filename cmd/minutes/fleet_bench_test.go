package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/minutes-fi/minutes/store"
)

// BenchmarkSyncFleet syncs a simulated fleet: MINUTES_BENCH_SOURCES
// generated Dynasty sites (default 300), each on its own host:port so the
// client's per-host serialisation is real, with MINUTES_BENCH_ITEMS items
// each (default 200), politeness delay 0, into a fresh SQLite archive,
// through the CLI as a user runs it. MINUTES_BENCH_PARALLEL sets
// --parallel (default: the CLI's own default).
//
// Metrics: items/s of the first sync end to end; peak_heap_MB (sampled
// HeapInuse during the first sync, the fleet's servers included, since they
// share the process) and maxrss_MB (the process's peak RSS so far); for a
// second sync with nothing new: nochange_s, nochange_requests (robots.txt
// once per host plus the feeds), nochange_conditional (the feed requests,
// all conditional) and nochange_item_fetches (must be 0).
func BenchmarkSyncFleet(b *testing.B) {
	sources := envInt(b, "MINUTES_BENCH_SOURCES", 300)
	items := envInt(b, "MINUTES_BENCH_ITEMS", 200)
	parallel := envInt(b, "MINUTES_BENCH_PARALLEL", 0)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		sites := make([]*genSite, sources)
		dbPath := filepath.Join(b.TempDir(), "minutes.db")
		db, err := store.Open(ctx, dbPath)
		if err != nil {
			b.Fatal(err)
		}
		for i := range sites {
			sites[i] = newGenSite(b, items)
			if _, err := db.AddSource(ctx, fmt.Sprintf("s%03d", i), sites[i].base(), ""); err != nil {
				b.Fatal(err)
			}
		}
		db.Close()
		args := []string{"--db", dbPath, "--retries", "0", "--show", strconv.Itoa(min(items, 1000))}
		if parallel > 0 {
			args = append(args, "--parallel", strconv.Itoa(parallel))
		}
		runtime.GC()

		peakHeap := sampleHeap()
		b.StartTimer()
		start := time.Now()
		sum := syncJSONB(b, ctx, exitOK, args...)
		first := time.Since(start)
		b.StopTimer()
		peak := peakHeap()

		stored := 0
		for _, r := range sum.Sources {
			stored += r.New
		}
		if stored != sources*items {
			b.Fatalf("first sync stored %d items, want %d", stored, sources*items)
		}

		var reqBefore, itemsBefore, condBefore int64
		for _, s := range sites {
			reqBefore += s.requests.Load()
			itemsBefore += s.itemFetches.Load()
			condBefore += s.conditional.Load()
		}
		start = time.Now()
		sum = syncJSONB(b, ctx, exitOK, args...)
		second := time.Since(start)
		var reqs, refetches, conditional int64
		for _, s := range sites {
			reqs += s.requests.Load()
			refetches += s.itemFetches.Load()
			conditional += s.conditional.Load()
		}
		reqs -= reqBefore
		refetches -= itemsBefore
		conditional -= condBefore
		for _, r := range sum.Sources {
			if r.New+r.Changed != 0 || r.FeedsNotModified != 2 {
				b.Fatalf("no-change run: %s has %d new, %d changed, %d feeds not modified", r.Source, r.New, r.Changed, r.FeedsNotModified)
			}
		}
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)

		b.ReportMetric(float64(stored)/first.Seconds(), "items/s")
		b.ReportMetric(first.Seconds(), "first_s")
		b.ReportMetric(float64(peak)/(1<<20), "peak_heap_MB")
		b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss_MB")
		b.ReportMetric(second.Seconds(), "nochange_s")
		b.ReportMetric(float64(reqs), "nochange_requests")
		b.ReportMetric(float64(conditional), "nochange_conditional")
		b.ReportMetric(float64(refetches), "nochange_item_fetches")
		if fi, err := os.Stat(dbPath); err == nil {
			b.ReportMetric(float64(fi.Size())/(1<<20), "archive_MB")
		}
		b.StartTimer()
	}
}

// syncJSONB is syncJSON for benchmarks.
func syncJSONB(b *testing.B, ctx context.Context, want int, args ...string) syncSummary {
	b.Helper()
	full := append([]string{"sync", "--json", "--quiet", "--delay", "0"}, args...)
	var out, errOut bytes.Buffer
	code := run(ctx, full, strings.NewReader(""), &out, &errOut)
	if code != want {
		b.Fatalf("minutes %v: exit %d, want %d\n%.3000s", full, code, want, errOut.String())
	}
	var sum syncSummary
	if err := json.Unmarshal(out.Bytes(), &sum); err != nil {
		b.Fatalf("sync --json: %v", err)
	}
	return sum
}

func envInt(b *testing.B, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		b.Fatalf("%s=%q: want a number", name, v)
	}
	return n
}

// BenchmarkSyncFleetDead: MINUTES_BENCH_SOURCES registered sources (default
// 170, as many as the registry knows), a third of them dead (refusing
// connections) and a third of those slow instead (answering nothing until
// the request times out), the rest live with a few items. A first run
// meets every failure; then the dead ones are given a week of failed runs
// (their health written as if by daily runs) and a run with nothing new
// follows, as cron would start it.
//
// Metrics: first_s (the first run, the slow ones costing a timeout each);
// nochange_s, the run with nothing new; dormant_skipped, the dead sources
// it left out; dead_probes, the requests that reached the slow ones in it
// (must be 0: a dormant source costs one probe a day, not one a run).
func BenchmarkSyncFleetDead(b *testing.B) {
	sources := envInt(b, "MINUTES_BENCH_SOURCES", 170)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		dbPath := filepath.Join(b.TempDir(), "minutes.db")
		db, err := store.Open(ctx, dbPath)
		if err != nil {
			b.Fatal(err)
		}
		var slowHits atomic.Int64
		var deadIDs []int64
		for i := 0; i < sources; i++ {
			var base string
			switch {
			case i%3 != 0:
				base = newGenSite(b, 5).base()
			case i%9 == 0: // slow: accepts, then says nothing
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					slowHits.Add(1)
					select {
					case <-r.Context().Done():
					case <-time.After(30 * time.Second):
					}
				}))
				b.Cleanup(srv.Close)
				base = srv.URL
			default: // dead: nothing listens on port 1
				base = fmt.Sprintf("http://127.0.0.1:1/dead%03d", i)
			}
			src, err := db.AddSource(ctx, fmt.Sprintf("s%03d", i), base, "")
			if err != nil {
				b.Fatal(err)
			}
			if i%3 == 0 {
				deadIDs = append(deadIDs, src.ID)
			}
		}
		db.Close()
		args := []string{"--db", dbPath, "--retries", "0", "--timeout", "2s"}
		b.StartTimer()
		start := time.Now()
		syncJSONB(b, ctx, exitPartial, args...)
		first := time.Since(start)
		b.StopTimer()

		// A week of daily failed runs, the last an hour ago: the dead
		// sources' health as the week would have left it.
		sdb, err := sql.Open("sqlite", "file:"+dbPath)
		if err != nil {
			b.Fatal(err)
		}
		now := time.Now().UTC()
		for _, id := range deadIDs {
			if _, err := sdb.ExecContext(ctx, `UPDATE sources SET failed_runs = 8, failing_since = ?, last_run_at = ? WHERE id = ?`,
				now.Add(-7*24*time.Hour).Format("2006-01-02T15:04:05.000Z"), now.Add(-time.Hour).Format("2006-01-02T15:04:05.000Z"), id); err != nil {
				b.Fatal(err)
			}
		}
		sdb.Close()
		before := slowHits.Load()
		start = time.Now()
		sum := syncJSONB(b, ctx, exitOK, args...)
		second := time.Since(start)
		b.ReportMetric(first.Seconds(), "first_s")
		b.ReportMetric(second.Seconds(), "nochange_s")
		b.ReportMetric(float64(len(sum.Skipped)), "dormant_skipped")
		b.ReportMetric(float64(slowHits.Load()-before), "dead_probes")
		b.ReportMetric(0, "ns/op")
		b.StartTimer()
	}
}

// sampleHeap samples the heap in use every 50 ms until the returned
// function is called, which returns the peak seen.
func sampleHeap() func() uint64 {
	var peak atomic.Uint64
	stop, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		<-sampled
		return peak.Load()
	}
}
