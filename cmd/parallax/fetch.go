package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/parallax-news/parallax/internal/extract"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/parallax-news/parallax/internal/poll"
	"github.com/spf13/cobra"
)

// fetchConfig is what the fetch command's flags set.
type fetchConfig struct {
	state   string
	workers int
	opt     fetch.Options
}

func newFetchCmd(e *env) *cobra.Command {
	var c fetchConfig
	defaultState := ""
	if dir, err := os.UserCacheDir(); err == nil {
		defaultState = filepath.Join(dir, "parallax", "fetch-state.json")
	}
	cmd := &cobra.Command{
		Use:   "fetch FEED_URL...",
		Short: "Download feeds and the articles they link to, as JSON lines",
		Long: `Fetch downloads each RSS, Atom or JSON feed and every article it links to,
extracts the articles' text and metadata, and prints one JSON object per article
(id, source, url, title, author, language, published, text) that analyze,
cluster and compare read directly:

  parallax fetch https://example.org/rss.xml > today.jsonl && parallax analyze today.jsonl

The outlet ("source") is the page's own name (og:site_name), else the host of
the article's address, never the feed's title: an aggregator's feed links to many
outlets. Hosts on loopback or private addresses are refused unless named with
--allow-host.

It waits between requests to one host, times out, retries transient failures
with backoff, and remembers ETag / Last-Modified in a state file so that the
next run skips feeds and articles that have not changed (--state "" disables).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runFetch(cmd.Context(), e, args, c)
		},
	}
	f := cmd.Flags()
	f.StringVar(&c.state, "state", defaultState, `file keeping ETag/Last-Modified between runs ("" to disable)`)
	f.IntVar(&c.workers, "workers", 4, "articles downloaded at the same time (each host is still rate-limited)")
	f.DurationVar(&c.opt.HostInterval, "interval", time.Second, "least time between two requests to one host")
	f.DurationVar(&c.opt.Timeout, "timeout", 20*time.Second, "timeout of one request")
	f.IntVar(&c.opt.Retries, "retries", 3, "retries of a transient failure")
	f.StringVar(&c.opt.UserAgent, "user-agent", fetch.DefaultUserAgent, "User-Agent header")
	f.StringSliceVar(&c.opt.AllowHosts, "allow-host", nil, "host that may be on a loopback or private address (repeatable; refused otherwise)")
	return cmd
}

// articleJSON is the JSON lines article that ingest reads.
type articleJSON struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Author    string `json:"author,omitempty"`
	Language  string `json:"language,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

type fetched struct {
	a    news.Article
	ok   bool
	errs []error
}

func runFetch(ctx context.Context, e *env, feeds []string, c fetchConfig) error {
	if c.state != "" {
		st, err := fetch.LoadState(c.state)
		if err != nil {
			return err
		}
		c.opt.State = st
	}
	if c.opt.Retries == 0 {
		c.opt.Retries = -1 // the flag's 0 means none
	}
	f := fetch.New(c.opt)
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	failed, written := 0, 0
	report := func(err error) {
		failed++
		fmt.Fprintln(e.stderr, "parallax: fetch:", err)
	}
	for _, feedURL := range feeds {
		resp, err := f.Get(ctx, feedURL)
		if err != nil {
			if ctx.Err() != nil {
				w.Flush() // keep what the feeds before gave
				return ctx.Err()
			}
			report(err)
			continue
		}
		if resp.NotModified {
			fmt.Fprintf(e.stderr, "parallax: fetch: %s unchanged since the last run\n", feedURL)
			continue
		}
		fd, err := feed.Parse(bytes.NewReader(resp.Body), feed.Options{})
		if err != nil {
			report(fmt.Errorf("%s: %w", feedURL, err))
			continue
		}
		bar := newBar(e.stderr, len(fd.Items), "fetching", "pages")
		i := 0
		next := func() (feed.Item, bool) {
			if i >= len(fd.Items) {
				return feed.Item{}, false
			}
			i++
			return fd.Items[i-1], true
		}
		err = pipe.Map(ctx, c.workers, next,
			func(it feed.Item) fetched { return fetchItem(ctx, f, fd, it) },
			func(r fetched) error {
				if bar != nil {
					bar.Add(1)
				}
				for _, err := range r.errs {
					report(err)
				}
				if !r.ok {
					return nil
				}
				written++
				b, err := json.Marshal(articleJSON{
					ID: r.a.ID, Source: r.a.Source, URL: r.a.URL, Title: r.a.Title, Author: r.a.Author,
					Language: r.a.Language, Published: news.FormatTime(r.a.Published), Text: r.a.Text,
				})
				if err != nil {
					return err
				}
				_, err = w.Write(append(b, '\n'))
				return err
			})
		if bar != nil {
			bar.Finish()
			fmt.Fprintln(e.stderr)
		}
		if err != nil {
			w.Flush()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if c.opt.State != nil {
		if err := c.opt.State.Save(c.state); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d error(s); %d article(s) written", failed, written)
	}
	return nil
}

// fetchItem downloads one item's page and extracts it; when the page
// cannot be had, the feed's own text stands in (and the error is kept).
func fetchItem(ctx context.Context, f *fetch.Fetcher, fd *feed.Feed, it feed.Item) fetched {
	fromFeed := it.Article(fd)
	// The outlet is the page's, never the feed's title: an aggregator's
	// feed links to many outlets.
	fromFeed.Source = poll.Outlet("", it.Link)
	if it.Link == "" {
		return fetched{a: fromFeed, ok: fromFeed.Text != ""}
	}
	resp, err := f.Get(ctx, it.Link)
	if err != nil {
		return fetched{a: fromFeed, ok: fromFeed.Text != "", errs: []error{err}}
	}
	if resp.NotModified {
		return fetched{} // already fetched in an earlier run
	}
	a, err := extract.ExtractBytes(resp.Body, extract.Options{URL: resp.URL, ContentType: resp.ContentType})
	if err != nil || len(a.Text) < len(fromFeed.Text) {
		var errs []error
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", it.Link, err))
		}
		return fetched{a: fromFeed, ok: fromFeed.Text != "", errs: errs}
	}
	poll.FillFromFeed(&a, fromFeed)
	a.Source = poll.Outlet(a.Source, resp.URL)
	return fetched{a: a, ok: true}
}
