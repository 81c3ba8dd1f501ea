// Package quantity finds numbers in article text with what they count
// (analysis stage 4): "more than 4,400 soldiers" is Value 4400, Qualifier
// "more than", Counts "soldiers". Years, dates, times, ordinals and numbers
// that are part of a name ("Apollo 11", "G20") are not quantities.
//
// It is a hand-written scanner over the shared word tokenizer: it runs on
// every article, and a regexp-based or library date/number parser would cost
// several times the stage's budget.
package quantity

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// Find returns the quantities in text in order. sents are the sentence spans
// of text; a quantity with no counted noun after it ("down from a peak of
// 165,000 in 2008") inherits what the nearest earlier quantity of the same or
// the previous sentence counts.
func Find(text string, sents []news.Span) []news.Quantity {
	words := make([]token.Word, 0, len(text)/5+1)
	token.Each(text, func(w token.Word) { words = append(words, w) })
	var out []news.Quantity
	var outSent []int
	si := 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		for si < len(sents) && sents[si].End <= w.Start {
			si++
		}
		if !candidate(w.Text(text)) {
			continue
		}
		q, next, ok := parseAt(text, words, i)
		if !ok {
			continue
		}
		if q.Counts == "" && q.Kind == news.Count {
			// Inherit from the nearest earlier quantity in this or the previous sentence.
			for k := len(out) - 1; k >= 0; k-- {
				if outSent[k] < si-1 {
					break
				}
				if out[k].Counts != "" && out[k].Kind == news.Count {
					q.Counts = out[k].Counts
					break
				}
			}
		}
		out = append(out, q)
		outSent = append(outSent, si)
		i = next - 1
	}
	return out
}

// numberWords are the spelled-out numbers read as quantities (only when a
// counted noun follows them).
var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "thousand": 1000, "dozen": 12,
}

// scales multiply the number before them.
var scales = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "millions": 1e6, "billions": 1e9,
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// qualifiers, as the words just before the number; longer phrases first.
var qualifiers = []struct{ phrase, norm string }{
	{"a peak of", "peak of"}, {"peak of", "peak of"}, {"peaked at", "peak of"}, {"a high of", "peak of"}, {"a record", "peak of"},
	{"down from", "down from"}, {"up from", "up from"},
	{"more than", "more than"}, {"in excess of", "more than"}, {"upwards of", "more than"}, {"over", "more than"}, {"above", "more than"},
	{"fewer than", "less than"}, {"less than", "less than"}, {"under", "less than"}, {"below", "less than"},
	{"close to", "nearly"}, {"just under", "nearly"}, {"nearly", "nearly"}, {"almost", "nearly"},
	{"at least", "at least"}, {"no fewer than", "at least"}, {"a minimum of", "at least"},
	{"up to", "up to"}, {"as many as", "up to"}, {"as much as", "up to"}, {"a maximum of", "up to"},
	{"an estimated", "about"}, {"approximately", "about"}, {"roughly", "about"}, {"around", "about"},
	{"about", "about"}, {"some", "about"}, {"estimated", "about"},
}

// currencies by symbol and by word.
var currencySymbols = map[rune]string{'$': "USD", '£': "GBP", '€': "EUR", '¥': "JPY"}
var currencyWords = map[string]string{
	"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
	"pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR",
}

var durationUnits = map[string]string{
	"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
	"day": "day", "days": "day", "hour": "hour", "hours": "hour", "minute": "minute", "minutes": "minute",
	"decade": "decade", "decades": "decade", "second": "second", "seconds": "second",
}

var measureUnits = map[string]string{
	"km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
	"miles": "mile", "mile": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
	"feet": "ft", "foot": "ft", "kg": "kg", "kilograms": "kg", "tonnes": "tonne", "tons": "ton",
	"pounds-weight": "lb", "acres": "acre", "hectares": "ha", "litres": "l", "liters": "l",
	"gallons": "gallon", "barrels": "barrel", "degrees": "degree", "mph": "mph", "kph": "km/h",
}

// counted-noun stoppers: words that end the noun phrase after a number.
var stoppers = map[string]bool{
	"still": true, "now": true, "already": true, "again": true, "each": true, "per": true, "a": true,
	"an": true, "the": true, "were": true, "was": true, "are": true, "is": true, "have": true, "has": true,
	"had": true, "will": true, "would": true, "could": true, "who": true, "which": true, "that": true,
	"remain": true, "remained": true, "died": true, "ago": true, "earlier": true, "later": true,
	"more": true, "less": true, "fewer": true, "or": true, "and": true, "to": true, "than": true,
	"last": true, "this": true, "next": true, "old": true,
}

// irregular plural heads that end a counted noun phrase.
var pluralHeads = map[string]bool{
	"people": true, "personnel": true, "police": true, "children": true, "men": true, "women": true,
	"staff": true, "cattle": true, "aircraft": true, "troops": true, "dead": true, "injured": true,
}

// candidate reports cheaply whether a word may start a quantity: it starts
// with a digit or is a spelled-out number.
func candidate(w string) bool {
	if w == "" {
		return false
	}
	if isDigit(w[0]) {
		return true
	}
	if len(w) < 3 || len(w) > 9 {
		return false
	}
	switch w[0] | 0x20 { // the first letters of the number words
	case 't', 'f', 's', 'e', 'n', 'h', 'd':
	default:
		return false
	}
	var buf [9]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := numberWords[string(buf[:len(w)])]
	return ok
}

func isDigitWord(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == ',' || c == '.') {
			return false
		}
	}
	return true
}

// parseAt reads a quantity whose number is words[i]; next is the index of the
// first word after it.
func parseAt(text string, words []token.Word, i int) (q news.Quantity, next int, ok bool) {
	w := words[i]
	raw := w.Text(text)
	var kb [16]byte
	var value float64
	var scaleSuffix string
	spelled := false
	switch {
	case isDigitWord(raw):
		v, err := strconv.ParseFloat(strings.ReplaceAll(raw, ",", ""), 64)
		if err != nil {
			return q, 0, false
		}
		value = v
	default:
		// "1.2bn", "5m", "20k": digits with a scale suffix.
		j := 0
		for j < len(raw) && (raw[j] >= '0' && raw[j] <= '9' || raw[j] == '.' || raw[j] == ',') {
			j++
		}
		if j > 0 && j < len(raw) {
			if _, ok := scales[strings.ToLower(raw[j:])]; ok && isDigitWord(raw[:j]) {
				v, err := strconv.ParseFloat(strings.ReplaceAll(raw[:j], ",", ""), 64)
				if err != nil {
					return q, 0, false
				}
				value, scaleSuffix = v, strings.ToLower(raw[j:])
				break
			}
		}
		v, ok := numberWords[string(lowerKey(&kb, raw))]
		if !ok {
			return q, 0, false
		}
		value, spelled = v, true
		if v == 12 && len(raw) == 5 { // "a dozen", never a bare "dozen"
			if i == 0 || strings.ToLower(words[i-1].Text(text)) != "a" {
				return q, 0, false
			}
		}
	}
	start, end := w.Start, w.End
	// Not a quantity: times (10:30), part of a date, of a name or a code.
	if end < len(text) && (text[end] == ':' || text[end] == '/') && end+1 < len(text) && isDigit(text[end+1]) {
		return q, 0, false
	}
	if start > 0 && (text[start-1] == '/' || text[start-1] == ':' || text[start-1] == '#') {
		return q, 0, false
	}
	if i > 0 && months[string(lowerKey(&kb, words[i-1].Text(text)))] && adjacent(text, words[i-1], w) {
		return q, 0, false // "October 21", "March 2003"
	}
	if i+1 < len(words) && months[string(lowerKey(&kb, words[i+1].Text(text)))] && !spelled {
		return q, 0, false // "21 October"
	}
	if !spelled && scaleSuffix == "" && isYear(raw) {
		return q, 0, false
	}
	if i > 0 && !spelled && adjacent(text, words[i-1], w) {
		prev := words[i-1].Text(text)
		if r, _ := utf8.DecodeRuneInString(prev); unicode.IsUpper(r) && !isSentenceStart(text, words[i-1].Start) && qualifierNorm(string(lowerKey(&kb, prev))) == "" {
			return q, 0, false // "Apollo 11", "Section 8", "Flight 370"
		}
	}
	kind := news.Count
	unit := ""
	// Currency symbol right before the number.
	if start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if c, ok := currencySymbols[r]; ok {
			kind, unit, start = news.Money, c, start-n
			if start >= 2 && text[start-2:start] == "US" {
				start -= 2
			}
		}
	}
	j := i + 1
	if scaleSuffix != "" {
		value *= scales[scaleSuffix]
	}
	for j < len(words) && adjacent(text, words[j-1], words[j]) {
		s, ok := scales[string(lowerKey(&kb, words[j].Text(text)))]
		if !ok || (len(words[j].Text(text)) == 1 && !isDigitWord(words[j-1].Text(text))) {
			break
		}
		value *= s
		end = words[j].End
		j++
	}
	// Percent.
	if end < len(text) && text[end] == '%' {
		kind, unit, end = news.Percent, "%", end+1
	} else if j < len(words) && adjacent(text, words[j-1], words[j]) {
		nw := string(lowerKey(&kb, words[j].Text(text)))
		switch {
		case nw == "percent" || nw == "pct":
			kind, unit, end, j = news.Percent, "%", words[j].End, j+1
		case nw == "per" && j+1 < len(words) && strings.EqualFold(words[j+1].Text(text), "cent"):
			kind, unit, end, j = news.Percent, "%", words[j+1].End, j+2
		case currencyWords[nw] != "" && kind == news.Count:
			kind, unit, end, j = news.Money, currencyWords[nw], words[j].End, j+1
		case durationUnits[nw] != "":
			kind, unit, end, j = news.Duration, durationUnits[nw], words[j].End, j+1
		case measureUnits[nw] != "":
			kind, unit, end, j = news.Measure, measureUnits[nw], words[j].End, j+1
		}
	}
	// What is counted: the noun phrase after the number.
	var counts []string
	if kind == news.Count || kind == news.Money {
		k := j
		for k < len(words) && len(counts) < 4 && adjacent(text, words[k-1], words[k]) {
			cw := words[k].Text(text)
			lc := token.Fold(cw)
			acronym := len(cw) >= 2 && strings.ToUpper(cw) == cw && !isDigitWord(cw)
			verbish := (strings.HasSuffix(lc, "ed") || strings.HasSuffix(lc, "ing")) && !pluralHeads[lc]
			if isDigitWord(cw) || !acronym && (stoppers[lc] || token.IsStop(lc) || verbish) ||
				strings.HasSuffix(lc, "ly") && len(lc) > 4 || months[lc] {
				break
			}
			if kind == news.Money && currencyWords[lc] != "" {
				break
			}
			counts = append(counts, lc)
			end = words[k].End
			k++
			if pluralHeads[lc] || isPlural(cw) {
				break
			}
		}
		j = k
	}
	if spelled && len(counts) == 0 && kind == news.Count {
		return q, 0, false // "nine" alone is not a quantity worth reporting
	}
	// Qualifier: the words just before.
	qual, qstart := findQualifier(text, words, i, start)
	if qual != "" {
		start = qstart
	}
	return news.Quantity{
		Value:     value,
		Qualifier: qual,
		Counts:    strings.Join(counts, " "),
		Kind:      kind,
		Unit:      unit,
		Text:      text[start:end],
		Span:      news.Span{Start: start, End: end},
	}, j, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isYear reports whether a bare number reads as a year: four digits from
// 1800 to 2100 without a thousands separator.
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	v, err := strconv.Atoi(s)
	return err == nil && v >= 1800 && v <= 2100
}

// isPlural reports whether a lower-case word looks like a plural noun head.
func isPlural(w string) bool {
	if len(w) < 4 || w != strings.ToLower(w) {
		return false
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// adjacent reports whether only spaces separate a and b (no punctuation).
func adjacent(text string, a, b token.Word) bool {
	gap := text[a.End:b.Start]
	return strings.TrimLeft(gap, " \t") == "" && !strings.Contains(gap, "\n")
}

// isSentenceStart reports whether the word at off opens a sentence or line.
func isSentenceStart(text string, off int) bool {
	k := off - 1
	for k >= 0 && (text[k] == ' ' || text[k] == '"' || text[k] == '\'' || text[k] == '(') {
		k--
	}
	return k < 0 || text[k] == '.' || text[k] == '!' || text[k] == '?' || text[k] == '\n' || text[k] == ':'
}

// qualifierWords are the qualifiers split into words, for matching without
// building strings.
var qualifierWords = func() []struct {
	words []string
	norm  string
} {
	out := make([]struct {
		words []string
		norm  string
	}, len(qualifiers))
	for i, q := range qualifiers {
		out[i].words, out[i].norm = strings.Fields(q.phrase), q.norm
	}
	return out
}()

// lowerKey lower-cases an ASCII word into buf for a map look-up that does
// not allocate; words too long for buf give "".
func lowerKey(buf *[16]byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

func qualifierNorm(phrase string) string {
	for _, q := range qualifiers {
		if q.phrase == phrase {
			return q.norm
		}
	}
	return ""
}

// findQualifier looks for a qualifier phrase ending right before the number
// (or its currency sign) at start, words[i] being the number.
func findQualifier(text string, words []token.Word, i, start int) (string, int) {
	for n := 4; n >= 1; n-- {
		if i-n < 0 {
			continue
		}
		ws := words[i-n : i]
		ok := true
		for k := 1; k < len(ws); k++ {
			if !adjacent(text, ws[k-1], ws[k]) {
				ok = false
				break
			}
		}
		if !ok || ws[len(ws)-1].End > start || strings.TrimSpace(text[ws[len(ws)-1].End:start]) != "" {
			continue
		}
		for _, q := range qualifierWords {
			if len(q.words) != n {
				continue
			}
			match := true
			for k, w := range ws {
				if !strings.EqualFold(w.Text(text), q.words[k]) {
					match = false
					break
				}
			}
			if match {
				return q.norm, ws[0].Start
			}
		}
	}
	return "", start
}
