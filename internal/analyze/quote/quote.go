// Package quote finds quotations and their speakers (analysis stage 3).
package quote

import "github.com/parallax-news/parallax/internal/news"

// Find returns the quotes in text, with speakers resolved against ents.
func Find(text string, sents []news.Span, ents []news.Entity) []news.Quote { return nil }
