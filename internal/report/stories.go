package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
)

// AssignmentJSON is one line of `parallax cluster --format jsonl`: where one
// input article went. Its keys are a contract (README).
type AssignmentJSON struct {
	ID          string  `json:"id"`
	Story       string  `json:"story"`
	New         bool    `json:"new"`
	Similarity  float64 `json:"similarity"`
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	SplitFrom   string  `json:"split_from,omitempty"`
	Rejoined    string  `json:"rejoined_from,omitempty"`
	Follows     string  `json:"follows,omitempty"` // the earlier story the one it opened continues
	InputID     string  `json:"input_id,omitempty"`
	Source      string  `json:"source,omitempty"`
	Published   string  `json:"published,omitempty"`
	TimeNote    string  `json:"time_note,omitempty"`
	// The story's span, the story it follows and why it closed, when the
	// line is written as the story closes (not with --immediate).
	StoryFirst   string               `json:"story_first,omitempty"`
	StoryLast    string               `json:"story_last,omitempty"`
	StorySpan    float64              `json:"story_span_days,omitempty"`
	StoryFollows string               `json:"story_follows,omitempty"`
	StoryClosed  string               `json:"story_closed,omitempty"`
	Explain      *cluster.Explanation `json:"explain,omitempty"`
}

// NewAssignmentJSON returns the JSON line of an assignment; inputID is the
// id as given when a repeated id was printed as "ID#2". story is the story
// the article ended in, when it has closed, else nil.
func NewAssignmentJSON(a cluster.Assignment, source string, published time.Time, inputID string, story *cluster.Story) AssignmentJSON {
	j := AssignmentJSON{
		ID: a.ID, Story: a.Story, New: a.New, Similarity: round3(a.Similarity), DuplicateOf: a.DuplicateOf,
		SplitFrom: a.SplitFrom, Rejoined: a.RejoinedFrom, Follows: a.Follows, InputID: inputID,
		Source: source, Published: news.FormatTime(published), TimeNote: a.TimeNote, Explain: a.Explain,
	}
	if story != nil {
		j.StoryFirst, j.StoryLast, j.StorySpan = news.FormatTime(story.First), news.FormatTime(story.Last), spanDays(*story)
		j.StoryFollows, j.StoryClosed = story.Follows, story.Closed
	}
	return j
}

// spanDays is a story's span in days, to a tenth.
func spanDays(s cluster.Story) float64 {
	return math.Round(s.Span().Hours()/2.4) / 10
}

// CloseReason says in words why a story closed (cluster.Story.Closed).
func CloseReason(closed string) string {
	switch closed {
	case cluster.ClosedIdle:
		return "closed: no dated article within the window"
	case cluster.ClosedSpan:
		return "closed: reached the span cap"
	case cluster.ClosedLimit:
		return "closed: too many stories active, least recently joined"
	case cluster.ClosedOpen:
		return "still open at the end of the input"
	}
	return ""
}

// SpanText is a story's span for people: "2013-04-01 to 2013-04-09 (8.0
// days)", one date when it spans none, "" without dated members.
func SpanText(s cluster.Story) string {
	if s.First.IsZero() {
		return ""
	}
	if s.First.Equal(s.Last) {
		return news.FormatTime(s.First)
	}
	return fmt.Sprintf("%s to %s (%.1f days)", news.FormatTime(s.First), news.FormatTime(s.Last), spanDays(s))
}

// AppendAssignment appends the JSON line of an assignment to b; story is
// as for NewAssignmentJSON.
func AppendAssignment(b []byte, a cluster.Assignment, source string, published time.Time, inputID string, story *cluster.Story) ([]byte, error) {
	j, err := json.Marshal(NewAssignmentJSON(a, source, published, inputID, story))
	if err != nil {
		return b, fmt.Errorf("assignment %s: %w", a.ID, err)
	}
	return append(append(b, j...), '\n'), nil
}

func round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// StoryJSON is one line of `parallax cluster --format stories`.
type StoryJSON struct {
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
	Follows string       `json:"follows,omitempty"` // the earlier story this one continues
	Span    float64      `json:"span_days"`         // from the first dated member to the last
	Closed  string       `json:"closed,omitempty"`  // why it closed: idle, span, limit or open
	Members []MemberJSON `json:"members"`
}

// MemberJSON is one article of a StoryJSON.
type MemberJSON struct {
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

// NewStoryJSON returns the JSON view of a story.
func NewStoryJSON(s cluster.Story) StoryJSON {
	j := StoryJSON{
		ID: s.ID, Title: s.Title, Size: s.Size, Unique: s.Unique, Outlets: orEmpty(s.Outlets),
		First: news.FormatTime(s.First), Last: news.FormatTime(s.Last),
		People: s.People, Places: s.Places, Names: s.Names, Terms: s.Terms, Follows: s.Follows,
		Span: spanDays(s), Closed: s.Closed,
	}
	for _, m := range s.Members {
		a := m.Assignment
		j.Members = append(j.Members, MemberJSON{
			ID: m.ID, Source: m.Source, Title: m.Title, Published: news.FormatTime(m.Published),
			DuplicateOf: m.DuplicateOf, SplitFrom: a.SplitFrom, Rejoined: a.RejoinedFrom, Similarity: round3(a.Similarity), Explain: a.Explain,
		})
	}
	return j
}

// WriteStories writes stories, largest first (ties: first closed first),
// as JSON lines (f == JSON) or as the view for people (f == Text). In the
// view, stories of fewer than minSize articles are left out, and a closing
// line says how many; a minSize of 1 or less keeps every story, as JSON
// always does. It sorts stories in place.
func WriteStories(w io.Writer, stories []cluster.Story, f Format, minSize int) error {
	slices.SortStableFunc(stories, func(a, b cluster.Story) int { return b.Size - a.Size })
	left := 0
	for _, s := range stories {
		if f == JSON {
			b, err := json.Marshal(NewStoryJSON(s))
			if err != nil {
				return fmt.Errorf("story %s: %w", s.ID, err)
			}
			if _, err := w.Write(append(b, '\n')); err != nil {
				return err
			}
			continue
		}
		if s.Size < minSize {
			left++
			continue
		}
		if _, err := io.WriteString(w, StoryText(s)); err != nil {
			return err
		}
	}
	if left > 0 {
		noun := "stories"
		if left == 1 {
			noun = "story"
		}
		if _, err := fmt.Fprintf(w, "(%d %s of fewer than %d articles left out)\n", left, noun, minSize); err != nil {
			return err
		}
	}
	return nil
}

// StoryText is the view for people of one story. Control characters of
// the input never reach the terminal.
func StoryText(s cluster.Story) string {
	var b strings.Builder
	title := s.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(&b, "== %s  %s\n", Safe(s.ID), Safe(title))
	if s.Follows != "" {
		fmt.Fprintf(&b, "   follows %s\n", Safe(s.Follows))
	}
	fmt.Fprintf(&b, "   %d article(s)", s.Size)
	if s.Unique != s.Size {
		fmt.Fprintf(&b, ", %d after near-duplicates", s.Unique)
	}
	if len(s.Outlets) > 0 {
		fmt.Fprintf(&b, " from %d outlet(s): %s", len(s.Outlets), Safe(strings.Join(s.Outlets, ", ")))
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
	if span := SpanText(s); span != "" {
		fmt.Fprintf(&b, "   when:   %s\n", span)
	}
	if r := CloseReason(s.Closed); r != "" {
		fmt.Fprintf(&b, "   %s\n", r)
	}
	for _, l := range []struct {
		label string
		names []string
		show  bool
	}{
		{"people:", s.People, true}, {"places:", s.Places, true},
		{"names: ", s.Names, len(s.People) == 0 && len(s.Places) == 0}, {"terms: ", s.Terms, true},
	} {
		if l.show && len(l.names) > 0 {
			fmt.Fprintf(&b, "   %s %s\n", l.label, Safe(strings.Join(l.names, ", ")))
		}
	}
	for _, m := range s.Members {
		writeMember(&b, m)
	}
	b.WriteString("\n")
	return b.String()
}

func writeMember(b *strings.Builder, m cluster.Member) {
	fmt.Fprintf(b, "   - %s", Safe(m.ID))
	if m.Source != "" {
		fmt.Fprintf(b, " [%s]", Safe(m.Source))
	}
	if !m.Published.IsZero() {
		fmt.Fprintf(b, " %s", news.FormatTime(m.Published))
	}
	if m.Title != "" {
		fmt.Fprintf(b, " %s", Safe(m.Title))
	}
	if m.DuplicateOf != "" {
		fmt.Fprintf(b, " (copy of %s)", Safe(m.DuplicateOf))
	}
	if m.Assignment.SplitFrom != "" {
		fmt.Fprintf(b, " (split from %s)", m.Assignment.SplitFrom)
	}
	if m.Assignment.RejoinedFrom != "" {
		fmt.Fprintf(b, " (rejoined from %s)", m.Assignment.RejoinedFrom)
	}
	if a := m.Assignment; a.Explain != nil && !a.New {
		fmt.Fprintf(b, "\n       sim %.3f, core %.3f", a.Similarity, a.Explain.Core)
		for _, part := range []struct {
			k  string
			vs []string
		}{{"people", a.Explain.People}, {"places", a.Explain.Places}, {"names", a.Explain.Names}, {"numbers", a.Explain.Numbers}, {"dates", a.Explain.Dates}, {"terms", a.Explain.Terms}} {
			if len(part.vs) > 0 {
				fmt.Fprintf(b, "; %s: %s", part.k, Safe(strings.Join(part.vs, ", ")))
			}
		}
		if a.Explain.RunnerUp != "" {
			fmt.Fprintf(b, "; runner-up %s %.3f", a.Explain.RunnerUp, a.Explain.RunnerUpSimilarity)
		}
		if n := a.Explain.OutsideWindow; n > 0 {
			fmt.Fprintf(b, "; %d refused for time (%d for the span cap)", n, a.Explain.OutsideSpan)
		}
		if n := a.Explain.OffCore; n > 0 {
			fmt.Fprintf(b, "; %d refused for the chaining cap", n)
		}
	}
	b.WriteString("\n")
}
