package pipeline

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/news"
)

// BenchmarkScale measures the whole analyze pipeline (read, clean, analyze on
// every core) over the 37k-article scale corpus, next to reading and
// decoding the same file alone, the floor no pipeline can beat.
// Run: go test ./internal/pipeline -run '^$' -bench Scale -benchtime 1x -benchmem
func BenchmarkScale(b *testing.B) {
	path := benchdata.Path(b, "scale/allsides-37k.jsonl.gz")
	b.Run("bare-read", func(b *testing.B) {
		for b.Loop() {
			n, size := bareRead(b, path)
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
			b.SetBytes(size)
		}
	})
	b.Run("analyze", func(b *testing.B) {
		for b.Loop() {
			n := 0
			p := New(Options{})
			if err := p.Documents(context.Background(), []string{path}, func(news.Document) error { n++; return nil }); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		}
	})
}

// bareRead reads the gzipped JSON lines file and decodes every line.
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
		n++
		size += int64(len(a.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return n, size
}
