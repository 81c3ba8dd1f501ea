package clean

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Mojibake is UTF-8 text that was once decoded as Windows-1252 (or
// Latin-1) and encoded again: "‘" becomes "â€˜", and, done twice, "Ã¢â‚¬Ëœ".
// Scraped corpora are full of it (273 lines of the 37k AllSides corpus).
// fixMojibake undoes it where the characters of a run spell, byte for byte
// in Windows-1252, one valid multi-byte UTF-8 character: a lead character
// U+00C2–U+00F4 followed by one to three characters that stand for bytes
// 0x80–0xBF. Real text almost never has such a run ("Ã©", "â€™"), while a
// lone accented letter ("é", "São") is left alone because what follows it
// is not a continuation. Up to three passes undo mojibake done up to three
// times.
func fixMojibake(s string) string {
	for range 3 {
		if strings.IndexByte(s, 0xc3) < 0 { // every lead character is U+00C2–U+00F4
			return s
		}
		t, changed := fixMojibakeOnce(s)
		if !changed {
			return s
		}
		s = t
	}
	return s
}

// fixMojibakeOnce repairs each run once and reports whether any changed.
func fixMojibakeOnce(s string) (string, bool) {
	var b []byte // nil until the first repair
	last := 0    // s[last:i] is not yet copied to b
	for i := 0; i < len(s); {
		// Lead characters U+00C2–U+00F4 are the bytes C3 82 to C3 B4.
		k := strings.IndexByte(s[i:], 0xc3)
		if k < 0 {
			break
		}
		i += k
		if i+1 >= len(s) || s[i+1] < 0x82 || s[i+1] > 0xb4 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		// The lead byte r, then as many continuation bytes as it needs.
		need := 1
		if r >= 0xe0 {
			need = 2
		}
		if r >= 0xf0 {
			need = 3
		}
		var buf [4]byte
		buf[0] = byte(r)
		j := i + n
		ok := true
		for k := 1; k <= need; k++ {
			c, m := utf8.DecodeRuneInString(s[j:])
			x, is := cp1252Byte(c)
			if m == 0 || !is || x < 0x80 || x > 0xbf {
				ok = false
				break
			}
			buf[k] = x
			j += m
		}
		if !ok {
			i += n
			continue
		}
		fixed, size := utf8.DecodeRune(buf[:need+1])
		if fixed == utf8.RuneError || size != need+1 {
			i += n
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(b, s[last:i]...)
		b = utf8.AppendRune(b, fixed)
		i, last = j, j
	}
	if b == nil {
		return s, false
	}
	return string(append(b, s[last:]...)), true
}

// cp1252Byte returns the byte that Windows-1252 (or, for U+0080–U+009F,
// Latin-1) decodes to r.
func cp1252Byte(r rune) (byte, bool) {
	if r <= 0xff {
		return byte(r), true // ASCII, Latin-1, and the C1 controls Latin-1 decoders give
	}
	return charmap.Windows1252.EncodeRune(r)
}
