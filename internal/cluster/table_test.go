package cluster

import (
	"math/rand/v2"
	"testing"
)

func TestTableMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 10, 1000, 20000} {
		tab := newTable(16)
		ref := map[uint64]int32{}
		keys := make([]uint64, n)
		for i := range keys {
			keys[i] = r.Uint64() % uint64(2*n+1)
			v, ok := tab.slot(keys[i], int32(i))
			want, wok := ref[keys[i]]
			if !wok {
				ref[keys[i]] = int32(i)
				want = int32(i)
			}
			if ok != wok || v != want {
				t.Fatalf("slot(%d) = %d, %v; want %d, %v", keys[i], v, ok, want, wok)
			}
		}
		for k, want := range ref {
			if got := tab.get(k); got != want {
				t.Fatalf("get(%d) = %d; want %d", k, got, want)
			}
		}
		if got := tab.get(1<<63 + 12345); got != -1 {
			t.Fatalf("get(absent) = %d; want -1", got)
		}
	}
}

func TestStrongest(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 5, 96, 500} {
		vals := make([]float32, n)
		keys := make([]uint64, n)
		for i := range vals {
			vals[i] = float32(r.IntN(50))
			keys[i] = uint64(i)
		}
		got := strongest(keys, vals, 40)
		// reference: full sort
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		for i := 0; i < len(idx); i++ {
			for j := i + 1; j < len(idx); j++ {
				a, b := idx[i], idx[j]
				if vals[b] > vals[a] || vals[b] == vals[a] && keys[b] < keys[a] {
					idx[i], idx[j] = b, a
				}
			}
		}
		if len(idx) > 40 {
			idx = idx[:40]
		}
		if len(got) != len(idx) {
			t.Fatalf("strongest(%d values) gave %d; want %d", n, len(got), len(idx))
		}
		for i := range got {
			if got[i] != idx[i] {
				t.Fatalf("strongest(%d values)[%d] = %d; want %d", n, i, got[i], idx[i])
			}
		}
	}
}

func TestCounts(t *testing.T) {
	var c counts
	ref := map[uint64]uint32{}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		k := r.Uint64()%50000 + 2 // keys 0 and 1 share a slot by design: real keys are hashes
		got := c.inc(k)
		ref[k]++
		if got != ref[k] {
			t.Fatalf("inc(%d) = %d; want %d", k, got, ref[k])
		}
	}
	c.halve()
	for k, n := range ref {
		want := n / 2
		if got := c.inc(k) - 1; got != want {
			t.Fatalf("after halve, count(%d) = %d; want %d", k, got, want)
		}
	}
}

// TestPairCountsUpperBound checks that the sketch never underestimates, also
// across its growth.
func TestPairCountsUpperBound(t *testing.T) {
	var p pairCounts
	ref := map[uint64]uint32{}
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 300000 {
		k := r.Uint64()
		if i%3 == 0 {
			k = uint64(r.IntN(1000)) * 0x9E3779B97F4A7C15 // repeated keys
		}
		ref[k]++
		got := p.add(k)
		if want := min(ref[k], 255); got < want {
			t.Fatalf("add #%d: estimate %d < true count %d", i, got, want)
		}
	}
	if p.bits <= pairMinBits {
		t.Errorf("sketch did not grow: %d bits", p.bits)
	}
}
