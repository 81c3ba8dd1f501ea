package compare

import (
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// DateKind is the kind of a figure group of calendar dates: "June 25" in
// three articles, "November 19" against "November 18". The quantity stage
// reads no dates; they come from news.Document.Dates.
const DateKind news.QuantityKind = "date"

// The precisions of a date figure, its head: two dates are one figure only
// at one precision.
const (
	dateDay   = "day"
	dateMonth = "month"
	dateYear  = "year"
)

// dateFigures returns the calendar dates of an article as figures: dates
// written with a day, a month or a year ("June 25", "in January", "1967"),
// not weekdays or "last year", which date the writing, not an event. A
// figure's Value is the date as a number (20130625, 201301, 1967).
func (s *story) dateFigures(di int) []qmention {
	d := &s.docs[di]
	var out []qmention
	for _, dt := range d.Dates {
		if dt.Start < 0 || dt.End > len(d.Text) || dt.Start > dt.End || !figureDate(dt.Text) {
			continue
		}
		v, head, ok := dateNumber(dt.Value)
		if !ok {
			continue
		}
		m := qmention{doc: di, head: head, unit: s.unitAt(di, dt.Start), class: exact, lo: v, hi: v,
			q: news.Quantity{Value: v, Kind: DateKind, Text: dt.Text, Span: dt.Span}}
		out = append(out, m)
	}
	return out
}

// figureDate reports whether a date's text names a calendar date as a
// figure: it holds a digit or a month's name. Unlike calendarDate (the
// date tensions' test), a bare year is one ("from 1967 to 1979"), and the
// value is always the resolved ISO date.
func figureDate(text string) bool {
	if strings.ContainsAny(text, "0123456789") {
		return true
	}
	month := false
	token.Each(text, func(w token.Word) {
		month = month || lex.Is(strings.ToLower(w.Text(text)), lexicon.Month)
	})
	return month
}

// dateNumber reads an ISO date ("2013-06-25", "2013-01", "1967") as a
// figure value and its precision.
func dateNumber(iso string) (float64, string, bool) {
	head := map[int]string{10: dateDay, 7: dateMonth, 4: dateYear}[len(iso)]
	if head == "" {
		return 0, "", false
	}
	n, err := strconv.Atoi(strings.ReplaceAll(iso, "-", ""))
	if err != nil {
		return 0, "", false
	}
	return float64(n), head, true
}

// maxDateGap is how far apart, in days, two dates may be and still be
// rival dates of one event (November 19 or 18; 1967 or 1966): dates
// further apart date different events.
var maxDateGap = map[string]float64{dateDay: 7, dateMonth: 62, dateYear: 3 * 366}

// dateGap returns the days between two date figures of one precision.
func dateGap(a, b float64, head string) float64 {
	day := func(v float64) time.Time {
		n := int(v)
		switch head {
		case dateDay:
			return time.Date(n/10000, time.Month(n/100%100), n%100, 0, 0, 0, 0, time.UTC)
		case dateMonth:
			return time.Date(n/100, time.Month(n%100), 1, 0, 0, 0, 0, time.UTC)
		}
		return time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	h := day(b).Sub(day(a)).Hours() / 24
	if h < 0 {
		h = -h
	}
	return h
}
