package quantity

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// digits reads a quantity whose number starts with a digit at i. next is
// where scanning goes on.
func (s *scanner) digits(i int) (news.Quantity, int, bool) {
	m, ok := s.number(i)
	if !ok {
		return news.Quantity{}, s.tokenEnd(i), false
	}
	if q, end, ok := s.tally(&m); ok {
		return q, end, true
	}
	if !s.attached(&m) {
		return news.Quantity{}, s.tokenEnd(i), false
	}
	s.currencyBefore(&m)
	if !s.standsAlone(&m) {
		return news.Quantity{}, s.tokenEnd(i), false
	}
	// An age in apposition: "Lauren Evans, 19, fled", "John Smith (45)".
	if m.kind == news.Count && m.plain && m.value < 120 && m.end < len(s.t) && s.appositive(m.start, m.end) {
		m.age = appositive
		q, _, _ := s.finish(&m)
		return q, m.end, true
	}
	if m.kind != news.Money && !s.notLabel(&m) {
		return news.Quantity{}, s.tokenEnd(i), false
	}
	q, next, ok := s.finish(&m)
	if !ok {
		return q, max(s.tokenEnd(i), m.end), false
	}
	return q, next, true
}

// number reads the number at i: digits, thousands separators, one decimal
// point. It refuses a number joined to what is before it ("Covid-19",
// "9/11", "’08"), a code with a leading zero and more than 15 digits.
func (s *scanner) number(i int) (mention, bool) {
	t := s.t
	n := len(t)
	if i > 0 {
		switch t[i-1] {
		case '-':
			if i >= 2 && isAlnum(t[i-2]) { // "Covid-19", "737-800"
				return mention{}, false
			}
		case '/', ':', '#', '+', '.', ',', '@', '\'', '_', '&', '=', '^', '\\', '*':
			return mention{}, false
		}
		if i >= 3 && t[i-3:i] == "’" { // ’08
			return mention{}, false
		}
	}
	if t[i] == '0' && i+1 < n && isDigit(t[i+1]) { // codes, phone numbers
		return mention{}, false
	}
	var mant uint64
	ndig, dec, groups := 0, 0, false
	dot := false
	j := i
scan:
	for ; j < n; j++ {
		switch c := t[j]; {
		case isDigit(c):
			if ndig >= 15 {
				return mention{}, false
			}
			mant = mant*10 + uint64(c-'0')
			ndig++
			if dot {
				dec++
			}
		case c == ',' && !dot && threeDigits(t, j+1):
			groups = true
		case c == '.' && !dot && j+1 < n && isDigit(t[j+1]):
			dot = true
		default:
			break scan
		}
	}
	m := mention{start: i, end: j, value: float64(mant) / pow10[dec], kind: news.Count, plain: !dot && !groups}
	m.year = ndig == 4 && m.plain && m.value >= 1800 && m.value <= 2100
	return m, true
}

// attached reads what is attached to the digits: a scale suffix ("1.2bn",
// "20k"), a unit ("40km"), "pc". It reports false for the other things
// digits are joined to: ordinals, times, decades, codes ("21st", "3pm",
// "1990s", "1990's"), and ranges, scores, dates, times and versions
// ("10-15", "18:53").
func (s *scanner) attached(m *mention) bool {
	t := s.t
	n := len(t)
	j := m.end
	if j >= n {
		return true
	}
	switch c := t[j]; {
	case isLetter(c):
		e := letterEnd(t, j)
		if e < n && (isDigit(t[e]) || t[e] >= utf8.RuneSelf && letterOrDigitAt(t, e)) {
			return false
		}
		suf := s.lower(t[j:e])
		if f, ok := scaleSuffixes[string(suf)]; ok {
			m.value, m.scaled = scale(m.value, f), true
			m.year = false
		} else if u, ok := measureUnits[string(suf)]; ok && len(suf) >= 2 {
			m.kind, m.unit, m.year = news.Measure, u, false
		} else if string(suf) == "pc" {
			m.kind, m.unit, m.year = news.Percent, "%", false
		} else {
			return false
		}
		m.suffix, m.end = e-j, e
	case (c == '-' || c == '/' || c == ':' || c == '.' || c == ',') && j+1 < n && isDigit(t[j+1]):
		return false
	case c == '\'' || c == 0xE2 && j+2 < n && t[j+1] == 0x80 && t[j+2] == 0x99:
		if j+1 < n && t[j+1] == 's' || j+3 < n && t[j+3] == 's' { // 1990's
			return false
		}
	}
	return true
}

// currencyBefore reads a currency sign before the number: "$", "US$",
// "HK$", "£", "€".
func (s *scanner) currencyBefore(m *mention) {
	t := s.t
	i := m.start
	if i > 0 && t[i-1] == '$' {
		k := i - 1
		p := k
		for p > 0 && k-p < 3 && isUpper(t[p-1]) {
			p--
		}
		code, ok := currencyPrefixes[t[p:k]]
		if !ok || p > 0 && isAlnum(t[p-1]) {
			p, code = k, "USD"
		}
		m.kind, m.unit, m.start, m.year = news.Money, code, p, false
	} else if i > 0 && t[i-1] >= utf8.RuneSelf {
		_, size := utf8.DecodeLastRuneInString(t[:i])
		if code, ok := currencySymbols[t[i-size:i]]; ok {
			m.kind, m.unit, m.start, m.year = news.Money, code, i-size, false
		}
	}
}

// standsAlone reports whether the figure is not a part of a phone number
// or a code: no digits side by side with it, no suffix "b" but after a
// currency ("$5b").
func (s *scanner) standsAlone(m *mention) bool {
	t := s.t
	if m.suffix == 1 && (t[m.end-1] == 'b' || t[m.end-1] == 'B') && m.kind != news.Money {
		return false
	}
	if ps, _, ok := s.prevWord(m.start); ok && isDigit(t[ps]) && m.kind != news.Money {
		return false
	}
	ns, _, ok := s.nextWord(m.end)
	return !ok || !isDigit(t[ns])
}

// notLabel reads the word before a figure that is not money: an age
// ("aged 45", "older than 65", "at the age of 94"), or a label or a date
// the figure is part of ("Apollo 11", "page 5", "Oct. 21", "No. 10", a
// list marker "1." at a line start), when it reports false. A capitalised
// word at a sentence start may be any word ("Police 500"? rarely; "Some
// 500" is a qualifier), but one in capitals is a name there too ("S&P
// 500", "HB 238").
func (s *scanner) notLabel(m *mention) bool {
	t := s.t
	if s.dottedBefore(m.start) {
		return false
	}
	if ps, pe, ok := s.prevWord(m.start); ok {
		pw := s.lower(t[ps:pe])
		cls := s.classAt(ps)
		switch {
		case cls&cMonth != 0:
			return false
		case string(pw) == "aged" || string(pw) == "age" || string(pw) == "ages":
			m.age, m.start, m.year = aged, ps, false
		case string(pw) == "than" && (s.prevIs(ps, "older") || s.prevIs(ps, "younger")) && m.plain:
			m.age, m.year = otherAge, false // "older than 65"
		case string(pw) == "of" && s.prevIs(ps, "age") && m.plain:
			m.age, m.year = otherAge, false // "at the age of 94"
		case cls&cIndex != 0:
			return false
		case isUpper(t[ps]) && !possessive(t[ps:pe]) && (!s.opensSentence(ps) || s.acronymAt(ps)) && qualifierWord(pw) == "":
			return false
		}
	}
	j := m.end - m.suffix // the end of the digits
	n := len(t)
	return !(j < n && (t[j] == '.' || t[j] == ')') && (j+1 == n || t[j+1] == ' ' || t[j+1] == '\n') && s.atLineStart(m.start))
}

// acronymAt reports whether the word at pos is written in capitals.
func (s *scanner) acronymAt(pos int) bool {
	k := s.at(pos)
	return k < len(s.toks) && s.toks[k].Flags&news.AllCaps != 0
}

// letterOrDigitAt reports whether a letter or digit of any script starts
// at t[i].
func letterOrDigitAt(t string, i int) bool {
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appositive reports whether the number t[start:end] stands alone between
// commas or in brackets right after a capitalised name: an age.
func (s *scanner) appositive(start, end int) bool {
	t := s.t
	var open byte
	switch {
	case start >= 2 && t[start-2:start] == ", ":
		open = ','
	case start >= 1 && t[start-1] == '(':
		open = '('
	default:
		return false
	}
	if open == ',' && t[end] != ',' || open == '(' && t[end] != ')' {
		return false
	}
	k := start - 1
	if open == ',' {
		k = start - 2
	}
	for k > 0 && t[k-1] == ' ' {
		k--
	}
	ps, pe, ok := s.prevWord(k)
	if !ok || pe != k || !isLetter(t[ps]) {
		return false
	}
	return s.classAt(ps)&(cStop|cMonth) == 0
}

// threeDigits reports whether t[k:k+3] are digits not followed by another.
func threeDigits(t string, k int) bool {
	return k+3 <= len(t) && isDigit(t[k]) && isDigit(t[k+1]) && isDigit(t[k+2]) && (k+3 == len(t) || !isDigit(t[k+3]))
}

// possessive reports whether a word ends in 's.
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'")
}

// dottedBefore reports whether an abbreviation with a full stop and a
// space come just before pos: a month ("Oct. 21"), a number sign ("No.
// 10") or a dotted abbreviation ("S.B. 562", "H.R. 1").
func (s *scanner) dottedBefore(pos int) bool {
	k := s.at(pos)
	if k < 2 {
		return false
	}
	w, p := s.toks[k-2], s.toks[k-1]
	switch {
	case p.Kind == news.Punct && s.t[p.Start] == '.' && w.Kind != news.Punct && w.Ext == p.Start:
		// the dot is a mark of its own
	case p.Kind != news.Punct && p.Flags&news.Dot != 0:
		w = p // the dot is the word's
	default:
		return false
	}
	if end := int(s.toks[k-1].Ext); end == pos || !allSpaces(s.t[end:pos]) {
		return false
	}
	if w.Flags&news.Dotted != 0 && s.t[w.End-2] == '.' && isUpper(s.t[w.End-1]) {
		return true
	}
	lw := s.lower(s.t[w.Start:w.End])
	return lexicon.Class(w.Lex)&cMonth != 0 || string(lw) == "no" || string(lw) == "nos" || string(lw) == "p" || string(lw) == "pp" ||
		string(lw) == "art" || string(lw) == "sec" || string(lw) == "vol" || string(lw) == "ch"
}

func allSpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}

// spelled reads a quantity whose number is written in words, the first one
// being t[i:e].
func (s *scanner) spelled(i, e int) (news.Quantity, int, bool) {
	t := s.t
	w := s.lower(t[i:e])
	v, role := spelledValue(w)
	if role == 0 {
		if string(w) == "half" || string(w) == "third" || string(w) == "quarter" {
			return s.fractionOf(i, e, w)
		}
		return news.Quantity{}, e, false
	}
	if isUpper(t[i]) && !s.opensSentence(i) {
		return news.Quantity{}, e, false // "Big Four", "Group of Seven"
	}
	m := mention{start: i, end: e, kind: news.Count, spelled: true}
	n := spelledNumber{cur: v, last: role}
	if role >= roleMultiplier {
		start, f, ok := s.article(i)
		if !ok {
			return news.Quantity{}, e, false
		}
		m.start, n.cur = start, f
		n.times(v, role)
	}
	if role == roleUnit && s.fraction(&m, v) {
		return s.finish(&m)
	}
	pos := s.moreNumberWords(&n, e)
	m.value, m.end = n.total+n.cur, pos
	if m.value == 1 && n.last == roleUnit {
		return news.Quantity{}, pos, false // "one" alone: "one of", "one day"
	}
	return s.finish(&m)
}

// spelledNumber is a number being read word by word: the closed part
// (total: thousands and above), the part being built (cur) and the role
// of the last word.
type spelledNumber struct {
	total, cur float64
	last       int
}

// times applies a multiplier or a scale word of value v to the number.
func (n *spelledNumber) times(v float64, role int) {
	if role == roleMultiplier {
		n.cur *= v
	} else {
		n.total, n.cur = n.total+n.cur*v, 0
	}
}

// article reads the article before a multiplier or scale word at i that
// opens a number ("a dozen", "a hundred"), with a fraction before it
// ("half a million", "a quarter of a million"): the start of the number
// and the factor it gives.
func (s *scanner) article(i int) (int, float64, bool) {
	t := s.t
	ps, pe, ok := s.prevWord(i)
	if !ok || string(s.lower(t[ps:pe])) != "a" {
		return 0, 0, false
	}
	hs, he, ok := s.prevWord(ps)
	if !ok {
		return ps, 1, true
	}
	switch string(s.lower(t[hs:he])) {
	case "half": // "half a million"
		return hs, 0.5, true
	case "of": // "a quarter of a million"
		fs, fe, ok := s.prevWord(hs)
		if !ok {
			break
		}
		if den := fractions[string(s.lower(t[fs:fe]))]; den > 0 && s.prevIs(fs, "a") {
			as, _, _ := s.prevWord(fs)
			return as, 1 / den, true
		}
	}
	return ps, 1, true
}

// fraction reads a fraction whose numerator is the unit word v that ends
// m: joined by a hyphen ("two-thirds", "one-half") or, before "of", by a
// space ("three quarters of the voters"; not "for three quarters in a
// row"). The numerator agrees with the denominator's number: not
// "two-quarter".
func (s *scanner) fraction(m *mention, v float64) bool {
	t := s.t
	e := m.end
	fs := e + 1
	spaced := e+1 >= len(t) || t[e] != '-' || !isLetter(t[e+1])
	if spaced {
		ws, _, ok := s.nextWord(e)
		if !ok {
			return false
		}
		fs = ws
	}
	fe := letterEnd(t, fs)
	if fe == fs {
		return false
	}
	fw := s.lower(t[fs:fe])
	den, ok := fractions[string(fw)]
	if !ok || v >= den || (v == 1) != (fw[len(fw)-1] != 's') {
		return false
	}
	if spaced {
		if ws, we, ok := s.nextWord(fe); !ok || !lowerIs(t[ws:we], "of") {
			return false
		}
	}
	m.end, m.value, m.kind, m.unit = fe, v*100/den, news.Percent, "%"
	m.fraction = fractionText(v, den)
	return true
}

// fractionText writes a fraction as news.Quantity.Fraction does: "3/4".
func fractionText(num, den float64) string {
	return strconv.FormatFloat(num, 'f', -1, 64) + "/" + strconv.FormatFloat(den, 'f', -1, 64)
}

// moreNumberWords reads the number words after pos that continue n
// ("twenty-five", "two hundred and fifty thousand") and returns where the
// last one ends.
func (s *scanner) moreNumberWords(n *spelledNumber, pos int) int {
	t := s.t
	for {
		ws, we, hyphen, ok := s.numberWordAfter(pos, n.last)
		if !ok {
			return pos
		}
		nv, nr := spelledValue(s.lower(t[ws:we]))
		switch {
		case nr == roleUnit && (n.last == roleTens && hyphen || n.last >= roleMultiplier && !hyphen) && (n.last != roleTens || nv < 10):
			n.cur += nv
		case nr == roleTens && n.last >= roleMultiplier && !hyphen:
			n.cur += nv
		case nr == roleMultiplier && !hyphen && n.cur > 0 && n.last <= roleTens:
			n.times(nv, nr)
		case nr == roleScale && !hyphen && (n.cur > 0 || n.total > 0) && n.last != roleScale:
			if n.cur == 0 {
				n.cur = 1
			}
			n.times(nv, nr)
		default:
			return pos
		}
		n.last, pos = nr, we
	}
}

// numberWordAfter returns the word after pos that may continue a number
// whose last word had role last: joined by a hyphen ("twenty-five"), after
// a space, or after "and" following a multiplier or scale word ("hundred
// and fifty").
func (s *scanner) numberWordAfter(pos, last int) (ws, we int, hyphen, ok bool) {
	t := s.t
	if pos < len(t) && t[pos] == '-' {
		ws = pos + 1
		we = letterEnd(t, ws)
		return ws, we, true, we > ws
	}
	ws, we, ok = s.nextWord(pos)
	if !ok || string(s.lower(t[ws:we])) != "and" || last < roleMultiplier {
		return ws, we, false, ok
	}
	as, ae, ok := s.nextWord(we)
	if !ok {
		return 0, 0, false, false
	}
	if _, r := spelledValue(s.lower(t[as:ae])); r != roleUnit && r != roleTens {
		return 0, 0, false, false
	}
	return as, ae, false, true
}

// fractionOf reads "half of", "a third of", "a quarter of" as a percentage.
func (s *scanner) fractionOf(i, e int, w []byte) (news.Quantity, int, bool) {
	t := s.t
	den, _ := fractions[string(w)]
	start := i
	if den != 2 {
		ps, pe, ok := s.prevWord(i)
		if !ok || string(s.lower(t[ps:pe])) != "a" {
			return news.Quantity{}, e, false
		}
		start = ps
	}
	ws, we, ok := s.nextWord(e)
	if !ok || string(s.lower(t[ws:we])) != "of" {
		return news.Quantity{}, e, false
	}
	if as, ae, ok := s.nextWord(we); ok && string(s.lower(t[as:ae])) == "a" {
		if ss, se, ok := s.nextWord(ae); ok {
			if _, role := spelledValue(s.lower(t[ss:se])); role >= 3 {
				return news.Quantity{}, e, false // "a quarter of a million": read at "million"
			}
		}
	}
	m := mention{start: start, end: e, value: 100 / den, kind: news.Percent, unit: "%", spelled: true, fraction: fractionText(1, den)}
	q, next, ok := s.finish(&m)
	if !ok || q.Counts == "" {
		return news.Quantity{}, e, false // "half of it", "a third of the way"
	}
	return q, next, true
}
