package entity

import (
	"unicode"
	"unicode/utf8"
)

// tok is one word of the text as the recogniser sees it.
type tok struct {
	s, e  int32 // the word, without a possessive 's or an abbreviation's dot
	end   int32 // the word with its possessive and dot
	sent  int32
	flags uint16
	cls   class // the word's classes, once fClass is set
}

const (
	fCap      uint16 = 1 << iota // begins with an upper-case letter, or a particle and one (al-Maliki)
	fAllCaps                     // two or more letters, all upper case
	fLower                       // begins with a lower-case letter
	fDigit                       // contains a digit
	fDot                         // an abbreviation or initial whose '.' is in end
	fPoss                        // possessive: Obama's, Jones'
	fInitial                     // first word of its sentence or of a quotation opening it
	fClean                       // only spaces separate it from the previous word of its sentence
	fParticle                    // begins with a lower-case name particle: al-Maliki
	fWeak                        // in a title-case line (a headline), where capitals say little
	fParen                       // directly preceded by "("
	fClass                       // cls holds the word's classes
	fJoin                        // holds an inner hyphen or apostrophe
)

func (t tok) has(f uint16) bool { return t.flags&f != 0 }

// dotWords are abbreviations whose '.' belongs to the word.
func dotWord(w string) bool {
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Gov", "Govs", "Rep", "Reps", "Gen", "Lt", "Col", "Sgt",
		"Capt", "Maj", "Adm", "Rev", "Prof", "St", "Jr", "Sr", "Mt", "Ft", "Cmdr", "Cpl", "Pvt", "Hon",
		"Pres", "Supt", "Det", "Insp", "Atty", "Amb", "Brig", "Fr", "Msgr", "Inc", "Corp", "Co", "Ltd",
		"Bros", "Messrs", "Mme", "Lieut", "Gens", "Dept", "Univ":
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// apostropheAt returns the length of an apostrophe at s[i], or 0.
func apostropheAt(s string, i int) int {
	if i < len(s) && s[i] == '\'' {
		return 1
	}
	if i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x99 {
		return 3
	}
	return 0
}

// hyphenAt returns the length of a word-joining hyphen at s[i], or 0.
func hyphenAt(s string, i int) int {
	if i < len(s) && s[i] == '-' {
		return 1
	}
	if i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0x90 || s[i+2] == 0x91) {
		return 3
	}
	return 0
}

// tokenize appends the words of text[lo:hi], sentence number sent, to ts.
func tokenize(ts []tok, text string, lo, hi int, sent int32, lx *lexicon) []tok {
	s := text[:hi]
	i := lo
	first := len(ts)
	clean := false   // only spaces since the previous word
	opening := false // at the sentence start or just after an opening quote there
	paren := false
	for i < len(s) {
		c := s[i]
		if c == ' ' {
			i++
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			if r == 0xA0 || r == 0x202F || r == 0x2009 {
				i += n
				continue
			}
			if len(ts) == first && (r == '"' || r == '“' || r == '\'' || r == '‘' || r == '(' || r == '[' || r == '—' || r == '-') {
				opening = true
			}
			// An opening quotation mark anywhere starts a new utterance.
			if (r == '"' || r == '“' || r == '‘') && isLetterAt(s, i+n) && (i == lo || s[i-1] == ' ' || s[i-1] == '(') {
				opening = true
			}
			paren = r == '('
			if r == ':' || r == ';' {
				opening = true
			}
			clean = false
			i += n
			continue
		}
		start := i
		segLetters := 0 // letters since the word start or the last inner '.'
		hasDot := false
		var flags uint16
		if unicode.IsUpper(r) {
			flags |= fCap
		} else if unicode.IsLower(r) {
			flags |= fLower
		}
		upper, lower := 0, 0
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				switch {
				case 'a' <= c && c <= 'z':
					lower++
					segLetters++
					i++
					continue
				case 'A' <= c && c <= 'Z':
					upper++
					segLetters++
					i++
					continue
				case '0' <= c && c <= '9':
					flags |= fDigit
					i++
					continue
				case c == '.':
					// U.S, a.m: a single letter, a dot and another letter.
					if segLetters == 1 && isLetterAt(s, i+1) && (i+2 >= len(s) || !isLetterAt(s, i+2) || s[i+2] == '.') {
						hasDot = true
						segLetters = 0
						i++
						continue
					}
				case c == '\'' || c == '-':
					if i > start && isWordAt(s, i+1) {
						i++
						segLetters = 0
						flags |= fJoin
						continue
					}
				case c == '&':
					// AT&T, Q&A
					if upper > 0 && lower == 0 && i+1 < len(s) && 'A' <= s[i+1] && s[i+1] <= 'Z' {
						i++
						continue
					}
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				if unicode.IsUpper(r) {
					upper++
				} else if unicode.IsLower(r) {
					lower++
				} else if unicode.IsDigit(r) {
					flags |= fDigit
				}
				segLetters++
				i += n
				continue
			}
			if (apostropheAt(s, i) > 0 || hyphenAt(s, i) > 0) && isWordAt(s, i+n) {
				i += n
				segLetters = 0
				flags |= fJoin
				continue
			}
			break
		}
		t := tok{s: int32(start), e: int32(i), end: int32(i), sent: sent}
		w := s[start:i]
		// Possessive.
		if k := len(w); k > 2 && (w[k-1] == 's' || w[k-1] == 'S') {
			if w[k-2] == '\'' {
				t.e -= 2
				flags |= fPoss
			} else if k > 4 && w[k-4:k-1] == "’" {
				t.e -= 4
				flags |= fPoss
			}
		}
		if flags&fPoss == 0 && w[len(w)-1] == 's' && apostropheAt(s, i) > 0 && !isWordAt(s, i+apostropheAt(s, i)) {
			flags |= fPoss
			t.end = int32(i + apostropheAt(s, i))
			i = int(t.end)
		}
		if upper >= 2 && lower == 0 || upper >= 2 && hasDot && lower == 0 {
			flags |= fAllCaps
		}
		if flags&(fLower|fJoin) == fLower|fJoin && hasPrefix(lx, w) {
			flags |= fParticle
		}
		// The abbreviation's or initial's dot.
		if i < len(s) && s[i] == '.' && flags&fPoss == 0 && (hasDot || utf8.RuneCountInString(w) == 1 && flags&fCap != 0 || dotWord(w)) {
			flags |= fDot
			i++
			t.end = int32(i)
		}
		if clean && len(ts) > first {
			flags |= fClean
		}
		if len(ts) == first || opening {
			flags |= fInitial
		}
		if paren {
			flags |= fParen
		}
		opening, paren = false, false
		t.flags = flags
		ts = append(ts, t)
		clean = true
	}
	return ts
}

func hasPrefix(lx *lexicon, w string) bool {
	for _, p := range lx.prefixes {
		if len(w) > len(p) && w[:len(p)] == p {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}
