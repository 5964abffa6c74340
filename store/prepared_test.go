package store

import (
	"context"
	"fmt"
	"testing"
)

// The statement cache stays bounded: past maxStmts distinct statements run
// unprepared, and still run.
func TestStatementCacheBounded(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	tx, release, err := db.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for i := 0; i < maxStmts+10; i++ {
		var n int
		if err := db.queryRow(ctx, tx, fmt.Sprintf("SELECT %d", i)).Scan(&n); err != nil || n != i {
			t.Fatalf("statement %d: %d %v", i, n, err)
		}
	}
	if len(db.stmts.m) != maxStmts {
		t.Errorf("%d statements cached, want the bound %d", len(db.stmts.m), maxStmts)
	}
}
