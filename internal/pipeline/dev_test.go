package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/news"
)

// The PolNeAR development set's direct quotes, a little under today's
// scores (F1 0.938, speaker accuracy 0.966 with scripts/eval-quotes).
const (
	quoteF1Floor    = 0.93
	speakerAccFloor = 0.955
)

// TestQuotesDevFloor analyzes the PolNeAR development set as `parallax
// analyze` does and scores its direct quotes with the shared scorer
// (../shared/bench/score-quotes): a drop below the floors fails.
func TestQuotesDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("PolNeAR development set: skipped in -short mode")
	}
	data := benchdata.Path(t, "quotes/polnear-dev.jsonl")
	gold := benchdata.Path(t, "quotes/polnear-dev.gold.jsonl")
	benchdata.Path(t, "score-quotes") // skip now, not after the work, when it is missing
	pred, err := os.Create(filepath.Join(t.TempDir(), "q.pred"))
	if err != nil {
		t.Fatal(err)
	}
	type quote struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
	}
	err = New(Options{}).Documents(context.Background(), []string{data}, func(d news.Document) error {
		qs := []quote{}
		for _, q := range d.Quotes {
			if q.Kind != news.Partial {
				qs = append(qs, quote{q.Text, q.Speaker})
			}
		}
		b, err := json.Marshal(struct {
			ID     string  `json:"id"`
			Quotes []quote `json:"quotes"`
		}{d.ID, qs})
		if err != nil {
			return err
		}
		_, err = pred.Write(append(b, '\n'))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := pred.Close(); err != nil {
		t.Fatal(err)
	}
	last := benchdata.Score(t, "score-quotes", gold, pred.Name())
	var f1, acc float64
	if _, err := fmt.Sscanf(last, "quote_f1=%f speaker_acc=%f", &f1, &acc); err != nil {
		t.Fatalf("score-quotes: last line %q: %v", last, err)
	}
	t.Logf("PolNeAR dev: quote F1 %.3f, speaker accuracy %.3f", f1, acc)
	if f1 < quoteF1Floor || acc < speakerAccFloor {
		t.Errorf("PolNeAR dev quote F1 / speaker accuracy = %.3f / %.3f; want at least %.3f / %.3f", f1, acc, quoteF1Floor, speakerAccFloor)
	}
}
