package entity

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
)

// TestFindConcurrent runs Find from several goroutines (the pipeline's
// workers share the package) and checks every result equals a sequential one.
func TestFindConcurrent(t *testing.T) {
	texts := []string{
		benchText(),
		"President Barack Obama said. Obama left. NATO and the FBI agreed.",
		"Leon Panetta arrived in Baghdad. Panetta said the talks went well.",
	}
	want := make([][]ent, len(texts))
	for i, s := range texts {
		want[i] = simplify(Find(s, tokens(s), sentence.SplitText(s)))
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(texts)
				if diff := cmp.Diff(want[i], simplify(Find(texts[i], tokens(texts[i]), sentence.SplitText(texts[i])))); diff != "" {
					t.Errorf("concurrent Find(%q) differs (-want +got)\n%s", texts[i][:20], diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}
