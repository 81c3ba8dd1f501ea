package compare

import (
	"math"
	"sort"
	"strconv"
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

func overlaps(a, b *qmention) bool { return a.lo <= b.hi && b.lo <= a.hi }

// quantities groups the figures of all articles by what they count and
// gives each group a verdict.
func (s *story) quantities() []Quantity {
	ms := s.qmentions()
	parent := make([]int, len(ms))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	// Each group keeps the values all its figures allow, so that a chain
	// of open intervals ("at least 3", "6", "at least 6") cannot gather
	// figures that contradict each other.
	lo := make([]float64, len(ms))
	hi := make([]float64, len(ms))
	for i, m := range ms {
		lo[i], hi[i] = m.lo, m.hi
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
		lo[ra], hi[ra] = math.Max(lo[ra], lo[rb]), math.Min(hi[ra], hi[rb])
	}
	fits := func(a, b int) bool {
		ra, rb := find(a), find(b)
		return math.Max(lo[ra], lo[rb]) <= math.Min(hi[ra], hi[rb])
	}
	// Bucket by head so that only comparable mentions are ever compared.
	buckets := map[string][]int{}
	var bkeys []string
	for i, m := range ms {
		k := string(m.q.Kind) + "|" + strings.ToLower(m.q.Unit) + "|"
		if m.q.Kind != news.Duration {
			k += m.head
		}
		if _, ok := buckets[k]; !ok {
			bkeys = append(bkeys, k)
		}
		buckets[k] = append(buckets[k], i)
	}
	for _, k := range bkeys {
		idx := buckets[k]
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				a, b := &ms[idx[x]], &ms[idx[y]]
				if !sameThing(a, b) {
					continue
				}
				if !fits(idx[x], idx[y]) {
					continue
				}
				if a.doc == b.doc {
					if a.q.Value == b.q.Value {
						union(idx[x], idx[y])
					}
					continue
				}
				// Without a counted thing, a figure joins another in similar
				// sentences, or when it has the same value in the same unit
				// ("nearly nine years" in both).
				sameFigure := a.q.Value == b.q.Value && a.class == b.class && a.q.Unit != ""
				named := a.head != "" && b.head != ""
				if overlaps(a, b) && (named || sameFigure || s.contextSim(a.unit, b.unit) >= 0.2) {
					union(idx[x], idx[y])
				}
			}
		}
	}
	groupOf := func() map[int][]int {
		g := map[int][]int{}
		for i := range ms {
			r := find(i)
			g[r] = append(g[r], i)
		}
		return g
	}
	// Conflicts: two groups counting the same thing in similar sentences,
	// from articles that share no figure for it.
	docsOf := map[int]map[int]bool{}
	for r, idx := range groupOf() {
		set := map[int]bool{}
		for _, i := range idx {
			set[ms[i].doc] = true
		}
		docsOf[r] = set
	}
	conflict := map[int]bool{}
	for _, k := range bkeys {
		idx := buckets[k]
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				a, b := &ms[idx[x]], &ms[idx[y]]
				ra, rb := find(idx[x]), find(idx[y])
				// Figures that count nothing named cannot be shown to count
				// the same thing, so they never conflict.
				if ra == rb || a.doc == b.doc || a.head == "" || b.head == "" || a.class == shift || b.class == shift || !sameThing(a, b) {
					continue
				}
				if intersects(docsOf[ra], docsOf[rb]) || s.contextSim(a.unit, b.unit) < 0.3 {
					continue
				}
				union(ra, rb)
				r := find(ra)
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
		}
	}
	g := groupOf()
	var roots []int
	for r := range g {
		roots = append(roots, r)
	}
	sort.Ints(roots)
	out := make([]Quantity, 0, len(roots))
	for _, r := range roots {
		idx := g[r]
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

func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
