package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/parallax-news/parallax/internal/warc"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func newExtractCmd(e *env) *cobra.Command {
	var workers int
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
separated by a blank line. Pages that cannot be read are reported on stderr
(and printed with empty text); the exit status is then non-zero.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(e, cmd, args, workers, opt)
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "extraction goroutines (0: one per core)")
	cmd.Flags().BoolVar(&opt.NoFallback, "no-fallback", false, "skip the fallback extractor (faster, lower recall)")
	cmd.Flags().Int64Var(&opt.MaxBytes, "max-bytes", extract.DefaultMaxBytes, "refuse pages larger than this")
	return cmd
}

// extractJSON is one line of `parallax extract` output.
type extractJSON struct {
	File      string `json:"file"`
	Text      string `json:"text"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Language  string `json:"language"`
	URL       string `json:"url"`
}

type extractOut struct {
	line []byte
	err  error
}

func runExtract(e *env, cmd *cobra.Command, args []string, workers int, opt extract.Options) error {
	if len(args) == 0 {
		args = []string{"-"}
	}
	var failed atomic.Int64
	report := func(err error) {
		failed.Add(1)
		fmt.Fprintln(e.stderr, "parallax: extract:", err)
	}
	files := listInputs(args, report)
	bar := newBar(e.stderr, len(files), "extracting")
	in := &pageSource{e: e, files: files, report: report}
	defer in.close()
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	err := pipe.Map(cmd.Context(), workers, in.next,
		func(p page) extractOut {
			var a news.Article
			var err error
			name := displayName(p.path)
			if p.rec != nil {
				name += strings.TrimPrefix(p.rec.origin, p.path) // "@offset"
				a, err = p.rec.extract(opt)
				if err != nil {
					err = fmt.Errorf("%s: %w", p.rec.origin, err)
				}
			} else {
				a, err = extractFile(p.r, p.path, opt)
			}
			j := extractJSON{
				File: name, Text: a.Text, Title: a.Title, Author: a.Author,
				Published: news.FormatTime(a.Published), Source: a.Source, Language: a.Language, URL: a.URL,
			}
			b, merr := json.Marshal(j)
			if merr != nil && err == nil {
				err = merr
			}
			return extractOut{append(b, '\n'), err}
		},
		func(o extractOut) error {
			if o.err != nil {
				report(o.err)
			}
			if bar != nil {
				bar.Add(1)
			}
			in.pages++
			_, err := w.Write(o.line)
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
	if n := failed.Load(); n > 0 {
		return fmt.Errorf("%d failure(s) reported above; %d page(s) written", n, in.pages)
	}
	return nil
}

// displayName is the input's base name, "stdin" for standard input.
func displayName(path string) string {
	if path == "-" {
		return "stdin"
	}
	return filepath.Base(path)
}

// page is one input of extract: a file, or one response record of a WARC
// archive.
type page struct {
	path string
	r    io.Reader // standard input, already sniffed; nil for a file
	rec  *warcItem
}

// pageSource lists the pages of the inputs in order: each file is a page,
// except WARC archives (.warc, .warc.gz, or content that starts with a
// WARC version line), whose HTML response records are pages, read one at a
// time as the extraction asks for them.
type pageSource struct {
	e      *env
	files  []string
	report func(error)
	i      int
	warc   func() (warcItem, bool)
	werr   func() error
	wfile  io.Closer
	wpath  string
	pages  int
}

func (s *pageSource) next() (page, bool) {
	for {
		if s.warc != nil {
			if it, ok := s.warc(); ok {
				return page{path: s.wpath, rec: &it}, true
			}
			if err := s.werr(); err != nil {
				s.report(err)
			}
			s.close()
		}
		if s.i >= len(s.files) {
			return page{}, false
		}
		path := s.files[s.i]
		s.i++
		r, c, err := s.open(path)
		if err != nil {
			s.report(err)
			continue
		}
		br := bufio.NewReaderSize(r, 64<<10)
		if !isWARC(br) {
			if c != nil {
				c.Close()
				return page{path: path}, true
			}
			return page{path: path, r: br}, true
		}
		next, werr, err := warcResponses(path, br, s.report)
		if err != nil {
			s.report(fmt.Errorf("%s: %w", path, err))
			if c != nil {
				c.Close()
			}
			continue
		}
		s.warc, s.werr, s.wfile, s.wpath = next, werr, c, path
	}
}

func (s *pageSource) open(path string) (io.Reader, io.Closer, error) {
	if path == "-" {
		return s.e.stdin, nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f, nil
}

func (s *pageSource) close() {
	if s.wfile != nil {
		s.wfile.Close()
	}
	s.warc, s.werr, s.wfile = nil, nil, nil
}

// isWARC reports whether br holds a WARC archive, plain or gzipped, without
// consuming it.
func isWARC(br *bufio.Reader) bool {
	head, _ := br.Peek(5)
	if warc.Sniff(head) {
		return true
	}
	if !bytes.Equal(head[:min(2, len(head))], []byte{0x1f, 0x8b}) {
		return false
	}
	buf, _ := br.Peek(br.Size())
	zr, err := gzip.NewReader(bytes.NewReader(buf))
	if err != nil {
		return false
	}
	inner := make([]byte, 5)
	n, _ := io.ReadFull(zr, inner)
	return warc.Sniff(inner[:n])
}

// extractFile reads one page (from r, or from the file at path when r is
// nil), gunzipping it when it is gzipped, and extracts it.
func extractFile(r io.Reader, path string, opt extract.Options) (news.Article, error) {
	if r == nil {
		f, err := os.Open(path)
		if err != nil {
			return news.Article{}, err
		}
		defer f.Close()
		r = f
	}
	r, closeZ, err := maybeGunzip(r)
	if err != nil {
		return news.Article{}, fmt.Errorf("%s: %w", path, err)
	}
	defer closeZ()
	a, err := extract.Extract(r, opt)
	if err != nil {
		return a, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// maybeGunzip returns a reader of r's content, decompressed when it starts
// with the gzip magic bytes.
func maybeGunzip(r io.Reader) (io.Reader, func(), error) {
	br := bufio.NewReaderSize(r, 32<<10)
	head, _ := br.Peek(2)
	if !bytes.Equal(head, []byte{0x1f, 0x8b}) {
		return br, func() {}, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, nil, fmt.Errorf("gzip: %w", err)
	}
	return &gzipErrReader{zr}, func() { zr.Close() }, nil
}

// gzipErrReader names gzip errors (a truncated archive) as such.
type gzipErrReader struct{ z *gzip.Reader }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	if err != nil && err != io.EOF {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("gzip: truncated: %w", err)
		} else {
			err = fmt.Errorf("gzip: %w", err)
		}
	}
	return n, err
}

// listInputs expands directories (recursively, lexical order, hidden
// entries skipped) into the files they hold.
func listInputs(args []string, report func(error)) []string {
	var files []string
	for _, p := range args {
		if p == "-" {
			files = append(files, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			report(err)
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		var dir []string
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				report(err)
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				dir = append(dir, path)
			}
			return nil
		})
		sort.Strings(dir)
		files = append(files, dir...)
	}
	return files
}

// newBar returns a progress bar on w when w is a terminal, else nil.
func newBar(w io.Writer, n int, what string) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || n < 2 {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("pages"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100_000_000),
	)
}
