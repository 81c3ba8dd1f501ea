package cluster

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLeadTitle(t *testing.T) {
	long := "Volunteers in the harbour town of Saltmere spent the night filling sandbags as the river rose to its highest level in forty years."
	cases := []struct{ in, want string }{
		{"", ""},
		{"Short first line.\nSecond line.", "Short first line."},
		{"  \n" + long, "Volunteers in the harbour town of Saltmere spent the night filling sandbags as the river rose to…"},
		{strings.Repeat("é", 80), strings.Repeat("é", 50) + "…"},
	}
	for _, c := range cases {
		got := leadTitle(c.in)
		if got != c.want {
			t.Errorf("leadTitle(%q) = %q, want %q", c.in, got, c.want)
		}
		if !utf8.ValidString(got) || len(got) > leadTitleMax+len("…") {
			t.Errorf("leadTitle(%q) = %q: invalid or too long", c.in, got)
		}
	}
}

// FuzzLeadTitle checks that a made title is one line of valid text, short,
// and the start of the input.
func FuzzLeadTitle(f *testing.F) {
	f.Add("A first line.\nA second.")
	f.Add(strings.Repeat("word ", 40))
	f.Add(strings.Repeat("é", 70))
	f.Add("Windows line\r\nnext")
	f.Fuzz(func(t *testing.T, s string) {
		got := leadTitle(s)
		if strings.ContainsAny(got, "\r\n") || len(got) > leadTitleMax+len("…") {
			t.Fatalf("leadTitle(%q) = %q", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("leadTitle(%q) = %q: invalid UTF-8", s, got)
		}
		if !strings.HasPrefix(strings.TrimSpace(s), strings.TrimSuffix(got, "…")) {
			t.Fatalf("leadTitle(%q) = %q: not the start of the text", s, got)
		}
	})
}
