package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/compare"
)

// ANSI styles for the text report on a terminal.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

type textWriter struct {
	w     *bufio.Writer
	color bool
	t     tags
	max   int
}

func (x *textWriter) style(code, s string) string {
	if !x.color {
		return s
	}
	return code + s + ansiReset
}

func (x *textWriter) head(s string) {
	fmt.Fprintf(x.w, "\n%s\n", x.style(ansiBold, s))
}

func (x *textWriter) tagList(ids []string) string {
	return x.style(ansiCyan, "["+x.t.list(ids)+"]")
}

func (x *textWriter) verdict(v compare.Verdict) string {
	s := fmt.Sprintf("%-10s", v)
	switch v {
	case compare.Agree, compare.Same:
		return x.style(ansiGreen, s)
	case compare.Compatible, compare.Reworded:
		return x.style(ansiYellow, s)
	case compare.Conflict:
		return x.style(ansiRed, s)
	}
	return x.style(ansiDim, s)
}

// more prints how many items a capped list left out.
func (x *textWriter) more(n int) {
	if n > x.max {
		fmt.Fprintf(x.w, "  … and %d more (--format json lists them)\n", n-x.max)
	}
}

// WriteText writes r as a plain-text report for a terminal.
func WriteText(w io.Writer, r compare.Report, opt Options) error {
	x := &textWriter{w: bufio.NewWriter(w), color: opt.Color, t: newTags(r), max: opt.max()}
	b := x.w
	fmt.Fprintf(b, "%s\n", x.style(ansiBold, storyLine(r)))
	for i, a := range r.Articles {
		if i >= x.max {
			x.more(len(r.Articles))
			break
		}
		fmt.Fprintf(b, "  %s %s", x.style(ansiCyan, "["+x.t.of(a.ID)+"]"), Safe(a.Label()))
		if a.Title != "" {
			fmt.Fprintf(b, ": %s", oneLine(a.Title))
		}
		if a.Published != "" {
			fmt.Fprintf(b, " (%s)", a.Published)
		}
		if a.Source != "" {
			fmt.Fprintf(b, "  %s", x.style(ansiDim, Safe(a.ID)))
		}
		b.WriteString("\n")
	}
	if len(r.Notes) > 0 {
		x.head("Notes")
		for _, n := range r.Notes {
			fmt.Fprintf(b, "  ! %s\n", Safe(n))
		}
	}
	if len(r.Summary) > 0 {
		x.head(fmt.Sprintf("Summary (%d words)", summaryWords(r)))
		for _, s := range r.Summary {
			fmt.Fprintf(b, "  %s %s\n", oneLine(s.Text), x.tagList(s.Articles))
		}
	}
	multi, unique := shared(r)
	if accs, _ := accounts(r); len(accs) > 1 {
		x.head(fmt.Sprintf("Reported by several outlets (%d)", len(multi)))
		for i, f := range multi {
			if i >= x.max {
				x.more(len(multi))
				break
			}
			fmt.Fprintf(b, "  • %s %s\n", oneLine(f.Text), x.tagList(f.Articles))
		}
		for i, a := range accs {
			if i >= x.max {
				break
			}
			fs := unique[a.id]
			if len(fs) == 0 {
				continue
			}
			x.head(fmt.Sprintf("Only in [%s] %s (%d)", x.t.list(a.articles), Safe(a.label()), len(fs)))
			for j, f := range fs {
				if j >= x.max {
					x.more(len(fs))
					break
				}
				fmt.Fprintf(b, "  • %s%s\n", oneLine(f.Text), presenceNote(f, x.t.list))
			}
		}
	} else if len(r.Facts) > 0 {
		x.head(fmt.Sprintf("Facts (%d)", len(r.Facts)))
		for i, f := range r.Facts {
			if i >= x.max {
				x.more(len(r.Facts))
				break
			}
			fmt.Fprintf(b, "  • %s\n", oneLine(f.Text))
		}
	}
	if len(r.Tensions) > 0 {
		x.head(fmt.Sprintf("Tensions (%d)", len(r.Tensions)))
		for _, t := range r.Tensions {
			fmt.Fprintf(b, "  %s %s %s\n", x.style(ansiRed, fmt.Sprintf("%-9s", t.Kind)), x.tagList(t.Articles), oneLine(t.Text))
			for _, s := range t.Sides {
				fmt.Fprintf(b, "      [%s] %s\n", x.t.of(s.Article), oneLine(s.Text))
			}
		}
	}
	if len(r.Quantities) > 0 {
		x.head(fmt.Sprintf("Figures (%d)", len(r.Quantities)))
		for i, q := range r.Quantities {
			if i >= x.max {
				x.more(len(r.Quantities))
				break
			}
			var parts []string
			for _, m := range q.Mentions {
				parts = append(parts, fmt.Sprintf("%s [%s]", Safe(figure(m)), x.t.of(m.Article)))
			}
			fmt.Fprintf(b, "  %s %s: %s\n", x.verdict(q.Verdict), Safe(countsLabel(q)), strings.Join(dedupeStrings(parts), " · "))
		}
	}
	if len(r.Quotes) > 0 {
		x.head(fmt.Sprintf("Quotes (%d)", len(r.Quotes)))
		for i, q := range r.Quotes {
			if i >= x.max {
				x.more(len(r.Quotes))
				break
			}
			fmt.Fprintf(b, "  %s %s %s\n", x.verdict(q.Verdict), orDash(q.Speaker), x.tagList(q.Articles))
			for _, m := range q.Mentions {
				fmt.Fprintf(b, "      [%s] “%s”\n", x.t.of(m.Article), oneLine(m.Text))
			}
			for _, c := range q.Changes {
				fmt.Fprintf(b, "      %s → %s\n", orDash(c.From), orDash(c.To))
			}
		}
	}
	if len(r.Entities) > 0 {
		x.head(fmt.Sprintf("Named (%d)", len(r.Entities)))
		for i, e := range r.Entities {
			if i >= x.max {
				x.more(len(r.Entities))
				break
			}
			var counts []string
			for _, id := range e.Articles {
				counts = append(counts, fmt.Sprintf("%s×%d", x.t.of(id), e.Counts[id]))
			}
			fmt.Fprintf(b, "  %-12s %s", e.Type, Safe(e.Name))
			if others := otherAliases(e); len(others) > 0 {
				fmt.Fprintf(b, " %s", x.style(ansiDim, "("+Safe(strings.Join(others, ", "))+")"))
			}
			fmt.Fprintf(b, "  %s\n", strings.Join(counts, " "))
		}
	}
	return b.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return Safe(s)
}

func otherAliases(e compare.Entity) []string {
	var out []string
	for _, a := range e.Aliases {
		if a != e.Name {
			out = append(out, a)
		}
	}
	return out
}

func dedupeStrings(x []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range x {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
