package feed

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that no input makes Parse panic and that items come out
// as valid UTF-8 text.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fd, err := Parse(bytes.NewReader(b), Options{})
		if err != nil {
			return
		}
		for _, it := range fd.Items {
			a := it.Article(fd)
			if !utf8.ValidString(a.Text) && utf8.Valid(b) {
				t.Fatalf("Parse(%q) item text %q is not valid UTF-8", b, a.Text)
			}
		}
	})
}
