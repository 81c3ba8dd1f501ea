package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/ingest/web"
	"github.com/parallax-news/parallax/internal/news"
)

// source streams cleaned articles from the command's paths. Problems with
// single items are printed to stderr and counted; Err reports them at the end
// so that the command exits non-zero when anything was skipped.
type source struct {
	mu      sync.Mutex
	stderr  io.Writer
	skipped int
	reader  *ingest.Reader
	cleaner *clean.Cleaner
	// keepEmpty passes articles without text on (still reporting them), for
	// commands that must account for every input id.
	keepEmpty bool
}

func newSource(stderr io.Writer) *source {
	s := &source{stderr: stderr, cleaner: &clean.Cleaner{}}
	s.reader = ingest.NewReader(ingest.Options{OnError: s.report, Formats: web.Formats(web.Options{}), Workers: runtime.GOMAXPROCS(0)})
	return s
}

func (s *source) report(err error) { s.note("skipped", err) }

// note prints a problem with one item ("skipped", or "kept" for an empty
// article passed on) and counts it.
func (s *source) note(what string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.skipped++
	fmt.Fprintln(s.stderr, "parallax:", what, err)
}

// Stream reads paths ("-" when empty) and calls emit with each cleaned article.
func (s *source) Stream(ctx context.Context, paths []string, emit func(news.Article) error) error {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	return s.reader.Read(ctx, paths, func(a news.Article) error {
		c, err := s.cleaner.Clean(a)
		if err != nil {
			if !s.keepEmpty || !errors.Is(err, news.ErrEmpty) {
				s.report(&ingest.ItemError{Origin: a.Origin, Err: err})
				return nil
			}
			s.note("kept, without text,", &ingest.ItemError{Origin: a.Origin, Err: err})
			c = a
			c.Text = ""
		}
		return emit(c)
	})
}

// Chan streams the articles through a channel for pipe.Map; the returned
// function yields the next article. The returned wait function gives the
// reader's error once the channel is drained.
func (s *source) Chan(ctx context.Context, paths []string) (next func() (news.Article, bool), wait func() error) {
	ch := make(chan news.Article, 64)
	done := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	go func() {
		defer close(ch)
		done <- s.Stream(ctx, paths, func(a news.Article) error {
			select {
			case ch <- a:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	next = func() (news.Article, bool) {
		a, ok := <-ch
		return a, ok
	}
	wait = func() error {
		cancel()
		for range ch {
		}
		return <-done
	}
	return next, wait
}

// Err returns an error when items were skipped.
func (s *source) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.skipped > 0 {
		return fmt.Errorf("%d input item(s) skipped or empty", s.skipped)
	}
	return nil
}
