package scrape

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
	"sync"
)

// KnownSource is a Dynasty site from the embedded registry, so that users
// can write "kuopio" instead of a base URL.
type KnownSource struct {
	Name string `json:"name"` // short slug, lower-case ASCII, stable
	// Organization is the organisation's name as its own pages give it,
	// "" where it is not known yet (a sync learns it from the site header;
	// it is never derived from the host name).
	Organization string `json:"organization"`
	BaseURL      string `json:"base_url"` // normalised as ParseBaseURL returns it
	// Status says how sure the registry is: "seen" (a real item page under
	// this base was seen) or "reported" (named in others' public scraper
	// configurations, unverified).
	Status string `json:"status"`
}

// sourcesJSON lists every Dynasty base URL known to the project
// (shared/dynasty-sources.tsv, docs/dynasty.md): the first 31 with their
// organisations as their pages name them, the rest with the organisation
// left to the first sync. Names were made once from the host or path (the
// municipality's own label, ASCII) and never change. Sites move to other
// platforms, so entries may be dead: 'minutes sources check' tells.
//
//go:embed sources.json
var sourcesJSON []byte

var known = sync.OnceValue(func() []KnownSource {
	var list []KnownSource
	if err := json.Unmarshal(sourcesJSON, &list); err != nil {
		panic("scrape: embedded sources.json: " + err.Error()) // a build defect, caught by tests
	}
	slices.SortFunc(list, func(a, b KnownSource) int { return strings.Compare(a.Name, b.Name) })
	return list
})

// Known returns the embedded registry of known Dynasty sources, sorted by
// name. The slice is a copy; callers may modify it.
func Known() []KnownSource {
	return slices.Clone(known())
}

// LookupKnown finds a known source by name, case-insensitively.
func LookupKnown(name string) (KnownSource, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, s := range known() {
		if s.Name == name {
			return s, true
		}
	}
	return KnownSource{}, false
}
