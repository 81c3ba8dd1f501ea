package compare

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// unit is one sentence of one article with its content terms.
type unit struct {
	doc   int
	pos   int // index among the article's sentences
	span  news.Span
	terms []int32   // sorted, unique term ids
	seq   []seqTerm // the terms in text order, repeats kept
	neg   []int32   // sorted ids of the terms that occur negated
	sure  []int32   // sorted ids of the terms that occur after an intensifier
	w     float64   // total weight of terms
	words int
	prose bool // a full sentence of running text (not a caption, a byline or a teaser)
	num   bool // gives a figure
}

// seqTerm is one occurrence of a term in a sentence: its id and its byte
// offset in the sentence's text.
type seqTerm struct{ id, start int32 }

// edge links two related sentences of different articles.
type edge struct {
	a, b   int32
	shared int32   // number of shared terms
	cos    float32 // weighted cosine of the term sets
	cont   float32 // shared weight over the lighter sentence's weight
	// vague is the share of the figure-less sentence's weight found in the
	// other, when exactly one of the two gives a figure; 1 otherwise.
	vague float32
}

// story holds the indexed sentences of one story's articles.
type story struct {
	docs     []news.Document
	units    []unit
	docStart []int // units of doc i are units[docStart[i]:docStart[i+1]]
	dict     map[string]int32
	keys     []string
	anchor   []bool
	df       []int32
	weight   []float64
	postings [][]int32
	edges    []edge
	adj      [][]int32      // unit -> indices into edges
	groups   [][]int32      // facts: the sentences that state each, set by facts
	groupOf  []int32        // unit -> index into groups, -1 for none
	disputed map[int32]bool // sentences that give a figure another article contradicts
	// meanings and judging are the presence judgment's index and scratch
	// space, set by facts; the summary's credits reuse them.
	meanings *meanings
	judging  *judging
	// contested lists, for a sentence that is a side of a reported
	// tension, the articles of the other sides.
	contested map[int32][]int
	// lang is each article's language when they differ (nil when they do
	// not); the summary takes sentences of mainLang only.
	lang     []string
	mainLang string
	// compared counts the pairs measured (of sentences by relate, of
	// figures by the quantity grouping): the work that must grow linearly
	// with the story, which the tests check at N and 2N.
	compared int
	// account is each article's account (the index of its first
	// article): the summary counts the accounts that back a sentence,
	// not the articles. nil counts every article apart.
	account []int
}

// In stories of more than exactUnits sentences, each sentence looks for
// candidates through its probeTerms rarest terms only.
const (
	exactUnits = 2000
	probeTerms = 6
)

// maxLinks caps the links kept from one sentence to the sentences of
// later articles.
const maxLinks = 64

// minEdge is the weakest cosine kept as a relation between two sentences:
// below it two sentences only share common words.
const minEdge = 0.08

func newStory(docs []news.Document) *story {
	s := &story{docs: docs, dict: map[string]int32{}, disputed: map[int32]bool{}}
	var buf []term
	var seqs []seqTerm // one array for every sentence's seq
	for di, d := range docs {
		s.docStart = append(s.docStart, len(s.units))
		sents := d.Sentences
		if len(sents) == 0 {
			sents = paragraphs(d.Text)
		}
		for pi, sp := range sents {
			if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
				continue
			}
			text := d.Text[sp.Start:sp.End]
			buf = terms(text, buf)
			u := unit{doc: di, pos: pi, span: sp, words: countWords(text)}
			first := len(seqs)
			for _, t := range buf {
				id, ok := s.dict[t.key]
				if !ok {
					id = int32(len(s.keys))
					s.dict[t.key] = id
					s.keys = append(s.keys, t.key)
					s.anchor = append(s.anchor, false)
					s.df = append(s.df, 0)
				}
				if t.anchor {
					s.anchor[id] = true
				}
				if t.number && !isYear(t.key) {
					u.num = true
				}
				u.terms = append(u.terms, id)
				seqs = append(seqs, seqTerm{id: id, start: int32(t.start)})
				if t.negated {
					u.neg = append(u.neg, id)
				}
				if t.intense {
					u.sure = append(u.sure, id)
				}
			}
			u.seq = seqs[first:len(seqs):len(seqs)]
			u.terms = sortUnique(u.terms)
			u.neg = sortUnique(u.neg)
			u.sure = sortUnique(u.sure)
			u.prose = isProse(text, len(u.terms))
			s.units = append(s.units, u)
		}
	}
	s.docStart = append(s.docStart, len(s.units))
	s.postings = make([][]int32, len(s.keys))
	for i, u := range s.units {
		for _, t := range u.terms {
			s.df[t]++
			s.postings[t] = append(s.postings[t], int32(i))
		}
	}
	n := float64(len(s.units))
	s.weight = make([]float64, len(s.keys))
	for t := range s.keys {
		w := math.Log(1 + n/float64(s.df[t]))
		if s.anchor[t] {
			w *= 1.5
		}
		s.weight[t] = w
	}
	for i := range s.units {
		u := &s.units[i]
		for _, t := range u.terms {
			u.w += s.weight[t]
		}
	}
	s.link()
	return s
}

// link finds the related sentence pairs through the inverted index: only
// sentences that share a term that is not too common are ever compared, so
// the work grows with the matches, not with the square of the sentences.
func (s *story) link() {
	maxDF := int32(48)
	if c := int32(3 * len(s.docs)); c > maxDF {
		maxDF = c
	}
	seen := make([]bool, len(s.units))
	mark := make([]float64, len(s.keys)) // the weights of sentence i's terms, 0 for the others
	s.edges = make([]edge, 0, 8*len(s.units))
	var touched, probe []int32
	var found links
	for i := range s.units {
		u := &s.units[i]
		if len(u.terms) == 0 {
			continue
		}
		for _, t := range u.terms {
			mark[t] = s.weight[t]
		}
		next := int32(s.docStart[u.doc+1]) // only later articles
		probe = probe[:0]
		for _, t := range u.terms {
			if s.df[t] >= 2 && s.df[t] <= maxDF {
				probe = append(probe, t)
			}
		}
		// In a big story, only the rarest terms find candidates: two
		// sentences that state one fact share some of them.
		if len(s.units) > exactUnits && len(probe) > probeTerms {
			slices.SortFunc(probe, func(x, y int32) int {
				if s.df[x] != s.df[y] {
					return cmp.Compare(s.df[x], s.df[y])
				}
				return cmp.Compare(x, y)
			})
			probe = probe[:probeTerms]
		}
		for _, t := range probe {
			p := s.postings[t]
			k := sort.Search(len(p), func(k int) bool { return p[k] >= next })
			for _, j := range p[k:] {
				if !seen[j] {
					seen[j] = true
					touched = append(touched, j)
				}
			}
		}
		found.reset()
		for _, j := range touched {
			seen[j] = false
			if e, ok := s.relateMarked(int32(i), j, mark); ok {
				found.add(e)
			}
		}
		touched = touched[:0]
		for _, t := range u.terms {
			mark[t] = 0
		}
		s.edges = append(s.edges, found.strongest()...)
	}
	// Adjacency lists carved out of one array.
	deg := make([]int32, len(s.units)+1)
	for _, e := range s.edges {
		deg[e.a]++
		deg[e.b]++
	}
	all := make([]int32, 2*len(s.edges))
	s.adj = make([][]int32, len(s.units))
	off := int32(0)
	for i := range s.units {
		s.adj[i] = all[off : off : off+deg[i]]
		off += deg[i]
	}
	for k, e := range s.edges {
		s.adj[e.a] = append(s.adj[e.a], int32(k))
		s.adj[e.b] = append(s.adj[e.b], int32(k))
	}
}

// links gathers the links of one sentence to later ones and keeps the
// strongest maxLinks: enough for every use (a fact takes one sentence per
// article, centrality the best ones), and the work stays linear in the
// sentences however alike they are.
type links struct {
	e    []edge
	heap bool // e holds maxLinks links as a heap, the weakest at the root
}

func (l *links) reset() { l.e, l.heap = l.e[:0], false }

// weaker reports whether link x ranks after y: a lower cosine, then the
// later sentence.
func weaker(x, y edge) bool {
	if x.cos != y.cos {
		return x.cos < y.cos
	}
	return x.b > y.b
}

func (l *links) add(e edge) {
	if !l.heap {
		l.e = append(l.e, e)
		if len(l.e) <= maxLinks {
			return
		}
		l.heap = true
		for k := len(l.e)/2 - 1; k >= 0; k-- {
			l.down(k)
		}
		l.e[0] = l.e[len(l.e)-1]
		l.e = l.e[:len(l.e)-1]
		l.down(0)
		return
	}
	if weaker(l.e[0], e) {
		l.e[0] = e
		l.down(0)
	}
}

// down restores the heap below k.
func (l *links) down(k int) {
	for {
		c := 2*k + 1
		if c >= len(l.e) {
			return
		}
		if c+1 < len(l.e) && weaker(l.e[c+1], l.e[c]) {
			c++
		}
		if !weaker(l.e[c], l.e[k]) {
			return
		}
		l.e[k], l.e[c] = l.e[c], l.e[k]
		k = c
	}
}

// strongest returns the links kept: in the order they were added when
// there were at most maxLinks, else the strongest first.
func (l *links) strongest() []edge {
	if l.heap {
		slices.SortFunc(l.e, func(x, y edge) int {
			if x.cos != y.cos {
				return cmp.Compare(y.cos, x.cos)
			}
			return cmp.Compare(x.b, y.b)
		})
	}
	return l.e
}

// relate measures two sentences over all their terms.
func (s *story) relate(a, b int32) (edge, bool) {
	s.compared++
	ua, ub := &s.units[a], &s.units[b]
	shared, n := 0.0, 0
	i, j := 0, 0
	for i < len(ua.terms) && j < len(ub.terms) {
		switch {
		case ua.terms[i] < ub.terms[j]:
			i++
		case ua.terms[i] > ub.terms[j]:
			j++
		default:
			shared += s.weight[ua.terms[i]]
			n++
			i++
			j++
		}
	}
	return s.edgeOf(a, b, shared, n)
}

// relateMarked is relate with the weights of a's terms set in mark (0 for
// the other terms): the same sums in the same order, without walking a's
// terms again for every b.
func (s *story) relateMarked(a, b int32, mark []float64) (edge, bool) {
	s.compared++
	shared, n := 0.0, 0
	for _, t := range s.units[b].terms {
		if w := mark[t]; w != 0 {
			shared += w
			n++
		}
	}
	return s.edgeOf(a, b, shared, n)
}

// edgeOf is the edge between a and b that share n terms of weight shared,
// and whether it is strong enough to keep.
func (s *story) edgeOf(a, b int32, shared float64, n int) (edge, bool) {
	ua, ub := &s.units[a], &s.units[b]
	if n == 0 || ua.w == 0 || ub.w == 0 {
		return edge{}, false
	}
	e := edge{a: a, b: b, shared: int32(n), cos: float32(shared / math.Sqrt(ua.w*ub.w)), cont: float32(shared / math.Min(ua.w, ub.w)), vague: 1}
	switch {
	case ua.num && !ub.num:
		e.vague = float32(shared / ub.w)
	case ub.num && !ua.num:
		e.vague = float32(shared / ua.w)
	}
	return e, e.cos >= minEdge
}

// same reports whether an edge links two sentences that state the same
// fact: most of their weighted content is shared, or the shorter one is
// nearly contained in the longer one.
//
// A sentence that gives a figure and one that does not state the same fact
// only when the vaguer one says nothing the other does not: "all troops
// will leave" is "all 39,000 troops will leave", but "leaders were split
// over whether troops should stay" is not "leaders wanted 5,000 troops to
// stay".
func (e edge) same() bool {
	if e.shared < 2 || e.vague < 0.8 {
		return false
	}
	return e.cos >= 0.36 || e.cont >= 0.62 && e.shared >= 4
}

// score orders fact candidates.
func (e edge) score() float64 { return float64(e.cos) + 0.5*float64(e.cont) }

func (s *story) text(u int32) string {
	x := &s.units[u]
	return s.docs[x.doc].Text[x.span.Start:x.span.End]
}

func (s *story) ref(u int32) Ref {
	x := &s.units[u]
	return Ref{Article: s.docs[x.doc].ID, Start: x.span.Start, End: x.span.End}
}

// unitAt returns the sentence of doc that holds byte offset off, or -1.
func (s *story) unitAt(doc, off int) int32 {
	us := s.units[s.docStart[doc]:s.docStart[doc+1]]
	k := sort.Search(len(us), func(k int) bool { return us[k].span.End > off })
	if k < len(us) && us[k].span.Start <= off {
		return int32(s.docStart[doc] + k)
	}
	return -1
}

// isYear reports whether a number term ("#2003") reads as a year, which
// dates a statement rather than giving a figure.
func isYear(key string) bool {
	if len(key) != 5 {
		return false
	}
	return key[1:3] == "19" || key[1:3] == "20"
}

func sortUnique(x []int32) []int32 {
	if len(x) < 2 {
		return x
	}
	sort.Slice(x, func(i, j int) bool { return x[i] < x[j] })
	out := x[:1]
	for _, v := range x[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// paragraphs splits text on line breaks, for documents that come without
// sentence spans.
func paragraphs(text string) []news.Span {
	var out []news.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			a, b := start, i
			for a < b && isSpace(text[a]) {
				a++
			}
			for b > a && isSpace(text[b-1]) {
				b--
			}
			if b > a {
				out = append(out, news.Span{Start: a, End: b})
			}
			start = i + 1
		}
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := isSpace(s[i])
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// isProse tells running text from captions, bylines, link teasers and
// site furniture: a sentence ends with terminal punctuation, has a few
// content words and no boilerplate phrase.
func isProse(text string, nterms int) bool {
	t := strings.TrimSpace(text)
	if nterms < 3 || len(t) < 20 {
		return false
	}
	last := t[len(t)-1]
	switch {
	case last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ')':
	case strings.HasSuffix(t, "”") || strings.HasSuffix(t, "’"):
	default:
		return false
	}
	lower := strings.ToLower(t)
	for _, b := range boilerplate {
		if strings.Contains(lower, b) {
			return false
		}
	}
	return true
}

// boilerplate are phrases of site furniture that never belong in a fact.
var boilerplate = []string{
	"click here", "sign up", "all rights reserved", "copyright ©", "contributed to this report",
	"follow us", "read more", "subscribe", "newsletter", "cookie", "terms of use", "privacy policy",
	"share this", "related articles", "advertisement", "reporting by", "editing by", "this story has been",
	"this article has been", "for more news", "download the app",
}
