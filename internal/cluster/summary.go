package cluster

import (
	"cmp"
	"slices"
	"strings"
)

// info summarises a story.
func (s *story) info() Story {
	for i := range s.members {
		m := &s.members[i]
		m.Assignment.Story, m.Assignment.New = s.id, i == 0
	}
	st := Story{ID: s.id, Size: len(s.members), Unique: s.unique, Outlets: slices.Clone(s.outlets), Members: s.members, Follows: s.follows, Closed: s.closed}
	if s.dated {
		st.First, st.Last = s.first, s.last
	}
	st.Title = s.title()
	s.keywords(&st)
	return st
}

// title returns the story's title: the headline of the member closest to
// the centroid among those that read as news (newsHeadline: no opinion or
// analysis piece, question or digest), else among the other headlines of
// three words or more ("APR 28", a dateline taken for a headline, is not
// one), else the start of a member's text.
func (s *story) title() string {
	var title string
	bestDot, bestRank := -1.0, -1
	for _, r := range s.reps {
		if r.title == "" {
			continue
		}
		rank := 3
		switch {
		case r.titleMade:
			rank = 1
		case len(strings.Fields(r.title)) < 3:
			rank = 0
		case !newsHeadline(r.title, s.source(r.id)):
			rank = 2
		}
		if rank < bestRank {
			continue
		}
		if rank > bestRank {
			bestDot, bestRank = -1, rank
		}
		var d float64
		for j, k := range r.keys {
			if i := s.cidx.get(k); i >= 0 {
				d += float64(r.vals[j]) * float64(s.cvals[i])
			}
		}
		if d > bestDot {
			bestDot, title = d, r.title
		}
	}
	if title != "" {
		return title
	}
	for _, m := range s.members {
		if m.Title != "" {
			return m.Title
		}
	}
	return ""
}

// source returns the outlet of the member with the id, "" when it is not
// a member.
func (s *story) source(id string) string {
	for i := range s.members {
		if s.members[i].ID == id {
			return s.members[i].Source
		}
	}
	return ""
}

// keywords fills the people, places, names and terms of st from the
// story's indexed features, strongest in the centroid first.
func (s *story) keywords(st *Story) {
	type kw struct {
		l label
		w float32
		k uint64
	}
	var kws []kw
	var terms []string
	for k, l := range s.labels {
		w := float32(0)
		if i := s.cidx.get(k); i >= 0 {
			w = s.cvals[i]
		}
		kws = append(kws, kw{l, w, k})
	}
	slices.SortFunc(kws, func(a, b kw) int {
		if x := cmp.Compare(b.w, a.w); x != 0 {
			return x
		}
		return cmp.Compare(a.k, b.k)
	})
	for _, x := range kws {
		switch x.l.kind {
		case Person:
			if len(st.People) < 2*maxNames {
				st.People = append(st.People, x.l.text)
			}
		case Place:
			if len(st.Places) < 2*maxNames {
				st.Places = append(st.Places, x.l.text)
			}
		case Name:
			if len(st.Names) < 6 {
				st.Names = append(st.Names, x.l.text)
			}
		case Word:
			if len(terms) < 3*maxTerms {
				terms = append(terms, x.l.text)
			}
		}
	}
	// A name the analysis took for a person in one article and a place in
	// another (a one-word town) is shown once, where it weighs more.
	st.People, st.Places = splitNames(st.People, st.Places, maxNames)
	st.Terms = distinctTerms(terms, st.People, st.Places, maxTerms)
}

// maxNames and maxTerms are the people or places and the terms a story
// shows.
const (
	maxNames = 5
	maxTerms = 8
)

// splitNames returns up to n people and n places, strongest first,
// dropping from each list the names that come earlier in the other (from
// the people when they come at the same place).
func splitNames(people, places []string, n int) ([]string, []string) {
	pos := func(list []string) map[string]int {
		m := map[string]int{}
		for i, x := range list {
			if _, ok := m[strings.ToLower(x)]; !ok {
				m[strings.ToLower(x)] = i
			}
		}
		return m
	}
	inPeople, inPlaces := pos(people), pos(places)
	keep := func(list []string, other map[string]int, tie bool) []string {
		var out []string
		for i, x := range list {
			if j, ok := other[strings.ToLower(x)]; ok && (j < i || tie && j == i) {
				continue
			}
			if len(out) < n && !slices.ContainsFunc(out, func(y string) bool { return strings.HasSuffix(y, " "+x) }) {
				out = append(out, x) // not "Okafor" after "Ruth Okafor"
			}
		}
		return out
	}
	return keep(people, inPlaces, true), keep(places, inPeople, false)
}

// distinctTerms returns up to n of the terms, strongest first, that say
// something the story's people, places and other terms do not: a term
// with a word of its names ("Marlow", "Marlow campaign" next to "Dana
// Marlow"), a word of a two-word term ("City" next to "City Hall") and
// a term shown in other letters ("Comments", "comments") are left out.
func distinctTerms(terms, people, places []string, n int) []string {
	shown := map[string]bool{}
	for _, list := range [][]string{people, places} {
		for _, name := range list {
			for _, w := range strings.Fields(strings.ToLower(name)) {
				shown[strings.TrimSuffix(w, "'s")] = true
			}
		}
	}
	inPair := map[string]bool{}
	for _, t := range terms {
		if ws := strings.Fields(strings.ToLower(t)); len(ws) > 1 {
			for _, w := range ws {
				inPair[w] = true
			}
		}
	}
	var out []string
	for _, t := range terms {
		low := strings.ToLower(t)
		ws := strings.Fields(low)
		named := false
		for _, w := range ws {
			named = named || shown[strings.TrimSuffix(w, "'s")]
		}
		if named || len(ws) == 1 && inPair[low] {
			continue
		}
		shown[low] = true // a repeat in other letters is named now
		out = append(out, t)
		if len(out) == n {
			break
		}
	}
	return out
}
