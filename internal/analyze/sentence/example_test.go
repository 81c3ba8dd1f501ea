package sentence_test

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/token"
)

func ExampleSplit() {
	text := `"The war is over." Mr. Obama spoke at 10 a.m. on Jan. 3 in the U.S. capital. He left.`
	lx := lexicon.Default()
	for _, s := range sentence.Split(text, token.Tokenize(nil, text, lx), lx) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// "The war is over."
	// Mr. Obama spoke at 10 a.m. on Jan. 3 in the U.S. capital.
	// He left.
}
