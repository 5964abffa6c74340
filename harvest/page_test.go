package harvest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

var updateExtract = flag.Bool("update-extract", false, "record the extractor's fingerprint in testdata/extract-version.txt (after bumping ExtractVersion)")

// htmlFixtures lists every HTML page under testdata, sorted.
func htmlFixtures(t *testing.T) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := strings.ToLower(filepath.Ext(p)); !d.IsDir() && (ext == ".html" || ext == ".htm") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil || len(paths) < 100 {
		t.Fatalf("HTML fixtures: %d found, %v", len(paths), err)
	}
	sort.Strings(paths)
	return paths
}

// contentTypeOf is how the fixture sites serve a page.
func contentTypeOf(p string) string {
	if strings.HasSuffix(strings.ToLower(p), ".htm") {
		return "text/html" // Espoo's Word pages name their charset inside
	}
	return "text/html; charset=utf-8"
}

// TestExtractVersionRecorded guards ExtractVersion: a reparse trusts a
// revision's extract record only while the extractor would make the same
// one, so any change to what Extract makes of a fixture page must come with
// a new version. testdata/extract-version.txt records the version and, for
// every HTML page under testdata, the fingerprint of Extract's output; a
// page added since is not compared (it is recorded at the next update), one
// removed is passed over.
func TestExtractVersionRecorded(t *testing.T) {
	got := map[string]string{}
	for _, p := range htmlFixtures(t) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		if page, err := Extract(raw, contentTypeOf(p)); err != nil {
			h.Write([]byte("error " + err.Error()))
		} else {
			h.Write([]byte(page.FullText()))
			h.Write(Record(page))
		}
		got[strings.TrimPrefix(filepath.ToSlash(p), "../")] = hex.EncodeToString(h.Sum(nil))
	}
	file := filepath.Join("..", "testdata", "extract-version.txt")
	if *updateExtract {
		var b strings.Builder
		fmt.Fprintf(&b, "%d\n", ExtractVersion)
		for _, p := range sortedKeys(got) {
			fmt.Fprintf(&b, "%s %s\n", got[p], p)
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	const update = "go test ./harvest -run TestExtractVersionRecorded -update-extract"
	if lines[0] != strconv.Itoa(ExtractVersion) {
		t.Fatalf("%s records version %q, ExtractVersion is %d: record its fingerprints with %s", file, lines[0], ExtractVersion, update)
	}
	compared := 0
	var changed []string
	for _, l := range lines[1:] {
		hash, p, ok := strings.Cut(l, " ")
		if !ok {
			t.Fatalf("%s: bad line %q", file, l)
		}
		g, ok := got[p]
		if !ok {
			continue // the page is gone
		}
		compared++
		if g != hash {
			changed = append(changed, p)
		}
	}
	if len(changed) > 0 {
		t.Fatalf("what Extract makes of %d fixture pages changed (%s …), but ExtractVersion is still %d: bump it, then record the new fingerprints with %s",
			len(changed), changed[0], ExtractVersion, update)
	}
	if compared < 100 {
		t.Fatalf("only %d recorded pages compared", compared)
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// A page read from its text and extract record reads exactly as the same
// page extracted again from its raw bytes: every real-site fixture page.
func TestRereadFromRecordIsRereadRaw(t *testing.T) {
	n := 0
	for _, p := range htmlFixtures(t) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ct := contentTypeOf(p)
		page, err := Extract(raw, ct)
		if err != nil {
			continue
		}
		sp := store.NewStoredPage(raw, ct, page.FullText(), Record(page), "Kunnanhallitus 10.03.2025 / Testiasia", "Testin kunta")
		fromRaw := RereadRaw(sp)
		fromRecord := Reread(sp)
		if fromRecord.Extracted != nil {
			t.Errorf("%s: read from its record, yet a record to keep", p)
		}
		if fromRecord.Text != fromRaw.Text || !reflect.DeepEqual(fromRecord.Decision, fromRaw.Decision) {
			t.Errorf("%s: read from its record differs from read from its raw bytes:\n%+v\n%+v", p, fromRecord.Decision, fromRaw.Decision)
		}
		if !bytes.Equal(fromRaw.Extracted, Record(page)) {
			t.Errorf("%s: RereadRaw's record %s, want %s", p, fromRaw.Extracted, Record(page))
		}
		n++
	}
	if n < 100 {
		t.Fatalf("only %d pages compared", n)
	}
}

// A record that does not fit the text, or an older extractor's, sends the
// page back to its raw bytes.
func TestStaleRecordRereadsRaw(t *testing.T) {
	raw := []byte("<html><body><h1>Kunnanhallitus</h1><!--DATABEGIN--><p><b>Testiasia</b></p><p>Päätös Hyväksyttiin.</p><!--DATAEND--></body></html>")
	page, err := Extract(raw, "text/html; charset=utf-8")
	if err != nil || page.Head == "" {
		t.Fatalf("fixture: %+v %v", page, err)
	}
	text := page.FullText()
	for name, rec := range map[string][]byte{
		"none":            nil,
		"older extractor": []byte(`{"v":0,"head":` + strconv.Itoa(len(page.Head)) + `}`),
		"head past text":  []byte(`{"v":` + strconv.Itoa(ExtractVersion) + `,"head":100000}`),
		"head misplaced":  []byte(`{"v":` + strconv.Itoa(ExtractVersion) + `,"head":3}`),
		"not JSON":        []byte(`{`),
	} {
		if _, ok := fromRecord(rec, text); ok {
			t.Errorf("%s: record accepted", name)
		}
		if r := Reread(store.NewStoredPage(raw, "text/html; charset=utf-8", text, rec, "", "")); r.Extracted == nil {
			t.Errorf("%s: not read from the raw bytes", name)
		}
	}
	if p, ok := fromRecord(Record(page), text); !ok || !reflect.DeepEqual(p, scrape.Page{Head: page.Head, Text: page.Text, Emphasis: page.Emphasis, DocumentTitle: page.DocumentTitle}) {
		t.Errorf("own record: %+v %v", p, ok)
	}
}
