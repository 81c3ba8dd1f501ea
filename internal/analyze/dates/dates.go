package dates

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

var monthNum = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// yearPrepositions make a bare four-digit number a year.
var yearPrepositions = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "from": true, "of": true, "before": true,
	"after": true, "during": true, "to": true, "through": true, "early": true, "late": true, "mid": true,
}

// Find returns the dates in text in order, resolving relative ones against
// published (zero when unknown).
func Find(text string, sents []news.Span, published time.Time) []news.Date {
	// Only a few words can start a date; the scan finds them with a byte
	// loop and tokenizes just a small window around each, instead of the
	// whole text (the tokenizer alone costs more than this stage's budget).
	var win [12]token.Word
	var words []token.Word // the current window, with offsets into text
	var out []news.Date
	var kb [16]byte
	// low lower-cases word i into a buffer; map look-ups with string(b) of
	// it do not allocate.
	low := func(i int) []byte {
		w := words[i].Text(text)
		if len(w) > len(kb) {
			return nil
		}
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			kb[k] = c
		}
		return kb[:len(w)]
	}
	emit := func(from, to int, value string, relative bool) {
		s, e := words[from].Start, words[to].End
		out = append(out, news.Date{Text: text[s:e], Value: value, Relative: relative, Span: news.Span{Start: s, End: e}})
	}
	day := func(s string) int {
		// "21", "21st", "3rd": one or two digits and an optional ordinal suffix.
		if s == "" || s[0] < '0' || s[0] > '9' {
			return 0
		}
		d, k := 0, 0
		for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
			d = d*10 + int(s[k]-'0')
			k++
		}
		if k > 2 || d < 1 || d > 31 {
			return 0
		}
		switch s[k:] {
		case "", "st", "nd", "rd", "th":
			return d
		}
		return 0
	}
	year := func(i int) int {
		if i >= len(words) {
			return 0
		}
		w := words[i].Text(text)
		if len(w) != 4 || w[0] < '1' || w[0] > '2' {
			return 0
		}
		y, err := strconv.Atoi(w)
		if err != nil || y < 1800 || y > 2100 {
			return 0
		}
		return y
	}
	for pos := 0; pos < len(text); {
		p, q := nextASCIIWord(text, pos)
		if p < 0 {
			break
		}
		pos = q
		if !mayStartDate(text, p, q, &kb) {
			continue
		}
		words = window(text, p, win[:0])
		i := -1
		for k, w := range words {
			if w.Start == p {
				i = k
				break
			}
		}
		if i < 0 {
			continue // p is inside a longer token ("mid-2008", "al-Monday")
		}
		for once := true; once; once = false { // continue ends this word
			w := words[i].Text(text)
			lb := low(i)
			switch {
			case len(w) == 10 && w[4] == '-' && w[7] == '-': // 2011-10-21 (token keeps inner hyphens)
				if _, err := time.Parse("2006-01-02", w); err == nil {
					emit(i, i, w, false)
				}
			case isCap(w) && monthNum[string(lb)] != 0:
				m := monthNum[string(lb)]
				if string(lb) == "may" && !(i+1 < len(words) && (day(words[i+1].Text(text)) > 0 || year(i+1) > 0)) {
					continue // "may" the verb
				}
				// Month Day[, Year] | Month Year | Day Month [Year] handled below.
				if i+1 < len(words) && day(words[i+1].Text(text)) > 0 && len(words[i+1].Text(text)) <= 4 {
					d := day(words[i+1].Text(text))
					if y := year(i + 2); y > 0 {
						emit(i, i+2, isoDay(y, int(m), d), false)
						i += 2
					} else {
						emit(i, i+1, resolveMonthDay(published, m, d), true)
						i++
					}
					continue
				}
				if y := year(i + 1); y > 0 {
					emit(i, i+1, isoMonth(y, int(m)), false)
					i++
					continue
				}
			case len(w) <= 4 && day(w) > 0 && i+1 < len(words) && isCap(words[i+1].Text(text)) && monthNum[string(low(i+1))] != 0:
				m, d := monthNum[string(low(i+1))], day(w)
				if y := year(i + 2); y > 0 {
					emit(i, i+2, isoDay(y, int(m), d), false)
					i += 2
				} else {
					emit(i, i+1, resolveMonthDay(published, m, d), true)
					i++
				}
			case year(i) > 0 && i > 0 && yearPrepositions[string(low(i-1))]:
				emit(i, i, words[i].Text(text), false)
			case len(w) == 9 && w[4] == '-' && year(i) == 0 && isYearString(w[:4]) && isYearString(w[5:]) && w[:4] < w[5:]:
				emit(i, i, w[:4]+"/"+w[5:], false) // "2006-2007": an ISO 8601 interval of years
			case isCap(w) && weekdayOf(lb) >= 0:
				if i > 0 && isCap(words[i-1].Text(text)) && adjacent(text, words[i-1], words[i]) && !sentenceStart(text, words[i-1].Start) {
					continue // "Super Tuesday", "Good Friday": a name
				}
				wd := time.Weekday(weekdayOf(lb))
				from, dir := i, 0 // dir -1: "last Friday", +1: "next Friday"
				if i > 0 && adjacent(text, words[i-1], words[i]) {
					switch string(low(i - 1)) {
					case "last", "past":
						from, dir = i-1, -1
					case "next", "coming":
						from, dir = i-1, 1
					}
				}
				v := ""
				if !published.IsZero() {
					v = dayOf(resolveWeekday(published, wd, dir))
				}
				emit(from, i, v, true)
			case string(lb) == "yesterday" || string(lb) == "today" || string(lb) == "tomorrow":
				if w != string(lb) && (isUpperWord(w) || !sentenceStart(text, words[i].Start)) {
					continue // "USA TODAY", "the Today programme": a name
				}
				off := 0
				switch string(lb) {
				case "yesterday":
					off = -1
				case "tomorrow":
					off = 1
				}
				v := ""
				if !published.IsZero() {
					v = dayOf(published.AddDate(0, 0, off))
				}
				emit(i, i, v, true)
			case (string(lb) == "last" || string(lb) == "this" || string(lb) == "next") && i+1 < len(words) && adjacent(text, words[i], words[i+1]):
				off := 0
				switch string(lb) {
				case "last":
					off = -1
				case "next":
					off = 1
				}
				unit := string(low(i + 1))
				if unit != "week" && unit != "month" && unit != "year" {
					continue
				}
				if i > 0 && adjacent(text, words[i-1], words[i]) && (strings.HasSuffix(words[i-1].Text(text), "'s") || strings.HasSuffix(words[i-1].Text(text), "’s")) {
					continue // "Bush's last year in office": not a date
				}
				if isCap(words[i+1].Text(text)) && !sentenceStart(text, words[i].Start) || isCap(w) && isCap(words[i+1].Text(text)) && i > 0 && !sentenceStart(text, words[i].Start) {
					continue // "ABC's This Week": a name
				}
				v := ""
				if !published.IsZero() {
					switch unit {
					case "week":
						y, wk := published.AddDate(0, 0, 7*off).ISOWeek()
						v = isoWeek(y, wk)
					case "month":
						// AddDate normalises "Mar 31 minus a month" to Mar 3; step from the 1st.
						first := time.Date(published.Year(), published.Month(), 1, 0, 0, 0, 0, time.UTC)
						f := first.AddDate(0, off, 0)
						v = isoMonth(f.Year(), int(f.Month()))
					case "year":
						v = strconv.Itoa(published.Year() + off)
					}
				}
				emit(i, i+1, v, true)
				i++
			}
		}
		if e := words[i].End; e > pos {
			pos = e
		}
	}
	return out
}

// nextASCIIWord returns the bounds of the next run of ASCII letters and
// digits at or after pos, or -1.
func nextASCIIWord(text string, pos int) (int, int) {
	for pos < len(text) && !isAlnum(text[pos]) {
		pos++
	}
	if pos >= len(text) {
		return -1, -1
	}
	q := pos
	for q < len(text) && isAlnum(text[q]) {
		q++
	}
	return pos, q
}

func isAlnum(c byte) bool { return alnum[c] }

// alnum marks the ASCII letters and digits.
var alnum = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// mayStartDate reports cheaply whether the ASCII word text[p:q] can start a
// date: a day, year or ISO date in digits, a month or weekday name, or a
// relative-date word.
func mayStartDate(text string, p, q int, kb *[16]byte) bool {
	if p > 0 && text[p-1] >= utf8.RuneSelf {
		if r, _ := utf8.DecodeLastRuneInString(text[:p]); unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			return false // the tail of a word with non-ASCII letters
		}
	}
	c := text[p]
	if '0' <= c && c <= '9' {
		n := p
		for n < q && '0' <= text[n] && text[n] <= '9' {
			n++
		}
		if d := n - p; d != 1 && d != 2 && d != 4 {
			return false
		}
		// "39,000", "3.5": part of a larger number.
		return !(q+1 < len(text) && (text[q] == ',' || text[q] == '.') && '0' <= text[q+1] && text[q+1] <= '9')
	}
	if q-p < 3 || q-p > 9 {
		return false // every month, weekday and relative word has 3 to 9 letters
	}
	switch c | 0x20 { // their first letters
	case 'a', 'd', 'f', 'j', 'l', 'm', 'n', 'o', 's', 't', 'w', 'y':
	default:
		return false
	}
	if 'a' <= c && c <= 'z' && c != 'y' && c != 't' && c != 'l' && c != 'n' {
		return false
	}
	b := kb[:q-p]
	for k := range b {
		ch := text[p+k]
		if 'A' <= ch && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		b[k] = ch
	}
	switch string(b) {
	case "yesterday", "today", "tomorrow", "last", "this", "next":
		return true
	}
	if 'a' <= c && c <= 'z' {
		return false
	}
	switch string(b) {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// window tokenizes the words around the one starting at p: the word before
// it and a few after, cut at spaces so that every token is whole. It
// appends to buf, which it fills at most.
func window(text string, p int, buf []token.Word) []token.Word {
	start := p
	k := p - 1
	for n := 0; k >= 0 && n < 6 && !isAlnum(text[k]) && text[k] < 0x80 && text[k] != '\n'; n++ {
		k--
	}
	for n := 0; k >= 0 && n < 40 && text[k] != ' ' && text[k] != '\n'; n++ {
		k--
	}
	if k < 0 || text[k] == ' ' || text[k] == '\n' {
		start = k + 1
	}
	end := p + 40
	if end > len(text) {
		end = len(text)
	}
	for n := 0; end < len(text) && n < 40 && text[end] != ' ' && text[end] != '\n'; n++ {
		end++
	}
	token.Each(text[start:end], func(w token.Word) {
		if len(buf) < cap(buf) {
			buf = append(buf, token.Word{Start: start + w.Start, End: start + w.End})
		}
	})
	return buf
}

// resolveWeekday gives the day a weekday name refers to: with dir 0 the most
// recent such day on or before published, with -1 ("last Friday") the one
// strictly before, with +1 ("next Friday") the one strictly after.
func resolveWeekday(published time.Time, wd time.Weekday, dir int) time.Time {
	back := (int(published.Weekday()) - int(wd) + 7) % 7
	switch dir {
	case -1:
		if back == 0 {
			back = 7
		}
	case 1:
		ahead := (int(wd) - int(published.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return published.AddDate(0, 0, ahead)
	}
	return published.AddDate(0, 0, -back)
}

// isYearString reports whether s is four digits from 1800 to 2100.
func isYearString(s string) bool {
	if len(s) != 4 {
		return false
	}
	y := 0
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		y = y*10 + int(s[i]-'0')
	}
	return y >= 1800 && y <= 2100
}

// isUpperWord reports whether w is written in capitals only.
func isUpperWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'a' <= w[i] && w[i] <= 'z' {
			return false
		}
	}
	return true
}

// adjacent reports whether only spaces separate words a and b.
func adjacent(text string, a, b token.Word) bool {
	for k := a.End; k < b.Start; k++ {
		if text[k] != ' ' {
			return false
		}
	}
	return true
}

// sentenceStart reports whether the word at off opens a sentence, a line or
// a quotation.
func sentenceStart(text string, off int) bool {
	k := off - 1
	for k >= 0 && (text[k] == ' ' || text[k] == '"' || text[k] == '\'' || text[k] == '(') {
		k--
	}
	return k < 0 || text[k] == '.' || text[k] == '!' || text[k] == '?' || text[k] == '\n' || text[k] == ':'
}

// weekdayOf returns the weekday a lower-case word names (possessive
// allowed), or -1.
func weekdayOf(b []byte) int {
	if n := len(b); n > 2 && b[n-2] == '\'' && b[n-1] == 's' {
		b = b[:n-2] // "Friday's vote"
	}
	if d, ok := weekdays[string(b)]; ok {
		return int(d)
	}
	return -1
}

// isCap reports whether a word starts with an upper-case ASCII letter.
func isCap(w string) bool { return w != "" && 'A' <= w[0] && w[0] <= 'Z' }

// resolveMonthDay gives a day without a year the year that puts it nearest
// the publication date; "" without one.
func resolveMonthDay(published time.Time, m time.Month, d int) string {
	if published.IsZero() {
		return ""
	}
	best := time.Time{}
	for _, y := range []int{published.Year() - 1, published.Year(), published.Year() + 1} {
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if best.IsZero() || absDur(t.Sub(published)) < absDur(best.Sub(published)) {
			best = t
		}
	}
	return dayOf(best)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// dayOf formats t's calendar day as ISO 8601.
func dayOf(t time.Time) string { return isoDay(t.Year(), int(t.Month()), t.Day()) }

// isoDay formats a day as "YYYY-MM-DD" with one allocation.
func isoDay(y, m, d int) string {
	var b [10]byte
	put4(b[:], y)
	b[4], b[7] = '-', '-'
	put2(b[5:], m)
	put2(b[8:], d)
	return string(b[:])
}

// isoMonth formats a month as "YYYY-MM".
func isoMonth(y, m int) string {
	var b [7]byte
	put4(b[:], y)
	b[4] = '-'
	put2(b[5:], m)
	return string(b[:])
}

// isoWeek formats an ISO week as "YYYY-Www".
func isoWeek(y, w int) string {
	var b [8]byte
	put4(b[:], y)
	b[4], b[5] = '-', 'W'
	put2(b[6:], w)
	return string(b[:])
}

func put4(b []byte, v int) {
	if v < 0 || v > 9999 {
		v = 0
	}
	b[0], b[1], b[2], b[3] = byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10)
}

func put2(b []byte, v int) { b[0], b[1] = byte('0'+v/10%10), byte('0'+v%10) }
