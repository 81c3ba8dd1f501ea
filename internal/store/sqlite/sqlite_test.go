package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/desk/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) desk.Store { return openTemp(t) })
}

// TestUpgrade opens a file at schema version 1 holding an article, as an
// older build left it, and checks that Open upgrades it: the search index
// of version 2 finds the article.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.migrate(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// As a version 1 build wrote it (this build's Tx indexes for search,
	// which version 1 has not).
	var id int64
	if err := old.w.QueryRowContext(ctx, `INSERT INTO articles (input_id, title, text, text_hash) VALUES ('a', 'Withdrawal', ?, ?) RETURNING id`,
		"The last American troops left Baghdad.", []byte("hash")).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if v, _ := old.version(ctx); v != 1 {
		t.Fatalf("version = %d; want 1", v)
	}
	old.Close()

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.version(ctx); v != latest() {
		t.Errorf("version after Open = %d; want %d", v, latest())
	}
	var got int64
	if err := db.r.QueryRowContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'baghdad'`).Scan(&got); err != nil || got != id {
		t.Errorf("search after upgrade = %d, %v; want article %d", got, err, id)
	}
	if _, err := db.Article(ctx, id); err != nil {
		t.Errorf("Article(%d) after upgrade: %v", id, err)
	}
}

func TestSearchIndexFollowsWrites(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	tx, err := db.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := storetest.Doc("a", "", "Soldiers crossed into Kuwait.")
	d.Title = "Último convoy"
	if _, _, err := tx.PutArticle(d); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"kuwait", "ultimo", "title:convoy"} {
		var n int
		if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, q).Scan(&n); err != nil || n != 1 {
			t.Errorf("MATCH %q: %d rows, %v; want 1", q, n, err)
		}
	}
}

func TestNewerFileRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, `INSERT INTO schema_version (version, name) VALUES (99, 'future')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, path)
	if err == nil || !strings.Contains(err.Error(), "schema version 99 is newer") {
		t.Errorf("Open(newer file): %v; want a schema version error", err)
	}
}

func TestCorruptFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"text", []byte(strings.Repeat("this is not a database\n", 200))},
		{"damaged header", append([]byte("SQLite format 3\x00"), make([]byte, 4096)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.db")
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := Open(context.Background(), path)
			if err == nil {
				db.Close()
				t.Fatal("Open(corrupt file) = nil error")
			}
			if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open(corrupt file): %v; want ErrNotDatabase naming the file", err)
			}
		})
	}
}
