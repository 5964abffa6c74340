package scrape

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is an item page reduced to text, with the structure that plain text
// loses handed on beside it. It says nothing of what the words mean: the
// Finnish and Swedish wording (labels, navigation texts, document lines) is
// package parse's, which reads Head, Text and Emphasis.
type Page struct {
	// Head is the text the page shows before its data part (the part
	// between Dynasty's <!--DATABEGIN--> or <!--DATA_BEGIN--> marker and the
	// end marker): site header, breadcrumb, body name and document line. It
	// is "" when the page has no data marker; then everything is in Text.
	Head string
	// Text is the data part's text, NFC, with its paragraph and line
	// structure kept: one line per block element or <br>, one blank line
	// between paragraphs (never two), table rows on one line with cells
	// separated by two spaces, U+00A0 turned into an ordinary space, lines
	// trimmed. Scripts, styles, forms and hidden elements are dropped, and
	// so is everything after the last end marker (the footer) but for
	// captioned tables.
	Text string
	// Emphasis lists, in page order, the data part's paragraphs (and table
	// cells) whose text is all bold: in Word-made pages the item's title is
	// the first of them.
	Emphasis []string
	// DocumentTitle is the page's <title>; old installs name the
	// organisation only there.
	DocumentTitle string
	// ItemID is the M-k id the page says it is, from its own links (the
	// "Kokousasia PDF-muodossa" link ".../kokous/M-k.PDF", a canonical link,
	// or a meetingitem link marked as current); "" if the page does not say.
	// Dynasty has been reported to answer with a different item than asked.
	ItemID string
	// Flat is true when the page was nested too deep for an HTML tree and
	// was read as plain text (see ExtractPage).
	Flat bool
}

// FullText is the page's whole text as a reader sees it, Head first: what
// the archive keeps as a revision's text and what search reads.
func (p Page) FullText() string {
	switch {
	case p.Head == "":
		return p.Text
	case p.Text == "":
		return p.Head
	}
	return p.Head + "\n\n" + p.Text
}

// Markers Dynasty puts around an item's data; older installs write them
// with an underscore. They are comments, not words.
var (
	beginMarks = []string{"DATABEGIN", "DATA_BEGIN"}
	endMarks   = []string{"DATAEND", "DATA_END"}
)

// splitMark stands in the rendered text where the data part begins. It is
// a private-use character, removed from the page's own text, so that it
// survives table cells and line joining and the text is split once at the end.
const splitMark = '\uE000'

// cellSep separates table cells on a row's line. Two spaces rather than a
// tab: it is how the label/text layout of some sites already looks in the
// page texts, and parse splits labels on runs of spaces.
const cellSep = "  "

// maxEmphasis bounds the bold paragraphs handed on; a title is among the first.
const maxEmphasis = 64

var (
	pdfItemRe   = regexp.MustCompile(`(?i)(?:^|/)kokous/(\d{4,}-\d+)\.pdf(?:$|[?#])`)
	hiddenRe    = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all`)
	hiddenClsRe = regexp.MustCompile(`(?i)(?:^|\s)(?:hidden|hide|d-none|invisible)(?:$|\s)`)
	// cssHiddenRe finds classes a page's own style sheet hides: Dynasty is
	// reported to hide the navigation caption that way.
	cssHiddenRe = regexp.MustCompile(`(?i)\.([A-Za-z0-9_-]+)\s*\{[^}]*(?:display\s*:\s*none|visibility\s*:\s*hidden)`)
	currentRe   = regexp.MustCompile(`(?i)(?:^|\s)(?:current|selected|active)(?:$|\s)`)
)

// ExtractOptions says what the caller knows of a page's words; scrape
// itself knows none.
type ExtractOptions struct {
	// IsChrome reports whether a table caption or a link's text names the
	// site's own furniture (navigation such as "Navigointi", "Edellinen
	// asia"): such a table or link is left out of the text. Package parse
	// has the wording (parse.IsChrome); nil keeps everything.
	IsChrome func(text string) bool
}

func (o ExtractOptions) chrome(s string) bool { return o.IsChrome != nil && s != "" && o.IsChrome(s) }

// ExtractPage decodes (see DecodeBytes) and reduces an item page to text.
//
// Where the page has data markers, what stands before the begin marker is
// Head and what follows it is Text; everything after the last end marker
// is footer and is dropped, except captioned tables. Without markers the
// whole body is Text. Old <frameset> pages have no text of their own and
// give an empty Text without error; the caller follows the frames
// (ExtractLinks).
func ExtractPage(body []byte, contentType string, opt ExtractOptions) (Page, error) {
	text, _, _, err := DecodeBytes(body, contentType)
	if err != nil {
		return Page{}, fmt.Errorf("extract page: %w", err)
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil && strings.Contains(err.Error(), "open stack of elements exceeds") {
		// Nested deeper than the HTML parser goes (512 open elements): the
		// page is still a page; its text is read token by token.
		return flatPage(text), nil
	}
	if err != nil {
		return Page{}, fmt.Errorf("extract page: parse HTML: %w", err)
	}
	doc := goquery.NewDocumentFromNode(root)
	r := renderer{lastEnd: lastMarker(root, endMarks), hiddenClasses: cssHiddenClasses(doc), opt: opt}
	r.begin = firstMarker(root, beginMarks)
	r.inData = r.begin == nil
	r.walk(root)
	var p Page
	out := r.w.String()
	if i := strings.IndexRune(out, splitMark); i >= 0 {
		p.Head = finishText(out[:i])
		p.Text = finishText(out[i+len(string(splitMark)):])
	} else {
		p.Text = finishText(out)
	}
	p.Emphasis = r.emphasis
	p.DocumentTitle = cleanText(doc.Find("head title").First().Text())
	p.ItemID = findItemID(doc)
	return p, nil
}

// cssHiddenClasses reads the page's <style> elements for class selectors
// that hide things; nothing cleverer than a regexp, since the rule that
// matters is a plain ".x { display: none }".
func cssHiddenClasses(doc *goquery.Document) map[string]bool {
	m := map[string]bool{}
	doc.Find("style").Each(func(_ int, s *goquery.Selection) {
		for _, sm := range cssHiddenRe.FindAllStringSubmatch(s.Text(), -1) {
			m[strings.ToLower(sm[1])] = true
		}
	})
	return m
}

func isMarker(n *html.Node, marks []string) bool {
	if n.Type != html.CommentNode {
		return false
	}
	d := strings.TrimSpace(n.Data)
	for _, m := range marks {
		if strings.EqualFold(d, m) {
			return true
		}
	}
	return false
}

// firstMarker and lastMarker find the first and last comment that is one of marks.
func firstMarker(n *html.Node, marks []string) *html.Node {
	for d := range n.Descendants() {
		if isMarker(d, marks) {
			return d
		}
	}
	return nil
}

func lastMarker(n *html.Node, marks []string) *html.Node {
	var found *html.Node
	for d := range n.Descendants() {
		if isMarker(d, marks) {
			found = d
		}
	}
	return found
}

// hasContentMarker reports whether n holds the page's data: a begin marker
// or a data-part block. A form around such content is a wrapper, not a
// search box, and must not be dropped.
func hasContentMarker(n *html.Node) bool {
	for d := range n.Descendants() {
		if isMarker(d, beginMarks) {
			return true
		}
		if d.Type == html.ElementNode {
			if cls, _ := attr(d, "class"); strings.Contains(strings.ToLower(cls), "data-part-block") {
				return true
			}
		}
	}
	return false
}

// renderer walks the document once, writing text.
type renderer struct {
	w        textWriter
	begin    *html.Node // the first begin marker; nil if the page has none
	lastEnd  *html.Node // the last end marker; text after it is footer
	afterEnd bool
	inData   bool // past the begin marker (or the page has none)
	// emphasis collects the bold paragraphs of the data part.
	emphasis  []string
	listDepth []int // per open list: -1 for <ul>, else the next <ol> number
	// hiddenClasses are the classes the page's style sheets hide.
	hiddenClasses map[string]bool
	opt           ExtractOptions
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
		if n == r.begin {
			r.inData = true
			r.w.block(2)
			r.w.raw(string(splitMark))
			r.w.block(2)
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

// sub is a renderer for a table cell: the same page state, its own text.
func (r *renderer) sub() *renderer {
	return &renderer{begin: r.begin, lastEnd: r.lastEnd, afterEnd: r.afterEnd, inData: r.inData,
		hiddenClasses: r.hiddenClasses, opt: r.opt}
}

// join takes back the page state a sub-renderer moved on.
func (r *renderer) join(s *renderer) {
	r.afterEnd, r.inData = s.afterEnd, s.inData
	r.addEmphasis(s.emphasis...)
}

func (r *renderer) addEmphasis(texts ...string) {
	for _, t := range texts {
		if len(r.emphasis) < maxEmphasis {
			r.emphasis = append(r.emphasis, t)
		}
	}
}

func (r *renderer) element(n *html.Node) {
	if r.afterEnd {
		// Footer: only a captioned table is of interest.
		if n.DataAtom == atom.Table && caption(n) != "" && !r.dropped(n) {
			r.afterEnd = false
			r.table(n)
			r.afterEnd = true
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				r.element(c)
			}
		}
		return
	}
	if r.dropped(n) {
		// A marker may sit inside something dropped; what follows is
		// still footer, and still data.
		if contains(n, r.lastEnd) {
			r.afterEnd = true
		}
		if contains(n, r.begin) {
			r.inData = true
			r.w.block(2)
			r.w.raw(string(splitMark))
			r.w.block(2)
		}
		return
	}
	if r.inData && isParagraph(n.DataAtom) {
		if t, ok := boldText(n); ok {
			r.addEmphasis(t)
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

// isParagraph reports the elements whose whole text may be a bold heading.
func isParagraph(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Td, atom.Th, atom.Li:
		return true
	}
	return false
}

// boldText returns the text of a paragraph set entirely in bold (every
// letter inside <b> or <strong>, or a font-weight:bold style). A paragraph
// with block elements inside is not one.
func boldText(n *html.Node) (string, bool) {
	var b strings.Builder
	allBold, letters := true, false
	var visit func(n *html.Node, bold bool)
	visit = func(n *html.Node, bold bool) {
		for c := n.FirstChild; c != nil && allBold; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if strings.IndexFunc(c.Data, unicode.IsLetter) >= 0 {
					letters = true
					if !bold {
						allBold = false
						return
					}
				}
				b.WriteString(c.Data)
			case html.ElementNode:
				if blockLevel(c.DataAtom) > 0 || c.DataAtom == atom.Table {
					// A paragraph holding paragraphs is not one heading; its
					// inner paragraphs are read on their own. Not looking
					// inside keeps the walk linear on nested layouts.
					allBold = false
					return
				}
				if c.DataAtom == atom.Br {
					b.WriteByte(' ')
					continue
				}
				st, _ := attr(c, "style")
				visit(c, bold || c.DataAtom == atom.B || c.DataAtom == atom.Strong ||
					strings.Contains(strings.ToLower(strings.ReplaceAll(st, " ", "")), "font-weight:bold"))
			}
		}
	}
	visit(n, false)
	if !allBold || !letters {
		return "", false
	}
	t := cleanText(b.String())
	return t, t != ""
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
		atom.Li, atom.Body, atom.Html, atom.Fieldset, atom.Details, atom.Summary, atom.Frameset,
		atom.Label:
		return 1
	}
	return 0
}

// dropped reports whether an element and everything in it is left out:
// non-content elements, hidden ones, and forms that do not wrap the page's
// data, and the site's furniture as the caller's IsChrome tells it.
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
		if r.opt.chrome(caption(n)) {
			return true
		}
	case atom.A:
		if r.opt.IsChrome != nil && r.opt.chrome(cleanText(nodeText(n))) {
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

// table writes a table as one line per row, cells joined by cellSep, its
// caption (if shown) on the line before. A cell with several lines (a
// layout table's content cell, a nested table) keeps them: its first line
// continues the row's line.
func (r *renderer) table(n *html.Node) {
	r.w.block(2)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption && !r.dropped(c) {
			if t := cleanText(nodeText(c)); t != "" {
				r.w.raw(t)
				r.w.block(1)
			}
		}
	}
	for _, row := range tableRows(n) {
		if r.dropped(row) {
			if contains(row, r.begin) || contains(row, r.lastEnd) {
				r.element(row) // only for the marker's sake
			}
			continue
		}
		var cells []string
		for _, cell := range rowCells(row) {
			if r.dropped(cell) {
				continue
			}
			sub := r.sub()
			if r.inData {
				if t, ok := boldText(cell); ok {
					sub.addEmphasis(t)
				}
			}
			sub.children(cell)
			r.join(sub)
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

// findItemID looks for the page's own id in its links: the item PDF link
// first, then a canonical link, then a meetingitem link marked current.
func findItemID(doc *goquery.Document) string {
	var pdf, canonical, current string
	doc.Find("a[href], link[href], area[href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		href := strings.TrimSpace(s.AttrOr("href", ""))
		if containsFoldASCII(href, "kokous/") { // a cheap test before the regexp
			if m := pdfItemRe.FindStringSubmatch(href); m != nil {
				pdf = m[1]
				return false
			}
		}
		isCanon := strings.EqualFold(s.AttrOr("rel", ""), "canonical")
		aria := s.AttrOr("aria-current", "")
		if !isCanon && !currentRe.MatchString(s.AttrOr("class", "")) && (aria == "" || aria == "false") {
			return true
		}
		q := href
		if i := strings.IndexByte(q, '?'); i >= 0 {
			q = q[i+1:]
		}
		params := parseQuery(q)
		if strings.EqualFold(params["page"], "meetingitem") && itemIDRe.MatchString(params["id"]) {
			if isCanon && canonical == "" {
				canonical = params["id"]
			} else if !isCanon && current == "" {
				current = params["id"]
			}
		}
		return true
	})
	switch {
	case pdf != "":
		return canonicalItemID(pdf)
	case canonical != "":
		return canonicalItemID(canonical)
	}
	if current != "" {
		return canonicalItemID(current)
	}
	return ""
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
			w.b.WriteString("\n\n"[:min(w.pending, 2)])
		}
		w.pending, w.space = 0, false
	}
	if w.space {
		w.b.WriteByte(' ')
		w.space = false
	}
}

// raw writes text as it is (preformatted, or a run of text already
// collapsed), after what is owed before it.
func (w *textWriter) raw(s string) {
	if s == "" {
		return
	}
	w.flush()
	w.b.WriteString(s)
}

func (w *textWriter) text(s string) {
	run := 0 // where the run of characters written as they are began
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
				i++
				continue
			}
			w.raw(s[run:i])
			if w.pending == 0 && w.b.Len() > 0 {
				w.space = true
			}
			i++
			run = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u00A0':
			w.raw(s[run:i])
			w.raw(" ")
		case r == '\u00AD', r == '\u200B', r == '\uFEFF', r == splitMark: // soft hyphen, zero-width space, BOM, our own mark
			w.raw(s[run:i])
		case r == utf8.RuneError && n == 1:
			w.raw(s[run:i])
			w.raw("\uFFFD")
		default:
			i += n
			continue
		}
		i += n
		run = i
	}
	w.raw(s[run:])
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

// flatPage reads a page too deeply nested for html.Parse (x/net/html stops
// at 512 open elements) token by token: text in order, a line break at
// every block element and <br>, head, scripts and styles dropped, the data
// marker kept as Head's end. What needs the tree (hidden classes, bold
// paragraphs, the item's own links, chrome the caller would drop) is lost:
// such a page is read as plain text. Page.Flat says so.
func flatPage(text string) Page {
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			var p Page
			out := b.String()
			if i := strings.IndexRune(out, splitMark); i >= 0 {
				p.Head, p.Text = finishText(out[:i]), finishText(out[i+len(string(splitMark)):])
			} else {
				p.Text = finishText(out)
			}
			p.Flat = true
			return p
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.CommentToken:
			d := strings.TrimSpace(string(z.Text()))
			for _, m := range beginMarks {
				if strings.EqualFold(d, m) && !strings.ContainsRune(b.String(), splitMark) {
					b.WriteRune(splitMark)
				}
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Title:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			}
			switch {
			case blockLevel(a) == 2:
				b.WriteString("\n\n") // a paragraph: a blank line, as the tree's text has
			case blockLevel(a) == 1 || a == atom.Br:
				b.WriteByte('\n')
			}
		}
	}
}

// containsFoldASCII reports whether s contains the lower-case ASCII sub,
// ignoring ASCII case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}
