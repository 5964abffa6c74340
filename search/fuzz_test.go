package search

import (
	"errors"
	"testing"
)

// FuzzParseQuery: any input parses or fails with one of the two query
// errors; a parsed query written back reads as the same query, and its
// snippet marks stay inside the text.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"sopimus", `"a b`, `-x`, `a OR -b`, `NEAR(a b, 2)`, `col : x`, "ä\u0308", "sopimusta 2026", "ɾ"} {
		f.Add(s, "Yhteistyön sopimus hyväksyttiin 2026.")
	}
	f.Fuzz(func(t *testing.T, s, text string) {
		q, err := ParseQuery(s)
		if err != nil {
			if !errors.Is(err, ErrEmptyQuery) && !errors.Is(err, ErrQueryTooLong) {
				t.Fatalf("parse %q: %v", s, err)
			}
			return
		}
		again, err := ParseQuery(q.String())
		if err != nil || again.String() != q.String() {
			t.Fatalf("%q reads back as %q (%v)", q.String(), again.String(), err)
		}
		sn := q.Snippet(text)
		for _, m := range sn.Marks {
			if m.Start < 0 || m.End > len(sn.Text) || m.Start >= m.End {
				t.Fatalf("mark %+v outside %q", m, sn.Text)
			}
		}
	})
}
