package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
)

// BenchmarkWriteHTML renders the story page of generated stories of 300
// and 600 articles; the page's size is reported as bytes/page.
func BenchmarkWriteHTML(b *testing.B) {
	for _, n := range []int{300, 600} {
		r := compare.Compare(comparetest.Synthetic(n, 1), compare.Options{})
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var c countWriter
			if err := WriteHTML(&c, r); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(c))
			for b.Loop() {
				if err := WriteHTML(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c), "bytes/page")
		})
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
