package quantity

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// finish reads what follows the number (hyphenated units, scale words,
// units, what is counted) and the qualifier before it.
func (s *scanner) finish(m *mention) (news.Quantity, int, bool) {
	if end, ok := s.hyphenSuffix(m); !ok {
		return news.Quantity{}, end, false
	}
	s.signSuffix(m)
	s.scaleAfter(m)
	if !m.spelled && !m.scaled && m.kind != news.Percent && m.age == noAge {
		m.value = scale(m.value, s.rangeScale(m.end))
	}
	if end, ok := s.unitAfter(m); !ok {
		return news.Quantity{}, end, false
	}
	ratio := s.ratio(m)
	qual, qs := s.qualifier(m.start)
	if qual == "" || m.qual != "" && qual != m.qual {
		qual = m.qual
	}
	counts, he := "age", 0
	if m.age == noAge {
		counts, he = s.counted(m, qs, ratio)
	}
	if m.year && (qual == "" || counts == "") {
		return news.Quantity{}, m.end, false
	}
	if m.kind == news.Count && counts == "" && qual == "" && !m.spelled {
		switch {
		case s.prevIs(m.start, "a") || s.prevIs(m.start, "an"):
			return news.Quantity{}, m.end, false // "a 911 operator": a label
		case (s.prevIs(m.start, "was") || s.prevIs(m.start, "is")) && m.value < 120 && m.value == math.Trunc(m.value) && s.pronounBefore(m.start):
			counts, m.age = "age", otherAge // "she was 16"
		}
	}
	if m.spelled && m.kind == news.Count && counts == "" {
		return news.Quantity{}, m.end, false
	}
	start, end := min(m.start, qs), max(m.end, he)
	of := ""
	if m.age != noAge {
		m.kind, m.unit = news.Age, "year"
		of = s.ageOf(m)
	}
	return news.Quantity{
		Value:     m.value,
		Qualifier: qual,
		Counts:    counts,
		Kind:      m.kind,
		Unit:      m.unit,
		Text:      s.t[start:end],
		Span:      news.Span{Start: start, End: end},
		Of:        of,
		Fraction:  m.fraction,
	}, end, true
}

// hyphenSuffix reads a word joined to the number by a hyphen:
// "45-year-old", "10-year", "5,000-strong", "40-plus". It fails at any
// other word ("3-D", "9-member"), returning where it ends.
func (s *scanner) hyphenSuffix(m *mention) (int, bool) {
	t := s.t
	n := len(t)
	if m.end+1 >= n || t[m.end] != '-' || !isLetter(t[m.end+1]) || m.kind == news.Percent {
		return 0, true
	}
	hs := m.end + 1
	he := letterEnd(t, hs)
	hw := s.lower(t[hs:he])
	if u, ok := durationUnits[string(hw)]; ok {
		m.kind, m.unit, m.end, m.year = news.Duration, u, he, false
		if he+4 <= n && t[he] == '-' && strings.EqualFold(t[he+1:he+4], "old") && (he+4 == n || !isLetter(t[he+4])) {
			m.age, m.end = yearOld, he+4
		} else {
			m.loose = true
		}
		return 0, true
	}
	if u, ok := measureUnits[string(hw)]; ok && m.kind != news.Money {
		m.kind, m.unit, m.end, m.year, m.loose = news.Measure, u, he, false, true
		return 0, true
	}
	if f, ok := scaleWords[string(hw)]; ok {
		m.value, m.end, m.year, m.scaled = scale(m.value, f), he, false, true
		return 0, true
	}
	switch string(hw) {
	case "percent":
		m.kind, m.unit, m.end, m.year = news.Percent, "%", he, false
	case "strong": // "a 5,000-strong force"
		m.end, m.loose = he, true
	case "plus":
		m.qual, m.end = news.MoreThan, he
	case "odd":
		m.qual, m.end = news.About, he
	default:
		return he, false
	}
	return 0, true
}

// signSuffix reads a "%" or "+" right after the number.
func (s *scanner) signSuffix(m *mention) {
	t := s.t
	switch {
	case m.end < len(t) && t[m.end] == '%' && m.kind != news.Percent:
		m.kind, m.unit, m.year = news.Percent, "%", false
		m.end++
	case m.end < len(t) && t[m.end] == '+' && (m.end+1 == len(t) || !isAlnum(t[m.end+1])):
		m.qual = news.MoreThan
		m.end++
	}
}

// scaleAfter reads the scale words after the number ("4.5 million") and
// an "or more", "or so", "or fewer" after them.
func (s *scanner) scaleAfter(m *mention) {
	t := s.t
	for {
		ws, we, ok := s.nextWord(m.end)
		if !ok {
			return
		}
		w := s.lower(t[ws:we])
		if f := scaleWords[string(w)]; f != 0 && !m.spelled && m.kind != news.Percent && m.kind != news.Duration && m.kind != news.Measure {
			m.value, m.end, m.year, m.scaled = scale(m.value, f), we, false, true
			continue
		}
		if string(w) != "or" {
			return
		}
		if as, ae, ok := s.nextWord(we); ok {
			switch string(s.lower(t[as:ae])) {
			case "more":
				m.qual, m.end = news.AtLeast, ae
			case "so":
				m.qual, m.end = news.About, ae
			case "fewer", "less":
				m.qual, m.end = news.UpTo, ae
			}
		}
		return
	}
}

// unitAfter reads the word after the number when it says what kind of
// figure it is: "percent", a currency, a unit of time or measure, "years
// old". It fails when the word makes the number a date, a time or a
// multiplier ("21 October", "10 am", "three times"), returning where the
// word ends.
func (s *scanner) unitAfter(m *mention) (int, bool) {
	t := s.t
	ws, we, ok := s.nextWord(m.end)
	if !ok || m.age != noAge {
		return 0, true
	}
	w := s.lower(t[ws:we])
	cls := s.classAt(ws)
	switch {
	case cls&cMonth != 0 && !m.spelled && m.kind == news.Count:
		if isUpper(t[ws]) {
			return we, false // "21 October"
		}
	case cls&cClock != 0 && !m.spelled:
		return we, false
	case len(w) >= 3 && (string(w[:3]) == "a.m" || string(w[:3]) == "p.m"):
		return we, false // 10 a.m., 10 p.m.m

	case string(w) == "times" || string(w) == "fold":
		return we, false
	}
	if m.kind == news.Count || m.kind == news.Money {
		s.unitWord(m, w, ws, we)
		if m.kind != news.Count {
			m.year = false
		}
	}
	if m.unit == "year" && m.kind == news.Duration && m.age == noAge {
		if os, oe, ok := s.nextWord(m.end); ok && string(s.lower(t[os:oe])) == "old" {
			m.age, m.end = yearOld, oe
		}
	}
	return 0, true
}

// unitWord reads the unit word w = t[ws:we] after a count or an amount of
// money.
func (s *scanner) unitWord(m *mention, w []byte, ws, we int) {
	t := s.t
	switch {
	case string(w) == "percent" || string(w) == "pct" || string(w) == "pc":
		m.kind, m.unit, m.end = news.Percent, "%", we
	case string(w) == "per":
		if cs, ce, ok := s.nextWord(we); ok && string(s.lower(t[cs:ce])) == "cent" {
			m.kind, m.unit, m.end = news.Percent, "%", ce
		}
	case string(w) == "percentage":
		if cs, ce, ok := s.nextWord(we); ok {
			if c := string(s.lower(t[cs:ce])); c == "point" || c == "points" {
				m.kind, m.unit, m.end = news.Percent, "percentage point", ce
			}
		}
	case m.kind != news.Count:
	case currencyWords[string(w)] != "" && !(string(w) == "won" || string(w) == "rand") && !isUpper(t[ws]):
		m.kind, m.unit, m.end = news.Money, currencyWords[string(w)], we
	case string(w) == "us" && isUpper(t[ws]):
		if cs, ce, ok := s.nextWord(we); ok && string(s.lower(t[cs:ce])) == "dollars" {
			m.kind, m.unit, m.end = news.Money, "USD", ce
		}
	case durationUnits[string(w)] != "":
		m.kind, m.unit, m.end = news.Duration, durationUnits[string(w)], we
		if os, oe, ok := s.nextWord(we); ok && m.unit == "year" && string(s.lower(t[os:oe])) == "old" {
			m.age, m.end = yearOld, oe
		}
	case measureUnits[string(w)] != "":
		m.kind, m.unit, m.end = news.Measure, measureUnits[string(w)], we
	case string(w) == "square" || string(w) == "sq" || string(w) == "cubic":
		p := "sq "
		if string(w) == "cubic" {
			p = "cubic " // before the next look-up reuses w's buffer
		}
		if us, ue, ok := s.nextWord(we); ok {
			if u := measureUnits[string(s.lower(t[us:ue]))]; u != "" {
				m.kind, m.unit, m.end = news.Measure, p+u, ue
			}
		}
	}
}

// ratio reads "7 in 10 students", "three out of four voters" after a count
// as a percentage.
func (s *scanner) ratio(m *mention) bool {
	t := s.t
	if m.kind != news.Count || m.age != noAge {
		return false
	}
	ws, we, ok := s.nextWord(m.end)
	if !ok {
		return false
	}
	k := -1
	switch string(s.lower(t[ws:we])) {
	case "in":
		k = we
	case "out":
		if os, oe, ok := s.nextWord(we); ok && string(s.lower(t[os:oe])) == "of" {
			k = oe
		}
	}
	if k < 0 {
		return false
	}
	ds, de, ok := s.nextWord(k)
	if !ok {
		return false
	}
	den := s.smallNumber(t[ds:de])
	if den <= m.value || m.value <= 0 || de-ds == 4 && den >= 1800 && den <= 2100 {
		return false
	}
	m.fraction = fractionText(m.value, den)
	m.kind, m.unit, m.value, m.end, m.year = news.Percent, "%", m.value*100/den, de, false
	return true
}

// counted returns what the figure counts and where that phrase ends (0
// when there is none). A count whose phrase is a unit becomes a duration,
// a measure or money ("four straight years", "five nautical miles", "1.4
// New Zealand dollars").
func (s *scanner) counted(m *mention, qs int, ratio bool) (string, int) {
	var hs, he int
	var head bool
	// A noun right after money or a percentage says what it is only
	// after a determiner ("a $4.5bn loan", "a 5% rise"; not "64% swore").
	direct := s.determinerBefore(min(qs, m.start))
	switch {
	case m.kind == news.Count && m.loose:
		hs, he, _ = s.nounPhrase(m.end, true, true, false)
	case m.kind == news.Count || ratio:
		hs, he, head = s.nounPhrase(m.end, false, true, false)
		if !head {
			hs, he = 0, 0
		}
	case m.kind == news.Money || m.kind == news.Percent:
		hs, he, _ = s.nounPhrase(m.end, true, direct, m.kind == news.Money)
	case m.loose:
		hs, he, _ = s.nounPhrase(m.end, true, true, false)
	}
	counts := ""
	if he > hs {
		counts = s.fold(hs, he)
	}
	if counts == "" && m.kind == news.Count && !ratio {
		counts, he = s.rate(m.end)
	}
	if words := strings.Count(counts, " ") + 1; m.kind == news.Count && head && words <= 3 && s.unitPhrase(m, counts, words) {
		counts = ""
	}
	return counts, he
}

// rate reads a rate after a count, "3,319 per 100,000 (people)", as what
// it counts.
func (s *scanner) rate(pos int) (string, int) {
	ps, pe, ok := s.nextWord(pos)
	if !ok || string(s.lower(s.t[ps:pe])) != "per" {
		return "", 0
	}
	ds, _, ok := s.nextWord(pe)
	if !ok || !isDigit(s.t[ds]) {
		return "", 0
	}
	he := s.tokenEnd(ds)
	if _, e2, head := s.nounPhrase(he, false, true, false); head {
		he = e2
	}
	return s.fold(ps, he), he
}

// unitPhrase reports whether the counted phrase of a count ends in a unit,
// and makes the count a figure of that unit.
func (s *scanner) unitPhrase(m *mention, counts string, words int) bool {
	sp := strings.LastIndexByte(counts, ' ')
	last := counts[sp+1:]
	if u := durationUnits[last]; u != "" && words <= 2 {
		m.kind, m.unit, m.year = news.Duration, u, false
		return true
	}
	if u := measureUnits[last]; u != "" && words <= 2 {
		m.kind, m.unit, m.year = news.Measure, u, false
		return true
	}
	c := currencyWords[last]
	if c == "" || last == "won" || last == "rand" {
		return false
	}
	if sp > 0 {
		if cc := currencyNations[counts[:sp]]; cc != "" {
			c = cc
		}
	}
	m.kind, m.unit, m.year = news.Money, c, false
	return true
}

// nounPhrase reads what a number counts, starting after pos. It returns
// the span from the phrase's first word to its head (which may come after
// "of the": "5,000 of the troops"). head says whether it ends in a plural
// noun. loose phrases (money, percentages, "10-year sentence") may end in
// a singular noun but take only lower-case words.
func (s *scanner) nounPhrase(pos int, loose, direct, money bool) (start, end int, head bool) {
	t := s.t
	pos, start, ofPhrase, ok := s.phraseOpening(pos, loose && money, direct)
	if !ok {
		return 0, 0, false
	}
	lowerSeen := false
	limit := 5
	if loose {
		limit = 3
	}
	natural := false // the phrase stopped at punctuation or a function word
	n := 0
	for ; n < limit; n++ {
		ws, we, ok := s.nextWord(pos)
		if !ok {
			natural = true
			break
		}
		if start < 0 {
			start = ws
		}
		raw := t[ws:we]
		if isDigit(raw[0]) {
			natural = true
			break
		}
		w := s.lower(raw)
		acronym := isAcronym(raw)
		if w == nil || possessive(raw) {
			break
		}
		cls := s.classAt(ws)
		if !acronym && cls&cStop != 0 || cls&cMonth != 0 && isUpper(raw[0]) {
			natural = true
			break
		}
		if ofPhrase && end == 0 && string(w) == "time" { // "40% of the time": an idiom
			end, natural = we, true
			break
		}
		if loose && isUpper(raw[0]) && !acronym && (!ofPhrase || lowerSeen) {
			natural = end > 0 // "$1bn in aid Egypt gets": a name starts the next phrase
			break
		}
		if !acronym && cls&cPluralHead == 0 && s.notNoun(w, we, loose, end == 0) {
			break
		}
		end = we
		pos = we
		lowerSeen = lowerSeen || !isUpper(raw[0])
		if cls&cPluralHead != 0 || !acronym && isPlural(w) {
			head = true
			end, n = s.pluralsAfter(end, n+1, limit)
			break
		}
	}
	if end == 0 {
		return 0, 0, false
	}
	if loose && !head && !natural {
		if n < limit {
			return 0, 0, false // stopped at a verb, an adverb or a name
		}
		if ns, _, ok := s.nextWord(end); ok && !isDigit(t[ns]) && s.classAt(ns)&cStop == 0 {
			return 0, 0, false // runs on beyond the limit
		}
	}
	return start, end, head
}

// phraseOpening reads how the counted phrase after pos opens: directly
// with its first word (only when direct), with "of" and up to two
// determiners or a second figure ("5,000 of the troops", "4,000 of the
// 39,000 troops") or, for money, with "in" ("$1bn in aid"). It returns
// where the phrase's words start, the first word's start (-1 when it is
// still to come) and whether it opened with "of".
func (s *scanner) phraseOpening(pos int, in, direct bool) (next, start int, of, ok bool) {
	t := s.t
	ws, we, ok := s.nextWord(pos)
	if !ok {
		return 0, 0, false, false
	}
	w := s.lower(t[ws:we])
	of = string(w) == "of"
	in = in && string(w) == "in"
	switch {
	case !of && !in && !direct:
		return 0, 0, false, false
	case !of && !in:
		return pos, ws, false, true
	}
	k := we
	for d := 0; d < 2; d++ {
		ds, de, ok := s.nextWord(k)
		if !ok {
			return 0, 0, false, false
		}
		switch string(s.lower(t[ds:de])) {
		case "the", "its", "their", "his", "her", "our", "these", "those", "all", "this", "that", "your", "my", "an", "a":
			if !of {
				return 0, 0, false, false
			}
			k = de
			continue
		case "them", "us", "which", "whom", "it", "you", "whose":
			return 0, 0, false, false
		}
		if isDigit(t[ds]) && of {
			// "4,000 of the 39,000 troops": what the second figure counts.
			k = s.tokenEnd(ds)
			if ss, se, ok := s.nextWord(k); ok {
				if _, ok := scaleWords[string(s.lower(t[ss:se]))]; ok {
					k = se
				}
			}
		}
		break
	}
	return k, -1, of, true
}

// notNoun reports whether the lower-case word w (ending at we), neither an
// acronym nor a plural head, cannot be a word of a counted phrase: an
// adverb, a participle of a loose phrase ("64% voted", "the 9 percent
// saying"), or one of a count that no other word of the phrase follows
// ("armed men" but not "15 injured, police said").
func (s *scanner) notNoun(w []byte, we int, loose, first bool) bool {
	if len(w) > 4 && w[len(w)-1] == 'y' && w[len(w)-2] == 'l' {
		return true // adverbs
	}
	if loose {
		return hasSuffix(w, "ed") || first && hasSuffix(w, "ing")
	}
	if !hasSuffix(w, "ed") && !hasSuffix(w, "ing") {
		return false
	}
	ns, _, ok := s.nextWord(we)
	return !ok || isDigit(s.t[ns]) || s.classAt(ns)&cStop != 0
}

// pluralsAfter reads the plural nouns after a plural head that it
// modifies ("police officers", "appropriations bills"), counting words
// from n up to limit, and returns where the phrase ends and the count.
func (s *scanner) pluralsAfter(end, n, limit int) (int, int) {
	t := s.t
	for ; n < limit; n++ {
		ns, ne, ok := s.nextWord(end)
		if !ok || !isLetter(t[ns]) || isUpper(t[ns]) {
			break
		}
		nw := s.lower(t[ns:ne])
		ncls := s.classAt(ns)
		if ncls&cStop != 0 || !(isPlural(nw) || ncls&cPluralMod != 0) || hasSuffix(nw, "ings") {
			break
		}
		end = ne
	}
	return end, n
}

// rangeScale returns the scale of the second figure of a range that starts
// after pos ("20 to 25 million": 1e6), or 1.
func (s *scanner) rangeScale(pos int) float64 {
	t := s.t
	ws, we, ok := s.nextWord(pos)
	if !ok {
		return 1
	}
	switch string(s.lower(t[ws:we])) {
	case "to", "and", "or":
	default:
		return 1
	}
	k := we
	for k < len(t) && (t[k] == ' ' || t[k] == '$') {
		k++
	}
	if k >= len(t) || !isDigit(t[k]) {
		return 1
	}
	if ss, se, ok := s.nextWord(s.tokenEnd(k)); ok {
		if f := scaleWords[string(s.lower(t[ss:se]))]; f != 0 {
			return f
		}
	}
	return 1
}

// prevIs reports whether the word before pos is w (lower case).
func (s *scanner) prevIs(pos int, w string) bool {
	ps, pe, ok := s.prevWord(pos)
	return ok && lowerIs(s.t[ps:pe], w)
}

// lowerIs reports whether the ASCII word a, lower-cased, is w. Unlike a
// comparison of s.lower's result it leaves the scanner's buffer alone, so
// a word the caller lower-cased before stays as it was.
func lowerIs(a, w string) bool {
	if len(a) != len(w) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// pronounBefore reports whether the word two words before pos is a
// personal pronoun ("she was 16").
func (s *scanner) pronounBefore(pos int) bool {
	ps, _, ok := s.prevWord(pos)
	if !ok {
		return false
	}
	qs, qe, ok := s.prevWord(ps)
	if !ok {
		return false
	}
	switch string(s.lower(s.t[qs:qe])) {
	case "he", "she", "i":
		return true
	}
	return false
}

// determinerBefore reports whether an article or possessive comes just
// before pos.
func (s *scanner) determinerBefore(pos int) bool {
	ps, pe, ok := s.prevWord(pos)
	if !ok {
		return false
	}
	switch string(s.lower(s.t[ps:pe])) {
	case "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "my", "your", "whose":
		return true
	}
	return false
}

// smallNumber reads a plain integer written in digits or as one number
// word ("10", "four"); 0 when w is neither.
func (s *scanner) smallNumber(w string) float64 {
	if isDigit(w[0]) {
		v := 0.0
		for i := 0; i < len(w); i++ {
			if !isDigit(w[i]) {
				return 0
			}
			v = v*10 + float64(w[i]-'0')
		}
		return v
	}
	v, role := spelledValue(s.lower(w))
	if role == 1 || role == 2 {
		return v
	}
	return 0
}

func hasSuffix(w []byte, suf string) bool {
	return len(w) > len(suf)+2 && string(w[len(w)-len(suf):]) == suf
}

// isAcronym reports whether a word is two to five capitals, maybe dotted.
func isAcronym(w string) bool {
	caps := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case isUpper(c):
			caps++
		case c == '.':
		default:
			return false
		}
	}
	return caps >= 2 && caps <= 5
}

// fold returns the lower-cased phrase t[a:b] with single spaces and dotted
// acronyms undotted ("U.S. troops" → "us troops"); it allocates only when
// the text is not already in that form.
func (s *scanner) fold(a, b int) string {
	t := s.t[a:b]
	clean := true
	for i := 0; i < len(t); i++ {
		c := t[i]
		if isUpper(c) || c == '.' || c >= utf8.RuneSelf || c == '\t' || c == ' ' && i > 0 && t[i-1] == ' ' {
			clean = false
			break
		}
	}
	if clean {
		return t
	}
	var sb strings.Builder
	sb.Grow(len(t))
	space := false
	for _, r := range t {
		switch {
		case r == '.':
			continue
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u2009':
			space = true
			continue
		case r == '’':
			r = '\''
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(unicode.ToLower(r))
	}
	return sb.String()
}

// qualifierWord returns the qualifier a single word is, or "".
func qualifierWord(w []byte) string {
	switch string(w) {
	case "about", "around", "approximately", "roughly", "some", "circa", "approx", "estimated", "nearly", "almost",
		"over", "above", "under", "below", "exceeding":
		return "q"
	}
	return ""
}

// qualifier reads the qualifier phrase that ends just before pos and
// returns it normalised with the start of the phrase.
func (s *scanner) qualifier(pos int) (news.Qualifier, int) {
	var b before
	if !s.wordsBefore(&b, pos) {
		return "", pos
	}
	switch string(b.word(0)) {
	case "about", "around", "approximately", "roughly", "some", "circa", "approx":
		return news.About, b.starts[0]
	case "estimated":
		if string(b.word(1)) == "an" {
			return news.About, b.starts[1]
		}
		return news.About, b.starts[0]
	case "over", "above", "exceeding":
		if string(b.word(1)) == "just" || string(b.word(1)) == "well" || string(b.word(1)) == "slightly" {
			return news.MoreThan, b.starts[1]
		}
		return news.MoreThan, b.starts[0]
	case "under", "below":
		if string(b.word(1)) == "just" {
			return news.Nearly, b.starts[1]
		}
		return news.LessThan, b.starts[0]
	case "nearly", "almost":
		return news.Nearly, b.starts[0]
	case "record":
		if string(b.word(1)) == "a" {
			return news.PeakOf, b.starts[1]
		}
	case "than":
		switch string(b.word(1)) {
		case "older":
			return news.MoreThan, b.starts[1]
		case "younger":
			return news.LessThan, b.starts[1]
		case "more", "greater":
			if string(b.word(2)) == "no" {
				return news.UpTo, b.starts[2]
			}
			return news.MoreThan, b.starts[1]
		case "less", "fewer":
			if string(b.word(2)) == "no" {
				return news.AtLeast, b.starts[2]
			}
			return news.LessThan, b.starts[1]
		}
	case "of":
		switch string(b.word(1)) {
		case "excess":
			if string(b.word(2)) == "in" {
				return news.MoreThan, b.starts[2]
			}
		case "upwards", "upward":
			return news.MoreThan, b.starts[1]
		case "peak", "high":
			if string(b.word(2)) == "a" || string(b.word(2)) == "record" {
				return news.PeakOf, b.starts[2]
			}
			if string(b.word(1)) == "peak" {
				return news.PeakOf, b.starts[1]
			}
		case "minimum":
			if string(b.word(2)) == "a" {
				return news.AtLeast, b.starts[2]
			}
		case "maximum":
			if string(b.word(2)) == "a" {
				return news.UpTo, b.starts[2]
			}
		case "shy":
			if string(b.word(2)) == "just" {
				return news.Nearly, b.starts[2]
			}
		}
	case "to":
		switch string(b.word(1)) {
		case "up":
			return news.UpTo, b.starts[1]
		case "close":
			return news.Nearly, b.starts[1]
		}
	case "as":
		if (string(b.word(1)) == "many" || string(b.word(1)) == "much") && string(b.word(2)) == "as" {
			return news.UpTo, b.starts[2]
		}
	case "least":
		if string(b.word(1)) == "at" {
			return news.AtLeast, b.starts[1]
		}
	case "from":
		switch string(b.word(1)) {
		case "down":
			return news.DownFrom, b.starts[1]
		case "up":
			return news.UpFrom, b.starts[1]
		}
	case "at":
		if string(b.word(1)) == "peaked" {
			return news.PeakOf, b.starts[1]
		}
	}
	return "", pos
}

// before holds the (up to) three words before a figure, lower case,
// nearest first.
type before struct {
	starts [3]int
	lens   [3]int
	bufs   [3][16]byte
	n      int
}

// word returns the i-th word before the figure, nil when there are fewer.
func (b *before) word(i int) []byte {
	if i < b.n {
		return b.bufs[i][:b.lens[i]]
	}
	return nil
}

// wordsBefore reads into b the words before pos that may be a qualifier
// phrase: none unless the nearest can end one.
func (s *scanner) wordsBefore(b *before, pos int) bool {
	k := pos
	for b.n < 3 {
		ws, we, ok := s.prevWord(k)
		if !ok || we-ws > 16 {
			break
		}
		b.starts[b.n] = ws
		w := b.bufs[b.n][:we-ws]
		for i := range w {
			w[i] = s.t[ws+i] | 0x20 // letters only reach here; digits and '-' are unchanged
		}
		b.lens[b.n] = len(w)
		b.n++
		k = ws
		if b.n == 1 && !isQualifierEnd(string(w)) {
			return false
		}
	}
	return b.n > 0
}

// isQualifierEnd reports whether a word can end a qualifier phrase; it
// keeps the look-back to one word for most numbers.
func isQualifierEnd(w string) bool {
	switch w {
	case "about", "around", "approximately", "roughly", "some", "circa", "approx", "estimated", "over", "above",
		"exceeding", "under", "below", "nearly", "almost", "record", "than", "of", "to", "as", "least", "from", "at":
		return true
	}
	return false
}
