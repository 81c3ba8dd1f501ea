package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will win," Smith said.`,
		"Smith said: \"First.\n\n\"Second,\" he said.",
		"“We will win,” he said, “and soon.”",
		`He called it "a disaster". « Oui », dit-il. „Ja“, sagte er.`,
		"\"\"\"\n\n\"“”„‟«»",
		"Mr. Smith, a spokesman (R-Ohio), said: \"x\xff\xfe y\" according to",
		"\"unclosed\n\n\"",
		"é“ñ”ü\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ents := []news.Entity{{Name: "X", Type: news.Person, Mentions: []news.Span{{Start: 0, End: min(3, len(text))}}}}
		for _, e := range [][]news.Entity{nil, ents} {
			qs := Find(text, nil, e)
			checkSpans(t, text, qs)
			for i, q := range qs {
				if q.Kind != news.Direct && q.Kind != news.Partial {
					t.Fatalf("Find(%q)[%d].Kind = %q", text, i, q.Kind)
				}
				if i > 0 && q.Start < qs[i-1].End {
					t.Fatalf("Find(%q): quotes %d and %d overlap or are out of order", text, i-1, i)
				}
			}
		}
	})
}
