package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStatsCommand(t *testing.T) {
	db := standardArchive(t)
	r := mustRun(t, exitOK, "--db", db, "stats")
	for _, want := range []string{
		"dimension\tkey\torganization\tcount\n",
		"total\t\t\t5\n",
		"organization\tAkaan kaupunki\t\t2\n",
		"body\tKaupunginvaltuusto\tAkaan kaupunki\t1\n",
		"year\t2024\t\t1\n",
		"year\t2023\t\t4\n",
		"outcome\tapproved\t\t4\n",
		"outcome\ttabled\t\t1\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stats lacks %q:\n%s", want, r.stdout)
		}
	}
	r = mustRun(t, exitOK, "--db", db, "stats", "--format", "json", "--since", "2024-01-01")
	var out struct {
		Decisions int `json:"decisions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || out.Decisions != 1 {
		t.Errorf("stats json: %v %s", err, r.stdout)
	}
	mustRun(t, exitUsage, "--db", db, "stats", "--outcome", "won")
}
