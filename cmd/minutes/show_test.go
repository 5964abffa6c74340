package main

import (
	"encoding/csv"
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

// show lists the other handlings of the item's matter (same source and
// diary number), and export names the matter in its matter column.
func TestShowAndExportMatter(t *testing.T) {
	withDiary := func(body, date, sec, title, diary, decision string) string {
		return strings.Replace(page("Ekunta", body, date, sec, title, decision), title+"\n", title+"\n"+diary+"\n", 1)
	}
	db := archiveWith(t,
		testItem{"e", "1-1", withDiary("Kunnanhallitus", "04.09.2023", "11", "Yhteistyösopimus", "123/00.04.01/2023", "Ehdotus hyväksyttiin.")},
		testItem{"e", "2-1", withDiary("Kunnanvaltuusto", "25.09.2023", "6", "Valtuustoasia", "123/00.04.01/2023", "Ehdotus hyväksyttiin.")},
		testItem{"e", "3-1", withDiary("Kunnanvaltuusto", "30.10.2023", "9", "Muu asia", "200/00.04.01/2023", "Ehdotus hyväksyttiin.")},
		testItem{"e", "4-1", page("Ekunta", "Kunnanvaltuusto", "30.10.2023", "10", "Ilman diaarinumeroa", "Ehdotus hyväksyttiin.")},
	)
	r := mustRun(t, exitOK, "--db", db, "show", "e/2-1")
	if !strings.Contains(r.stdout, "Same matter (diary number 123/00.04.01/2023), 2 handlings:") ||
		!strings.Contains(r.stdout, "   2023-09-04 · Kunnanhallitus · § 11 · approved · Yhteistyösopimus  e/1-1") ||
		!strings.Contains(r.stdout, " * 2023-09-25 · Kunnanvaltuusto · § 6 · approved · Valtuustoasia  e/2-1") ||
		strings.Contains(r.stdout, "e/3-1") {
		t.Errorf("show e/2-1:\n%s", r.stdout)
	}
	var s showJSON
	if err := json.Unmarshal([]byte(mustRun(t, exitOK, "--db", db, "show", "--json", "e/3-1").stdout), &s); err != nil {
		t.Fatal(err)
	}
	if s.Matter.Key != "e/200/00.04.01/2023" || len(s.Matter.Handlings) != 1 {
		t.Errorf("matter of e/3-1: %+v", s.Matter)
	}
	if r := mustRun(t, exitOK, "--db", db, "show", "e/4-1"); strings.Contains(r.stdout, "Same matter") {
		t.Errorf("an item without a diary number has no other handlings:\n%s", r.stdout)
	}
	recs, err := csv.NewReader(strings.NewReader(mustRun(t, exitOK, "--db", db, "export").stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	got := map[string]string{}
	for _, rec := range recs[1:] {
		got[rec[col["id"]]] = rec[col["matter"]]
	}
	want := map[string]string{"e/1-1": "e/123/00.04.01/2023", "e/2-1": "e/123/00.04.01/2023", "e/3-1": "e/200/00.04.01/2023", "e/4-1": "e/4-1"}
	for id, m := range want {
		if got[id] != m {
			t.Errorf("export matter of %s = %q, want %q", id, got[id], m)
		}
	}
}
