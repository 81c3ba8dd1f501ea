package entity

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// tok is one word of the text as the recogniser sees it: a word of the
// token stream with the flags the recogniser reads.
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

// fromStream appends the words of the sentence text[lo:hi], number sent,
// to ts, from the article's token stream toks (the tokens of the sentence
// and after; the ones before lo are skipped). It returns ts and the index
// of the first token after the sentence. The context flags (fInitial,
// fClean, fParen) come from the marks and white space between the words.
func fromStream(ts []tok, text string, toks []news.Token, k, lo, hi int, sent int32) ([]tok, int) {
	for k < len(toks) && int(toks[k].Start) < lo {
		k++
	}
	first := len(ts)
	clean := false   // only spaces since the previous word
	opening := false // at the sentence start or just after an opening quote there
	paren := false
	for ; k < len(toks) && int(toks[k].Start) < hi; k++ {
		t := toks[k]
		if t.Flags&news.Space != 0 && int(t.Start) > lo {
			if t.Flags&(news.Line|news.Tab) != 0 {
				clean = false
			}
			paren = false
		}
		if t.Kind == news.Punct {
			opening, clean, paren = markContext(text, t, lo, len(ts) == first, opening, paren)
			continue
		}
		var flags uint16
		for _, m := range shapeFlags {
			if t.Flags&m.from != 0 {
				flags |= m.to
			}
		}
		if t.Kind == news.Number {
			flags |= fDigit
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
		opening, paren, clean = false, false, true
		cls := classOf(class(t.Lex), t.Flags&news.Lower != 0)
		end := t.Ext
		if flags&fDot != 0 && !nameDot(text, t, cls) {
			flags &^= fDot // "Calif." ends a word, not an initial
			end = t.End
		}
		ts = append(ts, tok{s: t.Start, e: t.End, end: end, sent: sent, flags: flags | fClass, cls: cls})
		if end < t.Ext {
			clean = false // the dot stands between this word and the next, as a mark would
		}
	}
	return ts, k
}

// nameDot reports whether the dot of token t belongs to a name's word: an
// initial (B., U.S.), a title (Mr., Sen.) or a dotted name word (St., Jr.,
// Inc.), not any abbreviation ("Calif.", "No.").
func nameDot(text string, t news.Token, cls class) bool {
	w := text[t.Start:t.End]
	return t.Flags&news.Dotted != 0 || utf8.RuneCountInString(w) == 1 || cls&cDotName != 0 || abbreviationKind(w) == "title"
}

// shapeFlags maps the stream's shape flags to the recogniser's.
var shapeFlags = []struct {
	from news.TokenFlags
	to   uint16
}{
	{news.Cap, fCap}, {news.AllCaps, fAllCaps}, {news.Lower, fLower}, {news.Digit, fDigit}, {news.Dot, fDot},
	{news.Poss, fPoss}, {news.Joined, fJoin}, {news.Particle, fParticle},
}

// markContext returns the context after the mark t: whether the next word
// opens the sentence or a quotation there, and whether "(" stands right
// before it. first says whether no word of the sentence came before.
func markContext(text string, t news.Token, lo int, first, opening, paren bool) (bool, bool, bool) {
	i := int(t.Start)
	// afterSpace: the mark stands at the sentence start or after a space or "(".
	afterSpace := i == lo || text[i-1] == ' ' || text[i-1] == '('
	letterNext := isLetterAt(text, int(t.End))
	switch text[i] {
	case '"', '\'', '[', '-':
		if first || text[i] == '"' && letterNext && afterSpace {
			opening = true
		}
	case '(':
		return opening || first, false, true
	case ':', ';':
		opening = true
	case 0xE2:
		if t.End-t.Start == 3 && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C, 0x98: // “ ‘
				if first || letterNext && afterSpace {
					opening = true
				}
			case 0x94, 0x93: // — –
				opening = opening || first
			}
		}
	}
	return opening, false, false
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
