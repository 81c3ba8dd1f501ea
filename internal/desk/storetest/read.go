package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
)

// ReadStore is a store with the API's reads and stored comparisons.
type ReadStore interface {
	desk.Store
	desk.Reader
	desk.ComparisonStore
}

// RunReader runs the suite of the reads and the comparisons; open returns
// a new, empty store for each test.
func RunReader(t *testing.T, open func(t *testing.T) ReadStore) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s ReadStore)
	}{
		{"StaleAndPutComparison", testStale},
		{"ListStoriesOrderAndPages", testListStories},
		{"ListStoriesFilters", testListFilters},
		{"StoryDetailTimeline", testStoryDetail},
		{"Search", testSearch},
		{"SearchRanksNewest", testSearchRanksNewest},
		{"Outlets", testOutlets},
		{"NotFoundAndBadRequest", testReadErrors},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

// article is one article of a fixture: its outlet, day and text.
type article struct {
	outlet string
	day    int // of October 2011; 0: undated
	text   string
}

// fixture stores the articles, assigns each story's articles to it, and
// returns the store ids by story, in order.
func fixture(t *testing.T, s ReadStore, stories map[string][]article) map[string][]int64 {
	t.Helper()
	ids := map[string][]int64{}
	keys := make([]string, 0, len(stories))
	for k := range stories {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	write(t, s, func(tx desk.Tx) error {
		for _, st := range keys {
			for i, a := range stories[st] {
				d := Doc(fmt.Sprintf("%s-%d", st, i), "", a.text)
				d.Source, d.Title = a.outlet, fmt.Sprintf("%s title %d", st, i)
				d.Published = time.Time{}
				if a.day > 0 {
					d.Published = time.Date(2011, 10, a.day, 12, 0, 0, 0, time.UTC)
				}
				id, _, err := tx.PutArticle(d)
				if err != nil {
					return err
				}
				if err := tx.PutAssignment(desk.Assignment{Article: id, Story: st, Detail: []byte(`{}`)}); err != nil {
					return err
				}
				ids[st] = append(ids[st], id)
			}
		}
		return nil
	})
	return ids
}

// compute stores a comparison of story id made from its stored detail,
// as a Recomputer would (without the report's content).
func compute(t *testing.T, s ReadStore, id string, omitted map[string][]string) {
	t.Helper()
	ctx := context.Background()
	d, err := s.StoryDetail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	c := desk.Comparison{Story: id, Version: d.Version, Report: []byte(`{"story":"` + id + `"}`), Title: id + " title", Articles: len(d.Timeline)}
	index := map[string]int{}
	for _, m := range d.Timeline {
		i, ok := index[m.Outlet]
		if !ok {
			i = len(c.Outlets)
			index[m.Outlet] = i
			c.Outlets = append(c.Outlets, desk.OutletPart{Name: m.Outlet, Omitted: omitted[m.Outlet]})
		}
		c.Outlets[i].Articles++
		if !m.Published.IsZero() {
			if c.First.IsZero() || m.Published.Before(c.First) {
				c.First = m.Published
			}
			if m.Published.After(c.Last) {
				c.Last = m.Published
			}
		}
	}
	if err := s.PutComparison(ctx, c); err != nil {
		t.Fatal(err)
	}
}

func stale(t *testing.T, s ReadStore) []string {
	t.Helper()
	ids, err := s.Stale(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

func testStale(t *testing.T, s ReadStore) {
	ctx := context.Background()
	ids := fixture(t, s, map[string][]article{
		"s1": {{"A", 1, "one text"}, {"B", 2, "two text"}},
		"s2": {{"C", 3, "three text"}},
	})
	if got := stale(t, s); !slices.Equal(got, []string{"s1", "s2"}) {
		t.Fatalf("Stale = %v; want [s1 s2] (no comparison yet)", got)
	}
	compute(t, s, "s1", nil)
	if got := stale(t, s); !slices.Equal(got, []string{"s2"}) {
		t.Fatalf("Stale after s1's comparison = %v; want [s2]", got)
	}
	d, err := s.StoryDetail(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if d.Computed != d.Version || string(d.Comparison) != `{"story":"s1"}` {
		t.Errorf("StoryDetail(s1) comparison %q computed for %d, version %d; want the stored one, current", d.Comparison, d.Computed, d.Version)
	}
	// s2's article joins s1: s1 changed, s2 is gone.
	write(t, s, func(tx desk.Tx) error {
		return tx.PutAssignment(desk.Assignment{Article: ids["s2"][0], Story: "s1", Detail: []byte(`{}`)})
	})
	if got := stale(t, s); !slices.Equal(got, []string{"s1"}) {
		t.Fatalf("Stale after a member joined s1 = %v; want [s1]", got)
	}
	d2, err := s.StoryDetail(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if d2.Version <= d.Version || d2.Computed != d.Version {
		t.Errorf("after a join: version %d (was %d), computed %d; want a higher version, the old comparison kept", d2.Version, d.Version, d2.Computed)
	}
	err = s.PutComparison(ctx, desk.Comparison{Story: "s2", Version: 1, Report: []byte(`{}`)})
	if !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("PutComparison(removed story) = %v; want ErrNotFound", err)
	}
	// A title change (PutStory) is a change too.
	compute(t, s, "s1", nil)
	write(t, s, func(tx desk.Tx) error {
		return tx.PutStory(desk.Story{ID: "s1", Title: "New title", Closed: true})
	})
	if got := stale(t, s); !slices.Equal(got, []string{"s1"}) {
		t.Errorf("Stale after PutStory = %v; want [s1]", got)
	}
}

func storyIDs(p desk.StoryPage) []string {
	var out []string
	for _, s := range p.Stories {
		out = append(out, s.ID)
	}
	return out
}

func testListStories(t *testing.T, s ReadStore) {
	ctx := context.Background()
	fixture(t, s, map[string][]article{
		"a": {{"A", 1, "alpha one"}},
		"b": {{"A", 5, "beta one"}, {"B", 6, "beta two"}},
		"c": {{"A", 2, "gamma one"}, {"B", 3, "gamma two"}, {"C", 4, "gamma three"}},
		"d": {{"A", 9, "delta one"}, {"B", 9, "delta two"}},
		"e": {{"D", 0, "epsilon undated"}},
	})
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		compute(t, s, id, nil)
	}
	want := []string{"c", "d", "b", "a", "e"} // outlets, then latest first; undated last
	p, err := s.ListStories(ctx, desk.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := storyIDs(p); !slices.Equal(got, want) || p.Next != "" {
		t.Fatalf("ListStories = %v next %q; want %v and no next", got, p.Next, want)
	}
	if s := p.Stories[0]; s.Articles != 3 || !slices.Equal(s.Outlets, []string{"A", "B", "C"}) || s.First.Day() != 2 || s.Last.Day() != 4 || s.Title != "c title" {
		t.Errorf("ListStories[0] = %+v; want c with 3 articles of A, B, C from the 2nd to the 4th", s)
	}
	var got []string
	f := desk.StoryFilter{Page: desk.Page{Limit: 2}}
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("ListStories pages do not end")
		}
		p, err := s.ListStories(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Stories) > 2 {
			t.Fatalf("page of %d stories; want at most the limit 2", len(p.Stories))
		}
		got = append(got, storyIDs(p)...)
		if p.Next == "" {
			break
		}
		f.Cursor = p.Next
	}
	if !slices.Equal(got, want) {
		t.Errorf("ListStories by pages of 2 = %v; want %v", got, want)
	}
	if size := (desk.Page{Limit: 1 << 20}).Size(); size != desk.MaxLimit {
		t.Errorf("Page{Limit: 1<<20}.Size() = %d; want %d", size, desk.MaxLimit)
	}
}

func testListFilters(t *testing.T, s ReadStore) {
	ctx := context.Background()
	fixture(t, s, map[string][]article{
		"a": {{"A", 1, "the withdrawal of troops"}},
		"b": {{"A", 5, "a budget vote"}, {"B", 6, "the budget passed"}},
		"c": {{"B", 10, "troops come home"}, {"C", 12, "troops return"}},
	})
	for _, id := range []string{"a", "b", "c"} {
		compute(t, s, id, nil)
	}
	day := func(d int) time.Time { return time.Date(2011, 10, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		f    desk.StoryFilter
		want []string
	}{
		{"min outlets", desk.StoryFilter{MinOutlets: 2}, []string{"c", "b"}},
		{"outlet", desk.StoryFilter{Outlet: "A"}, []string{"b", "a"}},
		{"query", desk.StoryFilter{Query: "troops"}, []string{"c", "a"}},
		{"query words all", desk.StoryFilter{Query: "troops home"}, []string{"c"}},
		{"since", desk.StoryFilter{Since: day(6)}, []string{"c", "b"}},
		{"until", desk.StoryFilter{Until: day(4)}, []string{"a"}},
		{"since and until", desk.StoryFilter{Since: day(3), Until: day(11)}, []string{"c", "b"}},
		{"none", desk.StoryFilter{Outlet: "Z"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.ListStories(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := storyIDs(p); !slices.Equal(got, tt.want) {
				t.Errorf("ListStories(%+v) = %v; want %v", tt.f, got, tt.want)
			}
		})
	}
}

func testStoryDetail(t *testing.T, s ReadStore) {
	ctx := context.Background()
	ids := fixture(t, s, map[string][]article{
		"s": {{"A", 9, "late"}, {"B", 0, "undated"}, {"C", 2, "early"}},
	})
	d, err := s.StoryDetail(ctx, "s")
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, m := range d.Timeline {
		got = append(got, m.Article)
	}
	want := []int64{ids["s"][2], ids["s"][0], ids["s"][1]}
	if !slices.Equal(got, want) {
		t.Errorf("timeline = %v; want %v (by date, undated last)", got, want)
	}
	if d.Comparison != nil {
		t.Errorf("comparison before any = %q; want nil", d.Comparison)
	}
	if !slices.Equal(d.Members, ids["s"]) {
		t.Errorf("members = %v; want %v (member order)", d.Members, ids["s"])
	}
	if m := d.Timeline[0]; m.Outlet != "C" || m.Title != "s title 2" {
		t.Errorf("timeline[0] = %+v; want outlet C, title \"s title 2\"", m)
	}
	if st, err := s.StoryOf(ctx, ids["s"][1]); err != nil || st != "s" {
		t.Errorf("StoryOf(%d) = %q, %v; want s", ids["s"][1], st, err)
	}
}

func testSearch(t *testing.T, s ReadStore) {
	ctx := context.Background()
	hostile := `<script>alert("x")</script> The withdrawal began on Friday.`
	var texts []article
	texts = append(texts, article{"A", 1, hostile})
	for i := range 5 {
		texts = append(texts, article{"B", 2, fmt.Sprintf("Report %d on the withdrawal and the troops.", i)})
	}
	texts = append(texts, article{"C", 3, "Nothing about it here."})
	ids := fixture(t, s, map[string][]article{"s": texts})
	p, err := s.Search(ctx, desk.SearchQuery{Query: "withdrawal"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Hits) != 6 || p.Next != "" {
		t.Fatalf("Search(withdrawal) = %d hits, next %q; want 6, none", len(p.Hits), p.Next)
	}
	var h desk.Hit
	for _, x := range p.Hits {
		if x.Article == ids["s"][0] {
			h = x
		}
	}
	if !strings.Contains(h.Snippet, desk.HitStart+"withdrawal"+desk.HitEnd) || !strings.Contains(h.Snippet, `<script>alert("x")</script>`) {
		t.Errorf("snippet %q; want the match marked and the markup kept as text", h.Snippet)
	}
	if h.Story != "s" || h.Outlet != "A" || h.Published.Day() != 1 {
		t.Errorf("hit = %+v; want story s, outlet A, the 1st", h)
	}
	// Pages of 4: 4, then 2.
	p1, err := s.Search(ctx, desk.SearchQuery{Query: "withdrawal troops", Page: desk.Page{Limit: 4}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p1.Hits) != 4 || p1.Next == "" {
		t.Fatalf("Search page 1 = %d hits next %q; want 4 and a next", len(p1.Hits), p1.Next)
	}
	p2, err := s.Search(ctx, desk.SearchQuery{Query: "withdrawal troops", Page: desk.Page{Limit: 4, Cursor: p1.Next}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p2.Hits) != 1 || p2.Next != "" {
		t.Errorf("Search page 2 = %d hits next %q; want 1 (5 texts have both words), no next", len(p2.Hits), p2.Next)
	}
	// FTS5 syntax in the input is only words.
	for _, q := range []string{`"withdrawal`, `withdrawal OR`, `withdrawal) AND (`, `NEAR(withdrawal`, `withdrawal*`} {
		if _, err := s.Search(ctx, desk.SearchQuery{Query: q}); err != nil {
			t.Errorf("Search(%q) = %v; want the words searched", q, err)
		}
	}
}

func testOutlets(t *testing.T, s ReadStore) {
	ctx := context.Background()
	fixture(t, s, map[string][]article{
		"a": {{"A", 1, "one"}, {"B", 2, "two"}, {"A", 3, "three"}},
		"b": {{"B", 4, "four"}},
	})
	compute(t, s, "a", map[string][]string{"A": {"The troops left."}})
	compute(t, s, "b", nil)
	p, err := s.Outlets(ctx, desk.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Outlets) != 1 || p.Outlets[0] != (desk.OutletSummary{Name: "A", Stories: 1, Articles: 2}) || p.Next == "" {
		t.Fatalf("Outlets(limit 1) = %+v next %q; want A with 1 story, 2 articles, and a next", p.Outlets, p.Next)
	}
	p, err = s.Outlets(ctx, desk.Page{Limit: 1, Cursor: p.Next})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Outlets) != 1 || p.Outlets[0] != (desk.OutletSummary{Name: "B", Stories: 2, Articles: 2}) || p.Next != "" {
		t.Fatalf("Outlets page 2 = %+v next %q; want B with 2 stories, 2 articles, no next", p.Outlets, p.Next)
	}
	o, err := s.Outlet(ctx, "A", desk.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if o.OutletSummary != (desk.OutletSummary{Name: "A", Stories: 1, Articles: 2}) || len(o.Stories) != 1 {
		t.Fatalf("Outlet(A) = %+v; want 1 story, 2 articles", o)
	}
	if st := o.Stories[0]; st.Story != "a" || st.Outlets != 2 || st.Articles != 2 || !slices.Equal(st.Omitted, []string{"The troops left."}) {
		t.Errorf("Outlet(A).Stories[0] = %+v; want a, 2 outlets, 2 articles, the omitted fact", st)
	}
	ob, err := s.Outlet(ctx, "B", desk.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(ob.Stories) != 1 || ob.Stories[0].Story != "a" || ob.Next == "" {
		t.Errorf("Outlet(B, limit 1) = %+v; want story a first and a next", ob)
	}
}

func testReadErrors(t *testing.T, s ReadStore) {
	ctx := context.Background()
	if _, err := s.StoryDetail(ctx, "nope"); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("StoryDetail(nope) = %v; want ErrNotFound", err)
	}
	if _, err := s.StoryOf(ctx, 12345); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("StoryOf(12345) = %v; want ErrNotFound", err)
	}
	if _, err := s.Outlet(ctx, "nobody", desk.Page{}); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("Outlet(nobody) = %v; want ErrNotFound", err)
	}
	for _, q := range []string{"", "  ", `"*" ()`} {
		if _, err := s.Search(ctx, desk.SearchQuery{Query: q}); !errors.Is(err, desk.ErrBadRequest) {
			t.Errorf("Search(%q) = %v; want ErrBadRequest", q, err)
		}
	}
	for _, c := range []string{"!!", "bm90IGpzb24", "o-1", "o99999999"} {
		if _, err := s.ListStories(ctx, desk.StoryFilter{Page: desk.Page{Cursor: c}}); !errors.Is(err, desk.ErrBadRequest) {
			t.Errorf("ListStories(cursor %q) = %v; want ErrBadRequest", c, err)
		}
		if _, err := s.Search(ctx, desk.SearchQuery{Query: "x", Page: desk.Page{Cursor: c}}); !errors.Is(err, desk.ErrBadRequest) {
			t.Errorf("Search(cursor %q) = %v; want ErrBadRequest", c, err)
		}
	}
}

// testSearchRanksNewest: with more matches than desk.MaxRanked, only the
// newest are ranked, so the oldest match never comes back.
func testSearchRanksNewest(t *testing.T, s ReadStore) {
	ctx := context.Background()
	var texts []article
	// The first (oldest) text would rank best: the word three times in a short text.
	texts = append(texts, article{"A", 1, "ferry ferry ferry"})
	for i := range desk.MaxRanked {
		texts = append(texts, article{"B", 2, fmt.Sprintf("Item %d of a long list mentions a ferry once among many other words here.", i)})
	}
	ids := fixture(t, s, map[string][]article{"s": texts})
	seen := 0
	q := desk.SearchQuery{Query: "ferry", Page: desk.Page{Limit: desk.MaxLimit}}
	for {
		p, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range p.Hits {
			if h.Article == ids["s"][0] {
				t.Fatalf("the oldest match came back, past the newest %d", desk.MaxRanked)
			}
		}
		seen += len(p.Hits)
		if p.Next == "" {
			break
		}
		q.Cursor = p.Next
	}
	if seen != desk.MaxRanked {
		t.Errorf("Search paged through %d hits; want %d", seen, desk.MaxRanked)
	}
}
