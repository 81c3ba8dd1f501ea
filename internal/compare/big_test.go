package compare

import (
	"fmt"
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

// figureDoc is an article of n sentences with two figures each, counting
// people and homes, with values that seldom repeat.
func figureDoc(id string, n, seed int) news.Document {
	var b strings.Builder
	d := news.Document{Article: news.Article{ID: id}}
	places := strings.Fields("river valley hill coast north south east west upper lower old new")
	figure := func(format string, v int, counts string) {
		start := b.Len()
		fmt.Fprintf(&b, format, v)
		d.Quantities = append(d.Quantities, news.Quantity{Value: float64(v), Counts: counts, Kind: news.Count,
			Span: news.Span{Start: start, End: b.Len()}})
	}
	for i := range n {
		if i > 0 {
			b.WriteString(" ")
		}
		start := b.Len()
		fmt.Fprintf(&b, "Officials in the %s %s district said ", places[i%len(places)], places[(i/len(places))%len(places)])
		figure("%d people", (i*7919+seed)%50000+10, "people")
		b.WriteString(" had been evacuated and ")
		figure("%d homes", (i*104729+seed)%90000+3, "homes")
		b.WriteString(" were damaged.")
		d.Sentences = append(d.Sentences, news.Span{Start: start, End: b.Len()})
	}
	d.Text = b.String()
	for i := range d.Quantities {
		d.Quantities[i].Text = d.Text[d.Quantities[i].Start:d.Quantities[i].End]
	}
	return d
}

// TestManyFiguresWork counts the pairs compared (of sentences and of
// figures) for a story of an article with N and with 2N figures next to
// an article of a hundred sentences alike: twice the figures may cost at
// most about twice the work. (Before the figures were indexed by where
// their intervals start, every pair of figures counting one thing was
// compared: 4,000 figures in 1 MB took a minute.)
func TestManyFiguresWork(t *testing.T) {
	work := func(n int) int {
		s := newStory([]news.Document{figureDoc("a", n, 1), figureDoc("b", 100, 2)})
		s.quantities()
		return s.compared
	}
	n, n2 := work(1000), work(2000)
	t.Logf("pairs compared: %d for 2,000 figures, %d for 4,000", n, n2)
	if n == 0 || float64(n2) > 2.5*float64(n) {
		t.Errorf("pairs compared: %d for 2,000 figures, %d for 4,000; want at most 2.5 times as many for twice the figures", n, n2)
	}
}
