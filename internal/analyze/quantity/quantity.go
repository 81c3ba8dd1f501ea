package quantity

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Find returns the quantities in text in order. toks are the tokens of
// text (token.Tokenize) and sents its sentence spans (used to inherit
// what a bare figure counts; nil is allowed). Every span lies on UTF-8
// boundaries and Text == text[Start:End].
func Find(text string, toks []news.Token, sents []news.Span) []news.Quantity {
	s := scanner{t: text, toks: toks}
	var out []news.Quantity
	next := 0 // where the last quantity, or the last figure refused, ended
	for k, tk := range toks {
		if tk.Kind == news.Punct || int(tk.Ext) <= next {
			continue
		}
		s.k = k
		if tk.Kind == news.Number && int(tk.Start) >= next {
			if !isDigit(text[tk.Start]) {
				continue // digits of another script
			}
			q, end, ok := s.digits(int(tk.Start))
			if ok {
				if out == nil {
					out = make([]news.Quantity, 0, 16)
				}
				out = append(out, q)
			}
			next = end
			continue
		}
		// A number word, or one after a hyphen or apostrophe in the word
		// ("twenty-five" is read at "twenty", "top-ten" at "ten").
		p, end := int(tk.Start), int(tk.Start)+1
		switch {
		case tk.Flags&news.Joined != 0:
			end = int(tk.End)
		case tk.Lex&uint64(cSpelled) == 0 || p < next:
			continue
		}
		for ; p < end; p = partAfter(text, p, end) {
			if p < next || !s.maybeSpelled(p) {
				continue
			}
			if q, e, ok := s.spelled(p, letterEnd(text, p)); ok {
				out = append(out, q)
				next = e
			}
		}
	}
	return inherit(text, out, sents)
}

// maybeSpelled reports whether the letters at p are a number word or a
// fraction standing alone: not followed by a letter or digit of another
// script or a digit ("seven7").
func (s *scanner) maybeSpelled(p int) bool {
	e := letterEnd(s.t, p)
	if e-p < 3 || e < len(s.t) && (isAlnum(s.t[e]) || s.t[e] >= utf8.RuneSelf) {
		return false
	}
	w := s.lower(s.t[p:e])
	return numberWords[string(w)].role != 0 || fractions[string(w)] != 0
}

// letterEnd returns the end of the ASCII letters at i.
func letterEnd(t string, i int) int {
	for i < len(t) && isLetter(t[i]) {
		i++
	}
	return i
}

// partAfter returns the start of the part of a word after the next inner
// hyphen or apostrophe at or after p, or end.
func partAfter(t string, p, end int) int {
	for p < end {
		switch c := t[p]; {
		case c == '-' || c == '\'':
			return p + 1
		case c == 0xE2 && p+2 < end && t[p+1] == 0x80 && (t[p+2] == 0x99 || t[p+2] == 0x90 || t[p+2] == 0x91):
			return p + 3
		}
		p++
	}
	return end
}

// inherit gives a figure with nothing counted after it what the nearest
// earlier figure of the same kind in the same or the previous sentence
// counts, then drops the bare small counts that are left ("won 3-1" aside,
// news writes small numbers as words; a lone "4" is a list item or a label).
func inherit(text string, out []news.Quantity, sents []news.Span) []news.Quantity {
	if len(out) == 0 {
		return out
	}
	// The first figure of a range takes the kind of the second: "20 to 25%",
	// "between 38 and 42 percentage points".
	for k := len(out) - 2; k >= 0; k-- {
		q, r := &out[k], out[k+1]
		if q.Kind != news.Count || q.Counts != "" || r.Start < q.End {
			continue
		}
		if rangeJoin(text[q.End:r.Start]) && (r.Kind != news.Count || r.Counts != "") {
			q.Kind, q.Unit, q.Counts = r.Kind, r.Unit, r.Counts
		}
	}
	// and the second that of the first: "ages 18 to 34".
	for k := 1; k < len(out); k++ {
		q, r := out[k-1], &out[k]
		if r.Kind == news.Count && r.Counts == "" && q.Kind != news.Count && q.End <= r.Start && rangeJoin(text[q.End:r.Start]) {
			r.Kind, r.Unit, r.Counts = q.Kind, q.Unit, q.Counts
		}
	}
	var sentBuf [64]int
	sent := sentBuf[:0]
	si := 0
	for _, q := range out {
		for si < len(sents) && sents[si].End <= q.Start {
			si++
		}
		sent = append(sent, si)
	}
	keep := out[:0]
	keptSent := sent[:0]
	for k, q := range out {
		shift := q.Qualifier.Shifted()
		if q.Counts == "" && (q.Kind == news.Count || shift && (q.Kind == news.Percent || q.Kind == news.Money)) {
			for j := len(keep) - 1; j >= 0; j-- {
				if keptSent[j] < sent[k]-1 {
					break
				}
				if keep[j].Kind == q.Kind && keep[j].Unit == q.Unit && keep[j].Counts != "" && keep[j].Counts != "age" {
					q.Counts = keep[j].Counts
					break
				}
			}
		}
		if q.Kind == news.Count && q.Counts == "" && q.Qualifier == news.Exact && q.Value < 10 {
			continue
		}
		keep = append(keep, q)
		keptSent = append(keptSent, sent[k])
	}
	return keep
}

// rangeJoin reports whether the text between two figures makes them a
// range.
func rangeJoin(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "to", "and", "or", "-", "–", "—":
		return true
	}
	return false
}

// scanner holds the text, its tokens and a buffer for lower-cased look-up
// keys.
type scanner struct {
	t    string
	toks []news.Token
	k    int // the token being read
	buf  [32]byte
}

// mention is a quantity being read.
type mention struct {
	start, end int // the bytes of the mention so far
	value      float64
	kind       news.QuantityKind
	unit       string
	qual       news.Qualifier // a qualifier read after the number ("or more")
	spelled    bool
	plain      bool // digits alone, without thousands separators or a decimal point
	suffix     int  // the length of a suffix attached to the digits ("bn" of "1.2bn")
	scaled     bool // a scale word or suffix multiplied the value
	year       bool // reads as a year unless context says otherwise
	age        ageForm
	fraction   string // the fraction a percentage was written as: "3/4"
	loose      bool   // a short noun phrase after it says what it is about ("10-year sentence")
}

// ageForm is how an age is written, which says where its owner is named.
type ageForm uint8

// The age forms.
const (
	noAge      ageForm = iota
	otherAge           // "older than 65", "at the age of 94", "she was 16": no owner read
	appositive         // "John Smith, 23,", "the victim (23)": the owner before
	aged               // "a woman aged 38", "John Smith, aged 23,": the owner before "aged"
	yearOld            // "a 23-year-old student", "45 years old": the owner after, or before "a"
)

// lower lower-cases an ASCII word into the scanner's buffer; words longer
// than the buffer give nil, which matches nothing. The result holds until
// the next call: compare it before lower-casing another word.
func (s *scanner) lower(w string) []byte {
	if len(w) > len(s.buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.buf[i] = c
	}
	return s.buf[:len(w)]
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// isPlural reports whether a lower-case word looks like a plural noun.
func isPlural(w []byte) bool {
	n := len(w)
	if n >= 5 && (hasSuffix(w, "men") && !hasSuffix(w, "imen") && !hasSuffix(w, "omen") || hasSuffix(w, "people") || hasSuffix(w, "children")) {
		return true // gunmen, servicemen, townspeople, grandchildren
	}
	if n < 3 || w[n-1] != 's' {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'i', '\'', '.':
		return false
	}
	return true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// scale multiplies v by f, keeping integral results exact when they can be.
func scale(v, f float64) float64 {
	r := v * f
	if x := math.Round(r); math.Abs(r-x) < 1e-9*math.Max(1, math.Abs(r)) {
		return x
	}
	return r
}
