package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/poll"
)

var _ poll.FeedStore = (*DB)(nil)

// The feed methods write through the writer pool outside any desk.Tx:
// each is its own short transaction. (A caller holding a desk.Tx open
// must not call them from the same goroutine: the one writer connection
// is the Tx's until it ends.)

const feedColumns = `id, url, title, etag, last_modified, next_check_at, checked_at, last_status, last_error, error_count, created_at`

func scanFeed(sc scanner) (poll.Feed, error) {
	var f poll.Feed
	var next, checked, added int64
	if err := sc.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified, &next, &checked, &f.LastStatus, &f.LastError, &f.ErrorCount, &added); err != nil {
		return f, err
	}
	f.NextCheck, f.Added = unixTime(next), unixTime(added)
	if checked != 0 {
		f.CheckedAt = unixTime(checked)
	}
	return f, nil
}

// unixTime is t, Unix seconds, in UTC.
func unixTime(t int64) time.Time { return time.Unix(t, 0).UTC() }

// AddFeed implements poll.FeedStore.
func (db *DB) AddFeed(ctx context.Context, url, title string) (poll.Feed, bool, error) {
	url = strings.TrimSpace(url)
	res, err := db.w.ExecContext(ctx, `INSERT INTO feeds (url, title, next_check_at) VALUES (?, ?, 0) ON CONFLICT (url) DO NOTHING`, url, title)
	if err != nil {
		return poll.Feed{}, false, db.wrap("add feed to", err)
	}
	n, _ := res.RowsAffected()
	f, err := scanFeed(db.w.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, url))
	if err != nil {
		return poll.Feed{}, false, db.wrap("add feed to", err)
	}
	return f, n == 1, nil
}

// RemoveFeed implements poll.FeedStore. Its items and log go with it
// (ON DELETE CASCADE); articles read from it stay.
func (db *DB) RemoveFeed(ctx context.Context, id int64) error {
	res, err := db.w.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
	if err != nil {
		return db.wrap("remove feed from", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", id, poll.ErrNotFound)
	}
	return nil
}

// Feeds implements poll.FeedStore.
func (db *DB) Feeds(ctx context.Context) ([]poll.Feed, error) {
	return db.feeds(ctx, `SELECT `+feedColumns+` FROM feeds ORDER BY id`)
}

// DueFeeds implements poll.FeedStore.
func (db *DB) DueFeeds(ctx context.Context, now time.Time, limit int) ([]poll.Feed, error) {
	return db.feeds(ctx, `SELECT `+feedColumns+` FROM feeds WHERE next_check_at <= ? ORDER BY next_check_at, id LIMIT ?`, now.Unix(), limit)
}

func (db *DB) feeds(ctx context.Context, query string, args ...any) ([]poll.Feed, error) {
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, db.wrap("read feeds in", err)
	}
	defer rows.Close()
	out := []poll.Feed{}
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, db.wrap("read feeds in", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("read feeds in", err)
	}
	return out, nil
}

// RecordCheck implements poll.FeedStore, in one transaction.
func (db *DB) RecordCheck(ctx context.Context, c poll.Check) (int, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, db.wrap("record check in", err)
	}
	defer tx.Rollback()
	set := `checked_at = ?, next_check_at = ?, last_status = ?`
	args := []any{c.At.Unix(), c.NextCheck.Unix(), c.Status}
	if c.Err != "" {
		set += `, last_error = ?, error_count = error_count + 1`
		args = append(args, c.Err)
	} else {
		set += `, last_error = '', error_count = 0`
		if !c.NotModified {
			set += `, etag = ?, last_modified = ?`
			args = append(args, c.ETag, c.LastModified)
		}
	}
	if c.Title != "" {
		set += `, title = ?`
		args = append(args, c.Title)
	}
	res, err := tx.ExecContext(ctx, `UPDATE feeds SET `+set+` WHERE id = ?`, append(args, c.Feed)...)
	if err != nil {
		return 0, db.wrap("record check in", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, fmt.Errorf("feed %d: %w", c.Feed, poll.ErrNotFound)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO fetch_log (feed_id, url, at, status, bytes, items, duration_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Feed, c.URL, c.At.Unix(), c.Status, c.Bytes, len(c.Items), c.Duration.Milliseconds(), c.Err); err != nil {
		return 0, db.wrap("record check in", err)
	}
	queued := 0
	if len(c.Items) > 0 {
		st, err := tx.PrepareContext(ctx, `INSERT INTO feed_items (feed_id, url, guid, title, author, published, text, language, seen_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, url) DO NOTHING`)
		if err != nil {
			return 0, db.wrap("record check in", err)
		}
		defer st.Close()
		for _, it := range c.Items {
			res, err := st.ExecContext(ctx, c.Feed, it.URL, it.GUID, it.Title, it.Author, formatTime(it.Published), it.Text, it.Language, c.At.Unix())
			if err != nil {
				return 0, db.wrap("record check in", err)
			}
			if n, _ := res.RowsAffected(); n == 1 {
				queued++
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, db.wrap("record check in", err)
	}
	return queued, nil
}

// PendingItems implements poll.FeedStore: a window over each feed's
// pending items, ordered by rank then feed, takes them in turns.
func (db *DB) PendingItems(ctx context.Context, perFeed, limit int) ([]poll.Item, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, feed_id, url, guid, title, author, published, text, language, attempts FROM (
			SELECT *, row_number() OVER (PARTITION BY feed_id ORDER BY id) AS turn FROM feed_items WHERE state = 'pending')
		WHERE turn <= ? ORDER BY turn, feed_id LIMIT ?`, perFeed, limit)
	if err != nil {
		return nil, db.wrap("read feed items in", err)
	}
	defer rows.Close()
	out := []poll.Item{}
	for rows.Next() {
		var it poll.Item
		var pub string
		if err := rows.Scan(&it.ID, &it.Feed, &it.URL, &it.GUID, &it.Title, &it.Author, &pub, &it.Text, &it.Language, &it.Attempts); err != nil {
			return nil, db.wrap("read feed items in", err)
		}
		if it.Published, err = parseTime(pub); err != nil {
			return nil, fmt.Errorf("feed item %d: %w", it.ID, err)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("read feed items in", err)
	}
	return out, nil
}

// FinishItem implements poll.FeedStore, in one transaction.
func (db *DB) FinishItem(ctx context.Context, r poll.ItemResult) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return db.wrap("finish feed item in", err)
	}
	defer tx.Rollback()
	var res sql.Result
	switch {
	case r.Done:
		res, err = tx.ExecContext(ctx, `UPDATE feed_items SET state = 'done', last_error = ?, done_at = ? WHERE id = ?`, r.Err, r.At.Unix(), r.Item)
	case r.GiveUp:
		res, err = tx.ExecContext(ctx, `UPDATE feed_items SET state = 'failed', attempts = attempts + 1, last_error = ?, done_at = ? WHERE id = ?`, r.Err, r.At.Unix(), r.Item)
	default:
		res, err = tx.ExecContext(ctx, `UPDATE feed_items SET attempts = attempts + 1, last_error = ? WHERE id = ?`, r.Err, r.Item)
	}
	if err != nil {
		return db.wrap("finish feed item in", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed item %d: %w", r.Item, poll.ErrNotFound)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO fetch_log (feed_id, url, at, status, bytes, duration_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		r.Feed, r.URL, r.At.Unix(), r.Status, r.Bytes, r.Duration.Milliseconds(), r.Err); err != nil {
		return db.wrap("finish feed item in", err)
	}
	if err := tx.Commit(); err != nil {
		return db.wrap("finish feed item in", err)
	}
	return nil
}
