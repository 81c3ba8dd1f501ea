package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that no input makes Extract panic or hang, and that
// whatever it returns is valid UTF-8 with no empty paragraphs.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.html")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<html><body><p>short</p>"))
	f.Add([]byte("<meta charset=utf-16><p>x"))
	f.Add([]byte("<html>" + strings.Repeat("<div>", 600) + "<p>deep"))
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := ExtractBytes(page, Options{NoFallback: true})
		if err != nil {
			return
		}
		for _, s := range []string{a.Text, a.Title, a.Author, a.Source, a.URL, a.Standfirst} {
			if !utf8.ValidString(s) {
				t.Fatalf("ExtractBytes(%q) returned invalid UTF-8 %q", page, s)
			}
		}
		if strings.Contains(a.Text, "\n\n\n") || strings.HasPrefix(a.Text, "\n") {
			t.Fatalf("ExtractBytes(%q).Text has an empty paragraph: %q", page, a.Text)
		}
	})
}

// FuzzPage fuzzes this package's own stages without trafilatura (whose
// WebAssembly regular expressions make coverage-guided fuzzing crawl):
// charset detection, parsing with the nesting fallback, rendering, the
// lead finder and the boilerplate rules.
func FuzzPage(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.html")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add([]byte("<html>"+strings.Repeat("<div>", 600)+"<p>deep"), "")
	f.Add([]byte("<p>caf\xe9</p>"), "text/html; charset=iso-8859-1")
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		text, _ := decode(page, contentType)
		if !utf8.ValidString(text) {
			t.Fatalf("decode(%q, %q) is not valid UTF-8", page, contentType)
		}
		doc, err := parse(normalizeText(text))
		if err != nil {
			return
		}
		out := render(doc)
		if !utf8.ValidString(out) || strings.Contains(out, "\n\n\n") {
			t.Fatalf("render(%q) = %q: invalid UTF-8 or empty paragraph", page, out)
		}
		findLead(doc, out)
		if got := dropBoilerplate(out); len(got) > len(out) {
			t.Fatalf("dropBoilerplate(%q) grew the text to %q", out, got)
		}
	})
}
