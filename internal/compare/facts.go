package compare

import (
	"cmp"
	"slices"

	"github.com/parallax-news/parallax/internal/lexicon"
)

// factGroups clusters the prose sentences into facts: pairs of sentences
// from different articles that state the same thing are joined, strongest
// pair first, and a fact never takes two sentences of one article (so one
// long sentence cannot chain unrelated facts together). It returns the
// groups as lists of unit indices, each in article order.
func (s *story) factGroups() [][]int32 {
	parent := make([]int32, len(s.units))
	for i := range parent {
		parent[i] = int32(i)
	}
	words := (len(s.docs) + 63) / 64
	docs := make([][]uint64, len(s.units)) // the articles in each root's group
	for i, u := range s.units {
		b := make([]uint64, words)
		b[u.doc/64] |= 1 << (u.doc % 64)
		docs[i] = b
	}
	var find func(x int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	var cand []int32
	for k, e := range s.edges {
		if e.same() && s.units[e.a].prose && s.units[e.b].prose {
			cand = append(cand, int32(k))
		}
	}
	slices.SortFunc(cand, func(i, j int32) int {
		a, b := &s.edges[i], &s.edges[j]
		if c := cmp.Compare(b.score(), a.score()); c != 0 {
			return c
		}
		if a.a != b.a {
			return cmp.Compare(a.a, b.a)
		}
		return cmp.Compare(a.b, b.b)
	})
	for _, k := range cand {
		e := s.edges[k]
		ra, rb := find(e.a), find(e.b)
		if ra == rb {
			continue
		}
		overlap := false
		for w := range docs[ra] {
			if docs[ra][w]&docs[rb][w] != 0 {
				overlap = true
				break
			}
		}
		if overlap {
			continue
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		for w := range docs[ra] {
			docs[ra][w] |= docs[rb][w]
		}
	}
	groups := map[int32][]int32{}
	var roots []int32
	for i, u := range s.units {
		if !u.prose {
			continue
		}
		r := find(int32(i))
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], int32(i))
	}
	out := make([][]int32, 0, len(roots))
	for _, r := range roots {
		out = append(out, groups[r])
	}
	return out
}

// central returns the member of g most related to the others (ties: the
// earliest), the wording a fact is shown in.
func (s *story) central(g []int32) int32 {
	if len(g) == 1 {
		return g[0]
	}
	in := map[int32]bool{}
	for _, u := range g {
		in[u] = true
	}
	best, bestScore := g[0], -1.0
	for _, u := range g {
		sc := 0.0
		for _, k := range s.adj[u] {
			e := s.edges[k]
			o := e.a
			if o == u {
				o = e.b
			}
			if in[o] {
				sc += float64(e.cos)
			}
		}
		if sc > bestScore+1e-12 {
			best, bestScore = u, sc
		}
	}
	return best
}

// facts returns the aligned facts: the most widely reported first, then in
// the order the articles tell them.
func (s *story) facts() []Fact {
	type ranked struct {
		g   []int32
		pos float64
	}
	gs := s.factGroups()
	rs := make([]ranked, 0, len(gs))
	for _, g := range gs {
		rs = append(rs, ranked{g, s.relPos(g)})
	}
	slices.SortStableFunc(rs, func(x, y ranked) int {
		if len(x.g) != len(y.g) {
			return cmp.Compare(len(y.g), len(x.g))
		}
		return cmp.Compare(x.pos, y.pos)
	})
	groups := make([][]int32, len(rs))
	for i, r := range rs {
		groups[i] = r.g
	}
	s.groups = groups
	s.groupOf = make([]int32, len(s.units))
	for i := range s.groupOf {
		s.groupOf[i] = -1
	}
	for gi, g := range groups {
		for _, u := range g {
			s.groupOf[u] = int32(gi)
		}
	}
	m := s.newMeanings(lexicon.Default())
	j := newJudging(s)
	s.meanings, s.judging = m, j
	out := make([]Fact, 0, len(groups))
	for _, g := range groups {
		c := s.central(g)
		verdict, ev := s.judge(m, j, g)
		var n [notReported + 1]int
		for _, v := range verdict {
			n[v]++
		}
		f := Fact{Text: s.text(c), Articles: make([]string, 0, n[reported]), OmittedBy: make([]string, 0, n[notReported]),
			Unclear: make([]string, 0, n[unclear]), Spans: make([]Ref, 0, len(g)), Evidence: make([]Evidence, 0, n[reported])}
		for _, u := range g {
			f.Spans = append(f.Spans, s.ref(u))
		}
		for i, d := range s.docs {
			switch verdict[i] {
			case reported:
				f.Articles = append(f.Articles, d.ID)
				f.Evidence = append(f.Evidence, ev[i])
			case notReported:
				f.OmittedBy = append(f.OmittedBy, d.ID)
			default:
				f.Unclear = append(f.Unclear, d.ID)
			}
		}
		out = append(out, f)
	}
	return out
}

// relPos is the earliest relative position of a group's sentences in their
// articles: 0 for a first sentence, near 1 for a last.
func (s *story) relPos(g []int32) float64 {
	best := 2.0
	for _, u := range g {
		x := s.units[u]
		n := s.docStart[x.doc+1] - s.docStart[x.doc]
		p := float64(u-int32(s.docStart[x.doc])) / float64(n)
		if p < best {
			best = p
		}
	}
	return best
}
