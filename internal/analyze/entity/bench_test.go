package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/news"
)

// polnearTexts returns the texts of the first max articles of the PolNeAR
// development set, or skips tb when the shared benchmark data is absent.
func polnearTexts(tb testing.TB, max int) []string {
	tb.Helper()
	fh, err := os.Open(benchdata.Path(tb, "quotes/polnear-dev.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	var out []string
	for sc.Scan() && len(out) < max {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a.Text)
	}
	return out
}

// BenchmarkFindPolnear runs Find over 200 real political news articles
// (average 3.8 kB); SetBytes makes ns/op comparable through MB/s.
func BenchmarkFindPolnear(b *testing.B) {
	texts := polnearTexts(b, 200)
	var n int64
	sents := make([][]news.Span, len(texts))
	toks := make([][]news.Token, len(texts)) // read once for every stage
	for i, t := range texts {
		n += int64(len(t))
		toks[i], sents[i] = tokens(t), sentence.SplitText(t)
	}
	b.ReportAllocs()
	b.SetBytes(n)
	for b.Loop() {
		for i, t := range texts {
			Find(t, toks[i], sents[i])
		}
	}
}

// TestFindPolnear runs Find over PolNeAR articles and checks the result's
// invariants on real text.
func TestFindPolnear(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	for _, text := range polnearTexts(t, 300) {
		checkEntities(t, text, Find(text, tokens(text), sentence.SplitText(text)))
	}
}
