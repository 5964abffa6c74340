package store

import (
	"bytes"
	stdgzip "compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// realRawPages are raw Dynasty pages as served (Espoo's Word-made HTML) and
// pages of the real-text fixture sites.
func realRawPages(tb testing.TB) [][]byte {
	tb.Helper()
	var paths []string
	for _, g := range []string{"real/espoo/*.HTM", "sites/real-*/meetingitem/*.html"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", g))
		if err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 100 {
		tb.Fatalf("%d raw pages, want the real ones", len(paths))
	}
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// TestRawPagesStayGzip: the archive's raw pages are plain gzip both ways:
// what SaveItem writes, the standard library (and so any gzip reader)
// reads, and what earlier versions wrote with the standard library reads
// back unchanged.
func TestRawPagesStayGzip(t *testing.T) {
	for _, page := range realRawPages(t)[:40] {
		z, err := gzipBytes(page)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := stdgzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(got, page) {
			t.Fatalf("standard gzip reads %d bytes (%v), want the %d of the page", len(got), err, len(page))
		}
		var old bytes.Buffer
		zw := stdgzip.NewWriter(&old)
		if _, err := zw.Write(page); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if got, err := decodeRaw(old.Bytes(), "gzip"); err != nil || !bytes.Equal(got, page) {
			t.Fatalf("decodeRaw of a standard gzip page: %d bytes, %v", len(got), err)
		}
	}
}

// BenchmarkGzipRaw compresses real raw pages as SaveItem does (archive) and
// with the standard library's default, as versions before 21 did (stdlib);
// ratio is compressed size over raw size.
func BenchmarkGzipRaw(b *testing.B) {
	pages := realRawPages(b)
	total := 0
	for _, p := range pages {
		total += len(p)
	}
	zw := stdgzip.NewWriter(io.Discard) // reused, as SaveItem reuses its writers
	std := func(p []byte) ([]byte, error) {
		var buf bytes.Buffer
		zw.Reset(&buf)
		if _, err := zw.Write(p); err != nil {
			return nil, err
		}
		err := zw.Close()
		return buf.Bytes(), err
	}
	for _, bc := range []struct {
		name string
		f    func([]byte) ([]byte, error)
	}{{"archive", gzipBytes}, {"stdlib", std}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(total))
			out := 0
			for i := 0; i < b.N; i++ {
				out = 0
				for _, p := range pages {
					z, err := bc.f(p)
					if err != nil {
						b.Fatal(err)
					}
					out += len(z)
				}
			}
			b.ReportMetric(float64(out)/float64(total), "ratio")
		})
	}
}
