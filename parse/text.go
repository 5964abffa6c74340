package parse

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxLineRunes bounds the work per line; longer lines are cut, as no label,
// header or name is that long.
const maxLineRunes = 20000

// maxHeaderBytes bounds the lines tried as headers, document lines, diary
// numbers and procedural notes: none is longer.
const maxHeaderBytes = 200

var underscoreTail = mustPattern(`_{3,}$`).withCheck(func(s string) bool { return strings.HasSuffix(s, "___") })

// normalize returns the non-empty lines of text, NFC-normalised, with every
// kind of space (U+00A0 included) turned into one ASCII space, invisible
// characters dropped and the trailing underscores of Dynasty's header removed.
func normalize(text string) []string { return normalizeRows(text, nil) }

// normalizeRows is normalize that also records in rows, when it is not
// nil, the lines that were table rows (cells separated by |) before
// cleanLine took their pipes off.
func normalizeRows(text string, rows map[string]bool) []string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	text = norm.NFC.String(text)
	var out []string
	var b strings.Builder
	for _, raw := range strings.FieldsFunc(text, func(r rune) bool {
		return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\f' || r == '\v'
	}) {
		var norm string
		if alreadyNormal(raw) {
			norm = raw // most lines: nothing to change, nothing to copy
		} else {
			norm = normalizeLine(&b, raw)
		}
		line := strings.TrimSpace(underscoreTail.ReplaceAllString(norm, ""))
		row := rows != nil && strings.Contains(line, "|")
		line = cleanLine(line)
		if line == "" {
			continue
		}
		if row {
			rows[line] = true
		}
		// A document line run together with the title that follows it
		// ("Pöytäkirja 11.04.2022/Pykälä 106Kouvolan uuden …"): two lines.
		if len(line) > maxHeaderBytes/4 && hasDate(line) && strings.ContainsAny(line[:1], "PpEeFf") {
			m := gluedDocLine.FindStringSubmatchIndex(line)
			if m == nil {
				out = append(out, line)
				continue
			}
			out = append(out, line[:m[3]], line[m[3]:])
			continue
		}
		out = append(out, line)
	}
	return out
}

// normalizeLine writes one raw line with every run of spaces (of any kind)
// made one ASCII space, invisible characters and stray controls dropped,
// cut at maxLineRunes, and trimmed; b is scratch space.
func normalizeLine(b *strings.Builder, raw string) string {
	b.Reset()
	space := true // drop leading spaces
	n := 0
	for _, r := range raw {
		if n++; n > maxLineRunes {
			break
		}
		if r < utf8.RuneSelf {
			// ASCII, most of every page: no tables to look in.
			switch {
			case r == ' ' || r == '\t':
				if !space {
					b.WriteByte(' ')
				}
				space = true
			case r < 0x20 || r == 0x7f:
				// a stray control
			default:
				b.WriteByte(byte(r))
				space = false
			}
			continue
		}
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
		case r == '\u00AD' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\uFEFF' || r == '\u2060' || unicode.IsControl(r):
			// invisible: soft hyphen, zero-width characters, stray controls
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return strings.TrimSpace(b.String())
}

// alreadyNormal reports a raw line normalizeLine would return unchanged:
// within maxLineRunes, no space at either end nor two in a row, no tab or
// control, and none of the runes it changes (the other spaces, the
// invisible ones), looked for by their UTF-8 bytes.
func alreadyNormal(s string) bool {
	if s == "" || len(s) > maxLineRunes || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if s[i+1] == ' ' { // s does not end in a space
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		case c < 0xC2:
		case c == 0xC2:
			// U+0080–U+009F controls, U+0085, U+00A0, U+00AD
			if i+1 < len(s) && (s[i+1] <= 0xA0 || s[i+1] == 0xAD) {
				return false
			}
		case c == 0xE1:
			// U+1680 (E1 9A 80), U+180E (E1 A0 8E)
			if i+2 < len(s) && ((s[i+1] == 0x9A && s[i+2] == 0x80) || (s[i+1] == 0xA0 && s[i+2] == 0x8E)) {
				return false
			}
		case c == 0xE2:
			// U+2000–U+200F, U+2028, U+2029, U+202F (E2 80 xx); U+205F, U+2060 (E2 81 9F/A0)
			if i+2 < len(s) {
				b1, b2 := s[i+1], s[i+2]
				if b1 == 0x80 && (b2 <= 0x8F || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) {
					return false
				}
				if b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0) {
					return false
				}
			}
		case c == 0xE3:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 { // U+3000
				return false
			}
		case c == 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF { // U+FEFF
				return false
			}
		}
	}
	return true
}

var (
	// markdownHeading is what some page-to-text renderings leave of a
	// heading ("# 240422 Oikaisuvaatimus"); they also leave table cells'
	// pipes at line ends ("Yhdyskuntavaliokunta |"), which cleanLine trims.
	markdownHeading = mustPattern(`^#{1,6} `)
	// gluedDocLine is a document line with text right after its number.
	gluedDocLine = mustPattern(`^((?i:pöytäkirja|esityslista|protokoll|föredragningslista)\s*\d{1,2}\.\d{1,2}\.\d{4}\s*/?\s*(?i:pykälä|paragraf|asianro|ärende)\s*\d{1,5})\p{Lu}`)
)

// cleanLine removes rendering leftovers from a normalised line.
func cleanLine(l string) string {
	if strings.Trim(l, "| ") == "" || strings.Trim(l, "|-: ") == "" {
		return "" // what is left of an empty table row, a table's rule
	}
	l = strings.TrimPrefix(l, "| ") // a table row's first cell
	if strings.HasPrefix(l, "#") {
		l = markdownHeading.ReplaceAllString(l, "")
	}
	if strings.HasSuffix(l, "|") {
		l = strings.TrimRight(l, "| ")
	}
	return strings.TrimSpace(l)
}

// handling is one handling while it is being read.
type handling struct {
	Handling
	header       bool   // started by a handling header, not inferred
	pendingBody  string // the line before a lone "§ N": the body, if a date line follows
	bare         bool   // started by a number alone (Kittilä's static pages: body / 270 / date)
	line         string // the header line that started it
	proposal     []string
	implicit     []string // text after a bare presenter line
	decision     []string
	notes        []string
	hasPresenter bool
	presenter    *Person // the official presenting this handling
	// formula is an unlabelled resolution in the present tense by the
	// body ("Maakuntavaltuusto valitsee kaksi … jäsentä
	// pöytäkirjantarkastajiksi …"), the proposal if the handling has no
	// labelled one.
	formula string
	// voteRecorded: a line of the handling, under whatever heading, records
	// a vote taken at this meeting ("oli siitä äänestettävä", "I
	// omröstningen …"), though the text lost the notes' label.
	voteRecorded bool
}

// pageParser walks the lines once, top to bottom, keeping the block it is in.
type pageParser struct {
	lines []string

	org, body  string
	document   Document
	docDate    string
	docSection int
	// history is how many handlings had begun when the decision history
	// opened ("Päätöshistoria", "Beslutshistorik": Helsinki lists the
	// earlier bodies' handlings after the current one's), 0 if it never did.
	history    int
	itemNumber int
	title      string
	diary      string
	// subject is a body's name written after a proposal's or decision's
	// label, kept until the next line shows whether it begins the text.
	subject      string
	preparers    []Person
	notify       []string
	attachments  []string
	disq         []string
	confidential bool
	warnings     []string
	// emphasis holds the page's bold paragraphs, feed what its feed entry says.
	emphasis []string
	feed     feedHint
	// pendingTitle is a preparer's job title waiting for the name below it.
	pendingTitle string
	// bySection finds the first handling opened with each §, for "KH § 399".
	bySection map[int]*handling
	// lastSupplement is the last line of a supplementary-material list
	// read before any handling.
	lastSupplement string
	// lastPlain is the last unlabelled line read before any handling.
	lastPlain string
	// preTitle is a title taken as the last of the lines before the first
	// handling header.
	preTitle string
	// presentsToo: the preparers' label also names the presenter.
	presentsToo bool
	// diaryBare: diary is a bare "730/2017", which a labelled or full
	// diary number read later replaces.
	diaryBare bool
	// quotedDiary: a case number quoted in the text ("… valtuustoaloitteen
	// … (LAIDno-2023-373)."), the diary number when the page gives none.
	quotedDiary string
	// titleFromList: the title taken as the last line of an attachment
	// list (titleFromAttachments), given back if the header goes on.
	titleFromList   string
	titleFromListAt int // where in the attachments it stood
	// nameNext: the presenter's line gave a title only, and the line below
	// it may be the name ("Esittelijä" / "pormestari" / "Jan Vapaavuori");
	// or a name only, and the line below may be the title.
	nameNext bool
	// preLines are the title-like lines read before any handling; the
	// first is the title until a handling header shows otherwise.
	preLines []string
	// low is the lower-cased form of lowOf, the line line() is reading,
	// for the checks under it that want it too (lowerOf).
	low, lowOf string
	// noTitle is set while reading lines of an HTML page's head that follow
	// its header (an attachment list): they are never the title.
	noTitle bool

	handlings []*handling
	cur       *handling
	sec       section
	// personLines counts lines read under a preparer label standing alone.
	personLines int
	// titleOpen is true while a title may still follow a handling header.
	titleOpen bool
	preAttach int             // attachments listed before any handling
	prev      string          // the line before the current one
	rows      map[string]bool // the lines that were table rows (normalizeRows)
	current   string          // the line being read
	// withdrawn is set when the text says in prose that the item was taken
	// off the agenda ("Asia poistettiin esityslistalta."), withdrawnIn the
	// handling then current (nil before any).
	withdrawn   bool
	withdrawnIn *handling
	// prosePresenter is a presenter named in prose before any handling
	// (presenterInProse), the page's when it has no handling.
	prosePresenter *Person
	// introducer is who the text says presented the matter ("Hallintojohtaja
	// Petra Määttänen esitteli asian.", "asian esittelee puheenjohtaja"):
	// the presenter where nothing else names one.
	introducer *Person
	// lastText is the last unlabelled line of the current handling, for a
	// proposal written without its label before the decision.
	lastText string
}

func (p *pageParser) warn(format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf(format, args...))
}

// isStructural reports lines that are never the body's name.
func (p *pageParser) isStructural(l string) bool {
	if _, _, ok := matchLabel(l); ok {
		return true
	}
	return handlingRe.MatchString(l) || diaryRe.MatchString(l)
}

// docLine reads "Pöytäkirja 09.10.2023/Pykälä 183" or "Esityslista 04.03.2025/Asianro 68".
func (p *pageParser) docLine(l string) bool {
	m := docLineRe.FindStringSubmatch(l)
	if m == nil {
		return false
	}
	p.document = documentOf(m[1])
	if d, err := dateParts(m[2], m[3], m[4]); err == nil {
		p.docDate = d
	} else {
		p.warn("document line %q: %v", l, err)
	}
	n := parseSection(m[6])
	switch lower(m[5]) {
	case "pykälä", "paragraf", "§":
		p.docSection = n
	default:
		p.itemNumber = n
	}
	return true
}

// documentOf is the document a document line's word names; a memo
// (muistio) is neither minutes nor agenda.
func documentOf(word string) Document {
	switch lower(word) {
	case "pöytäkirja", "protokoll":
		return DocumentMinutes
	case "esityslista", "föredragningslista":
		return DocumentAgenda
	}
	return ""
}

// startHandling makes h the current handling; a title may still follow it.
func (p *pageParser) startHandling(h *handling) {
	if h.header && p.cur == nil && p.title == "" && p.lastPlain != "" && p.lastPlain == p.prev &&
		oneSentence(p.lastPlain) && p.canBeTitle(p.lastPlain) {
		// A title that ends in a full stop ("Aamu- ja iltapäivätoiminnan
		// maksut 1.8.2026 alkaen."), right before the first handling header.
		p.title = p.lastPlain
	}
	if h.header && p.cur == nil && len(p.preLines) >= 2 && p.title == p.preLines[0] {
		// Short lines between the document line and the first handling,
		// no label before them: an attachment list whose caption the
		// text lost, then the title, right before the handling.
		last := len(p.preLines) - 1
		p.title = p.preLines[last]
		p.preTitle = p.title
		for _, a := range p.preLines[:last] {
			if a == p.title {
				continue // the title printed twice (Kannus), not an attachment
			}
			a = attachmentLine(a) // "Liite4 | Vaskin maksut": a table row
			if !listedAttachment(p.attachments, a) {
				p.attachments = append(p.attachments, a)
			}
		}
	}
	p.preLines = nil
	p.handlings = append(p.handlings, h)
	if h.header && h.Section != nil {
		if p.bySection == nil {
			p.bySection = map[int]*handling{}
		}
		if p.bySection[*h.Section] == nil {
			p.bySection[*h.Section] = h
		}
	}
	p.cur = h
	p.sec = secNone
	p.titleOpen = p.title == ""
}

// ensureHandling returns the current handling, inferring one when content
// appears before any handling header.
func (p *pageParser) ensureHandling() *handling {
	if p.cur == nil {
		p.startHandling(&handling{})
	}
	return p.cur
}

// maxPreparerLines bounds the lines read as preparers under one label
// standing alone: Espoo lists ten, one per line.
const maxPreparerLines = 24

// handlingRevRe matches a handling header written number first,
// "Kaupunginhallitus 105 § 10.4.2017" (an old template's table row).
var handlingRevRe = mustPattern(`^(\S(?:[^§:]{0,78}\S)?)\s+(\d{1,5})\s*§\s+` + dateRe + `$`).withCheck(endsWithDigit)

// hasDate reports whether s holds something like a date, d.m.yyyy: a digit,
// a dot and a digit. The header patterns all need one, and the check is far
// cheaper than their backtracking.
func hasDate(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// matchIf runs re only when the cheap check ok says it can match.
func matchIf(ok bool, re *pattern, s string) []string {
	if !ok {
		return nil
	}
	return re.FindStringSubmatch(s)
}

// handlingNumSignRe matches a handling header with "N §" after the date.
var handlingNumSignRe = mustPattern(`^(\S(?:[^§:]{0,78}[^\s§:])?)\s+` + dateRe + `\s+(\d{1,5})\s*§$`)

// shortDiaryRe is a diary number without its task class, "730/2017".
var shortDiaryRe = mustPattern(`^\d{1,6}/(?:19|20)\d{2}$`)

// canBeTitle rejects lines that are never an item's title: the body's or
// organisation's name, site chrome, lines without a letter.
func (p *pageParser) canBeTitle(l string) bool {
	if strings.IndexFunc(l, unicode.IsLetter) < 0 || isChromeLine(l) {
		return false
	}
	if strings.EqualFold(l, p.body) || strings.EqualFold(l, p.org) {
		return false
	}
	if len(l) <= maxHeaderBytes && (p.isHandlingHeader(l) || docLineRe.MatchString(l)) {
		return false
	}
	return true
}

// isHandlingHeader reports a line that line() reads as a handling header.
func (p *pageParser) isHandlingHeader(l string) bool {
	if !hasDate(l) {
		return false
	}
	if m := handlingRe.FindStringSubmatch(l); m != nil && p.headerFits(m) {
		return true
	}
	if m := handlingRevRe.FindStringSubmatch(l); m != nil && p.headerFits([]string{m[0], m[1], "", "", "", m[2]}) {
		return true
	}
	return handlingNumSignRe.MatchString(l)
}

// presenterLine reports a proposal label's same-line text that names the
// presenter rather than starting the proposal: a job title and a name.
func presenterLine(s string) bool {
	s = strings.TrimSuffix(strings.TrimSpace(s), ":") // "Kaupunginjohtaja Jukka Mäkelä:", the proposal below
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 6 || strings.HasSuffix(s, ".") {
		return false
	}
	i := 0
	if acting[lower(strings.TrimSuffix(w[0], "."))] && len(w) > 2 {
		i = 1
	}
	if abbrPresenter.MatchString(w[i]) && len(w)-i >= 3 && len(w)-i <= 4 {
		// "kj Matti Meikäläinen": an abbreviated title, then the name.
		return nameTail(w[i+1:]) == len(w)-i-1
	}
	if !isTitleWord(w[i]) {
		// "Matti Meikäläinen, kunnanjohtaja:": the name first.
		name, title, ok := strings.Cut(s, ", ")
		nw := strings.Fields(name)
		if ok {
			return len(nw) >= 2 && len(nw) <= 3 && startsUpper(nw[0]) && startsUpper(nw[len(nw)-1]) &&
				!strings.Contains(title, ",") && isTitleWord(lastWord(title))
		}
		// "Tekninen johtaja Pekka Puu:": a title of words, the last a
		// title word, then the name.
		return !strings.Contains(s, ",") && titledName(s) && nameTail(w) < len(w)
	}
	_, name := splitTitleName(s, "")
	return len(strings.Fields(name)) >= 2
}

func (p *pageParser) line(l string) {
	if h := strings.TrimSuffix(l, ":"); p.history == 0 && len(p.handlings) > 0 && (h == "Päätöshistoria" || h == "Beslutshistorik") {
		p.history = len(p.handlings)
	}
	if len(l) > 2 && l[0] == '(' && l[len(l)-1] == ')' {
		// "(lisätietoja: liikuntasihteeri 040 573 1123)": a contact line
		// in brackets is the contact line.
		if kind, _, ok := matchLabel(strings.TrimSpace(l[1 : len(l)-1])); ok && kind == secPreparer {
			l = strings.TrimSpace(l[1 : len(l)-1])
		}
	}
	if b := trimMarks(l); b != l {
		// "• Liite 7 Vaalilautakunnan pöytäkirja", "![]() Liite 8 …": an
		// attachment's line behind a list mark or an image's.
		if kind, _, ok := matchLabel(b); ok && kind == secAttachments {
			l = b
		}
	}
	low := lower(l)
	p.low, p.lowOf = low, l
	if (strings.Contains(low, "salai") || strings.Contains(low, "salassa") || strings.Contains(low, "sekretess") || strings.Contains(low, "hemlig")) && confidential.MatchString(l) {
		p.confidential = true
	}
	if p.introducer == nil && strings.Contains(low, "esittel") {
		p.introducer = introducedBy(l, p.place())
	}
	if p.cur != nil && !p.cur.voteRecorded && (strings.Contains(low, "äänest") || strings.Contains(low, "omröstning")) {
		p.cur.voteRecorded = voteRecordRe.MatchString(low)
	}
	if p.quotedDiary == "" && strings.Contains(l, "Dno-") {
		if m := quotedCaseNumber.FindStringSubmatch(l); m != nil {
			p.quotedDiary = m[1]
		}
	}
	if strings.Contains(low, "esteelli") || strings.Contains(low, "jävi") || strings.Contains(low, "jäävi") {
		p.disq = appendNew(p.disq, disqualified(l)...)
	}
	// Headers, document lines, diary numbers and notes are short; long lines
	// are body text and skip those patterns.
	if len(l) <= maxHeaderBytes {
		dated := hasDate(l) // cheap: every header and document line has one
		if isChromeLow(l, low) || (p.org != "" && l == p.org) || (dated && p.docLine(l)) || checkNote.MatchString(l) {
			return
		}
		if m := matchIf(dated, handlingRe, l); m != nil && p.headerFits(m) {
			p.handlingHeader(m[1], m[2], m[3], m[4], m[5], m[6], l)
			return
		}
		if m := matchIf(dated, handlingRevRe, l); m != nil && p.headerFits([]string{m[0], m[1], "", "", "", m[2]}) {
			// "Kaupunginhallitus  105 §  10.4.2017": number before date.
			p.handlingHeader(m[1], m[3], m[4], m[5], m[2], "", l)
			return
		}
		if m := matchIf(dated, handlingNumSignRe, l); m != nil && p.headerFits([]string{m[0], m[1], "", "", "", m[5]}) {
			// "Hyvinvoinnin edistämisen lautakunta 29.4.2014 47 §".
			p.handlingHeader(m[1], m[2], m[3], m[4], m[5], "", l)
			return
		}
		if m := abbrevSectionRe.FindStringSubmatch(l); m != nil && parseSection(m[2]) > 0 {
			p.abbrevSection(m[1], parseSection(m[2]))
			return
		}
		if m := sectionAlone.FindStringSubmatch(l); m != nil && parseSection(m[1]+m[2]) > 0 {
			p.sectionAlone(parseSection(m[1] + m[2]))
			return
		}
		if n := bareNumber(l); n > 0 {
			if p.cur == nil && p.document == "" && p.title != "" && p.title == p.prev && bodyLike(p.prev) {
				// "Kunnanhallitus" / "270" / "04.08.2020": a static page's
				// header, the § without its sign, if a date line follows.
				p.sectionAlone(n)
				p.cur.bare = true
				return
			}
			if p.cur != nil && p.cur.bare && p.cur.Date != "" && p.cur.Section != nil && *p.cur.Section == n && p.cur.empty() {
				return // the § repeated above the title
			}
		}
		if m := dateOnly.FindStringSubmatch(l); m != nil && p.cur != nil && p.cur.header && p.cur.Date == "" &&
			p.cur.empty() && (sectionAlone.MatchString(p.prev) || (p.cur.bare && bareNumber(p.prev) > 0)) {
			// "Kunnanvaltuusto" / "§ 80" / "31.10.2017": a handling header
			// written on three lines (a table of handlings).
			if date, err := dateParts(m[1], m[2], m[3]); err == nil {
				p.cur.Date = date
				if b := p.cur.pendingBody; b != "" {
					p.cur.Body = b
					if p.title == b {
						p.title, p.titleOpen = "", true
						p.preLines = nil
					}
				}
			}
			return
		}
		if m := diaryRe.FindStringSubmatch(l); m != nil {
			p.titleFromAttachments()
			if p.diary == "" || p.diaryBare {
				// One of them: the full form, the labelled short one,
				// another system's; any of them wins over a bare
				// "27/2019" read before (which may be the meeting's number).
				p.diary, p.diaryBare = m[1]+m[2]+m[3]+m[4], false
			}
			p.endList()
			return
		}
		if p.diary == "" && (p.cur == nil || p.cur.empty()) && shortDiaryRe.MatchString(l) {
			// "730/2017" alone before the item's text, the task class on
			// the next line (Espoo).
			p.diary, p.diaryBare = l, true
			p.endList()
			return
		}
		if p.document == DocumentAgenda && p.itemNumber > 0 && l == strconv.Itoa(p.itemNumber) && p.cur == nil {
			// The agenda item's number alone on its line, as "§ 127" is on
			// minutes: the item's handling at the page's own meeting.
			p.endList()
			p.startHandling(&handling{header: true, Handling: Handling{Body: p.body, Date: p.docDate}})
			return
		}
	}
	if p.sec == secNotes || p.sec == secDecision {
		if _, ok := matchRevisedLabel(l); ok || revisedOwnerLabel(l) && ownerProposalMatch(l) != nil {
			// "Muutettu esitys: …", "Kaupunginjohtajan muutettu
			// päätösesitys: …" in a handling's notes or decision: the
			// meeting's story, no proposal of a handling of its own.
			p.text(l)
			return
		}
	}
	if m := ownerProposalMatch(l); m != nil {
		// "Sivistysjohtajan päätösehdotus", "KUNNANJOHTAJAN EHDOTUS:", "Kj:n
		// ehdotus:", "Puheenjohtajan esitys | …": the proposal, and whose it is.
		owner := proposalOwner(m[1])
		if abbr := strings.HasSuffix(m[1], ":n"); (abbr && abbrPresenter.MatchString(owner)) ||
			(!abbr && owner != m[1] && isTitleWord(owner) && !strings.EqualFold(m[1], "esittelijän") && !strings.EqualFold(m[1], "föredragandens")) {
			// ("Esittelijän ehdotus", "Föredragandens förslag" is the label
			// alone: the presenter's proposal, the presenter named elsewhere.)
			p.label(secProposal, "")
			if p.cur.presenter == nil {
				p.presentedBy(owner)
				if ps := parsePersons(m[2], p.place()); len(ps) == 1 && ps[0].Title == "" && ps[0].Name != "" {
					p.cur.presenter.Name = ps[0].Name // "Kunnanjohtajan ehdotus (Matti Meikäläinen):"
				}
			}
			if m[3] != "" {
				p.text(m[3])
			}
			return
		}
	}
	if first, second, ok := splitRunOnLabel(l); ok {
		p.line(first)
		p.current = second
		p.line(second)
		return
	}
	if p.authorsLine(l) {
		return
	}
	if label, rest, ok := splitGluedLabel(l); ok {
		p.line(label)
		p.line(rest)
		return
	}
	if rest, ok := matchRevisedLabel(l); ok {
		// "Muutettu päätösehdotus Kunnanjohtaja …:" where a proposal
		// stands (in a handling's notes or decision it was read as text
		// above).
		p.label(secProposal, rest)
		return
	}
	if kind, rest, ok := matchLabel(l); ok {
		// "Valmistelija ja esittelijä: …" names the presenter too.
		p.presentsToo = kind == secPreparer && strings.Contains(lower(l[:min(len(l), 40)]), "esittelijä")
		p.label(kind, rest)
		return
	}
	if before, ok := p.bodyAsProposalLabel(l); ok {
		// "Affärsverket Borgå kost- och städtjänsters direktion" in the
		// label column, run on after the background's last sentence: the
		// body's own proposal follows (Porvoo, where no official presents).
		if before != "" {
			p.line(before)
		}
		p.label(secProposal, "")
		return
	}
	if rest, ok := p.bodyColon(l); ok {
		// "Maakuntavaltuusto:" / "Kunnanhallitus: Hyväksyttiin.": the
		// body's own name before its decision, as older minutes write it
		// (the official's title before the proposal, the body's name before
		// the decision).
		p.label(secDecision, rest)
		return
	}
	if m := titleColon.FindStringSubmatch(l); m != nil && isTitleWord(m[1]) && p.cur != nil &&
		!p.cur.hasPresenter && len(p.cur.decision) == 0 && p.sec != secDecision {
		// "Toimialajohtaja: Päivitetään kirjaston maksut …": the official's
		// proposal, under their title.
		p.presentedBy(m[1])
		p.sec = secProposal
		p.cur.proposal = append(p.cur.proposal, m[2])
		return
	}
	if who, text, ok := strings.Cut(l, ": "); ok && p.cur != nil && !p.cur.hasPresenter && len(p.cur.decision) == 0 &&
		len(p.cur.proposal) == 0 && p.sec != secDecision && p.sec != secNotes && p.sec != secPreparer && len(who) <= 80 &&
		presenterLine(who) && strings.Count(who, " ") >= 2 && startsUpper(text) && len(strings.Fields(text)) >= 3 &&
		!phoneRe.MatchString(text) && !emailRe.MatchString(text) {
		// "Kunnanjohtaja Matti Meikäläinen: Kunnanhallitus hyväksyy …": the
		// official named, the proposal after the colon on the same line.
		p.proposedBy(who, text)
		return
	}
	if colon := strings.HasSuffix(l, ":"); p.sec != secPreparer && p.sec != secPresenter &&
		(p.cur == nil && colon || p.cur != nil && len(p.cur.decision) == 0 &&
			(!p.cur.hasPresenter || colon && p.sec == secImplicitProp && p.cur.presenter != nil && p.cur.presenter.Name == "")) &&
		implicitPresenter.MatchString(l) {
		// "Kaupunginjohtaja", "KUNNANJOHTAJA:" (Utajärvi) on its own line:
		// the proposal follows; before any handling only with its colon
		// (a title alone there may head a list of that official's
		// decisions, Satakunta). A second one after the first's proposal
		// ("Hallintojohtaja:" / its draft / "KUNNANJOHTAJA:" / "…
		// hyväksyy hallintojohtajan päätösehdotuksen", Kempele) presents
		// the proposal the body decides on.
		p.presentedBy(l)
		p.sec = secImplicitProp
		return
	}
	if p.cur != nil && (p.sec == secNone || p.sec == secBackground) && !p.cur.hasPresenter && len(p.cur.decision) == 0 &&
		strings.HasSuffix(l, ":") && presenterLine(l) {
		// "Kunnanjohtaja Matti Meikäläinen:" on its own line: the
		// official's proposal follows.
		p.setPresenter(l)
		return
	}
	p.text(l)
}

// proposalFormula is a resolution in the present tense opened by a few
// words, the way a proposal is written ("Kaupunginvaltuusto päättää todeta
// …", "Kaupunginhallitus esittää kaupunginvaltuustolle, että …"); whose
// words are a body's name (isProposalFormula).
var proposalFormula = bodyOpening(`päättää|esittää|beslutar|föreslår`, `(?:[\s,:]|$)`)

// isProposalFormula reports a body's resolution in the present tense.
func isProposalFormula(l string) bool { return opensWithBody(proposalFormula, l) }

// bodyOpening makes the pattern of a sentence opened by a few words, then
// one of verbs, then what end matches; the words (the first group) must
// be a body's name, which opensWithBody checks.
func bodyOpening(verbs, end string) *pattern {
	return mustPattern(`^(\p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,3}?) (?:` + verbs + `)` + end)
}

// opensWithBody reports s matching re, a bodyOpening, with a body named in
// full before the verb.
func opensWithBody(re *pattern, s string) bool {
	m := re.FindStringSubmatch(s)
	return m != nil && isFullBodyName(m[1])
}

// pastDecision is a text opened by a body's decision in the past tense.
var pastDecision = mustPattern(`^\p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,3}? (?:päätti|hyväksyi|merkitsi|valitsi|myönsi|pani|jätti|palautti|beslöt|godkände)\b`)

// splitGluedLabel splits a line whose first word is a label run together
// with the capitalised text after it, as a page's text loses the break
// between two cells ("PäätösAloite päätettiin lähettää valmisteltavaksi.").
func splitGluedLabel(l string) (label, rest string, ok bool) {
	end := strings.IndexByte(l, ' ')
	if end < 0 {
		end = len(l)
	}
	prevLower := false
	for i, r := range l[:end] {
		if prevLower && unicode.IsUpper(r) {
			if _, after, ok := matchLabel(l[:i]); ok && after == "" {
				return l[:i], l[i:], true
			}
			return "", "", false
		}
		prevLower = unicode.IsLower(r)
	}
	return "", "", false
}

// textIn adds a line of text to the proposal or the decision, the section
// it is in.
func (p *pageParser) textIn(l string) {
	if p.sec == secDecision {
		p.cur.decision = append(p.cur.decision, l)
		return
	}
	if len(p.cur.proposal) == 0 && p.proposalPresenter(l) {
		return // "Ehdotus" / "Kaupunginjohtaja Jukka Mäkelä:" / the proposal
	}
	p.cur.proposal = append(p.cur.proposal, l)
}

// authorsLine reads the line a report opens with in Turku's minutes: the
// officials who wrote it and the day, "Kaupunkiympäristötoimiala,
// valvontalakimies Esa Mettälä 8.12.2020:", "Kaupunginjohtaja Aleksi Randell,
// johtaja Jukka Laiho 15.8.2014:": its people are the preparers. Units before
// the first person are dropped; every part after it must be a title and a
// name. The colon may be left out, and two people joined by "ja"
// ("Kasvatus- ja opetusjohtaja Timo Jalonen ja palveluverkkojohtaja Minna
// Juselius 30.9.2021"); without the colon the line must name people only.
//
// Right under the handling's abbreviated header ("Nlk § 26") the date may be
// left out too, when the line names people only and ends in the colon
// ("Toiminnanjohtaja Henrikki Nurminen, toiminnanjohtaja Taina Laaksonen ja
// osastopäällikkö Ritva Jykelä:"). With the date and the colon, a unit may
// stand before each person ("Kaupunkiympäristö, infran suunnittelupäällikkö
// Kari Linnakoski, Konsernihallinto, projektipäällikkö Tuija Alihaanperä
// 5.1.2022:"), the line ending in a person.
func (p *pageParser) authorsLine(l string) bool {
	if len(l) > maxHeaderBytes {
		return false
	}
	colon := strings.HasSuffix(l, ":")
	head, date, ok := cutLastWord(strings.TrimSuffix(l, ":"))
	dated := ok && dateOnly.MatchString(date)
	if !dated {
		if !colon || !abbrevSectionRe.MatchString(p.prev) {
			return false
		}
		head = strings.TrimSuffix(l, ":")
	}
	var parts []string
	for _, part := range strings.Split(head, ", ") {
		parts = append(parts, splitAnd(part)...)
	}
	var people []Person
	unitLast := false
	for _, part := range parts {
		title, name := splitTitleName(part, p.place())
		if title == "" || strings.Count(name, " ") != 1 || !isTitleWord(title) {
			if !colon || !dated || (len(people) > 0 && !unitWord(part)) {
				return false
			}
			unitLast = true
			continue // a unit: "Kaupunkiympäristö, kaavoitus, …"
		}
		unitLast = false
		people = append(people, Person{Name: name, Title: title})
	}
	if len(people) == 0 || unitLast {
		return false
	}
	p.preparers = appendPeople(p.preparers, people...)
	return true
}

// unitWord reports a part of an authors line that names an administrative
// unit between its people: one capitalised word or two, no digit
// ("Konsernihallinto", "Kaupunkiympäristö").
func unitWord(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 2 || strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// contactNoise is a line of a contact list that names no one: a phone
// label without its number, a note on how to write to the officials.
var contactNoise = mustPattern(`^(?i:puh|p|tel|tfn|puhelin)\.?:?$|^\((?i:yhteydenotot|yhteydenotto|sähköposti|sähköpostit|s-posti|e-post)[^()]*\)$`)

// splitAnd splits s at each " ja " (Swedish " och ") that joins two
// people, not at the "ja" of a title written in part ("Kasvatus- ja
// opetusjohtaja").
func splitAnd(s string) []string {
	var out []string
	cur := ""
	for {
		i, w := strings.Index(s, " ja "), len(" ja ")
		if j := strings.Index(s, " och "); j >= 0 && (i < 0 || j < i) {
			i, w = j, len(" och ")
		}
		if i < 0 {
			return append(out, cur+s)
		}
		if strings.HasSuffix(s[:i], "-") {
			cur += s[:i+w] // "Kasvatus- ja ": the title goes on
		} else {
			out, cur = append(out, cur+s[:i]), ""
		}
		s = s[i+w:]
	}
}

// cutLastWord splits s before its last word.
func cutLastWord(s string) (head, last string, ok bool) {
	i := strings.LastIndexByte(s, ' ')
	if i <= 0 {
		return "", "", false
	}
	return strings.TrimSpace(s[:i]), s[i+1:], true
}

// proceduralDecision reports a short sentence, with no date, in which the
// body tabled or returned the matter in the past tense: a decision whatever
// heading it stands under. (With a date it tells an earlier handling.)
func (p *pageParser) proceduralDecision(l string) bool {
	if strings.Count(l, " ") > 14 || hasDate(l) || !pastDecision.MatchString(l) {
		return false
	}
	low := lower(l)
	return tabledRe.MatchString(low) || returnedRe.MatchString(low)
}

// bodyAsProposalLabel reports a line that is the page's body's name, alone
// or after a sentence's end, in a handling with no proposal or decision yet:
// the label column naming the body whose proposal follows. It returns the
// text before the name. Only a name of three words or more is read so: a
// short one ("Kunnanhallitus") stands alone in lists of recipients and of
// bodies as well.
func (p *pageParser) bodyAsProposalLabel(l string) (string, bool) {
	if p.body == "" || p.cur == nil || len(p.cur.proposal) > 0 || len(p.cur.decision) > 0 || p.sec == secDecision ||
		len(l) < len(p.body) || !strings.EqualFold(l[len(l)-len(p.body):], p.body) || strings.Count(p.body, " ") < 2 {
		return "", false
	}
	before := strings.TrimSpace(l[:len(l)-len(p.body)])
	if before != "" && !strings.HasSuffix(before, ".") {
		return "", false
	}
	return before, true
}

// bodyColon reports a line that is the page's body with a colon, a decision
// perhaps after it ("Maakuntavaltuusto:", "Kunnanhallitus: Hyväksyttiin."),
// inside a handling, and returns that decision.
func (p *pageParser) bodyColon(l string) (string, bool) {
	if p.body == "" || p.cur == nil || len(l) <= len(p.body) || !strings.EqualFold(l[:len(p.body)], p.body) {
		return "", false
	}
	rest, ok := strings.CutPrefix(strings.TrimLeft(l[len(p.body):], " "), ":")
	rest = strings.TrimSpace(rest)
	// The decision after it is a sentence: "Kunnanhallitus: 9 jäsentä" in
	// a background's list is none.
	return rest, ok && (rest == "" || startsUpper(rest))
}

// runOnLabels are the labels found run on after a people line, as written
// (capitalised) after a space: a left column's cells joined on one line.
var runOnLabels = []string{" Esittelijä", " Päätösehdotus", " Päätösesitys", " Ehdotus", " Esitys", " Föredragande", " Beslutsförslag"}

// splitRunOnLabel splits a line opened by a preparer's or presenter's label
// where a presenter's or proposal's label follows on the same line:
// "Esittelijä kunnanjohtaja Matti Meikäläinen Päätösehdotus Kunnanhallitus
// päättää …", "Valmistelija … 040 123 4567 Esittelijä kunnanjohtaja …".
func splitRunOnLabel(l string) (first, second string, ok bool) {
	if !opensPersonLabel(strings.TrimSpace(l)) {
		return "", "", false // the first part would be no preparer's or presenter's
	}
	at := -1
	for _, w := range runOnLabels {
		from := 0
		for {
			i := strings.Index(l[from:], w)
			if i < 0 {
				break
			}
			i += from + 1 // after the space
			end := i + len(w) - 1
			if end == len(l) || l[end] == ' ' || l[end] == ':' {
				if k, _, ok := matchLabel(l[i:]); ok && (k == secPresenter || k == secProposal) && (at < 0 || i < at) {
					at = i
				}
				break
			}
			from = end
		}
	}
	if at < 0 {
		return "", "", false
	}
	first = strings.TrimSpace(l[:at])
	if k, _, ok := matchLabel(first); !ok || (k != secPreparer && k != secPresenter) {
		return "", "", false
	}
	return first, l[at:], true
}

// sectionAlone handles "§ 198" standing on its own line: it completes a
// header that had no §, or the abbreviated "Tela 12.03.2024" on the line before,
// or else opens a handling known only by its section.
func (p *pageParser) sectionAlone(n int) {
	if p.cur != nil && p.cur.header && p.cur.Section == nil && p.cur.empty() {
		p.cur.Section = &n
		return
	}
	if p.cur != nil && p.cur.header && p.cur.Section != nil && *p.cur.Section == n && p.cur.empty() && p.prev != "" && p.isHandlingHeader(p.prev) {
		// "Aluevaltuusto 09.12.2025 § 99" / "§ 99": the header block goes
		// on and the title follows it. A title taken from the short lines
		// before the header was the last of an attachment list.
		if p.preTitle != "" && p.title == p.preTitle {
			p.attachments = append(p.attachments, attachmentLine(p.preTitle))
			p.title = ""
		} else if p.titleFromList != "" && p.title == p.titleFromList {
			// The same, the title taken off the end of a labelled list
			// ("Bilagor" / "2 Bilaga 1Utvärderingsberättelse 2024", Espoo's
			// Swedish pages).
			p.attachments = append(p.attachments, p.titleFromList)
			p.title = ""
		}
		p.titleOpen = p.title == ""
		return
	}
	h := &handling{header: true, Handling: Handling{Section: &n}}
	if m := bodyDateRe.FindStringSubmatch(p.prev); m != nil && !p.isHandlingHeader(p.prev) {
		if date, err := dateParts(m[2], m[3], m[4]); err == nil {
			h.Body, h.Date = m[1], date
			if p.title == p.prev {
				p.title = ""
			}
		}
	} else if bodyLike(p.prev) {
		// Perhaps the first of three lines, body / § / date: the date
		// line will tell.
		h.pendingBody = p.prev
	}
	p.startHandling(h)
}

// abbrevSectionRe matches "KH § 399": a handling named by the body's
// abbreviation and its § only, opening that handling's text below a table
// of handlings (Raahe).
var abbrevSectionRe = mustPattern(`^(\p{Lu}[\p{L}-]{0,11})\s*§\s*(\d{1,5})$`)

// abbrevSection opens the handling "KH § 399" names: the one of that § read
// from the table of handlings above, or a new one.
func (p *pageParser) abbrevSection(abbr string, n int) {
	if h := p.bySection[n]; h != nil {
		p.cur, p.sec = h, secNone
		return
	}
	p.startHandling(&handling{header: true, Handling: Handling{Body: abbr, Section: &n}})
}

// oneSentence reports a short line that is at most one sentence.
func oneSentence(l string) bool {
	return utf8.RuneCountInString(l) <= 200 && !strings.Contains(strings.TrimSuffix(l, "."), ". ")
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// startsLowerLetter reports a text opened by a lower-case letter.
func startsLowerLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// bareNumber returns the number of a line that is a number alone of one
// to four digits (a § without its sign, an attachment's number), or 0.
func bareNumber(l string) int {
	if len(l) == 0 || len(l) > 4 || strings.Trim(l, "0123456789") != "" {
		return 0
	}
	n, _ := strconv.Atoi(l)
	return n
}

// bodyLike reports a short line that can name a body: a few words, no
// sentence, no number.
func bodyLike(l string) bool {
	return l != "" && len(strings.Fields(l)) <= 8 && titleLike(l) && !strings.ContainsAny(l, "0123456789§")
}

// bodyDateRe matches "Tekninen lautakunta 12.03.2024" with the § on the next line.
var bodyDateRe = mustPattern(`^(\S.{0,78}?)\s+` + dateRe + `$`).withCheck(endsWithDigit)

// headerFits rejects handling-header look-alikes: sentences ending in a date
// ("Seminaari pidetään 6.9.2023"). Without a § the body must be a full name.
func (p *pageParser) headerFits(m []string) bool {
	body := m[1]
	if strings.Count(body, " ") > 7 || strings.HasSuffix(body, ".") || strings.HasSuffix(body, ",") {
		return false
	}
	if m[5] == "" && !strings.Contains(m[0], "Asianro") && !strings.Contains(m[0], "Ärende") {
		return isFullBodyName(body) || p.abbrevHeaderOnDocDate(body, m[2], m[3], m[4])
	}
	return true
}

// abbrevHeaderOnDocDate accepts "KhVi 23.10.2023" without a § (agendas
// have no § yet) when it is one abbreviation-like word dated on the day the
// page's own document line gives: a sentence does not look like that.
func (p *pageParser) abbrevHeaderOnDocDate(body, d, mo, y string) bool {
	if p.docDate == "" || strings.ContainsAny(body, " .,") || len([]rune(body)) > 12 {
		return false
	}
	if r := []rune(body); !unicode.IsUpper(r[0]) {
		return false
	}
	date, err := dateParts(d, mo, y)
	return err == nil && date == p.docDate
}

func (h *handling) empty() bool {
	return len(h.proposal) == 0 && len(h.decision) == 0 && len(h.implicit) == 0 && len(h.notes) == 0
}

func (p *pageParser) handlingHeader(body, d, mo, y, sec, diary, line string) {
	h := &handling{header: true}
	h.Body = body
	if date, err := dateParts(d, mo, y); err == nil {
		h.Date = date
	} else {
		p.warn("handling header %q: %v", line, err)
	}
	if n := parseSection(sec); n > 0 {
		h.Section = &n
	}
	if diary != "" && p.diary == "" {
		p.diary = diary
	}
	if !p.titleFromAttachments() && p.cur == nil && p.title == "" && p.sec == secSupplement && p.lastSupplement == p.prev && p.prev != "" {
		// The same with a supplementary-material list (Oheismateriaali).
		p.title = p.prev
	}
	if a := p.cur; len(p.handlings) == 1 && a != nil && a.header && a.line != "" && a.empty() && !a.hasPresenter &&
		p.title != "" && p.prev == p.title {
		// "Teknlk 27.4.2021 § 39" / the title / "Tylk 27.09.2022 § 88": a
		// header's words above the title, with nothing under them, named
		// the page's document at its top (an extract of earlier minutes),
		// not a handling (Kokemäki).
		p.attachments = append([]string{attachmentLine(a.line)}, p.attachments...)
		if a.Section != nil && p.bySection[*a.Section] == a {
			delete(p.bySection, *a.Section)
		}
		p.handlings, p.cur = p.handlings[:0], nil
	}
	h.line = line
	p.startHandling(h)
}

func (p *pageParser) label(kind section, rest string) {
	if kind != secAttachments {
		p.titleFromAttachments() // a label after the title: "Valmistelija …"
	}
	switch kind {
	case secProposal, secDecision, secPresenter:
		// A second proposal or decision after a decision is the next handling,
		// even without a header (seed 002: the council after the city board);
		// but a handling whose decision is printed before its proposal
		// (Heinola) or its presenter (Pelkosenniemi) keeps what follows.
		if p.cur != nil && len(p.cur.decision) > 0 {
			next := true
			switch kind {
			case secProposal:
				next = len(p.cur.proposal) > 0 || len(p.cur.implicit) > 0
			case secPresenter:
				// Some sites print the presenter after the decision.
				next = p.cur.hasPresenter
			}
			if next {
				p.startHandling(&handling{})
			}
		}
		p.ensureHandling()
	}
	if kind == secDecision && p.cur != nil && len(p.cur.proposal) == 0 && len(p.cur.implicit) == 0 &&
		proposalMood.MatchString(p.lastText) {
		// "Valtuusto päättänee todeta kokouksen laillisesti koolle
		// kutsutuksi." and then "PÄÄTÖS:": the proposal, unlabelled.
		p.cur.implicit = []string{p.lastText}
	}
	p.lastText = ""
	p.titleOpen = false
	p.nameNext = false
	p.flushPendingTitle()
	p.sec = kind
	p.personLines = 0
	p.subject = ""
	if (kind == secProposal || kind == secDecision) && isBodyNameAlone(rest) {
		// "Esitys Hallitus", "Päätös Kunnanhallitus": whose proposal or
		// decision it is, the text on the lines below; or the subject of
		// a sentence going on there ("Keskusvaalilautakunta" / "1) vahvisti
		// …"). The next line tells.
		p.subject = rest
		return
	}
	if rest == "" {
		return
	}
	switch kind {
	case secPreparer:
		// More preparers may follow, one per line.
		p.preparerLine(rest, true)
	case secPresenter:
		p.setPresenter(rest)
	case secProposal:
		if p.proposalPresenter(rest) {
			return
		}
		if title, after, ok := strings.Cut(rest, ": "); ok && !p.cur.hasPresenter && implicitPresenter.MatchString(title) {
			// "Päätösehdotus Kunnanjohtaja: Kunnanhallitus päättää …".
			p.presentedBy(title)
			p.text(after)
			return
		} else if ok && !p.cur.hasPresenter && presenterLine(title) {
			// "Päätösehdotus Kunnanjohtaja Matti Meikäläinen: Kunnanhallitus
			// päättää …", "Ehdotus (kunnanjohtaja Matti Meikäläinen)
			// Kunnanhallitus …": the official named, the proposal after.
			p.proposedBy(title, after)
			return
		}
		p.text(rest)
	case secAttachments:
		if numberRef.MatchString(rest) {
			// "Bilaga nr 5.": the attachment known by its number only, on a
			// line of its own in the body, as written.
			p.attachments = appendNew(p.attachments, attachmentLine(p.lastLabelLine()))
			return
		}
		if l := lower(rest); len(rest) > 0 && (unicode.IsDigit(rune(l[0])) || letterNumber.MatchString(rest)) && !pluralAttachments(p.lastLabelLine()) {
			// "Liite 1 Sopimusluonnos": the attachment as written, its
			// number with it; after "Liitteet" the number opens the list's
			// first line ("Liitteet 1 Sopimusluonnos").
			rest = p.lastLabelLine()
		} else if l := p.lastLabelLine(); p.rows[l] && oneAttachmentRow.MatchString(l) {
			// "Liite Tiivistelmä: … | ||": a row of the attachment table,
			// its first cell written whole (testdata/real/LABELLING.md).
			rest = l
		}
		p.text(rest)
	default:
		p.text(rest)
	}
}

// numberedAttachment reports whether a line holding only the number n,
// read in an attachment list, numbers the title below it: after the
// singular label alone ("Liite" / "1"), after the plural label alone when
// it is the first ("Bilagor" / "1", Helsinki's static pages: a count of
// one is written "Liite"), or after the attachment numbered n-1 ("1
// Aloite" / "2").
func (p *pageParser) numberedAttachment(n int) bool {
	if k, rest, ok := matchLabel(p.prev); ok && k == secAttachments && rest == "" {
		return !pluralAttachments(p.prev) || n == 1
	}
	if k := len(p.attachments); k > 0 && n > 1 {
		last := p.attachments[k-1] // "1 Aloite", the line before being "Aloite"
		return strings.HasPrefix(last, strconv.Itoa(n-1)+" ") && strings.HasSuffix(last, " "+p.prev)
	}
	return false
}

// numberRef is an attachment's number after its label with a number word
// and nothing else: "Bilaga nr 5.", "Liite nro 9.", "Liite n:o 2".
var numberRef = mustPattern(`^(?i:nr|nro|n:o|no)\.?\s*\d{1,3}\.?$`)

// letterNumber is an attachment's number that is a letter: "Liite A
// Sopimusluonnos".
var letterNumber = mustPattern(`^[A-ZÅÄÖ](?:[.:)]?\s|[.:)]?$)`)

// numberOnlyAttachment is an attachment line that is only its number:
// "Liite 1", "Bilaga 2:", "Liite A".
var numberOnlyAttachment = mustPattern(`^(?:(?i:liite|bilaga)\s*)?(?:\d{1,3}|(?i:liite|bilaga)\s*[A-ZÅÄÖ])[.:)]?$`)

// oneAttachmentRow is a table row naming one attachment, its label word
// in its first cell: "Liite Tiivistelmä: …", "Bilaga Avtal".
var oneAttachmentRow = mustPattern(`^(?i:liite|bilaga)\s+\pL`)

// titleColon is a line opened by one title word and a colon.
var titleColon = mustPattern(`^(\p{Lu}\p{Ll}+):\s+(\S.*)$`)

// lastLabelLine is the line being read, for "Liite 1 Sopimus" where the label
// word is part of the attachment's title.
func (p *pageParser) lastLabelLine() string { return p.current }

// proposalPresenter takes the official a proposal's label names, on its
// line or alone on the first line below it, for a handling with no
// presenter yet: "Päätösehdotus     Kaupunginjohtaja Jukka Mäkelä",
// "Ehdotus kunnanjohtaja Matti Meikäläinen:", "Esitys: Tekninen johtaja".
// The proposal follows below.
func (p *pageParser) proposalPresenter(s string) bool {
	if p.cur == nil || p.cur.hasPresenter {
		return false
	}
	if k, rest, ok := matchLabel(s); ok && k == secPresenter {
		p.setPresenter(rest) // "Päätösehdotus esittelijä: …"
		p.sec = secProposal
		return true
	}
	switch {
	case presenterLine(s):
		p.setPresenter(s)
	case implicitPresenter.MatchString(s):
		p.presentedBy(s)
	case abbrPresenter.MatchString(s):
		p.presentedBy(strings.TrimRight(s, ".:")) // "Ehdotus (kj):"
	default:
		return false
	}
	p.sec = secProposal
	return true
}

// proposedBy records the official a line names as the presenter and the
// proposal text after the name.
func (p *pageParser) proposedBy(who, text string) {
	p.setPresenter(who)
	p.sec = secProposal
	p.text(text)
}

// presentedBy records the current handling's presenter known by title
// only ("Kaupunginjohtaja:", a proposal's owner).
func (p *pageParser) presentedBy(title string) {
	h := p.ensureHandling()
	h.presenter = &Person{Title: strings.TrimSuffix(title, ":")}
	h.hasPresenter = true
}

func (p *pageParser) setPresenter(s string) {
	s = strings.TrimLeft(s, bullets)
	if s == "" {
		return // "Esittelijä" / "-" / the presenter below
	}
	h := p.ensureHandling()
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") && titledName(s[:i]) {
		// "Hallintojohtaja Liisa Laine (kunnanjohtajan ollessa
		// esteellinen)": why they present is no part of who.
		s = s[:i]
	}
	pr := presenterFrom(s, p.place())
	if sentenceNotPerson(s, pr) {
		// "Esittelijä" / "Ei uusia päätöksiä." / "Aluehallitus päätti …": no
		// one is named; the text goes on below the label.
		p.sec = secImplicitProp
		h.implicit = append(h.implicit, s)
		return
	}
	if pr != nil && pr.Name == "" && isFullBodyName(strings.TrimSuffix(s, ":")) {
		// "Föredragande" / "Stadsstyrelsen" (Helsinki's static pages): the
		// board presents to the council; a body, no official.
		pr = nil
	}
	if pr != nil {
		h.presenter = pr
	}
	h.hasPresenter = true
	p.sec = secImplicitProp
	p.nameNext = h.presenter != nil && (h.presenter.Name == "") != (h.presenter.Title == "")
}

// proposalOwner is the title of whose proposal a label names, from its
// genitive: "Sivistysjohtajan" sivistysjohtaja, "Kj:n" kj, Swedish
// "Kommundirektörens" kommundirektör. A word that is no such genitive comes
// back as it is.
func proposalOwner(gen string) string {
	if t, ok := strings.CutSuffix(gen, ":n"); ok {
		return t
	}
	for _, end := range []string{"n", "N"} {
		if t, ok := strings.CutSuffix(gen, end); ok {
			return t
		}
	}
	for _, end := range []string{"ens", "s"} {
		if t, ok := strings.CutSuffix(gen, end); ok && isTitleWord(t) {
			return t
		}
	}
	return gen
}

// sentenceNotPerson reports a presenter's line that is a sentence naming
// no one: a full stop or five words or more, no name, and no title word.
func sentenceNotPerson(s string, pr *Person) bool {
	if !strings.HasSuffix(s, ".") && len(strings.Fields(s)) < 5 {
		return false
	}
	return pr == nil || (pr.Name == "" && !isTitleWord(lastWord(pr.Title)) && !bodyPresenter.MatchString(s))
}

// bullets open list lines ("• Anni Halminen, anni.halminen@pori.fi").
const bullets = "•·‣▪*-–— \t"

// presenterName completes a presenter known by title with the line below
// it when that line is a name alone.
func (p *pageParser) presenterName(l string) bool {
	if !p.nameNext || p.cur == nil || p.cur.presenter == nil || len(p.cur.implicit) > 0 {
		return false
	}
	p.nameNext = false
	if strings.ContainsAny(l, ".,:;0123456789") || len(strings.Fields(l)) > 4 {
		return false
	}
	if p.cur.presenter.Title == "" {
		// "Esittelijä" / "Matti Meikäläinen" / "kunnanjohtaja": the name,
		// then the title alone below it.
		if !jobTitleLike(l) || !isTitleWord(lastWord(l)) {
			return false
		}
		p.cur.presenter.Title = l
		return true
	}
	ps := parsePersons(l, p.place())
	if len(ps) != 1 || ps[0].Name == "" || ps[0].Title != "" || ps[0].Name != l {
		return false
	}
	p.cur.presenter.Name = ps[0].Name
	return true
}

// place is the organisation's first word, used to drop a municipality written
// after the presenter's name.
func (p *pageParser) place() string {
	if f := strings.Fields(p.org); len(f) > 0 {
		return f[0]
	}
	return ""
}

// text handles an unlabelled line according to the block it is in.
func (p *pageParser) text(l string) {
	switch p.sec {
	case secPreparer:
		if p.personLines < maxPreparerLines && contactNoise.MatchString(l) {
			// "puh." with no number, "(Yhteydenotot sähköpostilla:
			// etunimi.sukunimi@eksote.fi)": the list goes on below.
			p.personLines++
			return
		}
		if p.personLines < maxPreparerLines && personLike(l) && p.preparerLine(l, false) {
			p.personLines++
			return
		}
		p.sec = secNone
		p.flushPendingTitle()
	case secPresenter:
		p.setPresenter(l)
		return
	case secProposal, secDecision:
		if p.subject != "" {
			if !startsUpper(l) {
				p.textIn(p.subject)
			}
			p.subject = ""
		}
		p.textIn(l)
		return
	case secImplicitProp:
		if p.presenterName(l) {
			return
		}
		p.cur.implicit = append(p.cur.implicit, l)
		return
	case secNotes:
		h := p.ensureHandling()
		h.notes = append(h.notes, l)
		p.presenterInProse(l)
		return
	case secNotify:
		if titleLike(l) {
			for _, r := range listSplit.Split(strings.TrimSuffix(l, "."), -1) {
				if r = strings.TrimSpace(r); r != "" {
					p.notify = appendNew(p.notify, r)
				}
			}
			return
		}
		p.sec = secNone
	case secAttachments:
		if attachmentNoise.MatchString(l) {
			return // the table's header row, a file size
		}
		if noAttachments.MatchString(l) {
			p.sec = secNone // "Liitteet: ei liitteitä": the list is empty
			return
		}
		if attachmentCount.MatchString(l) {
			if n := bareNumber(l); n > 0 && p.numberedAttachment(n) {
				// "Liite" / "1" / the title: the attachment's number, joined
				// to the title below.
				p.attachments = append(p.attachments, l)
				return
			}
			return // "Liitteet 2 kpl": how many, not which
		}
		l = attachmentLine(l)
		// The body's name ends the list: a handling header written on
		// three lines (body, § 15, date) follows it (Kittilä).
		if titleLike(l) && strings.IndexFunc(l, unicode.IsLetter) >= 0 && !(p.body != "" && strings.EqualFold(l, p.body)) &&
			!impactHeading.MatchString(l) && !proposalLine.MatchString(l) {
			if p.cur == nil && !p.noTitle {
				p.preAttach++
			}
			if n := len(p.attachments); n > 0 && p.prev == p.attachments[n-1] && numberOnlyAttachment.MatchString(p.prev) &&
				!numberOnlyAttachment.MatchString(l) {
				// "Liite 1" / "Sopimusluonnos": the number on a line of its
				// own, the title on the next.
				p.attachments[n-1] += " " + l
				return
			}
			if n := len(p.attachments); n > 0 && p.prev != "" && strings.HasSuffix(p.attachments[n-1], p.prev) &&
				startsLowerLetter(l) && !strings.ContainsAny(p.prev[len(p.prev)-1:], ".;)") {
				// A title wrapped over two lines (a PDF's text): the second
				// goes on in lower case.
				p.attachments[n-1] += " " + l
				return
			}
			if !listedAttachment(p.attachments, l) {
				p.attachments = append(p.attachments, l)
			}
			return
		}
		if !titleLike(l) || proposalLine.MatchString(l) {
			// The item's text follows the title. (Not the body's name, nor
			// "25.03.2025 § 58": a handling header on lines of its own,
			// the title perhaps below it.)
			p.titleFromAttachments()
		}
		p.sec = secNone
	case secSupplement:
		if titleLike(l) {
			if p.cur == nil {
				p.lastSupplement = l
			}
			return
		}
		p.sec = secNone
	case secBackground, secOther:
		p.noteWithdrawal(l)
		p.presenterInProse(l)
		return
	}
	p.noteWithdrawal(l)
	p.presenterInProse(l)
	if (p.cur == nil || len(p.cur.decision) == 0) && strings.Count(l, " ") <= 4 && plainApprove.MatchString(lower(l)) {
		// "Ehdotus hyväksyttiin." with no decision's label before it: the
		// decision.
		h := p.ensureHandling()
		h.decision = append(h.decision, l)
		return
	}
	if p.sec == secNone && (p.cur == nil || len(p.cur.decision) == 0) && p.document != DocumentAgenda && p.proceduralDecision(l) {
		// "Kaupunkiympäristölautakunta päätti panna asian pöydälle." under
		// a heading that is no decision's label (Helsinki's "Lausunto"):
		// the decision.
		h := p.ensureHandling()
		h.decision = append(h.decision, l)
		return
	}
	// Unlabelled text: the title, if it has not been seen yet.
	if p.cur == nil && attachmentNoise.MatchString(l) {
		return // a table's header row ("Otsikko") before the item
	}
	if m := numberedAttachmentRow.FindStringSubmatch(l); m != nil && p.cur == nil && p.sec == secNone {
		// "2 | Valtuustoaloite Suolahden koirapuistosta | |": the
		// attachment table above the item, its caption lost.
		if a := m[1] + " " + strings.TrimSpace(m[2]); !listedAttachment(p.attachments, a) {
			p.attachments = append(p.attachments, a)
		}
		return
	}
	if p.cur == nil && p.sec == secNone && !p.noTitle {
		p.lastPlain = l
	}
	if p.cur != nil && p.sec == secNone {
		p.lastText = l
		if len(p.cur.proposal) == 0 && len(p.cur.decision) == 0 && opensWithBody(resolutionFormula, l) {
			p.cur.formula = l
		}
	}
	if p.cur == nil && p.sec == secNone && !p.noTitle && titleLike(l) && p.canBeTitle(l) && len(p.preLines) < 16 {
		if n := len(p.preLines); n > 0 && startsLower(l) && titleLike(p.preLines[n-1]+" "+l) {
			// A title broken over two lines: "…lautakunnan vuoden 2026" /
			// "talousarvioesitys".
			joined := p.preLines[n-1] + " " + l
			if p.title == p.preLines[n-1] {
				p.title = joined
			}
			p.preLines[n-1] = joined
			return
		}
		p.preLines = append(p.preLines, l)
	}
	if p.title == "" && !p.noTitle && (p.cur == nil || p.titleOpen) && titleLike(l) && p.canBeTitle(l) {
		p.title = l
		p.titleOpen = false
		return
	}
	p.titleOpen = false
}

// impactHeading opens an impact assessment (lapsivaikutusten arviointi,
// yritysvaikutusten arviointi, EVA), a part of the item's text that some
// sites print right after its attachment list: it ends the list.
//
// So do the other headings of an item's text that templates print after
// the list: the body's competence ("Toimivalta Kuntalaki 39 §"), the
// provisions, the financial effects, the distribution and the enforcement.
var impactHeading = mustPattern(`(?i)^\p{L}*vaikutusten (?:ennakko)?arvioin|` +
	`^(?:toimivalta|säännökset|lainsäädäntö|oikeusohje|sovellettavat säännökset|talousvaikutukset|taloudelliset vaikutukset|` +
	`jakelu|vastaanottaja|vastaanottajat|täytäntöönpano|täytäntöönpanoa varten|behörighet|bestämmelser|verkställighet|sändlista)(?:\s|:|$)`)

// proposalLine is a proposal's sentence, its full stop missing
// ("Kunnanhallitus päättää hyväksyä sopimuksen"): it ends a list.
var proposalLine = mustPattern(`^\p{Lu}\S*(?: \S+){0,3} (?:päättää|päättänee|hyväksyy|hyväksynee|esittää|merkitsee|merkinnee|myöntää|valitsee|valinnee|nimeää|nimennee|beslutar|godkänner|föreslår) `)

// proposalMood is a proposal's verb in the potential mood, which some
// sites write without a Päätösehdotus label: "Valtuusto päättänee …",
// "Kunnanhallitus hyväksynee …" (docs/dynasty.md, "Decisions and their
// outcomes").
var proposalMood = mustPattern(`\b(?:päättänee|hyväksynee|merkinnee|valinnee|nimennee)\b`)

// numberedAttachmentRow is a row of the attachment table as page texts
// render it before the item (Äänekoski): its number and its title (the empty
// cells after it are gone with cleanLine).
var numberedAttachmentRow = mustPattern(`^(\d{1,3}) \| ([^|]*\pL[^|]*)$`).withCheck(startsWithByte("0123456789"))

// preparerLine reads one line of the preparers block. On the label's own
// line anything goes; a line below it must name someone (two names, or an
// e-mail address), or give the phone or e-mail of the one before, or it is
// the item's text. A job title alone waits for the name on the next line
// ("Valmistelija talous- ja henkilöstöjohtaja" / "Sanna-Mari Vesanen 044 …").
func (p *pageParser) preparerLine(l string, onLabel bool) bool {
	l = strings.TrimSuffix(trimBullet(l), ".") // "• Pia Sjöroos, kaavoituspäällikkö, …"
	// "… Johanna Aalto p. 050 434 6544 ja" / "hallintopalvelupäällikkö …":
	// the list goes on on the next line.
	l = listGoesOn.ReplaceAllString(l, "")
	if onLabel {
		// "Valmistelija Lisätiedot: …": a second label word before the names.
		l = nestedLabel.ReplaceAllString(l, "")
		if strings.Trim(l, "/ ") == "" {
			return true // "Valmistelija /", the label going on below
		}
	}
	if !onLabel && labelTail.MatchString(l) {
		return true // "lisätiedon antaja": the rest of a label broken over lines
	}
	if !onLabel {
		if phones, emails, ok := contactOnly(l); ok {
			if n := len(p.preparers); n > 0 {
				last := &p.preparers[n-1]
				if last.Phone == "" && len(phones) > 0 {
					last.Phone = phones[0]
				}
				if last.Email == "" && len(emails) > 0 {
					last.Email = emails[0]
				}
			}
			return true
		}
	}
	line := l
	if p.pendingTitle != "" {
		line = p.pendingTitle + " " + l
	}
	people := parsePersons(line, p.place())
	people = slices.DeleteFunc(people, func(pe Person) bool {
		return pe.Name == "" && pe.Email == "" && !jobTitleLike(pe.Title) // a sentence, not a title
	})
	named := false
	for _, pe := range people {
		if len(strings.Fields(pe.Name)) >= 2 || pe.Email != "" {
			named = true
		}
	}
	switch {
	case onLabel && len(people) == 0 && titleLike(l) && jobTitleLike(strings.TrimSpace(listSplit.Split(l, 2)[0])):
		// The title alone, its phone perhaps after it: "Hallintojohtaja, puh. …".
		p.pendingTitle = strings.TrimSpace(listSplit.Split(l, 2)[0])
		return true
	case !onLabel && !named:
		return false
	}
	p.pendingTitle = ""
	p.preparers = appendPeople(p.preparers, people...)
	if p.presentsToo && len(people) > 0 {
		if h := p.ensureHandling(); h.presenter == nil {
			pr := people[0]
			h.presenter = &pr
		}
	}
	return true
}

// listGoesOn is a conjunction or comma ending a line of a list of people
// that the next line continues.
var listGoesOn = mustPattern(`(?:\s+(?:ja|sekä|och)|\s*,)\s*$`)

// labelTail is the second half of a preparers' label broken over lines.
var labelTail = mustPattern(`^(?i:lisätiedo(?:n|t|jen) antaja(?:t)?:?|lisätiedot:?)$`)

// nestedLabel is a label word standing after the preparers' label.
var nestedLabel = mustPattern(`^(?i:lisätiedot|lisätietoja|lisätietoja antaa|mer information)\s*:\s*`)

// contactOnly reports a line made only of phone numbers and e-mail
// addresses ("puh. 040-7101 936, email: kristiina.rasanen@heinavesi.fi"):
// the contacts of the preparer on the line above.
func contactOnly(l string) (phones, emails []string, ok bool) {
	for _, seg := range listSplit.Split(strings.TrimSpace(l), -1) {
		seg = contactLabel.ReplaceAllString(strings.TrimSpace(seg), "")
		switch {
		case seg == "":
		case phoneOnly(seg):
			phones = append(phones, phoneRe.FindStringSubmatch(seg)[1])
		case emailRe.MatchString(seg) && !strings.Contains(seg, " "):
			if !templateEmail.MatchString(seg) {
				emails = append(emails, seg)
			}
		default:
			return nil, nil, false
		}
	}
	return phones, emails, len(phones)+len(emails) > 0
}

// flushPendingTitle ends a preparers block whose last line was a job title
// with no name below it: the preparer is known by the title only
// ("Valmistelija Kiinteistöpäällikkö").
func (p *pageParser) flushPendingTitle() {
	if p.pendingTitle != "" {
		p.preparers = appendPeople(p.preparers, Person{Title: p.pendingTitle})
		p.pendingTitle = ""
	}
}

// phoneOnly reports a line that is a phone number and nothing else ("Puh. 044 4491 255").
func phoneOnly(l string) bool {
	m := phoneRe.FindStringSubmatchIndex(l)
	return m != nil && strings.TrimSpace(l[:m[0]]) == ""
}

// personLike reports whether a line under a preparer label names people rather
// than starting the item's text.
func personLike(l string) bool {
	if phoneRe.MatchString(strings.TrimSuffix(l, ".")) || emailRe.MatchString(l) {
		l = strings.TrimSuffix(l, ".") // "Kunnanjohtaja Otto Koskela, puh. 0401992146."
	}
	if utf8.RuneCountInString(l) > 220 || strings.HasSuffix(l, ".") || strings.HasSuffix(l, ":") {
		return false
	}
	for _, seg := range listSplit.Split(l, -1) {
		if len(strings.Fields(seg)) > 8 {
			return false
		}
	}
	return true
}

// jobTitleLike reports whether a preparer's text naming no one can be a job
// title ("Kehittämis- ja hallintojohtaja"): a few words, no figures. A
// sentence after an ambiguous label ("Valmistelu: Valtuusto on hyväksynyt
// kokouksessaan 1.12.2025 …", the matter's preparation) is not.
func jobTitleLike(s string) bool {
	return len(strings.Fields(s)) <= maxTitleWords && !strings.ContainsAny(s, "0123456789")
}

// maxTitleWords: the longest job titles are some five words ("Sosiaali- ja
// terveyspalveluiden vs. toimialajohtaja").
const maxTitleWords = 5

// titleLike reports whether a line can be a title or a list entry: short, and
// not a sentence.
func titleLike(l string) bool {
	// A title the site cut short ends in an ellipsis, not a full stop
	// ("… sekä asiakasmaksuihin esitettävistä muutoksista vuodell...").
	return utf8.RuneCountInString(l) <= 250 && (!strings.HasSuffix(l, ".") || strings.HasSuffix(l, "...")) && !strings.HasSuffix(l, ":")
}

// pluralAttachments reports an attachment label in the plural ("Liitteet",
// "Bilagor"), which heads a list.
func pluralAttachments(label string) bool {
	l := lower(label)
	return strings.HasPrefix(l, "liitteet") || strings.HasPrefix(l, "bilagor")
}

// attachmentLine is an attachment as its list's line writes it: a table
// row's cells joined, a page-to-text rendering's image marks gone and a
// link's text kept ("[Sopimusluonnos](…/a.pdf)"), no list mark ("•
// Sopimusluonnos", "- Kartta").
func attachmentLine(l string) string {
	if strings.Contains(l, " | ") {
		l = attachmentCells(l)
	}
	if strings.Contains(l, "](") {
		l = strings.TrimSpace(markdownLink.ReplaceAllString(markdownImage.ReplaceAllString(l, ""), "$1"))
	}
	return trimBullet(l)
}

// trimMarks takes a page-to-text rendering's image marks and a list mark
// off the start of a line.
func trimMarks(l string) string {
	for strings.HasPrefix(l, "![") {
		loc := markdownImage.FindStringIndex(l)
		if loc == nil || loc[0] != 0 {
			break
		}
		l = strings.TrimSpace(l[loc[1]:])
	}
	return trimBullet(l)
}

// trimBullet takes a list mark (one of bullets) and the space after it off
// the start of a line; a mark with no space after it ("-2025") stays.
func trimBullet(l string) string {
	r, n := utf8.DecodeRuneInString(l)
	if r != ' ' && r != '\t' && strings.ContainsRune(bullets, r) && strings.HasPrefix(l[n:], " ") {
		return strings.TrimSpace(l[n:])
	}
	return l
}

// attachmentCells reads an attachment table's row as one line, its cells
// joined by a space and its number kept, as the attachment is written
// (testdata/real/LABELLING.md): "Liite 13 | Tuloslaskelmat 31.7.2025" is
// "Liite 13 Tuloslaskelmat 31.7.2025". Empty cells, the header row and file
// sizes go.
func attachmentCells(l string) string {
	var keep []string
	for _, c := range strings.Split(l, " | ") {
		c = strings.TrimSpace(c)
		if c == "" || attachmentNoise.MatchString(c) || strings.IndexFunc(c, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			continue // an empty cell, a dash, the header row, a file size
		}
		keep = append(keep, c)
	}
	return strings.Join(keep, " ")
}

// markdownLink is a link as a page-to-text rendering writes it.
var markdownLink = mustPattern(`\[([^\]]+)\]\([^)]*\)`)

// attachmentCount is a count of attachments after their label.
var attachmentCount = mustPattern(`^\(?\d{1,3}\)?(?: (?:kpl|st|liitettä|bilagor))?$`)

// noAttachments says an attachment list is empty.
var noAttachments = mustPattern(`(?i)^(?:ei liitteitä|ei liitettä|ei ole|ei|inga bilagor|ingen bilaga|inga|-|–)\.?$`)

// attachmentNoise is what an attachment table has besides titles: its
// header row and file sizes ("Numero Otsikko", "(pdf 984.31 kb)").
var attachmentNoise = mustPattern(`(?i)^(?:(?:(?:numero|nro|n:o|nr)\s+)?(?:otsikko|nimi|rubrik)|\(?\s*(?:pdf|docx?|xlsx?|pptx?)\s+[\d.,]+\s*[km]?b\s*\)?)$`)

// presenterInProse takes the current handling's presenter, when none is
// named yet, from a sentence of its text that names the presenter doing
// something ("Asian esittelijä konsernijohtaja Juha Yli-Rajala peruutti
// esityksensä.", "… lautakunnan esittelijä Kristiina Hannula teki seuraavan
// päätösehdotuksen").
func (p *pageParser) presenterInProse(l string) {
	if (p.cur != nil && p.cur.hasPresenter) || !strings.Contains(l, "sittelijä") { // presenterActsRe's [Ee]sittelijä
		return
	}
	m := presenterActsRe.FindStringSubmatch(l)
	if m == nil || !titledName(m[1]) {
		return
	}
	pr := presenterFrom(m[1], p.place())
	switch {
	case pr == nil || pr.Name == "":
	case p.cur == nil:
		// A fragment of text with no handling: the page's presenter.
		if p.prosePresenter == nil {
			p.prosePresenter = pr
		}
	default:
		p.cur.presenter, p.cur.hasPresenter = pr, true
	}
}

// personNameExpr is a first name and a surname, each perhaps
// double-barrelled ("Anna-Liisa Laine-Koski"); titledNameExpr the same
// after an official's title, perhaps after a capitalised word ("Tekninen
// johtaja").
const (
	personNameExpr = `\p{Lu}\p{L}+(?:-\p{Lu}\p{L}+)? \p{Lu}\p{L}+(?:-\p{Lu}\p{L}+)?`
	titledNameExpr = `(?:\p{Lu}\p{Ll}+ )?\p{Ll}*\p{L}+ ` + personNameExpr
)

// presenterActsRe: the presenter, by title and name or by name, and what
// the presenter did.
var presenterActsRe = mustPattern(`(?:^|\s)[Ee]sittelijä,? ((?:\p{Ll}+ )?` + personNameExpr + `),? (?:teki|peruutti|muutti|poisti|veti|esitti|täydensi|korjasi|tarkensi|täsmensi)\b`)

// introducedRe: a titled official presented the matter ("Hallintojohtaja
// Petra Määttänen esitteli asian."; "asiaa", a talk about it, is not
// presenting it), or the text names who presents it ("asian esittelee
// puheenjohtaja").
var (
	introducedRe = mustPattern(`^(` + titledNameExpr + `) esitteli asian(?:\.|$)`)
	presentsItRe = mustPattern(`(?:^|\s)asian esittelee (\p{Ll}+)\.?$`)
	// The same with the verb first: "Asian esitteli lakimies Henna
	// Saanakorpi." (Turku).
	introducedAfterRe = mustPattern(`^[Aa]sian esitteli (` + titledNameExpr + `)\.?$`)
	// The chair presenting the matter, where a council has no presenter:
	// "Puheenjohtaja Kauko Väisänen esitteli asiaa." (an official's or an
	// expert's "esitteli asiaa" is a talk, not the presenting).
	chairPresentsRe = mustPattern(`^((?i:puheenjohtaja) ` + personNameExpr + `) (?:esitteli|esittelee) asia(?:a|n)(?:\.|$)`)
)

// introducedBy returns the official line l says presented the matter, or nil.
func introducedBy(l, place string) *Person {
	for _, re := range []*pattern{introducedRe, introducedAfterRe} {
		if m := re.FindStringSubmatch(l); m != nil && titledName(m[1]) {
			if pr := presenterFrom(m[1], place); pr != nil && pr.Name != "" && pr.Title != "" {
				return pr
			}
		}
	}
	if m := chairPresentsRe.FindStringSubmatch(l); m != nil {
		if pr := presenterFrom(m[1], place); pr != nil && pr.Name != "" {
			return pr
		}
	}
	if m := presentsItRe.FindStringSubmatch(l); m != nil && isTitleWord(m[1]) {
		return &Person{Title: m[1]}
	}
	return nil
}

// noteWithdrawal records a line saying that the item was taken off the
// agenda, in prose rather than under a decision's label ("Perustelut:
// Poistettu listalta.", "Asian esittelijä … peruutti esityksensä. Asia
// poistettiin esityslistalta.").
func (p *pageParser) noteWithdrawal(l string) {
	if !p.withdrawn && len(l) <= maxWithdrawalNote && withdrawnRe.MatchString(p.lowerOf(l)) {
		p.withdrawn, p.withdrawnIn = true, p.cur
	}
}

// lowerOf is lower(s), taken from the line being read when s is that line.
func (p *pageParser) lowerOf(s string) string {
	if s == p.lowOf {
		return p.low
	}
	return lower(s)
}

// maxWithdrawalNote bounds the lines read for a withdrawal: a note of a
// sentence or two, not the item's long paragraphs.
const maxWithdrawalNote = 300

// titleFromAttachments takes the title from the end of the page's
// attachment list at its top: the list comes right before the title, and
// what ends the list (the handling header, the diary number, a label, the
// item's text) stands below the title. (A lone "§ 58" may stand above the
// title: Pomarkku.)
func (p *pageParser) titleFromAttachments() bool {
	if p.cur != nil || p.title != "" || p.preAttach == 0 || p.sec != secAttachments {
		return false
	}
	p.title = p.attachments[len(p.attachments)-1]
	p.attachments = p.attachments[:len(p.attachments)-1]
	p.titleFromList, p.titleFromListAt = p.title, len(p.attachments)
	return true
}

// endList ends a list block (attachments, notify) that an identifier line
// follows: a diary number is never an attachment's title.
func (p *pageParser) endList() {
	if p.sec == secAttachments || p.sec == secNotify || p.sec == secSupplement {
		p.sec = secNone
	}
}

// listedAttachment reports whether an attachment is listed already, also
// as "1 Title" against "Title": a page may list its attachments at the top
// and again, numbered, in the text.
func listedAttachment(list []string, a string) bool {
	bare := attachmentNumber.ReplaceAllString(a, "")
	for _, have := range list {
		if have == a || attachmentNumber.ReplaceAllString(have, "") == bare {
			return true
		}
	}
	return false
}

var attachmentNumber = mustPattern(`^\d{1,2}\.? `)

func appendNew(list []string, items ...string) []string {
next:
	for _, it := range items {
		for _, have := range list {
			if have == it {
				continue next
			}
		}
		list = append(list, it)
	}
	return list
}

func appendPeople(list []Person, people ...Person) []Person {
next:
	for _, it := range people {
		for _, have := range list {
			if have.Name == it.Name && (it.Name != "" || have.Email == it.Email && have.Title == it.Title) {
				continue next
			}
		}
		list = append(list, it)
	}
	return list
}

// result assembles the Decision: the item's own meeting is its current
// handling, the one the document line names.
func (p *pageParser) result() Decision {
	title := p.chooseTitle()
	d := Decision{
		Organization: p.org,
		Body:         p.body,
		Document:     p.document,
		MeetingDate:  p.docDate,
		Title:        title,
		DiaryNumber:  cmp.Or(p.diary, p.quotedDiary),
		Preparers:    p.preparers,

		Disqualified: p.disq,
		Notify:       p.notify,
		Attachments:  relisted(p.listTitleBack(title)),
		Confidential: p.confidential,
		Language:     language(p.lines),
		Outcome:      OutcomeNone,
	}
	if p.docSection > 0 {
		n := p.docSection
		d.Section = &n
	}
	if p.itemNumber > 0 {
		n := p.itemNumber
		d.ItemNumber = &n
	}
	p.splitOwnHandling()
	kept := p.keptHandlings()
	for i, h := range kept {
		prop := h.proposal
		if len(prop) == 0 {
			prop = h.implicit
		}
		if len(prop) == 0 && len(h.decision) > 0 && h.formula != "" {
			prop = []string{h.formula}
		}
		if len(prop) == 0 && len(h.decision) > 0 {
			// Helsinki's pages show the proposal after the decision, under a
			// heading the text lost ("Käsittely" … "Kaupunginvaltuusto
			// päättää todeta …" … "Sulje"): a body's resolution in the
			// present tense among the handling's notes is its proposal.
			for _, n := range h.notes {
				if isProposalFormula(n) {
					prop = []string{n}
					break
				}
			}
		}
		if len(h.decision) == 0 && p.document != DocumentAgenda {
			// "Aluehallitus päätti yksimielisesti, että …" with no decision's
			// label, or under a proposal's (Helsinki's "Esitys: Kaupunginhallitus
			// päätti panna asian pöydälle."): in the past tense, what was decided.
			for i := 0; i < min(len(prop), 3); i++ {
				if pastDecision.MatchString(prop[i]) {
					h.decision, prop = prop[i:], prop[:i]
					break
				}
			}
		}
		h.Proposal = strings.Join(prop, "\n")
		h.Decision = strings.Join(h.decision, "\n")
		h.Outcome = classify(h.Proposal, h.Decision, strings.Join(h.notes, "\n"))
		d.Handlings = append(d.Handlings, h.Handling)
		if !h.header {
			p.warn("handling %d has no header: its body, date and section are unknown", i+1)
		}
	}
	if len(kept) > 0 {
		last := kept[len(kept)-1]
		// The presenter is the current handling's: an earlier handling's
		// official (the board's, on the council's page) is not it.
		d.Presenter = last.presenter
		d.Proposal = last.Proposal
		d.Decision = last.Decision
		d.Outcome = last.Outcome
		text := strings.Join(last.notes, "\n") + "\n" + last.Decision
		d.Votes = votes(text)
		d.Unanimous = unanimity(text, d.Votes)
		if last.voteRecorded && p.document != DocumentAgenda {
			// A vote of this meeting recorded in the handling, its notes'
			// label lost (Turku's council pages, a cut CloudNC page): some
			// part of the decision was voted on (testdata/real/LABELLING.md).
			f := false
			d.Unanimous = &f
		}
		if d.MeetingDate == "" {
			d.MeetingDate = last.Date
		}
		if d.Section == nil && last.Section != nil && (p.docDate == "" || last.Date == "" || last.Date == p.docDate) {
			// The current handling's §; an earlier handling's (the board's
			// § on the council's agenda) is not the item's.
			n := *last.Section
			d.Section = &n
		}
		if d.Body == "" && isFullBodyName(last.Body) {
			d.Body = last.Body
		}
	}
	if len(kept) == 0 && p.prosePresenter != nil {
		d.Presenter = p.prosePresenter
	}
	if d.Presenter == nil && p.introducer != nil && len(kept) <= 1 {
		// (With several handlings, whose handling the sentence told is
		// unknown.)
		d.Presenter = p.introducer
	}
	if p.withdrawn && d.Document != DocumentAgenda && (d.Outcome == OutcomeNone || d.Outcome == OutcomePending) &&
		(len(kept) == 0 || p.withdrawnIn == kept[len(kept)-1] || p.withdrawnIn == nil && len(kept) == 1) {
		// No decision, and the text says the item was taken off the agenda.
		d.Outcome = OutcomeWithdrawn
		if len(d.Handlings) > 0 {
			d.Handlings[len(d.Handlings)-1].Outcome = OutcomeWithdrawn
		}
	}
	if d.Document == DocumentAgenda && d.Outcome != OutcomePending {
		// An agenda is published before the meeting: whatever its page
		// shows, nothing is decided yet.
		if d.Decision != "" {
			p.warn("agenda with a decision text: read as pending")
		}
		d.Outcome = OutcomePending
	}
	if d.Document == DocumentAgenda {
		// Nor was anything voted on: a vote an agenda shows is an earlier
		// handling's (Helsinki's "Päätöshistoria").
		d.Unanimous, d.Votes = nil, nil
	}
	p.useFeed(&d)
	if d.Outcome == OutcomeNone && len(p.lines) > 0 && !d.Confidential {
		p.warn("no proposal or decision found")
	}
	if d.Document == DocumentMinutes && d.Outcome == OutcomePending {
		p.warn("minutes without a decision")
	}
	d.Warnings = p.warnings
	return d
}

// keptHandlings returns the handlings worth reporting, earlier ones first
// and the current one last. A page may show an earlier handling twice (a
// header at the top, its text again under "Päätöshistoria" after the
// current decision): the two are one handling. The current handling is the
// one whose § (or date) the document line gives; without a document line,
// the last one.
func (p *pageParser) keptHandlings() []*handling {
	var kept []*handling
	seen := map[string]*handling{} // date and § of the handlings kept
	// repeated is the page's first handling when it was a header alone
	// that a later handling of the same meeting and § filled: a page
	// whose head names its own meeting that way ("Kaupunginvaltuusto
	// 16.09.2024 § 58" above the title, the board's handling, then the
	// council's under the same line again).
	var repeated *handling
	for i, h := range p.handlings {
		// A presenter alone at the text's end, after a handling that named
		// none, opens the handling the text was cut in ("Esittelijä" / "•
		// Petri Juhola, …", Tuusula).
		cutIn := h.presenter != nil && i == len(p.handlings)-1 && (i == 0 || p.handlings[i-1].presenter == nil)
		if !h.header && h.empty() && !cutIn {
			continue
		}
		// The same meeting and § is the same handling, whatever the body
		// is called in each place ("S/Kunnanhallitus salainen", "KhallS").
		if h.header && h.Date != "" && h.Section != nil {
			key := h.Date + " " + strconv.Itoa(*h.Section)
			if dup := seen[key]; dup != nil {
				if dup.empty() {
					*dup = *h
					if len(kept) > 1 && kept[0] == dup {
						repeated = dup
					}
				}
				continue
			}
			seen[key] = h
		}
		if h.header && h.empty() && h.Body == "" && h.Date == "" && h.Section != nil && sameSection(kept, *h.Section) {
			// "Sfm § 33" / its text / "§ 33" (Turku's Swedish pages): a bare
			// § repeating one already read, with nothing under it, is the
			// page's footer, not a handling of its own.
			continue
		}
		kept = append(kept, h)
	}
	cur := -1
	for i, h := range kept {
		if p.docSection > 0 && h.Section != nil && *h.Section == p.docSection && (h.Date == "" || p.docDate == "" || h.Date == p.docDate) {
			cur = i
		}
	}
	if cur < 0 && p.docDate != "" {
		for i, h := range kept {
			if h.Date == p.docDate {
				cur = i
			}
		}
	}
	if cur < 0 && p.docSection == 0 && p.docDate == "" && repeated != nil {
		cur = 0 // no document line: the head's own meeting, given again below
	}
	if cur < 0 && p.history > 0 && p.history < len(p.handlings) {
		// No document line to name it: the current handling is the last
		// one before the decision history opened.
		own := p.handlings[p.history-1]
		for i, h := range kept {
			if h == own {
				cur = i
			}
		}
	}
	if cur >= 0 {
		// The current handling is the page's own meeting: what its header
		// leaves out ("§ 127" alone), the document line says.
		h := kept[cur]
		if h.Date == "" {
			h.Date = p.docDate
		}
		if h.Body == "" {
			h.Body = p.body
		}
	}
	if cur >= 0 && cur != len(kept)-1 {
		h := kept[cur]
		if h.empty() && !kept[len(kept)-1].header {
			// The current handling's header stands apart from its text,
			// which came in a handling of its own (a second Päätös).
			return kept
		}
		kept = append(append(kept[:cur:cur], kept[cur+1:]...), h)
	}
	return kept
}

// splitOwnHandling: Espoo's agenda pages open with a table of the earlier
// handlings only ("Kaupunkisuunnittelulautakunta  87 §  26.4.2017"), the
// page's own meeting (the document line's, no § yet) not among them, so the
// page's own proposal follows the table's last row and was read into it;
// that row's own handling comes again under its header in the decision
// history below. When no handling is of the page's meeting and a handling
// holding text is given again later under the same date and §, its text is
// the page's own handling's, of the body and meeting the header names.
func (p *pageParser) splitOwnHandling() {
	if p.docDate == "" || p.body == "" {
		return
	}
	for _, h := range p.handlings {
		if h.Date == p.docDate || (p.docSection > 0 && h.Section != nil && *h.Section == p.docSection) {
			return
		}
	}
	for i, h := range p.handlings {
		if !h.header || h.empty() || h.Date == "" || h.Section == nil {
			continue
		}
		again := false
		for _, l := range p.handlings[i+1:] {
			again = again || (l.header && l.Date == h.Date && l.Section != nil && *l.Section == *h.Section)
		}
		if !again {
			continue
		}
		own := *h // what was read under the row is the page's own handling's
		own.Handling = Handling{Body: p.body, Date: p.docDate}
		if p.docSection > 0 {
			n := p.docSection
			own.Section = &n
		}
		*h = handling{Handling: Handling{Body: h.Body, Date: h.Date, Section: h.Section}, header: true, line: h.line}
		p.handlings = append(p.handlings, &own)
		return
	}
}

// listTitleBack returns the attachments with the line taken off the end of
// the attachment list as the title given back, when the page's bold title
// was chosen instead (chosen, chooseTitle's): it was the list's last
// attachment (Espoo's agenda pages: the list, the diary number, the
// handlings, then the bold title).
func (p *pageParser) listTitleBack(chosen string) []string {
	l := p.titleFromList
	if l == "" || p.title != l || chosen == l || listedAttachment(p.attachments, l) {
		return p.attachments
	}
	at := min(p.titleFromListAt, len(p.attachments))
	return append(append(append([]string(nil), p.attachments[:at]...), l), p.attachments[at:]...)
}

// chooseTitle picks the item's title: the page line the feed's title names;
// else the first bold paragraph that can be a title; else the title read
// from the page's layout.
func (p *pageParser) chooseTitle() string {
	if p.feed.title != "" {
		for _, l := range p.lines {
			if m := sectionLead.FindStringSubmatch(l); m != nil {
				l = m[1] // "§ 99 Tuloveroprosenttien vahvistaminen": the § is not the title's
			}
			if len(l) <= 4*maxHeaderBytes && sameTitle(l, p.feed.title) && p.canBeTitle(l) {
				return l
			}
		}
	}
	for _, e := range p.emphasis {
		if titleLike(e) && p.canBeTitle(e) && !p.isStructural(e) && !sectionAlone.MatchString(e) &&
			!strings.HasPrefix(e, "§") && !isAttachmentOf(e, p.attachments) {
			return e
		}
	}
	return p.title
}

// sectionLead is a line that starts with its § number and goes on with the
// title.
var sectionLead = mustPattern(`^§\s*\d{1,5}\.?\s+(\S.*)$`)

func isAttachmentOf(s string, list []string) bool {
	for _, a := range list {
		if a == s {
			return true
		}
	}
	return false
}

// useFeed fills what the page does not say from the feed's entry, and
// warns where the two disagree.
func (p *pageParser) useFeed(d *Decision) {
	f := p.feed
	if f.title != "" {
		switch {
		case d.Title == "":
			d.Title = f.title
			p.warn("title taken from the feed: the page shows none")
		case !sameTitle(d.Title, f.title) && !sameTitle(f.title, d.Title):
			p.warn("page title %q differs from the feed's %q", d.Title, f.title)
		}
	}
	if f.body != "" {
		switch {
		case d.Body == "":
			d.Body = f.body
		case !strings.EqualFold(d.Body, f.body):
			p.warn("page body %q differs from the feed's %q", d.Body, f.body)
		}
	}
	if f.date != "" {
		switch {
		case d.MeetingDate == "":
			d.MeetingDate = f.date
		case d.MeetingDate != f.date:
			p.warn("page date %s differs from the feed's %s", d.MeetingDate, f.date)
		}
	}
}

// sameSection tells whether one of hs is the handling of § sec.
func sameSection(hs []*handling, sec int) bool {
	for _, h := range hs {
		if h.Section != nil && *h.Section == sec {
			return true
		}
	}
	return false
}

// gluedAttachment is an attachment's link caption, its number glued to its
// title ("Liite 1Aloite", "Bilaga 1Föredragning och beslutsförslag (på
// finska)"); listedNumber is a line of the list proper ("Liite 1:Aloite").
var (
	gluedAttachment = mustPattern(`^((?i:liite|bilaga) \d{1,3}) ?\pL`)
	listedNumber    = mustPattern(`^((?i:liite|bilaga) \d{1,3}):`)
)

// relisted drops the link captions of attachments the page lists again
// under their label (Turku: "Liite 1Aloite" in the text, "Liitteet:" /
// "Liite 1:Aloite" at its end; the Swedish pages caption in Swedish and
// list in Finnish): one attachment, named once, as its list names it.
func relisted(list []string) []string {
	listed := map[string]bool{}
	for _, a := range list {
		if m := listedNumber.FindStringSubmatch(a); m != nil {
			listed[strings.ToLower(m[1])] = true
		}
	}
	if len(listed) == 0 {
		return list
	}
	out := list[:0:0]
	for _, a := range list {
		if m := gluedAttachment.FindStringSubmatch(a); m != nil && listed[strings.ToLower(m[1])] {
			continue
		}
		out = append(out, a)
	}
	return out
}

// quotedCaseNumber is a CaseM case number in brackets in the text: the
// initiative's number where the council sent it on (CloudNC's Laihia, whose
// pages give the matter no number of its own).
var quotedCaseNumber = mustPattern(`\((` + caseMNumber + `)\)`)

// resolutionFormula is a body's resolution in the present tense in more
// verbs than a proposal's label is followed by (proposalFormula): electing,
// approving, appointing, noting.
var resolutionFormula = bodyOpening(`päättää|esittää|valitsee|hyväksyy|nimeää|merkitsee|beslutar|föreslår|väljer|godkänner`, `\s`)

// voteRecordRe is the record of a vote taken at the meeting, lower-cased:
// the chair finding that a vote must be taken, the voting proposal
// adopted, the vote's account (Swedish too).
var voteRecordRe = mustPattern(`oli (?:siitä |asiasta )?äänestettävä|äänestysesitys hyväksyttiin|omröstningsförslaget godkändes|i omröstningen(?:,| )`)
