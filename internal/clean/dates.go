package clean

import (
	"encoding/binary"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
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
	{"first posted", published},
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
	low := lowerASCII(line) // byte offsets stay those of line
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
	strict := kind == published && rest == line // a bare date: nothing else on the line
	// Several dates on one line ("Published 3 May 2019 | Updated 4 May 2019",
	// "12 May 2016 Last updated at 10:05 GMT"): the first one.
	if i := strings.IndexByte(rest, '|'); i > 0 {
		rest = rest[:i]
	}
	lowRest := lowerASCII(rest)
	for _, m := range []string{" last updated", " last modified", " updated"} {
		if i := strings.Index(lowRest, m); i > 0 {
			rest, lowRest = rest[:i], lowRest[:i]
		}
	}
	if t, ok := parseLooseDate(rest, strict); ok {
		return t, kind
	}
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' || len(rest) > 4 && rest[3] == ',' { // ISO, numeric, RFC 1123
		if t, ok := news.ParseTime(rest); ok && t.Year() >= 1900 && t.Year() <= 2100 {
			return t, kind
		}
	}
	return time.Time{}, notDate
}

// zoneOffsets are the fixed offsets, in minutes east of UTC, of common zone
// abbreviations in datelines. Ambiguous ones (ET, PT) are read as the
// standard-time offset.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "bst": 60, "cet": 60, "cest": 2 * 60, "eet": 2 * 60, "eest": 3 * 60, "ist": 5*60 + 30,
	"est": -5 * 60, "edt": -4 * 60, "et": -5 * 60, "cst": -6 * 60, "cdt": -5 * 60, "ct": -6 * 60,
	"mst": -7 * 60, "mdt": -6 * 60, "pst": -8 * 60, "pdt": -7 * 60, "pt": -8 * 60,
	"aest": 10 * 60, "aedt": 11 * 60, "jst": 9 * 60, "hkt": 8 * 60, "msk": 3 * 60,
}

// parseLooseDate reads a day, a month and a year, with an optional time
// and zone, in any order ("21 Oct 2011 18:53", "Oct. 21, 2011 6:53 p.m.
// ET", "Friday 21 October 2011 18.53 BST", "March 3, 2016-5:12 pm"); the day
// and month may be numeric ("11/23/2016 4:05 PM ET", "21/03/2017",
// "2016.02.09"). With strict set every word must be part of the date, but
// for a dateline's wire, outlet or place ("SALTMERE, NORTH SHORE, March 9,
// 2016", "Newswire Aug 22, 2016"): up to three words in capitals, one of
// them only capitalised. Otherwise up to three other words are tolerated.
func parseLooseDate(s string, strict bool) (time.Time, bool) {
	var day, year, hour, minute int
	var other, caps, titled int // words not part of the date: lower-case, in capitals, capitalised
	var month time.Month
	var num numericDate
	hasTime, pm, am := false, false, false
	offset, hasZone := 0, false
	lx := lexicon.Default() // month and weekday names
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')' || r == '|' || r == '@' || r == '-'
	})
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if n, ok := parseNumericDate(f); ok && num.year == 0 {
			num = n
			continue
		}
		if j := strings.IndexByte(f, '/'); j >= 0 {
			// "2009/02:00 pm": a date and a time glued by a slash.
			fields = append(fields[:i+1], append(strings.Split(f[j+1:], "/"), fields[i+1:]...)...)
			f = f[:j]
		}
		w := strings.ToLower(strings.TrimRight(f, ".:"))
		if w == "" {
			continue
		}
		c := lx.Lookup(w)
		switch {
		case c&(lexicon.Month|lexicon.MonthAbbr) != 0 && month == 0:
			month = time.Month(lx.Ordinal(w))
		case c&(lexicon.Weekday|lexicon.WeekdayAbbr) != 0, w == "at", w == "on", w == "—", w == "the", w == "of", w == "hrs":
		case w == "pm" || w == "p.m":
			pm = true
		case w == "am" || w == "a.m":
			am = true
		case isZone(w) && !hasZone:
			offset, hasZone = zoneOffsets[w], true
		default:
			if o, ok := zoneOffset(w); ok && !hasZone {
				offset, hasZone = o, true
				continue
			}
			if h, m, ok := clockTime(w); ok && !hasTime {
				hour, minute, hasTime = h, m, true
				if strings.HasSuffix(w, "pm") || strings.HasSuffix(w, "p") {
					pm = true
				} else if strings.HasSuffix(w, "am") || strings.HasSuffix(w, "a") {
					am = true
				}
				continue
			}
			n, suffix := leadingNumber(w)
			switch {
			case n >= 1 && n <= 12 && suffix == "" && !hasTime && i+1 < len(fields) && isMeridiem(fields[i+1]):
				hour, hasTime = n, true // "2 A.M. FEB. 4"
			case n >= 1 && n <= 31 && day == 0 && (suffix == "" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th"):
				day = n
			case n >= 1900 && n <= 2100 && suffix == "" && year == 0:
				year = n
			case n < 0 && capitalWord(f) && allCapitals(f):
				caps++
			case n < 0 && capitalWord(f):
				titled++
			default:
				other++
			}
		}
	}
	if num.year != 0 && day == 0 && month == 0 && year == 0 {
		// Day first or month first: a part over 12 tells; otherwise a
		// 12-hour clock or an American zone means month first, a 24-hour
		// clock day first, and without either the date is not read.
		us := pm || am || hasZone && offset <= -4*60 && offset >= -8*60
		switch {
		case num.a == num.b || num.ymd:
			month, day = time.Month(num.a), num.b
		case num.a > 12:
			day, month = num.a, time.Month(num.b)
		case num.b > 12 || us:
			month, day = time.Month(num.a), num.b
		case hasTime:
			day, month = num.a, time.Month(num.b)
		default:
			return time.Time{}, false
		}
		year = num.year
	}
	if day == 0 || month == 0 || year == 0 || other+caps+titled > 3 || strict && (other > 0 || titled > 1) {
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

// numericDate is a date written in digits: a and b are the day and month
// in an order parseLooseDate decides, unless ymd is set (year first: then
// a is the month).
type numericDate struct {
	a, b, year int
	ymd        bool
}

// parseNumericDate reads "11/23/2016", "9/10/16", "09.02.2016" and
// "2016.02.09". A two-digit year is read as strptime's %y does (69–99 are
// 1969–1999, 00–68 are 2000–2068).
func parseNumericDate(f string) (numericDate, bool) {
	sep := byte('/')
	if strings.IndexByte(f, '/') < 0 {
		sep = '.'
	}
	parts := strings.Split(strings.TrimRight(f, "."), string(sep))
	if len(parts) != 3 {
		return numericDate{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, rest := leadingNumber(p)
		if v < 0 || rest != "" || len(p) > 4 || len(p) == 3 {
			return numericDate{}, false
		}
		n[i] = v
	}
	if len(parts[0]) == 4 {
		if len(parts[1]) > 2 || len(parts[2]) > 2 || n[0] < 1900 || n[0] > 2100 || n[1] < 1 || n[1] > 12 || n[2] < 1 || n[2] > 31 {
			return numericDate{}, false
		}
		return numericDate{a: n[1], b: n[2], year: n[0], ymd: true}, true
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 || n[0] < 1 || n[1] < 1 || n[0] > 31 || n[1] > 31 || n[0] > 12 && n[1] > 12 {
		return numericDate{}, false
	}
	y := n[2]
	switch len(parts[2]) {
	case 2:
		y += 2000
		if n[2] >= 69 {
			y -= 100
		}
	case 4:
		if y < 1900 || y > 2100 {
			return numericDate{}, false
		}
	default:
		return numericDate{}, false
	}
	return numericDate{a: n[0], b: n[1], year: y}, true
}

// isMeridiem reports "am", "PM", "a.m.", "p.m.".
func isMeridiem(f string) bool {
	switch strings.ToLower(strings.TrimRight(f, ".:")) {
	case "am", "pm", "a.m", "p.m":
		return true
	}
	return false
}

// zoneOffset reads "gmt+05:00", "utc-4", "gmt+0530" in minutes.
func zoneOffset(w string) (int, bool) {
	if len(w) < 5 || w[:3] != "gmt" && w[:3] != "utc" || w[3] != '+' && w[3] != '-' {
		return 0, false
	}
	d := strings.ReplaceAll(w[4:], ":", "")
	h, rest := leadingNumber(d)
	m := 0
	switch len(d) {
	case 1, 2:
	case 3, 4:
		h, m = h/100, h%100
	default:
		return 0, false
	}
	if rest != "" || h > 14 || m > 59 {
		return 0, false
	}
	o := h*60 + m
	if w[3] == '-' {
		o = -o
	}
	return o, true
}

// capitalWord reports a word that starts with a capital letter and has no
// digits ("Reuters", "WASHINGTON", "D.C.").
func capitalWord(f string) bool {
	return f != "" && f[0] >= 'A' && f[0] <= 'Z' && !hasDigit(f)
}

// allCapitals reports a word without lower-case ASCII letters.
func allCapitals(f string) bool {
	for i := 0; i < len(f); i++ {
		if f[i] >= 'a' && f[i] <= 'z' {
			return false
		}
	}
	return true
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

// clockTime reads "18:53", "18.53", "6:53pm", "4:25p", "2:48:40".
func clockTime(w string) (h, m int, ok bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "pm"), "am")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "p"), "a")
	if len(w) > 5 && w[len(w)-3] == ':' { // seconds
		if sec, rest := leadingNumber(w[len(w)-2:]); sec < 0 || sec > 59 || rest != "" {
			return 0, 0, false
		}
		w = w[:len(w)-3]
	}
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
