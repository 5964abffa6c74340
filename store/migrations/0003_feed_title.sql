-- 0003_feed_title: what the items feed said of each item.
--
-- feed_title is the feed entry's whole title, "<Body> DD.MM.YYYY / <Title>", as
-- last seen ('' for items only ever found on list pages). The parser takes it as
-- evidence of title, body and date, so `minutes reparse` needs it as much as the
-- raw page.
ALTER TABLE items ADD COLUMN feed_title TEXT NOT NULL DEFAULT '';
