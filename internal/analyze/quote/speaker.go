package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// subject returns the speaker in the words before a cue: the subject of the
// cue's clause. Apposition is skipped ("Jordan, an oversight panel member,
// said"), as is a fronted adverbial ("Earlier this month, X said").
func (f *finder) subject(ts []news.Token) speaker {
	text := f.text
	n := len(ts)
	to := false
	for n > 0 {
		t := ts[n-1]
		if !isWord(t) || capitalised(t) {
			break
		}
		switch {
		case in(cAux, t):
		case wordIs(text, t, "to"):
			to = true
		case to && isCue(t):
		case n >= 2 && lyAdverb(text, t) && (ts[n-2].Kind == news.Punct || capitalised(ts[n-2]) || in(cPronoun, ts[n-2]) || in(cAux, ts[n-2])):
		default:
			goto done
		}
		n--
	}
done:
	appos := false
	for n > 0 && ts[n-1].Kind == news.Punct {
		r := punctRune(text, ts[n-1])
		if r == ')' {
			break
		}
		if r == ',' || isDash(r) {
			appos = true
		}
		n--
	}
	ts = ts[:n]
	if n == 0 {
		return speaker{}
	}
	// Part boundaries: commas and dashes outside parentheses.
	var cuts [16]int
	nc := 0
	depth := 0
	for i, t := range ts {
		if isWord(t) {
			continue
		}
		switch r := punctRune(text, t); {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (r == ',' || isDash(r)) && nc < len(cuts):
			cuts[nc] = i
			nc++
		}
	}
	part := func(p int) []news.Token { // part p of 0..nc
		s, e := 0, n
		if p > 0 {
			s = cuts[p-1] + 1
		}
		if p < nc {
			e = cuts[p]
		}
		return ts[s:e]
	}
	if !appos || nc == 0 {
		last := part(nc)
		if nc > 0 && len(last) > 0 && isWord(last[0]) && !capitalised(last[0]) && !in(cPronoun|cDet|cSubord, last[0]) {
			// Smith stormed back, leaned in and said / She paused, then
			// added: a verb phrase with no subject of its own shares the
			// main clause's, after any fronted adverbial, when that is a
			// pronoun or a person's name.
			for p := 0; p < nc; p++ {
				if pt := part(p); len(pt) > 0 && !in(cLead|cSubord|cCut, pt[0]) {
					if sp := f.leadSubject(pt); sp.pronoun || sp.found() && f.personAt(sp.s, sp.e) {
						return sp
					}
					break
				}
			}
		}
		// … struck the right tone when he said: the clause after the
		// last subordinating word.
		for k := len(last) - 1; k > 0; k-- {
			if t := last[k]; isWord(t) && !capitalised(t) && (in(cSubord, t) || wordIs(text, t, "and") || wordIs(text, t, "but") || wordIs(text, t, "that")) {
				if k+1 < len(last) && (in(cPronoun, last[k+1]) || capitalised(last[k+1])) {
					if sp := f.nameOf(last[k+1:]); sp.found() {
						return sp
					}
				}
				break
			}
		}
		if sp := f.leadSubject(last); sp.pronoun {
			return sp // She paused, then added:
		}
		return f.nameOf(last)
	}
	// Gov. John Kasich (R-OH), said: a name, and a stray comma.
	if last := part(nc); len(last) > 0 && capitalised(last[0]) && !in(cLead|cCut, last[0]) && (!in(cStopCap, last[0]) || isTitle(last[0])) {
		if sp := f.nameOf(last); sp.found() && !sp.nominal && !sp.pronoun {
			return sp
		}
	}
	// X, an aide, said: the subject is before the apposition.
	for p := nc - 1; p >= 0; p-- {
		if sp := f.nameOf(part(p)); sp.found() && !sp.nominal {
			return sp
		}
	}
	if sp := f.nameOf(part(nc - 1)); sp.found() {
		return sp
	}
	return f.nameOf(part(nc))
}

// personAt reports whether text[s:e] overlaps a person entity's mention.
func (f *finder) personAt(s, e int) bool {
	i := f.entityAt(s, e)
	return i >= 0 && f.ents[i].Type == news.Person
}

// leadSubject returns the subject opening a clause followed by its verb:
// a pronoun or a capitalised name, then a lower-case word ("He paused",
// "Grimm stormed back"); none when the clause opens otherwise.
func (f *finder) leadSubject(ts []news.Token) speaker {
	k := 0
	for k < len(ts) && isWord(ts[k]) && capitalised(ts[k]) && !in(cStopCap|cLead, ts[k]) {
		k++
	}
	if k == 0 && len(ts) > 0 && in(cPronoun, ts[0]) && capitalised(ts[0]) {
		k = 1
	}
	if k == 0 || k == len(ts) || !isWord(ts[k]) || capitalised(ts[k]) || in(cAux, ts[k]) && k+1 == len(ts) {
		return speaker{}
	}
	return f.nameOf(ts[:k])
}

// mainSubject returns the subject of the sentence's main clause: the first
// comma-separated part that is not a fronted adverbial or subordinate
// clause, read from its start ("On Thursday, Warren appeared …, saying").
func (f *finder) mainSubject(ts []news.Token) speaker {
	text := f.text
	s := 0
	for s < len(ts) {
		e := s
		depth := 0
		for e < len(ts) {
			r := punctRune(text, ts[e])
			if r == '(' {
				depth++
			} else if r == ')' && depth > 0 {
				depth--
			} else if depth == 0 && (r == ',' || isDash(r) || r == ';') {
				break
			}
			e++
		}
		part := ts[s:e]
		s = e + 1
		k := 0
		for k < len(part) && part[k].Kind == news.Punct {
			k++
		}
		if k == len(part) {
			continue
		}
		w := part[k]
		if in(cLead|cSubord|cCut, w) || in(cStopCap, w) && !in(cDet|cPronoun|cTitle, w) {
			continue // Here in Columbia, …
		}
		if in(cPronoun, w) {
			return speaker{s: int(w.Start), e: int(w.Ext), pronoun: true}
		}
		if capitalised(w) {
			re := k + 1
			for re < len(part) && isWord(part[re]) && (capitalised(part[re]) || in(cParticle, part[re]) && re+1 < len(part) && capitalised(part[re+1])) {
				re++
			}
			if possessive(part[re-1]) {
				return f.nameOf(part[k:min(len(part), re+3)])
			}
			return f.nameOf(part[k:re])
		}
		e = k
		for e < len(part) && e < k+6 && !(isWord(part[e]) && !capitalised(part[e]) && (isCue(part[e]) || in(cAux, part[e]))) {
			e++
		}
		return f.nameOf(part[k:e])
	}
	return speaker{}
}

// nameOf reads a speaker phrase: a pronoun, a name (titles dropped:
// "Senate Majority Leader Mitch McConnell" gives "Mitch McConnell") or a
// description ("a White House spokesman").
func (f *finder) nameOf(ts []news.Token) speaker {
	ts = f.trimPhrase(ts)
	if len(ts) == 0 {
		return speaker{}
	}
	if in(cPronoun, ts[0]) && (len(ts) == 1 || len(ts) == 2 && in(cAux, ts[1])) {
		return speaker{s: int(ts[0].Start), e: int(ts[0].Ext), pronoun: true}
	}
	end := f.coreEnd(ts)
	if rs, re := f.lastRun(ts, end); rs >= 0 && (re == end || f.onlyNumbers(ts[re:end])) {
		if sp, ok := f.runName(ts, rs, re); ok {
			return sp
		}
	}
	// Trump took to Twitter: a name followed by its verb.
	if k := 0; isWord(ts[0]) && capitalised(ts[0]) && !in(cStopCap, ts[0]) {
		for k < len(ts) && isWord(ts[k]) && capitalised(ts[k]) {
			k++
		}
		if k < len(ts) && isWord(ts[k]) && !capitalised(ts[k]) && (isCue(ts[k]) || in(cAux, ts[k])) && !possessive(ts[k-1]) {
			return f.nameOf(ts[:k])
		}
	}
	return f.description(ts)
}

// trimPhrase drops the marks and the leading adverbial or prepositional
// words before a speaker phrase ("In Iowa", "of"), and the marks after it
// but a closing parenthesis.
func (f *finder) trimPhrase(ts []news.Token) []news.Token {
	text := f.text
	i := 0
	for i < len(ts) {
		t := ts[i]
		if t.Kind == news.Punct && punctRune(text, t) != '(' || isWord(t) && (in(cLead, t) || in(cCut, t) && !capitalised(t)) && !(capitalised(t) && i+1 < len(ts) && capitalised(ts[i+1]) && !in(cStopCap, t)) {
			i++
			continue
		}
		break
	}
	ts = ts[i:]
	for len(ts) > 0 && ts[len(ts)-1].Kind == news.Punct && punctRune(text, ts[len(ts)-1]) != ')' {
		ts = ts[:len(ts)-1]
	}
	return ts
}

// coreEnd returns where the core of a speaker phrase ends: at the first
// preposition or relative word ("Charles Rangel of New York"), but for a
// title's "of" (Secretary of State John Kerry).
func (f *finder) coreEnd(ts []news.Token) int {
	for k := 1; k < len(ts); k++ {
		t := ts[k]
		if isWord(t) && !capitalised(t) && in(cCut, t) {
			if wordIs(f.text, t, "of") && isTitle(ts[k-1]) && k+1 < len(ts) && capitalised(ts[k+1]) {
				continue
			}
			return k
		}
	}
	return len(ts)
}

// lastRun returns the last run of capitalised words (and name particles
// between them) in ts[:end], outside parentheses, that does not end in a
// possessive ("Al Jazeera's Rosiland Jordan" gives Rosiland Jordan); -1s
// when there is none.
func (f *finder) lastRun(ts []news.Token, end int) (rs, re int) {
	rs, re = -1, -1
	depth := 0
	for k := 0; k < end; {
		t := ts[k]
		if t.Kind == news.Punct {
			switch punctRune(f.text, t) {
			case '(':
				depth++
			case ')':
				if depth > 0 {
					depth--
				}
			}
			k++
			continue
		}
		if depth > 0 || !capitalised(t) || k == 0 && in(cStopCap, t) && !isTitle(t) {
			k++
			continue
		}
		s := k
		k++
		for k < end && !possessive(ts[k-1]) {
			t := ts[k]
			if isWord(t) && (capitalised(t) || in(cParticle, t) && k+1 < end && capitalised(ts[k+1])) {
				k++
				continue
			}
			break
		}
		if !possessive(ts[k-1]) {
			rs, re = s, k
		}
	}
	return rs, re
}

// onlyNumbers reports whether ts holds only numbers, marks and words in
// parentheses: what may follow a name that still ends its phrase
// ("Kasich (R-OH)", "Smith, 42").
func (f *finder) onlyNumbers(ts []news.Token) bool {
	d := 0
	for _, t := range ts {
		if t.Kind == news.Punct {
			switch punctRune(f.text, t) {
			case '(':
				d++
			case ')':
				d--
			}
			continue
		}
		if d > 0 {
			continue
		}
		if r, _ := runeAt(f.text, int(t.Start)); !isDigit(r) {
			return false
		}
	}
	return true
}

// runName returns the name of the capitalised run ts[rs:re], its titles
// dropped and the gender they tell kept, unless the run is no name: a
// title or an abbreviation alone, a determiner's untitled description
// ("the Florida Senate"), a stop word.
func (f *finder) runName(ts []news.Token, rs, re int) (speaker, bool) {
	text := f.text
	run := ts[rs:re]
	ti := -1
	var female int8
	for k := 0; k < len(run); k++ {
		if isTitle(run[k]) {
			if k < len(run)-1 {
				ti = k
			}
			if in(cFemale, run[k]) {
				female = 1
			} else if in(cMale, run[k]) {
				female = -1
			}
		}
	}
	name := run[ti+1:]
	titled := ti >= 0
	det := rs > 0 && in(cDet, ts[rs-1])
	if rs > 0 && isWord(ts[rs-1]) && !capitalised(ts[rs-1]) && !in(cDet, ts[rs-1]) && isTitle(ts[rs-1]) {
		titled = true // former Gov. X, campaign manager Robby Mook
	}
	single := len(name) == 1 && (isTitle(name[0]) || abbreviation(text, name[0]))
	if single || !titled && det || len(name) == 1 && in(cStopCap, name[0]) {
		return speaker{}, false
	}
	s, e := name[0].Start, name[len(name)-1].Ext
	if text[e-1] == '.' && e-s > 2 && !keepsDot(text, name) {
		e-- // the sentence's period
	}
	return speaker{s: int(s), e: int(e), name: text[s:e], female: female}, true
}

// description returns the phrase as a nominal speaker: ten words at most,
// without a relative clause ("one lobbyist who spoke on condition of
// anonymity") or a quote.
func (f *finder) description(ts []news.Token) speaker {
	text := f.text
	e := len(ts)
	words := 0
	for k, t := range ts {
		if k > 0 && (isWord(t) && (wordIs(text, t, "who") || wordIs(text, t, "which") || wordIs(text, t, "whose") || !capitalised(t) && (wordIs(text, t, "said") || wordIs(text, t, "would") || wordIs(text, t, "was") || wordIs(text, t, "is"))) || isQuoteRune(punctRune(text, t))) {
			e = k // a clause or a quote begins: the description ends
			break
		}
		if isWord(t) {
			words++
			if words > 10 {
				e = k
				break
			}
		}
	}
	for e > 0 && ts[e-1].Kind == news.Punct {
		e--
	}
	if e == 0 {
		return speaker{}
	}
	s, se := ts[0].Start, ts[e-1].Ext
	return speaker{s: int(s), e: int(se), name: text[s:se], nominal: true}
}

// keepsDot reports whether the final dot of a name is its own: the name
// has other dots (U.S., John F. Kennedy Jr.) or is one initial, title or
// dotted name word (B., Jr.), not an abbreviation ending the sentence
// (Calif., Smith Jr.).
func keepsDot(text string, name []news.Token) bool {
	s, e := name[0].Start, name[len(name)-1].Ext-1
	if strings.IndexByte(text[s:e], '.') >= 0 {
		return true
	}
	return len(name) == 1 && (isTitle(name[0]) || in(lexicon.DottedName, name[0]))
}

// resolve turns a pronoun speaker into the person it stands for: the speaker
// of a quote, or the first person named, in the closest sentence before pos
// that has one (at most six sentences back). He and she are resolved so,
// "it" to an organization and "they" to two people named together (with
// entities); other pronouns keep an empty name.
func (f *finder) resolve(k int, p speaker, pos int) speaker {
	text := f.text
	var want int8
	switch {
	case strings.EqualFold(text[p.s:p.e], "he"):
		want = -1
	case strings.EqualFold(text[p.s:p.e], "she"):
		want = 1
	case strings.EqualFold(text[p.s:p.e], "it") && len(f.mentions) > 0:
		// "…," it said: the organization last named as a subject.
		end := pos
		for n := 0; n < 3 && end > 0; n++ {
			for end > 0 && isSpaceByte(text[end-1]) {
				end--
			}
			if end == 0 {
				break
			}
			start := f.sentBefore(end)
			if name, ok := f.firstMention(start, end, news.Organization, 0); ok {
				return speaker{s: p.s, e: p.e, name: name, resolved: true}
			}
			end = start
		}
		return p
	case strings.EqualFold(text[p.s:p.e], "they") && len(f.mentions) > 0:
		if name, ok := f.pairBefore(k, pos); ok {
			return speaker{s: p.s, e: p.e, name: name, resolved: true, pair: true}
		}
		return p
	default:
		return p
	}
	end := pos
	j := k - 1
	for n := 0; n < 6; n++ {
		for end > 0 && isSpaceByte(text[end-1]) {
			end--
		}
		if end == 0 {
			break
		}
		start := f.sentBefore(end)
		for j >= 0 && f.frags[j].open >= end {
			j--
		}
		for ; j >= 0 && f.frags[j].open >= start; j-- {
			sp := f.frags[j].spk
			if sp.found() && !sp.pronoun && !sp.nominal && !sp.pair && sp.name != "" && (sp.female == 0 || sp.female == want) {
				return speaker{s: p.s, e: p.e, name: sp.name, female: want, resolved: true}
			}
		}
		if name, ok := f.reporter(start, end, want); ok {
			return speaker{s: p.s, e: p.e, name: name, female: want, resolved: true}
		}
		if name, ok := f.firstPerson(start, end, want); ok {
			return speaker{s: p.s, e: p.e, name: name, female: want, resolved: true}
		}
		end = start
	}
	return p
}

// reporter returns the person (an entity) who is the subject of the first
// reporting verb of text[s:e] outside quotes, when its gender is not the
// other one: the
// speaker of reported speech ("Island governor Ali Reza told AFP that …"),
// whom a pronoun in the next sentence most often continues.
func (f *finder) reporter(s, e int, want int8) (string, bool) {
	ts := f.tokens(s, e)
	for c, t := range ts {
		if !isCue(t) {
			continue
		}
		sp := f.subject(ts[:c])
		if !sp.found() || sp.pronoun || sp.nominal || sp.name == "" {
			return "", false
		}
		if k := startingAt(ts, sp.s); k > 0 && in(cSubord, ts[k-1]) {
			return "", false // "… when Tapper asked": not the main clause
		}
		i := f.entityAt(sp.s, sp.e)
		if i < 0 || f.ents[i].Type != news.Person {
			return "", false
		}
		g := f.genderOf(sp.s)
		if g == 0 {
			g = entityGender(f.ents[i])
		}
		if want != 0 && g != 0 && g != want {
			return "", false
		}
		return f.ents[i].Name, true
	}
	return "", false
}

// pairBefore resolves "they" to two people named together ("Mr. Udall and
// Mr. Wyden"), in the closest sentence before pos that names a person (at
// most three sentences back): the pair a quote of that sentence was
// credited to, else two person mentions joined by "and". A sentence naming
// one person, or people not joined so, ends the search unresolved: "they"
// may then be anyone.
func (f *finder) pairBefore(k, pos int) (string, bool) {
	text := f.text
	end := pos
	j := k - 1
	for n := 0; n < 3; n++ {
		for end > 0 && isSpaceByte(text[end-1]) {
			end--
		}
		if end == 0 {
			break
		}
		start := f.sentBefore(end)
		for j >= 0 && f.frags[j].open >= end {
			j--
		}
		for ; j >= 0 && f.frags[j].open >= start; j-- {
			if sp := f.frags[j].spk; sp.pair {
				return sp.name, true
			}
		}
		ms := f.mentions
		i := sort.Search(len(ms), func(x int) bool { return ms[x].Start >= start })
		named := false
		for ; i < len(ms) && ms[i].Start < end; i++ {
			a := ms[i]
			if f.ents[a.ent].Type != news.Person || f.inQuote(a.Start) {
				continue
			}
			named = true
			if i+1 == len(ms) || ms[i+1].Start >= end {
				continue
			}
			b := ms[i+1]
			if f.ents[b.ent].Type == news.Person && b.ent != a.ent && a.End <= b.Start &&
				strings.TrimSpace(text[a.End:b.Start]) == "and" && f.pairSubject(start, a.Start, b.End) {
				return f.ents[a.ent].Name + " and " + f.ents[b.ent].Name, true
			}
		}
		if named {
			break
		}
		end = start
	}
	return "", false
}

// pairSubject reports whether the pair of names text[s:e], in the sentence
// starting at start, is the subject of a clause: it opens the sentence or
// follows a comma ("On Friday, X and Y released"), and a lower-case word,
// the verb, follows it. A pair inside a longer name ("the Trade and
// Investment Partnership") or an apposition ("her husband, X and Y.") is
// not.
func (f *finder) pairSubject(start, s, e int) bool {
	before := strings.TrimSpace(f.text[start:s])
	if before != "" && !strings.HasSuffix(before, ",") {
		return false
	}
	r, _ := runeAt(f.text, e)
	if r != ' ' {
		return false
	}
	r, _ = runeAt(f.text, e+1)
	return isLetter(r) && !isUpper(r)
}

// sentBefore returns where the sentence ending at end starts: its final
// mark (a period, or a quotation mark after one) is not taken for the end
// of the sentence before.
func (f *finder) sentBefore(end int) int {
	_, n := runeBefore(f.text, end)
	start, _ := f.sentStart(max(0, end-3000), end-n)
	return start
}

// firstPerson returns the first person named in text[s:e] outside quotes:
// a person entity's mention when there are entities, else a capitalised run
// that looks like a person's name (a title before it, two words or more, or
// the name of an earlier speaker).
func (f *finder) firstPerson(s, e int, want int8) (string, bool) {
	text := f.text
	if len(f.mentions) > 0 {
		return f.firstMention(s, e, news.Person, want)
	}
	ts := f.tokens(s, e)
	// (The words inside quotes are not among the tokens.)
	for k := 0; k < len(ts); k++ {
		t := ts[k]
		if t.Kind == news.Punct {
			continue
		}
		if !capitalised(t) || in(cStopCap, t) && !isTitle(t) {
			continue
		}
		rs := k
		for k < len(ts) && isWord(ts[k]) && (capitalised(ts[k]) || in(cParticle, ts[k]) && k+1 < len(ts) && capitalised(ts[k+1])) {
			k++
			if possessive(ts[k-1]) {
				break
			}
		}
		run := ts[rs:k]
		ti := -1
		var g int8
		for x := range run {
			if isTitle(run[x]) && x < len(run)-1 {
				ti = x
			}
			if in(cFemale, run[x]) {
				g = 1
			} else if in(cMale, run[x]) {
				g = -1
			}
		}
		name := run[ti+1:]
		if len(name) == 0 || g != 0 && g != want {
			continue
		}
		if k < len(ts) && isWord(ts[k]) && !capitalised(ts[k]) && !isCue(ts[k]) && !in(cAux, ts[k]) {
			// "Republican voters", "White House officials": a modifier.
			if !(ti >= 0) && in(cStopCap, ts[k]) == false && len(run) < 2 {
				continue
			}
		}
		if possessive(run[len(run)-1]) {
			continue
		}
		ns, ne := name[0].Start, name[len(name)-1].Ext
		if ti >= 0 || len(name) >= 2 || f.knownSpeaker(text[ns:ne]) {
			return f.ownCanonical(text[ns:ne]), true
		}
	}
	return "", false
}

// firstMention returns the canonical name of the first entity of type typ
// mentioned in text[s:e] outside quotes, of gender want when the article
// gives one (0: any).
func (f *finder) firstMention(s, e int, typ news.EntityType, want int8) (string, bool) {
	ms := f.mentions
	i := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= s })
	for _, m := range ms[i:] {
		if m.Start >= e {
			break
		}
		if f.ents[m.ent].Type != typ || f.inQuote(m.Start) {
			continue
		}
		if want != 0 {
			g := f.genderOf(m.Start)
			if g == 0 {
				g = entityGender(f.ents[m.ent])
			}
			if g != 0 && g != want {
				continue
			}
		}
		return f.ents[m.ent].Name, true
	}
	return "", false
}

// entityGender reads a person's gender from the honorifics among the
// entity's aliases ("Mrs Clinton"), else from a woman's given name opening
// its name; 0 when none says.
func entityGender(e news.Entity) int8 {
	for _, a := range e.Aliases {
		sp := strings.IndexByte(a, ' ')
		if sp < 0 {
			continue
		}
		if g := honorificGender(strings.TrimSuffix(a[:sp], ".")); g != 0 {
			return g
		}
	}
	if given, _, ok := strings.Cut(e.Name, " "); ok && lex.Is(given, lexicon.GivenNameFemale) {
		return 1 // Hillary Clinton
	}
	return 0
}

// honorificGender returns +1 for a woman's honorific (Mrs, Ms), -1 for a
// man's (Mr, Sir), 0 for any other word. Roles do not count: "Trump
// spokesman Hope Hicks".
func honorificGender(w string) int8 {
	if !lex.Has("honorifics", w) {
		return 0
	}
	switch c := lex.Lookup(w); {
	case c&cFemale != 0:
		return 1
	case c&cMale != 0:
		return -1
	}
	return 0
}

// genderOf reads the gender of the mention starting at s from the
// honorific right before it (Mrs Clinton, Mr. Obama), or the lower-case
// title or kin noun before it, with or without a comma ("his wife, Huma").
func (f *finder) genderOf(s int) int8 {
	k := f.tokenAt(s) - 1
	if k < 0 {
		return 0
	}
	t := f.toks[k]
	if punctRune(f.text, t) == ',' && k > 0 {
		// "his wife, Huma Lee": a kin or role noun in apposition.
		t = f.toks[k-1]
		if !isWord(t) || t.Flags&news.Lower == 0 {
			return 0
		}
		return nounGender(t)
	}
	if !isWord(t) || strings.TrimLeft(f.text[t.Ext:s], " \t\r\n") != "" {
		return 0
	}
	if t.Flags&news.Lower != 0 {
		return nounGender(t) // "wife Ann", "spokeswoman Ann Lee"
	}
	return honorificGender(f.text[t.Start:t.End])
}

// nounGender reads a person's gender from a lower-case title, role or kin
// noun before the name (wife, spokesman), 0 when it tells none.
func nounGender(t news.Token) int8 {
	switch {
	case in(cFemale, t):
		return 1
	case in(cMale, t):
		return -1
	}
	return 0
}

// inQuote reports whether pos lies inside a quote found so far.
func (f *finder) inQuote(pos int) bool {
	for i := range f.frags {
		q := &f.frags[i]
		if q.open > pos {
			return false
		}
		if pos < q.closeEnd {
			return true
		}
	}
	return false
}

// knownSpeaker reports whether name is, or ends, an earlier speaker's name.
func (f *finder) knownSpeaker(name string) bool {
	for i := range f.frags {
		sp := f.frags[i].spk
		if sp.nominal || sp.name == "" {
			continue
		}
		if sp.name == name || endsWithWord(sp.name, name) {
			return true
		}
	}
	return false
}

// ownCanonical returns the earliest earlier speaker name that ends with
// name ("Trump" gives "Donald Trump"), or name.
func (f *finder) ownCanonical(name string) string {
	if strings.IndexByte(name, ' ') >= 0 || len(f.ents) > 0 {
		return name
	}
	for i := range f.frags {
		sp := f.frags[i].spk
		if sp.nominal || sp.name == "" || sp.name == name {
			continue
		}
		if endsWithWord(sp.name, name) {
			return sp.name
		}
	}
	return name
}

// canonical returns the name to report for a named speaker: the canonical
// name of the entity its mention belongs to, else of a person entity with
// that alias, else the name as read (completed from an earlier speaker's
// full name).
func (f *finder) canonical(sp speaker) string {
	if sp.resolved {
		return sp.name
	}
	if len(f.ents) > 0 {
		// A person whose mention overlaps the speaker's, or another entity
		// named by exactly the speaker's words.
		if i := f.entityAt(sp.s, sp.e); i >= 0 && (f.ents[i].Type == news.Person || f.mentionIs(i, sp.s, sp.e)) {
			return f.ents[i].Name
		}
		if i := f.entityNamed(sp.name); i >= 0 {
			return f.ents[i].Name
		}
	}
	return f.ownCanonical(sp.name)
}

// endsWithWord reports whether name ends with the word w after a space
// ("Donald Trump", "Trump").
func endsWithWord(name, w string) bool {
	n := len(name) - len(w)
	return n > 0 && name[n-1] == ' ' && name[n:] == w
}

// mentionIs reports whether entity i has a mention exactly [s, e).
func (f *finder) mentionIs(i, s, e int) bool {
	for _, m := range f.ents[i].Mentions {
		if m.Start == s && m.End == e {
			return true
		}
	}
	return false
}

// abbreviation reports whether a one-word name is an abbreviation that
// names no one: a party and state (R-Ky, D-N.Y.) or a state (N.C).
func abbreviation(text string, t news.Token) bool {
	w := text[t.Start:t.End]
	if len(w) >= 3 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' {
		return true
	}
	return strings.IndexByte(w, '.') > 0 && len(w) <= 6
}

// resolveTitle resolves a description made of a determiner and lower-case
// words ending in a title ("the senator", "the former governor") to the
// person last named with that title, in the sentence before pos or up to
// five before it. Descriptions with a capitalised word ("the Florida
// senator") are left as they are: they name their speaker well enough.
func (f *finder) resolveTitle(sp speaker, pos int) (string, bool) {
	text := f.text
	ts := f.tokens(sp.s, sp.e)
	if len(ts) < 2 || len(ts) > 4 || !in(cDet, ts[0]) {
		return "", false
	}
	for _, t := range ts {
		if !isWord(t) || capitalised(t) {
			return "", false
		}
	}
	title := ts[len(ts)-1]
	if !isTitle(title) {
		return "", false
	}
	end := pos
	for n := 0; n < 6; n++ {
		for end > 0 && isSpaceByte(text[end-1]) {
			end--
		}
		if end == 0 {
			break
		}
		start := f.sentBefore(end)
		ms := f.mentions
		i := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= start })
		for ; i < len(ms) && ms[i].Start < end; i++ {
			e := &f.ents[ms[i].ent]
			if e.Type == news.Person && hasTitle(e, text[title.Start:title.End]) {
				return e.Name, true
			}
		}
		end = start
	}
	return "", false
}

// hasTitle reports whether one of a person's aliases starts with title or
// its usual abbreviation (senator: Sen., governor: Gov.).
func hasTitle(e *news.Entity, title string) bool {
	abbr := ""
	switch strings.ToLower(title) {
	case "senator":
		abbr = "sen"
	case "governor":
		abbr = "gov"
	case "representative", "congressman", "congresswoman":
		abbr = "rep"
	case "general":
		abbr = "gen"
	case "president":
		abbr = "pres"
	}
	for _, a := range e.Aliases {
		w := a
		if k := strings.IndexByte(a, ' '); k > 0 {
			w = a[:k]
		} else {
			continue
		}
		w = strings.TrimSuffix(w, ".")
		if strings.EqualFold(w, title) || abbr != "" && strings.EqualFold(w, abbr) {
			return true
		}
	}
	return false
}
