package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// attribute decides every fragment's kind and speaker, in text order, so
// that a quote can continue the speaker of the ones before it.
func (f *finder) attribute() {
	for k := range f.frags {
		f.read(k)
	}
	// A multi-paragraph quote is often attributed at its end: give the
	// earlier paragraphs the speaker found in a later one.
	for k := len(f.frags) - 1; k >= 0; k-- {
		q := &f.frags[k]
		if q.prev >= 0 && q.spk.found() {
			p := &f.frags[q.prev]
			if !p.spk.found() {
				p.spk, p.cue = q.spk, q.cue
			}
		}
	}
}

// read classifies fragment k and finds its speaker.
func (f *finder) read(k int) {
	q := &f.frags[k]
	a, ok := f.around(k)
	if !ok {
		q.drop = true // markup attribute or path, not a quote
		return
	}
	pre := f.readPre(a.preS, a.preE)
	post := f.readPost(a.postS, a.postE, false, lastPunct(f.text[q.s:q.e]))
	q.direct = f.isDirect(q, a, pre, post)
	spk, cue := f.chooseSpeaker(k, a, pre, post)
	q.spk, q.cue = f.name(k, spk, min(a.ps, q.open)), cue
}

// stretches are the parts of a quote's sentence before and after it.
type stretches struct {
	ps           int  // where the sentence starts (or lo)
	cut          bool // a sentence end was found before the quote
	preS, preE   int  // the words before the quote
	postS, postE int  // the words after it
	startsSent   bool // the quote starts its sentence
	prevSame     *frag
}

// around returns the stretches of fragment k's sentence: before it from
// the previous quote of the paragraph, or the paragraph start, cut at a
// sentence end; after it to the next quote of the paragraph or the end of
// the sentence. It reports false when the quote is markup (id="…").
func (f *finder) around(k int) (stretches, bool) {
	text := f.text
	q := &f.frags[k]
	var a stretches
	lo := q.ls
	if k > 0 && f.frags[k-1].para == q.para {
		a.prevSame = &f.frags[k-1]
		lo = a.prevSame.closeEnd
	}
	a.ps, a.cut = f.sentStart(lo, q.open)
	a.preS, a.preE = trimSpace(text, a.ps, q.open)
	a.preS = skipBullets(text, a.preS, a.preE)
	if a.preE > a.preS && (text[a.preE-1] == '=' || text[a.preE-1] == '/') {
		return a, false
	}
	a.startsSent = a.preS == a.preE && (a.prevSame == nil || a.cut || endsSentence(text[a.prevSame.s:a.prevSame.e]))
	if a.preE > a.preS && (text[a.preE-1] == '(' || text[a.preE-1] == '[') {
		// (“I want my dues back,” wrote a member) — a parenthesis opens.
		a.startsSent, a.preS = true, a.preE
	}
	hi := q.le
	if k+1 < len(f.frags) && f.frags[k+1].para == q.para {
		hi = f.frags[k+1].open
	}
	a.postS, a.postE = q.le, q.le
	if !q.cont {
		a.postS = q.closeEnd
		a.postE = f.sentEnd(a.postS, hi)
	}
	return a, true
}

// isDirect reports whether quote q is a whole utterance: it starts its
// sentence or follows an introduction, and ends it or is followed by an
// attribution; not a headline with its author, not a short phrase alone.
func (f *finder) isDirect(q *frag, a stretches, pre preInfo, post postInfo) bool {
	text := f.text
	endsPunct := endsClause(text[q.s:q.e])
	if !post.attr && !post.empty && endsSentence(text[q.s:q.e]) {
		// "…win." He left. — the quote closed its sentence.
		if w := firstWord(f, a.postS, a.postE); isWord(w) && capitalised(w) {
			post.empty = true
		}
	}
	direct := (a.startsSent || pre.intro) && (post.empty || post.attr || endsPunct || pre.punct && f.adverbial(a.postS, a.postE))
	if direct && !post.attr && !post.empty {
		if w := firstWord(f, a.postS, a.postE); wordIs(text, w, "by") {
			return false // "Title," by Jane Doe: a headline and its author
		}
	}
	if direct && !pre.intro && !post.attr && !endsPunct && wordCount(text[q.s:q.e]) <= 3 {
		return false // a title or a scare-quoted phrase standing alone
	}
	return direct
}

// chooseSpeaker returns the speaker mention and cue of fragment k (its
// kind decided): the attribution after it or the introduction before it,
// the sentence's cue for a partial quote, the start of a sentence that
// began before an earlier quote of the paragraph, or the speaker it
// inherits; none for a title.
func (f *finder) chooseSpeaker(k int, a stretches, pre preInfo, post postInfo) (speaker, string) {
	q := &f.frags[k]
	var spk speaker
	var cue string
	switch {
	case post.attr && post.spk.found() && post.spk.pronoun && pre.intro && pre.spk.found() && !pre.spk.pronoun:
		// Feinstein said "…," she said — the name, not the pronoun.
		spk, cue = pre.spk, pre.cue
	case post.attr && post.spk.found():
		spk, cue = post.spk, post.cue
	case (pre.intro || pre.that) && pre.spk.found():
		spk, cue = pre.spk, pre.cue
	case !q.direct:
		if pre.spk.found() {
			spk, cue = pre.spk, pre.cue
		} else if far := f.readPost(a.postS, f.sentEnd(a.postS, q.le), true, 0); far.spk.found() {
			spk, cue = far.spk, far.cue
		}
	}
	if !spk.found() && (post.attr || pre.intro) && cue == "" {
		cue = post.cue
		if cue == "" {
			cue = pre.cue
		}
	}
	if !spk.found() && a.prevSame != nil && !a.cut && a.preS < a.preE {
		// Ash described the move as a "breach," adding: "…" — the
		// sentence began before the quote in it.
		if s, _ := f.sentStart(q.ls, a.prevSame.open); s < a.prevSame.open {
			if pre := f.readPre(s, a.preE); pre.spk.found() && (pre.intro || !q.direct) {
				spk, cue = pre.spk, pre.cue
			}
		}
	}
	if !spk.found() && (q.direct || q.prev >= 0) {
		spk, cue = f.inherit(k, a.prevSame, a.preS, a.preE)
	}
	if !q.direct && titleCase(f, q.s, q.e) {
		// CNN's "State of the Union": a title, nobody's words.
		spk, cue = speaker{}, ""
	}
	return spk, cue
}

// name gives the speaker mention of fragment k the name to report: a
// pronoun resolves to the person it stands for (or none), "the senator" to
// the person last named with that title, a name to its entity's canonical
// name. pos is where the quote's sentence starts.
func (f *finder) name(k int, spk speaker, pos int) speaker {
	if spk.pronoun {
		spk = f.resolve(k, spk, pos)
	} else if spk.nominal && len(f.mentions) > 0 {
		if name, ok := f.resolveTitle(spk, pos); ok {
			spk = speaker{s: spk.s, e: spk.e, name: name, resolved: true}
		}
	}
	if !spk.pronoun && !spk.nominal && spk.found() {
		spk.name = f.canonical(spk)
	}
	if spk.pronoun {
		spk.name = ""
	}
	return spk
}

// inherit finds the speaker of a direct quote with no attribution in its
// sentence: the quote it continues, the introduction ending the previous
// paragraph ("Trump said:"), or the previous quote of the paragraph or of
// the paragraph before.
func (f *finder) inherit(k int, prevSame *frag, preS, preE int) (speaker, string) {
	q := &f.frags[k]
	if q.prev >= 0 {
		p := &f.frags[q.prev]
		return p.spk, p.cue
	}
	if prevSame != nil {
		// The last direct quote of the paragraph (a title in quotes may
		// stand between: said on ABC's "This Week." "…").
		for j := k - 1; j >= 0 && f.frags[j].para == q.para; j-- {
			if p := &f.frags[j]; p.direct && !p.drop {
				return p.spk, p.cue
			}
		}
		return speaker{}, ""
	}
	if preS != preE {
		return speaker{}, ""
	}
	if q.open != q.ls {
		// Bystrom agreed. "…" — a sentence of its own naming the speaker.
		e := preS
		for e > q.ls && (isSpaceByte(f.text[e-1]) || f.text[e-1] == '.') {
			e--
		}
		if e > q.ls {
			s, _ := f.sentStart(q.ls, e)
			if pre := f.readPre(s, e); pre.intro && pre.cue != "" && pre.spk.found() && !pre.spk.nominal {
				return pre.spk, pre.cue
			}
		}
		return speaker{}, ""
	}
	// The paragraph before: does it end with an introduction?
	pe := q.ls
	for pe > 0 && isSpaceByte(f.text[pe-1]) {
		pe--
	}
	if pe > 0 && f.text[pe-1] == ':' {
		pls := strings.LastIndexByte(f.text[:pe], '\n') + 1
		s, _ := f.sentStart(pls, pe-1)
		s, e := trimSpace(f.text, s, pe)
		pre := f.readPre(s, e)
		if pre.spk.found() {
			return pre.spk, pre.cue
		}
	}
	if k > 0 {
		p := &f.frags[k-1]
		if p.para == q.para-1 && p.direct && p.spk.found() {
			return p.spk, p.cue
		}
	}
	return speaker{}, ""
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// skipBullets skips leading dashes and bullets of a stretch.
func skipBullets(text string, s, e int) int {
	for s < e {
		r, n := runeAt(text, s)
		if isDash(r) || r == '*' || r == '•' || r == '>' || isSpace(r) {
			s += n
			continue
		}
		break
	}
	return s
}

// endsSentence reports whether a quote's text ends with . ! ? or …
func endsSentence(q string) bool {
	for len(q) > 0 {
		r, n := runeBefore(q, len(q))
		switch r {
		case '.', '!', '?', '…':
			return true
		case '\'', '’', ')', ']':
			q = q[:len(q)-n]
			continue
		}
		return false
	}
	return false
}

// lastPunct returns a quote's final punctuation mark, or 0.
func lastPunct(q string) rune {
	for len(q) > 0 {
		r, n := runeBefore(q, len(q))
		switch {
		case r == ',' || r == '.' || r == '!' || r == '?' || r == '…' || r == ';' || r == ':' || isDash(r):
			return r
		case r == '\'' || r == '’' || r == ')' || r == ']':
			q = q[:len(q)-n]
			continue
		}
		return 0
	}
	return 0
}

// endsClause reports whether a quote's text ends with punctuation that
// closes a clause: , . ! ? … or a dash.
func endsClause(q string) bool {
	for len(q) > 0 {
		r, n := runeBefore(q, len(q))
		switch {
		case r == ',' || r == '.' || r == '!' || r == '?' || r == '…' || r == ';' || isDash(r):
			return true
		case r == '\'' || r == '’' || r == ')' || r == ']':
			q = q[:len(q)-n]
			continue
		}
		return false
	}
	return false
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isLetter(r) || isDigit(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '\'' || r == '’' || r == '-'))
	}
	return n
}

func firstWord(f *finder, s, e int) news.Token {
	for _, t := range f.tokens(s, min(e, s+200)) {
		if isWord(t) {
			return t
		}
	}
	return news.Token{Kind: news.Punct}
}

// isBoundary reports whether a sentence ends at text[i] (one of . ! ?), and
// returns where the next sentence starts.
func (f *finder) isBoundary(i, hi int) (bool, int) {
	text := f.text
	c := text[i]
	if c != '.' && c != '!' && c != '?' {
		return false, 0
	}
	j := i + 1
	for j < hi {
		r, n := runeAt(text, j)
		if r == ')' || r == ']' || r == '’' || r == '\'' || isQuoteRune(r) {
			j += n
			continue
		}
		break
	}
	if j >= hi {
		return j == len(text) || text[j] == '\n', j
	}
	r, n := runeAt(text, j)
	if !isSpace(r) {
		return false, 0
	}
	j += n
	for j < hi {
		r, n = runeAt(text, j)
		if !isSpace(r) {
			break
		}
		j += n
	}
	if j >= hi {
		return true, j
	}
	if !(isUpper(r) || isDigit(r) || isQuoteRune(r) || r == '(' || r == '‘') {
		return false, 0
	}
	if c == '.' && f.dotAbbreviates(i) {
		return false, 0 // Mr. Smith, U.S. officials, John F. Kennedy: not an end
	}
	return true, j
}

// sentStart returns where the sentence containing text[hi] starts, looking
// back no further than lo, and whether a sentence end was found.
func (f *finder) sentStart(lo, hi int) (int, bool) {
	for i := hi - 1; i >= lo; i-- {
		c := f.text[i]
		if c == '\n' {
			return i + 1, true
		}
		if c == '.' || c == '!' || c == '?' {
			if ok, next := f.isBoundary(i, hi); ok {
				return next, true
			}
		}
	}
	return lo, false
}

// sentEnd returns the end of the sentence starting at lo, looking no
// further than hi: just past its final punctuation, or hi.
func (f *finder) sentEnd(lo, hi int) int {
	for i := lo; i < hi; i++ {
		c := f.text[i]
		if c == '\n' {
			return i
		}
		if c == '.' || c == '!' || c == '?' {
			if ok, _ := f.isBoundary(i, hi); ok {
				return i + 1
			}
		}
	}
	return hi
}

// preInfo is what the stretch before a quote says about it.
type preInfo struct {
	intro bool // X said: / X said, / X said / according to X, / X:
	that  bool // X said that "…"
	punct bool // the introduction ends with a colon or comma
	spk   speaker
	cue   string
}

// postInfo is what the stretch after a quote says about it.
type postInfo struct {
	empty bool // nothing but punctuation
	attr  bool // an attribution: , X said / , said X
	spk   speaker
	cue   string
}

// readPre reads the stretch text[s:e] of the sentence before a quote.
func (f *finder) readPre(s, e int) preInfo {
	var p preInfo
	if s >= e {
		return p
	}
	text := f.text
	ts := f.tokens(s, e)
	if len(ts) == 0 {
		return p
	}
	last := punctRune(text, ts[len(ts)-1])
	colon := last == ':'
	comma := last == ','
	n := len(ts)
	if colon || comma || (last != 0 && isDash(last)) {
		n--
	}
	ts = ts[:n]
	if p, ok := f.according(ts); ok {
		return p
	}
	c := f.lastCue(ts)
	if c < 0 {
		if colon && n > 0 {
			// Donald Trump: "…" — a name standing alone before a colon.
			if n <= 6 {
				if sp := f.nameOf(ts); sp.found() && !sp.nominal {
					p.intro, p.spk = true, sp
					return p
				}
			}
			p.intro = true
			p.spk = f.colonSpeaker(ts)
		}
		return p
	}
	p.cue = text[ts[c].Start:ts[c].End]
	gap := wordsIn(ts[c+1:])
	p.punct = colon || comma
	switch {
	case colon:
		p.intro = true
	case in(cNaming, ts[c]):
		// called it "a disaster": quoted words, never an utterance.
	case gap == 0:
		p.intro = true
	case comma && gap <= 16:
		p.intro = true
	case gap == 1 && !colon && !comma && wordIs(text, ts[n-1], "that"):
		p.that = true
	}
	p.spk = f.cueSubject(ts, c, p.intro, colon && gap > 12)
	return p
}

// according reads "according to X," in the words before a quote.
func (f *finder) according(ts []news.Token) (preInfo, bool) {
	text := f.text
	n := len(ts)
	for i := 0; i+1 < n; i++ {
		if !in(cLead, ts[i]) || !wordIs(text, ts[i], "according") || !wordIs(text, ts[i+1], "to") {
			continue
		}
		end := i + 2
		for end < n && punctRune(text, ts[end]) != ',' {
			end++
		}
		if sp := f.nameOf(ts[i+2 : end]); sp.found() {
			return preInfo{spk: sp, cue: "according to", intro: end >= n-1}, true
		}
	}
	return preInfo{}, false
}

// lastCue returns the index of the last reporting verb of ts, or of a
// reporting noun ending it ("The ad claims"), -1 if none.
func (f *finder) lastCue(ts []news.Token) int {
	n := len(ts)
	c := -1
	for i := n - 1; i >= 0; i-- {
		if isCue(ts[i]) {
			c = i
			break
		}
	}
	if n > 0 && c < n-1 && isWord(ts[n-1]) && in(cCueNoun, ts[n-1]) && f.text[ts[n-1].Start] >= 'a' && f.text[ts[n-1].Start] <= 'z' {
		c = n - 1 // The ad claims "…"
	}
	return c
}

// cueSubject returns the speaker of the cue ts[c] in the words before a
// quote: the name after it when inverted, the subject of the cue before a
// participle, of the main clause, or of the cue's own clause. far says the
// cue stands too far from a colon ending ts to trust it.
func (f *finder) cueSubject(ts []news.Token, c int, intro, far bool) speaker {
	text := f.text
	n := len(ts)
	if c+1 < n && (c == 0 || punctRune(text, ts[c-1]) == ',' && !intro) && capitalised(ts[c+1]) && !in(cStopCap|cLead, ts[c+1]) {
		// said Trump: — inverted, the speaker after the cue.
		end := c + 1
		for end < n && isWord(ts[end]) {
			end++
		}
		if sp := f.nameOf(ts[c+1 : end]); sp.found() {
			return sp
		}
	}
	if far {
		// … drew Trump's ire after he told the paper that …: "…" — the
		// clause's subject.
		if sp := f.colonSpeaker(ts); sp.found() {
			return sp
		}
	}
	cue := text[ts[c].Start:ts[c].End]
	if c >= 1 && strings.HasSuffix(cue, "ing") && (punctRune(text, ts[c-1]) == ',' || isQuoteRune(punctRune(text, ts[c-1])) || in(cSubord|cCut, ts[c-1])) {
		// Spicer said, adding: — the subject of the cue before;
		// Warren endorsed Clinton, saying: / … upon saying — the main
		// clause's subject.
		for j := c - 2; j >= 0; j-- {
			if isCue(ts[j]) && !strings.HasSuffix(text[ts[j].Start:ts[j].End], "ing") {
				if sp := f.subject(ts[:j]); sp.found() && !sp.nominal {
					return sp
				}
				break
			}
		}
		if sp := f.mainSubject(ts[:c-1]); sp.found() {
			return sp
		}
	}
	return f.subject(ts[:c])
}

// colonSpeaker reads the speaker of a clause ending in a colon with no cue
// next to it: a name just before the colon ("… surprise pollster Daron
// Shaw:"), else the subject of the main clause ("X released the following
// statement:").
func (f *finder) colonSpeaker(ts []news.Token) speaker {
	text := f.text
	s := 0
	for i := len(ts) - 1; i >= 0; i-- {
		if r := punctRune(text, ts[i]); r == ',' || isDash(r) || r == ';' {
			s = i + 1
			break
		}
	}
	last := ts[s:]
	if len(last) > 0 {
		k := len(last)
		for k > 0 && isWord(last[k-1]) && capitalised(last[k-1]) {
			k--
		}
		if k < len(last) {
			if sp := f.nameOf(last[k:]); sp.found() && !sp.nominal && !sp.pronoun {
				return sp
			}
		}
	}
	if sp := f.mainSubject(ts); sp.found() && !sp.nominal {
		return sp
	}
	return speaker{}
}

// adverbial reports whether text[s:e] is a short adverbial phrase that can
// follow an introduced quote (X tweeted, "…" on Friday afternoon.).
func (f *finder) adverbial(s, e int) bool {
	ts := f.tokens(s, e)
	i := 0
	for i < len(ts) && ts[i].Kind == news.Punct {
		i++
	}
	if i == len(ts) || capitalised(ts[i]) || !in(cCut, ts[i]) {
		return false
	}
	return wordsIn(ts) <= 6
}

// titleCase reports whether text[s:e] reads like a title: at most eight
// words, every one capitalised but the small words title case leaves in
// lower case (articles, short prepositions, conjunctions: "State of the
// Union"; not verbs or pronouns: "had it up to here").
func titleCase(f *finder, s, e int) bool {
	if e-s > 120 {
		return false
	}
	words := 0
	for _, t := range f.streamTokens(s, e) {
		if !isWord(t) {
			continue
		}
		words++
		if words > 8 || !capitalised(t) && !f.titleSmallWord(t) {
			return false
		}
	}
	return words > 0
}

func (f *finder) titleSmallWord(t news.Token) bool {
	return lex.Has("title-lowercase-words", f.text[t.Start:t.End])
}

// readPost reads the stretch text[s:e] after a quote. far allows the cue
// anywhere in the sentence (for partial quotes: "…" on how to move forward,
// Mr Obama said). end is the quote's last punctuation: after a period the
// attribution must close the sentence ("…." Trump said in an interview.),
// after a comma, ? or ! an unknown verb will do ("…," Trump barked).
func (f *finder) readPost(s, e int, far bool, end rune) postInfo {
	var p postInfo
	text := f.text
	ts := f.tokens(s, e)
	i0 := 0
	for i0 < len(ts) && ts[i0].Kind == news.Punct {
		i0++
	}
	if i0 == len(ts) {
		p.empty = true
		return p
	}
	limit := len(ts)
	if !far && limit > i0+f.postReach(ts[i0:]) {
		limit = i0 + f.postReach(ts[i0:])
	}
	// "…" — Donald Trump
	if i0 > 0 && isDash(punctRune(text, ts[i0-1])) && !far {
		end := i0
		for end < len(ts) && isWord(ts[end]) && capitalised(ts[end]) {
			end++
		}
		if end == len(ts) || end > i0 && punctRune(text, ts[end]) != 0 && end == len(ts)-1 {
			if sp := f.nameOf(ts[i0:end]); sp.found() && !sp.nominal {
				p.attr, p.spk, p.cue = true, sp, "—"
				return p
			}
		}
	}
	for i := i0; i < limit; i++ {
		t := ts[i]
		if t.Kind == news.Punct && !far {
			r := punctRune(text, t)
			if r == ';' || r == '(' && i == i0 {
				break
			}
		}
		if in(cLead, t) && wordIs(text, t, "according") && i+1 < len(ts) && wordIs(text, ts[i+1], "to") {
			end := i + 2
			for end < len(ts) && isWord(ts[end]) {
				end++
			}
			if sp := f.nameOf(ts[i+2 : end]); sp.found() {
				p.attr, p.spk, p.cue = true, sp, "according to"
				return p
			}
			continue
		}
		cue := isCue(t)
		if !cue && !far && end != '.' && end != 0 && isWord(t) && strings.HasSuffix(text[t.Start:t.End], "ed") && !capitalised(t) {
			// "…," Trump barked / "…!" beamed Donald Hartley: a verb
			// we do not list, in the attribution's place.
			if i == i0 && i+1 < len(ts) && capitalised(ts[i+1]) {
				cue = true
			} else if i > i0 && i-i0 <= 4 && (capitalised(ts[i-1]) || in(cPronoun, ts[i-1])) && (allNameWords(text, ts[i0:i]) || in(cDet, ts[i0])) {
				cue = true
			}
		}
		if !cue {
			continue
		}
		if !far && end == '.' && (wordsIn(ts[i+1:]) > 0 || i-i0 > 3) {
			// "…." Kasich said he would … — a new sentence: news style
			// closes an attributed quote with a comma, ? or !; only a bare
			// "…." Trump said. is taken.
			return p
		}
		p.cue = text[t.Start:t.End]
		if i == i0 {
			// , said X
			p.attr = true
			end := i + 1
			for end < len(ts) && (isWord(ts[end]) || punctRune(text, ts[end]) == '(' || punctRune(text, ts[end]) == ')' || punctRune(text, ts[end]) == '-' || punctRune(text, ts[end]) == '.') {
				end++
			}
			if i+1 < end && !in(cCut, ts[i+1]) && !in(cLead, ts[i+1]) && (hasCapital(text, ts[i+1:end]) || !startsLower(text, ts[i+1:end])) {
				if sp := f.nameOf(ts[i+1 : end]); sp.found() {
					p.spk = sp
				}
			}
			return p
		}
		if !far && !plausibleSubject(text, ts[i0:i]) {
			p.cue = ""
			return p
		}
		if far && !plausibleSubject(text, ts[i0:i]) {
			// on how to move forward, Mr Obama said: the clause's subject.
			p.spk = f.subject(ts[i0:i])
			return p
		}
		p.attr = true
		if i-i0 > 20 {
			// Past the usual reach (see postReach): the name before the
			// apposition, not a name inside it ("…, chairman of the
			// subcommittee on Civil Liberties, told").
			p.spk = f.nameOf(ts[i0 : i0+f.nameLen(ts[i0:])])
			return p
		}
		p.spk = f.subject(ts[i0:i])
		return p
	}
	return p
}

// postReach returns how many tokens after a quote its attribution's cue is
// looked for in: 20, or 32 after a name set off by a comma, whose
// apposition may be long ("…," Ann Moss, a Republican trying to unseat
// Representative Bob Hale, a Democrat, in Ohio's Third District, said).
func (f *finder) postReach(ts []news.Token) int {
	if n := f.nameLen(ts); n > 0 && n < len(ts) {
		return 32
	}
	return 20
}

// nameLen returns the length of the run of at most four capitalised words
// opening ts when a comma follows it, else 0.
func (f *finder) nameLen(ts []news.Token) int {
	for i := 0; i < len(ts) && i <= 4; i++ {
		if !isWord(ts[i]) {
			if i > 0 && punctRune(f.text, ts[i]) == ',' {
				return i
			}
			return 0
		}
		if !capitalised(ts[i]) {
			return 0
		}
	}
	return 0
}

// hasCapital reports whether a phrase has a capitalised word.
func hasCapital(text string, ts []news.Token) bool {
	for _, t := range ts {
		if capitalised(t) {
			return true
		}
	}
	return false
}

// allNameWords reports whether a phrase is only capitalised words,
// particles, determiners and pronouns (a short subject).
func allNameWords(text string, ts []news.Token) bool {
	for _, t := range ts {
		if !isWord(t) {
			if r := punctRune(text, t); r == '.' || r == '\'' {
				continue
			}
			return false
		}
		if !capitalised(t) && !in(cParticle, t) && !in(cDet, t) && !in(cPronoun, t) {
			return false
		}
	}
	return true
}

// startsLower reports whether the phrase starts with a lower-case word that
// is not a determiner ("said in a statement", "adding that").
func startsLower(text string, ts []news.Token) bool {
	if len(ts) == 0 {
		return true
	}
	t := ts[0]
	if !isWord(t) || capitalised(t) {
		return false
	}
	return !in(cDet, t) && !in(cPronoun, t)
}

// plausibleSubject reports whether the words between a quote and a cue can
// be the cue's subject: a pronoun, a short noun phrase, or a noun phrase
// with an apposition between commas — not a clause.
func plausibleSubject(text string, ts []news.Token) bool {
	for len(ts) > 0 && isWord(ts[len(ts)-1]) && !capitalised(ts[len(ts)-1]) && (in(cAux, ts[len(ts)-1]) || lyAdverb(text, ts[len(ts)-1])) {
		ts = ts[:len(ts)-1]
	}
	for len(ts) > 0 && ts[0].Kind == news.Punct {
		ts = ts[1:]
	}
	if len(ts) == 0 {
		return false
	}
	if in(cPronoun, ts[0]) {
		return len(ts) == 1
	}
	if first := ts[0]; !capitalised(first) && !in(cDet, first) && (in(cCut|cLead|cSubord, first) || !hasCapital(text, ts)) {
		return false // before optimistically predicting …
	}
	words, firstComma := 0, -1
	for i, t := range ts {
		if isWord(t) {
			words++
			if !capitalised(t) {
				switch {
				case in(cAux, t) && firstComma < 0 && !wordIs(text, t, "also"):
					return false // was, has: a clause
				case in(cPronoun, t) && firstComma < 0:
					return false
				}
			}
		} else if r := punctRune(text, t); (r == ',' || isDash(r)) && firstComma < 0 {
			firstComma = i
			if words > 8 {
				return false
			}
		}
	}
	if firstComma < 0 {
		return words <= 8
	}
	last := punctRune(text, ts[len(ts)-1])
	return (last == ',' || isDash(last)) && words <= 40
}
