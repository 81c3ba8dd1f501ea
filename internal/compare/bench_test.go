package compare

import (
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/news"
)

// BenchmarkCompare measures Compare on synthetic stories of 2, 20 and 200
// articles of about 5 kB each.
// Run: go test ./internal/compare -run '^$' -bench Compare
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{2, 20, 200} {
		docs := comparetest.Synthetic(n, 1)
		size := 0
		for _, d := range docs {
			size += len(d.Text)
		}
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				Compare(docs, Options{})
			}
		})
	}
}

// BenchmarkManyFigures measures the figure grouping for an article of 2,000
// and of 4,000 sentences with two figures each next to a short one.
// Run: go test ./internal/compare -run '^$' -bench ManyFigures
func BenchmarkManyFigures(b *testing.B) {
	for _, n := range []int{2000, 4000} {
		docs := []news.Document{figureDoc("a", n, 1), figureDoc("b", 100, 2)}
		s := newStory(docs)
		b.Run(fmt.Sprintf("figures=%d", 2*n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.quantities()
			}
		})
	}
}
