package cluster

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/news"
)

// fixture is one hand-written article of testdata/stories.json.
type fixture struct {
	ID, Source, Title, Text string
	Published               time.Time
}

func loadFixtures(t testing.TB) map[string]news.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/stories.json")
	if err != nil {
		t.Fatal(err)
	}
	var fs []fixture
	if err := json.Unmarshal(b, &fs); err != nil {
		t.Fatal(err)
	}
	m := map[string]news.Document{}
	for _, f := range fs {
		m[f.ID] = news.Document{Article: news.Article{ID: f.ID, Source: f.Source, Title: f.Title, Text: f.Text, Published: f.Published}}
	}
	return m
}

// fixedNow is the present for tests, so that no fixture is "in the future".
func fixedNow() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }

// run adds the named fixtures in order and returns id -> story.
func run(t *testing.T, opt Options, docs []news.Document) map[string]Assignment {
	t.Helper()
	if opt.Now == nil {
		opt.Now = fixedNow
	}
	out := map[string]Assignment{}
	onClose := opt.OnClose
	opt.OnClose = func(s Story) {
		for _, m := range s.Members {
			out[m.ID] = m.Assignment
		}
		if onClose != nil {
			onClose(s)
		}
	}
	c := New(opt)
	for _, d := range docs {
		a := c.Add(d)
		if a.ID != d.ID {
			t.Fatalf("Add(%q).ID = %q", d.ID, a.ID)
		}
		if a.Story == "" {
			t.Fatalf("Add(%q) gave no story", d.ID)
		}
	}
	c.Close()
	if len(out) != len(docs) {
		t.Fatalf("closed stories hold %d articles; want %d", len(out), len(docs))
	}
	return out
}

func pick(m map[string]news.Document, ids ...string) []news.Document {
	var out []news.Document
	for _, id := range ids {
		d, ok := m[id]
		if !ok {
			panic("no fixture " + id)
		}
		out = append(out, d)
	}
	return out
}

// groups maps each story to its sorted member ids, as one comparable string.
func groups(as map[string]Assignment, order []string) []string {
	idx := map[string]int{}
	var gs [][]string
	for _, id := range order {
		s := as[id].Story
		i, ok := idx[s]
		if !ok {
			i = len(gs)
			idx[s] = i
			gs = append(gs, nil)
		}
		gs[i] = append(gs[i], id)
	}
	var out []string
	for _, g := range gs {
		out = append(out, strings.Join(g, " "))
	}
	return out
}

func TestStories(t *testing.T) {
	fx := loadFixtures(t)
	tests := []struct {
		name  string
		order []string
		want  []string
	}{
		{
			name:  "same event from three outlets joins",
			order: []string{"quake-a-1", "quake-a-2", "quake-a-3"},
			want:  []string{"quake-a-1 quake-a-2 quake-a-3"},
		},
		{
			name:  "two different earthquakes stay apart",
			order: []string{"quake-a-1", "quake-a-2", "quake-b-1", "quake-a-3", "quake-b-2", "quake-b-3"},
			want:  []string{"quake-a-1 quake-a-2 quake-a-3", "quake-b-1 quake-b-2 quake-b-3"},
		},
		{
			name:  "two earthquakes, the other one first",
			order: []string{"quake-b-1", "quake-a-1", "quake-b-2", "quake-a-2", "quake-b-3", "quake-a-3"},
			want:  []string{"quake-b-1 quake-b-2 quake-b-3", "quake-a-1 quake-a-2 quake-a-3"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groups(run(t, Options{}, pick(fx, tt.order...)), tt.order)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("stories (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTimeWindow(t *testing.T) {
	fx := loadFixtures(t)
	a1 := fx["quake-a-1"]
	tests := []struct {
		name     string
		shift    time.Duration // of the second article
		zero     bool          // the second article has no date
		wantSame bool
	}{
		{"two days later joins", 48 * time.Hour, false, true},
		{"sixty days later opens a new story", 60 * 24 * time.Hour, false, false},
		{"sixty days earlier opens a new story", -60 * 24 * time.Hour, false, false},
		{"undated joins", 0, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a2 := fx["quake-a-2"]
			a2.Published = a1.Published.Add(tt.shift)
			if tt.zero {
				a2.Published = time.Time{}
			}
			got := run(t, Options{}, []news.Document{a1, a2})
			if same := got["quake-a-1"].Story == got["quake-a-2"].Story; same != tt.wantSame {
				t.Errorf("same story = %v; want %v (similarity %.3f)", same, tt.wantSame, got["quake-a-2"].Similarity)
			}
		})
	}
}

func TestBadDates(t *testing.T) {
	fx := loadFixtures(t)
	tests := []struct {
		name string
		when time.Time
		note string
	}{
		{"no date", time.Time{}, "undated"},
		{"1970", time.Unix(0, 0).UTC(), "before 1980"},
		{"far future", time.Date(2999, 1, 1, 0, 0, 0, 0, time.UTC), "in the future"},
		{"usable", time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := fx["quake-a-1"]
			d.Published = tt.when
			c := New(Options{Now: fixedNow})
			a := c.Add(d)
			if a.TimeNote != tt.note {
				t.Errorf("Add(published %v).TimeNote = %q; want %q", tt.when, a.TimeNote, tt.note)
			}
			// A bad date must not move the clock: a later real article
			// still finds the story.
			d2 := fx["quake-a-2"]
			if b := c.Add(d2); b.Story != a.Story {
				t.Errorf("after a %s article, quake-a-2 went to %s; want %s", tt.name, b.Story, a.Story)
			}
		})
	}
}

func TestNearDuplicates(t *testing.T) {
	fx := loadFixtures(t)
	orig := fx["quake-a-1"]
	copy1 := orig
	copy1.ID, copy1.Source = "reprint-1", "Syndicated Weekly"
	copy1.Title = "Quake kills 12 in Valdoria"
	copy1.Text = orig.Text + "\n\nThis article was first published by the Daily Planet."
	var closed []Story
	c := New(Options{Now: fixedNow, OnClose: func(s Story) { closed = append(closed, s) }})
	a := c.Add(orig)
	b := c.Add(copy1)
	other := c.Add(fx["quake-b-1"])
	if b.DuplicateOf != "quake-a-1" || b.Story != a.Story {
		t.Fatalf("Add(reprint) = story %s, duplicate of %q; want story %s, duplicate of %q", b.Story, b.DuplicateOf, a.Story, "quake-a-1")
	}
	if other.DuplicateOf != "" {
		t.Errorf("Add(quake-b-1).DuplicateOf = %q; want none", other.DuplicateOf)
	}
	c.Close()
	var s Story
	for _, x := range closed {
		if x.ID == a.Story {
			s = x
		}
	}
	if s.Size != 2 || s.Unique != 1 {
		t.Errorf("story size %d, unique %d; want 2, 1", s.Size, s.Unique)
	}
}

func TestDeterministic(t *testing.T) {
	fx := loadFixtures(t)
	order := []string{"quake-a-1", "quake-b-1", "quake-a-2", "quake-b-2", "quake-a-3", "quake-b-3"}
	opt := Options{Explain: true}
	first := run(t, opt, pick(fx, order...))
	for i := 0; i < 3; i++ {
		again := run(t, opt, pick(fx, order...))
		if diff := cmp.Diff(first, again); diff != "" {
			t.Fatalf("run %d differs (-first +again):\n%s", i, diff)
		}
	}
	if got, want := first["quake-a-1"].Story, first["quake-a-2"].Story; got != want {
		t.Errorf("quake-a-1 in %s, quake-a-2 in %s; want one story", got, want)
	}
	if !first["quake-a-1"].New || first["quake-a-2"].New {
		t.Errorf("New = %v, %v; want true, false", first["quake-a-1"].New, first["quake-a-2"].New)
	}
}

func TestExplain(t *testing.T) {
	fx := loadFixtures(t)
	got := run(t, Options{Explain: true}, pick(fx, "quake-a-1", "quake-b-1", "quake-a-2"))
	ex := got["quake-a-2"].Explain
	if ex == nil {
		t.Fatal("no explanation")
	}
	all := strings.Join(append(append(append([]string{}, ex.Names...), ex.Terms...), ex.Numbers...), "|")
	for _, want := range []string{"Brack", "6.4"} {
		if !strings.Contains(all, want) {
			t.Errorf("explanation %q lacks %q", all, want)
		}
	}
	if ex.Similarity < ex.Threshold || ex.Candidates == 0 {
		t.Errorf("explanation similarity %.3f, threshold %.3f, candidates %d", ex.Similarity, ex.Threshold, ex.Candidates)
	}
	if ex.RunnerUp != "" && ex.RunnerUp == got["quake-a-2"].Story {
		t.Errorf("runner-up is the chosen story %s", ex.RunnerUp)
	}
}

// TestFlatMemory runs a long stream of distinct dated articles and checks
// that the active set and the index stay bounded.
func TestFlatMemory(t *testing.T) {
	c := New(Options{Window: 24 * time.Hour, Now: fixedNow})
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	maxActive, maxPost := 0, 0
	for i := range 3000 {
		d := news.Document{Article: news.Article{
			ID:        fmt.Sprintf("a%d", i),
			Published: start.Add(time.Duration(i) * time.Hour),
			Title:     fmt.Sprintf("Event %d in Town%d", i, i),
			Text:      fmt.Sprintf("Officials in Town%d said on Monday that event number %d involved Person%d and %d people.", i, i, i, 100+i),
		}}
		c.Add(d)
		maxActive = max(maxActive, c.Active())
		maxPost = max(maxPost, len(c.postings))
	}
	// A 24 h window with one article an hour keeps about 72 hours active
	// (stories are swept every sweepEvery articles), and the lag Lag
	// articles more.
	if want := max(72, DefaultLag) + sweepEvery; maxActive > want {
		t.Errorf("active stories peaked at %d; want at most %d", maxActive, want)
	}
	if maxPost > 40*(max(72, DefaultLag)+2*sweepEvery) {
		t.Errorf("posting lists peaked at %d", maxPost)
	}
}

func TestOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2021, 1, d, 0, 0, 0, 0, time.UTC) }
	type item struct {
		t  time.Time
		id string
	}
	tests := []struct {
		name string
		size int
		in   []item
		want []string
	}{
		{"sorts by date, stable", 100, []item{{day(3), "c"}, {day(1), "a"}, {day(3), "d"}, {day(2), "b"}}, []string{"a", "b", "c", "d"}},
		{"undated stays after its neighbour", 100, []item{{day(5), "e"}, {time.Time{}, "x"}, {day(1), "a"}}, []string{"a", "e", "x"}},
		{"leading undated first", 100, []item{{time.Time{}, "x"}, {day(2), "b"}, {day(1), "a"}}, []string{"x", "a", "b"}},
		{"bounded buffer", 1, []item{{day(3), "c"}, {day(2), "b"}, {day(1), "a"}}, []string{"b", "a", "c"}},
		{"1970 treated as undated", 100, []item{{day(2), "b"}, {time.Unix(0, 0), "z"}, {day(1), "a"}}, []string{"a", "b", "z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Order[string]{Size: tt.size, Now: fixedNow}
			var got []string
			for _, it := range tt.in {
				if v, ok := o.Push(it.t, it.id); ok {
					got = append(got, v)
				}
			}
			o.Drain(func(v string) { got = append(got, v) })
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
		})
	}
}

func FuzzAdd(f *testing.F) {
	fx := loadFixtures(f)
	for _, d := range fx {
		f.Add(d.ID, d.Title, d.Text, d.Published.Unix())
	}
	f.Add("", "", "", int64(0))
	f.Add("x", "\xff\xfe", "Mr. A.B. 3,,4 ’s 12:30 Dec. 20 20 December 2011\n\n\n", int64(-1<<40))
	f.Fuzz(func(t *testing.T, id, title, text string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(1<<36), 0).UTC()
		}
		d := news.Document{Article: news.Article{ID: id, Title: title, Text: text, Published: pub, Source: "S"}}
		var stories [2]string
		for i := range stories {
			c := New(Options{Now: fixedNow, Explain: true})
			for _, base := range pick(fx, "quake-a-1", "quake-b-1") {
				c.Add(base)
			}
			a := c.Add(d)
			if a.ID != id || a.Story == "" {
				t.Fatalf("Add = %+v", a)
			}
			if a.Similarity < 0 || a.Similarity > 1.0001 {
				t.Fatalf("similarity %v out of range", a.Similarity)
			}
			stories[i] = a.Story
			c.Close()
		}
		if stories[0] != stories[1] {
			t.Fatalf("two runs gave %s and %s", stories[0], stories[1])
		}
		// With a threshold this low the stories grow large enough for
		// the split test; every article must still end in one story.
		seen := map[string]int{}
		c := New(Options{Now: fixedNow, Threshold: 0.01, Window: -1, OnClose: func(s Story) {
			for _, m := range s.Members {
				seen[m.ID]++
				if m.Assignment.Story != s.ID {
					t.Fatalf("member %s of %s says story %s", m.ID, s.ID, m.Assignment.Story)
				}
			}
		}})
		n := 0
		for i := range 3 {
			for _, base := range fx {
				base.ID = fmt.Sprintf("%s-%d", base.ID, i)
				c.Add(base)
				n++
			}
			d.ID = fmt.Sprintf("fuzz-%d", i)
			c.Add(d)
			n++
		}
		c.Close()
		if len(seen) != n {
			t.Fatalf("closed stories hold %d distinct articles; want %d", len(seen), n)
		}
		for id, k := range seen {
			if k != 1 {
				t.Fatalf("article %s is in %d stories", id, k)
			}
		}
	})
}

func TestDistinctTerms(t *testing.T) {
	terms := []string{"Marlow", "City", "City Hall", "position", "Comments", "comments", "Dana Marlow's", "Hall", "Kestrel Falls", "race", "offer", "Marlow campaign"}
	got := distinctTerms(terms, []string{"Dana Marlow"}, []string{"Kestrel Falls"}, 3)
	want := []string{"City Hall", "position", "Comments"}
	if !slices.Equal(got, want) {
		t.Errorf("distinctTerms = %q, want %q", got, want)
	}
	if got := distinctTerms(terms, nil, nil, 20); len(got) != 8 {
		t.Errorf("without names: %q, want 8 terms (\"Marlow\" is in two-word terms)", got)
	}
}

func TestSplitNames(t *testing.T) {
	people, places := splitNames(
		[]string{"Ada Brennick", "Saltmere", "Brennick", "Port Iver", "Tomas Wyle"},
		[]string{"Norland", "Saltmere", "Harrowgate", "Port Iver"}, 2)
	if !slices.Equal(people, []string{"Ada Brennick", "Tomas Wyle"}) || !slices.Equal(places, []string{"Norland", "Saltmere"}) {
		t.Errorf("splitNames = %q, %q", people, places)
	}
}
