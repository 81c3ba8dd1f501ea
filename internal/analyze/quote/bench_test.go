package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/benchdata"
)

// BenchmarkFind runs the stage on the fixture article (2.8 kB, 20 quotes).
func BenchmarkFind(b *testing.B) {
	text := readFixture(b, "testdata/article.txt")
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, nil, nil)
	}
}

// BenchmarkFindPolNeAR runs the stage over the 924 PolNeAR dev articles
// (../shared/bench); one op is one article on average.
func BenchmarkFindPolNeAR(b *testing.B) {
	p := benchdata.Path(b, "quotes/polnear-dev.jsonl")
	fh, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	var texts []string
	total := 0
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Text)
		total += len(a.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(total / len(texts)))
	i := 0
	for b.Loop() {
		Find(texts[i%len(texts)], nil, nil)
		i++
	}
}

func readFixture(tb testing.TB, path string) string {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}
