package parse

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ValidOutcome reports whether s is one of Outcomes.
func ValidOutcome(s string) bool {
	for _, o := range Outcomes {
		if string(o) == s {
			return true
		}
	}
	return false
}

// ownBecame is the proposal itself becoming the decision: "Esittelijän
// ehdotus tuli näin lautakunnan päätökseksi", "Puheenjohtaja totesi
// kaupunginhallituksen päätökseksi tulleen pohjaehdotuksen", "Lautakunnan
// päätökseksi tuli esittelijän ehdotus".
const ownBecame = `(?:esittelijän |pohja|päätös|\S*hallituksen )(?:ehdotus|esitys) tuli (?:\S+ ){0,3}?päätökseksi|(?:esittelijän |pohja|päätös|\S*hallituksen )(?:ehdotuksen|esityksen) tulleen (?:\S+ ){0,3}?päätökseksi|päätökseksi (?:tuli|tulleen) (?:esittelijän |pohja|päätös|\S*hallituksen )(?:ehdotu|esity)`

// asProposed is the decision said to be the proposal's: "Päätös on
// (esittelijän) ehdotuksen mukainen", "Beslutet är förenligt med förslaget".
const asProposed = `(?:päätös|esitys|beslutet) (?:on|oli|är) (?:\S+ )?(?:ehdotuksen mukainen|esityksen mukainen|förenligt med förslaget)|beslutet (?:överensstämmer|stämmer överens) med förslaget`

// Wording of outcomes (docs/dynasty.md, "Decisions and their outcomes"). Each pattern
// is matched against lower-cased decision text.
var (
	withdrawnRe = mustPattern(`(?:drog|drar) tillbaka (?:sitt )?förslag|(?:vetävänsä|veti|vetäneen) (?:\S+ )?(?:päätös)?(?:ehdotuksensa|esityksensä|asian) pois|poistettiin (?:kokouksen )?(?:esitys)?listalta|poistettu (?:esitys)?listalta|peruutti esityksensä|peruutti (?:päätös)?ehdotuksensa|asia poist(?:ui|uu) (?:käsittelystä|esityslistalta)|peruutti asian|poisti asian|vetäsi asian pois|poistettiin käsittelystä|poistettiin käsiteltävien asioiden joukosta|poistettiin käsiteltävistä asioista|päätti (?:\S+ ){0,3}?poistaa asian|ärendet avfördes|ströks från föredragningslistan|avfördes från föredragningslistan|drog tillbaka ärendet|ärendet drogs tillbaka|föredraganden återtog`)
	tabledRe    = mustPattern(`^pöydälle (?:\S+ ){0,5}?ehdotuksesta|jätettiin (?:\S+ ){0,6}?pöydälle|pitää asian pöydällä|jatkaa (?:asian )?käsittelyä seuraavassa kokouksessa|käsittelyä jatketaan seuraavassa kokouksessa|pani asian (?:\S+ )?pöydälle|siirrettiin (?:\S+ )?seuraavaan kokoukseen|siirtää (?:asian )?(?:käsittelyn )?seuraavaan kokoukseen|(?:päätettiin|päätti) jättää (?:\S+ )?pöydälle|jättää asian pöydälle|jättää asia pöydälle|panna asian (?:\S+ )?pöydälle|pantiin pöydälle|jätti asian (?:\S+ )?pöydälle|lykätä asian käsittelyä|käsittely keskeytettiin|lykkäsi asian käsittelyä|asian käsittelyä lykättiin|pöydättiin|pöydätä|pöytäsi|pöydätään|pöydällepanoehdotu\w* (?:hyväksyttiin|voitti|tuli hyväksytyksi|sai enemmistön)|pöydällepanoehdotuksen tulleen (?:\S+ )?hyväksytyksi|hyväksyi [^.]{0,40}pöydällepanoehdotuksen|jääneen (?:\S+ ){0,6}?pöydälle|jäi (?:\S+ ){0,6}?pöydälle|jää (?:\S+ ){0,6}?pöydälle|jätetyksi pöydälle|käsiteltäväksi seuraavassa kokouksessa|jatketaan seuraavassa kokouksessa|käsitellään uudelleen seuraavassa kokouksessa|jätetään (?:\S+ )?pöydälle|bordlades|bordläggs|bordlägga ärendet|bordlade (?:\S+ ){0,2}?ärendet`)
	returnedRe  = mustPattern(`(?:sände|sänder|återsände) (?:\S+ )?ärendet tillbaka|^palautettiin (?:\S+ )?\S*(?:hallitukselle|lautakunnalle|jaostolle|valmisteluun|valmisteltavaksi)|palauttaa (?:\S+ ){1,4}?asian (?:\S+ ){0,3}?(?:uudelleen |lisä)?(?:valmisteltavaksi|valmisteluun)|(?:päätti|päätettiin) (?:\S+ ){0,3}?palauttaa asian(?:\.|$| takaisin| uudelleen| lisä| valmist| kunnanhallituk| kaupunginhallituk| hallituk| lautakunn)|(?:lähettää|lähetti|palauttaa|palautti) asian takaisin (?:valmisteluun|valmisteltavaksi)|(?:lähettää|lähetti) asian uudelleen (?:valmisteluun|valmisteltavaksi)|valmistellaan uudelleen|palautettiin (?:\S+ )?(?:uudelleen |lisä)?(?:valmisteltavaksi|valmisteluun)|palautti asian (?:lisä)?valmisteluun|palauttaa asian (?:uudelleen |lisä)?(?:valmisteltavaksi|valmisteluun)|päätettiin palauttaa (?:uudelleen |lisä)?(?:valmisteltavaksi|valmisteluun)|palautti asian|palaut(?:taa|ti) asian (?:\S+ ){1,3}?(?:uudelleen |lisä)?(?:valmisteltavaksi|valmisteluun)|(?:päätti|päätettiin) (?:\S+ )?palauttaa (?:ehdotuksen|esityksen) (?:uudelleen |lisä)?(?:korjattavaksi|valmisteltavaksi|valmisteluun)|palautettiin (?:\S+ )?korjattavaksi|palautusehdotu\w* (?:hyväksyttiin|voitti|tuli hyväksytyksi|sai enemmistön)|palautusehdotuksen tulleen (?:\S+ )?hyväksytyksi|hyväksyi [^.]{0,40}palautusehdotuksen|palautetuksi (?:uudelleen |lisä)?(?:valmisteltavaksi|valmisteluun)|palautetaan (?:uudelleen |lisä)?(?:valmisteltavaksi|valmisteluun)|återremitterades|återremitteras|remitterades tillbaka|återremittera ärendet|återremitterade ärendet`)
	counterRe   = mustPattern(`(?:vasta|muutos|lisäys)(?:ehdotu|esity)\w* (?:voitti|hyväksyttiin|tuli hyväksytyksi|sai enemmistön)|hyväksyneen [^.]{0,60}(?:vasta|muutos|lisäys)ehdotuksen|hyväksynyt [^.]{0,60}(?:vasta|muutos|lisäys)ehdotuksen|(?:vasta|muutos|lisäys)ehdotuksen [^.]{0,40}hyväksytyksi|hyväksyi [^.]{0,60}(?:muutos|lisäys)ehdotuksen|hyväksyi [^.]{0,60}(?:vasta|muutos|lisäys)ehdotuksella|(?:vasta|muutos|lisäys)ehdotuksen mukaisesti|hyväksy(?:i|ä) [^.]{0,60}vasta(?:ehdotuksen|esityksen)|motförslag\w* (?:vann|godkändes)|godkände [^.]{0,40}motförslag|enligt [^.]{0,40}motförslag|muutti (?:päätös)?ehdotustaan|ändrade sitt förslag|(?:vasta|muutos)esitys\w* (?:voitti|hyväksyttiin)|hyväksyttiin (?:\S+ ){0,3}?(?:vasta|muutos)(?:esitys|ehdotus)(?:[^\p{L}]|$)`).
			withCheck(func(s string) bool {
			return containsAny(s, "vastaehdotu", "muutosehdotu", "lisäysehdotu", "vastaesity", "muutosesity", "lisäysesity", "motförslag", "muutti ", "ändrade sitt")
		})
	rejectObjRe = mustPattern(`(?:^|[^\p{L}])(?:päätös)?(?:ehdotus|esitys) hylättiin|hylkäysehdotu\w* (?:hyväksyttiin|voitti|tuli hyväksytyksi)|hyväksyi [^.]{0,40}hylkäysehdotuksen|(?:hylkäsi|hylänneen|hylännyt) (?:esittelijän |\S*hallituksen |\S*lautakunnan )?(?:päätös)?(?:ehdotuksen|esityksen)|(?:förkastade|avslog) (?:föredragandens |\S*styrelsens |\S*nämndens )?förslag|(?:omfattade|godkände) inte (?:\S+ )?förslag|hylätä (?:esittelijän )?(?:päätös)?(?:ehdotu|esity)|ei hyväksynyt (?:esittelijän )?(?:päätös)?(?:ehdotusta|esitystä)|(?:päätös)?(?:ehdotusta|esitystä) ei hyväksytty|förslaget (?:förkastades|avslogs)|förkastade förslaget|avslog förslaget|att inte godkänna|beslöt inte godkänna|godkändes inte`)
	rejectAnyRe = mustPattern(`hylättiin|hylkäsi|päätti (?:\S+ ){0,3}?hylätä|förkastades|avslogs|beslöt (?:att )?(?:avslå|förkasta)|avslog`)
	notedRe     = mustPattern(`(?:(?:päätti|päättää|päättivät|päätettiin) (?:yksimielisesti )?)?merkitä (?:\S+ ){0,8}?tie(?:doksi|dokseen|toon|toonsa)|merkits(?:ee|i|ivät) (?:\S+ ){0,8}?tiedokseen|merkits(?:ee|i|ivät) (?:[^\s,.]+ ){0,3}?tiedoksi|merkittiin tiedoksi|merkitty (?:\S+ )?tiedoksi|tiedoksi merkittiin|merkitään tiedoksi|merkits(?:ee|i|ivät) (?:\S+ ){0,8}?tietoonsa|merkittiin tietoon|merkitään tietoon|(?:(?:beslöt|beslutar|beslutade) (?:att )?)?anteckna(?:r)?\b[^.]{0,80}(?:för|till) kännedom|antecknade[^.]{0,40}(?:för|till) kännedom|antecknas[^.]{0,40}(?:för|till) kännedom|antecknades[^.]{0,40}(?:för|till) kännedom|(?:^|\n|\. )\S+ antecknade |för kännedom till protokollet`)
	actionRe    = mustPattern(`hyväksy|pyysi|pyytää|antaa asian|antoi asian|keskustelee|keskustellaan|diskuterar|otto-oikeu|övertagningsrät|utnyttja|lähettä|lähetti|päättää|päätti|valitse|valitsi|myöntä|myönsi|esittää|esitti|nimeä|valtuutta|oikeutta|hylkää|hylätä|antaa (?:\S+ ){0,3}?lausunno|antoi (?:\S+ ){0,3}?lausunno|kehottaa|kehotti|edellyttää|edellytti|velvoitti|vahvista|osoittaa|godkänn|godkände|beslut|beslöt|väljer|valde|beviljar|föreslår|ålägger|ålade|uppdrar|uppdrog|uppmanar|uppmanade|bemyndigar|bemyndigade|förutsätter|förutsatte|velvoittaa` +
		// "Valmistellaan ja merkitään tiedoksi arviointisuunnitelma": the
		// verb, not the noun (talousarvion valmistelun tilanne merkitään
		// tiedoksi) nor valmistelija.
		`|\bvalmistel(?:laan|la|ee|evat|i|ivat)\b`)
	// bodyAdoptsCounterRe: the body itself (not a member, who only seconds)
	// supported a counter-proposal.
	bodyAdoptsCounterRe = mustPattern(`(?:lautakunta|hallitus|valtuusto|jaosto|johtokunta|toimikunta|neuvosto) (?:yksimielisesti )?kannatti (?:\S+ ){0,2}(?:vasta|muutos)ehdotust` +
		// "… vapaa-ajanjaosto päättää yksimielisesti lisätä seuraavan kappaleen
		// lausuntoon": the body changing its proposal in the handling.
		`|(?:lautakunta|hallitus|valtuusto|jaosto|johtokunta|toimikunta|neuvosto) (?:päättää|päätti) (?:yksimielisesti )?(?:lisätä|muuttaa|poistaa|täydentää|tarkentaa|korjata) `)
	proposesRejection = mustPattern(`hylkää|hylätä|hylkäämään|avslår|avslå|förkastar`)
	approvedRe        = mustPattern(`(?:päätös)?(?:ehdotus|esitys) hyväksyttiin|förslaget (?:har )?godkänts|(?:hallitus|valtuusto|lautakunta|jaosto|johtokunta|toimikunta|neuvosto) kannatti (?:esittelijän )?(?:päätös)?(?:ehdotusta|esitystä)|(?:esittelijän |pohja)(?:päätös)?(?:ehdotus|esitys) voitti|(?:föredragandens |ordförandens )?(?:besluts)?förslag godkändes|godkändes (?:besluts)?förslaget|enligt beslutsförslaget|(?:päätös)?(?:ehdotus|esitys) on hyväksytty|hyväksyi (?:esittelijän )?(?:päätös)?(?:ehdotuksen|esityksen)|päätti [^.]{0,40}hyväksyä|hyväksyi [^.]{0,40}(?:päätös)?(?:ehdotuksen|esityksen)|(?:päätös)?(?:ehdotuksen|esityksen) mukaisesti|förslaget godkändes|godkände förslaget|godkände (?:\S+ ){1,2}förslag\b|beslöt (?:enhälligt )?godkänna|enligt förslaget|instämde i [^.]{0,40}förslag|(?:päätös)?(?:ehdotuksen|esityksen) (?:\S+ ){0,2}?hyväksytyksi|hyväksyneen (?:\S+ )?(?:päätös)?(?:ehdotuksen|esityksen)|hyväksynyt (?:päätös)?(?:ehdotuksen|esityksen)|yhtyi [^.]{0,40}(?:ehdotukseen|esitykseen)`)
	// adoptsProposalRe: the decision adopted the proposal itself, whose
	// outcome is then the decision's ("hyväksyi aluehallituksen ehdotuksen"
	// where the proposal was only to take note: noted).
	adoptsProposalRe = mustPattern(ownBecame + `|godkände (?:enhälligt )?(?:föredragandens |\S*direktörens )?(?:besluts)?förslaget|i enlighet med (?:besluts)?förslaget|omfatta(?:de|t) (?:enhälligt )?(?:föredragandens |\S*direktörens |ordförandens |\S*styrelsens |nämndens )?(?:besluts)?förslag|hyväksy(?:neen|nyt) (?:\S+ ){0,3}?(?:esittelijän |pohja)?(?:päätös)?(?:ehdotuksen|esityksen)|(?:ehdotus|esitys) hyväksyttiin|hyväksyttiin (?:\S+n )?(?:päätös)?(?:ehdotuksen|esityksen) (?:mukaan|mukaisena)|(?:esittelijän |pohja)(?:päätös)?(?:ehdotus|esitys) voitti|hyväksyi (?:\S+ ){0,4}(?:päätös)?(?:ehdotuksen|esityksen)|(?:päätös)?(?:ehdotuksen|esityksen) mukaisesti|päätti (?:\S+ )?(?:päätös)?(?:ehdotuksen|esityksen) mukaan|` + asProposed + `|yhtyi [^.]{0,40}(?:ehdotukseen|esitykseen)|förslaget godkändes|(?:föredragandens |ordförandens )?(?:besluts)?förslag godkändes|godkändes (?:besluts)?förslaget|enligt beslutsförslaget|godkände förslaget|godkände (?:\S+ ){1,2}förslag\b|godkänna (?:\S+ )?förslaget|enligt förslaget|(?:enligt|i enlighet med) (?:föredragandens|ordförandens|\S*styrelsens|nämndens) (?:besluts)?förslag|instämde i [^.]{0,40}förslag`)
	// voteOptionRe: a line putting a vote's options ("EI-ehdotus: Virtasen
	// vastaehdotuksen mukaisesti"), which names a counter-proposal whether
	// or not it won.
	voteOptionRe = mustPattern(`(?m)^(?:jaa|ei|ja|nej)[- ](?:ehdotus|förslag)\b.*$`)
	plainApprove = mustPattern(`^(?:(?:esittelijän |puheenjohtajan )?(?:päätös)?(?:ehdotus|esitys) )?(?:hyväksyttiin|hyväksytty)(?: yksimielisesti| sellaisenaan| esitetyssä muodossa| äänin \d{1,2} ?[–-] ?\d{1,2}| äänestyksen jälkeen| keskustelun jälkeen| ilman keskustelua| ilman muutoksia){0,3}\.?$|^yksimielisesti hyväksyttiin\.?$|^hyväksyttiin (?:yksimielisesti )?(?:esittelijän |puheenjohtajan )?(?:päätös)?(?:ehdotus|esitys)\.?$|^hyväksytään\.?$|^hyväksyi\.?$|^(?:vahvistettiin|todettiin|valittiin|myönnettiin)(?: yksimielisesti)?\.?$|^(?:fastställdes|beviljades)(?: enhälligt)?\.?$|^(?:\S+n )?(?:päätös)?(?:ehdotuksen|esityksen) (?:mukaan|mukainen|mukaisesti|mukaisena)(?: yksimielisesti)?\.?$|^(?:förslaget )?(?:godkändes|godkänt|godkänns)(?: enhälligt)?\.?$|^beslutet fattades(?: enhälligt)?\.?$|^(?:enligt|i enlighet med) (?:besluts)?förslag(?:et)?(?: enhälligt)?\.?$`).
			withCheck(func(s string) bool { return strings.Count(s, " ") <= 14 }) // each form has at most 14 spaces (two before the verb, three modifiers of up to four)
)

// inSomeSentence is re.MatchString(s) for a pattern none of whose matches
// holds a full stop (counterRe: its gaps are [^.]), asked of each sentence
// in turn: short texts are matched by regexp's backtracker, a long one by
// its slower machine.
func inSomeSentence(re *pattern, s string) bool {
	if !re.possible(s) {
		return false
	}
	for s != "" {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return re.MatchString(s)
		}
		if re.MatchString(s[:i]) {
			return true
		}
		s = s[i+1:]
	}
	return false
}

// amendedForms are the wordings of a proposal adopted with changes, each
// found as written anywhere in the decision ("hyväksyttiin muutettuna",
// "sillä muutoksella, että", "med följande ändring").
var amendedForms = []string{
	"muutettuna", "täydennettynä", "lisättynä", "korjattuna", "täsmennettynä", "tarkennettuna",
	"muutoksin", "lisäyksin", "lisäyksellä", "täydennyksin", "täydennyksellä",
	"tarkennuksin", "tarkennuksella", "tarkennuksilla", "korjauksin", "korjauksella", "korjauksilla",
	"muutoksilla", "lisäyksillä", "täydennyksillä", "kuitenkin siten", "sillä erotuksella",
	"seuraavalla muutoksella", "sillä muutoksella", "sellaisella muutoksella", "muutoksella, että",
	"muutoin ehdotuksen mukaisesti", "muutoin esityksen mukaisesti", "muutoin päätösehdotuksen mukaisesti",
	"muilta osin ehdotuksen mukaisesti", "muilta osin esityksen mukaisesti", "muilta osin päätösehdotuksen mukaisesti",
	"ponnella", "ponsilla", "täydennettiin", "jota muutettiin", "joita muutettiin", "i övrigt enligt förslaget",
	"muutetussa muodossa", "muutettu ehdotus", "muutettu päätösehdotus", "muutetun ehdotuksen", "muutetun päätösehdotuksen",
	"täydennetty ehdotus", "täydennetty päätösehdotus", "täydennetyn ehdotuksen", "täydennetyn päätösehdotuksen",
	"korjattu ehdotus", "korjattu päätösehdotus", "korjatun ehdotuksen", "korjatun päätösehdotuksen",
	"muutettu esitys", "muutetun esityksen", "muutettu päätösesitys", "muutetun päätösesityksen", "muutti esitystään", "muutti päätösesitystään",
	"muuttaman ehdotuksen", "muuttaman päätösehdotuksen", "muuttaman esityksen", "muuttaman päätösesityksen",
	"muutoksen päätösehdotukseen", "muutoksen ehdotukseen", "muutoksen esitykseen", "muutoksen päätösesitykseen",
	"täydennyksen päätösehdotukseen", "täydennyksen ehdotukseen", "täydennyksen esitykseen", "ändrade förslag",
	"täydensi ehdotustaan", "täydensi päätösehdotustaan", "kompletterade sitt förslag", "kompletterat förslag",
	"uusi päätösehdotus", "uuden päätösehdotuksen", "uusi ehdotus hyväksyttiin",
	"ehdotuksesta poiketen", "ehdotuksesta poikkeav", "esityksestä poiketen", "esityksestä poikkeav",
	"med följande ändring", "med ändring", "med de ändringar", "med den ändringen", "med ändringen", "med tillägg", "med följande tillägg", "ändrat förslag", "i ändrad form", "godkändes ändrat", "med avvikelse från",
}

// motionMadeRe is a motion or a vote told in a decision: a member's
// proposal ("Virtanen ehdotti, että …"), a counter-proposal, a vote.
var motionMadeRe = mustPattern(`ehdotti|esitti,? että|kannattamana|föreslog|understödd|vastaehdot|muutosehdot|äänest|äänin|omröst|röster`)

// counterMadeRe is a counter-proposal said to have been made, as the chair
// says before a vote: "oli tehty esittelijän ehdotuksesta poikkeava
// kannatettu ehdotus, joten asiasta on äänestettävä". Not a decision
// differing from the proposal (amendedForms' "ehdotuksesta poikkeava
// päätös"): the vote decides.
var counterMadeRe = mustPattern(`(?:ehdotuksesta|esityksestä) poikkeav\p{L}* (?:kannatettu\p{L}* )?(?:vasta|muutos)?ehdotu\p{L}*`)

// addsToProposal reports a decision that, besides restating proposal p,
// decides more in a sentence of its own: one whose words are mostly not the
// proposal's, saying what the body further decides ("Kunnanhallitus antaa
// talousjohtajalle oikeuden tehdä stilistiset korjaukset."), not what was
// recorded (a disqualification, a dissent, the check of the minutes).
func addsToProposal(p, d string) bool {
	for _, sent := range clauses(d) {
		joined, least := joinedActRe.MatchString(sent), 4
		if joined {
			// An act joined to the restatement by "ja"/"sekä" says what it
			// does in few words ("sekä valtuuttaa kunnanjohtajan
			// allekirjoittamaan sen").
			least = 3
		}
		if len(stems(sent)) < least || overlap(sent, p) >= 0.4 || overlap(p, sent) >= 0.7 {
			// Mostly the proposal's words, or the whole proposal in it
			// ("Kunnanhallitus päätti hyväksyä ehdotuksen" after "Hyväksytään."):
			// the restatement, no addition.
			continue
		}
		// A clause cut at a joined act is the body's own ("… ja ilmoitti,
		// ettei asia kuulu kunnan toimialaan"); a sentence of its own
		// must say it decides (a member "ilmoitti" too).
		if (joined || addedDecisionRe.MatchString(sent)) && !recordedRe.MatchString(sent) {
			return true
		}
	}
	return false
}

// adoptedObjectRe is a passive or past adoption naming what it adopted:
// "Hyväksyttiin pöytäkirjantarkastajat.", "Vahvistettiin esityslista."
var adoptedObjectRe = mustPattern(`^(?:hyväksyttiin|vahvistettiin|godkändes|fastställdes) (\p{L}[^.]*)\.?$`)

// adoptsObject reports a lower-cased sentence adopting by name something
// proposal p names, every word of it the proposal's.
func adoptsObject(p, sent string) bool {
	m := adoptedObjectRe.FindStringSubmatch(sent)
	return p != "" && m != nil && overlap(m[1], p) == 1 // (no word of its own: 0)
}

// actVerbs lists the forms of the verbs a resolution acts with (the
// infinitive, the present, the past and the passives), each form giving the
// verb's infinitive. "päättää" and "besluta" are not among them: they carry
// the act ("päätti todeta"), they are not it.
var actVerbs = func() map[string]string {
	m := map[string]string{}
	for _, forms := range [][]string{
		{"hyväksyä", "hyväksyy", "hyväksyi", "hyväksytään", "hyväksyttiin"},
		{"todeta", "toteaa", "totesi", "todetaan", "todettiin"},
		{"merkitä", "merkitsee", "merkitsi", "merkitään", "merkittiin"},
		{"valita", "valitsee", "valitsi", "valitaan", "valittiin"},
		{"nimetä", "nimeää", "nimesi", "nimetään", "nimettiin"},
		{"myöntää", "myöntää", "myönsi", "myönnetään", "myönnettiin"},
		{"antaa", "antaa", "antoi", "annetaan", "annettiin"},
		{"esittää", "esittää", "esitti", "esitetään", "esitettiin"},
		{"vahvistaa", "vahvistaa", "vahvisti", "vahvistetaan", "vahvistettiin"},
		{"lähettää", "lähettää", "lähetti", "lähetetään", "lähetettiin"},
		{"katsoa", "katsoo", "katsoi", "katsotaan", "katsottiin"},
		{"asettaa", "asettaa", "asetti", "asetetaan", "asetettiin"},
		{"määrätä", "määrää", "määräsi", "määrätään", "määrättiin"},
		{"valmistella", "valmistelee", "valmisteli", "valmistellaan", "valmisteltiin"},
		{"kehottaa", "kehottaa", "kehotti", "kehotetaan", "kehotettiin"},
		{"valtuuttaa", "valtuuttaa", "valtuutti", "valtuutetaan", "valtuutettiin"},
		{"godkänna", "godkänner", "godkände", "godkänns", "godkändes"},
		{"välja", "väljer", "valde", "väljs", "valdes"},
		{"konstatera", "konstaterar", "konstaterade", "konstateras", "konstaterades"},
		{"utse", "utser", "utsåg", "utses", "utsågs"},
		{"bevilja", "beviljar", "beviljade", "beviljas", "beviljades"},
		{"fastställa", "fastställer", "fastställde", "fastställs", "fastställdes"},
	} {
		for _, f := range forms {
			m[f] = forms[0]
		}
	}
	return m
}()

// leadSentence is a text's first sentence on its first line.
func leadSentence(s string) string { return firstSentence(strings.TrimSpace(firstLine(s))) }

// words cuts a text into its words, letters only.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

// firstAct is the infinitive of the first act verb among a lower-cased
// sentence's first ten words, or "".
func firstAct(sent string) string {
	for i, w := range words(sent) {
		if i == 10 {
			break
		}
		if v, ok := actVerbs[w]; ok {
			return v
		}
	}
	return ""
}

// namesOther reports a sentence (as written, not lower-cased) that names
// someone or something, a capitalised word past its first, whose stem
// lower-cased proposal p lacks: "Kaupunginhallitus nimesi jäseneksi
// Mäkisen." after "… nimetä Virtasen jäseneksi" did the act on another.
func namesOther(p, sent string) bool {
	for i, w := range words(sent) {
		if i == 0 || !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		for st := range stems(lower(w)) { // one stem, or none for a short word
			if !strings.Contains(p, st) {
				return true
			}
		}
	}
	return false
}

// fillsNames reports a decision doing the proposal's act on the people it
// names where the proposal (as written, and lower-cased p) named no one:
// "Valtuusto valitsee puheenjohtajan." / "Kaupunginvaltuusto valitsi
// puheenjohtajaksi Matti Virtasen." (testdata/real/LABELLING.md: a
// proposal carried out point by point where it left names open). fs is
// the decision's first sentence lower-cased, sent as written.
func fillsNames(proposal, p, fs, sent string) bool {
	if !sameAct(p, fs) {
		return false
	}
	if namesSomeone(proposal) && (!openRoleRe.MatchString(p) || !namesOther(p, sent)) {
		// A proposal naming no one to a role it leaves open may still name
		// a place or the one leaving ("valitsee sivistyslautakuntaan
		// eronneen Marja Kallion tilalle uuden jäsenen"): the decision
		// must then name someone the proposal did not.
		return false
	}
	var rest []string
	named := false
	for i, w := range words(sent) {
		if i > 0 && unicode.IsUpper([]rune(w)[0]) {
			named = true
			continue
		}
		rest = append(rest, lower(w))
	}
	r := strings.Join(rest, " ")
	return named && len(stems(r)) >= 2 && overlap(r, p) >= 0.6
}

// electProposedRe is a proposal electing or naming someone; electedRe a
// decision sentence doing it.
var (
	electProposedRe = mustPattern(`valitsee|valita|nimeää|nimetä|väljer|välja|utser|utse\b`)
	electedRe       = mustPattern(`valitsi|valittiin|nimesi|nimettiin|valde|valdes|utsåg|utsågs`)
)

// electsOther reports a decision (as written) electing or naming, in a
// sentence of its own, a person (a first name and a surname) whom the
// proposal, which named someone (a first name and a surname, on any of
// its lines), did not name.
func electsOther(proposal, p, decision string) bool {
	if !electProposedRe.MatchString(p) || !(namesSomeone(proposal) || len(surnames(proposal, false)) > 0) || openRoleRe.MatchString(p) {
		return false
	}
	for _, sent := range sentenceSplit.Split(decision, -1) {
		if electedRe.MatchString(lower(sent)) && namesNewPerson(p, sent) {
			return true
		}
	}
	return false
}

// namesNewPerson reports a sentence (as written) naming a person (a first
// name and a surname past its first word) whose surname's stem
// lower-cased p lacks.
func namesNewPerson(p, sent string) bool {
	for _, s := range surnames(sent, true) {
		for st := range stems(lower(s)) {
			if !strings.Contains(p, st) {
				return true
			}
		}
	}
	return false
}

// surnames are the surnames of the people a text (as written) names: a
// capitalised word of four letters or more after another capitalised one;
// skipFirst leaves out a pair opening the text (its first word is
// capitalised as every sentence's is).
func surnames(text string, skipFirst bool) []string {
	ws := words(text)
	from := 1
	if skipFirst {
		from = 2
	}
	var out []string
	for i := from; i < len(ws); i++ {
		a, b := []rune(ws[i-1]), []rune(ws[i])
		if unicode.IsUpper(a[0]) && unicode.IsUpper(b[0]) && len(b) >= 4 {
			out = append(out, ws[i])
		}
	}
	return out
}

// openRoleRe is a proposal to elect or name someone to a role it leaves
// open: "valitsee … uuden jäsenen", "nimeää … edustajan ja varaedustajan".
var openRoleRe = mustPattern(`(?:väljer|välja|utser|utse) (?:\S+ ){0,6}?(?:en|ett|två|tre|fyra|fem) (?:\S+ ){0,2}?(?:ledamot|ledamöter|medlem|medlemmar|ersättare|ordförande|representant|representanter)(?:[^\p{L}]|$)|(?:valitsee|valita|nimeää|nimetä) (?:\S+ ){0,6}?(?:jäsenen|jäsenet|varajäsenen|varajäsenet|edustajan|edustajat|varaedustajan|puheenjohtajan|varapuheenjohtajan|pöytäkirjantarkastajat|ääntenlaskijat|henkilön|henkilöt)(?:[^\p{L}]|$)`)

// namesSomeone reports a text (as written) with a capitalised word after
// its first: a name, most often.
func namesSomeone(s string) bool {
	for i, w := range words(leadSentence(s)) {
		if i > 0 && unicode.IsUpper([]rune(w)[0]) {
			return true
		}
	}
	return false
}

// sameAct reports lower-cased sentence sent doing, with its first act, the
// act lower-cased proposal p resolves with first.
func sameAct(p, sent string) bool {
	v := firstAct(leadSentence(p))
	return v != "" && v == firstAct(sent)
}

// orderChangedRe is the order of the agenda's items changed, where the
// proposal was to follow the agenda as sent ("päätti 1. muuttaa asioiden
// käsittelyjärjestystä siten, että …", seen: Lohja).
var orderChangedRe = mustPattern(`muutt\S* (?:\S+ )?käsittelyjärjesty|käsittelyjärjesty\S* (?:\S+ )?muutet|ändra (?:\S+ )?behandlingsordning|behandlingsordningen ändrades`)

// extraMatterRe is the body deciding a matter besides the item's:
// "Hyväksyttiin lisäksi …", "Lisäksi aluevaltuusto päätti …", "Samalla
// kaupunginvaltuusto hyväksyi seuraavat toivomusponnet", "otti …
// käsiteltäväkseen lisäpykälän", "beslöt dessutom". ("Pääkirjasto on avoinna
// lisäksi perjantaisin" is the matter's own content, no decision.)
var extraMatterRe = mustPattern(`(?:hyväksyttiin|päätettiin|päätti|hyväksyi|valittiin|valitsi|myönnettiin|myönsi|beslöt|godkände|godkändes) lisäksi|(?:lisäksi|samalla) (?:\S+ ){0,2}?(?:päätti|päätettiin|hyväksyi|hyväksyttiin|valitsi|valittiin|myönsi|kehotti|edellytti)\b|samtidigt (?:\S+ ){0,2}?(?:beslöt|godkände)|lisä\S* käsiteltäv|käsiteltäv\S* lisä|dessutom (?:\S+ ){0,2}?(?:beslöt|beslutade|godkände)|(?:beslöt|beslutade|godkände) dessutom` +
	// "Lisäksi vammaisneuvosto totesi, että …": a position of the body's own.
	`|(?:lisäksi|samalla) \p{L}*(?:lautakunta|hallitus|valtuusto|jaosto|johtokunta|toimikunta|neuvosto) (?:totesi|toteaa|korosti|korostaa|painotti|painottaa)\b` +
	// "Lisäksi lautakunta edellyttää, että …": the present tense.
	`|(?:lisäksi|samalla) (?:\S+ ){0,2}?(?:päättää|edellyttää|kehottaa|pyytää|velvoittaa)(?:[^\p{L}]|$)`)

// resolutionAdoptedRe is a council's resolution (toivomusponsi,
// hemställningskläm) adopted with the item.
var resolutionAdoptedRe = mustPattern(`(?:hyväksyi|hyväksyttiin) (?:\S+ ){0,5}?\S*toivomuspon|toivomuspon\S* (?:\S+ )?hyväksyttiin|(?:godkände|godkändes|antog|antogs) (?:\S+ ){0,5}?\S*hemställningskläm`)

// extraMatter reports a lower-cased decision adopting proposal p that, in a
// sentence of its own, decides a matter besides: the item amended
// (testdata/real/LABELLING.md). Without the proposal on the page a
// "Lisäksi kaupunginvaltuusto päätti …" may be the proposal's own (Helsinki
// writes its proposals so): only a council's resolution added to it
// (toivomusponsi, hemställningskläm) is surely the body's.
func extraMatter(p, d string) bool {
	if resolutionAdoptedRe.MatchString(d) && !resolutionAdoptedRe.MatchString(p) {
		// "… sekä hyväksyi yksimielisesti Salosen toivomusponnen": a
		// resolution is the council's own.
		return true
	}
	if !extraMatterRe.MatchString(d) {
		return false // most decisions: one pass, no sentences split
	}
	sents := sentenceSplit.Split(d, -1)
	// "Merkittiin tiedoksi. Lisäksi …", "Hyväksyttiin. Lisäksi …": the
	// item's own decision in a word, so what the body added after it is
	// its own, proposal or not.
	lead := strings.TrimSpace(sents[0])
	bareLead := bareOutcomes[strings.TrimRight(lead, ".")] != "" || plainApprove.MatchString(lead)
	for i, sent := range sents {
		if i > 0 && bareLead && extraMatterRe.MatchString(sent) {
			return true // "Ehdotus hyväksyttiin. Kunnanhallitus päätti lisäksi, että …"
		}
		if p == "" {
			if containsAny(sent, "toivomuspon", "hemställningskläm") && extraMatterRe.MatchString(sent) {
				return true
			}
			continue
		}
		// A clause of its own ("… hyväksyi sopimuksen ja lisäksi päätti,
		// että …") counts as a sentence does.
		for _, c := range clauses(sent) {
			if extraMatterRe.MatchString(c) && overlap(c, p) < 0.4 {
				return true
			}
		}
	}
	return false
}

// clauses splits a decision into its sentences, and a sentence further
// where "ja" or "sekä" joins a decision of the body's own to the
// restatement ("merkitsi katsauksen tiedoksi ja päätti lisäksi pyytää
// selvityksen").
func clauses(d string) []string {
	var out []string
	for _, sent := range sentenceSplit.Split(d, -1) {
		at := 0
		for _, m := range joinedDecisionRe.FindAllStringSubmatchIndex(sent, -1) {
			out = append(out, sent[at:m[0]])
			at = m[2]
		}
		out = append(out, sent[at:])
	}
	return out
}

var joinedDecisionRe = mustPattern(`\s(?:ja|sekä|och)\s+(` + joinedActs + `[\s,])`)

// joinedActs are the verbs of an act joined to a restated proposal;
// joinedActRe is a clause clauses cut at one.
const joinedActs = `(?:päätti|lisäksi|pyysi|ilmoitti|uppmanade|bemyndigade|uppdrog|kehotti|kehottaa|valtuutti|valtuuttaa|oikeutti|oikeuttaa|antoi|myönsi|beslöt|` + provisionVerbs + `)`

var joinedActRe = mustPattern(`^` + joinedActs + `[\s,]`)

// provisionVerbs are the present tense in which a decision provides for
// what follows it, beside its restated proposal: the body continues the
// work, someone delivers or prepares or reports something, a thing is
// dealt with again, the decision lapses ("… ja jatkaa valmistelua
// seuraavassa kokouksessa", "Sihteeri toimittaa lomakepohjat.", "Tämä
// päätös mitätöityy uuden lain tullessa voimaan."). A handling's record is
// in the past tense (merkittiin, todettiin, poistui): never these.
const provisionVerbs = `jatkaa|jatketaan|toimittaa|toimitetaan|selvittää|selvitetään|valmistelee|valmistellaan|` +
	`pyytää|pyydetään|ilmoittaa|ilmoitetaan|tuodaan|käsittelee|käsitellään|järjestää|järjestetään|` +
	`raportoi|raportoidaan|lähettää|lähetetään|laatii|laaditaan|mitätöityy|raukeaa`

var (
	addedDecisionRe = mustPattern(`(?:^|\s)(?:lisäksi|uppdras|därtill|dessutom|pitää (?:\S+ )?(?:tärkeänä|välttämättömänä|tarpeellisena)|pyysi|uppmanade|bemyndigade|uppdrog|päätti|hyväksyi|godkände|päättää|päätettiin|valtuutettiin|kehotettiin|edellytettiin|antaa|antoi|valtuuttaa|valtuutti|oikeuttaa|oikeutti|edellyttää|edellytti|kehottaa|kehotti|velvoittaa|velvoitti|myöntää|myönsi|beslöt|beslutar|bemyndigar|uppmanar|förutsätter|` + provisionVerbs + `)(?:[\s,:;]|$)`)
	recordedRe      = mustPattern(`merkittiin|todettiin|totesi|poistui|esteelli|eriävä|pöytäkirja|tarkast|keskustel|kannatti|ehdotti|äänest|konstaterades|antecknades|jäv|reservation|protokoll`)
)

var (
	discussionProposal = mustPattern(`^(?:käsitellään|keskustellaan|käydään (?:läpi|keskustelu))\b`)
	discussedRe        = mustPattern(`kävi keskustelu|kävi läpi|keskusteltiin|käsiteltiin|käytiin keskustelu`)
	asProposedRe       = mustPattern(asProposed)
	asProposedOnlyRe   = mustPattern(`^(?:` + asProposed + `)\.?$`)
)

// counterFellRe is a counter-proposal that fell ("Palautusehdotus hylättiin
// äänin 6-3."): no rejection of the matter.
var counterFellRe = mustPattern(`(?:vasta|muutos|lisäys|palautus|pöydällepano|hylkäys)ehdotu\w* (?:hylättiin|raukesi)`)

// recordedNoteRe is a decision opening with what the body recorded, and
// that it recorded ("Merkittiin Eloisan vanhusneuvoston terveisinä, että
// …", "Antecknades att …"): noting. (What was recorded in the minutes,
// "Merkittiin pöytäkirjaan, että X poistui", is the handling's record.)
var recordedNoteRe = mustPattern(`^(?:merkittiin|antecknades)(?: [^\s.]+){0,5}? (?:että|att) `)

// trailingRecordRe is a paragraph after the decision that is the page's
// record, not the decision: who is told, who carries it out, how to
// appeal, whom to ask, a dissent, the vote's list.
var trailingRecordRe = mustPattern(`(?m)^[ \t]*(?:tiedoksi|täytäntöönpano|muutoksenhaku|muutoksenhakuohje|lisätietoja|lisätiedot|eriävä mielipide|äänestysluettelo|för kännedom|verkställighet|sökande av ändring|mer information|avvikande åsikt|reservation)\b[^\n]*`)

// withoutTrailingRecords is decision without the record paragraphs after
// it (trailingRecordRe), when a decision stands before them.
func withoutTrailingRecords(decision string) string {
	if !strings.Contains(decision, "\n") {
		return decision
	}
	lo := lower(decision)
	locs := trailingRecordRe.Regexp().FindAllStringIndex(lo, -1)
	if len(locs) == 0 || strings.TrimSpace(lo[:locs[0][0]]) == "" {
		return decision
	}
	var b strings.Builder
	at := 0
	for _, l := range locs {
		b.WriteString(decision[at:l[0]])
		at = l[1]
	}
	b.WriteString(decision[at:])
	return strings.TrimSpace(b.String())
}

// earlierMeetingRe is a sentence telling what an earlier meeting did with
// the matter ("Asia jätettiin pöydälle 12.3.2024 kokouksessa.", "Valtuusto
// palautti asian 15.4.2024 kokouksessaan uudelleen valmisteltavaksi."),
// background to the decision that follows. Only such a sentence that
// tables, returns or handles the matter is left out (withoutEarlierMeetings).
var earlierMeetingRe = mustPattern(`\d{1,2}\.\d{1,2}\.(?:\d{4})? (?:pidetyssä |pitämässään )?kokoukse(?:ssa|ssaan)\b|kokouksessa(?:an)? \d{1,2}\.\d{1,2}\.\d{4}|(?:sammanträde|möte)t? (?:den )?\d{1,2}\.\d{1,2}\.\d{4}`)

// withoutEarlierMeetings is decision without its sentences about an
// earlier meeting, when another sentence is left.
func withoutEarlierMeetings(decision string) string {
	if !earlierMeetingRe.MatchString(decision) {
		return decision
	}
	sents := sentenceSplit.Split(decision, -1)
	var kept []string
	for _, sent := range sents {
		ls := lower(sent)
		if !earlierMeetingRe.MatchString(sent) || !(tabledRe.MatchString(ls) || returnedRe.MatchString(ls) || containsAny(ls, "käsitel", "behandl")) {
			kept = append(kept, sent)
		}
	}
	if len(kept) == 0 || len(kept) == len(sents) {
		return decision
	}
	return strings.Join(kept, ". ")
}

// notesDecisionRe is a sentence of handling notes telling what the body
// decided: the body and its verb of deciding, or the chair stating it.
var notesDecisionRe = mustPattern(`^(?:\S+ ){0,3}?\p{L}*(?:lautakunta|hallitus|valtuusto|jaosto|johtokunta|toimikunta|neuvosto|styrelsen|nämnden|fullmäktige) (?:(?:yksimielisesti|enhälligt|äänin \d+ ?[–-] ?\d+|äänestyksen jälkeen) )?(?:päätti|hyväksyi|merkitsi|hylkäsi|palautti|jätti|pani|valitsi|myönsi|yhtyi|beslöt|godkände|omfattade|antecknade|förkastade|återremitterade|bordlade)(?:[^\p{L}]|$)|^(?:\S+ ){0,3}?(?:ordföranden konstaterade|konstaterade ordföranden) att |(?:drog tillbaka|återtog) (?:sitt )?(?:förslag\p{L}*|ärendet)|(?:vetävänsä|veti) (?:\S+ )?(?:ehdotuksensa|esityksensä|asian) pois|^puheenjohtaja totesi,? (?:että )?(?:\S+ ){0,8}?(?:hyväksyneen|hylänneen|päättäneen|hyväksynyt|hylännyt|päättänyt|tulleen (?:\S+ ){0,2}?päätökseksi)(?:[^\p{L}]|$)|^(?:\S+ ){1,4}?(?:ehdotus|esitys) tuli (?:\S+ ){0,2}?päätökseksi`)

// notesDecision is where in handling notes the last sentence telling the
// body's decision begins, -1 if none does.
func notesDecision(notes string) int {
	if notes == "" {
		return -1
	}
	at, start := -1, 0
	check := func(end int) {
		if sent := strings.TrimSpace(notes[start:end]); sent != "" && notesDecisionRe.MatchString(lower(sent)) {
			at = start + strings.Index(notes[start:], sent)
		}
	}
	for _, loc := range sentenceSplit.Regexp().FindAllStringIndex(notes, -1) {
		check(loc[0])
		start = loc[1]
	}
	check(len(notes)) // the last sentence, whether or not a stop ends it
	return at
}

// bareOutcomes are decisions written as one word, as small bodies write
// them: "Pöydälle.", "Palautettiin.", "Merkittiin."
var bareOutcomes = map[string]Outcome{
	"pöydälle": OutcomeTabled, "bordlades": OutcomeTabled,
	"palautettiin": OutcomeReturned, "palautetaan": OutcomeReturned, "återremitterades": OutcomeReturned,
	"merkittiin": OutcomeNoted, "merkitään": OutcomeNoted, "merkittiin tiedoksi": OutcomeNoted, "antecknades": OutcomeNoted,
	"tiedoksi": OutcomeNoted, "för kännedom": OutcomeNoted,
	"hylättiin": OutcomeRejected, "hylätään": OutcomeRejected, "förkastades": OutcomeRejected,
}

// classify decides the outcome of one handling from its proposal, its
// decision and its käsittely (handling notes).
func classify(proposal, decision, notes string) Outcome {
	if strings.TrimSpace(decision) == "" && proposal != "" {
		// No decision line, the handling notes telling the decision last
		// ("… Lautakunta päätti yksimielisesti jättää asian pöydälle.",
		// "Puheenjohtaja totesi, että lautakunta on hylännyt esittelijän
		// ehdotuksen."): that is the decision, the notes before it its
		// handling.
		if at := notesDecision(notes); at >= 0 {
			return classify(proposal, notes[at:], notes[:at])
		}
	}
	decision = withoutLeadingRecord(withoutTrailingRecords(decision))
	decision = withoutEarlierMeetings(decision)
	p, d := lower(proposal), lower(decision)
	// dr is the decision without a member's proposal that fell
	// ("Virtasen ehdotus hylättiin äänin 3-6 ja esittelijän ehdotus
	// hyväksyttiin"): no rejection of the item's.
	dr := lower(withoutMemberFell(decision))
	nd := lower(notes) + "\n" + d
	if p != "" && asProposedOnlyRe.MatchString(p) {
		// Helsinki's static pages put under the proposal's label, after the
		// decision, only that the decision was the proposal ("Beslutsförslag
		// / Beslutet stämmer överens med förslaget."): a note, not a
		// proposal.
		nd, p = p+"\n"+nd, ""
	}
	options := voteOptionRe.ReplaceAllString(nd, "")
	bare := bareOutcomes[strings.TrimRight(strings.TrimSpace(d), ".")]
	if bare == "" {
		// The handling told, and the decision a word last: "… Ehdotusta
		// kannatettiin. Pöydälle.", "… Palautettiin."
		if last := bareOutcomes[strings.TrimRight(lastSentence(d), ".")]; last == OutcomeTabled || last == OutcomeReturned {
			bare = last
		}
	}
	// After a motion to send the matter back or table it fell, the
	// handling went on: only the last sentence may still table or return
	// the matter, the motion's own words do not.
	continued := p != "" && continuedRe.MatchString(d)
	dSettled := d
	if continued {
		dSettled = lastSentence(d)
	}
	switch {
	case d == "" && p != "" && bodyAdoptsCounterRe.MatchString(lower(notes)):
		// No Päätös line, but the handling notes say the body took up a
		// counter-proposal: "Lautakunta kannatti vastaehdotusta yksimielisesti."
		return OutcomeAmended
	case d == "" && p != "":
		return OutcomePending
	case d == "":
		return OutcomeNone
	case bare != "":
		return bare // "Pöydälle."
	case continued && adoptsInLastSentence(p, d):
		// A motion to send the matter back or table it told and voted
		// down, the handling going on, and the proposal adopted last
		// ("… Virtanen ehdotti, että asia palautetaan uudelleen
		// valmisteltavaksi. … Puheenjohtaja totesi kunnanhallituksen
		// päättäneen jatkaa asian käsittelyä. Kunnanhallitus hyväksyi
		// päätösehdotuksen."): the motion's words are no outcome.
		return adopted(p)
	case withdrawnRe.MatchString(d) && !agendaItem(p):
		return OutcomeWithdrawn
	case tabledRe.MatchString(dSettled):
		return OutcomeTabled
	case returnedRe.MatchString(dSettled):
		return OutcomeReturned
	case rejectObjRe.MatchString(dr) && !strings.Contains(dr, "hyväksy") && !strings.Contains(dr, "godk") && !memberProposalWon(decision):
		// "Kunnanhallitus hylkäsi esittelijän ehdotuksen äänin 5–4.": the
		// proposal itself rejected, whoever's motion carried the vote, and
		// nothing else adopted in its place.
		return OutcomeRejected
	case p != "" && refusedRe.MatchString(dr) && !refusalWords.MatchString(p) && !noActionRe.MatchString(dr):
		// "Kunnanhallitus päätti, ettei kunta osallistu hankkeeseen.",
		// "… päätti Raution ehdotuksen mukaisesti olla myöntämättä
		// avustusta": the body decided not to do what was proposed, whoever
		// moved it.
		return OutcomeRejected
	case containsAny(counterMadeRe.ReplaceAllString(d, " "), amendedForms...), inSomeSentence(counterRe, options), counterWonVote(nd, notes+"\n"+decision), memberProposalWon(decision), counterTextAdopted(notes, d),
		adoptedOnConditionRe.MatchString(d), strings.Contains(p, "esityslista") && orderChangedRe.MatchString(d), agendaItem(p) && withdrawnRe.MatchString(d), partlyRe.MatchString(d),
		svAmendedRe.MatchString(d), svMemberWon(decision):
		return OutcomeAmended
	case rejectObjRe.MatchString(dr):
		return OutcomeRejected
	case notApprovedRe.MatchString(d) && !notApprovedRe.MatchString(p):
		// "päätti olla hyväksymättä sopimusta": what the proposal would
		// have approved, the body did not.
		return OutcomeRejected
	}
	// A decision that restates its proposal (in the past tense) adopted it;
	// so does one cut short, or shortened, whose words all come from the
	// proposal ("Kunnanhallitus hyväksyi sopimuksen." after "… hyväksyy
	// liitteenä olevan sopimuksen.").
	ds := len(stems(d))
	restated := p != "" && (overlap(p, d) >= 0.7 || (ds >= 6 && overlap(d, p) >= 0.85) || (ds >= 3 && overlap(d, p) == 1))
	// A proposal to discuss, and the body discussing: what was proposed
	// was done ("Käsitellään jäsenten esille ottamat asiat." / "Neuvosto
	// kävi keskustelua seuraavista asioista: …").
	restated = restated || (discussionProposal.MatchString(p) && discussedRe.MatchString(d))
	// "… merkitsee tiedoksi viranhaltijapäätökset eikä käytä
	// otto-oikeuttaan" → "Merkittiin tiedoksi. Lautakunta ei käyttänyt
	// otto-oikeuttaan.": the proposal's act in the past tense.
	restated = restated || (noReviewRe.MatchString(p) && noReviewRe.MatchString(d))
	// "Hyväksyttiin pöytäkirjantarkastajat." after "… päättää valita
	// pöytäkirjantarkastajiksi …": the proposal's object adopted by name.
	fs := leadSentence(d)
	restated = restated || adoptsObject(p, fs)
	if !restated && p != "" && continuedRe.MatchString(d) {
		// The handling told first, a motion to send the matter back or
		// table it voted down, and the proposal adopted in the last
		// sentence ("… asian käsittelyä jatkettiin äänin 6-3. Kunnanhallitus
		// hyväksyi sopimuksen.").
		ls := lastSentence(d)
		restated = len(stems(ls)) >= 3 && overlap(ls, p) == 1
	}
	if n := len(stems(fs)); p != "" && n >= 3 {
		// A first sentence all the proposal's words, with more decided
		// after it ("Kunnanhallitus hyväksyi sopimuksen. Lisäksi
		// kunnanhallitus edellyttää, että …"); or doing the proposal's own
		// act in its own words ("Kaupunginvaltuusto totesi kokouksen
		// laillisesti koolle kutsutuksi …" after "… päättää todeta …
		// kokouksen laillisuuden"), on no one the proposal did not name. A
		// plain "Esitys hyväksyttiin." (two words) is neither.
		restated = restated || overlap(fs, p) == 1 ||
			((n >= 4 && overlap(fs, p) >= 0.5 || n == 3 && overlap(fs, p) >= 0.6) && sameAct(p, fs) && !namesOther(p, leadSentence(decision))) ||
			fillsNames(proposal, p, fs, leadSentence(decision))
	}
	// "Päätös on ehdotuksen mukainen." (Helsinki): the decision written out
	// is the proposal's, whatever it decides (the proposal itself not on
	// the page).
	asProposed := asProposedRe.MatchString(d)
	if rejectAnyRe.MatchString(counterFellRe.ReplaceAllString(dr, " ")) && !restated && !asProposed {
		if proposesRejection.MatchString(p) {
			// "hylätä oikaisuvaatimus" proposed and done: the proposal was adopted.
			return OutcomeApproved
		}
		// The body rejected something the proposal did not propose to reject.
		return OutcomeRejected
	}
	noted, extra := notedRe.MatchString(d), extraMatter(p, d)
	if noted && extra {
		// "Stadsfullmäktige antecknade miljörapporten … Dessutom godkände
		// stadsfullmäktige följande hemställningsklämmar": noted, and a
		// matter of the body's own besides.
		return OutcomeAmended
	}
	if noted && !actionRe.MatchString(withoutQuestions(withoutNoting(d))) {
		return OutcomeNoted
	}
	if p != "" && statedRe.MatchString(d) && adopted(p) == OutcomeNoted && !actionRe.MatchString(withoutQuestions(d)) {
		// "Todettiin, että osavuosikatsaus on käsitelty eikä se anna
		// aihetta toimenpiteisiin." after a proposal to take note: what the
		// body stated of it is the noting.
		return OutcomeNoted
	}
	if recordedNoteRe.MatchString(d) && !actionRe.MatchString(d) && !strings.Contains(fs, "pöytäkirjaan") {
		// "Merkittiin Eloisan vanhusneuvoston terveisinä, että …": the
		// body recorded what it was told.
		return OutcomeNoted
	}
	if informedRe.MatchString(d) && !actionRe.MatchString(d) && !bodyDiscussedRe.MatchString(d) {
		// "Stadsdirektören informerade om följande frågor: …",
		// "Kunnanjohtaja kertoi ajankohtaisista asioista.": the body was
		// informed, and took note.
		return OutcomeNoted
	}
	if p != "" && electsOther(proposal, p, decision) {
		// "… valitsee sivistyslautakunnan varapuheenjohtajaksi Jouni
		// Tikkasen." → "Valtuusto valitsi … Sanna Rautiaisen.": another
		// elected than proposed.
		return OutcomeAmended
	}
	if restated && (addsToProposal(p, d) || changesFigure(p, d) || motionEntered(p, d) || dropsPoint(p, d) || decidedAfterDiscussion(p, d)) {
		// The proposal written out again, and a decision of the body's
		// own after it (adopted with an addition), or with one of its
		// figures changed ("tuloveroprosentiksi 8,40 %" proposed, "8,20 %"
		// decided): a change of the body's.
		return OutcomeAmended
	}
	// "Hyväksyttiin." alone, or before what else was recorded ("Hyväksyttiin.
	// Todettiin Virtasen esteellisyys.").
	plain := plainApprove.MatchString(strings.TrimSpace(firstLine(d))) || plainApprove.MatchString(fs) ||
		opensWithBody(bodyAdoptsBareRe, strings.TrimSpace(firstLine(decision))) ||
		// The discussion told, no motion made, and "Hyväksyttiin." last
		// ("Jäsenet esittivät kysymyksiä … Esittelijän ehdotukseen ei
		// tehty muutoksia. Hyväksyttiin.").
		(plainApprove.MatchString(lastSentence(d)) && !motionMadeRe.MatchString(d))
	// The decision, or the handling notes above a decision written out in
	// full, say the proposal was adopted ("Kaupunginhallitus hyväksyi
	// esittelijän ehdotuksen äänin 12 - 2", "Päätös on ehdotuksen mukainen.").
	if plain || restated || adoptsProposalRe.MatchString(options) || cutAdoption(d) {
		o := adopted(p)
		if o == OutcomeApproved && p != "" && joinsOwnAct(p, fs) {
			// "Kunnanhallitus hyväksyi ehdotuksen ja päätti lähettää asian
			// tiedoksi lautakunnille.": the proposal adopted by name, and an
			// act of the body's own joined to it.
			return OutcomeAmended
		}
		if o == OutcomeApproved && extra {
			// "Hyväksyttiin päätösehdotuksen mukaisesti. Hyväksyttiin
			// lisäksi … puheenjohtajan ehdotus …": an extra matter decided
			// with the item (testdata/real/LABELLING.md).
			return OutcomeAmended
		}
		return o
	}
	if approvedRe.MatchString(d) {
		if extra {
			return OutcomeAmended
		}
		return OutcomeApproved
	}
	if extra {
		// The body's own decision, and a matter besides it ("Kaupunginvaltuusto
		// katsoi aloitteen loppuun käsitellyksi. Samalla kaupunginvaltuusto
		// hyväksyi seuraavat toivomusponnet: …"): the decision section is
		// one decision (testdata/real/LABELLING.md).
		return OutcomeAmended
	}
	if p == "" && opensWithBody(adoptsRe, leadSentence(decision)) && procedureMotionRe.MatchString(lower(notes)) {
		// No proposal on the page (Helsinki's put it after the decision,
		// cut away), a motion to send the matter back or table it put to
		// the vote, and then the body adopting the matter in a word
		// ("Stadsfullmäktige godkände detaljplaneändring …",
		// "Kaupunginvaltuusto katsoi aloitteen loppuun käsitellyksi."): the
		// handling went on as proposed, and what was proposed was adopted.
		// (Without such a motion nothing says what was proposed: decided.)
		return OutcomeApproved
	}
	if p != "" && adoptsLeadThenDiverges(p, d) {
		// The decision begins as the proposal does and then decides
		// something else in place of the rest ("päättää merkitä aloitteen
		// tiedoksi ja antaa asian teknisen lautakunnan ratkaistavaksi" →
		// "päätti merkitä aloitteen tiedoksi ja ilmoitti, ettei asia kuulu
		// kunnan toimialaan"): the proposal adopted with a change.
		return OutcomeAmended
	}
	return OutcomeDecided
}

// stemSeq is the stems of a lower-cased text's words, in order: each
// word of four letters or more cut to its first five.
func stemSeq(s string) []string {
	var out []string
	for _, w := range words(s) {
		r := []rune(w)
		if len(r) < 4 {
			continue
		}
		if len(r) > 5 {
			r = r[:5]
		}
		out = append(out, string(r))
	}
	return out
}

// adoptsLeadThenDiverges reports a decision whose first leadStems stems
// are the proposal's first, in order, and which goes on with at least
// ownStems stems of its own, none of them the proposal's.
func adoptsLeadThenDiverges(p, d string) bool {
	const leadStems, ownStems = 4, 3
	ps, ds := stemSeq(p), stemSeq(d)
	if len(ps) <= leadStems || len(ds) < leadStems+ownStems {
		return false
	}
	for i := 0; i < leadStems; i++ {
		if ps[i] != ds[i] {
			return false
		}
	}
	inP := stems(p)
	own := 0
	for _, w := range ds[leadStems:] {
		if !inP[w] {
			own++
		}
	}
	return own >= ownStems
}

// continuedRe is a motion to send the matter back or table it voted down
// or lapsing: the handling went on.
var continuedRe = mustPattern(`(?:päättäneen|päättänyt|päätti) (?:esittelijän |pohja|\S*johtajan )(?:päätös)?(?:ehdotuksen|esityksen) mukaisesti|käsittelyä jatkettiin|esittelijän ehdotus voitti|päätösehdotus voitti|käsittelyn jatkamista|käsittely jatkui|käsittelyä päätettiin jatkaa|(?:palautus|pöydällepano)ehdotu\w* (?:hylättiin|raukesi)|jatkaa asian käsittelyä(?:\.|,| äänin| yksimielisesti|$)|` +
	// an unseconded motion lapsing: "Ehdotusta ei kannatettu, joten se
	// raukesi.", Swedish "Förslaget understöddes inte och förföll."
	`ehdotusta ei kannatettu|raukesi kannattamattomana|understöddes inte|förföll`)

// joinsOwnAct reports a sentence adopting the proposal by name with an act
// of the body's own joined to it by "ja" or "sekä", one the proposal p
// does not hold; checking the minutes at once is no such act.
func joinsOwnAct(p, sent string) bool {
	cs := clauses(sent)
	if len(cs) < 2 || !ownAdoptionRe.MatchString(cs[0]) {
		return false
	}
	for _, c := range cs[1:] {
		if !strings.Contains(c, "tarkast") && !strings.Contains(c, "juster") && overlap(c, p) < 0.4 {
			return true
		}
	}
	return false
}

// leadingRecordRe is a first sentence recording who was disqualified,
// left or came, before the decision itself ("Merkitään, että Virtanen
// ilmoitti olevansa esteellinen eikä osallistunut asian käsittelyyn.
// Hyväksyttiin."); decidingRe a sentence that decides something.
var (
	leadingRecordRe = mustPattern(`(?i:esteelli|jäävi|jävig|poistui kokouksesta|saapui kokoukseen|avlägsnade sig|lämnade mötet|anlände till mötet|` +
		`puheenjohtajana toimi|toimi puheenjohtajana|sihteerinä toimi|toimi sihteerinä|som ordförande fungerade|fungerade som ordförande)`)
	decidingRe = mustPattern(`(?i:hyväks|päätt|päätet|hylkä|hylät|palaut|pöydä|merkitsi|godk|beslö|beslut|bordl|återremitt)`)
)

// withoutLeadingRecord is a decision without its first sentences that only
// record a disqualification, a departure or an arrival, or who chaired the
// handling instead ("Jäsen Turunen ilmoitti olevansa esteellinen
// (hallintolaki 28 § 1 mom. 2 kohta) ja poistui kokouksesta.
// Puheenjohtajana toimi tämän asian käsittelyn ajan varapuheenjohtaja
// Mäkelä. Hyväksyttiin."): what follows them is the decision.
func withoutLeadingRecord(decision string) string {
	d := strings.TrimSpace(decision)
	for range 3 {
		i := recordSentenceEnd(d)
		if i < 0 || !leadingRecordRe.MatchString(d[:i]) || decidingRe.MatchString(d[:i]) {
			break
		}
		d = strings.TrimSpace(d[i:])
	}
	if d == strings.TrimSpace(decision) {
		return decision
	}
	return d
}

// recordSentenceEnd is where the first sentence of s ends, after its full
// stop: at a stop outside brackets that is followed by a space and a capital
// letter ("mom. 2 kohta", "klo 17.25" go on), or -1 when no other sentence
// follows.
func recordSentenceEnd(s string) int {
	depth := 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		case '.':
			if depth > 0 {
				continue
			}
			rest := strings.TrimLeft(s[i+1:], " \t\n")
			if len(rest) == len(s[i+1:]) {
				continue // no space after it
			}
			if first, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(first) {
				return i + 1
			}
		}
	}
	return -1
}

// adoptsInLastSentence reports a decision whose last sentence adopts
// proposal p: in p's own words, or by naming the proposal ("Kunnanhallitus
// hyväksyi päätösehdotuksen.", "Esittelijän ehdotus hyväksyttiin."), not
// a member's ("… hyväksyi Laineen ehdotuksen").
func adoptsInLastSentence(p, d string) bool {
	ls := lastSentence(d)
	return len(stems(ls)) >= 3 && overlap(ls, p) == 1 || plainApprove.MatchString(ls) || ownAdoptionRe.MatchString(ls)
}

// ownAdoptionRe is the presenter's proposal adopted by name.
var ownAdoptionRe = mustPattern(`hyväksyi (?:yksimielisesti )?(?:esittelijän |puheenjohtajan )?(?:päätös)?(?:ehdotuksen|esityksen)(?:[^\p{L}]|$)|(?:^|[^\p{L}])(?:esittelijän )?(?:päätös)?(?:ehdotus|esitys) hyväksyttiin|förslaget godkändes`)

// lastSentence is the last sentence of s with words in it.
func lastSentence(s string) string {
	sents := sentenceSplit.Split(strings.TrimSpace(s), -1)
	for i := len(sents) - 1; i >= 0; i-- {
		if strings.TrimSpace(sents[i]) != "" {
			return strings.TrimSpace(sents[i])
		}
	}
	return ""
}

// bodyAdoptsBareRe is the body and its verb of adopting, and nothing else
// ("Lautakunta hyväksyi.", "Hallitus hyväksyi yksimielisesti.",
// "Stadsstyrelsen godkände.").
var bodyAdoptsBareRe = bodyOpening(`hyväksyi|hyväksyy|godkände|godkänner`, `(?: yksimielisesti| enhälligt)?\.?$`)

// procedureMotionRe is a motion to return or table the matter, in the
// handling's notes.
var procedureMotionRe = mustPattern(`palautusehdotu|pöydällepanoehdotu|förslag om återremiss|återremissförslag|förslag om bordläggning|bordläggningsförslag`)

// adoptsRe is a body adopting the matter: approving it, or taking an
// initiative as dealt with.
var adoptsRe = bodyOpening(`hyväksyi|godkände|katsoi (?:\S+ ){1,2}loppuun käsitellyksi|ansåg (?:\S+ ){1,2}(?:vara )?slutbehandlad`, `(?:[\s.,]|$)`)

// figureRe is a figure a proposal sets (a rate, a sum, a count); notFigureRe
// the numbers that are no such figure: dates, section numbers and a vote's
// counts ("äänin 30-21", "sai 21 ääntä", "Jaa 30").
var (
	figureRe    = mustPattern(`\d+(?:[,.]\d+)*`)
	notFigureRe = mustPattern(`§ ?\d+|\d+ ?§|(?:äänin|äänillä|rösterna) \d+ ?[–—-] ?\d+|\d+ (?:ääntä|äänellä|äänen|röster)|(?:^|[^\p{L}])(?:jaa|ei|tyhjää?|poissa|ja|nej|blankt?)(?:-ääniä)?:? \d+`)
)

// motionTextRe is a member's motion and what it moved, to the end of its
// sentence (group 1): "ehdotti Peltosen kannattamana, että … alentamista
// 8,11:een".
var motionTextRe = mustPattern(`ehdotti(?: [^.]*?)?,? että ([^.]+)`)

// changesFigure reports a decision restating proposal p with one of p's
// figures gone and a figure of its own in the decision: the body set
// another rate or sum than proposed. Both texts are lower-cased.
func changesFigure(p, d string) bool {
	figures := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, f := range figureRe.Regexp().FindAllString(notFigureRe.ReplaceAllString(s, " "), -1) {
			out[strings.TrimRight(f, ".,")] = true
		}
		return out
	}
	pf, df := figures(p), figures(motionTextRe.ReplaceAllString(d, " "))
	gone, added := false, false
	for f := range pf {
		gone = gone || !df[f]
	}
	for f := range df {
		added = added || !pf[f]
	}
	return gone && added
}

// pointRe is a numbered point of a proposal or decision, on a line of its
// own: "1) hyväksyä …", "2. nimetä …".
var pointRe = mustPattern(`(?m)^[ \t]*\d{1,2}[).] `)

// dropsPoint reports a decision restating proposal p point by point with
// fewer points than p: one was left out. A decision cut before its end
// (the last character a letter or digit) may hold the rest.
func dropsPoint(p, d string) bool {
	np := len(pointRe.Regexp().FindAllStringIndex(p, -1))
	if np < 2 {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(d)); unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false // cut inside its points (a stored text's end), not shorter
	}
	nd := len(pointRe.Regexp().FindAllStringIndex(d, -1))
	return nd >= 1 && nd < np
}

// motionEntered reports a lower-cased decision whose last sentence
// restates proposal p with words of its own that a member's seconded
// motion told before it proposed: the motion changed the decision
// ("… nimetä edustajaksi Raimo Tolvasen ja hänen henkilökohtaiseksi
// varajäsenekseen Markus Leskisen", Kinnunen proposed).
func motionEntered(p, d string) bool {
	last := lastSentence(d)
	at := strings.LastIndex(d, last)
	if at <= 0 || !strings.Contains(d[:at], "kannattamana") {
		return false
	}
	ls := stems(last)
	if len(ls) < 4 || overlap(last, p) < 0.7 {
		return false
	}
	ps := stems(p)
	for _, m := range motionTextRe.FindAllStringSubmatch(d[:at], -1) {
		n := 0
		for st := range stems(m[1]) {
			if ls[st] && !ps[st] {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// cutAdoptionRe is a decision cut short right after its verb, inside the
// word that says what was adopted ("Keskusvaalilautakunta hyväksyi
// yksimielisesti puhee", "Sivistyslautakunta hyväksyi päätös": the stored
// text ends there).
var cutAdoptionRe = mustPattern(`(?:hyväksyi|godkände) (?:yksimielisesti |enhälligt )?(\p{L}{3,})$`)

// adoptionWords complete a cut adoption: the proposal, or whose it was.
var adoptionWords = []string{"päätösehdotuksen", "päätösesityksen", "ehdotuksen", "esityksen", "pohjaehdotuksen", "pohjaesityksen",
	"esittelijän", "puheenjohtajan", "kunnanjohtajan", "kaupunginjohtajan", "förslaget", "föredragandens", "ordförandens"}

// cutAdoption reports a lower-cased decision cut inside the word after
// "hyväksyi" that can only go on as an adoption of the proposal.
func cutAdoption(d string) bool {
	d = strings.TrimSpace(d)
	if r, _ := utf8.DecodeLastRuneInString(d); !unicode.IsLetter(r) {
		return false // a decision that ends its sentence is not cut
	}
	if len(d) > 120 {
		d = d[len(d)-120:] // the verb and the cut word are at its end
	}
	m := cutAdoptionRe.FindStringSubmatch(d)
	if m == nil {
		return false
	}
	for _, w := range adoptionWords {
		if strings.HasPrefix(w, m[1]) {
			return true
		}
	}
	return false
}

// memberProposal is a member's proposal named by the member, adopted:
// "Puheenjohtaja totesi Matti Virtasen ehdotuksen tulleen hyväksytyksi",
// "Virtasen ehdotus hyväksyttiin yksimielisesti", "… Virtasen tekemän
// ehdotuksen tulleen kunnanhallituksen päätökseksi", "Kunnanhallitus
// hyväksyi äänin 5-4 Virtasen ehdotuksen". Group 1 (or 2) is the word
// before ehdotus: a surname in the genitive, unless it is an official's
// title or a body (memberProposalWon).
var memberProposal = mustPattern(`(\p{Lu}[\p{Ll}-]+n) (?:(?:tekemä|tekemän|tekemää) )?ehdotu(?:s|ksen) (?:hyväksyttiin|voitti|tuli hyväksytyksi|tulleen hyväksytyksi|(?:tuli|tulleen) yksimielisesti hyväksytyksi|on (?:yksimielisesti )?hyväksytty|tulleen [^.]{0,40}päätökseksi|tuli [^.]{0,40}päätökseksi)|hyväksy(?:i|ä|neen|nyt) (?:\S+ ){0,4}?(\p{Lu}[\p{Ll}-]+n) (?:tekemän )?ehdotuksen|yhtyi (?:\S+ ){0,2}?(\p{Lu}[\p{Ll}-]+n) (?:tekemään )?ehdotukseen` +
	// "Puheenjohtaja totesi valtuuston päätökseksi tulleen Hyvösen
	// muutosehdotuksen", "… päättäneen Järvisen ehdotuksen mukaisesti".
	`|(?:^|\n)(\p{Lu}[\p{Ll}-]+n) (?:vasta|muutos)?ehdotuksen mukaisesti|päätökseksi (?:tuli|tulleen) (\p{Lu}[\p{Ll}-]+n) (?:(?:vasta|muutos)?ehdotu|(?:vasta|muutos)?esity)|(?:päätti|päättäneen|päättänyt) (?:\S+ ){0,3}?(\p{Lu}[\p{Ll}-]+n) (?:(?:vasta|muutos)?ehdotuksen|(?:vasta|muutos)?esityksen) mukaisesti`)

// memberFell is a member's own proposal voted down or lapsing: "Virtasen
// ehdotus hylättiin", "Mäkisen tekemä ehdotus raukesi". Group 1 is the
// genitive before it, checked as memberProposalWon checks its own.
var memberFell = mustPattern(`(\p{Lu}[\p{Ll}-]+n) (?:(?:tekemä|tekemän) )?(?:vasta|muutos)?ehdotus (?:hylättiin|raukesi)`)

// withoutMemberFell is decision (as written) with every member's proposal
// that fell blanked out; an official's or a body's stays.
func withoutMemberFell(decision string) string {
	if !strings.Contains(decision, "ehdotus ") {
		return decision
	}
	return memberFell.ReplaceAllStringFunc(decision, func(m string) string {
		if !memberGenitive(lower(m[:strings.IndexByte(m, ' ')])) {
			return m
		}
		return " "
	})
}

// memberProposalWon reports a decision (as written, capitals kept) saying
// a member's own proposal was adopted: a counter-proposal won. The
// presenter's or an official's proposal ("Kunnanjohtajan ehdotus
// hyväksyttiin", "Esittelijän ehdotus …") and a body's are not a member's.
func memberProposalWon(decision string) bool {
	last := -1
	for _, m := range memberProposal.FindAllStringSubmatchIndex(decision, -1) {
		g, at := "", -1
		for i := 2; i+1 < len(m); i += 2 {
			if m[i] >= 0 {
				g, at = g+decision[m[i]:m[i+1]], m[i]
			}
		}
		if memberGenitive(lower(g)) && !afterTitle(decision, at) {
			last = m[1]
		}
	}
	// A member's proposal that won a first vote between the
	// counter-proposals, and lost the next to the proposal ("Niemen
	// ehdotus voitti äänin 6–5. … jolloin esittelijän ehdotus voitti
	// äänin 7–4."): the proposal won.
	return last >= 0 && !ownProposalWonRe.MatchString(lower(decision[last:]))
}

// afterTitle reports the word before position at of text (as written)
// being an official's title: the surname after it is the official's
// ("päätti kaupunginjohtaja Heikkisen ehdotuksen mukaisesti"), not a
// member's.
func afterTitle(text string, at int) bool {
	if at <= 0 {
		return false
	}
	before := text[:at]
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:] // a title on the line before is a label's, not the name's
	}
	ws := words(before)
	return len(ws) > 0 && isTitleWord(lower(ws[len(ws)-1]))
}

// ownProposalWonRe is a proposal winning a vote ("esittelijän ehdotus
// voitti", "päätösehdotus voitti"), a counter-proposal's excepted
// ("vastaehdotus voitti"). memberProposalWon looks for it after the last
// member's win, where no member's is named: the proposal itself won.
var ownProposalWonRe = mustPattern(`(?:^|[^\p{L}])(?:päätös|pohja)?(?:ehdotus|esitys) voitti|` + ownBecame + `|hyväksy(?:i|neen|nyt) (?:\S+ ){0,3}?(?:esittelijän |pohja)(?:päätös)?(?:ehdotuksen|esityksen)`)

// ownProposalWord reports a genitive that names the proposal's own maker,
// a body or another organisation rather than a member: esittelijän,
// puheenjohtajan, kunnanhallituksen, lautakunnan, Kuntaliiton.
func ownProposalWord(w string) bool {
	return containsAny(w, "esittelijä", "puheenjohtaja", "hallitu", "lautakun", "valtuust", "jaosto", "toimikun", "johtokun", "neuvost", "kokouks", "päätös", "alkuperäi",
		// another organisation's proposal: Kuntaliiton, kuntayhtymän, ELY-keskuksen, hyvinvointialueen
		"liito", "yhtymä", "keskuks", "laitok", "yhtiö", "yhdisty", "säätiö", "alueen", "kunnan", "kaupungin", "viraston")
}

// adoptedOnConditionRe is the proposal adopted on a condition of the
// body's own: "Hyväksyttiin siten, että kohta 2 poistetaan", "Päätösehdotus
// hyväksyttiin, kuitenkin siten, että …", "päätti hyväksyä päätösehdotuksen,
// kuitenkin niin, että …". (A proposal's own "siten, että"
// restated by the body is "päätti hyväksyä … siten, että": not this.)
var adoptedOnConditionRe = mustPattern(`(?:^|[^\p{L}])(?:(?:päätös)?(?:ehdotus|esitys) )?hyväksyttiin,? (?:kuitenkin )?(?:siten|niin),? että|(?:hyväksyi|päätti hyväksyä) (?:esittelijän )?(?:päätös)?(?:ehdotuksen|esityksen),? (?:kuitenkin )?(?:siten|niin),? että`)

// notAName lists the capitalised genitives before "ehdotus" at a
// sentence's start that name no member ("Näin ehdotus hyväksyttiin").
var notAName = map[string]bool{
	"näin": true, "sen": true, "tämän": true, "hänen": true, "heidän": true, "jonka": true, "joiden": true,
	"ensimmäisen": true, "toisen": true, "kolmannen": true, "viimeisen": true, "uuden": true, "yhteisen": true,
	"valmistelijan": true, "hallinnon": true,
}

// notApprovedRe is a decision not to approve: "päätti olla hyväksymättä",
// "jätti hyväksymättä".
var notApprovedRe = mustPattern(`olla hyväksymättä|jättää hyväksymättä|jätti hyväksymättä|jätettiin hyväksymättä|beslöt att inte godkänna|` +
	// "Kunnanhallitus ei hyväksynyt sopimusta", "päätti, ettei sopimusta
	// hyväksytä", "sopimusta ei hyväksytty" (a body, not a member, who
	// would be dissenting).
	`(?:hallitus|valtuusto|lautakunta|jaosto|johtokunta|toimikunta|neuvosto|kokous) ei hyväksynyt\b|\bettei (?:\S+ ){0,3}?hyväksytä(?:[^\p{L}]|$)|^(?:\S+ ){1,3}?ei hyväksytty\b`)

// noReviewRe is a body not using its right to take up an official's
// decision for review (otto-oikeus), in any tense.
var noReviewRe = mustPattern(`(?:ei|eikä) (?:\S+ )?käy\p{L}* (?:\S+ )?otto-oikeu|olla käyttämättä (?:\S+ )?otto-oikeu|otto-oikeutta ei (?:\S+ )?käyt|(?:inte|icke) (?:\S+ )?(?:utnyttja|använd)\p{L}* (?:sin |sig av sin |av sin )?övertagningsrätt`)

// svAmendedRe is a Swedish adoption with a change: "godkändes förslaget
// med Klemets tillägg", "med den ändring som Sjöblom föreslagit", "i
// övrigt godkändes förslaget".
var svAmendedRe = mustPattern(`ändrade (?:\S+ )?sitt förslag|ändrade förslag|kompletterade (?:\S+ ){0,2}?sitt förslag|kompletterade förslag|korrigerade (?:\S+ )?sitt förslag|dock så att|dock med den ändringen|(?:godkändes|godkände|antogs|antog) (?:\S+ ){0,4}?med (?:\S+ ){0,5}?(?:tillägg|tillägget|tilläggen|ändring|ändringen|ändringar|ändringarna|komplettering|kompletteringen)(?:[^\p{L}]|$)|med den ändring(?:en)? som|i övrigt godkändes|i övrigt enligt`)

// svMemberForm is a member's proposal adopted, told in Swedish, the
// member's genitive in group 1: "Kommunstyrelsen omfattade enhälligt
// Holmbergs förslag", "beslöt enligt Rönnqvists förslag".
var svMemberForm = mustPattern(`(?:omfattade|godkände|understödde|beslöt enligt|beslöt i enlighet med|beslutat enligt) (?:enhälligt )?(?:ledamoten |ledamot |ersättaren )?(\p{Lu}[\p{Ll}-]+s) (?:ändrings|mot)?förslag|(\p{Lu}[\p{Ll}-]+s) (?:ändrings|mot)?förslag (?:vann|godkändes|omfattades)`)

// svMemberWon reports a decision (as written) adopting a member's
// proposal by the member's name, not a body's or an official's.
func svMemberWon(decision string) bool {
	if !strings.Contains(decision, "förslag") {
		return false
	}
	for _, m := range svMemberForm.FindAllStringSubmatch(decision, -1) {
		w := lower(m[1] + m[2])
		if !containsAny(w, "styrelse", "nämnd", "fullmäktige", "föredragande", "ordförande", "direktör", "sektion", "direktion", "kommun", "stad", "beslut") {
			return true
		}
	}
	return false
}

// agendaItem reports a lower-cased proposal to adopt the agenda itself
// ("hyväksyy esityslistan kokouksen työjärjestykseksi"): an item taken off
// it changes the agenda, it withdraws no item.
func agendaItem(p string) bool {
	return strings.Contains(p, "esityslista") && containsAny(p, "työjärjesty", "hyväksyy esityslistan", "hyväksyä esityslistan", "föredragningslistan")
}

// discussesRe is a proposal only to discuss ("Kunnanhallitus keskustelee
// … iltakoulun ajankohdasta"); decidesRe a decision's own act, "päätti"
// and an infinitive.
var (
	discussesRe = mustPattern(`^(?:\S+ ){0,2}?(?:keskustelee|keskustellaan|käy keskustelun|käydään keskustelu)(?:[^\p{L}]|$)`)
	decidesRe   = mustPattern(`(?:päätti|päätettiin) (?:\S+ ){0,2}?\p{L}{3,}(?:da|dä|ta|tä|a|ä)(?:[^\p{L}]|$)`)
)

// decidedAfterDiscussion reports a proposal to discuss, discussed, and a
// decision the body then made of its own ("Keskustelun jälkeen
// kunnanhallitus päätti järjestää iltakoulun …"): the proposal done, and
// more decided (testdata/real/LABELLING.md: amended).
func decidedAfterDiscussion(p, d string) bool {
	return discussesRe.MatchString(p) && decidesRe.MatchString(d) && !notedRe.MatchString(d)
}

// partlyRe is a proposal adopted in part, with a point struck out, or as
// the presenter supplemented or corrected it: "Kunnanjohtaja poisti
// päätösehdotuksesta kohdan 3", "Kohta 3 poistettiin ehdotuksesta",
// "hyväksyi ehdotuksen kohtien 1 ja 2 osalta", "hyväksyi esittelijän
// kokouksessa täydentämän päätösehdotuksen".
var partlyRe = mustPattern(`poisti (?:\S+ )?(?:päätös)?(?:ehdotuksesta|esityksestä)|poistettiin (?:\S+ )?(?:päätös)?(?:ehdotuksesta|esityksestä)|(?:ehdotuksesta|esityksestä) poistettiin|(?:ehdotuksen|esityksen) kohd(?:ien|an) (?:\S+ ){0,4}?osalta|(?:täydensi|korjasi) (?:päätös)?(?:ehdotustaan|esitystään)|(?:täydentämän|täydennetyn|korjaaman|korjatun) (?:\S+ )?(?:päätös)?(?:ehdotuksen|esityksen)`)

// refusedRe is the body deciding not to do something: "päätti, ettei
// kunta osallistu hankkeeseen", "päätti … olla myöntämättä avustusta",
// "päätti … hylätä hakemuksen", "beslöt att inte bevilja".
var refusedRe = mustPattern(`(?:päätti|päätettiin|päättivät|päättäneen|päättänyt)(?: [^\s.]+){0,4}?,? (?:että (?:[^\s.,]+ ){1,3}?ei (?:\p{L}+ )?\p{L}+(?:t[aä]|d[aä])(?:[^\p{L}]|$)|ettei\b|olla \p{L}{3,}m[äa]tt[äa](?:[^\p{L}]|$)|jättää \p{L}{3,}m[äa]tt[äa](?:[^\p{L}]|$)|hylätä(?:[^\p{L}]|$)|evätä(?:[^\p{L}]|$))|(?:beslöt|beslutade) (?:\S+ ){0,4}?(?:att inte|avslå)(?:[^\p{L}]|$)|(?:beslöt|beslutade) att (?:\S+ ){1,3}?(?:inte|icke) |(?:beslöt|beslutade) att (?:\S+ ){1,3}?(?:avslås|förkastas)(?:[^\p{L}]|$)`)

// refusalWords: a proposal itself not to do something, or to reject it,
// which a refusal carries out.
var refusalWords = mustPattern(`\bettei\b|\bei\b|\beikä\b|\bolla \p{L}+m[äa]tt[äa](?:[^\p{L}]|$)|\bjättää \p{L}+m[äa]tt[äa](?:[^\p{L}]|$)|hylkää|hylätä|epää|evätä|\binte\b|avslå|förkasta`)

// noActionRe: that a matter gives no cause for action is no refusal
// ("päätti, ettei asia anna aihetta toimenpiteisiin").
var noActionRe = mustPattern(`otto-oikeu|övertagningsrät|ettei (?:\S+ ){0,3}?(?:anna|aiheuta|ole) (?:\S+ )?aihetta|ettei (?:\S+ ){0,3}?ole (?:\S+ )?(?:huomautettavaa|tarvetta)`)

// adopted is the outcome of a decision that adopted proposal p: p's own.
func adopted(p string) Outcome {
	switch {
	case tabledRe.MatchString(p):
		return OutcomeTabled
	case returnedRe.MatchString(p):
		return OutcomeReturned
	case notedRe.MatchString(p) && !actionRe.MatchString(withoutNoting(p)):
		return OutcomeNoted
	}
	return OutcomeApproved
}

// proposalIsYesRe: the vote was put so that the official's proposal is
// "Jaa" ("ne, jotka kannattavat kaupunginjohtajan päätösesitystä,
// äänestävät Jaa").
var proposalIsYesRe = mustPattern(`(?m)^ja-förslag:? enligt (?:besluts)?förslaget|(?:föredragandens|\S*styrelsens|\S*nämndens) förslag (?:som ja|\(ja\)|röstar ja)\b|ja = (?:föredragandens|\S*styrelsens|\S*nämndens) förslag|(?:esittelijän |pohja|päätös)(?:ehdotus|esitys),? (?:on |oli )?jaa\b|(?:esittelijän (?:päätös)?|pohja|päätös)(?:ehdotusta|esitystä) kannattavat,? (?:äänestävät )?jaa\b|^jaa-ehdotus:? (?:esittelijän |pohja|\S*hallituksen |\S*lautakunnan )?(?:päätös)?(?:ehdotu|esity)\S* mukaan|^jaa-ehdotus:? (?:esittelijän |pohja)(?:päätös)?(?:ehdotus|esitys)\b|kannattavat,?\s+(?:esittelijän|puheenjohtajan|\S*johtajan|\S*päällikön)\s+(?:päätös)?(?:ehdotusta|esitystä),?\s+äänestävät\s+jaa`)

// proposalIsNoRe: the vote was put so that the proposal is "Ei"/"Nej"
// (Helsinki's "JA-förslag: Ledamoten Nyqvists motförslag / NEJ-förslag:
// Enligt förslaget").
var proposalIsNoRe = mustPattern(`(?m)^(?:ei|nej)-(?:ehdotus|förslag):? (?:enligt (?:besluts)?förslaget|(?:esittelijän |pohja|\S*hallituksen |\S*lautakunnan )?(?:päätös)?(?:ehdotu|esity)\S* mukaan)`)

// counterWonVote reports a vote put with the official's proposal as "Jaa"
// that "Ei" won: the counter-proposal was adopted (Heinola).
func counterWonVote(text, asWritten string) bool {
	if proposalIsYesRe.MatchString(text) {
		v := votes(asWritten)
		return v != nil && v.No > v.Yes
	}
	if proposalIsNoRe.MatchString(text) {
		v := votes(asWritten)
		return v != nil && v.Yes > v.No
	}
	return memberWonCount(text)
}

// proposalVotesRe is a proposal's count in a vote told as a comparison
// ("Äänestyksessä esittelijän ehdotus sai 4 ääntä ja Virtasen ehdotus 5
// ääntä", "päätösehdotus sai 6 ääntä"); group 1 is whose proposal (group 2
// set instead for the proposal named alone), group 3 its votes.
var proposalVotesRe = mustPattern(`(?:(\p{L}[\p{L}-]*n) (?:(?:vasta|muutos|päätös)?ehdotus|(?:vasta|muutos|päätös)?esitys)|(päätösehdotus|päätösesitys|pohjaehdotus)) (?:\((?:jaa|ei)\) )?(?:sai )?(\d{1,3}|\p{L}+) (?:ääntä|äänen)`)

// counterTextRe is a counter-proposal as Helsinki's handling notes print
// it, under its label: its maker, a colon, its text ("Ville Jalovaara:
// Kasvatus- ja koulutuslautakunta päättää …").
var counterTextRe = mustPattern(`^\p{Lu}[\p{L}. -]{2,60}: (\S.{19,})$`)

// counterTextAdopted reports handling notes holding a counter-proposal
// (under "Vastaehdotus:" and its kin) whose text the lower-cased decision
// holds word for word: the decision took it up ("Lautakunta painottaa,
// että koulun on säilyttävä lastenkodin pihapiirissä.", seen: Helsinki).
func counterTextAdopted(notes, d string) bool {
	if notes == "" || !strings.Contains(lower(notes), "ehdotus:") {
		return false
	}
	lines := strings.Split(notes, "\n")
	for i, l := range lines {
		switch lower(strings.TrimSpace(l)) {
		case "vastaehdotus:", "muutosehdotus:", "lisäysehdotus:", "motförslag:", "ändringsförslag:":
		default:
			continue
		}
		for _, next := range lines[i+1:] {
			next = strings.TrimSpace(next)
			if next == "" {
				continue
			}
			if m := counterTextRe.FindStringSubmatch(next); m != nil {
				text := strings.TrimRight(lower(m[1]), ". ")
				if strings.Contains(d, text) {
					return true
				}
			}
			break
		}
	}
	return false
}

// memberWonCount reports a lower-cased text whose vote gave a member's
// proposal more votes than every other one counted beside it.
func memberWonCount(text string) bool {
	if !strings.Contains(text, " sai ") {
		return false
	}
	ms := lastRound(text, proposalVotesRe.FindAllStringSubmatchIndex(text, -1))
	if len(ms) < 2 {
		return false
	}
	best, bestN, tie := "", -1, false
	for _, m := range ms {
		n, ok := count(m[3])
		if !ok {
			return false // not a count
		}
		who := m[1]
		if m[2] != "" {
			who = "päätös" // the proposal itself
		}
		switch {
		case n > bestN:
			best, bestN, tie = who, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return false
	}
	return memberGenitive(best)
}

// lastRound is the matches (submatch indexes in text) of the last
// sentence holding two or more of them, as submatch strings: the vote
// that decided, where a first vote between counter-proposals was told
// before it ("Ensimmäisessä äänestyksessä Lindqvistin ehdotus sai 5 ääntä
// ja Koiviston ehdotus 6 ääntä … Toisessa äänestyksessä esittelijän
// ehdotus sai 6 ääntä ja Koiviston ehdotus 5 ääntä"). With no such
// sentence, all of them.
func lastRound(text string, idx [][]int) [][]string {
	// sent[i] is the number of the sentence match i stands in.
	sent := make([]int, len(idx))
	n, prev := 0, 0
	for i, m := range idx {
		n += strings.Count(text[prev:m[0]], ". ") + strings.Count(text[prev:m[0]], "\n")
		sent[i], prev = n, m[0]
	}
	from := 0
	for i := len(idx) - 1; i > 0; i-- {
		if sent[i] == sent[i-1] {
			from = i - 1
			for from > 0 && sent[from-1] == sent[i] {
				from--
			}
			break
		}
	}
	var out [][]string
	for _, m := range idx[from:] {
		sub := make([]string, len(m)/2)
		for j := range sub {
			if m[2*j] >= 0 {
				sub[j] = text[m[2*j]:m[2*j+1]]
			}
		}
		out = append(out, sub)
	}
	return out
}

// memberGenitive reports a lower-cased genitive before "ehdotus" that
// names a member ("virtasen"), not an official's title, a body or another
// organisation (esittelijän, kunnanhallituksen, Kuntaliiton) nor a word
// that names no one (näin, tämän).
func memberGenitive(w string) bool {
	if strings.HasSuffix(w, "tiin") {
		return false // a passive past ("Päätettiin ehdotuksen mukaisesti"), no genitive
	}
	return !(isTitleWord(strings.TrimSuffix(w, "n")) || isTitleWord(w) || ownProposalWord(w) || notAName[w])
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// firstSentence is s up to its first sentence's full stop, included.
func firstSentence(s string) string {
	if loc := sentenceSplit.FindStringIndex(s); loc != nil {
		return s[:loc[0]+1]
	}
	return s
}

// questionsRe is members asking and being answered, the discussion of
// an item, not an act of the body: "Jäsenet esittivät kysymyksiä
// koulukeskuksen aikataulusta".
var questionsRe = mustPattern(`esitti\p{L}* (?:\S+ ){0,3}?(?:kysymyk|tarkennuk|näkemyk|kommentte|huomioita)\p{L}*`)

// withoutQuestions is s without members' questions (questionsRe).
func withoutQuestions(s string) string {
	if !strings.Contains(s, "esitti") {
		return s
	}
	return questionsRe.ReplaceAllString(s, " ")
}

// statedRe is a decision opening with what the body stated: "Todettiin,
// että …", "Lautakunta totesi, että …", "Konstaterades att …".
var statedRe = mustPattern(`^(?:todettiin|todetaan|konstaterades|konstateras)(?:[^\p{L}]|$)|^(?:\p{L}+ ){0,2}?(?:\p{L}*(?:lautakunta|hallitus|valtuusto|jaosto|johtokunta|toimikunta|neuvosto)|nämnden|styrelsen|fullmäktige) (?:totesi|konstaterade)(?:[^\p{L}]|$)`)

// withoutNoting removes the noting phrase so that the rest can be checked for
// other decisions ("hyväksyy … ja merkitsee tiedoksi …" is not only noting).
func withoutNoting(s string) string {
	return notedRe.ReplaceAllString(s, " ")
}

// overlap is the share of the proposal's word stems found in the decision: a
// decision that restates its proposal in the past tense ("päättää esittää" →
// "päätti esittää") adopted it.
func overlap(proposal, decision string) float64 {
	ps, ds := stems(proposal), stems(decision)
	if len(ps) == 0 {
		return 0
	}
	n := 0
	for s := range ps {
		if ds[s] {
			n++
		}
	}
	return float64(n) / float64(len(ps))
}

func stems(s string) map[string]bool {
	out := map[string]bool{}
	for _, st := range stemSeq(s) {
		out[st] = true
	}
	return out
}

var (
	scoreRe  = mustPattern(`(?i)(?:äänin|äänillä|med rösterna|rösterna)\s+(\d{1,3})\s*[–—-]\s*(\d{1,3})`)
	yesRe    = mustPattern(`\b(?:Jaa|JAA|Ja|JA)(?:-ääniä| ääniä|-äänet| äänet|-röster| röster)?\s*:?\s*(\d{1,3})\b|\b(\d{1,3}) (?i:jaa[- ]ään|ja[- ]röst)`)
	noRe     = mustPattern(`\b(?:Ei|EI|Nej|NEJ)(?:-ääniä| ääniä|-äänet| äänet|-röster| röster)?\s*:?\s*(\d{1,3})\b|\b(\d{1,3}) (?i:ei[- ]ään|nej[- ]röst)`)
	blankRe  = mustPattern(`(?i)(?:\b(?:tyhjää?|tyhjiä|blankt?|blanka)(?: ääniä| röster)?\s*:?\s*(\d{1,3})\b|\b(\d{1,3}) (?:tyhjää?|tyhjiä|blank))`)
	absentRe = mustPattern(`(?i)(?:\b(?:poissa|frånvarande)\s*:?\s*(\d{1,3})\b|\b(\d{1,3}) (?:poissa|frånvarande)\b)`)
	// wordScoreRe: "9 äänellä 6 ääntä vastaan", "kahdeksalla äänellä viittä (8/5) vastaan".
	wordScoreRe = mustPattern(`(?i)(\d{1,3}) äänellä (\d{1,3}) (?:äänellä |ääntä |äänen )?vastaan|äänellä [^.()]{0,30}\((\d{1,3})\s*/\s*(\d{1,3})\) vastaan`)
	// wordBlankRe: "ja yhden äänestäessä tyhjää", "kahden äänestäessä tyhjää".
	wordBlankRe = mustPattern(`(?i)(\d{1,3}|yhden|kahden|kolmen|neljän|viiden|kuuden|seitsemän|kahdeksan|yhdeksän) (?:\S+ )?äänestäessä tyhjää`)
	voteRe      = mustPattern(`(?i)(?:^|[^\p{L}])äänesty(?:s|ksen|ksellä|kseen)(?:$|[^\p{L}])|äänestettiin|äänestettävä|äänesti|äänin \d|\d äänellä|äänestyksessä|äänestyksestä|omröstning|röstade|med rösterna`)
	unanRe      = mustPattern(`(?i)yksimielisesti|yksimielinen|enhälligt|enhällig`)
	// informedRe: a decision that is an official informing the body.
	informedRe = mustPattern(`^(?:\S+ ){1,4}(?:kertoi|kertoivat|selosti|selostivat|informoi|informoivat|tiedotti|esitteli|esittelivät|informerade|redogjorde|berättade|presenterade)\b`)
	// bodyDiscussedRe: the body discussing a matter of its own, beside
	// what it was told ("Lautakunta keskusteli koulukuljetusten
	// järjestämisestä."): the body's own record, not only an official's
	// report taken note of.
	bodyDiscussedRe = mustPattern(`(?m)^(?:\p{L}+)?(?:lautakunta|hallitus|valtuusto|jaosto|johtokunta|toimikunta|neuvosto|styrelsen|nämnden|fullmäktige|sektionen|direktionen) (?:keskusteli|kävi keskustelu|kävi läpi|diskuterade)|^keskusteltiin\b`)
	// dissentRe: a member's recorded dissent (eriävä mielipide, reservation),
	// or opposition to the decision or its proposal recorded ("Virtanen
	// vastusti ehdotusta", "ilmoitti vastustavansa päätöstä", "ei yhtynyt
	// päätökseen"; a motion opposed is no dissent from the decision).
	dissentRe = mustPattern(`(?i)jätti(?:vät)? (?:\S+ )?eriävän mielipiteen|eriävä mielipide|eriävän mielipiteensä|jätti(?:vät)? vastalauseen|anmälde reservation|reserverade sig|avvikande åsikt|` +
		`vastusti(?:vat)? (?:\S+ ){0,2}?(?:päätöstä|päätösehdotusta|ehdotusta|esitystä)(?:[^\p{L}]|$)|ilmoitti(?:vat)? vastustavansa (?:\S+ )?(?:päätöstä|päätösehdotusta|ehdotusta|esitystä)(?:[^\p{L}]|$)|ei(?:vät)? yhtynyt (?:\S+ )?päätökseen|eivät yhtyneet (?:\S+ )?päätökseen|motsatte sig (?:beslutet|förslaget)`)
)

// votes reads a recorded vote: "äänin 7–4" (yes 7, no 4 as written) or
// "Jaa 7, Ei 4, Tyhjä 1, Poissa 1". The last vote in the text wins: it is the
// one that decided.
func votes(text string) *Votes {
	var v *Votes
	if m := scoreRe.FindAllStringSubmatch(text, -1); m != nil {
		last := m[len(m)-1]
		v = &Votes{Yes: atoi(last[1]), No: atoi(last[2])}
	}
	wordBlank := 0
	if m := wordScoreRe.FindAllStringSubmatchIndex(text, -1); m != nil {
		last := m[len(m)-1]
		sub := func(i int) string {
			if last[2*i] < 0 {
				return ""
			}
			return text[last[2*i]:last[2*i+1]]
		}
		v = &Votes{Yes: atoi(sub(1) + sub(3)), No: atoi(sub(2) + sub(4))}
		// A blank vote of the same sentence: "… ja yhden äänestäessä tyhjää".
		tail := text[last[1]:]
		if i := strings.IndexAny(tail, ".\n"); i >= 0 {
			tail = tail[:i]
		}
		if b := wordBlankRe.FindStringSubmatch(tail); b != nil {
			wordBlank = numberWord(b[1])
		}
	}
	if y := yesRe.FindAllStringSubmatch(text, -1); y != nil {
		if n := noRe.FindAllStringSubmatch(text, -1); n != nil {
			ly, ln := y[len(y)-1], n[len(n)-1]
			v = &Votes{Yes: atoi(ly[1] + ly[2]), No: atoi(ln[1] + ln[2])}
		}
	}
	if v == nil {
		return nil
	}
	v.Blank = wordBlank
	if m := blankRe.FindAllStringSubmatch(text, -1); m != nil && wordBlank == 0 {
		v.Blank = atoi(m[len(m)-1][1] + m[len(m)-1][2])
	}
	if m := absentRe.FindAllStringSubmatch(text, -1); m != nil {
		v.Absent = atoi(m[len(m)-1][1] + m[len(m)-1][2])
	}
	return v
}

// numberWord reads a small number written as digits or as a Finnish
// word ("yhden", "kahden", "viisi"); 0 if s is none.
func numberWord(s string) int {
	n, _ := count(s)
	return n
}

// count reads a small number written as digits or as a Finnish word, in
// the nominative ("viisi") or the genitive ("viiden"), and whether s was
// one.
func count(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	w := lower(s)
	for i, forms := range countForms {
		if w == forms[0] || w == forms[1] {
			return i, true
		}
	}
	return 0, false
}

// countForms are the Finnish numbers 0–13, nominative and genitive.
var countForms = [][2]string{{"nolla", "nollan"}, {"yksi", "yhden"}, {"kaksi", "kahden"}, {"kolme", "kolmen"}, {"neljä", "neljän"},
	{"viisi", "viiden"}, {"kuusi", "kuuden"}, {"seitsemän", "seitsemän"}, {"kahdeksan", "kahdeksan"}, {"yhdeksän", "yhdeksän"},
	{"kymmenen", "kymmenen"}, {"yksitoista", "yhdentoista"}, {"kaksitoista", "kahdentoista"}, {"kolmetoista", "kolmentoista"}}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// unanimity is false when a vote was taken, true when the text says
// "yksimielisesti", false when it does not but records a dissent, unknown
// otherwise.
func unanimity(text string, v *Votes) *bool {
	var b bool
	switch {
	case v != nil || voteRe.MatchString(text):
		b = false
	case unanRe.MatchString(text) && !unanimousOnlyAside(text):
		b = true
	case dissentRe.MatchString(text):
		b = false
	default:
		return nil
	}
	return &b
}

// unanimousOnlyAside reports whether every sentence that says
// "unanimously" says it of another decision than the item's: an addition
// ("Hyväksyttiin lisäksi yksimielisesti puheenjohtajan ehdotus …") or the
// taking up of another item ("otti yksimielisesti käsiteltäväkseen
// lisäpykälän 34"). The item's own decision then says nothing of
// unanimity.
func unanimousOnlyAside(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		for _, sent := range sentenceSplit.Split(line, -1) {
			if unanRe.MatchString(sent) && !asideRe.MatchString(sent) {
				return false
			}
		}
	}
	return true
}

var asideRe = mustPattern(`(?i)\blisäksi\b|käsiteltäväkseen|käsiteltäväksi lisä|lisäpykälä|dessutom|till behandling`)

var (
	disqualRe      = mustPattern(`(?i)^(.*?)\s+(?:oli|olivat|ilmoitti olevansa|ilmoittivat olevansa|todettiin|var|anmälde|anmälde sig)\s+(?:esteellinen|esteellisiä|esteellisiksi|esteelliseksi|jäävi|jäävejä|jävig|jäviga|jäv)`)
	disqualAfterRe = mustPattern(`(?i)esteellis(?:enä|inä)[^.]*?(?:ei osallistunut|eivät osallistuneet|poistui kokouksesta|poistuivat kokouksesta|poistui|poistuivat)(?: asian käsittelyyn| kokouksesta| asian käsittelyn ajaksi)?\s+(.+?)\.?$`)
	sentenceSplit  = mustPattern(`[.!?]\s+`)
	leadIn         = mustPattern(`(?i)^(?:käsittelyn aikana|asian käsittelyn aikana|kokouksessa|under behandlingen|todettiin, että|konstaterades att)\s+`)
)

// disqualified finds members named as esteellinen (disqualified) in a line.
func disqualified(line string) []string {
	var names []string
	for _, sent := range sentenceSplit.Split(line, -1) {
		var who string
		if m := disqualRe.FindStringSubmatch(sent); m != nil {
			who = m[1]
		} else if m := disqualAfterRe.FindStringSubmatch(sent); m != nil {
			who = m[1]
		} else {
			continue
		}
		who = leadIn.ReplaceAllString(strings.TrimSpace(who), "")
		for _, part := range listSplit.Split(who, -1) {
			for _, p := range andSplit.Split(part, -1) {
				if _, name := splitTitleName(p, ""); strings.Contains(name, " ") {
					names = append(names, name)
				}
			}
		}
	}
	return names
}

var (
	fiWords = map[string]bool{"ja": true, "että": true, "on": true, "sekä": true, "ovat": true, "päätös": true, "ehdotus": true, "hyväksyttiin": true, "kunnan": true, "tai": true, "asian": true, "kaupungin": true, "päätti": true, "mukaan": true, "ei": true, "se": true}
	svWords = map[string]bool{"och": true, "att": true, "är": true, "för": true, "som": true, "av": true, "med": true, "till": true, "beslut": true, "förslag": true, "godkändes": true, "på": true, "den": true, "det": true, "inte": true, "stadens": true}
)

// maxFunctionWord is the length in bytes of the longest of fiWords and
// svWords.
var maxFunctionWord = func() int {
	n := 0
	for _, m := range []map[string]bool{fiWords, svWords} {
		for w := range m {
			n = max(n, len(w))
		}
	}
	return n
}()

// language tells Finnish from Swedish by counting common function words.
func language(lines []string) string {
	fi, sv := 0, 0
	// Each word lower-cased into one buffer and looked up as it stands:
	// no lower-cased copy of every line, no slice of words; a word longer
	// than every function word is not looked up.
	var word []byte
	endWord := func() {
		if len(word) > 0 && len(word) <= maxFunctionWord {
			// Map lookups of string(word) do not allocate.
			if fiWords[string(word)] {
				fi++
			}
			if svWords[string(word)] {
				sv++
			}
		}
		word = word[:0]
	}
	for _, l := range lines {
		for i := 0; i < len(l); {
			c := l[i]
			if c < utf8.RuneSelf {
				i++
				switch {
				case 'a' <= c && c <= 'z':
					word = append(word, c)
				case 'A' <= c && c <= 'Z':
					word = append(word, c+'a'-'A')
				default:
					endWord()
				}
				continue
			}
			r, n := utf8.DecodeRuneInString(l[i:])
			i += n
			if unicode.IsLetter(r) {
				word = utf8.AppendRune(word, unicode.ToLower(r))
			} else {
				endWord()
			}
		}
		endWord()
	}
	switch {
	case sv > fi:
		return "sv"
	case fi > 0:
		return "fi"
	}
	return ""
}
