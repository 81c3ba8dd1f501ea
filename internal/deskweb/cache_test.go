package deskweb

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/web"
)

// TestStoryPageFollowsStore: the story page the pages keep between
// requests is rendered again as soon as the story changes.
func TestStoryPageFollowsStore(t *testing.T) {
	ctx := context.Background()
	db := store(t)
	ts := httptest.NewServer(web.Handler(New(db, Options{}), web.Options{}))
	defer ts.Close()
	page := func() string {
		resp, err := http.Get(ts.URL + "/stories/a")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET /stories/a: %s %s", resp.Status, b)
		}
		return string(b)
	}
	if p := page(); strings.Contains(p, "West Gazette") {
		t.Fatal("the new outlet is on the page before it was stored")
	}
	page() // kept
	tx, err := db.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := tx.PutArticle(news.Document{Article: news.Article{ID: "a-new", Source: "West Gazette", Title: "Dam a", Text: "The river dam opened on Monday after three years."}})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.PutAssignment(desk.Assignment{Article: id, Story: "a", Detail: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.NewRecomputer(db, desk.RecomputeOptions{}).All(ctx); err != nil {
		t.Fatal(err)
	}
	if p := page(); !strings.Contains(p, "West Gazette") {
		t.Error("the story page is the one from before the story changed")
	}
	resp, err := http.Get(ts.URL + "/stories/nope")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /stories/nope: %s; want 404", resp.Status)
	}
}
