package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/minutes-fi/minutes/parse"
)

// Status is the part of an answer a row belongs to.
type Status string

// The parts of an answer, in the order the table shows them.
const (
	StatusApproved  Status = "approved"  // the settling handling approved (or amended) it
	StatusOtherwise Status = "otherwise" // it ended otherwise: tabled, returned, rejected, pending, …
	StatusText      Status = "text"      // only the proposal or decision text speaks of it: weaker
)

// Row is one organisation's settling decision.
type Row struct {
	Status       Status
	Organization string
	Body         string
	Date         string // YYYY-MM-DD, "" if unknown
	Section      *int
	Title        string
	URL          string
	Outcome      parse.Outcome
	Unanimous    *bool
	Votes        *parse.Votes
	// Handlings counts the organisation's handlings of the matter.
	Handlings int
}

// Report is what one page shows.
type Report struct {
	Lang      string // "fi" or "en"; "" is "fi"
	Query     string // the query as read
	Generated time.Time
	Rows      []Row
	// Unmatched counts archived organisations with no matching item;
	// Stale registered sources not synced lately.
	Unmatched, Stale int
}

// Languages are the --lang values.
var Languages = []string{"fi", "en"}

// Write renders the report as one HTML document.
func Write(w io.Writer, r Report) error {
	l, ok := labels[r.Lang]
	if r.Lang == "" {
		l, ok, r.Lang = labels["fi"], true, "fi"
	}
	if !ok {
		return fmt.Errorf("report language %q: want fi or en", r.Lang)
	}
	v := view{Lang: r.Lang, L: l, Query: r.Query, Generated: r.Generated.UTC().Format("2006-01-02 15:04 UTC"),
		Unmatched: r.Unmatched, Stale: r.Stale}
	v.Heading = l.Heading + ": " + r.Query
	for _, s := range []struct {
		status Status
		title  string
	}{{StatusApproved, l.Approved}, {StatusOtherwise, l.Otherwise}, {StatusText, l.Text}} {
		g := group{Title: s.title, Status: string(s.status)}
		for _, row := range r.Rows {
			if row.Status == s.status {
				g.Rows = append(g.Rows, l.row(row))
			}
		}
		if len(g.Rows) > 0 || s.status != StatusText {
			v.Groups = append(v.Groups, g)
		}
	}
	v.Counts = l.counts(r.Rows)
	v.Chart = l.chart(r.Rows)
	return page.Execute(w, v)
}

//go:embed report.html.tmpl
var pageSource string

var page = template.Must(template.New("report").Parse(pageSource))

// view is the template's data: every string already in the page's language.
type view struct {
	Lang, Heading, Query, Generated string
	L                               lang
	Groups                          []group
	Counts                          []count
	Chart                           chart
	Unmatched, Stale                int
}

type group struct {
	Title, Status string
	Rows          []rowView
}

type rowView struct {
	Organization, Body, Date, Section, Outcome, OutcomeClass, Unanimous, Votes, Title, URL, Match string
}

type count struct {
	Outcome, Class   string
	N, Unanimous     int
	Color, ShapePath string
}

// lang holds a page's words.
type lang struct {
	Heading, Intro, TableHeading, TableCaption, CountsHeading, CountsCaption, ChartHeading string
	Organization, Body, Date, Section, Outcome, Unanimous, Votes, Title, Decisions         string
	Approved, Otherwise, Text, Yes, No, NoneShown, Unmatched, Stale, Generated, Legend     string
	ChartAlt, ChartUndated, VotesFormat, Handlings, ChartTitle, Open                       string
	Outcomes                                                                               map[parse.Outcome]string
}

var labels = map[string]lang{
	"fi": {
		Heading:       "Päätökset",
		Intro:         "Kunkin organisaation asian ratkaissut käsittely, sellaisena kuin minutes-arkisto sen lukee.",
		TableHeading:  "Organisaatioittain",
		TableCaption:  "Asian ratkaissut käsittely organisaatioittain: toimielin, päivämäärä, pykälä, lopputulos, yksimielisyys ja äänestys",
		CountsHeading: "Lopputulokset",
		CountsCaption: "Päätösten määrä lopputuloksittain",
		ChartHeading:  "Aikajana",
		ChartTitle:    "Päätökset ajan mukaan, väri lopputuloksen mukaan",
		Organization:  "Organisaatio", Body: "Toimielin", Date: "Päivämäärä", Section: "§", Outcome: "Lopputulos",
		Unanimous: "Yksimielinen", Votes: "Äänestys", Title: "Asia", Decisions: "Päätöksiä",
		Approved: "Hyväksyneet", Otherwise: "Päättyi muuten", Text: "Otsikko ei vastaa, mutta ehdotus tai päätös puhuu asiasta (heikompi osuma)",
		Yes: "kyllä", No: "ei", NoneShown: "Ei yhtään.",
		Unmatched:    "%d arkiston organisaatiolla ei ole asiaan osuvaa päätöstä.",
		Stale:        "%d rekisteröityä lähdettä ei ole synkronoitu onnistuneesti viikkoon: puuttuva organisaatio voi olla lukematta jäänyt.",
		Generated:    "Tehty",
		Legend:       "Selite",
		ChartAlt:     "%d päätöstä %s–%s: %s.",
		ChartUndated: "Ilman päivämäärää, ei aikajanalla: %d.",
		VotesFormat:  "jaa %d, ei %d",
		Handlings:    "%d käsittelyä",
		Open:         "avaa pöytäkirja",
		Outcomes: map[parse.Outcome]string{
			parse.OutcomeApproved: "hyväksytty", parse.OutcomeAmended: "hyväksytty muutettuna", parse.OutcomeRejected: "hylätty",
			parse.OutcomeTabled: "pöydälle", parse.OutcomeReturned: "palautettu valmisteluun", parse.OutcomeNoted: "merkitty tiedoksi",
			parse.OutcomeWithdrawn: "poistettu listalta", parse.OutcomeDecided: "päätetty", parse.OutcomePending: "esityslistalla",
			parse.OutcomeNone: "ei päätöstä",
		},
	},
	"en": {
		Heading:       "Decisions",
		Intro:         "The handling that settled the matter in each organisation, as the minutes archive reads it.",
		TableHeading:  "By organisation",
		TableCaption:  "The settling handling by organisation: body, date, section, outcome, whether unanimous, and the vote",
		CountsHeading: "Outcomes",
		CountsCaption: "Decisions by outcome",
		ChartHeading:  "Timeline",
		ChartTitle:    "Decisions by date, coloured by outcome",
		Organization:  "Organisation", Body: "Body", Date: "Date", Section: "§", Outcome: "Outcome",
		Unanimous: "Unanimous", Votes: "Vote", Title: "Matter", Decisions: "Decisions",
		Approved: "Approved by", Otherwise: "Ended otherwise", Text: "Titles do not match, but the proposal or decision speaks of it (weaker)",
		Yes: "yes", No: "no", NoneShown: "None.",
		Unmatched:    "%d archived organisations have no matching item.",
		Stale:        "%d registered sources have not synced successfully in the last week: a missing organisation may be one not read.",
		Generated:    "Made",
		Legend:       "Legend",
		ChartAlt:     "%d decisions from %s to %s: %s.",
		ChartUndated: "Without a date, not on the timeline: %d.",
		VotesFormat:  "yes %d, no %d",
		Handlings:    "%d handlings",
		Open:         "open the minutes",
		Outcomes: map[parse.Outcome]string{
			parse.OutcomeApproved: "approved", parse.OutcomeAmended: "approved with amendments", parse.OutcomeRejected: "rejected",
			parse.OutcomeTabled: "tabled", parse.OutcomeReturned: "returned for preparation", parse.OutcomeNoted: "noted",
			parse.OutcomeWithdrawn: "withdrawn", parse.OutcomeDecided: "decided", parse.OutcomePending: "on an agenda",
			parse.OutcomeNone: "no decision",
		},
	},
}

// outcomeOrder is the order of outcomes in counts and the legend.
var outcomeOrder = []parse.Outcome{parse.OutcomeApproved, parse.OutcomeAmended, parse.OutcomeNoted, parse.OutcomeDecided,
	parse.OutcomePending, parse.OutcomeTabled, parse.OutcomeReturned, parse.OutcomeRejected, parse.OutcomeWithdrawn, parse.OutcomeNone}

// style is an outcome's colour (Okabe–Ito, told apart by colour-blind
// readers) and marker shape (told apart in grey print).
type style struct{ color, shape string }

var styles = map[parse.Outcome]style{
	parse.OutcomeApproved:  {"#009E73", "circle"},
	parse.OutcomeAmended:   {"#56B4E9", "circle"},
	parse.OutcomeNoted:     {"#0072B2", "triangle"},
	parse.OutcomeDecided:   {"#666666", "triangle"},
	parse.OutcomePending:   {"#F0E442", "square"},
	parse.OutcomeTabled:    {"#E69F00", "square"},
	parse.OutcomeReturned:  {"#CC79A7", "square"},
	parse.OutcomeRejected:  {"#D55E00", "diamond"},
	parse.OutcomeWithdrawn: {"#000000", "diamond"},
	parse.OutcomeNone:      {"#BBBBBB", "triangle"},
}

func styleOf(o parse.Outcome) style {
	if s, ok := styles[o]; ok {
		return s
	}
	return styles[parse.OutcomeNone]
}

// shapePath is the SVG path of a marker of radius r at (x, y).
func shapePath(shape string, x, y, r float64) string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	switch shape {
	case "square":
		return "M" + f(x-r) + " " + f(y-r) + "h" + f(2*r) + "v" + f(2*r) + "h" + f(-2*r) + "z"
	case "diamond":
		return "M" + f(x) + " " + f(y-r*1.3) + "L" + f(x+r*1.3) + " " + f(y) + "L" + f(x) + " " + f(y+r*1.3) + "L" + f(x-r*1.3) + " " + f(y) + "z"
	case "triangle":
		return "M" + f(x) + " " + f(y-r*1.2) + "L" + f(x+r*1.2) + " " + f(y+r) + "L" + f(x-r*1.2) + " " + f(y+r) + "z"
	}
	// A circle as two arcs, so that every marker is one path.
	return "M" + f(x-r) + " " + f(y) + "a" + f(r) + " " + f(r) + " 0 1 0 " + f(2*r) + " 0a" + f(r) + " " + f(r) + " 0 1 0 " + f(-2*r) + " 0z"
}

func (l lang) outcome(o parse.Outcome) string {
	if s, ok := l.Outcomes[o]; ok {
		return s
	}
	return string(o)
}

func (l lang) row(r Row) rowView {
	v := rowView{Organization: r.Organization, Body: r.Body, Date: r.Date, Outcome: l.outcome(r.Outcome),
		OutcomeClass: "o-" + string(r.Outcome), Title: r.Title, URL: r.URL}
	if r.Section != nil {
		v.Section = strconv.Itoa(*r.Section)
	}
	if r.Unanimous != nil {
		v.Unanimous = l.No
		if *r.Unanimous {
			v.Unanimous = l.Yes
		}
	}
	if r.Votes != nil {
		v.Votes = fmt.Sprintf(l.VotesFormat, r.Votes.Yes, r.Votes.No)
	}
	if r.Handlings > 1 {
		v.Match = fmt.Sprintf(l.Handlings, r.Handlings)
	}
	if v.Title == "" {
		v.Title = l.Open
	}
	return v
}

func (l lang) counts(rows []Row) []count {
	n := map[parse.Outcome]*count{}
	for _, r := range rows {
		c := n[r.Outcome]
		if c == nil {
			s := styleOf(r.Outcome)
			c = &count{Outcome: l.outcome(r.Outcome), Class: "o-" + string(r.Outcome), Color: s.color,
				ShapePath: shapePath(s.shape, 8, 8, 5)}
			n[r.Outcome] = c
		}
		c.N++
		if r.Unanimous != nil && *r.Unanimous {
			c.Unanimous++
		}
	}
	var out []count
	for _, o := range outcomeOrder {
		if c := n[o]; c != nil {
			out = append(out, *c)
			delete(n, o)
		}
	}
	var rest []parse.Outcome
	for o := range n {
		rest = append(rest, o)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] < rest[j] })
	for _, o := range rest {
		out = append(out, *n[o])
	}
	return out
}

// chart is the timeline: one lane per organisation, one marker per dated
// decision at its date, coloured and shaped by outcome.
type chart struct {
	Width, Height  int
	Title, Desc    string
	Lanes          []lane
	Ticks          []tick
	Marks          []mark
	AxisY, PlotX   float64
	PlotX2, PlotY0 float64
}

type lane struct {
	Y     float64
	Label string
	Full  string
}

type tick struct {
	X     float64
	Label string
}

type mark struct {
	Path, Color, Label string
}

const (
	chartWidth = 960
	laneHeight = 24
	labelWidth = 230
	chartRight = 30
	chartTop   = 16
	axisHeight = 40
	markRadius = 6
)

func (l lang) chart(rows []Row) chart {
	c := chart{Width: chartWidth, Title: l.ChartTitle, PlotX: labelWidth, PlotX2: chartWidth - chartRight}
	var dated []Row
	undated := 0
	for _, r := range rows {
		if _, err := time.Parse("2006-01-02", r.Date); err == nil {
			dated = append(dated, r)
		} else {
			undated++
		}
	}
	undatedNote := ""
	if undated > 0 {
		undatedNote = fmt.Sprintf(l.ChartUndated, undated)
	}
	sort.SliceStable(dated, func(i, j int) bool {
		if dated[i].Date != dated[j].Date {
			return dated[i].Date < dated[j].Date
		}
		return dated[i].Organization < dated[j].Organization
	})
	if len(dated) == 0 {
		c.AxisY, c.PlotY0 = chartTop, chartTop
		c.Height = chartTop + axisHeight
		c.Desc = undatedNote
		return c
	}
	first, _ := time.Parse("2006-01-02", dated[0].Date)
	last, _ := time.Parse("2006-01-02", dated[len(dated)-1].Date)
	// A little room on both sides, at least a month in all.
	lo, hi := first.AddDate(0, 0, -7), last.AddDate(0, 0, 7)
	if hi.Sub(lo) < 30*24*time.Hour {
		mid := lo.Add(hi.Sub(lo) / 2)
		lo, hi = mid.AddDate(0, 0, -15), mid.AddDate(0, 0, 15)
	}
	span := hi.Sub(lo).Hours()
	x := func(t time.Time) float64 {
		return c.PlotX + (c.PlotX2-c.PlotX)*t.Sub(lo).Hours()/span
	}
	c.PlotY0 = chartTop
	for i, r := range dated {
		y := float64(chartTop + laneHeight*i + laneHeight/2)
		label := r.Organization
		if runes := []rune(label); len(runes) > 30 {
			label = string(runes[:29]) + "…"
		}
		c.Lanes = append(c.Lanes, lane{Y: y, Label: label, Full: r.Organization})
		t, _ := time.Parse("2006-01-02", r.Date)
		s := styleOf(r.Outcome)
		desc := r.Organization + ", " + r.Body + ", " + r.Date + ": " + l.outcome(r.Outcome)
		c.Marks = append(c.Marks, mark{Path: shapePath(s.shape, x(t), y, markRadius), Color: s.color, Label: desc})
	}
	c.AxisY = float64(chartTop + laneHeight*len(dated))
	c.Height = int(c.AxisY) + axisHeight
	c.Ticks = ticks(lo, hi, x)
	// The text alternative: the span and the counts by outcome.
	var parts []string
	for _, n := range l.counts(dated) {
		parts = append(parts, fmt.Sprintf("%d %s", n.N, n.Outcome))
	}
	c.Desc = fmt.Sprintf(l.ChartAlt, len(dated), dated[0].Date, dated[len(dated)-1].Date, strings.Join(parts, ", "))
	if undatedNote != "" {
		c.Desc += " " + undatedNote
	}
	return c
}

// ticks marks months over a span of up to two years, else years; at most
// about twelve labels.
func ticks(lo, hi time.Time, x func(time.Time) float64) []tick {
	var out []tick
	months := (hi.Year()-lo.Year())*12 + int(hi.Month()-lo.Month())
	if months <= 24 {
		step := int(math.Max(1, math.Ceil(float64(months)/12)))
		t := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
		for ; !t.After(hi); t = t.AddDate(0, step, 0) {
			out = append(out, tick{X: x(t), Label: t.Format("2006-01")})
		}
		return out
	}
	years := hi.Year() - lo.Year()
	step := int(math.Max(1, math.Ceil(float64(years)/12)))
	for y := lo.Year() + 1; y <= hi.Year(); y += step {
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		out = append(out, tick{X: x(t), Label: strconv.Itoa(y)})
	}
	return out
}

// Fmt renders a number for the template's sprintf-free attributes.
func (c chart) Fmt(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
