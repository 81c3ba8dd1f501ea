package web

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/parallax-news/parallax/internal/compare"
)

// Desk is what the pages read and change: the stories, the outlets and the
// feeds of a desk. The store implements it (the merger wires it); the
// tests use an in-memory fake. Every method takes the request's context
// and must be safe for concurrent use.
type Desk interface {
	// Stories returns the stories that match f, most recently updated
	// first, at most f.Limit of them (DefaultLimit when 0). No match is an
	// empty list and a nil error.
	Stories(ctx context.Context, f StoryFilter) ([]StorySummary, error)
	// Story returns one story with its comparison, or an error wrapping
	// ErrNotFound.
	Story(ctx context.Context, id string) (Story, error)
	// Outlet returns an outlet's stories and the facts it left out that
	// other outlets reported (Missing computes them from a story), or an
	// error wrapping ErrNotFound when no stored article names the outlet.
	Outlet(ctx context.Context, name string) (Outlet, error)
	// Feeds returns every feed, in the order they were added.
	Feeds(ctx context.Context) ([]Feed, error)
	// AddFeed subscribes to the feed at url (an absolute http or https
	// URL; the pages check it first) and returns it. A feed that cannot be
	// fetched yet is still added, with Err set; an error is returned only
	// when nothing was added (ErrExists when it is already there).
	AddFeed(ctx context.Context, url string) (Feed, error)
	// RemoveFeed unsubscribes from the feed at url: its articles stay.
	// An unknown url is an error wrapping ErrNotFound.
	RemoveFeed(ctx context.Context, url string) error
}

// Errors a Desk returns, checked with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	ErrExists   = errors.New("already there")
)

// DefaultLimit is how many stories a list shows when StoryFilter.Limit is 0.
const DefaultLimit = 100

// StoryFilter selects stories.
type StoryFilter struct {
	// Query holds words that must all appear (any case) in a story's
	// title, outlets or article text; "" matches every story. It is what
	// a person typed in the search box, not a query language.
	Query string
	// Outlet keeps the stories this outlet covered; "" keeps all.
	Outlet string
	// Limit bounds the list; 0 means DefaultLimit.
	Limit int
}

// StorySummary is a story as a list shows it.
type StorySummary struct {
	ID       string
	Title    string    // the story's headline; "" shows as report.Untitled
	Outlets  []string  // the outlets of its articles, each once, in the order they came in
	Articles int       // its articles
	First    time.Time // its first and latest article's publication (or arrival) time; zero when unknown
	Last     time.Time
}

// Story is one story with its comparison. Report's articles are its
// articles, in the order they came in.
type Story struct {
	StorySummary
	Report compare.Report
}

// Outlet is one outlet: the stories it covered, most recent first, and the
// facts of those stories it left out.
type Outlet struct {
	Name    string
	Stories []StorySummary
	Missed  []Missed
}

// Missed is a fact of a story that an outlet covered and did not report,
// though other outlets did.
type Missed struct {
	Story  StorySummary
	Fact   string
	Others int // the other articles that report it
}

// Feed is one subscribed feed.
type Feed struct {
	URL      string
	Title    string    // from the feed; "" until it is fetched
	Added    time.Time // when it was added
	Checked  time.Time // its last fetch; zero before the first
	Err      string    // the last fetch's error; "" when it went well
	Articles int       // articles stored from it
}

// Missing returns the facts of s that the outlet named name clearly does
// not report (compare's OmittedBy) while another outlet does, the most
// widely reported first. It is the Missed list of Desk.Outlet for one
// story, for a store to use.
func Missing(name string, s Story) []Missed {
	of := map[string]bool{}
	for _, a := range s.Report.Articles {
		if a.Label() == name {
			of[a.ID] = true
		}
	}
	if len(of) == 0 {
		return nil
	}
	var out []Missed
	for _, f := range s.Report.Facts {
		if slices.ContainsFunc(f.Articles, func(id string) bool { return of[id] }) {
			continue
		}
		if !slices.ContainsFunc(f.OmittedBy, func(id string) bool { return of[id] }) {
			continue
		}
		out = append(out, Missed{Story: s.StorySummary, Fact: f.Text, Others: len(f.Articles)})
	}
	return out
}
