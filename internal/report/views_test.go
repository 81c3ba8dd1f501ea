package report

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
)

func TestStoryTextCountsArticlesWithoutSource(t *testing.T) {
	s := cluster.Story{ID: "s-1", Title: "Dam bursts", Size: 3, Unique: 3, Outlets: []string{"Daily Wire Service"},
		Members: []cluster.Member{{ID: "a", Source: "Daily Wire Service"}, {ID: "b"}, {ID: "c"}}}
	if got := StoryText(s); !strings.Contains(got, "3 article(s) from 1 outlet(s): Daily Wire Service; 2 without a source\n") {
		t.Errorf("StoryText:\n%s", got)
	}
	s.Outlets, s.Members[0].Source = nil, ""
	if got := StoryText(s); !strings.Contains(got, "   3 article(s)\n") {
		t.Errorf("StoryText without outlets:\n%s", got)
	}
}

// Control characters in an input's id, source or title never reach the
// terminal through a text view (issue 10).
func TestTextViewsAreSafe(t *testing.T) {
	bad := "evil\x1b[2J\x07\u009b31m"
	s := cluster.Story{ID: bad, Title: bad, Size: 1, Unique: 1, Outlets: []string{bad},
		Members: []cluster.Member{{ID: bad, Source: bad, Title: bad}}}
	d := news.Document{Article: news.Article{ID: bad, Source: bad, Title: bad, Text: "Body.", Published: time.Date(2011, 10, 21, 0, 0, 0, 0, time.UTC)},
		Sentences: []news.Span{{Start: 0, End: 5}}}
	for name, out := range map[string]string{"StoryText": StoryText(s), "DocumentText": DocumentText(d)} {
		for _, c := range []string{"\x1b", "\x07", "\u009b"} {
			if strings.Contains(out, c) {
				t.Errorf("%s holds the control character %q:\n%q", name, c, out)
			}
		}
		if !strings.Contains(out, "evil") {
			t.Errorf("%s lost the printable text: %q", name, out)
		}
	}
}

func TestSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"tab\tstays", "tab\tstays"},
		{"bell\x07", "bell\uFFFD"},
		{"line\nbreak", "line\uFFFDbreak"},
		{"c1 \u0085", "c1 \uFFFD"},
		{"é and ü", "é and ü"},
	}
	for _, tt := range tests {
		if got := Safe(tt.in); got != tt.want {
			t.Errorf("Safe(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// The comparison's text and Markdown views are as safe as the others.
func TestComparisonViewsAreSafe(t *testing.T) {
	bad := "Evil\x1b]0;owned\x07 Wire"
	docs := []news.Document{
		{Article: news.Article{ID: "a\x1b[2J", Source: bad, Title: "Dam \x1b[31mbursts", Text: "The dam burst on Monday."}, Sentences: []news.Span{{Start: 0, End: 24}}},
		{Article: news.Article{ID: "b", Source: "Herald", Title: "Dam gives way", Text: "The dam gave way on Monday."}, Sentences: []news.Span{{Start: 0, End: 27}}},
	}
	r := compare.Compare(docs, compare.Options{})
	for _, f := range []Format{Text, Markdown} {
		var b strings.Builder
		if err := Write(&b, r, f, Options{}); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\x1b\x07") {
			t.Errorf("%s view holds a control character:\n%q", f, b.String())
		}
	}
}

// A story that continues an earlier one says so in the text view and in
// its JSON (issue 12: the follows link is shown in every view).
func TestStoryFollows(t *testing.T) {
	s := cluster.Story{ID: "s-9", Title: "Verdict in dam trial", Size: 1, Unique: 1, Follows: "s-1"}
	if got := StoryText(s); !strings.Contains(got, "   follows s-1\n") {
		t.Errorf("StoryText of a follow-up:\n%s", got)
	}
	if j := NewStoryJSON(s); j.Follows != "s-1" {
		t.Errorf("StoryJSON.Follows = %q; want s-1", j.Follows)
	}
}

// Each view gives a story's span and why it closed.
func TestStorySpanAndClose(t *testing.T) {
	first := time.Date(2013, 4, 1, 0, 0, 0, 0, time.UTC)
	s := cluster.Story{ID: "s-9", Title: "Dam breaks", Size: 2, Unique: 2, First: first, Last: first.Add(36 * time.Hour), Closed: cluster.ClosedSpan, Follows: "s-1"}
	if got := StoryText(s); !strings.Contains(got, "when:   2013-04-01 to 2013-04-02T12:00:00Z (1.5 days)\n") || !strings.Contains(got, "closed: reached the span cap\n") {
		t.Errorf("StoryText:\n%s", got)
	}
	if j := NewStoryJSON(s); j.Span != 1.5 || j.Closed != "span" {
		t.Errorf("StoryJSON span %v closed %q", j.Span, j.Closed)
	}
	j := NewAssignmentJSON(cluster.Assignment{ID: "a", Story: "s-9"}, "", time.Time{}, "", &s)
	if j.StorySpan != 1.5 || j.StoryClosed != "span" || j.StoryFollows != "s-1" || j.StoryFirst == "" {
		t.Errorf("AssignmentJSON %+v", j)
	}
	if j := NewAssignmentJSON(cluster.Assignment{ID: "a"}, "", time.Time{}, "", nil); j.StoryClosed != "" {
		t.Errorf("an assignment of an open story says it closed: %+v", j)
	}
}
