package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrNotDatabase is wrapped by Open's error for a file that is not a
// SQLite database, or is damaged.
var ErrNotDatabase = errors.New("not a parallax database (or damaged)")

var _ desk.Store = (*DB)(nil)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a desk.Store in one SQLite file. It is safe for concurrent use.
type DB struct {
	path string
	w, r *sql.DB
	dvMu sync.Mutex
	dv   *sql.Conn // DataVersion's own reader, nil until first used
}

// Open opens the database file path, creating it when it does not exist,
// and upgrades its schema to this build's version. A file that is not a
// SQLite database gives an error wrapping ErrNotDatabase; a file whose
// schema is newer than this build's gives an error saying so.
func Open(ctx context.Context, path string) (*DB, error) {
	db, err := open(path)
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx, latest()); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func open(path string) (*DB, error) {
	dsn := func(extra string) string {
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_pragma", "foreign_keys(1)")
		if extra != "" {
			q.Add("_pragma", extra)
		} else {
			q.Set("_txlock", "immediate")
			// The writer's page cache, 32 MiB (SQLite's default is 2):
			// every insert walks the articles' indexes and the search
			// index's segments, which fell out of a small cache and
			// were read again.
			q.Add("_pragma", "cache_size(-32768)")
		}
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn(""))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", dsn("query_only(1)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One more than the readers for DataVersion's connection, which it
	// keeps.
	n := max(4, runtime.GOMAXPROCS(0)) + 1
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	return &DB{path: path, w: w, r: r}, nil
}

// Close closes both pools.
func (db *DB) Close() error {
	db.dvMu.Lock()
	var dv error
	if db.dv != nil {
		dv, db.dv = db.dv.Close(), nil
	}
	db.dvMu.Unlock()
	return errors.Join(dv, db.w.Close(), db.r.Close())
}

// wrap adds the file name to err, and ErrNotDatabase when SQLite says
// the file is not a database or is damaged.
func (db *DB) wrap(what string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("%s %s: %w: %v", what, db.path, ErrNotDatabase, err)
		}
	}
	return fmt.Errorf("%s %s: %w", what, db.path, err)
}

// step is one migration: the schema version it makes, and its SQL.
type step struct {
	version int
	name    string
	sql     string
}

// steps returns the embedded migrations in order; their file names are
// their versions, increasing. A gap is allowed (branches developed in
// parallel number their steps ahead of each other's): migrate applies
// every step a file has not recorded, not only those above its highest.
func steps() []step {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	slices.Sort(names)
	var out []step
	for i, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		v, err := strconv.Atoi(base[:4])
		if err != nil || v < 1 || i > 0 && v <= out[i-1].version {
			panic("sqlite: migration " + n + " is out of sequence")
		}
		b, err := migrations.ReadFile(n)
		if err != nil {
			panic(err)
		}
		out = append(out, step{version: v, name: base, sql: string(b)})
	}
	return out
}

// latest is the highest version of the embedded steps.
func latest() int { all := steps(); return all[len(all)-1].version }

// migrate applies, in order, every step up to version to that the file
// has not recorded, one step per transaction.
func (db *DB) migrate(ctx context.Context, to int) error {
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL DEFAULT (unixepoch()))`); err != nil {
		return db.wrap("open", err)
	}
	cur, err := db.version(ctx)
	if err != nil {
		return err
	}
	if cur > latest() {
		return fmt.Errorf("open %s: schema version %d is newer than this build's %d: use a newer parallax", db.path, cur, latest())
	}
	done, err := db.applied(ctx)
	if err != nil {
		return err
	}
	for _, s := range steps() {
		if s.version > to || done[s.version] {
			continue
		}
		tx, err := db.w.BeginTx(ctx, nil)
		if err != nil {
			return db.wrap("migrate", err)
		}
		if _, err := tx.ExecContext(ctx, s.sql); err != nil {
			tx.Rollback()
			return db.wrap("migrate to "+s.name+":", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name) VALUES (?, ?)`, s.version, s.name); err != nil {
			tx.Rollback()
			return db.wrap("migrate", err)
		}
		if err := tx.Commit(); err != nil {
			return db.wrap("migrate", err)
		}
	}
	return nil
}

// applied returns the versions the file has recorded.
func (db *DB) applied(ctx context.Context) (map[int]bool, error) {
	rows, err := db.w.QueryContext(ctx, `SELECT version FROM schema_version`)
	if err != nil {
		return nil, db.wrap("open", err)
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, db.wrap("open", err)
		}
		done[v] = true
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("open", err)
	}
	return done, nil
}

// version returns the file's schema version, 0 for a new file.
func (db *DB) version(ctx context.Context) (int, error) {
	var v int
	if err := db.w.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0, db.wrap("open", err)
	}
	return v, nil
}

// Begin starts a write transaction (BEGIN IMMEDIATE, on the one writer
// connection).
func (db *DB) Begin(ctx context.Context) (desk.Tx, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.wrap("begin", err)
	}
	return &Tx{db: db, tx: tx, stmts: map[string]*sql.Stmt{}}, nil
}

// Tx is a write transaction of a DB.
type Tx struct {
	db    *DB
	tx    *sql.Tx
	done  bool
	first int64                // the first article id this transaction inserted, 0 for none
	stmts map[string]*sql.Stmt // prepared in tx, by query
}

// stmt returns the prepared statement for query, prepared once per
// transaction: preparing costs more than running most of them. (Not once
// per DB: the writer's one connection is the transaction's while it is
// open, so a DB-level Prepare would wait for it.)
func (t *Tx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.Prepare(query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

// row runs a query that returns at most one row.
func (t *Tx) row(query string, args ...any) scanner {
	st, err := t.stmt(query)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRow(args...)
}

// exec runs a statement.
func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

type scanner interface{ Scan(dest ...any) error }

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// analysis is how a document's analysis is stored, as JSON.
type analysis struct {
	Sentences  []news.Span     `json:"sentences,omitempty"`
	Entities   []news.Entity   `json:"entities,omitempty"`
	Quotes     []news.Quote    `json:"quotes,omitempty"`
	Quantities []news.Quantity `json:"quantities,omitempty"`
	Dates      []news.Date     `json:"dates,omitempty"`
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// PutArticle implements desk.Tx. A new article is inserted straight away,
// its uniqueness left to the two unique indexes (text_hash, url): looking
// both up first cost two more index searches for every new article. Only
// when the insert finds a conflict is the stored one looked up.
func (t *Tx) PutArticle(d news.Document) (int64, bool, error) {
	u := desk.CanonicalURL(d.URL)
	h := desk.TextHash(d.Text)
	an, err := json.Marshal(analysis{d.Sentences, d.Entities, d.Quotes, d.Quantities, d.Dates})
	if err != nil {
		return 0, false, fmt.Errorf("put article %s: %w", d.ID, err)
	}
	var id int64
	err = t.row(`INSERT INTO articles (input_id, source, url, title, standfirst, author, language, published, origin, text, text_hash, analysis)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
		d.ID, d.Source, u, d.Title, d.Standfirst, d.Author, d.Language, formatTime(d.Published), d.Origin, d.Text, h, an).Scan(&id)
	if err == nil {
		if t.first == 0 {
			t.first = id
		}
		return id, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, t.db.wrap("put article in", err)
	}
	// Stored already: the same text, or else the same URL.
	err = t.row(`SELECT id FROM articles WHERE text_hash = ?`, h).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) && u != "" {
		err = t.row(`SELECT id FROM articles WHERE url = ? AND url != ''`, u).Scan(&id)
	}
	if err != nil {
		return 0, false, t.db.wrap("put article in", err)
	}
	return id, false, nil
}

// PutAssignment implements desk.Tx.
func (t *Tx) PutAssignment(a desk.Assignment) error {
	if err := t.requireArticle(a.Article); err != nil {
		return err
	}
	if _, err := t.exec(`INSERT INTO assignments (article_id, story_id, final, detail) VALUES (?, ?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, final = excluded.final,
			detail = excluded.detail, assigned_at = excluded.assigned_at`,
		a.Article, a.Story, a.Final, string(a.Detail)); err != nil {
		return t.db.wrap("put assignment in", err)
	}
	if _, err := t.exec(`INSERT INTO stories (id) VALUES (?) ON CONFLICT DO NOTHING`, a.Story); err != nil {
		return t.db.wrap("put assignment in", err)
	}
	return t.moveMember(a.Article, a.Story, -1)
}

func (t *Tx) requireArticle(id int64) error {
	var one int
	err := t.row(`SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("article %d: %w", id, desk.ErrNotFound)
	}
	if err != nil {
		return t.db.wrap("read", err)
	}
	return nil
}

// moveMember makes article a member of story at pos (-1: the end),
// removing the story it leaves when that empties.
func (t *Tx) moveMember(article int64, story string, pos int) error {
	var old string
	err := t.row(`SELECT story_id FROM story_members WHERE article_id = ?`, article).Scan(&old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return t.db.wrap("read", err)
	}
	if old == story && pos < 0 {
		return nil
	}
	if pos < 0 {
		if err := t.row(`SELECT coalesce(max(pos), -1) + 1 FROM story_members WHERE story_id = ?`, story).Scan(&pos); err != nil {
			return t.db.wrap("read", err)
		}
	}
	if _, err := t.exec(`INSERT INTO story_members (article_id, story_id, pos) VALUES (?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, pos = excluded.pos`, article, story, pos); err != nil {
		return t.db.wrap("write", err)
	}
	if old != "" && old != story {
		if _, err := t.exec(`DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM story_members WHERE story_id = ?)`, old, old); err != nil {
			return t.db.wrap("write", err)
		}
	}
	return nil
}

// PutStory implements desk.Tx.
func (t *Tx) PutStory(s desk.Story) error {
	outlets, err := json.Marshal(s.Outlets)
	if err != nil {
		return err
	}
	if s.Outlets == nil {
		outlets = []byte("[]")
	}
	if _, err := t.exec(`INSERT INTO stories (id, title, outlets, first, last, closed) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, outlets = excluded.outlets, first = excluded.first,
			last = excluded.last, closed = excluded.closed, updated_at = excluded.updated_at`,
		s.ID, s.Title, string(outlets), formatTime(s.First), formatTime(s.Last), s.Closed); err != nil {
		return t.db.wrap("put story in", err)
	}
	// The members not listed keep their order after the listed ones.
	if _, err := t.exec(`UPDATE story_members SET pos = pos + ? WHERE story_id = ?`, len(s.Members), s.ID); err != nil {
		return t.db.wrap("put story in", err)
	}
	for i, m := range s.Members {
		if err := t.requireArticle(m); err != nil {
			return err
		}
		if err := t.moveMember(m, s.ID, i); err != nil {
			return err
		}
	}
	return nil
}

// SaveClusterState implements desk.Tx.
func (t *Tx) SaveClusterState(state []byte) error {
	if _, err := t.exec(`INSERT INTO cluster_state (id, state) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at`, state); err != nil {
		return t.db.wrap("save cluster state in", err)
	}
	return nil
}

// Commit implements desk.Tx. The articles the transaction stored are
// added to the search index in one statement first: an FTS5 index written
// row by row flushes its buffer at every statement.
func (t *Tx) Commit() error {
	if t.first > 0 {
		if _, err := t.exec(`INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles WHERE id >= ?`, t.first); err != nil {
			t.Rollback()
			return t.db.wrap("index articles in", err)
		}
	}
	t.done = true
	if err := t.tx.Commit(); err != nil {
		return t.db.wrap("commit", err)
	}
	return nil
}

// Rollback implements desk.Tx.
func (t *Tx) Rollback() error {
	if t.done {
		return nil
	}
	t.done = true
	if err := t.tx.Rollback(); err != nil {
		return t.db.wrap("roll back", err)
	}
	return nil
}

const articleColumns = `id, input_id, source, url, title, standfirst, author, language, published, origin, text, analysis`

func scanArticle(sc scanner) (desk.Article, error) {
	var a desk.Article
	var pub, an string
	d := &a.Doc
	if err := sc.Scan(&a.ID, &d.ID, &d.Source, &d.URL, &d.Title, &d.Standfirst, &d.Author, &d.Language, &pub, &d.Origin, &d.Text, &an); err != nil {
		return a, err
	}
	var err error
	if d.Published, err = parseTime(pub); err != nil {
		return a, fmt.Errorf("article %d: %w", a.ID, err)
	}
	var x analysis
	if err := json.Unmarshal([]byte(an), &x); err != nil {
		return a, fmt.Errorf("article %d: analysis: %w", a.ID, err)
	}
	d.Sentences, d.Entities, d.Quotes, d.Quantities, d.Dates = x.Sentences, x.Entities, x.Quotes, x.Quantities, x.Dates
	return a, nil
}

// Article implements desk.Store.
func (db *DB) Article(ctx context.Context, id int64) (desk.Article, error) {
	a, err := scanArticle(db.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, desk.ErrNotFound)
	}
	if err != nil {
		return a, db.wrap("read", err)
	}
	return a, nil
}

// Unassigned implements desk.Store.
func (db *DB) Unassigned(ctx context.Context) ([]desk.Article, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles
		WHERE NOT EXISTS (SELECT 1 FROM assignments WHERE article_id = articles.id) ORDER BY id`)
	if err != nil {
		return nil, db.wrap("read", err)
	}
	defer rows.Close()
	out := []desk.Article{}
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, db.wrap("read", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("read", err)
	}
	return out, nil
}

// Story implements desk.Store.
func (db *DB) Story(ctx context.Context, id string) (desk.Story, error) {
	st, err := db.stories(ctx, `WHERE s.id = ?`, id)
	if err != nil {
		return desk.Story{}, err
	}
	if len(st) == 0 {
		return desk.Story{}, fmt.Errorf("story %s: %w", id, desk.ErrNotFound)
	}
	return st[0], nil
}

// Stories implements desk.Store.
func (db *DB) Stories(ctx context.Context) ([]desk.Story, error) { return db.stories(ctx, "") }

// stories reads the stories the condition where selects, with their
// members, ordered by their smallest member id.
func (db *DB) stories(ctx context.Context, where string, args ...any) ([]desk.Story, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT s.id, s.title, s.outlets, s.first, s.last, s.closed, m.article_id
		FROM stories s JOIN story_members m ON m.story_id = s.id `+where+`
		ORDER BY (SELECT min(article_id) FROM story_members f WHERE f.story_id = s.id), s.id, m.pos`, args...)
	if err != nil {
		return nil, db.wrap("read", err)
	}
	defer rows.Close()
	out := []desk.Story{}
	for rows.Next() {
		var s desk.Story
		var outlets, first, last string
		var member int64
		if err := rows.Scan(&s.ID, &s.Title, &outlets, &first, &last, &s.Closed, &member); err != nil {
			return nil, db.wrap("read", err)
		}
		if n := len(out); n > 0 && out[n-1].ID == s.ID {
			out[n-1].Members = append(out[n-1].Members, member)
			continue
		}
		if err := json.Unmarshal([]byte(outlets), &s.Outlets); err != nil {
			return nil, fmt.Errorf("story %s: outlets: %w", s.ID, err)
		}
		if len(s.Outlets) == 0 {
			s.Outlets = nil
		}
		var err error
		if s.First, err = parseTime(first); err == nil {
			s.Last, err = parseTime(last)
		}
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", s.ID, err)
		}
		s.Members = []int64{member}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, db.wrap("read", err)
	}
	return out, nil
}

var _ desk.StoryCounter = (*DB)(nil)

// StoryCount implements desk.StoryCounter: the stories that have members.
func (db *DB) StoryCount(ctx context.Context) (int, error) {
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM stories s WHERE EXISTS (SELECT 1 FROM story_members m WHERE m.story_id = s.id)`).Scan(&n); err != nil {
		return 0, db.wrap("read", err)
	}
	return n, nil
}

// ClusterState implements desk.Store.
func (db *DB) ClusterState(ctx context.Context) ([]byte, error) {
	var b []byte
	err := db.r.QueryRowContext(ctx, `SELECT state FROM cluster_state WHERE id = 1`).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, db.wrap("read", err)
	}
	if b == nil {
		b = []byte{}
	}
	return b, nil
}
