package entity

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

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
	gender  int8 // from an honorific: Mr, Ms
	dem     bool // a nationality adjective: only a surname of someone named
	ent     int
}

// Find returns the entities named in text, sorted by their first mention.
// toks are the tokens of text (token.Tokenize), sents its sentence spans
// (sentence.Split); when sents is nil, the text is taken as one sentence. Each entity's Mentions are byte spans of text
// in order, each covering one of its Aliases ("President Barack Obama",
// "Mr Obama", "Obama"); Name is the longest form without titles.
func Find(text string, toks []news.Token, sents []news.Span) []news.Entity {
	if len(sents) == 0 {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		sents = []news.Span{{Start: 0, End: len(text)}}
	}
	f := pool.Get().(*finder)
	defer f.release()
	f.text = text
	prevEnd, next := 0, 0
	for i, sp := range sents {
		if sp.Start < prevEnd || sp.End > len(text) || sp.Start >= sp.End {
			continue // out of order, overlapping or outside the text
		}
		prevEnd = sp.End
		k := len(f.ts)
		f.ts, next = fromStream(f.ts, text, toks, next, sp.Start, sp.End, int32(i))
		markWeak(f.ts[k:], text)
	}
	f.collect()
	if len(f.ms) == 0 {
		return nil
	}
	return f.resolve()
}

// pool keeps finders' buffers between calls: the words of an article alone
// take about 30 kB, and allocating them anew for every article makes the
// garbage collector the stage's main cost. A finder holds nothing from one
// call to the next.
var pool = sync.Pool{New: func() any {
	return &finder{byName: map[string]int{}, byLast: map[string]int{}, byFirst: map[string]int{}, known: map[string]uint8{}}
}}

// release empties f and returns it to the pool.
func (f *finder) release() {
	f.text = ""
	f.ts = f.ts[:0]
	clear(f.ms)
	f.ms = f.ms[:0]
	clear(f.ents)
	f.ents = f.ents[:0]
	f.order = f.order[:0]
	f.weakRuns = f.weakRuns[:0]
	f.index = f.index[:0]
	clear(f.byName)
	clear(f.known)
	clear(f.byLast)
	clear(f.byFirst)
	if cap(f.ts) > 1<<16 {
		return // do not keep the buffers of a huge article
	}
	pool.Put(f)
}

// markWeak flags every word of a title-case line (a headline), where
// capital letters do not mark names: one whose function words are
// capitalised ("Going To Go All The Way"), or whose every word is.
func markWeak(ts []tok, text string) {
	caps, capStops := 0, 0
	for i, t := range ts {
		if t.has(fCap) {
			caps++
			if i > 0 && t.e-t.s <= 4 && lex.Has("title-case-small-words", text[t.s:t.e]) {
				capStops++
			}
		}
	}
	if capStops == 0 && caps < 5 || caps < 3 {
		return
	}
	lows := 0
	for _, t := range ts {
		if t.flags&(fLower|fParticle) == fLower && t.e-t.s > 2 && (t.e-t.s > 4 || !lex.Has("title-case-small-words", text[t.s:t.e])) {
			lows++
		}
	}
	if capStops >= 2 && lows*3 <= caps || lows == 0 && (capStops >= 1 && caps >= 4 || caps >= 5) {
		for i := range ts {
			ts[i].flags |= fWeak
		}
	}
}

type finder struct {
	text string
	ts   []tok
	ms   []mention

	weakRuns [][2]int         // runs of capitalised words in headlines
	known    map[string]uint8 // names (1) and last words (2) outside headlines

	// Buffers of resolve.
	ents    []entity
	order   []int
	index   []int
	byName  map[string]int // canonical name → entity
	byLast  map[string]int // surname key → the latest entity with it
	byFirst map[string]int // first word → the latest entity with it
}

func (f *finder) word(i int) string { return f.text[f.ts[i].s:f.ts[i].e] }

// is reports whether word i belongs to one of the word classes c. The
// word's classes are looked up once and kept with the word.
func (f *finder) is(i int, c class) bool {
	return f.ts[i].cls&c != 0
}

// reportVerb reports whether word i is a verb whose subject is a person
// (said, thinks, resigned) or "who".
func (f *finder) reportVerb(i int) bool { return f.is(i, cReportVerb) || f.word(i) == "who" }

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
	if t.has(fJoin) {
		if h := strings.LastIndexAny(w, "-‑"); h > 0 && h+1 < len(w) {
			r, _ := utf8.DecodeRuneInString(w[h+1:])
			if unicode.IsLower(r) && !f.is(i, cTitleHead) {
				return false
			}
		}
	}
	if len(w) >= 3 && len(w) <= 8 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' {
		return false // a party and state label: R-SC, D-N.Y, R-Tex
	}
	if t.has(fJoin) && (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t")) {
		return false // Won't, Don't
	}
	if t.has(fAllCaps) {
		if f.is(i, cStop) || f.is(i, cCalendar|cNumber) {
			return false
		}
		// Shouting, not an acronym: "CORRECTION", "MISLEADING". A dateline
		// ("TALLAHASSEE, Fla. —") is read as a place by evidence.
		if t.e-t.s >= 5 && !t.has(fDot) && !t.has(fDigit) && !f.is(i, cOrgWord|cGazetteer) && !f.dateline(i) && !f.label(i) {
			return false
		}
		return true
	}
	if w == "I" || f.is(i, cNumber) || f.is(i, cCalendar) && f.calendarHere(i) {
		return false
	}
	return !f.is(i, cStop)
}

// label reports whether word i is a speaker's label in a transcript: an
// all-capital word opening its line before a colon ("PENCE: We will…"),
// not a common word that heads a note ("UPDATE:", "WATCH:").
func (f *finder) label(i int) bool {
	t := f.ts[i]
	if !t.has(fAllCaps) || !t.has(fInitial) || i > 0 && f.ts[i-1].sent == t.sent {
		return false
	}
	if int(t.end) >= len(f.text) || f.text[t.end] != ':' {
		return false
	}
	return lookup(titleCase(f.word(i)))&cCommon == 0
}

// calendarHere reports whether the day or month name at word i is used as
// one: always for weekdays; for months before a number or after "in",
// "on", "since"…. Otherwise it may be a name: "Theresa May", "Ai Jun".
func (f *finder) calendarHere(i int) bool {
	if strings.HasSuffix(f.word(i), "day") {
		return true
	}
	if i+1 < len(f.ts) && f.ts[i+1].sent == f.ts[i].sent && f.ts[i+1].has(fDigit) {
		return true
	}
	if i == 0 || f.ts[i-1].sent != f.ts[i].sent || !f.ts[i-1].has(fLower) {
		return !(i > 0 && f.ts[i-1].sent == f.ts[i].sent && f.ts[i-1].has(fCap) && f.joined(i))
	}
	switch f.word(i - 1) {
	case "in", "on", "since", "until", "till", "by", "last", "next", "early", "late", "mid", "this", "of",
		"from", "through", "before", "after", "during", "between", "and", "or", "to", "that", "each", "every":
		return true
	}
	return false
}

// dateline reports whether the all-capital word i opens its sentence and
// is followed by a comma, a dash or a parenthesis: "JACKSON, Miss. (AP) —".
func (f *finder) dateline(i int) bool {
	if !f.ts[i].has(fInitial) {
		return false
	}
	k := int(f.ts[i].end)
	for k < len(f.text) && f.text[k] == ' ' {
		k++
	}
	if k >= len(f.text) {
		return false
	}
	switch f.text[k] {
	case ',', '(', '-':
		return true
	case 0xE2: // — –
		return k+2 < len(f.text) && f.text[k+1] == 0x80 && (f.text[k+2] == 0x94 || f.text[k+2] == 0x93)
	}
	return false
}

// collect finds the runs of capitalised words and turns them into mentions.
func (f *finder) collect() {
	n := len(f.ts)
	weak := f.weakRuns[:0]
	for i := 0; i < n; {
		if t := f.ts[i]; t.flags&(fCap|fParticle) == 0 {
			// Skip to the next capitalised word.
			i++
			for i < n && f.ts[i].flags&(fCap|fParticle) == 0 {
				i++
			}
			continue
		}
		if !f.nameWord(i) {
			i++
			continue
		}
		if f.ts[i].has(fWeak) {
			// A headline: capitals say little; see weakRun.
			j := i + 1
			for j < n && f.joined(j) && (f.nameWord(j) || f.ts[j].has(fParticle)) {
				j++
			}
			weak = append(weak, [2]int{i, j})
			i = j
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
			if w == "May" && f.is(j-1, cFirstName) {
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
					case f.is(j, cParticle):
						ok = true
					case w == "of" || w == "for" || w == "on":
						ok = f.is(j-1, cOrgStart) || f.is(j-1, cOrgHead) || f.is(j-1, cPlaceHead) ||
							f.is(j-1, cTitleHead) || prev == "States" || prev == "Secretary"
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
	f.weakRuns = weak
	if len(weak) == 0 {
		return
	}
	strong := len(f.ms)
	for i := range strong {
		m := &f.ms[i]
		f.known[f.text[f.ts[m.a].s:f.ts[m.b-1].e]] |= 1
		f.known[f.word(m.b-1)] |= 2
	}
	for _, r := range weak {
		f.weakRun(r[0], r[1])
	}
	if len(f.ms) > strong {
		slices.SortFunc(f.ms, func(x, y mention) int { return x.span.Start - y.span.Start })
	}
}

// weakRun finds in the headline words toks[a:b] the names found in the rest
// of the article (its first strong mentions f.ms[:strong]) and known places
// and organizations, longest first: "Hillary Clinton Slams Donald Trump On
// Abortion" holds two names and no "Slams" or "Abortion".
func (f *finder) weakRun(a, b int) {
	for i := a; i < b; {
		k := min(b, i+4)
		for ; k > i; k-- {
			s := f.text[f.ts[i].s:f.ts[k-1].e]
			if f.known[s]&1 != 0 || k-i == 1 && f.known[s]&2 != 0 || f.wholeIsName(i, k) && (k-i > 1 || f.is(i, cOrgWord|cGazetteer)) {
				break
			}
		}
		if k == i {
			i++
			continue
		}
		f.add(i, k, i, false)
		i = k
	}
}

// run turns the capitalised words toks[a:b] into zero or more mentions.
func (f *finder) run(a, b int) {
	a = f.skipConnectors(a, b)
	// Drop a sentence-initial common word: "The", "However", "Many".
	for a < b && f.ts[a].has(fInitial) && !f.knownPrefix(a, b) && !f.isTitle(a) {
		w := f.word(a)
		if f.is(a, cCommon|cStop) || b-a > 1 && commonShape(w) && !f.is(a, cFirstName) {
			a = f.skipConnectors(a+1, b)
			continue
		}
		break
	}
	for a < b && b-a > 1 && !f.wholeIsName(a, b) && !f.knownPrefix(a, b) {
		// Leading adjectives: "Iraqi Prime Minister", "Former Senator";
		// a headline's verb: "Named Maurice Cheeks".
		if f.is(a, cDemonym) || f.is(a, cLeading) || b-a > 2 && verbShape(f.word(a)) && !f.is(a, cFirstName|cGazetteer) {
			a = f.skipConnectors(a+1, b)
			continue
		}
		break
	}
	if a >= b {
		return
	}
	// Organizations and known names keep their head words, unless a title
	// and a first name follow: "Atlantic City Mayor Don Guardian".
	if f.wholeIsName(a, b) && !f.titledFirstName(a, b) {
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
		for q > a && f.is(q-1, cTitleMod) && !(q-1 > a && f.is(q-1, cPlaceHead|cOrgHead)) {
			q-- // "Defence Secretary", but not "Atlantic City Mayor"
		}
		t := f.titleEnd(q, b)
		if t >= b && b-q >= 2 && lex.Has("honorifics", f.word(q)) {
			t = b - 1 // "Mr. King": the last title word is the name
		}
		if t >= b && q > a && !f.wholeIsName(a, q) {
			// A title word ends the run: "Notre Dame" is no Dame.
			f.add(a, b, a, false)
			return
		}
		if q > a {
			f.run(a, q) // what stands before the title: "New Jersey", "U.S."
		}
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
		if f.is(k, cFirstName) && f.ts[k+1].has(fCap) && !f.is(k-1, cFirstName) &&
			!f.ts[k-1].has(fParticle) && !f.ts[k-1].has(fDot) && !f.is(k-1, cParticle) &&
			!f.ts[k-1].has(fLower) {
			f.run(a, k)
			f.run(k, b)
			return
		}
	}
	f.add(a, b, a, false)
}

// titledFirstName reports whether toks[a:b] holds a title followed by a
// first name.
func (f *finder) titledFirstName(a, b int) bool {
	for p := a; p+1 < b; p++ {
		if f.isTitle(p) && f.is(p+1, cFirstName) {
			return true
		}
	}
	return false
}

// isTitle reports whether word i is a person's title: "President", "Sen.".
func (f *finder) isTitle(i int) bool {
	w := f.word(i)
	if w == "General" || w == "Major" {
		// "General Petraeus", but not "General Motors" or "Major League".
		return i+1 < len(f.ts) && f.joined(i+1) && f.ts[i+1].has(fCap) && !f.is(i+1, cOrgHead|cTitleMod|cEventHead) &&
			(i+2 >= len(f.ts) || !f.joined(i+2) || !f.ts[i+2].has(fCap) || f.is(i+1, cFirstName))
	}
	if f.is(i, cTitleHead) {
		return true
	}
	return f.ts[i].has(fDot) && !f.is(i, cDotName) && abbreviationKind(w) == "title"
}

// abbreviationKind returns the kind of an abbreviation ("title" for Mr,
// Sen, Gen), "" for other words.
func abbreviationKind(w string) string { return lex.AbbreviationKind(w) }

// knownPrefix reports whether toks[a:b] begins with a known place or
// organization of two or three words ("New York").
func (f *finder) knownPrefix(a, b int) bool {
	if !f.is(a, cGazetteer) {
		return false
	}
	for k := a + 2; k <= b && k <= a+3; k++ {
		if !f.is(k-1, cGazetteer) {
			continue
		}
		s := f.text[f.ts[a].s:f.ts[k-1].e]
		if _, ok := lex.Place(s); ok {
			return true
		}
		if _, ok := lex.OrganizationAlias(s); ok {
			return true
		}
	}
	return false
}

// innerOrgHead reports whether an organization's head word stands before
// "of" inside toks[a:b]: "Joint Chiefs of Staff", "Bank of America".
func (f *finder) innerOrgHead(a, b int) bool {
	for i := a + 1; i+1 < b; i++ {
		if f.word(i) == "of" && (f.is(i-1, cOrgHead) || f.is(i-1, cOrgStart)) {
			return true
		}
	}
	return false
}

// verbShape reports whether a capitalised word looks like a verb form
// (-ing, -ed) in a headline.
func verbShape(w string) bool {
	return len(w) > 5 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed"))
}

// commonShape reports whether a sentence-initial word looks like an
// ordinary word: an -ing, -ly or -ed form.
func commonShape(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed"))
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
	if f.is(a, cGazetteer) && f.is(b-1, cGazetteer) {
		s := f.text[f.ts[a].s:f.ts[b-1].e]
		if _, ok := lex.Place(s); ok {
			return true
		}
		if _, ok := lex.OrganizationAlias(s); ok {
			return true
		}
	}
	if b-a == 1 {
		return f.is(a, cOrgWord)
	}
	if f.is(b-1, cOrgHead) || f.is(b-1, cPlaceHead) && !f.is(a, cTitleHead) {
		return true
	}
	return f.is(a, cOrgStart) && b-a > 2 && f.word(a+1) == "of"
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
		case f.is(i, cTitleMod), w == "of" || w == "the":
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
	if f.is(b-1, cEventHead) && b-a > 1 {
		return
	}
	if b-a == 1 && !titled {
		switch {
		case f.is(a, cTitleHead) && !f.is(a, cOrgWord) && !titled:
			return
		case f.is(a, cCommon) && !f.is(a, cOrgWord|cKnown|cFirstName):
			return // "State", "Police", "New" alone
		case f.ts[a].e-f.ts[a].s == 1:
			return // a letter: "R", "A"
		case f.ts[a].has(fInitial) && commonShape(f.word(a)) && !f.is(a, cGazetteer|cFirstName) &&
			!(b < len(f.ts) && f.joined(b) && f.reportVerb(b)):
			return // "Importantly", but not "Breed said"
		}
	}
	// A nationality adjective alone is no entity, unless it is the surname
	// of someone named in full ("Cuban" for Mark Cuban): resolve decides.
	dem := b-a == 1 && f.is(a, cDemonym)
	if dem && b < len(f.ts) && f.joined(b) && f.ts[b].has(fLower) && !f.reportVerb(b) {
		return // "Cuban officials": an adjective
	}
	if lw := f.word(b - 1); !dem && strings.HasSuffix(lw, "s") && (f.is(b-1, cDemonym) || strings.HasSuffix(lw, "ians")) {
		return // "New Yorkers", "Mississippians"
	}
	if !dem && !titled && b-a > 1 && f.is(b-1, cDemonym) && !f.is(a, cFirstName) && !f.is(b-1, cOrgHead) {
		return // "House Republican", "Iowa Democrat": a description
	}
	end := f.ts[b-1].e
	if f.ts[b-1].has(fDot) && !f.ts[b-1].has(fPoss) && f.ts[b-1].end > end {
		// Keep the dot of "U.S." and "Inc." unless it also ends the sentence.
		if b < len(f.ts) && f.ts[b].sent == f.ts[b-1].sent {
			end = f.ts[b-1].end
		}
	}
	m := mention{span: news.Span{Start: int(f.ts[s].s), End: int(end)}, a: a, b: b, fixed: -1, titled: titled, ent: -1, dem: dem}
	for i := s; i < a; i++ {
		switch {
		case f.is(i, cMan):
			m.gender = male
		case f.is(i, cWoman):
			m.gender = female
		}
	}
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
	_, last := f.word(a), f.word(b-1)
	single := b-a == 1
	allCaps := single && f.ts[a].has(fAllCaps)
	gaz := f.is(a, cGazetteer) && f.is(b-1, cGazetteer)
	if c, ok := lex.Place(name); gaz && ok {
		m.canon, m.fixed = c, vPlace
		m.votes[vPlace] += 10
	} else if c, ok := lex.OrganizationAlias(name); gaz && ok {
		m.canon, m.fixed = c, vOrg
		m.votes[vOrg] += 10
	} else if single && f.is(a, cOrgWord) {
		m.fixed = vOrg
		m.votes[vOrg] += 10
	} else if allCaps && f.ts[a].e-f.ts[a].s > 4 {
		if c, ok := lex.Place(titleCase(name)); ok { // WASHINGTON —
			m.canon, m.fixed = c, vPlace
			m.votes[vPlace] += 10
		} else if f.dateline(a) {
			m.canon, m.fixed = titleCase(name), vPlace
			m.votes[vPlace] += 6
		}
	}
	if m.fixed < 0 && !m.titled {
		switch {
		case f.is(b-1, cOrgHead) && !single, f.innerOrgHead(a, b):
			m.votes[vOrg] += 8
			m.fixed = vOrg
		case f.is(a, cOrgStart) && b-a > 2 && f.word(a+1) == "of":
			m.votes[vOrg] += 8
			m.fixed = vOrg
		case f.is(b-1, cPlaceHead) && !single || f.is(a, cPlaceStart) && !single:
			m.votes[vPlace] += 6
			m.fixed = vPlace
		case !single && f.is(a, cOrgWord):
			m.votes[vOrg] += 4
		}
	}
	if !single && m.fixed < 0 && lex.Has("region-words", f.word(a)) {
		// "Baja California", "Northern Virginia": a region of a known place.
		if _, ok := lex.Place(last); ok && f.is(b-1, cGazetteer) {
			m.votes[vPlace] += 6
		}
	}
	if allCaps {
		m.acronym = true
		m.votes[vOrg] += 4
		if f.label(a) {
			m.votes[vPerson] += 8
		}
	}
	if !single && f.is(a, cFirstName) {
		m.votes[vPerson] += 5
	} else if single && f.is(a, cFirstName) {
		m.votes[vPerson]++
	}
	if f.ts[a].has(fParticle) || !single && f.is(a+1, cParticle) {
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
		if plain && !f.is(b-1, cTitleHead) {
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
		case pt.has(fLower) && f.is(p, cPersonNoun):
			m.votes[vPerson] += 5
		case pw == "the" || pw == "The":
			nextLower := b < len(f.ts) && f.joined(b) && f.ts[b].has(fLower) && !f.reportVerb(b)
			if !nextLower {
				m.votes[vOrg] += 3
				m.votes[vPerson] -= 3
			}
		case pt.has(fLower) && f.is(p, cInverting):
			m.votes[vPerson] += 3
		case f.is(p, cPlacePrep) && pt.has(fLower):
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
		if nt.has(fLower) && f.reportVerb(n) && !f.ts[b-1].has(fPoss) {
			m.votes[vPerson] += 3
		} else if nt.has(fLower) && (nw == "has" || nw == "had" || nw == "have") && n+1 < len(f.ts) && f.reportVerb(n+1) {
			m.votes[vPerson] += 3
		} else if nt.has(fLower) && nw == "who" {
			m.votes[vPerson] += 3
		} else if nt.has(fLower) && f.is(n, cAgentVerb) && !f.ts[b-1].has(fPoss) {
			m.votes[vPerson] += 2
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
	if !joinedEarly(w) {
		return w
	}
	for _, p := range lex.NamePrefixes() {
		if len(w) > len(p) && strings.EqualFold(w[:len(p)], p) {
			return w[len(p):]
		}
	}
	return w
}

// lastName returns the matching key of the surname of toks[a:b]: its last
// word without a particle prefix, skipping "Jr." and "III".
func (f *finder) lastName(a, b int) string {
	for b-a > 1 && f.is(b-1, cSuffix) {
		b--
	}
	return surname(f.word(b - 1))
}

// joinedEarly reports whether w has a hyphen or an apostrophe in its first
// five bytes, as a particle prefix does ("al-", "d'").
func joinedEarly(w string) bool {
	for i := 0; i < len(w) && i < 5; i++ {
		if c := w[i]; c == '-' || c == '\'' || c == 0xE2 {
			return true
		}
	}
	return false
}

type entity struct {
	name   string
	typ    int // fixed type or -1
	a, b   int // the words of the longest name
	first  string
	last   string // surname key of the longest name
	votes  [3]int
	n      int // mentions
	strong bool

	nextLast, nextFirst int // the next entity with the same last or first word, or -1
	pos                 int // the start of its longest name's first mention
	gender              int8
}

// Genders, as honorifics tell them.
const (
	male   int8 = 1
	female int8 = 2
)

// resolve links the mentions into entities.
func (f *finder) resolve() []news.Entity {
	// Longest names first, in text order: a counting sort by word count.
	maxLen := 0
	for i := range f.ms {
		maxLen = max(maxLen, f.ms[i].b-f.ms[i].a)
	}
	order := f.order[:0]
	for n := maxLen; n >= 1; n-- {
		for i := range f.ms {
			if f.ms[i].b-f.ms[i].a == n {
				order = append(order, i)
			}
		}
	}
	f.order = order
	ents := slices.Grow(f.ents[:0], len(f.ms))
	byName := f.byName
	for _, mi := range order {
		m := &f.ms[mi]
		key := f.text[f.ts[m.a].s:f.ts[m.b-1].e]
		if m.canon != "" {
			key = m.canon
		}
		if m.dem {
			// "Cuban" after "Mark Cuban"; otherwise no entity.
			m.ent = f.match(ents, mi)
			if e := m.ent; e >= 0 && !f.is(ents[e].a, cFirstName) && ents[e].gender == 0 {
				m.ent = -1
			}
			continue
		}
		if e, ok := byName[key]; ok {
			m.ent = e
			if ents[e].gender == 0 {
				ents[e].gender = m.gender
			}
			continue
		}
		if e := f.match(ents, mi); e >= 0 {
			m.ent = e
			if ents[e].gender == 0 {
				ents[e].gender = m.gender
			}
			continue
		}
		e := entity{name: key, typ: int(m.fixed), a: m.a, b: m.b, first: f.word(m.a), last: f.lastName(m.a, m.b),
			nextLast: -1, nextFirst: -1, pos: m.span.Start, gender: m.gender}
		if x, ok := f.byLast[e.last]; ok {
			e.nextLast = x
		}
		if x, ok := f.byFirst[e.first]; ok {
			e.nextFirst = x
		}
		ents = append(ents, e)
		k := len(ents) - 1
		byName[key] = k
		f.byLast[e.last] = k
		f.byFirst[e.first] = k
		m.ent = k
	}
	for i := range f.ms {
		m := &f.ms[i]
		if m.ent < 0 {
			continue
		}
		e := &ents[m.ent]
		for k := range 3 {
			e.votes[k] += int(m.votes[k])
		}
		e.n++
		if !m.weak {
			e.strong = true
		}
	}
	f.ents = ents
	// Number the kept entities by first mention, so out needs no sorting.
	index := slices.Grow(f.index[:0], len(ents))[:len(ents)] // entity → position in out, or -1
	f.index = index
	for i := range index {
		index[i] = -2 // not seen yet
	}
	kept := 0
	for i := range f.ms {
		e := f.ms[i].ent
		if e < 0 || index[e] != -2 {
			continue
		}
		index[e] = -1
		if f.keep(&ents[e]) >= 0 {
			index[e] = kept
			kept++
		}
	}
	out := make([]news.Entity, kept)
	for i := range ents {
		if k := index[i]; k >= 0 {
			out[k] = news.Entity{Name: ents[i].name, Type: types[f.keep(&ents[i])], Mentions: make([]news.Span, 0, ents[i].n)}
		}
	}
	// f.ms is in text order, so each entity's mentions come out sorted.
	for i := range f.ms {
		if f.ms[i].ent < 0 {
			continue
		}
		k := index[f.ms[i].ent]
		if k < 0 {
			continue
		}
		ne := &out[k]
		sp := f.ms[i].span
		ne.Mentions = append(ne.Mentions, sp)
		if alias := f.text[sp.Start:sp.End]; !slices.Contains(ne.Aliases, alias) {
			ne.Aliases = append(ne.Aliases, alias)
		}
	}
	return out
}

// keep returns the type of entity e, or -1 when it is to be dropped: found
// only where capitals say little, or with nothing saying what it is.
func (f *finder) keep(e *entity) int {
	if !e.strong && e.typ < 0 {
		return -1
	}
	if e.typ >= 0 {
		return e.typ
	}
	best, bv := -1, 0
	for k := range 3 {
		if e.votes[k] > bv {
			best, bv = k, e.votes[k]
		}
	}
	return best
}

var types = [3]news.EntityType{news.Person, news.Organization, news.Place}

// match returns the entity a shorter mention refers to, or -1: "Obama" and
// "Mr Obama" for "Barack Obama", "George Bush" for "George W. Bush", "NRA"
// for "National Rifle Association".
func (f *finder) match(ents []entity, mi int) int {
	m := &f.ms[mi]
	n := m.b - m.a
	if m.acronym {
		for i := range ents {
			if ents[i].typ != vPlace && f.initialsMatch(ents[i].a, ents[i].b, f.word(m.a)) {
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
		e := &ents[i]
		if m.gender != 0 && f.genderOf(e) != 0 && f.genderOf(e) != m.gender {
			return // "Mr. Trump" is not Ivanka Trump
		}
		if best < 0 {
			best = i
			return
		}
		// Prefer the entity mentioned last before m, then the one named
		// first in the article.
		if bestPos < 0 {
			bestPos = f.lastBefore(best, m.span.Start)
		}
		pos := f.lastBefore(i, m.span.Start)
		if pos > bestPos || pos == bestPos && e.pos < ents[best].pos {
			best, bestPos = i, pos
		}
	}
	i, ok := f.byLast[last]
	if !ok && m.acronym && len(last) >= 3 {
		i, ok = f.byLast[titleCase(last)] // "PENCE" for Mike Pence
	}
	for ; ok && i >= 0; i = ents[i].nextLast {
		e := &ents[i]
		if e.b-e.a <= n && !(n > 1 && e.b-e.a == n) {
			continue
		}
		if e.typ >= 0 && e.typ != vPerson {
			// "the Times" for "The New York Times".
			if n == 1 && e.typ == vOrg && m.votes[vPerson] <= 0 && f.word(e.b-1) == first && !lex.Has("generic-organization-heads", first) {
				consider(i)
			}
			continue
		}
		if n == 1 || first == e.first || len(first) <= 2 && strings.HasPrefix(e.first, first[:1]) {
			consider(i)
		}
	}
	if best < 0 && n == 1 && !m.titled && m.fixed < 0 {
		// A first name alone: "Hillary" for "Hillary Clinton".
		i, ok := f.byFirst[first]
		for ; ok && i >= 0; i = ents[i].nextFirst {
			// Also "Marfin" for "Marfin Bank".
			if e := &ents[i]; e.b-e.a > 1 && (e.typ < 0 || e.typ == vOrg && m.votes[vPerson] < 3) {
				consider(i)
			}
		}
	}
	return best
}

// genderOf returns the grammatical gender an entity is known by: from an
// honorific it was linked with, or else from its first name.
func (f *finder) genderOf(e *entity) int8 {
	if e.gender != 0 {
		return e.gender
	}
	if e.b-e.a < 2 {
		return 0
	}
	switch {
	case f.is(e.a, cFemale):
		return female
	case f.is(e.a, cFirstName):
		return male
	}
	return 0
}

// lastBefore returns the start of the last mention of entity e before pos,
// or -1.
func (f *finder) lastBefore(e, pos int) int {
	// Mentions are in text order: search back from pos, at most
	// maxLookBack mentions, so that huge texts stay linear (an entity not
	// named for that long counts as not recent).
	x := sort.Search(len(f.ms), func(k int) bool { return f.ms[k].span.Start >= pos })
	for stop := max(0, x-maxLookBack); x > stop; {
		x--
		if f.ms[x].ent == e {
			return f.ms[x].span.Start
		}
	}
	return -1
}

// maxLookBack bounds the search of lastBefore.
const maxLookBack = 2000

// initialsMatch reports whether acronym is made of the first letters of the
// capitalised words toks[a:b]: "NRA" for National Rifle Association.
func (f *finder) initialsMatch(a, b int, acronym string) bool {
	if len(acronym) < 2 || b-a < 2 {
		return false
	}
	k := 0
	for i := a; i < b; i++ {
		if !f.ts[i].has(fCap) {
			continue
		}
		if k >= len(acronym) || f.text[f.ts[i].s] != acronym[k] {
			return false
		}
		k++
	}
	return k == len(acronym)
}
