package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// subject returns the speaker in the words before a cue: the subject of the
// cue's clause. Apposition is skipped ("Jordan, an oversight panel member,
// said"), as is a fronted adverbial ("Earlier this month, X said").
func (f *finder) subject(ts []tok) speaker {
	text := f.text
	n := len(ts)
	to := false
	for n > 0 {
		t := ts[n-1]
		if t.kind != tokWord || capitalised(text, t) {
			break
		}
		switch {
		case wordIn(fAux, text, t):
		case wordIs(text, t, "to"):
			to = true
		case to && isCue(text, t):
		case n >= 2 && lyAdverb(text, t) && (ts[n-2].kind == tokPunct || capitalised(text, ts[n-2]) || wordIn(fPronoun, text, ts[n-2]) || wordIn(fAux, text, ts[n-2])):
		default:
			goto done
		}
		n--
	}
done:
	appos := false
	for n > 0 && ts[n-1].kind == tokPunct {
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
		if t.kind != tokPunct {
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
	part := func(p int) []tok { // part p of 0..nc
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
		// … struck the right tone when he said: the clause after the
		// last subordinating word.
		for k := len(last) - 1; k > 0; k-- {
			if t := last[k]; t.kind == tokWord && !capitalised(text, t) && (wordIn(fSubord, text, t) || wordIs(text, t, "and") || wordIs(text, t, "but") || wordIs(text, t, "that")) {
				if k+1 < len(last) && (wordIn(fPronoun, text, last[k+1]) || capitalised(text, last[k+1])) {
					if sp := f.nameOf(last[k+1:]); sp.found() {
						return sp
					}
				}
				break
			}
		}
		return f.nameOf(last)
	}
	// Gov. John Kasich (R-OH), said: a name, and a stray comma.
	if last := part(nc); len(last) > 0 && capitalised(text, last[0]) && !wordIn(fLead|fCut, text, last[0]) && (!wordIn(fStopCap, text, last[0]) || isTitle(text, last[0])) {
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

// lyAdverb reports whether t is a lower-case word ending in -ly.
func lyAdverb(text string, t tok) bool {
	w := text[t.s:t.e]
	return len(w) >= 4 && w[len(w)-2:] == "ly" && w[0] >= 'a' && w[0] <= 'z'
}

// mainSubject returns the subject of the sentence's main clause: the first
// comma-separated part that is not a fronted adverbial or subordinate
// clause, read from its start ("On Thursday, Warren appeared …, saying").
func (f *finder) mainSubject(ts []tok) speaker {
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
		for k < len(part) && part[k].kind == tokPunct {
			k++
		}
		if k == len(part) {
			continue
		}
		w := part[k]
		if wordIn(fLead|fSubord|fCut, text, w) || wordIn(fStopCap, text, w) && !wordIn(fDet|fPronoun|fTitle, text, w) {
			continue // Here in Columbia, …
		}
		if wordIn(fPronoun, text, w) {
			return speaker{s: int(w.s), e: int(w.e), pronoun: true}
		}
		if capitalised(text, w) {
			re := k + 1
			for re < len(part) && part[re].kind == tokWord && (capitalised(text, part[re]) || wordIn(fParticle, text, part[re]) && re+1 < len(part) && capitalised(text, part[re+1])) {
				re++
			}
			if possessive(text, part[re-1]) {
				return f.nameOf(part[k:min(len(part), re+3)])
			}
			return f.nameOf(part[k:re])
		}
		e = k
		for e < len(part) && e < k+6 && !(part[e].kind == tokWord && !capitalised(text, part[e]) && (isCue(text, part[e]) || wordIn(fAux, text, part[e]))) {
			e++
		}
		return f.nameOf(part[k:e])
	}
	return speaker{}
}

// nameOf reads a speaker phrase: a pronoun, a name (titles dropped:
// "Senate Majority Leader Mitch McConnell" gives "Mitch McConnell") or a
// description ("a White House spokesman").
func (f *finder) nameOf(ts []tok) speaker {
	text := f.text
	i := 0
	for i < len(ts) {
		t := ts[i]
		if t.kind == tokPunct && punctRune(text, t) != '(' || t.kind == tokWord && (wordIn(fLead, text, t) || wordIn(fCut, text, t) && !capitalised(text, t)) && !(capitalised(text, t) && i+1 < len(ts) && capitalised(text, ts[i+1]) && !wordIn(fStopCap, text, t)) {
			i++
			continue
		}
		break
	}
	ts = ts[i:]
	for len(ts) > 0 && ts[len(ts)-1].kind == tokPunct && punctRune(text, ts[len(ts)-1]) != ')' {
		ts = ts[:len(ts)-1]
	}
	if len(ts) == 0 {
		return speaker{}
	}
	if wordIn(fPronoun, text, ts[0]) && (len(ts) == 1 || len(ts) == 2 && wordIn(fAux, text, ts[1])) {
		return speaker{s: int(ts[0].s), e: int(ts[0].e), pronoun: true}
	}
	// The core: up to the first preposition or relative word.
	end := len(ts)
	for k := 1; k < len(ts); k++ {
		t := ts[k]
		if t.kind == tokWord && !capitalised(text, t) && wordIn(fCut, text, t) {
			if wordIs(text, t, "of") && isTitle(text, ts[k-1]) && k+1 < len(ts) && capitalised(text, ts[k+1]) {
				continue // Secretary of State John Kerry
			}
			end = k
			break
		}
	}
	// The last capitalised run of the core, outside parentheses.
	rs, re := -1, -1
	depth := 0
	for k := 0; k < end; {
		t := ts[k]
		if t.kind == tokPunct {
			switch punctRune(text, t) {
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
		if depth > 0 || !capitalised(text, t) || k == 0 && wordIn(fStopCap, text, t) && !isTitle(text, t) {
			k++
			continue
		}
		s := k
		k++
		for k < end && !possessive(text, ts[k-1]) { // Al Jazeera's | Rosiland Jordan
			t := ts[k]
			if t.kind == tokWord && capitalised(text, t) {
				k++
				continue
			}
			if t.kind == tokWord && wordIn(fParticle, text, t) && k+1 < end && capitalised(text, ts[k+1]) {
				k++
				continue
			}
			break
		}
		if !possessive(text, ts[k-1]) {
			rs, re = s, k
		}
	}
	tail := re == end
	if re >= 0 && !tail {
		// Only digits, parentheses and punctuation after the run: still its end.
		tail = true
		d := 0
		for _, t := range ts[re:end] {
			if t.kind == tokPunct {
				switch punctRune(text, t) {
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
			if r, _ := runeAt(text, int(t.s)); !isDigit(r) {
				tail = false
				break
			}
		}
	}
	if rs >= 0 && tail {
		run := ts[rs:re]
		ti := -1
		var female int8
		for k := 0; k < len(run); k++ {
			if isTitle(text, run[k]) {
				if k < len(run)-1 {
					ti = k
				}
				if wordIn(fFemale, text, run[k]) {
					female = 1
				} else if wordIn(fMale, text, run[k]) {
					female = -1
				}
			}
		}
		name := run[ti+1:]
		titled := ti >= 0
		det := rs > 0 && wordIn(fDet, text, ts[rs-1])
		if rs > 0 && ts[rs-1].kind == tokWord && !capitalised(text, ts[rs-1]) && !wordIn(fDet, text, ts[rs-1]) && isTitle(text, ts[rs-1]) {
			titled = true // former Gov. X, campaign manager Robby Mook
		}
		single := len(name) == 1 && (isTitle(text, name[0]) || abbreviation(text, name[0]))
		if !single && (titled || !det) && !(len(name) == 1 && wordIn(fStopCap, text, name[0])) {
			s, e := name[0].s, name[len(name)-1].e
			if text[e-1] == '.' && e-s > 2 && !keepsPeriod(text[s:e-1]) {
				e--
			}
			return speaker{s: int(s), e: int(e), name: text[s:e], female: female}
		}
	}
	// Trump took to Twitter: a name followed by its verb.
	if k := 0; ts[0].kind == tokWord && capitalised(text, ts[0]) && !wordIn(fStopCap, text, ts[0]) {
		for k < len(ts) && ts[k].kind == tokWord && capitalised(text, ts[k]) {
			k++
		}
		if k < len(ts) && ts[k].kind == tokWord && !capitalised(text, ts[k]) && (isCue(text, ts[k]) || wordIn(fAux, text, ts[k])) && !possessive(text, ts[k-1]) {
			return f.nameOf(ts[:k])
		}
	}
	// A description: the whole phrase, ten words at most, without a
	// relative clause ("one lobbyist who spoke on condition of anonymity").
	e := len(ts)
	words := 0
	for k, t := range ts {
		if k > 0 && (t.kind == tokWord && (wordIs(text, t, "who") || wordIs(text, t, "which") || wordIs(text, t, "whose") || !capitalised(text, t) && (wordIs(text, t, "said") || wordIs(text, t, "would") || wordIs(text, t, "was") || wordIs(text, t, "is"))) || isQuoteRune(punctRune(text, t))) {
			e = k // a clause or a quote begins: the description ends
			break
		}
		if t.kind == tokWord {
			words++
			if words > 10 {
				e = k
				break
			}
		}
	}
	for e > 0 && ts[e-1].kind == tokPunct {
		e--
	}
	if e == 0 {
		return speaker{}
	}
	s, se := ts[0].s, ts[e-1].e
	return speaker{s: int(s), e: int(se), name: text[s:se], nominal: true}
}

// resolve turns a pronoun speaker into the person it stands for: the speaker
// of a quote, or the first person named, in the closest sentence before pos
// that has one (at most six sentences back). Only he and she are resolved;
// other pronouns keep an empty name.
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
			start, _ := f.sentStart(max(0, end-3000), end-1)
			if name, ok := f.firstMention(start, end, news.Organization, 0); ok {
				return speaker{s: p.s, e: p.e, name: name, resolved: true}
			}
			end = start
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
		start, _ := f.sentStart(max(0, end-3000), end-1)
		if start >= end {
			break
		}
		for j >= 0 && f.frags[j].open >= end {
			j--
		}
		for ; j >= 0 && f.frags[j].open >= start; j-- {
			sp := f.frags[j].spk
			if sp.found() && !sp.pronoun && !sp.nominal && sp.name != "" && (sp.female == 0 || sp.female == want) {
				return speaker{s: p.s, e: p.e, name: sp.name, female: want, resolved: true}
			}
		}
		if name, ok := f.firstPerson(start, end, want); ok {
			return speaker{s: p.s, e: p.e, name: name, female: want, resolved: true}
		}
		end = start
	}
	return p
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
		if t.kind == tokPunct {
			continue
		}
		if !capitalised(text, t) || wordIn(fStopCap, text, t) && !isTitle(text, t) {
			continue
		}
		rs := k
		for k < len(ts) && ts[k].kind == tokWord && (capitalised(text, ts[k]) || wordIn(fParticle, text, ts[k]) && k+1 < len(ts) && capitalised(text, ts[k+1])) {
			k++
			if possessive(text, ts[k-1]) {
				break
			}
		}
		run := ts[rs:k]
		ti := -1
		var g int8
		for x := range run {
			if isTitle(text, run[x]) && x < len(run)-1 {
				ti = x
			}
			if wordIn(fFemale, text, run[x]) {
				g = 1
			} else if wordIn(fMale, text, run[x]) {
				g = -1
			}
		}
		name := run[ti+1:]
		if len(name) == 0 || g != 0 && g != want {
			continue
		}
		if k < len(ts) && ts[k].kind == tokWord && !capitalised(text, ts[k]) && !isCue(text, ts[k]) && !wordIn(fAux, text, ts[k]) {
			// "Republican voters", "White House officials": a modifier.
			if !(ti >= 0) && wordIn(fStopCap, text, ts[k]) == false && len(run) < 2 {
				continue
			}
		}
		if possessive(text, run[len(run)-1]) {
			continue
		}
		ns, ne := name[0].s, name[len(name)-1].e
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
			g := genderOf(f.text, m.Start)
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
// entity's aliases ("Mrs Clinton"), 0 when none says.
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
	return 0
}

// honorificGender returns +1 for a female honorific, -1 for a male one.
func honorificGender(w string) int8 {
	for _, h := range [...]string{"mrs", "ms", "miss", "madam", "dame", "lady"} {
		if strings.EqualFold(w, h) {
			return 1
		}
	}
	for _, h := range [...]string{"mr", "sir", "lord"} {
		if strings.EqualFold(w, h) {
			return -1
		}
	}
	return 0
}

// genderOf reads the gender of a mention from the honorific before it.
func genderOf(text string, s int) int8 {
	e := s
	for e > 0 && isSpaceByte(text[e-1]) {
		e--
	}
	if e > 0 && text[e-1] == '.' {
		e--
	}
	b := e
	for b > 0 && b > e-6 && isAlnumByte(text[b-1]) {
		b--
	}
	if b == e || b > 0 && isAlnumByte(text[b-1]) {
		return 0
	}
	return honorificGender(text[b:e])
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

// isTitle reports whether t is a title word, also after a prefix
// (Co-anchor, ex-Senator, Vice-President).
func isTitle(_ string, t tok) bool { return t.flags&fTitle != 0 }

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
func abbreviation(text string, t tok) bool {
	w := text[t.s:t.e]
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
	if len(ts) < 2 || len(ts) > 4 || !wordIn(fDet, text, ts[0]) {
		return "", false
	}
	for _, t := range ts {
		if t.kind != tokWord || capitalised(text, t) {
			return "", false
		}
	}
	title := ts[len(ts)-1]
	if !isTitle(text, title) {
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
		start, _ := f.sentStart(max(0, end-3000), end-1)
		ms := f.mentions
		i := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= start })
		for ; i < len(ms) && ms[i].Start < end; i++ {
			e := &f.ents[ms[i].ent]
			if e.Type == news.Person && hasTitle(e, text[title.s:title.e]) {
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
