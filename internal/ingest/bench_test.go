package ingest

import (
	"bytes"
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/news"
)

// BenchmarkReadScale reads the whole scale corpus (37,554 articles, gzipped
// JSON lines) per iteration.
func BenchmarkReadScale(b *testing.B) {
	path := benchdata.Path(b, "scale/allsides-37k.jsonl.gz")
	n, size := 0, 0
	start := cpuTime()
	for b.Loop() {
		n, size = 0, 0
		err := NewReader(Options{}).Read(context.Background(), []string{path}, func(a news.Article) error {
			n++
			size += len(a.Text)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(size))
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(n)*float64(b.N)/(cpuTime()-start).Seconds(), "articles/cpu-s")
}

// cpuTime returns the process's user+system CPU time: on a shared machine
// it is what the code costs, where wall time also counts waiting.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDecodeJSONL decodes 1,000 in-memory JSON lines of 5 kB texts.
func BenchmarkDecodeJSONL(b *testing.B) {
	var buf bytes.Buffer
	text := bytes.Repeat([]byte("The council voted on Monday to approve the plan. "), 100)
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&buf, `{"id":"a%d","source":"Example","title":"A headline","published":"2020-01-02","text":"%s"}`+"\n", i, text)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := NewReader(Options{})
		err := r.readStreamT(context.Background(), "x.jsonl", ".jsonl", bytes.NewReader(data), false, func(news.Article) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
}
