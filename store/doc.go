// Package store keeps the minutes archive: one SQLite file (modernc.org/sqlite,
// pure Go) holding every source, every item page ever fetched, and the
// current parsed decision of each item.
//
// The archive only grows. A page whose text changed gets a new revision and
// the old one stays; an item that disappears from its site is marked gone,
// not deleted; removing a source only unregisters it. So any past state of a
// page can be read back byte for byte, and re-parsed with a newer parser.
//
// # Conventions
//
// The schema is plain tables meant to be read with the stock sqlite3 shell
// or Python's sqlite3 module, as well as through this package:
//
//   - Times are UTC RFC 3339 text with milliseconds, "2025-03-04T10:15:02.123Z":
//     text order is time order, and SQLite's datetime() and Python's
//     datetime.fromisoformat (3.11+) read them.
//   - Meeting dates are "YYYY-MM-DD" text.
//   - Booleans are 0/1 integers.
//   - NULL means "unknown" or "never" (a page that states no § number, a
//     source never run); an empty string means a text that is empty or absent
//     on the page.
//   - Text is NFC-normalised on the way in.
//   - The file is in WAL mode: readers (queries, other tools) never wait for a
//     sync, and a sync never waits for them. Keep the minutes.db-wal and
//     minutes.db-shm files next to it; copy the archive with
//     `sqlite3 minutes.db .backup copy.db` or `VACUUM INTO`, not cp, while a
//     sync may be running.
//   - "minutes.db.lock" next to the archive is the writer lock (flock); it
//     holds the pid of the process running a sync.
//
// # Tables
//
// schema_migrations — one row per applied migration: version (1, 2, …),
// name ("0001_init"), applied_at. The migrations are the numbered .sql files
// in store/migrations, embedded in the binary and each applied in one
// transaction. A binary refuses an archive whose version is newer than its own.
//
// sources — one Dynasty installation per row.
//
//	id               integer key
//	name             short name used on the command line; unique among
//	                 registered sources; one-off sources are named host+path
//	base_url         canonical base URL, unique: scheme://host[:port][/prefix],
//	                 lower-case host, no default port, no trailing slash
//	organization     the municipality or authority ("Virolahden kunta"); filled
//	                 from the pages when not given
//	registered       1 = synced by `minutes sync`; 0 = created by a one-off sync
//	                 of a URL, or removed (its items are kept)
//	added_at         when the row was created
//	last_run_at      health: last sync run, whatever its outcome
//	last_success_at  health: last run without error
//	last_error_at    health: last failed run
//	last_error       message of the last failed run (kept after later successes)
//
// The item count of a source is not stored; it is count(*) of its items.
//
// items — one meeting item page (a § of a meeting) per row.
//
//	id                   integer key (revisions and decisions refer to it as item_rowid)
//	source_id            → sources.id
//	item_id              Dynasty's id of the page, "M-k" ("2023277-5"); unique per source
//	url                  the URL it was last fetched from
//	meeting_id           M, the meeting ("2023277", starts with the year); NULL if
//	                     item_id is not of the M-k form
//	position             k, the item's position in the meeting (not its § number)
//	first_seen           first fetch
//	last_checked         last time a sync looked at it (fetch, 304 or unchanged feed entry)
//	etag, last_modified  HTTP validators of the last response, for conditional GET
//	feed_fingerprint     fingerprint of the feed entry last seen for it; a sync skips
//	                     the fetch while it is unchanged
//	content_hash         SHA-256 (hex) of the current revision's NFC text
//	gone_at              when the item was first found missing from its site;
//	                     NULL while it is there
//	current_revision_id  → revisions.id, the newest version
//
// revisions — every distinct version of an item page ever fetched; never
// updated. A re-fetch whose text hashes the same as the current revision adds
// no row (markup noise such as session ids does not count as a change).
//
//	id              integer key; order of ids is order of fetching
//	item_rowid      → items.id
//	fetched_at      time of the fetch
//	http_status     HTTP status code of the response
//	content_type    Content-Type header as received
//	etag, last_modified  validators of this response
//	content_hash    SHA-256 (hex) of text
//	raw             the response body exactly as received (before charset
//	                decoding), compressed as raw_encoding says
//	raw_encoding    'gzip' (RFC 1952) or 'identity'
//	raw_size        length of the uncompressed body in bytes
//	text            the extracted page text, NFC
//	parser_version  parse.Version of the parser that read this text when fetched
//
// decisions — the current parsed decision of each item, one row per item,
// replaced when a new revision arrives or the item is re-parsed. The columns
// mirror parse.Decision for querying; data holds the whole value.
//
//	item_rowid     → items.id (primary key)
//	revision_id    → revisions.id, the text this decision was parsed from
//	organization   issuing organisation, as on the page         (indexed)
//	body           the deciding body ("Virolahden kunnanhallitus") (indexed)
//	document       'minutes' (pöytäkirja) or 'agenda' (esityslista)
//	meeting_date   YYYY-MM-DD, NULL when not stated            (indexed)
//	section        § number, NULL when not stated
//	item_number    agenda item number (Asianro), NULL when not stated
//	title          item title
//	diary_number   diary number (diaarinumero), "70/00.06.01/2023"
//	proposal       the proposal (päätösehdotus) as written
//	decision       the decision (päätös) as written
//	outcome        approved, amended, rejected, tabled, returned, noted,
//	               withdrawn, decided, pending or none           (indexed)
//	unanimous      1 / 0, NULL when the page does not say
//	votes_yes, votes_no, votes_blank, votes_absent
//	               a recorded vote; all NULL when there was none
//	confidential   1 when the page says the item is confidential
//	language       'fi' or 'sv'
//	data           the whole parse.Decision as JSON (preparers, handlings,
//	               attachments, warnings, …), field names as in parse
//	parser_version parse.Version of the parser that made this row (indexed, for reparse)
//	parsed_at      when it was made
//
// http_validators — conditional-GET state of URLs that are not item pages
// (feeds, meeting and body lists): url (key), etag, last_modified, checked_at.
//
// feed_entries — the fingerprint (hash of title, link, guid, date) of each
// meetings-feed entry whose meeting page was fully synced, per source:
// source_id, url, fingerprint, seen_at. An entry whose fingerprint is
// unchanged costs no request.
//
// search — the full-text index (FTS5, built-in unicode61 tokenizer), one row
// per decision, rowid = decisions.item_rowid, written in the same transaction
// as the decision. Its columns hold index keys, not text (see Search below):
//
//	title_keys, title_revs  keys of the title, and the same keys reversed
//	text_keys, text_revs    keys of organisation, body and the page text
//
// search_meta — key/value; analyzer_version says which analyzer wrote the
// search rows. A read-write Open rebuilds the index when it differs from the
// program's (and after the migration from schema 1).
//
// reparse_log — one row per decision `minutes reparse` changed: item_rowid,
// revision_id (the text re-read), reparsed_at, old_parser_version,
// new_parser_version, fields (changed JSON field names, comma-separated) and
// old_data (the decision before, as JSON): a reparse never loses anything.
//
// # Search
//
// Search is Finnish-aware without a custom SQLite tokenizer, so the archive
// still opens in any stock sqlite3 3.40 shell or Python. Go turns every word
// into one key: the Snowball Finnish stem, tidied where Snowball leaves
// inflections apart (sopimus, sopimuksen, sopimukset → "sopimus";
// turvallisuuden → "turvallisuus"; lausunto, lausunnon → "lausun"; katu,
// kadun → "kat": the last syllable's consonant gradation is put in one grade),
// and ä/ö are kept as letters of their own. The keys, and the same keys spelled
// backwards, are what the FTS5 table indexes, split on spaces by the built-in
// unicode61 tokenizer. A query is processed the same way into an FTS5
// expression built only from quoted keys (user text never reaches FTS5
// syntax): each word matches its key exactly; a key of five letters or more
// that looks like a verb infinitive (hyväksyä) also as a prefix, so that
// hyväksyttiin and hyväksytään match; and every key as a suffix, through a
// prefix query on the reversed keys, so that sopimus finds
// yhteistyösopimuksen and lupa finds rakennusluvan. This handles compounds
// without a dictionary: a compound's last part is its head, and its key is
// the end of the compound's key. The first parts of compounds are not matched
// (katu does not find katuvalaistus). A quoted phrase matches the keys in
// order. Ranking is FTS5's bm25 with title words weighing most; a query
// matching more than 2000 decisions ranks the 2000 most recently archived, so
// that common words stay fast. When the exact keys alone already match more
// than 2000 decisions, the prefix and compound forms are left out for that
// query (FTS5 merges every term of a prefix up front, which for a common short
// key costs more than the rest of the search). Snippets are cut in Go from the page text,
// marking the original words whose keys match.
//
// Filters are exact SQL conditions on decisions, sources and items. Each
// search row also holds facet terms (s<source id>, o<hash of the
// organisation>, y<meeting year>), weighted zero in bm25: an organisation
// filter, and a date range of up to three years, are added to the match as
// facet terms too, so that FTS5 skips to the rows that can pass instead of
// checking the filter on every match of a common word.
//
// Measured over 154 decision texts (the seeds, the labelled parser fixtures
// and 85 short decisions written for it) and 38 queries with hand-written
// oracles (store/eval_test.go; `go test -run TestSearchQuality -v ./store`):
// precision 0.97, recall 0.99 (micro). Known misses: irregular stems
// (jätevesi/jäteveden), and key collisions of unrelated words sharing a stem
// (aloite/aloitetaan, palauttaa/palaute).
//
// # Example queries
//
//	-- decisions of one body in 2024, newest first
//	SELECT d.meeting_date, d.section, d.title, d.outcome
//	  FROM decisions d
//	 WHERE d.body = 'Virolahden kunnanhallitus' AND d.meeting_date LIKE '2024-%'
//	 ORDER BY d.meeting_date DESC, d.section;
//
//	-- decisions whose text has a word in sopimus (any inflection)
//	SELECT rowid FROM search WHERE search MATCH 'text_keys : sopimus';
//
//	-- how many times each item page changed
//	SELECT s.name, i.item_id, count(*) AS versions
//	  FROM items i JOIN sources s ON s.id = i.source_id
//	  JOIN revisions r ON r.item_rowid = i.id
//	 GROUP BY i.id HAVING versions > 1;
//
// # Concurrency
//
// Every method runs in one transaction. Writers begin with BEGIN IMMEDIATE
// and wait up to 5 s (busy_timeout) for the write lock, so concurrent
// SaveItem calls from several goroutines or processes serialise instead of
// failing. Lock adds a coarser, non-blocking lock for whole sync runs.
package store
