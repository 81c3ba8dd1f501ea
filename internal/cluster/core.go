package cluster

// The chaining cap. A story's centroid and its most recent members follow
// it as it grows, so a chain of articles, each close to the one before,
// can carry a story from its event into a topic: a crash, then the
// investigation, then the airline's results, then aviation safety. An
// article that joins must therefore also resemble the story's core: its
// first reports (the first coreFirst unique members) or its most central
// member (the member most like the others at the last split test).
const (
	coreFirst = 3 // first reports in the core
	// coreFrom is the story size (unique members) from which the cap
	// applies: a smaller story is all core.
	coreFrom = coreFirst + 1
)

// coreSim returns the cosine of v with the closest member of s's core.
func (c *Clusterer) coreSim(v vec, s *story) float64 {
	best := 0.0
	for _, r := range s.vecs[:min(coreFirst, len(s.vecs))] {
		best = max(best, repDot(v, r))
	}
	if s.medoid >= coreFirst && s.medoid < len(s.vecs) {
		best = max(best, repDot(v, s.vecs[s.medoid]))
	}
	return best
}

// repDot is the dot product of v with the stored member vector r.
func repDot(v vec, r rep) float64 {
	var d float64
	for j, k := range r.keys {
		if i := v.tab.get(k); i >= 0 {
			d += float64(v.vals[i]) * float64(r.vals[j])
		}
	}
	return d
}

// offCore reports whether v may not join s for the chaining cap.
func (c *Clusterer) offCore(v vec, s *story) (bool, float64) {
	if c.coreT <= 0 || s.unique < coreFrom {
		return false, 0
	}
	x := c.coreSim(v, s)
	return x < c.coreT, x
}
