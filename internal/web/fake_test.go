package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
)

// fakeDesk is an in-memory Desk that really works: stories hold analysed
// documents and are compared on each read, feeds are fetched (from a test
// server) when added.
type fakeDesk struct {
	mu      sync.Mutex
	stories []*fakeStory
	feeds   []Feed
	client  *http.Client
	now     func() time.Time
}

var _ Desk = (*fakeDesk)(nil)

type fakeStory struct {
	id, title string
	docs      []news.Document
}

func (s *fakeStory) summary() StorySummary {
	sum := StorySummary{ID: s.id, Title: s.title, Articles: len(s.docs)}
	if sum.Title == "" && len(s.docs) > 0 { // as the clusterer titles a story
		sum.Title = s.docs[0].Title
	}
	for _, d := range s.docs {
		if !slices.Contains(sum.Outlets, d.Source) {
			sum.Outlets = append(sum.Outlets, d.Source)
		}
		if p := d.Published; !p.IsZero() {
			if sum.First.IsZero() || p.Before(sum.First) {
				sum.First = p
			}
			if p.After(sum.Last) {
				sum.Last = p
			}
		}
	}
	return sum
}

func (s *fakeStory) story() Story {
	return Story{StorySummary: s.summary(), Report: compare.Compare(s.docs, compare.Options{})}
}

func (f *fakeDesk) Stories(ctx context.Context, flt StoryFilter) ([]StorySummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	words := strings.Fields(strings.ToLower(flt.Query))
	var out []StorySummary
	for _, s := range f.stories {
		sum := s.summary()
		if flt.Outlet != "" && !slices.Contains(sum.Outlets, flt.Outlet) {
			continue
		}
		hay := strings.ToLower(s.title + " " + strings.Join(sum.Outlets, " "))
		for _, d := range s.docs {
			hay += " " + strings.ToLower(d.Title+" "+d.Text)
		}
		if !all(words, func(w string) bool { return strings.Contains(hay, w) }) {
			continue
		}
		out = append(out, sum)
	}
	slices.SortStableFunc(out, func(a, b StorySummary) int { return b.Last.Compare(a.Last) })
	return out[:min(len(out), cmpInt(flt.Limit, DefaultLimit))], nil
}

func all(ws []string, f func(string) bool) bool {
	for _, w := range ws {
		if !f(w) {
			return false
		}
	}
	return true
}

func cmpInt(a, b int) int {
	if a > 0 {
		return a
	}
	return b
}

func (f *fakeDesk) Story(ctx context.Context, id string) (Story, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.stories {
		if s.id == id {
			return s.story(), nil
		}
	}
	return Story{}, fmt.Errorf("story %q: %w", id, ErrNotFound)
}

func (f *fakeDesk) Outlet(ctx context.Context, name string) (Outlet, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	o := Outlet{Name: name}
	for _, s := range f.stories {
		st := s.story()
		if !slices.Contains(st.Outlets, name) {
			continue
		}
		o.Stories = append(o.Stories, st.StorySummary)
		o.Missed = append(o.Missed, Missing(name, st)...)
	}
	if len(o.Stories) == 0 {
		return Outlet{}, fmt.Errorf("outlet %q: %w", name, ErrNotFound)
	}
	return o, nil
}

func (f *fakeDesk) Feeds(ctx context.Context) ([]Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.feeds), nil
}

func (f *fakeDesk) AddFeed(ctx context.Context, url string) (Feed, error) {
	f.mu.Lock()
	for _, x := range f.feeds {
		if x.URL == url {
			f.mu.Unlock()
			return Feed{}, fmt.Errorf("feed %s: %w", url, ErrExists)
		}
	}
	f.mu.Unlock()
	fd := Feed{URL: url, Added: f.now(), Checked: f.now()}
	if feed, err := f.fetch(ctx, url); err != nil {
		fd.Err = err.Error()
	} else {
		fd.Title, fd.Articles = feed.Title, len(feed.Items)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.feeds = append(f.feeds, fd)
	return fd, nil
}

func (f *fakeDesk) fetch(ctx context.Context, url string) (*gofeed.Feed, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: %s", url, resp.Status)
	}
	return gofeed.NewParser().Parse(resp.Body)
}

func (f *fakeDesk) RemoveFeed(ctx context.Context, url string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := slices.IndexFunc(f.feeds, func(x Feed) bool { return x.URL == url })
	if i < 0 {
		return fmt.Errorf("feed %s: %w", url, ErrNotFound)
	}
	f.feeds = slices.Delete(f.feeds, i, i+1)
	return nil
}

// add appends an article to a story (a new article coming in).
func (f *fakeDesk) add(id string, d news.Document) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.stories {
		if s.id == id {
			s.docs = append(s.docs, d)
		}
	}
}

// The fixture's clock: the afternoon the ferry story broke.
var fixtureNow = time.Date(2031, 5, 13, 14, 0, 0, 0, time.UTC)

// hostile is markup that must stay text in every page.
const hostile = `<img src=x onerror=alert(1)><script>alert(2)</script>`

// doc cleans and analyses one invented article.
func doc(t testing.TB, id, source, title, url string, at time.Time, text string) news.Document {
	t.Helper()
	a, err := (&clean.Cleaner{}).Clean(news.Article{ID: id, Source: source, Title: title, URL: url, Published: at, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return (&analyze.Analyzer{}).Analyze(a)
}

// newFake returns a desk of two invented stories: a harbour ferry strike
// told by five outlets (two figures that differ, a reworded quote, one
// outlet's fact) and a library reopening told by two, one with a hostile
// title and a javascript: URL.
func newFake(t testing.TB) *fakeDesk {
	h := func(hh, mm int) time.Time { return time.Date(2031, 5, 13, hh, mm, 0, 0, time.UTC) }
	ferry := &fakeStory{id: "s-1", title: "Ferry crews strike at Port Elling", docs: []news.Document{
		doc(t, "a1", "Coast Herald", "Ferry crews walk out at Port Elling", "https://herald.example/ferry", h(6, 5),
			"Ferry crews at Port Elling walked out on Tuesday morning, halting all crossings to Skerry Island.\n\n"+
				"The union said 1,200 workers joined the strike over pay and rest hours.\n\n"+
				"\"We have been patient for two years and the company has not listened,\" said union leader Mara Quint.\n\n"+
				"The operator, Elling Lines, said talks would resume on Thursday."),
		doc(t, "b1", "Daily Tide", "Strike stops Skerry ferries", "https://tide.example/strike", h(7, 40),
			"All ferry crossings to Skerry Island stopped on Tuesday as crews at Port Elling went on strike.\n\n"+
				"About 1,500 workers took part, according to the operator.\n\n"+
				"Union leader Mara Quint said: \"We were patient for two years and the company never listened.\"\n\n"+
				"Elling Lines said talks would resume on Thursday."),
		doc(t, "c1", "Island Post", "Islanders stranded as ferry crews strike", "", h(8, 15),
			"Ferry crews at Port Elling walked out on Tuesday, halting crossings to Skerry Island.\n\n"+
				"Islanders waiting at the quay said they had no word of when boats would run.\n\n"+
				"The island's only doctor said patients needing hospital care would be flown out by helicopter."),
		doc(t, "d1", "Harbour Radio", "Port Elling ferry strike: what we know", "https://radio.example/ferry", h(9, 30),
			"Ferry crews at Port Elling went on strike on Tuesday, halting all crossings to Skerry Island.\n\n"+
				"The union said 1,200 workers joined the strike.\n\n"+
				"Elling Lines said talks would resume on Thursday."),
		doc(t, "e1", "North Wire", "Ferry strike halts Skerry Island crossings", "https://wire.example/n/881", h(11, 0),
			"Crossings to Skerry Island were halted on Tuesday when ferry crews at Port Elling walked out.\n\n"+
				"\"We have been patient for two years and the company has not listened,\" union leader Mara Quint said.\n\n"+
				"Elling Lines, the operator, said talks would resume on Thursday."),
	}}
	library := &fakeStory{id: "s-2", title: "", docs: []news.Document{
		doc(t, "f1", "Coast Herald", "Elling library reopens "+hostile, "javascript:alert(3)", time.Date(2031, 5, 12, 10, 0, 0, 0, time.UTC),
			"The Elling public library reopened on Monday after a two-year renovation costing 4 million crowns.\n\n"+
				"Head librarian Ove Tarn said the reading room now has space for 80 people."),
		doc(t, "g1", "Evening Lamp "+hostile, "Library doors open again", "https://lamp.example/library", time.Date(2031, 5, 12, 16, 0, 0, 0, time.UTC),
			"Elling's public library reopened on Monday after a two-year renovation.\n\n"+
				"The renovation cost 5 million crowns, the town council said."),
	}}
	return &fakeDesk{stories: []*fakeStory{ferry, library}, client: &http.Client{Timeout: 30 * time.Second},
		now: func() time.Time { return fixtureNow }}
}
