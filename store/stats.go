package store

import (
	"context"
	"database/sql"
	"errors"
)

// Count is one group of a statistic: its key and how many decisions fall in
// it. Organization is set for bodies, which are named alike across
// organisations ("Kunnanhallitus").
type Count struct {
	Key          string
	Organization string
	N            int
}

// Stats counts the archived decisions.
type Stats struct {
	Decisions      int
	ByOrganization []Count // most first
	ByBody         []Count // most first
	ByYear         []Count // by year, newest first; "" for no meeting date
	ByOutcome      []Count // most first
}

// Stats counts the decisions matching the filter by organisation, body,
// year of the meeting and outcome.
func (db *DB) Stats(ctx context.Context, f Filter) (st Stats, err error) {
	defer wrapErr(&err, "stats")
	if err := f.Validate(); err != nil {
		return Stats{}, err
	}
	where, args := f.where()
	from := ` FROM decisions d JOIN items i ON i.id = d.item_rowid JOIN sources s ON s.id = i.source_id WHERE ` + where
	// One read transaction, so that the groups add up to the count.
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Stats{}, err
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&st.Decisions); err != nil {
		return Stats{}, err
	}
	for _, g := range []struct {
		dst   *[]Count
		query string
	}{
		{&st.ByOrganization, `SELECT coalesce(nullif(d.organization, ''), nullif(s.organization, ''), s.name), '', count(*)` +
			from + ` GROUP BY 1 ORDER BY 3 DESC, 1`},
		{&st.ByBody, `SELECT d.body, coalesce(nullif(d.organization, ''), nullif(s.organization, ''), s.name), count(*)` +
			from + ` GROUP BY 2, 1 ORDER BY 3 DESC, 2, 1`},
		{&st.ByYear, `SELECT coalesce(substr(d.meeting_date, 1, 4), ''), '', count(*)` + from + ` GROUP BY 1 ORDER BY 1 DESC`},
		{&st.ByOutcome, `SELECT d.outcome, '', count(*)` + from + ` GROUP BY 1 ORDER BY 3 DESC, 1`},
	} {
		rows, err := tx.QueryContext(ctx, g.query, args...)
		if err != nil {
			return Stats{}, err
		}
		for rows.Next() {
			var c Count
			if err := rows.Scan(&c.Key, &c.Organization, &c.N); err != nil {
				rows.Close()
				return Stats{}, err
			}
			*g.dst = append(*g.dst, c)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return Stats{}, err
		}
	}
	if err := tx.Commit(); err != nil {
		return Stats{}, err
	}
	return st, nil
}
