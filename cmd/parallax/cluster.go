package main

import (
	"bufio"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/spf13/cobra"
)

func newClusterCmd(e *env) *cobra.Command {
	var (
		format      string
		explain     bool
		window      time.Duration
		threshold   float64
		workers     int
		reorder     int
		stats       bool
		immediate   bool
		minArticles int
		lag         int
		coreT       float64
	)
	cmd := &cobra.Command{
		Use:   "cluster [PATH...]",
		Short: "Group articles into stories: the articles that report the same event",
		Long: `Cluster reads articles (every input format of analyze; "-" or nothing for standard
input), puts them in publication order (input order for articles without a date)
and assigns each, one at a time as a stream would, to an existing story or a new
one. A story is one real-world event, not a topic: two earthquakes are two stories.

Formats:
  jsonl    one line per article: {"id","story","new","similarity","duplicate_of",
  (json)   "split_from","rejoined_from","follows","source","published","time_note",
           and the story's "story_first","story_last","story_span_days",
           "story_follows","story_closed" (idle, span, limit or open)}; every
           input article appears once (a repeated id is printed as "ID#2", "ID#3"…
           with "input_id"). Lines come story by story as each story closes (its
           window has passed, or the input ended), because a story may still be
           split or rejoined until then; with --immediate they come one per article
           as it is assigned
  stories  one object per story with its members (one story per line), its span
           ("first","last","span_days"), "follows" and why it "closed"
  text     each story: generated title, the story it follows, outlets, size, time
           span, why it closed, key people and places;
           --min-articles N leaves out the stories of fewer than N articles and
           says how many it left out

--window bounds how far outside a story's time span an article may be and still
join it (default 168h: several outlets cover one event within a few days, and
follow-ups come for a week; the span grows as articles join). Stories whose window
has closed are dropped from memory, so an endless stream runs in flat memory.
The window counts from a story's latest dated article; undated articles neither
keep a story open nor close it, but may join it until --lag articles have come
since its latest dated one. A story's span is capped at 30 days: an article past
it opens a new story that "follows" the old one. An article must also resemble
a story's core (its first reports or most central member), --core-threshold.
A story is tested for a split as it grows: when its members fall into two groups
much more alike within than across (two events of one kind that the first
reports of the second could not tell apart), the group without its first article
becomes a story of its own (its articles carry split_from). A story of one or two
articles that closes gets a second chance: it joins the larger story its articles
now resemble above the threshold, if any (rejoined_from).
--reorder bounds the buffer used to put a stream in date order (input far out of
date order is processed close to input order). When standard error is a
terminal, a progress line there counts the articles clustered.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json":
				format = "jsonl" // the per-article contract, as for analyze
			case "jsonl", "stories", "text":
			default:
				return fmt.Errorf("unknown --format %q (jsonl, json, stories or text)", format)
			}
			if minArticles > 1 && format != "text" {
				return fmt.Errorf("--min-articles is for --format text: the %s format lists every article", format)
			}
			w := bufio.NewWriterSize(e.stdout, 1<<16)
			var stories []cluster.Story
			var werr error
			var line []byte
			var st *pipeline.Stories
			writeLine := func(a cluster.Assignment, source string, published time.Time, story *cluster.Story) {
				var err error
				if line, err = report.AppendAssignment(line[:0], a, source, published, st.InputID(a.ID), story); err != nil {
					werr = err
					return
				}
				w.Write(line)
			}
			bar := newBar(e.stderr, -1, "clustering", "articles")
			opt := pipeline.StoryOptions{
				Cluster: cluster.Options{Window: window, Threshold: threshold, Explain: explain, Immediate: immediate, Lag: lag, CoreThreshold: coreT},
				Reorder: reorder,
				OnRepeat: func(in, printed string) {
					fmt.Fprintf(e.stderr, "parallax: repeated id %q printed as %q\n", in, printed)
				},
			}
			switch {
			case format != "jsonl":
				opt.Cluster.OnClose = func(s cluster.Story) { stories = append(stories, s) }
			case immediate:
				opt.OnAssign = func(a cluster.Assignment, f *cluster.Features) { writeLine(a, f.Source, f.Published, nil) }
			default:
				opt.Cluster.OnClose = func(s cluster.Story) {
					for _, m := range s.Members {
						writeLine(m.Assignment, m.Source, m.Published, &s)
					}
				}
			}
			if bar != nil {
				write := opt.OnAssign
				opt.OnAssign = func(a cluster.Assignment, f *cluster.Features) {
					bar.Add(1)
					if write != nil {
						write(a, f)
					}
				}
			}
			st = pipeline.NewStories(opt)
			// Every input id appears in the output; clustering reads no quotes.
			p := newPipeline(e, pipeline.Options{Workers: workers, KeepEmpty: true, Analyze: analyze.Options{SkipQuotes: true}})
			err := p.Cluster(cmd.Context(), args, st)
			if bar != nil {
				bar.Finish()
				fmt.Fprintln(e.stderr)
			}
			if err == nil {
				err = werr
			}
			if err == nil && format != "jsonl" {
				f := report.Text
				if format == "stories" {
					f = report.JSON
				}
				err = report.WriteStories(w, stories, f, minArticles)
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if stats {
				st := st.Stats()
				fmt.Fprintf(e.stderr, "parallax: %d articles, %d stories (%d split off, %d rejoined a larger one), %d near-duplicates, peak %d active stories\n",
					st.Articles, st.Stories-st.Rejoined, st.Splits, st.Rejoined, st.Duplicates, st.PeakActive)
			}
			if n := st.Repeats(); n > 0 {
				fmt.Fprintf(e.stderr, "parallax: %d repeated id(s)\n", n)
			}
			if err != nil {
				return err
			}
			return p.Err()
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or json (one line per article), stories (one JSON object per story, with members) or text")
	cmd.Flags().BoolVar(&explain, "explain", false, "say why each article went where it did (shared people, places, terms, dates; similarity; runner-up)")
	cmd.Flags().DurationVar(&window, "window", cluster.DefaultWindow, "how far outside a story's time span an article may join it (negative: no limit)")
	cmd.Flags().Float64Var(&threshold, "threshold", 0, "similarity needed to join a story (0: the built-in default)")
	cmd.Flags().IntVar(&lag, "lag", 0, "articles a story stays open after its latest dated article, for late undated ones (0: the built-in default, negative: none)")
	cmd.Flags().Float64Var(&coreT, "core-threshold", 0, "chaining cap: cosine an article needs with a story's core (first reports, most central member) to join it (0: the built-in default, negative: off)")
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis goroutines (0: one per core)")
	cmd.Flags().BoolVar(&stats, "stats", false, "print counts (articles, stories, splits, rejoins, near-duplicates, peak active stories) to standard error")
	cmd.Flags().BoolVar(&immediate, "immediate", false, "write each jsonl line as its article is assigned: no story is split or rejoined later (a little less accurate)")
	cmd.Flags().IntVar(&minArticles, "min-articles", 0, "text format: leave out stories of fewer articles (a closing line says how many)")
	cmd.Flags().IntVar(&reorder, "reorder", cluster.DefaultOrderSize, "articles buffered to put the stream in date order")
	return cmd
}
