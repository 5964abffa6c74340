package store

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The big benchmarks run over a generated archive of MINUTES_BENCH_DECISIONS
// decisions (default 1,000,000), made once per test binary run in a
// temporary directory that TestMain removes. Run them with
//
//	go test -run '^$' -bench 'Archive' -benchtime 200x ./store
//
// Generation writes rows directly in big transactions (not through
// SaveItem) from a vocabulary of the seed and fixture texts, Zipf-
// distributed, so that there are very common and very rare words.

var bench struct {
	once sync.Once
	dir  string
	db   *DB
	err  error
	n    int
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.db != nil {
		bench.db.Close()
	}
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// benchRare is injected into one decision in 10,000; benchMatter into the
// titles of one in 2,000, as the matter of the approved benchmark.
const (
	benchRare   = "tuulivoimapuisto"
	benchMatter = "Hyvinvointialueen ja kunnan yhteistyösopimus"
)

func benchArchive(b *testing.B) *DB {
	b.Helper()
	bench.once.Do(func() {
		bench.n = 1_000_000
		if s := os.Getenv("MINUTES_BENCH_DECISIONS"); s != "" {
			if bench.n, bench.err = strconv.Atoi(s); bench.err != nil {
				return
			}
		}
		bench.dir, bench.err = os.MkdirTemp("", "minutes-bench-")
		if bench.err != nil {
			return
		}
		start := time.Now()
		bench.db, bench.err = generateArchive(filepath.Join(bench.dir, "minutes.db"), bench.n, corpusTexts(b))
		if bench.err != nil {
			return
		}
		fi, _ := os.Stat(filepath.Join(bench.dir, "minutes.db"))
		var size int64
		if fi != nil {
			size = fi.Size()
		}
		fmt.Fprintf(os.Stderr, "generated an archive of %d decisions in %s (%.1f GB, %d CPUs)\n",
			bench.n, time.Since(start).Round(time.Second), float64(size)/1e9, runtime.NumCPU())
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.db
}

type vocabWord struct{ word, key, rev string }

func generateArchive(path string, n int, texts []string) (*DB, error) {
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	// Vocabulary: the words of the real texts, most frequent first, with
	// their index keys computed once.
	freq := map[string]int{}
	for _, t := range texts {
		for _, tok := range tokens(t) {
			freq[t[tok.start:tok.end]]++
		}
	}
	var vocab []vocabWord
	for w := range freq {
		k := termKey(strings.ToLower(w))
		vocab = append(vocab, vocabWord{w, k, reverseKey(k)})
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i].word] != freq[vocab[j].word] {
			return freq[vocab[i].word] > freq[vocab[j].word]
		}
		return vocab[i].word < vocab[j].word
	})
	special := func(w string) vocabWord {
		k := termKey(strings.ToLower(w))
		return vocabWord{w, k, reverseKey(k)}
	}
	rare := special(benchRare)
	var matter []vocabWord
	for _, t := range tokens(benchMatter) {
		matter = append(matter, special(benchMatter[t.start:t.end]))
	}
	rng := rand.New(rand.NewSource(1))
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(vocab)-1))
	bodies := []string{"Kunnanhallitus", "Kunnanvaltuusto", "Tekninen lautakunta", "Sivistyslautakunta", "Ympäristölautakunta"}
	outcomes := []string{"approved", "approved", "approved", "approved", "amended", "noted", "tabled", "returned", "rejected", "pending"}

	const orgs = 300
	for i := 0; i < orgs; i++ {
		if _, err := db.db.ExecContext(ctx, `INSERT INTO sources (id, name, base_url, organization, registered, added_at)
			VALUES (?, ?, ?, ?, 1, '2025-01-01T00:00:00.000Z')`, i+1, fmt.Sprintf("org%03d", i),
			fmt.Sprintf("https://org%03d.test", i), fmt.Sprintf("Kunta %03d", i)); err != nil {
			return nil, err
		}
	}
	const batch = 20000
	var text, keys, revs, title, tkeys, trevs strings.Builder
	add := func(w vocabWord, t, k, r *strings.Builder) {
		if t.Len() > 0 {
			t.WriteByte(' ')
			k.WriteByte(' ')
			r.WriteByte(' ')
		}
		t.WriteString(w.word)
		k.WriteString(w.key)
		r.WriteString(w.rev)
	}
	for lo := 0; lo < n; lo += batch {
		tx, err := db.db.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		// A big page cache for the bulk load, on this transaction's connection.
		if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -262144`); err != nil {
			return nil, err
		}
		insItem, _ := tx.PrepareContext(ctx, `INSERT INTO items (id, source_id, item_id, url, meeting_id, position,
			first_seen, last_checked, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')`)
		setRev, _ := tx.PrepareContext(ctx, `UPDATE items SET current_revision_id = ?1 WHERE id = ?1`)
		insRev, _ := tx.PrepareContext(ctx, `INSERT INTO revisions (id, item_rowid, fetched_at, http_status, content_hash,
			raw, raw_encoding, raw_size, text, parser_version) VALUES (?, ?, ?, 200, '', x'', 'identity', 0, ?, 1)`)
		insDec, _ := tx.PrepareContext(ctx, `INSERT INTO decisions (item_rowid, revision_id, organization, body, document,
			meeting_date, section, title, proposal, decision, outcome, unanimous, language, data, parser_version, parsed_at)
			VALUES (?, ?, ?, ?, 'minutes', ?, ?, ?, ?, ?, ?, ?, 'fi', '{}', 1, ?)`)
		insFTS, _ := tx.PrepareContext(ctx, `INSERT INTO search (rowid, title_keys, title_revs, text_keys, text_revs)
			VALUES (?, ?, ?, ?, ?)`)
		for id := lo + 1; id <= min(n, lo+batch); id++ {
			org := rng.Intn(orgs)
			body := bodies[rng.Intn(len(bodies))]
			day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, id*3650/n)
			itemID := fmt.Sprintf("%d%07d-%d", day.Year(), id, id%12+1)
			title.Reset()
			tkeys.Reset()
			trevs.Reset()
			if id%2000 == 7 {
				for _, w := range matter {
					add(w, &title, &tkeys, &trevs)
				}
			} else {
				for j := 6 + rng.Intn(6); j > 0; j-- {
					add(vocab[zipf.Uint64()], &title, &tkeys, &trevs)
				}
			}
			text.Reset()
			keys.Reset()
			revs.Reset()
			for _, w := range tokens("Kunta " + strconv.Itoa(org) + " " + body) {
				add(special(strings.ToLower(w.word)), &text, &keys, &revs)
			}
			for j := 60 + rng.Intn(80); j > 0; j-- {
				add(vocab[zipf.Uint64()], &text, &keys, &revs)
			}
			if id%10000 == 3 {
				add(rare, &text, &keys, &revs)
			}
			at := fmtTime(day)
			url := fmt.Sprintf("https://org%03d.test/cgi/DREQUEST.PHP?page=meetingitem&id=%s", org, itemID)
			if _, err := insItem.ExecContext(ctx, id, org+1, itemID, url, itemID[:strings.IndexByte(itemID, '-')], id%12+1, at, at); err != nil {
				return nil, err
			}
			full := title.String() + "\n" + text.String()
			if _, err := insRev.ExecContext(ctx, id, id, at, full); err != nil {
				return nil, err
			}
			if _, err := setRev.ExecContext(ctx, id); err != nil {
				return nil, err
			}
			outcome := outcomes[rng.Intn(len(outcomes))]
			if _, err := insDec.ExecContext(ctx, id, id, fmt.Sprintf("Kunta %03d", org), body, day.Format("2006-01-02"),
				id%300+1, title.String(), "Esitetään hyväksyttäväksi.", "Ehdotus hyväksyttiin.", outcome, id%2, at); err != nil {
				return nil, err
			}
			if _, err := insFTS.ExecContext(ctx, id, tkeys.String(), trevs.String(), keys.String()+" "+tkeys.String(),
				revs.String()+" "+trevs.String()); err != nil {
				return nil, err
			}
		}
		if err := tx.Commit(); err != nil {
			return nil, err
		}
	}
	if _, err := db.db.ExecContext(ctx, `INSERT INTO search (search) VALUES ('optimize')`); err != nil {
		return nil, err
	}
	if _, err := db.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return nil, err
	}
	return db, nil
}

// reportLatency records p50 and p95 of the samples.
func reportLatency(b *testing.B, samples []time.Duration) {
	sort.Slice(samples, func(i, j int) bool { return samples[i] < samples[j] })
	pct := func(p float64) float64 {
		return float64(samples[int(p*float64(len(samples)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(0, "ns/op")
}

func BenchmarkArchiveSearch(b *testing.B) {
	db := benchArchive(b)
	ctx := context.Background()
	for _, q := range []struct{ name, query string }{
		{"common", "kunnan"}, // in most decisions
		{"common-two-words", "hyvinvointialueen kunnan"},
		{"rare", benchRare}, // one decision in 10,000
		{"phrase", `"hyvinvointialueen ja kuntien"`},
		{"filtered", "kunnan"}, // with organisation and date filters
	} {
		b.Run(q.name, func(b *testing.B) {
			opts := SearchOptions{Query: q.query, Limit: 20}
			if q.name == "filtered" {
				opts.Filter = Filter{Organization: "org007", Since: "2020-01-01"}
			}
			res, err := db.Search(ctx, opts)
			if err != nil {
				b.Fatal(err)
			}
			if len(res.Hits) == 0 {
				b.Fatalf("%s: no hits", q.query)
			}
			samples := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				if _, err := db.Search(ctx, opts); err != nil {
					b.Fatal(err)
				}
				samples = append(samples, time.Since(start))
			}
			reportLatency(b, samples)
		})
	}
}

func BenchmarkArchiveApproved(b *testing.B) {
	db := benchArchive(b)
	ctx := context.Background()
	res, err := db.Approved(ctx, "hyvinvointialueen yhteistyösopimus", Filter{})
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Approved)+len(res.Otherwise) == 0 {
		b.Fatal("approved: nothing matched")
	}
	samples := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := db.Approved(ctx, "hyvinvointialueen yhteistyösopimus", Filter{}); err != nil {
			b.Fatal(err)
		}
		samples = append(samples, time.Since(start))
	}
	reportLatency(b, samples)
}

// BenchmarkArchiveExport streams the whole archive and reports rows per
// second, the peak of HeapInuse sampled every 10,000 rows, and bytes
// allocated per row.
func BenchmarkArchiveExport(b *testing.B) {
	db := benchArchive(b)
	ctx := context.Background()
	b.ResetTimer()
	var rows int
	var peak uint64
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	// One pass over a big archive is seconds of work: with -benchtime Nx
	// (set for the latency benchmarks) at most two passes are made.
	for i := 0; i < min(b.N, 2); i++ {
		n, err := db.Export(ctx, ExportOptions{}, func(r *ExportRow) error {
			rows++
			if rows%10000 == 0 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if n != bench.n {
			b.Fatalf("exported %d rows, want %d", n, bench.n)
		}
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(rows)/elapsed.Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(rows), "alloc-B/row")
	b.ReportMetric(0, "ns/op")
}
