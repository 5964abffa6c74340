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
// Lines are NFC-normalised, every kind of space (U+00A0 included) becomes one
// ASCII space, and empty lines are dropped. The Dynasty site header
// ("Dynasty tietopalvelu Haku RSS <organisation>", RSS links, the body, the
// document line "Pöytäkirja 09.10.2023/Pykälä 183") gives organisation, body,
// document kind, meeting date and § number. The rest is read as blocks opened by
// labels (Valmistelija, Esittelijä, Päätösehdotus, Päätös, …, alone on a line or
// followed by their text on the same line) and split into handlings by handling
// headers ("KhVi 09.10.2023 § 183"). An item handled by several bodies shows each
// handling; the final one is the item's own, and gives the Decision's proposal,
// decision, outcome, votes and unanimity.
//
// Choices where the page is unclear:
//   - Body: the site header's body line. Without a site header, the final
//     handling's header, but only when it names the body in full
//     ("Tekninen lautakunta", not "KhVi"): abbreviations are not expanded.
//   - Meeting date and section: the document line; otherwise the final handling's
//     header. A second Päätös block after a decision starts a handling with no
//     header (seed 002): its body, date and section are unknown, and a warning
//     says so.
//   - Presenter: a name written surname first is kept as written. Some sites
//     append the municipality after it ("Vt. kaupunginjohtaja Säärelä Marjo
//     Kemijärvi"); a trailing word sharing the organisation's stem is dropped,
//     giving name "Säärelä Marjo", title "Vt. kaupunginjohtaja". A line that is
//     only a title ("Kaupunginjohtaja") is a presenter without a name, and the
//     text after it is the proposal when no proposal label follows.
//   - Names: a name is the last one or two capitalised words; words before them
//     are the title. An e-mail template (etunimi.sukunimi@…) belongs to nobody.
//   - Disqualified: every member the page records as esteellinen, in any
//     handling.
//   - Votes: "äänin 7–4" is read as written, yes 7, no 4; "Jaa 7, Ei 4, Tyhjä 1,
//     Poissa 1" field by field. Any vote makes the decision not unanimous.
//   - Procedural notes ("Päätös tarkastetaan heti.") are not decision text;
//     other lines under Päätös (a disqualification, a dissent) are.
//   - Texts keep their lines, joined with "\n"; runs of spaces become one.
//
// # Outcome
//
// The outcome of each handling is read from its decision text (and, for a
// counter-proposal or a presenter's changed proposal, its käsittely), in this
// order: withdrawn, tabled, returned, amended, rejected (of the proposal
// itself), noted, approved, decided. A plain approval ("Ehdotus hyväksyttiin")
// or a decision that restates its proposal (most of the proposal's word stems
// recur) takes the proposal's outcome: noted when the proposal only takes note,
// approved otherwise. Rejecting what the proposal proposed to reject ("hylätä
// oikaisuvaatimus") is approved. A proposal without a decision is pending; a
// handling with neither is none. The item's outcome is its final handling's.
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
