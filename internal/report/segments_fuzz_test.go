package report

import (
	"strings"
	"testing"
)

// FuzzSegments cuts a text at marks built from the fuzzer's numbers: the
// pieces always give back the text, in order, and an anchor is set only
// where a piece starts.
func FuzzSegments(f *testing.F) {
	f.Add("The bridge closed on Monday; 9,000 vehicles a day.", 4, 10, 8, 30, 0, 0)
	f.Add("naïve café — “quoted”", 1, 3, 2, 7, 3, 3)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		ms := []mark{
			{start: a, end: b, class: "fact", id: "x"},
			{start: c, end: d, class: "fig conflict", sym: symConflict, id: "y"},
			{start: min(a, c), end: max(b, d), class: "tension", sym: symTension},
			{start: e, end: g, id: "z"},
		}
		segs := segments(text, ms)
		var got strings.Builder
		for _, s := range segs {
			if s.Text == "" {
				t.Fatalf("segments(%q) holds an empty piece: %+v", text, segs)
			}
			got.WriteString(s.Text)
		}
		if got.String() != text {
			t.Fatalf("segments(%q) pieces join to %q", text, got.String())
		}
	})
}
