package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
)

// storyReport is one story's comparison in the --by-story JSON output: the
// story id next to the keys of the single-story report.
type storyReport struct {
	Story   string  `json:"story"`
	Follows string  `json:"follows,omitempty"` // the earlier story this one continues
	First   string  `json:"first,omitempty"`   // the span of the dated articles
	Last    string  `json:"last,omitempty"`
	Span    float64 `json:"span_days"`
	Closed  string  `json:"closed,omitempty"` // why the story closed: idle, span, limit or open
	compare.Report
}

// storyLine says where a story stands in time, for the views for people:
// its span, the story it follows and why it closed.
func storyLine(g pipeline.StoryGroup) string {
	var parts []string
	if span := report.SpanText(g.Story); span != "" {
		parts = append(parts, span)
	}
	if g.Story.Follows != "" {
		parts = append(parts, "follows "+report.Safe(g.Story.Follows))
	}
	if r := report.CloseReason(g.Story.Closed); r != "" {
		parts = append(parts, r)
	}
	return strings.Join(parts, "; ")
}

// writeByStory compares each story with at least minArticles articles (or
// only the story named by only) and writes the reports in format f.
func writeByStory(w io.Writer, groups []pipeline.StoryGroup, only string, minArticles int, f report.Format, copt compare.Options, ropt report.Options) error {
	var picked []pipeline.StoryGroup
	for _, g := range groups {
		if only != "" && g.ID != only || only == "" && len(g.Docs) < minArticles {
			continue
		}
		picked = append(picked, g)
	}
	if only != "" && len(picked) == 0 {
		return fmt.Errorf("no story %q (run `parallax cluster --format text` to list them)", only)
	}
	if f == report.HTML && len(picked) > 1 {
		return fmt.Errorf("html shows one story: pick one with --story (%d stories have %d or more articles)", len(picked), minArticles)
	}
	if f == report.JSON {
		out := struct {
			Stories []storyReport `json:"stories"`
		}{Stories: []storyReport{}}
		for _, g := range picked {
			var first, last string
			if !g.Story.First.IsZero() {
				first, last = news.FormatTime(g.Story.First), news.FormatTime(g.Story.Last)
			}
			out.Stories = append(out.Stories, storyReport{
				Story: g.ID, Follows: g.Story.Follows, First: first, Last: last,
				Span: math.Round(g.Story.Span().Hours()/2.4) / 10, Closed: g.Story.Closed,
				Report: compare.Compare(g.Docs, copt),
			})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	if len(picked) == 0 {
		_, err := fmt.Fprintf(w, "No story has %d or more articles (%d stories in all); lower --min-articles.\n", minArticles, len(groups))
		return err
	}
	for i, g := range picked {
		r := compare.Compare(g.Docs, copt)
		line := storyLine(g)
		if f != report.HTML {
			sep := "\n"
			if i == 0 {
				sep = ""
			}
			head := "%s━━ story %s (%d of %d) ━━\n"
			if f == report.Markdown {
				head = "%s---\n\n<!-- story %s (%d of %d) -->\n"
			}
			if _, err := fmt.Fprintf(w, head, sep, g.ID, i+1, len(picked)); err != nil {
				return err
			}
			if line != "" {
				if f == report.Markdown {
					line = "*Story " + g.ID + ": " + line + "*\n"
				}
				if _, err := fmt.Fprintln(w, line); err != nil {
					return err
				}
			}
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
		} else if line != "" {
			// The page shows one story: its place in time leads the notes.
			r.Notes = append([]string{"Story " + g.ID + ": " + line}, r.Notes...)
		}
		if err := report.Write(w, r, f, ropt); err != nil {
			return err
		}
	}
	return nil
}
