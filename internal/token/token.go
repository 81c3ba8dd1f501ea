package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one word of a text: a run of letters and digits, with inner
// apostrophes, hyphens and dots-between-digits kept ("don't", "al-Maliki",
// "4,408", "3.5").
type Word struct {
	Start, End int // byte offsets
}

// Text returns the word's text in s.
func (w Word) Text(s string) string { return s[w.Start:w.End] }

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joiner reports whether r joins two word parts when it stands between them:
// apostrophes and hyphens between letters, "," and "." between digits.
func joiner(r rune, prevDigit, nextDigit bool) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑':
		return true
	case ',', '.':
		return prevDigit && nextDigit
	}
	return false
}

// wordByte classifies ASCII bytes: 1 letter, 2 digit, 0 neither.
var wordByte = func() (t [128]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	return t
}()

// next decodes the rune at s[i], with a fast path for ASCII, and says
// whether it belongs in a word and is a digit.
func next(s string, i int) (r rune, n int, word, digit bool) {
	if c := s[i]; c < utf8.RuneSelf {
		k := wordByte[c]
		return rune(c), 1, k != 0, k == 2
	}
	r, n = utf8.DecodeRuneInString(s[i:])
	return r, n, isWordRune(r), unicode.IsDigit(r)
}

// Each calls fn for every word of s in order.
func Each(s string, fn func(w Word)) {
	i := 0
	for i < len(s) {
		// Skip ASCII non-word bytes quickly.
		for i < len(s) && s[i] < utf8.RuneSelf && wordByte[s[i]] == 0 {
			i++
		}
		if i >= len(s) {
			return
		}
		_, n, word, digit := next(s, i)
		if !word {
			i += n
			continue
		}
		start := i
		prevDigit := digit
		i += n
		for i < len(s) {
			// Run over ASCII letters and digits quickly.
			for i < len(s) && s[i] < utf8.RuneSelf && wordByte[s[i]] != 0 {
				prevDigit = wordByte[s[i]] == 2
				i++
			}
			if i >= len(s) {
				break
			}
			r, n, word, digit := next(s, i)
			if word {
				prevDigit = digit
				i += n
				continue
			}
			if i+n < len(s) {
				_, _, word2, digit2 := next(s, i+n)
				if word2 && joiner(r, prevDigit, digit2) {
					i += n
					continue
				}
			}
			break
		}
		fn(Word{start, i})
	}
}

// Words returns the words of s.
func Words(s string) []Word {
	var ws []Word
	Each(s, func(w Word) { ws = append(ws, w) })
	return ws
}

// Fold returns the matching key of a word: lower case, curly apostrophes
// straightened, a final possessive "'s" removed.
func Fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			ascii = false
			break
		}
	}
	if !ascii {
		w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	}
	if len(w) >= 5 && strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	}
	return w
}

// IsStop reports whether a folded word is an English function word that
// carries no topic. It runs for every word of every article, so the list
// is bucketed by length and first letter: a few string compares, no
// hashing.
func IsStop(folded string) bool {
	n := len(folded)
	if n == 0 || n > maxStop {
		return false
	}
	c := folded[0] - 'a'
	if c >= 26 {
		return false
	}
	for _, w := range stopwords[n][c] {
		if w == folded {
			return true
		}
	}
	return false
}

// maxStop is the length of the longest stopword.
const maxStop = 10

var stopwords = func() (t [maxStop + 1][26][]string) {
	for _, w := range strings.Fields(stopList) {
		t[len(w)][w[0]-'a'] = append(t[len(w)][w[0]-'a'], w)
	}
	return t
}()

const stopList = `a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's
me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own
same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under until
up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while
who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself
yourselves said says say will just one two new like get got also may might must shall us mr mrs ms dr`
