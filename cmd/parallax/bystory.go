package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/report"
)

// storyGroup is one story found by clustering, with its articles in
// processing order.
type storyGroup struct {
	ID   string
	Docs []news.Document
}

// groupStories clusters analyzed documents the way `parallax cluster` does
// (publication order, one at a time) and returns the stories, the largest
// first, ties by first appearance.
func groupStories(docs []news.Document, opt cluster.Options) []storyGroup {
	byID := make(map[string][]int, len(docs)) // a repeated id takes its docs in order
	var groups []storyGroup
	opt.OnClose = func(s cluster.Story) {
		g := storyGroup{ID: s.ID}
		for _, m := range s.Members {
			q := byID[m.ID]
			if len(q) == 0 {
				continue
			}
			g.Docs = append(g.Docs, docs[q[0]])
			byID[m.ID] = q[1:]
		}
		groups = append(groups, g)
	}
	c := cluster.New(opt)
	order := cluster.Order[*cluster.Features]{Size: len(docs) + 1}
	assign := func(f *cluster.Features) { c.AddFeatures(f) }
	for i, d := range docs {
		byID[d.ID] = append(byID[d.ID], i)
		if g, ok := order.Push(d.Published, cluster.Extract(d)); ok {
			assign(g)
		}
	}
	order.Drain(assign)
	c.Close()
	slices.SortStableFunc(groups, func(a, b storyGroup) int { return len(b.Docs) - len(a.Docs) })
	return groups
}

// storyReport is one story's comparison in the --by-story JSON output: the
// story id next to the keys of the single-story report.
type storyReport struct {
	Story string `json:"story"`
	compare.Report
}

// writeByStory compares each story with at least minArticles articles (or
// only the story named by only) and writes the reports in format f.
func writeByStory(w io.Writer, groups []storyGroup, only string, minArticles int, f report.Format, copt compare.Options, ropt report.Options) error {
	var picked []storyGroup
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
			out.Stories = append(out.Stories, storyReport{Story: g.ID, Report: compare.Compare(g.Docs, copt)})
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
		if f != report.HTML {
			sep := "\n"
			if i == 0 {
				sep = ""
			}
			head := "%s━━ story %s (%d of %d) ━━\n\n"
			if f == report.Markdown {
				head = "%s---\n\n<!-- story %s (%d of %d) -->\n\n"
			}
			if _, err := fmt.Fprintf(w, head, sep, g.ID, i+1, len(picked)); err != nil {
				return err
			}
		}
		if err := report.Write(w, compare.Compare(g.Docs, copt), f, ropt); err != nil {
			return err
		}
	}
	return nil
}
