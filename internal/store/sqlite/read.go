package sqlite

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/desk"
)

var _ desk.Reader = (*DB)(nil)

// ftsQuery turns a user's words into an FTS5 query that matches every
// one of them: each word quoted, so that no character of the input is
// FTS5 syntax. A word ending in * stays a prefix query. It returns "" when
// q holds no word.
func ftsQuery(q string) string {
	var b strings.Builder
	n := 0
	for _, f := range strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '*' && r != '\'' && r != '-'
	}) {
		prefix := strings.HasSuffix(f, "*")
		w := strings.Trim(f, "*'-")
		w = strings.Map(func(r rune) rune {
			if r == '*' {
				return -1
			}
			return r
		}, w)
		if w == "" {
			continue
		}
		if n++; n > 16 { // a bound on the work one query asks for
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + w + `"`)
		if prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// cursor encodes a page position.
func encodeCursor(v any) string {
	b, _ := json.Marshal(v)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		err = json.Unmarshal(b, v)
	}
	if err != nil {
		return fmt.Errorf("cursor %q: %w", s, desk.ErrBadRequest)
	}
	return nil
}

// storyKey is the position of a story in the list order.
type storyKey struct {
	Outlets int    `json:"o"`
	Last    int64  `json:"l"`
	ID      string `json:"i"`
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

// ListStories implements desk.Reader. It walks the comparisons_rank index
// from the cursor (keyset pagination: a page costs the same wherever it
// is).
func (db *DB) ListStories(ctx context.Context, f desk.StoryFilter) (desk.StoryPage, error) {
	limit := f.Size()
	var where []string
	var args []any
	if f.Cursor != "" {
		var k storyKey
		if err := decodeCursor(f.Cursor, &k); err != nil {
			return desk.StoryPage{}, err
		}
		where = append(where, `(c.n_outlets < ? OR c.n_outlets = ? AND (c.last < ? OR c.last = ? AND c.story_id > ?))`)
		args = append(args, k.Outlets, k.Outlets, k.Last, k.Last, k.ID)
	}
	if f.MinOutlets > 1 {
		where = append(where, `c.n_outlets >= ?`)
		args = append(args, f.MinOutlets)
	}
	if !f.Since.IsZero() {
		where = append(where, `c.last >= ?`)
		args = append(args, f.Since.Unix())
	}
	if !f.Until.IsZero() {
		where = append(where, `c.first != 0 AND c.first <= ?`)
		args = append(args, f.Until.Unix())
	}
	if f.Outlet != "" {
		where = append(where, `c.story_id IN (SELECT story_id FROM story_outlets WHERE outlet = ?)`)
		args = append(args, f.Outlet)
	}
	if f.Query != "" {
		q := ftsQuery(f.Query)
		if q == "" {
			return desk.StoryPage{}, fmt.Errorf("query %q has no words: %w", f.Query, desk.ErrBadRequest)
		}
		where = append(where, `c.story_id IN (SELECT m.story_id FROM articles_fts JOIN story_members m ON m.article_id = articles_fts.rowid WHERE articles_fts MATCH ?)`)
		args = append(args, q)
	}
	query := `SELECT c.story_id, c.title, c.outlets, c.n_outlets, c.n_articles, c.first, c.last, c.version, s.version, s.closed
		FROM comparisons c JOIN stories s ON s.id = c.story_id`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY c.n_outlets DESC, c.last DESC, c.story_id LIMIT ?`
	args = append(args, limit+1)
	rows, err := db.r.QueryContext(ctx, query, args...)
	if err != nil {
		return desk.StoryPage{}, db.wrap("read", err)
	}
	defer rows.Close()
	page := desk.StoryPage{Stories: []desk.StorySummary{}}
	var key storyKey
	for rows.Next() {
		var s desk.StorySummary
		var outlets string
		var nOutlets int
		var first, last int64
		if err := rows.Scan(&s.ID, &s.Title, &outlets, &nOutlets, &s.Articles, &first, &last, &s.Computed, &s.Version, &s.Closed); err != nil {
			return desk.StoryPage{}, db.wrap("read", err)
		}
		if len(page.Stories) == limit {
			page.Next = encodeCursor(key)
			break
		}
		if err := json.Unmarshal([]byte(outlets), &s.Outlets); err != nil {
			return desk.StoryPage{}, fmt.Errorf("story %s: outlets: %w", s.ID, err)
		}
		s.First, s.Last = fromUnix(first), fromUnix(last)
		key = storyKey{nOutlets, last, s.ID}
		page.Stories = append(page.Stories, s)
	}
	if err := rows.Err(); err != nil {
		return desk.StoryPage{}, db.wrap("read", err)
	}
	return page, nil
}

// StoryDetail implements desk.Reader.
func (db *DB) StoryDetail(ctx context.Context, id string) (desk.StoryDetail, error) {
	var d desk.StoryDetail
	st, err := db.Story(ctx, id)
	if err != nil {
		return d, err
	}
	d.Story = st
	var report sql.NullString
	var computed sql.NullInt64
	err = db.r.QueryRowContext(ctx, `SELECT s.version, r.report, c.version FROM stories s
		LEFT JOIN comparisons c ON c.story_id = s.id LEFT JOIN comparison_reports r ON r.story_id = s.id
		WHERE s.id = ?`, id).Scan(&d.Version, &report, &computed)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("story %s: %w", id, desk.ErrNotFound)
	}
	if err != nil {
		return d, db.wrap("read", err)
	}
	if report.Valid {
		d.Comparison, d.Computed = []byte(report.String), computed.Int64
	}
	rows, err := db.r.QueryContext(ctx, `SELECT a.id, a.source, a.title, a.url, a.published
		FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY m.pos`, id)
	if err != nil {
		return d, db.wrap("read", err)
	}
	defer rows.Close()
	d.Timeline = []desk.Member{}
	for rows.Next() {
		var m desk.Member
		var pub string
		if err := rows.Scan(&m.Article, &m.Outlet, &m.Title, &m.URL, &pub); err != nil {
			return d, db.wrap("read", err)
		}
		if m.Published, err = parseTime(pub); err != nil {
			return d, fmt.Errorf("article %d: %w", m.Article, err)
		}
		d.Timeline = append(d.Timeline, m)
	}
	if err := rows.Err(); err != nil {
		return d, db.wrap("read", err)
	}
	sortTimeline(d.Timeline)
	return d, nil
}

// sortTimeline orders members by publication time, undated last, then id.
func sortTimeline(ms []desk.Member) {
	less := func(a, b desk.Member) int {
		switch {
		case a.Published.IsZero() != b.Published.IsZero():
			if a.Published.IsZero() {
				return 1
			}
			return -1
		case !a.Published.Equal(b.Published):
			return a.Published.Compare(b.Published)
		}
		return int(a.Article - b.Article)
	}
	slices.SortFunc(ms, less)
}

// StoryOf implements desk.Reader.
func (db *DB) StoryOf(ctx context.Context, article int64) (string, error) {
	var story sql.NullString
	err := db.r.QueryRowContext(ctx, `SELECT m.story_id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id WHERE a.id = ?`, article).Scan(&story)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("article %d: %w", article, desk.ErrNotFound)
	}
	if err != nil {
		return "", db.wrap("read", err)
	}
	return story.String, nil
}

// Search implements desk.Reader: FTS5's bm25 order over the newest
// desk.MaxRanked matches (the rowid bound is found by walking the match
// list backwards, which costs little; bm25 costs for every row it ranks),
// snippet() for the marked passages, and offset pagination bounded by
// desk.MaxOffset.
func (db *DB) Search(ctx context.Context, q desk.SearchQuery) (desk.SearchPage, error) {
	fq := ftsQuery(q.Query)
	if fq == "" {
		return desk.SearchPage{}, fmt.Errorf("query %q has no words: %w", q.Query, desk.ErrBadRequest)
	}
	offset, err := decodeOffset(q.Cursor)
	if err != nil {
		return desk.SearchPage{}, err
	}
	limit := q.Size()
	// The best rowids first, then the marked passages of those only:
	// snippet() costs, and in one query it would run for every match
	// before the sort.
	rows, err := db.r.QueryContext(ctx, `WITH top AS (
			SELECT rowid AS id, rank AS r FROM articles_fts WHERE articles_fts MATCH ?1
				AND rowid >= coalesce((SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?6), 0)
			ORDER BY rank, rowid LIMIT ?2 OFFSET ?3)
		SELECT f.rowid, coalesce(m.story_id, ''), a.source, a.published,
			highlight(articles_fts, 0, ?4, ?5), snippet(articles_fts, 1, ?4, ?5, '…', 24)
		FROM top JOIN articles_fts f ON f.rowid = top.id JOIN articles a ON a.id = top.id
			LEFT JOIN story_members m ON m.article_id = top.id
		WHERE articles_fts MATCH ?1 ORDER BY top.r, top.id`,
		fq, limit+1, offset, desk.HitStart, desk.HitEnd, desk.MaxRanked-1)
	if err != nil {
		return desk.SearchPage{}, db.wrap("search", err)
	}
	defer rows.Close()
	page := desk.SearchPage{Hits: []desk.Hit{}}
	for rows.Next() {
		if len(page.Hits) == limit {
			if next := offset + limit; next <= desk.MaxOffset {
				page.Next = encodeOffset(next)
			}
			break
		}
		var h desk.Hit
		var pub string
		if err := rows.Scan(&h.Article, &h.Story, &h.Outlet, &pub, &h.Title, &h.Snippet); err != nil {
			return desk.SearchPage{}, db.wrap("search", err)
		}
		if h.Published, err = parseTime(pub); err != nil {
			return desk.SearchPage{}, fmt.Errorf("article %d: %w", h.Article, err)
		}
		page.Hits = append(page.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return desk.SearchPage{}, db.wrap("search", err)
	}
	return page, nil
}

func encodeOffset(n int) string { return "o" + strconv.Itoa(n) }

func decodeOffset(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimPrefix(s, "o"))
	if err != nil || !strings.HasPrefix(s, "o") || n < 0 || n > desk.MaxOffset {
		return 0, fmt.Errorf("cursor %q: %w", s, desk.ErrBadRequest)
	}
	return n, nil
}

// Outlets implements desk.Reader, by name from the cursor (keyset).
func (db *DB) Outlets(ctx context.Context, p desk.Page) (desk.OutletPage, error) {
	limit := p.Size()
	after := ""
	if p.Cursor != "" {
		if err := decodeCursor(p.Cursor, &after); err != nil {
			return desk.OutletPage{}, err
		}
	}
	rows, err := db.r.QueryContext(ctx, `SELECT outlet, count(*), sum(articles) FROM story_outlets
		WHERE outlet > ? GROUP BY outlet ORDER BY outlet LIMIT ?`, after, limit+1)
	if err != nil {
		return desk.OutletPage{}, db.wrap("read", err)
	}
	defer rows.Close()
	page := desk.OutletPage{Outlets: []desk.OutletSummary{}}
	for rows.Next() {
		if len(page.Outlets) == limit {
			page.Next = encodeCursor(page.Outlets[limit-1].Name)
			break
		}
		var o desk.OutletSummary
		if err := rows.Scan(&o.Name, &o.Stories, &o.Articles); err != nil {
			return desk.OutletPage{}, db.wrap("read", err)
		}
		page.Outlets = append(page.Outlets, o)
	}
	if err := rows.Err(); err != nil {
		return desk.OutletPage{}, db.wrap("read", err)
	}
	return page, nil
}

// Outlet implements desk.Reader. Its stories come in the list's order,
// paged by offset (bounded by desk.MaxOffset).
func (db *DB) Outlet(ctx context.Context, name string, p desk.Page) (desk.OutletDetail, error) {
	var d desk.OutletDetail
	offset, err := decodeOffset(p.Cursor)
	if err != nil {
		return d, err
	}
	d.Name = name
	if err := db.r.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(articles), 0) FROM story_outlets WHERE outlet = ?`, name).Scan(&d.OutletSummary.Stories, &d.Articles); err != nil {
		return d, db.wrap("read", err)
	}
	if d.OutletSummary.Stories == 0 {
		return d, fmt.Errorf("outlet %q: %w", name, desk.ErrNotFound)
	}
	limit := p.Size()
	rows, err := db.r.QueryContext(ctx, `SELECT c.story_id, c.title, c.n_outlets, o.articles, c.last, o.omitted
		FROM story_outlets o JOIN comparisons c ON c.story_id = o.story_id WHERE o.outlet = ?
		ORDER BY c.n_outlets DESC, c.last DESC, c.story_id LIMIT ? OFFSET ?`, name, limit+1, offset)
	if err != nil {
		return d, db.wrap("read", err)
	}
	defer rows.Close()
	stories := []desk.OutletStory{}
	for rows.Next() {
		if len(stories) == limit {
			if next := offset + limit; next <= desk.MaxOffset {
				d.Next = encodeOffset(next)
			}
			break
		}
		var s desk.OutletStory
		var last int64
		var omitted string
		if err := rows.Scan(&s.Story, &s.Title, &s.Outlets, &s.Articles, &last, &omitted); err != nil {
			return d, db.wrap("read", err)
		}
		s.Last = fromUnix(last)
		if err := json.Unmarshal([]byte(omitted), &s.Omitted); err != nil {
			return d, fmt.Errorf("story %s: omitted: %w", s.Story, err)
		}
		stories = append(stories, s)
	}
	if err := rows.Err(); err != nil {
		return d, db.wrap("read", err)
	}
	d.Stories = stories
	return d, nil
}
