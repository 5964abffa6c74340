package store

import (
	"context"
	"database/sql"
	"strings"
)

// vocab is the search index's vocabulary (the search_vocab table) read in
// one transaction: it implements search.Vocabulary over one column.
type vocab struct {
	ctx context.Context
	tx  *sql.Tx
	col string // "text_keys" or "title_keys"
}

// maxVocabArgs bounds the keys of one look-up statement.
const maxVocabArgs = 500

// Counts returns the number of decisions holding each key in the column.
func (v vocab) Counts(keys []string) (map[string]int, error) {
	out := make(map[string]int, len(keys))
	seen := map[string]bool{}
	var batch []any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rows, err := v.tx.QueryContext(v.ctx, `SELECT term, doc FROM search_vocab WHERE col = ? AND term IN (`+
			strings.TrimSuffix(strings.Repeat("?,", len(batch)), ",")+`)`, append([]any{v.col}, batch...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var term string
			var n int
			if err := rows.Scan(&term, &n); err != nil {
				return err
			}
			out[term] = n
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

// WithPrefix returns the column's keys that start with prefix, in key order.
func (v vocab) WithPrefix(prefix string, limit int) ([]string, error) {
	rows, err := v.tx.QueryContext(v.ctx, `SELECT term FROM search_vocab WHERE col = ? AND term >= ? AND term < ? LIMIT ?`,
		v.col, prefix, prefix+"\U0010FFFF", limit)
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
