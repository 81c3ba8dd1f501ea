package cluster

import "time"

type dupRef struct {
	s      *story
	id     string
	sketch []uint64
}

// findDup returns the active article f most likely copies, with the
// estimated Jaccard similarity, or nil.
func (c *Clusterer) findDup(f *Features, t time.Time, dated bool) (*dupRef, float64) {
	if c.dupT > 1 || len(f.Sketch) == 0 {
		return nil, 0
	}
	var best *dupRef
	bestJ := 0.0
	seen := map[*dupRef]bool{}
	for _, k := range f.Sketch[:min(dupIndexed, len(f.Sketch))] {
		list := c.dups[k]
		if len(list) > maxPostings {
			list = list[len(list)-maxPostings:]
		}
		for _, r := range list {
			if r.s.evicted || seen[r] || !c.fits(r.s, t, dated) {
				continue
			}
			seen[r] = true
			if j := jaccard(f.Sketch, r.sketch); j > bestJ || (j == bestJ && best != nil && r.s.seq < best.s.seq) {
				best, bestJ = r, j
			}
		}
	}
	if best == nil || bestJ < c.dupT {
		return nil, 0
	}
	return best, bestJ
}

// jaccard estimates the Jaccard similarity of two sets from their bottom-k
// sketches: the share of the k smallest values of the union found in both.
func jaccard(a, b []uint64) float64 {
	k := max(len(a), len(b))
	i, j, n, both := 0, 0, 0, 0
	for n < k && (i < len(a) || j < len(b)) {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			i++
		case i >= len(a) || b[j] < a[i]:
			j++
		default:
			both++
			i++
			j++
		}
		n++
	}
	if n == 0 {
		return 0
	}
	return float64(both) / float64(n)
}
