package cluster

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// loadScale reads the first n articles of the scale corpus, cleaned and
// analyzed as the command does, or skips.
func loadScale(b *testing.B, n int) []news.Document {
	b.Helper()
	root := benchdata.Root()
	if root == "" {
		b.Skip("../shared/bench not found: skipping the benchmark on the scale corpus")
	}
	var docs []news.Document
	stop := errors.New("stop")
	cl := &clean.Cleaner{}
	z := &analyze.Analyzer{Options: analyze.Options{SkipQuotes: true}}
	r := ingest.NewReader(ingest.Options{})
	err := r.Read(context.Background(), []string{filepath.Join(root, "scale", "allsides-37k.jsonl.gz")}, func(a news.Article) error {
		c, err := cl.Clean(a)
		if err != nil {
			return nil
		}
		docs = append(docs, z.Analyze(c))
		if len(docs) == n {
			return stop
		}
		return nil
	})
	if err != nil && !errors.Is(err, stop) {
		b.Fatal(err)
	}
	return docs
}

// BenchmarkExtract measures feature extraction per article.
func BenchmarkExtract(b *testing.B) {
	docs := loadScale(b, 2000)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.ReportAllocs()
	b.SetBytes(n / int64(len(docs)))
	i := 0
	for b.Loop() {
		Extract(docs[i%len(docs)])
		i++
	}
}

// BenchmarkAddFeatures measures the sequential clustering step per article
// (features extracted beforehand) on a stream of 4,000 scale-corpus
// articles; each lap over them starts a fresh Clusterer, since the same
// articles added again would all be near-duplicates of the first lap. The
// near-duplicates metric is the share of articles found to be copies.
func BenchmarkAddFeatures(b *testing.B) {
	fs := scaleFeatures(b, 4000)
	b.ReportAllocs()
	var c *Clusterer
	var dups, n int
	for b.Loop() {
		i := n % len(fs)
		if i == 0 {
			if c != nil {
				dups += c.Stats().Duplicates
			}
			c = New(Options{})
		}
		c.AddFeatures(fs[i])
		n++
	}
	dups += c.Stats().Duplicates
	b.ReportMetric(float64(dups)/float64(n), "near-duplicates/op")
}

// BenchmarkStream clusters the same 4,000 scale-corpus articles with a
// fresh Clusterer each time, so that every iteration does the same work,
// closing the stories at the end.
func BenchmarkStream(b *testing.B) {
	fs := scaleFeatures(b, 4000)
	b.ReportAllocs()
	for b.Loop() {
		c := New(Options{})
		for _, f := range fs {
			c.AddFeatures(f)
		}
		c.Close()
	}
	b.ReportMetric(float64(b.N*len(fs))/b.Elapsed().Seconds(), "articles/s")
}

// scaleFeatures returns the features of the first n scale-corpus articles.
func scaleFeatures(b *testing.B, n int) []*Features {
	docs := loadScale(b, n)
	fs := make([]*Features, len(docs))
	for i, d := range docs {
		fs[i] = Extract(d)
	}
	return fs
}
