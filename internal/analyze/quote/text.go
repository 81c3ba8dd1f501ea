package quote

import (
	"unicode"
	"unicode/utf8"
)

// Character classes and a small tokenizer over byte ranges of the text.

// Quotation mark kinds.
const (
	markNone     = iota
	markStraight // "
	markOpen     // “ „ ‟ «
	markClose    // ” »
)

// markAt reports the double quotation mark starting at text[i], if any, with
// its size in bytes and kind. low9e marks „, which closes with “.
func markAt(text string, i int) (size, kind int) {
	switch c := text[i]; c {
	case '"':
		return 1, markStraight
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C, 0x9E, 0x9F: // “ „ ‟
				return 3, markOpen
			case 0x9D: // ”
				return 3, markClose
			}
		}
	case 0xC2:
		if i+1 < len(text) {
			switch text[i+1] {
			case 0xAB: // «
				return 2, markOpen
			case 0xBB: // »
				return 2, markClose
			}
		}
	}
	return 0, markNone
}

// runeBefore returns the rune ending at text[i] (utf8.RuneError, 0 at start).
func runeBefore(text string, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	return utf8.DecodeLastRuneInString(text[:i])
}

// runeAt returns the rune at text[i] (0 at the end).
func runeAt(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x2009, 0x200A, 0x202F, 0x2002, 0x2003, 0x200B:
		return true
	}
	return r >= 0x80 && unicode.IsSpace(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '–', '—', '―', '‒':
		return true
	}
	return false
}

// Token kinds.
const (
	tokWord = iota
	tokPunct
)

// tok is a word or a punctuation mark: text[s:e].
type tok struct {
	s, e int
	kind uint8
}

// tokenize appends the tokens of text[s:e] to dst. Words are runs of letters
// and digits with inner apostrophes, hyphens and periods (U.S., al-Maliki,
// O'Neill); a final period stays on a word when the word is an initial or an
// abbreviation (Mr., Sen., B.). Everything else but space is one punctuation
// token per rune.
func tokenize(dst []tok, text string, s, e int) []tok {
	i := s
	for i < e {
		r, n := runeAt(text, i)
		if isSpace(r) {
			i += n
			continue
		}
		if !isLetter(r) && !isDigit(r) {
			dst = append(dst, tok{i, i + n, tokPunct})
			i += n
			continue
		}
		j := i + n
		for j < e {
			r, n := runeAt(text, j)
			if isLetter(r) || isDigit(r) {
				j += n
				continue
			}
			if r == '\'' || r == '’' || r == '-' || r == '.' || r == '‑' {
				r2, _ := runeAt(text, j+n)
				if j+n < e && (isLetter(r2) || isDigit(r2)) {
					j += n
					continue
				}
			}
			break
		}
		if j < e && text[j] == '.' && keepsPeriod(text[i:j]) {
			j++
		}
		dst = append(dst, tok{i, j, tokWord})
		i = j
	}
	return dst
}

// keepsPeriod reports whether word is an initial or abbreviation that takes
// its following period ("B", "Mr", "Sen", "U.S").
func keepsPeriod(w string) bool {
	if len(w) == 1 {
		return isUpper(rune(w[0]))
	}
	if len(w) <= 4 {
		var buf [8]byte
		lw := lower(buf[:0], w)
		if titleWords[string(lw)] {
			return true
		}
		switch string(lw) {
		case "jr", "sr", "st", "ft", "mt", "no", "vs", "inc", "co", "corp", "ltd", "u.s", "d.c", "u.n", "u.k", "r-n.y", "a.m", "p.m":
			return true
		}
	}
	for k := 0; k < len(w); k++ {
		if w[k] == '.' {
			return true // U.S, D.C
		}
	}
	return false
}

// lower appends the ASCII-lower-cased w to dst; non-ASCII bytes are copied
// as they are.
func lower(dst []byte, w string) []byte {
	dst = dst[:0]
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// wordIn reports whether the word text[t.s:t.e], lower-cased and without a
// final period, is in m.
func wordIn(m map[string]bool, text string, t tok) bool {
	if t.kind != tokWord {
		return false
	}
	w := text[t.s:t.e]
	if n := len(w); n > 1 && w[n-1] == '.' {
		w = w[:n-1]
	}
	if len(w) > 24 {
		return false
	}
	var buf [24]byte
	return m[string(lower(buf[:0], w))]
}

// capitalised reports whether the token is a word starting with an upper-case
// letter, or a name particle joined to one (al-Dabbagh, de Blasio's "de" is
// not: it has no capital).
func capitalised(text string, t tok) bool {
	if t.kind != tokWord {
		return false
	}
	r, _ := runeAt(text, t.s)
	if isUpper(r) {
		return true
	}
	// al-Dabbagh, bin-Laden, el-Sisi: a lower-case particle and a capital.
	for k := t.s; k+1 < t.e; k++ {
		if text[k] == '-' {
			r, _ := runeAt(text, k+1)
			return isUpper(r) && k-t.s <= 3
		}
	}
	return false
}

// isCue reports whether t is a reporting verb written in lower case.
func isCue(text string, t tok) bool {
	if t.kind != tokWord {
		return false
	}
	c := text[t.s]
	if c < 'a' || c > 'z' {
		return false
	}
	return cueWords[text[t.s:t.e]]
}

// possessive reports whether the word ends in 's or ’s (Trump's).
func possessive(text string, t tok) bool {
	w := text[t.s:t.e]
	n := len(w)
	if n >= 2 && w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S') {
		return true
	}
	if n >= 4 && w[n-4:n-1] == "’" && (w[n-1] == 's' || w[n-1] == 'S') {
		return true
	}
	return false
}

// isPunct reports whether t is the punctuation rune r.
func isPunct(text string, t tok, r rune) bool {
	if t.kind != tokPunct {
		return false
	}
	x, _ := runeAt(text, t.s)
	return x == r
}

// punctRune returns the rune of a punctuation token, 0 for words.
func punctRune(text string, t tok) rune {
	if t.kind != tokPunct {
		return 0
	}
	x, _ := runeAt(text, t.s)
	return x
}

// trimSpace returns the span [s, e) without surrounding white space.
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := runeAt(text, s)
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := runeBefore(text, e)
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}
