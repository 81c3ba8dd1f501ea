package cluster

import (
	"cmp"
	"slices"
)

// Why a story left the active set (Story.Closed).
const (
	ClosedIdle  = "idle"  // its window passed with no dated article joining
	ClosedSpan  = "span"  // no article could join without passing MaxSpan
	ClosedLimit = "limit" // MaxActive stories were active and it was among the least recently joined
	ClosedOpen  = "open"  // still open when the input ended (Close)
)

// sweep closes the stories whose time has passed and drops their index
// entries once enough have gone. Time is the stream's: its clock is the
// latest publication date seen, and a story closes when the clock has
// passed its latest dated article by twice the window (the reorder buffer
// lets a dated article come late; twice is the slack for that) or passed
// the end of its MaxSpan by one window, so that no article in order could
// join it any more.
// Undated articles have no time: they neither keep a story open (its
// latest dated member counts, for a story of undated articles only the
// time it opened) nor close it (they do not move the clock). They do
// have a place in the stream, and one may come long after the dated
// reports of its event (a shuffled collection): a story therefore stays
// open until Lag articles have come since its latest dated member (or
// its opening).
func (c *Clusterer) sweep() {
	if c.window >= 0 && !c.clock.IsZero() {
		limit, spanLimit := c.clock.Add(-2*c.window), c.clock.Add(-c.window)
		var gone []*story
		for _, s := range c.active {
			if c.seq-s.openSeq <= c.lag {
				continue
			}
			switch {
			case s.last.Before(limit):
				s.closed = ClosedIdle
			case s.dated && c.maxSpan >= 0 && s.first.Add(c.maxSpan).Before(spanLimit):
				s.closed = ClosedSpan
			default:
				continue
			}
			gone = append(gone, s)
		}
		c.close(gone)
	}
	if c.stale > len(c.active) {
		c.compact()
	}
}

// evictOldest closes the least recently joined tenth of the active stories.
func (c *Clusterer) evictOldest() {
	all := make([]*story, 0, len(c.active))
	for _, s := range c.active {
		all = append(all, s)
	}
	slices.SortFunc(all, func(a, b *story) int {
		if x := cmp.Compare(a.lastSeq, b.lastSeq); x != 0 {
			return x
		}
		return cmp.Compare(a.id, b.id) // a split leaves two stories joined last at once
	})
	gone := all[:len(all)/10+1]
	for _, s := range gone {
		s.closed = ClosedLimit
	}
	c.close(gone)
}

// close removes stories from the active set, in creation order, and reports
// them.
func (c *Clusterer) close(gone []*story) {
	slices.SortFunc(gone, func(a, b *story) int {
		if x := cmp.Compare(a.seq, b.seq); x != 0 {
			return x
		}
		return cmp.Compare(a.id, b.id) // a story split off shares its parent's seq
	})
	if !c.opt.Immediate {
		gone = c.rejoin(gone) // keeps the order
	}
	for _, s := range gone {
		c.stats.Closed++
		if c.opt.OnClose != nil {
			c.opt.OnClose(s.info())
		}
		c.retire(s)
	}
}

// retire removes s from the active set and frees what it holds; its
// postings go at the next compact.
func (c *Clusterer) retire(s *story) {
	s.evicted = true
	delete(c.active, s.id)
	c.stale++
	s.ckeys, s.cvals, s.cidx, s.reps, s.vecs, s.members, s.dupRefs = nil, nil, table{}, nil, nil, nil, nil
}

// compact drops evicted stories from the posting lists.
func (c *Clusterer) compact() {
	dropEvicted(c.postings, func(s *story) bool { return s.evicted })
	dropEvicted(c.dups, func(r *dupRef) bool { return r.s.evicted })
	c.stale = 0
}

// dropEvicted removes from each list of m the entries gone reports, and
// the lists left empty.
func dropEvicted[T any](m map[uint64][]T, gone func(T) bool) {
	for k, list := range m {
		out := list[:0]
		for _, x := range list {
			if !gone(x) {
				out = append(out, x)
			}
		}
		if len(out) == 0 {
			delete(m, k)
			continue
		}
		clear(list[len(out):])
		m[k] = out
	}
}

// Close reports every active story to OnClose, oldest first, and empties
// the Clusterer.
func (c *Clusterer) Close() {
	all := make([]*story, 0, len(c.active))
	for _, s := range c.active {
		s.closed = ClosedOpen
		all = append(all, s)
	}
	c.close(all)
	c.compact()
}
