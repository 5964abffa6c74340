-- 0006_extracted: what the extractor made of a page besides its text.
--
-- extracted is the reader's own record (harvest writes and reads it; the store
-- keeps it as given): where the page's head ends in text, its bold paragraphs,
-- its <title>, and the version of the extractor that made them. A reparse after
-- a parser change reads the page from text and extracted, without the raw page;
-- NULL (revisions fetched before this migration) or an older extractor's record
-- sends it back to the raw bytes, and the reparse then fills it in.
ALTER TABLE revisions ADD COLUMN extracted TEXT;
