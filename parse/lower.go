package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lower is strings.ToLower, faster on the text of Finnish pages: a line with
// no capital letter is returned as it is, and Latin-1 letters (Ä, Ö, Å) are
// lowered without the general case tables. strings.ToLower's own fast path
// covers ASCII lines only, and most lines of a page hold an ä or an ö.
func lower(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			break
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return strings.ToLower(s)
			}
			if unicode.ToLower(r) != r {
				break // a capital (or a title-case letter) to lower
			}
			i += n
			continue
		}
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return strings.ToLower(s)
		}
		if r >= 0xC0 && r <= 0xDE && r != 0xD7 {
			r += 0x20 // À–Þ, but ×
		} else {
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
		i += n
	}
	return string(b)
}
