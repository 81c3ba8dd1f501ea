package sentence_test

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
)

func ExampleSplit() {
	text := `"The war is over." Mr. Obama spoke at 10 a.m. on Jan. 3 in the U.S. capital. He left.`
	for _, s := range sentence.Split(text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// "The war is over."
	// Mr. Obama spoke at 10 a.m. on Jan. 3 in the U.S. capital.
	// He left.
}
