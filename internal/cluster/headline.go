package cluster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
)

// markers is the lexicon list of the markers of headlines that are not
// news reports, "marker = kind".
const markers = "headline-markers"

// newsHeadline reports whether a headline, published by source, reads as a
// news report, the kind a story is titled with. It does not when:
//   - it is a question (it ends with "?");
//   - its first or last part, cut at ":", "|" or a dash, or a closing
//     "(…)", is a section label ("Opinion: …", "Opinion | …",
//     "… | Analysis") or a digest's name ("The Daily 202: …", "…: Live
//     updates"), or the outlet's name ends with a label ("X - Opinion",
//     "X Editorial");
//   - it speaks in the first person ("Why we…", "My…") outside a quote and
//     before any speaker ("Trump: I will…", "… I did, he says" are news).
//
// The labels, digests and pronouns are the list headline-markers.
func newsHeadline(title, source string) bool {
	lx := lexicon.Default()
	title = strings.TrimSpace(title)
	if strings.HasSuffix(title, "?") {
		return false
	}
	first, last := ends(title)
	if marked(lx, first, "label", "digest") || marked(lx, last, "label", "digest") {
		return false
	}
	if sourceLabelled(lx, source) {
		return false
	}
	return !firstPerson(lx, title)
}

// ends returns the first and last parts of a headline: the text before its
// first separator (":", "|", a dash) and after its last one, or inside a
// "(…)" or "[…]" that opens or closes it; both are the whole headline when
// it has none.
func ends(s string) (first, last string) {
	first, last = s, s
	for _, sep := range []string{":", "|", " - ", " -- ", "—", "–"} {
		if i := strings.Index(s, sep); i > 0 && i < len(first) {
			first = s[:i]
		}
		if i := strings.LastIndex(s, sep) + len(sep); i > len(sep) && i < len(s) && i > len(s)-len(last) {
			last = s[i:]
		}
	}
	if s != "" && (s[0] == '(' || s[0] == '[') {
		if i := strings.IndexAny(s, ")]"); i > 0 {
			first = s[1:i]
		}
	}
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]") {
		if i := strings.LastIndexAny(s, "(["); i >= 0 {
			last = s[i+1 : len(s)-1]
		}
	}
	return first, last
}

// marked reports whether the part s, trimmed and folded, is a marker of one
// of the kinds.
func marked(lx *lexicon.Lexicon, s string, kinds ...string) bool {
	s = strings.Join(strings.Fields(strings.ToLower(strings.Trim(s, " \t\"'“”‘’.,;!*#"))), " ")
	if s == "" {
		return false
	}
	k, ok := lx.Value(markers, s)
	if !ok {
		return false
	}
	for _, want := range kinds {
		if k == want {
			return true
		}
	}
	return false
}

// sourceLabelled reports whether an outlet's name ends with a section
// label: its last part after " - ", "|", ">", "/" or in "(…)", or its last
// word or two ("Fox News Opinion", "X Editorial Board").
func sourceLabelled(lx *lexicon.Lexicon, source string) bool {
	source = strings.TrimSpace(source)
	if source == "" {
		return false
	}
	if i := strings.LastIndexAny(source, "-|>/("); i >= 0 && marked(lx, strings.TrimSuffix(source[i+1:], ")"), "label") {
		return true
	}
	words := strings.Fields(source)
	n := len(words)
	return marked(lx, words[n-1], "label") || n > 2 && marked(lx, words[n-2]+" "+words[n-1], "label")
}

// firstPerson reports whether a headline speaks in the first person: a
// first-person pronoun outside quotes, before any colon (after one come a
// speaker's words) and after no reporting verb ("Trump said my…"), in a
// headline that does not end with one ("…, we think, experts say"). "I"
// after "War" or "Part", at the end or before a comma or colon is a
// numeral ("World War I:", "Debate Night I"), and a capitalised "Our"
// inside a headline in sentence case is part of a name ("the March for
// Our Lives").
func firstPerson(lx *lexicon.Lexicon, title string) bool {
	words := strings.Fields(title)
	if len(words) == 0 || lx.Is(strings.Trim(words[len(words)-1], ".,;!"), lexicon.ReportingVerb) {
		return false
	}
	sentenceCase := false
	for _, w := range words[1:] {
		w = strings.Trim(w, "\"“”‘’'.,;:!()")
		sentenceCase = sentenceCase || w != "" && !startsUpper(w) && unicode.IsLetter(firstRune(w)) && !lx.Has("title-lowercase-words", w)
	}
	quoted := false
	for i, w := range words {
		if strings.IndexAny(w, "\"“‘'") == 0 {
			quoted = true
		}
		core := strings.Trim(w, "\"“”‘’'.,;:!?()")
		if !quoted {
			switch {
			case lx.Is(core, lexicon.ReportingVerb):
				return false
			case pronoun(lx, core):
				numeral := core == "I" && i > 0 && (lx.Is(strings.Trim(words[i-1], ",;"), lexicon.EventHead|lexicon.IndexNoun) || w != "I" || i == len(words)-1)
				named := core != "I" && i > 0 && sentenceCase && startsUpper(core)
				if !numeral && !named {
					return true
				}
			case strings.HasSuffix(w, ":"):
				return false
			}
		}
		if end := strings.TrimRight(w, ".,;:!?"); len(end) > 1 && strings.ContainsRune("\"”’'", lastRune(end)) {
			quoted = false
		}
	}
	return false
}

// pronoun reports whether w is a first-person pronoun of the list.
func pronoun(lx *lexicon.Lexicon, w string) bool {
	k, ok := lx.Value(markers, strings.ReplaceAll(strings.ToLower(w), "’", "'"))
	return ok && k == "first-person"
}

func startsUpper(w string) bool { return unicode.IsUpper(firstRune(w)) }

func firstRune(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

func lastRune(w string) rune {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r
}
