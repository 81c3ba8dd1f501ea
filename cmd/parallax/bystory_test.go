package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCompareByStory feeds two invented events, two outlets each, mixed
// together, and expects one comparison per event.
func TestCompareByStory(t *testing.T) {
	arts := []map[string]string{
		{"id": "quake-a", "source": "Daily Wire Service", "published": "2024-03-02",
			"text": "A magnitude 7.1 earthquake struck southern Peru on Saturday, killing at least 14 people in the mountain town of Arequipa.\n\nRescuers searched collapsed houses in Arequipa through the night, the civil defence agency said."},
		{"id": "vote-a", "source": "Daily Wire Service", "published": "2024-03-03",
			"text": "Norway's parliament voted 95 to 74 on Sunday to approve a new fisheries quota law after a long debate in Oslo.\n\nThe fisheries minister, Kari Holm, said the law would protect cod stocks in the Barents Sea."},
		{"id": "quake-b", "source": "Morning Ledger", "published": "2024-03-02",
			"text": "At least 14 people died when a 7.1 magnitude earthquake hit Arequipa in southern Peru on Saturday.\n\nPeru's civil defence agency said rescuers were still searching collapsed houses in Arequipa."},
		{"id": "vote-b", "source": "Morning Ledger", "published": "2024-03-03",
			"text": "Lawmakers in Oslo approved Norway's fisheries quota law by 95 votes to 74 on Sunday.\n\nFisheries minister Kari Holm said the quota law would protect cod stocks in the Barents Sea."},
	}
	var b strings.Builder
	for _, a := range arts {
		line, _ := json.Marshal(a)
		b.Write(append(line, '\n'))
	}
	p := filepath.Join(t.TempDir(), "mixed.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runCmd(t, "compare", "--by-story", "--format", "json", p)
	if err != nil {
		t.Fatalf("compare --by-story: %v\n%s", err, stderr)
	}
	var rep struct {
		Stories []struct {
			Story    string
			Closed   string
			First    string
			SpanDays float64 `json:"span_days"`
			Articles []struct{ ID string }
			Summary  []struct{ Text string }
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad json: %v\n%s", err, out)
	}
	var groups []string
	for _, s := range rep.Stories {
		var ids []string
		for _, a := range s.Articles {
			ids = append(ids, a.ID)
		}
		sort.Strings(ids)
		groups = append(groups, strings.Join(ids, "+"))
		if s.Story == "" || len(s.Summary) == 0 {
			t.Errorf("story %+v has no id or no summary", s)
		}
		if s.Closed != "open" || s.First == "" {
			t.Errorf("story %s: closed %q, first %q; want open and a date", s.Story, s.Closed, s.First)
		}
	}
	sort.Strings(groups)
	if diff := cmp.Diff([]string{"quake-a+quake-b", "vote-a+vote-b"}, groups); diff != "" {
		t.Errorf("stories mismatch (-want +got):\n%s", diff)
	}

	// Every view says where each story stands in time.
	for _, f := range []string{"text", "markdown", "html"} {
		args := []string{"compare", "--by-story", "--format", f, p}
		if f == "html" {
			args = []string{"compare", "--story", rep.Stories[0].Story, "--format", f, p}
		}
		out, stderr, err := runCmd(t, args...)
		if err != nil {
			t.Fatalf("compare --format %s: %v\n%s", f, err, stderr)
		}
		if want := "still open at the end of the input"; !strings.Contains(out, want) || !strings.Contains(out, "2024-03-0") {
			t.Errorf("compare --by-story --format %s lacks %q or the span:\n%.3000s", f, want, out)
		}
	}

	// --story picks one; an unknown id is an error.
	one, _, err := runCmd(t, "compare", "--story", rep.Stories[0].Story, "--format", "json", p)
	if err != nil || strings.Count(one, `"story":`) != 1 {
		t.Errorf("compare --story: err %v, %d stories", err, strings.Count(one, `"story":`))
	}
	if _, _, err := runCmd(t, "compare", "--story", "s-nosuch", p); err == nil {
		t.Errorf("compare --story s-nosuch: no error")
	}
}
