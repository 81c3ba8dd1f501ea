package quote

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of the text around quotation marks.

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
