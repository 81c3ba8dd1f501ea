// Package deskweb is the desk behind the web pages: it implements
// web.Desk over what the store already offers, desk.Reader for stories
// and outlets, the stored comparisons (decoded into compare.Report) and
// poll.FeedStore for the feeds. A story whose comparison was never
// computed is computed on the request through desk.Recomputer.Compute
// and stored; without a Recomputer its page says it is being compared.
//
// It may import news, compare, desk, poll and web.
package deskweb

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/poll"
	"github.com/parallax-news/parallax/internal/web"
)

// Store is what the pages need of a store: sqlite's *DB has it all.
type Store interface {
	desk.Reader
	desk.ComparisonStore
	poll.FeedStore
}

// FeedCounter is a Store that counts the articles each feed handed on
// (by feed id); the feeds page shows 0 without it.
type FeedCounter interface {
	FeedArticles(ctx context.Context) (map[int64]int, error)
}

// Options configures a Desk. The zero value works.
type Options struct {
	// Recomputer, when set, computes a story's missing comparison on the
	// request (and the result is stored). Without it such a story shows
	// as being compared until the recomputer's next round.
	Recomputer *desk.Recomputer
	// OnFeedAdded, when set, is called after a feed was added (serve wakes
	// its poller with it).
	OnFeedAdded func()
	// MissedStories bounds the stories an outlet page reads to find what
	// the outlet left out; 0 means DefaultMissedStories.
	MissedStories int
}

// DefaultMissedStories is how many of an outlet's stories its page looks
// into for the facts it left out.
const DefaultMissedStories = 20

// BeingCompared is the note a story's page shows while its comparison is
// not computed yet.
const BeingCompared = "This story is being compared: its comparison appears here once it is computed."

// Desk is web.Desk over a Store.
type Desk struct {
	store Store
	opt   Options
}

var _ web.Desk = (*Desk)(nil)

// New returns the pages' desk over store.
func New(store Store, opt Options) *Desk {
	if opt.MissedStories <= 0 {
		opt.MissedStories = DefaultMissedStories
	}
	return &Desk{store: store, opt: opt}
}

func summary(s desk.StorySummary) web.StorySummary {
	return web.StorySummary{ID: s.ID, Title: s.Title, Outlets: s.Outlets, Articles: s.Articles, First: s.First, Last: s.Last}
}

// Stories lists the computed stories f selects, the most recently updated
// first. A query the store cannot run (no words in it) matches nothing.
func (d *Desk) Stories(ctx context.Context, f web.StoryFilter) ([]web.StorySummary, error) {
	limit := cmp.Or(f.Limit, web.DefaultLimit)
	p, err := d.store.ListStories(ctx, desk.StoryFilter{Query: strings.TrimSpace(f.Query), Outlet: f.Outlet, Page: desk.Page{Limit: limit}})
	if errors.Is(err, desk.ErrBadRequest) {
		return []web.StorySummary{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := make([]web.StorySummary, 0, len(p.Stories))
	for _, s := range p.Stories {
		out = append(out, summary(s))
	}
	slices.SortStableFunc(out, func(a, b web.StorySummary) int { return b.Last.Compare(a.Last) })
	return out[:min(len(out), limit)], nil
}

// Story returns the story with its stored comparison; a missing one is
// computed now (with a Recomputer) or shown as being compared.
func (d *Desk) Story(ctx context.Context, id string) (web.Story, error) {
	st, err := d.store.StoryDetail(ctx, id)
	if errors.Is(err, desk.ErrNotFound) {
		return web.Story{}, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
	}
	if err != nil {
		return web.Story{}, err
	}
	out := web.Story{StorySummary: web.StorySummary{ID: st.ID, Title: st.Title, Outlets: st.Outlets, Articles: len(st.Members), First: st.First, Last: st.Last}}
	for _, m := range st.Timeline {
		if out.Title == "" {
			out.Title = m.Title
		}
		if !slices.Contains(out.Outlets, m.Outlet) {
			out.Outlets = append(out.Outlets, m.Outlet)
		}
	}
	raw := st.Comparison
	if raw == nil && d.opt.Recomputer != nil {
		c, err := d.opt.Recomputer.Compute(ctx, id)
		if errors.Is(err, desk.ErrNotFound) {
			return web.Story{}, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
		}
		if err != nil {
			return web.Story{}, fmt.Errorf("compare story %q: %w", id, err)
		}
		// Stored so the next read needs no comparing; a failure only
		// costs that.
		_ = d.store.PutComparison(ctx, c)
		raw = c.Report
	}
	if raw == nil {
		out.Report = compare.Report{Notes: []string{BeingCompared}}
		return out, nil
	}
	if err := json.Unmarshal(raw, &out.Report); err != nil {
		return web.Story{}, fmt.Errorf("story %q: its stored comparison: %w", id, err)
	}
	return out, nil
}

// Outlet returns an outlet's computed stories and the facts it left out
// in the latest DefaultMissedStories of them that the store marks as
// having omissions.
func (d *Desk) Outlet(ctx context.Context, name string) (web.Outlet, error) {
	od, err := d.store.Outlet(ctx, name, desk.Page{Limit: desk.MaxLimit})
	if errors.Is(err, desk.ErrNotFound) {
		return web.Outlet{}, fmt.Errorf("outlet %q: %w", name, web.ErrNotFound)
	}
	if err != nil {
		return web.Outlet{}, err
	}
	o := web.Outlet{Name: name}
	stories, err := d.Stories(ctx, web.StoryFilter{Outlet: name, Limit: desk.MaxLimit})
	if err != nil {
		return web.Outlet{}, err
	}
	o.Stories = stories
	looked := 0
	for _, s := range od.Stories {
		if len(s.Omitted) == 0 {
			continue
		}
		if looked++; looked > d.opt.MissedStories {
			break
		}
		st, err := d.Story(ctx, s.Story)
		if errors.Is(err, web.ErrNotFound) {
			continue // gone meanwhile
		}
		if err != nil {
			return web.Outlet{}, err
		}
		o.Missed = append(o.Missed, web.Missing(name, st)...)
	}
	return o, nil
}

// Feeds returns the subscribed feeds in the order they were added.
func (d *Desk) Feeds(ctx context.Context) ([]web.Feed, error) {
	feeds, err := d.store.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	var counts map[int64]int
	if fc, ok := d.store.(FeedCounter); ok {
		if counts, err = fc.FeedArticles(ctx); err != nil {
			return nil, err
		}
	}
	out := make([]web.Feed, 0, len(feeds))
	for _, f := range feeds {
		out = append(out, web.Feed{URL: f.URL, Title: f.Title, Added: f.Added, Checked: f.CheckedAt, Err: f.LastError, Articles: counts[f.ID]})
	}
	return out, nil
}

// AddFeed subscribes to url, due at once.
func (d *Desk) AddFeed(ctx context.Context, url string) (web.Feed, error) {
	u, err := poll.FeedURL(url)
	if err != nil {
		return web.Feed{}, err
	}
	f, added, err := d.store.AddFeed(ctx, u, "")
	if err != nil {
		return web.Feed{}, err
	}
	if !added {
		return web.Feed{}, fmt.Errorf("feed %s: %w", u, web.ErrExists)
	}
	if d.opt.OnFeedAdded != nil {
		d.opt.OnFeedAdded()
	}
	return web.Feed{URL: f.URL, Title: f.Title, Added: f.Added}, nil
}

// RemoveFeed unsubscribes from the feed at url (its articles stay).
func (d *Desk) RemoveFeed(ctx context.Context, url string) error {
	feeds, err := d.store.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range feeds {
		if f.URL == url {
			err := d.store.RemoveFeed(ctx, f.ID)
			if errors.Is(err, poll.ErrNotFound) {
				break
			}
			return err
		}
	}
	return fmt.Errorf("feed %s: %w", url, web.ErrNotFound)
}

// StoryVersion implements web.StoryVersioner when the store can say a
// story's version (the SQLite store can); otherwise it returns
// web.ErrUnversioned, and the pages render every story anew.
func (d *Desk) StoryVersion(ctx context.Context, id string) (version, computed int64, err error) {
	v, ok := d.store.(web.StoryVersioner)
	if !ok {
		return 0, 0, web.ErrUnversioned
	}
	version, computed, err = v.StoryVersion(ctx, id)
	if errors.Is(err, desk.ErrNotFound) {
		return 0, 0, fmt.Errorf("story %q: %w", id, web.ErrNotFound)
	}
	return version, computed, err
}
