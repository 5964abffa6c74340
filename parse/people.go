package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleSuffixes end Finnish and Swedish job titles. A word ending in one is part
// of a person's title even when capitalised ("Muutosjohtaja Eija Kellokoski-Kari").
var titleSuffixes = []string{
	"johtaja", "päällikkö", "pormestari", "sihteeri", "suunnittelija", "asiantuntija",
	"koordinaattori", "insinööri", "lakimies", "kamreeri", "tarkastaja", "arkkitehti",
	"ohjaaja", "isännöitsijä", "kirjaaja", "esimies", "vastaava", "neuvos", "hoitaja",
	"lääkäri", "rehtori", "kehittäjä", "juristi", "ekonomi", "sihteeri", "intendentti",
	"assistentti", "puheenjohtaja", "jäsen", "valmistelija", "esittelijä", "kanslisti",
	"direktör", "chef", "sekreterare", "planerare", "ingenjör", "jurist", "föredragande",
	"ordförande", "ledamot", "edustaja", "representant", "kamrer", "handläggare", "koordinator", "rektor", "kontrollant",
	// Swedish titles in the definite form, as a proposal's owner is named
	// ("Förslag: Stadsdirektören").
	"direktören", "chefen", "sekreteraren", "ingenjören", "juristen", "ordföranden", "rektorn",
}

func isTitleWord(w string) bool {
	w = lower(strings.TrimRight(w, ".,:;"))
	for _, s := range titleSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// mailLabel is an e-mail address's label inside a contact line, with no
// comma before it.
var mailLabel = mustPattern(`\s+((?i:sähköposti|s-posti|e-?mail|e-post)\b)`)

// tightSlash is a slash between two words with no spaces.
var tightSlash = mustPattern(`(\p{L})/(\p{L})`)

// contactLabel is the word before an e-mail address in a contact line.
var contactLabel = mustPattern(`^(?i:e-?mail|sähköposti|s-posti|e-post)\s*:?\s*`)

// emailExpr is an e-mail address, also written against harvesters as
// "heidi.nygren(at)orimattila.fi".
const emailExpr = `[\p{L}\p{N}._%+-]+(?:@|\(at\))[\p{L}\p{N}.-]+\.\p{L}{2,}`

// phoneThenEmail is a phone number followed by an e-mail address with no
// comma between them.
var phoneThenEmail = mustPattern(`(\d)\s+(` + emailExpr + `)`)

// phoneThenAnd is a phone number ending one person of a list, "ja" or
// "sekä" the next: "… puh. 040 123 4567 ja talousjohtaja Pekka Puu".
var phoneThenAnd = mustPattern(`(\d{3})\s+(?:ja|sekä|och)\s+`)

// slashList reports whether every piece of a line between " / " names
// someone (a name of two words or more).
func slashList(line, place string) bool {
	for _, part := range strings.Split(line, " / ") {
		named := false
		for _, pe := range personsIn(strings.TrimSpace(listSplit.Split(part, 2)[0]), place) {
			named = named || len(strings.Fields(pe.Name)) >= 2
		}
		if !named {
			return false
		}
	}
	return true
}

// leadingAnd is a conjunction opening a piece of a list of people.
var leadingAnd = mustPattern(`^(?:ja|sekä|och)\s+`)

// parenPhone is a phone number in parentheses after a name.
var parenPhone = mustPattern(`\s*\((?:(?i:puh|p|tel|tfn)\.?\s*)?(\+?\d[\d -]{5,}\d)\)`)

// isFirstName reports a piece that is one capitalised word and no title.
func isFirstName(s string) bool {
	return !strings.ContainsAny(s, " .@0123456789") && startsUpper(s) && !isTitleWord(s)
}

// addressRe is a street address or a postcode and town in a contact line.
var addressRe = mustPattern(`^\d{5} \p{Lu}\p{L}+$|^\p{Lu}\p{L}*(?:tie|katu|kuja|polku|väylä|rinne|raitti|vägen|gatan) \d+\s?\p{L}?$`)

// placeTail is the organisation some sites write after a presenter's
// name: "Sivistysjohtaja Risteelä Virpi Iin kunta".
var placeTail = mustPattern(`\s+\p{Lu}\p{L}*\s+(?:kunta|kaupunki|kommun|stad)$`)

// nameParticles may sit inside a name written in lower case ("Carl af Forselles").
var nameParticles = map[string]bool{"af": true, "von": true, "van": true, "de": true, "der": true, "da": true}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// splitTitleName splits "Vt. kaupunginjohtaja Marjo Säärelä" into title and
// name. The name is the run of capitalised words at the end; a name has at most
// two words (three after a known title), so capitalised words before them
// belong to the title. place, when
// not empty, is the organisation's first word ("Kemijärven"): some Dynasty sites
// append the municipality after the presenter's name ("Säärelä Marjo
// Kemijärvi"), and a trailing word sharing its stem is dropped.
func splitTitleName(s, place string) (title, name string) {
	s = placeTail.ReplaceAllString(strings.TrimRight(strings.TrimSpace(s), ".,;:"), "")
	words := strings.Fields(s)
	if len(words) == 0 {
		return "", ""
	}
	i := len(words)
	for i > 0 {
		w := words[i-1]
		if nameParticles[w] && i < len(words) {
			i--
			continue
		}
		if !startsUpper(w) || isTitleWord(w) {
			break
		}
		i--
	}
	if i == len(words) {
		// No capitalised name at the end: "Juho Pulkka hallintojohtaja",
		// the name first and the title after it (a word cut at a hyphen,
		// "SOSIAALI- JA TERVEYSJOHTAJA", is a title's, never a name's).
		j := 0
		for j < len(words) && startsUpper(words[j]) && !isTitleWord(words[j]) && !strings.HasSuffix(words[j], "-") {
			j++
		}
		if j >= 2 && j <= 3 && j < len(words) {
			return strings.Join(words[j:], " "), strings.Join(words[:j], " ")
		}
	}
	nameWords := words[i:]
	if len(nameWords) >= 3 && place != "" && sameStem(nameWords[len(nameWords)-1], place) {
		nameWords = nameWords[:len(nameWords)-1]
	}
	// At most two names, not counting initials ("Toni K. Korkalainen"),
	// where the first word may be a title of its own ("Kaavoittaja Matti
	// Meikäläinen"); three after a title known as one ("hallintojohtaja Anna
	// Maria Virtanen").
	most := 2
	if i > 0 && (!startsUpper(words[i-1]) || isTitleWord(words[i-1])) {
		most = 3
	}
	for names(nameWords) > most {
		i++
		nameWords = nameWords[1:]
	}
	if i > 0 && len(nameWords) >= 3 && unitAbbrev(nameWords[0]) && !unitAbbrev(nameWords[1]) {
		// "apulaiskaupunginjohtaja KYP Jari Kyllönen": the unit's
		// abbreviation belongs to the title.
		i++
		nameWords = nameWords[1:]
	}
	return strings.Join(words[:i], " "), strings.Join(nameWords, " ")
}

// unitAbbrev reports a word of two to five capital letters: a unit's
// abbreviation (KYP, HYTE), not a name.
func unitAbbrev(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 5
}

// names counts the words of a name that are not initials.
func names(words []string) int {
	n := 0
	for _, w := range words {
		if !initial.MatchString(w) && !nameParticles[w] {
			n++
		}
	}
	return n
}

var initial = mustPattern(`^\p{Lu}\.$`)

// sameStem reports whether two words share their first five letters or more,
// enough to tie "Kemijärvi" to "Kemijärven" without a list of municipalities.
func sameStem(a, b string) bool {
	ra, rb := []rune(lower(a)), []rune(lower(b))
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n >= 5 && n >= len(ra)-2 && n >= len(rb)-3
}

var (
	// phoneRe: "puh. 040 199 2146", "Puh.044 4491 251", "tfn 040 …", and
	// typed as "pih." (seen).
	phoneRe = mustPattern(`(?i)(?:^|[\s,])(?:puh\.?|p\.|pih\.|puhelin|tel\.?|tfn\.?|gsm|mob\.?)?:?\s*(\+?\d[\d -]{5,}\d)$`).
		withCheck(endsWithDigit)
	emailRe       = mustPattern(emailExpr)
	templateEmail = mustPattern(`(?i)^(?:etunimi|firstname|förnamn|fornamn)\.`)
	listSplit     = mustPattern(`\s*[,;]\s*`)
	// orSplit: "puh. 040 183 3165 tai terhi.paananen@perho.com".
	orSplit  = mustPattern(`\s+(?:tai|eller)\s+`)
	andSplit = mustPattern(`\s+(?:ja|och|sekä)\s+`)
)

// parsePersons reads a preparer or presenter line: people separated by commas
// or "ja", each optionally followed by a phone number and an e-mail address. A
// template address (etunimi.sukunimi@…) belongs to nobody and is skipped.
func parsePersons(line, place string) []Person {
	var people []Person
	var pending string // a title-only piece joined to the next: "kehittämis- ja hallintojohtaja"
	// An e-mail address ends a person: several may share a line without
	// commas ("… Jarno Ovaska jarno.ovaska(at)orimattila.fi Varhaiskasvatuspäällikkö …").
	line = emailRe.ReplaceAllStringFunc(line, func(e string) string { return e + "," })
	line = phoneThenEmail.ReplaceAllString(line, "$1, $2") // "… p. 040 123 4567 liisa.laine@…"
	line = phoneThenAnd.ReplaceAllString(line, "$1, ")     // "… puh. 040 123 4567 ja talousjohtaja …"
	line = orSplit.ReplaceAllString(line, ", ")
	line = mailLabel.ReplaceAllString(line, ", $1") // "… puhelin 040 123 4567 sähköposti liisa.laine@…"
	if !strings.Contains(line, " / ") && strings.Contains(line, "/") {
		// "hallintojohtaja Liisa Laine/talousjohtaja Pekka Puu": a list
		// written without spaces.
		if spaced := tightSlash.ReplaceAllString(line, "$1 / $2"); slashList(spaced, place) {
			line = spaced
		}
	}
	if strings.Contains(line, " / ") && slashList(line, place) {
		// "hallintojohtaja Liisa Laine / talousjohtaja Pekka Puu": a list;
		// "kunnanjohtaja / kommundirektör Matti Meikäläinen" is one title.
		line = strings.ReplaceAll(line, " / ", ", ")
	}
	line = parenPhone.ReplaceAllString(line, ", $1, ") // "Merja Honkanen (040 5411 948)", "… (p. 040 …) ja …"
	for _, seg := range listSplit.Split(line, -1) {
		seg = contactLabel.ReplaceAllString(strings.TrimSpace(seg), "")
		seg = leadingAnd.ReplaceAllString(seg, "") // "…, 040 123 4567, ja talousjohtaja Pekka Puu"
		if seg == "" || addressRe.MatchString(seg) {
			continue // "Kermanrannantie 7", "79700 Heinävesi": where, not who
		}
		if n := len(people); n > 0 && isFirstName(seg) && !strings.Contains(people[n-1].Name, " ") &&
			people[n-1].Name != "" && people[n-1].Phone == "" && people[n-1].Email == "" {
			// "Parkkonen, Jari": surname, comma, first name.
			people[n-1].Name += ", " + seg
			continue
		}
		if emailRe.MatchString(seg) && strings.Count(seg, " ") == 0 {
			if !templateEmail.MatchString(seg) && len(people) > 0 && people[len(people)-1].Email == "" {
				people[len(people)-1].Email = seg
			}
			continue
		}
		if m := phoneRe.FindStringSubmatch(seg); m != nil {
			rest := strings.TrimSpace(seg[:len(seg)-len(m[0])])
			if rest == "" {
				if len(people) > 0 && people[len(people)-1].Phone == "" {
					people[len(people)-1].Phone = m[1]
				}
				continue
			}
			// "Otto Koskela puh. 040 199 2146": person and phone in one piece.
			ps := personsIn(pending+rest, place)
			if n := len(people); len(ps) == 0 && pending == "" && n > 0 && people[n-1].Name != "" &&
				people[n-1].Title == "" && people[n-1].Phone == "" && isTitleWord(strings.TrimSuffix(rest, ":")) {
				// "Liisa Laine, tiimipäällikkö: 09 310 37211": the title and
				// phone of the name before, which has neither yet.
				people[n-1].Title = strings.TrimSuffix(rest, ":")
				people[n-1].Phone = m[1]
				continue
			}
			if len(ps) == 0 && isTitleWord(rest) {
				// "liikuntasihteeri 040 573 1123": known by title and phone.
				ps = []Person{{Title: rest}}
			}
			people = append(people, ps...)
			pending = ""
			if len(people) > 0 {
				people[len(people)-1].Phone = m[1]
			}
			continue
		}
		var email string
		if e := emailRe.FindString(seg); e != "" {
			seg = strings.TrimSpace(strings.Replace(seg, e, "", 1))
			if !templateEmail.MatchString(e) {
				email = e
			}
		}
		if n := len(people); pending == "" && oneWord(seg) && n > 0 && strings.Contains(people[n-1].Name, " ") &&
			people[n-1].Title == "" && people[n-1].Phone == "" && people[n-1].Email == "" {
			// "Olli-Pekka Ihalainen, Maastotyöpäälikkö, olli-pekka.ihalainen@…",
			// "Ismo Ahonen, kaupunginpuutarhuri, …": one word after a
			// full name is that person's title, whatever the word; a
			// person is never named by one word there.
			people[n-1].Title = seg
			if email != "" {
				people[n-1].Email = email
			}
			continue
		}
		ps := personsIn(pending+seg, place)
		pending = ""
		if len(ps) == 0 && email != "" {
			// Known only by the address: "asianhallintapäällikkö jaana.nihtila@…".
			people = append(people, Person{Title: strings.TrimSpace(seg), Email: email})
			continue
		}
		if len(ps) == 0 {
			pending = seg + ", "
			continue
		}
		if email != "" {
			ps[len(ps)-1].Email = email
		}
		people = append(people, ps...)
	}
	if t := strings.TrimRight(strings.TrimSpace(pending), ",:"); t != "" && len(people) > 0 && people[len(people)-1].Title == "" &&
		isTitleWord(lastWord(t)) && len(strings.Fields(t)) <= 4 {
		// "Meikäläinen Matti, kunnanjohtaja": the title after the name.
		people[len(people)-1].Title = t
	}
	return people
}

// oneWord reports one word of letters (hyphens inside allowed).
func oneWord(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// personsIn splits one comma-free piece on "ja"/"och" where both sides name a
// person ("Tekninen ja ympäristöjohtaja Pekka Ojala" is one person), and reads
// title and name of each.
func personsIn(seg, place string) []Person {
	var out []Person
	start := 0 // start of the piece still being read
	seps := andSplit.FindAllStringIndex(seg, -1)
	for i := 0; i <= len(seps); i++ {
		end := len(seg)
		if i < len(seps) {
			end = seps[i][0]
		}
		title, name := splitTitleName(seg[start:end], place)
		if i < len(seps) && len(strings.Fields(name)) < 2 {
			continue // half a title or a lone word: read on past the "ja"
		}
		if name != "" {
			out = append(out, Person{Name: name, Title: title})
		}
		if i < len(seps) {
			start = seps[i][1]
		}
	}
	return out
}

// presenterFrom reads the presenter line, which names one person, or only a
// title ("Kaupunginjohtaja", seed 002).
func presenterFrom(line, place string) *Person {
	line = strings.TrimSpace(line)
	if line == "" {
		return nil
	}
	if bodyPresenter.MatchString(line) {
		// "Esittelijä Kunnanhallitus": a body presents the council's item.
		return &Person{Title: strings.TrimRight(line, ".:")}
	}
	if !emailRe.MatchString(line) && !strings.ContainsAny(line, "0123456789") {
		// One person, no contact details: commas belong to a title written
		// out in full ("Toimialajohtaja, Arki- ja vapaa-aika / Sektordirektör,
		// Vardag och fritid Pietinen Jukka"), as long as the name stands
		// after it.
		if title, name := splitTitleName(line, place); name != "" && title != "" && strings.Contains(title, ",") &&
			!strings.Contains(name, ",") {
			return &Person{Name: name, Title: title}
		}
	}
	first, after, _ := strings.Cut(line, ",")
	if after = strings.TrimSpace(after); strings.Contains(after, ",") {
		after = ""
	}
	if ps := parsePersons(line, place); len(ps) > 0 {
		p := ps[0]
		if p.Title == "" && p.Name == strings.TrimSpace(first) && after != "" && p.Phone == "" && p.Email == "" {
			// "Petri Juhola, yhdyskuntatekniikan pääll" (CloudNC, cut inside
			// the title): the name, then the title as written.
			p.Title = after
		}
		return &p
	}
	title, name := splitTitleName(first, place)
	if title == "" && name == "" {
		return nil
	}
	return &Person{Name: name, Title: title}
}

// bodyPresenter is a body's name standing for the presenter.
var bodyPresenter = mustPattern(`^(?:\p{Lu}\p{Ll}*(?:hallitus|lautakunta|valiokunta|jaosto|johtokunta|styrelse|styrelsen|nämnd|nämnden|sektion|sektionen))[.:]?$`)

// acting holds the abbreviations that say an official is acting in the
// post (vs. viransijainen, vt. virkaa tekevä, va. vastaava, ma.
// määräaikainen), lower case; actingExpr is the same for a pattern.
var acting = map[string]bool{"vs": true, "vt": true, "va": true, "ma": true}

const actingExpr = `(?i:vs|vt|va|ma)`

// implicitPresenter matches a line that is only a presenter's title, which some
// sites print instead of an "Esittelijä" label (seed 002: "Kaupunginjohtaja").
var implicitPresenter = mustPattern(`^(?:` + actingExpr + `\.? )?(?:(?:\p{Lu}\p{Ll}+(?:- ja)? )?\p{Lu}?\p{Ll}*(?:johtaja|päällikkö|pormestari|direktör|direktören|borgmästare)|\p{Lu}+(?:JOHTAJA|PÄÄLLIKKÖ|PORMESTARI)):?$`).
	withCheck(func(s string) bool { return strings.Count(s, " ") <= 4 }) // a title of at most four words
