package compare

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// Tensions are found four ways, each needing one subject on both sides:
// figures a quantity group finds in conflict, one quote credited to two
// people, two dates for one event, and an outcome ("agreement", "charged")
// affirmed by one article and negated by another. A negation word or an
// opposite word alone is never one: most are differences of wording ("not
// just the State Department"), and a false tension accuses an outlet.

type tcand struct {
	a, b  int32
	key   string // the outcome term one side affirms and the other negates
	score float64
}

// tensions lists the tensions of the story, at most limit, figures first.
func (s *story) tensions(qs []Quantity, quotes []Quote, limit int) []Tension {
	out := append([]Tension{}, s.figureTensions(qs)...)
	out = append(out, s.attributionTensions(quotes)...)
	out = append(out, s.dateTensions()...)
	out = append(out, s.negationTensions()...)
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// figureTensions turns each quantity group in conflict into a tension
// between two figures of two articles that cannot both be true, neither
// article also naming a value compatible with the other's: an article that
// gives both 31,000 and 600 deaths speaks of two counts, not against
// another. A bound ("at least 50") names no value, so it neither makes a
// pair ("at least 50" against 80 can both be true) nor excuses one (an
// article that says "50 were injured" and "at least 50 injured" still
// says 50 against another's 80). Of the pairs, the most different wins,
// and among equally different ones the pair of bare figures (the plainest
// statements), then the first.
func (s *story) figureTensions(qs []Quantity) []Tension {
	var out []Tension
	for _, q := range qs {
		if q.Verdict != Conflict || len(q.Mentions) < 2 {
			continue
		}
		var a, b QuantityMention
		best, bestBare := -1.0, -1
		for i, x := range q.Mentions {
			for _, y := range q.Mentions[i+1:] {
				if x.Article == y.Article || meets(q.Kind, x, y) || namesCompatible(q.Kind, q.Mentions, x.Article, y) || namesCompatible(q.Kind, q.Mentions, y.Article, x) {
					continue
				}
				d, bare := math.Abs(x.Value-y.Value), bareCount(x, y)
				if d > best || d == best && bare > bestBare {
					a, b, best, bestBare = x, y, d, bare
				}
			}
		}
		if best < 0 {
			continue
		}
		sa, sb := s.sideAt(a.Article, a.Start, a.End, a.Text), s.sideAt(b.Article, b.Start, b.End, b.Text)
		for _, m := range q.Mentions {
			if u := s.unitOfMention(m); u >= 0 {
				s.disputed[u] = true
			}
		}
		what := orDefault(q.Counts, "figures")
		out = append(out, Tension{
			Text:     fmt.Sprintf("%s: %q (%s) vs %q (%s)", what, a.Text, s.label(a.Article), b.Text, s.label(b.Article)),
			Kind:     FigureTension,
			Why:      fmt.Sprintf("both count %s; %s gives %q and %s gives %q, and the two figures cannot both be true", what, s.label(a.Article), a.Text, s.label(b.Article), b.Text),
			Articles: []string{a.Article, b.Article},
			Sides:    []Side{sa, sb},
			Spans:    []Ref{{a.Article, sa.Start, sa.End}, {b.Article, sb.Start, sb.End}},
		})
	}
	return out
}

// namesCompatible reports whether article art names, among ms, a value (a
// bare or approximate figure, not a bound) whose interval meets m's.
func namesCompatible(kind news.QuantityKind, ms []QuantityMention, art string, m QuantityMention) bool {
	for _, x := range ms {
		if x.Article == art && pointed(classify(x.Qualifier)) && meets(kind, x, m) {
			return true
		}
	}
	return false
}

// meets reports whether the intervals two figures of kind allow share a
// value; two dates meet only when they are the same date (a year is not
// rounded: 2000 is not "about 2001").
func meets(kind news.QuantityKind, x, y QuantityMention) bool {
	if kind == DateKind {
		return x.Value == y.Value
	}
	xl, xh := interval(x.Value, classify(x.Qualifier))
	yl, yh := interval(y.Value, classify(y.Qualifier))
	return xl <= yh && yl <= xh
}

// bareCount is how many of two figures are bare (no qualifier).
func bareCount(x, y QuantityMention) int {
	n := 0
	for _, m := range []QuantityMention{x, y} {
		if classify(m.Qualifier) == exact {
			n++
		}
	}
	return n
}

// negationTensions finds an outcome term affirmed in one sentence and
// negated in a related sentence of another article, both clauses plain
// accounts (no modal, expectation, condition or denial before the term)
// and of one subject (see sameSubject).
func (s *story) negationTensions() []Tension {
	var cands []tcand
	for _, e := range s.edges {
		ua, ub := &s.units[e.a], &s.units[e.b]
		if e.shared < 3 || !ua.prose || !ub.prose || len(ua.neg) == 0 && len(ub.neg) == 0 {
			continue
		}
		flip := func(aff, neg int32) {
			for _, t := range s.units[neg].neg {
				k := s.keys[t]
				if !outcome[k] || !has(s.units[aff].terms, t) || has(s.units[aff].neg, t) {
					continue
				}
				if !s.plain(aff, k, false) || !s.plain(neg, k, true) || !s.sameSubject(aff, neg, k, k, true) {
					continue
				}
				c := tcand{a: aff, b: neg, key: k, score: float64(e.cos) + 0.05*float64(e.shared)}
				if has(s.units[aff].sure, t) { // "full agreement" against "no deal"
					c.score += 0.2
				}
				cands = append(cands, c)
			}
		}
		flip(e.a, e.b)
		flip(e.b, e.a)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		if cands[i].a != cands[j].a {
			return cands[i].a < cands[j].a
		}
		return cands[i].b < cands[j].b
	})
	var out []Tension
	used := map[int32]int{}
	pair := map[[2]int32]bool{}
	for _, c := range cands {
		lo, hi := min(c.a, c.b), max(c.a, c.b)
		if pair[[2]int32{lo, hi}] || used[c.a] >= 2 || used[c.b] >= 2 {
			continue
		}
		pair[[2]int32{lo, hi}] = true
		used[c.a]++
		used[c.b]++
		sa := s.side(c.a, c.key, false)
		sb := s.side(c.b, c.key, true)
		ida, idb := sa.Article, sb.Article
		s.contest(c.a, s.units[c.b].doc)
		s.contest(c.b, s.units[c.a].doc)
		out = append(out, Tension{
			Text: fmt.Sprintf("%q (%s) vs %q (%s)", sa.Cue, s.label(ida), sb.Cue, s.label(idb)),
			Kind: NegationTension,
			Why: fmt.Sprintf("of one subject (%s), %s says %q and %s says %q: one account says it happened, the other that it did not",
				s.subjectWords(c.a, c.b, c.key), s.label(ida), sa.Cue, s.label(idb), sb.Cue),
			Articles: []string{ida, idb},
			Sides:    []Side{sa, sb},
			Spans:    []Ref{{ida, sa.Start, sa.End}, {idb, sb.Start, sb.End}},
		})
	}
	return out
}

// outcome holds the term keys of the outcome words (lexicon
// outcome-words): how an agreement, a vote, a verdict or a charge ended.
var outcome = func() map[string]bool {
	m := map[string]bool{}
	for w := range lex.Set("outcome-words") {
		m[normalise(stem(w))] = true
	}
	return m
}()

// plain reports whether the clause of sentence u that leads to key's
// occurrence (negated when wantNeg) is a plain account: no hedge word
// (lexicon hedge-words: "expected to", "could", "denied that") before the
// term in its clause, no question, and, when negated, a negation of the
// term itself rather than of a restriction ("not just", "not only").
func (s *story) plain(u int32, key string, wantNeg bool) bool {
	text := s.text(u)
	if strings.Contains(text, "?") {
		return false
	}
	ts := terms(text, nil)
	k := pickTerm(ts, key, wantNeg)
	if k < 0 {
		return false
	}
	from := 0
	for j := k - 1; j >= 0; j-- {
		if ts[j].end <= ts[j+1].start && subjectBreak(text[ts[j].end:ts[j+1].start]) {
			from = ts[j+1].start
			break
		}
	}
	ws := token.Words(text[from:ts[k].start])
	for i, w := range ws {
		f := strings.ToLower(w.Text(text[from:]))
		if lex.Has("hedge-words", f) {
			return false
		}
		if isNegator(f) && i+1 < len(ws) && restricting(strings.ToLower(ws[i+1].Text(text[from:]))) {
			return false
		}
	}
	return true
}

// restricting words after a negation make it negate a restriction, not
// what follows: "not just", "not only".
func restricting(f string) bool {
	switch f {
	case "just", "only", "merely", "simply", "necessarily", "all", "always":
		return true
	}
	return false
}

// subjectWords are the words of sentence a's clause before key that
// sentence b's clause shares with it: the subject both speak of.
func (s *story) subjectWords(a, b int32, key string) string {
	sb := s.subject(b, key, true)
	text := s.text(a)
	ts := terms(text, nil)
	k := pickTerm(ts, key, false)
	var words []string
	for j := 0; j < k; j++ {
		if ts[j].key != key && slices.Contains(sb, ts[j].key) && slices.Contains(s.subject(a, key, false), ts[j].key) {
			words = append(words, text[ts[j].start:ts[j].end])
		}
	}
	return strings.Join(words, ", ")
}

func has(sorted []int32, t int32) bool {
	k := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= t })
	return k < len(sorted) && sorted[k] == t
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// label names an article by outlet, else id.
func (s *story) label(id string) string {
	for _, d := range s.docs {
		if d.ID == id {
			if d.Source != "" {
				return d.Source
			}
			return id
		}
	}
	return id
}

// unitOfMention is the sentence that holds a figure, or -1.
func (s *story) unitOfMention(m QuantityMention) int32 {
	for di, d := range s.docs {
		if d.ID == m.Article {
			return s.unitAt(di, m.Start)
		}
	}
	return -1
}

// sideAt is the sentence of article that holds the mention start..end (a
// figure, a quote), with the mention's text cue as the cue; the mention
// itself when no sentence holds it.
func (s *story) sideAt(article string, start, end int, cue string) Side {
	for di, d := range s.docs {
		if d.ID != article {
			continue
		}
		if u := s.unitAt(di, start); u >= 0 {
			r := s.ref(u)
			return Side{Article: article, Text: s.text(u), Cue: cue, Start: r.Start, End: r.End}
		}
		break
	}
	return Side{Article: article, Text: cue, Cue: cue, Start: start, End: end}
}

// side is sentence u with the words around an occurrence of key as cue,
// preferring an occurrence whose negation is wantNeg.
func (s *story) side(u int32, key string, wantNeg bool) Side {
	x := &s.units[u]
	d := s.docs[x.doc]
	text := d.Text[x.span.Start:x.span.End]
	sd := Side{Article: d.ID, Text: text, Cue: text, Start: x.span.Start, End: x.span.End}
	ts := terms(text, nil)
	p := pickTerm(ts, key, wantNeg)
	if p < 0 {
		return sd
	}
	pick := &ts[p]
	ws := token.Words(text)
	k := sort.Search(len(ws), func(i int) bool { return ws[i].Start >= pick.start })
	if k >= len(ws) {
		return sd
	}
	// From the negation (or the word before) to the term, within its
	// clause.
	from := k
	for j := k - 1; j >= max(0, k-3); j-- {
		if strings.ContainsAny(text[ws[j].End:ws[j+1].Start], ",;:.!?—–") {
			break
		}
		from = j
	}
	if wantNeg {
		for j := from; j < k; j++ {
			if f := strings.ToLower(ws[j].Text(text)); isNegator(f) || isFailure(f) {
				from = j
				break
			}
		}
	} else if from < k-1 {
		from = k - 1
	}
	to := k
	for to < len(ws) && ws[to].End < pick.end {
		to++
	}
	to = min(to, len(ws)-1)
	sd.Cue = text[ws[from].Start:max(ws[to].End, pick.end)]
	return sd
}

// pickTerm returns the index of the first occurrence of key in ts whose
// negation is wantNeg, else of the first occurrence, else -1.
func pickTerm(ts []term, key string, wantNeg bool) int {
	pick := -1
	for i := range ts {
		if ts[i].key == key && (pick < 0 || ts[i].negated == wantNeg && ts[pick].negated != wantNeg) {
			pick = i
		}
	}
	return pick
}

// minSubject is the number of terms the subjects of two statements must
// share for them to speak of the same thing.
const minSubject = 2

// sameSubject reports whether sentence a's statement with term keyA and
// sentence b's with keyB (negated when negB) speak of the same subject:
// the terms their clauses give before the two terms share at least
// minSubject. "The two sides were unable to agree" and "the US and Iraq
// were in full agreement" do (after "US-Iraqi talks"); "When the 2008
// agreement was passed" and "no deal could be reached" do not, nor "39,000
// troops remain" and "officials had refused to stay".
func (s *story) sameSubject(a, b int32, keyA, keyB string, negB bool) bool {
	sa := s.subject(a, keyA, false)
	sb := s.subject(b, keyB, negB)
	n := 0
	for _, k := range sa {
		if k != keyA && k != keyB && slices.Contains(sb, k) {
			n++
		}
	}
	return n >= minSubject
}

// subject returns the keys of the terms before key's occurrence (as side
// picks it) in its clause of sentence u: what the clause says it of. A
// comma before a subordinator ("…, while officials had refused to stay")
// starts a clause of its own subject too.
func (s *story) subject(u int32, key string, wantNeg bool) []string {
	text := s.text(u)
	ts := terms(text, nil)
	k := pickTerm(ts, key, wantNeg)
	var out []string
	for j := k - 1; j >= 0; j-- {
		if ts[j].end <= ts[j+1].start && subjectBreak(text[ts[j].end:ts[j+1].start]) {
			break
		}
		if !slices.Contains(out, ts[j].key) {
			out = append(out, ts[j].key)
		}
	}
	return out
}

// subjectBreak reports whether the words between two terms end a
// subject's reach: a clause break, or a comma and then a subordinator.
func subjectBreak(gap string) bool {
	if clauseBreak(gap) {
		return true
	}
	i := strings.LastIndexByte(gap, ',')
	if i < 0 {
		return false
	}
	w, _, _ := strings.Cut(strings.TrimSpace(gap[i+1:]), " ")
	return w != "" && lex.Is(w, lexicon.Subordinator)
}

// contest records that article doc states the opposite of sentence u, so
// that the summary does not name it as backing u.
func (s *story) contest(u int32, doc int) {
	if s.contested == nil {
		s.contested = map[int32][]int{}
	}
	if !slices.Contains(s.contested[u], doc) {
		s.contested[u] = append(s.contested[u], doc)
	}
}
