package cluster

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
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

// features returns the features of a document as "kind:text", the text
// lower-cased.
func features(d news.Document) map[string]bool {
	m := map[string]bool{}
	for _, f := range Extract(d).Terms {
		m[f.Kind.String()+":"+strings.ToLower(f.Text)] = true
	}
	return m
}

// keys returns the feature keys of a document.
func keys(d news.Document) []uint64 {
	var ks []uint64
	for _, f := range Extract(d).Terms {
		ks = append(ks, f.Key)
	}
	return ks
}

func body(text string) news.Document {
	return news.Document{Article: news.Article{ID: "a", Title: "Headline", Text: text}}
}

func TestExtractTokens(t *testing.T) {
	// Fixed bugs (issue 10): the features are read from the token stream,
	// whose words keep "U.S" and "J&J" whole and leave possessives out.
	cases := []struct {
		name, text string
		has, not   []string // "kind:text"
		same       string   // a text with the same feature keys
	}{
		{name: "dotted abbreviation is its undotted word", text: "Sailors of the U.S. Navy met U.N. envoys.",
			has: []string{"word:u.n", "word:envoys"}, not: []string{"word:u.s", "word:u", "word:s"},
			same: "Sailors of the US Navy met UN envoys."},
		{name: "short possessive", text: "The UN's envoys met.", has: []string{"word:un", "word:un's envoys"},
			same: "The UN envoys met."},
		{name: "ampersand inside capitals", text: "Shares of J&J fell.", has: []string{"word:j&j"}, not: []string{"word:j"}},
		{name: "possessive name is no Name pair", text: "Officials met Dana Marlow's team.",
			has: []string{"word:dana marlow", "word:marlow's team"}, not: []string{"name:dana marlow", "name:dana marlow's"}},
		{name: "name pair", text: "Officials met Dana Marlow today.", has: []string{"name:dana marlow"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := features(body(c.text))
			for _, f := range c.has {
				if !got[f] {
					t.Errorf("Extract(%q) has no %s; has %v", c.text, f, got)
				}
			}
			for _, f := range c.not {
				if got[f] {
					t.Errorf("Extract(%q) has %s", c.text, f)
				}
			}
			if c.same != "" && !slices.Equal(keys(body(c.text)), keys(body(c.same))) {
				t.Errorf("Extract(%q) and Extract(%q) differ: %v, %v", c.text, c.same, got, features(body(c.same)))
			}
		})
	}
}

// TestExtractAnalyzed checks that a document with its analysis tokens and
// the same document without them give the same features: Extract reads
// d.Tokens, and tokenizes a body given without them itself.
func TestExtractAnalyzed(t *testing.T) {
	text := "Dana Marlow's team said on Dec. 20 that 23 pirates boarded the U.S. ship.\n\nThe UN's envoy, J&J and al-Maliki's aides met in Saltmere on Saturday, 2011."
	raw := body(text)
	analyzed := raw
	analyzed.Tokens = token.Tokenize(nil, text, lexicon.Default())
	a, b := Extract(analyzed), Extract(raw)
	if diff := cmp.Diff(a, b, cmp.AllowUnexported(Features{})); diff != "" {
		t.Errorf("Extract(analyzed) and Extract(raw) differ (-analyzed +raw):\n%s", diff)
	}
	// Extract reads the tokens it is given rather than the text again.
	analyzed.Tokens = analyzed.Tokens[:2]
	if got := features(analyzed); got["word:saltmere"] || len(got) >= len(a.Terms) {
		t.Errorf("Extract(document with 2 tokens) = %v; want the features of its tokens only", got)
	}
}
