package analyze

import (
	"sync"

	"github.com/parallax-news/parallax/internal/analyze/dates"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/lang"
	"github.com/parallax-news/parallax/internal/analyze/quantity"
	"github.com/parallax-news/parallax/internal/analyze/quote"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// Stage is one step of the analysis. It reads what the steps before it
// put in the document (the text, its tokens and sentences, the entities
// for quotes) and fills in its own part. A stage is pure: it keeps nothing
// between documents, and the same document in gives the same result, so
// one stage serves many goroutines.
type Stage interface {
	Run(d *news.Document)
}

// Options selects the stages to run. The zero value runs all of them with
// the embedded lexicon.
type Options struct {
	SkipEntities   bool
	SkipQuotes     bool
	SkipQuantities bool
	SkipDates      bool
	// Lexicon holds the word lists; nil means lexicon.Default().
	Lexicon *lexicon.Lexicon
}

// Analyzer runs the analysis stages over one article at a time. Its zero
// value runs every stage. It holds no state between articles, so one
// Analyzer may be used from many goroutines.
type Analyzer struct {
	Options Options

	once  sync.Once
	chain []Stage
}

// Stages returns the chain the analyzer runs, in order: tokens, sentences,
// language, then the stages the options keep.
func (z *Analyzer) Stages() []Stage {
	z.once.Do(func() { z.chain = Chain(z.Options) })
	return z.chain
}

// Chain returns the stages opt selects, in the order they must run.
func Chain(opt Options) []Stage {
	lx := opt.Lexicon
	if lx == nil {
		lx = lexicon.Default()
	}
	c := []Stage{Tokens{lx}, Sentences{lx}, Language{}}
	if !opt.SkipEntities || !opt.SkipQuotes {
		c = append(c, Entities{})
	}
	if !opt.SkipQuotes {
		c = append(c, Quotes{})
	}
	if !opt.SkipQuantities {
		c = append(c, Quantities{})
	}
	if !opt.SkipDates {
		c = append(c, Dates{lx})
	}
	return c
}

// Analyze returns the analysis of one cleaned article. Every span in the
// result is a byte range of a.Text.
func (z *Analyzer) Analyze(a news.Article) news.Document {
	d := news.Document{Article: a}
	for _, s := range z.Stages() {
		s.Run(&d)
	}
	return d
}

// Tokens is the tokenizer stage: the words and marks of the text, with
// their lexicon classes.
type Tokens struct{ Lexicon *lexicon.Lexicon }

// Run fills in d.Tokens.
func (s Tokens) Run(d *news.Document) {
	d.Tokens = token.Tokenize(make([]news.Token, 0, len(d.Text)/5+1), d.Text, s.Lexicon)
}

// Sentences is the sentence stage; it reads the tokens.
type Sentences struct{ Lexicon *lexicon.Lexicon }

// Run fills in d.Sentences.
func (s Sentences) Run(d *news.Document) { d.Sentences = sentence.Split(d.Text, d.Tokens, s.Lexicon) }

// Language names the article's language when its input did not.
type Language struct{}

// Run fills in d.Language when it is empty.
func (Language) Run(d *news.Document) {
	if d.Language == "" {
		d.Language = lang.Detect(d.Text, d.Tokens)
	}
}

// Entities is the named-entity stage.
type Entities struct{}

// Run fills in d.Entities.
func (Entities) Run(d *news.Document) { d.Entities = entity.Find(d.Text, d.Tokens, d.Sentences) }

// Quotes is the quotation stage; it reads the tokens, sentences and entities.
type Quotes struct{}

// Run fills in d.Quotes.
func (Quotes) Run(d *news.Document) { d.Quotes = quote.Find(d.Text, d.Tokens, d.Sentences, d.Entities) }

// Quantities is the figures stage; it reads the tokens.
type Quantities struct{}

// Run fills in d.Quantities.
func (Quantities) Run(d *news.Document) {
	d.Quantities = quantity.Find(d.Text, d.Tokens, d.Sentences)
}

// Dates is the dates stage; it reads the tokens and sentences.
type Dates struct{ Lexicon *lexicon.Lexicon }

// Run fills in d.Dates.
func (s Dates) Run(d *news.Document) {
	d.Dates = dates.Find(d.Text, d.Tokens, d.Sentences, d.Published, s.Lexicon)
}
