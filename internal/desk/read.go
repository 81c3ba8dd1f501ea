package desk

import (
	"context"
	"errors"
	"time"
)

// ErrBadRequest is wrapped by a Reader's errors for a query it cannot
// run: a bad cursor, a search with no words.
var ErrBadRequest = errors.New("bad request")

// Bounds of every list a Reader returns.
const (
	DefaultLimit = 20  // items per page when Page.Limit is 0
	MaxLimit     = 100 // the most items one page holds
	MaxOffset    = 10000
	// MaxRanked bounds the matches Search ranks: the newest ones (by
	// store id). Ranking costs for every match, and a common word
	// matches most of a large store.
	MaxRanked = 2000
)

// Page asks for one page of a list: at most Limit items (0: DefaultLimit;
// more than MaxLimit: MaxLimit) after the position Cursor names ("" for
// the first page). Cursors are opaque: a page's Next, passed back.
type Page struct {
	Limit  int
	Cursor string
}

// Size returns the page size p asks for, within bounds.
func (p Page) Size() int {
	switch {
	case p.Limit <= 0:
		return DefaultLimit
	case p.Limit > MaxLimit:
		return MaxLimit
	}
	return p.Limit
}

// StoryFilter selects stories for Reader.ListStories. The zero value
// selects every story whose comparison has been computed.
type StoryFilter struct {
	Since, Until time.Time // stories with a dated member at or after Since / at or before Until; zero: no bound
	Outlet       string    // stories this outlet covered (exact name)
	Query        string    // stories with a member matching this full-text query (words, all of them)
	MinOutlets   int       // stories covered by at least this many outlets
	Page
}

// StorySummary is one story in a list.
type StorySummary struct {
	ID       string
	Title    string
	Outlets  []string  // the distinct outlets, in order of first appearance
	Articles int       // members
	First    time.Time // first and last dated member; zero when none
	Last     time.Time
	Closed   bool
	Version  int64 // the story's version
	Computed int64 // the version its comparison was computed for
}

// StoryPage is one page of stories; Next is "" on the last page.
type StoryPage struct {
	Stories []StorySummary
	Next    string
}

// Member is one article of a story's timeline.
type Member struct {
	Article   int64
	Outlet    string
	Title     string
	URL       string
	Published time.Time // zero when unknown
}

// StoryDetail is one story with its timeline and stored comparison.
type StoryDetail struct {
	Story
	Version int64
	// Timeline holds the members by publication time (undated last), then
	// id.
	Timeline []Member
	// Comparison is the stored comparison (the JSON of compare --format
	// json), nil when none was computed yet; Computed is the story version
	// it was computed for (stale when below Version).
	Comparison []byte
	Computed   int64
}

// SearchQuery asks Reader.Search for the articles matching Query (words,
// all of them, in the title or the text).
type SearchQuery struct {
	Query string
	Page
}

// Hit is one article Search found. The snippets mark the matched words
// between HitStart and HitEnd.
type Hit struct {
	Article   int64
	Story     string // "" when not assigned yet
	Outlet    string
	Title     string // with the matches marked
	Snippet   string // a short passage of the text with the matches marked
	Published time.Time
}

// The marks around a matched word in Hit's Title and Snippet: characters
// of Unicode's private use area, so that no markup is ever made of text.
const (
	HitStart = "\uE000"
	HitEnd   = "\uE001"
)

// SearchPage is one page of hits, best first; Next is "" on the last
// page.
type SearchPage struct {
	Hits []Hit
	Next string
}

// OutletSummary is one outlet and how much it covered.
type OutletSummary struct {
	Name     string
	Stories  int // stories with a computed comparison it has articles in
	Articles int // its articles in those stories
}

// OutletPage is one page of outlets by name; Next is "" on the last page.
type OutletPage struct {
	Outlets []OutletSummary
	Next    string
}

// OutletStory is one story an outlet covered.
type OutletStory struct {
	Story    string
	Title    string
	Outlets  int       // outlets covering the story
	Articles int       // the outlet's articles in it
	Last     time.Time // the story's last dated member
	// Omitted holds the story's shared facts (reported by other outlets)
	// that none of the outlet's articles report, from the stored
	// comparison.
	Omitted []string
}

// OutletDetail is one outlet with one page of its stories, by number of
// outlets then recency.
type OutletDetail struct {
	OutletSummary
	Stories []OutletStory
	Next    string
}

// Reader is what the API reads from a store. Every list is one bounded
// page. Reads see committed writes only.
type Reader interface {
	// ListStories returns one page of the stories f selects that have a
	// computed comparison, by number of outlets (most first), then their
	// last dated member (latest first), then id. A bad cursor or query
	// gives an error wrapping ErrBadRequest.
	ListStories(ctx context.Context, f StoryFilter) (StoryPage, error)
	// StoryDetail returns the story with id, its timeline and stored
	// comparison. An unknown id gives an error wrapping ErrNotFound.
	StoryDetail(ctx context.Context, id string) (StoryDetail, error)
	// StoryOf returns the id of the story article is in, "" when it is
	// not assigned. An unknown article gives an error wrapping
	// ErrNotFound.
	StoryOf(ctx context.Context, article int64) (string, error)
	// Search returns one page of the articles matching q, best first
	// among the newest MaxRanked matches. A
	// query with no words, or a bad cursor, gives an error wrapping
	// ErrBadRequest.
	Search(ctx context.Context, q SearchQuery) (SearchPage, error)
	// Outlets returns one page of the outlets of the computed stories, by
	// name.
	Outlets(ctx context.Context, p Page) (OutletPage, error)
	// Outlet returns the outlet called name with one page of its stories.
	// An outlet with no computed story gives an error wrapping
	// ErrNotFound.
	Outlet(ctx context.Context, name string, p Page) (OutletDetail, error)
}

// Comparison is a story's computed comparison with the summary the
// Reader's lists use.
type Comparison struct {
	Story       string
	Version     int64  // the story version it was computed for
	Report      []byte // JSON, the schema of compare --format json
	Title       string
	Outlets     []OutletPart // in order of first appearance
	Articles    int
	First, Last time.Time // zero when no member is dated
}

// OutletPart is one outlet's part in a story.
type OutletPart struct {
	Name     string
	Articles int
	Omitted  []string // texts of shared facts none of its articles report
}

// ComparisonStore keeps computed comparisons.
type ComparisonStore interface {
	// Stale returns up to limit ids of stories whose comparison is missing
	// or was computed for an older version of the story.
	Stale(ctx context.Context, limit int) ([]string, error)
	// PutComparison stores c in place of the story's earlier comparison,
	// in a write transaction of its own (it waits for an open one). A
	// story that no longer exists gives an error wrapping ErrNotFound.
	PutComparison(ctx context.Context, c Comparison) error
}

func isNotFound(err error) bool { return err != nil && errors.Is(err, ErrNotFound) }
