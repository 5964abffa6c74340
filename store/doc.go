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
// The tables and their columns are described next to the migrations that
// make them, in store/migrations/README.md, with example queries.
//
// # Search
//
// Search is Finnish-aware without a custom SQLite tokenizer, so the archive
// still opens in any stock sqlite3 3.40 shell or Python: package search turns
// every word into a key (and the key reversed, for compounds ending in a
// word), the FTS5 table indexes those keys with the built-in unicode61
// tokenizer, and a query becomes an FTS5 expression built only from quoted
// keys (fts.go): user text never reaches FTS5 syntax. Filters are exact SQL
// conditions; an organisation filter and a short date range also go into
// the match as facet terms (s<source id>, o<organisation hash>, y<year>,
// weighted zero in bm25), so that FTS5 skips to the rows that can pass.
//
// # Concurrency
//
// Every method runs in one transaction. Writers of one process take turns
// on a mutex (beginWrite) and begin with BEGIN IMMEDIATE; another process
// waits up to 5 s (busy_timeout) for the write lock, so concurrent writers
// serialise instead of failing. Lock adds a coarser, non-blocking lock for
// whole sync and reparse runs.
package store
