package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
)

// storyReport is one story's comparison in the --by-story JSON output: the
// story id next to the keys of the single-story report.
type storyReport struct {
	Story string `json:"story"`
	compare.Report
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
