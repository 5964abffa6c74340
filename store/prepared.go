package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache holds the write path's statements, each prepared once on the
// pool: database/sql then prepares it once on each connection and reuses
// that (Tx.StmtContext), so that saving an item does not compile its SQL
// again every time. The pool keeps its idle connections (open), and with
// them their statements. It holds at most maxStmts: statements built from
// a varying list of columns (updateDecision) past that are run unprepared.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

const maxStmts = 128

// stmt returns the pool statement of query, preparing it the first time;
// nil (and no error) when the cache is full.
func (db *DB) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	c := &db.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[query]; ok {
		return s, nil
	}
	if len(c.m) >= maxStmts {
		return nil, nil
	}
	s, err := db.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = s
	return s, nil
}

// exec runs a write-path statement in tx, prepared once per connection.
func (db *DB) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	s, err := db.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return tx.ExecContext(ctx, query, args...)
	}
	return tx.StmtContext(ctx, s).ExecContext(ctx, args...)
}

// queryRow runs a write-path query in tx, prepared once per connection.
func (db *DB) queryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	s, err := db.stmt(ctx, query)
	if err != nil || s == nil {
		// Unprepared; a preparing error is reported when the row is scanned.
		return tx.QueryRowContext(ctx, query, args...)
	}
	return tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
}

// closeStmts closes the prepared statements, before the pool closes.
func (db *DB) closeStmts() {
	c := &db.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.m {
		s.Close()
	}
	c.m = nil
}

// beginWrite starts a write transaction in this process's turn. SQLite
// lets one writer in at a time and makes the others wait in its busy
// handler, which sleeps (1, 2, 5, 10 … 100 ms) and retries: with sixteen
// sources syncing at once most of a sync was spent asleep. Writers of one
// process queue on a mutex instead, handed over the moment the previous
// commit ends; other processes still meet the busy timeout. release rolls
// back what was not committed and ends the turn; defer it.
func (db *DB) beginWrite(ctx context.Context) (tx *sql.Tx, release func(), err error) {
	db.writeMu.Lock()
	tx, err = db.db.BeginTx(ctx, nil)
	if err != nil {
		db.writeMu.Unlock()
		return nil, nil, err
	}
	return tx, func() {
		tx.Rollback() // after Commit, a no-op
		db.writeMu.Unlock()
	}, nil
}

// writeTurn takes this process's writer turn for a statement run outside
// a transaction; call the returned function when it is done.
func (db *DB) writeTurn() func() {
	db.writeMu.Lock()
	return db.writeMu.Unlock
}
