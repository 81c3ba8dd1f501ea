package compare

import (
	"slices"
	"sort"

	"github.com/parallax-news/parallax/internal/news"
)

// maxOwnerGap is the most bytes between a figure and the name of the
// person it belongs to: "John Jenkin, 23", "23-year-old John Jenkin",
// "his 58-year-old mother, Alice McMeekin".
const maxOwnerGap = 24

// personMention is one mention of a person in an article.
type personMention struct {
	start, end int
	name       []string // the words of the article's canonical name
}

// personIndex lists an article's person mentions by where they start.
type personIndex []personMention

func newPersonIndex(d *news.Document) personIndex {
	var out personIndex
	for _, e := range d.Entities {
		if e.Type != news.Person {
			continue
		}
		words := nameWords(e.Name)
		if len(words) == 0 {
			continue
		}
		for _, sp := range e.Mentions {
			out = append(out, personMention{start: sp.Start, end: sp.End, name: words})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// owner returns the name of the person named closest to the figure at
// [start, end) inside the sentence lo..hi and at most maxOwnerGap bytes
// away from it, a name before the figure winning a tie; nil when there is
// none. The search looks at the mentions on either side of the figure
// only, so it costs a binary search.
func (p personIndex) owner(start, end, lo, hi int) []string {
	k := sort.Search(len(p), func(k int) bool { return p[k].start >= end })
	var best []string
	gap := maxOwnerGap + 1
	// The mention before: the last one that ends at or before start.
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		m := p[j]
		if m.end <= start && m.start >= lo && start-m.end < gap {
			best, gap = m.name, start-m.end
		}
	}
	if k < len(p) {
		m := p[k]
		if m.end <= hi && m.start-end < gap {
			best = m.name
		}
	}
	return best
}

// sameOwner reports whether two figures may belong to one person: true
// unless both are ages, both have an owner and the names cannot be one
// person's (compatibleNames, or one name's words among the other's:
// "James" and "James Mattioli"). Only an age is read as its neighbour's:
// a count beside a name ("Stacy have two young sons") is as often a
// family's or a group's.
func sameOwner(a, b *qmention) bool {
	if a.head != "age" || b.head != "age" || a.owner == nil || b.owner == nil {
		return true
	}
	return compatibleNames(a.owner, b.owner) || wordsAmong(a.owner, b.owner) || wordsAmong(b.owner, a.owner)
}

// wordsAmong reports whether every word of a is one of b's.
func wordsAmong(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}
