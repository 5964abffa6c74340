package parse

import (
	"strings"
	"unicode"
)

// Page is everything known of one meeting-item page before it is read: its
// text, the structure an HTML page adds to it, and what the feed and the
// source say of it. Only Text is needed; a page text saved as .txt has
// nothing else.
type Page struct {
	// Head is the text an HTML page shows before its data part (site
	// header, breadcrumb, body name, document line): organisation, body
	// and document are read from it, never a title. "" when the page has
	// no data part of its own, as in a page text.
	Head string
	// Text is the page's data part, or all of it.
	Text string
	// Emphasis lists the data part's paragraphs set entirely in bold, in
	// page order: in Word-made pages the item's title is the first one
	// that can be a title.
	Emphasis []string
	// DocumentTitle is the HTML <title>; old installs name the
	// organisation only there.
	DocumentTitle string
	// FeedTitle is the items feed's title for the item,
	// "<Body> DD.MM.YYYY / <Title>": evidence of title, body and date. The
	// page's own wording wins where it has one; a disagreement becomes a
	// warning.
	FeedTitle string
	// Organization is the source's organisation, used when the page does
	// not name one.
	Organization string
}

// Read parses one meeting-item page into a Decision. Pure: no I/O, clock,
// globals or logging.
func Read(pg Page) Decision {
	p := &pageParser{rows: map[string]bool{}}
	head := normalizeRows(pg.Head, p.rows)
	text := normalizeRows(pg.Text, p.rows)
	p.lines = append(append([]string{}, head...), text...)
	for _, e := range pg.Emphasis {
		if l := normalize(e); len(l) > 0 {
			p.emphasis = append(p.emphasis, strings.Join(l, " "))
		}
	}
	p.feed = parseFeedTitle(oneLine(pg.FeedTitle))
	var rest []string
	headLeft := 0 // lines of the head after its header, read but never a title
	if len(head) > 0 {
		// The header is the head, and the text down to a document line
		// standing at its top when the head has none.
		end := docLineIn(head, len(head))
		all := append(append([]string{}, head...), text...)
		inText := false
		if end < 0 {
			end = len(head)
			if i := docLineIn(text, 3); i >= 0 {
				end += i
			} else {
				inText = true
			}
		}
		p.readHeader(all[:end], end)
		headLeft = max(len(head)-end, 0)
		if inText {
			// The head had no document line (a breadcrumb only): the site
			// header may open the data part itself.
			rest = p.header(all[end:])
		} else {
			rest = p.skipChrome(all[end:])
		}
		headLeft = max(headLeft-(len(all)-end-len(rest)), 0)
	} else {
		rest = p.header(text)
	}
	for i, line := range rest {
		p.noTitle = i < headLeft
		p.current = line
		p.line(line)
		p.prev = line
	}
	p.noTitle = false
	d := p.result()
	if d.Organization == "" {
		d.Organization = orgFromDocumentTitle(oneLine(pg.DocumentTitle))
	}
	if d.Organization == "" {
		d.Organization = oneLine(pg.Organization)
	}
	return d
}

// oneLine is s as the parser reads text, on one line: valid UTF-8, NFC,
// spaces collapsed.
func oneLine(s string) string { return strings.Join(normalize(s), " ") }

// Text parses the text of one meeting-item page, as a page text (the seeds,
// a saved .txt) has it: the site header, if any, at the top.
func Text(text string) Decision { return Read(Page{Text: text}) }

// docLineIn returns the index just past the first document line among the
// first n lines, -1 if there is none.
func docLineIn(lines []string, n int) int {
	for i := 0; i < len(lines) && i < n; i++ {
		if len(lines[i]) <= maxHeaderBytes && docLineRe.MatchString(lines[i]) {
			return i + 1
		}
	}
	return -1
}

// headerZone bounds how far down a page text the document line is looked
// for: the site header, RSS block, body and document line stand above it.
const headerZone = 25

// header finds the site header at the top of a page text: the lines down to
// the document line when one stands near the top, else the leading site
// chrome. It returns the lines after it.
func (p *pageParser) header(lines []string) []string {
	if end := p.stackedHeader(lines); end > 0 {
		return p.skipChrome(lines[end:])
	}
	if end := p.handlingTable(lines); end > 0 {
		return p.skipChrome(lines[end:])
	}
	end := -1
	for i := 0; i < len(lines) && i < headerZone; i++ {
		if len(lines[i]) <= maxHeaderBytes && docLineRe.MatchString(lines[i]) {
			end = i + 1
			break
		}
		if _, _, ok := matchLabel(lines[i]); ok && !isChromeLine(lines[i]) {
			break // the item's own text has begun
		}
		if len(lines[i]) <= maxHeaderBytes && handlingRe.MatchString(lines[i]) {
			break
		}
	}
	if end < 0 {
		// No document line: only a site header line and chrome lead.
		end = 0
		for end < len(lines) && (isChromeLine(lines[end]) || isSiteHeader(lines[end])) {
			end++
		}
		if end == 0 {
			return lines
		}
	}
	p.readHeader(lines[:end], end)
	return p.skipChrome(lines[end:])
}

// stackedHeader reads a header that stacks the document line's parts one a
// line, as Helsinki's static pages of 2013–2019 print it (seen): the
// organisation, the document's name, the meeting's number, the page
// counter, the body, a reference, the meeting's date:
//
//	Helsingin kaupunki / Pöytäkirja / 1/2015 / 1 (1) / Kaupunginvaltuusto / -/23 / 14.01.2015
//
// It returns how many lines the header took, 0 when the page has none.
func (p *pageParser) stackedHeader(lines []string) int {
	at := -1
	for i := 0; i < len(lines) && i < 2; i++ {
		if stackedDocRe.MatchString(lines[i]) {
			at = i
			break
		}
	}
	if at < 0 || at+2 >= len(lines) || !meetingNumberRe.MatchString(lines[at+1]) {
		return 0
	}
	body := ""
	for i := at + 2; i < len(lines) && i <= at+6; i++ {
		l := lines[i]
		switch {
		case dateOnly.MatchString(l):
			d, err := parseDate(l)
			if err != nil {
				return 0
			}
			p.document = documentOf(lines[at])
			p.docDate = d
			if at == 1 && p.org == "" {
				p.org = lines[0]
			}
			if p.body == "" {
				p.body = body
			}
			return i + 1
		case pageCounterRe.MatchString(l), stackedRefRe.MatchString(l):
		case body == "" && len(l) <= maxHeaderBytes && !hasDate(l):
			body = l
		default:
			return 0
		}
	}
	return 0
}

var (
	stackedDocRe    = mustPattern(`^(?:Pöytäkirja|Protokoll|Esityslista|Föredragningslista)$`)
	meetingNumberRe = mustPattern(`^\d{1,3}/(?:19|20)\d{2}$`)
	pageCounterRe   = mustPattern(`^\d{1,4} \(\d{1,4}\)$`)
	// stackedRefRe: the item's reference beside the body ("-/23", "Asia/4", "Ysp/4").
	stackedRefRe = mustPattern(`^(?:-|\p{L}{1,8})/\d{1,4}$`)
)

// handlingTable reads the table Turku's pages open with (seen): the
// organisation and the columns § / Kokouspvm / Asia, then one row for each
// body that has handled the matter, the page's own last, with its §, date
// and item; the text may have lost the cells' bars ("Turun
// kaupunki§KokouspvmAsia1" / "Kaupunkiympäristölautakunta1111.01.20229").
// The Swedish pages: "Åbo stad § Sammanträdets datum Ärende nr 1".
// The last row gives the page's body, date and §. It returns how many lines
// the table took, 0 when the page has none.
func (p *pageParser) handlingTable(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	m := handlingTableHead.FindStringSubmatch(lines[0])
	if m == nil {
		return 0
	}
	end := 1
	var body, date string
	section := 0
	for end < len(lines) {
		r := handlingTableRow.FindStringSubmatch(lines[end])
		if r == nil {
			break
		}
		d, err := parseDate(r[3])
		if err != nil {
			break
		}
		body, date, section = strings.TrimSpace(r[1]), d, parseSection(r[2])
		end++
	}
	if body == "" {
		return 0
	}
	if p.org == "" {
		p.org = strings.TrimSpace(m[1])
	}
	if p.body == "" {
		p.body = body
	}
	p.docDate = date
	if section > 0 {
		p.docSection = section
	}
	return end
}

var (
	handlingTableHead = mustPattern(`^(\p{Lu}[^|§]*?)\s*\|?\s*§\s*\|?\s*(?:Kokouspvm|Sammanträdets datum)\s*\|?\s*(?:Asia|Ärende)`)
	// handlingTableRow: "Kaupunginhallitus | 65 | 03.03.2025 | 17 |", the
	// bars lost ("Kaupunginhallitus6503.03.202517"), or the item's number
	// left out ("Kaupunginvaltuusto 283 14.12.2009").
	handlingTableRow = mustPattern(`^(\p{Lu}[^|\d]*?)\s*\|?\s*(\d{1,4}?)\s*\|?\s*(\d{2}\.\d{2}\.\d{4})(?:\s*\|?\s*\d{1,3})?\s*\|?$`)
)

// readHeader reads organisation, body and document line from the header
// lines; n is how many there are.
func (p *pageParser) readHeader(lines []string, n int) {
	body := ""
	crumbBody := ""
	for i := 0; i < n; i++ {
		l := lines[i]
		switch {
		case isSiteHeader(l):
			rest, _ := siteHeaderRest(l)
			org := stripChromeWords(rest)
			if org == "" && i+1 < n {
				// "Dynasty tietopalvelu" alone, "<Org> RSS Haku" on the next line.
				if next := lines[i+1]; stripChromeWords(next) != next && !docLineRe.MatchString(next) {
					org = stripChromeWords(next)
					i++
				}
			}
			if p.org == "" {
				p.org = org
			}
			body = ""
		case len(l) <= maxHeaderBytes && p.docLine(l):
			if body != "" && p.body == "" {
				p.body = body
			}
			body = ""
		case isBreadcrumb(l):
			if b := breadcrumbBody(l); b != "" && crumbBody == "" {
				crumbBody = b
			}
		case isChromeLine(l):
		case p.org != "" && l == p.org:
		default:
			if len(l) <= maxHeaderBytes && !p.isStructural(l) {
				body = l
			} else {
				body = ""
			}
		}
	}
	if p.body == "" && crumbBody != "" && p.document != "" {
		p.body = crumbBody
	}
}

// skipChrome drops site chrome that follows the header: navigation lines,
// "Kokousasian teksti", the organisation named again.
func (p *pageParser) skipChrome(lines []string) []string {
	i := 0
	for i < len(lines) && (isChromeLine(lines[i]) || (p.org != "" && lines[i] == p.org)) {
		i++
	}
	return lines[i:]
}

// siteHeaderPrefixes start Dynasty's site header line, in Finnish and
// Swedish.
var siteHeaderPrefixes = []string{"Dynasty tietopalvelu", "Dynasty informationsservice"}

// siteHeaderRest returns what follows the site header's prefix, and whether
// l is a site header line.
func siteHeaderRest(l string) (string, bool) {
	if len(l) > maxHeaderBytes {
		return "", false
	}
	for _, p := range siteHeaderPrefixes {
		if len(l) >= len(p) && strings.EqualFold(l[:len(p)], p) {
			return l[len(p):], true
		}
	}
	return "", false
}

func isSiteHeader(l string) bool {
	_, ok := siteHeaderRest(l)
	return ok
}

// chromeWords are the site header's link texts that stand around the
// organisation's name: "Haku RSS <Org>", "<Org> RSS Haku", Swedish "Sök".
var chromeWords = map[string]bool{"haku": true, "rss": true, "sök": true, "sökning": true, "|": true}

// stripChromeWords removes chrome words from both ends of s.
func stripChromeWords(s string) string {
	w := strings.Fields(s)
	for len(w) > 0 && chromeWords[lower(w[0])] {
		w = w[1:]
	}
	for len(w) > 0 && chromeWords[lower(w[len(w)-1])] {
		w = w[:len(w)-1]
	}
	return strings.Join(w, " ")
}

// navLinks are the texts of an item page's own navigation, in Finnish and
// Swedish (Swedish inferred): its links and the caption of their table.
var navLinks = []string{
	"edellinen asia", "seuraava asia", "muutoksenhakuohje", "kokousasia pdf-muodossa",
	"edellinen", "seuraava", "navigointi", "navigering",
	"föregående ärende", "nästa ärende", "följande ärende", "sammanträdesärende i pdf-format",
	"mötesärende i pdf-format", "anvisning för ändringssökande",
}

// navPhrases adds the site's furniture around the item: the RSS block, the
// search link, "Kokousasian teksti", the breadcrumb's ends.
var navPhrases = append(append([]string{}, navLinks...),
	"rss-linkki", "rss-länk", "kokousasian teksti", "sammanträdesärendets text", "mötesärendets text", "texten i mötesärenden", "avaa haku",
	"haku", "sök", "sökning", "rss", "toimielimet",
	"confidential") // a stray marker some page-to-text renderings leave

var navSet = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range navLinks {
		m[p] = true
	}
	return m
}()

// feedLabelRe matches the RSS block's lines: "Kokousasiat: <url>", "Kokoukset:".
var feedLabelRe = mustPattern(`(?i)^(?:kokousasiat|kokoukset|sammanträdesärenden|sammanträden|mötesärende|möten)\s*:`).
	withCheck(func(s string) bool {
		// k and s fold with the Kelvin sign and the long s too.
		return startsWithByte("kKsSmM")(s) || strings.HasPrefix(s, "\u212a") || strings.HasPrefix(s, "\u017f")
	})

// markdownImage is what a page-to-text rendering leaves of an image link.
var markdownImage = mustPattern(`!\[[^\]]*\]\([^)]*\)`)

// IsChrome reports whether text is one of the item page's navigation texts
// (a link, a table caption): "Edellinen asia", "Navigointi", "Kokousasia
// PDF-muodossa". Package scrape leaves such links and tables
// out of a page's text when told so.
func IsChrome(text string) bool {
	t := lower(strings.Join(strings.Fields(strings.ReplaceAll(text, "\u00a0", " ")), " "))
	return navSet[t]
}

// isChromeLine reports a line made only of site furniture: navigation links
// ("Edellinen asia | Seuraava asia  Kokousasia PDF-muodossa"), the RSS
// block, a URL, a breadcrumb.
func isChromeLine(l string) bool {
	if len(l) > maxHeaderBytes {
		return false
	}
	return isChromeLow(l, lower(l))
}

// isChromeLow is isChromeLine of l, whose lower-cased form low the caller
// has at hand.
func isChromeLow(l, low string) bool {
	if len(l) > maxHeaderBytes {
		return false
	}
	if strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") || feedLabelRe.MatchString(l) {
		return true
	}
	if isBreadcrumb(l) || l == "©" {
		return true
	}
	if low == "kokousnumero" || strings.HasSuffix(low, " kokousnumero") {
		// "Pomarkun kunta Kokousnumero" over "25.03.2025 § 58": the
		// printed page's header block, between the attachments and the item.
		return true
	}
	// Every piece between separators is a navigation phrase.
	rest := strings.TrimSpace(markdownImage.ReplaceAllString(low, " "))
	for rest != "" {
		rest = strings.TrimLeft(rest, " |")
		if rest == "" {
			break
		}
		found := false
		for _, ph := range navPhrases {
			if strings.HasPrefix(rest, ph) && (len(rest) == len(ph) || rest[len(ph)] == ' ' || rest[len(ph)] == '|') {
				rest = rest[len(ph):]
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// breadcrumbRe matches the old templates' breadcrumb,
// "Toimielimet | Kaupunginhallitus | Pöytäkirja 08.05.2017 | Avaa haku",
// on the old static pages after an exit link ("Poistuminen | Toimielimet |
// …", seen: Kittilä, Kainuu).
var breadcrumbRe = mustPattern(`(?i)^(?:poistuminen\s*\|\s*)?(?:toimielimet|organ)\s*\|\s*(.*?)\s*(?:\|.*)?$`)

func isBreadcrumb(l string) bool {
	return strings.Count(l, "|") >= 1 && breadcrumbRe.MatchString(l)
}

// breadcrumbBody is the body named in a breadcrumb, "" if none.
func breadcrumbBody(l string) string {
	parts := strings.Split(l, "|")
	if len(parts) > 2 && strings.EqualFold(strings.TrimSpace(parts[0]), "poistuminen") {
		parts = parts[1:]
	}
	if len(parts) < 2 {
		return ""
	}
	b := strings.TrimSpace(parts[1])
	if IsChrome(b) || docLineRe.MatchString(b) {
		return ""
	}
	return b
}

// orgSuffixes end the names of organisations that publish minutes.
var orgSuffixes = []string{
	"kaupunki", "kunta", "hyvinvointialue", "kuntayhtymä", "ky", "liikelaitos", "seutukunta", "liitto",
	"stad", "kommun", "välfärdsområde", "samkommun", "förbund", "yhtymä", "alue",
}

// orgFromDocumentTitle takes an HTML <title> as the organisation when it
// names one ("Espoon kaupunki"), not a site name or an item title.
func orgFromDocumentTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if t == "" || len(t) > 120 || strings.ContainsAny(t, "§|/") || isSiteHeader(t) {
		return ""
	}
	words := strings.Fields(lower(t))
	if len(words) < 2 || len(words) > 8 {
		return ""
	}
	last := strings.TrimRight(words[len(words)-1], ".")
	for _, s := range orgSuffixes {
		if strings.HasSuffix(last, s) {
			return t
		}
	}
	return ""
}

// feedHint is what the items feed says of an item.
type feedHint struct {
	body, date, title string
}

// feedTitleRe splits "<Body> DD.MM.YYYY / <Title>" at the first " / ";
// meetingTitleRe reads a meetings feed's "<Body> DD.MM.YYYY".
var (
	feedTitleRe    = mustPattern(`^(.*?)\s+` + dateRe + `\s*/\s*(.*)$`)
	meetingTitleRe = mustPattern(`^(.*?)\s+` + dateRe + `$`).withCheck(endsWithDigit)
)

func parseFeedTitle(s string) feedHint {
	body, date, title := FeedTitle(s)
	return feedHint{body: body, date: date, title: title}
}

// FeedTitle reads a Dynasty feed entry's title: "<Body> DD.MM.YYYY /
// <Title>" (the items feed; titles have slashes of their own, so the first
// " / " after the date splits) or "<Body> DD.MM.YYYY" (the meetings feed,
// whose title stays whole). The date is YYYY-MM-DD, "" when impossible;
// without the pattern body and date are "" and the title is the whole text.
func FeedTitle(s string) (body, date, title string) {
	s = strings.Join(strings.Fields(s), " ")
	if m := feedTitleRe.FindStringSubmatch(s); m != nil {
		d, _ := dateParts(m[2], m[3], m[4])
		return m[1], d, strings.TrimSpace(m[5])
	}
	if m := meetingTitleRe.FindStringSubmatch(s); m != nil {
		if d, err := dateParts(m[2], m[3], m[4]); err == nil {
			return m[1], d, s
		}
	}
	return "", "", s
}

// anyDate finds a d.m.yyyy date anywhere in a text.
var anyDate = mustPattern(`\b` + dateRe + `\b`)

// FindDate returns the first possible d.m.yyyy date in s ("Kunnanhallitus
// 9.10.2023", a meeting link's text) as YYYY-MM-DD.
func FindDate(s string) (string, bool) {
	for _, m := range anyDate.FindAllStringSubmatch(s, 4) {
		if d, err := dateParts(m[1], m[2], m[3]); err == nil {
			return d, true
		}
	}
	return "", false
}

// TitleKey reduces a title to its letters and digits, lower case: how a
// feed's title is compared with a page's, which differ in case, spacing
// and dashes.
func TitleKey(s string) string {
	var b strings.Builder
	for _, r := range lower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sameTitle reports whether a page line is the feed's title: equal as
// letters and digits, or the feed's cut short.
func sameTitle(line, feed string) bool {
	a, b := TitleKey(line), TitleKey(feed)
	if len(b) < 6 || len(a) < 6 {
		return a == b && a != ""
	}
	return a == b || (len(b) >= 30 && strings.HasPrefix(a, b))
}
