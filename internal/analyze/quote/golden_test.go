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
	got, err := json.MarshalIndent(Find(text, nil, nil), "", "  ")
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
