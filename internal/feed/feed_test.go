package feed

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/news"
)

func parseFile(t *testing.T, name string) (*Feed, error) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f, Options{})
}

func TestParse(t *testing.T) {
	tests := []struct {
		file string
		want []news.Article
	}{
		{"rss.xml", []news.Article{
			{ID: "bridge-1", Source: "Example Gazette", URL: "http://gazette.example/news/bridge", Title: "Harbour bridge reopens",
				Standfirst: "The bridge reopened on Monday.", Author: "Jane Doe", Language: "en",
				Published: time.Date(2024, 3, 4, 9, 30, 0, 0, time.UTC),
				Text:      "The harbour bridge reopened to traffic on Monday.\n\nRepairs took eight months."},
			{ID: "http://gazette.example/news/ferry", Source: "Example Gazette", URL: "http://gazette.example/news/ferry", Title: "Ferry timetable changes",
				Language: "en", Published: time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC), Text: "New summer times start in May."},
		}},
		{"atom.xml", []news.Article{
			{ID: "urn:uuid:1", Source: "Beispiel Zeitung", URL: "http://zeitung.example/bruecke", Title: "Brücke wieder offen",
				Standfirst: "Die Brücke ist wieder offen.", Author: "Max Muster", Language: "de",
				Published: time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC),
				Text:      "Die Brücke ist seit Montag wieder offen.\n\nDie Reparatur dauerte acht Monate."},
		}},
		{"feed.json", []news.Article{
			{ID: "1", Source: "JSON Times", URL: "http://json.example/a", Title: "Le pont rouvre", Author: "Marie Curie", Language: "fr",
				Published: time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC), Text: "Le pont a rouvert lundi."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := parseFile(t, tt.file)
			if err != nil {
				t.Fatalf("Parse(%s): %v", tt.file, err)
			}
			var got []news.Article
			for _, it := range f.Items {
				got = append(got, it.Article(f))
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
				t.Errorf("Parse(%s) articles (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := parseFile(t, "invalid.xml"); err == nil || errors.Is(err, news.ErrNotArticle) {
		t.Errorf("Parse(invalid.xml) error = %v; want a parse error", err)
	}
	for _, in := range []string{"", "just text", "<html><body>page</body></html>", `{"id": 1}`} {
		if _, err := Parse(strings.NewReader(in), Options{}); !errors.Is(err, news.ErrNotArticle) {
			t.Errorf("Parse(%q) error = %v; want ErrNotArticle", in, err)
		}
	}
	if _, err := Parse(strings.NewReader(`<rss version="2.0">`+strings.Repeat(" ", 100)), Options{MaxBytes: 50}); err == nil {
		t.Errorf("Parse(over MaxBytes) error = nil; want an error")
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain   words", "plain words"},
		{"<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."},
		{"a<br>b", "a b"},
		{"<p>x</p><script>var y = 1;</script><p>z</p>", "x\n\nz"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
