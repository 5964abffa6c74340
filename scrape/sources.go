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
	Name         string `json:"name"`         // short slug, lower-case ASCII
	Organization string `json:"organization"` // in Finnish, as the organisation names itself
	BaseURL      string `json:"base_url"`     // normalised as ParseBaseURL returns it
}

// sourcesJSON lists sources reported in public scrapers (DYNASTY.md); none
// is verified, and sites move to other platforms, so entries may be dead.
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
