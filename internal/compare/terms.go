package compare

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/token"
)

// term is one content term of a text: a stemmed, synonym-normalised word,
// an acronym or a number ("#4408").
type term struct {
	key     string
	start   int  // byte offset of the word (or first word of a phrase)
	end     int  // byte offset after it
	negated bool // governed by a negation or a failure cue
	intense bool // right after an intensifier: "full agreement"
	anchor  bool // a number or a capitalised name: weighs more
	number  bool
}

// terms returns the content terms of text in order. Function words are
// dropped; "US"/"U.S." keep their meaning as a country; phrasal verbs ("pull
// out", "broke down") become one term; each term is marked negated when a
// negation cue ("not", "no", "unable to", "failed to", "without") stands
// shortly before it or a failure cue ("broke down", "collapsed") shortly
// after it.
func terms(text string, out []term) []term {
	out = out[:0]
	ws := token.Words(text)
	negNext := false // the next content term is negated
	intenseAt := -1  // word index of the last intensifier
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		raw := text[w.Start:w.End]
		// A clause boundary ends a negation's reach.
		if i > 0 && clauseBreak(text[ws[i-1].End:w.Start]) {
			negNext = false
		}
		// Acronyms written with dots: "U.S.", "U.N.".
		if len(raw) == 1 && isUpperASCII(raw[0]) && w.End < len(text) && text[w.End] == '.' {
			j := i
			var b strings.Builder
			for j < len(ws) && ws[j].End-ws[j].Start == 1 && isUpperASCII(text[ws[j].Start]) &&
				ws[j].End < len(text) && text[ws[j].End] == '.' && (j == i || ws[j].Start == ws[j-1].End+1) {
				b.WriteByte(text[ws[j].Start] | 0x20)
				j++
			}
			if j-i >= 2 {
				key := normalise(b.String())
				out = append(out, term{key: key, start: w.Start, end: ws[j-1].End + 1, anchor: true, negated: negNext})
				negNext = false
				i = j - 1
				continue
			}
		}
		folded := strings.ToLower(token.Fold(raw))
		if intensifier[folded] {
			intenseAt = i
		}
		if isNegator(folded) || isFailure(folded) {
			negNext = true
			continue
		}
		// A failure cue after a term negates the term just before it.
		if fc := failureCue(text, ws, i); fc > 0 {
			if k := len(out) - 1; k >= 0 && !out[k].number {
				out[k].negated = true
			}
			i += fc - 1
			continue
		}
		if hasDigit(raw) {
			if v, ok := parseNumber(raw); ok {
				out = append(out, term{key: "#" + strconv.FormatFloat(v, 'f', -1, 64), start: w.Start, end: w.End, anchor: true, number: true})
			}
			continue
		}
		if utf8.RuneCountInString(raw) == 1 {
			continue // an initial or a stray letter says nothing
		}
		upper := isAllUpper(raw)
		if !upper || len(raw) < 2 {
			if token.IsStop(folded) || isDiscourse(folded) {
				continue
			}
		}
		// Phrasal verbs: "pulled out", "broke down".
		if i+1 < len(ws) && ws[i+1].Start-w.End <= 1 {
			next := strings.ToLower(text[ws[i+1].Start:ws[i+1].End])
			if key, ok := phrasal[stem(folded)+" "+next]; ok {
				out = append(out, term{key: key, start: w.Start, end: ws[i+1].End, negated: negNext})
				negNext = false
				i++
				continue
			}
		}
		// Hyphenated compounds ("US-Iraqi", "end-of-year") count as their parts.
		if strings.ContainsAny(raw, "-‐‑") && !strings.HasPrefix(folded, "al-") && !strings.HasPrefix(folded, "el-") {
			parts := strings.FieldsFunc(raw, func(r rune) bool { return r == '-' || r == '‐' || r == '‑' })
			off := w.Start
			for _, p := range parts {
				ps := strings.Index(text[off:w.End], p) + off
				pf := strings.ToLower(p)
				pu := isAllUpper(p) && len(p) >= 2
				if !pu && token.IsStop(pf) {
					off = ps + len(p)
					continue
				}
				out = append(out, term{key: wordKey(p, pf, pu), start: ps, end: ps + len(p), anchor: isCapital(p), negated: negNext})
				negNext = false
				off = ps + len(p)
			}
			continue
		}
		out = append(out, term{key: wordKey(raw, folded, upper && len(raw) >= 2), start: w.Start, end: w.End,
			anchor: isCapital(raw) && i > 0, negated: negNext, intense: intenseAt == i-1 && !intensifier[folded]})
		negNext = false
	}
	return out
}

// lex holds the word lists: the stopwords (through token), the
// discourse words, the synonym groups, titles and given-name variants.
var lex = lexicon.Default()

// isDiscourse reports whether a folded word is a connective, hedge or
// vague noun that the shared stop list keeps but that says nothing about
// what happened (lexicon discourse-words.txt).
func isDiscourse(folded string) bool { return lex.Has("discourse-words", folded) }

// intensifier are the words that make a claim absolute.
var intensifier = map[string]bool{
	"full": true, "fully": true, "complete": true, "completely": true, "total": true, "totally": true,
	"entire": true, "entirely": true, "absolute": true, "absolutely": true, "unanimous": true, "unanimously": true,
}

// wordKey is the matching key of one word.
func wordKey(raw, folded string, acronym bool) string {
	if acronym {
		return normalise(folded)
	}
	s := stem(folded)
	if isCapital(raw) {
		s = demonym(s)
	}
	return normalise(s)
}

// normalise maps a stem to its synonym group's key.
func normalise(s string) string {
	if k, ok := synonyms[s]; ok {
		return k
	}
	return s
}

func clauseBreak(gap string) bool {
	return strings.ContainsAny(gap, ".;:!?—–") || strings.Contains(gap, ", but") || strings.Contains(gap, "\n")
}

func isNegator(f string) bool {
	switch f {
	case "not", "no", "never", "without", "neither", "nor", "cannot", "none", "nobody", "nothing":
		return true
	}
	return strings.HasSuffix(f, "n't")
}

// isFailure reports whether a word says that what follows did not happen:
// "unable to agree", "refused to accept".
func isFailure(f string) bool {
	switch f {
	case "unable", "failed", "fail", "fails", "failing", "refused", "refuses", "refuse", "declined", "lack", "lacked", "lacks":
		return true
	}
	return false
}

// failureCue reports how many words at ws[i:] form a cue that says the
// preceding thing failed ("broke down", "collapsed"), or 0.
func failureCue(text string, ws []token.Word, i int) int {
	f := strings.ToLower(text[ws[i].Start:ws[i].End])
	switch f {
	case "collapsed", "collapses", "stalled", "faltered", "foundered":
		return 1
	case "broke", "break", "breaks", "broken":
		if i+1 < len(ws) && strings.EqualFold(text[ws[i+1].Start:ws[i+1].End], "down") {
			return 2
		}
	}
	return 0
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

func isCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// parseNumber reads "4,408", "3.5" or "39000" (thousands commas allowed).
func parseNumber(s string) (float64, bool) {
	if len(s) > 24 {
		return 0, false
	}
	clean := strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// stem is a light English suffix stripper: plurals, -ing, -ed, -ly, -ment
// and a final e, with doubled consonants undoubled, plus a few irregular
// verbs common in news. It only needs to conflate inflections of one word
// consistently, not to produce dictionary forms.
func stem(w string) string {
	if s, ok := irregular[w]; ok {
		return s
	}
	n := len(w)
	if n <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "ied") && n > 4:
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "'s"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case strings.HasSuffix(w, "ing") && n >= 6 && hasVowel(w[:n-3]):
		w = undouble(w[:n-3])
	case strings.HasSuffix(w, "ed") && n >= 5 && hasVowel(w[:n-2]):
		w = undouble(w[:n-2])
	case strings.HasSuffix(w, "ly") && n >= 6:
		w = w[:n-2]
	}
	n = len(w)
	if strings.HasSuffix(w, "ment") && n >= 8 {
		w = w[:n-4]
		n = len(w)
	}
	for len(w) >= 4 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1]
	}
	return w
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouls", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}

// demonym maps a capitalised people-word to its country when the rule is
// regular: "iraqi" → "iraq", "syrian" → "syria".
func demonym(s string) string {
	n := len(s)
	switch {
	case n >= 5 && s[n-1] == 'i' && !strings.ContainsRune("aeiou", rune(s[n-2])):
		return s[:n-1]
	case n >= 6 && strings.HasSuffix(s, "ian"):
		return s[:n-1]
	}
	return s
}

var irregular = map[string]string{
	"children": "child", "men": "man", "women": "woman", "people": "people", "died": "die", "dies": "die",
	"dying": "die", "dead": "die", "told": "tell", "held": "hold", "broke": "break", "withdrawn": "withdraw",
	"withdrew": "withdraw", "left": "left", "won": "win", "lost": "lose", "fell": "fall", "fallen": "fall",
	"rose": "rise", "risen": "rise", "began": "begin", "begun": "begin", "took": "take", "taken": "take",
	"gave": "give", "given": "give", "made": "make", "met": "meet", "sent": "send", "sought": "seek",
	"brought": "bring", "thought": "think", "went": "go", "gone": "go", "came": "come", "chose": "choose",
	"chosen": "choose", "struck": "strike", "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write",
	"led": "lead", "paid": "pay", "sold": "sell", "bought": "buy", "kept": "keep", "ran": "run", "shot": "shoot",
	"fought": "fight", "forces": "force", "news": "news", "series": "series", "species": "species",
}

// phrasal maps "stem particle" to a term key.
var phrasal = map[string]string{
	"pull out": "withdraw", "pull back": "withdraw", "step down": "resign", "call off": "cancel",
	"shut down": "close", "carry out": "conduct", "set up": "establish", "take over": "seize",
	"back down": "retreat", "turn down": "reject", "sign up": "join", "speak out": "criticise",
	"step up": "increase", "scale back": "reduce", "cut back": "reduce", "wind down": "withdraw",
	"hand over": "transfer", "rule out": "reject", "go ahead": "proceed", "pass away": "die",
}

// synonyms maps a word and its stem to its synonym group's key, the first
// word of the group (lexicon synonyms.txt). Groups are matched word by
// word, so their phrases ("united nations") are left out.
var synonyms = func() map[string]string {
	m := map[string]string{}
	for _, g := range lex.SynonymGroups() {
		for _, w := range g {
			if strings.Contains(w, " ") {
				continue
			}
			m[stem(w)] = g[0]
			m[w] = g[0]
		}
	}
	return m
}()
