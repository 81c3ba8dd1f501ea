package quantity

import (
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// tally reads a vote tally that starts with the number m: two whole
// numbers joined by a hyphen, an en dash or "to" ("97-1", "348–77", "52 to
// 48") with a tally word (tally-words.txt) among the four words before
// them or right after ("voted 97-1", "by a vote of 52 to 48", "a 5-4
// ruling"). Without one they stay what they were: a range ("10-12
// people", "20 to 25 people") or a score. It returns the tally and where
// it ends.
func (s *scanner) tally(m *mention) (news.Quantity, int, bool) {
	t := s.t
	j := m.end
	if !m.plain && m.value != float64(int64(m.value)) || m.year || m.kind != news.Count {
		return news.Quantity{}, 0, false
	}
	k := -1 // where the second number starts
	switch {
	case j+1 < len(t) && t[j] == '-' && isDigit(t[j+1]):
		k = j + 1
	case strings.HasPrefix(t[j:], "–") && j+3 < len(t) && isDigit(t[j+3]):
		k = j + 3
	default:
		if ws, we, ok := s.nextWord(j); ok && lowerIs(t[ws:we], "to") {
			if ns, _, ok := s.nextWord(we); ok && isDigit(t[ns]) {
				k = ns
			}
		}
	}
	if k < 0 {
		return news.Quantity{}, 0, false
	}
	against, e, ok := wholeNumber(t, k)
	if !ok || e < len(t) && (isAlnum(t[e]) || t[e] == '%' || strings.ContainsRune("-–/:.,", rune(t[e])) && e+1 < len(t) && isDigit(t[e+1])) {
		return news.Quantity{}, 0, false // "2011-10-21", "10-12pm", "20-25%"
	}
	after := false
	if ws, we, ok := s.nextWord(e); ok {
		w := s.lower(t[ws:we])
		switch {
		case lex.Has("tally-words", string(w)):
			after = true
		case string(w) == "percent" || string(w) == "per" || scaleWords[string(w)] != 0 ||
			s.classAt(ws)&(lexicon.DurationUnit|lexicon.MeasureUnit|lexicon.CurrencyWord) != 0:
			return news.Quantity{}, 0, false // "52 to 48 percent", "10-12 years"
		}
	}
	if !after && !s.tallyWordBefore(m.start) {
		return news.Quantity{}, 0, false
	}
	return news.Quantity{
		Value:   m.value,
		Against: against,
		Counts:  "votes",
		Kind:    news.Tally,
		Text:    t[m.start:e],
		Span:    news.Span{Start: m.start, End: e},
	}, e, true
}

// tallyWordBefore reports whether a tally word is one of the four words
// before pos, with no punctuation between.
func (s *scanner) tallyWordBefore(pos int) bool {
	for n := 0; n < 4; n++ {
		ws, we, ok := s.prevWord(pos)
		if !ok {
			return false
		}
		if lex.Has("tally-words", string(s.lower(s.t[ws:we]))) {
			return true
		}
		pos = ws
	}
	return false
}

// wholeNumber reads the digits at k, with thousands separators, as a
// whole number ("77", "1,024"; not "05" or "3.5"), and where it ends.
func wholeNumber(t string, k int) (float64, int, bool) {
	if t[k] == '0' && k+1 < len(t) && isDigit(t[k+1]) {
		return 0, k, false
	}
	v, j := 0.0, k
	for j < len(t) && j-k < 15 {
		switch {
		case isDigit(t[j]):
			v = v*10 + float64(t[j]-'0')
		case t[j] == ',' && threeDigits(t, j+1):
		default:
			return v, j, j > k
		}
		j++
	}
	return v, j, j > k
}
