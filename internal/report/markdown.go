package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/compare"
)

// mdEscape escapes the characters that Markdown would read as markup in
// running text and table cells.
var mdEscape = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;",
	"|", `\|`, "#", `\#`,
)

func md(s string) string { return mdEscape.Replace(oneLine(s)) }

// WriteMarkdown writes r as a Markdown document.
func WriteMarkdown(w io.Writer, r compare.Report, opt Options) error {
	b := bufio.NewWriter(w)
	t := newTags(r)
	max := opt.max()
	tl := func(ids []string) string { return "**[" + t.list(ids) + "]**" }
	fmt.Fprintf(b, "# %s\n\n", storyLine(r))
	fmt.Fprintf(b, "| | outlet | title | published | id |\n|---|---|---|---|---|\n")
	for i, a := range r.Articles {
		if i >= max {
			fmt.Fprintf(b, "\n… and %d more articles.\n", len(r.Articles)-max)
			break
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", t.of(a.ID), md(a.Source), md(a.Title), a.Published, md(a.ID))
	}
	if len(r.Notes) > 0 {
		b.WriteString("\n## Notes\n\n")
		for _, n := range r.Notes {
			fmt.Fprintf(b, "- %s\n", md(n))
		}
	}
	if len(r.Summary) > 0 {
		fmt.Fprintf(b, "\n## Summary (%d words)\n\n", summaryWords(r))
		for _, s := range r.Summary {
			fmt.Fprintf(b, "- %s %s\n", md(s.Text), tl(s.Articles))
		}
	}
	multi, unique := shared(r)
	accs, _ := accounts(r)
	capped := func(n int) {
		if n > max {
			fmt.Fprintf(b, "- … and %d more (see the JSON report)\n", n-max)
		}
	}
	if len(accs) > 1 {
		fmt.Fprintf(b, "\n## Reported by several outlets (%d)\n\n", len(multi))
		for i, f := range multi {
			if i >= max {
				capped(len(multi))
				break
			}
			fmt.Fprintf(b, "- %s %s\n", md(f.Text), tl(f.Articles))
		}
		for i, a := range accs {
			if i >= max {
				break
			}
			fs := unique[a.id]
			if len(fs) == 0 {
				continue
			}
			fmt.Fprintf(b, "\n### Only in [%s] %s (%d)\n\n", t.list(a.articles), md(a.label()), len(fs))
			for j, f := range fs {
				if j >= max {
					capped(len(fs))
					break
				}
				fmt.Fprintf(b, "- %s%s\n", md(f.Text), presenceNote(f, t.list))
			}
		}
	} else if len(r.Facts) > 0 {
		fmt.Fprintf(b, "\n## Facts (%d)\n\n", len(r.Facts))
		for i, f := range r.Facts {
			if i >= max {
				capped(len(r.Facts))
				break
			}
			fmt.Fprintf(b, "- %s\n", md(f.Text))
		}
	}
	if len(r.Tensions) > 0 {
		fmt.Fprintf(b, "\n## Tensions (%d)\n\n", len(r.Tensions))
		for _, x := range r.Tensions {
			fmt.Fprintf(b, "- *%s* %s %s\n", x.Kind, tl(x.Articles), md(x.Text))
			for _, s := range x.Sides {
				fmt.Fprintf(b, "  - **[%s]** %s\n", t.of(s.Article), md(s.Text))
			}
		}
	}
	if len(r.Quantities) > 0 {
		fmt.Fprintf(b, "\n## Figures (%d)\n\n| verdict | counts | figures |\n|---|---|---|\n", len(r.Quantities))
		for i, q := range r.Quantities {
			if i >= max {
				fmt.Fprintf(b, "| … | %d more | |\n", len(r.Quantities)-max)
				break
			}
			var parts []string
			for _, m := range q.Mentions {
				parts = append(parts, fmt.Sprintf("%s [%s]", figure(m), t.of(m.Article)))
			}
			fmt.Fprintf(b, "| %s | %s | %s |\n", q.Verdict, md(countsLabel(q)), md(strings.Join(dedupeStrings(parts), " · ")))
		}
	}
	if len(r.Quotes) > 0 {
		fmt.Fprintf(b, "\n## Quotes (%d)\n\n", len(r.Quotes))
		for i, q := range r.Quotes {
			if i >= max {
				capped(len(r.Quotes))
				break
			}
			fmt.Fprintf(b, "- *%s* — %s %s\n", q.Verdict, md(orDash(q.Speaker)), tl(q.Articles))
			for _, m := range q.Mentions {
				fmt.Fprintf(b, "  - **[%s]** “%s”\n", t.of(m.Article), md(m.Text))
			}
			for _, c := range q.Changes {
				fmt.Fprintf(b, "  - ~~%s~~ → %s\n", md(orDash(c.From)), md(orDash(c.To)))
			}
		}
	}
	if len(r.Entities) > 0 {
		fmt.Fprintf(b, "\n## Named (%d)\n\n| type | name | also | articles |\n|---|---|---|---|\n", len(r.Entities))
		for i, e := range r.Entities {
			if i >= max {
				fmt.Fprintf(b, "| … | %d more | | |\n", len(r.Entities)-max)
				break
			}
			var counts []string
			for _, id := range e.Articles {
				counts = append(counts, fmt.Sprintf("%s×%d", t.of(id), e.Counts[id]))
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", e.Type, md(e.Name), md(strings.Join(otherAliases(e), ", ")), strings.Join(counts, " "))
		}
	}
	return b.Flush()
}
