package dates

import (
	"strconv"
	"time"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// Find returns the dates of text in order, resolving relative ones against
// published (zero when unknown). toks are the tokens of text
// (token.Tokenize) and sents its sentences (nil: one sentence); a date
// lies inside one sentence. lx is the lexicon the tokens were looked up in
// (nil: lexicon.Default()): its month and weekday lists name the calendar
// and number its months and days.
func Find(text string, toks []news.Token, sents []news.Span, published time.Time, lx *lexicon.Lexicon) []news.Date {
	if lx == nil {
		lx = lexicon.Default()
	}
	f := finder{text: text, toks: toks, lx: lx, published: published}
	f.words = make([]int32, 0, 128)
	if len(sents) == 0 {
		f.sentence(0, len(toks))
		return f.out
	}
	k := 0
	for _, s := range sents {
		for k < len(toks) && int(toks[k].Start) < s.Start {
			k++
		}
		lo := k
		for k < len(toks) && int(toks[k].Start) < s.End {
			k++
		}
		f.sentence(lo, k)
	}
	return f.out
}

// finder reads the dates of one text, a sentence at a time.
type finder struct {
	text      string
	toks      []news.Token
	lx        *lexicon.Lexicon
	published time.Time
	words     []int32 // the word tokens of the current sentence: indices into toks
	lower     [16]byte
	out       []news.Date
}

// sentence reads the dates among toks[lo:hi], one sentence.
func (f *finder) sentence(lo, hi int) {
	f.words = f.words[:0]
	for k := lo; k < hi; k++ {
		if f.toks[k].Kind != news.Punct {
			f.words = append(f.words, int32(k))
		}
	}
	for i := 0; i < len(f.words); i++ {
		i += f.dateAt(i)
	}
}

// dateAt reads the date that starts at word i, if one does, and returns
// how many words after i it took.
func (f *finder) dateAt(i int) int {
	t := f.tok(i)
	if t.Kind == news.Number {
		return f.numeric(i)
	}
	c := lexicon.Class(t.Lex)
	switch {
	case c&(lexicon.Month|lexicon.MonthAbbr) != 0 && f.month(i) > 0:
		return f.monthFirst(i)
	case c&lexicon.Weekday != 0 && t.Has(news.Cap):
		f.weekday(i)
		return 0
	}
	if n := t.End - t.Start; n < 4 || n > 9 {
		return 0 // every relative word has 4 to 9 letters
	}
	switch f.text[t.Start] | 0x20 {
	case 'l', 'n', 't', 'y': // their first letters
	default:
		return 0
	}
	switch string(f.low(i)) {
	case "yesterday", "today", "tomorrow":
		f.relativeDay(i)
	case "last", "this", "next":
		return f.relativePeriod(i)
	}
	return 0
}

// numeric reads a date that starts with a number: an ISO day
// ("2011-10-21"), a day and month ("21 October 2011", "3 Nov"), a year
// after a preposition ("in 2008") or a range of years ("2006-2007").
func (f *finder) numeric(i int) int {
	w := f.word(i)
	switch {
	case len(w) == 10 && w[4] == '-' && w[7] == '-':
		// 2011-10-21: the token keeps inner hyphens.
		if _, ok := news.ParseTime(w); ok {
			f.emit(i, i, w, false)
		}
	case len(w) <= 4 && day(w) > 0 && f.month(i+1) > 0:
		return f.dayMonth(i, i+1, f.month(i+1), day(w))
	case f.year(i) > 0 && i > 0 && f.is(i-1, lexicon.YearPreposition):
		f.emit(i, i, w, false)
	case len(w) == 9 && w[4] == '-' && isYear(w[:4]) && isYear(w[5:]) && w[:4] < w[5:]:
		f.emit(i, i, w[:4]+"/"+w[5:], false) // "2006-2007": an ISO 8601 interval of years
	}
	return 0
}

// monthFirst reads a date that starts with the month at word i: "October
// 21, 2011", "October 21", "October 2011". "May" alone is the verb.
func (f *finder) monthFirst(i int) int {
	m := f.month(i)
	if d := f.day(i + 1); d > 0 && len(f.word(i+1)) <= 4 {
		return f.dayMonth(i, i+1, m, d)
	}
	if y := f.year(i + 1); y > 0 {
		f.emit(i, i+1, isoMonth(y, int(m)), false)
		return 1
	}
	return 0
}

// dayMonth emits the date of day d of month m, written from word i to word
// j, with the year at word j+1 when one stands there ("21 October 2011",
// "October 21, 2011") and else the year nearest the publication date; it
// returns how many words after i it took.
func (f *finder) dayMonth(i, j int, m time.Month, d int) int {
	if y := f.year(j + 1); y > 0 {
		f.emit(i, j+1, isoDay(y, int(m), d), false)
		return j + 1 - i
	}
	f.emit(i, j, resolveMonthDay(f.published, m, d), true)
	return j - i
}

// weekday reads a weekday name at word i, with "last", "past", "next" or
// "coming" before it, unless it is part of a name.
func (f *finder) weekday(i int) {
	if f.inName(i) {
		return
	}
	wd := time.Weekday(f.lx.Ordinal(string(f.low(i))) - 1)
	from, dir := i, 0 // dir -1: "last Friday", +1: "next Friday"
	if i > 0 && f.adjacent(i-1) {
		switch string(f.low(i - 1)) {
		case "last", "past":
			from, dir = i-1, -1
		case "next", "coming":
			from, dir = i-1, 1
		}
	}
	v := ""
	if !f.published.IsZero() {
		v = dayOf(resolveWeekday(f.published, wd, dir))
	}
	f.emit(from, i, v, true)
}

// inName reports whether the weekday at word i is part of a name: after a
// capitalised word inside a sentence ("Super Tuesday", "Good Friday"), or
// after a possessive and before a capitalised word ("NBC's Saturday Night
// Live"); a possessive alone owns a day ("Clinton's Tuesday speech", "the
// Saints' Thursday night loss").
func (f *finder) inName(i int) bool {
	if i == 0 || !f.tok(i-1).Has(news.Cap) || !f.adjacent(i-1) || f.opens(i-1) {
		return false
	}
	if !f.tok(i - 1).Has(news.Poss) {
		return true
	}
	return i+1 < len(f.words) && f.adjacent(i) && f.tok(i+1).Has(news.Cap)
}

// relativeDay reads "yesterday", "today" or "tomorrow" at word i; written
// in capitals, or capitalised inside a sentence, it is a name ("USA
// TODAY", "the Today programme").
func (f *finder) relativeDay(i int) {
	if w := f.word(i); w != string(f.low(i)) && (isUpper(w) || !f.opens(i)) {
		return
	}
	off := 0
	switch string(f.low(i)) {
	case "yesterday":
		off = -1
	case "tomorrow":
		off = 1
	}
	v := ""
	if !f.published.IsZero() {
		v = dayOf(f.published.AddDate(0, 0, off))
	}
	f.emit(i, i, v, true)
}

// relativePeriod reads "last", "this" or "next" at word i before "week",
// "month" or "year"; it returns how many words after i it took. A
// possessive before it makes it no date ("Bush's last year in office"),
// and a capitalised period inside a sentence a name ("ABC's This Week").
func (f *finder) relativePeriod(i int) int {
	if i+1 >= len(f.words) || !f.adjacent(i) {
		return 0
	}
	off := 0
	switch string(f.low(i)) {
	case "last":
		off = -1
	case "next":
		off = 1
	}
	unit := string(f.low(i + 1))
	if unit != "week" && unit != "month" && unit != "year" {
		return 0
	}
	if i > 0 && f.adjacent(i-1) && f.tok(i-1).Has(news.Poss) {
		return 0
	}
	if f.tok(i+1).Has(news.Cap) && !f.opens(i) {
		return 0
	}
	v := ""
	if !f.published.IsZero() {
		v = relativeValue(f.published, unit, off)
	}
	f.emit(i, i+1, v, true)
	return 1
}

// relativeValue resolves this (off 0), last (-1) or next (+1) week, month
// or year against published.
func relativeValue(published time.Time, unit string, off int) string {
	switch unit {
	case "week":
		y, wk := published.AddDate(0, 0, 7*off).ISOWeek()
		return isoWeek(y, wk)
	case "month":
		// AddDate normalises "Mar 31 minus a month" to Mar 3; step from the 1st.
		first := time.Date(published.Year(), published.Month(), 1, 0, 0, 0, 0, time.UTC)
		m := first.AddDate(0, off, 0)
		return isoMonth(m.Year(), int(m.Month()))
	}
	return strconv.Itoa(published.Year() + off)
}

// tok returns word i of the sentence.
func (f *finder) tok(i int) news.Token { return f.toks[f.words[i]] }

// word returns the text of word i.
func (f *finder) word(i int) string { return f.tok(i).Text(f.text) }

// is reports whether word i is in a list of c.
func (f *finder) is(i int, c lexicon.Class) bool { return lexicon.Class(f.tok(i).Lex)&c != 0 }

// low returns word i in lower case when it is ASCII and short, else nil.
// It is a buffer that the next call overwrites: compare it with string(),
// which does not allocate.
func (f *finder) low(i int) []byte {
	w := f.word(i)
	if len(w) > len(f.lower) {
		return nil
	}
	b := f.lower[:len(w)]
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 0x80 {
			return nil
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return b
}

// month returns the month word i names, capitalised and not possessive
// ("October", "Oct."), else 0.
func (f *finder) month(i int) time.Month {
	if i >= len(f.words) {
		return 0
	}
	t := f.tok(i)
	if !t.Has(news.Cap) || t.Has(news.Poss) || lexicon.Class(t.Lex)&(lexicon.Month|lexicon.MonthAbbr) == 0 {
		return 0
	}
	return time.Month(f.lx.Ordinal(string(f.low(i))))
}

// day returns the day of the month word i writes ("21", "3rd"), else 0.
func (f *finder) day(i int) int {
	if i >= len(f.words) {
		return 0
	}
	return day(f.word(i))
}

// year returns the year word i writes, else 0; a possessive year is
// most often a decade ("the 1990's").
func (f *finder) year(i int) int {
	if i >= len(f.words) || f.tok(i).Has(news.Poss) || !isYear(f.word(i)) {
		return 0
	}
	y, _ := strconv.Atoi(f.word(i))
	return y
}

// adjacent reports whether only spaces separate word i from word i+1: no
// mark, dot, tab or line break.
func (f *finder) adjacent(i int) bool {
	a, b := f.words[i], f.words[i+1]
	return b == a+1 && !f.toks[a].Has(news.Dot) && f.toks[b].Flags&(news.Tab|news.Line) == 0
}

// opens reports whether word i opens its sentence, a line, or what
// follows a colon or a stop inside the sentence (an abbreviation's dot
// too: "in St. Louis Friday", "a.m. ET Saturday"), with only quotation
// marks and "(" before it.
func (f *finder) opens(i int) bool {
	if i == 0 {
		return true
	}
	for k := int(f.words[i]); ; k-- {
		if f.toks[k].Has(news.Line) {
			return true
		}
		p := f.toks[k-1]
		if p.Kind != news.Punct {
			return p.Has(news.Dot)
		}
		switch f.text[p.Start] {
		case '"', '\'', '(':
			continue
		case '.', '!', '?', ':':
			return true
		}
		return false
	}
}

// emit appends the date written from word from to word to, with the
// possessive of the last word ("Friday's").
func (f *finder) emit(from, to int, value string, relative bool) {
	s, e := int(f.tok(from).Start), int(f.tok(to).End)
	if t := f.tok(to); t.Has(news.Poss) {
		e = int(t.Ext)
	}
	f.out = append(f.out, news.Date{Text: f.text[s:e], Value: value, Relative: relative, Span: news.Span{Start: s, End: e}})
}

// day returns the day of the month s writes: one or two digits and an
// optional ordinal suffix ("21", "21st", "3rd"), else 0.
func day(s string) int {
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

// isYear reports whether s is four digits from 1800 to 2100.
func isYear(s string) bool {
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

// isUpper reports whether w is written in capitals only.
func isUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'a' <= w[i] && w[i] <= 'z' {
			return false
		}
	}
	return true
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
