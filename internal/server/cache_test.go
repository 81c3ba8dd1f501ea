package server

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
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
		c.put(fmt.Sprint("k", i), [2]int64{1, 0}, body, false)
		if n := c.bytes(); n > 1000 {
			t.Fatalf("after %d puts the cache holds %d bytes; want at most 1000", i+1, n)
		}
	}
	if _, _, ok := c.get("k0", [2]int64{1, 0}); ok {
		t.Error("the least recently used answer is still kept")
	}
	if _, _, ok := c.get("k99", [2]int64{1, 0}); !ok {
		t.Error("the newest answer is not kept")
	}
	if _, _, ok := c.get("k99", [2]int64{2, 0}); ok {
		t.Error("an answer came back for another stamp")
	}
	c.put("big", [2]int64{1, 0}, make([]byte, 300), false)
	if _, _, ok := c.get("big", [2]int64{1, 0}); ok {
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

// TestCacheGzip: a kept answer is the same JSON whether the client takes
// gzip or not, and gzipped only for one that does.
func TestCacheGzip(t *testing.T) {
	long := strings.Repeat("The council approved the budget on Monday after a long debate. ", 40)
	db := fixture(t, map[string][][2]string{"s1": {{"Alpha", long}, {"Beta", long + " It passed."}}})
	ts := httptest.NewServer(New(db, Options{}).Handler())
	defer ts.Close()
	fetch := func(gz bool) (string, string) {
		req, _ := http.NewRequest("GET", ts.URL+"/api/stories/s1", nil)
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r io.Reader = resp.Body
		if resp.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(b), resp.Header.Get("Content-Encoding")
	}
	plain, enc := fetch(false) // rendered and kept
	if enc != "" || len(plain) < minGzip {
		t.Fatalf("first answer: encoding %q, %d bytes; want plain, at least %d", enc, len(plain), minGzip)
	}
	if b, enc := fetch(false); enc != "" || b != plain {
		t.Errorf("kept answer without gzip: encoding %q, same body %v", enc, b == plain)
	}
	if b, enc := fetch(true); enc != "gzip" || b != plain {
		t.Errorf("kept answer with gzip: encoding %q, same body %v", enc, b == plain)
	}
}
