package compare

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// entRec is one article's entity during the merge.
type entRec struct {
	doc  int
	e    news.Entity
	full []string // name words, normalised (see nameWords)
}

// mergeEntities merges the articles' entities into one list: names that
// normalise to the same words are one entity; people with compatible
// names are one (see mergePeople).
func mergeEntities(docs []news.Document) []Entity {
	var recs []entRec
	for di, d := range docs {
		for _, e := range d.Entities {
			if strings.TrimSpace(e.Name) == "" {
				continue
			}
			recs = append(recs, entRec{doc: di, e: e, full: nameWords(e.Name)})
		}
	}
	sets := newDisjoint(len(recs))
	// 1. Same normalised name or alias, same type.
	byKey := map[string]int{}
	for i, r := range recs {
		keys := []string{strings.Join(r.full, " ")}
		for _, a := range r.e.Aliases {
			if w := nameWords(a); len(w) > 1 || r.e.Type != news.Person {
				keys = append(keys, strings.Join(w, " "))
			}
		}
		for _, k := range keys {
			if k == "" {
				continue
			}
			k = string(r.e.Type) + "|" + k
			if j, ok := byKey[k]; ok {
				sets.union(i, j)
			} else {
				byKey[k] = i
			}
		}
	}
	// 2. People: compatible names across groups, when unambiguous.
	mergePeople(recs, sets)
	order, groups := sets.groups()
	out := make([]Entity, 0, len(order))
	for _, r := range order {
		g := groups[r]
		ent := Entity{Type: recs[g[0]].e.Type, Aliases: []string{}, Articles: []string{}, Counts: map[string]int{}, Spans: []Ref{}}
		nameVotes := map[string]int{}
		aliasSet := map[string]bool{}
		for _, i := range g {
			rec := recs[i]
			id := docs[rec.doc].ID
			n := len(rec.e.Mentions)
			if n == 0 {
				n = 1
			}
			ent.Counts[id] += n
			nameVotes[rec.e.Name] += n
			aliasSet[rec.e.Name] = true
			for _, a := range rec.e.Aliases {
				aliasSet[a] = true
			}
			for _, m := range rec.e.Mentions {
				ent.Spans = append(ent.Spans, Ref{Article: id, Start: m.Start, End: m.End})
			}
		}
		ent.Name = pickName(nameVotes)
		for a := range aliasSet {
			ent.Aliases = append(ent.Aliases, a)
		}
		sort.Strings(ent.Aliases)
		for di, d := range docs {
			if ent.Counts[d.ID] > 0 {
				ent.Articles = append(ent.Articles, d.ID)
			}
			_ = di
		}
		out = append(out, ent)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return total(out[i].Counts) > total(out[j].Counts)
	})
	return out
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// pickName picks the canonical name: the fullest name (most words), then
// the most mentioned, then the first in byte order.
func pickName(votes map[string]int) string {
	best := ""
	for n, v := range votes {
		if best == "" {
			best = n
			continue
		}
		wn, wb := len(nameWords(n)), len(nameWords(best))
		switch {
		case wn != wb:
			if wn > wb {
				best = n
			}
		case v != votes[best]:
			if v > votes[best] {
				best = n
			}
		case n < best:
			best = n
		}
	}
	return best
}

// mergePeople joins the people of recs whose names are compatible (see
// compatibleNames), surname by surname. A name and the same name with a
// generational suffix that one article keeps apart are two people in
// every article ("Jesse Jackson" and "Jesse Jackson Jr."), so no join
// puts them in one group. A bare surname
// joins a full name only when just one person of the story has that
// surname, and never one known only with a generational suffix: "Trump"
// alone is not taken for Donald Trump Jr.
func mergePeople(recs []entRec, sets disjoint) {
	find, union := sets.find, sets.union
	bySurname := map[string][]int{}
	var surnames []string
	for i, r := range recs {
		if r.e.Type != news.Person || len(r.full) == 0 {
			continue
		}
		last := parseName(r.full).last
		if _, ok := bySurname[last]; !ok {
			surnames = append(surnames, last)
		}
		bySurname[last] = append(bySurname[last], i)
	}
	sort.Strings(surnames)
	for _, k := range surnames {
		idx := bySurname[k]
		var fulls, bare []int
		for _, i := range idx {
			if len(parseName(recs[i].full).given) > 0 {
				fulls = append(fulls, i)
			} else {
				bare = append(bare, i)
			}
		}
		// suffixes holds, for each group, the generational suffixes its
		// names carry in each article, as bits (see suffixBit); one record
		// per distinct name is compared, as step 1 joined the rest.
		suffixes := map[int]map[int]uint8{}
		var names []int
		seen := map[string]bool{}
		for _, i := range fulls {
			r := find(i)
			if suffixes[r] == nil {
				suffixes[r] = map[int]uint8{}
			}
			suffixes[r][recs[i].doc] |= suffixBit(parseName(recs[i].full).suffix)
			if k := strings.Join(recs[i].full, " "); !seen[k] {
				seen[k] = true
				names = append(names, i)
			}
		}
		// apart reports whether the groups of a and b hold names one article
		// tells apart by a suffix.
		apart := func(ra, rb int) bool {
			for doc, bits := range suffixes[ra] {
				if both := bits | suffixes[rb][doc]; suffixes[rb][doc] != 0 && both&(both-1) != 0 {
					return true
				}
			}
			return false
		}
		for a := 0; a < len(names); a++ {
			for b := a + 1; b < len(names); b++ {
				x, y := names[a], names[b]
				ra, rb := find(x), find(y)
				if ra == rb || !compatibleNames(recs[x].full, recs[y].full) || apart(ra, rb) {
					continue
				}
				r := union(ra, rb)
				other := ra + rb - r
				for doc, bits := range suffixes[other] {
					suffixes[r][doc] |= bits
				}
				delete(suffixes, other)
			}
		}
		roots := map[int]bool{}
		unsuffixed := map[int]bool{}
		for _, i := range fulls {
			r := find(i)
			roots[r] = true
			if parseName(recs[i].full).suffix == "" {
				unsuffixed[r] = true
			}
		}
		for _, i := range bare {
			switch {
			case len(roots) == 1:
				for r := range roots {
					if unsuffixed[r] {
						union(i, r)
					}
				}
			case len(fulls) == 0:
				union(i, bare[0])
			}
		}
	}
}

// suffixBit is a generational suffix ("" for none) as one bit of a set.
func suffixBit(suffix string) uint8 {
	switch suffix {
	case "":
		return 1
	case "jr":
		return 2
	case "sr":
		return 4
	case "ii":
		return 8
	case "iii":
		return 16
	case "iv":
		return 32
	}
	return 64 // "v"
}
