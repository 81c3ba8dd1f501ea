package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipe"
	"github.com/spf13/cobra"
)

func newClusterCmd(e *env) *cobra.Command {
	var (
		format    string
		explain   bool
		window    time.Duration
		threshold float64
		workers   int
		reorder   int
		stats     bool
		immediate bool
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
  (json)   "split_from","rejoined_from","source","published","time_note"}; every
           input article appears once (a repeated id is printed as "ID#2", "ID#3"…
           with "input_id"). Lines come story by story as each story closes (its
           window has passed, or the input ended), because a story may still be
           split or rejoined until then; with --immediate they come one per article
           as it is assigned
  stories  one object per story with its members (one story per line)
  text     each story: generated title, outlets, size, time span, key people and places

--window bounds how far outside a story's time span an article may be and still
join it (default 168h: several outlets cover one event within a few days, and
follow-ups come for a week; the span grows as articles join). Stories whose window
has closed are dropped from memory, so an endless stream runs in flat memory;
stories with undated members are retired only when the active set is full.
A story is tested for a split as it grows: when its members fall into two groups
much more alike within than across (two events of one kind that the first
reports of the second could not tell apart), the group without its first article
becomes a story of its own (its articles carry split_from). A story of one or two
articles that closes gets a second chance: it joins the larger story its articles
now resemble above the threshold, if any (rejoined_from).
--reorder bounds the buffer used to put a stream in date order (input far out of
date order is processed close to input order).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "json":
				format = "jsonl" // the per-article contract, as for analyze
			case "jsonl", "stories", "text":
			default:
				return fmt.Errorf("unknown --format %q (jsonl, json, stories or text)", format)
			}
			w := bufio.NewWriterSize(e.stdout, 1<<16)
			var stories []cluster.Story
			var werr error
			inputIDs := map[string]string{} // repeated ids as printed -> as given
			writeLine := func(a cluster.Assignment, source string, published time.Time) {
				b, err := json.Marshal(newAssignJSON(a, source, published, inputIDs[a.ID]))
				if err != nil {
					werr = err
					return
				}
				w.Write(append(b, '\n'))
			}
			opt := cluster.Options{Window: window, Threshold: threshold, Explain: explain, Immediate: immediate}
			switch {
			case format != "jsonl":
				opt.OnClose = func(s cluster.Story) { stories = append(stories, s) }
			case !immediate:
				opt.OnClose = func(s cluster.Story) {
					for _, m := range s.Members {
						writeLine(m.Assignment, m.Source, m.Published)
					}
				}
			}
			c := cluster.New(opt)
			ids := newIDSet(1 << 17)
			repeats := 0
			order := cluster.Order[*cluster.Features]{Size: reorder}
			assign := func(f *cluster.Features) {
				if n := ids.add(f.ID); n > 1 {
					repeats++
					inputID := f.ID
					f.ID = f.ID + "#" + strconv.Itoa(n)
					inputIDs[f.ID] = inputID
					fmt.Fprintf(e.stderr, "parallax: repeated id %q printed as %q\n", inputID, f.ID)
				}
				a := c.AddFeatures(f)
				if format == "jsonl" && immediate {
					writeLine(a, f.Source, f.Published)
				}
			}
			src := newSource(e.stderr)
			src.keepEmpty = true // every input id appears in the output
			next, wait := src.Chan(cmd.Context(), args)
			z := &analyze.Analyzer{Options: analyze.Options{SkipQuotes: true}}
			err := pipe.Map(cmd.Context(), workers, next,
				func(a news.Article) *cluster.Features { return cluster.Extract(z.Analyze(a)) },
				func(f *cluster.Features) error {
					if g, ok := order.Push(f.Published, f); ok {
						assign(g)
					}
					return werr
				})
			if werr2 := wait(); err == nil {
				err = werr2
			}
			if err == nil {
				order.Drain(assign)
				c.Close()
				err = werr
			}
			if err == nil && format != "jsonl" {
				err = writeStories(w, format, stories)
			}
			if ferr := w.Flush(); err == nil {
				err = ferr
			}
			if stats {
				st := c.Stats()
				fmt.Fprintf(e.stderr, "parallax: %d articles, %d stories (%d split off, %d rejoined a larger one), %d near-duplicates, peak %d active stories\n",
					st.Articles, st.Stories-st.Rejoined, st.Splits, st.Rejoined, st.Duplicates, st.PeakActive)
			}
			if repeats > 0 {
				fmt.Fprintf(e.stderr, "parallax: %d repeated id(s)\n", repeats)
			}
			if err != nil {
				return err
			}
			return src.Err()
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or json (one line per article), stories (one JSON object per story, with members) or text")
	cmd.Flags().BoolVar(&explain, "explain", false, "say why each article went where it did (shared people, places, terms, dates; similarity; runner-up)")
	cmd.Flags().DurationVar(&window, "window", cluster.DefaultWindow, "how far outside a story's time span an article may join it (negative: no limit)")
	cmd.Flags().Float64Var(&threshold, "threshold", 0, "similarity needed to join a story (0: the built-in default)")
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis goroutines (0: one per core)")
	cmd.Flags().BoolVar(&stats, "stats", false, "print counts (articles, stories, splits, rejoins, near-duplicates, peak active stories) to standard error")
	cmd.Flags().BoolVar(&immediate, "immediate", false, "write each jsonl line as its article is assigned: no story is split or rejoined later (a little less accurate)")
	cmd.Flags().IntVar(&reorder, "reorder", cluster.DefaultOrderSize, "articles buffered to put the stream in date order")
	return cmd
}

// assignJSON is one line of --format jsonl.
type assignJSON struct {
	ID          string               `json:"id"`
	Story       string               `json:"story"`
	New         bool                 `json:"new"`
	Similarity  float64              `json:"similarity"`
	DuplicateOf string               `json:"duplicate_of,omitempty"`
	SplitFrom   string               `json:"split_from,omitempty"`
	Rejoined    string               `json:"rejoined_from,omitempty"`
	InputID     string               `json:"input_id,omitempty"`
	Source      string               `json:"source,omitempty"`
	Published   string               `json:"published,omitempty"`
	TimeNote    string               `json:"time_note,omitempty"`
	Explain     *cluster.Explanation `json:"explain,omitempty"`
}

func newAssignJSON(a cluster.Assignment, source string, published time.Time, inputID string) assignJSON {
	return assignJSON{
		ID: a.ID, Story: a.Story, New: a.New, Similarity: round3(a.Similarity), DuplicateOf: a.DuplicateOf,
		SplitFrom: a.SplitFrom, Rejoined: a.RejoinedFrom, InputID: inputID,
		Source: source, Published: news.FormatTime(published), TimeNote: a.TimeNote, Explain: a.Explain,
	}
}

func round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// storyJSON is one line of --format stories.
type storyJSON struct {
	ID      string       `json:"id"`
	Title   string       `json:"title"`
	Size    int          `json:"size"`
	Unique  int          `json:"unique"`
	Outlets []string     `json:"outlets"`
	First   string       `json:"first,omitempty"`
	Last    string       `json:"last,omitempty"`
	People  []string     `json:"people,omitempty"`
	Places  []string     `json:"places,omitempty"`
	Names   []string     `json:"names,omitempty"`
	Terms   []string     `json:"terms,omitempty"`
	Members []memberJSON `json:"members"`
}

type memberJSON struct {
	ID          string               `json:"id"`
	Source      string               `json:"source,omitempty"`
	Title       string               `json:"title,omitempty"`
	Published   string               `json:"published,omitempty"`
	DuplicateOf string               `json:"duplicate_of,omitempty"`
	SplitFrom   string               `json:"split_from,omitempty"`
	Rejoined    string               `json:"rejoined_from,omitempty"`
	Similarity  float64              `json:"similarity"`
	Explain     *cluster.Explanation `json:"explain,omitempty"`
}

// writeStories prints the stories, largest first (ties: first closed first).
func writeStories(w io.Writer, format string, stories []cluster.Story) error {
	slices.SortStableFunc(stories, func(a, b cluster.Story) int { return b.Size - a.Size })
	for _, s := range stories {
		if s.Outlets == nil {
			s.Outlets = []string{}
		}
		if format == "stories" {
			j := storyJSON{
				ID: s.ID, Title: s.Title, Size: s.Size, Unique: s.Unique, Outlets: s.Outlets,
				First: news.FormatTime(s.First), Last: news.FormatTime(s.Last),
				People: s.People, Places: s.Places, Names: s.Names, Terms: s.Terms,
			}
			for _, m := range s.Members {
				a := m.Assignment
				j.Members = append(j.Members, memberJSON{
					ID: m.ID, Source: m.Source, Title: m.Title, Published: news.FormatTime(m.Published),
					DuplicateOf: m.DuplicateOf, SplitFrom: a.SplitFrom, Rejoined: a.RejoinedFrom, Similarity: round3(a.Similarity), Explain: a.Explain,
				})
			}
			b, err := json.Marshal(j)
			if err != nil {
				return err
			}
			if _, err := w.Write(append(b, '\n')); err != nil {
				return err
			}
			continue
		}
		if _, err := io.WriteString(w, storyText(s)); err != nil {
			return err
		}
	}
	return nil
}

// storyText is the human view of one story.
func storyText(s cluster.Story) string {
	var b strings.Builder
	title := s.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(&b, "== %s  %s\n", s.ID, title)
	fmt.Fprintf(&b, "   %d article(s)", s.Size)
	if s.Unique != s.Size {
		fmt.Fprintf(&b, ", %d after near-duplicates", s.Unique)
	}
	if len(s.Outlets) > 0 {
		fmt.Fprintf(&b, " from %d outlet(s): %s", len(s.Outlets), strings.Join(s.Outlets, ", "))
	}
	unnamed := 0
	for _, m := range s.Members {
		if m.Source == "" {
			unnamed++
		}
	}
	if unnamed > 0 && len(s.Outlets) > 0 {
		fmt.Fprintf(&b, "; %d without a source", unnamed)
	}
	b.WriteString("\n")
	if !s.First.IsZero() {
		if s.First.Equal(s.Last) {
			fmt.Fprintf(&b, "   when:   %s\n", news.FormatTime(s.First))
		} else {
			fmt.Fprintf(&b, "   when:   %s to %s\n", news.FormatTime(s.First), news.FormatTime(s.Last))
		}
	}
	if len(s.People) > 0 {
		fmt.Fprintf(&b, "   people: %s\n", strings.Join(s.People, ", "))
	}
	if len(s.Places) > 0 {
		fmt.Fprintf(&b, "   places: %s\n", strings.Join(s.Places, ", "))
	}
	if len(s.People) == 0 && len(s.Places) == 0 && len(s.Names) > 0 {
		fmt.Fprintf(&b, "   names:  %s\n", strings.Join(s.Names, ", "))
	}
	if len(s.Terms) > 0 {
		fmt.Fprintf(&b, "   terms:  %s\n", strings.Join(s.Terms, ", "))
	}
	for _, m := range s.Members {
		fmt.Fprintf(&b, "   - %s", m.ID)
		if m.Source != "" {
			fmt.Fprintf(&b, " [%s]", m.Source)
		}
		if !m.Published.IsZero() {
			fmt.Fprintf(&b, " %s", news.FormatTime(m.Published))
		}
		if m.Title != "" {
			fmt.Fprintf(&b, " %s", m.Title)
		}
		if m.DuplicateOf != "" {
			fmt.Fprintf(&b, " (copy of %s)", m.DuplicateOf)
		}
		if m.Assignment.SplitFrom != "" {
			fmt.Fprintf(&b, " (split from %s)", m.Assignment.SplitFrom)
		}
		if m.Assignment.RejoinedFrom != "" {
			fmt.Fprintf(&b, " (rejoined from %s)", m.Assignment.RejoinedFrom)
		}
		if a := m.Assignment; a.Explain != nil && !a.New {
			fmt.Fprintf(&b, "\n       sim %.3f", a.Similarity)
			for _, part := range []struct {
				k  string
				vs []string
			}{{"people", a.Explain.People}, {"places", a.Explain.Places}, {"names", a.Explain.Names}, {"numbers", a.Explain.Numbers}, {"dates", a.Explain.Dates}, {"terms", a.Explain.Terms}} {
				if len(part.vs) > 0 {
					fmt.Fprintf(&b, "; %s: %s", part.k, strings.Join(part.vs, ", "))
				}
			}
			if a.Explain.RunnerUp != "" {
				fmt.Fprintf(&b, "; runner-up %s %.3f", a.Explain.RunnerUp, a.Explain.RunnerUpSimilarity)
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	return b.String()
}

// idSet remembers recent ids in two generations of at most n each, so that
// repeated ids are found with flat memory on an endless stream: a repeat is
// caught when it comes within n (and up to 2n) articles of the first.
type idSet struct {
	n        int
	cur, old map[string]int
}

func newIDSet(n int) *idSet { return &idSet{n: n, cur: map[string]int{}, old: map[string]int{}} }

// add records id and returns how many times it has been seen, this one
// included.
func (s *idSet) add(id string) int {
	k := s.cur[id] + s.old[id] + 1
	if len(s.cur) >= s.n {
		s.old, s.cur = s.cur, make(map[string]int)
	}
	s.cur[id] = k
	return k
}
