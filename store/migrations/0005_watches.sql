-- 0005_watches: saved searches whose new matches each sync records.

-- A watch: a query and filters, as 'minutes watch add' took them (filters
-- stored as given, '' for none; outcomes comma-separated). checked_revision
-- is the highest revisions.id already looked at: a decision whose current
-- revision is above it has not been matched against this watch yet, so a
-- sync that stopped halfway leaves nothing unmatched.
CREATE TABLE watches (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE,
    query            TEXT    NOT NULL,
    organization     TEXT    NOT NULL DEFAULT '',
    body             TEXT    NOT NULL DEFAULT '',
    since            TEXT    NOT NULL DEFAULT '',
    until            TEXT    NOT NULL DEFAULT '',
    outcomes         TEXT    NOT NULL DEFAULT '',
    created_at       TEXT    NOT NULL,
    checked_revision INTEGER NOT NULL
);

-- One revision of an item that matched a watch when it was archived: 'new'
-- for an item's first revision, 'changed' for a later one. reported_at is
-- when 'minutes watch news' printed it (NULL: not yet).
CREATE TABLE watch_matches (
    watch_id    INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    revision_id INTEGER NOT NULL REFERENCES revisions (id),
    item_rowid  INTEGER NOT NULL REFERENCES items (id),
    change      TEXT    NOT NULL CHECK (change IN ('new', 'changed')),
    recorded_at TEXT    NOT NULL,
    reported_at TEXT,
    PRIMARY KEY (watch_id, revision_id)
) WITHOUT ROWID;
CREATE INDEX watch_matches_recorded ON watch_matches (watch_id, recorded_at);

-- The decisions archived since a revision, found without a scan.
CREATE INDEX decisions_revision ON decisions (revision_id);
