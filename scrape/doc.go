// Package scrape discovers and downloads meeting items from Dynasty
// decision-publishing sites, politely.
//
// It is the first stage of the pipeline (feed → fetch → parse → store): it
// knows the platform's URL scheme (urls.go), reads its RSS feeds (feed.go),
// talks HTTP the way a guest should — one request per host at a time, a delay
// between requests, conditional GET, Retry-After, robots.txt (client.go,
// robots.go) — turns whatever legacy charset a site serves into NFC UTF-8
// (charset.go) and reduces an item page to plain text with its line
// structure kept (html.go), ready for package parse. It imports no other
// package of the project.
//
// Nobody has seen every Dynasty template, so the HTML and feed code is
// written for tolerance: it looks for the markers known from field notes
// (DATABEGIN/DATAEND comments, the "Navigointi" table, the "Liitteet"
// table) but never depends on them being present.
package scrape
