// Package storetest is the conformance suite every desk.Store backend
// passes: a backend's tests call Run with a function that opens an empty
// store of its kind.
//
// It may import desk and news.
package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
)

// Run runs the suite; open returns a new, empty store for each test.
func Run(t *testing.T, open func(t *testing.T) desk.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s desk.Store)
	}{
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"Dedupe", testDedupe},
		{"Rollback", testRollback},
		{"NotFound", testNotFound},
		{"Assignments", testAssignments},
		{"PutStory", testPutStory},
		{"ClusterState", testClusterState},
		{"Unassigned", testUnassigned},
		{"StoryCount", testStoryCount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

// Doc returns a small analyzed document with every stored field set.
func Doc(id, url, text string) news.Document {
	return news.Document{
		Article: news.Article{
			ID: id, Source: "Outlet " + id, URL: url, Title: "Title " + id, Standfirst: "Standfirst",
			Author: "A. Writer", Language: "en", Origin: id + ".txt", Text: text,
			Published: time.Date(2011, 10, 21, 14, 30, 0, 0, time.FixedZone("", 3*3600)),
		},
		Sentences:  []news.Span{{Start: 0, End: len(text)}},
		Entities:   []news.Entity{{Name: "Nouri al-Maliki", Type: news.Person, Aliases: []string{"Maliki"}, Mentions: []news.Span{{Start: 0, End: 3}}}},
		Quotes:     []news.Quote{{Text: "we go", Speaker: "Nouri al-Maliki", Kind: news.Direct, Span: news.Span{Start: 1, End: 2}, SpeakerSpan: news.Span{Start: 0, End: 1}, Cue: "said"}},
		Quantities: []news.Quantity{{Value: 4408, Qualifier: news.About, Counts: "troops", Kind: news.Count, Text: "about 4,408 troops", Span: news.Span{Start: 2, End: 3}}},
		Dates:      []news.Date{{Text: "Friday", Value: "2011-10-21", Span: news.Span{Start: 3, End: 4}}},
	}
}

// put stores docs in one transaction and returns their ids.
func put(t *testing.T, s desk.Store, docs ...news.Document) []int64 {
	t.Helper()
	ctx := context.Background()
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, d := range docs {
		id, _, err := tx.PutArticle(d)
		if err != nil {
			t.Fatalf("PutArticle(%s): %v", d.ID, err)
		}
		ids = append(ids, id)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// write runs fn in one committed transaction.
func write(t *testing.T, s desk.Store, fn func(tx desk.Tx) error) {
	t.Helper()
	tx, err := s.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func testArticleRoundTrip(t *testing.T, s desk.Store) {
	d := Doc("a1", "https://example.com/a1", "First text about the withdrawal.")
	ids := put(t, s, d)
	if ids[0] <= 0 {
		t.Fatalf("PutArticle id = %d; want > 0", ids[0])
	}
	got, err := s.Article(context.Background(), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != ids[0] {
		t.Errorf("Article(%d).ID = %d", ids[0], got.ID)
	}
	if diff := cmp.Diff(d, got.Doc, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("Article(%d) differs from what was put (-put +got):\n%s", ids[0], diff)
	}
	if _, off := got.Doc.Published.Zone(); off != 3*3600 {
		t.Errorf("Published zone offset = %d; want %d (kept as written)", off, 3*3600)
	}
}

func testDedupe(t *testing.T, s desk.Store) {
	ctx := context.Background()
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	first, ins, err := tx.PutArticle(Doc("a", "https://Example.com/story/#top", "Troops leave Iraq by the end of the year."))
	if err != nil || !ins {
		t.Fatalf("PutArticle(a) = %d, %v, %v; want inserted", first, ins, err)
	}
	for _, tc := range []struct {
		name string
		d    news.Document
		same bool
	}{
		{"same URL, other text", Doc("b", "https://example.com/story", "Another text entirely."), true},
		{"same text, spacing and case differ", Doc("c", "", "troops  leave Iraq\nby the end of the year."), true},
		{"same text, other URL", Doc("d", "https://other.example/x", "Troops leave Iraq by the end of the year."), true},
		{"new", Doc("e", "https://example.com/other", "A different report."), false},
		{"no URL, new text", Doc("f", "", "Yet another report."), false},
	} {
		id, ins, err := tx.PutArticle(tc.d)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if ins == tc.same || (id == first) != tc.same {
			t.Errorf("%s: PutArticle = %d, inserted %v; want the first's id %d: %v", tc.name, id, ins, first, tc.same)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	// Again in a later transaction.
	ids := put(t, s, Doc("g", "https://example.com/story", "x"))
	if ids[0] != first {
		t.Errorf("same URL in a later transaction: id %d; want %d", ids[0], first)
	}
}

func testRollback(t *testing.T, s desk.Store) {
	ctx := context.Background()
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := tx.PutArticle(Doc("a", "", "Rolled back."))
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.SaveClusterState([]byte("state")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(ctx, id); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("Article after rollback: %v; want ErrNotFound", err)
	}
	if st, err := s.ClusterState(ctx); st != nil || err != nil {
		t.Errorf("ClusterState after rollback = %q, %v; want nil, nil", st, err)
	}
	tx, err = s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Errorf("Rollback after Commit: %v; want nil", err)
	}
}

func testNotFound(t *testing.T, s desk.Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, 42); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("Article(42): %v; want ErrNotFound", err)
	}
	if _, err := s.Story(ctx, "s-none"); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("Story(s-none): %v; want ErrNotFound", err)
	}
	if st, err := s.Stories(ctx); err != nil || len(st) != 0 {
		t.Errorf("Stories() on an empty store = %v, %v; want none", st, err)
	}
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := tx.PutAssignment(desk.Assignment{Article: 42, Story: "s-1", Detail: []byte("{}")}); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("PutAssignment(unknown article): %v; want ErrNotFound", err)
	}
}

func testAssignments(t *testing.T, s desk.Store) {
	ctx := context.Background()
	ids := put(t, s, Doc("a", "", "one"), Doc("b", "", "two"), Doc("c", "", "three"))
	write(t, s, func(tx desk.Tx) error {
		for _, a := range []desk.Assignment{{Article: ids[0], Story: "s-a"}, {Article: ids[1], Story: "s-a"}, {Article: ids[2], Story: "s-c"}} {
			a.Detail = []byte(`{"id":"x"}`)
			if err := tx.PutAssignment(a); err != nil {
				return err
			}
		}
		return nil
	})
	want := []desk.Story{{ID: "s-a", Members: []int64{ids[0], ids[1]}}, {ID: "s-c", Members: []int64{ids[2]}}}
	got, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Stories() (-want +got):\n%s", diff)
	}
	// Moving the only member of s-c removes s-c; assigning again keeps the place.
	write(t, s, func(tx desk.Tx) error {
		if err := tx.PutAssignment(desk.Assignment{Article: ids[2], Story: "s-a", Detail: []byte("{}")}); err != nil {
			return err
		}
		return tx.PutAssignment(desk.Assignment{Article: ids[0], Story: "s-a", Final: true, Detail: []byte("{}")})
	})
	st, err := s.Story(ctx, "s-a")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{ids[0], ids[1], ids[2]}, st.Members); diff != "" {
		t.Errorf("Story(s-a).Members (-want +got):\n%s", diff)
	}
	if _, err := s.Story(ctx, "s-c"); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("Story(s-c) after its member left: %v; want ErrNotFound", err)
	}
	if un, err := s.Unassigned(ctx); err != nil || len(un) != 0 {
		t.Errorf("Unassigned() = %d articles, %v; want none", len(un), err)
	}
}

func testPutStory(t *testing.T, s desk.Store) {
	ctx := context.Background()
	ids := put(t, s, Doc("a", "", "one"), Doc("b", "", "two"), Doc("c", "", "three"))
	write(t, s, func(tx desk.Tx) error {
		for _, id := range ids {
			if err := tx.PutAssignment(desk.Assignment{Article: id, Story: "s-a", Detail: []byte("{}")}); err != nil {
				return err
			}
		}
		return nil
	})
	first := time.Date(2011, 10, 21, 0, 0, 0, 0, time.UTC)
	split := desk.Story{ID: "s-b", Title: "Split off", Outlets: []string{"BBC", "Al Jazeera"}, First: first, Last: first.Add(time.Hour), Closed: true, Members: []int64{ids[2], ids[1]}}
	write(t, s, func(tx desk.Tx) error { return tx.PutStory(split) })
	got, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []desk.Story{{ID: "s-a", Members: []int64{ids[0]}}, split}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("Stories() after a split (-want +got):\n%s", diff)
	}
	// Listing some members first keeps the others after them.
	write(t, s, func(tx desk.Tx) error {
		if err := tx.PutAssignment(desk.Assignment{Article: ids[0], Story: "s-b", Detail: []byte("{}")}); err != nil {
			return err
		}
		split.Members = []int64{ids[0]}
		return tx.PutStory(split)
	})
	st, err := s.Story(ctx, "s-b")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int64{ids[0], ids[2], ids[1]}, st.Members); diff != "" {
		t.Errorf("Story(s-b).Members (-want +got):\n%s", diff)
	}
	tx, err := s.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := tx.PutStory(desk.Story{ID: "s-x", Members: []int64{999}}); !errors.Is(err, desk.ErrNotFound) {
		t.Errorf("PutStory(unknown member): %v; want ErrNotFound", err)
	}
}

func testClusterState(t *testing.T, s desk.Store) {
	ctx := context.Background()
	if st, err := s.ClusterState(ctx); st != nil || err != nil {
		t.Fatalf("ClusterState() of a new store = %q, %v; want nil, nil", st, err)
	}
	for _, want := range [][]byte{[]byte("first\x00state"), []byte("second"), {}} {
		write(t, s, func(tx desk.Tx) error { return tx.SaveClusterState(want) })
		got, err := s.ClusterState(ctx)
		if err != nil || got == nil || string(got) != string(want) {
			t.Errorf("ClusterState() = %q, %v; want %q", got, err, want)
		}
	}
}

func testUnassigned(t *testing.T, s desk.Store) {
	ctx := context.Background()
	ids := put(t, s, Doc("a", "", "one"), Doc("b", "", "two"), Doc("c", "", "three"))
	write(t, s, func(tx desk.Tx) error {
		return tx.PutAssignment(desk.Assignment{Article: ids[1], Story: "s-b", Detail: []byte("{}")})
	})
	un, err := s.Unassigned(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, a := range un {
		got = append(got, a.ID)
	}
	if diff := cmp.Diff([]int64{ids[0], ids[2]}, got); diff != "" {
		t.Errorf("Unassigned() ids (-want +got):\n%s", diff)
	}
	if len(un) > 0 && un[0].Doc.Text != "one" {
		t.Errorf("Unassigned()[0].Doc.Text = %q; want %q", un[0].Doc.Text, "one")
	}
}
