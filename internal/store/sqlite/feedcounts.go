package sqlite

import "context"

// FeedArticles returns, by feed id, how many of each feed's items were
// handed on as articles (done items); feeds with none are absent. It is
// the count the desk's feeds page shows (deskweb.FeedCounter).
func (db *DB) FeedArticles(ctx context.Context) (map[int64]int, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT feed_id, count(*) FROM feed_items WHERE state = 'done' GROUP BY feed_id`)
	if err != nil {
		return nil, db.wrap("count feed articles in", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, db.wrap("count feed articles in", err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("count feed articles in", err)
	}
	return out, nil
}
