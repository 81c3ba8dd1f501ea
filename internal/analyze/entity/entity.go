package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// lex is the recogniser's vocabulary. It is built once and only read.
var lex = newLexicon()

// Type votes.
const (
	vPerson = iota
	vOrg
	vPlace
)

// mention is one candidate name found in the text.
type mention struct {
	span    news.Span // the surface form: title and name, without a possessive
	a, b    int       // the name's words: toks[a:b]
	votes   [3]int16
	canon   string // a gazetteer's canonical name, when the name is in one
	fixed   int8   // the type a gazetteer fixes, or -1
	weak    bool   // found where capitals say little (headline, sentence start) and nothing else supports it
	titled  bool
	acronym bool
	ent     int
}

// Find returns the entities named in text, sorted by their first mention.
// sents are the sentence spans of text (sentence.Split); when nil, the text
// is taken as one sentence. Each entity's Mentions are byte spans of text
// in order, each covering one of its Aliases ("President Barack Obama",
// "Mr Obama", "Obama"); Name is the longest form without titles.
func Find(text string, sents []news.Span) []news.Entity {
	if len(sents) == 0 {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		sents = []news.Span{{Start: 0, End: len(text)}}
	}
	ts := make([]tok, 0, len(text)/5)
	for i, sp := range sents {
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		k := len(ts)
		ts = tokenize(ts, text, sp.Start, sp.End, int32(i), lex)
		markWeak(ts[k:], text)
	}
	f := finder{text: text, ts: ts}
	f.collect()
	if len(f.ms) == 0 {
		return nil
	}
	return f.resolve()
}

// markWeak flags every word of a title-case line (a headline), where
// capital letters do not mark names: one whose function words are
// capitalised ("Going To Go All The Way"), or whose every word is.
func markWeak(ts []tok, text string) {
	caps, lows, capStops := 0, 0, 0
	for i, t := range ts {
		switch {
		case t.has(fCap):
			caps++
			if i > 0 && isStopTitle(text[t.s:t.e]) {
				capStops++
			}
		case t.has(fLower) && !t.has(fParticle):
			if !token.IsStop(text[t.s:t.e]) {
				lows++
			}
		}
	}
	if capStops >= 2 && lows*3 <= caps || capStops >= 1 && lows == 0 && caps >= 4 {
		for i := range ts {
			ts[i].flags |= fWeak
		}
	}
}

type finder struct {
	text string
	ts   []tok
	ms   []mention
}

func (f *finder) word(i int) string { return f.text[f.ts[i].s:f.ts[i].e] }

// joined reports whether word i follows word i-1 in the same sentence with
// only spaces between them.
func (f *finder) joined(i int) bool {
	return i > 0 && f.ts[i].sent == f.ts[i-1].sent && f.ts[i].has(fClean) && !f.ts[i-1].has(fPoss)
}

// nameWord reports whether word i can be part of a name.
func (f *finder) nameWord(i int) bool {
	t := f.ts[i]
	if !t.has(fCap) && !t.has(fParticle) {
		return false
	}
	if t.has(fDigit) && !t.has(fAllCaps) {
		return false
	}
	w := f.word(i)
	// US-led, Iraqi-born: a hyphenated adjective.
	if h := strings.LastIndexAny(w, "-‑"); h > 0 && h+1 < len(w) {
		r, _ := utf8.DecodeRuneInString(w[h+1:])
		if unicode.IsLower(r) && !lex.titleHead.has(w) {
			return false
		}
	}
	if len(w) >= 4 && len(w) <= 6 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' && t.has(fAllCaps) {
		return false // a party and state label: R-SC, D-N.Y
	}
	if t.has(fAllCaps) {
		return !isStopTitle(w)
	}
	if w == "I" || lex.calendar.has(w) || lex.numbers.has(w) {
		return false
	}
	if isStopTitle(w) {
		return false
	}
	return true
}

// isStopTitle reports whether a capitalised word is a function word ("The",
// "But"): those never belong to a name.
func isStopTitle(w string) bool {
	if len(w) > 12 {
		return false
	}
	var buf [12]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	lw := string(buf[:len(w)])
	switch lw {
	case "us", "mr", "mrs", "ms", "dr", "may", "will", "new", "one", "two", "said", "says", "say", "get", "got", "like", "just":
		return false
	}
	return token.IsStop(lw)
}

// collect finds the runs of capitalised words and turns them into mentions.
func (f *finder) collect() {
	n := len(f.ts)
	for i := 0; i < n; {
		if !f.nameWord(i) {
			i++
			continue
		}
		j := i + 1
		hasOf := false
		for j < n && f.joined(j) {
			if f.nameWord(j) {
				j++
				continue
			}
			w := f.word(j)
			if lex.calendar.has(w) && w == "May" && lex.firstNames.has(f.word(j-1)) {
				j++
				continue
			}
			// A lower-case particle or connector between two name words.
			if j+1 < n && f.ts[j].has(fLower) && f.joined(j+1) {
				k := j + 1
				if (w == "of" || w == "for") && f.word(k) == "the" && k+1 < n && f.joined(k+1) {
					k++
				}
				if f.nameWord(k) && !f.ts[k].has(fLower) {
					prev := f.word(j - 1)
					ok := false
					switch {
					case lex.particles.has(w):
						ok = true
					case w == "of" || w == "for" || w == "on":
						ok = lex.orgStart.has(prev) || lex.orgHead.has(prev) || lex.placeHead.has(prev) ||
							lex.titleHead.has(prev) || prev == "States" || prev == "Secretary"
					case w == "and":
						ok = hasOf && !f.ts[k].has(fAllCaps)
					}
					if ok {
						if w == "of" || w == "for" || w == "on" {
							hasOf = true
						}
						j = k + 1
						continue
					}
				}
			}
			if w == "&" {
				j++
				continue
			}
			break
		}
		f.run(i, j)
		i = j
	}
}

// run turns the capitalised words toks[a:b] into zero or more mentions.
func (f *finder) run(a, b int) {
	a = f.skipConnectors(a, b)
	// Drop a sentence-initial common word: "The", "However", "Many".
	for a < b && f.ts[a].has(fInitial) && !f.knownPrefix(a, b) && !f.isTitle(a) {
		w := f.word(a)
		if lex.common.has(w) || isStopTitle(w) || b-a > 1 && commonShape(w) && !lex.firstNames.has(w) {
			a = f.skipConnectors(a+1, b)
			continue
		}
		break
	}
	for a < b && b-a > 1 && !f.wholeIsName(a, b) && !f.knownPrefix(a, b) {
		w := f.word(a)
		// Leading adjectives: "Iraqi Prime Minister", "Former Senator".
		if lex.demonym.has(w) || lex.leading.has(w) {
			a = f.skipConnectors(a+1, b)
			continue
		}
		break
	}
	if a >= b {
		return
	}
	// Organizations and known names keep their head words.
	if f.wholeIsName(a, b) {
		f.add(a, b, a, false)
		return
	}
	// A title before a name: "Defence Secretary Leon Panetta", "Mr Obama",
	// "New Jersey Gov. Chris Christie".
	for p := a; p < b; p++ {
		if !f.isTitle(p) {
			continue
		}
		q := p
		for q > a && lex.titleMod.has(f.word(q-1)) {
			q--
		}
		if q > a {
			f.run(a, q) // what stands before the title: "New Jersey", "U.S."
		}
		t := f.titleEnd(q, b)
		if t >= b {
			return // only a title: "the Prime Minister"
		}
		if w := f.word(t - 1); w == "of" || w == "the" {
			t--
		}
		if f.ts[t].has(fLower) && !f.ts[t].has(fParticle) {
			// "Governor of Arkansas": a title, then what it is of.
			f.run(t, b)
			return
		}
		f.add(t, b, q, true)
		return
	}
	// Other words before a first name: "Unlike Hillary Clinton".
	for k := a + 1; k+1 < b; k++ {
		if lex.firstNames.has(f.word(k)) && f.ts[k+1].has(fCap) && !lex.firstNames.has(f.word(k-1)) &&
			!f.ts[k-1].has(fParticle) && !f.ts[k-1].has(fDot) && !lex.particles.has(f.word(k-1)) &&
			!f.ts[k-1].has(fLower) {
			f.run(a, k)
			f.run(k, b)
			return
		}
	}
	f.add(a, b, a, false)
}

// isTitle reports whether word i is a person's title: "President", "Sen.".
func (f *finder) isTitle(i int) bool {
	w := f.word(i)
	if lex.titleHead.has(w) {
		return true
	}
	return f.ts[i].has(fDot) && dotWord(w) && !lex.dotName.has(w)
}

// knownPrefix reports whether toks[a:b] begins with a known place or
// organization of two or three words ("New York").
func (f *finder) knownPrefix(a, b int) bool {
	for k := a + 2; k <= b && k <= a+3; k++ {
		s := f.text[f.ts[a].s:f.ts[k-1].e]
		if _, ok := lex.places[s]; ok {
			return true
		}
		if _, ok := lex.orgAlias[s]; ok {
			return true
		}
	}
	return false
}

// commonShape reports whether a sentence-initial word looks like an
// ordinary word: an -ing, -ly or -ed form.
func commonShape(w string) bool {
	return len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed"))
}

func (f *finder) skipConnectors(a, b int) int {
	for a < b && f.ts[a].has(fLower) && !f.ts[a].has(fParticle) {
		a++
	}
	return a
}

// wholeIsName reports whether toks[a:b] is a known place or organization, or
// ends with an organization's or place's head word.
func (f *finder) wholeIsName(a, b int) bool {
	s := f.text[f.ts[a].s:f.ts[b-1].e]
	if _, ok := lex.places[s]; ok {
		return true
	}
	if _, ok := lex.orgAlias[s]; ok {
		return true
	}
	if b-a == 1 {
		return lex.orgWord.has(s)
	}
	last := f.word(b - 1)
	if lex.orgHead.has(last) || lex.placeHead.has(last) && !lex.titleHead.has(f.word(a)) {
		return true
	}
	first := f.word(a)
	return lex.orgStart.has(first) && b-a > 2 && f.word(a+1) == "of"
}

// titleEnd returns the index of the first word after the title phrase
// starting at toks[a], or a when there is none.
func (f *finder) titleEnd(a, b int) int {
	end := a
	head := false
	for i := a; i < b; i++ {
		w := f.word(i)
		switch {
		case f.isTitle(i):
			head = true
		case lex.titleMod.has(w), w == "of" || w == "the":
		default:
			if head {
				return i
			}
			return a
		}
		if head {
			end = i + 1
		}
	}
	if head {
		return end
	}
	return a
}

// add records the name toks[a:b] with its surface starting at word s.
func (f *finder) add(a, b, s int, titled bool) {
	for a < b && f.ts[b-1].has(fLower) && !f.ts[b-1].has(fParticle) {
		b--
	}
	if a >= b {
		return
	}
	last := f.word(b - 1)
	if lex.eventHead.has(last) && b-a > 1 {
		return
	}
	name := f.text[f.ts[a].s:f.ts[b-1].e]
	if b-a == 1 && (lex.demonym.has(name) || lex.titleHead.has(name) && !lex.orgWord.has(name)) {
		return
	}
	end := f.ts[b-1].e
	if f.ts[b-1].has(fDot) && !f.ts[b-1].has(fPoss) && f.ts[b-1].end > end {
		// Keep the dot of "U.S." and "Inc." unless it also ends the sentence.
		if b < len(f.ts) && f.ts[b].sent == f.ts[b-1].sent {
			end = f.ts[b-1].end
		}
	}
	m := mention{span: news.Span{Start: f.ts[s].s, End: end}, a: a, b: b, fixed: -1, titled: titled, ent: -1}
	if titled {
		m.votes[vPerson] += 8
	}
	f.evidence(&m, s)
	f.ms = append(f.ms, m)
}

// evidence collects the typing cues of mention m (surface starting at word s).
func (f *finder) evidence(m *mention, s int) {
	a, b := m.a, m.b
	name := f.text[f.ts[a].s:f.ts[b-1].e]
	first, last := f.word(a), f.word(b-1)
	single := b-a == 1
	allCaps := single && f.ts[a].has(fAllCaps)
	if c, ok := lex.places[name]; ok {
		m.canon, m.fixed = c, vPlace
		m.votes[vPlace] += 10
	} else if c, ok := lex.orgAlias[name]; ok {
		m.canon, m.fixed = c, vOrg
		m.votes[vOrg] += 10
	} else if single && lex.orgWord.has(name) {
		m.fixed = vOrg
		m.votes[vOrg] += 10
	} else if allCaps && f.ts[a].e-f.ts[a].s > 4 {
		if c, ok := lex.places[titleCase(name)]; ok { // WASHINGTON —
			m.canon, m.fixed = c, vPlace
			m.votes[vPlace] += 10
		}
	}
	if m.fixed < 0 {
		switch {
		case lex.orgHead.has(last) && !single:
			m.votes[vOrg] += 8
			m.fixed = vOrg
		case lex.orgStart.has(first) && b-a > 2 && f.word(a+1) == "of":
			m.votes[vOrg] += 8
			m.fixed = vOrg
		case lex.placeHead.has(last) && !single || lex.placeStart.has(first) && !single:
			m.votes[vPlace] += 6
			m.fixed = vPlace
		case !single && lex.orgWord.has(first):
			m.votes[vOrg] += 4
		}
	}
	if !single && m.fixed < 0 && !lex.firstNames.has(first) {
		// "Baja California", "Northern Virginia": a known place last.
		if _, ok := lex.places[last]; ok {
			m.votes[vPlace] += 4
		}
	}
	if allCaps {
		m.acronym = true
		m.votes[vOrg] += 3
	}
	if !single && lex.firstNames.has(first) {
		m.votes[vPerson] += 5
	} else if single && lex.firstNames.has(first) {
		m.votes[vPerson]++
	}
	if f.ts[a].has(fParticle) || !single && lex.particles.has(f.word(a+1)) {
		m.votes[vPerson] += 3
	}
	if !single && m.fixed < 0 && m.votes[vOrg] == 0 && m.votes[vPlace] == 0 {
		plain := true
		for i := a; i < b; i++ {
			if f.ts[i].has(fAllCaps) || f.ts[i].has(fLower) && !f.ts[i].has(fParticle) {
				plain = false
				break
			}
		}
		if plain {
			m.votes[vPerson] += 2
		}
	}
	if f.ts[b-1].has(fPoss) {
		m.votes[vPerson] += 2
	}
	// The word before the surface.
	if p := s - 1; p >= 0 && f.ts[p].sent == f.ts[s].sent {
		pw := f.word(p)
		pt := f.ts[p]
		switch {
		case pt.has(fLower) && lex.personNoun.has(pw):
			m.votes[vPerson] += 5
		case pw == "the" || pw == "The":
			nextLower := b < len(f.ts) && f.joined(b) && f.ts[b].has(fLower) && !lex.reportVerb.has(f.word(b))
			if !nextLower {
				m.votes[vOrg] += 3
				m.votes[vPerson] -= 3
			}
		case lex.reportVerb.has(pw) && (pt.has(fLower)):
			m.votes[vPerson] += 3
		case lex.placePrep.has(pw) && pt.has(fLower):
			switch {
			case pw == "of":
				m.votes[vPlace]++
			case f.ts[b-1].has(fPoss):
			default:
				m.votes[vPlace] += 2
			}
		}
	}
	// The word after the name.
	if n := b; n < len(f.ts) && f.ts[n].sent == f.ts[b-1].sent {
		nw := f.word(n)
		nt := f.ts[n]
		if nt.has(fLower) && lex.reportVerb.has(nw) && !f.ts[b-1].has(fPoss) {
			m.votes[vPerson] += 3
		} else if nt.has(fLower) && (nw == "has" || nw == "had" || nw == "have") && n+1 < len(f.ts) && lex.reportVerb.has(f.word(n+1)) {
			m.votes[vPerson] += 3
		} else if nt.has(fLower) && nw == "who" {
			m.votes[vPerson] += 3
		}
		if strings.HasSuffix(nw, "-based") {
			m.votes[vPlace] += 3
		}
	}
	if f.ts[a].has(fWeak) || f.ts[a].has(fInitial) && single && m.fixed < 0 && m.votes == [3]int16{} {
		m.weak = true
	}
}

func titleCase(s string) string {
	b := []byte(strings.ToLower(s))
	up := true
	for i, c := range b {
		if up && 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == ' ' || c == '-'
	}
	return string(b)
}

// surname returns the matching key of a name's last word: without a
// particle prefix ("al-Maliki" → "Maliki").
func surname(w string) string {
	for _, p := range lex.prefixes {
		if len(w) > len(p) && strings.EqualFold(w[:len(p)], p) {
			return w[len(p):]
		}
	}
	return w
}

// lastName returns the matching key of the surname of toks[a:b]: its last
// word without a particle prefix, skipping "Jr." and "III".
func (f *finder) lastName(a, b int) string {
	for b-a > 1 && lex.suffix.has(f.word(b-1)) {
		b--
	}
	return surname(f.word(b - 1))
}

type entity struct {
	name    string
	typ     int // fixed type or -1
	ms      []int
	votes   [3]int
	first   string // first word of the longest name
	last    string // surname key of the longest name
	ntok    int
	words   []string
	strong  bool
	removed bool
}

// resolve links the mentions into entities.
func (f *finder) resolve() []news.Entity {
	order := make([]int, len(f.ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		mx, my := &f.ms[x], &f.ms[y]
		return (my.b - my.a) - (mx.b - mx.a)
	})
	var ents []entity
	byName := make(map[string]int, len(f.ms))
	for _, mi := range order {
		m := &f.ms[mi]
		name := f.text[f.ts[m.a].s:f.ts[m.b-1].e]
		key := name
		if m.canon != "" {
			key = m.canon
		}
		if e, ok := byName[key]; ok {
			f.link(ents, e, mi)
			continue
		}
		if e := f.match(ents, mi); e >= 0 {
			f.link(ents, e, mi)
			continue
		}
		e := entity{name: key, typ: int(m.fixed), ntok: m.b - m.a}
		e.first = f.word(m.a)
		e.last = f.lastName(m.a, m.b)
		for i := m.a; i < m.b; i++ {
			if f.ts[i].has(fCap) {
				e.words = append(e.words, f.word(i))
			}
		}
		ents = append(ents, e)
		byName[key] = len(ents) - 1
		f.link(ents, len(ents)-1, mi)
	}
	out := make([]news.Entity, 0, len(ents))
	for i := range ents {
		e := &ents[i]
		for _, mi := range e.ms {
			m := &f.ms[mi]
			for k := range 3 {
				e.votes[k] += int(m.votes[k])
			}
			if !m.weak {
				e.strong = true
			}
		}
		if !e.strong && e.typ < 0 {
			continue
		}
		typ := e.typ
		if typ < 0 {
			best, bv := -1, 0
			for k := range 3 {
				if e.votes[k] > bv {
					best, bv = k, e.votes[k]
				}
			}
			if best < 0 {
				continue // nothing says what it is
			}
			typ = best
		}
		slices.SortFunc(e.ms, func(x, y int) int { return f.ms[x].span.Start - f.ms[y].span.Start })
		ne := news.Entity{Name: e.name, Type: types[typ], Mentions: make([]news.Span, 0, len(e.ms))}
		for _, mi := range e.ms {
			sp := f.ms[mi].span
			ne.Mentions = append(ne.Mentions, sp)
			alias := f.text[sp.Start:sp.End]
			if !slices.Contains(ne.Aliases, alias) {
				ne.Aliases = append(ne.Aliases, alias)
			}
		}
		out = append(out, ne)
	}
	slices.SortFunc(out, func(x, y news.Entity) int { return x.Mentions[0].Start - y.Mentions[0].Start })
	return out
}

var types = [3]news.EntityType{news.Person, news.Organization, news.Place}

func (f *finder) link(ents []entity, e, mi int) {
	ents[e].ms = append(ents[e].ms, mi)
	f.ms[mi].ent = e
}

// match returns the entity a shorter mention refers to, or -1: "Obama" and
// "Mr Obama" for "Barack Obama", "George Bush" for "George W. Bush", "NRA"
// for "National Rifle Association".
func (f *finder) match(ents []entity, mi int) int {
	m := &f.ms[mi]
	n := m.b - m.a
	if m.acronym {
		w := f.word(m.a)
		for i := range ents {
			if len(ents[i].words) == len(w) && len(w) >= 2 && ents[i].typ != vPlace && initials(ents[i].words) == w {
				return i
			}
		}
	}
	if m.fixed >= 0 && !m.titled && m.votes[vPerson] < 3 {
		return -1
	}
	first := f.word(m.a)
	last := f.lastName(m.a, m.b)
	best, bestPos := -1, -1
	consider := func(i int) {
		// Prefer the entity mentioned last before m; else the first found.
		pos := -1
		for _, x := range ents[i].ms {
			if s := f.ms[x].span.Start; s < m.span.Start && s > pos {
				pos = s
			}
		}
		if best < 0 || pos > bestPos {
			best, bestPos = i, pos
		}
	}
	for i := range ents {
		e := &ents[i]
		if e.last == "" || e.ntok <= n && !(n > 1 && e.ntok == n) {
			continue
		}
		if e.typ >= 0 && e.typ != vPerson {
			// "the Times" for "The New York Times".
			if n == 1 && e.typ == vOrg && e.ntok > 1 && m.votes[vPerson] <= 0 && e.words[len(e.words)-1] == f.word(m.a) {
				consider(i)
			}
			continue
		}
		if n == 1 {
			if last == e.last {
				consider(i)
			}
			continue
		}
		if last == e.last && (first == e.first || len(first) <= 2 && strings.HasPrefix(e.first, first[:1])) {
			consider(i)
		}
	}
	if best < 0 && n == 1 && !m.titled {
		// A first name alone: "Hillary" for "Hillary Clinton".
		for i := range ents {
			e := &ents[i]
			if e.ntok > 1 && e.first == first && e.typ < 0 && m.fixed < 0 {
				consider(i)
			}
		}
	}
	return best
}

// initials returns the first letters of words: "NRA" for National Rifle
// Association.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteByte(w[0])
	}
	return b.String()
}
