package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// TestMigrateGap opens a file that recorded a higher step without a lower
// one (as a file made on a branch whose step is numbered ahead of
// another's): Open applies the missing step and leaves the recorded one.
func TestMigrateGap(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "gap.db")
	old, err := open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.migrate(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// Version 4 (feeds) applied and recorded, version 2 (search) not.
	for _, s := range steps() {
		if s.version == 4 {
			if _, err := old.w.ExecContext(ctx, s.sql); err != nil {
				t.Fatal(err)
			}
			if _, err := old.w.ExecContext(ctx, `INSERT INTO schema_version (version, name) VALUES (4, ?)`, s.name); err != nil {
				t.Fatal(err)
			}
		}
	}
	old.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open(file with 1 and 4): %v", err)
	}
	defer db.Close()
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts`).Scan(&n); err != nil {
		t.Errorf("after Open the search index of step 2 is missing: %v", err)
	}
	done, err := db.applied(ctx)
	if err != nil || !done[1] || !done[2] || !done[4] {
		t.Errorf("applied = %v, %v; want 1, 2 and 4", done, err)
	}
}
