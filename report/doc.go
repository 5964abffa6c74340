// Package report renders one matter across organisations as a single
// self-contained HTML page: a table of each organisation's settling
// decision, counts by outcome, and a timeline chart in inline SVG. The page
// loads nothing (no scripts, fonts, images or style sheets from elsewhere),
// reads in print and by a screen reader (the table comes first; the chart
// has a text alternative), and is labelled in Finnish or English.
//
// The package is pure: it takes the rows 'minutes approved' finds and
// writes HTML; it knows nothing of the archive.
package report
