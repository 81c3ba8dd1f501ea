package compare

import (
	"math"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/token"
)

// Evidence is where an article reports a fact: the sentence that states
// it, or the stretch of neighbouring sentences that carries most of the
// fact's content.
type Evidence struct {
	Article string `json:"article"`
	// Sentence is the index, among the article's sentences, of the
	// sentence that carries most of the fact's content.
	Sentence int `json:"sentence"`
	Start    int `json:"start"` // byte range of the article's Text: the sentences that carry the content
	End      int `json:"end"`
	// Aligned is true when the sentence states the fact as a whole (it is
	// one of the fact's Spans), false when the content was found spread
	// over the article's words.
	Aligned bool `json:"aligned"`
}

// Presence is the verdict on one article for one fact.
type presence int8

const (
	reported presence = iota
	unclear
	notReported
)

// The thresholds of the presence judgment, as shares of a claim's
// weighted content (IDF within the story). They were set on the
// development gold stories (scripts/eval-compare, bench and dev sets) so
// that at least nine in ten "leaves it out" claims are right: a false
// omission is an accusation, a missed one only a gap.
const (
	// reportShare is the share of a claim's content that a window of
	// neighbouring sentences of the other article must hold for the
	// article to report it.
	reportShare = 0.5
	// An article leaves a claim out when it names none of the claim's key
	// names and numbers, holds less than omitShare of the claim's content
	// anywhere and less than omitWindow in any window; a claim without
	// key names needs less still (omitShareBare, omitWindowBare).
	omitShare      = 0.2
	omitWindow     = 0.15
	omitShareBare  = 0.15
	omitWindowBare = 0.1
	// A name or number that at least ownMin articles and ownShare of them
	// give is the story's own (the country, the main actor), not a key of
	// one fact: naming it does not report the fact.
	ownMin   = 3
	ownShare = 0.7
	// window is how many sentences on each side of a sentence a claim's
	// content may be spread over.
	window = 1
	// maxJudged caps the sentences of a fact whose wording is looked for;
	// in a story of more than exactUnits sentences, only the central one.
	maxJudged = 3
)

// meanings indexes every sentence by its meanings: its terms with the
// paraphrases of the lexicon's synonym groups folded together ("postponed",
// "pushed back" and "delay" are one meaning).
type meanings struct {
	of       []int32 // term id -> meaning id
	phrase   map[string]int32
	units    [][]int32 // unit -> sorted unique meaning ids
	phr      [][]int32 // unit -> the meanings of its two-word phrases, in text order
	doc      []int32   // unit -> its article
	anchor   []bool
	weight   []float64
	postings [][]int32
	docs     []int32 // meaning -> the articles that hold it
	// common is the most sentences a meaning may be in and still count:
	// a word of every other sentence says nothing about one fact, and
	// walking its sentences for every fact would make the work quadratic.
	common int
}

// newMeanings builds the meaning index of the story's sentences.
func (s *story) newMeanings(lx *lexicon.Lexicon) *meanings {
	group := map[string]string{} // term key -> group name
	phrase := map[string]string{}
	for _, g := range lx.SynonymGroups() {
		name := "~" + g[0]
		for _, w := range g {
			if first, rest, ok := strings.Cut(w, " "); ok {
				phrase[stem(first)+" "+rest] = name
				continue
			}
			group[wordKey(w, w, false)] = name
		}
	}
	m := &meanings{of: make([]int32, len(s.keys)), phrase: map[string]int32{}, common: max(64, 2*len(s.docs))}
	ids := map[string]int32{}
	intern := func(key string, anchor bool) int32 {
		id, ok := ids[key]
		if !ok {
			id = int32(len(m.anchor))
			ids[key] = id
			m.anchor = append(m.anchor, false)
		}
		if anchor {
			m.anchor[id] = true
		}
		return id
	}
	for t, key := range s.keys {
		if g, ok := group[key]; ok {
			key = g
		}
		m.of[t] = intern(key, s.anchor[t])
	}
	for p, g := range phrase {
		m.phrase[p] = intern(g, false)
	}
	m.units = make([][]int32, len(s.units))
	m.phr = make([][]int32, len(s.units))
	m.doc = make([]int32, len(s.units))
	for i, u := range s.units {
		ms := make([]int32, 0, len(u.terms))
		for _, t := range u.terms {
			ms = append(ms, m.of[t])
		}
		m.phr[i] = m.phrases(s.text(int32(i)), nil)
		ms = append(ms, m.phr[i]...)
		m.units[i] = sortUnique(ms)
		m.doc[i] = int32(u.doc)
	}
	df := make([]int32, len(m.anchor))
	m.postings = make([][]int32, len(m.anchor))
	for i, ms := range m.units {
		for _, id := range ms {
			df[id]++
			m.postings[id] = append(m.postings[id], int32(i))
		}
	}
	m.docs = make([]int32, len(m.anchor))
	for id, p := range m.postings {
		last := -1
		for _, v := range p {
			if d := int(m.doc[v]); d != last {
				m.docs[id]++
				last = d
			}
		}
	}
	n := float64(len(s.units))
	m.weight = make([]float64, len(m.anchor))
	for id := range m.weight {
		if df[id] == 0 {
			continue
		}
		w := math.Log(1 + n/float64(df[id]))
		if m.anchor[id] {
			w *= 1.5
		}
		m.weight[id] = w
	}
	return m
}

// phrases appends the meanings of the two-word phrases of text ("pushed
// back") to ms.
func (m *meanings) phrases(text string, ms []int32) []int32 {
	if len(m.phrase) == 0 {
		return ms
	}
	ws := token.Words(text)
	for i := 0; i+1 < len(ws); i++ {
		if ws[i+1].Start-ws[i].End > 1 {
			continue
		}
		p := stem(strings.ToLower(text[ws[i].Start:ws[i].End])) + " " + strings.ToLower(text[ws[i+1].Start:ws[i+1].End])
		if id, ok := m.phrase[p]; ok {
			ms = append(ms, id)
		}
	}
	return ms
}

// claims splits the sentence u into its claims: the clauses of a compound
// sentence ("; ", ", and" or ", but" before a new subject, ", while"), each
// as its sorted meaning ids. A sentence without such a boundary is one
// claim; a clause too small to say anything on its own joins its
// neighbour.
func (s *story) claims(m *meanings, u int32) [][]int32 {
	cuts := clauseCuts(s.text(u))
	var out [][]int32
	var cur []int32
	k := 0
	for _, t := range s.units[u].seq {
		for k < len(cuts) && int(t.start) >= cuts[k] {
			k++
			if len(cur) >= 3 {
				out = append(out, sortUnique(cur))
				cur = nil
			}
		}
		cur = append(cur, m.of[t.id])
	}
	if len(cur) > 0 {
		if len(cur) < 3 && len(out) > 0 {
			out[len(out)-1] = sortUnique(append(out[len(out)-1], cur...))
		} else {
			out = append(out, sortUnique(cur))
		}
	}
	// A phrase's meaning belongs to every claim: it is rare and cheap.
	if ph := m.phr[u]; len(ph) > 0 {
		for i := range out {
			out[i] = sortUnique(append(out[i], ph...))
		}
	}
	return out
}

// clauseCuts returns the byte offsets where a new clause of text starts.
func clauseCuts(text string) []int {
	var cuts []int
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ';':
			cuts = append(cuts, i+1)
		case ',':
			rest := text[i+1:]
			for _, c := range []string{" and ", " but ", " while ", " whereas "} {
				if strings.HasPrefix(rest, c) && newSubject(rest[len(c):]) {
					cuts = append(cuts, i+1)
					break
				}
			}
		}
	}
	return cuts
}

// newSubject reports whether text starts like the subject of a clause: a
// pronoun, a determiner or a capitalised name, not the last item of a list
// of nouns.
func newSubject(text string) bool {
	w, _, _ := strings.Cut(text, " ")
	if w == "" {
		return false
	}
	if isCapital(w) {
		return true
	}
	switch strings.ToLower(w) {
	case "he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "his", "her", "their", "its", "this", "that", "there":
		return true
	}
	return false
}

// judge decides, for fact group g, the presence of the fact in every
// article: reported when a sentence of the group is the article's or when
// a window of neighbouring sentences holds most of one of the fact's
// claims (its evidence is returned), not reported when the article names
// none of the names and numbers of any of its claims and holds few of
// their words, unclear otherwise. The slices returned are j's and valid
// until its next use.
func (s *story) judge(m *meanings, j *judging, g []int32) ([]presence, []Evidence) {
	nd := len(s.docs)
	verdict, ev, in, best := j.verdict, j.ev, j.in, j.best // best: best window share found per article
	clear(in)
	clear(best)
	for _, u := range g {
		x := &s.units[u]
		in[x.doc] = true
		verdict[x.doc] = reported
		ev[x.doc] = Evidence{Article: s.docs[x.doc].ID, Sentence: x.pos, Start: x.span.Start, End: x.span.End, Aligned: true}
	}
	for d := range verdict {
		if !in[d] {
			verdict[d] = notReported
		}
	}
	judged := 0
	for _, u := range g {
		if judged == maxJudged || judged == 1 && len(s.units) > exactUnits {
			break
		}
		judged++
		lang := ""
		if s.lang != nil {
			lang = s.lang[s.units[u].doc]
		}
		for _, c := range s.claims(m, u) {
			j.measure(s, m, c, in)
			for d := range nd {
				if in[d] || (lang != "" && s.lang[d] != lang) {
					if !in[d] {
						verdict[d] = unclear
					}
					continue
				}
				f := &j.art[d]
				share := j.share(d)
				switch {
				case j.reports(d):
					if verdict[d] != reported || share > best[d] {
						verdict[d] = reported
						best[d] = share
						ev[d] = j.evidence(s, d)
					}
				case verdict[d] == reported:
				case f.anch == 0 && j.anchors > 0 && f.w < omitShare*j.total && share < omitWindow,
					j.anchors == 0 && f.w < omitShareBare*j.total && share < omitWindowBare:
					// stays not reported unless another claim says otherwise
				default:
					verdict[d] = unclear
				}
			}
		}
	}
	return verdict, ev
}

// judging is the scratch space of the presence judgment, reused across
// facts.
type judging struct {
	// per article: the verdict, its evidence, whether a sentence of the
	// fact is the article's, the best window share found
	verdict []presence
	ev      []Evidence
	in      []bool
	best    []float64
	total   float64 // the claim's weight
	anchors int     // the claim's names and numbers
	art     []found // per article: how much of the claim it holds
	cell    []cell  // per unit: how much of the claim its window holds
	touched []int32 // the units whose cell the claim set, in the order it did
	gen     int32   // counts the claim's meanings: marks what one meaning counted
	claim   int32   // counts the claims: marks the cells of this claim
}

// found is how much of a claim one article holds: its weight and names
// anywhere, and in its best window (at: that window's centre, a unit; n:
// the meanings it shares; head: it holds the claim's heaviest plain word).
type found struct {
	w, win      float64
	anch, wAnch int32
	at, n       int32
	head        bool
	stamp       int32 // the meaning last counted in w
}

// cell is how much of a claim the window of sentences around one unit
// holds.
type cell struct {
	w     float64
	n     int32
	anch  int32
	stamp int32 // the meaning last counted in the window
	claim int32 // the claim the cell counts; another's cell is empty
	head  bool  // the window holds the claim's heaviest plain word
	own   bool  // the unit itself holds one of the claim's meanings
}

func newJudging(s *story) *judging {
	nd, nu := len(s.docs), len(s.units)
	return &judging{
		verdict: make([]presence, nd), ev: make([]Evidence, nd), in: make([]bool, nd), best: make([]float64, nd),
		art: make([]found, nd), cell: make([]cell, nu),
	}
}

// measure finds how much of claim c each article other than those in
// skip holds, anywhere and in its best window of sentences.
func (j *judging) measure(s *story, m *meanings, c []int32, skip []bool) {
	for d := range j.art {
		j.art[d] = found{at: -1, stamp: j.art[d].stamp}
	}
	j.touched = j.touched[:0]
	j.claim++
	j.total, j.anchors = 0, 0
	// The claim's heaviest word that is not a name or number is most
	// often what happened ("split", "indicted"): a window without it
	// does not report the claim.
	head, hw := int32(-1), 0.0
	for _, id := range c {
		if len(m.postings[id]) > m.common {
			continue
		}
		if !m.anchor[id] && m.weight[id] > hw {
			head, hw = id, m.weight[id]
		}
	}
	for _, id := range c {
		if len(m.postings[id]) > m.common {
			continue
		}
		j.gen++
		w := m.weight[id]
		j.total += w
		a := int32(0)
		if m.anchor[id] && !(m.docs[id] >= ownMin && float64(m.docs[id]) >= ownShare*float64(len(s.docs))) {
			a = 1
			j.anchors++
		}
		p := m.postings[id]
		for k := 0; k < len(p); k++ {
			v := p[k]
			d := m.doc[v]
			if skip[d] {
				// Jump over the article: a long article's common words
				// would otherwise be walked once for each of its facts.
				end := int32(s.docStart[d+1])
				k += sort.Search(len(p)-k, func(i int) bool { return p[k+i] >= end }) - 1
				continue
			}
			if f := &j.art[d]; f.stamp != j.gen {
				f.stamp = j.gen
				f.w += w
				f.anch += a
			}
			lo, hi := max(int(v)-window, s.docStart[d]), min(int(v)+window, s.docStart[d+1]-1)
			for x := lo; x <= hi; x++ {
				cl := &j.cell[x]
				if cl.claim != j.claim {
					*cl = cell{claim: j.claim, stamp: cl.stamp}
					j.touched = append(j.touched, int32(x))
				}
				if x == int(v) {
					cl.own = true
				}
				if cl.stamp == j.gen {
					continue
				}
				cl.stamp = j.gen
				cl.w += w
				cl.n++
				cl.anch += a
				if id == head {
					cl.head = true
				}
			}
		}
	}
	for _, v := range j.touched {
		f, cl := &j.art[m.doc[v]], &j.cell[v]
		if cl.w > f.win || cl.w == f.win && cl.anch > f.wAnch {
			f.win, f.wAnch, f.at, f.n, f.head = cl.w, cl.anch, v, cl.n, cl.head
		}
	}
}

// share is the part of the measured claim's weight that article d's
// best window holds.
func (j *judging) share(d int) float64 {
	if j.total == 0 {
		return 0
	}
	return j.art[d].win / j.total
}

// reports reports whether article d's best window reports the measured
// claim: it holds reportShare of its weight, one of its names or numbers
// (when it has any), two of its meanings and its head word.
func (j *judging) reports(d int) bool {
	f := &j.art[d]
	return j.share(d) >= reportShare && (j.anchors == 0 || f.wAnch > 0) && f.n >= 2 && f.head
}

// evidence is the span of article d's best window: the sentences around
// its centre that hold some of the claim, and the one of them that holds
// the most.
func (j *judging) evidence(s *story, d int) Evidence {
	c := int(j.art[d].at)
	lo, hi := c, c
	for k := c - 1; k >= max(c-window, s.docStart[d]); k-- {
		if j.owns(k) {
			lo = k
		}
	}
	for k := c + 1; k <= min(c+window, s.docStart[d+1]-1); k++ {
		if j.owns(k) {
			hi = k
		}
	}
	if !j.owns(c) {
		// The centre only joins two neighbours that hold the claim.
		if lo == c {
			lo = hi
		}
		if hi == c {
			hi = lo
		}
		if j.owns(lo) {
			c = lo
		}
	}
	return Evidence{Article: s.docs[d].ID, Sentence: s.units[c].pos, Start: s.units[lo].span.Start, End: s.units[hi].span.End}
}

// owns reports whether unit u holds one of the last measured claim's
// meanings.
func (j *judging) owns(u int) bool { return j.cell[u].claim == j.claim && j.cell[u].own }
