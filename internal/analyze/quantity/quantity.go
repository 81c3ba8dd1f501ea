package quantity

import (
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// byte classes of the main loop.
const (
	cOther = iota
	cDigit
	cLetter
	cHigh // a byte of a multi-byte UTF-8 sequence
)

var class = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = cLetter, cLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = cHigh
	}
	return t
}()

// maybeNumberWord is a filter on a word's length and its first and last
// letters that every number word passes and most other words fail, so that
// the main loop looks up only a few words.
var maybeNumberWord = func() (t [10][26][26]bool) {
	for _, w := range splitWords(`one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million billion trillion dozen half third quarter`) {
		t[len(w)][w[0]-'a'][w[len(w)-1]-'a'] = true
	}
	return t
}()

// Find returns the quantities in text in order. sents are the sentence spans
// of text (used to inherit what a bare figure counts; nil is allowed). Every
// span lies on UTF-8 boundaries and Text == text[Start:End].
func Find(text string, sents []news.Span) []news.Quantity {
	s := scanner{t: text}
	var out []news.Quantity
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		switch class[c] {
		case cOther:
			i++
		case cHigh:
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i = skipWord(text, i)
			} else {
				i += size
			}
		case cDigit:
			q, next, ok := s.digits(i)
			if ok {
				if out == nil {
					out = make([]news.Quantity, 0, 16)
				}
				out = append(out, q)
			}
			i = next
		default:
			e := i + 1
			if e+8 <= n { // most words end within eight bytes: test them inline
				b := text[e : e+8]
				w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
					uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
				if other := nonLetters(w); other != 0 {
					e += bits.TrailingZeros64(other) / 8
				} else {
					e = letterRun(text, e+8)
				}
			} else {
				e = letterRun(text, e)
			}
			if e-i >= 3 && e-i <= 9 && maybeNumberWord[e-i][(c|0x20)-'a'][(text[e-1]|0x20)-'a'] && (e == n || class[text[e]] == cOther) {
				if q, next, ok := s.spelled(i, e); ok {
					out = append(out, q)
					i = next
					continue
				}
			}
			if e < n && (class[text[e]] == cDigit || class[text[e]] == cHigh) {
				e = skipWord(text, e) // "G20", "Zoë"
			}
			i = e
		}
	}
	return inherit(text, out, sents)
}

// inherit gives a figure with nothing counted after it what the nearest
// earlier figure of the same kind in the same or the previous sentence
// counts, then drops the bare small counts that are left ("won 3-1" aside,
// news writes small numbers as words; a lone "4" is a list item or a label).
func inherit(text string, out []news.Quantity, sents []news.Span) []news.Quantity {
	if len(out) == 0 {
		return out
	}
	// The first figure of a range takes the kind of the second: "20 to 25%",
	// "between 38 and 42 percentage points".
	for k := len(out) - 2; k >= 0; k-- {
		q, r := &out[k], out[k+1]
		if q.Kind != news.Count || q.Counts != "" || r.Start < q.End {
			continue
		}
		if rangeJoin(text[q.End:r.Start]) && (r.Kind != news.Count || r.Counts != "") {
			q.Kind, q.Unit, q.Counts = r.Kind, r.Unit, r.Counts
		}
	}
	// and the second that of the first: "ages 18 to 34".
	for k := 1; k < len(out); k++ {
		q, r := out[k-1], &out[k]
		if r.Kind == news.Count && r.Counts == "" && q.Kind != news.Count && q.End <= r.Start && rangeJoin(text[q.End:r.Start]) {
			r.Kind, r.Unit, r.Counts = q.Kind, q.Unit, q.Counts
		}
	}
	var sentBuf [64]int
	sent := sentBuf[:0]
	si := 0
	for _, q := range out {
		for si < len(sents) && sents[si].End <= q.Start {
			si++
		}
		sent = append(sent, si)
	}
	keep := out[:0]
	keptSent := sent[:0]
	for k, q := range out {
		shift := q.Qualifier.Shifted()
		if q.Counts == "" && (q.Kind == news.Count || shift && (q.Kind == news.Percent || q.Kind == news.Money)) {
			for j := len(keep) - 1; j >= 0; j-- {
				if keptSent[j] < sent[k]-1 {
					break
				}
				if keep[j].Kind == q.Kind && keep[j].Unit == q.Unit && keep[j].Counts != "" && keep[j].Counts != "age" {
					q.Counts = keep[j].Counts
					break
				}
			}
		}
		if q.Kind == news.Count && q.Counts == "" && q.Qualifier == news.Exact && q.Value < 10 {
			continue
		}
		keep = append(keep, q)
		keptSent = append(keptSent, sent[k])
	}
	return keep
}

// rangeJoin reports whether the text between two figures makes them a
// range.
func rangeJoin(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "to", "and", "or", "-", "–", "—":
		return true
	}
	return false
}

// scanner holds the text and a buffer for lower-cased look-up keys.
type scanner struct {
	t   string
	buf [32]byte
}

// mention is a quantity being read.
type mention struct {
	start, end int // the bytes of the mention so far
	value      float64
	kind       news.QuantityKind
	unit       string
	qual       news.Qualifier // a qualifier read after the number ("or more")
	spelled    bool
	scaled     bool // a scale word or suffix multiplied the value
	year       bool // reads as a year unless context says otherwise
	age        bool
	loose      bool // a short noun phrase after it says what it is about ("10-year sentence")
}

// lower lower-cases an ASCII word into the scanner's buffer; words longer
// than the buffer give nil, which matches nothing.
func (s *scanner) lower(w string) []byte {
	if len(w) > len(s.buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.buf[i] = c
	}
	return s.buf[:len(w)]
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool  { return class[c] == cDigit || class[c] == cLetter }

// letterRun returns the end of the run of ASCII letters at i. It tests
// eight bytes at a time: word lengths in real text are irregular enough
// that a byte loop spends most of its time on mispredicted branches.
func letterRun(t string, i int) int {
	for i+8 <= len(t) {
		b := t[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		other := nonLetters(w)
		if other != 0 {
			return i + bits.TrailingZeros64(other)/8
		}
		i += 8
	}
	for i < len(t) && class[t[i]] == cLetter {
		i++
	}
	return i
}

// nonLetters returns the high bit of each byte of w (eight bytes of text,
// little-endian) that is not an ASCII letter.
func nonLetters(w uint64) uint64 {
	const hi, lo7 = 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	y := (w | 0x2020202020202020) & lo7 // fold case; clear the high bits
	ge := y + 0x1f1f1f1f1f1f1f1f        // high bit set where y >= 'a'
	gt := y + 0x0505050505050505        // high bit set where y > 'z'
	return ^(ge &^ gt &^ w) & hi
}

// skipWord returns the end of the run of letters and digits at i.
func skipWord(t string, i int) int {
	for i < len(t) {
		c := t[i]
		if k := class[c]; k != cHigh {
			if k == cOther {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return i
		}
		i += size
	}
	return i
}

// skipToken returns the end of the token at i: letters and digits joined by
// "-", "/", ":", ".", "," ("2011-10-21", "18:53", "9/11", "1.2.3").
func skipToken(t string, i int) int {
	for {
		i = skipWord(t, i)
		if i+1 < len(t) && isAlnum(t[i+1]) {
			switch t[i] {
			case '-', '/', ':', '.', ',':
				i++
				continue
			}
		}
		return i
	}
}

// isSpaceAt reports the length of a space (ASCII or no-break) at t[i], or 0.
func isSpaceAt(t string, i int) int {
	switch {
	case t[i] == ' ' || t[i] == '\t':
		return 1
	case t[i] == 0xC2 && i+1 < len(t) && t[i+1] == 0xA0:
		return 2
	case t[i] == 0xE2 && i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0xAF || t[i+2] == 0x89): // narrow no-break, thin space
		return 3
	}
	return 0
}

// nextWord returns the word after pos when only spaces separate them.
// A word is letters and digits with inner hyphens and apostrophes, or a
// dotted acronym ("U.S.").
func nextWord(t string, pos int) (ws, we int, ok bool) {
	k := pos
	for k < len(t) {
		n := isSpaceAt(t, k)
		if n == 0 {
			break
		}
		k += n
	}
	if k >= len(t) || !wordStart(t, k) {
		return 0, 0, false
	}
	ws = k
	dotted := false
	for k < len(t) {
		k = skipWord(t, k)
		if k+1 >= len(t) {
			break
		}
		c := t[k]
		if (c == '-' || c == '\'') && wordStart(t, k+1) {
			k++
			continue
		}
		if c == 0xE2 && k+3 < len(t) && t[k+1] == 0x80 && t[k+2] == 0x99 && wordStart(t, k+3) { // ’
			k += 3
			continue
		}
		if c == '.' && isUpper(t[k+1]) && k-1 >= ws && isUpper(t[k-1]) && (k-1 == ws || t[k-2] == '.') {
			dotted = true
			k++
			continue
		}
		break
	}
	if dotted && k < len(t) && t[k] == '.' {
		k++
	}
	return ws, k, true
}

// wordStart reports whether a word can start at t[i].
func wordStart(t string, i int) bool {
	if c := t[i]; c < utf8.RuneSelf {
		return class[c] == cDigit || class[c] == cLetter
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// prevWord returns the word that ends before pos when only spaces separate
// them, with inner hyphens and apostrophes.
func prevWord(t string, pos int) (ws, we int, ok bool) {
	k := pos
	for k > 0 {
		switch {
		case t[k-1] == ' ' || t[k-1] == '\t':
			k--
			continue
		case k >= 2 && t[k-2] == 0xC2 && t[k-1] == 0xA0:
			k -= 2
			continue
		}
		break
	}
	we = k
	for k > 0 {
		c := t[k-1]
		if c < utf8.RuneSelf {
			if isAlnum(c) || (c == '-' || c == '\'') && k-1 > 0 && isAlnum(t[k-2]) {
				k--
				continue
			}
			break
		}
		r, size := utf8.DecodeLastRuneInString(t[:k])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !(r == '’' && k-size > 0 && isAlnum(t[k-size-1])) {
			break
		}
		k -= size
	}
	return k, we, k < we
}

// sentenceStart reports whether the word at off opens a sentence, a line
// or a quotation.
func sentenceStart(t string, off int) bool {
	k := off
	for k > 0 {
		c := t[k-1]
		switch {
		case c == ' ' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '\t':
			k--
			continue
		case c >= 0x80:
			r, size := utf8.DecodeLastRuneInString(t[:k])
			switch r {
			case '“', '‘', '\u00a0', '—', '–':
				k -= size
				continue
			case '…':
				return true
			}
			return false
		}
		break
	}
	if k == 0 {
		return true
	}
	switch t[k-1] {
	case '.', '!', '?', '\n', ':', ';', '-':
		return true
	}
	return false
}

// isPlural reports whether a lower-case word looks like a plural noun.
func isPlural(w []byte) bool {
	n := len(w)
	if n >= 5 && (hasSuffix(w, "men") && !hasSuffix(w, "imen") && !hasSuffix(w, "omen") || hasSuffix(w, "people") || hasSuffix(w, "children")) {
		return true // gunmen, servicemen, townspeople, grandchildren
	}
	if n < 3 || w[n-1] != 's' {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'i', '\'':
		return false
	}
	return true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// scale multiplies v by f, keeping integral results exact when they can be.
func scale(v, f float64) float64 {
	r := v * f
	if x := math.Round(r); math.Abs(r-x) < 1e-9*math.Max(1, math.Abs(r)) {
		return x
	}
	return r
}

// digits reads a quantity whose number starts with a digit at i. next is
// where scanning goes on.
func (s *scanner) digits(i int) (news.Quantity, int, bool) {
	t := s.t
	n := len(t)
	if i > 0 {
		switch t[i-1] {
		case '-':
			if i >= 2 && isAlnum(t[i-2]) { // "Covid-19", "737-800"
				return news.Quantity{}, skipToken(t, i), false
			}
		case '/', ':', '#', '+', '.', ',', '@', '\'', '_', '&', '=', '^', '\\', '*':
			return news.Quantity{}, skipToken(t, i), false
		}
		if i >= 3 && t[i-3:i] == "’" { // ’08
			return news.Quantity{}, skipToken(t, i), false
		}
	}
	if t[i] == '0' && i+1 < n && isDigit(t[i+1]) { // codes, phone numbers
		return news.Quantity{}, skipToken(t, i), false
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
				return news.Quantity{}, skipToken(t, i), false
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
			e := j
			for e < n && isLetter(t[e]) {
				e++
			}
			if e < n && (isDigit(t[e]) || t[e] >= utf8.RuneSelf && wordStart(t, e)) {
				return news.Quantity{}, skipToken(t, i), false
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
				return news.Quantity{}, skipToken(t, i), false // ordinals, times, decades, codes
			}
			m.end = e
		case (c == '-' || c == '/' || c == ':' || c == '.' || c == ',') && j+1 < n && isDigit(t[j+1]):
			return news.Quantity{}, skipToken(t, i), false // ranges, scores, dates, times, versions
		case c == '\'' || c == 0xE2 && j+2 < n && t[j+1] == 0x80 && t[j+2] == 0x99:
			if j+1 < n && t[j+1] == 's' || j+3 < n && t[j+3] == 's' { // 1990's
				return news.Quantity{}, skipToken(t, i), false
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
		r, size := utf8.DecodeLastRuneInString(t[:i])
		if code, ok := currencySymbols[r]; ok {
			m.kind, m.unit, m.start, m.year = news.Money, code, i-size, false
		}
	}
	if m.kind == news.Money && m.unit == "" {
		m.unit = "USD"
	}
	if string(s.lower(t[j:m.end])) == "b" && m.kind != news.Money {
		return news.Quantity{}, skipToken(t, i), false
	}
	// Groups of digits side by side are a phone number or a code.
	if ps, _, ok := prevWord(t, m.start); ok && isDigit(t[ps]) && m.kind != news.Money {
		return news.Quantity{}, skipToken(t, i), false
	}
	if ns, _, ok := nextWord(t, m.end); ok && isDigit(t[ns]) {
		return news.Quantity{}, skipToken(t, i), false
	}
	// An age in apposition: "Lauren Evans, 19, fled", "John Smith (45)".
	if m.kind == news.Count && !dot && !groups && m.value < 120 && m.end < n && appositive(t, m.start, m.end) {
		m.age, m.kind, m.unit = true, news.Duration, "year"
		q, _, _ := s.finish(&m)
		return q, m.end, true
	}
	// Labels and dates: "Apollo 11", "page 5", "Oct. 21", "No. 10".
	if m.kind != news.Money {
		if s.dottedBefore(m.start) {
			return news.Quantity{}, skipToken(t, i), false
		}
		if ps, pe, ok := prevWord(t, m.start); ok {
			pw := s.lower(t[ps:pe])
			switch {
			case months[string(pw)]:
				return news.Quantity{}, skipToken(t, i), false
			case string(pw) == "aged" || string(pw) == "age" || string(pw) == "ages":
				m.age, m.kind, m.unit, m.start, m.year = true, news.Duration, "year", ps, false
			case string(pw) == "than" && (s.prevIs(ps, "older") || s.prevIs(ps, "younger")) && !dot && !groups:
				m.age, m.kind, m.unit, m.year = true, news.Duration, "year", false // "older than 65"
			case string(pw) == "of" && s.prevIs(ps, "age") && !dot && !groups:
				m.age, m.kind, m.unit, m.year = true, news.Duration, "year", false // "at the age of 94"
			case indexNouns[string(pw)]:
				return news.Quantity{}, skipToken(t, i), false
			case isUpper(t[ps]) && !possessive(t[ps:pe]) && !sentenceStart(t, ps) && qualifierWord(pw) == "":
				return news.Quantity{}, skipToken(t, i), false
			}
		}
		if j < n && (t[j] == '.' || t[j] == ')') && (j+1 == n || t[j+1] == ' ' || t[j+1] == '\n') && lineStart(t, m.start) {
			return news.Quantity{}, skipToken(t, i), false // a list marker
		}
	}
	q, next, ok := s.finish(&m)
	if !ok {
		return q, max(skipToken(t, i), m.end), false
	}
	return q, next, true
}

// appositive reports whether the number t[start:end] stands alone between
// commas or in brackets right after a capitalised name: an age.
func appositive(t string, start, end int) bool {
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
	ps, pe, ok := prevWord(t, k)
	if !ok || pe != k || !isLetter(t[ps]) {
		return false
	}
	var buf [16]byte
	if pe-ps <= len(buf) {
		w := buf[:pe-ps]
		for i := range w {
			w[i] = t[ps+i] | 0x20
		}
		if stopWords[string(w)] || months[string(w)] {
			return false
		}
	}
	return true
}

// threeDigits reports whether t[k:k+3] are digits not followed by another.
func threeDigits(t string, k int) bool {
	return k+3 <= len(t) && isDigit(t[k]) && isDigit(t[k+1]) && isDigit(t[k+2]) && (k+3 == len(t) || !isDigit(t[k+3]))
}

// possessive reports whether a word ends in 's.
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'")
}

// lineStart reports whether only spaces come between the line start and off.
func lineStart(t string, off int) bool {
	k := off
	for k > 0 && (t[k-1] == ' ' || t[k-1] == '\t') {
		k--
	}
	return k == 0 || t[k-1] == '\n'
}

// dottedBefore reports whether an abbreviation with a full stop comes just
// before pos: a month ("Oct. 21") or a number sign ("No. 10").
func (s *scanner) dottedBefore(pos int) bool {
	k := pos
	for k > 0 && s.t[k-1] == ' ' {
		k--
	}
	if k == pos || k == 0 || s.t[k-1] != '.' {
		return false
	}
	ws, we, ok := prevWord(s.t, k-1)
	if !ok || we != k-1 {
		return false
	}
	if we-ws == 1 && isUpper(s.t[ws]) && ws > 0 && s.t[ws-1] == '.' {
		return true // a dotted abbreviation: "S.B. 562", "H.R. 1"
	}
	w := s.lower(s.t[ws:we])
	return months[string(w)] || string(w) == "no" || string(w) == "nos" || string(w) == "p" || string(w) == "pp" ||
		string(w) == "art" || string(w) == "sec" || string(w) == "vol" || string(w) == "ch"
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
	if isUpper(t[i]) && !sentenceStart(t, i) {
		return news.Quantity{}, e, false // "Big Four", "Group of Seven"
	}
	m := mention{start: i, end: e, kind: news.Count, spelled: true}
	total, cur := 0.0, 0.0
	last := role
	switch role {
	case 1, 2:
		cur = v
	case 3, 4: // "a dozen", "a hundred", "half a million"
		ps, pe, ok := prevWord(t, i)
		if !ok || string(s.lower(t[ps:pe])) != "a" {
			return news.Quantity{}, e, false
		}
		m.start, cur = ps, 1
		if hs, he, ok := prevWord(t, ps); ok {
			switch string(s.lower(t[hs:he])) {
			case "half": // "half a million"
				m.start, cur = hs, 0.5
			case "of": // "a quarter of a million"
				if fs, fe, ok := prevWord(t, hs); ok {
					if den := fractions[string(s.lower(t[fs:fe]))]; den > 0 && s.prevIs(fs, "a") {
						m.start, cur = fs, 1/den
						if as, _, ok := prevWord(t, fs); ok {
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
			ws, we, ok = nextWord(t, k)
			if !ok {
				break
			}
		}
		nw := s.lower(t[ws:we])
		if !hyphen && string(nw) == "and" && (last == 3 || last == 4) {
			as, ae, ok := nextWord(t, we)
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
		ps, pe, ok := prevWord(t, i)
		if !ok || string(s.lower(t[ps:pe])) != "a" {
			return news.Quantity{}, e, false
		}
		start = ps
	}
	ws, we, ok := nextWord(t, e)
	if !ok || string(s.lower(t[ws:we])) != "of" {
		return news.Quantity{}, e, false
	}
	if as, ae, ok := nextWord(t, we); ok && string(s.lower(t[as:ae])) == "a" {
		if ss, se, ok := nextWord(t, ae); ok {
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

// finish reads what follows the number (hyphenated units, scale words,
// units, what is counted) and the qualifier before it.
func (s *scanner) finish(m *mention) (news.Quantity, int, bool) {
	t := s.t
	n := len(t)
	// Hyphenated compounds: "45-year-old", "10-year", "5,000-strong", "40-plus".
	if m.end+1 < n && t[m.end] == '-' && isLetter(t[m.end+1]) && m.kind != news.Percent {
		hs := m.end + 1
		he := hs
		for he < n && isLetter(t[he]) {
			he++
		}
		hw := s.lower(t[hs:he])
		if u, ok := durationUnits[string(hw)]; ok {
			m.kind, m.unit, m.end, m.year = news.Duration, u, he, false
			if he+4 <= n && t[he] == '-' && strings.EqualFold(t[he+1:he+4], "old") && (he+4 == n || !isLetter(t[he+4])) {
				m.age, m.end = true, he+4
			} else {
				m.loose = true
			}
		} else if u, ok := measureUnits[string(hw)]; ok && m.kind != news.Money {
			m.kind, m.unit, m.end, m.year, m.loose = news.Measure, u, he, false, true
		} else if f, ok := scaleWords[string(hw)]; ok {
			m.value, m.end, m.year, m.scaled = scale(m.value, f), he, false, true
		} else {
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
				return news.Quantity{}, he, false // "3-D", "9-member"
			}
		}
	}
	if m.end < n && t[m.end] == '%' && m.kind != news.Percent {
		m.kind, m.unit, m.year = news.Percent, "%", false
		m.end++
	} else if m.end < n && t[m.end] == '+' && (m.end+1 == n || !isAlnum(t[m.end+1])) {
		m.qual = news.MoreThan
		m.end++
	}
	// Words after the number.
	for {
		ws, we, ok := nextWord(t, m.end)
		if !ok {
			break
		}
		w := s.lower(t[ws:we])
		if f := look(w).scale; f != 0 && !m.spelled && m.kind != news.Percent && m.kind != news.Duration && m.kind != news.Measure {
			m.value, m.end, m.year, m.scaled = scale(m.value, f), we, false, true
			continue
		}
		if string(w) == "or" {
			if as, ae, ok := nextWord(t, we); ok {
				switch string(s.lower(t[as:ae])) {
				case "more":
					m.qual, m.end = news.AtLeast, ae
				case "so":
					m.qual, m.end = news.About, ae
				case "fewer", "less":
					m.qual, m.end = news.UpTo, ae
				}
			}
		}
		break
	}
	if !m.spelled && !m.scaled && m.kind != news.Percent && !m.age {
		m.value = scale(m.value, s.rangeScale(m.end))
	}
	var hs, he int // the counted noun phrase
	if ws, we, ok := nextWord(t, m.end); ok && !m.age {
		w := s.lower(t[ws:we])
		e := look(w)
		switch {
		case e.month && !m.spelled && m.kind == news.Count:
			if isUpper(t[ws]) {
				return news.Quantity{}, we, false // "21 October"
			}
		case e.time && !m.spelled:
			return news.Quantity{}, we, false
		case (string(w) == "a" || string(w) == "p") && we+2 < n && t[we] == '.' && (t[we+1] == 'm' || t[we+1] == 'M'):
			return news.Quantity{}, we, false // 10 a.m.
		case string(w) == "times" || string(w) == "fold":
			return news.Quantity{}, we, false
		}
		if m.kind == news.Count || m.kind == news.Money {
			switch {
			case string(w) == "percent" || string(w) == "pct" || string(w) == "pc":
				m.kind, m.unit, m.end = news.Percent, "%", we
			case string(w) == "per":
				if cs, ce, ok := nextWord(t, we); ok && string(s.lower(t[cs:ce])) == "cent" {
					m.kind, m.unit, m.end = news.Percent, "%", ce
				}
			case string(w) == "percentage":
				if cs, ce, ok := nextWord(t, we); ok {
					if c := string(s.lower(t[cs:ce])); c == "point" || c == "points" {
						m.kind, m.unit, m.end = news.Percent, "percentage point", ce
					}
				}
			case e.currency != "" && m.kind == news.Count && !(string(w) == "won" || string(w) == "rand") && !isUpper(t[ws]):
				m.kind, m.unit, m.end = news.Money, e.currency, we
			case string(w) == "us" && isUpper(t[ws]) && m.kind == news.Count:
				if cs, ce, ok := nextWord(t, we); ok && string(s.lower(t[cs:ce])) == "dollars" {
					m.kind, m.unit, m.end = news.Money, "USD", ce
				}
			case e.duration != "" && m.kind == news.Count:
				m.kind, m.unit, m.end = news.Duration, e.duration, we
				if os, oe, ok := nextWord(t, we); ok && m.unit == "year" && string(s.lower(t[os:oe])) == "old" {
					m.age, m.end = true, oe
				}
			case e.measure != "" && m.kind == news.Count:
				m.kind, m.unit, m.end = news.Measure, e.measure, we
			case (string(w) == "square" || string(w) == "sq" || string(w) == "cubic") && m.kind == news.Count:
				if us, ue, ok := nextWord(t, we); ok {
					if u := measureUnits[string(s.lower(t[us:ue]))]; u != "" {
						p := "sq "
						if string(w) == "cubic" {
							p = "cubic "
						}
						m.kind, m.unit, m.end = news.Measure, p+u, ue
					}
				}
			}
			if m.kind != news.Count && m.year {
				m.year = false
			}
		}
		if m.unit == "year" && m.kind == news.Duration && !m.age {
			if os, oe, ok := nextWord(t, m.end); ok && string(s.lower(t[os:oe])) == "old" {
				m.age, m.end = true, oe
			}
		}
	}
	// Ratios: "7 in 10 students", "three out of four voters".
	ratio := false
	if m.kind == news.Count && !m.age {
		if ws, we, ok := nextWord(t, m.end); ok {
			k := -1
			switch string(s.lower(t[ws:we])) {
			case "in":
				k = we
			case "out":
				if os, oe, ok := nextWord(t, we); ok && string(s.lower(t[os:oe])) == "of" {
					k = oe
				}
			}
			if k >= 0 {
				if ds, de, ok := nextWord(t, k); ok {
					if den := s.smallNumber(t[ds:de]); den > m.value && m.value > 0 && !(de-ds == 4 && den >= 1800 && den <= 2100) {
						m.kind, m.unit, m.value, m.end, m.year = news.Percent, "%", m.value*100/den, de, false
						ratio = true
					}
				}
			}
		}
	}
	qual, qs := s.qualifier(m.start)
	if qual == "" {
		qual = m.qual
	} else if m.qual != "" && qual != m.qual {
		qual = m.qual
	}
	counts := ""
	if m.age {
		counts = "age"
	} else {
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
		if he > hs {
			counts = s.fold(hs, he)
		}
		// A rate: "3,319 per 100,000 (people)".
		if counts == "" && m.kind == news.Count && !ratio {
			if ps, pe, ok := nextWord(t, m.end); ok && string(s.lower(t[ps:pe])) == "per" {
				if ds, _, ok := nextWord(t, pe); ok && isDigit(t[ds]) {
					de := skipToken(t, ds)
					hs, he = ps, de
					if _, e2, head := s.nounPhrase(de, false, true, false); head {
						he = e2
					}
					counts = s.fold(hs, he)
				}
			}
		}
		// "four straight years" is a duration, "five nautical miles" a
		// measure, "1.4 New Zealand dollars" money.
		if words := strings.Count(counts, " ") + 1; m.kind == news.Count && head && words <= 3 {
			sp := strings.LastIndexByte(counts, ' ')
			last := counts[sp+1:]
			if u := durationUnits[last]; u != "" && words <= 2 {
				m.kind, m.unit, counts, m.year = news.Duration, u, "", false
			} else if u := measureUnits[last]; u != "" && words <= 2 {
				m.kind, m.unit, counts, m.year = news.Measure, u, "", false
			} else if c := currencyWords[last]; c != "" && last != "won" && last != "rand" {
				if sp > 0 {
					if cc := currencyNations[counts[:sp]]; cc != "" {
						c = cc
					}
				}
				m.kind, m.unit, counts, m.year = news.Money, c, "", false
			}
		}
	}
	if m.year && (qual == "" || counts == "") {
		return news.Quantity{}, m.end, false
	}
	if m.kind == news.Count && counts == "" && qual == "" && !m.spelled {
		switch {
		case s.prevIs(m.start, "a") || s.prevIs(m.start, "an"):
			return news.Quantity{}, m.end, false // "a 911 operator": a label
		case (s.prevIs(m.start, "was") || s.prevIs(m.start, "is")) && m.value < 120 && m.value == math.Trunc(m.value) && s.pronounBefore(m.start):
			counts, m.kind, m.unit = "age", news.Duration, "year" // "she was 16"
		}
	}
	if m.spelled && m.kind == news.Count && counts == "" {
		return news.Quantity{}, m.end, false
	}
	start, end := m.start, m.end
	if qs < start {
		start = qs
	}
	if he > end {
		end = he
	}
	return news.Quantity{
		Value:     m.value,
		Qualifier: qual,
		Counts:    counts,
		Kind:      m.kind,
		Unit:      m.unit,
		Text:      t[start:end],
		Span:      news.Span{Start: start, End: end},
	}, end, true
}

// nounPhrase reads what a number counts, starting after pos. It returns
// the span from the phrase's first word to its head (which may come after
// "of the": "5,000 of the troops"). head says whether it ends in a plural
// noun. loose phrases (money, percentages, "10-year sentence") may end in
// a singular noun but take only lower-case words.
func (s *scanner) nounPhrase(pos int, loose, direct, money bool) (start, end int, head bool) {
	t := s.t
	ws, we, ok := nextWord(t, pos)
	if !ok {
		return 0, 0, false
	}
	w := s.lower(t[ws:we])
	phraseStart := ws
	in := string(w) == "in" && loose && money
	ofPhrase := string(w) == "of"
	if !ofPhrase && !in && !direct {
		return 0, 0, false
	}
	if ofPhrase || in {
		of := ofPhrase
		k := we
		for d := 0; d < 2; d++ {
			ds, de, ok := nextWord(t, k)
			if !ok {
				return 0, 0, false
			}
			switch string(s.lower(t[ds:de])) {
			case "the", "its", "their", "his", "her", "our", "these", "those", "all", "this", "that", "your", "my", "an", "a":
				if !of {
					return 0, 0, false
				}
				k = de
				continue
			case "them", "us", "which", "whom", "it", "you", "whose":
				return 0, 0, false
			}
			if isDigit(t[ds]) && of {
				// "4,000 of the 39,000 troops": what the second figure counts.
				k = skipToken(t, ds)
				if ss, se, ok := nextWord(t, k); ok {
					if _, ok := scaleWords[string(s.lower(t[ss:se]))]; ok {
						k = se
					}
				}
			}
			break
		}
		pos = k
		phraseStart = -1
	}
	lowerSeen := false
	limit := 5
	if loose {
		limit = 3
	}
	end = 0
	natural := false // the phrase stopped at punctuation or a function word
	n := 0
	for ; n < limit; n++ {
		ws, we, ok := nextWord(t, pos)
		if !ok {
			natural = true
			break
		}
		if phraseStart < 0 {
			phraseStart = ws
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
		e := look(w)
		if !acronym && e.stop || e.month && isUpper(raw[0]) {
			natural = true
			break
		}
		if ofPhrase && end == 0 && string(w) == "time" { // "40% of the time": an idiom
			end, natural = we, true
			natural = true
			break
		}
		if loose && isUpper(raw[0]) && !acronym && (!ofPhrase || lowerSeen) {
			natural = end > 0 // "$1bn in aid Egypt gets": a name starts the next phrase
			break
		}
		if !acronym && !e.pluralHead {
			if len(w) > 4 && w[len(w)-1] == 'y' && w[len(w)-2] == 'l' {
				break // adverbs
			}
			if loose && (hasSuffix(w, "ed") || end == 0 && hasSuffix(w, "ing")) {
				break // "64% voted", "the 9 percent saying"
			}
			if !loose && (hasSuffix(w, "ed") || hasSuffix(w, "ing")) {
				// A participle is kept only before another word of the phrase ("armed men").
				ns, ne, ok := nextWord(t, we)
				if !ok || isDigit(t[ns]) || look(s.lower(t[ns:ne])).stop {
					break
				}
			}
		}
		end = we
		pos = we
		lowerSeen = lowerSeen || !isUpper(raw[0])
		if e.pluralHead || !acronym && isPlural(w) {
			head = true
			// A plural noun may modify a following one ("police officers",
			// "appropriations bills").
			for n++; n < limit; n++ {
				ns, ne, ok := nextWord(t, pos)
				if !ok || !isLetter(t[ns]) || isUpper(t[ns]) {
					break
				}
				nw := s.lower(t[ns:ne])
				ne2 := look(nw)
				if ne2.stop || !(isPlural(nw) || ne2.pluralMod) || hasSuffix(nw, "ings") {
					break
				}
				end, pos = ne, ne
			}
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
		if ns, ne, ok := nextWord(t, end); ok && !isDigit(t[ns]) && !look(s.lower(t[ns:ne])).stop {
			return 0, 0, false // runs on beyond the limit
		}
	}
	return phraseStart, end, head
}

// rangeScale returns the scale of the second figure of a range that starts
// after pos ("20 to 25 million": 1e6), or 1.
func (s *scanner) rangeScale(pos int) float64 {
	t := s.t
	ws, we, ok := nextWord(t, pos)
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
	if ss, se, ok := nextWord(t, skipToken(t, k)); ok {
		if f := look(s.lower(t[ss:se])).scale; f != 0 {
			return f
		}
	}
	return 1
}

// prevIs reports whether the word before pos is w (lower case).
func (s *scanner) prevIs(pos int, w string) bool {
	ps, pe, ok := prevWord(s.t, pos)
	return ok && string(s.lower(s.t[ps:pe])) == w
}

// pronounBefore reports whether the word two words before pos is a
// personal pronoun ("she was 16").
func (s *scanner) pronounBefore(pos int) bool {
	ps, _, ok := prevWord(s.t, pos)
	if !ok {
		return false
	}
	qs, qe, ok := prevWord(s.t, ps)
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
	ps, pe, ok := prevWord(s.t, pos)
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
	t := s.t
	var starts [3]int
	var bufs [3][16]byte
	var words [3][]byte
	nw := 0
	k := pos
	for nw < 3 {
		ws, we, ok := prevWord(t, k)
		if !ok || we-ws > 16 {
			break
		}
		starts[nw] = ws
		words[nw] = bufs[nw][:we-ws]
		for i := range words[nw] {
			words[nw][i] = t[ws+i] | 0x20 // letters only reach here; digits and '-' are unchanged
		}
		nw++
		k = ws
		if nw == 1 && !isQualifierEnd(string(words[0])) {
			return "", pos
		}
	}
	if nw == 0 {
		return "", pos
	}
	w := func(i int) []byte {
		if i < nw {
			return words[i]
		}
		return nil
	}
	switch string(w(0)) {
	case "about", "around", "approximately", "roughly", "some", "circa", "approx":
		return news.About, starts[0]
	case "estimated":
		if string(w(1)) == "an" {
			return news.About, starts[1]
		}
		return news.About, starts[0]
	case "over", "above", "exceeding":
		if string(w(1)) == "just" || string(w(1)) == "well" || string(w(1)) == "slightly" {
			return news.MoreThan, starts[1]
		}
		return news.MoreThan, starts[0]
	case "under", "below":
		if string(w(1)) == "just" {
			return news.Nearly, starts[1]
		}
		return news.LessThan, starts[0]
	case "nearly", "almost":
		return news.Nearly, starts[0]
	case "record":
		if string(w(1)) == "a" {
			return news.PeakOf, starts[1]
		}
	case "than":
		switch string(w(1)) {
		case "older":
			return news.MoreThan, starts[1]
		case "younger":
			return news.LessThan, starts[1]
		case "more", "greater":
			if string(w(2)) == "no" {
				return news.UpTo, starts[2]
			}
			return news.MoreThan, starts[1]
		case "less", "fewer":
			if string(w(2)) == "no" {
				return news.AtLeast, starts[2]
			}
			return news.LessThan, starts[1]
		}
	case "of":
		switch string(w(1)) {
		case "excess":
			if string(w(2)) == "in" {
				return news.MoreThan, starts[2]
			}
		case "upwards", "upward":
			return news.MoreThan, starts[1]
		case "peak", "high":
			if string(w(2)) == "a" || string(w(2)) == "record" {
				return news.PeakOf, starts[2]
			}
			if string(w(1)) == "peak" {
				return news.PeakOf, starts[1]
			}
		case "minimum":
			if string(w(2)) == "a" {
				return news.AtLeast, starts[2]
			}
		case "maximum":
			if string(w(2)) == "a" {
				return news.UpTo, starts[2]
			}
		case "shy":
			if string(w(2)) == "just" {
				return news.Nearly, starts[2]
			}
		}
	case "to":
		switch string(w(1)) {
		case "up":
			return news.UpTo, starts[1]
		case "close":
			return news.Nearly, starts[1]
		}
	case "as":
		if (string(w(1)) == "many" || string(w(1)) == "much") && string(w(2)) == "as" {
			return news.UpTo, starts[2]
		}
	case "least":
		if string(w(1)) == "at" {
			return news.AtLeast, starts[1]
		}
	case "from":
		switch string(w(1)) {
		case "down":
			return news.DownFrom, starts[1]
		case "up":
			return news.UpFrom, starts[1]
		}
	case "at":
		if string(w(1)) == "peaked" {
			return news.PeakOf, starts[1]
		}
	}
	return "", pos
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
