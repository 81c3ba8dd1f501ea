package poll

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is wrapped by the errors a FeedStore returns for a feed it
// does not hold.
var ErrNotFound = errors.New("feed not found")

// FeedStore is the poller's durable memory: the feeds, their validators
// and error state, the queue of the pages they linked to, and the fetch
// log. It is safe for concurrent use.
type FeedStore interface {
	// AddFeed subscribes to url (stored as given) with title, due at
	// once, and returns the feed and true; when a feed with that URL is
	// stored already it returns that feed and false, changing nothing.
	AddFeed(ctx context.Context, url, title string) (Feed, bool, error)
	// RemoveFeed deletes the feed with id, with its queued items and its
	// fetch log. An unknown id gives an error wrapping ErrNotFound.
	RemoveFeed(ctx context.Context, id int64) error
	// Feeds returns every feed, by id; none gives an empty slice.
	Feeds(ctx context.Context) ([]Feed, error)
	// DueFeeds returns at most limit feeds whose NextCheck is not after
	// now, the longest due first (then by id).
	DueFeeds(ctx context.Context, now time.Time, limit int) ([]Feed, error)
	// RecordCheck records one check of feed c.Feed: the fetch log gets a
	// row; the feed takes c's status, next check time and (unless
	// c.NotModified or c.Err is set) validators, and its title when
	// c.Title is not empty; an error (c.Err != "") sets LastError and
	// counts one more failure in a row, a success clears both. The items
	// of c.Items not queued for the feed before (by URL) are queued as
	// pending; it returns how many. An unknown feed gives an error
	// wrapping ErrNotFound.
	RecordCheck(ctx context.Context, c Check) (queued int, err error)
	// PendingItems returns pending items in turns: the oldest pending
	// item of every feed, then the second of every feed, and so on, at
	// most perFeed of one feed and limit in all.
	PendingItems(ctx context.Context, perFeed, limit int) ([]Item, error)
	// FinishItem records the outcome of reading item r.Item: the fetch
	// log gets a row (with r.Err); with r.Done the item is done (r.Err,
	// if any, kept as its last error); otherwise its attempts are counted
	// and it stays pending, or is failed when r.GiveUp. An unknown item
	// gives an error wrapping ErrNotFound.
	FinishItem(ctx context.Context, r ItemResult) error
}

// Feed is a subscribed feed.
type Feed struct {
	ID           int64     `json:"id"`
	URL          string    `json:"url"`
	Title        string    `json:"title"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	NextCheck    time.Time `json:"next_check"`
	CheckedAt    time.Time `json:"checked_at,omitzero"` // zero before the first check
	LastStatus   int       `json:"last_status,omitempty"`
	LastError    string    `json:"last_error,omitempty"`
	ErrorCount   int       `json:"error_count"` // failed checks in a row
	Added        time.Time `json:"added"`
}

// Check is the outcome of checking one feed.
type Check struct {
	Feed     int64
	URL      string // the URL asked for (the log's)
	At       time.Time
	Status   int   // the HTTP status; 0 when no answer came
	Bytes    int64 // body bytes read
	Duration time.Duration
	// Err says what went wrong; "" for a success.
	Err string
	// NotModified says the server answered 304: the validators stay.
	NotModified        bool
	ETag, LastModified string // the new validators
	Title              string // the feed's own title; "" keeps the stored one
	NextCheck          time.Time
	Items              []Item // the feed's items, to queue
}

// Item is one page a feed linked to.
type Item struct {
	ID        int64 // the store's; 0 before it is queued
	Feed      int64
	URL       string
	GUID      string
	Title     string
	Author    string
	Published time.Time // zero when unknown
	Language  string
	// Text is the feed's own content or summary as text: the article's
	// text when the page cannot be read.
	Text     string
	Attempts int // failed reads so far
}

// ItemResult is the outcome of reading one item's page.
type ItemResult struct {
	Item     int64
	Feed     int64
	URL      string
	At       time.Time
	Status   int
	Bytes    int64
	Duration time.Duration
	Err      string // what went wrong, "" for nothing
	// Done says the item is finished: its article was handed on (from
	// the page, or from the feed's text when the page failed).
	Done bool
	// GiveUp, when not Done, says the item failed for good: no more
	// attempts.
	GiveUp bool
}
