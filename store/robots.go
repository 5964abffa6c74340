package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Robots returns the robots.txt cached for its URL and when it was fetched;
// ok is false when none is.
func (db *DB) Robots(ctx context.Context, robotsURL string) (body string, fetchedAt time.Time, ok bool, err error) {
	defer wrapErr(&err, "robots.txt %s", robotsURL)
	var at sql.NullString
	err = db.db.QueryRowContext(ctx, `SELECT body, fetched_at FROM robots_txt WHERE url = ?`, robotsURL).Scan(&body, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, false, nil
	}
	if err != nil {
		return "", time.Time{}, false, err
	}
	if fetchedAt, err = parseTime(at); err != nil {
		return "", time.Time{}, false, err
	}
	return body, fetchedAt, true, nil
}

// SetRobots caches a robots.txt ("" for none).
func (db *DB) SetRobots(ctx context.Context, robotsURL, body string, fetchedAt time.Time) (err error) {
	defer wrapErr(&err, "cache robots.txt %s", robotsURL)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer release()
	if _, err := tx.ExecContext(ctx, `INSERT INTO robots_txt (url, body, fetched_at) VALUES (?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at`,
		robotsURL, body, fmtTime(fetchedAt)); err != nil {
		return err
	}
	return tx.Commit()
}
