package scrape

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestKnown(t *testing.T) {
	list := Known()
	if len(list) != 169 {
		t.Errorf("%d sources, want the 169 of shared/dynasty-sources.tsv", len(list))
	}
	seen, named := 0, 0
	if !slices.IsSortedFunc(list, func(a, b KnownSource) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("not sorted by name")
	}
	slug := regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	names, hosts := map[string]bool{}, map[string]bool{}
	for _, s := range list {
		if !slug.MatchString(s.Name) || names[s.Name] {
			t.Errorf("%q: bad or repeated name", s.Name)
		}
		names[s.Name] = true
		if s.Status != "seen" && s.Status != "reported" {
			t.Errorf("%s: status %q", s.Name, s.Status)
		}
		if s.Status == "seen" {
			seen++
		}
		if s.Organization != "" {
			named++
		}
		u, err := ParseBaseURL(s.BaseURL)
		if err != nil {
			t.Errorf("%s: %v", s.Name, err)
			continue
		}
		if u.String() != s.BaseURL || u.Scheme != "https" {
			t.Errorf("%s: base URL %q is not normalised https (%q)", s.Name, s.BaseURL, u)
		}
		if hosts[u.Host+u.Path] {
			t.Errorf("%s: repeated base %s", s.Name, s.BaseURL)
		}
		hosts[u.Host+u.Path] = true
	}
	if seen != 28 || named != 31 {
		t.Errorf("%d seen, %d with an organisation; want 28 and the first 31", seen, named)
	}
	for name, want := range map[string]string{
		"kemijarvi": "https://paatoksetd10.kemijarvi.fi",
		"luhva":     "https://luhva-d10julk.oncloudos.com",
		"joensuu":   "https://dynastyjulkaisu.pohjoiskarjala.net/Joensuu",
		"lohja":     "https://dynasty.lohja.fi/d10julkaisu",
	} {
		s, ok := LookupKnown(" " + strings.ToUpper(name))
		if !ok || s.BaseURL != want || s.Name != name {
			t.Errorf("LookupKnown(%q) = %+v, %v; want base %s", name, s, ok, want)
		}
	}
	if _, ok := LookupKnown("helsinki"); ok {
		t.Error("LookupKnown found an unknown name")
	}
	list[0].Name = "changed"
	if Known()[0].Name == "changed" {
		t.Error("Known returns shared storage")
	}
	// The registry's hosts resolve links to themselves.
	for _, s := range list[1:] {
		u, _ := url.Parse(s.BaseURL)
		if _, ok := ClassifyURL(u, PageURL(u, "meetingitem", "2024001-1")); !ok {
			t.Errorf("%s: own page URL not recognised", s.Name)
		}
	}
}
