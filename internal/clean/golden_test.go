package clean

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// render shows a cleaned article, what was removed and why, for golden files.
func render(a news.Article, removed []Removed, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\nsource: %s\ntitle: %s\nstandfirst: %s\nauthor: %s\n", a.ID, a.Source, a.Title, a.Standfirst, a.Author)
	pub := ""
	if !a.Published.IsZero() {
		pub = a.Published.Format(time.RFC3339)
	}
	fmt.Fprintf(&b, "published: %s\n", pub)
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	b.WriteString("\n--- removed\n")
	for _, r := range removed {
		fmt.Fprintf(&b, "[%s] %s\n", r.Rule, r.Text)
	}
	b.WriteString("\n--- text\n")
	b.WriteString(a.Text)
	b.WriteString("\n")
	return b.String()
}

// readArticle reads a fixture: a .txt file is a raw text article (as ingest
// gives it: no title), a .json file one JSON article.
func readArticle(t *testing.T, path string) news.Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if strings.HasSuffix(path, ".json") {
		var j struct {
			ID, Source, URL, Title, Text string
		}
		if err := json.Unmarshal(b, &j); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return news.Article{ID: id, Source: j.Source, URL: j.URL, Title: j.Title, Text: j.Text, Origin: path}
	}
	return news.Article{ID: id, Text: string(b), Origin: path}
}

func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
	}
}

// TestGolden cleans each invented fixture under testdata/golden, one Cleaner
// per file so that fixtures do not interact.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/golden/*.txt")
	js, _ := filepath.Glob("testdata/golden/*.json")
	files = append(files, js...)
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			a := readArticle(t, f)
			out, removed, err := New(Options{}).Trace(a)
			checkGolden(t, strings.TrimSuffix(f, filepath.Ext(f))+".golden", render(out, removed, err))
		})
	}
}

// TestExample cleans the bundled demo articles, in one run.
func TestExample(t *testing.T) {
	files, _ := filepath.Glob("../../examples/iraq-2011/*.txt")
	if len(files) == 0 {
		t.Skip("examples/iraq-2011 not found")
	}
	c := New(Options{})
	for _, f := range files {
		a := readArticle(t, f)
		out, removed, err := c.Trace(a)
		if err != nil {
			t.Errorf("Clean(%s): %v", f, err)
		}
		checkGolden(t, filepath.Join("testdata/example", strings.TrimSuffix(filepath.Base(f), ".txt")+".golden"), render(out, removed, err))
	}
}

// TestExampleAcceptance states the acceptance criteria on the demo articles
// directly, so that they hold whatever the golden files say: titles found,
// the Al Jazeera date parsed and outlet inferred, and no site furniture left
// in either body. The strings are the example's; the code never sees them.
func TestExampleAcceptance(t *testing.T) {
	files, _ := filepath.Glob("../../examples/iraq-2011/*.txt")
	if len(files) != 2 {
		t.Skip("examples/iraq-2011 not found")
	}
	c := New(Options{})
	var got []news.Article
	for _, f := range files {
		a, err := c.Clean(readArticle(t, f))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	aj, bbc := got[0], got[1]
	if aj.Title != "Obama: All US troops to leave Iraq in 2011" || bbc.Title != "Barack Obama: All US troops to leave Iraq in 2011" {
		t.Errorf("titles = %q, %q", aj.Title, bbc.Title)
	}
	if want := time.Date(2011, 10, 21, 18, 53, 0, 0, time.UTC); !aj.Published.Equal(want) {
		t.Errorf("Al Jazeera Published = %v; want %v", aj.Published, want)
	}
	if aj.Source != "Al Jazeera" {
		t.Errorf("Al Jazeera Source = %q", aj.Source)
	}
	for _, a := range got {
		for _, p := range strings.Split(a.Text, "\n\n") {
			low := strings.ToLower(p)
			for _, bad := range []string{"topics in this article", "featured on", "and agencies", "media caption", "rosiland jordan on what", "unhcr says", "dresden"} {
				if strings.Contains(low, bad) {
					t.Errorf("%s: furniture left in the body: %q", a.ID, p)
				}
			}
			if !endsTerminal(p) {
				t.Errorf("%s: body paragraph without final punctuation: %q", a.ID, p)
			}
		}
		if strings.Contains(a.Text, "\u00a0") || strings.HasPrefix(a.Text, a.Title) {
			t.Errorf("%s: body not normalised or starts with the title", a.ID)
		}
	}
}
