package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// EntryFingerprint returns the fingerprint recorded for a feed entry (a
// meeting) of a source, "" when none was.
func (db *DB) EntryFingerprint(ctx context.Context, sourceID int64, url string) (string, error) {
	var fp string
	err := db.db.QueryRowContext(ctx, `SELECT fingerprint FROM feed_entries WHERE source_id = ? AND url = ?`, sourceID, url).Scan(&fp)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("entry fingerprint of %s: %w", url, err)
	}
	return fp, nil
}

// SetEntryFingerprint records a feed entry's fingerprint once everything it
// leads to is stored.
func (db *DB) SetEntryFingerprint(ctx context.Context, sourceID int64, url, fingerprint string, at time.Time) (err error) {
	defer wrapErr(&err, "set entry fingerprint of %s", url)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	if _, err := tx.ExecContext(ctx, `INSERT INTO feed_entries (source_id, url, fingerprint, seen_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (source_id, url) DO UPDATE SET fingerprint = excluded.fingerprint, seen_at = excluded.seen_at`,
		sourceID, url, fingerprint, fmtTime(at)); err != nil {
		return err
	}
	return tx.Commit()
}
