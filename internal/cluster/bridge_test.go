package cluster

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// TestUndatedNeverBridgesYears: however an undated article comes in (a
// copy, a story of undated articles that a dated one then joins, a small
// story's second chance as it closes), no story ends with dated members of
// two years.
func TestUndatedNeverBridgesYears(t *testing.T) {
	fx := loadFixtures(t)
	y13 := time.Date(2013, 4, 1, 0, 0, 0, 0, time.UTC)
	y20 := time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC)
	at := func(d news.Document, id string, when time.Time) news.Document {
		d.ID, d.Published = id, when
		return d
	}
	a1, a2, a3 := fx["quake-a-1"], fx["quake-a-2"], fx["quake-a-3"]
	tests := []struct {
		name string
		docs []news.Document
	}{
		{"through an undated member", []news.Document{at(a1, "d13", y13), at(a2, "u", time.Time{}), at(a3, "d20", y20)}},
		{"through an undated copy", []news.Document{at(a1, "d13", y13), at(a1, "u", time.Time{}), at(a1, "d20", y20)}},
		{"through a story of undated articles", []news.Document{at(a1, "u1", time.Time{}), at(a2, "u2", time.Time{}), at(a3, "d13", y13), at(a1, "d20", y20)}},
		{"through a date before 1980", []news.Document{at(a1, "d13", y13), at(a2, "u", time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)), at(a3, "d20", y20)}},
		{"through a second chance", []news.Document{at(a1, "d13", y13), at(a2, "u1", time.Time{}), at(a3, "u2", time.Time{}), at(a2, "d20", y20)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stories []Story
			got := run(t, Options{OnClose: func(s Story) { stories = append(stories, s) }}, tt.docs)
			for _, s := range stories {
				years := map[int]bool{}
				for _, m := range s.Members {
					if m.dated() {
						years[m.Published.Year()] = true
					}
				}
				if len(years) > 1 {
					t.Errorf("story %s holds dated articles of %d years: %+v", s.ID, len(years), s.Members)
				}
			}
			if len(got) != len(tt.docs) {
				t.Errorf("%d of %d articles assigned", len(got), len(tt.docs))
			}
		})
	}
}
