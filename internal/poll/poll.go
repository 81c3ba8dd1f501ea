package poll

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
)

// Sink takes one article read from a feed's page (or, when the page
// could not be read, from the feed's own text). Calls come one at a time.
// An error stops the run: the item stays pending for the next one.
type Sink func(ctx context.Context, a news.Article) error

// Options configures a Poller. The zero value works.
type Options struct {
	// Fetcher downloads feeds and pages; a fetch.New(fetch.Options{})
	// when nil (polite, SSRF-guarded).
	Fetcher *fetch.Fetcher
	// Interval is the time between two checks of a feed that answers;
	// 30 minutes when zero.
	Interval time.Duration
	// MaxBackoff bounds the wait after failures: a feed that failed n
	// times in a row waits Interval·2ⁿ, at most this; 24 hours when zero.
	MaxBackoff time.Duration
	// FeedsPerRun is how many due feeds one Run checks; 100 when zero.
	FeedsPerRun int
	// ItemsPerPoll is how many pages of one feed one Run reads; 20 when
	// zero. The rest stay queued for the next runs.
	ItemsPerPoll int
	// ItemsPerRun is how many pages one Run reads in all, taken from the
	// feeds in turns; 200 when zero.
	ItemsPerRun int
	// MaxQueued is how many items of one feed one check queues; 1000
	// when zero.
	MaxQueued int
	// FeedBytes caps a feed's body; 8 MiB when zero.
	FeedBytes int64
	// PageBytes caps an article page's body; 4 MiB when zero.
	PageBytes int64
	// Attempts is how many times a page that fails transiently (and has
	// no feed text to stand in) is tried over the runs; 3 when zero.
	Attempts int
	// Workers is how many feeds or pages are fetched at once (each host
	// still waits its turn in the Fetcher); 4 when zero.
	Workers int
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Logger gets one line per failure; none when nil.
	Logger *slog.Logger
}

// Poller checks feeds and reads the pages they link to.
type Poller struct {
	store FeedStore
	sink  Sink
	opt   Options
}

// New returns a Poller over store that hands articles to sink.
func New(store FeedStore, sink Sink, opt Options) *Poller {
	if opt.Fetcher == nil {
		opt.Fetcher = fetch.New(fetch.Options{})
	}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&opt.FeedsPerRun, 100)
	def(&opt.ItemsPerPoll, 20)
	def(&opt.ItemsPerRun, 200)
	def(&opt.MaxQueued, 1000)
	def(&opt.Attempts, 3)
	def(&opt.Workers, 4)
	if opt.Interval <= 0 {
		opt.Interval = 30 * time.Minute
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = 24 * time.Hour
	}
	if opt.FeedBytes <= 0 {
		opt.FeedBytes = 8 << 20
	}
	if opt.PageBytes <= 0 {
		opt.PageBytes = 4 << 20
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	return &Poller{store: store, sink: sink, opt: opt}
}

// Stats counts what one Run did.
type Stats struct {
	Checked     int // feeds checked
	NotModified int // of those, unchanged since the last check
	FeedErrors  int // of those, failed (recorded on the feed)
	Queued      int // new items queued
	Pages       int // items read
	PageErrors  int // of those, whose page failed (recorded on the item)
	Articles    int // articles handed to the sink
}

// Run checks the feeds that are due, then reads queued pages in turns,
// at most Options.ItemsPerPoll of one feed. A failing feed or page is
// recorded in the store and the run goes on; the error is the store's,
// the sink's, or ctx's.
func (p *Poller) Run(ctx context.Context) (Stats, error) {
	var st Stats
	due, err := p.store.DueFeeds(ctx, p.opt.Now(), p.opt.FeedsPerRun)
	if err != nil {
		return st, err
	}
	err = pipe.Map(ctx, p.opt.Workers, each(due), func(f Feed) Check { return p.check(ctx, f) }, func(c Check) error {
		st.Checked++
		if c.NotModified {
			st.NotModified++
		}
		if c.Err != "" {
			st.FeedErrors++
			p.opt.Logger.Warn("feed check failed", "url", c.URL, "status", c.Status, "error", c.Err)
		}
		n, err := p.store.RecordCheck(ctx, c)
		st.Queued += n
		return err
	})
	if err != nil {
		return st, err
	}
	items, err := p.store.PendingItems(ctx, p.opt.ItemsPerPoll, p.opt.ItemsPerRun)
	if err != nil {
		return st, err
	}
	err = pipe.Map(ctx, p.opt.Workers, each(items), func(it Item) page { return p.read(ctx, it) }, func(pg page) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		st.Pages++
		if pg.res.Err != "" {
			st.PageErrors++
			p.opt.Logger.Warn("page failed", "url", pg.res.URL, "status", pg.res.Status, "error", pg.res.Err, "feed text used", pg.res.Done)
		}
		if pg.res.Done {
			if err := p.sink(ctx, pg.article); err != nil {
				return fmt.Errorf("hand on %s: %w", pg.res.URL, err)
			}
			st.Articles++
		}
		return p.store.FinishItem(ctx, pg.res)
	})
	return st, err
}

// check fetches and parses one feed; every failure is in the Check.
func (p *Poller) check(ctx context.Context, f Feed) Check {
	start := p.opt.Now()
	c := Check{Feed: f.ID, URL: f.URL, At: start}
	resp, err := p.opt.Fetcher.Fetch(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified, MaxBytes: p.opt.FeedBytes})
	if err == nil {
		c.Status, c.Bytes = resp.Status, int64(len(resp.Body))
		c.ETag, c.LastModified, c.NotModified = resp.ETag, resp.LastModified, resp.NotModified
		if !resp.NotModified {
			err = p.parse(&c, resp)
		}
	} else {
		var se *fetch.StatusError
		if errors.As(err, &se) {
			c.Status = se.Status
		}
	}
	c.Duration = p.opt.Now().Sub(start)
	wait := p.opt.Interval
	if err != nil {
		c.Err = err.Error()
		for n := 0; n <= f.ErrorCount && wait < p.opt.MaxBackoff; n++ {
			wait *= 2
		}
		wait = min(wait, p.opt.MaxBackoff)
	}
	c.NextCheck = start.Add(wait)
	return c
}

// parse reads the feed in resp into c: its title and items, links
// resolved against the feed's final URL; an item without a link is
// skipped (there is no page to read, and no key to queue it under).
func (p *Poller) parse(c *Check, resp *fetch.Response) error {
	fd, err := feed.Parse(bytes.NewReader(resp.Body), feed.Options{MaxBytes: p.opt.FeedBytes})
	if err != nil {
		return fmt.Errorf("%s: %w", c.URL, err)
	}
	c.Title = fd.Title
	base, _ := url.Parse(resp.URL)
	for _, it := range fd.Items {
		if len(c.Items) >= p.opt.MaxQueued {
			break
		}
		link, err := url.Parse(it.Link)
		if it.Link == "" || err != nil {
			continue
		}
		if base != nil {
			link = base.ResolveReference(link)
		}
		if link.Scheme != "http" && link.Scheme != "https" {
			continue
		}
		a := it.Article(fd)
		c.Items = append(c.Items, Item{Feed: c.Feed, URL: link.String(), GUID: it.GUID, Title: it.Title, Author: it.Author,
			Published: it.Published, Language: fd.Language, Text: a.Text})
	}
	return nil
}

// page is one item read: its outcome and, when Done, its article.
type page struct {
	res     ItemResult
	article news.Article
}

// read fetches and extracts one item's page. When the page fails and
// the feed has text for the item, that text is the article (the error is
// kept); without it, a transient failure is tried again in a later run
// and a permanent one gives up.
func (p *Poller) read(ctx context.Context, it Item) page {
	start := p.opt.Now()
	pg := page{res: ItemResult{Item: it.ID, Feed: it.Feed, URL: it.URL, At: start}}
	fromFeed := news.Article{
		ID: it.GUID, URL: it.URL, Title: it.Title, Author: it.Author, Published: it.Published,
		Language: it.Language, Text: it.Text, Source: Outlet("", it.URL), Origin: it.URL,
	}
	if fromFeed.ID == "" {
		fromFeed.ID = it.URL
	}
	a, err := p.page(ctx, it, &pg.res)
	pg.res.Duration = p.opt.Now().Sub(start)
	switch {
	case err == nil && utf8.RuneCountInString(a.Text) >= utf8.RuneCountInString(fromFeed.Text):
		FillFromFeed(&a, fromFeed)
		a.Origin = it.URL
		pg.res.Done, pg.article = true, a
	case fromFeed.Text != "":
		if err != nil {
			pg.res.Err = err.Error() + "; the feed's text used"
		}
		pg.res.Done, pg.article = true, fromFeed
	default:
		pg.res.Err = err.Error()
		pg.res.GiveUp = !transient(err) || it.Attempts+1 >= p.opt.Attempts
	}
	return pg
}

// FillFromFeed completes page, an article extracted from an item's page,
// with what the feed said of the item: its id, and the title, author and
// language where the page has none. The earlier of the two publication
// dates wins (a page's date is often its last update). The outlet stays
// the page's.
func FillFromFeed(page *news.Article, fromFeed news.Article) {
	page.ID = fromFeed.ID
	if page.Title == "" {
		page.Title = fromFeed.Title
	}
	if page.Author == "" {
		page.Author = fromFeed.Author
	}
	if !fromFeed.Published.IsZero() && (page.Published.IsZero() || fromFeed.Published.Before(page.Published)) {
		page.Published = fromFeed.Published
	}
	if page.Language == "" {
		page.Language = fromFeed.Language
	}
}

// page fetches and extracts the item's page; the status and size go in
// res. The outlet is the page's own name or its final URL's host.
func (p *Poller) page(ctx context.Context, it Item, res *ItemResult) (news.Article, error) {
	resp, err := p.opt.Fetcher.Fetch(ctx, fetch.Request{URL: it.URL, MaxBytes: p.opt.PageBytes})
	if err != nil {
		var se *fetch.StatusError
		if errors.As(err, &se) {
			res.Status = se.Status
		}
		return news.Article{}, err
	}
	res.Status, res.Bytes = resp.Status, int64(len(resp.Body))
	a, err := extract.ExtractBytes(resp.Body, extract.Options{URL: resp.URL, ContentType: resp.ContentType, MaxBytes: p.opt.PageBytes})
	if err != nil {
		return news.Article{}, fmt.Errorf("%s: %w", it.URL, errPermanent{err})
	}
	a.Source = Outlet(a.Source, resp.URL)
	return a, nil
}

// errPermanent marks an error no later attempt can mend.
type errPermanent struct{ error }

func (e errPermanent) Unwrap() error { return e.error }

// transient reports whether reading the page again later could help: a
// network failure, a timeout, 429 or 5xx; not a page too large, not
// HTML, refused or gone.
func transient(err error) bool {
	var pe errPermanent
	if errors.As(err, &pe) || errors.Is(err, fetch.ErrTooLarge) || errors.Is(err, fetch.ErrLocalAddress) ||
		errors.Is(err, fetch.ErrRedirectLoop) || errors.Is(err, fetch.ErrRedirectLocal) {
		return false
	}
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Status == 429 || se.Status >= 500
	}
	return true
}

// each returns a pipe.Map source that yields xs in order.
func each[T any](xs []T) func() (T, bool) {
	i := 0
	return func() (T, bool) {
		if i >= len(xs) {
			var zero T
			return zero, false
		}
		i++
		return xs[i-1], true
	}
}
