package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/report"
)

// clusterInput writes the cluster package's hand-written fixtures as JSON
// lines, with extra lines appended, and returns the file's path.
func clusterInput(t *testing.T, extra ...string) string {
	t.Helper()
	b, err := os.ReadFile("../../internal/cluster/testdata/stories.json")
	if err != nil {
		t.Fatal(err)
	}
	var docs []map[string]any
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, d := range docs {
		line, _ := json.Marshal(d)
		sb.Write(line)
		sb.WriteString("\n")
	}
	for _, e := range extra {
		sb.WriteString(e + "\n")
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestClusterJSONLEveryID(t *testing.T) {
	in := clusterInput(t,
		`{"id":"quake-a-1","source":"Copycat","title":"Repeat","text":"A different article that reuses an id, about a harbour festival in Salt Harbour with music."}`,
		`{"id":"old","source":"X","published":"1970-01-01","title":"Old date","text":"An article dated 1970 about a magnitude 6.4 earthquake in Kestrel Falls, Valdoria."}`,
		`{"id":"future","source":"Y","published":"2999-05-01","title":"Future date","text":"An article dated in the future about the harbour in Salt Harbour, Meridia."}`,
	)
	out, stderr, err := runCmd(t, "cluster", in)
	if err != nil {
		t.Fatalf("cluster: %v\n%s", err, stderr)
	}
	var got []string
	stories := map[string]string{}
	notes := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct{ ID, Story, InputID, TimeNote string }
		var raw map[string]any
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		json.Unmarshal([]byte(line), &a)
		a.InputID, _ = raw["input_id"].(string)
		a.TimeNote, _ = raw["time_note"].(string)
		got = append(got, a.ID)
		stories[a.ID] = a.Story
		notes[a.ID] = a.TimeNote
		if a.ID == "quake-a-1#2" && a.InputID != "quake-a-1" {
			t.Errorf("repeated id printed with input_id %q; want quake-a-1", a.InputID)
		}
	}
	sort.Strings(got)
	want := []string{"future", "old", "quake-a-1", "quake-a-1#2", "quake-a-2", "quake-a-3", "quake-b-1", "quake-b-2", "quake-b-3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if !strings.Contains(stderr, `repeated id "quake-a-1"`) {
		t.Errorf("stderr does not report the repeated id:\n%s", stderr)
	}
	if notes["old"] != "before 1980" || notes["future"] != "in the future" {
		t.Errorf("time notes old=%q future=%q", notes["old"], notes["future"])
	}
	if stories["quake-a-1"] != stories["quake-a-3"] || stories["quake-b-1"] != stories["quake-b-3"] || stories["quake-a-1"] == stories["quake-b-1"] {
		t.Errorf("stories = %v", stories)
	}
	// The same input gives the same output.
	again, _, err := runCmd(t, "cluster", in)
	if err != nil || again != out {
		t.Errorf("second run differs (err %v)", err)
	}
}

func TestClusterStoryFormats(t *testing.T) {
	in := clusterInput(t)
	out, stderr, err := runCmd(t, "cluster", "--format", "stories", "--explain", in)
	if err != nil {
		t.Fatalf("cluster --format json: %v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d stories; want 2:\n%s", len(lines), out)
	}
	members := 0
	for _, l := range lines {
		var s report.StoryJSON
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			t.Fatal(err)
		}
		if s.Title == "" || len(s.Outlets) != 3 || s.Size != 3 || s.First == "" || s.Closed != "open" || s.Span <= 0 {
			t.Errorf("story %+v", s)
		}
		members += len(s.Members)
	}
	if members != 6 {
		t.Errorf("%d members; want 6", members)
	}
	text, _, err := runCmd(t, "cluster", "--format", "text", "--explain", in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"from 3 outlet(s)", "Kestrel Falls", "Salt Harbour", "sim ", "still open at the end of the input", " days)", "core "} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	jl, _, err := runCmd(t, "cluster", in)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(jl), "\n") {
		var a report.AssignmentJSON
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		if a.StoryClosed != "open" || a.StoryFirst == "" || a.StorySpan <= 0 {
			t.Errorf("jsonl line lacks the story's span or close reason: %s", l)
		}
	}
	if _, _, err := runCmd(t, "cluster", "--format", "xml", in); err == nil {
		t.Error("--format xml: no error")
	}
}

// TestClusterKeepsEmptyArticles checks that an article without text is
// reported and still gets a story line, so every input id is accounted for.
func TestClusterKeepsEmptyArticles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "e.jsonl")
	in := `{"id":"a","text":"The council voted on the budget."}` + "\n" + `{"id":"b","text":"  "}` + "\n" + `{"id":"c","text":"The council voted again."}` + "\n"
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCmd(t, "cluster", p)
	if err == nil || !strings.Contains(stderr, "e.jsonl:2") {
		t.Errorf("cluster with an empty article: err %v, stderr %q; want it reported", err, stderr)
	}
	for _, id := range []string{`"id":"a"`, `"id":"b"`, `"id":"c"`} {
		if !strings.Contains(out, id) {
			t.Errorf("cluster output lacks %s:\n%s", id, out)
		}
	}
}

// --min-articles leaves the small stories out of the text view and says
// how many; without it the view has every story (issue 12).
func TestClusterMinArticles(t *testing.T) {
	in := clusterInput(t,
		`{"id":"lone","source":"Z","title":"Orchard fair opens in Brindle","text":"The orchard fair in Brindle opened on Saturday with cider presses, a brass band and a pie contest judged by the mayor."}`)
	all, stderr, err := runCmd(t, "cluster", "--format", "text", in)
	if err != nil {
		t.Fatalf("cluster: %v\n%s", err, stderr)
	}
	if strings.Count(all, "== ") != 3 || !strings.Contains(all, "Orchard fair") || strings.Contains(all, "left out") {
		t.Fatalf("cluster --format text: want 3 stories, the lone one among them, nothing left out:\n%s", all)
	}
	some, stderr, err := runCmd(t, "cluster", "--format", "text", "--min-articles", "2", in)
	if err != nil {
		t.Fatalf("cluster --min-articles 2: %v\n%s", err, stderr)
	}
	if strings.Count(some, "== ") != 2 || strings.Contains(some, "Orchard fair") || !strings.HasSuffix(some, "(1 story of fewer than 2 articles left out)\n") {
		t.Errorf("cluster --min-articles 2: want the two stories of 3 and a closing line:\n%s", some)
	}
	if _, _, err := runCmd(t, "cluster", "--min-articles", "2", in); err == nil {
		t.Error("--min-articles with --format jsonl: no error")
	}
}
