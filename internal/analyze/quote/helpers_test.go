package quote

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// find runs Find as the pipeline does: on the text's token stream and
// sentences, with the entities ents.
func find(text string, ents []news.Entity) []news.Quote {
	toks := token.Tokenize(nil, text, lexicon.Default())
	return Find(text, toks, sentence.Split(text, toks, lexicon.Default()), ents)
}

// readExample reads a file by its path from the module root (three levels
// up from this package).
func readExample(tb testing.TB, rel string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", rel))
	if err != nil {
		tb.Skipf("example %s not found: %v", rel, err)
	}
	return string(b)
}
