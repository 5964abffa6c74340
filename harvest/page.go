package harvest

import (
	"bytes"
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

// Reread reads a stored revision again from its raw bytes with today's
// extractor and parser: how `minutes reparse` heals an archive synced by an
// older version. A page that no longer extracts (it did once) falls back to
// its stored text.
func Reread(sp store.StoredPage) (string, parse.Decision) {
	textOnly := parse.Page{Text: sp.Text, FeedTitle: sp.FeedTitle, Organization: sp.Organization}
	if IsPlainText(sp.ContentType) || len(sp.Raw) == 0 || (sp.ContentType == "" && !LooksHTML(sp.Raw)) {
		return sp.Text, parse.Read(textOnly)
	}
	p, err := Extract(sp.Raw, sp.ContentType)
	if err != nil {
		return sp.Text, parse.Read(textOnly)
	}
	return p.FullText(), parse.Read(ParserInput(p, sp.FeedTitle, sp.Organization))
}
