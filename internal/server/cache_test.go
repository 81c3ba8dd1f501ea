package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
)

func TestAnswersBound(t *testing.T) {
	c := newAnswers(1000)
	body := []byte(strings.Repeat("x", 95))
	for i := range 100 {
		c.put(fmt.Sprint("k", i), [2]int64{1, 0}, body)
		if n := c.bytes(); n > 1000 {
			t.Fatalf("after %d puts the cache holds %d bytes; want at most 1000", i+1, n)
		}
	}
	if _, ok := c.get("k0", [2]int64{1, 0}); ok {
		t.Error("the least recently used answer is still kept")
	}
	if _, ok := c.get("k99", [2]int64{1, 0}); !ok {
		t.Error("the newest answer is not kept")
	}
	if _, ok := c.get("k99", [2]int64{2, 0}); ok {
		t.Error("an answer came back for another stamp")
	}
	c.put("big", [2]int64{1, 0}, make([]byte, 300))
	if _, ok := c.get("big", [2]int64{1, 0}); ok {
		t.Error("an answer over a quarter of the bound was kept")
	}
}

// TestCacheFollowsStore: answers served from the cache change as soon
// as the store does.
func TestCacheFollowsStore(t *testing.T) {
	ctx := context.Background()
	db := fixture(t, map[string][][2]string{"s1": {{"Alpha", "The council approved the budget on Monday."}}})
	srv := New(db, Options{})
	if srv.ver == nil {
		t.Fatal("the SQLite store is not cached (it implements Versioned)")
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	paths := []string{"/api/stories/s1", "/api/stories", "/api/search?q=" + url.QueryEscape("budget")}
	before := map[string]string{}
	for _, p := range paths {
		for range 2 { // the second is served from the cache
			_, b := get(t, ts.URL+p)
			if before[p] != "" && before[p] != string(b) {
				t.Errorf("GET %s changed with no change in the store", p)
			}
			before[p] = string(b)
		}
	}
	if srv.cache.bytes() == 0 {
		t.Fatal("nothing was cached")
	}
	tx, err := db.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := tx.PutArticle(news.Document{Article: news.Article{ID: "in-new", Source: "Beta", Title: "Title s1", Text: "The budget passed, the council said."}})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.PutAssignment(desk.Assignment{Article: id, Story: "s1", Detail: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.NewRecomputer(db, desk.RecomputeOptions{}).All(ctx); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		_, b := get(t, ts.URL+p)
		if string(b) == before[p] {
			t.Errorf("GET %s is the answer from before the store changed: %s", p, b)
		}
		if !strings.Contains(string(b), "Beta") {
			t.Errorf("GET %s does not show the new article's outlet: %s", p, b)
		}
	}
	if _, b := get(t, ts.URL+"/api/stories/nope"); !strings.Contains(string(b), "not found") {
		t.Errorf("unknown story: %s", b)
	}
}
