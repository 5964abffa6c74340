package store

import (
	"context"
	"errors"
	"testing"

	"github.com/minutes-fi/minutes/search"
)

func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"sopimus", `"a b`, `-x`, `a OR -b`, `NEAR(a b, 2)`, `col : x`, `x*`, `^x`, `'`, `"`, "\x00", "ä\u0308", "a\"\"b"} {
		f.Add(s)
	}
	db := openTemp(f)
	src, err := db.AddSource(context.Background(), "f", "https://f.test", "")
	if err != nil {
		f.Fatal(err)
	}
	saveText(f, db, src.ID, "1-1", "Yhteistyösopimus hyväksyttiin. Päätös: \"x\" -y (z) a OR b NEAR col:x.")
	f.Fuzz(func(t *testing.T, q string) {
		// A query parses, or says it has no word, or that it is over the
		// length limit; a parsed query runs without error.
		pq, err := search.ParseQuery(q)
		if err != nil {
			if !errors.Is(err, search.ErrEmptyQuery) && !errors.Is(err, search.ErrQueryTooLong) {
				t.Errorf("parse %q: %v", q, err)
			}
			return
		}
		if _, err := db.Search(context.Background(), SearchOptions{Query: pq}); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
		if _, err := db.Approved(context.Background(), pq, Filter{}); err != nil {
			t.Errorf("approved %q: %v", q, err)
		}
		if _, err := db.Export(context.Background(), ExportOptions{Query: pq}, func(*ExportRow) error { return nil }); err != nil {
			t.Errorf("export %q: %v", q, err)
		}
	})
}
