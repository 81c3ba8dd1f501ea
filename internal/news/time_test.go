package news

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := map[string]time.Time{
		"2011-10-21":                      utc(2011, 10, 21, 0, 0),
		" 2011-10-21T18:53:00Z ":          utc(2011, 10, 21, 18, 53),
		"2011-10-21T18:53":                utc(2011, 10, 21, 18, 53),
		"2011-10-21 18:53":                utc(2011, 10, 21, 18, 53),
		"20111021":                        utc(2011, 10, 21, 0, 0),
		"2011/10/21":                      utc(2011, 10, 21, 0, 0),
		"Fri, 21 Oct 2011 18:53:00 +0000": utc(2011, 10, 21, 18, 53),
		"10/21/11":                        utc(2011, 10, 21, 0, 0),
		"21.10.2011":                      utc(2011, 10, 21, 0, 0),
		"21 October 2011":                 utc(2011, 10, 21, 0, 0),
		"October 21, 2011":                utc(2011, 10, 21, 0, 0),
		"Oct 21, 2011":                    utc(2011, 10, 21, 0, 0),
	}
	for in, want := range tests {
		got, ok := ParseTime(in)
		if !ok || !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "yesterday", "2011-13-45", "2011-10-21T18:53:00.000000000000000000000000000000000000000000000000Z"} {
		if got, ok := ParseTime(in); ok {
			t.Errorf("ParseTime(%q) = %v; want false", in, got)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2011-10-21", "Fri, 21 Oct 2011 18:53:00 +0000", "1/2/06", "21.10.2011", "October 21, 2011"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseTime(s)
		if !ok {
			if !got.IsZero() {
				t.Fatalf("ParseTime(%q) = %v, false; want the zero time", s, got)
			}
			return
		}
		// What was read survives a round trip through RFC 3339.
		back, ok := ParseTime(got.Format(time.RFC3339Nano))
		if got.Year() >= 0 && got.Year() <= 9999 && (!ok || !back.Equal(got)) {
			t.Fatalf("ParseTime(%q) = %v; reading it back as RFC 3339 gives %v, %v", s, got, back, ok)
		}
	})
}
