package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/spf13/cobra"
)

func newServeCmd(e *env) *cobra.Command {
	var (
		dbPath, addr, token, config, logFormat, logLevel string
		ingest                                           []string
		interval                                         time.Duration
		recompute                                        bool
	)
	cmd := &cobra.Command{
		Use:   "serve [--db FILE] [--addr HOST:PORT]",
		Short: "Run the story desk: the JSON API over a database file, comparisons kept up to date",
		Long: `Serve opens the database file (created or upgraded as ingest does) and serves
its stories, articles, search and outlets as a JSON API (GET /api/openapi.json
describes it), with GET /healthz (200 once ready) and Prometheus metrics at
/metrics. It recomputes the comparison of every story that changed, at most once
per --recompute-interval, and ingests the paths given with --ingest (any input
of ingest) at start.

It listens on 127.0.0.1 unless --addr says otherwise; bound beyond loopback,
writes need --token (or PARALLAX_TOKEN) as a bearer token. --config FILE reads
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
			return serve(cmd.Context(), e, serveConfig{db: dbPath, addr: addr, token: token, ingest: ingest, interval: interval, noRecompute: !recompute, log: log})
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "parallax.db", "the database file")
	cmd.Flags().StringVar(&addr, "addr", server.DefaultAddr, "address to listen on (HOST:PORT)")
	cmd.Flags().StringVar(&token, "token", "", "bearer token writes need (default $PARALLAX_TOKEN)")
	cmd.Flags().StringVar(&config, "config", "", "config file: JSON object or name=value lines, names as the flags")
	cmd.Flags().StringSliceVar(&ingest, "ingest", nil, "ingest these paths at start (repeatable)")
	cmd.Flags().DurationVar(&interval, "recompute-interval", desk.DefaultRecomputeInterval, "recompute a changed story's comparison at most this often")
	cmd.Flags().BoolVar(&recompute, "recompute", true, "recompute changed stories' comparisons (false: serve the stored ones as they are)")
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
	log             *slog.Logger
	// ready, when set, is called once the server listens (tests).
	ready func(addr string)
}

// serve wires the store, the API server, the recomputer and the start-up
// ingest, and runs them until ctx ends.
func serve(ctx context.Context, e *env, c serveConfig) error {
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
	metrics := server.NewMetrics()
	srv := server.New(db, server.Options{Addr: c.addr, Token: c.token, Logger: c.log, Metrics: metrics})
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	if !c.noRecompute {
		wg.Go(func() { rec.Run(ctx) })
	}
	if len(c.ingest) > 0 {
		wg.Go(func() {
			var read float64
			d := desk.New(db, desk.Options{Pipeline: pipelineOptions(e, pipeline.Options{}), OnDocument: func() {
				read++
				metrics.QueueDepth.Set(read) // read since the last commit is not visible: an upper bound
			}})
			start := time.Now()
			sum, err := d.Ingest(ctx, c.ingest)
			metrics.QueueDepth.Set(0)
			metrics.ArticlesIngested.Add(float64(sum.Stored))
			metrics.Duplicates.Add(float64(sum.Duplicates))
			if err != nil && !errors.Is(err, context.Canceled) {
				c.log.Error("ingest", "paths", c.ingest, "err", err)
				return
			}
			c.log.Info("ingested", "read", sum.Read, "stored", sum.Stored, "duplicates", sum.Duplicates, "stories", sum.Stories, "took", time.Since(start).Round(time.Millisecond))
			rec.Notify()
		})
	}
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

// discardLogger is the logger of a command that reports on stdout only.
func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
