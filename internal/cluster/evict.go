package cluster

import (
	"cmp"
	"slices"
)

// sweep closes the stories whose window has passed and drops their index
// entries once enough have gone.
func (c *Clusterer) sweep() {
	if c.window >= 0 && !c.clock.IsZero() {
		limit := c.clock.Add(-2 * c.window)
		var gone []*story
		for _, s := range c.active {
			// A story with undated members may be joined by more of
			// them at any time: only MaxActive retires it.
			if s.dated && s.undated == 0 && s.last.Before(limit) {
				gone = append(gone, s)
			}
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
	c.close(all[:len(all)/10+1])
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
		all = append(all, s)
	}
	c.close(all)
	c.compact()
}
