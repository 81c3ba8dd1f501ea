package compare

import (
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
)

// entRec is one article's entity during the merge.
type entRec struct {
	doc  int
	e    news.Entity
	full []string // name words, normalised (see nameWords)
}

// nameWords splits a name into normalised words: lower case, dots dropped
// ("W." = "W"), an Arabic-style article prefix dropped ("al-Maliki" =
// "Maliki"), honorifics dropped.
func nameWords(name string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		f = strings.ToLower(strings.ReplaceAll(f, ".", ""))
		f = strings.ReplaceAll(f, "’", "'")
		for _, p := range []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-"} {
			if strings.HasPrefix(f, p) && len(f) > len(p)+2 {
				f = f[len(p):]
				break
			}
		}
		f = strings.TrimSuffix(f, "'s")
		if f == "" || honorific[f] {
			continue
		}
		out = append(out, f)
	}
	return out
}

var honorific = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "president": true, "prime": true,
	"minister": true, "sen": true, "senator": true, "rep": true, "gov": true, "governor": true, "gen": true,
	"general": true, "secretary": true, "king": true, "queen": true, "prince": true, "princess": true,
	"judge": true, "justice": true, "mayor": true, "chancellor": true, "pope": true, "lord": true, "lady": true,
	"the": true, "former": true, "vice": true, "colonel": true, "col": true, "lt": true, "sgt": true,
}

// compatibleNames reports whether two person names can be the same person:
// the same last word, and given names that agree where both have them
// (an initial matches a name with that first letter).
func compatibleNames(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	if len(a) == 1 || len(b) == 1 {
		return true
	}
	// First given names must agree.
	x, y := a[0], b[0]
	if x == y {
		return true
	}
	if len(x) == 1 || len(y) == 1 {
		return x[0] == y[0]
	}
	return false
}

// mergeEntities merges the articles' entities into one list: names that
// normalise to the same words are one entity; a person named by last name
// only joins the one full name it fits, and stays apart when several fit.
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
	parent := make([]int, len(recs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
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
				union(i, j)
			} else {
				byKey[k] = i
			}
		}
	}
	// 2. People: compatible names across groups, when unambiguous.
	var people []int
	for i, r := range recs {
		if r.e.Type == news.Person && len(r.full) > 0 {
			people = append(people, i)
		}
	}
	bySurname := map[string][]int{}
	for _, i := range people {
		last := recs[i].full[len(recs[i].full)-1]
		bySurname[last] = append(bySurname[last], i)
	}
	surnames := make([]string, 0, len(bySurname))
	for k := range bySurname {
		surnames = append(surnames, k)
	}
	sort.Strings(surnames)
	for _, k := range surnames {
		idx := bySurname[k]
		// Full names (two words or more) grouped by compatibility.
		var fulls []int
		for _, i := range idx {
			if len(recs[i].full) > 1 {
				fulls = append(fulls, i)
			}
		}
		for a := 0; a < len(fulls); a++ {
			for b := a + 1; b < len(fulls); b++ {
				if compatibleNames(recs[fulls[a]].full, recs[fulls[b]].full) {
					union(fulls[a], fulls[b])
				}
			}
		}
		roots := map[int]bool{}
		for _, i := range fulls {
			roots[find(i)] = true
		}
		for _, i := range idx {
			if len(recs[i].full) == 1 && len(roots) == 1 {
				for r := range roots {
					union(i, r)
				}
			} else if len(recs[i].full) == 1 && len(fulls) == 0 {
				union(i, idx[0])
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for i := range recs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], i)
	}
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
