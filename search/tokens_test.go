package search

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// lookEverywhere is cutTokens as it was before markedFields: every word
// start looked at as a possible URL field. It is the reference the faster
// cut must agree with.
func lookEverywhere(text string) []token {
	out := []token{}
	start, skipTo := -1, -1
	for i, r := range text {
		if i < skipTo {
			continue
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
				if isURLField(text, i) {
					skipTo = fieldEnd(text, i)
					start = -1
				}
			}
			continue
		}
		if start >= 0 {
			out = appendToken(out, text, start, i, false)
			start = -1
		}
	}
	if start >= 0 {
		out = appendToken(out, text, start, len(text), false)
	}
	return out
}

var urlTexts = []string{
	"", "@", "://", "www.", "a@b", "(www.kunta.fi) on", "<etunimi.sukunimi@kunta.fi>", "x@y@z w://v",
	"Lisätietoja: matti.meikalainen@kunta.fi, puh. 040 123",
	"https://kunta.fi/a?b=c tai www.kunta.fi tai kirjaamo@kunta.fi.",
	"sana\u00a0www.kunta.fi\u00a0sana", "a\u2003b@c\u2003d", "ääkkönen@ä.fi ö", "www.www.www. @@ :// ://x",
	"e-mail:x@y.fi", "(osoite:https://x.fi/y)", "aaa\nbbb@ccc\nddd www.", "RSS-linkki https://dynasty.fi/cgi/DREQUEST.PHP?page=rss",
}

// TestURLFieldsSkippedAsBefore: the cut that looks only in the fields
// holding a URL mark finds the words the look at every word found, on
// hand-made edge cases and on every real page text.
func TestURLFieldsSkippedAsBefore(t *testing.T) {
	texts := append([]string(nil), urlTexts...)
	for _, g := range []string{"real/texts/*.txt", "real/wording/texts/*.txt"} {
		paths, err := filepath.Glob(filepath.Join("..", "testdata", g))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 500 {
		t.Fatalf("%d texts, want the real page texts too", len(texts))
	}
	marked := 0
	for _, text := range texts {
		if len(markedFields(text)) > 0 {
			marked++
		}
		if got, want := cutTokens(text, false), lookEverywhere(text); !reflect.DeepEqual(got, want) {
			t.Errorf("%.60q: %d tokens, want %d", text, len(got), len(want))
		}
	}
	if marked < 100 {
		t.Errorf("only %d texts hold a URL mark: the comparison says little", marked)
	}
}

func FuzzURLFieldsSkippedAsBefore(f *testing.F) {
	for _, s := range urlTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := cutTokens(text, false), lookEverywhere(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %v, want %v", text, got, want)
		}
	})
}
