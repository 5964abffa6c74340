package parse

import (
	"encoding/json"
	"fmt"
)

// The JSON form is part of the tool's interface: a string the page does not
// state is null rather than "", so that consumers can tell "unknown" from
// "empty", and a list is always an array, never null.

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

type personJSON struct {
	Name  *string `json:"name"`
	Title *string `json:"title"`
	Phone *string `json:"phone"`
	Email *string `json:"email"`
}

// MarshalJSON encodes unknown fields as null.
func (p Person) MarshalJSON() ([]byte, error) {
	return json.Marshal(personJSON{nullable(p.Name), nullable(p.Title), nullable(p.Phone), nullable(p.Email)})
}

// UnmarshalJSON accepts null for any field.
func (p *Person) UnmarshalJSON(b []byte) error {
	var j personJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("decode person: %w", err)
	}
	*p = Person{Name: str(j.Name), Title: str(j.Title), Phone: str(j.Phone), Email: str(j.Email)}
	return nil
}

type handlingJSON struct {
	Body     *string `json:"body"`
	Date     *string `json:"date"`
	Section  *int    `json:"section"`
	Proposal *string `json:"proposal"`
	Decision *string `json:"decision"`
	Outcome  Outcome `json:"outcome"`
}

// MarshalJSON encodes unknown fields as null; the outcome is always present.
func (h Handling) MarshalJSON() ([]byte, error) {
	o := h.Outcome
	if o == "" {
		o = OutcomeNone
	}
	return json.Marshal(handlingJSON{nullable(h.Body), nullable(h.Date), h.Section, nullable(h.Proposal), nullable(h.Decision), o})
}

// UnmarshalJSON accepts null for unknown fields and rejects an invalid outcome.
func (h *Handling) UnmarshalJSON(b []byte) error {
	var j handlingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("decode handling: %w", err)
	}
	if j.Outcome == "" {
		j.Outcome = OutcomeNone
	}
	if !ValidOutcome(string(j.Outcome)) {
		return fmt.Errorf("decode handling: outcome %q: %w", j.Outcome, ErrInvalidOutcome)
	}
	*h = Handling{Body: str(j.Body), Date: str(j.Date), Section: j.Section, Proposal: str(j.Proposal), Decision: str(j.Decision), Outcome: j.Outcome}
	return nil
}

// ErrInvalidOutcome is returned when decoding an outcome not in Outcomes.
var ErrInvalidOutcome = fmt.Errorf("invalid outcome")

type decisionJSON struct {
	Organization *string    `json:"organization"`
	Body         *string    `json:"body"`
	Document     *string    `json:"document"`
	MeetingDate  *string    `json:"meeting_date"`
	Section      *int       `json:"section"`
	ItemNumber   *int       `json:"item_number"`
	Title        *string    `json:"title"`
	DiaryNumber  *string    `json:"diary_number"`
	Preparers    []Person   `json:"preparers"`
	Presenter    *Person    `json:"presenter"`
	Proposal     *string    `json:"proposal"`
	Decision     *string    `json:"decision"`
	Outcome      Outcome    `json:"outcome"`
	Unanimous    *bool      `json:"unanimous"`
	Votes        *Votes     `json:"votes"`
	Disqualified []string   `json:"disqualified"`
	Handlings    []Handling `json:"handlings"`
	Notify       []string   `json:"notify"`
	Attachments  []string   `json:"attachments"`
	Confidential bool       `json:"confidential"`
	Language     *string    `json:"language"`
	Warnings     []string   `json:"warnings"`
}

// MarshalJSON encodes unknown strings and pointers as null and lists as [];
// a zero Outcome encodes as "none".
func (d Decision) MarshalJSON() ([]byte, error) {
	o := d.Outcome
	if o == "" {
		o = OutcomeNone
	}
	return json.Marshal(decisionJSON{
		Organization: nullable(d.Organization),
		Body:         nullable(d.Body),
		Document:     nullable(string(d.Document)),
		MeetingDate:  nullable(d.MeetingDate),
		Section:      d.Section,
		ItemNumber:   d.ItemNumber,
		Title:        nullable(d.Title),
		DiaryNumber:  nullable(d.DiaryNumber),
		Preparers:    nonNil(d.Preparers),
		Presenter:    d.Presenter,
		Proposal:     nullable(d.Proposal),
		Decision:     nullable(d.Decision),
		Outcome:      o,
		Unanimous:    d.Unanimous,
		Votes:        d.Votes,
		Disqualified: nonNil(d.Disqualified),
		Handlings:    nonNil(d.Handlings),
		Notify:       nonNil(d.Notify),
		Attachments:  nonNil(d.Attachments),
		Confidential: d.Confidential,
		Language:     nullable(d.Language),
		Warnings:     nonNil(d.Warnings),
	})
}

// UnmarshalJSON reads what MarshalJSON writes: null strings become "", empty
// lists become nil (as Text returns them), so a Decision round-trips. Missing
// keys read as unknown; unknown keys are ignored so that a newer archive still
// reads; an invalid outcome is an error.
func (d *Decision) UnmarshalJSON(b []byte) error {
	var j decisionJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("decode decision: %w", err)
	}
	if j.Outcome == "" {
		j.Outcome = OutcomeNone
	}
	if !ValidOutcome(string(j.Outcome)) {
		return fmt.Errorf("decode decision: outcome %q: %w", j.Outcome, ErrInvalidOutcome)
	}
	*d = Decision{
		Organization: str(j.Organization),
		Body:         str(j.Body),
		Document:     Document(str(j.Document)),
		MeetingDate:  str(j.MeetingDate),
		Section:      j.Section,
		ItemNumber:   j.ItemNumber,
		Title:        str(j.Title),
		DiaryNumber:  str(j.DiaryNumber),
		Preparers:    nilIfEmpty(j.Preparers),
		Presenter:    j.Presenter,
		Proposal:     str(j.Proposal),
		Decision:     str(j.Decision),
		Outcome:      j.Outcome,
		Unanimous:    j.Unanimous,
		Votes:        j.Votes,
		Disqualified: nilIfEmpty(j.Disqualified),
		Handlings:    nilIfEmpty(j.Handlings),
		Notify:       nilIfEmpty(j.Notify),
		Attachments:  nilIfEmpty(j.Attachments),
		Confidential: j.Confidential,
		Language:     str(j.Language),
		Warnings:     nilIfEmpty(j.Warnings),
	}
	return nil
}
