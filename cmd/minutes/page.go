package main

import (
	"mime"
	"strings"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

// extractOptions hands the parser's knowledge of Dynasty's navigation
// wording to the extractor, which knows no words of its own.
func extractOptions() scrape.ExtractOptions {
	return scrape.ExtractOptions{IsChrome: parse.IsChrome}
}

// parserInput is what the parser reads of an extracted page: its parts and
// structure, the feed's title for it and the source's organisation.
func parserInput(p scrape.Page, feedTitle, org string) parse.Page {
	return parse.Page{Head: p.Head, Text: p.Text, Emphasis: p.Emphasis, DocumentTitle: p.DocumentTitle,
		FeedTitle: feedTitle, Organization: org}
}

// isPlainText reports a stored page served as text rather than HTML.
func isPlainText(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && strings.HasPrefix(mt, "text/") && mt != "text/html"
}

// rereadPage reads a stored revision again from its raw bytes with today's
// extractor and parser: how `minutes reparse` heals an archive synced by an
// older version. A page that no longer extracts (it did once) falls back to
// its stored text.
func rereadPage(sp store.StoredPage) (string, parse.Decision) {
	if isPlainText(sp.ContentType) || len(sp.Raw) == 0 || (sp.ContentType == "" && !looksHTML("", sp.Raw)) {
		return sp.Text, parse.Read(parse.Page{Text: sp.Text, FeedTitle: sp.FeedTitle, Organization: sp.Organization})
	}
	p, err := scrape.ExtractPage(sp.Raw, sp.ContentType, extractOptions())
	if err != nil {
		return sp.Text, parse.Read(parse.Page{Text: sp.Text, FeedTitle: sp.FeedTitle, Organization: sp.Organization})
	}
	return p.FullText(), parse.Read(parserInput(p, sp.FeedTitle, sp.Organization))
}
