package clean

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/news"
)

// benchArticle is an invented article of about 5 kB with curly quotes,
// no-break spaces and furniture, the median size of the scale corpus.
func benchArticle() news.Article {
	var b strings.Builder
	b.WriteString("Invented headline about a council vote\nA standfirst line under it.\nPublished: 3 May 2019 10:00\n\n")
	for i := 0; b.Len() < 4800; i++ {
		switch i % 6 {
		case 2:
			b.WriteString("\u201cWe will keep going,\u201d the spokesman said on Monday, adding that the plan\u00a0would cost 4,500 more than last year.\n\n")
		case 4:
			b.WriteString("Advertisement\n\n")
		default:
			b.WriteString("The council of the invented town voted on Tuesday to approve the budget \u2013 a plan that opponents said was rushed, and which officials defended at length.\n\n")
		}
	}
	b.WriteString("Example Post and agencies\nRelated\nAnother headline here\nAnd one more headline\n")
	return news.Article{Source: "Example Post", Text: b.String()}
}

// cpuTime returns the process's user+system CPU time. Benchmarks report
// it per operation (cpu-ns/op) besides wall time because the machine they
// run on is shared: CPU time is what the code costs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkClean(b *testing.B) {
	a := benchArticle()
	c := New(Options{})
	b.ReportAllocs()
	b.SetBytes(int64(len(a.Text)))
	start := cpuTime()
	for b.Loop() {
		if _, err := c.Clean(a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

func BenchmarkNormalize(b *testing.B) {
	s := benchArticle().Text
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Normalize(s)
	}
}

func BenchmarkCleanExample(b *testing.B) {
	files, _ := filepath.Glob("../../examples/iraq-2011/*.txt")
	if len(files) == 0 {
		b.Skip("examples/iraq-2011 not found")
	}
	var arts []news.Article
	n := 0
	for _, f := range files {
		t, _ := os.ReadFile(f)
		arts = append(arts, news.Article{Text: string(t)})
		n += len(t)
	}
	c := New(Options{})
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, a := range arts {
			c.Clean(a)
		}
	}
}

// BenchmarkCleanScale cleans the first 2,000 articles of the scale corpus
// (real articles from many outlets) per iteration.
func BenchmarkCleanScale(b *testing.B) {
	path := benchdata.Path(b, "scale/allsides-37k.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<24)
	var arts []news.Article
	n := 0
	for sc.Scan() && len(arts) < 2000 {
		var j struct{ Source, URL, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &j); err != nil {
			b.Fatal(err)
		}
		a := news.Article{Source: j.Source, URL: j.URL, Title: j.Title, Text: j.Text}
		arts = append(arts, a)
		n += len(a.Text)
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	start := cpuTime()
	for b.Loop() {
		c := New(Options{})
		for _, a := range arts {
			c.Clean(a)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(arts)), "µs/article")
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/float64(b.N*len(arts)), "cpu-µs/article")
}
