package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSourcesKnownListsTheRegistry(t *testing.T) {
	r := mustRun(t, exitOK, "sources", "known", "--json")
	names := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var k struct {
			Name    string `json:"name"`
			BaseURL string `json:"base_url"`
		}
		if err := json.Unmarshal([]byte(line), &k); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		names[k.Name] = k.BaseURL
	}
	if len(names) != 169 {
		t.Errorf("registry has %d sources, want the 169 of shared/dynasty-sources.tsv", len(names))
	}
	if got := names["virolahti"]; got != "https://dynasty.virolahti.fi" {
		t.Errorf("virolahti base URL = %q", got)
	}
	table := mustRun(t, exitOK, "sources", "known")
	if !strings.HasPrefix(table.stdout, "NAME\tSTATUS\tORGANISATION\tBASE URL\n") ||
		!strings.Contains(table.stdout, "virolahti\tseen\tVirolahden kunta\thttps://dynasty.virolahti.fi\n") ||
		!strings.Contains(table.stdout, "askola\treported\t-\thttps://askola.oncloudos.com\n") {
		t.Errorf("piped table should be TSV with a header, got %.80q", table.stdout)
	}
}

func TestSourcesAddListRemove(t *testing.T) {
	db := tempDB(t)
	mustRun(t, exitOK, "--db", db, "sources", "add", "--known", "virolahti", "kemijarvi")
	mustRun(t, exitOK, "--db", db, "sources", "add", "haapajarvi", "https://poytakirjat.haapajarvi.fi/D10_Haapajarvi/", "--org", "Haapajärven kaupunki")
	// A URL pasted from a browser is cut back to its base.
	r := mustRun(t, exitOK, "--db", db, "sources", "add", "lohja", "https://dynasty.lohja.fi:443/d10julkaisu/cgi/DREQUEST.PHP?page=meetingitem&id=2024101-3")
	if !strings.Contains(r.stdout, "https://dynasty.lohja.fi/d10julkaisu\n") {
		t.Errorf("pasted URL not cut back to its base: %q", r.stdout)
	}

	list := mustRun(t, exitOK, "--db", db, "sources", "list")
	for _, want := range []string{"virolahti\tVirolahden kunta\thttps://dynasty.virolahti.fi\t0\tnever", "haapajarvi\tHaapajärven kaupunki\thttps://poytakirjat.haapajarvi.fi/D10_Haapajarvi\t", "kemijarvi\t", "lohja\t-\t"} {
		if !strings.Contains(list.stdout, want) {
			t.Errorf("sources list lacks %q:\n%s", want, list.stdout)
		}
	}

	dup := mustRun(t, exitError, "--db", db, "sources", "add", "viro2", "https://dynasty.virolahti.fi/")
	if !strings.Contains(dup.stderr, "already") {
		t.Errorf("duplicate URL: %s", dup.stderr)
	}
	// --all adds what is missing, and says how many were there already.
	all := mustRun(t, exitOK, "--db", db, "sources", "add", "--known", "--all")
	// Registered already: virolahti and kemijarvi by name, haapajarvi and
	// lohja by their URLs.
	if !strings.Contains(all.stderr, "165 known sources added, 4 already registered") || strings.Count(all.stdout, "added ") != 165 {
		t.Errorf("add --known --all: stderr %q, %d added", all.stderr, strings.Count(all.stdout, "added "))
	}
	mustRun(t, exitUsage, "--db", db, "sources", "add", "--known", "--all", "kuopio")
	mustRun(t, exitUsage, "--db", db, "sources", "add", "--all")
	mustRun(t, exitOK, "--db", db, "sources", "remove", "kemijarvi")
	gone := mustRun(t, exitError, "--db", db, "sources", "remove", "kemijarvi")
	if !strings.Contains(gone.stderr, `no registered source named "kemijarvi"`) {
		t.Errorf("removing twice: %s", gone.stderr)
	}
	list = mustRun(t, exitOK, "--db", db, "sources", "list")
	if strings.Contains(list.stdout, "\nkemijarvi\t") || !strings.Contains(list.stdout, "\nkemijarvi-cloud\t") {
		t.Errorf("removed source still listed (or its neighbour gone):\n%s", list.stdout)
	}
}

func TestSourcesAddRejectsBadInput(t *testing.T) {
	db := tempDB(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"sources", "add", "x", "ftp://example.fi"}, "http"},
		{[]string{"sources", "add", "x", "dynasty.example.fi"}, "http"},
		{[]string{"sources", "add", "x", "https://"}, "host"},
		{[]string{"sources", "add", "Bad Name", "https://example.fi"}, "source name"},
		{[]string{"sources", "add", "x"}, "NAME and URL"},
		{[]string{"sources", "add", "--known", "atlantis"}, "not a known source"},
		{[]string{"sources", "add", "--known"}, "at least one"},
		{[]string{"sources", "remove"}, "NAME"},
	} {
		r := mustRun(t, exitUsage, append([]string{"--db", db}, tc.args...)...)
		if !strings.Contains(r.stderr, tc.want) {
			t.Errorf("minutes %s: stderr %q lacks %q", strings.Join(tc.args, " "), r.stderr, tc.want)
		}
	}
}

func TestArchivePathFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	t.Setenv("MINUTES_DB", "")
	mustRun(t, exitOK, "sources", "add", "a", "https://a.example.fi")
	if _, err := os.Stat(filepath.Join(dir, "xdg", "minutes", "minutes.db")); err != nil {
		t.Errorf("default archive not under $XDG_DATA_HOME/minutes: %v", err)
	}

	env := filepath.Join(dir, "env.db")
	t.Setenv("MINUTES_DB", env)
	mustRun(t, exitOK, "sources", "add", "b", "https://b.example.fi")
	list := mustRun(t, exitOK, "sources", "list")
	if !strings.Contains(list.stdout, "b\t-\thttps://b.example.fi") || strings.Contains(list.stdout, "a\t-\thttps://a.example.fi") {
		t.Errorf("MINUTES_DB not used: %s", list.stdout)
	}

	flag := filepath.Join(dir, "flag.db")
	mustRun(t, exitOK, "--db", flag, "sources", "add", "c", "https://c.example.fi")
	list = mustRun(t, exitOK, "--db", flag, "sources", "list")
	if !strings.Contains(list.stdout, "c\t-\thttps://c.example.fi") || strings.Contains(list.stdout, "b\t-\thttps") {
		t.Errorf("--db does not win over MINUTES_DB: %s", list.stdout)
	}
}
