package evaltest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// TestExampleFigures runs the figure grouping on the bundled example with
// the figures given by hand (as the quantity stage documents them), so that
// the verdicts are checked on real sentences whatever that stage finds.
func TestExampleFigures(t *testing.T) {
	var docs []news.Document
	r := ingest.NewReader(ingest.Options{})
	c := &clean.Cleaner{}
	z := &analyze.Analyzer{}
	r.Read(context.Background(), []string{"../../../examples/iraq-2011"}, func(a news.Article) error {
		a, _ = c.Clean(a)
		docs = append(docs, z.Analyze(a))
		return nil
	})
	if len(docs) != 2 {
		t.Fatalf("read %d example articles; want 2", len(docs))
	}
	docs[0].Quantities, docs[1].Quantities = nil, nil
	add := func(d *news.Document, text string, v float64, q news.Qualifier, counts string) {
		i := strings.Index(d.Text, text)
		if i < 0 {
			t.Fatalf("no %q", text)
		}
		d.Quantities = append(d.Quantities, news.Quantity{Value: v, Qualifier: q, Counts: counts, Kind: news.Count, Text: text, Span: news.Span{Start: i, End: i + len(text)}})
	}
	add(&docs[0], "39,000 US troops", 39000, "", "us troops")
	add(&docs[0], "More than 4,400 American military personnel", 4400, "more than", "american military personnel")
	add(&docs[1], "About 39,000 US troops", 39000, "about", "us troops")
	add(&docs[1], "165,000", 165000, "peak of", "us troops")
	add(&docs[1], "4,408 American military deaths", 4408, "", "american military deaths")
	add(&docs[1], "5,000 US troops", 5000, "", "us troops")
	rep := compare.Compare(docs, compare.Options{})
	var got []string
	for _, q := range rep.Quantities {
		var vs []string
		for _, m := range q.Mentions {
			vs = append(vs, fmt.Sprint(m.Value))
		}
		got = append(got, fmt.Sprintf("%s %s", q.Verdict, strings.Join(vs, "/")))
	}
	// "39,000" and "About 39,000" name one value: they agree.
	// Both date the invasion "March 2003".
	want := []string{"compatible 4400/4408", "agree 39000/39000", "agree 200303/200303", "single 165000", "single 5000"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("figure groups (-want +got):\n%s", diff)
	}
}

// TestExampleAcceptance checks the comparison of the bundled example
// against what an editor expects of it (the acceptance list). The
// code never names the example; only this test does.
func TestExampleAcceptance(t *testing.T) {
	var docs []news.Document
	r := ingest.NewReader(ingest.Options{})
	c := &clean.Cleaner{}
	z := &analyze.Analyzer{}
	r.Read(context.Background(), []string{"../../../examples/iraq-2011"}, func(a news.Article) error {
		a, _ = c.Clean(a)
		docs = append(docs, z.Analyze(a))
		return nil
	})
	if len(docs) != 2 {
		t.Fatalf("read %d example articles; want 2", len(docs))
	}
	aj, bbc := docs[0].ID, docs[1].ID
	rep := compare.Compare(docs, compare.Options{})
	factWith := func(sub string) *compare.Fact {
		for i, f := range rep.Facts {
			for _, sp := range f.Spans {
				for _, d := range docs {
					if d.ID == sp.Article && strings.Contains(d.Text[sp.Start:sp.End], sub) {
						return &rep.Facts[i]
					}
				}
			}
		}
		return nil
	}
	t.Run("shared withdrawal", func(t *testing.T) {
		f := factWith("pulled out")
		if f == nil || len(f.Articles) != 2 || factWith("39,000 US troops still") != f {
			t.Errorf("the end-of-year withdrawal is not one fact of both articles: %+v", f)
		}
	})
	only := map[string]string{"165,000": bbc, "Panetta": bbc, "al-Dabbagh": bbc, "December": aj, "split": aj}
	for sub, id := range only {
		t.Run("only "+sub, func(t *testing.T) {
			if f := factWith(sub); f == nil || len(f.Articles) != 1 || f.Articles[0] != id {
				t.Errorf("fact with %q = %+v; want only %s", sub, f, id)
			}
		})
	}
	t.Run("quote in two wordings", func(t *testing.T) {
		for _, q := range rep.Quotes {
			if strings.Contains(q.Mentions[0].Text, "heads held high") {
				if len(q.Articles) != 2 || q.Verdict != compare.Reworded {
					t.Errorf("heads-held-high quote: %s in %v; want reworded in both", q.Verdict, q.Articles)
				}
				return
			}
		}
		t.Errorf("no heads-held-high quote group")
	})
	t.Run("tension", func(t *testing.T) {
		for _, x := range rep.Tensions {
			if strings.Contains(x.Sides[0].Text, "full agreement") && x.Sides[1].Article == aj {
				return
			}
		}
		t.Errorf("no tension between the full agreement and the failed talks: %+v", rep.Tensions)
	})
	// Fixed (issue 10): the 2008 agreement against "no deal", "difficult
	// to reach a deal" against "no deal", and "troops (to) remain"
	// against "officials had refused to stay" (twice) were reported as
	// tensions; and the "full agreement" sentence was credited to the
	// article that says the talks broke down.
	t.Run("only the one tension", func(t *testing.T) {
		if len(rep.Tensions) != 1 {
			var cues []string
			for _, x := range rep.Tensions {
				cues = append(cues, x.Text)
			}
			t.Errorf("tensions = %q; want only the full agreement against the failed talks", cues)
		}
	})
	t.Run("summary credit", func(t *testing.T) {
		for _, s := range rep.Summary {
			if strings.Contains(s.Text, "full agreement") && (len(s.Articles) != 1 || s.Articles[0] != bbc) {
				t.Errorf("summary sentence %q credited to %v; want only %s", s.Text, s.Articles, bbc)
			}
		}
	})
	t.Run("figures", func(t *testing.T) {
		verdict := map[float64]compare.Verdict{}
		where := map[float64][]string{}
		for _, q := range rep.Quantities {
			for _, m := range q.Mentions {
				verdict[m.Value] = q.Verdict
				where[m.Value] = q.Articles
			}
		}
		want := map[float64]compare.Verdict{39000: compare.Agree, 4400: compare.Compatible, 4408: compare.Compatible,
			165000: compare.Single, 5000: compare.Single}
		for v, w := range want {
			if verdict[v] != w {
				t.Errorf("figure %v: verdict %q; want %q", v, verdict[v], w)
			}
		}
		for _, v := range []float64{165000, 5000} {
			if len(where[v]) != 1 || where[v][0] != bbc {
				t.Errorf("figure %v in %v; want only %s", v, where[v], bbc)
			}
		}
	})
	t.Run("summary", func(t *testing.T) {
		n := 0
		for _, s := range rep.Summary {
			n += len(strings.Fields(s.Text))
		}
		if n == 0 || n > 120 {
			t.Errorf("summary of %d words; want 1..120", n)
		}
	})
}
