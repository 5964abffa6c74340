package parse_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/minutes-fi/minutes/parse"
)

func TestMarshalNulls(t *testing.T) {
	tests := []struct {
		name string
		in   parse.Decision
		want string
	}{
		{"zero", parse.Decision{}, `{"organization":null,"body":null,"document":null,"meeting_date":null,"section":null,"item_number":null,"title":null,"diary_number":null,"preparers":[],"presenter":null,"proposal":null,"decision":null,"outcome":"none","unanimous":null,"votes":null,"disqualified":[],"handlings":[],"notify":[],"attachments":[],"confidential":false,"language":null,"warnings":[]}`},
		{"nested", parse.Decision{
			Outcome:   parse.OutcomePending,
			Presenter: &parse.Person{Title: "Kaupunginjohtaja"},
			Handlings: []parse.Handling{{Proposal: "P"}},
		}, `{"organization":null,"body":null,"document":null,"meeting_date":null,"section":null,"item_number":null,"title":null,"diary_number":null,"preparers":[],"presenter":{"name":null,"title":"Kaupunginjohtaja","phone":null,"email":null},"proposal":null,"decision":null,"outcome":"pending","unanimous":null,"votes":null,"disqualified":[],"handlings":[{"body":null,"date":null,"section":null,"proposal":"P","decision":null,"outcome":"none"}],"notify":[],"attachments":[],"confidential":false,"language":null,"warnings":[]}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, string(b)); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestUnmarshal(t *testing.T) {
	var d parse.Decision
	if err := json.Unmarshal([]byte(`{"outcome":"maybe"}`), &d); !errors.Is(err, parse.ErrInvalidOutcome) {
		t.Errorf("invalid outcome: err = %v, want ErrInvalidOutcome", err)
	}
	if err := json.Unmarshal([]byte(`{"outcome":"approved","title":null,"preparers":[],"section":3}`), &d); err != nil {
		t.Fatal(err)
	}
	three := 3
	if diff := cmp.Diff(parse.Decision{Outcome: parse.OutcomeApproved, Section: &three}, d); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestValidOutcome(t *testing.T) {
	for _, o := range parse.Outcomes {
		if !parse.ValidOutcome(string(o)) {
			t.Errorf("%s not valid", o)
		}
	}
	for _, s := range []string{"", "Approved", "unknown"} {
		if parse.ValidOutcome(s) {
			t.Errorf("%q valid", s)
		}
	}
}
