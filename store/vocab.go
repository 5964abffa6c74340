package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// vocab is the archive's vocabulary (the search_terms table) read in one
// transaction: it implements search.Vocabulary.
type vocab struct {
	ctx context.Context
	tx  *sql.Tx
}

// maxVocabArgs bounds the values of one statement.
const maxVocabArgs = 500

// Known returns which of keys the archive holds.
func (v vocab) Known(keys []string) (map[string]bool, error) {
	out := make(map[string]bool, len(keys))
	seen := map[string]bool{}
	var batch []any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rows, err := v.tx.QueryContext(v.ctx, `SELECT term FROM search_terms WHERE term IN (`+
			strings.TrimSuffix(strings.Repeat("?,", len(batch)), ",")+`)`, batch...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var term string
			if err := rows.Scan(&term); err != nil {
				return err
			}
			out[term] = true
		}
		batch = batch[:0]
		return rows.Err()
	}
	for _, k := range keys {
		if seen[k] {
			continue
		}
		seen[k] = true
		batch = append(batch, k)
		if len(batch) == maxVocabArgs {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	return out, flush()
}

// WithPrefix returns the archive's keys that start with prefix, in key order.
func (v vocab) WithPrefix(prefix string, limit int) ([]string, error) {
	rows, err := v.tx.QueryContext(v.ctx, `SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?`,
		prefix, prefix+"\U0010FFFF", limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var term string
		if err := rows.Scan(&term); err != nil {
			return nil, err
		}
		if strings.HasPrefix(term, prefix) {
			out = append(out, term)
		}
	}
	return out, rows.Err()
}

// maxCountedTitles caps the titles counted for a clause's weight: past it a
// word is common, and counting further would read its whole posting list.
const maxCountedTitles = 20000

// WrittenInPart reports whether some row's title or text writes the
// compound of first and last (keys, search.Clause.Parts) in part
// (inPartAlts): search.Expand asks once per split word, so that match
// expressions carry those forms only where the archive has them.
func (v vocab) WrittenInPart(first, last []string) (bool, error) {
	var alts []string
	for _, f := range first {
		for _, l := range last {
			alts = append(alts, inPartAlts(f, l, allColumns)...)
		}
	}
	if len(alts) == 0 {
		return false, nil
	}
	var one int
	err := v.tx.QueryRowContext(v.ctx, `SELECT 1 FROM search WHERE search MATCH ? LIMIT 1`, strings.Join(alts, " OR ")).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}
