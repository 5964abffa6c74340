package parse_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/minutes-fi/minutes/parse"
)

// The same page written another way reads the same. Each development page
// of both real sets (never the held-out parts) is reformatted the ways real
// texts differ from one another (line ends, spaces, blank lines, labels in
// capitals or in a left column, list and image marks before attachments),
// and every labelled field must come out as it does from the page as
// stored. These checks found a preparer lost after a tab, and attachments
// kept with their list marks (parser v13).
func TestReformattedPagesReadAlike(t *testing.T) {
	labelWord := regexp.MustCompile(`(?m)^(Esittelijä|Valmistelija|Valmistelijat|Päätösehdotus|Ehdotus|Päätös|Liitteet|Lisätietoja|Valmistelu|Esitys|Beslut|Föredragande|Beredare|Förslag|Bilagor)([ \t:]|$)`)
	leftColumn := regexp.MustCompile(`(?m)^(Esittelijä|Valmistelija|Valmistelijat|Päätösehdotus|Lisätietoja antaa):? +`)
	// A colon after a label that names people ("Esittelijä: kunnanjohtaja
	// …"), not before "ja" (the label goes on: "Valmistelija ja esittelijä").
	colon := regexp.MustCompile(`(?m)^(Esittelijä|Valmistelija|Valmistelijat|Lisätietoja antaa|Lisätiedot) ([^j\n]\S*)`)
	var pageTitle string // the labelled title of the page being reformatted
	whole := map[string]func(string) string{
		"CR LF line ends":         func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"trailing spaces":         func(s string) string { return strings.ReplaceAll(s, "\n", "  \n") },
		"leading spaces":          func(s string) string { return strings.ReplaceAll(s, "\n", "\n ") },
		"no-break spaces":         func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") },
		"tabs for double spaces":  func(s string) string { return strings.ReplaceAll(s, "  ", "\t") },
		"a blank line after each": func(s string) string { return strings.ReplaceAll(s, "\n", "\n\n") },
		"no blank lines": func(s string) string {
			for strings.Contains(s, "\n\n") {
				s = strings.ReplaceAll(s, "\n\n", "\n")
			}
			return s
		},
		"labels in capitals": func(s string) string {
			// Not the title's line: a title may begin with a label's
			// word ("Esitys kirkkojen peruskorjauksista").
			lines := strings.Split(s, "\n")
			for i, l := range lines {
				if pageTitle == "" || strings.TrimSpace(l) != pageTitle {
					lines[i] = labelWord.ReplaceAllStringFunc(l, strings.ToUpper)
				}
			}
			return strings.Join(lines, "\n")
		},
		"labels in a left column": func(s string) string { return leftColumn.ReplaceAllString(s, "${1}\t") },
		"a colon after the label": func(s string) string { return colon.ReplaceAllString(s, "${1}: ${2}") },
	}
	attachmentLine := map[string]func(string) string{
		"a bullet before each attachment":      func(l string) string { return "• " + l },
		"an image mark before each attachment": func(l string) string { return "![]() " + l },
		"each attachment a table row":          func(l string) string { return "| " + l + " |" },
	}
	pages := append(loadSet(t, dynastySet, "dev"), loadSet(t, wordingSet, "dev")...)
	if len(pages) < 200 {
		t.Fatalf("only %d development pages", len(pages))
	}
	check := func(how string, pg realPage, text string) {
		t.Helper()
		a, b := parse.Text(pg.text), parse.Text(text)
		for _, f := range realFields {
			if _, labelled := pg.label.Labels[f]; !labelled {
				continue
			}
			if ga, gb := got(a, f), got(b, f); ga != gb {
				t.Errorf("%s, %s: %s %q, as stored %q", pg.name, how, f, gb, ga)
			}
		}
	}
	marked := 0
	for _, pg := range pages {
		var attachments []string
		var title string
		if raw, ok := pg.label.Labels["attachments"]; ok {
			if err := json.Unmarshal(raw, &attachments); err != nil {
				t.Fatalf("%s: attachments: %v", pg.name, err)
			}
		}
		if raw, ok := pg.label.Labels["title"]; ok {
			if err := json.Unmarshal(raw, &title); err != nil { // null leaves "": no title
				t.Fatalf("%s: title: %v", pg.name, err)
			}
		}
		pageTitle = title
		for how, f := range whole {
			check(how, pg, f(pg.text))
		}
		for how, f := range attachmentLine {
			lines := strings.Split(pg.text, "\n")
			changed := false
			for i, l := range lines {
				for _, a := range attachments {
					if strings.TrimSpace(l) == a && a != title { // the title's line, if an attachment has its words, stays
						lines[i], changed = f(a), true
					}
				}
			}
			if changed {
				marked++
				check(how, pg, strings.Join(lines, "\n"))
			}
		}
	}
	if marked == 0 {
		t.Fatal("no attachment line was marked")
	}
}
