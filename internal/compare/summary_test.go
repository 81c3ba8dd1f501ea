package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/news"
)

func TestCanLead(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The Portmere council voted on Tuesday to close the old bridge.", true},
		{`"The bridge is not safe," the mayor said on Tuesday.`, true},
		{"The mayor called the vote “a hard choice” for the town.", true},
		{"Is the old bridge safe for trucks?", false},
		{"I think the council got this one badly wrong.", false},
		{"We should all be worried about the bridge.", false},
		{`"Nobody wants to see the bridge closed for good.`, false},  // a quote's opening sentence, speaker later
		{`Nobody wants to see the bridge closed for good."`, false},  // its last sentence
		{`"Nobody wants to see the bridge closed," she said.`, true}, // attributed
		{"Read the council's report at https://example.org/bridge.", false},
		{"The US and Portmere signed the deal.", true}, // "US" is not "us"
	} {
		if got := canLead(tc.text); got != tc.want {
			t.Errorf("canLead(%q) = %v; want %v", tc.text, got, tc.want)
		}
	}
}

// creditStory: B reports A's bridge vote in other words; C, of A's
// outlet, tells of the same council's vote on the same day in A's words,
// but of another matter: aligned by wording, not backed by evidence.
func creditStory() []news.Document {
	day := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	a := comparetest.NewDoc("A", "Harbour Herald", "Bridge shut to trucks", day).
		Para("The Portmere council voted on Tuesday to close the old bridge to heavy trucks after engineers found cracks in its supports.",
			"Repairs could take two years, officials said.").Doc()
	b := comparetest.NewDoc("B", "Coastal Times", "Cracked bridge closed", day).
		Para("Engineers found cracks in the supports of the old Portmere bridge, and on Tuesday the council voted to close it to heavy trucks.",
			"Hauliers will have to drive round by the coast road.").Doc()
	c := comparetest.NewDoc("C", "Harbour Herald", "Council meets", day).
		Para("The Portmere council voted on Tuesday to close the old school after the budget found no money for its teachers.",
			"Teachers asked for more money for books.").Doc()
	return []news.Document{a, b, c}
}

func TestSummaryCredit(t *testing.T) {
	docs := creditStory()
	s := newStory(docs)
	s.facts()
	u := int32(slices.IndexFunc(s.units, func(x unit) bool { return x.doc == 0 }))
	if !strings.Contains(s.text(u), "voted on Tuesday") {
		t.Fatalf("unit %d is %q; want A's vote sentence", u, s.text(u))
	}
	credited, spans := s.credit(u)
	if want := []bool{true, true, false}; !slices.Equal(credited, want) {
		t.Errorf("credit(%q) = %v; want %v (B reports it, C only shares the council's vote and the day)", s.text(u), credited, want)
	}
	if sp := spans[1]; sp.Article != "B" || !strings.Contains(docs[1].Text[sp.Start:sp.End], "cracks") {
		t.Errorf("B's evidence span = %+v; want B's bridge sentence", sp)
	}

	sen := s.summarySentence(u)
	if want := []string{"A", "B"}; !slices.Equal(sen.Articles, want) {
		t.Errorf("summary sentence articles = %v; want %v", sen.Articles, want)
	}
	if want := []string{"Harbour Herald", "Coastal Times"}; !slices.Equal(sen.Outlets, want) {
		t.Errorf("summary sentence outlets = %v; want %v", sen.Outlets, want)
	}
	if len(sen.Spans) != len(sen.Articles) {
		t.Errorf("summary sentence has %d spans for %d articles", len(sen.Spans), len(sen.Articles))
	}
}

// TestSummaryOutlets: two articles of one outlet that both report a
// sentence are one outlet in its credit.
func TestSummaryOutlets(t *testing.T) {
	day := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	text := "The Portmere council voted on Tuesday to close the old bridge to heavy trucks after engineers found cracks in its supports."
	a := comparetest.NewDoc("A", "Harbour Herald", "Bridge shut", day).Para(text, "Repairs could take two years.").Doc()
	b := comparetest.NewDoc("B", "Harbour Herald", "Bridge shut to trucks", day).Para(text, "The coast road stays open.").Doc()
	r := Compare([]news.Document{a, b}, Options{})
	both := 0
	for _, sen := range r.Summary {
		if len(sen.Articles) == 2 {
			both++
		}
		if len(sen.Articles) == 2 && !slices.Equal(sen.Outlets, []string{"Harbour Herald"}) {
			t.Errorf("summary sentence %q: outlets %v; want [Harbour Herald] once", sen.Text, sen.Outlets)
		}
	}
	if both == 0 {
		t.Errorf("no summary sentence credits both articles: %+v", r.Summary)
	}
}
