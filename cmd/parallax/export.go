package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/spf13/cobra"
)

// exportArticle is one line of `parallax export`: the keys of cluster
// --format jsonl that a stored article has (id, story, source, published)
// and the article itself. The clusterer's per-assignment detail
// (similarity, duplicate_of...) is not read back: desk.Store has no read
// for it yet.
type exportArticle struct {
	ID        string `json:"id"`    // the input's id
	Story     string `json:"story"` // "" for an article not clustered yet
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Author    string `json:"author,omitempty"`
	Language  string `json:"language,omitempty"`
	Text      string `json:"text"`
	StoreID   int64  `json:"store_id"`
}

// exportStory is one line of `parallax export --stories`.
type exportStory struct {
	ID      string         `json:"id"`
	Title   string         `json:"title"`
	Size    int            `json:"size"`
	Outlets []string       `json:"outlets"`
	First   string         `json:"first,omitempty"`
	Last    string         `json:"last,omitempty"`
	Closed  bool           `json:"closed"`
	Members []exportMember `json:"members"`
}

type exportMember struct {
	ID        string `json:"id"`
	StoreID   int64  `json:"store_id"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

func newExportCmd(e *env) *cobra.Command {
	var dbPath string
	var stories bool
	cmd := &cobra.Command{
		Use:   "export [--db FILE] [--stories]",
		Short: "Write every stored article (or story) as JSON lines",
		Long: `Export writes every article of the database file as one JSON line, by store id:
{"id","story","source","title","published","url","author","language","text","store_id"}
(id is the input's id; story is "" for an article not clustered yet). These are
the keys of cluster --format jsonl, so the data can be taken out and read again
by analyze, cluster and ingest.

--stories writes one line per story instead, in the store's order:
{"id","title","size","outlets","first","last","closed","members":[{"id","store_id","source","title","published"}]}`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := sqlite.Open(cmd.Context(), dbPath)
			if err != nil {
				return err
			}
			defer db.Close()
			w := bufio.NewWriterSize(e.stdout, 1<<16)
			if stories {
				err = exportStories(cmd.Context(), db, w)
			} else {
				err = exportArticles(cmd.Context(), db, w)
			}
			if err != nil {
				return err
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "parallax.db", "the database file")
	cmd.Flags().BoolVar(&stories, "stories", false, "write the stories with their members")
	return cmd
}

func writeLine(w *bufio.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

func exportArticles(ctx context.Context, s desk.Store, w *bufio.Writer) error {
	sts, err := s.Stories(ctx)
	if err != nil {
		return err
	}
	story := map[int64]string{}
	for _, st := range sts {
		for _, m := range st.Members {
			story[m] = st.ID
		}
	}
	ids := make([]int64, 0, len(story))
	for id := range story {
		ids = append(ids, id)
	}
	pending, err := s.Unassigned(ctx)
	if err != nil {
		return err
	}
	// Unassigned already read its articles whole; only the members are
	// read again, one by one.
	held := make(map[int64]desk.Article, len(pending))
	for _, a := range pending {
		ids = append(ids, a.ID)
		held[a.ID] = a
	}
	slices.Sort(ids)
	for _, id := range ids {
		a, ok := held[id]
		if !ok {
			var err error
			if a, err = s.Article(ctx, id); err != nil {
				return err
			}
		}
		d := a.Doc
		if err := writeLine(w, exportArticle{ID: d.ID, Story: story[id], Source: d.Source, Title: d.Title, Published: news.FormatTime(d.Published),
			URL: d.URL, Author: d.Author, Language: d.Language, Text: d.Text, StoreID: id}); err != nil {
			return err
		}
	}
	return nil
}

func exportStories(ctx context.Context, s desk.Store, w *bufio.Writer) error {
	sts, err := s.Stories(ctx)
	if err != nil {
		return err
	}
	for _, st := range sts {
		out := exportStory{ID: st.ID, Title: st.Title, Size: len(st.Members), Outlets: st.Outlets, Closed: st.Closed,
			First: news.FormatTime(st.First), Last: news.FormatTime(st.Last)}
		if out.Outlets == nil {
			out.Outlets = []string{}
		}
		for _, m := range st.Members {
			a, err := s.Article(ctx, m)
			if err != nil {
				return fmt.Errorf("story %s: member %s: %w", st.ID, strconv.FormatInt(m, 10), err)
			}
			out.Members = append(out.Members, exportMember{ID: a.Doc.ID, StoreID: m, Source: a.Doc.Source, Title: a.Doc.Title, Published: news.FormatTime(a.Doc.Published)})
		}
		if err := writeLine(w, out); err != nil {
			return err
		}
	}
	return nil
}
