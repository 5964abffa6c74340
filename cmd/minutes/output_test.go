package main

import (
	"os"
	"strings"
	"testing"
)

func TestTermSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain text\twith tab\nand newline": "plain text\twith tab\nand newline",
		"\x1b]52;c;SGVsbG8=\x07":            " ]52;c;SGVsbG8= ",
		"\x1b[2J\x1b[31mred":                " [2J [31mred",
		"abc\u202edcba":                     "abc   dcba",
		"C1 \u009b31m":                      "C1   31m",
		"äö€ – “”":                          "äö€ – “”",
		"bad \xff byte":                     "bad \xff byte",
	} {
		if got := termSafe(in); got != want {
			t.Errorf("termSafe(%q) = %q, want %q", in, got, want)
		}
		if len(termSafe(in)) != len(in) {
			t.Errorf("termSafe(%q) changed the length", in)
		}
	}
}

// A page full of terminal escapes: nothing a command prints carries them.
func TestNoEscapesReachTheTerminal(t *testing.T) {
	evil := "Virolahden kunnanhallitus\nPöytäkirja 09.10.2023/Pykälä 183\nKatu\x1b]52;c;cm0gLXJmIH4=\x07suunnitelma \u202eelif\nKhVi 09.10.2023 § 183\n" +
		"Päätösehdotus Kunnanhallitus hyväksyy katusuunnitelman.\nPäätös Ehdotus hyväksyttiin.\x1b[2J\x1b[31m"
	db := archiveWith(t, testItem{"virolahti", "2023277-5", evil})
	dir := t.TempDir()
	page := dir + "/evil.txt"
	if err := os.WriteFile(page, []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"search", "katusuunnitelma"},
		{"search", "katusuunnitelma", "--format", "csv"},
		{"show", "virolahti/2023277-5", "--text"},
		{"export"},
		{"export", "--format", "ndjson"},
		{"approved", "katusuunnitelma"},
		{"parse", page},
		{"parse", "--text", page},
		{"parse", "--json", page},
	} {
		r := mustRun(t, exitOK, append([]string{"--db", db}, args...)...)
		for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
			if strings.Contains(r.stdout, bad) || strings.Contains(r.stderr, bad) {
				t.Errorf("%v prints %q:\n%q", args, bad, r.stdout)
			}
		}
	}
}

// Unknown values are null in every JSON, never "", and no list is null.
func TestJSONUnknownIsNull(t *testing.T) {
	db := archiveWith(t, testItem{"x", "2023-1", "Sopimus\nPäätös Ehdotus hyväksyttiin."})
	for _, args := range [][]string{{"search", "sopimus", "--format", "json"}, {"export", "--format", "ndjson"}} {
		r := mustRun(t, exitOK, append([]string{"--db", db}, args...)...)
		for _, bad := range []string{`"organization":""`, `"body":""`, `"diary_number":""`, `"language":""`} {
			if strings.Contains(r.stdout, bad) {
				t.Errorf("%v writes %s:\n%s", args, bad, r.stdout)
			}
		}
		if !strings.Contains(r.stdout, `"organization":null`) {
			t.Errorf("%v: no null organisation:\n%s", args, r.stdout)
		}
	}
}
