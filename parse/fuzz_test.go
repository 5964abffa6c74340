package parse_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/minutes-fi/minutes/parse"
)

// FuzzParse: Text never panics or hangs, and what it returns is well formed.
func FuzzParse(f *testing.F) {
	for _, it := range append(loadSeeds(f), loadLabelled(f)...) {
		f.Add(it.text)
	}
	f.Add("")
	f.Add("\u00a0\n\u00a0\n")
	f.Add("Päätös\nPäätös\nPäätös")
	f.Add("KH 31.02.2023 § 0\n§ 99999999999999999999")
	f.Add("Dynasty tietopalvelu Haku RSS")
	f.Fuzz(func(t *testing.T, text string) {
		checkDecision(t, parse.Text(text))
	})
}

// FuzzRead: Read of an HTML page's parts, with a feed title and an
// organisation, never panics and returns a well-formed decision.
func FuzzRead(f *testing.F) {
	for _, it := range loadSeeds(f) {
		head, text, _ := strings.Cut(it.text, "Pykälä")
		f.Add(head, text, "Kunnanhallitus 09.10.2023 / Sopimus", "Sopimus", "Virolahden kunta")
	}
	f.Add("Toimielimet | Kaupunginhallitus | Pöytäkirja 08.05.2017 | Avaa haku", "§ 127\nAsia", "", "Asia", "")
	f.Add("", "", " / ", "", "")
	f.Fuzz(func(t *testing.T, head, text, feed, bold, org string) {
		d := parse.Read(parse.Page{Head: head, Text: text, Emphasis: []string{bold}, FeedTitle: feed, Organization: org})
		checkDecision(t, d)
		if d.Organization == "" && visible(org) {
			t.Fatalf("organisation %q given, none in the decision", org)
		}
	})
}

// visible reports whether s has a letter or digit early enough to survive
// the parser's cleaning (controls, zero-width characters and spaces go; a
// line is read up to 20,000 characters).
func visible(s string) bool {
	n := 0
	for _, r := range s {
		if n++; n > 10000 {
			return false
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// checkDecision fails on a decision that is not well formed.
func checkDecision(t *testing.T, d parse.Decision) {
	t.Helper()
	{
		if !parse.ValidOutcome(string(d.Outcome)) {
			t.Fatalf("outcome %q not valid", d.Outcome)
		}
		if d.Section != nil && *d.Section <= 0 {
			t.Fatalf("section %d", *d.Section)
		}
		if d.ItemNumber != nil && *d.ItemNumber <= 0 {
			t.Fatalf("item number %d", *d.ItemNumber)
		}
		if d.Document != "" && d.Document != parse.DocumentMinutes && d.Document != parse.DocumentAgenda {
			t.Fatalf("document %q", d.Document)
		}
		if d.Language != "" && d.Language != "fi" && d.Language != "sv" {
			t.Fatalf("language %q", d.Language)
		}
		if len(d.MeetingDate) != 0 && len(d.MeetingDate) != len("2006-01-02") {
			t.Fatalf("meeting date %q", d.MeetingDate)
		}
		for _, h := range d.Handlings {
			if !parse.ValidOutcome(string(h.Outcome)) || (h.Section != nil && *h.Section <= 0) {
				t.Fatalf("handling %+v", h)
			}
		}
		if d.Document == parse.DocumentAgenda && d.Outcome != parse.OutcomePending {
			t.Fatalf("agenda with outcome %q", d.Outcome)
		}
		if d.Document != parse.DocumentAgenda && len(d.Handlings) > 0 && d.Handlings[len(d.Handlings)-1].Outcome != d.Outcome {
			t.Fatalf("outcome %q is not the final handling's %q", d.Outcome, d.Handlings[len(d.Handlings)-1].Outcome)
		}
		if d.Votes != nil && (d.Unanimous == nil || *d.Unanimous) {
			t.Fatalf("a vote, yet unanimous is %v", d.Unanimous)
		}
		for _, s := range []string{d.Title, d.Proposal, d.Decision, d.Body, d.Organization} {
			if !utf8.ValidString(s) || strings.Contains(s, "\u00a0") {
				t.Fatalf("bad text %q", s)
			}
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back parse.Decision
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("unmarshal %s: %v", b, err)
		}
	}
}

// BenchmarkParse parses every labelled item once per iteration and reports
// items per second.
func BenchmarkParse(b *testing.B) {
	items := loadLabelled(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, it := range items {
			parse.Text(it.text)
		}
	}
	b.ReportMetric(float64(b.N*len(items))/b.Elapsed().Seconds(), "items/s")
}
