package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/minutes-fi/minutes/parse"
)

func boolp(b bool) *bool { return &b }
func intp(i int) *int    { return &i }

func render(t *testing.T, r Report) (*goquery.Document, string) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return doc, b.String()
}

func TestWriteEscapesPageText(t *testing.T) {
	hostile := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	doc, html := render(t, Report{Query: hostile, Generated: time.Unix(0, 0), Rows: []Row{{
		Status: StatusApproved, Organization: hostile, Body: hostile, Date: "2024-01-02", Title: hostile,
		URL: "javascript:alert(3)", Outcome: parse.OutcomeApproved,
	}}})
	if strings.Contains(html, "<script") || strings.Contains(html, "<img") || strings.Contains(html, "javascript:") {
		t.Errorf("page text reached the report as markup:\n%s", html)
	}
	if got := doc.Find("tbody.approved th[scope=row]").Text(); got != hostile {
		t.Errorf("organisation shown as %q, want the text as written", got)
	}
}

func TestWriteLabelsAndCounts(t *testing.T) {
	rows := []Row{
		{Status: StatusApproved, Organization: "Porvoon kaupunki", Body: "Kaupunginvaltuusto", Date: "2023-06-12", Section: intp(51),
			Outcome: parse.OutcomeApproved, Unanimous: boolp(true), URL: "https://x.test/1", Title: "Sopimus", Handlings: 2},
		{Status: StatusApproved, Organization: "Loviisan kaupunki", Body: "Kaupunginhallitus", Date: "2023-09-04",
			Outcome: parse.OutcomeAmended, Unanimous: boolp(false), Votes: &parse.Votes{Yes: 7, No: 4}, URL: "https://x.test/2"},
		{Status: StatusOtherwise, Organization: "Sipoon kunta", Body: "Kunnanhallitus", Date: "",
			Outcome: parse.OutcomeTabled, URL: "https://x.test/3", Title: "Sopimus"},
	}
	for _, tc := range []struct {
		lang                               string
		approved, tabled, votes, undated   string
		handlings, unanimousYes, noneShown string
	}{
		{"fi", "Hyväksyneet (2)", "pöydälle", "jaa 7, ei 4", "Ilman päivämäärää, ei aikajanalla: 1.", "2 käsittelyä", "kyllä", ""},
		{"en", "Approved by (2)", "tabled", "yes 7, no 4", "Without a date, not on the timeline: 1.", "2 handlings", "yes", ""},
	} {
		doc, html := render(t, Report{Lang: tc.lang, Query: "sopimus", Generated: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC), Rows: rows, Unmatched: 9})
		for _, want := range []string{tc.approved, tc.tabled, tc.votes, tc.undated, tc.handlings, tc.unanimousYes, `lang="` + tc.lang + `"`, "2026-01-02 03:04 UTC", ">9 "} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: report lacks %q", tc.lang, want)
			}
		}
		// The text group is left out when empty; the two others are shown.
		if n := doc.Find("section.table tbody").Length(); n != 2 {
			t.Errorf("%s: %d row groups, want approved and otherwise", tc.lang, n)
		}
		// Counts: one row per outcome, in the fixed order.
		var counts []string
		doc.Find("table.counts tbody tr").Each(func(_ int, s *goquery.Selection) {
			counts = append(counts, s.Find("th").Text()+"="+s.Find("td").First().Text())
		})
		if len(counts) != 3 {
			t.Errorf("%s: counts %v", tc.lang, counts)
		}
		// Two dated decisions on the timeline, one lane each.
		if n := doc.Find("svg[role=img] path.mark").Length(); n != 2 {
			t.Errorf("%s: %d marks, want 2", tc.lang, n)
		}
		if d := doc.Find("svg[role=img] desc").Text(); !strings.Contains(d, "2023-06-12") || !strings.Contains(d, "2023-09-04") {
			t.Errorf("%s: chart description %q lacks the span", tc.lang, d)
		}
	}
	if err := Write(&bytes.Buffer{}, Report{Lang: "sv"}); err == nil {
		t.Error("a report in a language without labels was written")
	}
}

func TestTicks(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	x := func(time.Time) float64 { return 0 }
	months := ticks(day("2023-01-10"), day("2023-12-20"), x)
	if len(months) != 11 || months[0].Label != "2023-02" || months[len(months)-1].Label != "2023-12" {
		t.Errorf("a year's ticks: %v", months)
	}
	years := ticks(day("2010-03-01"), day("2025-05-01"), x)
	if len(years) < 5 || len(years) > 13 || years[0].Label != "2011" {
		t.Errorf("fifteen years' ticks: %v", years)
	}
}

func TestChartWithoutDates(t *testing.T) {
	doc, _ := render(t, Report{Rows: []Row{{Status: StatusApproved, Organization: "A", Outcome: parse.OutcomeApproved}}})
	if n := doc.Find("svg[role=img] path.mark").Length(); n != 0 {
		t.Errorf("%d marks for no dated decision", n)
	}
	if d := doc.Find("svg[role=img] desc").Text(); !strings.Contains(d, "1") {
		t.Errorf("chart description %q does not say one decision is undated", d)
	}
}
