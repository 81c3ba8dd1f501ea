package token

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
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

// IsStop reports whether a folded word (Fold: lower case) is a stopword of
// term matching: a function word or a topicless word of the embedded
// lexicon (lexicon.Stop: function-words.txt and topicless-words.txt).
// Words with a capital are not folded and never stopwords.
func IsStop(folded string) bool {
	if folded == "" || 'A' <= folded[0] && folded[0] <= 'Z' {
		return false
	}
	return lexicon.Default().Lookup(folded)&lexicon.Stop != 0
}
