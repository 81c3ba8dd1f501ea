package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// findLead returns the page's lead paragraph (standfirst) when the page
// shows its own meta description in a visible block of the body, or "".
// Extractors often drop that block because it sits in the article header,
// outside the element that holds the body.
func findLead(doc *html.Node, desc string) string {
	desc = collapse(desc)
	if utf8.RuneCountInString(desc) < 60 {
		return ""
	}
	key := prefixRunes(desc, 50)
	var found *html.Node
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		switch n.Type {
		case html.TextNode:
			if len(n.Data) >= len(key) && strings.Contains(collapse(n.Data), key) {
				found = n
				return true
			}
			return false
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Title,
				atom.A, atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.Button, atom.Select, atom.Textarea:
				return false
			}
		}
		if depth > 600 {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c, depth+1) {
				return true
			}
		}
		return false
	}
	walk(doc, 0)
	if found == nil {
		return ""
	}
	block := found.Parent
	for block != nil && block.Type == html.ElementNode && !blockTags[block.DataAtom] {
		block = block.Parent
	}
	if block == nil || block.Type != html.ElementNode || block.DataAtom == atom.Body || block.DataAtom == atom.Html {
		return ""
	}
	lead := collapse(render(block))
	// A caption or credit rendered after the description in the same
	// block is not part of the lead.
	if strings.HasPrefix(lead, desc) && !isSentence(lead[len(desc):]) {
		lead = desc
	}
	if strings.Contains(lead, "\n") || utf8.RuneCountInString(lead) > 3*utf8.RuneCountInString(desc)+100 {
		return ""
	}
	return lead
}

// prefixRunes returns the first n runes of s.
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
