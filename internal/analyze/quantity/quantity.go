// Package quantity finds numbers with what they count (analysis stage 4).
package quantity

import "github.com/parallax-news/parallax/internal/news"

// Find returns the quantities in text.
func Find(text string, sents []news.Span) []news.Quantity { return nil }
