package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExport ingests three articles (two on one dam burst) and exports
// them: every article once, with its story, and the stories with their
// members; the exported lines read back through ingest into a new file
// give the same stories.
func TestExport(t *testing.T) {
	a, b := writeInputs(t)
	db := filepath.Join(t.TempDir(), "p.db")
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"ingest", "--db", db, a, b}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("ingest: %v (%s)", err, errOut.String())
	}
	out.Reset()
	if err := run(ctx, []string{"export", "--db", db}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatal(err)
	}
	exported := out.String()
	story := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(exported), "\n") {
		var x exportArticle
		if err := json.Unmarshal([]byte(line), &x); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if _, dup := story[x.ID]; dup || x.Story == "" || x.Source == "" || x.Title == "" || x.Published == "" || x.Text == "" {
			t.Errorf("line %q: want each article once with its story, source, title, date and text", line)
		}
		story[x.ID] = x.Story
	}
	if len(story) != 3 || story["dam1"] != story["dam2"] || story["dam1"] == story["ferry1"] {
		t.Errorf("export stories = %v; want 3 articles, the two dam reports in one story", story)
	}

	out.Reset()
	if err := run(ctx, []string{"export", "--db", db, "--stories"}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var s exportStory
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if len(s.Members) != s.Size || s.Members[0].ID == "" {
			t.Errorf("story line %q: want its members", line)
		}
		sizes = append(sizes, s.Size)
	}
	if len(sizes) != 2 || sizes[0]+sizes[1] != 3 {
		t.Errorf("story sizes = %v; want two stories of 3 articles in all", sizes)
	}

	// Round trip: the export ingested into a new file gives the same stories.
	dump := filepath.Join(t.TempDir(), "dump.jsonl")
	writeFile(t, dump, exported)
	db2 := filepath.Join(t.TempDir(), "q.db")
	if err := run(ctx, []string{"ingest", "--db", db2, dump}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if got, want := storedStories(t, db2), storedStories(t, db); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("stories after re-ingesting the export = %v; want %v", got, want)
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
