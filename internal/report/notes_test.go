package report

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
)

// Every view shows the notes, such as those of a report whose lists were
// capped (issue 11).
func TestViewsShowNotes(t *testing.T) {
	r := compare.Compare(comparetest.Bridge(), compare.Options{MaxSentences: 3, MaxFacts: 2, MaxEntities: 1})
	if len(r.Notes) < 3 {
		t.Fatalf("notes = %q; want one per cap", r.Notes)
	}
	for _, f := range []Format{Text, Markdown, JSON, HTML} {
		var b strings.Builder
		if err := Write(&b, r, f, Options{}); err != nil {
			t.Fatal(err)
		}
		for _, n := range r.Notes {
			if !strings.Contains(b.String(), n) {
				t.Errorf("%s view lacks the note %q", f, n)
			}
		}
	}
}
