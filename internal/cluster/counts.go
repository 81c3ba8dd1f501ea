package cluster

import (
	"fmt"
	"math"
)

// logs holds log(df+1) for the document frequencies most features have.
var logs = func() (t [4096]float64) {
	for i := range t {
		t[i] = math.Log(float64(i) + 1)
	}
	return t
}()

// log1 returns log(df+1).
func log1(df uint32) float64 {
	if df < uint32(len(logs)) {
		return logs[df]
	}
	return math.Log(float64(df) + 1)
}

// halveDF ages the document frequencies so that they follow the stream and
// their table stays bounded: counts are halved and the zeros dropped.
func (c *Clusterer) halveDF() {
	c.df.halve()
	c.n /= 2
	c.pairDF.halve()
}

// counts is an exact count per key: open addressing with linear probing,
// one cache line touched per lookup on tables of millions of keys.
type counts struct {
	keys []uint64
	n    []uint32
	used int
}

// inc adds one to key's count and returns the new count. Key 0 counts as 1.
func (c *counts) inc(key uint64) uint32 {
	i := c.slot(key)
	c.n[i]++
	return c.n[i]
}

// get returns key's count, 0 when it has none.
func (c *counts) get(key uint64) uint32 {
	if key == 0 {
		key = 1
	}
	if len(c.keys) == 0 {
		return 0
	}
	mask := uint64(len(c.keys) - 1)
	for i := mix64(key) & mask; ; i = (i + 1) & mask {
		switch c.keys[i] {
		case key:
			return c.n[i]
		case 0:
			return 0
		}
	}
}

// set sets key's count to n, which must be above zero.
func (c *counts) set(key uint64, n uint32) { c.n[c.slot(key)] = n }

// slot returns the index of key's count, adding key with a count of 0
// (growing the table first when it is half full) when it is not there.
func (c *counts) slot(key uint64) uint64 {
	if key == 0 {
		key = 1
	}
	if 2*(c.used+1) > len(c.keys) {
		c.resize(max(1<<10, 2*len(c.keys)))
	}
	mask := uint64(len(c.keys) - 1)
	for i := mix64(key) & mask; ; i = (i + 1) & mask {
		switch c.keys[i] {
		case key:
			return i
		case 0:
			c.keys[i], c.n[i] = key, 0
			c.used++
			return i
		}
	}
}

func (c *counts) resize(size int) {
	old := *c
	*c = counts{keys: make([]uint64, size), n: make([]uint32, size)}
	mask := uint64(size - 1)
	for j, k := range old.keys {
		if k == 0 || old.n[j] == 0 {
			continue
		}
		i := mix64(k) & mask
		for c.keys[i] != 0 {
			i = (i + 1) & mask
		}
		c.keys[i], c.n[i] = k, old.n[j]
		c.used++
	}
}

// halve halves every count, drops the zeros and shrinks the table to fit.
func (c *counts) halve() {
	for i := range c.n {
		c.n[i] /= 2
	}
	live := 0
	for _, x := range c.n {
		if x > 0 {
			live++
		}
	}
	size := 1 << 10
	for size < 4*live {
		size <<= 1
	}
	c.resize(size)
}

// pairCounts is a count-min sketch of the document frequencies of two-word
// features: most pairs occur once, and an exact table of them would grow
// with the stream. Two rows of one-byte counters estimate a count as the
// smaller of its two counters, which collisions can only raise. The rows
// start small and double as counts come in, up to 2^maxBits counters each
// (2^22 by default, 8 MB in all): a doubled row copies each counter into both of its new places,
// so every estimate stays an upper bound.
type pairCounts struct {
	rows    [2][]uint8
	bits    uint
	maxBits uint // 0 means DefaultPairBits
	added   int
}

// pairMinBits is the size of a new sketch's rows (unless maxBits is smaller).
const pairMinBits = 12

// add counts key once and returns its estimated count.
func (p *pairCounts) add(key uint64) uint32 {
	if p.maxBits == 0 {
		p.maxBits = DefaultPairBits
	}
	if p.rows[0] == nil {
		p.bits = min(pairMinBits, p.maxBits)
		p.rows[0] = make([]uint8, 1<<p.bits)
		p.rows[1] = make([]uint8, 1<<p.bits)
	}
	p.added++
	if p.bits < p.maxBits && p.added > 2<<p.bits {
		p.grow()
	}
	mask := uint64(1)<<p.bits - 1
	a, b := &p.rows[0][key&mask], &p.rows[1][(key>>32)&mask]
	// Conservative update: raise only the smaller counter(s).
	m := min(*a, *b)
	if m < 255 {
		if *a == m {
			*a++
		}
		if *b == m {
			*b++
		}
		m++
	}
	return uint32(m)
}

func (p *pairCounts) grow() {
	for i, r := range p.rows {
		n := make([]uint8, 2*len(r))
		copy(n, r)
		copy(n[len(r):], r)
		p.rows[i] = n
	}
	p.bits++
}

func (p *pairCounts) halve() {
	for _, r := range p.rows {
		for i := range r {
			r[i] >>= 1
		}
	}
	p.added /= 2
}

// restore sets the sketch to saved rows, checking that they fit together.
func (p *pairCounts) restore(rows [2][]uint8, bits uint, added int) error {
	switch {
	case rows[0] == nil && rows[1] == nil && bits == 0:
	case bits < 1 || bits > 30 || len(rows[0]) != 1<<bits || len(rows[1]) != 1<<bits:
		return fmt.Errorf("pair counts: rows of %d and %d counters for %d bits", len(rows[0]), len(rows[1]), bits)
	}
	p.rows, p.bits, p.added = rows, bits, added
	return nil
}
