package compare

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// minAttributedWords is the fewest content words a quote needs before two
// articles crediting it to different people is read as a tension: shorter
// phrases are what two people may each say.
const minAttributedWords = 5

// maxQuoteBucket caps the quote groups compared through one word, so that
// a word every quote holds does not make the comparison quadratic.
const maxQuoteBucket = 32

// attributionTensions finds one utterance credited to two different named
// people by two articles: two quote groups whose words are one utterance
// (see sameUtterance) but whose speakers are names that cannot be one
// person (quotes keeps those apart). A document's words, an unknown
// speaker or a phrase instead of a name is never one side.
func (s *story) attributionTensions(quotes []Quote) []Tension {
	type qg struct {
		group int
		item  qitem
		m     QuoteMention
	}
	var gs []qg
	byKey := map[string][]int{}
	for gi, q := range quotes {
		if !namedSpeaker(q.Speaker) || len(q.Mentions) == 0 {
			continue
		}
		m := q.Mentions[0]
		it := newQitem(0, news.Quote{Text: m.Text})
		if len(it.keys) < minAttributedWords {
			continue
		}
		for _, k := range it.keys {
			byKey[k] = append(byKey[k], len(gs))
		}
		gs = append(gs, qg{gi, it, m})
	}
	var out []Tension
	seen := map[[2]int]bool{}
	for i := range gs {
		for _, k := range gs[i].item.keys {
			bucket := byKey[k]
			if len(bucket) > maxQuoteBucket {
				continue
			}
			for _, j := range bucket {
				if j <= i || seen[[2]int{i, j}] {
					continue
				}
				seen[[2]int{i, j}] = true
				a, b := &gs[i], &gs[j]
				qa, qb := quotes[a.group], quotes[b.group]
				if !noneShared(qa.Articles, qb.Articles) || speakersAgree(qa.Speaker, qb.Speaker) || !sameUtterance(&a.item, &b.item) {
					continue
				}
				sa := s.sideOfQuote(a.m)
				sb := s.sideOfQuote(b.m)
				out = append(out, Tension{
					Text:     fmt.Sprintf("%q: %s (%s) vs %s (%s)", clip(a.m.Text, 60), qa.Speaker, s.label(a.m.Article), qb.Speaker, s.label(b.m.Article)),
					Kind:     AttributionTension,
					Why:      fmt.Sprintf("the same words are quoted by %s as %s's and by %s as %s's", s.label(a.m.Article), qa.Speaker, s.label(b.m.Article), qb.Speaker),
					Articles: []string{a.m.Article, b.m.Article},
					Sides:    []Side{sa, sb},
					Spans:    []Ref{{sa.Article, sa.Start, sa.End}, {sb.Article, sb.Start, sb.End}},
				})
			}
		}
	}
	return out
}

// namedSpeaker reports whether sp is a name (capitalised, not a
// document's words).
func namedSpeaker(sp string) bool {
	return sp != "" && isCapital(sp) && !documentSpeaker(sp) && len(nameWords(sp)) > 0
}

// noneShared reports whether no id is in both a and b.
func noneShared(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// clip cuts s to at most n bytes at a word boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut] != ' ' {
		cut--
	}
	if cut == 0 {
		cut = n
	}
	return s[:cut] + "…"
}

// sideOfQuote is the sentence that holds a quote mention, the quote as
// cue.
func (s *story) sideOfQuote(m QuoteMention) Side {
	for di, d := range s.docs {
		if d.ID != m.Article {
			continue
		}
		if u := s.unitAt(di, m.Start); u >= 0 {
			r := s.ref(u)
			return Side{Article: m.Article, Text: s.text(u), Cue: m.Text, Start: r.Start, End: r.End}
		}
	}
	return Side{Article: m.Article, Text: m.Text, Cue: m.Text, Start: m.Start, End: m.End}
}

// minDateShared is the fewest terms two sentences with different dates
// must share to tell of one event.
const minDateShared = 4

// dateTensions finds two related sentences of different articles that
// each give one calendar date, to the same precision, for what they both
// tell (they share minDateShared terms besides the dates), where the
// dates differ and neither article gives the other's date anywhere: an
// article that names both days tells of two events.
func (s *story) dateTensions() []Tension {
	var out []Tension
	for _, e := range s.edges {
		ua, ub := &s.units[e.a], &s.units[e.b]
		if e.shared < minDateShared || !ua.prose || !ub.prose || ua.doc == ub.doc {
			continue
		}
		da, okA := s.onlyDate(e.a)
		db, okB := s.onlyDate(e.b)
		if !okA || !okB || da.Value == db.Value || len(da.Value) != len(db.Value) && !strings.HasPrefix(da.Value, "day ") {
			continue
		}
		if strings.HasPrefix(da.Value, "day ") != strings.HasPrefix(db.Value, "day ") {
			continue
		}
		if s.givesDate(ua.doc, db.Value) || s.givesDate(ub.doc, da.Value) || s.sharedBesides(e.a, e.b, da, db) < minDateShared {
			continue
		}
		if !s.plainDated(e.a) || !s.plainDated(e.b) {
			continue
		}
		ra, rb := s.ref(e.a), s.ref(e.b)
		ida, idb := s.docs[ua.doc].ID, s.docs[ub.doc].ID
		out = append(out, Tension{
			Text:     fmt.Sprintf("%q (%s) vs %q (%s)", da.Text, s.label(ida), db.Text, s.label(idb)),
			Kind:     DateTension,
			Why:      fmt.Sprintf("both tell of one event in the same words; %s dates it %s (%q) and %s %s (%q)", s.label(ida), da.Value, da.Text, s.label(idb), db.Value, db.Text),
			Articles: []string{ida, idb},
			Sides:    []Side{{ida, s.text(e.a), da.Text, ra.Start, ra.End}, {idb, s.text(e.b), db.Text, rb.Start, rb.End}},
			Spans:    []Ref{ra, rb},
		})
	}
	return out
}

// onlyDate returns the one calendar date sentence u gives, and false
// when it gives none or several: a resolved date of a month at least, or
// a day of a month the article's date could not resolve ("November 19").
func (s *story) onlyDate(u int32) (calDate, bool) {
	x := &s.units[u]
	var found calDate
	n := 0
	for _, d := range s.docs[x.doc].Dates {
		if d.Start < x.span.Start || d.End > x.span.End {
			continue
		}
		c, ok := calendarDate(d)
		if !ok || n > 0 && c.Value == found.Value {
			continue
		}
		found = c
		n++
	}
	return found, n == 1
}

// calDate is a date's text and a value two dates compare on.
type calDate struct{ Text, Value string }

// calendarDate returns d's value when it is a calendar date: its ISO value
// when resolved to a month or a day, else "month day" when its text names
// a month and a day; false for weekdays and other relative dates.
func calendarDate(d news.Date) (calDate, bool) {
	if !d.Relative && len(d.Value) >= len("2006-01") {
		return calDate{d.Text, d.Value}, true
	}
	var month, day string
	for _, w := range token.Words(d.Text) {
		f := strings.ToLower(w.Text(d.Text))
		switch {
		case lex.Is(f, lexicon.Month):
			month = f
		case f != "" && f[0] >= '0' && f[0] <= '9' && len(f) <= 2:
			day = f
		}
	}
	if month == "" || day == "" {
		return calDate{}, false
	}
	return calDate{d.Text, "day " + month + " " + day}, true
}

// givesDate reports whether article doc gives date value v anywhere.
func (s *story) givesDate(doc int, v string) bool {
	for _, d := range s.docs[doc].Dates {
		if c, ok := calendarDate(d); ok && c.Value == v {
			return true
		}
	}
	return false
}

// sharedBesides counts the terms sentences a and b share outside their
// dates' words.
func (s *story) sharedBesides(a, b int32, da, db calDate) int {
	inDate := func(d calDate) map[string]bool {
		m := map[string]bool{}
		for _, t := range terms(d.Text, nil) {
			m[t.key] = true
		}
		return m
	}
	skip := inDate(da)
	for k := range inDate(db) {
		skip[k] = true
	}
	n := 0
	for _, t := range s.units[a].terms {
		if has(s.units[b].terms, t) && !skip[s.keys[t]] {
			n++
		}
	}
	return n
}

// plainDated reports whether sentence u is a plain account: no hedge word
// and no question anywhere in it.
func (s *story) plainDated(u int32) bool {
	text := s.text(u)
	if strings.Contains(text, "?") {
		return false
	}
	for _, w := range token.Words(text) {
		if lex.Has("hedge-words", strings.ToLower(w.Text(text))) {
			return false
		}
	}
	return true
}
