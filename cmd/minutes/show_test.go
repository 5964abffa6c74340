package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestShowCommand(t *testing.T) {
	db := standardArchive(t)
	r := mustRun(t, exitOK, "--db", db, "show", "virolahti/2023277-5")
	for _, want := range []string{
		"ID:            virolahti/2023277-5",
		"Body:          Virolahden kunnanhallitus",
		"Section:       183",
		"Diary number:  70/00.06.01/2023",
		"Outcome:       approved",
		"Presenter:",
		"Decision:\n  Ehdotus hyväksyttiin yksimielisesti.",
		"Revisions (1):",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q:\n%s", want, r.stdout)
		}
	}
	j := mustRun(t, exitOK, "--db", db, "show", "--json", "https://VIROLAHTI.test:443/cgi/DREQUEST.PHP?id=2023277-5&page=meetingitem")
	var s showJSON
	if err := json.Unmarshal([]byte(j.stdout), &s); err != nil {
		t.Fatal(err)
	}
	if s.ID != "virolahti/2023277-5" || len(s.Revisions) != 1 || s.Decision.Section == nil || *s.Decision.Section != 183 {
		t.Errorf("show --json by URL: %s", j.stdout)
	}
	r = mustRun(t, exitError, "--db", db, "show", "virolahti/1-1")
	if !strings.Contains(r.stderr, "no archived item") {
		t.Errorf("stderr: %s", r.stderr)
	}
	mustRun(t, exitUsage, "--db", db, "show")
}
