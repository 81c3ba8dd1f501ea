package quantity

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/news"
)

// brief is the part of a quantity the table tests check.
type brief struct {
	Text, Qualifier, Counts string
	Value                   float64
	Kind                    news.QuantityKind
	Unit                    string
}

func find(s string) []brief {
	var out []brief
	for _, q := range Find(s, sentence.Split(s)) {
		out = append(out, brief{q.Text, q.Qualifier, q.Counts, q.Value, q.Kind, q.Unit})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []brief
	}{
		{"plain count", "The storm destroyed 1,200 homes.",
			[]brief{{"1,200 homes", "", "homes", 1200, news.Count, ""}}},
		{"acronym modifier", "All 12,000 UN peacekeepers left.",
			[]brief{{"12,000 UN peacekeepers", "", "un peacekeepers", 12000, news.Count, ""}}},
		{"more than", "More than 300 people were hurt.",
			[]brief{{"More than 300 people", "more than", "people", 300, news.Count, ""}}},
		{"about", "About 40 firefighters attended.",
			[]brief{{"About 40 firefighters", "about", "firefighters", 40, news.Count, ""}}},
		{"at least", "at least 12 miners died",
			[]brief{{"at least 12 miners", "at least", "miners", 12, news.Count, ""}}},
		{"up to spelled", "up to two thousand residents fled",
			[]brief{{"up to two thousand residents", "up to", "residents", 2000, news.Count, ""}}},
		{"nearly", "nearly 900 students enrolled",
			[]brief{{"nearly 900 students", "nearly", "students", 900, news.Count, ""}}},
		{"inherits counted thing", "Some 8,000 nurses are on strike, down from a peak of 11,000 in May.",
			[]brief{
				{"Some 8,000 nurses", "about", "nurses", 8000, news.Count, ""},
				{"a peak of 11,000", "peak of", "nurses", 11000, news.Count, ""},
			}},
		{"money symbol and scale", "The deal is worth $1.2bn, up from $900 million.",
			[]brief{
				{"$1.2bn", "", "", 1.2e9, news.Money, "USD"},
				{"up from $900 million", "up from", "", 9e8, news.Money, "USD"},
			}},
		{"money word", "It cost 5 euros.", []brief{{"5 euros", "", "", 5, news.Money, "EUR"}}},
		{"percent", "Turnout was 3.5% and 40 per cent said no.",
			[]brief{
				{"3.5%", "", "", 3.5, news.Percent, "%"},
				{"40 per cent", "", "", 40, news.Percent, "%"},
			}},
		{"duration", "The siege lasted over three days.",
			[]brief{{"over three days", "more than", "", 3, news.Duration, "day"}}},
		{"measure", "The line runs 40 km north.", []brief{{"40 km", "", "", 40, news.Measure, "km"}}},
		{"a dozen", "a dozen eggs", []brief{{"dozen eggs", "", "eggs", 12, news.Count, ""}}},
		{"years are not counts", "The war began in 2003 and peaked in 2006-2007.", nil},
		{"dates are not counts", "On October 21, 2011 and 3 March the vote took place.", nil},
		{"times are not counts", "It started at 18:53.", nil},
		{"names with numbers", "The crew of Flight 370 and the G20 summit.", nil},
		{"ordinals", "the 21st century", nil},
		{"lone number word", "The nine were freed.", nil},
		{"stops at verbs", "Police said 15,000 marched through the city.",
			[]brief{{"15,000", "", "", 15000, news.Count, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, find(tt.in)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"about 39,000 troops", "$1.2bn", "3.5% of 10 people", "a peak of 5", "\xff9,", "over 2 km", "US$5m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, q := range Find(s, sentence.Split(s)) {
			if q.Start < last || q.End <= q.Start || q.End > len(s) {
				t.Fatalf("Find(%q): bad span %v after %d", s, q.Span, last)
			}
			if q.Text != s[q.Start:q.End] {
				t.Fatalf("Find(%q): Text %q != text[%d:%d]", s, q.Text, q.Start, q.End)
			}
			if utf8.ValidString(s) && !utf8.ValidString(q.Text) {
				t.Fatalf("Find(%q): span %v not on rune boundaries", s, q.Span)
			}
			last = q.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	// News prose with a figure every couple of sentences (about 20 per 5 kB).
	s := strings.Repeat("About 39,000 soldiers remain in the region, down from a peak of 165,000 in 2008, officials said on Friday. "+
		"The ministry did not say when the remaining units would return home or who would pay for the move. "+
		"Local leaders welcomed the decision but warned that security in the northern provinces was still fragile. "+
		"More than $4.5 billion was spent on the programme, according to figures published by the auditors. ", 12)
	sents := sentence.Split(s)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s, sents)
	}
}
