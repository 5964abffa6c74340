// Package scrape discovers and downloads meeting items from Dynasty
// decision-publishing sites, politely.
//
// It is the transport of the pipeline (feed → fetch → extract → parse →
// store, run by package harvest): it knows the platform's URL scheme (urls.go), reads its RSS feeds (feed.go),
// talks HTTP the way a guest should — one request per host at a time, a delay
// between requests, conditional GET, Retry-After, robots.txt (client.go,
// robots.go) — turns whatever legacy charset a site serves into NFC UTF-8
// (charset.go) and reduces an item page to text with its line structure
// kept, handing on what the text alone loses: what stood before the data
// part (Head), the bold paragraphs, the <title> (html.go). It imports no
// other package of the project.
//
// It knows no Finnish or Swedish: what a label, a navigation link or a
// document line says is package parse's, and where the extractor must leave
// the site's navigation out, the caller hands it parse.IsChrome
// (ExtractOptions). Markers it does rely on are markup: the DATABEGIN /
// DATA_BEGIN / DATAEND / DATA_END comments, captions, bold.
//
// Nobody has seen every Dynasty template, so the HTML and feed code is
// written for tolerance: it uses the markers where a page has them but never
// depends on them being present.
package scrape
