package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func newCompareCmd(e *env) *cobra.Command {
	var format string
	var words, maxItems int
	var byStory bool
	var storyID string
	var minArticles int
	cmd := &cobra.Command{
		Use:   "compare [PATH...]",
		Short: "Compare how the outlets report one story",
		Long: `Compare reads articles (files, directories, JSON lines plain or gzipped, "-" for
standard input), treats them all as one story, and reports what the outlets agree
on and what only some of them report: people and places named by whom, figures
grouped by what they count (agree / compatible / conflict), quotes in each
wording, facts aligned by meaning, statements that pull against each other, and
a short summary in which every sentence lists the articles that back it. Every
item points at byte offsets of the article texts.

Formats: text (default; colour on a terminal), markdown, json (schema in the
README), html (one self-contained page, articles side by side).

With --by-story the inputs are a mix of stories: they are grouped first, as
` + "`parallax cluster`" + ` does, and each story with --min-articles or more articles is
compared (--story ID picks one; json then prints {"stories": [{"story", ...}]}).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return err
			}
			p := newPipeline(e, pipeline.Options{})
			var docs []news.Document
			err = p.Documents(cmd.Context(), args, func(d news.Document) error {
				docs = append(docs, d)
				return nil
			})
			if err != nil {
				return err
			}
			if len(docs) == 0 {
				if serr := p.Err(); serr != nil {
					return fmt.Errorf("no articles to compare: %w", serr)
				}
				return errors.New("no articles to compare: the input held no article text")
			}
			copt := compare.Options{SummaryWords: words}
			w := bufio.NewWriterSize(e.stdout, 1<<16)
			opt := report.Options{Color: isTerminal(e.stdout), MaxItems: maxItems}
			if byStory || storyID != "" {
				groups := pipeline.GroupStories(docs, cluster.Options{})
				if err := writeByStory(w, groups, storyID, minArticles, f, copt, opt); err != nil {
					return err
				}
			} else if err := report.Write(w, compare.Compare(docs, copt), f, opt); err != nil {
				return err
			}
			if err := w.Flush(); err != nil {
				return err
			}
			return p.Err()
		},
	}
	cmd.Flags().BoolVar(&byStory, "by-story", false, "group mixed articles into stories first (as parallax cluster does) and compare each story")
	cmd.Flags().StringVar(&storyID, "story", "", "with --by-story: compare only this story id (ids as printed by parallax cluster)")
	cmd.Flags().IntVar(&minArticles, "min-articles", 2, "with --by-story: compare stories with at least this many articles")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, markdown, json or html")
	cmd.Flags().IntVar(&words, "summary-words", 0, fmt.Sprintf("summary length to aim at, in words (0: %d; never more than %d)", compare.DefaultSummaryWords, compare.DefaultMaxSummaryWords))
	cmd.Flags().IntVar(&maxItems, "max-items", 0, fmt.Sprintf("items per list in text and markdown (0: %d; -1: all); json and html hold every item of the comparison", report.DefaultMaxItems))
	return cmd
}

// isTerminal reports whether w is a terminal (for colour).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
