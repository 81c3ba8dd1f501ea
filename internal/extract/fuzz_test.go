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
