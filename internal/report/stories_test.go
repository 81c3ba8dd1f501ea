package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
)

// The text view leaves out stories under minSize and says how many; JSON
// lists every story (issue 12).
func TestWriteStoriesMinSize(t *testing.T) {
	story := func(id string, size int) cluster.Story {
		return cluster.Story{ID: id, Title: "Title " + id, Size: size, Unique: size}
	}
	tests := []struct {
		name    string
		f       Format
		minSize int
		sizes   []int
		want    []string // story ids written, in order
		closing string   // the last line, "" for none
	}{
		{"zero keeps every story", Text, 0, []int{1, 3, 2}, []string{"s1", "s2", "s0"}, ""},
		{"one keeps every story", Text, 1, []int{1, 3, 2}, []string{"s1", "s2", "s0"}, ""},
		{"two leaves out one story", Text, 2, []int{1, 3, 2}, []string{"s1", "s2"}, "(1 story of fewer than 2 articles left out)"},
		{"three leaves out two stories", Text, 3, []int{1, 3, 2}, []string{"s1"}, "(2 stories of fewer than 3 articles left out)"},
		{"JSON lists every story", JSON, 3, []int{1, 3, 2}, []string{"s1", "s2", "s0"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stories []cluster.Story
			for i, n := range tt.sizes {
				stories = append(stories, story("s"+string(rune('0'+i)), n))
			}
			var b bytes.Buffer
			if err := WriteStories(&b, stories, tt.f, tt.minSize); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				for _, s := range stories {
					if strings.HasPrefix(l, "== "+s.ID+" ") || strings.HasPrefix(l, `{"id":"`+s.ID+`"`) {
						got = append(got, s.ID)
					}
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("WriteStories(minSize %d) wrote %v; want %v\n%s", tt.minSize, got, tt.want, out)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			last := lines[len(lines)-1]
			if tt.closing != "" && last != tt.closing {
				t.Errorf("last line %q; want %q", last, tt.closing)
			}
			if tt.closing == "" && strings.Contains(out, "left out") {
				t.Errorf("WriteStories(minSize %d) says stories were left out:\n%s", tt.minSize, out)
			}
		})
	}
}
