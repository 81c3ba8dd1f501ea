package compare

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/compare/comparetest"
)

// TestRelateMarked checks the scattered measure of link against the merge
// of relate, for every pair of sentences of a small story: the same edge
// to the bit.
func TestRelateMarked(t *testing.T) {
	s := newStory(comparetest.Synthetic(3, 5))
	mark := make([]float64, len(s.keys))
	for a := range s.units {
		for _, t := range s.units[a].terms {
			mark[t] = s.weight[t]
		}
		for b := range s.units {
			want, wok := s.relate(int32(a), int32(b))
			got, ok := s.relateMarked(int32(a), int32(b), mark)
			if got != want || ok != wok {
				t.Fatalf("relateMarked(%d, %d) = %+v, %v; want %+v, %v", a, b, got, ok, want, wok)
			}
		}
		for _, t := range s.units[a].terms {
			mark[t] = 0
		}
	}
}

// TestLinksStrongest checks the bounded selection of links against the
// plain rule: sort all by cosine (then sentence) and keep maxLinks, or keep
// them all in order when there are no more than maxLinks.
func TestLinksStrongest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var l links
	for _, n := range []int{0, 1, maxLinks, maxLinks + 1, 3 * maxLinks, 1000} {
		all := make([]edge, n)
		perm := rng.Perm(n)
		for i := range all {
			// Few distinct cosines, so that ties are decided by b.
			all[i] = edge{b: int32(perm[i]), cos: float32(rng.IntN(7)) / 8}
		}
		l.reset()
		for _, e := range all {
			l.add(e)
		}
		want := slices.Clone(all)
		if len(want) > maxLinks {
			slices.SortFunc(want, func(x, y edge) int {
				if x.cos != y.cos {
					return cmp.Compare(y.cos, x.cos)
				}
				return cmp.Compare(x.b, y.b)
			})
			want = want[:maxLinks]
		}
		if got := l.strongest(); !slices.Equal(got, want) {
			t.Errorf("n=%d: strongest() = %v; want %v", n, got, want)
		}
	}
}
