package cluster

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// coined returns a made-up word for n that starts with prefix, distinct
// for every n: letters only, so that it is a content word.
func coined(prefix string, n int) string {
	var b strings.Builder
	b.WriteString(prefix)
	for {
		b.WriteByte(byte('a' + n%26))
		n /= 26
		if n == 0 {
			break
		}
	}
	b.WriteString("ek")
	return b.String()
}

// synthDoc is article i of synthetic story k: eight words and a name of
// the story's own, which tell it from the others, and extra words coined
// for each article, which grow the story's centroid and the document
// frequency table. published may be zero (undated).
func synthDoc(k, i, extra int, published time.Time) news.Document {
	var own, words []string
	for j := range 8 {
		own = append(own, coined("ka", k*8+j))
	}
	for j := range extra {
		words = append(words, coined("zu", (k*1000+i)*extra+j))
	}
	tag := coined("", k) // a suffix of the story's name
	return news.Document{Article: news.Article{
		ID:        fmt.Sprintf("k%d-%d", k, i),
		Source:    fmt.Sprintf("outlet%d", i%5),
		Published: published,
		Title:     fmt.Sprintf("Ilse Varga%s %s", tag, strings.Join(own[:3], " ")),
		Text:      fmt.Sprintf("Ilse Varga%s said %s. Notes: %s.", tag, strings.Join(own, " "), strings.Join(words, " ")),
	}}
}

// sizes is what the bounded structures of a Clusterer hold.
type sizes struct {
	centroid int // features of the largest active centroid
	dfKeys   int // keys in the document frequency table
	dfDocs   float64
	pairRow  int // counters in a row of the pair sketch
	active   int
	postings int // entries in all posting lists
	dups     int // entries in the duplicate index
}

func measure(c *Clusterer) sizes {
	z := sizes{dfKeys: c.df.used, dfDocs: c.n, pairRow: len(c.pairDF.rows[0]), active: len(c.active)}
	for _, s := range c.active {
		z.centroid = max(z.centroid, len(s.ckeys))
	}
	for _, l := range c.postings {
		z.postings += len(l)
	}
	for _, l := range c.dups {
		z.dups += len(l)
	}
	return z
}

// peak returns the largest of each size after every article of docs is
// added to a new Clusterer with opt, and id -> final story.
func peak(t *testing.T, opt Options, docs []news.Document) (sizes, map[string]string) {
	t.Helper()
	got := map[string]string{}
	opt.Now = fixedNow
	opt.OnClose = func(s Story) {
		for _, m := range s.Members {
			got[m.ID] = s.ID
		}
	}
	c := New(opt)
	var p sizes
	for _, d := range docs {
		c.Add(d)
		z := measure(c)
		p.centroid = max(p.centroid, z.centroid)
		p.dfKeys = max(p.dfKeys, z.dfKeys)
		p.dfDocs = max(p.dfDocs, z.dfDocs)
		p.pairRow = max(p.pairRow, z.pairRow)
		p.active = max(p.active, z.active)
		p.postings = max(p.postings, z.postings)
		p.dups = max(p.dups, z.dups)
	}
	c.Close()
	if len(got) != len(docs) {
		t.Fatalf("closed stories hold %d articles; want %d", len(got), len(docs))
	}
	return p, got
}

// separate checks that the articles of each synthetic story ended in one
// story of their own.
func separate(t *testing.T, got map[string]string, docs []news.Document) {
	t.Helper()
	story := map[string]string{} // synthetic story -> clusterer story
	owner := map[string]string{} // clusterer story -> synthetic story
	for _, d := range docs {
		k, _, _ := strings.Cut(d.ID, "-")
		s := got[d.ID]
		if want, ok := story[k]; ok && s != want {
			t.Errorf("%s is in %s; the rest of %s is in %s", d.ID, s, k, want)
		}
		story[k] = s
		if o, ok := owner[s]; ok && o != k {
			t.Errorf("%s holds articles of %s and %s", s, o, k)
		}
		owner[s] = k
	}
}

// twoStories interleaves n articles each of two stories, undated, each
// with extra coined words.
func twoStories(n, extra int) []news.Document {
	var docs []news.Document
	for i := range n {
		docs = append(docs, synthDoc(0, i, extra, time.Time{}), synthDoc(1, i, extra, time.Time{}))
	}
	return docs
}

func TestLimitCentroid(t *testing.T) {
	docs := twoStories(30, 12)
	const n = 10
	p, got := peak(t, Options{Window: -1, Limits: Limits{Centroid: n}}, docs)
	if p.centroid > 3*n {
		t.Errorf("a centroid held %d features; want at most %d", p.centroid, 3*n)
	}
	separate(t, got, docs)
	// Without the limit the centroids grow with the stories: the bound
	// above is the limit's doing.
	if q, _ := peak(t, Options{Window: -1}, docs); q.centroid <= 3*n {
		t.Errorf("with the default limit a centroid held only %d features; the test does not reach the limit", q.centroid)
	}
}

func TestLimitDocFreq(t *testing.T) {
	docs := twoStories(100, 12)
	const n = 40
	p, got := peak(t, Options{Window: -1, Limits: Limits{DocFreq: n}}, docs)
	if p.dfDocs > n {
		t.Errorf("document frequencies counted %g documents; want at most %d", p.dfDocs, n)
	}
	// Each article brings 12 words no other has and about 11 that every
	// article of its story has: after a halving only the shared ones stay,
	// so the table holds the words of at most n articles and the shared ones.
	q, _ := peak(t, Options{Window: -1}, docs)
	if bound := 12*n + 60; p.dfKeys > bound || q.dfKeys <= bound {
		t.Errorf("document frequency table peaked at %d keys (%d without the limit); want at most %d", p.dfKeys, q.dfKeys, bound)
	}
	separate(t, got, docs)
}

func TestLimitPairBits(t *testing.T) {
	docs := twoStories(60, 12)
	const bits = 8
	p, got := peak(t, Options{Window: -1, Limits: Limits{PairBits: bits, DocFreq: 50}}, docs)
	if p.pairRow > 1<<bits {
		t.Errorf("pair sketch rows held %d counters; want at most %d", p.pairRow, 1<<bits)
	}
	if q, _ := peak(t, Options{Window: -1}, docs); q.pairRow <= 1<<bits {
		t.Errorf("with the default limit the rows held only %d counters; the test does not reach the limit", q.pairRow)
	}
	separate(t, got, docs)
}

// TestLimitMaxActive runs an undated stream of many small stories (the
// window cannot retire undated stories) and checks that the active set and
// the indexes stay bounded by MaxActive, and that the stories whose
// articles come together still come out whole.
func TestLimitMaxActive(t *testing.T) {
	var docs []news.Document
	for k := range 300 {
		for i := range 3 {
			docs = append(docs, synthDoc(k, i, 4, time.Time{}))
		}
	}
	const n = 12
	p, got := peak(t, Options{Window: -1, MaxActive: n}, docs)
	if p.active > n {
		t.Errorf("%d stories were active; want at most %d", p.active, n)
	}
	// Closed stories leave the posting lists and the duplicate index at
	// the next sweep once they outnumber the active ones.
	if bound := indexTerms * (2*n + sweepEvery); p.postings > bound {
		t.Errorf("posting lists held %d entries; want at most %d", p.postings, bound)
	}
	if bound := dupIndexed * 3 * (2*n + sweepEvery); p.dups > bound {
		t.Errorf("duplicate index held %d entries; want at most %d", p.dups, bound)
	}
	separate(t, got, docs)
}
