package report

import (
	"strings"
	"unicode"
)

// Safe returns s fit for a terminal: control characters (ESC, BEL, the C1
// controls, and line breaks inside a one-line field) become U+FFFD, so
// that an input's id, source or text cannot move the cursor, change
// colours or ring the bell. Tabs stay.
func Safe(s string) string {
	if !hasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r != '\t' && unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xa0 {
			return true
		}
	}
	return false
}
