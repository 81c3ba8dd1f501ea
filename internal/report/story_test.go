package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
)

func page(t *testing.T, r compare.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Every fragment link of the story page (matrix cells, figures, quotes,
// the timeline) leads to an element of the page, and each matrix cell
// carries a symbol.
func TestStoryLinksResolve(t *testing.T) {
	out := page(t, compare.Compare(comparetest.Bridge(), compare.Options{}))
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(out, -1) {
		ids[m[1]] = true
	}
	links := regexp.MustCompile(` href="#([^"]+)"`).FindAllStringSubmatch(out, -1)
	if len(links) < 10 {
		t.Fatalf("story page holds %d fragment links; want the matrix's and the lists'", len(links))
	}
	for _, m := range links {
		if !ids[m[1]] {
			t.Errorf("link to #%s: no element with that id", m[1])
		}
	}
	cells := regexp.MustCompile(`<td class="cell (yes|no|unk)"><a href="#[^"]+" title="[^"]+" aria-label="[^"]+">(.)</a>`).FindAllStringSubmatch(out, -1)
	if len(cells) == 0 {
		t.Fatal("story page without matrix cells")
	}
	sym := map[string]string{"yes": symReported, "no": symNotIn, "unk": symUnclear}
	for _, c := range cells {
		if c[2] != sym[c[1]] {
			t.Errorf("matrix cell %s shows %q; want %q", c[1], c[2], sym[c[1]])
		}
	}
	if strings.Contains(out, "<script") {
		t.Error("story page holds a script")
	}
	if !strings.Contains(out, "<title>Council votes to shut Old Mill Bridge</title>") {
		t.Error("story page not titled by the story's headline")
	}
}

// A URL that is not http(s) is never a link, and hostile text in a title
// or source stays text (issue 14).
func TestStoryURLs(t *testing.T) {
	docs := comparetest.Bridge()
	docs[0].URL = "javascript:alert(1)"
	docs[1].URL = "data:text/html,<script>alert(1)</script>"
	docs[2].URL = "https://example.com/a?b=1&c=2"
	docs[2].Title = `"><script>alert(2)</script>`
	out := page(t, compare.Compare(docs, compare.Options{}))
	for _, bad := range []string{"javascript:", "data:text", "<script>alert"} {
		if strings.Contains(out, bad) {
			t.Errorf("story page holds %q", bad)
		}
	}
	if !strings.Contains(out, `href="https://example.com/a?b=1&amp;c=2"`) {
		t.Error("story page does not link the article's https URL")
	}
	for in, want := range map[string]string{"http://x.org/": "http://x.org/", "ftp://x.org/": "", "//x.org/": "", " javascript:x": "", "https://": ""} {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q; want %q", in, got, want)
		}
	}
}

// The matrix keeps to its bounds however many outlets and facts a story
// has, and says what it left out.
func TestMatrixBounds(t *testing.T) {
	r := compare.Compare(comparetest.Synthetic(40, 1), compare.Options{})
	var b bytes.Buffer
	if err := WriteStory(&b, r, StoryOptions{MatrixRows: 3, MatrixColumns: 2}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	matrix, _, _ := strings.Cut(out[strings.Index(out, `class="matrix"`):], "</table>")
	if n := strings.Count(matrix, "<tr id="); n != 3 {
		t.Errorf("matrix rows = %d; want 3", n)
	}
	if n := strings.Count(matrix, `<td class="cell`); n != 6 {
		t.Errorf("matrix cells = %d; want 6", n)
	}
	if !strings.Contains(out, "more below") || !strings.Contains(out, "reporting the fewest facts") {
		t.Error("a bounded matrix does not say what it left out")
	}
}
