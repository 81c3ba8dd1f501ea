// Package poll is the desk's feed input stage: it keeps the list of
// subscribed feeds (FeedStore, implemented by each store backend and
// checked by the suite in poll/polltest), checks the feeds that are due
// with conditional requests, queues the pages they link to, and reads a
// few pages of every feed per run in turns, so one feed of 10,000 links
// does not starve the others. Each page is extracted and handed to a Sink
// (the serve loop passes it on to desk ingest). Every failure (a feed that
// is down, slow, endless, a gzip bomb, invalid XML, a page over the size
// limit) is recorded on the feed or the item and the run goes on.
//
// The outlet of an article is the page's own (og:site_name, through
// extract) or the host of the article's URL, never the feed's title: an
// aggregator's feed links to many outlets.
//
// Handler serves /api/feeds over a FeedStore. OPML reads and writes
// subscription lists; it is hand-written over encoding/xml because OPML is
// a dozen lines of schema and no vetted module reads it.
//
// It may import news, pipe, fetch, feed and extract.
package poll
