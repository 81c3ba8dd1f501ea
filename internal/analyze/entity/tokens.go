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

// ascii classifies ASCII bytes for the tokenizer.
var ascii = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = aLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = aUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = aDigit
	}
	return t
}()

const (
	aLower uint8 = 1 << iota
	aUpper
	aDigit
)

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
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			if ascii[c] == 0 {
				switch c {
				case ' ':
				case '"', '\'', '[', '-':
					if len(ts) == first || c == '"' && isLetterAt(s, i+1) && (i == lo || s[i-1] == ' ' || s[i-1] == '(') {
						opening = true
					}
					clean = false
				case '(':
					opening = opening || len(ts) == first
					paren = true
					clean = false
					i++
					continue
				case ':', ';':
					opening = true
					clean = false
				default:
					clean = false
				}
				paren = false
				i++
				continue
			}
			r = rune(c)
		} else {
			if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 {
				// General punctuation: quotation marks, dashes, spaces.
				switch s[i+2] {
				case 0x9C, 0x98: // “ ‘
					if len(ts) == first || isLetterAt(s, i+3) && (i == lo || s[i-1] == ' ' || s[i-1] == '(') {
						opening = true
					}
					clean = false
				case 0x94, 0x93: // — –
					opening = opening || len(ts) == first
					clean = false
				case 0xAF, 0x89, 0x8A, 0x88, 0x87, 0x86, 0x85, 0x84, 0x83, 0x82, 0x81, 0x80: // spaces
				default:
					clean = false
				}
				paren = false
				i += 3
				continue
			}
			if c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0 { // no-break space
				i += 2
				continue
			}
			r, n = utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				clean, paren = false, false
				i += n
				continue
			}
		}
		start := i
		if c < utf8.RuneSelf && ascii[c] == aLower {
			// Fast path: a plain lower-case ASCII word, most of any text.
			k := i + 1
			for k < len(s) && ascii[s[k]] == aLower {
				k++
			}
			if k == len(s) || plainEnd(s[k]) {
				flags := fLower
				if clean && len(ts) > first {
					flags |= fClean
				}
				if len(ts) == first || opening {
					flags |= fInitial
				}
				if paren {
					flags |= fParen
				}
				opening, paren, clean = false, false, true
				ts = append(ts, tok{s: int32(i), e: int32(k), end: int32(k), sent: sent, flags: flags})
				i = k
				continue
			}
		}
		segStart := i // the start of the word or of its part after an inner '.'
		hasDot := false
		var flags uint16
		if c < utf8.RuneSelf {
			if ascii[c] == aUpper {
				flags |= fCap
			} else if ascii[c] == aLower {
				flags |= fLower
			}
		} else if unicode.IsUpper(r) {
			flags |= fCap
		} else if unicode.IsLower(r) {
			flags |= fLower
		}
		upper, lower := 0, 0
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				switch k := ascii[c]; {
				case k == aLower:
					lower++
					i++
					continue
				case k == aUpper:
					upper++
					i++
					continue
				case k == aDigit:
					flags |= fDigit
					i++
					continue
				case c == '.':
					// U.S, a.m: a single letter, a dot and another letter.
					if i-segStart == 1 && isLetterAt(s, i+1) && (i+2 >= len(s) || !isLetterAt(s, i+2) || s[i+2] == '.') {
						hasDot = true
						i++
						segStart = i
						continue
					}
				case c == '\'' || c == '-':
					if i > start && isWordAt(s, i+1) {
						i++
						segStart = i
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
				i += n
				segStart = i - 1 // a letter: counts as one
				continue
			}
			if (apostropheAt(s, i) > 0 || hyphenAt(s, i) > 0) && isWordAt(s, i+n) {
				i += n
				segStart = i
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
		if flags&fPoss == 0 && i < len(s) && w[len(w)-1] == 's' && (s[i] == '\'' || s[i] == 0xE2) && apostropheAt(s, i) > 0 && !isWordAt(s, i+apostropheAt(s, i)) {
			flags |= fPoss
			t.end = int32(i + apostropheAt(s, i))
			i = int(t.end)
		}
		if upper >= 2 && lower == 0 {
			flags |= fAllCaps
		}
		if flags&(fLower|fJoin) == fLower|fJoin && hasPrefix(lx, w) {
			flags |= fParticle
		}
		// The abbreviation's or initial's dot.
		if i < len(s) && s[i] == '.' && flags&fPoss == 0 && (hasDot || flags&fCap != 0 && (utf8.RuneCountInString(w) == 1 || dotWord(w))) {
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

// plainEnd reports whether byte c ends a plain lower-case word without
// joining it to more: not a letter, digit, apostrophe, hyphen, dot, '&'
// or the start of a multi-byte character.
func plainEnd(c byte) bool {
	switch c {
	case ' ', ',', ';', ':', '"', ')', '!', '?', '\n', '\t', '(', '/':
		return true
	}
	return false
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
