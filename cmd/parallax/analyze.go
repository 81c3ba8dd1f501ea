package main

import (
	"bufio"
	"fmt"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/parallax-news/parallax/internal/report"
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
					b, err := report.AppendDocument(nil, z.Analyze(a), report.Format(format))
					if err != nil {
						return []byte(fmt.Sprintf(`{"id":%q,"error":%q}`, a.ID, err))
					}
					return b
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
