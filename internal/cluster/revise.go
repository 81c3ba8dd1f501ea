package cluster

import (
	"math"
	"slices"
)

// The split test. A single pass can only join an article to the story it
// resembles most at the time, so when the first report of a second event
// of the same kind arrives (a second earthquake, a boxer's next fight)
// the only story it can resemble is the first event's, and it joins it on
// what the two events share. Later reports of each event resemble their
// own event more than the other (on ECB+ dev, 98 % of the articles are
// on average closer to their own event than to the other event of their
// topic), which shows once both sides have members: the story then falls
// into two groups that are much more alike within than across. As a
// story grows, at sizes splitMin, 1.5×, 1.5²×… up to splitCap, its members
// are divided in two by spherical 2-means; when the mean similarity across
// the two groups is under Options.Split times the mean similarity within
// them, the group without the story's first article becomes a story of its
// own (its id from its own first article) and new articles then choose
// between the two.
const (
	splitMin = 6  // the smallest story tested
	splitCap = 64 // members whose vectors are kept for the test
	kmeansIt = 8  // 2-means iterations
)

// trySplit tests s and splits it when its members fall into two groups;
// it returns the new story, or nil.
func (c *Clusterer) trySplit(s *story) *story {
	s.check = max(s.unique+1, s.unique*3/2)
	n := len(s.vecs)
	tabs := make([]table, n)
	for i, r := range s.vecs {
		tabs[i] = asVec(r).tab
	}
	sim := make([]float64, n*n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			var d float64
			for x, k := range s.vecs[i].keys {
				if y := tabs[j].get(k); y >= 0 {
					d += float64(s.vecs[i].vals[x]) * float64(s.vecs[j].vals[y])
				}
			}
			sim[i*n+j], sim[j*n+i] = d, d
		}
	}
	s.medoid = medoid(sim, n)
	side := bisect(s.vecs, sim, n)
	if side == nil {
		return nil
	}
	var cross, within float64
	var nc, nw int
	for i := range n {
		for j := i + 1; j < n; j++ {
			if side[i] == side[j] {
				within += sim[i*n+j]
				nw++
			} else {
				cross += sim[i*n+j]
				nc++
			}
		}
	}
	if nc == 0 || nw == 0 || within <= 0 {
		return nil
	}
	ratio := (cross / float64(nc)) / (within / float64(nw))
	if ratio >= c.split {
		return nil
	}
	// The group without the first member leaves, with the near-duplicates
	// of its members.
	leave := map[string]bool{}
	var keepV, moveV []rep
	for i, r := range s.vecs {
		if side[i] == side[0] {
			keepV = append(keepV, r)
		} else {
			moveV = append(moveV, r)
			leave[r.id] = true
		}
	}
	var stay, move []Member
	for _, m := range s.members {
		if leave[m.ID] || m.DuplicateOf != "" && leave[m.DuplicateOf] {
			move = append(move, m)
		} else {
			stay = append(stay, m)
		}
	}
	first := move[0]
	// No eviction here: closing stories may rejoin s, which is half rebuilt.
	t := c.open(&Features{ID: first.ID}, first.Assignment.Time, first.dated(), false)
	t.seq = s.seq // keeps its place among the stories it came from
	t.lastSeq, t.openSeq = s.lastSeq, s.openSeq
	c.stats.Splits++
	for i := range move {
		move[i].Assignment.SplitFrom = s.id
	}
	kept := s.dupRefs[:0]
	for _, r := range s.dupRefs {
		if leave[r.id] {
			r.s = t
			t.dupRefs = append(t.dupRefs, r)
		} else {
			kept = append(kept, r)
		}
	}
	s.dupRefs = kept
	c.rebuild(s, stay, keepV)
	c.rebuild(t, move, moveV)
	for k, l := range s.labels {
		if t.cidx.get(k) >= 0 {
			t.labels[k] = l
		}
	}
	for _, r := range moveV {
		for _, k := range r.keys[:min(indexTerms, len(r.keys))] {
			if _, ok := t.labels[k]; ok && !slices.Contains(c.postings[k], t) {
				c.postings[k] = append(c.postings[k], t)
			}
		}
	}
	t.check = max(t.unique+1, t.unique*3/2)
	return t
}

// medoid returns the member with the highest total similarity to the
// others, the first of equals.
func medoid(sim []float64, n int) int {
	best, bestSum := 0, -1.0
	for i := range n {
		var sum float64
		for j := range n {
			sum += sim[i*n+j]
		}
		if sum > bestSum {
			best, bestSum = i, sum
		}
	}
	return best
}

// bisect divides the member vectors in two by spherical 2-means, seeded
// with the two least similar members; it returns each member's side, or
// nil when one side is empty.
func bisect(vecs []rep, sim []float64, n int) []int8 {
	a, b, lo := 0, 1, math.Inf(1)
	for i := range n {
		for j := i + 1; j < n; j++ {
			if sim[i*n+j] < lo {
				a, b, lo = i, j, sim[i*n+j]
			}
		}
	}
	side := make([]int8, n)
	var cent [2]map[uint64]float64
	cent[0], cent[1] = centroidOf(vecs, []int{a}), centroidOf(vecs, []int{b})
	for range kmeansIt {
		changed := false
		var groups [2][]int
		for i, r := range vecs {
			var d [2]float64
			for g := range 2 {
				for x, k := range r.keys {
					d[g] += float64(r.vals[x]) * cent[g][k]
				}
			}
			sd := int8(0)
			if d[1] > d[0] {
				sd = 1
			}
			if sd != side[i] {
				changed = true
			}
			side[i] = sd
			groups[sd] = append(groups[sd], i)
		}
		if len(groups[0]) == 0 || len(groups[1]) == 0 {
			return nil
		}
		if !changed && cent[0] != nil {
			break
		}
		cent[0], cent[1] = centroidOf(vecs, groups[0]), centroidOf(vecs, groups[1])
	}
	return side
}

// centroidOf returns the unit mean of the given member vectors; the norm
// is summed in the order the features come, so that the result does not
// depend on map order.
func centroidOf(vecs []rep, idx []int) map[uint64]float64 {
	c := map[uint64]float64{}
	var order []uint64
	for _, i := range idx {
		for x, k := range vecs[i].keys {
			if _, ok := c[k]; !ok {
				order = append(order, k)
			}
			c[k] += float64(vecs[i].vals[x])
		}
	}
	var norm float64
	for _, k := range order {
		norm += c[k] * c[k]
	}
	if norm = math.Sqrt(norm); norm > 0 {
		for k := range c {
			c[k] /= norm
		}
	}
	return c
}

// rebuild sets a story's members, span, outlets and centroid from the
// given members and member vectors.
func (c *Clusterer) rebuild(s *story, members []Member, vecs []rep) {
	s.members, s.vecs, s.medoid = nil, vecs, 0
	s.unique, s.undated, s.dated = 0, 0, false
	s.outlets = s.outlets[:0]
	for _, m := range members {
		s.add(m)
	}
	s.ckeys, s.cvals, s.norm2 = s.ckeys[:0], s.cvals[:0], 0
	s.cidx = newTable(4 * c.limits.Centroid)
	for _, r := range vecs {
		c.addVector(s, r.keys, r.vals)
	}
	s.reps = slices.Clone(vecs[max(0, len(vecs)-maxReps):])
}

// rejoinMax is the size up to which a closing story gets a second chance;
// rejoinTerms of each member's strongest features look up the candidates.
const (
	rejoinMax   = 3
	rejoinTerms = 16
)

// rejoin gives the small stories about to close a second chance. An
// article opens a story when no story resembles it enough at the time it
// arrives; by the time its story closes, the story of the same event may
// have grown and the document frequencies settled. A story of at most
// rejoinMax articles then joins the larger story (active, or closing with
// it; larger than itself) that its articles resemble above the threshold
// now, in time; it returns the stories still to close.
func (c *Clusterer) rejoin(gone []*story) []*story {
	out := gone[:0]
	for _, s := range gone {
		if s.unique > rejoinMax || len(s.vecs) == 0 {
			out = append(out, s)
			continue
		}
		t := c.rejoinTarget(s)
		if t == nil {
			out = append(out, s)
			continue
		}
		c.absorb(t, s)
	}
	return out
}

// rejoinTarget returns the larger story that s's articles resemble most,
// above the threshold, or nil.
func (c *Clusterer) rejoinTarget(s *story) *story {
	hits := c.newHits()
	larger := func(t *story) bool { return t.unique > s.unique }
	vs := make([]vec, len(s.vecs))
	for i, r := range s.vecs {
		vs[i] = asVec(r)
		for x, k := range r.keys[:min(rejoinTerms, len(r.keys))] {
			c.lookUp(hits, k, r.vals[x], larger)
		}
	}
	var best *story
	bestScore := 0.0
	for _, cd := range ranked(hits) {
		t := cd.s
		if s.dated && c.fit(t, s.first, s.last, true) != fitOK {
			continue
		}
		var sum, core float64
		capped := c.coreT > 0 && t.unique >= coreFrom
		for _, v := range vs {
			sum += c.score(v, t).score
			if capped {
				core += c.coreSim(v, t)
			}
		}
		if capped && core/float64(len(vs)) < c.coreT {
			continue // the chaining cap
		}
		if sc := sum / float64(len(vs)); sc >= c.need(t, s.dated) && sc >= bestScore {
			best, bestScore = t, sc
		}
	}
	return best
}

// asVec makes a member vector scoreable like an article's.
func asVec(r rep) vec {
	v := vec{keys: r.keys, vals: r.vals, tab: newTable(4 * len(r.keys)), sig: r.sig}
	for i, k := range r.keys {
		v.tab.slot(k, int32(i))
	}
	return v
}

// absorb moves every article of s into t and retires s without reporting
// it.
func (c *Clusterer) absorb(t, s *story) {
	c.stats.Rejoined++
	complete := len(t.vecs) == t.unique
	for _, m := range s.members {
		m.Assignment.RejoinedFrom = s.id
		t.add(m)
	}
	for _, r := range s.vecs {
		c.addVector(t, r.keys, r.vals)
	}
	if complete && len(t.vecs)+len(s.vecs) <= splitCap {
		t.vecs = append(t.vecs, s.vecs...)
	}
	for k, l := range s.labels {
		if _, ok := t.labels[k]; !ok {
			t.labels[k] = l
			c.postings[k] = append(c.postings[k], t)
		}
	}
	for _, r := range s.dupRefs {
		r.s = t
		t.dupRefs = append(t.dupRefs, r)
	}
	t.lastSeq = max(t.lastSeq, s.lastSeq)
	t.openSeq = max(t.openSeq, s.openSeq)
	c.retire(s)
}
