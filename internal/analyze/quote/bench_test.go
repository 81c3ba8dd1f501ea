package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// BenchmarkFind runs the stage on the fixture article (2.8 kB, 20 quotes),
// its tokens and sentences read before, as the pipeline does.
func BenchmarkFind(b *testing.B) {
	text := readFixture(b, "testdata/article.txt")
	in := prepare(text)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, in.toks, in.sents, nil)
	}
}

// input is an article with what the stages before this one give it.
type input struct {
	text  string
	toks  []news.Token
	sents []news.Span
}

func prepare(text string) input {
	toks := token.Tokenize(nil, text, lexicon.Default())
	return input{text, toks, sentence.Split(text, toks, lexicon.Default())}
}

// BenchmarkFindPolNeAR runs the stage over the 924 PolNeAR dev articles
// (../shared/bench), tokenized before; one op is one article on average.
func BenchmarkFindPolNeAR(b *testing.B) {
	p := benchdata.Path(b, "quotes/polnear-dev.jsonl")
	fh, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	var ins []input
	total := 0
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		ins = append(ins, prepare(a.Text))
		total += len(a.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(total / len(ins)))
	i := 0
	for b.Loop() {
		in := &ins[i%len(ins)]
		Find(in.text, in.toks, in.sents, nil)
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
