package sentence

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// special marks the bytes the scanner has to look at; every other byte is
// skipped in the fast loop.
var special = [256]bool{'.': true, '!': true, '?': true, '\n': true, '\r': true, 0xE2: true}

// Split returns the sentences of text as byte spans, in order, without
// surrounding white space. Every non-space byte of text lies in exactly one
// span; spans never overlap and always start and end on UTF-8 boundaries.
func Split(text string) []news.Span {
	out := make([]news.Span, 0, len(text)/64+1)
	start := 0
	i := 0
	for i < len(text) {
		c := text[i]
		if !special[c] {
			i++
			continue
		}
		switch c {
		case '\n', '\r':
			out = emit(out, text, start, i)
			start = i + 1
			i++
		case 0xE2:
			if i+2 < len(text) && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0xA8, 0xA9: // line and paragraph separators
					out = emit(out, text, start, i)
					start = i + 3
					i += 3
					continue
				case 0xA6: // …
					end, ok := boundary(text, start, i)
					if ok {
						out = emit(out, text, start, end)
						start = end
					}
					i = max(end, i+3)
					continue
				}
			}
			i++
		default: // . ! ?
			end, ok := boundary(text, start, i)
			if ok {
				out = emit(out, text, start, end)
				start = end
			}
			i = max(end, i+1)
		}
	}
	return emit(out, text, start, len(text))
}

// emit appends text[start:end] trimmed of white space, when anything is left.
func emit(out []news.Span, text string, start, end int) []news.Span {
	for start < end {
		n := spaceAt(text, start)
		if n == 0 {
			break
		}
		start += n
	}
	for end > start {
		n := spaceBefore(text, end)
		if n == 0 {
			break
		}
		end -= n
	}
	if start < end {
		out = append(out, news.Span{Start: start, End: end})
	}
	return out
}

// spaceAt returns the byte length of the white-space rune at text[i], or 0.
func spaceAt(text string, i int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			return 1
		}
		return 0
	}
	if c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF && c != 0xE1 {
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if r != utf8.RuneError && isSpaceRune(r) {
		return n
	}
	return 0
}

// spaceBefore returns the byte length of the white-space rune ending at
// text[:i], or 0.
func spaceBefore(text string, i int) int {
	c := text[i-1]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeLastRuneInString(text[:i])
	if r != utf8.RuneError && isSpaceRune(r) {
		return n
	}
	return 0
}

func isSpaceRune(r rune) bool {
	return r == 0xFEFF || r == 0x200B || unicode.IsSpace(r)
}

// closerAt returns the byte length of a closing quotation mark or bracket at
// text[i], or 0.
func closerAt(text string, i int) int {
	switch text[i] {
	case '"', '\'', ')', ']':
		return 1
	case 0xE2: // ” ’ ›
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x9D || text[i+2] == 0x99 || text[i+2] == 0xBA) {
			return 3
		}
	case 0xC2: // »
		if i+1 < len(text) && text[i+1] == 0xBB {
			return 2
		}
	}
	return 0
}

// openerAt returns the byte length of an opening quotation mark or bracket
// at text[i], or 0.
func openerAt(text string, i int) int {
	switch text[i] {
	case '"', '\'', '(', '[':
		return 1
	case 0xE2: // “ ‘ ‹
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x9C || text[i+2] == 0x98 || text[i+2] == 0xB9) {
			return 3
		}
	case 0xC2: // «
		if i+1 < len(text) && text[i+1] == 0xAB {
			return 2
		}
	}
	return 0
}

// boundary decides whether the terminator at text[i] ends the sentence that
// began at start. It returns the end of the terminator run with its closing
// marks, and whether that is a sentence boundary.
func boundary(text string, start, i int) (int, bool) {
	j := i
	dots, strong := 0, false
	for j < len(text) {
		switch c := text[j]; {
		case c == '.':
			dots++
			j++
			continue
		case c == '!' || c == '?':
			strong = true
			j++
			continue
		case c == 0xE2 && j+2 < len(text) && text[j+1] == 0x80 && text[j+2] == 0xA6:
			strong = true // an ellipsis behaves like '!' and '?'
			j += 3
			continue
		}
		break
	}
	if dots > 1 {
		strong = true
	}
	if j == len(text) {
		return j, true
	}
	if dots == 1 && !strong && gluedStart(text, i, j) {
		return j, true
	}
	for j < len(text) {
		n := closerAt(text, j)
		if n == 0 {
			break
		}
		j += n
	}
	end := j
	if end == len(text) {
		return end, true
	}
	// White space must follow.
	k := end
	sawSpace := false
	for k < len(text) {
		if text[k] == '\n' || text[k] == '\r' {
			return end, true
		}
		n := spaceAt(text, k)
		if n == 0 {
			break
		}
		sawSpace = true
		k += n
	}
	if !sawSpace {
		return end, false
	}
	if k == len(text) {
		return end, true
	}
	opened := false
	for k < len(text) {
		n := openerAt(text, k)
		if n == 0 {
			break
		}
		opened = true
		k += n
	}
	if k == len(text) {
		return end, true
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	if unicode.IsLower(r) {
		return end, false
	}
	if strong {
		return end, true
	}
	digit := '0' <= r && r <= '9'
	// A single '.': look at the word before it.
	ws := i
	for ws > start {
		c := text[ws-1]
		if u := c &^ 0x20; 'A' <= u && u <= 'Z' || c == '.' {
			ws--
			continue
		}
		break
	}
	word := text[ws:i]
	if word == "" {
		// "1." alone at the start of a sentence is a list marker.
		s := start
		for s < i && spaceAt(text, s) > 0 {
			s += spaceAt(text, s)
		}
		if i-s <= 3 && allDigits(text[s:i]) {
			return end, false
		}
		return end, true
	}
	if ws > start {
		// The word runs on with non-ASCII letters or digits: an ordinary word.
		pr, _ := utf8.DecodeLastRuneInString(text[:ws])
		if unicode.IsLetter(pr) || unicode.IsDigit(pr) || pr == '\'' || pr == '’' || pr == '-' {
			return end, true
		}
	}
	if i-start == 1 && len(word) == 1 {
		return end, false // "a." list marker
	}
	switch classify(word) {
	case title:
		return end, false
	case numbered:
		return end, !digit
	case month:
		if digit {
			return end, false
		}
		return end, opened || starter(text, k)
	case initial:
		if digit {
			return end, false
		}
		return end, opened || starter(text, k)
	}
	return end, true
}

// gluedStart reports whether the '.' at text[i] (ending at j) joins two
// sentences without a space, as scraped text often does: "home.The".
func gluedStart(text string, i, j int) bool {
	if i < 2 || j+1 >= len(text) {
		return false
	}
	a, b := text[i-2], text[i-1]
	c, d := text[j], text[j+1]
	return 'a' <= a && a <= 'z' && 'a' <= b && b <= 'z' && 'A' <= c && c <= 'Z' && 'a' <= d && d <= 'z'
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

// classify returns the kind of the word before a '.', given without it.
func classify(w string) kind {
	if len(w) > 8 {
		return ordinary
	}
	var buf [8]byte
	inner := false
	capital := 'A' <= w[0] && w[0] <= 'Z'
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == '.' {
			inner = true
		}
		buf[i] = c | 0x20
	}
	if inner {
		return initial // U.S, a.m, D.C, e.g
	}
	if len(w) == 1 {
		if w == "v" {
			return title // Roe v. Wade
		}
		if capital {
			return initial
		}
		return ordinary
	}
	k, needCap := abbrevKind(string(buf[:len(w)]))
	if needCap && !capital {
		return ordinary
	}
	return k
}

// abbrevKind returns the kind of a lower-case abbreviation without its dot,
// and whether it only counts when written with a capital letter. A switch
// compiles to a length-and-binary search, faster here than a map.
func abbrevKind(w string) (kind, bool) {
	switch w {
	case "mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "dr", "drs", "prof", "sen", "sens",
		"rep", "reps", "gov", "govs", "gen", "lt", "col", "maj", "capt", "cmdr", "cmdt", "adm", "sgt",
		"cpl", "pvt", "spc", "rev", "hon", "pres", "supt", "insp", "det", "amb", "atty", "brig", "fr",
		"mt", "ft", "msgr", "lieut", "comdr", "gens", "sec", "secy", "treas", "asst", "assoc":
		return title, true
	case "vs", "cf", "viz":
		return title, false
	case "no", "nos", "art", "vol", "vols", "pp", "fig", "figs", "ch", "chap", "para", "sect", "op", "ed":
		return numbered, false
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return month, true
	case "jr", "sr", "etc", "inc", "ltd", "corp", "co", "bros", "plc", "llc", "st", "ave", "blvd", "rd",
		"approx", "est", "dept", "univ", "intl", "natl", "govt", "mfg", "ca", "al",
		"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
		"ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
		"penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ida":
		return initial, false
	}
	return ordinary, false
}

// starter reports whether the word at text[k] is one that typically opens
// a sentence ("The", "He", "But"), so that an initialism before it ends one.
func starter(text string, k int) bool {
	e := k
	for e < len(text) && e-k < 12 {
		c := text[e]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			e++
			continue
		}
		break
	}
	if e == k || e-k >= 12 || e < len(text) && text[e] >= utf8.RuneSelf {
		return false
	}
	var buf [12]byte
	for i := k; i < e; i++ {
		buf[i-k] = text[i] | 0x20
	}
	switch string(buf[:e-k]) {
	case "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and",
		"or", "so", "yet", "in", "on", "at", "this", "that", "these", "those", "there", "his", "her",
		"their", "its", "our", "my", "as", "after", "before", "when", "while", "if", "some", "many",
		"most", "both", "for", "meanwhile", "however", "still", "also", "since", "although", "though",
		"then", "now", "what", "who", "why", "how", "where", "is", "are", "was", "were", "do", "does",
		"did", "not", "no", "yes", "all", "each", "every", "one", "officials", "critics", "mr", "mrs",
		"ms", "dr", "with", "by", "from", "to", "under", "during", "among", "according", "instead",
		"even", "only", "last", "next", "other", "another", "such", "more", "earlier", "later":
		return true
	}
	return false
}
