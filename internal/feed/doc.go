// Package feed is an input stage: it reads RSS (0.9x, 1.0, 2.0), Atom and
// JSON Feed documents with github.com/mmcdole/gofeed and turns their items
// into news.Article values (text from the item's content, else its
// summary, with HTML markup turned into paragraphs), and lists the links a
// fetcher should download for the full articles.
package feed
