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
	s, e  int32  // byte offsets (articles are far below 2 GB)
	flags uint32 // lexicon flags, fCap, fLower
	kind  uint8
}

// tokenize appends the tokens of text[s:e] to dst. Words are runs of letters
// and digits with inner apostrophes, hyphens and periods (U.S., al-Maliki,
// O'Neill); a final period stays on a word when the word is an initial or an
// abbreviation (Mr., Sen., B.). Everything else but space is one punctuation
// token per rune.
func tokenize(dst []tok, text string, s, e int) []tok {
	i := s
	for i < e {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				i++
				continue
			case !isAlnumByte(c):
				dst = append(dst, tok{int32(i), int32(i + 1), 0, tokPunct})
				i++
				continue
			}
		} else {
			r, n := runeAt(text, i)
			if isSpace(r) {
				i += n
				continue
			}
			if !isLetter(r) && !isDigit(r) {
				dst = append(dst, tok{int32(i), int32(i + n), 0, tokPunct})
				i += n
				continue
			}
		}
		j := i + 1
		for j < e {
			c := text[j]
			if c < utf8.RuneSelf {
				if isAlnumByte(c) {
					j++
					continue
				}
				if (c == '\'' || c == '-' || c == '.') && j+1 < e && wordStartsAt(text, j+1) {
					j++
					continue
				}
				break
			}
			r, n := runeAt(text, j)
			if isLetter(r) || isDigit(r) {
				j += n
				continue
			}
			if (r == '’' || r == '‑') && j+n < e && wordStartsAt(text, j+n) {
				j += n
				continue
			}
			break
		}
		for j < e && !utf8.RuneStart(text[j]) {
			j++ // the loop above steps over whole runes; this is a guard
		}
		if j < e && text[j] == '.' && keepsPeriod(text[i:j]) {
			j++
		}
		dst = append(dst, tok{int32(i), int32(j), wordFlags(text, i, j), tokWord})
		i = j
	}
	return dst
}

func isAlnumByte(c byte) bool { return alnumByte[c] }

// alnumByte marks the ASCII letters and digits.
var alnumByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordStartsAt reports whether a letter or digit starts at text[i].
func wordStartsAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return isAlnumByte(c)
	}
	r, _ := runeAt(text, i)
	return isLetter(r) || isDigit(r)
}

// keepsPeriod reports whether word is an initial or abbreviation that takes
// its following period ("B", "Mr", "Sen", "U.S").
func keepsPeriod(w string) bool {
	if len(w) == 1 {
		return isUpper(rune(w[0]))
	}
	if len(w) <= 4 {
		var buf [8]byte
		lw, h, _ := lowerHash(buf[:0], w)
		if lexicon.get(lw, h)&fTitle != 0 {
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

// wordFlags returns the flags of the word text[s:e]: its lexicon entry
// (lower-cased, without a final period; a hyphenated word also takes the
// title flag of its last part: Co-anchor, ex-Senator), fCap and fLower.
func wordFlags(text string, s, e int) uint32 {
	w := text[s:e]
	if n := len(w); n > 1 && w[n-1] == '.' {
		w = w[:n-1]
	}
	var fl uint32
	c := w[0]
	switch {
	case 'a' <= c && c <= 'z':
		fl = fLower
	case 'A' <= c && c <= 'Z':
		fl = fCap
	case c >= utf8.RuneSelf:
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			fl = fCap
		}
	}
	if fl&fLower != 0 {
		// al-Dabbagh, bin-Laden, el-Sisi: a lower-case particle and a capital.
		for k := 1; k+1 < len(w) && k <= 3; k++ {
			if w[k] == '-' {
				if r, _ := runeAt(w, k+1); isUpper(r) {
					fl |= fCap
				}
				break
			}
		}
	}
	if len(w) > 24 {
		return fl
	}
	var buf [24]byte
	lw, h, hyphen := lowerHash(buf[:0], w)
	if len(lw) <= lexicon.maxLen {
		fl |= lexicon.get(lw, h)
	}
	if hyphen > 0 && hyphen < len(lw)-1 {
		fl |= lexicon.get(lw[hyphen+1:], fnv(string(lw[hyphen+1:]))) & fTitle
	}
	return fl
}

// lowerHash appends the ASCII-lower-cased w to dst and returns it with its
// fnv hash and the index of its last hyphen (-1 if none).
func lowerHash(dst []byte, w string) ([]byte, uint32, int) {
	h := uint32(2166136261)
	hyphen := -1
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c == '-' {
			hyphen = k
		}
		dst = append(dst, c)
		h ^= uint32(c)
		h *= 16777619
	}
	return dst, h, hyphen
}

// wordIn reports whether the token has the lexicon flag.
func wordIn(flag uint32, _ string, t tok) bool { return t.flags&flag != 0 }

// capitalised reports whether the token is a word starting with an
// upper-case letter, or a name particle joined to one (al-Dabbagh).
func capitalised(_ string, t tok) bool { return t.flags&fCap != 0 }

// isCue reports whether t is a reporting verb written in lower case.
func isCue(_ string, t tok) bool { return t.flags&(fCue|fLower) == fCue|fLower }

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
	x, _ := runeAt(text, int(t.s))
	return x == r
}

// punctRune returns the rune of a punctuation token, 0 for words.
func punctRune(text string, t tok) rune {
	if t.kind != tokPunct {
		return 0
	}
	x, _ := runeAt(text, int(t.s))
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
