package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/parallax-news/parallax/internal/benchdata"
)

// evalPages loads the extraction development set from ../shared/bench
// (relative to the module root), or skips when it is absent.
func evalPages(tb testing.TB) [][]byte {
	tb.Helper()
	html := benchdata.Path(tb, "extraction/trafilatura-eval/html")
	files, _ := filepath.Glob(filepath.Join(html, "*.gz"))
	if len(files) == 0 {
		tb.Skipf("extraction benchmark pages not found under %s", html)
	}
	pages := make([][]byte, 0, len(files))
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		fh.Close()
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, b)
	}
	return pages
}

// runAll runs fn over every page on GOMAXPROCS goroutines.
func runAll(pages [][]byte, fn func([]byte)) {
	work := make(chan []byte)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				fn(p)
			}
		}()
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	wg.Wait()
}

// BenchmarkCorpus compares this package with go-trafilatura alone on the
// 990 pages of the extraction development set, both on every core. One
// iteration extracts every page; pages/s is reported as a metric.
//
//	go test ./internal/extract -run '^$' -bench Corpus -benchtime 2x
func BenchmarkCorpus(b *testing.B) {
	pages := evalPages(b)
	var n int64
	for _, p := range pages {
		n += int64(len(p))
	}
	cases := []struct {
		name string
		fn   func([]byte)
	}{
		{"trafilatura", func(p []byte) {
			trafilatura.Extract(bytes.NewReader(p), trafilatura.Options{ExcludeComments: true})
		}},
		{"trafilatura-fallback", func(p []byte) {
			trafilatura.Extract(bytes.NewReader(p), trafilatura.Options{ExcludeComments: true, EnableFallback: true})
		}},
		{"parallax", func(p []byte) { ExtractBytes(p, Options{}) }},
		{"parallax-nofallback", func(p []byte) { ExtractBytes(p, Options{NoFallback: true}) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(n)
			cpu0 := cpuTime()
			for b.Loop() {
				runAll(pages, c.fn)
			}
			b.ReportMetric(float64(len(pages))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
			// CPU time is steadier than wall time on a shared machine.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(pages)*b.N), "cpu-ms/page")
		})
	}
}

// cpuTime is the process's user plus system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExtract measures one small page on one core.
func BenchmarkExtract(b *testing.B) {
	page := readFixture(b, "article.html")
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ExtractBytes(page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
