package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/deskweb"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/poll"
	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/web"
	"github.com/spf13/cobra"
)

func newServeCmd(e *env) *cobra.Command {
	var (
		dbPath, addr, token, config, logFormat, logLevel string
		ingest, allowHosts, feeds                        []string
		interval, pollInterval                           time.Duration
		recompute, noPoll                                bool
	)
	cmd := &cobra.Command{
		Use:   "serve [--db FILE] [--addr HOST:PORT]",
		Short: "Run the story desk: web pages and a JSON API over a database file, feeds polled, comparisons kept up to date",
		Long: `Serve opens the database file (created or upgraded as ingest does) and serves
the desk's pages at / (stories, a story's comparison, outlets, feeds), its
stories, articles, search, outlets and feeds as a JSON API (GET
/api/openapi.json describes it), with GET /healthz (200 once ready) and
Prometheus metrics at /metrics. It ingests the paths given with --ingest (any
input of ingest) at start, then polls the feeds of 'parallax feeds' (or added
on the feeds page or POST /api/feeds) every --poll-interval (--no-poll: never),
storing and clustering each article as ingest does, and recomputes the
comparison of every story that changed, at most once per --recompute-interval.
The poller never reaches loopback or private addresses unless the host is
given with --allow-host.

It listens on 127.0.0.1 unless --addr says otherwise; bound beyond loopback it
refuses to start without --token (or PARALLAX_TOKEN), which writes then need
(a bearer token, or typed once into the feeds page). --config FILE reads
the same settings from a JSON object ({"addr": "127.0.0.1:9000", "ingest":
["a.jsonl"]}) or name=value lines; flags given on the command line win.

SIGTERM or SIGINT stops it: it stops accepting, lets requests in flight finish,
and stops ingesting (what the last batch committed is kept with the clusterer
state; the next start completes the rest).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if config != "" {
				if err := applyConfig(cmd.Flags(), config); err != nil {
					return err
				}
			}
			if token == "" {
				token = os.Getenv("PARALLAX_TOKEN")
			}
			log, err := newLogger(e, logFormat, logLevel)
			if err != nil {
				return err
			}
			return serve(cmd.Context(), e, serveConfig{db: dbPath, addr: addr, token: token, ingest: ingest, interval: interval, noRecompute: !recompute, log: log,
				pollInterval: pollInterval, noPoll: noPoll, fetch: fetch.Options{AllowHosts: allowHosts}, feeds: feeds})
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "parallax.db", "the database file")
	cmd.Flags().StringVar(&addr, "addr", server.DefaultAddr, "address to listen on (HOST:PORT)")
	cmd.Flags().StringVar(&token, "token", "", "bearer token writes need (default $PARALLAX_TOKEN)")
	cmd.Flags().StringVar(&config, "config", "", "config file: JSON object or name=value lines, names as the flags")
	cmd.Flags().StringSliceVar(&ingest, "ingest", nil, "ingest these paths at start (repeatable)")
	cmd.Flags().DurationVar(&interval, "recompute-interval", desk.DefaultRecomputeInterval, "recompute a changed story's comparison at most this often")
	cmd.Flags().BoolVar(&recompute, "recompute", true, "recompute changed stories' comparisons (false: serve the stored ones as they are)")
	cmd.Flags().DurationVar(&pollInterval, "poll-interval", DefaultPollInterval, "look for due feeds this often (each feed is checked every 30 minutes, less often while it fails)")
	cmd.Flags().BoolVar(&noPoll, "no-poll", false, "do not poll the feeds")
	cmd.Flags().StringSliceVar(&feeds, "feed", nil, "subscribe to this feed at start, as feeds add does (repeatable)")
	cmd.Flags().StringSliceVar(&allowHosts, "allow-host", nil, "host the poller may reach on a loopback or private address (repeatable; refused otherwise)")
	cmd.Flags().StringVar(&logFormat, "log-format", "text", "log format: text or json")
	cmd.Flags().StringVar(&logLevel, "log-level", "info", "log level: debug (every request), info, warn, error")
	return cmd
}

// newLogger returns the structured logger of a long-running command.
func newLogger(e *env, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	opt := &slog.HandlerOptions{Level: lv}
	switch strings.ToLower(format) {
	case "text":
		return slog.New(slog.NewTextHandler(e.stderr, opt)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(e.stderr, opt)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}

type serveConfig struct {
	db, addr, token string
	ingest          []string
	interval        time.Duration
	noRecompute     bool
	pollInterval    time.Duration
	noPoll          bool
	feeds           []string      // subscribed to at start
	fetch           fetch.Options // the poller's fetcher
	log             *slog.Logger
	// ready, when set, is called once the server listens (tests).
	ready func(addr string)
	// polled, when set, is called after each poll (tests).
	polled func()
}

// DefaultPollInterval is how often serve looks for due feeds.
const DefaultPollInterval = 2 * time.Minute

// serve wires the store, the API server, the pages, the recomputer, the
// start-up ingest and the poller, and runs them until ctx ends.
func serve(ctx context.Context, e *env, c serveConfig) error {
	if web.NeedsToken(c.addr) && c.token == "" {
		return fmt.Errorf("--addr %s is reachable beyond this machine: give --token (or PARALLAX_TOKEN), which writes will need", c.addr)
	}
	db, err := sqlite.Open(ctx, c.db)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			db.Close()
		}
	}()
	for _, f := range c.feeds {
		u, err := poll.FeedURL(f)
		if err != nil {
			return fmt.Errorf("--feed: %w", err)
		}
		if _, _, err := db.AddFeed(ctx, u, ""); err != nil {
			return err
		}
	}
	metrics := server.NewMetrics()
	rec := desk.NewRecomputer(db, desk.RecomputeOptions{
		Pipeline: pipelineOptions(e, pipeline.Options{}), Interval: c.interval, Logger: c.log,
		OnRound: func(done, left int) {
			metrics.ComparisonsComputed.Add(float64(done))
			if left != 0 {
				metrics.ComparisonsStale.Set(1)
			} else {
				metrics.ComparisonsStale.Set(0)
			}
		},
	})
	wake := make(chan struct{}, 1) // a feed was added: poll now
	wakeUp := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	deskOpt := deskweb.Options{OnFeedAdded: wakeUp}
	if !c.noRecompute {
		deskOpt.Recomputer = rec
	}
	pages := web.Handler(deskweb.New(db, deskOpt), web.Options{Token: c.token, Logger: c.log})
	feeds := poll.Handler(db)
	srv := server.New(db, server.Options{Addr: c.addr, Token: c.token, Logger: c.log, Metrics: metrics,
		Feeds: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			feeds.ServeHTTP(w, r)
			if r.Method == http.MethodPost {
				wakeUp()
			}
		}),
		Pages: pages,
	})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if !c.noRecompute {
		wg.Go(func() { rec.Run(ctx) })
	}
	// One goroutine writes: the start-up ingest, then the polls, each an
	// ingest run of its own over the one clusterer state.
	d := desk.New(db, desk.Options{Pipeline: pipelineOptions(e, pipeline.Options{}), OnDocument: func() { metrics.QueueDepth.Inc() }})
	count := func(sum desk.Summary) {
		metrics.QueueDepth.Set(0)
		metrics.ArticlesIngested.Add(float64(sum.Stored))
		metrics.Duplicates.Add(float64(sum.Duplicates))
	}
	wg.Go(func() {
		if len(c.ingest) > 0 {
			start := time.Now()
			sum, err := d.Ingest(ctx, c.ingest)
			count(sum)
			if err != nil && !errors.Is(err, context.Canceled) {
				c.log.Error("ingest", "paths", c.ingest, "err", err)
			} else if err == nil {
				c.log.Info("ingested", "read", sum.Read, "stored", sum.Stored, "duplicates", sum.Duplicates, "stories", sum.Stories, "took", time.Since(start).Round(time.Millisecond))
				rec.Notify()
			}
		}
		if c.noPoll {
			return
		}
		interval := c.pollInterval
		if interval <= 0 {
			interval = DefaultPollInterval
		}
		p := &feedPoll{desk: d, log: c.log, count: count, store: &heldFinish{FeedStore: db}}
		p.poller = poll.New(p.store, p.sink, poll.Options{Fetcher: fetch.New(c.fetch), Logger: c.log})
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			if ctx.Err() != nil {
				return
			}
			if p.once(ctx) > 0 {
				rec.Notify()
			}
			if c.polled != nil {
				c.polled()
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			case <-wake:
			}
		}
	})
	ln, err := listen(c.addr)
	if err != nil {
		cancel()
		wg.Wait()
		return err
	}
	srv.SetReady(true)
	if c.ready != nil {
		c.ready(ln.Addr().String())
	}
	err = srv.Serve(ctx, ln)
	cancel()
	wg.Wait()
	closed = true
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// feedPoll is serve's poller: each poll's articles go, one at a time,
// into one ingest run of the desk (started with the poll's first
// article), which stores and clusters them and commits when the poll
// ends. The run holds the store's one write transaction until then, so
// the poller's item outcomes are held (heldFinish) and recorded after
// the commit: an item is done only once its article is stored, and a
// crash before leaves it pending, to be read again (and found stored).
type feedPoll struct {
	desk   *desk.Desk
	poller *poll.Poller
	store  *heldFinish
	log    *slog.Logger
	count  func(desk.Summary)

	ch   chan news.Article
	done chan struct{}
	sum  desk.Summary
	err  error
}

// sink hands one article to the poll's ingest run, starting it.
func (p *feedPoll) sink(ctx context.Context, a news.Article) error {
	if p.ch == nil {
		p.ch, p.done = make(chan news.Article), make(chan struct{})
		go func() {
			defer close(p.done)
			p.sum, p.err = p.desk.Run(ctx, p.ch)
		}()
	}
	select {
	case p.ch <- a:
		return nil
	case <-p.done:
		return fmt.Errorf("the ingest run stopped: %w", p.err)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// once runs one poll and waits for its ingest run to commit; it returns
// the articles stored new.
func (p *feedPoll) once(ctx context.Context) int {
	start := time.Now()
	st, err := p.poller.Run(ctx)
	if err != nil && ctx.Err() == nil {
		p.log.Error("poll feeds", "err", err)
	}
	var sum desk.Summary
	var rerr error
	if p.ch != nil {
		close(p.ch)
		<-p.done
		sum, rerr = p.sum, p.err
		p.ch, p.done, p.sum, p.err = nil, nil, desk.Summary{}, nil
		p.count(sum)
	}
	if rerr != nil {
		if !errors.Is(rerr, context.Canceled) {
			p.log.Error("ingest polled articles", "err", rerr)
		}
		p.store.drop() // their items stay pending: read again next time
	} else if err := p.store.release(context.WithoutCancel(ctx)); err != nil {
		p.log.Error("record polled items", "err", err)
	}
	p.log.Info("polled", "feeds", st.Checked, "feed errors", st.FeedErrors, "pages", st.Pages, "page errors", st.PageErrors,
		"articles", st.Articles, "stored", sum.Stored, "duplicates", sum.Duplicates, "took", time.Since(start).Round(time.Millisecond))
	return sum.Stored
}

// discardLogger is the logger of a command that reports on stdout only.
func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

// heldFinish is a poll.FeedStore whose FinishItem calls are held until
// release records them (see feedPoll).
type heldFinish struct {
	poll.FeedStore
	mu   sync.Mutex
	held []poll.ItemResult
}

func (h *heldFinish) FinishItem(ctx context.Context, r poll.ItemResult) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.held = append(h.held, r)
	return nil
}

// release records the held outcomes; drop forgets them.
func (h *heldFinish) release(ctx context.Context) error {
	h.mu.Lock()
	held := h.held
	h.held = nil
	h.mu.Unlock()
	var errs []error
	for _, r := range held {
		if err := h.FeedStore.FinishItem(ctx, r); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (h *heldFinish) drop() {
	h.mu.Lock()
	h.held = nil
	h.mu.Unlock()
}
