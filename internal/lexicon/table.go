package lexicon

// table is an open-addressing hash table from a word to its classes,
// faster than a map for the look-up done on every word of every article: a
// probe compares 32-bit hashes in one array first and touches a key only
// when a hash matches, and most words, in no list, cost one hash and one
// or two probes.
type table struct {
	hashes []uint32 // 0: empty slot
	keys   []string
	vals   []Class
	mask   uint32
	maxLen int
}

func newTable(m map[string]Class) table {
	n := 1
	for n < 4*len(m) {
		n <<= 1
	}
	t := table{hashes: make([]uint32, n), keys: make([]string, n), vals: make([]Class, n), mask: uint32(n - 1)}
	for w, c := range m {
		h := hash(w)
		i := h & t.mask
		for t.hashes[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.hashes[i], t.keys[i], t.vals[i] = h, w, c
		t.maxLen = max(t.maxLen, len(w))
	}
	return t
}

func (t *table) get(w string) Class {
	if len(w) > t.maxLen || len(t.hashes) == 0 {
		return 0
	}
	h := hash(w)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.hashes[i] {
		case 0:
			return 0
		case h:
			if t.keys[i] == w {
				return t.vals[i]
			}
		}
	}
}

// hash is the 32-bit FNV-1a hash of w, never 0.
func hash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h | 1
}
