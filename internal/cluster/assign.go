package cluster

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// story is an active story.
type story struct {
	id      string
	seq     int       // creation order, for ties
	lastSeq int       // when an article last joined
	openSeq int       // when a dated article last joined, or the story opened (see sweep)
	closed  string    // why it left the active set (Story.Closed)
	first   time.Time // the span of the dated members
	last    time.Time
	dated   bool
	follows string // see Story.Follows
	undated int    // members without a usable date
	// The centroid, the sum of the members' unit vectors, as parallel
	// slices in order of first occurrence, with an index.
	ckeys   []uint64
	cvals   []float32
	cidx    table
	norm2   float64
	labels  map[uint64]label // readable forms of the indexed features
	reps    []rep            // the most recent members' vectors
	vecs    []rep            // the first splitCap unique members' vectors, for the split test (at least coreFirst)
	medoid  int              // the index in vecs of the most central member at the last split test; 0 before
	check   int              // the unique count at which to test a split next
	members []Member
	outlets []string
	unique  int
	dupRefs []*dupRef // this story's entries in the duplicate index
	evicted bool
}

type label struct {
	kind Kind
	text string
}

// rep is a member's strongest features.
type rep struct {
	id        string
	title     string
	titleMade bool // the title is the start of the text
	keys      []uint64
	vals      []float32
	sig       *Signature
}

// vec is an article's unit TF-IDF vector, with an index from key to
// position and its strongest features.
type vec struct {
	keys  []uint64
	vals  []float32
	terms []Feature // the article's features, for their kinds and texts
	tab   table
	top   []int // indexes of the repTerms strongest features, strongest first
	sig   *Signature
}

const (
	queryTerms  = 40  // an article's strongest features looked up in the index
	indexTerms  = 32  // a member's strongest features put in the index
	maxPostings = 256 // most recent stories read per posting list
	maxCands    = 8   // candidates scored in full
	maxReps     = 6   // member vectors kept per story
	repTerms    = 96  // features kept per member vector
	dupIndexed  = 4   // smallest sketch values indexed for duplicates
	sweepEvery  = 256
)

// vector counts f in the document frequencies and returns its unit vector.
func (c *Clusterer) vector(f *Features) vec {
	c.n++
	if c.n > float64(c.limits.DocFreq) {
		c.halveDF()
	}
	n := len(f.Terms)
	// v's arrays and index live until the next article: they are reused.
	c.tab.reset(4 * n)
	if cap(c.keys) < n {
		c.keys, c.vals = make([]uint64, n), make([]float32, n)
	}
	v := vec{keys: c.keys[:n], vals: c.vals[:n], terms: f.Terms, tab: c.tab, sig: &f.Sig}
	for i, ft := range f.Terms {
		v.tab.slot(ft.Key, int32(i))
	}
	logN := math.Log(c.n+1) + 1
	var norm float64
	for i, ft := range f.Terms {
		var df uint32
		if ft.Pair {
			df = c.pairDF.add(ft.Key)
		} else {
			df = c.df.inc(ft.Key)
		}
		x := float64(c.w[ft.Kind]) * float64(tfWeight(ft.TF)) * (logN - log1(df))
		v.keys[i], v.vals[i] = ft.Key, float32(x)
		norm += x * x
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range v.vals {
			v.vals[i] *= inv
		}
	}
	v.top = strongest(v.keys, v.vals, repTerms)
	return v
}

type scored struct {
	s        *story
	score    float64
	cent     float64
	member   float64
	memberID string
	// sig is what the event signatures added to the score (signature.go);
	// agree and conflict are its channels.
	sig      float64
	agree    [numSig]float64
	conflict [numSig]bool
	core     float64 // see coreSim; 0 when not computed
}

// fitting is whether an article may join a story in time.
type fitting int8

const (
	fitOK     fitting = iota
	fitWindow         // outside the window
	fitSpan           // within the window, but the span would pass MaxSpan
)

// fits reports whether an article at time t (its own when dated, else the
// stream's) may join s.
func (c *Clusterer) fits(s *story, t time.Time, dated bool) bool {
	return c.fit(s, t, t, dated) == fitOK
}

// fit says whether articles from lo to hi may join s: a dated article
// within the window around the story's dated members, and without
// stretching their span past MaxSpan. Undated articles take the stream's time, which says
// when they came, not what period they report: they do not count in a
// story's dated span, and a dated article is judged against the dated
// members only.
func (c *Clusterer) fit(s *story, lo, hi time.Time, dated bool) fitting {
	if !dated || !s.dated {
		return fitOK
	}
	if c.window >= 0 && (lo.Before(s.first.Add(-c.window)) || hi.After(s.last.Add(c.window))) {
		return fitWindow
	}
	if c.maxSpan >= 0 && later(hi, s.last).Sub(earlier(lo, s.first)) > c.maxSpan {
		return fitSpan
	}
	return fitOK
}

// need is the similarity an article, dated or not, needs to join s.
func (c *Clusterer) need(s *story, dated bool) float64 {
	if !dated && s.dated {
		return c.undatedT
	}
	return c.thresh
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// ranking counts what rank compared and refused.
type ranking struct {
	n           int // candidates compared
	outside     int // refused for time
	outsideSpan int // of those, for MaxSpan only
	offCore     int // refused for the chaining cap
	// follows is the best story refused only for its span that the
	// article resembles above the threshold, or nil.
	follows *story
}

// rank finds the candidate stories through the index and returns the best
// two that fit in time, whose core the article resembles (offCore) and,
// for an undated article, that clear the undated threshold when they hold
// dated articles (need).
func (c *Clusterer) rank(v vec, t time.Time, dated bool) (best, second scored, rk ranking) {
	hits := c.newHits()
	for _, i := range v.top[:min(queryTerms, len(v.top))] {
		c.lookUp(hits, v.keys[i], v.vals[i], nil)
	}
	followScore := c.thresh
	for _, cd := range ranked(hits) {
		switch c.fit(cd.s, t, t, dated) {
		case fitSpan:
			rk.outside++
			rk.outsideSpan++
			if sc := c.score(v, cd.s); sc.score >= followScore {
				rk.follows, followScore = cd.s, sc.score
			}
			continue
		case fitWindow:
			rk.outside++
			continue
		}
		rk.n++
		sc := c.score(v, cd.s)
		if sc.score < c.need(cd.s, dated) && sc.score >= c.thresh {
			continue // an undated article, not close enough to a dated story
		}
		if sc.score >= c.thresh {
			var off bool
			if off, sc.core = c.offCore(v, cd.s); off {
				rk.offCore++
				continue
			}
		}
		if sc.score > best.score || (sc.score == best.score && best.s != nil && sc.s.seq < best.s.seq) {
			best, second = sc, best
		} else if sc.score > second.score {
			second = sc
		}
	}
	return best, second, rk
}

// newHits returns the empty map of hits for one look-up: one map, cleared
// each time, rather than one per look-up.
func (c *Clusterer) newHits() map[*story]float64 {
	if c.hits == nil {
		c.hits = make(map[*story]float64)
	}
	clear(c.hits)
	return c.hits
}

// lookUp adds w to the hits of the active stories (that keep accepts,
// when keep is not nil) posted under key, the most recent maxPostings.
func (c *Clusterer) lookUp(hits map[*story]float64, key uint64, w float32, keep func(*story) bool) {
	list := c.postings[key]
	if len(list) > maxPostings {
		list = list[len(list)-maxPostings:]
	}
	for _, s := range list {
		if !s.evicted && (keep == nil || keep(s)) {
			hits[s] += float64(w)
		}
	}
}

// ranked returns the maxCands stories with the most hits, most first,
// ties to the older (then by id: a story split off shares its parent's
// seq): one pass that keeps the best few in order.
func ranked(hits map[*story]float64) []scored {
	cands := make([]scored, 0, maxCands)
	before := func(a, b scored) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		if a.s.seq != b.s.seq {
			return a.s.seq < b.s.seq
		}
		return a.s.id < b.s.id
	}
	for s, h := range hits {
		x := scored{s: s, score: h}
		if len(cands) == maxCands && !before(x, cands[maxCands-1]) {
			continue
		}
		i := len(cands)
		if i < maxCands {
			cands = append(cands, x)
		} else {
			i--
		}
		for ; i > 0 && before(x, cands[i-1]); i-- {
			cands[i] = cands[i-1]
		}
		cands[i] = x
	}
	return cands
}

// score combines the cosine with the centroid and with the closest member.
func (c *Clusterer) score(v vec, s *story) scored {
	var dot float64
	if len(s.ckeys) < len(v.keys) {
		for j, k := range s.ckeys {
			if i := v.tab.get(k); i >= 0 {
				dot += float64(v.vals[i]) * float64(s.cvals[j])
			}
		}
	} else {
		for i, k := range v.keys {
			if j := s.cidx.get(k); j >= 0 {
				dot += float64(v.vals[i]) * float64(s.cvals[j])
			}
		}
	}
	cent := 0.0
	if s.norm2 > 0 {
		cent = dot / math.Sqrt(s.norm2)
	}
	mem, memID := 0.0, ""
	for _, r := range s.reps {
		if d := repDot(v, r); d > mem {
			mem, memID = d, r.id
		}
	}
	sc := scored{s: s, score: (cent + mem) / 2, cent: cent, member: mem, memberID: memID}
	c.weighSignature(&sc, v, s)
	return sc
}

// open starts a story for f and, when evict is set and the active set is
// full, closes the least recently joined stories.
func (c *Clusterer) open(f *Features, t time.Time, dated, evict bool) *story {
	base := "s-" + fmt.Sprintf("%010x", hashString(0, f.ID)>>24)
	id := base
	for k := 2; c.active[id] != nil; k++ {
		id = fmt.Sprintf("%s-%d", base, k)
	}
	s := &story{
		id: id, seq: c.seq, lastSeq: c.seq, openSeq: c.seq, first: t, last: t, dated: dated, check: splitMin,
		cidx: newTable(2 * len(f.Terms)), labels: make(map[uint64]label, indexTerms),
	}
	c.active[id] = s
	c.stats.Stories++
	c.stats.PeakActive = max(c.stats.PeakActive, len(c.active))
	if evict && len(c.active) > c.maxAct {
		c.evictOldest()
	}
	return s
}

// join adds an article to s; dupOf is the original when it is a
// near-duplicate, which then adds nothing to the centroid. It returns the
// id of the story the article is in afterwards: a split test may move it.
func (c *Clusterer) join(s *story, f *Features, v vec, dupOf string, a Assignment) string {
	s.lastSeq = c.seq
	if a.TimeNote == "" {
		s.openSeq = c.seq
	}
	title := f.Title
	if f.titleMade {
		title = "" // a member's title is its own headline
	}
	s.add(Member{ID: f.ID, Source: f.Source, Title: title, Published: f.Published, DuplicateOf: dupOf, Assignment: a})
	if dupOf != "" {
		// A copy's sketch is not indexed: later copies find the original.
		return s.id
	}
	c.indexSketch(s, f)
	c.addVector(s, v.keys, v.vals)
	c.addRep(s, f, v)
	c.index(s, v)
	if c.split > 0 && s.unique == len(s.vecs) && s.unique >= max(s.check, splitMin) {
		if t := c.trySplit(s); t != nil && slices.ContainsFunc(t.members, func(m Member) bool { return m.ID == f.ID }) {
			return t.id
		}
	}
	return s.id
}

// indexSketch puts f's sketch in the duplicate index, under s.
func (c *Clusterer) indexSketch(s *story, f *Features) {
	if len(f.Sketch) == 0 || c.dupT > 1 {
		return
	}
	r := &dupRef{s: s, id: f.ID, sketch: f.Sketch}
	for _, k := range f.Sketch[:min(dupIndexed, len(f.Sketch))] {
		c.dups[k] = append(c.dups[k], r)
	}
	s.dupRefs = append(s.dupRefs, r)
}

// addRep keeps the member's strongest features among the story's most
// recent members (s.reps) and, while there is room, its first ones for the
// split test (s.vecs).
func (c *Clusterer) addRep(s *story, f *Features, v vec) {
	r := rep{id: f.ID, title: f.Title, titleMade: f.titleMade, keys: make([]uint64, len(v.top)), vals: make([]float32, len(v.top))}
	if v.sig != nil {
		// A copy: v.sig points into the article's Features, which hold
		// its text.
		sg := *v.sig
		r.sig = &sg
	}
	for j, i := range v.top {
		r.keys[j], r.vals[j] = v.keys[i], v.vals[i]
	}
	if len(s.reps) >= maxReps {
		copy(s.reps, s.reps[1:])
		s.reps = s.reps[:maxReps-1]
	}
	s.reps = append(s.reps, r)
	if c.split > 0 && len(s.vecs) < splitCap || len(s.vecs) < coreFirst {
		s.vecs = append(s.vecs, r)
	}
}

// index posts s under the member's indexTerms strongest features that the
// story is not yet posted under, and keeps their readable forms.
func (c *Clusterer) index(s *story, v vec) {
	for _, i := range v.top[:min(indexTerms, len(v.top))] {
		k := v.keys[i]
		if _, ok := s.labels[k]; ok {
			continue
		}
		s.labels[k] = label{kind: v.terms[i].Kind, text: strings.Clone(v.terms[i].Text)}
		c.postings[k] = append(c.postings[k], s)
	}
}

// add appends m to the story's members and counts it in the story's
// unique members, span and outlets.
func (s *story) add(m Member) {
	s.members = append(s.members, m)
	if m.DuplicateOf == "" {
		s.unique++
	}
	switch at := m.Assignment.Time; {
	case !m.dated():
		s.undated++
	case !s.dated:
		s.first, s.last, s.dated = at, at, true
	case at.Before(s.first):
		s.first = at
	case at.After(s.last):
		s.last = at
	}
	if m.Source != "" && !slices.Contains(s.outlets, m.Source) {
		s.outlets = append(s.outlets, m.Source)
	}
}

// addVector adds a member's vector to the story's centroid; s.norm2
// tracks |sum|^2 incrementally.
func (c *Clusterer) addVector(s *story, keys []uint64, vals []float32) {
	for i, k := range keys {
		y := vals[i]
		j, ok := s.cidx.slot(k, int32(len(s.ckeys)))
		if !ok {
			s.ckeys = append(s.ckeys, k)
			s.cvals = append(s.cvals, y)
			s.norm2 += float64(y) * float64(y)
			continue
		}
		x := s.cvals[j]
		s.cvals[j] = x + y
		s.norm2 += 2*float64(x)*float64(y) + float64(y)*float64(y)
	}
	if len(s.ckeys) > 3*c.limits.Centroid {
		c.pruneCentroid(s)
	}
}

// pruneCentroid keeps a large story's Limits.Centroid strongest features.
func (c *Clusterer) pruneCentroid(s *story) {
	n := c.limits.Centroid
	keep := strongest(s.ckeys, s.cvals, n)
	slices.Sort(keep) // keep the order of first occurrence
	keys := make([]uint64, len(keep), 3*n)
	vals := make([]float32, len(keep), 3*n)
	s.cidx = newTable(4 * n)
	s.norm2 = 0
	for j, i := range keep {
		keys[j], vals[j] = s.ckeys[i], s.cvals[i]
		s.cidx.slot(keys[j], int32(j))
		s.norm2 += float64(vals[j]) * float64(vals[j])
	}
	s.ckeys, s.cvals = keys, vals
}

// explainShared lists the features v shares with s, strongest first.
func (c *Clusterer) explainShared(ex *Explanation, v vec, s *story) {
	type sh struct {
		i int
		w float64
	}
	var shared []sh
	for i, k := range v.keys {
		if j := s.cidx.get(k); j >= 0 {
			shared = append(shared, sh{i, float64(v.vals[i]) * float64(s.cvals[j])})
		}
	}
	slices.SortFunc(shared, func(a, b sh) int {
		if x := cmp.Compare(b.w, a.w); x != 0 {
			return x
		}
		return cmp.Compare(v.keys[a.i], v.keys[b.i])
	})
	const per = 8
	for _, x := range shared {
		var dst *[]string
		switch v.terms[x.i].Kind {
		case Person:
			dst = &ex.People
		case Place:
			dst = &ex.Places
		case Org:
			dst = &ex.Orgs
		case Name:
			dst = &ex.Names
		case Number:
			dst = &ex.Numbers
		case DateExpr:
			dst = &ex.Dates
		default:
			dst = &ex.Terms
		}
		if len(*dst) < per {
			*dst = append(*dst, v.terms[x.i].Text)
		}
	}
}
