package sentence

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// BenchmarkSplitPolnear splits 200 real political news articles.
func BenchmarkSplitPolnear(b *testing.B) {
	fh, err := os.Open(benchdata.Path(b, "quotes/polnear-dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	var texts []string
	var n int64
	for sc.Scan() && len(texts) < 200 {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Text)
		n += int64(len(a.Text))
	}
	// The tokens are the tokenizer's cost, paid once for every stage.
	lx := lexicon.Default()
	toks := make([][]news.Token, len(texts))
	for i, t := range texts {
		toks[i] = token.Tokenize(nil, t, lx)
	}
	b.ReportAllocs()
	b.SetBytes(n)
	for b.Loop() {
		for i, t := range texts {
			Split(t, toks[i], lx)
		}
	}
}
