package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// Split returns the sentences of text as byte spans, in order, without
// surrounding white space. toks are the tokens of text (token.Tokenize);
// lx the lexicon they were looked up in, for the abbreviations. Every
// token lies in exactly one span; spans never overlap and always start and
// end on token boundaries.
func Split(text string, toks []news.Token, lx *lexicon.Lexicon) []news.Span {
	s := splitter{text: text, toks: toks, lx: lx}
	out := make([]news.Span, 0, len(text)/64+1)
	first := 0 // the first token of the current sentence
	for k := 0; k < len(toks); {
		t := toks[k]
		if t.Flags&news.Line != 0 && k > first {
			out = s.emit(out, first, k)
			first = k
		}
		if !s.terminator(k) {
			k++
			continue
		}
		next, ok := s.boundary(first, k)
		if ok {
			out = s.emit(out, first, next)
			first = next
		}
		k = next
	}
	return s.emit(out, first, len(toks))
}

type splitter struct {
	text string
	toks []news.Token
	lx   *lexicon.Lexicon
}

// emit appends the span of toks[a:b], when it holds any.
func (s *splitter) emit(out []news.Span, a, b int) []news.Span {
	if a < b {
		out = append(out, news.Span{Start: int(s.toks[a].Start), End: int(s.toks[b-1].Ext)})
	}
	return out
}

// mark returns the rune of a punctuation token, 0 for words.
func (s *splitter) mark(k int) rune {
	t := s.toks[k]
	if t.Kind != news.Punct {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s.text[t.Start:t.End])
	return r
}

// attached reports whether token k follows token k-1 with no white space.
func (s *splitter) attached(k int) bool {
	return k < len(s.toks) && s.toks[k].Flags&news.Space == 0
}

// terminator reports whether token k may end a sentence: '.', '!', '?' or
// '…', or a word whose final dot is in the token (Mr., U.S.).
func (s *splitter) terminator(k int) bool {
	t := s.toks[k]
	switch {
	case t.Flags&news.Dot != 0:
		return true
	case t.Kind != news.Punct:
		return false
	}
	switch s.text[t.Start] {
	case '.', '!', '?':
		return true
	case 0xE2: // …
		return t.End-t.Start == 3 && s.text[t.Start+1] == 0x80 && s.text[t.Start+2] == 0xA6
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '”', '’', '›', '»':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '“', '‘', '‹', '«':
		return true
	}
	return false
}

// boundary decides whether the terminator at token k ends the sentence
// that began at token first. It returns the token after the terminator run
// and its closing marks, and whether that is a sentence boundary.
func (s *splitter) boundary(first, k int) (int, bool) {
	toks := s.toks
	dots, strong := 0, false
	j := k
	for j < len(toks) && (j == k || s.attached(j)) {
		if j == k && toks[j].Flags&news.Dot != 0 {
			dots++ // the word's own dot
			j++
			continue
		}
		switch s.mark(j) {
		case '.':
			dots++
		case '!', '?', '…':
			strong = true
		default:
			goto run
		}
		j++
	}
run:
	if dots > 1 {
		strong = true
	}
	if j == len(toks) {
		return j, true
	}
	if dots == 1 && !strong && s.gluedStart(k) {
		return j, true
	}
	for j < len(toks) && s.attached(j) && isCloser(s.mark(j)) {
		j++
	}
	if j == len(toks) {
		return j, true
	}
	// White space must follow.
	next := toks[j]
	if next.Flags&news.Line != 0 {
		return j, true
	}
	if next.Flags&news.Space == 0 {
		return j, false
	}
	o := j
	opened := false
	for o < len(toks) && (o == j || s.attached(o)) && isOpener(s.mark(o)) {
		opened = true
		o++
	}
	if o == len(toks) {
		return j, true
	}
	r := ' ' // what follows the openers; white space reads as neither case
	if o == j || s.attached(o) {
		r, _ = utf8.DecodeRuneInString(s.text[toks[o].Start:])
	}
	if unicode.IsLower(r) {
		return j, false
	}
	if strong {
		return j, true
	}
	digit := '0' <= r && r <= '9'
	if o != j && !s.attached(o) {
		o = len(toks) // white space after the openers: no word opens the sentence
	}
	return j, s.beforeDot(first, k, digit, opened, o)
}

// beforeDot decides a single '.' by the word before it: an abbreviation
// or initial does not end the sentence (or only before a sentence opener:
// the token at o, len(s.toks) when none).
func (s *splitter) beforeDot(first, k int, digit, opened bool, o int) bool {
	toks := s.toks
	w := k // the word the dot ends
	if toks[k].Flags&news.Dot == 0 {
		if k == first || !s.attached(k) || toks[k-1].Kind == news.Punct {
			return true
		}
		w = k - 1
		if toks[w].Kind == news.Number {
			// "1." alone at the start of a sentence is a list marker.
			n := s.text[toks[w].Start:toks[w].End]
			return !(w == first && len(n) <= 3 && allDigits(n))
		}
	}
	word := s.text[toks[w].Start:toks[w].End]
	// Parts joined by dots make one word: "H.J.Res.", "will.i.am.".
	for a := w; a > first && s.attached(a); {
		p := a - 1 // a word with its dot ("H.J.") or a dot after one
		if s.mark(p) == '.' && p > first && s.attached(p) {
			p--
		} else if toks[p].Flags&news.Dot == 0 {
			break
		}
		if toks[p].Kind != news.Word {
			break
		}
		word = s.text[toks[p].Start:toks[w].End]
		a = p
	}
	if toks[w].Flags&news.Poss != 0 {
		return true // "B's." is a possessive, not an initial
	}
	if !asciiWord(word) {
		return true // digits or other letters: an ordinary word
	}
	if w == first && len(word) == 1 && (w == 0 || toks[w].Flags&news.Line != 0) {
		return false // "a." list marker
	}
	switch s.classify(word, lexicon.Class(toks[w].Lex)) {
	case title:
		return false
	case numbered:
		return !digit
	case month, initial:
		if digit {
			return false
		}
		return opened || o < len(toks) && s.starter(toks[o])
	}
	return true
}

// starter reports whether t is a word that typically opens a sentence
// ("The", "He", "But"), or such a word with a contraction ("They're").
func (s *splitter) starter(t news.Token) bool {
	w := s.text[t.Start:t.End]
	if t.Flags&news.Joined != 0 {
		if i := strings.IndexAny(w, "'’"); i > 0 {
			w = w[:i]
			return asciiWord(w) && s.lx.Is(w, lexicon.SentenceStarter)
		}
	}
	return asciiWord(w) && lexicon.Class(t.Lex)&lexicon.SentenceStarter != 0
}

// gluedStart reports whether the single dot that ends token k joins two
// sentences without a space, as scraped text often does: "home.The".
func (s *splitter) gluedStart(k int) bool {
	t := s.text
	e := int(s.toks[k].Ext) // just after the dot
	i := e - 1
	if i < 2 || e+1 >= len(t) {
		return false
	}
	a, b := t[i-2], t[i-1]
	c, d := t[e], t[e+1]
	return 'a' <= a && a <= 'z' && 'a' <= b && b <= 'z' && 'A' <= c && c <= 'Z' && 'a' <= d && d <= 'z'
}

// asciiWord reports whether w is ASCII letters and inner dots.
func asciiWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '.') {
			return false
		}
	}
	return w != ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

type kind uint8

const (
	ordinary kind = iota
	title         // never ends a sentence: Mr. Dr. Sen. vs.
	numbered      // does not end one before a number: No. Art.
	month         // like numbered; otherwise like initial
	initial       // ends one only before a sentence opener: U.S. W. Inc.
)

// classify returns the kind of the word before a '.', given without it,
// with its lexicon classes.
func (s *splitter) classify(w string, c lexicon.Class) kind {
	if len(w) > 8 {
		return ordinary
	}
	capital := 'A' <= w[0] && w[0] <= 'Z'
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			return initial // U.S, a.m, D.C, e.g
		}
	}
	if len(w) == 1 {
		switch {
		case w == "v":
			return title // Roe v. Wade
		case capital:
			return initial
		}
		return ordinary
	}
	if c&lexicon.MonthAbbr != 0 {
		if capital {
			return month
		}
		return ordinary
	}
	if c&lexicon.Abbreviation == 0 {
		return ordinary
	}
	switch s.lx.AbbreviationKind(w) {
	case "title":
		if capital {
			return title
		}
	case "title-any":
		return title
	case "numbered":
		return numbered
	case "initial":
		return initial
	}
	return ordinary
}

// SplitText tokenizes text with the default lexicon and splits it: for
// tests and tools that start from a bare text. The pipeline tokenizes once
// and calls Split.
func SplitText(text string) []news.Span {
	lx := lexicon.Default()
	return Split(text, token.Tokenize(nil, text, lx), lx)
}
