package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/parallax-news/parallax/internal/desk"
)

// DataVersion returns a number that changes whenever any connection (of
// this process or another) has committed a change to the file since the
// last call: SQLite's PRAGMA data_version, read on a connection of its own
// that never writes, so that every commit is another connection's. The
// server keys its cache of rendered answers on it.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	db.dvMu.Lock()
	defer db.dvMu.Unlock()
	if db.dv == nil {
		c, err := db.r.Conn(ctx)
		if err != nil {
			return 0, db.wrap("read", err)
		}
		db.dv = c
	}
	var v int64
	if err := db.dv.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		db.dv.Close()
		db.dv = nil
		return 0, db.wrap("read", err)
	}
	return v, nil
}

// StoryVersion returns a story's version and the version its stored
// comparison was computed for (0 when none): what a rendered answer about
// the story depends on. An unknown id gives an error wrapping
// desk.ErrNotFound.
func (db *DB) StoryVersion(ctx context.Context, id string) (version, computed int64, err error) {
	var c sql.NullInt64
	err = db.r.QueryRowContext(ctx, `SELECT s.version, c.version FROM stories s
		LEFT JOIN comparisons c ON c.story_id = s.id WHERE s.id = ?`, id).Scan(&version, &c)
	if err == sql.ErrNoRows {
		return 0, 0, fmt.Errorf("story %s: %w", id, desk.ErrNotFound)
	}
	if err != nil {
		return 0, 0, db.wrap("read", err)
	}
	return version, c.Int64, nil
}
