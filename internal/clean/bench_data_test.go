package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/news"
)

// TestPolNeARQuotesSurvive cleans the PolNeAR development set in one run
// (so recurring-line detection is on) and checks that cleaning removes
// almost no gold direct quote: a quote whose words lie inside a removed
// line is lost to every later stage. Measured: 1 of 3,458 direct
// attributions (a quote inside an embedded tweet).
func TestPolNeARQuotesSurvive(t *testing.T) {
	corpus := benchdata.Path(t, "quotes/polnear-dev.jsonl")
	gold := benchdata.Path(t, "quotes/polnear-dev.gold.jsonl")
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(Normalize(s)), " ")) }

	removed := map[string][]string{}
	c := New(Options{})
	eachLine(t, corpus, func(b []byte) {
		var j struct{ ID, Source, URL, Title, Text string }
		if err := json.Unmarshal(b, &j); err != nil {
			t.Fatal(err)
		}
		_, rm, _ := c.Trace(news.Article{ID: j.ID, Source: j.Source, URL: j.URL, Title: j.Title, Text: j.Text})
		for _, r := range rm {
			if r.Rule != RuleTitle {
				removed[j.ID] = append(removed[j.ID], norm(r.Text))
			}
		}
	})
	lost, total := 0, 0
	eachLine(t, gold, func(b []byte) {
		var g struct {
			ID           string
			Attributions []struct {
				ContentText string `json:"content_text"`
				Direct      bool
			}
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		for _, a := range g.Attributions {
			if !a.Direct {
				continue
			}
			total++
			q := norm(a.ContentText)
			if len(q) > 40 {
				q = q[:40]
			}
			for _, line := range removed[g.ID] {
				if len(q) > 10 && strings.Contains(line, q) {
					lost++
					t.Logf("%s: quote %q removed with line %q", g.ID, q, line)
					break
				}
			}
		}
	})
	t.Logf("direct quotes inside removed lines: %d of %d", lost, total)
	if lost*1000 > total {
		t.Errorf("cleaning removed %d of %d gold direct quotes; want at most 0.1%%", lost, total)
	}
}

func eachLine(t *testing.T, path string, fn func([]byte)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		fn(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
