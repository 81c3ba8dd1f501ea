package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestClusterBadInputEveryID: whatever the input, every input article
// appears in the output of every cluster format, once per time it was
// given (issue 12, deliverable 7).
func TestClusterBadInputEveryID(t *testing.T) {
	line := func(id, published, text string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "source": "Test Wire", "published": published, "title": "Report " + id, "text": text})
		return string(b)
	}
	quake := "A magnitude 6.4 earthquake struck the mountain town of Kestrel Falls in northern Valdoria on Thursday, killing at least 30 people."
	repeat := func(n int, id func(int) string) []string {
		var out []string
		for i := range n {
			out = append(out, line(id(i), "2021-03-04T08:00:00Z", quake))
		}
		return out
	}
	var big strings.Builder
	for i := 0; big.Len() < 5<<20; i++ {
		fmt.Fprintf(&big, "Rescue team %d searched block %d of Kestrel Falls and found %d survivors. ", i, i%977, i%13)
		if i%40 == 39 {
			big.WriteString("\n\n")
		}
	}
	cases := []struct {
		name  string
		lines []string
	}{
		{"duplicate ids", []string{line("x", "2021-03-04", quake), line("x", "2021-03-04", "The harbour of Salt Harbour reopened on Saturday."), line("x", "", quake), line("y", "2021-03-05", quake)}},
		{"empty texts", []string{line("e1", "2021-03-04", ""), line("e2", "", "   \n\n "), line("full", "2021-03-04", quake), line("e1", "2021-03-04", "")}},
		{"dates in 1970 and the future", []string{line("old", "1970-01-01", quake), line("zero", "1970-01-01T00:00:00Z", quake), line("future", "2999-01-01", quake), line("now", "2021-03-04", quake), line("bad", "not a date", quake)}},
		{"one article 10,000 times", repeat(10000, func(int) string { return "same" })},
		{"one text under 2,000 ids", repeat(2000, func(i int) string { return fmt.Sprintf("copy-%d", i) })},
		{"one 5 MB article", []string{line("big", "2021-03-04", big.String()), line("small", "2021-03-04", quake)}},
	}
	printed := regexp.MustCompile(`^(.*?)(#\d+)?$`)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := map[string]int{}
			for _, l := range tc.lines {
				var a struct{ ID string }
				json.Unmarshal([]byte(l), &a)
				want[a.ID]++
			}
			path := filepath.Join(t.TempDir(), "in.jsonl")
			if err := os.WriteFile(path, []byte(strings.Join(tc.lines, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			formats := [][]string{{"--format", "jsonl"}, {"--format", "jsonl", "--immediate"}, {"--format", "stories"}, {"--format", "text"}}
			if len(tc.lines) > 5000 {
				formats = formats[1:3] // the same paths, fewer runs
			}
			for _, args := range formats {
				out, stderr, err := runCmd(t, append(append([]string{"cluster"}, args...), path)...)
				// Articles without text (or whose text the cleaner takes
				// for boilerplate repeated across the input) are kept and
				// reported, and make the exit status 1.
				if err != nil && !strings.Contains(err.Error(), "skipped or empty") {
					t.Fatalf("%v: %v\n%.2000s", args, err, stderr)
				}
				got := map[string]int{}
				seen := map[string]bool{}
				count := func(id string) {
					if seen[id] {
						t.Errorf("%v: id %q printed twice", args, id)
					}
					seen[id] = true
					got[printed.FindStringSubmatch(id)[1]]++
				}
				switch args[1] {
				case "jsonl":
					for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
						var a struct{ ID string }
						if err := json.Unmarshal([]byte(l), &a); err != nil {
							t.Fatalf("%v: bad line %.200q", args, l)
						}
						count(a.ID)
					}
				case "stories":
					for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
						var s struct{ Members []struct{ ID string } }
						if err := json.Unmarshal([]byte(l), &s); err != nil {
							t.Fatalf("%v: bad line %.200q", args, l)
						}
						for _, m := range s.Members {
							count(m.ID)
						}
					}
				case "text":
					for _, l := range strings.Split(out, "\n") {
						if id, ok := strings.CutPrefix(l, "   - "); ok {
							count(strings.Fields(id)[0])
						}
					}
				}
				for id, n := range want {
					if got[id] != n {
						t.Errorf("%v: id %q printed %d times; given %d", args, id, got[id], n)
					}
				}
				for id := range got {
					if want[id] == 0 {
						t.Errorf("%v: id %q printed, never given", args, id)
					}
				}
			}
		})
	}
}
