package cluster

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-news/parallax/internal/news"
)

// The event signature. Two events of one kind (two earthquakes, two
// shootings, two fights of one boxer) share their topic words; what tells
// them apart is where, when, who and how many, and the headline and the
// lead say it first. An article's Signature is read from its headline and
// lead only: the places named there (and the dateline), the day it
// reports (the article's date; for an undated article, a full date in its
// lead), the weekday the lead names, the people named there, and its
// figures (a count with what it counts, a measure with its unit). A join
// then weighs agreement and conflict of the article's signature with the
// story's members' (sigMatch): another place, another day, another victim
// or another death toll count against
// it as a shared one counts for it.

// Signature is the who, where, when and how many of an article's
// headline and lead, as hashes.
type Signature struct {
	Day     int32 // the event's day, in days since 1970-01-01; 0 unknown
	Year    int16 // the year the lead or the date says; 0 unknown
	Weekday int8  // 1 (Sunday) to 7 named in the lead; 0 none
	// Told is set when Day or Year comes from the lead's text, not the
	// publication date: articles of one day all share their date, so
	// only a told one agrees (any conflicts).
	Told    bool
	Places  []uint64 // places of the headline, dateline and lead
	Actors  []uint64 // people of the headline and lead
	Figures []Figure // quantities of the lead
}

// Figure is one quantity: what it measures (kind, thing counted, unit)
// and its value.
type Figure struct {
	Of    uint64
	Value float64
}

// Signature limits.
const (
	leadSentences = 2   // sentences of the body that make the lead (3 when the headline is the first line)
	leadMaxBytes  = 600 // the lead ends by here
	sigMax        = 6   // places, actors and figures kept each
)

// signature reads d's Signature; title is the headline the features use
// (the body's first line when the document has none).
func signature(d *news.Document, title string) Signature {
	var sg Signature
	lead := leadEnd(d, title)
	// A dated article's day is its date: the dates of its lead are often
	// of what came before (the crime before the arrest), and its window
	// already keeps it from stories of other weeks. An undated one takes
	// the first full date of its lead.
	dated := !d.Published.IsZero() && d.Published.Year() >= 1980
	inLead := func(sp news.Span) bool { return sp.Start < lead }
	inTitle := func(e news.Entity) bool {
		if d.Title == "" {
			return false
		}
		if strings.Contains(d.Title, e.Name) {
			return true
		}
		for _, a := range e.Aliases {
			if len(a) > 3 && strings.Contains(d.Title, a) {
				return true
			}
		}
		return false
	}
	if p := dateline(d.Text); p != "" {
		sg.Places = append(sg.Places, hashString(Place, p))
	}
	for _, e := range d.Entities {
		var dst *[]uint64
		switch e.Type {
		case news.Place:
			dst = &sg.Places
		case news.Person:
			dst = &sg.Actors
		default:
			continue
		}
		if len(*dst) >= sigMax {
			continue
		}
		if !inTitle(e) && (len(e.Mentions) == 0 || !inLead(e.Mentions[0])) {
			continue
		}
		// A place's key is its Place feature's, a person's the Word
		// feature of the surname, so that the document frequencies tell
		// how rare each is (sigMatch).
		h := hashString(Place, strings.ToLower(e.Name))
		if e.Type == news.Person {
			h = hashString(Word, surname(e.Name))
		}
		if !slices.Contains(*dst, h) {
			*dst = append(*dst, h)
		}
	}
	for _, dt := range d.Dates {
		if !inLead(dt.Span) {
			break // in text order
		}
		if sg.Weekday == 0 && dt.Relative {
			if wd, ok := weekdayNum[strings.ToLower(dt.Text)]; ok {
				sg.Weekday = wd
			}
		}
		if sg.Day == 0 && len(dt.Value) >= 10 && !dated {
			if t, err := time.Parse("2006-01-02", dt.Value[:10]); err == nil {
				sg.Day, sg.Told = int32(t.Unix()/86400), true
			}
		}
		if sg.Year == 0 && len(dt.Value) >= 4 && !dt.Relative {
			if y, err := strconv.Atoi(dt.Value[:4]); err == nil {
				sg.Year, sg.Told = int16(y), true
			}
		}
	}
	if dated {
		if sg.Day == 0 {
			sg.Day = int32(d.Published.Unix() / 86400)
		}
		if sg.Year == 0 {
			sg.Year = int16(d.Published.Year())
		}
	}
	for _, q := range d.Quantities {
		if q.Start >= lead || len(sg.Figures) >= sigMax {
			break
		}
		if q.Kind == news.Duration || q.Kind == news.Percent {
			continue // spans of time and shares are not what an event counts
		}
		of := hashString(Number, string(q.Kind)+"|"+q.Counts+"|"+q.Unit)
		sg.Figures = append(sg.Figures, Figure{Of: of, Value: q.Value})
	}
	return sg
}

// leadEnd returns the byte of d.Text where its lead ends.
func leadEnd(d *news.Document, title string) int {
	n := leadSentences
	if d.Title == "" && title != "" {
		n++ // the first line is the headline
	}
	end := min(len(d.Text), 400)
	if len(d.Sentences) > 0 {
		end = d.Sentences[min(n, len(d.Sentences))-1].End
	}
	return min(end, leadMaxBytes)
}

// surname is the last word of a person's name, lower-cased: the lead of
// one report says "President Barack Obama", another's "Obama".
func surname(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(name)
}

// dateline returns the place of a wire dateline that opens text ("SEOUL,
// South Korea (AP) —", "LOS ANGELES -"), lower-cased, or "".
func dateline(text string) string {
	const most = 40
	end := -1
	for i, r := range text {
		if i > most {
			return ""
		}
		if r == ',' || r == '(' || r == '—' || r == '–' || (r == '-' && i > 0 && text[i-1] == ' ') {
			end = i
			break
		}
		if unicode.IsLower(r) || r == '\n' || r == '.' && i+1 < len(text) && text[i+1] == ' ' {
			return ""
		}
	}
	p := strings.TrimSpace(text[:max(end, 0)])
	if len(p) < 3 {
		return ""
	}
	return strings.ToLower(p)
}

var weekdayNum = map[string]int8{
	"sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
}

// Signature channels, each agreeing or conflicting.
const (
	sigPlace = iota
	sigDay
	sigWeekday
	sigYear
	sigActor
	sigFigure
	numSig
)

var sigNames = [numSig]string{"place", "day", "weekday", "year", "actor", "figure"}

// sigMatch compares an article's signature a with those of a story's
// members: agree[c] is 1 when a channel matches any member (for places and
// people, the rarity of the rarest shared one, from rare: a shared
// "Washington" or "Trump" says less than a shared "Qeshm"), conflict[c]
// when both sides have the channel and nothing matches.
func sigMatch(a *Signature, ms []*Signature, rare func(uint64) float64) (agree [numSig]float64, conflict [numSig]bool) {
	if a == nil {
		return
	}
	var has [numSig]bool
	for _, m := range ms {
		if m == nil {
			continue
		}
		setMatch(a.Places, m.Places, sigPlace, &agree, &has, rare)
		setMatch(a.Actors, m.Actors, sigActor, &agree, &has, rare)
		told := a.Told || m.Told
		if a.Day != 0 && m.Day != 0 {
			has[sigDay] = true
			if d := a.Day - m.Day; d >= -1 && d <= 1 && told {
				agree[sigDay] = 1
			}
		}
		if a.Weekday != 0 && m.Weekday != 0 {
			has[sigWeekday] = true
			if a.Weekday == m.Weekday {
				agree[sigWeekday] = 1
			}
		}
		if a.Year != 0 && m.Year != 0 {
			has[sigYear] = true
			if a.Year == m.Year && told {
				agree[sigYear] = 1
			}
		}
		for _, f := range a.Figures {
			for _, g := range m.Figures {
				if f.Of == g.Of {
					has[sigFigure] = true
					if f.Value == g.Value {
						agree[sigFigure] = 1
					}
				}
			}
		}
	}
	for c := range conflict {
		conflict[c] = has[c] && agree[c] == 0
	}
	conflict[sigYear] = conflict[sigYear] && !sameYear(a, ms)
	if a.Day != 0 {
		// A day that is far from every member's is a conflict even if the
		// years agree; a day within three days is neither.
		conflict[sigDay] = conflict[sigDay] && farDays(a, ms)
	}
	return agree, conflict
}

// farDays reports whether a's day is more than three days from every
// member's known day.
func farDays(a *Signature, ms []*Signature) bool {
	for _, m := range ms {
		if m != nil && m.Day != 0 {
			if d := a.Day - m.Day; d >= -3 && d <= 3 {
				return false
			}
		}
	}
	return true
}

func setMatch(a, b []uint64, c int, agree *[numSig]float64, has *[numSig]bool, rare func(uint64) float64) {
	if len(a) == 0 || len(b) == 0 {
		return
	}
	has[c] = true
	for _, x := range a {
		if slices.Contains(b, x) {
			r := 1.0
			if rare != nil {
				r = rare(x)
			}
			agree[c] = max(agree[c], r)
		}
	}
}

// sameYear reports whether a member's year is a's (an agreement that
// does not count when neither was told, but no conflict either).
func sameYear(a *Signature, ms []*Signature) bool {
	for _, m := range ms {
		if m != nil && m.Year == a.Year {
			return true
		}
	}
	return false
}
