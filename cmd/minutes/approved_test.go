package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestApprovedCommand(t *testing.T) {
	db := standardArchive(t)
	r := mustRun(t, exitOK, "--db", db, "approved", "hyvinvointialueen yhteistyösopimus")
	const words = "hyvinvointialueen yhteistyösopimus" // the query words each title holds
	want := "status\torganization\tbody\tdate\tsection\toutcome\tunanimous\twords\turl\n" +
		"approved\tAkaan kaupunki\tKaupunginvaltuusto\t2023-09-20\t5\tapproved\ttrue\t" + words + "\thttps://akaa.test/cgi/DREQUEST.PHP?page=meetingitem&id=2023-2\n" +
		"approved\tVirolahden kunta\tVirolahden kunnanhallitus\t2023-10-09\t183\tapproved\ttrue\t" + words + "\thttps://virolahti.test/cgi/DREQUEST.PHP?page=meetingitem&id=2023277-5\n" +
		"otherwise\tBkunta\tKunnanhallitus\t2023-09-02\t7\ttabled\t\t" + words + "\thttps://bkunta.test/cgi/DREQUEST.PHP?page=meetingitem&id=2023-1\n"
	if r.stdout != want {
		t.Errorf("approved:\n%s\nwant:\n%s", r.stdout, want)
	}
	if !strings.Contains(r.stderr, "2 approved, 1 ended otherwise, 0 mentioned only in a proposal or decision text, 1 archived organisations with no matching item") {
		t.Errorf("stderr: %s", r.stderr)
	}
	r = mustRun(t, exitOK, "--db", db, "approved", "yhteistyösopimus", "--until", "2023-09-10", "--format", "json")
	var out struct {
		Approved  []orgJSON `json:"approved"`
		Unmatched int       `json:"unmatched_organizations"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	// Before the council met, the board's approval speaks for Akaa.
	if len(out.Approved) != 1 || out.Approved[0].Body != "Kaupunginhallitus" || out.Unmatched != 2 {
		t.Errorf("approved until 2023-09-10: %s", r.stdout)
	}
	mustRun(t, exitUsage, "--db", db, "approved")
	mustRun(t, exitUsage, "--db", db, "approved", "x", "--since", "yesterday")
	mustRun(t, exitUsage, "--db", db, "approved", "x", "--org", "akaa") // not a flag of approved
}
