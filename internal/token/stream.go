package token

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// Tokenize appends the tokens of text to dst and returns it: every word
// and number, with its shape flags and its lexicon classes (one look-up a
// word), and every other rune that is not white space as a punctuation
// token. It is the one tokenizer of the analysis: the sentence splitter
// and every stage read its tokens.
//
// Words are runs of letters, digits and combining marks, joined across an
// apostrophe or hyphen between word characters (don't, al-Maliki), across
// a '.' after a single letter before a letter (U.S, a.m), across "," and
// "." between digits (4,408, 3.5) and across "&" inside capitals (AT&T). A
// possessive "'s" or "’s" stays out of End but in Ext, as does the final
// dot of an initial or abbreviation (B., Mr., U.S.).
func Tokenize(dst []news.Token, text string, lx *lexicon.Lexicon) []news.Token {
	t := tokenizer{text: text, lx: lx, prefixes: lx.NamePrefixes()}
	return t.run(dst)
}

type tokenizer struct {
	text     string
	lx       *lexicon.Lexicon
	prefixes []string
	gap      news.TokenFlags // what the white space since the last token held
}

// ascii classifies ASCII bytes.
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
	t[' '] = aSpace
	t['\t'], t['\v'], t['\f'] = aTab, aTab, aTab
	t['\n'], t['\r'] = aLine, aLine
	return t
}()

const (
	aLower uint8 = 1 << iota
	aUpper
	aDigit
	aSpace
	aTab
	aLine
	aWord = aLower | aUpper | aDigit
)

func (t *tokenizer) run(dst []news.Token) []news.Token {
	s := t.text
	lines := 0 // line breaks in the current gap
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			k := ascii[c]
			switch {
			case k&aWord != 0:
				dst = t.word(dst, i, lines)
				i = int(dst[len(dst)-1].Ext)
				t.gap, lines = 0, 0
				continue
			case k == aSpace:
				t.gap |= news.Space
				i++
				continue
			case k == aTab:
				t.gap |= news.Space | news.Tab
				i++
				continue
			case k == aLine:
				t.gap |= news.Space | news.Line
				if c == '\n' || i+1 >= len(s) || s[i+1] != '\n' {
					lines++ // "\r\n" counts once
				}
				i++
				continue
			}
			dst = append(dst, t.mark(i, i+1, lines))
			t.gap, lines = 0, 0
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			dst = t.word(dst, i, lines)
			i = int(dst[len(dst)-1].Ext)
			t.gap, lines = 0, 0
			continue
		case r == 0x2028 || r == 0x2029: // line and paragraph separators
			t.gap |= news.Space | news.Line
			lines++
		case r == 0xA0 || r == 0x202F || 0x2000 <= r && r <= 0x200A:
			t.gap |= news.Space // no-break and thin spaces
		case r == 0x200B || r == 0xFEFF || unicode.IsSpace(r):
			t.gap |= news.Space | news.Tab
		default:
			dst = append(dst, t.mark(i, i+n, lines))
			t.gap, lines = 0, 0
		}
		i += n
	}
	return dst
}

// mark returns the punctuation token text[i:j].
func (t *tokenizer) mark(i, j, lines int) news.Token {
	return news.Token{Start: int32(i), End: int32(j), Ext: int32(j), Kind: news.Punct, Flags: t.gapFlags(lines)}
}

func (t *tokenizer) gapFlags(lines int) news.TokenFlags {
	f := t.gap
	if lines >= 2 {
		f |= news.Para
	}
	return f
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return ascii[c]&(aLower|aUpper) != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return ascii[c]&aWord != 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isDigitAt(s string, i int) bool { return i < len(s) && ascii[s[i]] == aDigit }

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

// joinerAt returns the length of a non-ASCII apostrophe or hyphen at s[i]
// (’ ‐ ‑), or 0.
func joinerAt(s string, i int) int {
	if i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0x99 || s[i+2] == 0x90 || s[i+2] == 0x91) {
		return 3
	}
	return 0
}

// word appends the word starting at text[i].
func (t *tokenizer) word(dst []news.Token, i, lines int) []news.Token {
	s := t.text
	start := i
	gap := t.gapFlags(lines)
	// Fast path: a plain lower-case ASCII word, most of any text.
	if ascii[s[i]] == aLower {
		k := i + 1
		for k < len(s) && ascii[s[k]] == aLower {
			k++
		}
		if k == len(s) || plainEnd(s[k]) {
			return append(dst, news.Token{Start: int32(i), End: int32(k), Ext: int32(k), Kind: news.Word,
				Flags: news.Lower | gap, Lex: uint64(t.lx.Lookup(s[i:k]))})
		}
	}
	var flags news.TokenFlags
	kind := news.Word
	if c := s[i]; c < utf8.RuneSelf {
		switch ascii[c] {
		case aUpper:
			flags |= news.Cap
		case aLower:
			flags |= news.Lower
		case aDigit:
			kind = news.Number
		}
	} else if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsUpper(r) {
		flags |= news.Cap
	} else if unicode.IsLower(r) {
		flags |= news.Lower
	} else if unicode.IsDigit(r) {
		kind = news.Number
	}
	segStart := i // the start of the word or of its part after an inner '.'
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
				flags |= news.Digit
				i++
				continue
			case c == '.':
				// U.S, a.m: a single letter, a dot and another letter.
				if i-segStart == 1 && isLetterAt(s, i+1) && (i+2 >= len(s) || !isLetterAt(s, i+2) || s[i+2] == '.') {
					flags |= news.Dotted
					i++
					segStart = i
					continue
				}
				if kind == news.Number && isDigitAt(s, i-1) && isDigitAt(s, i+1) {
					i++ // 3.5
					continue
				}
			case c == ',':
				if kind == news.Number && isDigitAt(s, i-1) && isDigitAt(s, i+1) {
					i++ // 4,408
					continue
				}
			case c == '\'' || c == '-':
				if i > start && isWordAt(s, i+1) {
					i++
					segStart = i
					flags |= news.Joined
					continue
				}
			case c == '&':
				// AT&T, Q&A
				if upper > 0 && lower == 0 && i+1 < len(s) && ascii[s[i+1]] == aUpper {
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
				flags |= news.Digit
			}
			i += n
			segStart = i - 1 // a letter: counts as one
			continue
		}
		if joinerAt(s, i) > 0 && isWordAt(s, i+n) {
			i += n
			segStart = i
			flags |= news.Joined
			continue
		}
		break
	}
	tk := news.Token{Start: int32(start), End: int32(i), Ext: int32(i), Kind: kind}
	w := s[start:i]
	// Possessive.
	if k := len(w); k > 2 && (w[k-1] == 's' || w[k-1] == 'S') {
		if w[k-2] == '\'' {
			tk.End -= 2
			flags |= news.Poss
		} else if k > 4 && w[k-4:k-1] == "’" {
			tk.End -= 4
			flags |= news.Poss
		}
	}
	if flags&news.Poss == 0 && i < len(s) && w[len(w)-1] == 's' && (s[i] == '\'' || s[i] == 0xE2) && apostropheAt(s, i) > 0 && !isWordAt(s, i+apostropheAt(s, i)) {
		flags |= news.Poss
		tk.Ext = int32(i + apostropheAt(s, i))
		i = int(tk.Ext)
	}
	if upper >= 2 && lower == 0 {
		flags |= news.AllCaps
	}
	if flags&(news.Lower|news.Joined) == news.Lower|news.Joined && t.particle(w) {
		flags |= news.Particle
	}
	core := s[tk.Start:tk.End]
	lex := t.lx.Lookup(core)
	// The abbreviation's or initial's dot.
	if i < len(s) && s[i] == '.' && flags&news.Poss == 0 && t.takesDot(core, flags, lexicon.Class(lex)) {
		flags |= news.Dot
		tk.Ext = int32(i + 1)
	}
	tk.Flags = flags | gap
	tk.Lex = uint64(lex)
	return append(dst, tk)
}

// takesDot reports whether a word followed by '.' is an initial or an
// abbreviation that the dot belongs to: a dotted word (U.S), a capital
// letter alone (B.), or a listed abbreviation, capitalised unless the list
// says it need not be (Mr., Calif., vs., etc.).
func (t *tokenizer) takesDot(core string, flags news.TokenFlags, lex lexicon.Class) bool {
	switch {
	case flags&news.Dotted != 0:
		return true
	case lex&lexicon.Abbreviation == 0:
		return flags&news.Cap != 0 && utf8.RuneCountInString(core) == 1
	case flags&news.Cap != 0:
		return true
	}
	kind := t.lx.AbbreviationKind(core)
	return kind != "" && kind != "title"
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

// particle reports whether w starts with a name particle joined to a
// capital: al-Maliki, d'Estaing.
func (t *tokenizer) particle(w string) bool {
	for _, p := range t.prefixes {
		if len(w) > len(p) && w[:len(p)] == p {
			r, _ := utf8.DecodeRuneInString(w[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}
