package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
)

// oneStory is a Desk holding one compared story, so that the benchmark
// measures the page and not the comparison.
type oneStory struct {
	fakeDesk
	s Story
}

func (o *oneStory) Story(ctx context.Context, id string) (Story, error) { return o.s, nil }

// BenchmarkStoryPage serves the story page of generated stories through
// the handler (desk read excluded: the story is compared once).
func BenchmarkStoryPage(b *testing.B) {
	for _, n := range []int{5, 50, 300} {
		r := compare.Compare(comparetest.Synthetic(n, 1), compare.Options{})
		d := &oneStory{s: Story{StorySummary: StorySummary{ID: "s-1", Title: "Bridge closure"}, Report: r}}
		h := Handler(d, Options{})
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/stories/s-1", nil))
				if w.Code != 200 {
					b.Fatalf("GET /stories/s-1 = %d", w.Code)
				}
				size = w.Body.Len()
			}
			b.ReportMetric(float64(size), "bytes/page")
		})
	}
}
