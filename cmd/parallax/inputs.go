package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/parallax-news/parallax/internal/warc"
)

// inputDecoders returns the ingest decoders for web inputs, for
// ingest.Options.Decoders and ingest.Options.Sniff: HTML pages (.html,
// .htm, .xhtml), feeds (.xml, .rss, .atom, .rdf) and WARC archives
// (.warc; ingest gunzips .warc.gz). The sniffer recognises the same
// formats by content for standard input and unknown extensions.
func inputDecoders() (map[string]ingest.Decoder, func(head []byte) ingest.Decoder) {
	decs := map[string]ingest.Decoder{
		".html":  decodeHTML,
		".htm":   decodeHTML,
		".xhtml": decodeHTML,
		".xml":   decodeFeed,
		".rss":   decodeFeed,
		".atom":  decodeFeed,
		".rdf":   decodeFeed,
		".warc":  decodeWARC,
	}
	sniff := func(head []byte) ingest.Decoder {
		switch {
		case warc.Sniff(head):
			return decodeWARC
		case feed.Sniff(head):
			return decodeFeed
		case extract.LooksHTML(head):
			return decodeHTML
		}
		return nil
	}
	return decs, sniff
}

// decodeHTML reads one HTML page as one article.
func decodeHTML(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error {
	a, err := extract.Extract(r, extract.Options{})
	if err != nil {
		return err
	}
	a.ID = pageID(name)
	a.Origin = name
	return emit(a)
}

// decodeFeed reads a feed file: one article per item that has text.
func decodeFeed(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error {
	f, err := feed.Parse(r, feed.Options{})
	if err != nil {
		return err
	}
	for i, it := range f.Items {
		a := it.Article(f)
		a.Origin = fmt.Sprintf("%s#%d", name, i+1)
		if a.ID == "" {
			a.ID = fmt.Sprintf("%s#%d", pageID(name), i+1)
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

// warcItem is one response record on its way through extraction.
type warcItem struct {
	origin string
	resp   *warc.Response
}

type warcResult struct {
	a   news.Article
	err error
}

// warcResponses returns an iterator over the HTML response records of a
// WARC archive with status 2xx, in archive order. Damaged records and
// unreadable responses are reported through bad and skipped; other record
// types, redirects, errors and non-HTML payloads are not articles and are
// passed over. The second function returns the error that ended the
// stream early, if any.
func warcResponses(name string, r io.Reader, bad func(error)) (func() (warcItem, bool), func() error, error) {
	wr, err := warc.NewReader(bufio.NewReaderSize(r, 64<<10), warc.Options{})
	if err != nil {
		return nil, nil, err
	}
	var streamErr error
	next := func() (warcItem, bool) {
		for {
			rec, err := wr.Next()
			if err == io.EOF {
				return warcItem{}, false
			}
			var re *warc.RecordError
			if errors.As(err, &re) {
				bad(&ingest.ItemError{Origin: name, Err: err})
				continue
			}
			if err != nil {
				streamErr = err
				return warcItem{}, false
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
			return warcItem{origin: origin, resp: resp}, true
		}
	}
	return next, func() error { return streamErr }, nil
}

// extract extracts the record's page, with the record's URL and content
// type in opt.
func (it warcItem) extract(opt extract.Options) (news.Article, error) {
	opt.URL, opt.ContentType = it.resp.URL, it.resp.ContentType
	return extract.ExtractBytes(it.resp.Body, opt)
}

// decodeWARC streams a WARC archive: every HTML response record is
// extracted (on every core, articles emitted in archive order); damaged
// records and pages that fail are reported through bad and skipped.
func decodeWARC(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error {
	next, streamErr, err := warcResponses(name, r, bad)
	if err != nil {
		return err
	}
	err = pipe.Map(ctx, 0, next,
		func(it warcItem) warcResult {
			a, err := it.extract(extract.Options{})
			a.Origin = it.origin
			a.ID = it.resp.URL
			if a.ID == "" {
				a.ID = it.origin
			}
			return warcResult{a, err}
		},
		func(res warcResult) error {
			if res.err != nil {
				bad(&ingest.ItemError{Origin: res.a.Origin, Err: res.err})
				return nil
			}
			return emit(res.a)
		})
	if err != nil {
		return err
	}
	return streamErr()
}

// pageID is a file's base name without its extensions (".html.gz").
func pageID(name string) string {
	if name == "-" {
		return "stdin"
	}
	b := filepath.Base(name)
	for _, ext := range []string{".gz", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".warc"} {
		if strings.HasSuffix(strings.ToLower(b), ext) && len(b) > len(ext) {
			b = b[:len(b)-len(ext)]
		}
	}
	return b
}
