package compare

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/news"
)

// bigDoc is one article of about size bytes made of the sentences of a
// synthetic story, with their figures.
func bigDoc(id string, size int, seed uint64) news.Document {
	syn := comparetest.Synthetic(size/4000+1, seed)
	var b strings.Builder
	var d news.Document
	for _, s := range syn {
		for _, sp := range s.Sentences {
			if b.Len() > size {
				break
			}
			if b.Len() > 0 {
				b.WriteString(" ")
			}
			start := b.Len()
			b.WriteString(s.Text[sp.Start:sp.End])
			d.Sentences = append(d.Sentences, news.Span{Start: start, End: b.Len()})
			for _, q := range s.Quantities {
				if q.Start >= sp.Start && q.End <= sp.End {
					q.Span = news.Span{Start: q.Start - sp.Start + start, End: q.End - sp.Start + start}
					d.Quantities = append(d.Quantities, q)
				}
			}
		}
	}
	d.ID, d.Text = id, b.String()
	return d
}

// TestBigArticle compares a 5 MB article with a normal one and checks its
// spans; TestBigArticleWork checks that the work is linear.
func TestBigArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB article: skipped in -short mode")
	}
	docs := []news.Document{bigDoc("big", 5<<20, 3), comparetest.Bridge()[0]}
	r := Compare(docs, Options{})
	checkSpans(t, docs, r)
}

// TestBigArticleWork counts the sentence pairs compared for two articles
// of N and of 2N bytes each (more sentences than a story of normal
// articles has, so that candidates are found through the rarest terms):
// twice the text may cost at most about twice the work.
func TestBigArticleWork(t *testing.T) {
	work := func(size int) int {
		s := newStory([]news.Document{bigDoc("a", size, 3), bigDoc("b", size, 4)})
		return s.compared
	}
	n, n2 := work(200<<10), work(400<<10)
	t.Logf("pairs compared: %d at 2 × 200 kB, %d at 2 × 400 kB", n, n2)
	if n == 0 || float64(n2) > 2.5*float64(n) {
		t.Errorf("pairs compared: %d at 2 × 200 kB, %d at 2 × 400 kB; want at most 2.5 times as many for twice the text", n, n2)
	}
}
