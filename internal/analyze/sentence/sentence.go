// Package sentence splits article text into sentences (analysis stage 1).
package sentence

import "github.com/parallax-news/parallax/internal/news"

// Split returns the sentences of text as byte spans, in order, without
// surrounding white space.
func Split(text string) []news.Span {
	// Placeholder: paragraphs as sentences, until the real splitter lands.
	var out []news.Span
	start := -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if start >= 0 {
				out = append(out, news.Span{Start: start, End: i})
				start = -1
			}
			continue
		}
		if start < 0 && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' {
			start = i
		}
	}
	return out
}
