package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// digits reads a quantity whose number starts with a digit at i. next is
// where scanning goes on.
func (s *scanner) digits(i int) (news.Quantity, int, bool) {
	t := s.t
	n := len(t)
	if i > 0 {
		switch t[i-1] {
		case '-':
			if i >= 2 && isAlnum(t[i-2]) { // "Covid-19", "737-800"
				return news.Quantity{}, s.tokenEnd(i), false
			}
		case '/', ':', '#', '+', '.', ',', '@', '\'', '_', '&', '=', '^', '\\', '*':
			return news.Quantity{}, s.tokenEnd(i), false
		}
		if i >= 3 && t[i-3:i] == "’" { // ’08
			return news.Quantity{}, s.tokenEnd(i), false
		}
	}
	if t[i] == '0' && i+1 < n && isDigit(t[i+1]) { // codes, phone numbers
		return news.Quantity{}, s.tokenEnd(i), false
	}
	// The number: digits, thousands separators, one decimal point.
	var mant uint64
	ndig, dec, groups := 0, 0, false
	dot := false
	j := i
	for j < n {
		c := t[j]
		if isDigit(c) {
			if ndig >= 15 {
				return news.Quantity{}, s.tokenEnd(i), false
			}
			mant = mant*10 + uint64(c-'0')
			ndig++
			if dot {
				dec++
			}
			j++
			continue
		}
		if c == ',' && !dot && threeDigits(t, j+1) {
			groups = true
			j++
			continue
		}
		if c == '.' && !dot && j+1 < n && isDigit(t[j+1]) {
			dot = true
			j++
			continue
		}
		break
	}
	m := mention{start: i, end: j, value: float64(mant) / pow10[dec], kind: news.Count}
	m.year = ndig == 4 && !groups && !dot && m.value >= 1800 && m.value <= 2100
	// Attached things: a suffix ("1.2bn", "40km"), a hyphen, "%".
	if j < n {
		c := t[j]
		switch {
		case isLetter(c):
			e := letterEnd(t, j)
			if e < n && (isDigit(t[e]) || t[e] >= utf8.RuneSelf && letterOrDigitAt(t, e)) {
				return news.Quantity{}, s.tokenEnd(i), false
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
				return news.Quantity{}, s.tokenEnd(i), false // ordinals, times, decades, codes
			}
			m.end = e
		case (c == '-' || c == '/' || c == ':' || c == '.' || c == ',') && j+1 < n && isDigit(t[j+1]):
			return news.Quantity{}, s.tokenEnd(i), false // ranges, scores, dates, times, versions
		case c == '\'' || c == 0xE2 && j+2 < n && t[j+1] == 0x80 && t[j+2] == 0x99:
			if j+1 < n && t[j+1] == 's' || j+3 < n && t[j+3] == 's' { // 1990's
				return news.Quantity{}, s.tokenEnd(i), false
			}
		}
	}
	// Currency before the number.
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
	if m.kind == news.Money && m.unit == "" {
		m.unit = "USD"
	}
	if string(s.lower(t[j:m.end])) == "b" && m.kind != news.Money {
		return news.Quantity{}, s.tokenEnd(i), false
	}
	// Groups of digits side by side are a phone number or a code.
	if ps, _, ok := s.prevWord(m.start); ok && isDigit(t[ps]) && m.kind != news.Money {
		return news.Quantity{}, s.tokenEnd(i), false
	}
	if ns, _, ok := s.nextWord(m.end); ok && isDigit(t[ns]) {
		return news.Quantity{}, s.tokenEnd(i), false
	}
	// An age in apposition: "Lauren Evans, 19, fled", "John Smith (45)".
	if m.kind == news.Count && !dot && !groups && m.value < 120 && m.end < n && s.appositive(m.start, m.end) {
		m.age, m.kind, m.unit = true, news.Duration, "year"
		q, _, _ := s.finish(&m)
		return q, m.end, true
	}
	// Labels and dates: "Apollo 11", "page 5", "Oct. 21", "No. 10".
	if m.kind != news.Money {
		if s.dottedBefore(m.start) {
			return news.Quantity{}, s.tokenEnd(i), false
		}
		if ps, pe, ok := s.prevWord(m.start); ok {
			pw := s.lower(t[ps:pe])
			cls := s.classAt(ps)
			switch {
			case cls&cMonth != 0:
				return news.Quantity{}, s.tokenEnd(i), false
			case string(pw) == "aged" || string(pw) == "age" || string(pw) == "ages":
				m.age, m.kind, m.unit, m.start, m.year = true, news.Duration, "year", ps, false
			case string(pw) == "than" && (s.prevIs(ps, "older") || s.prevIs(ps, "younger")) && !dot && !groups:
				m.age, m.kind, m.unit, m.year = true, news.Duration, "year", false // "older than 65"
			case string(pw) == "of" && s.prevIs(ps, "age") && !dot && !groups:
				m.age, m.kind, m.unit, m.year = true, news.Duration, "year", false // "at the age of 94"
			case cls&cIndex != 0:
				return news.Quantity{}, s.tokenEnd(i), false
			case isUpper(t[ps]) && !possessive(t[ps:pe]) && !s.opensSentence(ps) && qualifierWord(pw) == "":
				return news.Quantity{}, s.tokenEnd(i), false
			}
		}
		if j < n && (t[j] == '.' || t[j] == ')') && (j+1 == n || t[j+1] == ' ' || t[j+1] == '\n') && s.atLineStart(m.start) {
			return news.Quantity{}, s.tokenEnd(i), false // a list marker
		}
	}
	q, next, ok := s.finish(&m)
	if !ok {
		return q, max(s.tokenEnd(i), m.end), false
	}
	return q, next, true
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
	total, cur := 0.0, 0.0
	last := role
	switch role {
	case 1, 2:
		cur = v
	case 3, 4: // "a dozen", "a hundred", "half a million"
		ps, pe, ok := s.prevWord(i)
		if !ok || string(s.lower(t[ps:pe])) != "a" {
			return news.Quantity{}, e, false
		}
		m.start, cur = ps, 1
		if hs, he, ok := s.prevWord(ps); ok {
			switch string(s.lower(t[hs:he])) {
			case "half": // "half a million"
				m.start, cur = hs, 0.5
			case "of": // "a quarter of a million"
				if fs, fe, ok := s.prevWord(hs); ok {
					if den := fractions[string(s.lower(t[fs:fe]))]; den > 0 && s.prevIs(fs, "a") {
						m.start, cur = fs, 1/den
						if as, _, ok := s.prevWord(fs); ok {
							m.start = as
						}
					}
				}
			}
		}
		if role == 3 {
			cur *= v
		} else {
			total, cur = cur*v, 0
		}
	}
	// Fractions: "two-thirds".
	if role == 1 && e+1 < len(t) && t[e] == '-' && isLetter(t[e+1]) {
		fe := e + 1
		for fe < len(t) && isLetter(t[fe]) {
			fe++
		}
		fw := s.lower(t[e+1 : fe])
		if den, ok := fractions[string(fw)]; ok && v < den && (v == 1) == (fw[len(fw)-1] != 's') {
			m.end, m.value, m.kind, m.unit = fe, v*100/den, news.Percent, "%"
			return s.finish(&m)
		}
	}
	// Further number words: "twenty-five", "two hundred and fifty thousand".
	pos := e
	for {
		k := pos
		hyphen := false
		if k < len(t) && t[k] == '-' {
			hyphen = true
			k++
		}
		var ws, we int
		if hyphen {
			ws, we = k, k
			for we < len(t) && isLetter(t[we]) {
				we++
			}
			if we == ws {
				break
			}
		} else {
			var ok bool
			ws, we, ok = s.nextWord(k)
			if !ok {
				break
			}
		}
		nw := s.lower(t[ws:we])
		if !hyphen && string(nw) == "and" && (last == 3 || last == 4) {
			as, ae, ok := s.nextWord(we)
			if !ok {
				break
			}
			if _, r := spelledValue(s.lower(t[as:ae])); r != 1 && r != 2 {
				break
			}
			ws, we = as, ae
			nw = s.lower(t[ws:we])
		}
		nv, nr := spelledValue(nw)
		switch {
		case nr == 1 && (last == 2 && hyphen || last >= 3 && !hyphen) && (last != 2 || nv < 10):
			cur += nv
		case nr == 2 && last >= 3 && !hyphen:
			cur += nv
		case nr == 3 && !hyphen && cur > 0 && last <= 2:
			cur *= nv
		case nr == 4 && !hyphen && (cur > 0 || total > 0) && last != 4:
			if cur == 0 {
				cur = 1
			}
			total, cur = total+cur*nv, 0
		default:
			nr = 0
		}
		if nr == 0 {
			break
		}
		last, pos = nr, we
	}
	m.value, m.end = total+cur, pos
	if m.value == 1 && last == 1 {
		return news.Quantity{}, pos, false // "one" alone: "one of", "one day"
	}
	return s.finish(&m)
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
	m := mention{start: start, end: e, value: 100 / den, kind: news.Percent, unit: "%", spelled: true}
	q, next, ok := s.finish(&m)
	if !ok || q.Counts == "" {
		return news.Quantity{}, e, false // "half of it", "a third of the way"
	}
	return q, next, true
}
