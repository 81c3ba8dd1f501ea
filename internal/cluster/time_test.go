package cluster

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Issue 12: time rules. The three quake-a fixtures report one event.

// TestMaxSpan: an article that fits the window after a story's last article
// but would stretch the story past MaxSpan opens a story that Follows it.
func TestMaxSpan(t *testing.T) {
	fx := loadFixtures(t)
	day := 24 * time.Hour
	tests := []struct {
		name    string
		maxSpan time.Duration
		want    bool // quake-a-3 joins
	}{
		{"within the cap joins", 40 * day, true},
		{"past the cap opens a new story", 25 * day, false},
		{"no cap joins", -1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := pick(fx, "quake-a-1", "quake-a-2", "quake-a-3")
			start := docs[0].Published
			docs[1].Published = start.Add(15 * day)
			docs[2].Published = start.Add(30 * day) // within 20 days of quake-a-2
			var stories []Story
			got := run(t, Options{Window: 20 * day, MaxSpan: tt.maxSpan, OnClose: func(s Story) { stories = append(stories, s) }}, docs)
			first, third := got["quake-a-1"], got["quake-a-3"]
			if got["quake-a-2"].Story != first.Story {
				t.Fatalf("quake-a-2 went to %s; want %s (similarity %.3f)", got["quake-a-2"].Story, first.Story, got["quake-a-2"].Similarity)
			}
			if joined := third.Story == first.Story; joined != tt.want {
				t.Fatalf("quake-a-3 joined = %v; want %v", joined, tt.want)
			}
			wantFollows := ""
			if !tt.want {
				wantFollows = first.Story
			}
			if third.Follows != wantFollows {
				t.Errorf("quake-a-3 Follows = %q; want %q", third.Follows, wantFollows)
			}
			for _, s := range stories {
				if s.ID == third.Story && s.ID != first.Story && s.Follows != wantFollows {
					t.Errorf("story %s Follows = %q; want %q", s.ID, s.Follows, wantFollows)
				}
			}
		})
	}
}

// TestUndatedThreshold: an undated article needs UndatedThreshold to join
// a story of dated articles, only Threshold to join one of undated ones.
func TestUndatedThreshold(t *testing.T) {
	fx := loadFixtures(t)
	tests := []struct {
		name       string
		firstDated bool
		undatedT   float64
		want       bool
	}{
		{"dated story, default", true, 0, true},
		{"dated story, strict", true, 0.99, false},
		{"undated story, strict", false, 0.99, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := pick(fx, "quake-a-1", "quake-a-2")
			if !tt.firstDated {
				docs[0].Published = time.Time{}
			}
			docs[1].Published = time.Time{}
			got := run(t, Options{UndatedThreshold: tt.undatedT}, docs)
			if joined := got["quake-a-2"].Story == got["quake-a-1"].Story; joined != tt.want {
				t.Errorf("undated quake-a-2 joined = %v; want %v (similarity %.3f)", joined, tt.want, got["quake-a-2"].Similarity)
			}
		})
	}
}

// TestUndatedNoBridge: an undated member does not let a dated article of
// another year in; time is judged against the story's dated members.
func TestUndatedNoBridge(t *testing.T) {
	fx := loadFixtures(t)
	docs := pick(fx, "quake-a-1", "quake-a-2", "quake-a-3")
	docs[0].Published = time.Date(2013, 4, 1, 0, 0, 0, 0, time.UTC)
	docs[1].Published = time.Time{}
	docs[2].Published = time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC)
	got := run(t, Options{}, []news.Document{docs[0], docs[1], docs[2]})
	if got["quake-a-2"].Story != got["quake-a-1"].Story {
		t.Fatalf("undated quake-a-2 did not join (similarity %.3f): the test needs it in", got["quake-a-2"].Similarity)
	}
	if got["quake-a-3"].Story == got["quake-a-1"].Story {
		t.Errorf("quake-a-3 of 2020 joined the 2013 story through its undated member")
	}
}
