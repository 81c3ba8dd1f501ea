package cluster

import (
	"cmp"
	"slices"
)

// strongest returns the indexes of the n largest vals, largest first, ties
// by key, in time linear in len(vals).
func strongest(keys []uint64, vals []float32, n int) []int {
	var idx []int
	if len(vals) <= n {
		idx = make([]int, len(vals))
		for i := range idx {
			idx[i] = i
		}
	} else {
		cut := slices.Clone(vals)
		k := len(cut) - n
		quickselect(cut, k) // cut[k] is now the n-th largest
		th := cut[k]
		idx = make([]int, 0, n+8)
		for i, x := range vals {
			if x >= th {
				idx = append(idx, i)
			}
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(vals[b], vals[a]); c != 0 {
			return c
		}
		return cmp.Compare(keys[a], keys[b])
	})
	if len(idx) > n {
		idx = idx[:n]
	}
	return idx
}

// quickselect reorders a so that a[k] holds the value it would hold if a
// were sorted ascending.
func quickselect(a []float32, k int) {
	lo, hi := 0, len(a)-1
	for lo < hi {
		p := a[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}
