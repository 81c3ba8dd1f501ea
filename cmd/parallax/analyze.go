package main

import (
	"bufio"
	"fmt"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
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
			p := newPipeline(e, pipeline.Options{Workers: workers})
			w := bufio.NewWriterSize(e.stdout, 1<<16)
			err := pipeline.Map(cmd.Context(), p, args,
				func(d news.Document) []byte {
					b, err := report.AppendDocument(nil, d, report.Format(format))
					if err != nil {
						return []byte(fmt.Sprintf(`{"id":%q,"error":%q}`, d.ID, err))
					}
					return b
				},
				func(b []byte) error {
					_, err := w.Write(b)
					return err
				})
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			return p.Err()
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output format: json (one object per line) or text")
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis goroutines (0: one per core)")
	return cmd
}
