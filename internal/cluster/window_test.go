package cluster

import (
	"fmt"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Issue 12: when stories close, and the chaining cap.

// filler returns n distinct dated articles, one an hour from start, each
// about an event of its own.
func filler(n int, start time.Time) []news.Document {
	docs := make([]news.Document, n)
	for i := range docs {
		docs[i] = news.Document{Article: news.Article{
			ID:        fmt.Sprintf("filler-%d", i),
			Published: start.Add(time.Duration(i) * time.Hour),
			Title:     fmt.Sprintf("Event %d in Town%d", i, i),
			Text:      fmt.Sprintf("Officials in Town%d said that event number %d involved Person%d and %d people.", i, i, i, 100+i),
		}}
	}
	return docs
}

func undated(d news.Document, id string) news.Document {
	d.ID, d.Published = id, time.Time{}
	return d
}

// TestIdleClose: a story closes once the window has passed since its
// latest dated article and Lag articles have come; undated articles that
// keep joining it meanwhile do not keep it open, and an undated article
// that comes after it closed cannot join it. Within the lag it can.
func TestIdleClose(t *testing.T) {
	fx := loadFixtures(t)
	a1 := fx["quake-a-1"]
	stream := func(lag int) []news.Document {
		docs := []news.Document{a1, undated(fx["quake-a-2"], "undated-0")}
		for i, f := range filler(600, a1.Published.Add(24*time.Hour)) {
			docs = append(docs, f)
			if i%50 == 0 { // undated copies keep coming
				docs = append(docs, undated(fx["quake-a-2"], fmt.Sprintf("undated-%d", i+1)))
			}
		}
		return append(docs, undated(fx["quake-a-3"], "late"))
	}
	for _, tt := range []struct {
		name       string
		lag        int
		wantClosed string
		wantJoin   bool
	}{
		{"idle window closes", 100, ClosedIdle, false},
		{"within the lag stays open", 100000, ClosedOpen, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			closed := map[string]string{}
			got := run(t, Options{Window: 24 * time.Hour, Lag: tt.lag, OnClose: func(s Story) { closed[s.ID] = s.Closed }}, stream(tt.lag))
			story := got["quake-a-1"].Story
			if got["undated-0"].Story != story {
				t.Fatalf("undated-0 did not join (similarity %.3f): the test needs it in", got["undated-0"].Similarity)
			}
			if closed[story] != tt.wantClosed {
				t.Errorf("story closed %q; want %q", closed[story], tt.wantClosed)
			}
			if joined := got["late"].Story == story; joined != tt.wantJoin {
				t.Errorf("late undated article joined = %v; want %v", joined, tt.wantJoin)
			}
		})
	}
}

// TestCloseReasons: every story says why it closed.
func TestCloseReasons(t *testing.T) {
	fx := loadFixtures(t)
	day := 24 * time.Hour
	t.Run("span", func(t *testing.T) {
		docs := pick(fx, "quake-a-1", "quake-a-2", "quake-a-3")
		start := docs[0].Published
		docs[1].Published = start.Add(9 * day)
		docs[2].Published = start.Add(18 * day)
		// Filler until the cap has passed by a window, before the last
		// article's window has passed twice.
		docs = append(docs, filler(300, start.Add(19*day))...)
		reasons := map[string]string{}
		got := run(t, Options{Window: 10 * day, MaxSpan: 18 * day, Lag: 10, OnClose: func(s Story) { reasons[s.ID] = s.Closed }}, docs)
		s := got["quake-a-1"].Story
		if got["quake-a-3"].Story != s {
			t.Fatalf("quake-a-3 did not join: the test needs it in")
		}
		if reasons[s] != ClosedSpan {
			t.Errorf("closed %q; want %q", reasons[s], ClosedSpan)
		}
	})
	t.Run("limit and open", func(t *testing.T) {
		var stories []Story
		run(t, Options{MaxActive: 3, OnClose: func(s Story) { stories = append(stories, s) }}, filler(20, time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)))
		n := map[string]int{}
		for _, s := range stories {
			n[s.Closed]++
		}
		if n[ClosedLimit] == 0 || n[ClosedOpen] == 0 || n[ClosedLimit]+n[ClosedOpen] != len(stories) {
			t.Errorf("close reasons %v of %d stories; want limit and open only", n, len(stories))
		}
	})
	t.Run("span of a story", func(t *testing.T) {
		docs := pick(fx, "quake-a-1", "quake-a-2")
		docs[1].Published = docs[0].Published.Add(36 * time.Hour)
		var got Story
		run(t, Options{OnClose: func(s Story) {
			if s.Size == 2 {
				got = s
			}
		}}, docs)
		if got.Span() != 36*time.Hour || got.Closed != ClosedOpen {
			t.Errorf("span %v closed %q; want 36h, open", got.Span(), got.Closed)
		}
	})
}

// TestChainingCap: an article that resembles a story's newest member but
// nothing of its core (first reports, centre) does not join it.
func TestChainingCap(t *testing.T) {
	fx := loadFixtures(t)
	base := fx["quake-a-3"]
	concert := func(id string, hours int, kestrel bool) news.Document {
		d := base
		d.ID, d.Title = id, "Benefit concert in Port Amsel"
		d.Published = base.Published.Add(time.Duration(hours) * time.Hour)
		d.Text = "Singer Mara Ovic and the Amsel Philharmonic played a benefit concert at the Lindqvist Hall in Port Amsel on Saturday, raising 80,000 crowns. Conductor Ilse Brandvold led the orchestra through Sibelius and folk songs while volunteers sold tickets."
		if kestrel {
			d.Text = base.Text + " The money from a benefit concert will go to the survivors. " + d.Text
		}
		return d
	}
	docs := append(pick(fx, "quake-a-1", "quake-a-2", "quake-a-3"), concert("bridge", 2, true), concert("drift", 4, false))
	for _, tt := range []struct {
		name string
		core float64
		want bool // drift joins
	}{
		{"no cap", -1, true},
		{"default cap", 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, Options{CoreThreshold: tt.core}, docs)
			s := got["quake-a-1"].Story
			if got["bridge"].Story != s {
				t.Fatalf("bridge did not join (similarity %.3f): the test needs it in", got["bridge"].Similarity)
			}
			if joined := got["drift"].Story == s; joined != tt.want {
				t.Errorf("drift joined = %v; want %v (similarity %.3f)", joined, tt.want, got["drift"].Similarity)
			}
		})
	}
}
