package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/ingest/web"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
)

// Options configures a Pipeline. The zero value reads every input format,
// cleans, and analyzes with every stage on every core.
type Options struct {
	// Stdin is read for the path "-" (and when no path is given); nil
	// means os.Stdin.
	Stdin io.Reader
	// OnProblem is told of every input item skipped (what "skipped") or
	// passed on without text (what "kept, without text,"), one call at a
	// time. nil: problems are only counted.
	OnProblem func(what string, err error)
	// KeepEmpty passes articles without text on after reporting them, for
	// commands that must account for every input id; otherwise they are
	// skipped.
	KeepEmpty bool
	// Raw skips cleaning: articles come out as read and extracted.
	Raw bool
	// Workers is how many articles are read, extracted and analyzed at
	// once; 0 means one per core.
	Workers int
	// Web configures extraction from HTML pages, feeds and WARC archives.
	Web web.Options
	// Analyze selects the analysis stages.
	Analyze analyze.Options
}

// Pipeline reads inputs into cleaned articles and analyzed documents, in
// input order, and counts the items it could not use. It is the one path
// every entry point (the commands, the server) takes, so they read, clean
// and analyze alike. A Pipeline may run several reads one after another;
// the problem count adds up.
type Pipeline struct {
	opt      Options
	reader   *ingest.Reader
	cleaner  *clean.Cleaner
	analyzer *analyze.Analyzer

	mu       sync.Mutex
	problems int
}

// New returns a pipeline with options opt.
func New(opt Options) *Pipeline {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	p := &Pipeline{opt: opt, cleaner: &clean.Cleaner{}, analyzer: &analyze.Analyzer{Options: opt.Analyze}}
	w := opt.Web
	if w.Workers == 0 {
		w.Workers = opt.Workers
	}
	p.reader = ingest.NewReader(ingest.Options{
		OnError: func(err error) { p.problem("skipped", err) },
		Formats: web.Formats(w),
		Workers: opt.Workers,
		Stdin:   opt.Stdin,
	})
	return p
}

func (p *Pipeline) problem(what string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.problems++
	if p.opt.OnProblem != nil {
		p.opt.OnProblem(what, err)
	}
}

// Problems returns how many input items were skipped or kept without text
// so far.
func (p *Pipeline) Problems() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.problems
}

// Err returns an error saying how many items were skipped or empty, or
// nil when none were: a command's exit status.
func (p *Pipeline) Err() error {
	if n := p.Problems(); n > 0 {
		return fmt.Errorf("%d input item(s) skipped or empty", n)
	}
	return nil
}

// Articles reads paths ("-" for standard input; nothing means "-") and
// calls emit with each cleaned article, in input order. A bad item is
// reported and skipped, never the items around it; the error is the
// first of emit's, or the context's.
func (p *Pipeline) Articles(ctx context.Context, paths []string, emit func(news.Article) error) error {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	return p.reader.Read(ctx, paths, func(a news.Article) error {
		if c, ok := p.Clean(a); ok {
			return emit(c)
		}
		return nil
	})
}

// Analyze returns the analysis of one cleaned article.
func (p *Pipeline) Analyze(a news.Article) news.Document { return p.analyzer.Analyze(a) }

// Documents reads and analyzes paths on every core and calls emit with
// each document in input order.
func (p *Pipeline) Documents(ctx context.Context, paths []string, emit func(news.Document) error) error {
	return Map(ctx, p, paths, func(d news.Document) news.Document { return d }, emit)
}

// Map reads and analyzes paths, applies fn to each document on every core
// (fn must be safe for concurrent use), and calls emit with the results in
// input order, one at a time. It is how a command turns documents into
// output lines or clustering features without holding them all.
func Map[T any](ctx context.Context, p *Pipeline, paths []string, fn func(news.Document) T, emit func(T) error) error {
	parent := ctx
	ch := make(chan news.Article, 64)
	done := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(ch)
		done <- p.Articles(ctx, paths, func(a news.Article) error {
			select {
			case ch <- a:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	next := func() (news.Article, bool) {
		a, ok := <-ch
		return a, ok
	}
	err := pipe.Map(ctx, p.opt.Workers, next, func(a news.Article) T { return fn(p.analyzer.Analyze(a)) }, emit)
	cancel()
	for range ch {
	}
	if rerr := <-done; err == nil && !errors.Is(rerr, context.Canceled) {
		err = rerr
	}
	if err == nil {
		err = parent.Err()
	}
	return err
}
