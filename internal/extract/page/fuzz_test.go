package page

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPage fuzzes this package's own stages without trafilatura (whose
// WebAssembly regular expressions make coverage-guided fuzzing crawl):
// charset detection, parsing with the nesting fallback, rendering, the
// lead finder and the boilerplate rules.
func FuzzPage(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/*.html")
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
		text, _ := Decode(page, contentType)
		if !utf8.ValidString(text) {
			t.Fatalf("Decode(%q, %q) is not valid UTF-8", page, contentType)
		}
		doc, err := Parse(Normalize(text))
		if err != nil {
			return
		}
		out := Render(doc)
		if !utf8.ValidString(out) || strings.Contains(out, "\n\n\n") {
			t.Fatalf("Render(%q) = %q: invalid UTF-8 or empty paragraph", page, out)
		}
		FindLead(doc, out)
		if got := DropBoilerplate(out); len(got) > len(out) {
			t.Fatalf("DropBoilerplate(%q) grew the text to %q", out, got)
		}
	})
}
