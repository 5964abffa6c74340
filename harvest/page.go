package harvest

import (
	"bytes"
	"encoding/json"
	"mime"
	"strings"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

// extractOptions hands the parser's knowledge of Dynasty's navigation
// wording to the extractor, which knows no words of its own.
var extractOptions = scrape.ExtractOptions{IsChrome: parse.IsChrome}

// Extract reduces a fetched page to text the way a harvest does.
func Extract(body []byte, contentType string) (scrape.Page, error) {
	return scrape.ExtractPage(body, contentType, extractOptions)
}

// ParserInput is what the parser reads of an extracted page: its parts and
// structure, the feed's title for it and the source's organisation.
func ParserInput(p scrape.Page, feedTitle, org string) parse.Page {
	return parse.Page{Head: p.Head, Text: p.Text, Emphasis: p.Emphasis, DocumentTitle: p.DocumentTitle,
		FeedTitle: feedTitle, Organization: org}
}

// IsPlainText reports a page served as text rather than HTML.
func IsPlainText(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && strings.HasPrefix(mt, "text/") && mt != "text/html"
}

// LooksHTML sniffs a body whose type is not known.
func LooksHTML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 1024)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<body"))
}

// ExtractVersion identifies what Extract makes of a page: scrape's
// extractor with the parser's chrome wording (parse.IsChrome). Bump it
// whenever either changes Extract's output, so that a reparse reads pages
// whose record an older extractor made from their raw bytes again;
// TestExtractVersionRecorded fails until it is bumped and the new output's
// fingerprint recorded.
const ExtractVersion = 1

// extractRecord is what Extract gives of a page besides its text, kept
// with the revision (store.Fetched.Extracted): with the stored text it is
// the parser's whole input, so a reparse after a parser change needs
// neither the raw page nor the extractor.
type extractRecord struct {
	Version       int      `json:"v"`
	Head          int      `json:"head"` // bytes of the stored text that are the page's head
	Emphasis      []string `json:"emphasis,omitempty"`
	DocumentTitle string   `json:"title,omitempty"`
}

// Record is p's extract record, for store.Fetched.Extracted.
func Record(p scrape.Page) []byte {
	b, err := json.Marshal(extractRecord{Version: ExtractVersion, Head: len(p.Head), Emphasis: p.Emphasis, DocumentTitle: p.DocumentTitle})
	if err != nil {
		panic(err) // strings and ints only
	}
	return b
}

// fromRecord rebuilds the extracted page from its stored text and record;
// ok is false when there is no record, an older extractor made it, or it
// does not fit the text (which then was not p.FullText()).
func fromRecord(record []byte, text string) (p scrape.Page, ok bool) {
	var r extractRecord
	if len(record) == 0 || json.Unmarshal(record, &r) != nil || r.Version != ExtractVersion || r.Head < 0 || r.Head > len(text) {
		return scrape.Page{}, false
	}
	p.Emphasis, p.DocumentTitle = r.Emphasis, r.DocumentTitle
	switch {
	case r.Head == 0:
		p.Text = text
	case r.Head == len(text):
		p.Head = text
	case strings.HasPrefix(text[r.Head:], "\n\n"):
		p.Head, p.Text = text[:r.Head], text[r.Head+2:]
	default:
		return scrape.Page{}, false
	}
	return p, true
}

// Reread reads a stored revision again with today's parser: from its text
// and extract record when today's extractor made them, else from its raw
// bytes with today's extractor, which is how `minutes reparse` heals an
// archive synced by an older version. A page that no longer extracts (it
// did once) falls back to its stored text.
func Reread(sp store.StoredPage) store.Reading {
	if p, ok := fromRecord(sp.Extracted, sp.Text); ok && !IsPlainText(sp.ContentType) {
		return store.Reading{Text: sp.Text, Decision: parse.Read(ParserInput(p, sp.FeedTitle, sp.Organization))}
	}
	return RereadRaw(sp)
}

// RereadRaw reads a stored revision again from its raw bytes with today's
// extractor and parser, whatever its extract record says.
func RereadRaw(sp store.StoredPage) store.Reading {
	textOnly := func() store.Reading {
		return store.Reading{Text: sp.Text, Decision: parse.Read(parse.Page{Text: sp.Text, FeedTitle: sp.FeedTitle, Organization: sp.Organization})}
	}
	if IsPlainText(sp.ContentType) {
		return textOnly()
	}
	raw, err := sp.Body()
	if err != nil || len(raw) == 0 || (sp.ContentType == "" && !LooksHTML(raw)) {
		return textOnly()
	}
	p, err := Extract(raw, sp.ContentType)
	if err != nil {
		return textOnly()
	}
	return store.Reading{Text: p.FullText(), Decision: parse.Read(ParserInput(p, sp.FeedTitle, sp.Organization)), Extracted: Record(p)}
}
