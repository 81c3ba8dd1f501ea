package report

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// example reads, cleans and analyzes the bundled example story.
func example(t *testing.T) []news.Document {
	t.Helper()
	var docs []news.Document
	r := ingest.NewReader(ingest.Options{OnError: func(err error) { t.Errorf("read example: %v", err) }})
	c := &clean.Cleaner{}
	z := &analyze.Analyzer{}
	err := r.Read(context.Background(), []string{"../../examples/iraq-2011"}, func(a news.Article) error {
		a, err := c.Clean(a)
		if err != nil {
			return err
		}
		docs = append(docs, z.Analyze(a))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

var formats = map[Format]string{Text: "txt", Markdown: "md", JSON: "json", HTML: "html"}

func TestGolden(t *testing.T) {
	cases := map[string]func(*testing.T) []news.Document{
		"bridge":    func(*testing.T) []news.Document { return comparetest.Bridge() },
		"iraq-2011": example,
	}
	for name, docs := range cases {
		t.Run(name, func(t *testing.T) {
			r := compare.Compare(docs(t), compare.Options{})
			for f, ext := range formats {
				t.Run(string(f), func(t *testing.T) {
					var b bytes.Buffer
					if err := Write(&b, r, f, Options{}); err != nil {
						t.Fatal(err)
					}
					golden(t, name+"/report."+ext, b.Bytes())
				})
			}
		})
	}
	t.Run("bridge/color", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteText(&b, compare.Compare(comparetest.Bridge(), compare.Options{}), Options{Color: true}); err != nil {
			t.Fatal(err)
		}
		golden(t, "bridge/report.color.txt", b.Bytes())
	})
}

func TestNoColorWithoutTTY(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, compare.Compare(comparetest.Bridge(), compare.Options{}), Options{}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Bytes(), []byte("\x1b[")) {
		t.Errorf("plain text report holds ANSI escapes")
	}
}

// TestHTMLEscapes checks that article text, titles, sources and ids
// cannot inject markup into the page.
func TestHTMLEscapes(t *testing.T) {
	evil := `<script>alert("x")</script><img src=x onerror=alert(1)>`
	docs := comparetest.Bridge()
	docs[0].Text = evil + " " + docs[0].Text
	shift := len(evil) + 1
	for i := range docs[0].Sentences {
		docs[0].Sentences[i].Start += shift
		docs[0].Sentences[i].End += shift
	}
	docs[0].Sentences = append([]news.Span{{Start: 0, End: len(evil)}}, docs[0].Sentences...)
	for i := range docs[0].Quantities {
		docs[0].Quantities[i].Start += shift
		docs[0].Quantities[i].End += shift
	}
	docs[0].Quotes = nil
	docs[0].Entities = nil
	docs[1].Title = evil
	docs[1].Source = evil
	docs[2].ID = evil
	var b bytes.Buffer
	if err := WriteHTML(&b, compare.Compare(docs, compare.Options{})); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script>alert", "<img src=x"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML report contains unescaped %q", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Errorf("HTML report does not show the escaped article text")
	}
}

// TestJSONKeys checks the keys of the JSON contract on both stories.
func TestJSONKeys(t *testing.T) {
	want := map[string][]string{
		"articles":   {"id", "source", "title", "published", "text"},
		"entities":   {"name", "type", "aliases", "articles", "spans"},
		"quantities": {"counts", "verdict", "mentions", "articles", "spans"},
		"quotes":     {"speaker", "verdict", "mentions", "articles", "spans"},
		"facts":      {"text", "articles", "spans"},
		"tensions":   {"text", "articles", "sides", "spans"},
		"summary":    {"text", "articles", "spans"},
	}
	mention := map[string][]string{
		"quantities": {"article", "value", "qualifier", "text", "start", "end"},
		"quotes":     {"article", "text", "start", "end", "speaker"},
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, compare.Compare(comparetest.Bridge(), compare.Options{})); err != nil {
		t.Fatal(err)
	}
	var doc map[string][]map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("JSON report does not parse as the schema's shape: %v", err)
	}
	for list, keys := range want {
		items, ok := doc[list]
		if !ok || len(items) == 0 {
			t.Errorf("JSON report: %q missing or empty on the fixture story", list)
			continue
		}
		for _, it := range items {
			for _, k := range keys {
				if _, ok := it[k]; !ok {
					t.Errorf("JSON report: %s element without %q: %v", list, k, it)
				}
			}
			for _, m := range asList(it["mentions"]) {
				for _, k := range mention[list] {
					if _, ok := m[k]; !ok {
						t.Errorf("JSON report: %s mention without %q: %v", list, k, m)
					}
				}
			}
			for _, sp := range asList(it["spans"]) {
				for _, k := range []string{"article", "start", "end"} {
					if _, ok := sp[k]; !ok {
						t.Errorf("JSON report: %s span without %q: %v", list, k, sp)
					}
				}
			}
		}
	}
}

func asList(v any) []map[string]any {
	l, _ := v.([]any)
	var out []map[string]any
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"": Text, "text": Text, "md": Markdown, "markdown": Markdown, "JSON": JSON, "html": HTML} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Errorf("ParseFormat(%q) = nil error; want one", "pdf")
	}
}

func TestEmptyReport(t *testing.T) {
	r := compare.Compare(nil, compare.Options{})
	for f := range formats {
		var b bytes.Buffer
		if err := Write(&b, r, f, Options{}); err != nil {
			t.Errorf("Write(empty, %s) = %v", f, err)
		}
	}
}

func TestValue(t *testing.T) {
	for in, want := range map[float64]string{4408: "4,408", 39000: "39,000", 12.4e6: "12,400,000", 3.5: "3.5", -1200: "-1,200", 100: "100"} {
		if got := value(in); got != want {
			t.Errorf("value(%v) = %q; want %q", in, got, want)
		}
	}
}

// TestHTMLSizeGrowth writes the page of a generated story of N and of 2N
// articles: twice the articles may make a page at most a little over twice
// as large. (Fixed: every highlighted passage of a fact named all the
// fact's articles, and the page grew with the square of the story: 8 MB
// for 300 articles, 25 MB for 600.)
func TestHTMLSizeGrowth(t *testing.T) {
	size := func(n int) int {
		var b bytes.Buffer
		if err := WriteHTML(&b, compare.Compare(comparetest.Synthetic(n, 1), compare.Options{})); err != nil {
			t.Fatal(err)
		}
		return b.Len()
	}
	n, n2 := size(60), size(120)
	if float64(n2) > 2.15*float64(n) {
		t.Errorf("HTML page: %d bytes for 60 articles, %d for 120; want at most 2.15 times as large", n, n2)
	}
}
