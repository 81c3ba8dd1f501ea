package compare

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/token"
)

// antonyms maps a term key (after stemming and synonyms) to the keys that
// say the opposite about one subject.
var antonyms = func() map[string][]string {
	pairs := [][2]string{
		{"increas", "reduc"}, {"win", "lose"}, {"accept", "reject"}, {"confirm", "deny"},
		{"support", "oppose"}, {"approv", "reject"}, {"allow", "ban"}, {"success", "failur"},
		{"guilty", "innocent"}, {"legal", "illegal"}, {"open", "clos"}, {"agree", "disagre"},
		{"peaceful", "violent"}, {"victory", "defeat"}, {"acquit", "convict"}, {"true", "fals"},
		{"safe", "dangerous"},
	}
	m := map[string][]string{}
	for _, p := range pairs {
		a, b := normalise(stem(p[0])), normalise(stem(p[1]))
		if a != b {
			m[a] = append(m[a], b)
			m[b] = append(m[b], a)
		}
	}
	return m
}()

// outcome are term keys that say how something ended (an agreement, a
// vote, a verdict): one account affirming and another negating them is the
// sharpest kind of tension.
var outcome = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("agree accept approve reach succeed success win pass sign ratify resolve settle confirm elect convict acquit") {
		m[normalise(stem(w))] = true
	}
	return m
}()

type tcand struct {
	a, b  int32
	key   string // the term one side affirms (or one of the antonyms)
	other string // the term on side b when it differs (antonyms)
	kind  TensionKind
	score float64
}

// tensions finds statements of different articles that pull against each
// other: conflicting figures, one side negating what the other affirms on
// the same subject, or opposite words on the same subject.
func (s *story) tensions(qs []Quantity, limit int) []Tension {
	out := []Tension{}
	for _, q := range qs {
		if q.Verdict != Conflict || len(q.Mentions) < 2 {
			continue
		}
		// The two most different figures of different articles.
		var a, b QuantityMention
		best := -1.0
		for i, x := range q.Mentions {
			for _, y := range q.Mentions[i+1:] {
				d := x.Value - y.Value
				if d < 0 {
					d = -d
				}
				if x.Article != y.Article && d > best {
					a, b, best = x, y, d
				}
			}
		}
		if best < 0 {
			continue
		}
		sa, sb := s.sideOfMention(a), s.sideOfMention(b)
		for _, m := range q.Mentions {
			if u := s.unitOfMention(m); u >= 0 {
				s.disputed[u] = true
			}
		}
		out = append(out, Tension{
			Text:     fmt.Sprintf("%s: %q (%s) vs %q (%s)", orDefault(q.Counts, "figures"), a.Text, s.label(a.Article), b.Text, s.label(b.Article)),
			Kind:     NumberTension,
			Articles: []string{a.Article, b.Article},
			Sides:    []Side{sa, sb},
			Spans:    []Ref{{a.Article, sa.Start, sa.End}, {b.Article, sb.Start, sb.End}},
		})
	}
	// Antonyms among the story's terms, by id.
	anto := map[int32][]int32{}
	for id, k := range s.keys {
		for _, o := range antonyms[k] {
			if oid, ok := s.dict[o]; ok {
				anto[int32(id)] = append(anto[int32(id)], oid)
			}
		}
	}
	var cands []tcand
	for _, e := range s.edges {
		ua, ub := &s.units[e.a], &s.units[e.b]
		if e.shared < 3 || !ua.prose || !ub.prose || len(ua.neg) == 0 && len(ub.neg) == 0 && len(anto) == 0 {
			continue
		}
		// Negation: a term affirmed on one side, negated on the other.
		flip := func(aff, neg int32) {
			for _, t := range s.units[neg].neg {
				if s.keys[t][0] == '#' || !has(s.units[aff].terms, t) || has(s.units[aff].neg, t) {
					continue
				}
				c := tcand{a: aff, b: neg, key: s.keys[t], kind: NegationTension, score: float64(e.cos) + 0.05*float64(e.shared) + 0.1}
				if outcome[s.keys[t]] {
					c.score += 0.3
				}
				if has(s.units[aff].sure, t) { // "full agreement" against "no deal"
					c.score += 0.2
				}
				cands = append(cands, c)
			}
		}
		flip(e.a, e.b)
		flip(e.b, e.a)
		// Antonyms on the same subject.
		for _, t := range ua.terms {
			if has(ua.neg, t) {
				continue
			}
			for _, o := range anto[t] {
				if has(ub.terms, o) && !has(ub.neg, o) {
					cands = append(cands, tcand{a: e.a, b: e.b, key: s.keys[t], other: s.keys[o], kind: AntonymTension, score: float64(e.cos) + 0.05*float64(e.shared)})
				}
			}
		}
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
	used := map[int32]int{}
	pair := map[[2]int32]bool{}
	for _, c := range cands {
		if len(out) >= limit {
			break
		}
		lo, hi := min(c.a, c.b), max(c.a, c.b)
		if pair[[2]int32{lo, hi}] || used[c.a] >= 2 || used[c.b] >= 2 {
			continue
		}
		pair[[2]int32{lo, hi}] = true
		used[c.a]++
		used[c.b]++
		other := c.other
		if other == "" {
			other = c.key
		}
		sa := s.side(c.a, c.key, false)
		sb := s.side(c.b, other, c.kind == NegationTension)
		ida, idb := sa.Article, sb.Article
		out = append(out, Tension{
			Text:     fmt.Sprintf("%q (%s) vs %q (%s)", sa.Cue, s.label(ida), sb.Cue, s.label(idb)),
			Kind:     c.kind,
			Articles: []string{ida, idb},
			Sides:    []Side{sa, sb},
			Spans:    []Ref{{ida, sa.Start, sa.End}, {idb, sb.Start, sb.End}},
		})
	}
	return out
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

// sideOfMention is the sentence that holds a figure, with the figure as cue.
func (s *story) sideOfMention(m QuantityMention) Side {
	for di, d := range s.docs {
		if d.ID != m.Article {
			continue
		}
		if u := s.unitAt(di, m.Start); u >= 0 {
			r := s.ref(u)
			return Side{Article: m.Article, Text: s.text(u), Cue: m.Text, Start: r.Start, End: r.End}
		}
		return Side{Article: m.Article, Text: m.Text, Cue: m.Text, Start: m.Start, End: m.End}
	}
	return Side{Article: m.Article, Text: m.Text, Cue: m.Text, Start: m.Start, End: m.End}
}

// side is sentence u with the words around an occurrence of key as cue,
// preferring an occurrence whose negation is wantNeg.
func (s *story) side(u int32, key string, wantNeg bool) Side {
	x := &s.units[u]
	d := s.docs[x.doc]
	text := d.Text[x.span.Start:x.span.End]
	sd := Side{Article: d.ID, Text: text, Cue: text, Start: x.span.Start, End: x.span.End}
	var pick *term
	ts := terms(text, nil)
	for i := range ts {
		if ts[i].key == key && (pick == nil || ts[i].negated == wantNeg && pick.negated != wantNeg) {
			pick = &ts[i]
		}
	}
	if pick == nil {
		return sd
	}
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
