package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/parallax-news/parallax/internal/poll"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/spf13/cobra"
)

func newFeedsCmd(e *env) *cobra.Command {
	var dbPath string
	cmd := &cobra.Command{
		Use:   "feeds [--db FILE] add|list|remove|import|export ...",
		Short: "Manage the feeds the desk polls",
		Long: `Feeds keeps the list of feeds that parallax serve polls, in the database file:

  parallax feeds add URL...        subscribe (http and https only)
  parallax feeds list              id, URL, title, last check, errors
  parallax feeds remove ID|URL...  unsubscribe (stored articles stay)
  parallax feeds import FILE.opml  subscribe to every feed of an OPML list ("-": stdin)
  parallax feeds export            write the list as OPML on standard output`,
	}
	cmd.PersistentFlags().StringVar(&dbPath, "db", "parallax.db", "the database file")
	withDB := func(fn func(ctx context.Context, db *sqlite.DB, args []string) error) func(*cobra.Command, []string) error {
		return func(cmd *cobra.Command, args []string) error {
			db, err := sqlite.Open(cmd.Context(), dbPath)
			if err != nil {
				return err
			}
			err = fn(cmd.Context(), db, args)
			return errors.Join(err, db.Close())
		}
	}
	cmd.AddCommand(
		&cobra.Command{Use: "add URL...", Short: "Subscribe to feeds", Args: cobra.MinimumNArgs(1),
			RunE: withDB(func(ctx context.Context, db *sqlite.DB, args []string) error {
				var errs []error
				for _, a := range args {
					u, err := poll.FeedURL(a)
					if err != nil {
						errs = append(errs, err)
						continue
					}
					f, added, err := db.AddFeed(ctx, u, "")
					if err != nil {
						return err
					}
					if added {
						fmt.Fprintf(e.stdout, "added %d %s\n", f.ID, f.URL)
					} else {
						fmt.Fprintf(e.stdout, "already there %d %s\n", f.ID, f.URL)
					}
				}
				return errors.Join(errs...)
			})},
		&cobra.Command{Use: "list", Short: "List the feeds", Args: cobra.NoArgs,
			RunE: withDB(func(ctx context.Context, db *sqlite.DB, _ []string) error {
				feeds, err := db.Feeds(ctx)
				if err != nil {
					return err
				}
				w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(w, "ID\tURL\tTITLE\tCHECKED\tSTATUS\tERRORS\tLAST ERROR")
				for _, f := range feeds {
					checked := "never"
					if !f.CheckedAt.IsZero() {
						checked = f.CheckedAt.Format(time.RFC3339)
					}
					fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d\t%d\t%s\n", f.ID, f.URL, f.Title, checked, f.LastStatus, f.ErrorCount, f.LastError)
				}
				return w.Flush()
			})},
		&cobra.Command{Use: "remove ID|URL...", Short: "Unsubscribe from feeds", Args: cobra.MinimumNArgs(1),
			RunE: withDB(func(ctx context.Context, db *sqlite.DB, args []string) error {
				feeds, err := db.Feeds(ctx)
				if err != nil {
					return err
				}
				var errs []error
				for _, a := range args {
					id, ok := findFeed(feeds, a)
					if !ok {
						errs = append(errs, fmt.Errorf("feed %q: %w", a, poll.ErrNotFound))
						continue
					}
					if err := db.RemoveFeed(ctx, id); err != nil {
						errs = append(errs, err)
						continue
					}
					fmt.Fprintf(e.stdout, "removed %d\n", id)
				}
				return errors.Join(errs...)
			})},
		&cobra.Command{Use: "import FILE.opml", Short: "Subscribe to the feeds of an OPML file", Args: cobra.ExactArgs(1),
			RunE: withDB(func(ctx context.Context, db *sqlite.DB, args []string) error {
				in := e.stdin
				if args[0] != "-" {
					f, err := os.Open(args[0])
					if err != nil {
						return err
					}
					defer f.Close()
					in = f
				}
				subs, err := poll.ReadOPML(in)
				if err != nil {
					return fmt.Errorf("%s: %w", args[0], err)
				}
				added, had := 0, 0
				var errs []error
				for _, s := range subs {
					u, err := poll.FeedURL(s.URL)
					if err != nil {
						errs = append(errs, err)
						continue
					}
					_, ok, err := db.AddFeed(ctx, u, s.Title)
					if err != nil {
						return err
					}
					if ok {
						added++
					} else {
						had++
					}
				}
				fmt.Fprintf(e.stdout, "%d feeds added, %d already there, %d refused\n", added, had, len(errs))
				return errors.Join(errs...)
			})},
		&cobra.Command{Use: "export", Short: "Write the feeds as OPML", Args: cobra.NoArgs,
			RunE: withDB(func(ctx context.Context, db *sqlite.DB, _ []string) error {
				feeds, err := db.Feeds(ctx)
				if err != nil {
					return err
				}
				subs := make([]poll.Subscription, len(feeds))
				for i, f := range feeds {
					subs[i] = poll.Subscription{URL: f.URL, Title: f.Title}
				}
				return poll.WriteOPML(e.stdout, "Parallax feeds", subs)
			})},
	)
	return cmd
}

// findFeed finds the feed named by arg: its id, or its URL.
func findFeed(feeds []poll.Feed, arg string) (int64, bool) {
	id, err := strconv.ParseInt(arg, 10, 64)
	for _, f := range feeds {
		if err == nil && f.ID == id || f.URL == arg {
			return f.ID, true
		}
	}
	return 0, false
}
