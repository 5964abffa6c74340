package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/finnish"
	"golang.org/x/text/unicode/norm"
)

// AnalyzerVersion identifies how text is turned into index terms. Bump it
// whenever Key or tokens change: a read-write Open then rebuilds the
// search index, so old decisions and new queries meet on the same terms.
const AnalyzerVersion = 1

// token is one word of a text: its lower-case form and its byte span in the
// text it was cut from, so snippets can mark the original spelling.
type token struct {
	word       string
	start, end int
}

// maxTokenBytes drops "words" that are really base64, hashes or run-on
// garbage: no Finnish word is that long, and they would only bloat the index.
const maxTokenBytes = 64

// tokens cuts text into words: runs of letters and digits. Everything else,
// hyphens included, separates words, so "maa-ainesluvasta" is "maa" and
// "ainesluvasta" (a hyphenated query becomes a phrase, which meets it again).
// Whitespace-separated fields holding a URL or e-mail address are skipped:
// the Dynasty header repeats the site's feed URLs on every page.
func tokens(text string) []token { return cutTokens(text, false) }

// cutTokens is tokens; nfc says text is already NFC (Analyze normalises it
// first), so that a word lower-casing leaves as it was is too.
func cutTokens(text string, nfc bool) []token {
	out := make([]token, 0, len(text)/8)
	// Only a word in the whitespace-separated field of a "://", "www." or
	// "@" can start a URL field: the others need no look.
	spans := markedFields(text)
	start := -1
	skipTo := -1
	for i, r := range text {
		if i < skipTo {
			continue
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
				for len(spans) > 0 && spans[0].end <= i {
					spans = spans[1:]
				}
				if len(spans) > 0 && spans[0].start <= i && isURLField(text, i) {
					skipTo = fieldEnd(text, i)
					start = -1
				}
			}
			continue
		}
		if start >= 0 {
			out = appendToken(out, text, start, i, nfc)
			start = -1
		}
	}
	if start >= 0 {
		out = appendToken(out, text, start, len(text), nfc)
	}
	return out
}

// longWords returns the runs of letters and digits that tokens drops for
// being longer than maxTokenBytes.
func longWords(text string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 && end-start > maxTokenBytes {
			out = append(out, text[start:end])
		}
		start = -1
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func appendToken(out []token, text string, start, end int, nfc bool) []token {
	if end-start > maxTokenBytes {
		return out
	}
	orig := text[start:end]
	w := strings.ToLower(orig)
	if (!nfc || w != orig) && !isASCII(w) && !norm.NFC.IsNormalString(w) {
		// Lower-casing can undo composition (H̱ → h + U+0331, which NFC
		// writes ẖ): a word is NFC whichever case it was typed in. Such
		// words are rare enough that archives indexed before this are
		// left as they are.
		w = norm.NFC.String(w)
	}
	return append(out, token{word: w, start: start, end: end})
}

// isASCII reports whether s is all ASCII (and so NFC).
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// span is a part of a text, text[start:end].
type span struct{ start, end int }

// markedFields returns, in order, the whitespace-separated fields of text
// that hold "://", "www." or "@", the only ones isURLField can hold of.
func markedFields(text string) []span {
	marks := [...]string{"://", "www.", "@"}
	var next [len(marks)]int // the next index of each mark at or after i, -1 if none
	for k, m := range marks {
		next[k] = strings.Index(text, m)
	}
	var out []span
	for i := 0; ; {
		m := -1
		for k := range marks {
			if next[k] >= 0 && next[k] < i {
				if j := strings.Index(text[i:], marks[k]); j >= 0 {
					next[k] = i + j
				} else {
					next[k] = -1
				}
			}
			if next[k] >= 0 && (m < 0 || next[k] < m) {
				m = next[k]
			}
		}
		if m < 0 {
			return out
		}
		s := m
		for s > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:s])
			if unicode.IsSpace(r) {
				break
			}
			s -= n
		}
		e := fieldEnd(text, m)
		if len(out) > 0 && out[len(out)-1].end >= s {
			out[len(out)-1].end = max(out[len(out)-1].end, e)
		} else {
			out = append(out, span{s, e})
		}
		i = e // (past the mark: a mark holds no space)
	}
}

// isURLField reports whether the whitespace-separated field starting at i
// is a URL or an e-mail address.
func isURLField(text string, i int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) && r != '(' && r != '<' {
			return false
		}
	}
	f := text[i:fieldEnd(text, i)]
	return strings.Contains(f, "://") || strings.HasPrefix(f, "www.") || strings.IndexByte(f, '@') >= 0
}

func fieldEnd(text string, i int) int {
	for j := i; j < len(text); {
		c := text[j]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return j
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) {
			return j
		}
		j += n
	}
	return len(text)
}

// asciiSpace are the ASCII bytes unicode.IsSpace holds spaces.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// stemmers are not safe for concurrent use; one Env per call is cheap
// enough (it is a small struct around the word).
func snowball(word string) string {
	env := snowballstem.NewEnv(word)
	finnish.Stem(env)
	return env.Current()
}

// Key is the index term of one lower-case word: the same key for the
// inflected forms of one word, so that sopimus, sopimuksen, sopimusta and
// sopimukset meet. It is the Snowball Finnish stem, tidied where Snowball
// leaves inflections apart:
//
//   - a word in -inen is read as its -is- stem (toinen, toisen → tois);
//   - a stem ending in -uks loses the k (sopimuks → sopimus: the -us/-uks
//     nouns keep one key in every case), and -uut/-uud becomes -uus
//     (turvallisuuden → turvallisuus);
//   - trailing vowels go (hyväksyy, hyväksy → hyväks), as long as three
//     letters remain;
//   - the consonants of the last syllable are put in one grade (consonant
//     gradation): nt/nn → n, lt/ll → l, rt/rr → r, mp/mm → m, tt → t,
//     kk → k, pp → p, ng → nk, a final d → t and v → p (lausunto/lausunnon,
//     katu/kadun, lupa/luvan), again only when three letters remain.
//
// ä and ö are letters of their own in Finnish and are never folded. Words of
// three letters or fewer and words with digits are their own key.
func Key(word string) string {
	if utf8.RuneCountInString(word) <= 3 || strings.IndexFunc(word, unicode.IsDigit) >= 0 {
		return word
	}
	if len(word) >= 6 && strings.HasSuffix(word, "inen") {
		// -inen adjectives and nouns inflect on -is- (toinen, toisen).
		word = word[:len(word)-3] + "s"
	}
	for _, p := range wordEnds {
		if strings.HasSuffix(word, p.from) && len(word) > len(p.from)+2 {
			word = word[:len(word)-len(p.from)] + p.to
			break
		}
	}
	s := snowball(word)
	for _, p := range stemEnds {
		if strings.HasSuffix(s, p.from) {
			s = s[:len(s)-len(p.from)] + p.to
			break
		}
	}
	s = trimVowels(s)
	if strings.HasSuffix(s, "j") && utf8.RuneCountInString(s) > 5 {
		s = trimVowels(s[:len(s)-1]) // plural partitives: tontteja → tonttej
	}
	// A grade change may not leave fewer than four letters (tontti would
	// become "ton"), but d → t and v → p never shorten.
	if g := gradeEnd(s); utf8.RuneCountInString(g) >= 4 || len(g) == len(s) {
		s = g
	}
	return s
}

// wordEnds rewrite endings that Snowball misreads, before stemming: it takes
// a final -pa/-pä or -kin for an enclitic particle (ympäristölupa →
// ympäristölu, pankin → pan), and cuts plural partitives in -teja too far
// (päiväkoteja → päiväko). The rewrites give forms Snowball reads right:
// luva (the weak grade of lupa, which keys the same), pankkin, päiväkotia.
var wordEnds = []struct{ from, to string }{
	{"eja", "ia"}, {"ejä", "iä"}, {"kin", "kkin"}, {"pa", "va"}, {"pä", "vä"},
}

// stemEnds are the -us/-uks and -uus/-uuden noun types Snowball leaves apart.
var stemEnds = []struct{ from, to string }{
	{"uks", "us"}, {"yks", "ys"}, {"oks", "os"}, {"öks", "ös"}, {"iks", "is"},
	{"uut", "uus"}, {"yyt", "yys"}, {"uud", "uus"}, {"yyd", "yys"},
}

// trimVowels drops trailing vowels while three letters remain.
func trimVowels(s string) string {
	for utf8.RuneCountInString(s) > 3 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isVowel(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'å':
		return true
	}
	return false
}

// gradeEnd puts the final consonant cluster of a stem in one grade.
func gradeEnd(s string) string {
	for _, p := range gradePairs {
		if strings.HasSuffix(s, p.from) {
			return s[:len(s)-len(p.from)] + p.to
		}
	}
	return s
}

var gradePairs = []struct{ from, to string }{
	{"nt", "n"}, {"nn", "n"}, {"lt", "l"}, {"ll", "l"}, {"rt", "r"}, {"rr", "r"},
	{"mp", "m"}, {"mm", "m"}, {"tt", "t"}, {"kk", "k"}, {"pp", "p"}, {"ng", "nk"},
	{"d", "t"}, {"v", "p"},
}

// Reverse spells a key backwards: the index keeps reversed keys too, so
// that "words ending in sopimus" (compounds whose last part is sopimus) is a
// prefix query, which FTS5 answers from its term index.
func Reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// Keys returns the keys of a text's words, in order.
func Keys(text string) []string {
	toks := cutTokens(norm.NFC.String(text), true)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = Key(t.word)
	}
	return out
}

// Analyze is a text as the index sees it: the keys of its words, and the
// reversed keys of those a suffix can match, joined by spaces for the FTS5
// columns.
//
// Reversed keys serve only suffix matches (Pattern.Suffix, a compound's last
// part), and a key shorter than minRevKey can only be matched by a suffix
// equal to it, which is also an exact key of its pattern (PatternOf): so the
// short words, the most frequent ones (ja, on, ei, se, tai), are left out of
// the reversed column and nothing is lost. Rows indexed before, with every
// key reversed, match alike.
func Analyze(text string) (keys, revs string) {
	toks := cutTokens(norm.NFC.String(text), true)
	var kb, rb strings.Builder
	kb.Grow(len(text))
	rb.Grow(len(text))
	for i, t := range toks {
		k, r := wordKeys.get(t.word)
		if i > 0 {
			kb.WriteByte(' ')
		}
		kb.WriteString(k)
		if utf8.RuneCountInString(k) >= minRevKey {
			if rb.Len() > 0 {
				rb.WriteByte(' ')
			}
			rb.WriteString(r)
		}
	}
	return kb.String(), rb.String()
}

// minRevKey: keys shorter than this are not reversed (Analyze). It is one
// more than minSuffixKey, the shortest suffix a pattern may hold; every
// suffix that short is also an exact key of its pattern
// (TestShortSuffixesAreExact).
const minRevKey = minSuffixKey + 1

// MinRevKey is minRevKey, for the store's expressions on the reversed
// columns.
const MinRevKey = minRevKey
