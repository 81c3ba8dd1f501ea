package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/news"
)

// TestBigArticle compares a 5 MB article with a normal one: it must finish
// quickly (the work is linear in the sentences) and keep its spans right.
func TestBigArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB article: skipped in -short mode")
	}
	syn := comparetest.Synthetic(1000, 3)
	var b strings.Builder
	var sents []news.Span
	for _, d := range syn {
		for _, sp := range d.Sentences {
			if b.Len() > 5<<20 {
				break
			}
			if b.Len() > 0 {
				b.WriteString(" ")
			}
			start := b.Len()
			b.WriteString(d.Text[sp.Start:sp.End])
			sents = append(sents, news.Span{Start: start, End: b.Len()})
		}
	}
	big := news.Document{Article: news.Article{ID: "big", Text: b.String()}, Sentences: sents}
	docs := []news.Document{big, comparetest.Bridge()[0]}
	start := time.Now()
	r := Compare(docs, Options{})
	took := time.Since(start)
	t.Logf("%d bytes, %d sentences: %v", len(big.Text), len(sents), took)
	if took > 20*time.Second {
		t.Errorf("Compare on a 5 MB article took %v", took)
	}
	checkSpans(t, docs, r)
}
