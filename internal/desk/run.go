package desk

import (
	"context"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// Run is Ingest over the articles read from articles instead of paths,
// in the same ingest run: each is cleaned and analyzed through the
// desk's pipeline (on every core, kept in order), stored, and clustered
// when new; the run commits as Ingest does and, once articles is closed,
// assigns the buffered ones and commits. It is how serve's poller hands
// over the pages it read. A bad article (empty once cleaned) is a problem
// of Pipeline, not an error; the error is the store's or ctx's. The run
// holds the store's write transaction until it ends.
func (d *Desk) Run(ctx context.Context, articles <-chan news.Article) (Summary, error) {
	return d.ingest(ctx, func(fn func(news.Document) prepared, emit func(prepared) error) error {
		next := func() (news.Article, bool) {
			select {
			case a, ok := <-articles:
				return a, ok
			case <-ctx.Done():
				return news.Article{}, false
			}
		}
		if err := pipeline.MapArticles(ctx, d.p, next, fn, emit); err != nil {
			return err
		}
		return ctx.Err()
	})
}
