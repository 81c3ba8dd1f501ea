package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/parallax-news/parallax/internal/token"
)

// BenchmarkScale measures the whole analyze pipeline (read, clean, analyze on
// every core) over the 37k-article scale corpus, next to the floor no
// pipeline can beat: reading, decoding and tokenizing the same file.
// Run: go test ./cmd/parallax -run '^$' -bench Scale -benchtime 1x
func BenchmarkScale(b *testing.B) {
	path := benchdata.Path(b, "scale/allsides-37k.jsonl.gz")
	b.Run("bare-read-tokenize", func(b *testing.B) {
		for b.Loop() {
			n, bytes := bareRead(b, path)
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
			b.SetBytes(bytes)
		}
	})
	b.Run("analyze", func(b *testing.B) {
		for b.Loop() {
			src := newSource(io.Discard)
			next, wait := src.Chan(context.Background(), []string{path})
			z := &analyze.Analyzer{}
			n := 0
			err := pipe.Map(context.Background(), 0, next, z.Analyze, func(news.Document) error { n++; return nil })
			if err == nil {
				err = wait()
			}
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		}
	})
}

// bareRead reads the gzipped JSON lines file, decodes every line and
// tokenizes its text: the least work any analysis must do.
func bareRead(b *testing.B, path string) (n int, size int64) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		words := 0
		token.Each(a.Text, func(token.Word) { words++ })
		n++
		size += int64(len(a.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return n, size
}
