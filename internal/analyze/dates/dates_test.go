package dates

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// find runs the stages before this one and Find over text.
func find(text string, published time.Time) []news.Date {
	lx := lexicon.Default()
	toks := token.Tokenize(nil, text, lx)
	return Find(text, toks, sentence.Split(text, toks, lx), published, lx)
}

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
		{"since year", "in power since 2003", pub, []d{{"2003", "2003", false}}},
		{"year range", "the surge of 2006-2007", pub, []d{{"2006-2007", "2006/2007", false}}},
		{"day month without year", "due on 3 Nov", pub, []d{{"3 Nov", "2011-11-03", true}}},
		{"weekday on the publication day", "Friday's vote", pub, []d{{"Friday's", "2011-10-21", true}}},
		{"last weekday", "last Friday and next Friday", pub,
			[]d{{"last Friday", "2011-10-14", true}, {"next Friday", "2011-10-28", true}}},
		{"today and tomorrow", "today and tomorrow", pub,
			[]d{{"today", "2011-10-21", true}, {"tomorrow", "2011-10-22", true}}},
		{"weeks", "this week, last week and next week", pub,
			[]d{{"this week", "2011-W42", true}, {"last week", "2011-W41", true}, {"next week", "2011-W43", true}}},
		{"month steps from the first", "earlier this month and last month", time.Date(2011, 3, 31, 0, 0, 0, 0, time.UTC),
			[]d{{"this month", "2011-03", true}, {"last month", "2011-02", true}}},
		{"this year", "later this year", pub, []d{{"this year", "2011", true}}},
		{"names are not dates", "won Super Tuesday, told USA TODAY and ABC's This Week", pub, nil},
		{"possessive last year", "in Bush's last year in office", pub, nil},
		{"sentence-initial Today", "Today the court ruled.", pub, []d{{"Today", "2011-10-21", true}}},
		{"relative without a date", "yesterday and last month", time.Time{},
			[]d{{"yesterday", "", true}, {"last month", "", true}}},
		{"a stop before a name", "fans in St. Louis Friday and at 9 p.m. ET Saturday", pub,
			[]d{{"Friday", "2011-10-21", true}, {"Saturday", "2011-10-15", true}}},
		{"possessive show name", "on NBC's Saturday Night Live", pub, nil},
		{"a decade is not a year", "in the 1990's and in 1990's", pub, nil},

		// Fixed bugs (issue 10: the stage reads the token stream and sentences).
		{"possessive period", "at this week's debate and last year's show", pub,
			[]d{{"this week's", "2011-W42", true}, {"last year's", "2010", true}}},
		{"possessive relative day", "at yesterday's hearing", pub, []d{{"yesterday's", "2011-10-20", true}}},
		{"a year in the next sentence", "live on September 11th. 2012 saw more.", pub,
			[]d{{"September 11th", "2011-09-11", true}}},
		{"a day across a paragraph", "in October.\n\n12 people came", pub, nil},
		{"possessive owner of a weekday", "after Clinton's Tuesday speech and the Saints' Thursday loss", pub,
			[]d{{"Tuesday", "2011-10-18", true}, {"Thursday", "2011-10-20", true}}},
		{"curly possessive weekday", "Friday’s vote", pub, []d{{"Friday’s", "2011-10-21", true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []d
			for _, x := range find(tt.in, tt.pub) {
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

// FuzzFind runs text through the tokenizer, the sentence splitter and
// Find: dates come in order, each the text of its span, on rune
// boundaries, inside one sentence.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"21 October 2011", "Oct. 3, 2010", "last week", "on Friday", "2011-13-45", "May 99",
		"this week's", "September 11th. 2012", "in October.\n\n12", "NBC's Saturday Night Live", "Friday’s",
		"St. Louis Friday", "\"Today\" (Monday)", "the 1990's", "2006-2007 and 2007-2006"} {
		f.Add(s, int64(1319223180))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		pub := time.Unix(unix%4e9, 0).UTC()
		lx := lexicon.Default()
		toks := token.Tokenize(nil, s, lx)
		sents := sentence.Split(s, toks, lx)
		last := 0
		for _, x := range Find(s, toks, sents, pub, lx) {
			if x.Start < last || x.End > len(s) || x.Text != s[x.Start:x.End] {
				t.Fatalf("Find(%q): bad span %v", s, x.Span)
			}
			if utf8.ValidString(s) && !utf8.ValidString(x.Text) {
				t.Fatalf("Find(%q): span %v not on rune boundaries", s, x.Span)
			}
			in := false
			for _, sp := range sents {
				in = in || sp.Start <= x.Start && x.End <= sp.End
			}
			if !in {
				t.Fatalf("Find(%q): %q (%v) is in no one sentence of %v", s, x.Text, x.Span, sents)
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
	lx := lexicon.Default()
	toks := token.Tokenize(nil, s, lx)
	sents := sentence.Split(s, toks, lx)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s, toks, sents, pub, lx)
	}
}

// BenchmarkFindCorpus runs Find over the first articles of the shared
// AllSides corpus (real news prose, far fewer dates per kB than
// BenchmarkFind's text); it skips when the corpus is absent.
func BenchmarkFindCorpus(b *testing.B) {
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Skip("no go.mod above the package directory")
		}
		dir = parent
	}
	f, err := os.Open(filepath.Join(dir, "..", "shared", "bench", "scale", "allsides-37k.jsonl.gz"))
	if err != nil {
		b.Skipf("shared bench corpus absent: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	type art struct {
		Text      string `json:"text"`
		Published string `json:"published"`
	}
	var arts []art
	n := 0
	dec := json.NewDecoder(zr)
	for len(arts) < 300 {
		var a art
		if err := dec.Decode(&a); err != nil {
			break
		}
		arts = append(arts, a)
		n += len(a.Text)
	}
	lx := lexicon.Default()
	pubs := make([]time.Time, len(arts))
	toks := make([][]news.Token, len(arts))
	sents := make([][]news.Span, len(arts))
	for i, a := range arts {
		pubs[i], _ = news.ParseTime(a.Published)
		toks[i] = token.Tokenize(nil, a.Text, lx)
		sents[i] = sentence.Split(a.Text, toks[i], lx)
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for i, a := range arts {
			Find(a.Text, toks[i], sents[i], pubs[i], lx)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)*5000/1000, "µs/5kB")
}
