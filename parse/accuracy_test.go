package parse_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/minutes-fi/minutes/parse"
)

// accuracyFloor fails TestAccuracy; the goal is 0.98 on every field.
const accuracyFloor = 0.90

// field reads one field of a Decision for scoring: its value and whether it is
// non-empty (a prediction was made / a value was expected).
type field struct {
	name string
	get  func(d parse.Decision) (any, bool)
}

func str(s string) (any, bool) { return s, s != "" }

var fields = []field{
	{"organization", func(d parse.Decision) (any, bool) { return str(d.Organization) }},
	{"body", func(d parse.Decision) (any, bool) { return str(d.Body) }},
	{"document", func(d parse.Decision) (any, bool) { return str(string(d.Document)) }},
	{"meeting_date", func(d parse.Decision) (any, bool) { return str(d.MeetingDate) }},
	{"section", func(d parse.Decision) (any, bool) { return d.Section, d.Section != nil }},
	{"item_number", func(d parse.Decision) (any, bool) { return d.ItemNumber, d.ItemNumber != nil }},
	{"title", func(d parse.Decision) (any, bool) { return str(d.Title) }},
	{"diary_number", func(d parse.Decision) (any, bool) { return str(d.DiaryNumber) }},
	{"preparers", func(d parse.Decision) (any, bool) { return d.Preparers, len(d.Preparers) > 0 }},
	{"presenter", func(d parse.Decision) (any, bool) { return d.Presenter, d.Presenter != nil }},
	{"proposal", func(d parse.Decision) (any, bool) { return str(d.Proposal) }},
	{"decision", func(d parse.Decision) (any, bool) { return str(d.Decision) }},
	{"outcome", func(d parse.Decision) (any, bool) { return d.Outcome, true }},
	{"unanimous", func(d parse.Decision) (any, bool) { return d.Unanimous, d.Unanimous != nil }},
	{"votes", func(d parse.Decision) (any, bool) { return d.Votes, d.Votes != nil }},
	{"disqualified", func(d parse.Decision) (any, bool) { return d.Disqualified, len(d.Disqualified) > 0 }},
	{"handlings", func(d parse.Decision) (any, bool) { return d.Handlings, len(d.Handlings) > 0 }},
	{"notify", func(d parse.Decision) (any, bool) { return d.Notify, len(d.Notify) > 0 }},
	{"attachments", func(d parse.Decision) (any, bool) { return d.Attachments, len(d.Attachments) > 0 }},
	{"confidential", func(d parse.Decision) (any, bool) { return d.Confidential, d.Confidential }},
	{"language", func(d parse.Decision) (any, bool) { return str(d.Language) }},
}

// score counts, for one field, predictions and expectations.
type score struct {
	predicted, expected, correct int // non-empty predictions, non-empty expectations, correct non-empty predictions
	wrong                        []string
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// TestAccuracy measures the parser over the labelled set and the seeds and
// prints per-field precision and recall:
//
//	precision = correct non-empty predictions / non-empty predictions
//	recall    = correct non-empty predictions / non-empty expected values
//
// Lists (preparers, disqualified, handlings, notify, attachments) are compared
// as wholes: one wrong element makes the whole list wrong. Warnings are not
// scored. Run: go test ./parse -run TestAccuracy -v
func TestAccuracy(t *testing.T) {
	items := append(loadSeeds(t), loadLabelled(t)...)
	scores := make([]score, len(fields))
	exact := 0
	for _, it := range items {
		got := parse.Text(it.text)
		allRight := true
		for i, f := range fields {
			g, gOK := f.get(got)
			w, wOK := f.get(it.want)
			s := &scores[i]
			if gOK {
				s.predicted++
			}
			if wOK {
				s.expected++
			}
			same := cmp.Equal(g, w, equateEmpty)
			if gOK && same {
				s.correct++
			}
			if !same {
				allRight = false
				s.wrong = append(s.wrong, it.name)
				t.Logf("%s: %s:\n%s", it.name, f.name, cmp.Diff(w, g, equateEmpty))
			}
		}
		if allRight {
			exact++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nsynthetic set: %d items (%d seeds + the labelled set written with the parser, so in-sample), %d items entirely right\n", len(items), 5, exact)
	fmt.Fprintf(&b, "%-14s %9s %9s %9s %10s %7s\n", "field", "predicted", "expected", "correct", "precision", "recall")
	for i, f := range fields {
		s := scores[i]
		p, r := ratio(s.correct, s.predicted), ratio(s.correct, s.expected)
		fmt.Fprintf(&b, "%-14s %9d %9d %9d %10.3f %7.3f", f.name, s.predicted, s.expected, s.correct, p, r)
		if len(s.wrong) > 0 {
			fmt.Fprintf(&b, "  wrong: %s", strings.Join(s.wrong, ", "))
		}
		b.WriteByte('\n')
		if p < accuracyFloor || r < accuracyFloor {
			t.Errorf("field %s: precision %.3f, recall %.3f: under %.2f", f.name, p, r, accuracyFloor)
		}
	}
	t.Log(b.String())
}
