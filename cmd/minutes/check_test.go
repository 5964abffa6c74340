package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Every verdict of 'sources check', against local servers that answer as
// each kind of site would. The other systems' answers are reconstructed from
// the URL shapes and names in docs/dynasty.md, not captured.
func TestSourcesCheck(t *testing.T) {
	dynasty := newFixtureSite(t, "virolahti")
	moved := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, dynasty.base()+"/cgi/DREQUEST.PHP?"+r.URL.RawQuery, http.StatusMovedPermanently)
	}))
	defer moved.Close()
	casem := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Päätöksenteko</title><link href="https://cdn.cloudnc.fi/casem.css" rel="stylesheet"></head><body>Toimielimet</body></html>`)
	}))
	defer casem.Close()
	robots := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
			return
		}
		t.Errorf("a probe went past robots.txt: %s", r.URL)
	}))
	defer robots.Close()
	gone := httptest.NewServer(http.NotFoundHandler())
	defer gone.Close()
	refused := httptest.NewServer(http.NotFoundHandler())
	refusedURL := refused.URL
	refused.Close()

	r := runCLI(t, t.Context(), "sources", "check", "--json", "--timeout", "5s",
		dynasty.base(), moved.URL, casem.URL, robots.URL, gone.URL, refusedURL)
	if r.code != exitPartial {
		t.Errorf("exit %d, want %d; stderr %s", r.code, exitPartial, r.stderr)
	}
	got := map[string]checkJSON{}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var j checkJSON
		if err := json.Unmarshal([]byte(line), &j); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		got[j.BaseURL] = j
	}
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	if j := got[dynasty.base()]; j.Verdict != "dynasty" || j.Items == nil || *j.Items == 0 || deref(j.Newest) != "2023-10-23" {
		t.Errorf("dynasty site: %+v", j)
	}
	if j := got[moved.URL]; j.Verdict != "moved" || deref(j.MovedTo) != dynasty.base() {
		t.Errorf("moved site: %+v (moved to %q)", j, deref(j.MovedTo))
	}
	if j := got[casem.URL]; j.Verdict != "other" || deref(j.System) != "CaseM (CloudNC)" {
		t.Errorf("CaseM site: %+v", j)
	}
	if j := got[robots.URL]; j.Verdict != "robots" {
		t.Errorf("robots site: %+v", j)
	}
	for _, u := range []string{gone.URL, refusedURL} {
		if j := got[u]; j.Verdict != "gone" || j.Error == nil {
			t.Errorf("gone site %s: %+v", u, j)
		}
	}
	// The table says it in words.
	tbl := runCLI(t, t.Context(), "sources", "check", dynasty.base(), casem.URL)
	if !strings.Contains(tbl.stdout, "Dynasty, feeds answer (") || !strings.Contains(tbl.stdout, "another system: CaseM (CloudNC), not supported yet") {
		t.Errorf("table:\n%s", tbl.stdout)
	}
	mustRun(t, exitUsage, "--db", tempDB(t), "sources", "check")
	mustRun(t, exitUsage, "sources", "check", "no-such-source")
}
