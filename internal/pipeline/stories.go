package pipeline

import (
	"context"
	"io"
	"slices"
	"strconv"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
)

// StoryOptions configures a Stories stream. The zero value works.
type StoryOptions struct {
	// Cluster configures the clusterer; its OnClose is called with each
	// story as it closes, its members in the order they were assigned.
	Cluster cluster.Options
	// Reorder is how many articles are buffered to put the stream in date
	// order (0: cluster.DefaultOrderSize).
	Reorder int
	// OnAssign is called with each article's assignment as it is made.
	// Without Cluster.Immediate a story may still be split or rejoined
	// until it closes; OnClose has the final word.
	OnAssign func(a cluster.Assignment, f *cluster.Features)
	// OnRepeat is told of an input id seen before, and the id it is given
	// instead ("ID#2").
	OnRepeat func(inputID, printed string)
}

// Stories clusters a stream of articles, one at a time, for as long as it
// runs: articles go through a bounded reorder buffer into publication
// order, a repeated id is renamed so that every input article is
// accounted for, and the clusterer keeps only the stories still open.
type Stories struct {
	opt      StoryOptions
	c        *cluster.Clusterer
	order    cluster.Order[*cluster.Features]
	ids      *idSet
	inputIDs map[string]string // a repeated id as printed -> as given
	repeats  int
}

// NewStories returns an empty stream.
func NewStories(opt StoryOptions) *Stories {
	return &Stories{opt: opt, c: cluster.New(opt.Cluster), order: cluster.Order[*cluster.Features]{Size: opt.Reorder},
		ids: newIDSet(1 << 17), inputIDs: map[string]string{}}
}

// RestoreStories returns a stream that goes on from the clusterer state
// Stories.Save wrote to r (cluster.Restore), with options opt; the reorder
// buffer starts empty. The errors are Restore's.
func RestoreStories(r io.Reader, opt StoryOptions) (*Stories, error) {
	c, err := cluster.Restore(r, opt.Cluster)
	if err != nil {
		return nil, err
	}
	s := NewStories(opt)
	s.c = c
	return s, nil
}

// Save writes the clusterer's state to w (cluster.Clusterer.Save). The
// articles still in the reorder buffer are not part of it: call Flush
// first for a state that holds every article pushed.
func (s *Stories) Save(w io.Writer) error { return s.c.Save(w) }

// Flush assigns the articles still buffered and leaves the stories open,
// so that the stream can be saved and go on later.
func (s *Stories) Flush() { s.order.Drain(s.assign) }

// Push adds one article's features. It is assigned when the reorder
// buffer lets it out.
func (s *Stories) Push(f *cluster.Features) {
	if g, ok := s.order.Push(f.Published, f); ok {
		s.assign(g)
	}
}

func (s *Stories) assign(f *cluster.Features) {
	if n := s.ids.add(f.ID); n > 1 {
		s.repeats++
		in := f.ID
		f.ID = f.ID + "#" + strconv.Itoa(n)
		s.inputIDs[f.ID] = in
		if s.opt.OnRepeat != nil {
			s.opt.OnRepeat(in, f.ID)
		}
	}
	a := s.c.AddFeatures(f)
	if s.opt.OnAssign != nil {
		s.opt.OnAssign(a, f)
	}
}

// Close assigns the articles still buffered and closes every open story.
func (s *Stories) Close() {
	s.Flush()
	s.c.Close()
}

// InputID returns the id an article was given in its input, for an id
// printed as "ID#2"; "" for ids that were not repeated.
func (s *Stories) InputID(printed string) string { return s.inputIDs[printed] }

// Repeats returns how many input ids were seen before.
func (s *Stories) Repeats() int { return s.repeats }

// Stats returns the clusterer's counters.
func (s *Stories) Stats() cluster.Stats { return s.c.Stats() }

// Cluster reads and analyzes paths on every core and pushes each
// article into s, then closes s. Clustering does not read quotes: a
// pipeline that only clusters sets Options.Analyze.SkipQuotes.
func (p *Pipeline) Cluster(ctx context.Context, paths []string, s *Stories) error {
	err := Map(ctx, p, paths, cluster.Extract, func(f *cluster.Features) error {
		s.Push(f)
		return nil
	})
	if err == nil {
		s.Close()
	}
	return err
}

// StoryGroup is one story found by GroupStories, with its documents in
// the order they were assigned.
type StoryGroup struct {
	ID   string
	Docs []news.Document
	// Story is the story as the clusterer closed it (its span, Follows,
	// Closed), without its Members.
	Story cluster.Story
}

// GroupStories clusters analyzed documents the way Cluster does
// (publication order, one at a time) and returns the stories, the largest
// first, ties by the order they closed.
func GroupStories(docs []news.Document, opt cluster.Options) []StoryGroup {
	byID := make(map[string][]int, len(docs)) // a repeated id takes its docs in order
	var groups []StoryGroup
	opt.OnClose = func(st cluster.Story) {
		g := StoryGroup{ID: st.ID, Story: st}
		g.Story.Members = nil
		for _, m := range st.Members {
			q := byID[m.ID]
			if len(q) == 0 {
				continue
			}
			g.Docs = append(g.Docs, docs[q[0]])
			byID[m.ID] = q[1:]
		}
		groups = append(groups, g)
	}
	c := cluster.New(opt)
	order := cluster.Order[*cluster.Features]{Size: len(docs) + 1}
	assign := func(f *cluster.Features) { c.AddFeatures(f) }
	for i, d := range docs {
		byID[d.ID] = append(byID[d.ID], i)
		if g, ok := order.Push(d.Published, cluster.Extract(d)); ok {
			assign(g)
		}
	}
	order.Drain(assign)
	c.Close()
	slices.SortStableFunc(groups, func(a, b StoryGroup) int { return len(b.Docs) - len(a.Docs) })
	return groups
}

// idSet remembers recent ids in two generations of at most n each, so that
// repeated ids are found with flat memory on an endless stream: a repeat is
// caught when it comes within n (and up to 2n) articles of the first.
type idSet struct {
	n        int
	cur, old map[string]int
}

func newIDSet(n int) *idSet { return &idSet{n: n, cur: map[string]int{}, old: map[string]int{}} }

// add records id and returns how many times it has been seen, this one
// included.
func (s *idSet) add(id string) int {
	k := s.cur[id] + s.old[id] + 1
	if len(s.cur) >= s.n {
		s.old, s.cur = s.cur, make(map[string]int)
	}
	s.cur[id] = k
	return k
}
