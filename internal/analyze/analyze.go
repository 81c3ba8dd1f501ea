package analyze

import (
	"github.com/parallax-news/parallax/internal/analyze/dates"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/lang"
	"github.com/parallax-news/parallax/internal/analyze/quantity"
	"github.com/parallax-news/parallax/internal/analyze/quote"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/news"
)

// Options selects the stages to run. The zero value runs all of them.
type Options struct {
	SkipEntities   bool
	SkipQuotes     bool
	SkipQuantities bool
	SkipDates      bool
}

// Analyzer runs the analysis stages. Its zero value runs every stage.
type Analyzer struct {
	Options Options
}

// Analyze returns the analysis of one cleaned article. Every span in the
// result is a byte range of a.Text.
func (z *Analyzer) Analyze(a news.Article) news.Document {
	d := news.Document{Article: a}
	text := a.Text
	if d.Language == "" {
		d.Language = lang.Detect(text)
	}
	d.Sentences = sentence.Split(text)
	if !z.Options.SkipEntities || !z.Options.SkipQuotes {
		d.Entities = entity.Find(text, d.Sentences)
	}
	if !z.Options.SkipQuotes {
		d.Quotes = quote.Find(text, d.Sentences, d.Entities)
	}
	if !z.Options.SkipQuantities {
		d.Quantities = quantity.Find(text, d.Sentences)
	}
	if !z.Options.SkipDates {
		d.Dates = dates.Find(text, d.Sentences, a.Published)
	}
	return d
}
