package compare

import (
	"cmp"
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
	// owner is the name of the person the figure belongs to ("John
	// Jenkin, 23"), nil when no person is named next to it.
	owner []string
	fate  bool // head is a fate word: the figure counts deaths, injuries, arrests
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

// openReach is how far past its figure an open qualifier reaches: "more
// than 200,000" allows up to 400,000, not 5.4 million; "as many as 100"
// down to 50, not 2.
const openReach = 2

// percentReach is how many points past its figure an open qualifier
// reaches for a percentage: "more than three quarters" meets "nearly 80
// percent".
const percentReach = 10

// interval returns the values a figure with a qualifier allows.
func interval(v float64, c qualClass) (lo, hi float64) {
	r := roundingUnit(v)
	switch c {
	case approx:
		tol := math.Max(0.1*math.Abs(v), r/2)
		return v - tol, v + tol
	case below:
		tol := math.Max(0.1*math.Abs(v), r/2)
		return v - tol, v
	case above:
		// "more than 4,400" is not "more than" anything: a writer who
		// knew of twice the figure would have given it.
		return v, math.Max(v, openReach*v)
	case atMost:
		return math.Min(v, v/openReach), v
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
	"injure": true,
}

// vagueHeads count anyone: "1,000 people" are housed in tents, "2,000
// people" need shelter. Figures of them join across articles only in like
// sentences, unless a fate word says what befell them.
var vagueHeads = map[string]bool{"people": true, "person": true}

// fateBefore returns the casualty a verb right before a figure makes it
// count ("killed 10 people", "injuring 80"): "die" or "injure", else "".
// Other fates read before the figure ("arrested 23 pirates") name how the
// counted people were taken, not another count, so they are left out.
func fateBefore(text string, start int) string {
	i := start
	for i > 0 && isSpace(text[i-1]) {
		i--
	}
	j := i
	for j > 0 && (text[j-1] >= 'a' && text[j-1] <= 'z') {
		j--
	}
	raw := text[j:i]
	if j == i || !strings.HasSuffix(raw, "ed") && !strings.HasSuffix(raw, "ing") {
		return ""
	}
	if k := normalise(stem(raw)); k == "die" || k == "injure" {
		return k
	}
	return ""
}

func (s *story) qmentions() []qmention {
	var out []qmention
	var buf []term
	for di := range s.docs {
		d := &s.docs[di]
		people := newPersonIndex(d)
		for _, q := range d.Quantities {
			if q.Start < 0 || q.End > len(d.Text) || q.Start > q.End {
				continue
			}
			m := qmention{doc: di, q: q, unit: s.unitAt(di, q.Start), class: classify(q.Qualifier)}
			switch {
			case q.Kind == news.Age && isCapital(q.Of):
				m.owner = nameWords(q.Of) // the analysis read whose age it is
			case m.unit >= 0:
				sp := s.units[m.unit].span
				m.owner = people.owner(q.Start, q.End, sp.Start, sp.End)
			}
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
			// So does a fate verb just before it: "killed 10 people",
			// "injuring 80".
			if k := fateBefore(d.Text, q.Start); k != "" && m.head != k {
				m.keys = append(m.keys, k)
				m.head = k
			}
			for _, k := range m.keys {
				if fateWords[k] {
					m.head = k
				}
			}
			m.fate = fateWords[m.head]
			// A count of things is a whole number: "6.1" or "around 4.0"
			// is a measure (a magnitude) that took its counted thing from
			// the sentence, so what it counts is unknown.
			if q.Kind == news.Count && measured(q) {
				m.keys, m.head, m.fate = nil, "", false
			}
			sort.Strings(m.keys)
			m.lo, m.hi = interval(q.Value, m.class)
			if q.Kind == news.Percent {
				// A share reaches some points, not a factor: "as much
				// as 79 percent" is not 56 percent.
				m.lo, m.hi = math.Max(m.lo, q.Value-percentReach), math.Min(m.hi, q.Value+percentReach)
			}
			out = append(out, m)
		}
		out = append(out, s.dateFigures(di)...)
	}
	return out
}

// measured reports whether a figure is written as a measurement: a value
// with a fraction, or a whole one written with ".0" ("4.0"), and no
// multiplier word ("1.5 million people" is a count).
func measured(q news.Quantity) bool {
	if q.Value != math.Trunc(q.Value) {
		return true
	}
	digit := func(i int) bool { return i >= 0 && i < len(q.Text) && '0' <= q.Text[i] && q.Text[i] <= '9' }
	i := strings.Index(q.Text, ".0")
	return i > 0 && digit(i-1) && !digit(i+2)
}

// sameThing reports whether two mentions count the same kind of thing.
func sameThing(a, b *qmention) bool {
	if a.q.Kind != b.q.Kind || !strings.EqualFold(a.q.Unit, b.q.Unit) {
		return false
	}
	// An age is someone's: two figures are one age only when both name
	// the person, and the same one (two people aged 23 do not agree).
	if a.head == "age" && (a.owner == nil || b.owner == nil) && a.doc != b.doc || !sameOwner(a, b) {
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
	s.compared += g.work
	conflict := s.joinConflicts(ms, g, buckets)
	return s.quantityList(ms, g, conflict)
}

// figureGroups is a union-find over a story's figures. Each group keeps
// the values all its figures allow, so that a chain of open intervals ("at
// least 3", "6", "at least 6") cannot gather figures that contradict each
// other, and the value each of its articles gives, so that a group never
// holds two values of one article ("around 1,000 people", "2,000" and
// "about 100,000 people" of one article through "as many as 2,000" of
// another).
type figureGroups struct {
	parent []int
	lo, hi []float64 // at the roots: the values the group allows
	// value holds, at the roots of groups of two figures or more, the
	// value each article gives; a lone figure's is its own (one).
	value []map[int]float64
	one   []qvalue
	work  int // article values looked at by fits
}

func newFigureGroups(ms []qmention) *figureGroups {
	g := &figureGroups{parent: make([]int, len(ms)), lo: make([]float64, len(ms)), hi: make([]float64, len(ms)),
		value: make([]map[int]float64, len(ms)), one: make([]qvalue, len(ms))}
	for i, m := range ms {
		g.parent[i] = i
		g.lo[i], g.hi[i] = m.lo, m.hi
		g.one[i] = qvalue{m.doc, m.q.Value}
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

// values returns the article values of root r, making the map of a lone
// figure.
func (g *figureGroups) values(r int) map[int]float64 {
	if g.value[r] == nil {
		g.value[r] = map[int]float64{g.one[r].doc: g.one[r].value}
	}
	return g.value[r]
}

// union joins the groups of a and b under the smaller root, moving the
// smaller article map into the larger.
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
	big, small := g.values(ra), g.values(rb)
	if len(small) > len(big) {
		big, small = small, big
	}
	for d, v := range small {
		if _, ok := big[d]; !ok {
			big[d] = v
		}
	}
	g.value[ra], g.value[rb] = big, nil
}

// fits reports whether the groups of a and b allow a common value and give
// no two values for one article.
func (g *figureGroups) fits(a, b int) bool {
	ra, rb := g.find(a), g.find(b)
	if math.Max(g.lo[ra], g.lo[rb]) > math.Min(g.hi[ra], g.hi[rb]) {
		return false
	}
	x, y := g.value[ra], g.value[rb]
	// lone reports whether the lone figure r gives no other value than m
	// for its article.
	lone := func(r int, m map[int]float64) bool {
		g.work++
		w, ok := m[g.one[r].doc]
		return !ok || w == g.one[r].value
	}
	switch {
	case x == nil && y == nil:
		g.work++
		return g.one[ra].doc != g.one[rb].doc || g.one[ra].value == g.one[rb].value
	case x == nil:
		return lone(ra, y)
	case y == nil:
		return lone(rb, x)
	case len(x) > len(y):
		x, y = y, x
	}
	for d, v := range x {
		g.work++
		if w, ok := y[d]; ok && w != v {
			return false
		}
	}
	return true
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
// with values that can all be true, pair by pair: pairs of one value
// first, then by how near their values are, then in story order, so that
// "2,000" joins "as many as 2,000" before "around 1,000" can take it.
// Figures of one article join only with the same value, and figures whose
// intervals do not meet never join (a group allows no more than each of
// its figures), so only the pairs joinable lists are looked at.
func (s *story) joinFigures(ms []qmention, g *figureGroups, idx []int) {
	var pairs [][2]int
	for p, later := range joinable(ms, idx) {
		for _, y := range later {
			pairs = append(pairs, [2]int{idx[p], y})
		}
	}
	gap := func(p [2]int) float64 {
		a, b := ms[p[0]].q.Value, ms[p[1]].q.Value
		if a == b {
			return 0
		}
		return math.Abs(a-b) / math.Max(math.Abs(a), math.Abs(b))
	}
	slices.SortStableFunc(pairs, func(p, q [2]int) int {
		return cmp.Compare(gap(p), gap(q))
	})
	for _, p := range pairs {
		x, y := p[0], p[1]
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
		// Figures that name the same counted thing join. Without a
		// counted thing, or when one names a kind of it the other does
		// not ("two black senators", "two senators"), or a thing anyone
		// is ("people"), a figure joins another in similar sentences, or
		// when it has the same value in the same unit ("nearly nine
		// years" in both).
		if a.q.Kind == DateKind {
			// One date in two articles is one figure only in like
			// sentences: "in November" may be an election in one and a
			// defeat in the other.
			need := minDateSim
			if a.head == dateDay {
				need = minDaySim
			}
			if s.contextSim(a.unit, b.unit) >= need {
				g.union(x, y)
			}
			continue
		}
		sameFigure := a.q.Value == b.q.Value && a.class == b.class && a.q.Unit != ""
		named := a.head != "" && b.head != "" && !vagueHeads[a.head] && slices.Equal(a.keys, b.keys)
		if named || sameFigure || s.contextSim(a.unit, b.unit) >= 0.2 {
			g.union(x, y)
		}
	}
}

// minConflictSim is the cosine two sentences need for their figures of
// one thing to conflict.
const minConflictSim = 0.3

// minDateSim is the cosine two sentences need for one date in both to be
// one figure, minDaySim for a date with its day: a day is rarely the date
// of two events of one story, a month or a year often is.
const (
	minDateSim = 0.2
	minDaySim  = 0.1
)

// maxConflictRatio is the most the largest value of a conflict may be of
// its smallest.
const maxConflictRatio = 3

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
	// The articles of each group, and the smallest and largest value it
	// gives.
	docsOf := map[int]map[int]bool{}
	span := map[int][2]float64{}
	members := g.members()
	for r, idx := range members {
		set := map[int]bool{}
		v := [2]float64{math.Inf(1), math.Inf(-1)}
		for _, i := range idx {
			set[ms[i].doc] = true
			v = [2]float64{math.Min(v[0], ms[i].q.Value), math.Max(v[1], ms[i].q.Value)}
		}
		docsOf[r] = set
		span[r] = v
	}
	// The counted things the figures of a group name, as joined keys,
	// made for the groups a pair reaches.
	namesOf := map[int]map[string]bool{}
	names := func(r int) map[string]bool {
		if n, ok := namesOf[r]; ok {
			return n
		}
		n := map[string]bool{}
		for _, i := range members[r] {
			n[strings.Join(ms[i].keys, " ")] = true
		}
		namesOf[r] = n
		return n
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
		// Nor do figures of two kinds of a thing: "seven AK-47 assault
		// rifles" and "three rifles" can both be true. One group must
		// name the thing as a figure of the other does ("two speed
		// boats" and "two boats" against "three boats").
		if !names(rb)[strings.Join(a.keys, " ")] && !names(ra)[strings.Join(b.keys, " ")] {
			continue
		}
		if intersects(docsOf[ra], docsOf[rb]) {
			continue
		}
		// Rival values of one count are near each other (80 or 50
		// injured, 5.9 or 6.1); figures far apart count different
		// things however alike their sentences (10 dead, 2,000 homeless).
		v := [2]float64{math.Min(span[ra][0], span[rb][0]), math.Max(span[ra][1], span[rb][1])}
		if a.q.Kind == DateKind {
			// Rival dates of one event are near each other.
			if dateGap(v[0], v[1], a.head) > maxDateGap[a.head] {
				continue
			}
		} else if v[0] <= 0 || v[1] > maxConflictRatio*v[0] {
			continue
		}
		g.union(ra, rb)
		r := g.find(ra)
		span[r] = v
		joined := map[string]bool{}
		for k := range names(ra) {
			joined[k] = true
		}
		for k := range names(rb) {
			joined[k] = true
		}
		namesOf[r] = joined
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
// first, then compatible, agreeing and single figures (a date only when
// two articles give it), each kind by the number of articles.
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
		type wording struct {
			doc  int
			text string
		}
		var seen map[wording]bool // made for groups of two figures or more
		if len(idx) > 1 {
			seen = map[wording]bool{}
		}
		for _, i := range idx {
			m := ms[i]
			id := s.docs[m.doc].ID
			docSet[m.doc] = true
			if m.q.Counts != "" {
				counts[m.q.Counts]++
			}
			q.Spans = append(q.Spans, Ref{Article: id, Start: m.q.Start, End: m.q.End})
			// An article that repeats a figure in the same words gives it
			// once: the mentions list each article's wordings, the
			// spans every place.
			if seen != nil {
				w := wording{m.doc, strings.ToLower(m.q.Text)}
				if seen[w] {
					continue
				}
				seen[w] = true
			}
			q.Mentions = append(q.Mentions, QuantityMention{Article: id, Value: m.q.Value, Qualifier: m.q.Qualifier,
				Counts: m.q.Counts, Text: m.q.Text, Start: m.q.Start, End: m.q.End})
		}
		q.Counts = mostCommon(counts)
		for di, d := range s.docs {
			if docSet[di] {
				q.Articles = append(q.Articles, d.ID)
			}
		}
		switch {
		case len(docSet) == 1 && q.Kind == DateKind:
			continue // a date only one article gives compares nothing
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
// qualifier ("at least $10,000" and "more than $10,000" are only
// compatible), or with no qualifier or an "about" ("13 nautical
// miles", "some 13 nautical miles": both name 13); compatible when their
// intervals share a value; conflict otherwise.
func verdict(ms []qmention, idx []int) Verdict {
	first := ms[idx[0]]
	same := true
	lo, hi := math.Inf(-1), math.Inf(1)
	for _, i := range idx {
		m := ms[i]
		if m.q.Value != first.q.Value || m.q.Qualifier != first.q.Qualifier && !(pointed(m.class) && pointed(first.class)) {
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

// pointed reports whether a qualifier names its figure as the value (a
// bare figure, "about"), not a bound.
func pointed(c qualClass) bool { return c == exact || c == approx }

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
