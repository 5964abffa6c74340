-- 0002_search: full-text search over the decisions, and the reparse log.
--
-- search holds one row per decision (rowid = decisions.item_rowid). Its text is
-- not the page text but index terms written by minutes itself: one key per
-- word (a Finnish stem, the same for the inflected forms of a word, see
-- store/finnish.go), and the same keys spelled backwards, which turns "words
-- ending in sopimus" (compounds such as yhteistyösopimus) into a prefix query.
-- The built-in unicode61 tokenizer only splits these on spaces, so the table
-- reads in any SQLite 3.40 shell; query it through `minutes search`, or with
-- keys: SELECT rowid FROM search WHERE search MATCH 'text_keys : sopimus AND facets : s7';
CREATE VIRTUAL TABLE search USING fts5(
    title_keys,  -- keys of the item title
    title_revs,  -- the same keys reversed
    text_keys,   -- keys of organisation, body and the whole page text
    text_revs,   -- the same keys reversed
    facets,      -- filter terms: s<source id>, y<meeting year> ("s7 y2023"), so that a
                 -- selective filter narrows the full-text match inside FTS5
    tokenize = 'unicode61 remove_diacritics 0'
);

-- search_meta records which analyzer wrote the search rows; a read-write open
-- rebuilds the index when the program's analyzer differs (here: never yet).
CREATE TABLE search_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO search_meta (key, value) VALUES ('analyzer_version', '0');

-- One row per decision that `minutes reparse` changed: which fields changed
-- and the decision as it was before, so a reparse never loses anything.
CREATE TABLE reparse_log (
    id                 INTEGER PRIMARY KEY,
    item_rowid         INTEGER NOT NULL REFERENCES items (id),
    revision_id        INTEGER NOT NULL REFERENCES revisions (id),
    reparsed_at        TEXT    NOT NULL,
    old_parser_version INTEGER NOT NULL,
    new_parser_version INTEGER NOT NULL,
    fields             TEXT    NOT NULL, -- changed JSON field names, comma-separated
    old_data           TEXT    NOT NULL CHECK (json_valid(old_data))
);
CREATE INDEX reparse_log_item ON reparse_log (item_rowid, id);
