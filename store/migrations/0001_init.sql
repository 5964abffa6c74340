-- 0001_init: the first schema of the minutes archive.
-- Times are UTC RFC 3339 text ("2024-05-06T07:08:09.123Z"); meeting dates are "YYYY-MM-DD".
-- Booleans are 0/1 integers. NULL means "unknown / never", '' means "stated as empty".

-- A Dynasty installation, identified by its base URL (host plus optional path prefix).
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    base_url        TEXT    NOT NULL UNIQUE,
    organization    TEXT    NOT NULL DEFAULT '',
    registered      INTEGER NOT NULL DEFAULT 0 CHECK (registered IN (0, 1)),
    added_at        TEXT    NOT NULL,
    last_run_at     TEXT,
    last_success_at TEXT,
    last_error_at   TEXT,
    last_error      TEXT    NOT NULL DEFAULT ''
);
-- Only registered sources need unique names: one-off rows may share theirs.
CREATE UNIQUE INDEX sources_registered_name ON sources (name) WHERE registered = 1;

-- One meeting item page (id=M-k) of one source. Never deleted: an item that
-- disappears from its site gets gone_at.
CREATE TABLE items (
    id                  INTEGER PRIMARY KEY,
    source_id           INTEGER NOT NULL REFERENCES sources (id),
    item_id             TEXT    NOT NULL,
    url                 TEXT    NOT NULL,
    meeting_id          TEXT,
    position            INTEGER,
    first_seen          TEXT    NOT NULL,
    last_checked        TEXT    NOT NULL,
    etag                TEXT    NOT NULL DEFAULT '',
    last_modified       TEXT    NOT NULL DEFAULT '',
    feed_fingerprint    TEXT    NOT NULL DEFAULT '',
    content_hash        TEXT    NOT NULL,
    gone_at             TEXT,
    current_revision_id INTEGER REFERENCES revisions (id),
    UNIQUE (source_id, item_id)
);
CREATE INDEX items_meeting ON items (source_id, meeting_id, position);

-- Every distinct version of an item page ever fetched, oldest first by id.
CREATE TABLE revisions (
    id             INTEGER PRIMARY KEY,
    item_rowid     INTEGER NOT NULL REFERENCES items (id),
    fetched_at     TEXT    NOT NULL,
    http_status    INTEGER NOT NULL,
    content_type   TEXT    NOT NULL DEFAULT '',
    etag           TEXT    NOT NULL DEFAULT '',
    last_modified  TEXT    NOT NULL DEFAULT '',
    content_hash   TEXT    NOT NULL,
    raw            BLOB    NOT NULL,
    raw_encoding   TEXT    NOT NULL CHECK (raw_encoding IN ('gzip', 'identity')),
    raw_size       INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    parser_version INTEGER NOT NULL
);
CREATE INDEX revisions_item ON revisions (item_rowid, id);

-- The current parsed decision of each item, one row per item.
CREATE TABLE decisions (
    item_rowid     INTEGER PRIMARY KEY REFERENCES items (id),
    revision_id    INTEGER NOT NULL REFERENCES revisions (id),
    organization   TEXT    NOT NULL DEFAULT '',
    body           TEXT    NOT NULL DEFAULT '',
    document       TEXT    NOT NULL DEFAULT '',
    meeting_date   TEXT,
    section        INTEGER,
    item_number    INTEGER,
    title          TEXT    NOT NULL DEFAULT '',
    diary_number   TEXT    NOT NULL DEFAULT '',
    proposal       TEXT    NOT NULL DEFAULT '',
    decision       TEXT    NOT NULL DEFAULT '',
    outcome        TEXT    NOT NULL DEFAULT '',
    unanimous      INTEGER CHECK (unanimous IN (0, 1)),
    votes_yes      INTEGER,
    votes_no       INTEGER,
    votes_blank    INTEGER,
    votes_absent   INTEGER,
    confidential   INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    language       TEXT    NOT NULL DEFAULT '',
    data           TEXT    NOT NULL CHECK (json_valid(data)),
    parser_version INTEGER NOT NULL,
    parsed_at      TEXT    NOT NULL
);
CREATE INDEX decisions_organization ON decisions (organization);
CREATE INDEX decisions_body ON decisions (body);
CREATE INDEX decisions_meeting_date ON decisions (meeting_date);
CREATE INDEX decisions_outcome ON decisions (outcome);
CREATE INDEX decisions_parser_version ON decisions (parser_version);

-- Conditional-GET validators of URLs that are not item pages (feeds, meeting lists).
CREATE TABLE http_validators (
    url           TEXT PRIMARY KEY,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    checked_at    TEXT NOT NULL
);

-- The fingerprint of each meetings-feed entry whose meeting page was fully
-- synced, so that an unchanged entry costs no request.
CREATE TABLE feed_entries (
    source_id   INTEGER NOT NULL REFERENCES sources (id),
    url         TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    seen_at     TEXT    NOT NULL,
    PRIMARY KEY (source_id, url)
);

-- robots.txt of each site, kept for a day so that a sync with nothing new
-- asks only for feeds. An empty body means none (allow all).
CREATE TABLE robots_txt (
    url        TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
