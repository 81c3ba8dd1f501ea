package desk_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// Run over a channel of the inputs' articles stores and clusters them as
// Ingest over the paths does.
func TestRunMatchesIngest(t *testing.T) {
	ctx := context.Background()
	want := newMemStore()
	wantSum := ingest(t, want, options(), inputA, inputB)

	var arts []news.Article
	if err := pipeline.New(pipeline.Options{Raw: true}).Articles(ctx, []string{inputA, inputB}, func(a news.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	got := newMemStore()
	ch := make(chan news.Article)
	go func() {
		defer close(ch)
		for _, a := range arts {
			ch <- a
		}
	}()
	sum, err := desk.New(got, options()).Run(ctx, ch)
	if err != nil {
		t.Fatal(err)
	}
	if sum != wantSum {
		t.Errorf("Run = %+v; Ingest gave %+v", sum, wantSum)
	}
	if d := cmp.Diff(stories(t, want), stories(t, got)); d != "" {
		t.Errorf("Run's stories differ from Ingest's (-ingest +run):\n%s", d)
	}
	if left, _ := got.Unassigned(ctx); len(left) != 0 {
		t.Errorf("%d articles left unassigned", len(left))
	}
}
