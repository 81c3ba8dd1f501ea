package clean

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// mangle encodes s as UTF-8 and decodes the bytes as Windows-1252 (Latin-1
// for the bytes Windows-1252 leaves undefined), as a misconfigured scraper
// does.
func mangle(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		r := charmap.Windows1252.DecodeByte(s[i])
		if r == utf8.RuneError {
			r = rune(s[i]) // a byte Windows-1252 leaves undefined
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestFixMojibake(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Council Still â€˜Split Overâ€™ Plan", "Council Still ‘Split Over’ Plan"},
		{"Mayor, Council Still Ã¢â‚¬ËœSplit OverÃ¢â‚¬â„¢ Plan", "Mayor, Council Still ‘Split Over’ Plan"}, // twice
		{"cafÃ© in SÃ£o Paulo costs Â£3", "café in São Paulo costs £3"},
		{"Ã©tÃ© â€” 10Â°C", "été — 10°C"},
		{"emoji ðŸ˜€", "emoji 😀"},
		// Left alone: real accented text, and runs that do not spell a
		// UTF-8 character.
		{"café, São Paulo, Ångström, naïve, Â at the end", "café, São Paulo, Ångström, naïve, Â at the end"},
		{"Ã", "Ã"},
		{"â€", "â€"},
		{"Ã(", "Ã("},
		{"", ""},
	} {
		if got := fixMojibake(tt.in); got != tt.want {
			t.Errorf("fixMojibake(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	// Through Normalize, the repaired quotes are then straightened.
	if got := Normalize("Ã¢â‚¬ËœSplit OverÃ¢â‚¬â„¢"); got != "'Split Over'" {
		t.Errorf("Normalize = %q", got)
	}
}

// FuzzFixMojibake checks that mangled text comes back as it was, once or
// twice mangled, and that the repair keeps valid UTF-8 valid.
func FuzzFixMojibake(f *testing.F) {
	for _, s := range []string{"‘Split Over’", "café £3 — 10°C", "emoji 😀", "Ã©", "plain ascii"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := fixMojibake(s)
		if !utf8.ValidString(got) {
			t.Fatalf("fixMojibake(%q) = %q: invalid UTF-8", s, got)
		}
		if len(got) > len(s) {
			t.Fatalf("fixMojibake(%q) = %q: longer", s, got)
		}
		// Text that itself looks like mojibake may be repaired further, so
		// the round trip is checked only on text that fixMojibake leaves.
		if got != s {
			return
		}
		if back := fixMojibake(mangle(s)); back != s {
			t.Fatalf("fixMojibake(mangle(%q)) = %q", s, back)
		}
		if back := fixMojibake(mangle(mangle(s))); back != s {
			t.Fatalf("fixMojibake(mangle(mangle(%q))) = %q", s, back)
		}
	})
}
