// Package dates finds the dates an article mentions (analysis stage 5):
// absolute ones ("21 October 2011", "Oct. 21, 2011", "March 2003",
// "2011-10-21", "in 2008") and ones relative to the article's publication
// date ("on Friday", "yesterday", "last month", "next year"), resolved to
// ISO 8601 at day, month or year precision.
//
// Weekday names are read as the most recent such day on or before the
// publication date (news mostly reports what has happened; "on Friday" in a
// Friday article is that day). Without a publication date relative dates
// keep an empty Value.
//
// It is a hand-written scanner over the shared word tokenizer: a general
// date-parsing library costs far more than this stage's budget.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"

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
	words := make([]token.Word, 0, len(text)/5+1)
	token.Each(text, func(w token.Word) { words = append(words, w) })
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
		s = strings.TrimRight(s, "stndrdth")
		if s == "" || s[0] < '0' || s[0] > '9' {
			return 0 // no error value to allocate for the common case
		}
		d, err := strconv.Atoi(s)
		if err != nil || d < 1 || d > 31 {
			return 0
		}
		return d
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
	for i := 0; i < len(words); i++ {
		w := words[i].Text(text)
		c := w[0]
		if !isCap(w) && (c < '0' || c > '9') && c != 'y' && c != 't' && c != 'l' && c != 'n' {
			continue // only capitals, digits and a few relative words can start a date
		}
		lb := low(i)
		switch {
		case len(w) == 10 && w[4] == '-' && w[7] == '-': // 2011-10-21 (token keeps inner hyphens)
			if t, err := time.Parse("2006-01-02", w); err == nil {
				emit(i, i, t.Format("2006-01-02"), false)
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
					emit(i, i+2, fmt.Sprintf("%04d-%02d-%02d", y, m, d), false)
					i += 2
				} else {
					emit(i, i+1, resolveMonthDay(published, m, d), true)
					i++
				}
				continue
			}
			if y := year(i + 1); y > 0 {
				emit(i, i+1, fmt.Sprintf("%04d-%02d", y, m), false)
				i++
				continue
			}
		case len(w) <= 4 && day(w) > 0 && i+1 < len(words) && isCap(words[i+1].Text(text)) && monthNum[string(low(i+1))] != 0:
			m, d := monthNum[string(low(i+1))], day(w)
			if y := year(i + 2); y > 0 {
				emit(i, i+2, fmt.Sprintf("%04d-%02d-%02d", y, m, d), false)
				i += 2
			} else {
				emit(i, i+1, resolveMonthDay(published, m, d), true)
				i++
			}
		case year(i) > 0 && i > 0 && yearPrepositions[string(low(i-1))]:
			emit(i, i, words[i].Text(text), false)
		case isCap(w) && weekdayOf(lb) >= 0:
			wd := time.Weekday(weekdayOf(lb))
			v := ""
			if !published.IsZero() {
				back := (int(published.Weekday()) - int(wd) + 7) % 7
				v = published.AddDate(0, 0, -back).Format("2006-01-02")
			}
			emit(i, i, v, true)
		case string(lb) == "yesterday" || string(lb) == "today" || string(lb) == "tomorrow":
			off := 0
			switch string(lb) {
			case "yesterday":
				off = -1
			case "tomorrow":
				off = 1
			}
			v := ""
			if !published.IsZero() {
				v = published.AddDate(0, 0, off).Format("2006-01-02")
			}
			emit(i, i, v, true)
		case (string(lb) == "last" || string(lb) == "this" || string(lb) == "next") && i+1 < len(words):
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
			v := ""
			if !published.IsZero() {
				switch unit {
				case "week":
					v = published.AddDate(0, 0, 7*off).Format("2006-01-02")
				case "month":
					v = published.AddDate(0, off, 0).Format("2006-01")
				case "year":
					v = published.AddDate(off, 0, 0).Format("2006")
				}
			}
			emit(i, i+1, v, true)
			i++
		}
	}
	return out
}

// weekdayOf returns the weekday a lower-case word names, or -1.
func weekdayOf(b []byte) int {
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
	return best.Format("2006-01-02")
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
