package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/spf13/cobra"
)

func newAnalyzeCmd(e *env) *cobra.Command {
	var format string
	var workers int
	cmd := &cobra.Command{
		Use:   "analyze [PATH...]",
		Short: "Clean and analyze articles: entities, quotes, quantities, dates",
		Long: `Analyze reads articles (files, directories, JSON lines plain or gzipped, "-" for
standard input) and prints one JSON object per article with the cleaned text and
its people, organizations, places, quotes with speakers, quantities with what they
count, and dates. All offsets are byte offsets into "text".`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" && format != "text" {
				return fmt.Errorf("unknown --format %q (json or text)", format)
			}
			src := newSource(e.stderr)
			next, wait := src.Chan(cmd.Context(), args)
			w := bufio.NewWriterSize(e.stdout, 1<<16)
			z := &analyze.Analyzer{}
			err := pipe.Map(cmd.Context(), workers, next,
				func(a news.Article) []byte {
					d := z.Analyze(a)
					if format == "text" {
						return []byte(docText(d))
					}
					b, err := json.Marshal(newDocJSON(d))
					if err != nil {
						return []byte(fmt.Sprintf(`{"id":%q,"error":%q}`, a.ID, err))
					}
					return append(b, '\n')
				},
				func(b []byte) error {
					_, err := w.Write(b)
					return err
				})
			if werr := wait(); err == nil {
				err = werr
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			return src.Err()
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output format: json (one object per line) or text")
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis goroutines (0: one per core)")
	return cmd
}

// docJSON is the analyze output schema (see README).
type docJSON struct {
	ID         string          `json:"id"`
	Source     string          `json:"source"`
	URL        string          `json:"url,omitempty"`
	Title      string          `json:"title"`
	Standfirst string          `json:"standfirst,omitempty"`
	Author     string          `json:"author,omitempty"`
	Published  string          `json:"published"`
	Text       string          `json:"text"`
	Sentences  []news.Span     `json:"sentences"`
	Entities   []news.Entity   `json:"entities"`
	Quotes     []news.Quote    `json:"quotes"`
	Quantities []news.Quantity `json:"quantities"`
	Dates      []news.Date     `json:"dates"`
}

func newDocJSON(d news.Document) docJSON {
	j := docJSON{
		ID: d.ID, Source: d.Source, URL: d.URL, Title: d.Title, Standfirst: d.Standfirst,
		Author: d.Author, Published: news.FormatTime(d.Published), Text: d.Text,
		Sentences: d.Sentences, Entities: d.Entities, Quotes: d.Quotes, Quantities: d.Quantities, Dates: d.Dates,
	}
	// Empty lists print as [] so consumers need not test for null.
	if j.Sentences == nil {
		j.Sentences = []news.Span{}
	}
	if j.Entities == nil {
		j.Entities = []news.Entity{}
	}
	if j.Quotes == nil {
		j.Quotes = []news.Quote{}
	}
	if j.Quantities == nil {
		j.Quantities = []news.Quantity{}
	}
	if j.Dates == nil {
		j.Dates = []news.Date{}
	}
	return j
}

// docText is the human view of one analyzed article.
func docText(d news.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s", d.ID)
	if d.Source != "" {
		fmt.Fprintf(&b, " (%s)", d.Source)
	}
	b.WriteString("\n")
	if d.Title != "" {
		fmt.Fprintf(&b, "title:     %s\n", d.Title)
	}
	if !d.Published.IsZero() {
		fmt.Fprintf(&b, "published: %s\n", news.FormatTime(d.Published))
	}
	fmt.Fprintf(&b, "text:      %d bytes, %d sentences\n", len(d.Text), len(d.Sentences))
	if len(d.Entities) > 0 {
		b.WriteString("entities:\n")
		for _, en := range d.Entities {
			fmt.Fprintf(&b, "  %-13s %s", en.Type, en.Name)
			if len(en.Aliases) > 0 {
				fmt.Fprintf(&b, "  (%s)", strings.Join(en.Aliases, ", "))
			}
			fmt.Fprintf(&b, "  ×%d\n", len(en.Mentions))
		}
	}
	if len(d.Quotes) > 0 {
		b.WriteString("quotes:\n")
		for _, q := range d.Quotes {
			sp := q.Speaker
			if sp == "" {
				sp = "?"
			}
			fmt.Fprintf(&b, "  [%s] %s: “%s”\n", q.Kind, sp, q.Text)
		}
	}
	if len(d.Quantities) > 0 {
		b.WriteString("quantities:\n")
		for _, q := range d.Quantities {
			fmt.Fprintf(&b, "  %-9s %-11s %v %s   «%s»\n", q.Kind, q.Qualifier, q.Value, q.Counts, q.Text)
		}
	}
	if len(d.Dates) > 0 {
		b.WriteString("dates:\n")
		for _, dt := range d.Dates {
			fmt.Fprintf(&b, "  %-10s «%s»\n", dt.Value, dt.Text)
		}
	}
	b.WriteString("\n")
	return b.String()
}
