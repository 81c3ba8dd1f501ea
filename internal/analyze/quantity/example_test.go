package quantity_test

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/analyze/quantity"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/token"
)

func ExampleFind() {
	text := "About 9,000 soldiers remain, down from a peak of 16,500 in 2008. The programme cost $4.5bn."
	lx := lexicon.Default()
	toks := token.Tokenize(nil, text, lx)
	for _, q := range quantity.Find(text, toks, sentence.Split(text, toks, lx)) {
		fmt.Printf("%s | %q | %v | %q | %s/%s\n", q.Text, q.Qualifier, q.Value, q.Counts, q.Kind, q.Unit)
	}
	// Output:
	// About 9,000 soldiers | "about" | 9000 | "soldiers" | count/
	// a peak of 16,500 | "peak of" | 16500 | "soldiers" | count/
	// $4.5bn | "" | 4.5e+09 | "" | money/USD
}
