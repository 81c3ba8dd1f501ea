package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
)

// TestRecomputer runs the desk's Recomputer over this store: every story
// gets a comparison in compare's JSON schema, a second pass finds nothing
// to do, and a story a new article joins is computed again with it.
func TestRecomputer(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	texts := []struct{ story, outlet, text string }{
		{"s-1", "Daily", "The council approved the budget on Monday, the mayor said. The vote was 7 to 2."},
		{"s-1", "Herald", "The city council passed the budget on Monday. Seven members voted for it."},
		{"s-2", "Daily", "A storm hit the coast on Tuesday."},
	}
	ids := map[string][]int64{}
	put := func(i int, story, outlet, text string) {
		tx, err := db.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		d := news.Document{Article: news.Article{ID: fmt.Sprint("in", i), Source: outlet, Title: story + " " + outlet, Text: text,
			Published: time.Date(2011, 10, 3+i, 0, 0, 0, 0, time.UTC)}}
		id, _, err := tx.PutArticle(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.PutAssignment(desk.Assignment{Article: id, Story: story, Detail: []byte(`{}`)}); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		ids[story] = append(ids[story], id)
	}
	for i, x := range texts {
		put(i, x.story, x.outlet, x.text)
	}
	rounds := 0
	r := desk.NewRecomputer(db, desk.RecomputeOptions{MaxCompared: 2, OnRound: func(done, left int) { rounds++ }})
	if n, err := r.All(ctx); err != nil || n != 2 {
		t.Fatalf("All = %d, %v; want 2 stories computed", n, err)
	}
	if n, err := r.All(ctx); err != nil || n != 0 {
		t.Fatalf("All again = %d, %v; want 0", n, err)
	}
	if rounds == 0 {
		t.Errorf("OnRound was never called")
	}
	d, err := db.StoryDetail(ctx, "s-1")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Articles []struct {
			ID     string `json:"id"`
			Source string `json:"source"`
		} `json:"articles"`
		Facts []json.RawMessage `json:"facts"`
		Notes []string          `json:"notes"`
	}
	if err := json.Unmarshal(d.Comparison, &rep); err != nil {
		t.Fatalf("stored comparison %q: %v", d.Comparison, err)
	}
	if len(rep.Articles) != 2 || rep.Articles[0].ID != fmt.Sprint(ids["s-1"][0]) || rep.Facts == nil || d.Computed != d.Version {
		t.Errorf("s-1's comparison = %s (computed for %d, version %d); want both articles by store id, current", d.Comparison, d.Computed, d.Version)
	}
	// A third outlet joins s-1: past MaxCompared, so a note says so.
	put(9, "s-1", "Courier", "The budget was approved by the council.")
	if n, err := r.Round(ctx); err != nil || n != 1 {
		t.Fatalf("Round after a join = %d, %v; want 1", n, err)
	}
	d, err = db.StoryDetail(ctx, "s-1")
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(d.Comparison, &rep)
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "its first 2 were compared") {
		t.Errorf("notes = %q; want the cap noted", rep.Notes)
	}
	p, err := db.ListStories(ctx, desk.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Stories) != 2 || p.Stories[0].ID != "s-1" || len(p.Stories[0].Outlets) != 3 || p.Stories[0].Articles != 3 {
		t.Errorf("list = %+v; want s-1 with 3 outlets and 3 articles first", p.Stories)
	}
}
