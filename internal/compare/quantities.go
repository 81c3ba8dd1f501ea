package compare

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// qmention is one quantity of one article during grouping.
type qmention struct {
	doc   int
	q     news.Quantity
	keys  []string // what it counts, as term keys, sorted
	head  string   // the counted thing's head term
	unit  int32    // the sentence that holds it, or -1
	lo    float64  // the interval of values it allows
	hi    float64
	class qualClass
}

// qualClass is the meaning of a qualifier.
type qualClass int

const (
	exact  qualClass = iota
	approx           // about, around, roughly, some
	below            // nearly, almost: a little under
	atMost           // up to, less than, under, at most
	above            // more than, over, at least
	shift            // peak of, down from, up from: a figure at another time
)

func classify(q news.Qualifier) qualClass {
	switch q {
	case news.Exact:
		return exact
	case news.PeakOf, news.DownFrom, news.UpFrom:
		return shift
	case news.MoreThan, news.AtLeast:
		return above
	case news.Nearly:
		return below
	case news.UpTo, news.LessThan:
		return atMost
	default:
		return approx
	}
}

// roundingUnit is the precision a written figure implies: 4,400 is
// rounded to the hundred, 39,000 to the thousand, 4,408 is exact.
func roundingUnit(v float64) float64 {
	if v != math.Trunc(v) || v < 100 {
		return 0
	}
	r := 1.0
	for r*10 <= v && math.Mod(v, r*10) == 0 {
		r *= 10
	}
	if r < 100 { // 340 or 4,410 read as exact
		return 0
	}
	return r
}

// interval returns the values a figure with a qualifier allows.
func interval(v float64, c qualClass) (lo, hi float64) {
	r := roundingUnit(v)
	switch c {
	case approx:
		tol := math.Max(0.1*math.Abs(v), r)
		return v - tol, v + tol
	case below:
		tol := math.Max(0.1*math.Abs(v), r)
		return v - tol, v
	case above:
		return v, math.Inf(1)
	case atMost:
		return math.Inf(-1), v
	default:
		return v - r/2, v + r/2
	}
}

// fateWords change what a figure counts: "40 people were killed" counts
// deaths, not people.
var fateWords = map[string]bool{
	"die": true, "injur": true, "wound": true, "hurt": true, "arrest": true, "displac": true, "missing": true,
	"evacuat": true, "rescu": true, "infect": true, "hospitalis": true, "hospitaliz": true, "sentenc": true,
	"convict": true, "charg": true, "fire": true, "layoff": true, "lay": true, "flee": true, "fled": true,
}

func (s *story) qmentions() []qmention {
	var out []qmention
	var buf []term
	for di, d := range s.docs {
		for _, q := range d.Quantities {
			if q.Start < 0 || q.End > len(d.Text) || q.Start > q.End {
				continue
			}
			m := qmention{doc: di, q: q, unit: s.unitAt(di, q.Start), class: classify(q.Qualifier)}
			buf = terms(q.Counts, buf)
			for _, t := range buf {
				if !t.number {
					m.keys = append(m.keys, t.key)
				}
			}
			if len(m.keys) > 0 {
				m.head = m.keys[len(m.keys)-1]
			}
			// A fate word just after the figure ("were killed") is what it counts.
			// Only a verb form counts ("were killed", "died"), not a noun
			// of the next item ("cases and deaths"), and only in the
			// figure's own clause.
			after := d.Text[q.End:min(len(d.Text), q.End+60)]
			if i := strings.IndexAny(after, ",;.:"); i >= 0 {
				after = after[:i]
			}
			n := 0
			token.Each(after, func(w token.Word) {
				n++
				raw := strings.ToLower(w.Text(after))
				if n > 4 || raw == "and" || raw == "or" {
					n = 99
					return
				}
				if !strings.HasSuffix(raw, "ed") && raw != "dead" && raw != "missing" && raw != "fled" && raw != "hurt" {
					return
				}
				k := normalise(stem(raw))
				if fateWords[k] && m.head != k {
					m.keys = append(m.keys, k)
					m.head = k
				}
			})
			for _, k := range m.keys {
				if fateWords[k] {
					m.head = k
				}
			}
			sort.Strings(m.keys)
			m.lo, m.hi = interval(q.Value, m.class)
			out = append(out, m)
		}
	}
	return out
}

// sameThing reports whether two mentions count the same kind of thing.
func sameThing(a, b *qmention) bool {
	if a.q.Kind != b.q.Kind || !strings.EqualFold(a.q.Unit, b.q.Unit) {
		return false
	}
	if a.head == "" || b.head == "" {
		// A span of time is the same figure whether or not the writer
		// names what lasted: "nearly six years", "an almost six-year
		// presence".
		return a.head == b.head || a.q.Kind == news.Duration
	}
	if a.head != b.head {
		return false
	}
	inter := 0
	for _, k := range a.keys {
		for _, l := range b.keys {
			if k == l {
				inter++
				break
			}
		}
	}
	small := min(len(a.keys), len(b.keys))
	union := len(a.keys) + len(b.keys) - inter
	return inter == small || float64(inter)/float64(union) >= 0.34
}

// quantities groups the figures of all articles by what they count and
// gives each group a verdict.
func (s *story) quantities() []Quantity {
	ms := s.qmentions()
	g := newFigureGroups(ms)
	buckets := bucketFigures(ms)
	for _, idx := range buckets {
		s.joinFigures(ms, g, idx)
	}
	conflict := s.joinConflicts(ms, g, buckets)
	return s.quantityList(ms, g, conflict)
}

// figureGroups is a union-find over a story's figures. Each group keeps
// the values all its figures allow, so that a chain of open intervals ("at
// least 3", "6", "at least 6") cannot gather figures that contradict each
// other.
type figureGroups struct {
	parent []int
	lo, hi []float64 // at the roots: the values the group allows
}

func newFigureGroups(ms []qmention) *figureGroups {
	g := &figureGroups{parent: make([]int, len(ms)), lo: make([]float64, len(ms)), hi: make([]float64, len(ms))}
	for i, m := range ms {
		g.parent[i] = i
		g.lo[i], g.hi[i] = m.lo, m.hi
	}
	return g
}

func (g *figureGroups) find(x int) int {
	for g.parent[x] != x {
		g.parent[x] = g.parent[g.parent[x]]
		x = g.parent[x]
	}
	return x
}

// union joins the groups of a and b under the smaller root.
func (g *figureGroups) union(a, b int) {
	ra, rb := g.find(a), g.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	g.parent[rb] = ra
	g.lo[ra], g.hi[ra] = math.Max(g.lo[ra], g.lo[rb]), math.Min(g.hi[ra], g.hi[rb])
}

// fits reports whether the groups of a and b allow a common value.
func (g *figureGroups) fits(a, b int) bool {
	ra, rb := g.find(a), g.find(b)
	return math.Max(g.lo[ra], g.lo[rb]) <= math.Min(g.hi[ra], g.hi[rb])
}

// members returns the figures of each group by root.
func (g *figureGroups) members() map[int][]int {
	out := map[int][]int{}
	for i := range g.parent {
		r := g.find(i)
		out[r] = append(out[r], i)
	}
	return out
}

// bucketFigures puts the figures that may count the same thing together:
// one kind, one unit and one counted head (any head for spans of time).
// Only figures of one bucket are ever compared, and each bucket lists its
// figures in story order.
func bucketFigures(ms []qmention) [][]int {
	at := map[string]int{}
	var out [][]int
	for i, m := range ms {
		k := string(m.q.Kind) + "|" + strings.ToLower(m.q.Unit) + "|"
		if m.q.Kind != news.Duration {
			k += m.head
		}
		b, ok := at[k]
		if !ok {
			b = len(out)
			at[k] = b
			out = append(out, nil)
		}
		out[b] = append(out[b], i)
	}
	return out
}

// joinable returns, for each figure of a bucket (by position), the later
// figures of the bucket it may join, in story order: of its own article
// those with the same value, of other articles those whose intervals meet
// its own. Two intervals meet exactly when one starts inside the other, so
// a search among each other article's figures sorted by where their
// intervals start finds every such pair, and the work grows with the pairs
// that may join, not with the square of the figures.
func joinable(ms []qmention, idx []int) [][]int {
	pos := make(map[int]int, len(idx))
	byLo := map[int][]int{}       // article -> its figures by the start of their interval
	byValue := map[qvalue][]int{} // figures of one article with one value
	var docs []int
	for p, i := range idx {
		m := &ms[i]
		pos[i] = p
		byValue[qvalue{m.doc, m.q.Value}] = append(byValue[qvalue{m.doc, m.q.Value}], i)
		if math.IsNaN(m.lo) || math.IsNaN(m.hi) {
			continue // meets nothing
		}
		if _, ok := byLo[m.doc]; !ok {
			docs = append(docs, m.doc)
		}
		byLo[m.doc] = append(byLo[m.doc], i)
	}
	for _, list := range byLo {
		sort.Slice(list, func(x, y int) bool {
			if ms[list[x]].lo != ms[list[y]].lo {
				return ms[list[x]].lo < ms[list[y]].lo
			}
			return list[x] < list[y]
		})
	}
	out := make([][]int, len(idx))
	add := func(i, j int) {
		x, y := min(i, j), max(i, j)
		out[pos[x]] = append(out[pos[x]], y)
	}
	for _, same := range byValue {
		for x, i := range same {
			for _, j := range same[x+1:] {
				add(i, j)
			}
		}
	}
	for _, d := range docs {
		for _, i := range byLo[d] {
			m := &ms[i]
			for _, o := range docs {
				if o == d {
					continue
				}
				list := byLo[o]
				k := sort.Search(len(list), func(k int) bool { return ms[list[k]].lo >= m.lo })
				for ; k < len(list) && ms[list[k]].lo <= m.hi; k++ {
					add(i, list[k])
				}
			}
		}
	}
	for p := range out {
		slices.Sort(out[p])
		out[p] = slices.Compact(out[p])
	}
	return out
}

// qvalue is one article's figure value.
type qvalue struct {
	doc   int
	value float64
}

// joinFigures joins the figures of one bucket that count the same thing
// with values that can all be true, pair by pair in story order. Figures
// of one article join only with the same value, and figures whose
// intervals do not meet never join (a group allows no more than each of
// its figures), so only the pairs joinable lists are looked at.
func (s *story) joinFigures(ms []qmention, g *figureGroups, idx []int) {
	for p, later := range joinable(ms, idx) {
		x := idx[p]
		for _, y := range later {
			s.compared++
			a, b := &ms[x], &ms[y]
			if !sameThing(a, b) || !g.fits(x, y) {
				continue
			}
			if a.doc == b.doc {
				if a.q.Value == b.q.Value {
					g.union(x, y)
				}
				continue
			}
			// Without a counted thing, a figure joins another in similar
			// sentences, or when it has the same value in the same unit
			// ("nearly nine years" in both).
			sameFigure := a.q.Value == b.q.Value && a.class == b.class && a.q.Unit != ""
			named := a.head != "" && b.head != ""
			if named || sameFigure || s.contextSim(a.unit, b.unit) >= 0.2 {
				g.union(x, y)
			}
		}
	}
}

// minConflictSim is the cosine two sentences need for their figures of
// one thing to conflict.
const minConflictSim = 0.3

// joinConflicts joins groups that count the same thing in related
// sentences (a link with a cosine of at least minConflictSim) from
// articles that share no figure for it, and returns the roots of the
// groups so joined: their figures are in conflict. The candidate pairs
// come from the links between sentences, so the work grows with the links.
func (s *story) joinConflicts(ms []qmention, g *figureGroups, buckets [][]int) map[int]bool {
	bucketOf := make([]int, len(ms))
	for b, idx := range buckets {
		for _, i := range idx {
			bucketOf[i] = b
		}
	}
	in := map[int32][]int{} // sentence -> its figures
	for i, m := range ms {
		if m.unit >= 0 {
			in[m.unit] = append(in[m.unit], i)
		}
	}
	var pairs [][2]int
	for _, e := range s.edges {
		if float64(e.cos) < minConflictSim {
			continue
		}
		for _, x := range in[e.a] {
			for _, y := range in[e.b] {
				if bucketOf[x] == bucketOf[y] {
					pairs = append(pairs, [2]int{min(x, y), max(x, y)})
				}
			}
		}
	}
	slices.SortFunc(pairs, func(p, q [2]int) int {
		if p[0] != q[0] {
			return p[0] - q[0]
		}
		return p[1] - q[1]
	})
	pairs = slices.Compact(pairs)
	// The articles of each group.
	docsOf := map[int]map[int]bool{}
	for r, idx := range g.members() {
		set := map[int]bool{}
		for _, i := range idx {
			set[ms[i].doc] = true
		}
		docsOf[r] = set
	}
	conflict := map[int]bool{}
	for _, p := range pairs {
		s.compared++
		a, b := &ms[p[0]], &ms[p[1]]
		ra, rb := g.find(p[0]), g.find(p[1])
		// Figures that count nothing named cannot be shown to count
		// the same thing, so they never conflict.
		if ra == rb || a.doc == b.doc || a.head == "" || b.head == "" || a.class == shift || b.class == shift || !sameThing(a, b) {
			continue
		}
		if intersects(docsOf[ra], docsOf[rb]) {
			continue
		}
		g.union(ra, rb)
		r := g.find(ra)
		set := map[int]bool{}
		for d := range docsOf[ra] {
			set[d] = true
		}
		for d := range docsOf[rb] {
			set[d] = true
		}
		docsOf[r] = set
		conflict[r] = true
	}
	return conflict
}

// quantityList turns the groups into the report's quantities: conflicts
// first, then compatible, agreeing and single figures, each kind by the
// number of articles.
func (s *story) quantityList(ms []qmention, g *figureGroups, conflict map[int]bool) []Quantity {
	groups := g.members()
	var roots []int
	for r := range groups {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	out := make([]Quantity, 0, len(roots))
	for _, r := range roots {
		idx := groups[r]
		sort.Slice(idx, func(i, j int) bool {
			a, b := ms[idx[i]], ms[idx[j]]
			if a.doc != b.doc {
				return a.doc < b.doc
			}
			return a.q.Start < b.q.Start
		})
		q := Quantity{Kind: ms[idx[0]].q.Kind, Unit: ms[idx[0]].q.Unit, Articles: []string{}, Mentions: []QuantityMention{}, Spans: []Ref{}}
		docSet := map[int]bool{}
		counts := map[string]int{}
		for _, i := range idx {
			m := ms[i]
			id := s.docs[m.doc].ID
			docSet[m.doc] = true
			if m.q.Counts != "" {
				counts[m.q.Counts]++
			}
			q.Mentions = append(q.Mentions, QuantityMention{Article: id, Value: m.q.Value, Qualifier: m.q.Qualifier,
				Counts: m.q.Counts, Text: m.q.Text, Start: m.q.Start, End: m.q.End})
			q.Spans = append(q.Spans, Ref{Article: id, Start: m.q.Start, End: m.q.End})
		}
		q.Counts = mostCommon(counts)
		for di, d := range s.docs {
			if docSet[di] {
				q.Articles = append(q.Articles, d.ID)
			}
		}
		switch {
		case len(docSet) == 1:
			q.Verdict = Single
		case conflict[r]:
			q.Verdict = Conflict
		default:
			q.Verdict = verdict(ms, idx)
		}
		out = append(out, q)
	}
	rank := map[Verdict]int{Conflict: 0, Compatible: 1, Agree: 2, Single: 3}
	sort.SliceStable(out, func(i, j int) bool {
		if rank[out[i].Verdict] != rank[out[j].Verdict] {
			return rank[out[i].Verdict] < rank[out[j].Verdict]
		}
		return len(out[i].Articles) > len(out[j].Articles)
	})
	return out
}

// verdict is agree when every mention gives the same value with the same
// kind of qualifier, compatible when their intervals share a value,
// conflict otherwise.
func verdict(ms []qmention, idx []int) Verdict {
	first := ms[idx[0]]
	same := true
	lo, hi := math.Inf(-1), math.Inf(1)
	for _, i := range idx {
		m := ms[i]
		if m.q.Value != first.q.Value || m.class != first.class {
			same = false
		}
		lo, hi = math.Max(lo, m.lo), math.Min(hi, m.hi)
	}
	switch {
	case same:
		return Agree
	case lo <= hi:
		return Compatible
	default:
		return Conflict
	}
}

func intersects(a, b map[int]bool) bool {
	for d := range a {
		if b[d] {
			return true
		}
	}
	return false
}

// contextSim is the cosine of two sentences, 1 for the same sentence and 0
// when either is unknown.
func (s *story) contextSim(a, b int32) float64 {
	if a < 0 || b < 0 {
		return 0
	}
	if a == b {
		return 1
	}
	if a > b {
		a, b = b, a
	}
	for _, k := range s.adj[a] {
		e := s.edges[k]
		if e.a == a && e.b == b {
			return float64(e.cos)
		}
	}
	if s.units[a].doc == s.units[b].doc {
		return 0
	}
	e, _ := s.relate(a, b)
	return float64(e.cos)
}

func mostCommon(m map[string]int) string {
	best, n := "", 0
	for k, v := range m {
		if v > n || v == n && (len(k) > len(best) || len(k) == len(best) && k < best) {
			best, n = k, v
		}
	}
	return best
}
