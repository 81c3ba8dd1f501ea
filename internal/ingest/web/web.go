package web

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/parallax-news/parallax/internal/warc"
)

// Options configures the web formats. The zero value works.
type Options struct {
	// Extract configures the extraction of HTML pages and WARC response
	// records (URL and ContentType are set per record).
	Extract extract.Options
	// Workers is how many WARC records are extracted at once;
	// GOMAXPROCS when zero.
	Workers int
	// KeepFailed passes on a page whose extraction failed, with no text,
	// after reporting it: for commands that print one line per page.
	KeepFailed bool
}

// Formats returns the web formats for ingest.Options.Formats, sniffed in
// this order: WARC, feeds, HTML.
func Formats(opt Options) []ingest.Format {
	d := decoders{opt}
	return []ingest.Format{
		{Exts: []string{".warc"}, Sniff: warc.Sniff, Decode: d.warc, OwnGzip: true},
		{Exts: []string{".xml", ".rss", ".atom", ".rdf"}, Sniff: feed.Sniff, Decode: d.feed},
		{Exts: []string{".html", ".htm", ".xhtml"}, Sniff: extract.LooksHTML, Decode: d.html},
	}
}

type decoders struct{ opt Options }

// failed reports a page that could not be extracted and, with KeepFailed,
// passes it on without text.
func (d decoders) failed(a news.Article, err error, emit func(news.Article) error, bad func(error)) error {
	bad(&ingest.ItemError{Origin: a.Origin, Err: err})
	if !d.opt.KeepFailed {
		return nil
	}
	a.Text = ""
	return emit(a)
}

// html reads one HTML page as one article.
func (d decoders) html(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error {
	a, err := extract.Extract(r, d.opt.Extract)
	a.ID = ingest.BaseID(name)
	a.Origin = name
	if err != nil {
		return d.failed(a, err, emit, bad)
	}
	return emit(a)
}

// feed reads a feed file: one article per item that has text.
func (d decoders) feed(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error {
	f, err := feed.Parse(r, feed.Options{})
	if err != nil {
		return err
	}
	for i, it := range f.Items {
		a := it.Article(f)
		a.Origin = fmt.Sprintf("%s#%d", name, i+1)
		if a.ID == "" {
			a.ID = fmt.Sprintf("%s#%d", ingest.BaseID(name), i+1)
		}
		if strings.TrimSpace(a.Text) == "" {
			bad(&ingest.ItemError{Origin: a.Origin, Err: fmt.Errorf("%w: feed item without text", news.ErrEmpty)})
			continue
		}
		if err := emit(a); err != nil {
			return err
		}
	}
	return nil
}

// response is one HTML response record of a WARC archive.
type response struct {
	Origin string // the archive's name and the record's offset: "crawl.warc.gz@1234"
	*warc.Response
}

// extract extracts the record's page, with the record's URL and content
// type in opt.
func (r response) extract(opt extract.Options) (news.Article, error) {
	opt.URL, opt.ContentType = r.URL, r.ContentType
	return extract.ExtractBytes(r.Body, opt)
}

// responses returns an iterator over the HTML response records of a WARC
// archive with status 2xx, in archive order. Damaged records and
// unreadable responses are reported through bad and skipped; other record
// types, redirects, errors and non-HTML payloads are not articles and are
// passed over. The second function returns the error that ended the
// stream early, if any.
func responses(name string, r io.Reader, bad func(error)) (next func() (response, bool), streamErr func() error) {
	wr, _ := warc.NewReader(bufio.NewReaderSize(r, 64<<10), warc.Options{})
	var serr error
	next = func() (response, bool) {
		for {
			rec, err := wr.Next()
			if err == io.EOF {
				return response{}, false
			}
			var re *warc.RecordError
			if errors.As(err, &re) {
				bad(&ingest.ItemError{Origin: name, Err: err})
				continue
			}
			if err != nil {
				serr = err
				return response{}, false
			}
			if rec.Type() != "response" {
				continue
			}
			origin := fmt.Sprintf("%s@%d", name, rec.Offset)
			resp, err := warc.HTTPResponse(rec, extract.DefaultMaxBytes)
			if err != nil {
				bad(&ingest.ItemError{Origin: origin, Err: err})
				continue
			}
			if !resp.IsHTML() || resp.Status < 200 || resp.Status > 299 {
				continue // images, redirects, errors: not articles
			}
			return response{Origin: origin, Response: resp}, true
		}
	}
	return next, func() error { return serr }
}

type warcResult struct {
	a   news.Article
	err error
}

// warc streams a WARC archive: every HTML response record is extracted
// (on Workers goroutines, articles emitted in archive order); damaged
// records and pages that fail are reported through bad and skipped.
func (d decoders) warc(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error {
	next, streamErr := responses(name, r, bad)
	err := pipe.Map(ctx, d.opt.Workers, next,
		func(it response) warcResult {
			a, err := it.extract(d.opt.Extract)
			a.Origin = it.Origin
			a.ID = it.URL
			if a.ID == "" {
				a.ID = it.Origin
			}
			return warcResult{a, err}
		},
		func(res warcResult) error {
			if res.err != nil {
				return d.failed(res.a, res.err, emit, bad)
			}
			return emit(res.a)
		})
	if err != nil {
		return err
	}
	return streamErr()
}
