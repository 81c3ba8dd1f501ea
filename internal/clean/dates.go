package clean

import (
	"encoding/binary"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
)

// dateKind says what a date line dates.
type dateKind int

const (
	notDate   dateKind = iota
	published          // "Published:", "Posted", "First published", or a bare date
	updated            // "Updated", "Last modified", "Last updated"
)

// dateLabels are the labels that introduce a date line, longest first so
// that "last updated" wins over "updated".
var dateLabels = []struct {
	label string
	kind  dateKind
}{
	{"first published on", published},
	{"first published", published},
	{"originally published", published},
	{"last modified on", updated},
	{"last modified", updated},
	{"last updated on", updated},
	{"last updated", updated},
	{"published on", published},
	{"published at", published},
	{"published", published},
	{"posted on", published},
	{"posted at", published},
	{"posted", published},
	{"updated on", updated},
	{"updated at", updated},
	{"updated", updated},
	{"modified", updated},
	{"created", published},
	{"date", published},
}

// parseDateLine reads a header line that holds a date: a labelled one
// ("Last Modified: 21 Oct 2011 18:53", "Published 3 May 2019") or, when bare
// is set, a line that is nothing but a date ("Friday 21 October 2011").
// Lines with words besides the date are refused so that body sentences
// never count as dates.
func parseDateLine(line string, bare bool) (time.Time, dateKind) {
	if len(line) > 120 || !hasDigit(line) {
		return time.Time{}, notDate
	}
	low := strings.ToLower(line)
	kind := notDate
	rest := line
	for _, l := range dateLabels {
		if strings.HasPrefix(low, l.label) {
			after := line[len(l.label):]
			if after != "" && isWordByte(after[0]) {
				continue // "Updatedness", "dated"
			}
			kind = l.kind
			rest = strings.TrimLeft(after, " :-—|")
			break
		}
	}
	if kind == notDate {
		if !bare {
			return time.Time{}, notDate
		}
		kind = published
	}
	// Several dates on one line ("Published 3 May 2019 | Updated 4 May 2019"):
	// the first one.
	if i := strings.IndexByte(rest, '|'); i > 0 {
		rest = rest[:i]
	}
	if t, ok := parseLooseDate(rest, kind == published && rest == line); ok {
		return t, kind
	}
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' || len(rest) > 4 && rest[3] == ',' { // ISO, numeric, RFC 1123
		if t, err := ingest.ParseTime(rest); err == nil {
			return t, kind
		}
	}
	return time.Time{}, notDate
}

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdayNames = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true, "wednesday": true,
	"thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true, "friday": true,
	"sat": true, "saturday": true, "sun": true, "sunday": true,
}

// zoneOffsets are fixed offsets of common zone abbreviations in datelines.
// Ambiguous ones (ET, PT) are read as the standard-time offset.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "ist": 5*60 + 30,
	"est": -5 * 60, "edt": -4 * 60, "et": -5 * 60, "cst": -6 * 60, "cdt": -5 * 60, "ct": -6 * 60,
	"mst": -7 * 60, "mdt": -6 * 60, "pst": -8 * 60, "pdt": -7 * 60, "pt": -8 * 60,
	"aest": 10 * 60, "aedt": 11 * 60, "jst": 9 * 60, "hkt": 8 * 60, "msk": 3 * 60,
}

// parseLooseDate reads day, month name, year and an optional time and zone
// in any order ("21 Oct 2011 18:53", "Oct. 21, 2011 6:53 p.m. ET",
// "Friday 21 October 2011 18.53 BST"). With strict set every word must be
// part of the date; otherwise up to three other words are tolerated.
func parseLooseDate(s string, strict bool) (time.Time, bool) {
	var day, year, hour, minute, unknown int
	var month time.Month
	hasTime, pm, am := false, false, false
	offset, hasZone := 0, false
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')' || r == '/' || r == '|' || r == '@'
	}) {
		w := strings.ToLower(strings.TrimRight(f, ".:"))
		if w == "" {
			continue
		}
		switch {
		case monthNames[w] != 0 && month == 0:
			month = monthNames[w]
		case weekdayNames[w], w == "at", w == "on", w == "-", w == "—", w == "the", w == "of":
		case w == "pm" || w == "p.m":
			pm = true
		case w == "am" || w == "a.m":
			am = true
		case isZone(w) && !hasZone:
			offset, hasZone = zoneOffsets[w], true
		default:
			if h, m, ok := clockTime(w); ok && !hasTime {
				hour, minute, hasTime = h, m, true
				if strings.HasSuffix(w, "pm") {
					pm = true
				} else if strings.HasSuffix(w, "am") {
					am = true
				}
				continue
			}
			n, suffix := leadingNumber(w)
			switch {
			case n >= 1 && n <= 31 && day == 0 && (suffix == "" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th"):
				day = n
			case n >= 1900 && n <= 2100 && suffix == "" && year == 0:
				year = n
			default:
				unknown++
			}
		}
	}
	if day == 0 || month == 0 || year == 0 || (strict && unknown > 0) || unknown > 3 {
		return time.Time{}, false
	}
	if pm && hour < 12 {
		hour += 12
	}
	if am && hour == 12 {
		hour = 0
	}
	if day > daysIn(month, year) || hour > 23 || minute > 59 {
		return time.Time{}, false
	}
	loc := time.UTC
	if hasZone && offset != 0 {
		loc = time.FixedZone(strings.ToUpper(zoneName(offset)), offset*60)
	}
	return time.Date(year, month, day, hour, minute, 0, 0, loc), true
}

func isZone(w string) bool { _, ok := zoneOffsets[w]; return ok }

func zoneName(offset int) string {
	sign := "+"
	if offset < 0 {
		sign, offset = "-", -offset
	}
	h, m := offset/60, offset%60
	return "UTC" + sign + string(rune('0'+h/10)) + string(rune('0'+h%10)) + ":" + string(rune('0'+m/10)) + string(rune('0'+m%10))
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// clockTime reads "18:53", "18.53", "6:53pm".
func clockTime(w string) (h, m int, ok bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "pm"), "am")
	i := strings.IndexAny(w, ":.")
	if i < 1 || i > 2 || len(w) != i+3 {
		return 0, 0, false
	}
	h, hs := leadingNumber(w[:i])
	m, ms := leadingNumber(w[i+1:])
	if hs != "" || ms != "" || h > 23 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// leadingNumber returns the decimal number at the start of w and what
// follows it; -1 when w does not start with a digit.
func leadingNumber(w string) (int, string) {
	n, i := 0, 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' && i < 6 {
		n = n*10 + int(w[i]-'0')
		i++
	}
	if i == 0 {
		return -1, w
	}
	return n, w[i:]
}

// hasDigit reports whether s holds an ASCII digit, eight bytes at a time.
func hasDigit(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		const high = 0x8080808080808080
		h := x &^ high
		ge0 := h + 0x5050505050505050 // high bit set where byte >= '0'
		gt9 := h + 0x4646464646464646 // high bit set where byte > '9'
		if (ge0&^gt9)&^x&high != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
