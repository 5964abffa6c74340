package scrape

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is an item page reduced to text, ready for package parse.
type Page struct {
	// Text is the page's text, NFC, with its paragraph and line structure
	// kept: one line per block element or <br>, one blank line between
	// paragraphs (never two), table rows on one line with cells separated
	// by two spaces, U+00A0 turned into an ordinary space, lines trimmed.
	// Navigation, scripts, styles, forms and hidden elements are dropped;
	// the site header (organisation, body, "Pöytäkirja …/Pykälä N") is kept.
	Text string
	// ItemID is the M-k id the page says it is, from its own links (the
	// "Kokousasia PDF-muodossa" link ".../kokous/M-k.PDF", a canonical link,
	// or a meetingitem link marked as current); "" if the page does not say.
	// Dynasty has been reported to answer with a different item than asked.
	ItemID string
	// Title is the item title when it can be told apart with some
	// confidence, else "".
	Title string
	// Attachments are the titles in the attachment table ("Liitteet"), in order.
	Attachments []string
}

// Marker comments and captions known from the field notes.
const (
	markBegin       = "DATABEGIN"
	markEnd         = "DATAEND"
	captionNav      = "navigointi"
	captionAttached = "liitteet"
	// cellSep separates table cells on a row's line. Two spaces rather
	// than a tab: it is how the label/text layout of some sites already
	// looks in the seeds, and parse splits labels on runs of spaces.
	cellSep = "  "
)

// navTexts are the anchor texts of the item page's navigation; anchors with
// these texts are dropped wherever they are, in case the navigation table
// lacks its caption.
var navTexts = map[string]bool{
	"edellinen asia":          true,
	"seuraava asia":           true,
	"muutoksenhakuohje":       true,
	"kokousasia pdf-muodossa": true,
	"edellinen":               true,
	"seuraava":                true,
}

var (
	pdfItemRe   = regexp.MustCompile(`(?i)(?:^|/)kokous/(\d{4,}-\d+)\.pdf(?:$|[?#])`)
	hiddenRe    = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all`)
	titleClsRe  = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:otsikko|title|asiaotsikko)(?:$|[\s_-])`)
	hiddenClsRe = regexp.MustCompile(`(?i)(?:^|\s)(?:hidden|hide|d-none|invisible)(?:$|\s)`)
	// cssHiddenRe finds classes a page's own style sheet hides: Dynasty is
	// reported to hide the navigation caption that way.
	cssHiddenRe = regexp.MustCompile(`(?i)\.([A-Za-z0-9_-]+)\s*\{[^}]*(?:display\s*:\s*none|visibility\s*:\s*hidden)`)
	currentRe   = regexp.MustCompile(`(?i)(?:^|\s)(?:current|selected|active)(?:$|\s)`)
	// docLineRe is the site header's document line: "Pöytäkirja 09.10.2023/Pykälä 183",
	// "Esityslista 04.03.2025/Asianro 68"; Swedish forms are inferred.
	docLineRe = regexp.MustCompile(`(?i)^(?:pöytäkirja|esityslista|protokoll|föredragningslista)\s+\d{1,2}\.\d{1,2}\.\d{4}\s*/\s*(?:pykälä|asianro|paragraf|ärende)[\s\p{Zs}]*\d`)
	// notTitleRe rejects lines that cannot be a title: handling headers,
	// diary numbers, dates, labels.
	notTitleRe = regexp.MustCompile(`(?i)§|^\d+/[\d.]+/\d{4}$|^\d{1,2}\.\d{1,2}\.\d{4}|:$|^(?:asianro|dnro|valmistelija|valmistelu|esittelijä|päätösehdotus|päätösesitys|ehdotus|päätös|selostus|käsittely|liitteet|oheismateriaali|tiedoksi|beredare|föredragande|förslag|beslut|bilaga)(?:[\s\p{Zs}:]|$)`)
)

// ExtractPage decodes (see DecodeBytes) and reduces an item page to text.
//
// Where the page has <!--DATABEGIN--> … <!--DATAEND--> markers, everything
// after the last DATAEND is footer and is dropped, except an attachment
// table; everything before DATABEGIN is kept because the site header with
// the organisation, body and document line lives there. Without markers
// the whole body is rendered. Old <frameset> pages have no text of their
// own and give an empty Text without error; the caller follows the frames
// (ExtractLinks).
func ExtractPage(body []byte, contentType string) (Page, error) {
	text, _, _, err := DecodeBytes(body, contentType)
	if err != nil {
		return Page{}, fmt.Errorf("extract page: %w", err)
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Page{}, fmt.Errorf("extract page: parse HTML: %w", err)
	}
	r := renderer{lastEnd: lastComment(doc, markEnd), hiddenClasses: cssHiddenClasses(doc)}
	r.walk(doc)
	var p Page
	p.Text = finishText(r.w.String())
	p.Attachments = r.attachments
	p.ItemID = findItemID(doc)
	p.Title = r.title
	if p.Title == "" {
		p.Title = titleFromText(p.Text)
	}
	return p, nil
}

// cssHiddenClasses reads the page's <style> elements for class selectors
// that hide things; nothing cleverer than a regexp, since the rule that
// matters is a plain ".x { display: none }".
func cssHiddenClasses(doc *html.Node) map[string]bool {
	m := map[string]bool{}
	forEach(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Style {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					for _, sm := range cssHiddenRe.FindAllStringSubmatch(c.Data, -1) {
						m[strings.ToLower(sm[1])] = true
					}
				}
			}
			return false
		}
		return true
	})
	return m
}

// lastComment finds the last comment node whose text is mark.
func lastComment(n *html.Node, mark string) *html.Node {
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.CommentNode && strings.EqualFold(strings.TrimSpace(n.Data), mark) {
			found = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return found
}

// hasContentMarker reports whether n holds the page's data: a DATABEGIN
// marker or a data-part block. A form around such content is a wrapper, not
// a search box, and must not be dropped.
func hasContentMarker(n *html.Node) bool {
	if n.Type == html.CommentNode && strings.EqualFold(strings.TrimSpace(n.Data), markBegin) {
		return true
	}
	if n.Type == html.ElementNode {
		if cls, _ := attr(n, "class"); strings.Contains(strings.ToLower(cls), "data-part-block") {
			return true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasContentMarker(c) {
			return true
		}
	}
	return false
}

// renderer walks the document once, writing text.
type renderer struct {
	w           textWriter
	lastEnd     *html.Node // the last DATAEND comment; text after it is footer
	afterEnd    bool
	inData      bool // past a DATABEGIN marker
	attachments []string
	title       string
	listDepth   []int // per open list: -1 for <ul>, else the next <ol> number
	// hiddenClasses are the classes the page's style sheets hide.
	hiddenClasses map[string]bool
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if !r.afterEnd {
			r.w.text(n.Data)
		}
		return
	case html.CommentNode:
		if n == r.lastEnd {
			r.afterEnd = true
		}
		if strings.EqualFold(strings.TrimSpace(n.Data), markBegin) {
			r.inData = true
		}
		return
	case html.ElementNode:
		r.element(n)
		return
	}
	r.children(n)
}

func (r *renderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

func (r *renderer) element(n *html.Node) {
	if isAttachmentTable(n) {
		r.attachmentTable(n)
		return
	}
	if r.afterEnd {
		// Footer: only an attachment table further down is of interest.
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				r.element(c)
			}
		}
		return
	}
	if r.dropped(n) {
		// The marker may sit inside something dropped; what follows is
		// still footer.
		if contains(n, r.lastEnd) {
			r.afterEnd = true
		}
		return
	}
	if r.title == "" && isTitleElement(n) && (r.inData || hasDocLine(r.w.String())) {
		if t := cleanText(nodeText(n)); t != "" && len(t) < 500 && !docLineRe.MatchString(t) {
			r.title = t
		}
	}
	switch n.DataAtom {
	case atom.Br:
		r.w.br()
		return
	case atom.Table:
		r.table(n)
		return
	case atom.Ul, atom.Ol:
		next := -1
		if n.DataAtom == atom.Ol {
			next = 1
		}
		r.listDepth = append(r.listDepth, next)
		r.w.block(2)
		r.children(n)
		r.w.block(2)
		r.listDepth = r.listDepth[:len(r.listDepth)-1]
		return
	case atom.Li:
		r.w.block(1)
		if d := len(r.listDepth); d > 0 {
			if r.listDepth[d-1] < 0 {
				r.w.raw("- ")
			} else {
				r.w.raw(fmt.Sprintf("%d. ", r.listDepth[d-1]))
				r.listDepth[d-1]++
			}
		}
		r.children(n)
		r.w.block(1)
		return
	}
	level := blockLevel(n.DataAtom)
	r.w.block(level)
	r.children(n)
	r.w.block(level)
}

// contains reports whether target is n or below it.
func contains(n, target *html.Node) bool {
	if target == nil {
		return false
	}
	for t := target; t != nil; t = t.Parent {
		if t == n {
			return true
		}
	}
	return false
}

// blockLevel is 2 for paragraph-like elements (a blank line around them),
// 1 for other blocks (a line break), 0 for inline elements.
func blockLevel(a atom.Atom) int {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Pre, atom.Dl, atom.Hr, atom.Table, atom.Figure:
		return 2
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer,
		atom.Aside, atom.Address, atom.Center, atom.Tr, atom.Caption, atom.Dt, atom.Dd,
		atom.Li, atom.Body, atom.Html, atom.Fieldset, atom.Details, atom.Summary, atom.Frameset:
		return 1
	}
	return 0
}

// dropped reports whether an element and everything in it is left out:
// non-content elements, hidden ones, navigation, and forms that do not wrap
// the page's data.
func (r *renderer) dropped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Title,
		atom.Select, atom.Option, atom.Button, atom.Input, atom.Textarea, atom.Svg,
		atom.Iframe, atom.Frame, atom.Noframes, atom.Object, atom.Embed, atom.Img,
		atom.Map, atom.Nav, atom.Meta, atom.Link:
		return true
	case atom.Form:
		return !hasContentMarker(n)
	case atom.Table:
		if c := caption(n); strings.Contains(strings.ToLower(c), captionNav) {
			return true
		}
	case atom.A:
		if navTexts[strings.ToLower(cleanText(nodeText(n)))] {
			return true
		}
	}
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	if st, ok := attr(n, "style"); ok && hiddenRe.MatchString(st) {
		return true
	}
	if cls, ok := attr(n, "class"); ok {
		if hiddenClsRe.MatchString(cls) {
			return true
		}
		for _, c := range strings.Fields(cls) {
			if r.hiddenClasses[strings.ToLower(c)] {
				return true
			}
		}
	}
	if v, ok := attr(n, "aria-hidden"); ok && strings.EqualFold(v, "true") && n.DataAtom != atom.Span {
		return true
	}
	return false
}

// caption is the text of a table's own <caption>, "" if none.
func caption(table *html.Node) string {
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
			return cleanText(nodeText(c))
		}
	}
	return ""
}

// isAttachmentTable recognises the attachment list: a table captioned
// "Liitteet", or whose first row is just that word.
func isAttachmentTable(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Table {
		return false
	}
	if isAttachmentHeading(caption(n)) {
		return true
	}
	rows := tableRows(n)
	return len(rows) > 1 && isAttachmentHeading(cleanText(nodeText(rows[0])))
}

func isAttachmentHeading(s string) bool {
	return strings.EqualFold(strings.TrimRight(strings.TrimSpace(s), ":"), captionAttached)
}

// attachmentTable writes "Liitteet" and one title per line, and records the
// titles. A row's links are its titles when it has any (the number and
// size cells around them are noise); otherwise its cells joined by a space.
func (r *renderer) attachmentTable(n *html.Node) {
	rows := tableRows(n)
	if !isAttachmentHeading(caption(n)) && len(rows) > 0 {
		rows = rows[1:]
	}
	var titles []string
	for _, row := range rows {
		if r.dropped(row) {
			continue
		}
		var anchors []string
		forEach(row, func(c *html.Node) bool {
			if c.DataAtom == atom.A {
				if t := cleanText(nodeText(c)); t != "" {
					anchors = append(anchors, t)
				}
				return false
			}
			return true
		})
		if len(anchors) > 0 {
			titles = append(titles, anchors...)
			continue
		}
		var cells []string
		for _, cell := range rowCells(row) {
			if t := cleanText(nodeText(cell)); t != "" {
				cells = append(cells, t)
			}
		}
		if t := strings.Join(cells, " "); t != "" && !isAttachmentHeading(t) {
			titles = append(titles, t)
		}
	}
	r.attachments = append(r.attachments, titles...)
	r.w.block(2)
	r.w.raw("Liitteet")
	for _, t := range titles {
		r.w.block(1)
		r.w.raw(t)
	}
	r.w.block(2)
}

// forEach calls f on every element below n in document order; f returns
// false to skip an element's children.
func forEach(n *html.Node, f func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if f(c) {
				forEach(c, f)
			}
		}
	}
}

// tableRows are a table's own rows, not those of tables nested in it.
func tableRows(table *html.Node) []*html.Node {
	var rows []*html.Node
	forEach(table, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
			return false
		case atom.Table:
			return false
		}
		return true
	})
	return rows
}

// rowCells are a row's td/th cells.
func rowCells(row *html.Node) []*html.Node {
	var cells []*html.Node
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells = append(cells, c)
		}
	}
	return cells
}

// table writes a table as one line per row, cells joined by cellSep. A
// cell with several lines (a layout table's content cell, a nested table)
// keeps them: its first line continues the row's line.
func (r *renderer) table(n *html.Node) {
	r.w.block(2)
	if c := caption(n); c != "" {
		r.w.raw(c)
		r.w.block(1)
	}
	for _, row := range tableRows(n) {
		if r.dropped(row) {
			continue
		}
		var cells []string
		for _, cell := range rowCells(row) {
			if r.dropped(cell) {
				continue
			}
			sub := renderer{lastEnd: r.lastEnd, afterEnd: r.afterEnd, inData: r.inData, hiddenClasses: r.hiddenClasses}
			sub.children(cell)
			r.afterEnd, r.inData = sub.afterEnd, sub.inData
			r.attachments = append(r.attachments, sub.attachments...)
			if r.title == "" {
				r.title = sub.title
			}
			if t := finishText(sub.w.String()); t != "" {
				cells = append(cells, t)
			}
		}
		if len(cells) > 0 {
			r.w.block(1)
			r.w.raw(strings.Join(cells, cellSep))
			r.w.block(1)
		}
	}
	r.w.block(2)
}

// isTitleElement recognises an element marked as the item's title by its
// class or id. Only trusted inside the data part or after the document
// line, where a "title" class cannot be the site's; headings are not
// trusted at all because templates use them for the site and body names.
func isTitleElement(n *html.Node) bool {
	cls, _ := attr(n, "class")
	id, _ := attr(n, "id")
	return titleClsRe.MatchString(cls) || titleClsRe.MatchString(id)
}

// hasDocLine reports whether text has the document line ("Pöytäkirja …/Pykälä N").
func hasDocLine(text string) bool {
	for l := range strings.SplitSeq(text, "\n") {
		if docLineRe.MatchString(strings.TrimFunc(l, isSpace)) {
			return true
		}
	}
	return false
}

// titleFromText takes the first line after the document line
// ("Pöytäkirja …/Pykälä N") and an attachment list, when it looks like a
// title; the seeds are laid out that way. Anything doubtful gives "",
// because callers compare the title with the feed's to detect a wrong page.
func titleFromText(text string) string {
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && !docLineRe.MatchString(lines[i]) {
		i++
	}
	if i == len(lines) {
		return ""
	}
	i++
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) && isAttachmentHeading(lines[i]) {
		for i < len(lines) && strings.TrimSpace(lines[i]) != "" {
			i++
		}
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
	}
	if i == len(lines) {
		return ""
	}
	t := strings.TrimSpace(lines[i])
	if t == "" || len(t) > 400 || notTitleRe.MatchString(t) || strings.Contains(t, cellSep) {
		return ""
	}
	return t
}

// findItemID looks for the page's own id in its links: the item PDF link
// first, then a canonical link, then a meetingitem link marked current.
func findItemID(doc *html.Node) string {
	var pdf, canonical, current string
	forEach(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.A, atom.Link, atom.Area:
			href, _ := attr(n, "href")
			if m := pdfItemRe.FindStringSubmatch(strings.TrimSpace(href)); m != nil && pdf == "" {
				pdf = m[1]
			}
			rel, _ := attr(n, "rel")
			cls, _ := attr(n, "class")
			aria, _ := attr(n, "aria-current")
			isCanon := strings.EqualFold(rel, "canonical")
			if isCanon || currentRe.MatchString(cls) || (aria != "" && aria != "false") {
				q := href
				if i := strings.IndexByte(q, '?'); i >= 0 {
					q = q[i+1:]
				}
				params := parseQuery(q)
				if strings.EqualFold(params["page"], "meetingitem") && itemIDRe.MatchString(params["id"]) {
					if isCanon && canonical == "" {
						canonical = params["id"]
					} else if current == "" {
						current = params["id"]
					}
				}
			}
		}
		return true
	})
	switch {
	case pdf != "":
		return pdf
	case canonical != "":
		return canonical
	}
	return current
}

// textWriter accumulates rendered text the way a browser lays it out:
// runs of HTML white space collapse to one space, U+00A0 is a space that
// does not collapse, and line breaks are owed (pending) until more text
// comes, so blocks never leave stray blank lines behind.
type textWriter struct {
	b       strings.Builder
	pending int  // line breaks owed before the next text: 1 = new line, 2 = blank line
	space   bool // a collapsed space is owed before the next text
}

func (w *textWriter) block(level int) {
	if level > w.pending {
		w.pending = level
	}
}

func (w *textWriter) br() {
	if w.pending < 2 {
		w.pending++
	}
	w.space = false
}

func (w *textWriter) flush() {
	if w.pending > 0 {
		if w.b.Len() > 0 {
			w.b.WriteString(strings.Repeat("\n", w.pending))
		}
		w.pending, w.space = 0, false
	}
	if w.space {
		w.b.WriteByte(' ')
		w.space = false
	}
}

// raw writes preformatted text (already laid out) as is.
func (w *textWriter) raw(s string) {
	if s == "" {
		return
	}
	w.flush()
	w.b.WriteString(s)
}

func (w *textWriter) text(s string) {
	for _, c := range s {
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
			if w.pending == 0 && w.b.Len() > 0 {
				w.space = true
			}
			continue
		case '\u00A0':
			c = ' '
		case '\u00AD', '\u200B', '\uFEFF': // soft hyphen, zero-width space, BOM
			continue
		}
		w.flush()
		w.b.WriteRune(c)
	}
}

func (w *textWriter) String() string { return w.b.String() }

// finishText trims every line, drops lines that are only leftovers of
// navigation ("|"), and leaves at most one blank line in a row.
func finishText(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := true // suppresses leading blank lines
	for _, l := range lines {
		l = strings.TrimFunc(l, isSpace)
		if strings.Trim(l, "| \t") == "" && l != "" {
			l = ""
		}
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) }
