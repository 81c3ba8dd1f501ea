package sentence

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/benchdata"
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
	b.ReportAllocs()
	b.SetBytes(n)
	for b.Loop() {
		for _, t := range texts {
			Split(t)
		}
	}
}
