package sqlite

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax/internal/desk"
)

var _ desk.ComparisonStore = (*DB)(nil)

// Stale implements desk.ComparisonStore, oldest story first (by rowid:
// the order stories were created).
func (db *DB) Stale(ctx context.Context, limit int) ([]string, error) {
	if limit <= 0 {
		limit = 1
	}
	rows, err := db.r.QueryContext(ctx, `SELECT s.id FROM stories s LEFT JOIN comparisons c ON c.story_id = s.id
		WHERE (c.version IS NULL OR c.version < s.version) AND EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = s.id)
		ORDER BY s.rowid LIMIT ?`, limit)
	if err != nil {
		return nil, db.wrap("read", err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, db.wrap("read", err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("read", err)
	}
	return out, nil
}

// PutComparison implements desk.ComparisonStore.
func (db *DB) PutComparison(ctx context.Context, c desk.Comparison) error {
	names := make([]string, len(c.Outlets))
	for i, o := range c.Outlets {
		names[i] = o.Name
	}
	outlets, err := json.Marshal(names)
	if err != nil {
		return err
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return db.wrap("begin", err)
	}
	defer tx.Rollback()
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE id = ?`, c.Story).Scan(&one); err != nil {
		return db.wrap("read", err)
	}
	if one == 0 {
		return fmt.Errorf("story %s: %w", c.Story, desk.ErrNotFound)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO comparisons (story_id, version, report, title, outlets, n_outlets, n_articles, first, last)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, title = excluded.title,
			outlets = excluded.outlets, n_outlets = excluded.n_outlets, n_articles = excluded.n_articles,
			first = excluded.first, last = excluded.last, computed_at = excluded.computed_at`,
		c.Story, c.Version, "", c.Title, string(outlets), len(c.Outlets), c.Articles, unix(c.First), unix(c.Last)); err != nil {
		return db.wrap("put comparison in", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO comparison_reports (story_id, report) VALUES (?, ?)
		ON CONFLICT (story_id) DO UPDATE SET report = excluded.report`, c.Story, string(c.Report)); err != nil {
		return db.wrap("put comparison in", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_outlets WHERE story_id = ?`, c.Story); err != nil {
		return db.wrap("put comparison in", err)
	}
	for _, o := range c.Outlets {
		omitted := []byte("[]")
		if len(o.Omitted) > 0 {
			if omitted, err = json.Marshal(o.Omitted); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_outlets (story_id, outlet, articles, omitted) VALUES (?, ?, ?, ?)
			ON CONFLICT DO UPDATE SET articles = story_outlets.articles + excluded.articles`,
			c.Story, o.Name, o.Articles, string(omitted)); err != nil {
			return db.wrap("put comparison in", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return db.wrap("commit", err)
	}
	return nil
}
