package cluster

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLeadTitle(t *testing.T) {
	long := "Indian navy commandos on a warship in the Gulf of Aden foiled an attempt by pirates to board a merchant vessel on Saturday."
	cases := []struct{ in, want string }{
		{"", ""},
		{"Short first line.\nSecond line.", "Short first line."},
		{"  \n" + long, "Indian navy commandos on a warship in the Gulf of Aden foiled an attempt by pirates to board a…"},
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
