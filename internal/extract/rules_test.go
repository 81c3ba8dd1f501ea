package extract

import (
	"bytes"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestParseRules(t *testing.T) {
	for _, name := range RuleNames() {
		r, err := ParseRules(name)
		if err != nil || r == 0 || r&(r-1) != 0 {
			t.Errorf("ParseRules(%q) = %v, %v; want one rule", name, r, err)
		}
		if r.String() != name {
			t.Errorf("ParseRules(%q).String() = %q", name, r.String())
		}
	}
	all, err := ParseRules("all")
	if err != nil || all != AllRules || len(strings.Split(all.String(), ",")) != len(RuleNames()) {
		t.Errorf(`ParseRules("all") = %v, %v; want every rule`, all, err)
	}
	two, err := ParseRules(" render , unglue ")
	if err != nil || two != RuleRender|RuleUnglue {
		t.Errorf("ParseRules(two) = %v, %v", two, err)
	}
	if r, err := ParseRules(""); err != nil || r != 0 {
		t.Errorf(`ParseRules("") = %v, %v; want none`, r, err)
	}
	if _, err := ParseRules("render,nosuchrule"); err == nil || !strings.Contains(err.Error(), "nosuchrule") {
		t.Errorf("ParseRules(unknown) error = %v; want one naming it", err)
	}
}

// Every step off is go-trafilatura alone: the ablation's baseline must be
// the library's own output.
func TestAllRulesOffIsTrafilatura(t *testing.T) {
	p := readFixture(t, "article.html")
	want, err := trafilatura.Extract(bytes.NewReader(p), trafilatura.Options{ExcludeComments: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ExtractBytes(p, Options{Off: AllRules})
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != want.ContentText {
		t.Errorf("Off: AllRules text = %q; want trafilatura's %q", got.Text, want.ContentText)
	}
	on, err := ExtractBytes(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if on.Text == got.Text {
		t.Errorf("every rule on gives trafilatura's text unchanged; the fixture should exercise the rules")
	}
}

func TestBaselineBody(t *testing.T) {
	body := func(src string) *html.Node {
		nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil {
			t.Fatal(err)
		}
		b := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		for _, n := range nodes {
			b.AppendChild(n)
		}
		return b
	}
	tests := []struct {
		name, body, text, want string
	}{
		{"baseline candidates left in", "<p>Short one.</p><p>Short one. And the rest.</p>", "Short one. And the rest.", "Short one. And the rest."},
		{"ordinary body", "<p>First paragraph.</p><p>Second paragraph.</p>", "First paragraph. Second paragraph.", "First paragraph.\n\nSecond paragraph."},
		{"one block", "<p>Only.</p>", "Only.", "Only."},
	}
	for _, tc := range tests {
		res := &trafilatura.ExtractResult{ContentNode: body(tc.body), ContentText: tc.text}
		if got := renderWith(baselineBody(res), 0); got != tc.want {
			t.Errorf("%s: rendered %q; want %q", tc.name, got, tc.want)
		}
	}
}
