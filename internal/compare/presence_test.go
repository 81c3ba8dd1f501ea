package compare

import (
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/news"
)

// presenceStory is two accounts of one invented strike: B tells A's
// council vote in other words over two sentences, leaves out A's pier
// notice and says something near A's vague shippers line.
func presenceStory() []news.Document {
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	a := comparetest.NewDoc("A", "Harbour Herald", "Dock strike", day).
		Para("Dock workers in Portmere began a strike on Monday over pay, the Harbour Union said.",
			"The city council postponed its vote on the new ferry terminal; officials blamed the strike.",
			"Fishing boats were told to moor at the northern pier at Gallan Point until further notice.",
			"Some shippers may reroute cargo.").Doc()
	b := comparetest.NewDoc("B", "Coastal Times", "Portmere docks idle", day).
		Para("Workers at the Portmere docks walked off the job on Monday, demanding higher pay.",
			"The city council had meant to settle the matter this week.",
			"But its vote on the new ferry terminal has been pushed back.",
			"Cargo traffic through the region was already slow this year.").Doc()
	return []news.Document{a, b}
}

func TestPresence(t *testing.T) {
	docs := presenceStory()
	r := Compare(docs, Options{})
	checkSpans(t, docs, r)
	for _, tc := range []struct {
		name, fact string
		want       string // "reported", "omitted" or "unclear"
	}{
		{"paraphrase over two sentences is reported", "postponed its vote", "reported"},
		{"a fact B never mentions is omitted", "Gallan Point", "omitted"},
		{"a fact B only brushes is unclear", "reroute cargo", "unclear"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := findFact(r, tc.fact)
			if f == nil {
				t.Fatalf("no fact with %q", tc.fact)
			}
			got := "unclear"
			switch {
			case slices.Contains(f.Articles, "B"):
				got = "reported"
			case slices.Contains(f.OmittedBy, "B"):
				got = "omitted"
			case !slices.Contains(f.Unclear, "B"):
				t.Fatalf("B is in no list of %+v", f)
			}
			if got != tc.want {
				t.Errorf("fact %q: B %s; want %s (%+v)", tc.fact, got, tc.want, f)
			}
			if len(f.Evidence) != len(f.Articles) {
				t.Errorf("fact %q: %d evidence spans for %d articles", tc.fact, len(f.Evidence), len(f.Articles))
			}
			for i, e := range f.Evidence {
				if e.Article != f.Articles[i] {
					t.Errorf("evidence %d is of %s; want %s", i, e.Article, f.Articles[i])
				}
			}
		})
	}
	// Every evidence span covers the sentence it names.
	for _, f := range r.Facts {
		for _, e := range f.Evidence {
			d := docs[0]
			if e.Article == "B" {
				d = docs[1]
			}
			sp := d.Sentences[e.Sentence]
			if e.Start > sp.Start || e.End < sp.End || e.Start < 0 || e.End > len(d.Text) {
				t.Errorf("evidence %+v does not cover its sentence %v", e, sp)
			}
		}
	}
}

func TestClauseCuts(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"The council postponed the vote; officials blamed the strike.", 1},
		{"Police arrested the driver, and the court charged him on Friday.", 1},
		{"They bought apples, pears, and plums.", 0},
		{"He was charged, but he denies it.", 1},
	} {
		if got := clauseCuts(tc.text); len(got) != tc.want {
			t.Errorf("clauseCuts(%q) = %v; want %d cuts", tc.text, got, tc.want)
		}
	}
}
