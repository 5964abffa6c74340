// Package harvest is the sync pipeline of one source, in one place: feed →
// fetch → extract → parse → store. Run reads a source's two feeds (and with
// Backfill its list pages), decides for each item whether it must be fetched
// (new, its feed entry changed, an agenda whose meeting has passed, gone),
// fetches it with the polite scrape.Client, checks that the page is the item
// asked for, reduces it to text with scrape.ExtractPage (handing it
// parse.IsChrome), reads it with parse.Read (with the feed's title and the
// source's organisation as evidence) and stores raw bytes, text and decision
// in one transaction (store.SaveItem).
//
// It holds the archive policy of a sync: feed and list-page validators are
// saved only once every item they listed is stored, so a crash or Ctrl-C
// leaves work for the next run, never a gap; a 404 on a known item marks it
// gone and keeps the listing page unvalidated; a write the archive refuses
// (a full disk) stops the source. Reread is the same reading of a page for
// `minutes reparse`, from the raw bytes the archive kept.
//
// scrape knows HTTP and HTML, parse knows Finnish minutes, store knows
// SQLite; harvest is the only package besides cmd/minutes that imports all
// three.
package harvest
