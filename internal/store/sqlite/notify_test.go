package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
)

// Notify makes Run do a round without waiting for its tick (an hour
// here): the test would wait for ever without it.
func TestRecomputerNotify(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := openTemp(t)
	tx, err := db.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := tx.PutArticle(news.Document{Article: news.Article{ID: "a", Source: "Daily", Title: "Storm", Text: "A storm hit the coast on Tuesday."}})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.PutAssignment(desk.Assignment{Article: id, Story: "s-1", Detail: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	rounds := make(chan int, 10)
	r := desk.NewRecomputer(db, desk.RecomputeOptions{Interval: time.Hour, OnRound: func(done, left int) { rounds <- done }})
	go r.Run(ctx)
	r.Notify()
	if done := <-rounds; done != 1 {
		t.Errorf("the notified round computed %d stories; want 1", done)
	}
	if stale, err := db.Stale(ctx, 10); err != nil || len(stale) != 0 {
		t.Errorf("Stale after the round = %v, %v; want none", stale, err)
	}
}
