package desk_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/pipeline"
)

var (
	inputA = "testdata/ingest/a.jsonl"
	inputB = "testdata/ingest/b.jsonl"
)

func options() desk.Options {
	return desk.Options{Stories: pipeline.StoryOptions{Cluster: cluster.Options{Now: func() time.Time { return time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC) }}}}
}

func ingest(t *testing.T, s desk.Store, opt desk.Options, paths ...string) desk.Summary {
	t.Helper()
	sum, err := desk.New(s, opt).Ingest(context.Background(), paths)
	if err != nil {
		t.Fatalf("Ingest(%v): %v", paths, err)
	}
	return sum
}

func stories(t *testing.T, s desk.Store) []desk.Story {
	t.Helper()
	st, err := s.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// The same article twice (same canonical URL, or same text) is stored
// once, within a run and across runs.
func TestIngestDedupe(t *testing.T) {
	s := newMemStore()
	got := ingest(t, s, options(), inputA, inputB)
	want := desk.Summary{Read: 7, Stored: 5, Duplicates: 2, Stories: 2}
	if got != want {
		t.Errorf("Ingest(a, b) = %+v; want %+v", got, want)
	}
	got = ingest(t, s, options(), inputA)
	want = desk.Summary{Read: 3, Duplicates: 3, Stories: 2}
	if got != want {
		t.Errorf("Ingest(a) again = %+v; want %+v", got, want)
	}
}

// Ingesting a, then b in a new desk (the clusterer restored from the
// store) gives the stories one run over a and b gives.
func TestIngestTwiceEqualsOnce(t *testing.T) {
	once := newMemStore()
	ingest(t, once, options(), inputA, inputB)
	twice := newMemStore()
	ingest(t, twice, options(), inputA)
	ingest(t, twice, options(), inputB)
	want, got := stories(t, once), stories(t, twice)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories of two runs differ from one run's (-once +twice):\n%s", diff)
	}
	if len(want) != 2 || len(want[0].Members) != 3 || len(want[1].Members) != 2 {
		t.Errorf("one run's stories = %+v; want the dam (3 articles) and the ferry (2)", want)
	}
}

// A run stopped after some batches keeps them; the next run over the
// same inputs clusters what was stored but not assigned, skips what was
// stored, and ends with the stories of an uninterrupted run. The state is
// saved with every batch, every other one, or only at the end: the
// articles stored after the last save are clustered again.
func TestIngestResumes(t *testing.T) {
	for _, reorder := range []int{0, 1} {
		base := options()
		base.Stories.Reorder = reorder
		testIngestResumes(t, base)
	}
}

func testIngestResumes(t *testing.T, base desk.Options) {
	want := newMemStore()
	ingest(t, want, base, inputA, inputB)

	for _, stateEvery := range []int{2, 4, 0} {
		for stopAfter := 1; stopAfter <= 6; stopAfter++ {
			s := newMemStore()
			ctx, cancel := context.WithCancel(context.Background())
			opt := base
			opt.Batch, opt.StateEvery = 2, stateEvery
			n := 0
			opt.OnDocument = func() {
				if n++; n == stopAfter {
					cancel()
				}
			}
			if _, err := desk.New(s, opt).Ingest(ctx, []string{inputA, inputB}); !errors.Is(err, context.Canceled) {
				t.Fatalf("state every %d, stopped after %d: Ingest error %v; want context.Canceled", stateEvery, stopAfter, err)
			}
			cancel()
			stored := len(mustUnassignedAndAll(t, s))
			pending, err := s.Unassigned(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sum := ingest(t, s, base, inputA, inputB)
			if sum.Stored+stored != 5 {
				t.Errorf("state every %d, stopped after %d: %d stored before, %d after; want 5 in all", stateEvery, stopAfter, stored, sum.Stored)
			}
			if sum.Resumed != len(pending) {
				t.Errorf("state every %d, stopped after %d: %d resumed; want the %d stored without an assignment", stateEvery, stopAfter, sum.Resumed, len(pending))
			}
			if diff := cmp.Diff(stories(t, want), stories(t, s)); diff != "" {
				t.Errorf("state every %d, stopped after %d: stories differ from an uninterrupted run (-want +got):\n%s", stateEvery, stopAfter, diff)
			}
			if un, _ := s.Unassigned(context.Background()); len(un) != 0 {
				t.Errorf("state every %d, stopped after %d: %d articles left unassigned", stateEvery, stopAfter, len(un))
			}
		}
	}
}

// Between two saves of the clusterer's state the store holds articles
// only: an article has an assignment exactly when the saved state holds
// it, so a run that stops re-clusters those and no other.
func TestIngestStateGoesWithAssignments(t *testing.T) {
	for _, stateEvery := range []int{2, 4, 6} {
		s := newMemStore()
		ctx, cancel := context.WithCancel(context.Background())
		opt := options()
		opt.Batch, opt.StateEvery = 2, stateEvery
		opt.Stories.Reorder = 1 // the reorder buffer holds one article
		n := 0
		opt.OnDocument = func() {
			if n++; n == 5 {
				cancel()
			}
		}
		desk.New(s, opt).Ingest(ctx, []string{inputA, inputB})
		cancel()
		all := mustUnassignedAndAll(t, s)
		pending, err := s.Unassigned(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		state, err := s.ClusterState(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		// Batches of 2 committed before the 5th document: 4 articles.
		if len(all) != 4 {
			t.Fatalf("state every %d: %d articles stored; want 4", stateEvery, len(all))
		}
		saved := stateEvery <= 4
		if (state != nil) != saved {
			t.Errorf("state every %d: state saved %v; want %v", stateEvery, state != nil, saved)
		}
		// Saved after the 4th article, the state holds the 3 that left the
		// reorder buffer.
		wantPending := 4
		if saved {
			wantPending = 1
		}
		if len(pending) != wantPending {
			t.Errorf("state every %d: %d of %d articles unassigned; want %d", stateEvery, len(pending), len(all), wantPending)
		}
	}
}

// mustUnassignedAndAll returns every article s holds.
func mustUnassignedAndAll(t *testing.T, s desk.Store) []desk.Article {
	t.Helper()
	var all []desk.Article
	for id := int64(1); ; id++ {
		a, err := s.Article(context.Background(), id)
		if errors.Is(err, desk.ErrNotFound) {
			return all
		}
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, a)
	}
}

// A run that starts with articles a stopped run left counts them towards
// its next state save: it saves at its first commit after StateEvery of
// them, so a run stopped again keeps their assignments.
func TestIngestResumedCountTowardsState(t *testing.T) {
	s := newMemStore()
	stopAt := func(k int, stateEvery int) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		opt := options()
		opt.Batch, opt.StateEvery = 2, stateEvery
		opt.Stories.Reorder = 1
		n := 0
		opt.OnDocument = func() {
			if n++; n == k {
				cancel()
			}
		}
		if _, err := desk.New(s, opt).Ingest(ctx, []string{inputA, inputB}); !errors.Is(err, context.Canceled) {
			t.Fatalf("Ingest error %v; want context.Canceled", err)
		}
	}
	stopAt(5, 100) // 4 articles stored, no state saved
	if st, _ := s.ClusterState(context.Background()); st != nil {
		t.Fatal("state saved by the first run")
	}
	stopAt(3, 4) // 4 resumed, then a commit after 2 documents (both stored already)
	st, err := s.ClusterState(context.Background())
	if err != nil || st == nil {
		t.Fatalf("ClusterState() = %d bytes, %v after a run that resumed 4 with StateEvery 4; want a state", len(st), err)
	}
	if un, _ := s.Unassigned(context.Background()); len(un) != 1 {
		t.Errorf("%d articles unassigned; want the 1 in the reorder buffer", len(un))
	}
}
