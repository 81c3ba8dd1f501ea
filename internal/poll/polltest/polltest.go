// Package polltest is the conformance suite every poll.FeedStore backend
// passes: a backend's tests call Run with a function that opens an empty
// store of its kind.
//
// It may import poll.
package polltest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/poll"
)

// Run runs the suite; open returns a new, empty store for each test.
func Run(t *testing.T, open func(t *testing.T) poll.FeedStore) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s poll.FeedStore)
	}{
		{"AddListRemove", testAddListRemove},
		{"Due", testDue},
		{"RecordCheck", testRecordCheck},
		{"QueueInTurns", testQueueInTurns},
		{"FinishItem", testFinishItem},
		{"NotFound", testNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

var t0 = time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)

func add(t *testing.T, s poll.FeedStore, url string) poll.Feed {
	t.Helper()
	f, ok, err := s.AddFeed(context.Background(), url, "")
	if err != nil || !ok {
		t.Fatalf("AddFeed(%q) = %+v, %v, %v; want a new feed", url, f, ok, err)
	}
	return f
}

func testAddListRemove(t *testing.T, s poll.FeedStore) {
	ctx := context.Background()
	if fs, err := s.Feeds(ctx); err != nil || fs == nil || len(fs) != 0 {
		t.Fatalf("Feeds(empty) = %v, %v; want an empty slice", fs, err)
	}
	a, ok, err := s.AddFeed(ctx, "https://a.example/rss", "A News")
	if err != nil || !ok || a.ID <= 0 || a.URL != "https://a.example/rss" || a.Title != "A News" || a.ErrorCount != 0 || a.Added.IsZero() {
		t.Fatalf("AddFeed = %+v, %v, %v; want a new feed with its URL and title", a, ok, err)
	}
	again, ok, err := s.AddFeed(ctx, "https://a.example/rss", "Other")
	if err != nil || ok || again.ID != a.ID || again.Title != "A News" {
		t.Errorf("AddFeed(same URL) = %+v, %v, %v; want the stored feed, not new, title kept", again, ok, err)
	}
	b := add(t, s, "https://b.example/atom")
	fs, err := s.Feeds(ctx)
	if err != nil || len(fs) != 2 || fs[0].ID != a.ID || fs[1].ID != b.ID {
		t.Fatalf("Feeds = %+v, %v; want a then b", fs, err)
	}
	if err := s.RemoveFeed(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if fs, _ := s.Feeds(ctx); len(fs) != 1 || fs[0].ID != b.ID {
		t.Errorf("Feeds after RemoveFeed(a) = %+v; want only b", fs)
	}
}

func testDue(t *testing.T, s poll.FeedStore) {
	ctx := context.Background()
	a, b, c := add(t, s, "https://a.example/"), add(t, s, "https://b.example/"), add(t, s, "https://c.example/")
	due, err := s.DueFeeds(ctx, t0, 10)
	if err != nil || len(due) != 3 {
		t.Fatalf("DueFeeds(new feeds) = %v, %v; want all three due at once", due, err)
	}
	for f, next := range map[int64]time.Time{a.ID: t0.Add(time.Hour), b.ID: t0.Add(10 * time.Minute), c.ID: t0.Add(30 * time.Minute)} {
		if _, err := s.RecordCheck(ctx, poll.Check{Feed: f, URL: "u", At: t0, Status: 200, NextCheck: next}); err != nil {
			t.Fatal(err)
		}
	}
	if due, _ := s.DueFeeds(ctx, t0, 10); len(due) != 0 {
		t.Errorf("DueFeeds(t0) = %v; want none", due)
	}
	due, err = s.DueFeeds(ctx, t0.Add(30*time.Minute), 10)
	if err != nil || len(due) != 2 || due[0].ID != b.ID || due[1].ID != c.ID {
		t.Errorf("DueFeeds(t0+30m) = %+v, %v; want b then c (longest due first)", due, err)
	}
	if due, _ := s.DueFeeds(ctx, t0.Add(2*time.Hour), 1); len(due) != 1 || due[0].ID != b.ID {
		t.Errorf("DueFeeds(limit 1) = %+v; want b alone", due)
	}
}

func testRecordCheck(t *testing.T, s poll.FeedStore) {
	ctx := context.Background()
	f := add(t, s, "https://a.example/rss")
	get := func() poll.Feed {
		t.Helper()
		fs, err := s.Feeds(ctx)
		if err != nil || len(fs) != 1 {
			t.Fatalf("Feeds = %v, %v", fs, err)
		}
		return fs[0]
	}
	ok := poll.Check{Feed: f.ID, URL: f.URL, At: t0, Status: 200, ETag: `"v1"`, LastModified: "Wed, 04 Mar 2026 09:00:00 GMT", Title: "A News", NextCheck: t0.Add(time.Hour)}
	if _, err := s.RecordCheck(ctx, ok); err != nil {
		t.Fatal(err)
	}
	g := get()
	if g.ETag != `"v1"` || g.LastModified != ok.LastModified || g.Title != "A News" || !g.CheckedAt.Equal(t0) || !g.NextCheck.Equal(t0.Add(time.Hour)) || g.LastStatus != 200 {
		t.Errorf("feed after a check = %+v; want the check's validators, title, times and status", g)
	}
	for i := 1; i <= 2; i++ {
		if _, err := s.RecordCheck(ctx, poll.Check{Feed: f.ID, URL: f.URL, At: t0, Status: 503, Err: fmt.Sprintf("down %d", i), NextCheck: t0}); err != nil {
			t.Fatal(err)
		}
	}
	g = get()
	if g.ErrorCount != 2 || g.LastError != "down 2" || g.ETag != `"v1"` || g.Title != "A News" || g.LastStatus != 503 {
		t.Errorf("feed after two failures = %+v; want 2 errors, the last one's message, validators and title kept", g)
	}
	if _, err := s.RecordCheck(ctx, poll.Check{Feed: f.ID, URL: f.URL, At: t0, Status: 304, NotModified: true, NextCheck: t0}); err != nil {
		t.Fatal(err)
	}
	g = get()
	if g.ErrorCount != 0 || g.LastError != "" || g.ETag != `"v1"` {
		t.Errorf("feed after a 304 = %+v; want errors cleared and the validators kept", g)
	}
}

func items(feed int64, urls ...string) []poll.Item {
	var out []poll.Item
	for _, u := range urls {
		out = append(out, poll.Item{Feed: feed, URL: u, Title: "T " + u, Text: "text of " + u, Published: t0})
	}
	return out
}

func testQueueInTurns(t *testing.T, s poll.FeedStore) {
	ctx := context.Background()
	big, small := add(t, s, "https://big.example/"), add(t, s, "https://small.example/")
	var many []string
	for i := range 50 {
		many = append(many, fmt.Sprintf("https://big.example/%d", i))
	}
	n, err := s.RecordCheck(ctx, poll.Check{Feed: big.ID, URL: big.URL, At: t0, Status: 200, NextCheck: t0, Items: items(big.ID, many...)})
	if err != nil || n != 50 {
		t.Fatalf("RecordCheck(50 items) queued %d, %v; want 50", n, err)
	}
	n, err = s.RecordCheck(ctx, poll.Check{Feed: small.ID, URL: small.URL, At: t0, Status: 200, NextCheck: t0, Items: items(small.ID, "https://small.example/1", "https://small.example/2")})
	if err != nil || n != 2 {
		t.Fatalf("RecordCheck(2 items) queued %d, %v; want 2", n, err)
	}
	// The same items again, and one new: only the new one is queued.
	n, err = s.RecordCheck(ctx, poll.Check{Feed: small.ID, URL: small.URL, At: t0, Status: 200, NextCheck: t0, Items: items(small.ID, "https://small.example/1", "https://small.example/2", "https://small.example/3")})
	if err != nil || n != 1 {
		t.Fatalf("RecordCheck(2 seen, 1 new) queued %d, %v; want 1", n, err)
	}
	got, err := s.PendingItems(ctx, 3, 100)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, it := range got {
		order = append(order, it.URL)
	}
	want := []string{"https://big.example/0", "https://small.example/1", "https://big.example/1", "https://small.example/2", "https://big.example/2", "https://small.example/3"}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("PendingItems(3 per feed) = %v; want %v (in turns)", order, want)
	}
	if got[0].Title != "T https://big.example/0" || got[0].Text != "text of https://big.example/0" || !got[0].Published.Equal(t0) || got[0].Feed != big.ID || got[0].ID <= 0 {
		t.Errorf("PendingItems()[0] = %+v; want the queued fields back", got[0])
	}
	if got, _ := s.PendingItems(ctx, 10, 4); len(got) != 4 {
		t.Errorf("PendingItems(limit 4) = %d items; want 4", len(got))
	}
}

func testFinishItem(t *testing.T, s poll.FeedStore) {
	ctx := context.Background()
	f := add(t, s, "https://a.example/")
	if _, err := s.RecordCheck(ctx, poll.Check{Feed: f.ID, URL: f.URL, At: t0, Status: 200, NextCheck: t0, Items: items(f.ID, "https://a.example/1", "https://a.example/2", "https://a.example/3")}); err != nil {
		t.Fatal(err)
	}
	its, err := s.PendingItems(ctx, 10, 10)
	if err != nil || len(its) != 3 {
		t.Fatalf("PendingItems = %v, %v", its, err)
	}
	finish := func(r poll.ItemResult) {
		t.Helper()
		r.Feed, r.At = f.ID, t0
		if err := s.FinishItem(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	finish(poll.ItemResult{Item: its[0].ID, URL: its[0].URL, Status: 404, Err: "page gone; the feed's text used", Done: true})
	finish(poll.ItemResult{Item: its[1].ID, URL: its[1].URL, Status: 500, Err: "server error"})
	finish(poll.ItemResult{Item: its[2].ID, URL: its[2].URL, Err: "too large", GiveUp: true})
	left, err := s.PendingItems(ctx, 10, 10)
	if err != nil || len(left) != 1 || left[0].ID != its[1].ID || left[0].Attempts != 1 {
		t.Errorf("PendingItems after finishing = %+v, %v; want only the item that failed once, with 1 attempt", left, err)
	}
	// A done item is not queued again when the feed lists it once more.
	n, err := s.RecordCheck(ctx, poll.Check{Feed: f.ID, URL: f.URL, At: t0, Status: 200, NextCheck: t0, Items: items(f.ID, "https://a.example/1")})
	if err != nil || n != 0 {
		t.Errorf("RecordCheck(a done item) queued %d, %v; want 0", n, err)
	}
	// Removing the feed removes its queue.
	if err := s.RemoveFeed(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.PendingItems(ctx, 10, 10); len(left) != 0 {
		t.Errorf("PendingItems after RemoveFeed = %v; want none", left)
	}
}

func testNotFound(t *testing.T, s poll.FeedStore) {
	ctx := context.Background()
	if err := s.RemoveFeed(ctx, 99); !errors.Is(err, poll.ErrNotFound) {
		t.Errorf("RemoveFeed(99) = %v; want ErrNotFound", err)
	}
	if _, err := s.RecordCheck(ctx, poll.Check{Feed: 99, URL: "u", At: t0, NextCheck: t0}); !errors.Is(err, poll.ErrNotFound) {
		t.Errorf("RecordCheck(99) = %v; want ErrNotFound", err)
	}
	if err := s.FinishItem(ctx, poll.ItemResult{Item: 99, Feed: 99, URL: "u", At: t0}); !errors.Is(err, poll.ErrNotFound) {
		t.Errorf("FinishItem(99) = %v; want ErrNotFound", err)
	}
}
