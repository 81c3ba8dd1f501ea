package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
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
				if !s.sameSubject(aff, neg, s.keys[t], s.keys[t], true) {
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
				if has(ub.terms, o) && !has(ub.neg, o) && s.sameSubject(e.a, e.b, s.keys[t], s.keys[o], false) {
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
		s.contest(c.a, s.units[c.b].doc)
		s.contest(c.b, s.units[c.a].doc)
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
