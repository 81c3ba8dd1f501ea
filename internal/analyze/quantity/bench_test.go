package quantity

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

// benchText is news prose of about 5 kB with a figure every couple of
// sentences, written for the benchmark.
func benchText() string {
	s := strings.Repeat("About 9,000 soldiers remain in the region, down from a peak of 16,500 in 2008, officials said on Friday. "+
		"The ministry did not say when the remaining units would return home or who would pay for the move. "+
		"Local leaders welcomed the decision but warned that security in the northern provinces was still fragile. "+
		"More than $4.5 billion was spent on the programme, according to figures published by the auditors. ", 12)
	return s
}

func BenchmarkFind(b *testing.B) {
	s := benchText()
	toks, sents := tokens(s)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s, toks, sents)
	}
}

// BenchmarkFindCorpus runs the stage over the first 20 articles of the
// shared AllSides corpus (skipped when ../shared/bench is absent). Twenty
// articles stay in the CPU cache, as an article does while the pipeline's
// stages run over it; cycling through thousands would measure memory
// instead.
func BenchmarkFindCorpus(b *testing.B) {
	texts := corpus(b, 20)
	toks := make([][]news.Token, len(texts))
	sents := make([][]news.Span, len(texts))
	n := 0
	for i, s := range texts {
		toks[i], sents[i] = tokens(s)
		n += len(s)
	}
	b.ReportAllocs()
	b.SetBytes(int64(n / len(texts)))
	i := 0
	for b.Loop() {
		Find(texts[i%len(texts)], toks[i%len(texts)], sents[i%len(texts)])
		i++
	}
}

// corpus reads up to n article texts from the shared benchmark corpus.
func corpus(tb testing.TB, n int) []string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the package")
		}
		dir = parent
	}
	f, err := os.Open(filepath.Join(dir, "..", "shared", "bench", "scale", "allsides-37k.jsonl.gz"))
	if err != nil {
		tb.Skipf("shared benchmark corpus not available: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Skip(err)
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 1<<26)
	var out []string
	for sc.Scan() && len(out) < n {
		var a struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
			out = append(out, a.Text)
		}
	}
	if len(out) == 0 {
		tb.Skip("empty corpus")
	}
	return out
}

// TestFindAllocs checks that reading a figure allocates nothing beyond the
// result slice (and a counted phrase that needs folding): twice the text
// costs at most the slice's growth more.
func TestFindAllocs(t *testing.T) {
	para := "About 9,000 soldiers remain, down from a peak of 16,500 in 2008. More than $4.5 billion was spent on 12 new schools. "
	allocs := func(n int) float64 {
		s := strings.Repeat(para, n)
		toks, sents := tokens(s)
		return testing.AllocsPerRun(20, func() { Find(s, toks, sents) })
	}
	if a, b := allocs(10), allocs(20); b > a+2 {
		t.Errorf("Find allocates %v times for 10 paragraphs and %v for 20; want at most 2 more", a, b)
	}
}
