package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// FuzzFind runs the stage as the pipeline does (text, tokens, sentences,
// entities, quotes) and checks every span: within the text, on UTF-8
// boundaries, Text equal to its slice, quotes in order.
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
		`"We will win," Bo Dole said.Dole left. Rep. Al Green (D-W. Va.) called it "a shame."`,
		"Msgr. Tom Fell's aide, Sanders' friend, said: \"x\" at 7 p.m. He says \"it is over.\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lx := lexicon.Default()
		toks := token.Tokenize(nil, text, lx)
		sents := sentence.Split(text, toks, lx)
		for _, e := range [][]news.Entity{nil, entity.Find(text, toks, sents)} {
			qs := Find(text, toks, sents, e)
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
