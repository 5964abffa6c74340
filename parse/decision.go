package parse

import "strings"

// Version identifies the parser's behaviour. Bump it whenever a change to the
// parser can change its output, so that `minutes reparse` knows which stored
// decisions were made by an older parser.
const Version = 28

// Document says which kind of page an item comes from.
type Document string

// Documents a meeting item page can be.
const (
	DocumentMinutes Document = "minutes" // pöytäkirja / protokoll
	DocumentAgenda  Document = "agenda"  // esityslista / föredragningslista
)

// Outcome is what became of the proposal in the final handling of an item.
type Outcome string

// Outcomes, see docs/dynasty.md for the Finnish wording behind each.
const (
	OutcomeApproved  Outcome = "approved"  // proposal adopted as such
	OutcomeAmended   Outcome = "amended"   // adopted with changes, or a counter-proposal won
	OutcomeRejected  Outcome = "rejected"  // the proposal itself was rejected
	OutcomeTabled    Outcome = "tabled"    // left on the table (pöydälle)
	OutcomeReturned  Outcome = "returned"  // sent back for preparation
	OutcomeNoted     Outcome = "noted"     // only taken note of (merkitsi tiedoksi)
	OutcomeWithdrawn Outcome = "withdrawn" // removed from the agenda
	OutcomeDecided   Outcome = "decided"   // decided in the body's own words
	OutcomePending   Outcome = "pending"   // agenda item: a proposal, no decision yet
	OutcomeNone      Outcome = "none"      // neither proposal nor decision on the page
)

// Outcomes lists every valid outcome, in a stable order (for validation and help texts).
var Outcomes = []Outcome{
	OutcomeApproved, OutcomeAmended, OutcomeRejected, OutcomeTabled, OutcomeReturned,
	OutcomeNoted, OutcomeWithdrawn, OutcomeDecided, OutcomePending, OutcomeNone,
}

// OutcomeList is Outcomes as a comma-separated list, for messages and help.
func OutcomeList() string {
	names := make([]string, len(Outcomes))
	for i, o := range Outcomes {
		names[i] = string(o)
	}
	return strings.Join(names, ", ")
}

// Person is someone named on the page: a preparer (valmistelija) or the
// presenter (esittelijä). Name is as written, without the job title.
type Person struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Phone string `json:"phone"`
	Email string `json:"email"`
}

// Votes is a recorded vote (äänestys).
type Votes struct {
	Yes    int `json:"yes"`
	No     int `json:"no"`
	Blank  int `json:"blank"`
	Absent int `json:"absent"`
}

// Handling is one handling (käsittely) of the item by one body, as shown on
// the page; earlier handlings come first, the page's own meeting last.
type Handling struct {
	Body     string  `json:"body"`
	Date     string  `json:"date"` // YYYY-MM-DD, "" when not stated
	Section  *int    `json:"section"`
	Proposal string  `json:"proposal"`
	Decision string  `json:"decision"`
	Outcome  Outcome `json:"outcome"`
}

// Decision is one meeting item (a § of a meeting) read from its page text.
// Fields the text does not state stay at their zero value (nil for pointers);
// the parser never guesses. Its JSON form (MarshalJSON, json.go: snake_case
// keys, null for unknown) is part of the tool's interface.
type Decision struct {
	Organization string
	Body         string
	Document     Document
	MeetingDate  string // YYYY-MM-DD
	Section      *int
	ItemNumber   *int
	Title        string
	DiaryNumber  string
	Preparers    []Person
	Presenter    *Person
	Proposal     string
	Decision     string
	Outcome      Outcome
	Unanimous    *bool
	Votes        *Votes
	Disqualified []string
	Handlings    []Handling
	Notify       []string
	Attachments  []string
	Confidential bool
	Language     string // "fi" or "sv"
	Warnings     []string
}
