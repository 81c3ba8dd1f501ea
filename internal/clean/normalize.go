package clean

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the form every later stage relies on:
//   - mojibake undone ("â€™" and "Ã¢â‚¬â„¢" become "’", then "'"; see
//     fixMojibake);
//   - Unicode NFC;
//   - line endings "\n" ("\r\n", "\r", U+2028 become "\n", U+2029 a blank line);
//   - every space character (no-break space U+00A0, U+2000–U+200A, U+202F,
//     U+205F, U+3000, tab, ...) becomes an ASCII space, runs of spaces inside
//     a line collapse to one and lines are trimmed;
//   - invisible characters are removed: zero-width space U+200B, word joiner
//     U+2060, byte-order mark U+FEFF, soft hyphen U+00AD, directional marks
//     and embeddings, and control characters (C1 controls that are really
//     Windows-1252 punctuation, U+0091–U+0097, become that punctuation first).
//     Zero-width (non-)joiners U+200C/U+200D are kept: they change the
//     spelling of words in Persian, Indic scripts and emoji;
//   - quotation marks are straightened: “ ” „ ‟ ″ become " and ‘ ’ ‚ ‛ ′ ´
//     become '. Straightening loses nothing the pipeline uses (quote
//     detection pairs straight quotes by position; PolNeAR's scorer unifies
//     quotation marks) and gives every later stage one form to match;
//   - dashes: hyphen U+2010, non-breaking hyphen U+2011 and minus U+2212
//     become "-"; figure and en dashes U+2012/U+2013 become "-" between two
//     non-spaces ("2006–2007", "US–Iraqi") and an em dash "—" otherwise, as
//     do the em dash and horizontal bar U+2015: so "-" joins and "—" separates.
//   - U+FFFD (from broken UTF-8) is kept so the loss stays visible.
//
// Blank lines are kept as they are (one or more "\n\n"); Normalize does not
// split paragraphs. Invalid UTF-8 in s becomes U+FFFD.
func Normalize(s string) string {
	if s == "" {
		return ""
	}
	s = fixMojibake(s)
	return bytesToString(normalizeBytes(make([]byte, 0, len(s)), s))
}

// bytesToString returns b as a string without copying it. b must never be
// changed afterwards: callers pass slices they made and then drop.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// normalizeBytes appends the normalised s to dst (see Normalize).
func normalizeBytes(dst []byte, s string) []byte {
	start := len(dst)
	ascii := true // nothing that NFC could change has been written
	pendingSpace := false
	lineStart := true // nothing but spaces since the last newline
	newline := func() {
		pendingSpace = false
		// Trim trailing spaces already written (none: spaces are pending).
		dst = append(dst, '\n')
		lineStart = true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < 0x7f {
			// Fast path: a run of printable ASCII with single spaces inside.
			if pendingSpace {
				dst = append(dst, ' ')
				pendingSpace = false
			}
			j := i + 1
			for j < len(s) {
				if b := s[j]; b > ' ' && b < 0x7f {
					j++
				} else if b == ' ' && j+1 < len(s) && s[j+1] > ' ' && s[j+1] < 0x7f {
					j += 2
				} else {
					break
				}
			}
			dst = append(dst, s[i:j]...)
			lineStart = false
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\n':
				newline()
				continue
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					i++
				}
				newline()
				continue
			case c == ' ' || c == '\t' || c == '\v' || c == '\f':
				if !lineStart {
					pendingSpace = true
				}
				continue
			case c < 0x20 || c == 0x7f:
				continue // other control characters
			}
			if pendingSpace {
				dst = append(dst, ' ')
				pendingSpace = false
			}
			dst = append(dst, c)
			lineStart = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		var repl string
		switch r {
		case '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
			'\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000', '\u0085':
			if r == '\u0085' { // NEL, or Windows-1252 "…" read as Latin-1
				repl = "…"
				break
			}
			if !lineStart {
				pendingSpace = true
			}
			continue
		case '\u200b', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u200e', '\u200f',
			'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069':
			continue
		case '\u2028':
			newline()
			continue
		case '\u2029':
			newline()
			newline()
			continue
		case '“', '”', '„', '‟', '″', '\u0093', '\u0094':
			repl = `"`
		case '‘', '’', '‚', '‛', '′', '´', '\u0091', '\u0092':
			repl = "'"
		case '\u2010', '\u2011', '\u2212':
			repl = "-"
		case '\u2012', '\u2013', '\u0096':
			// A joining dash when glued on both sides, else a separating one.
			glued := !lineStart && !pendingSpace && i < len(s) && !isSpaceStart(s[i:])
			if glued {
				repl = "-"
			} else {
				repl = "—"
			}
		case '\u2015', '\u0097':
			repl = "—"
		default:
			if r < 0xa0 { // C1 controls
				continue
			}
			if r == utf8.RuneError || unicode.IsPrint(r) || unicode.Is(unicode.Mn, r) || r == '\u200c' || r == '\u200d' {
				if pendingSpace {
					dst = append(dst, ' ')
					pendingSpace = false
				}
				if r == utf8.RuneError {
					dst = append(dst, "\uFFFD"...)
				} else {
					dst = append(dst, s[i-n:i]...)
				}
				if r >= 0x300 {
					// Below U+0300 every character is NFC already and none
					// combines with what follows it.
					ascii = false
				}
				lineStart = false
				continue
			}
			if unicode.IsSpace(r) {
				if !lineStart {
					pendingSpace = true
				}
				continue
			}
			continue // other invisible format and control characters
		}
		if pendingSpace {
			dst = append(dst, ' ')
			pendingSpace = false
		}
		dst = append(dst, repl...) // replacements are NFC and never combine
		lineStart = false
	}
	if !ascii {
		body := dst[start:]
		if norm.NFC.QuickSpan(body) < len(body) {
			nb := norm.NFC.Bytes(body)
			dst = append(dst[:start], nb...)
		}
	}
	return dst
}

// isSpaceStart reports whether s starts with a space, a line break or a
// Unicode space character.
func isSpaceStart(s string) bool {
	if s == "" {
		return true
	}
	if s[0] < utf8.RuneSelf {
		return s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
