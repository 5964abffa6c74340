package parse

import (
	"strings"
	"testing"
)

// FuzzLower checks lower against strings.ToLower, which it stands in for.
func FuzzLower(f *testing.F) {
	for _, s := range []string{"", "abc", "ABC", "Päätös Hyväksyttiin", "ÄÖÅ äöå ×", "İstanbul", "\xff\xfeA", "ǅ ß ẞ Σ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, strings.ToLower gives %q", s, got, want)
		}
	})
}
