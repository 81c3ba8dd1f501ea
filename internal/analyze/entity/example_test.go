package entity_test

import (
	"fmt"

	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/token"
)

func ExampleFind() {
	text := "President Barack Obama met Prime Minister Nouri al-Maliki at the White House. " +
		"Mr Obama said the talks went well. Maliki agreed."
	for _, e := range entity.Find(text, token.Tokenize(nil, text, lexicon.Default()), sentence.SplitText(text)) {
		fmt.Printf("%s (%s): %q\n", e.Name, e.Type, e.Aliases)
	}
	// Output:
	// Barack Obama (person): ["President Barack Obama" "Mr Obama"]
	// Nouri al-Maliki (person): ["Prime Minister Nouri al-Maliki" "Maliki"]
	// White House (organization): ["White House"]
}
