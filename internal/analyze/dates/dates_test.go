package dates

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestFind(t *testing.T) {
	pub := time.Date(2011, 10, 21, 18, 53, 0, 0, time.UTC) // a Friday
	type d struct {
		Text, Value string
		Relative    bool
	}
	tests := []struct {
		name string
		in   string
		pub  time.Time
		want []d
	}{
		{"day month year", "It began on 21 October 2011.", pub, []d{{"21 October 2011", "2011-10-21", false}}},
		{"month day comma year", "Signed Oct. 3, 2010 in Rome.", pub, []d{{"Oct. 3, 2010", "2010-10-03", false}}},
		{"month year", "since March 2003", pub, []d{{"March 2003", "2003-03", false}}},
		{"iso", "published 2011-10-21 at noon", pub, []d{{"2011-10-21", "2011-10-21", false}}},
		{"year after preposition", "a peak in 2008 and 4,000 troops", pub, []d{{"2008", "2008", false}}},
		{"weekday", "The statement on Friday and the vote on Tuesday.", pub,
			[]d{{"Friday", "2011-10-21", true}, {"Tuesday", "2011-10-18", true}}},
		{"relative words", "yesterday, last month and next year", pub,
			[]d{{"yesterday", "2011-10-20", true}, {"last month", "2011-09", true}, {"next year", "2012", true}}},
		{"month day without year", "invited for December 12", pub, []d{{"December 12", "2011-12-12", true}}},
		{"unresolved without a date", "on Friday", time.Time{}, []d{{"Friday", "", true}}},
		{"may the verb", "They may leave in May 2012.", pub, []d{{"May 2012", "2012-05", false}}},
		{"bare numbers are not years", "The 2000 delegates met.", pub, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []d
			for _, x := range Find(tt.in, nil, tt.pub) {
				if x.Text != tt.in[x.Start:x.End] {
					t.Fatalf("Find(%q): Text %q is not text[%d:%d]", tt.in, x.Text, x.Start, x.End)
				}
				got = append(got, d{x.Text, x.Value, x.Relative})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"21 October 2011", "Oct. 3, 2010", "last week", "on Friday", "2011-13-45", "May 99"} {
		f.Add(s, int64(1319223180))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		pub := time.Unix(unix%4e9, 0).UTC()
		last := 0
		for _, x := range Find(s, nil, pub) {
			if x.Start < last || x.End > len(s) || x.Text != s[x.Start:x.End] {
				t.Fatalf("Find(%q): bad span %v", s, x.Span)
			}
			last = x.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := ""
	for len(s) < 5000 {
		s += "Officials said on Friday that the talks, which began in March 2003, would resume on 12 November 2011. The ministry gave no figures for last month. "
	}
	pub := time.Date(2011, 10, 21, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s, nil, pub)
	}
}
