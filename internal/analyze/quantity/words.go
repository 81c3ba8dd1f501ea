package quantity

import (
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// The scanner reads the article's token stream: the words before and after
// a number are tokens, found from a byte offset near the token being read.

// at returns the index of the first token that starts at or after pos.
// Offsets the scanner asks about are near the token it reads, so the
// search walks from there.
func (s *scanner) at(pos int) int {
	k := s.k
	for k > 0 && int(s.toks[k-1].Start) >= pos {
		k--
	}
	for k < len(s.toks) && int(s.toks[k].Start) < pos {
		k++
	}
	return k
}

// nextWord returns the word after pos when only spaces (no line break)
// separate them. Its end includes a possessive "'s" and the final dot of
// an acronym ("U.S.").
func (s *scanner) nextWord(pos int) (ws, we int, ok bool) {
	k := s.at(pos)
	if k == len(s.toks) || k > 0 && int(s.toks[k-1].Ext) > pos {
		return 0, 0, false // pos is inside a word
	}
	tk := s.toks[k]
	if tk.Kind == news.Punct || !s.spaces(pos, int(tk.Start)) {
		return 0, 0, false
	}
	switch {
	case tk.Flags&news.Poss != 0 && tk.Ext-tk.End > 1:
		return int(tk.Start), int(tk.Ext), true // Obama's
	case tk.Flags&(news.Dotted|news.Dot) == news.Dotted|news.Dot && isUpper(s.t[tk.End-1]):
		return int(tk.Start), int(tk.Ext), true // U.S., ex-U.S.
	}
	return int(tk.Start), int(tk.End), true
}

// prevWord returns the word that ends before pos when only spaces separate
// them, with a possessive or a final apostrophe or hyphen ("CBS'", "20k-"),
// and none when another mark or a dot stands between.
func (s *scanner) prevWord(pos int) (ws, we int, ok bool) {
	k := s.at(pos) - 1
	if k < 0 {
		return 0, 0, false
	}
	tk := s.toks[k]
	end := int(tk.Ext)
	if tk.Kind == news.Punct && k > 0 && s.toks[k-1].Kind != news.Punct && s.toks[k-1].Ext == tk.Start && s.toks[k-1].Flags&news.Dot == 0 {
		switch s.t[tk.Start:tk.End] {
		case "'", "-", "’":
			tk = s.toks[k-1] // the mark ends the word
		}
	}
	if tk.Kind == news.Punct || end > pos || tk.Flags&news.Dot != 0 || !s.spaces(end, pos) {
		return 0, 0, false
	}
	return int(tk.Start), end, true
}

// classAt returns the lexicon classes of the word that starts at pos;
// none for a possessive ("August's" is no month before "2.7 percent").
func (s *scanner) classAt(pos int) lexicon.Class {
	if k := s.at(pos); k < len(s.toks) && int(s.toks[k].Start) == pos {
		if tk := s.toks[k]; tk.Flags&news.Poss == 0 || tk.Ext-tk.End == 1 {
			return lexicon.Class(tk.Lex)
		}
	}
	return 0
}

// spaces reports whether t[i:j] is only spaces and tabs (ASCII, no-break,
// narrow no-break and thin spaces).
func (s *scanner) spaces(i, j int) bool {
	for i < j {
		n := isSpaceAt(s.t, i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// isSpaceAt reports the length of a space (ASCII or no-break) at t[i], or 0.
func isSpaceAt(t string, i int) int {
	switch {
	case t[i] == ' ' || t[i] == '\t':
		return 1
	case t[i] == 0xC2 && i+1 < len(t) && t[i+1] == 0xA0:
		return 2
	case t[i] == 0xE2 && i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0xAF || t[i+2] == 0x89): // narrow no-break, thin space
		return 3
	}
	return 0
}

// tokenEnd returns the end of the token at pos with the ones joined to it
// by "-", "/", ":", "." or "," and no space ("2011-10-21", "18:53",
// "9/11").
func (s *scanner) tokenEnd(pos int) int {
	k := s.at(pos)
	if k > 0 && int(s.toks[k-1].End) > pos {
		k-- // pos is inside the token
	}
	if k == len(s.toks) {
		return pos
	}
	end := int(s.toks[k].End)
	for k+2 < len(s.toks) {
		m, w := s.toks[k+1], s.toks[k+2]
		if int(m.Start) != end || m.Kind != news.Punct || w.Start != m.End || w.Kind == news.Punct || !isAlnum(s.t[w.Start]) {
			break
		}
		switch s.t[m.Start] {
		case '-', '/', ':', '.', ',':
			k += 2
			end = int(w.End)
			continue
		}
		break
	}
	return end
}

// opensSentence reports whether the word at off opens a sentence, a line
// or a quotation: only white space, opening quotes and brackets stand
// between it and the text's start, a line break, a terminator, a colon, a
// semicolon or a dash. A word part after a hyphen ("top-Ten") opens one too.
func (s *scanner) opensSentence(off int) bool {
	k := s.at(off)
	if k > 0 && int(s.toks[k-1].End) > off {
		return s.t[off-1] == '-' // inside a token
	}
	for ; ; k-- {
		if k < len(s.toks) && s.toks[k].Flags&news.Line != 0 || k == 0 {
			return true
		}
		p := s.toks[k-1]
		if p.Kind != news.Punct {
			return p.Ext > p.End && s.t[p.Ext-1] == '.' // "U.S. Five"
		}
		switch s.t[p.Start] {
		case '"', '\'', '(', '[':
			continue
		case '.', '!', '?', ':', ';', '-':
			return true
		case 0xE2:
			switch s.t[p.Start:p.End] {
			case "“", "‘", "—", "–":
				continue
			case "…":
				return true
			}
		}
		return false
	}
}

// atLineStart reports whether only spaces stand between the start of the
// line and the token at off.
func (s *scanner) atLineStart(off int) bool {
	k := s.at(off)
	return k == 0 || k < len(s.toks) && int(s.toks[k].Start) == off && s.toks[k].Flags&news.Line != 0
}
