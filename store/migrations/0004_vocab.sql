-- 0004_vocab: the search index's vocabulary, read by the query side.
--
-- search_vocab lists every key the search table holds, per column, with the
-- number of decisions holding it (fts5vocab, part of FTS5 since SQLite 3.9).
-- A query uses it to split a compound only where both parts are words of the
-- archive (yhteistyösopimus ~ "yhteistyön sopimus"), to find the compounds a
-- word begins (katu → katuvalaistus) and to weigh query words by how rare
-- they are. It stores nothing: it reads the search table's own index.
--   SELECT term, doc FROM search_vocab WHERE col = 'text_keys' AND term >= 'katu' LIMIT 10;
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, col);

-- Items of one organisation with one diary number are one matter handled
-- again (board, then council; tabled, then decided): `approved` and `show`
-- look them up by it.
CREATE INDEX decisions_diary_number ON decisions (diary_number) WHERE diary_number != '';
