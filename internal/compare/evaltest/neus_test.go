package evaltest

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// TestNeusPredictions writes summary predictions for the NeuS development
// set in-process (the same reading, cleaning and analysis as the command)
// to the file named by PARALLAX_NEUS_PRED, for fast iteration; score them
// with ../shared/bench/score-rouge. scripts/eval-summaries is the official
// evaluation through the built binary. Only the articles are read, never
// the reference.
func TestNeusPredictions(t *testing.T) {
	out := os.Getenv("PARALLAX_NEUS_PRED")
	if out == "" {
		t.Skip("set PARALLAX_NEUS_PRED=FILE to write NeuS predictions")
	}
	path := benchdata.Path(t, "summaries/neus-val.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	dir := t.TempDir()
	z := &analyze.Analyzer{}
	c := &clean.Cleaner{}
	for sc.Scan() {
		var story struct {
			ID       string            `json:"id"`
			Articles []json.RawMessage `json:"articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &story); err != nil {
			t.Fatal(err)
		}
		p := dir + "/story.jsonl"
		var lines []string
		for _, a := range story.Articles {
			lines = append(lines, string(a))
		}
		if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		var docs []news.Document
		r := ingest.NewReader(ingest.Options{})
		r.Read(context.Background(), []string{p}, func(a news.Article) error {
			if ca, err := c.Clean(a); err == nil {
				docs = append(docs, z.Analyze(ca))
			}
			return nil
		})
		rep := compare.Compare(docs, compare.Options{})
		var parts []string
		for _, s := range rep.Summary {
			parts = append(parts, s.Text)
		}
		b, _ := json.Marshal(map[string]string{"id": story.ID, "summary": strings.Join(parts, " ")})
		w.Write(append(b, '\n'))
	}
}
