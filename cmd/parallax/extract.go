package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/ingest/web"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func newExtractCmd(e *env) *cobra.Command {
	var workers int
	var without string
	var opt extract.Options
	cmd := &cobra.Command{
		Use:   "extract [PATH...]",
		Short: "Extract the main text and metadata of saved web pages",
		Long: `Extract reads HTML pages (.html, .htm, gzipped or not, and any file whose content
looks like HTML; directories are walked; "-" or no path reads standard input)
and WARC archives (.warc, .warc.gz, or content that starts with a WARC record),
and prints one JSON object per page, in input order, with the keys file, text,
title, author, published, source, language and url. Each HTML response record
of an archive is a page; its file is the archive's name and the record's
offset ("crawl.warc.gz@1234") and its url the record's target URI. Text keeps paragraphs
separated by a blank line. Inputs are read as every command reads them, so
feeds, JSON lines and text files give their articles too (file names the
item: "feed.xml#2", "corpus.jsonl:7"). Pages that cannot be extracted are
reported on stderr and printed with empty text; other items that cannot be
read are reported on stderr; the exit status is then non-zero.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			off, err := extract.ParseRules(without)
			if err != nil {
				return err
			}
			opt.Off = off
			return runExtract(e, cmd, args, workers, opt)
		},
	}
	cmd.Flags().StringVar(&without, "without", "", "turn off these extraction rules, comma-separated, to measure them ("+
		"\"all\": go-trafilatura alone): "+strings.Join(extract.RuleNames(), ", "))
	cmd.Flags().IntVar(&workers, "workers", 0, "extraction goroutines (0: one per core)")
	cmd.Flags().BoolVar(&opt.NoFallback, "no-fallback", false, "skip the fallback extractor (faster, lower recall)")
	cmd.Flags().Int64Var(&opt.MaxBytes, "max-bytes", extract.DefaultMaxBytes, "refuse pages larger than this")
	return cmd
}

func runExtract(e *env, cmd *cobra.Command, args []string, workers int, opt extract.Options) error {
	if len(args) == 0 {
		args = []string{"-"}
	}
	var failed int
	p := pipeline.New(pipeline.Options{
		Stdin:     e.stdin,
		OnProblem: func(_ string, err error) { failed++; fmt.Fprintln(e.stderr, "parallax: extract:", err) },
		Raw:       true,
		Workers:   workers,
		Web:       web.Options{Extract: opt, KeepFailed: true},
	})
	bar := newBar(e.stderr, -1, "extracting", "pages")
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	pages := 0
	var b []byte
	err := p.Articles(cmd.Context(), args, func(a news.Article) error {
		var err error
		if b, err = report.AppendPage(b[:0], displayName(a.Origin), a); err != nil {
			return err
		}
		if bar != nil {
			bar.Add(1)
		}
		pages++
		_, err = w.Write(b)
		return err
	})
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(e.stderr)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d failure(s) reported above; %d page(s) written", failed, pages)
	}
	return nil
}

// displayName is the base name of an article's origin ("crawl.warc.gz@1234",
// "page.html"), with "stdin" for standard input.
func displayName(origin string) string {
	if origin == "-" || len(origin) > 1 && origin[0] == '-' && strings.ContainsRune("@#:", rune(origin[1])) {
		return "stdin" + origin[1:]
	}
	return filepath.Base(origin)
}

// newBar returns a progress bar on w when w is a terminal, else nil; n is
// the number of steps, -1 when unknown, each step one unit ("pages").
func newBar(w io.Writer, n int, what, unit string) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || n >= 0 && n < 2 {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(unit),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100_000_000),
	)
}
