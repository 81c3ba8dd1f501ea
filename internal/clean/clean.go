// Package clean turns a raw article into a clean one (pipeline stage between
// ingest and analyze).
package clean

import "github.com/parallax-news/parallax/internal/news"

// Cleaner cleans articles. Its zero value is ready to use.
type Cleaner struct{}

// Clean returns the cleaned article.
func (c *Cleaner) Clean(a news.Article) (news.Article, error) {
	if a.Text == "" {
		return a, news.ErrEmpty
	}
	return a, nil
}
