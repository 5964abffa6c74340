package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Robots returns the robots.txt cached for its URL and when it was fetched;
// ok is false when none is.
func (db *DB) Robots(ctx context.Context, robotsURL string) (body string, fetchedAt time.Time, ok bool, err error) {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return "", time.Time{}, false, fmt.Errorf("robots.txt %s: %w", robotsURL, err)
	}
	defer tx.Rollback()
	var at sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT body, fetched_at FROM robots_txt WHERE url = ?`, robotsURL).Scan(&body, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, false, nil
	}
	if err != nil {
		return "", time.Time{}, false, fmt.Errorf("robots.txt %s: %w", robotsURL, err)
	}
	if fetchedAt, err = parseTime(at); err != nil {
		return "", time.Time{}, false, fmt.Errorf("robots.txt %s: %w", robotsURL, err)
	}
	return body, fetchedAt, true, tx.Commit()
}

// SetRobots caches a robots.txt ("" for none).
func (db *DB) SetRobots(ctx context.Context, robotsURL, body string, fetchedAt time.Time) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("cache robots.txt %s: %w", robotsURL, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO robots_txt (url, body, fetched_at) VALUES (?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at`,
		robotsURL, body, fmtTime(fetchedAt)); err != nil {
		return fmt.Errorf("cache robots.txt %s: %w", robotsURL, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cache robots.txt %s: %w", robotsURL, err)
	}
	return nil
}
