// Package parse interprets the text of one Finnish (or Swedish) municipal
// meeting-item page, as published by Dynasty, into a Decision.
//
// The package is pure: Text takes a string and returns a value, with no I/O,
// clock, globals or logging. What the parser cannot make sense of becomes a
// warning on the result. It never guesses: a field the text does not state is
// left empty, and encodes as null (see Decision.MarshalJSON).
//
// # How a page is read
//
// Read takes a Page: the text, and when it came from HTML, what the text
// alone loses (the part before the data markers, the bold paragraphs, the
// <title>), the feed's title for the item and the source's organisation.
// Text(s) is Read of a page text alone.
//
// Lines are NFC-normalised, every kind of space (U+00A0 included) becomes one
// ASCII space, empty lines are dropped, and what page-to-text renderings
// leave behind (markdown "# " headings, image links "![]()", table pipes, a
// document line run together with the title) is tidied. The header comes
// first: an HTML page's head, or the top of a page text down to the document
// line ("Pöytäkirja 09.10.2023/Pykälä 183", also without the slash). It gives
// the organisation (the site header "Dynasty tietopalvelu Haku RSS <org>",
// on one line or two, in Finnish or Swedish, possibly empty; old templates
// name it only in <title>), the body (the line before the document line, else
// an old template's breadcrumb "Toimielimet | <body> | …"), the document kind,
// the meeting date and the § or agenda item number. Site chrome (the RSS
// block, navigation, "Kokousasian teksti", the breadcrumb, the organisation
// repeated) is skipped anywhere and is never a title or a body.
//
// The rest is read as blocks opened by labels (Valmistelija, Esittelijä,
// Päätösehdotus, Päätös, …, alone on a line, followed by their text on the
// same line, or padded in a left column) and split into handlings by handling
// headers in every form seen: "KhVi 09.10.2023 § 183", "Kaupunginhallitus
// 105 § 10.4.2017", "Lautakunta 29.4.2014 47 §", a lone "§ 127", a table of
// handlings written as body / "§ 399" / date on three lines, and "KH § 399"
// opening that handling's text.
//
// Choices where the page is unclear:
//   - The item's own handling is the one whose § (or date) the document line
//     names, never an earlier one, wherever it stands on the page: an
//     earlier handling shown again under "Päätöshistoria" after the current
//     decision does not take its place. It gives the Decision's proposal,
//     decision, outcome, votes and unanimity, and the document line fills
//     its missing body and date.
//   - Title: the page line the feed's title names (letters and digits
//     compared); else the first bold paragraph that can be a title; else the
//     first short unlabelled line before the first handling (or right after
//     a handling header). Short lines between the document line and the first
//     handling header, with no label before them, are an attachment list whose
//     caption the text lost, the title last. Never the body's or the
//     organisation's name, a header, chrome, or a line without letters.
//   - Body: the header's body line; else the current handling's header when it
//     names the body in full ("Tekninen lautakunta", not "KhVi"); else the
//     feed's. Meeting date: the document line, else the current handling's
//     header, else the feed's. A disagreement with the feed is a warning.
//   - Organisation: the site header, else an organisation-like <title>, else
//     the source's (Page.Organization).
//   - A second Päätös block after a decision starts a handling with no header
//     (seed 002): its body, date and section are unknown, and a warning says so.
//   - Presenter: the Esittelijä line, or the official on the proposal label's
//     own line ("Päätösehdotus     Kaupunginjohtaja Jukka Mäkelä"). A name
//     written surname first is kept as written; a municipality written after
//     it ("… Marjo Kemijärvi", "… Virpi Iin kunta") is dropped. A line that is
//     only a title ("Kaupunginjohtaja") is a presenter without a name, and the
//     text after it is the proposal when no proposal label follows.
//   - Preparers: the label's line and the lines below it that name someone
//     (two names, or an e-mail address), or give the phone or e-mail of the
//     one above; a job title alone waits for the name on the next line, and
//     stays a preparer known by title if none follows. Names are the
//     capitalised words at the end, or at the start when the title follows
//     ("Juho Pulkka hallintojohtaja"); at most two. An e-mail template
//     (etunimi.sukunimi@…) belongs to nobody.
//   - Disqualified: every member the page records as esteellinen, in any
//     handling.
//   - Votes: "äänin 7–4" is read as written, yes 7, no 4; "Jaa 7, Ei 4, Tyhjä 1,
//     Poissa 1" field by field; "9 äänellä 6 ääntä vastaan", "(8/5)" and "yhden
//     äänestäessä tyhjää" in words. Any vote makes the decision not unanimous.
//   - Procedural notes ("Päätös tarkastetaan heti.", "Ptk tark.") are not
//     decision text; other lines under Päätös (a disqualification, a dissent)
//     are.
//   - Texts keep their lines, joined with "\n"; runs of spaces become one.
//
// # Outcome
//
// The outcome of each handling is read from its decision text (and, for a
// counter-proposal, an amendment or a presenter's changed proposal accepted,
// its käsittely), in this
// order: withdrawn, tabled, returned, amended, rejected (of the proposal
// itself), noted, approved, decided. A plain approval ("Ehdotus hyväksyttiin")
// or a decision that restates its proposal (most of the proposal's word stems
// recur) takes the proposal's outcome: noted when the proposal only takes note,
// approved otherwise. Rejecting what the proposal proposed to reject ("hylätä
// oikaisuvaatimus") is approved. A proposal without a decision is pending; a
// handling with neither is none. The item's outcome is its current
// handling's; an agenda item's is always pending.
//
// # Glossary
//
// Finnish (Swedish) terms the parser reads:
//
//	pöytäkirja (protokoll)             minutes
//	esityslista (föredragningslista)   agenda
//	pykälä, § (paragraf)               section: the item's number in the minutes
//	asianro                            item number on an agenda
//	kokousasia                         meeting item
//	toimielin                          body (board, council, committee)
//	kunnanhallitus, kaupunginhallitus  municipal / city board
//	kunnanvaltuusto, kaupunginvaltuusto municipal / city council
//	lautakunta (nämnd)                 committee
//	aluehallitus, aluevaltuusto        welfare-area board / council
//	diaarinumero, dnro                 diary (case file) number
//	valmistelija (beredare)            preparer
//	esittelijä (föredragande)          presenter: the official who proposes
//	päätösehdotus, päätösesitys, ehdotus (förslag)  proposal
//	selostus, perustelut (redogörelse) background
//	käsittely (behandling)             handling: what happened at the meeting
//	päätös (beslut)                    decision
//	hyväksyttiin (godkändes)           was approved
//	muutettuna, muutoksin, lisäyksin   amended, with changes, with additions
//	vastaehdotus (motförslag)          counter-proposal
//	hylättiin, hylätä (förkastades)    was rejected, to reject
//	jätettiin pöydälle (bordlades)     was tabled
//	palautettiin uudelleen valmisteltavaksi (återremitterades)  returned for preparation
//	merkitsee tiedoksi (antecknar för kännedom)  takes note
//	poistettiin esityslistalta         was removed from the agenda
//	yksimielisesti (enhälligt)         unanimously
//	äänestys, äänin, jaa, ei, tyhjä, poissa (omröstning, ja, nej, blankt, frånvarande)  vote, by votes, yes, no, blank, absent
//	esteellinen (jävig)                disqualified
//	oikaisuvaatimus (rättelseyrkande)  request for review (an appeal)
//	tiedoksi (för kännedom)            for information: the notify list
//	liitteet, liite (bilagor, bilaga)  attachments
//	oheismateriaali                    supplementary material (not attachments)
//	salainen, salassa pidettävä        confidential
//	valtuusto, hallitus                council, board
package parse
