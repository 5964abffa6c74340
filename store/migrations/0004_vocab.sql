-- 0004_vocab: the words the archive holds, for the query side.
--
-- search_terms lists every distinct key (see 0002_search) of three letters or
-- more that the search table holds, titles and texts alike; SaveItem adds
-- the keys of each page it indexes. A query uses it to split a compound only
-- where both parts are words of the archive (yhteistyösopimus ~ "yhteistyön
-- sopimus") and to find the compounds a word begins (katu → katuvalaistus).
-- It only grows: a key whose last page changed stays, which at worst lets a
-- query try a form that finds nothing.
--   SELECT term FROM search_terms WHERE term >= 'katu' AND term < 'katv';
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;

-- An archive indexed before this migration: its keys, once, from the index
-- itself (fts5vocab reads the search table's term index; a temporary table
-- so that nothing of it stays in the schema).
CREATE VIRTUAL TABLE temp.search_vocab_0004 USING fts5vocab(main, search, col);
INSERT OR IGNORE INTO search_terms (term)
    SELECT term FROM temp.search_vocab_0004 WHERE col IN ('title_keys', 'text_keys') AND length(term) >= 3;
DROP TABLE temp.search_vocab_0004;

-- Items of one organisation with one diary number are one matter handled
-- again (board, then council; tabled, then decided): `approved` and `show`
-- look them up by it.
CREATE INDEX decisions_diary_number ON decisions (diary_number) WHERE diary_number != '';

-- A source's failure streak: how many runs in a row failed, and since when
-- (NULL while it succeeds). Sites move between platforms; a source failing
-- for a week is tried once a day, not every run.
ALTER TABLE sources ADD COLUMN failed_runs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN failing_since TEXT;
