package pipeline

import (
	"context"
	"errors"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
)

// Clean returns a as Articles would emit it: cleaned (unless Options.Raw),
// or kept without text (Options.KeepEmpty); ok is false when a is
// skipped, which is reported as a problem. It is not safe for concurrent
// use (Articles calls it from the reader's goroutine).
func (p *Pipeline) Clean(a news.Article) (news.Article, bool) {
	if p.opt.Raw {
		return a, true
	}
	c, err := p.cleaner.Clean(a)
	if err != nil {
		if !p.opt.KeepEmpty || !errors.Is(err, news.ErrEmpty) {
			p.problem("skipped", &ingest.ItemError{Origin: a.Origin, Err: err})
			return news.Article{}, false
		}
		p.problem("kept, without text,", &ingest.ItemError{Origin: a.Origin, Err: err})
		c = a
		c.Text = ""
	}
	return c, true
}

// MapArticles is Map over articles that next hands over one at a time
// (false when there are no more) instead of articles read from paths:
// each is cleaned as Articles would (on the caller's goroutine), analyzed
// and given to fn on every core, and the results go to emit in the order
// next gave the articles. It is how a long-running source (a feed poller)
// goes through the same pipeline as files.
func MapArticles[T any](ctx context.Context, p *Pipeline, next func() (news.Article, bool), fn func(news.Document) T, emit func(T) error) error {
	clean := func() (news.Article, bool) {
		for {
			a, ok := next()
			if !ok {
				return news.Article{}, false
			}
			if c, ok := p.Clean(a); ok {
				return c, true
			}
		}
	}
	return pipe.Map(ctx, p.opt.Workers, clean, func(a news.Article) T { return fn(p.analyzer.Analyze(a)) }, emit)
}
