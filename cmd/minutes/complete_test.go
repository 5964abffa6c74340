package main

import (
	"strings"
	"testing"
)

// Shell completion offers flag values, the archive's source names and the
// registry's names.
func TestCompletion(t *testing.T) {
	db := standardArchive(t)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"search", "x", "--format", ""}, []string{"table", "tsv", "csv", "json"}},
		{[]string{"export", "--format", ""}, []string{"csv", "ndjson"}},
		{[]string{"search", "x", "--outcome", "approved,ta"}, []string{"approved,tabled"}},
		{[]string{"sources", "remove", ""}, []string{"virolahti", "akaa"}},
		{[]string{"sync", "--source", ""}, []string{"virolahti"}},
		{[]string{"sources", "add", "--known", "kemij"}, []string{"kemijarvi\tKemijärven kaupunki"}},
	} {
		r := mustRun(t, exitOK, append([]string{"--db", db, "__complete"}, tc.args...)...)
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("complete %q: no %q in\n%s", tc.args, w, r.stdout)
			}
		}
	}
	if r := mustRun(t, exitOK, "--db", db, "__complete", "sources", "add", ""); strings.Contains(r.stdout, "kemijarvi") {
		t.Errorf("sources add without --known completes registry names:\n%s", r.stdout)
	}
}
