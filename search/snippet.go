package search

import (
	"strings"
	"unicode"
)

// Span is a byte range [Start, End) of a snippet's text.
type Span struct{ Start, End int }

// Snippet is a short excerpt of a decision's text around the words that
// matched a query, with the matching words' spans. The words are marked on
// the original text (as the page spells them), not on index keys.
type Snippet struct {
	Text  string
	Marks []Span
}

// Marked returns the text with each mark wrapped in open and close, e.g.
// "[[" and "]]" for pipes, or terminal bold on and off.
func (s Snippet) Marked(open, close string) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		b.WriteString(s.Text[at:m.Start])
		b.WriteString(open)
		b.WriteString(s.Text[m.Start:m.End])
		b.WriteString(close)
		at = m.End
	}
	b.WriteString(s.Text[at:])
	return b.String()
}

// snippetWords is the length of a snippet in words.
const snippetWords = 28

// Snippet picks the window of text with the most words of the query (the
// earliest such window on a tie) and marks them. With nothing to mark it
// returns the start of the text.
func (q Query) Snippet(text string) Snippet {
	toks := tokens(text)
	if len(toks) == 0 {
		return Snippet{}
	}
	marked := make([]bool, len(toks))
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = Key(t.word)
	}
	for _, g := range q.any {
		for _, c := range g {
			c.mark(keys, marked)
		}
	}
	// Sliding window: count of marked words in toks[start:start+snippetWords].
	best, bestCount, count := 0, -1, 0
	for i := range toks {
		if marked[i] {
			count++
		}
		if i >= snippetWords && marked[i-snippetWords] {
			count--
		}
		start := max(0, i-snippetWords+1)
		if count > bestCount {
			best, bestCount = start, count
		}
	}
	// Start a little before the first mark, so it has some context.
	if bestCount > 0 {
		first := best
		for !marked[first] {
			first++
		}
		best = max(0, first-4)
	}
	end := min(len(toks), best+snippetWords)

	var s Snippet
	var b strings.Builder
	if best > 0 {
		b.WriteString("…")
	}
	for i := best; i < end; i++ {
		if i > best {
			gap := text[toks[i-1].end:toks[i].start]
			b.WriteString(collapseGap(gap))
		}
		if marked[i] {
			s.Marks = append(s.Marks, Span{b.Len(), b.Len() + toks[i].end - toks[i].start})
		}
		b.WriteString(text[toks[i].start:toks[i].end])
	}
	if end < len(toks) {
		b.WriteString("…")
	}
	s.Text = b.String()
	return s
}

// collapseGap keeps the punctuation between two words but turns any run of
// white space (newlines, U+00A0) into one space.
func collapseGap(gap string) string {
	var b strings.Builder
	space := false
	for _, r := range gap {
		if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	if b.Len() > 20 {
		return " … "
	}
	return b.String()
}
