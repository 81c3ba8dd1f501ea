package clean

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/news"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "Hello, world.", "Hello, world."},
		{"no-break space in number", "all\u00a039,000 troops", "all 39,000 troops"},
		{"space runs collapse", "a \u00a0 b\t\tc", "a b c"},
		{"lines trimmed", "  a  \n\u00a0b\u2009", "a\nb"},
		{"crlf and cr", "a\r\nb\rc", "a\nb\nc"},
		{"paragraph separator", "a\u2029b", "a\n\nb"},
		{"zero width removed", "Tues\u200bday\ufeff and\u00adso \u2060x", "Tuesday andso x"},
		{"joiners kept", "a\u200cb", "a\u200cb"},
		{"curly quotes straightened", "\u201cYes,\u201d she said. \u2018It\u2019s done.\u2019", `"Yes," she said. 'It's done.'`},
		{"low and reversed quotes", "\u201eJa\u201c \u201fx\u201d", `"Ja" "x"`},
		{"en dash range", "2006\u20132007", "2006-2007"},
		{"en dash spaced", "war \u2013 and peace", "war — and peace"},
		{"em dash kept", "so\u2014then", "so—then"},
		{"bar to em dash", "a \u2015 b", "a — b"},
		{"minus and hyphens", "\u22125 and co\u2010op", "-5 and co-op"},
		{"windows-1252 controls", "\u0093Hi\u0094 it\u0092s \u0097 ok", `"Hi" it's — ok`},
		{"control chars dropped", "a\x00b\x07c", "abc"},
		{"nfc composes", "e\u0301t\u00e9", "\u00e9t\u00e9"},
		{"replacement char kept", "bad \xff byte", "bad \uFFFD byte"},
		{"blank lines kept", "a\n\n\nb", "a\n\n\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDateLine(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		bare bool
		want time.Time
		kind dateKind
	}{
		{"Last Modified: 21 Oct 2011 18:53", false, utc(2011, 10, 21, 18, 53), updated},
		{"Published: 2019-05-03", false, utc(2019, 5, 3, 0, 0), published},
		{"Updated 4 May 2019", false, utc(2019, 5, 4, 0, 0), updated},
		{"First published on Monday 4 March 2019 17.32 GMT", false, utc(2019, 3, 4, 17, 32), published},
		{"Posted Oct. 21, 2011 6:53 p.m.", false, utc(2011, 10, 21, 18, 53), published},
		{"Friday 21 October 2011", true, utc(2011, 10, 21, 0, 0), published},
		{"June 4, 2020", true, utc(2020, 6, 4, 0, 0), published},
		{"June 4, 2020", false, time.Time{}, notDate},
		{"On 4 June 2020 the council met", true, time.Time{}, notDate},
		{"Updated 31 February 2020", false, time.Time{}, notDate},
		{"Updatedness 4 May 2019", false, time.Time{}, notDate},
		{"Published", false, time.Time{}, notDate},
		// Numeric days and months: a part over 12, a 12-hour clock or an
		// American zone tells month first; a 24-hour clock day first.
		{"Posted 11/23/2016 4:05 PM", false, utc(2016, 11, 23, 16, 5), published},
		{"Last updated 09:40 21/03/2017", false, utc(2017, 3, 21, 9, 40), updated},
		{"Updated 5/10/2018 2:15 PM", false, utc(2018, 5, 10, 14, 15), updated},
		{"On Wed, 18/04/2018-16:05", true, utc(2018, 4, 18, 16, 5), published},
		{"First Posted 21:12:30 06/06/2015", false, utc(2015, 6, 6, 21, 12), published},
		{"Published: 2016.02.09 10:20 AM", false, utc(2016, 2, 9, 10, 20), published},
		{"03/29/14 06:45 PM", true, utc(2014, 3, 29, 18, 45), published},
		{"04/07/2016 15:30", true, utc(2016, 7, 4, 15, 30), published},
		{"Posted 4/7/2016 at noon", false, time.Time{}, notDate},
		{"Version 1.2.3 released", true, time.Time{}, notDate},
		// Times glued to dates, seconds, short meridiems.
		{"March 3, 2016-5:12 pm", true, utc(2016, 3, 3, 17, 12), published},
		{"Friday, October 14-2016 at 15:20", true, utc(2016, 10, 14, 15, 20), published},
		{"on Jun 9 2015, 4:25p", true, utc(2015, 6, 9, 16, 25), published},
		{"3 A.M. MAR. 6, 2015", true, utc(2015, 3, 6, 3, 0), published},
		{"Thu Oct 13 2016, 02:40 hrs", true, utc(2016, 10, 13, 2, 40), published},
		// A second date on the line: the first one.
		{"12 May 2016 Last updated at 10:05 GMT", true, utc(2016, 5, 12, 0, 0), published},
		{"Posted: Oct 3, 2016 9:15 AM Last Updated: Oct 3, 2016 7:40 PM", false, utc(2016, 10, 3, 9, 15), published},
		// A dateline's wire, outlet or place.
		{"SALTMERE, NORTH SHORE, March 9, 2016", true, utc(2016, 3, 9, 0, 0), published},
		{"Newswire Aug 22, 2016, 03.25PM", true, utc(2016, 8, 22, 15, 25), published},
		{"9:10am EU, Tuesday 11 October 2016", true, utc(2016, 10, 11, 9, 10), published},
		{"Mayor Visits Harbour June 4, 2016", true, time.Time{}, notDate},
		{"The mayor was born on April 22, 1951, in Saltmere", true, time.Time{}, notDate},
		{"A CYCLIST WAS HURT IN SALTMERE OCTOBER 12, 2016", true, time.Time{}, notDate},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, kind := parseDateLine(tt.in, tt.bare)
			if !got.Equal(tt.want) || kind != tt.kind {
				t.Errorf("parseDateLine(%q, %v) = %v, %v; want %v, %v", tt.in, tt.bare, got, kind, tt.want, tt.kind)
			}
		})
	}
	// A zone is kept as an offset.
	for in, want := range map[string]time.Time{
		"Published 3 May 2019 10:00 EDT":     time.Date(2019, 5, 3, 14, 0, 0, 0, time.UTC),
		"7 November 2016, 19:20 (GMT+05:00)": time.Date(2016, 11, 7, 14, 20, 0, 0, time.UTC),
		"Posted at 2:35 PM ET, 02/6/2015":    time.Date(2015, 2, 6, 19, 35, 0, 0, time.UTC),
		"11:20 AM PDT 5/8/2016":              time.Date(2016, 5, 8, 18, 20, 0, 0, time.UTC),
		// Fixed bugs (issue 10): the European zones were an hour's worth
		// of minutes short (bst and cet 1 minute, cest and eet 2, eest 3).
		"Published 3 May 2019 10:00 BST":  time.Date(2019, 5, 3, 9, 0, 0, 0, time.UTC),
		"Published 3 Jan 2019 10:00 CET":  time.Date(2019, 1, 3, 9, 0, 0, 0, time.UTC),
		"Published 3 May 2019 10:00 CEST": time.Date(2019, 5, 3, 8, 0, 0, 0, time.UTC),
		"Published 3 Jan 2019 10:00 EET":  time.Date(2019, 1, 3, 8, 0, 0, 0, time.UTC),
		"Published 3 May 2019 10:00 EEST": time.Date(2019, 5, 3, 7, 0, 0, 0, time.UTC),
		"Published 3 May 2019 10:00 IST":  time.Date(2019, 5, 3, 4, 30, 0, 0, time.UTC),
	} {
		if got, _ := parseDateLine(in, true); !got.Equal(want) {
			t.Errorf("parseDateLine(%q) = %v; want %v", in, got, want)
		}
	}
}

func TestOutletFromURL(t *testing.T) {
	tests := map[string]string{
		"https://www.bbc.co.uk/news/world-1":        "BBC",
		"http://news.bbc.co.uk/2/hi/x.stm":          "BBC",
		"https://amp.theguardian.com/world/x":       "The Guardian",
		"https://edition.cnn.com/2011/x":            "CNN",
		"https://www.example-news.co.uk/a":          "example-news.co.uk",
		"http://m.local.example.com/x":              "local.example.com",
		"example.org/path":                          "example.org",
		"https://feeds.feedburner.com/x":            "",
		"":                                          "",
		"not a url":                                 "",
		"https://localhost:8080/x":                  "",
		"https://WWW.NYTIMES.COM/2011/10/21/x.html": "The New York Times",
	}
	for in, want := range tests {
		if got := OutletFromURL(in); got != want {
			t.Errorf("OutletFromURL(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestOutletHints(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"agencies signoff", "Body sentence one is here.\n\nBody sentence two is here.\n\nThe Example Post and agencies", "The Example Post"},
		{"source signoff", "Body sentence one is here.\n\nBody sentence two is here.\n\nSource: Example Wire and agencies", "Example Wire"},
		{"copyright", "Body sentence one is here.\n\nBody sentence two is here.\n\n©2011 Example Herald Ltd.", "Example Herald"},
		{"copyright word", "Body sentence one is here.\n\nBody sentence two is here.\n\nCopyright 2020 Example Daily, LLC. All rights reserved.", "Example Daily"},
		{"furniture", "Body sentence one is here.\n\nBody sentence two is here.\n\nFeatured on Example Net\nA teaser headline here", "Example Net"},
		{"signoff beats copyright", "Body one is here.\n\nBody two is here and longer.\n\nExample One and agencies\n© 2020 Other Two", "Example One"},
		{"none", "Body sentence one is here.\n\nBody sentence two is here.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New(Options{}).Clean(news.Article{Title: "T", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if got.Source != tt.want {
				t.Errorf("Clean(%q).Source = %q; want %q", tt.text, got.Source, tt.want)
			}
		})
	}
	// The input's source and the URL win over hints.
	got, _ := New(Options{}).Clean(news.Article{Source: "Given", Text: "Body here.\n\nOther and agencies"})
	if got.Source != "Given" {
		t.Errorf("Source = %q; want Given", got.Source)
	}
	got, _ = New(Options{}).Clean(news.Article{URL: "https://www.reuters.com/x", Text: "Body here.\n\nOther and agencies"})
	if got.Source != "Reuters" {
		t.Errorf("Source = %q; want Reuters", got.Source)
	}
}

// TestRules checks single rules on small bodies: which lines go and which stay.
func TestRules(t *testing.T) {
	const p1 = "The first paragraph of the invented story says something that happened on Monday."
	const p2 = "A second paragraph adds detail, with a figure of 1,200 and a place."
	const p3 = "The third paragraph ends the story in the usual way."
	tests := []struct {
		name string
		text string
		gone []string // removed lines
	}{
		{"caption prefix", p1 + "\n\nimage captionThe square on Monday\n\n" + p2, []string{"image captionThe square on Monday"}},
		{"photo credit paren", p1 + "\n\nCrowds in the square (AP Photo/Jo Bloggs)\n\n" + p2, []string{"Crowds in the square (AP Photo/Jo Bloggs)"}},
		{"lone credit", p1 + "\n\n(Pixabay)\n\n" + p2, []string{"(Pixabay)"}},
		{"mid-body label", p1 + "\n\nOur correspondent explains what the vote means for the region\n\n" + p2 + "\n\n" + p3, []string{"Our correspondent explains what the vote means for the region"}},
		{"short subheading kept", p1 + "\n\nWhat comes next\n\n" + p2 + "\n\n" + p3, nil},
		{"line before a quote kept", p1 + "\n\nIn a statement issued late on Monday the minister said\n\n\"We will act.\"\n\n" + p3, nil},
		{"list kept", p1 + "\n\n- one item of a list without punctuation here\n\n" + p2 + "\n\n" + p3, nil},
		{"share lines", p1 + "\n\nShare this story\n\nTweet\n\n" + p2, []string{"Share this story", "Tweet"}},
		{"newsletter", p1 + "\n\nGet the best stories delivered to your inbox. Sign up for our newsletter.\n\n" + p2, []string{"Get the best stories delivered to your inbox. Sign up for our newsletter."}},
		{"newsletter as news kept", p1 + "\n\nThe mayor announced the plan in a newsletter sent to residents on Friday.\n\n" + p2, nil},
		{"click here", p1 + "\n\nClick here for the latest updates\n\n" + p2, []string{"Click here for the latest updates"}},
		{"read more link", p1 + "\n\nRead more: Earlier story about the plan\n\n" + p2, []string{"Read more: Earlier story about the plan"}},
		{"copyright", p1 + "\n\n" + p2 + "\n\nCopyright © 2021 Example Co. All rights reserved.", []string{"Copyright © 2021 Example Co. All rights reserved."}},
		{"contributed", p1 + "\n\n" + p2 + "\n\nThe Associated Press contributed to this report.", []string{"The Associated Press contributed to this report."}},
		{"reporting by", p1 + "\n\n" + p2 + "\n\n(Reporting by A. Writer; Editing by B. Editor)", []string{"(Reporting by A. Writer; Editing by B. Editor)"}},
		{"separator", p1 + "\n\n***\n\n" + p2, []string{"***"}},
		{"trailing unpunctuated", p1 + "\n\n" + p2 + "\n\nWorld news\n\nElections", []string{"World news", "Elections"}},
		{"trailing data kept", p1 + "\n\n" + p2 + "\n\nCandidate A 45-51\n\nTURNOUT: about half", nil},
		{"section headings kept", p1 + "\n\nWhy the plan was delayed for so many months\n\n" + p2 + "\n\nWhat the plan means for the people of the town\n\n" + p3 + "\n\nWhat the opponents of the plan say about it now\n\n" + p1, nil},
		{"related block", p1 + "\n\n" + p2 + "\n\n" + p3 + "\n\nMore on this story\n\nA headline of another story\n\nSecond linked headline here", []string{"More on this story", "A headline of another story", "Second linked headline here"}},
		{"related header mid-body keeps prose", p1 + "\n\nRelated\n\n" + p2 + "\n\n" + p3, []string{"Related"}},
		{"signoff then teasers", p1 + "\n\n" + p2 + "\n\n" + p3 + "\n\nExample Net and agencies\nOne teaser sentence about something else.\nAnother teaser sentence about more.", []string{"Example Net and agencies", "One teaser sentence about something else.", "Another teaser sentence about more."}},
		{"signoff then long prose kept", p1 + "\n\nExample Net and agencies\n\n" + strings.Repeat("A long paragraph that goes on with many words and clauses, ", 6) + "end.", []string{"Example Net and agencies"}},
		{"leading label", "Politics\n\n" + p1 + "\n\n" + p2 + "\n\n" + p3, []string{"Politics"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, removed, err := New(Options{}).Trace(news.Article{Title: "A title", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var gone []string
			for _, r := range removed {
				gone = append(gone, r.Text)
			}
			if diff := cmp.Diff(tt.gone, gone); diff != "" {
				t.Errorf("Trace(%q) removed (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestHeader(t *testing.T) {
	tests := []struct {
		name              string
		in                news.Article
		title, standfirst string
		author, text      string
		published         time.Time
	}{
		{
			name:  "title repeated in body",
			in:    news.Article{Title: "A Headline, #2", Text: "A headline, #2.\n\nBody text here."},
			title: "A Headline, #2", text: "Body text here.",
		},
		{
			name:  "given title not in body",
			in:    news.Article{Title: "A Headline", Text: "Body text here.\n\nMore body."},
			title: "A Headline", text: "Body text here.\n\nMore body.",
		},
		{
			name:  "text file layout",
			in:    news.Article{Text: "A headline\nThe standfirst under it.\nPublished: 3 May 2019\nUpdated: 4 May 2019\nBy Jo Bloggs\n\nBody text here.\n\nMore body."},
			title: "A headline", standfirst: "The standfirst under it.", author: "Jo Bloggs", text: "Body text here.\n\nMore body.",
			published: time.Date(2019, 5, 3, 0, 0, 0, 0, time.UTC),
		},
		{
			name:  "first sentence is not a title",
			in:    news.Article{Text: "This is the first sentence of a body.\n\nMore body."},
			title: "", text: "This is the first sentence of a body.\n\nMore body.",
		},
		{
			name:  "input date wins",
			in:    news.Article{Published: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Text: "Title\nPublished: 3 May 2019\n\nBody."},
			title: "Title", text: "Body.", published: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		},
		{
			name:  "date under a second headline line",
			in:    news.Article{Text: "A headline\nA second line of headline\nOctober 5, 2016 4:35 PM\nThe first sentence of the body.\nThe second."},
			title: "A headline", text: "A second line of headline\n\nThe first sentence of the body.\n\nThe second.",
			published: time.Date(2016, 10, 5, 16, 35, 0, 0, time.UTC),
		},
		{
			name:  "updated only",
			in:    news.Article{Text: "Title\nLast Modified: 21 Oct 2011 18:53\n\nBody."},
			title: "Title", text: "Body.", published: time.Date(2011, 10, 21, 18, 53, 0, 0, time.UTC),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := New(Options{}).Clean(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.in
			want.Title, want.Standfirst, want.Author, want.Text, want.Published = tt.title, tt.standfirst, tt.author, tt.text, tt.published
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Clean(%q) (-want +got):\n%s", tt.in.Text, diff)
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	for _, text := range []string{"", " \n\u00a0\n", "Advertisement\n\nShare"} {
		_, err := New(Options{}).Clean(news.Article{Title: "T", Text: text})
		if !errors.Is(err, news.ErrEmpty) {
			t.Errorf("Clean(%q) error = %v; want ErrEmpty", text, err)
		}
	}
}

// article builds an invented article of the outlet with a unique body and
// the given extra lines at the end.
func article(outlet string, n int, extra ...string) news.Article {
	// Letters, not digits, tell articles apart: digits are folded in line keys.
	id := string([]byte{byte('a' + n%26), byte('a' + n/26%26), byte('a' + n/676%26)})
	body := []string{
		fmt.Sprintf("Story %s begins with a sentence of its own about event %s.", id, id),
		fmt.Sprintf("It goes on with a second sentence naming person %s and place %s.", id, id),
	}
	return news.Article{Source: outlet, Title: fmt.Sprintf("Headline %d", n), Text: strings.Join(append(body, extra...), "\n\n")}
}

func TestRecurring(t *testing.T) {
	const footer = "The opinions expressed here are the writers' own."
	const background = "More than 100 invented people have been affected since the events of last spring began, officials say."
	const quoteLine = `"We will keep going," the spokesman said.`
	t.Run("stream drops from the third article", func(t *testing.T) {
		c := New(Options{})
		for n := 0; n < 5; n++ {
			got, err := c.Clean(article("Example Post", n, footer))
			if err != nil {
				t.Fatal(err)
			}
			if want := n < 2; strings.Contains(got.Text, footer) != want {
				t.Errorf("article %d: footer kept = %v; want %v", n, !want, want)
			}
		}
	})
	t.Run("other outlet not affected", func(t *testing.T) {
		c := New(Options{})
		for n := 0; n < 3; n++ {
			c.Clean(article("Example Post", n, footer))
		}
		got, _ := c.Clean(article("Other Times", 9, footer))
		if !strings.Contains(got.Text, footer) {
			t.Errorf("footer removed from another outlet's article")
		}
	})
	t.Run("learn then clean drops from the first", func(t *testing.T) {
		c := New(Options{})
		var arts []news.Article
		for n := 0; n < 3; n++ {
			arts = append(arts, article("Example Post", n, footer))
		}
		for _, a := range arts {
			c.Learn(a)
		}
		for n, a := range arts {
			got, _ := c.Clean(a)
			if strings.Contains(got.Text, footer) {
				t.Errorf("article %d kept the footer after Learn", n)
			}
		}
	})
	t.Run("no outlet no recurrence", func(t *testing.T) {
		c := New(Options{})
		for n := 0; n < 5; n++ {
			a := article("", n, footer)
			got, _ := c.Clean(a)
			if !strings.Contains(got.Text, footer) {
				t.Fatalf("article %d without outlet lost a recurring line", n)
			}
		}
	})
	t.Run("long prose and quotes kept", func(t *testing.T) {
		c := New(Options{})
		for n := 0; n < 5; n++ {
			a := article("Example Post", n)
			a.Text = strings.Replace(a.Text, "\n\n", "\n\n"+background+"\n\n"+quoteLine+"\n\n", 1)
			got, _ := c.Clean(a)
			if !strings.Contains(got.Text, background) || !strings.Contains(got.Text, quoteLine) {
				t.Fatalf("article %d lost recurring prose:\n%s", n, got.Text)
			}
		}
	})
	t.Run("near duplicate versions keep their sentences", func(t *testing.T) {
		c := New(Options{})
		text := "One sentence of the story.\n\nTwo sentence of the story.\n\nThree sentence of the story."
		for n := 0; n < 5; n++ {
			got, _ := c.Clean(news.Article{Source: "Example Post", Text: text + fmt.Sprintf("\n\nUpdate number %d.", n)})
			if !strings.HasPrefix(got.Text, text) {
				t.Fatalf("version %d lost sentences:\n%s", n, got.Text)
			}
		}
	})
	t.Run("disabled", func(t *testing.T) {
		c := New(Options{MinRecurring: -1})
		for n := 0; n < 5; n++ {
			got, _ := c.Clean(article("Example Post", n, footer))
			if !strings.Contains(got.Text, footer) {
				t.Fatalf("article %d lost the footer with the rule off", n)
			}
		}
	})
	t.Run("memory bounded", func(t *testing.T) {
		c := New(Options{MaxTracked: 1000})
		for n := 0; n < 3000; n++ {
			c.Clean(article("Example Post", n, footer))
			if len(c.counts) > 1000 {
				t.Fatalf("after %d articles the table holds %d keys; want <= 1000", n, len(c.counts))
			}
		}
		got, _ := c.Clean(article("Example Post", 5000, footer))
		if strings.Contains(got.Text, footer) {
			t.Errorf("frequent footer forgotten by the bounded table")
		}
	})
}

// FuzzClean checks that cleaning never panics, gives valid, normalised UTF-8
// and never invents text: every output paragraph is made of input lines.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "Title\nStandfirst.\nPublished: 1 May 2020\n\nBody.", "a\u00a0b\r\n\r\nc\u200b", "\xff\xfe\x00",
		"Title\n\nBody one.\n\nA label line without punctuation at all here\n\nBody two.\n\nX and agencies\nTeaser.",
		"wrapped line that goes on and on and on and on\ncontinues here\nand here and here and here and here\nand ends.",
	} {
		f.Add(s, "")
	}
	f.Add("Body.\n\nBody.", "A title")
	f.Fuzz(func(t *testing.T, text, title string) {
		c := New(Options{})
		got, err := c.Clean(news.Article{Title: title, Text: text, Source: "S"})
		if err != nil {
			if !errors.Is(err, news.ErrEmpty) {
				t.Fatalf("Clean error %v; want nil or ErrEmpty", err)
			}
			return
		}
		if !utf8.ValidString(got.Text) || !utf8.ValidString(got.Title) {
			t.Fatalf("invalid UTF-8 in %q", got.Text)
		}
		if strings.Contains(got.Text, "\r") || strings.Contains(got.Text, "\n\n\n") || strings.Contains(got.Text, "\u00a0") || strings.Contains(got.Text, "\u200b") {
			t.Fatalf("not normalised: %q", got.Text)
		}
		if got.Text != strings.TrimSpace(got.Text) {
			t.Fatalf("untrimmed text %q", got.Text)
		}
		flat := strings.Join(strings.Fields(Normalize(text)), " ")
		for _, p := range strings.Split(got.Text, "\n\n") {
			if p == "" || !strings.Contains(flat, p) {
				t.Fatalf("paragraph %q is not in the input %q", p, text)
			}
		}
	})
}

func TestBytewise(t *testing.T) {
	for _, s := range []string{"", "a", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", "no digits here at all!", "x/:9", "0", "abcdefgh0", "\xff\xc0Z9", "ÀÉ Ω Straße"} {
		b := []byte(s)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		if got, want := lowerASCII(s), string(b); got != want {
			t.Errorf("lowerASCII(%q) = %q; want %q", s, got, want)
		}
		if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Errorf("hasDigit(%q) = %v; want %v", s, got, want)
		}
	}
}

// FuzzBytewise checks the eight-bytes-at-a-time helpers against simple loops.
func FuzzBytewise(f *testing.F) {
	f.Add("Hello World 2024")
	f.Fuzz(func(t *testing.T, s string) {
		var b []byte
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		if got := lowerASCII(s); got != string(b) {
			t.Errorf("lowerASCII(%q) = %q; want %q", s, got, b)
		}
		if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Errorf("hasDigit(%q) = %v; want %v", s, got, want)
		}
	})
}

// TestConcurrent cleans from several goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	c := New(Options{})
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for n := 0; n < 50; n++ {
				if _, err := c.Clean(article("Example Post", n, "A stock footer line here.")); err != nil {
					t.Error(err)
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// FuzzParseDateLine checks that a date line never panics and that what it
// reads is a real date in the years the parser accepts.
func FuzzParseDateLine(f *testing.F) {
	for _, s := range []string{"Posted 11/23/2016 4:05 PM ET", "12 May 2016 Last updated at 10:05 GMT",
		"7 November 2016, 19:20 (GMT+05:00)", "3 A.M. MAR. 6, 2015", "Saltmere N.S., Aug 9, 2016/03:00 pm (XNA)"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, line string, bare bool) {
		got, kind := parseDateLine(line, bare)
		if kind == notDate {
			if !got.IsZero() {
				t.Fatalf("parseDateLine(%q) = %v with notDate", line, got)
			}
			return
		}
		if y := got.UTC().Year(); y < 1899 || y > 2101 {
			t.Fatalf("parseDateLine(%q) = %v: year out of range", line, got)
		}
	})
}
