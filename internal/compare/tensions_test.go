package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/news"
)

func tensionKinds(r Report) map[TensionKind]int {
	m := map[TensionKind]int{}
	for _, x := range r.Tensions {
		m[x.Kind]++
		if x.Why == "" {
			panic("tension without why: " + x.Text)
		}
	}
	return m
}

// Fixed (issue 11): a negation word alone is not a tension; the outcome
// must be plainly affirmed by one account and negated by the other.
func TestNegationTension(t *testing.T) {
	doc := func(id string, sentences ...string) news.Document {
		return comparetest.NewDoc(id, id, "Harbour", time.Time{}).Para(sentences...).Doc()
	}
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"no charges filed against charged",
			"Harbour police charged the dock manager with five crimes on Friday.",
			"Harbour police filed no charges against the dock manager on Friday.", 1},
		{"an expected outcome is not an account",
			"The port union and the shipping lines were expected to sign the night shift agreement at the harbour.",
			"The port union and the shipping lines did not sign the night shift agreement at the harbour.", 0},
		{"a denial agrees with a negation",
			"The port union denied that it had signed the night shift agreement with the shipping lines at the harbour.",
			"The port union did not sign the night shift agreement with the shipping lines at the harbour.", 0},
		{"a negated word that is no outcome",
			"The harbour board, not just the port union, drove the changes to the night shifts at the harbour.",
			"The port union drove the changes to the night shifts at the harbour.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare([]news.Document{doc("a", tt.a), doc("b", tt.b)}, Options{})
			if got := tensionKinds(r)[NegationTension]; got != tt.want {
				t.Errorf("negation tensions = %d; want %d: %+v", got, tt.want, r.Tensions)
			}
		})
	}
}

func TestAttributionTension(t *testing.T) {
	const q = "We will not reopen the bridge before the spring floods have passed"
	doc := func(id, speaker string) news.Document {
		return comparetest.NewDoc(id, id, "Bridge", time.Time{}).
			Para(`"`+q+`," said `+speaker+` on Monday.`).
			Entity(speaker, news.Person).Quote(q, speaker, news.Direct).Doc()
	}
	tests := []struct {
		name   string
		sa, sb string
		want   int
	}{
		{"two people", "Elena Ruiz", "Tom Baker", 1},
		{"one person", "Elena Ruiz", "Ruiz", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare([]news.Document{doc("a", tt.sa), doc("b", tt.sb)}, Options{})
			if got := tensionKinds(r)[AttributionTension]; got != tt.want {
				t.Errorf("attribution tensions = %d; want %d: %+v", got, tt.want, r.Tensions)
			}
		})
	}
}

func TestDateTension(t *testing.T) {
	doc := func(id, day string, more ...string) news.Document {
		d := comparetest.NewDoc(id, id, "Navy", time.Time{}).
			Para("On " + day + ", the navy frigate Tabar sank a hijacked fishing trawler off the coast of Oman.").
			Para(more...).Doc()
		for _, w := range append([]string{day}, more...) {
			if i := strings.LastIndex(d.Text, w); i >= 0 {
				d.Dates = append(d.Dates, news.Date{Text: w, Relative: true, Span: news.Span{Start: i, End: i + len(w)}})
			}
		}
		return d
	}
	tests := []struct {
		name string
		a, b news.Document
		want int
	}{
		{"two days for one sinking", doc("a", "November 19"), doc("b", "November 18"), 1},
		{"an article that names both days", doc("a", "November 19"), doc("b", "November 18", "November 19"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare([]news.Document{tt.a, tt.b}, Options{})
			if got := tensionKinds(r)[DateTension]; got != tt.want {
				t.Errorf("date tensions = %d; want %d: %+v", got, tt.want, r.Tensions)
			}
		})
	}
}

// An article that gives both figures of a conflict speaks of two counts:
// its figures are not a side against another article's.
func TestFigureTensionPair(t *testing.T) {
	a := comparetest.NewDoc("a", "A", "Quake", time.Time{}).Para("In 2003 more than 31,000 people were killed in Bam.").Doc()
	b := comparetest.NewDoc("b", "B", "Quake", time.Time{}).Para("Some 31,000 were killed in Bam in 2003, and 600 in Zarand.").Doc()
	s := newStory([]news.Document{a, b})
	q := Quantity{Counts: "deaths", Verdict: Conflict, Mentions: []QuantityMention{
		{Article: "a", Value: 31000, Qualifier: news.MoreThan, Text: "more than 31,000", Start: 8, End: 24},
		{Article: "b", Value: 31000, Qualifier: news.About, Text: "Some 31,000", Start: 0, End: 11},
		{Article: "b", Value: 600, Text: "600", Start: 43, End: 46},
	}}
	if got := s.figureTensions([]Quantity{q}); len(got) != 0 {
		t.Errorf("figureTensions = %+v; want none: b gives both figures", got)
	}
	q.Mentions = append(q.Mentions[:1], q.Mentions[2])
	if got := s.figureTensions([]Quantity{q}); len(got) != 1 || got[0].Kind != FigureTension {
		t.Errorf("figureTensions = %+v; want one figure tension", got)
	}
}

// Fixed (issue 11): a bound names no value. An article that says "50 were
// injured" and also "at least 50 injured" still says 50 against another's
// 80, and of equally different pairs the bare figures are the sides; a
// bound alone ("at least 50" against 80) is no tension.
func TestFigureTensionBounds(t *testing.T) {
	a := comparetest.NewDoc("a", "A", "Quake", time.Time{}).
		Para("Ten people died and about 50 were hurt.").
		Para("At least 50 injured, officials said.").
		Para("The governor said 50 were injured.").Doc()
	b := comparetest.NewDoc("b", "B", "Quake", time.Time{}).Para("The quake killed 10 people and injured 80.").Doc()
	s := newStory([]news.Document{a, b})
	at := func(d news.Document, text string) (int, int) {
		i := strings.Index(d.Text, text)
		if i < 0 {
			t.Fatalf("%q not in %q", text, d.Text)
		}
		return i, i + len(text)
	}
	mention := func(d news.Document, v float64, q news.Qualifier, text string) QuantityMention {
		start, end := at(d, text)
		return QuantityMention{Article: d.ID, Value: v, Qualifier: q, Text: text, Start: start, End: end}
	}
	about := mention(a, 50, news.About, "about 50")
	least := mention(a, 50, news.AtLeast, "At least 50")
	bare := mention(a, 50, news.Exact, "50 were injured")
	eighty := mention(b, 80, news.Exact, "80")
	tests := []struct {
		name     string
		mentions []QuantityMention
		want     string // the text of a's side, "" for no tension
	}{
		{"bound does not excuse, bare figure is the side", []QuantityMention{about, least, bare, eighty}, "The governor said 50 were injured."},
		{"bound alone is no tension", []QuantityMention{least, eighty}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := Quantity{Counts: "injured", Verdict: Conflict, Mentions: tc.mentions}
			got := s.figureTensions([]Quantity{q})
			if tc.want == "" {
				if len(got) != 0 {
					t.Errorf("figureTensions = %+v; want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("figureTensions = %+v; want one tension", got)
			}
			if sa := got[0].Sides[0]; sa.Article != "a" || sa.Text != tc.want {
				t.Errorf("side a = %+v; want %q", sa, tc.want)
			}
			if sb := got[0].Sides[1]; sb.Article != "b" || !strings.Contains(sb.Text, "injured 80") {
				t.Errorf("side b = %+v; want the sentence with 80", sb)
			}
		})
	}
}
