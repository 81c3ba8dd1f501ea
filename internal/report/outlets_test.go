package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/news"
)

func render(t *testing.T, docs []news.Document, f Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, compare.Compare(docs, compare.Options{}), f, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// section returns the part of a text or Markdown report from the line
// that starts with head to the next heading.
func section(report, head string) string {
	i := strings.Index(report, head)
	if i < 0 {
		return ""
	}
	rest := report[i+len(head):]
	if j := strings.Index(rest, "Only in"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// Views count outlets, not articles: two articles of one outlet, or two
// outlets running one wire copy, do not make a fact "reported by several
// outlets" (issue 11, item 7).
func TestViewsCountOutlets(t *testing.T) {
	cases := []struct {
		name      string
		docs      []news.Document
		want      []string // in the text view
		notShared string   // a fact that one account alone reports
	}{
		{"one outlet", comparetest.OneOutlet(),
			[]string{"Story: 3 article(s) from 2 outlet(s)\n", "Reported by several outlets (1)", "Only in [A B] Daily Post (2)"},
			"The harbour master closed the inner basin"},
		{"wire copy", comparetest.WireCopy(),
			[]string{"Story: 3 article(s)\n", "Only in [A B] Daily Post, Evening Star (3)", "run one text"},
			"The cause of the fire is not yet known"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			txt := render(t, c.docs, Text)
			for _, w := range c.want {
				if !strings.Contains(txt, w) {
					t.Errorf("text view without %q:\n%s", w, txt)
				}
			}
			if strings.Contains(section(txt, "Reported by several outlets"), c.notShared) {
				t.Errorf("text view: %q is reported by several outlets:\n%s", c.notShared, txt)
			}
			md := render(t, c.docs, Markdown)
			if !strings.Contains(md, "### Only in [A B]") || strings.Contains(section(md, "## Reported by several outlets"), c.notShared) {
				t.Errorf("Markdown view counts articles:\n%s", md)
			}
			html := render(t, c.docs, HTML)
			if only, _, _ := strings.Cut(html[strings.Index(html, `id="h-only"`)+1:], `id="h-figures"`); !strings.Contains(only, `<h3><span class="tag">A B</span>`) {
				t.Errorf("HTML view without the account's section")
			}
		})
	}
}
