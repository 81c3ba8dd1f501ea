package quote

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestFindGolden runs the stage on the fixture article (invented news text)
// and compares every field of every quote with testdata/article.golden.json.
// Review the diff after go test -run TestFindGolden -update.
func TestFindGolden(t *testing.T) {
	text := readFixture(t, "testdata/article.txt")
	got, err := json.MarshalIndent(find(text, nil), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/article.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Find(article.txt) differs from %s (-want +got):\n%s", golden, cmp.Diff(string(want), string(got)))
	}
}

// TestFindConcurrent runs the stage from several goroutines at once (the
// pipeline does): pooled buffers must not leak between calls.
func TestFindConcurrent(t *testing.T) {
	text := readFixture(t, "testdata/article.txt")
	bbc := readExample(t, "examples/iraq-2011/002_6a481520883e14a8.txt")
	want, wantBBC := find(text, nil), find(bbc, nil)
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 50; i++ {
				if d := cmp.Diff(want, find(text, nil)); d != "" {
					errs <- d
					return
				}
				if d := cmp.Diff(wantBBC, find(bbc, nil)); d != "" {
					errs <- d
					return
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if d := <-errs; d != "" {
			t.Fatalf("concurrent Find differs from sequential (-want +got):\n%s", d)
		}
	}
}
