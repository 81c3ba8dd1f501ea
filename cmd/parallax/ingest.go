package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/spf13/cobra"
)

func newIngestCmd(e *env) *cobra.Command {
	var (
		dbPath  string
		workers int
		batch   int
		compare bool
		profile string
	)
	cmd := &cobra.Command{
		Use:   "ingest [--db FILE] PATH...",
		Short: "Store and cluster articles in a database file, going on from the last run",
		Long: `Ingest reads articles (every input format of analyze; "-" for standard input),
cleans and analyzes them, stores each one in the database file (created when it
does not exist, upgraded when an older parallax made it), and clusters the new
ones into stories one at a time, going on from the stories of earlier runs.

An article already stored (the same canonical URL, or the same text) is counted
as a duplicate and not stored again. Work is committed every --batch articles, so
a run that is killed keeps what it committed, and running the same command again
completes the work with nothing stored twice. Stories stay open at the end, so the
next run's articles can join them.

Then it computes the comparison of every story that changed (--compare=false
leaves them to serve).

Prints one line: articles read, stored new, duplicates, stories in the file,
comparisons computed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if profile != "" {
				f, err := os.Create(profile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			db, err := sqlite.Open(cmd.Context(), dbPath)
			if err != nil {
				return err
			}
			defer db.Close()
			bar := newBar(e.stderr, -1, "ingesting", "articles")
			opt := desk.Options{Pipeline: pipelineOptions(e, pipeline.Options{Workers: workers}), Batch: batch}
			if bar != nil {
				opt.OnDocument = func() { bar.Add(1) }
			}
			d := desk.New(db, opt)
			sum, err := d.Ingest(cmd.Context(), args)
			if bar != nil {
				bar.Finish()
				fmt.Fprintln(e.stderr)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%d articles read, %d stored new, %d duplicates", sum.Read, sum.Stored, sum.Duplicates)
			if sum.Resumed > 0 {
				fmt.Fprintf(e.stdout, ", %d left by a stopped run clustered", sum.Resumed)
			}
			fmt.Fprintf(e.stdout, "; %d stories in %s", sum.Stories, dbPath)
			if compare {
				n, err := desk.NewRecomputer(db, desk.RecomputeOptions{Pipeline: opt.Pipeline, Logger: discardLogger()}).All(cmd.Context())
				fmt.Fprintf(e.stdout, "; %d comparisons computed", n)
				if err != nil {
					fmt.Fprintln(e.stdout)
					return err
				}
			}
			fmt.Fprintln(e.stdout)
			if err := db.Close(); err != nil {
				return err
			}
			return d.Pipeline().Err()
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "parallax.db", "the database file")
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis goroutines (0: one per core)")
	cmd.Flags().IntVar(&batch, "batch", desk.DefaultBatch, "articles committed per transaction")
	cmd.Flags().BoolVar(&compare, "compare", true, "then compute the comparison of every story that changed (as serve does)")
	cmd.Flags().StringVar(&profile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	return cmd
}
