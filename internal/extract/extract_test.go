package extract

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtractArticle(t *testing.T) {
	a, err := Extract(bytes.NewReader(readFixture(t, "article.html")), Options{})
	if err != nil {
		t.Fatalf("Extract(article.html) error: %v", err)
	}
	checks := []struct {
		name, got, want string
	}{
		{"title", a.Title, "Harbour bridge reopens after repairs"},
		{"author", a.Author, "Jane Doe"},
		{"source", a.Source, "The Example Gazette"},
		{"url", a.URL, "https://gazette.example/news/bridge-reopens"},
		{"language", a.Language, "en"},
		{"published", a.Published.Format(time.RFC3339), "2024-03-04T09:30:00Z"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("Extract(article.html).%s = %q; want %q", c.name, c.got, c.want)
			}
		})
	}
	for _, want := range []string{
		"The harbour bridge reopened to traffic on Monday", // the lead, outside <article>
		"Engineers replaced the steel cables",
		"About 40,000 vehicles crossed the bridge every day",
		"Cyclists will be able to use a new separated lane",
	} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("Extract(article.html).Text lacks %q; text:\n%s", want, a.Text)
		}
	}
	for _, bad := range []string{"Home", "Related articles", "Council approves", "All rights reserved", "Foto: Example Agency", "Share on Facebook", "Imprint"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("Extract(article.html).Text contains boilerplate %q; text:\n%s", bad, a.Text)
		}
	}
	if strings.HasPrefix(a.Text, a.Title) {
		t.Errorf("Extract(article.html).Text starts with the title")
	}
	if !strings.Contains(a.Text, "morning.\n\nAbout 40,000") {
		t.Errorf("Extract(article.html).Text does not separate paragraphs by a blank line:\n%s", a.Text)
	}
}

func TestExtractCharset(t *testing.T) {
	for _, name := range []string{"latin1.html", "undeclared1252.html"} {
		t.Run(name, func(t *testing.T) {
			a, err := Extract(bytes.NewReader(readFixture(t, name)), Options{})
			if err != nil {
				t.Fatalf("Extract(%s) error: %v", name, err)
			}
			if !utf8.ValidString(a.Text) || strings.ContainsRune(a.Text, utf8.RuneError) {
				t.Fatalf("Extract(%s).Text is not clean UTF-8: %q", name, a.Text)
			}
			if !strings.Contains(a.Text, "Hafenbrücke öffnete") {
				t.Errorf("Extract(%s).Text lacks %q:\n%s", name, "Hafenbrücke öffnete", a.Text)
			}
		})
	}
}

func TestExtractBadInput(t *testing.T) {
	deep := "<html><body>" + strings.Repeat("<div>", 100_000) + "<p>" + strings.Repeat("Deep text that should survive. ", 30) + "</p>" + strings.Repeat("</div>", 100_000)
	huge := "<html><head><title>Huge</title></head><body><nav>Menu</nav><article>" + strings.Repeat("<p>"+strings.Repeat("Paragraph text of a very long page. ", 10)+"</p>\n", 20_000) + "</article></body></html>"
	tests := []struct {
		name   string
		page   string
		opt    Options
		wantIs error
		wantOK bool
	}{
		{"huge text (7 MB of paragraphs)", huge, Options{}, nil, true},
		{"not html", "just some words\nand more words", Options{}, news.ErrNotArticle, false},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00", Options{}, news.ErrNotArticle, false},
		{"empty", "", Options{}, news.ErrNotArticle, false},
		{"too large", "<html>" + strings.Repeat("a", 2000), Options{MaxBytes: 1000}, ErrTooLarge, false},
		{"no text", "<html><head><title>t</title></head><body><div> </div></body></html>", Options{}, news.ErrEmpty, false},
		{"deep nesting", deep, Options{}, nil, true},
		// Fixed: nested tables passed the tag-depth limit of flatten but
		// not the parser's 512 open elements (each level opens an implicit
		// <tbody>), and the page failed.
		{"deep nested tables", "<html><body><p>" + strings.Repeat("Paragraph text of a very long page. ", 10) + "</p>" + strings.Repeat("<table><tr><td>", 200) + "cell" + strings.Repeat("</td></tr></table>", 200) + "</body></html>", Options{}, nil, true},
		{"deep unclosed tables", "<html><body>" + strings.Repeat("<table><td>", 300) + "<p>" + strings.Repeat("Deep text that should survive. ", 30) + "</p></body></html>", Options{}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract(strings.NewReader(tt.page), tt.opt)
			if tt.wantOK {
				if err != nil {
					t.Fatalf("Extract(%s) error: %v", tt.name, err)
				}
				if !strings.Contains(a.Text, "Deep text that should survive.") && !strings.Contains(a.Text, "Paragraph text of a very long page.") {
					t.Errorf("Extract(%s).Text = %.200q; want the deep paragraph", tt.name, a.Text)
				}
				return
			}
			if !errors.Is(err, tt.wantIs) {
				t.Errorf("Extract(%s) error = %v; want %v", tt.name, err, tt.wantIs)
			}
		})
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html>", true},
		{"\xef\xbb\xbf  <html lang=de>", true},
		{"<!-- saved page --><html>", true},
		{"<div class=x>text</div>", true},
		{`{"id": 1}`, false},
		{"plain text", false},
		{"<?xml version=\"1.0\"?><rss version=\"2.0\">", false},
		{"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
	}
	for _, tt := range tests {
		if got := LooksHTML([]byte(tt.in)); got != tt.want {
			t.Errorf("LooksHTML(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestNotProse(t *testing.T) {
	menu := strings.Repeat("Home News Sport Weather Region Heidelberg Mannheim Contact ", 10)
	prose := strings.Repeat("The council met on Tuesday and voted for the plan. ", 10)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"menu", menu, true},
		{"prose", prose, false},
		{"short menu", "Home News Sport", false},
		{"prose then menu", prose + "\n\n" + strings.Repeat("Home News Sport ", 4), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := notProse(tt.text); got != tt.want {
				t.Errorf("notProse(%.40q) = %v; want %v", tt.text, got, tt.want)
			}
		})
	}
}
