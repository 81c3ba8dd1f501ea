package news

import (
	"strings"
	"time"
)

// timeLayouts are the date formats accepted in metadata (JSON fields,
// <meta> tags, JSON-LD, datelines), most specific first. Where two layouts
// could read the same string the earlier one wins, so the order matters:
// numeric day-month forms with a slash are month first (US), with a dot day
// first (European), as they are written.
var timeLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"20060102",
	"2006/01/02",
	"2006/01/02 15:04:05",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"1/2/06",
	"1/2/2006",
	"02.01.2006",
	"2.1.2006",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"2 January 2006",
	"January 2, 2006",
	"Jan 2, 2006",
}

// maxTimeLen is the longest string ParseTime tries: no layout above reads
// anything longer, and it bounds the cost of a hostile field.
const maxTimeLen = 64

// ParseTime parses a date or time as metadata writes it: RFC 3339 and its
// common variants (space for T, no zone, no seconds), compact and slashed
// ISO dates, RFC 1123 (as in HTTP and RSS), numeric US (1/2/2006) and
// dotted European (02.01.2006) dates, and English day-month-year or
// month-day-year forms. Surrounding white space is ignored. It reports
// false for anything else, including the empty string and strings longer
// than 64 bytes. A time without a zone is read as UTC. Plausibility (a year
// in range, not in the future) is left to the caller.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxTimeLen {
		return time.Time{}, false
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		// The commonest metadata date, tried first: no longer layout reads
		// ten bytes, so the result is the same, without the failed parses.
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return t, true
		}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
