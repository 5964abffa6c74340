package scrape

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Labels DecodeBytes reports, WHATWG names.
const (
	labelUTF8    = "utf-8"
	labelWin1252 = "windows-1252"
)

var (
	xmlDeclRe  = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']?\s*([A-Za-z0-9._:-]+)`)
	metaCharRe = regexp.MustCompile(`(?i)<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)`)
)

// sniffLen is how far into a body a charset declaration is looked for; the
// HTML standard says 1024 bytes, old Dynasty templates have long heads.
const sniffLen = 2048

// DecodeBytes turns a fetched body into NFC UTF-8 text and returns the
// label of the encoding used. The order is the field notes' one, kept
// strictly, so that a body is decoded the same way whatever else it contains:
//
//  1. a byte-order mark (it cannot be a mistake);
//  2. the charset parameter of the HTTP Content-Type;
//  3. <?xml encoding=…?> or <meta charset> / <meta http-equiv content-type>
//     in the first 2 KB;
//  4. UTF-8 if the bytes are valid UTF-8;
//  5. windows-1252.
//
// A declaration wins even over a body that would be valid UTF-8: the server
// said so, and the notes say to believe it. Unknown labels are skipped.
// ISO-8859-1 and US-ASCII labels decode as windows-1252, as browsers do
// (WHATWG), because Finnish pages typed in Word put € – “ ” in 0x80–0x9F.
// A body that is, or claims to be, UTF-8 but holds invalid bytes has them
// replaced by U+FFFD and replaced is true. A UTF-16 label in a meta tag
// means UTF-8 (the document could not have been read to find it otherwise).
func DecodeBytes(body []byte, contentType string) (text string, label string, replaced bool, err error) {
	enc, label, body := chooseEncoding(body, contentType)
	if label == labelUTF8 {
		s := string(body)
		if !utf8.ValidString(s) {
			s, replaced = strings.ToValidUTF8(s, "\uFFFD"), true
		}
		return norm.NFC.String(s), label, replaced, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return "", label, false, fmt.Errorf("decode %s: %w", label, err)
	}
	s := string(out)
	if strings.ContainsRune(s, utf8.RuneError) && !bytes.Contains(body, []byte("\uFFFD")) {
		replaced = true
	}
	return norm.NFC.String(strings.TrimPrefix(s, "\uFEFF")), label, replaced, nil
}

// chooseEncoding applies DecodeBytes's order and strips a BOM it used.
func chooseEncoding(body []byte, contentType string) (encoding.Encoding, string, []byte) {
	switch {
	case bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")):
		return unicode.UTF8, labelUTF8, body[3:]
	case bytes.HasPrefix(body, []byte("\xFE\xFF")):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", body[2:]
	case bytes.HasPrefix(body, []byte("\xFF\xFE")):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", body[2:]
	}
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			if enc, label, ok := lookupLabel(params["charset"], false); ok {
				return enc, label, body
			}
		}
	}
	head := body
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if m := xmlDeclRe.FindSubmatch(head); m != nil {
		if enc, label, ok := lookupLabel(string(m[1]), true); ok {
			return enc, label, body
		}
	}
	if m := metaCharRe.FindSubmatch(head); m != nil {
		if enc, label, ok := lookupLabel(string(m[1]), true); ok {
			return enc, label, body
		}
	}
	if utf8.Valid(body) {
		return unicode.UTF8, labelUTF8, body
	}
	return charmap.Windows1252, labelWin1252, body
}

// lookupLabel resolves a charset label the WHATWG way. In-document labels
// naming UTF-16 mean UTF-8.
func lookupLabel(label string, inDocument bool) (encoding.Encoding, string, bool) {
	label = strings.Trim(strings.TrimSpace(label), `"'`)
	if label == "" {
		return nil, "", false
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, "", false
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return nil, "", false
	}
	if inDocument && strings.HasPrefix(name, "utf-16") {
		return unicode.UTF8, labelUTF8, true
	}
	if name == labelUTF8 {
		return unicode.UTF8, labelUTF8, true
	}
	return enc, name, true
}
