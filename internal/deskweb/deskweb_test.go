package deskweb

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/web"
)

// store holds two stories over sqlite: "a" (two outlets, compared) and
// "b" (one article, not compared yet).
func store(t *testing.T) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	put := func(story string, arts [][2]string) {
		tx, err := db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i, a := range arts {
			d := news.Document{Article: news.Article{ID: fmt.Sprint(story, i), Source: a[0], Title: "Dam " + story, Text: a[1],
				Published: time.Date(2011, 10, 1+i, 0, 0, 0, 0, time.UTC)}}
			id, _, err := tx.PutArticle(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := tx.PutAssignment(desk.Assignment{Article: id, Story: story, Detail: []byte(`{}`)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	put("a", [][2]string{
		{"North Daily", "The river dam opened on Monday. Officials said 40 workers built it over three years."},
		{"South Post", "The river dam opened on Monday. The mayor called it a triumph for the valley."},
	})
	if _, err := desk.NewRecomputer(db, desk.RecomputeOptions{}).All(ctx); err != nil {
		t.Fatal(err)
	}
	put("b", [][2]string{{"East Herald", "A bridge closed for repairs after a storm damaged its deck."}})
	return db
}

func TestStoriesAndStory(t *testing.T) {
	ctx := context.Background()
	db := store(t)
	d := New(db, Options{})
	list, err := d.Stories(ctx, web.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != "a" || !slices.Equal(list[0].Outlets, []string{"North Daily", "South Post"}) || list[0].Articles != 2 {
		t.Fatalf("Stories = %+v; want story a of North Daily and South Post", list)
	}
	if list, err := d.Stories(ctx, web.StoryFilter{Query: "mayor"}); err != nil || len(list) != 1 {
		t.Errorf("Stories(mayor) = %v, %v; want story a", list, err)
	}
	if list, err := d.Stories(ctx, web.StoryFilter{Query: "zeppelin"}); err != nil || len(list) != 0 {
		t.Errorf("Stories(zeppelin) = %v, %v; want none", list, err)
	}
	if list, err := d.Stories(ctx, web.StoryFilter{Query: "!!"}); err != nil || len(list) != 0 {
		t.Errorf("Stories(!!) = %v, %v; want none and no error", list, err)
	}
	st, err := d.Story(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Report.Articles) != 2 || len(st.Report.Facts) == 0 || st.Title != "Dam a" {
		t.Errorf("Story(a): %d articles, %d facts, title %q; want 2, some, Dam a", len(st.Report.Articles), len(st.Report.Facts), st.Title)
	}
	if _, err := d.Story(ctx, "nope"); !errors.Is(err, web.ErrNotFound) {
		t.Errorf("Story(nope) = %v; want web.ErrNotFound", err)
	}
}

func TestStoryNotComparedYet(t *testing.T) {
	ctx := context.Background()
	db := store(t)
	st, err := New(db, Options{}).Story(ctx, "b")
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Report.Articles) != 0 || !slices.Contains(st.Report.Notes, BeingCompared) || st.Outlets[0] != "East Herald" {
		t.Errorf("Story(b) without a recomputer = %+v; want the being-compared note", st)
	}
	d := New(db, Options{Recomputer: desk.NewRecomputer(db, desk.RecomputeOptions{})})
	if st, err = d.Story(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if len(st.Report.Articles) != 1 || slices.Contains(st.Report.Notes, BeingCompared) {
		t.Errorf("Story(b) with a recomputer: %d articles, notes %q; want it compared", len(st.Report.Articles), st.Report.Notes)
	}
	if sd, err := db.StoryDetail(ctx, "b"); err != nil || sd.Comparison == nil {
		t.Errorf("the comparison computed on the request was not stored (%v)", err)
	}
}

func TestOutlet(t *testing.T) {
	ctx := context.Background()
	d := New(store(t), Options{})
	o, err := d.Outlet(ctx, "South Post")
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Stories) != 1 || o.Stories[0].ID != "a" {
		t.Errorf("Outlet(South Post).Stories = %+v; want story a", o.Stories)
	}
	for _, m := range o.Missed {
		if m.Story.ID != "a" || m.Fact == "" || m.Others == 0 {
			t.Errorf("missed %+v: want a fact of story a others report", m)
		}
	}
	if _, err := d.Outlet(ctx, "Nobody"); !errors.Is(err, web.ErrNotFound) {
		t.Errorf("Outlet(Nobody) = %v; want web.ErrNotFound", err)
	}
}

func TestFeeds(t *testing.T) {
	ctx := context.Background()
	woke := 0
	d := New(store(t), Options{OnFeedAdded: func() { woke++ }})
	f, err := d.AddFeed(ctx, "https://news.example/rss")
	if err != nil || f.URL != "https://news.example/rss" || woke != 1 {
		t.Fatalf("AddFeed = %+v, %v (woke %d)", f, err, woke)
	}
	if _, err := d.AddFeed(ctx, "https://news.example/rss"); !errors.Is(err, web.ErrExists) {
		t.Errorf("AddFeed again = %v; want web.ErrExists", err)
	}
	if _, err := d.AddFeed(ctx, "file:///etc/passwd"); err == nil {
		t.Error("AddFeed(file:) = nil error")
	}
	feeds, err := d.Feeds(ctx)
	if err != nil || len(feeds) != 1 || feeds[0].Articles != 0 || !feeds[0].Checked.IsZero() {
		t.Errorf("Feeds = %+v, %v; want the one unchecked feed", feeds, err)
	}
	if err := d.RemoveFeed(ctx, "https://other.example/rss"); !errors.Is(err, web.ErrNotFound) {
		t.Errorf("RemoveFeed(unknown) = %v; want web.ErrNotFound", err)
	}
	if err := d.RemoveFeed(ctx, "https://news.example/rss"); err != nil {
		t.Fatal(err)
	}
	if feeds, _ := d.Feeds(ctx); len(feeds) != 0 {
		t.Errorf("after RemoveFeed, Feeds = %+v", feeds)
	}
}
