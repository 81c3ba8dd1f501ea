package page

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
func FindLead(doc *html.Node, desc string) string {
	desc = Collapse(desc)
	if utf8.RuneCountInString(desc) < 60 {
		return ""
	}
	key := PrefixRunes(desc, 50)
	var found *html.Node
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		switch n.Type {
		case html.TextNode:
			if len(n.Data) >= len(key) && strings.Contains(Collapse(n.Data), key) {
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
	lead := Collapse(Render(block))
	// A caption or credit rendered after the description in the same
	// block is not part of the lead.
	if strings.HasPrefix(lead, desc) && !IsSentence(lead[len(desc):]) {
		lead = desc
	}
	if strings.Contains(lead, "\n") || utf8.RuneCountInString(lead) > 3*utf8.RuneCountInString(desc)+100 {
		return ""
	}
	return lead
}

// prefixRunes returns the first n runes of s.
func PrefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// leadClasses are class-name parts (lower case) that mark a lead paragraph
// in the article header.
var leadClasses = []string{"lead", "teaser", "intro", "standfirst", "summary", "subline", "chapo", "chapeau",
	"excerpt", "deck", "dek", "kicker-text", "abstract", "descr", "sapo", "entradilla", "bajada", "zajawka"}

// findHeaderLead returns the lead paragraph marked up as such (an element
// with itemprop="description" or a lead-like class) that follows the page's
// first <h1> closely, or "". It looks at no more than a few hundred nodes
// after the headline, so teaser lists elsewhere on the page are not taken.
func FindHeaderLead(doc *html.Node) string {
	seenH1 := false
	budget := 400
	var found *html.Node
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		if seenH1 {
			budget--
			if budget < 0 {
				return true
			}
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.A, atom.Nav,
				atom.Footer, atom.Aside, atom.Form, atom.Button, atom.Figure, atom.Figcaption:
				return false
			case atom.H1:
				if !seenH1 {
					seenH1 = true
					return false
				}
			}
			if seenH1 && isLeadElement(n) {
				found = n
				return true
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
	if found == nil || hasLink(found) {
		return ""
	}
	lead := Collapse(Render(found))
	n := utf8.RuneCountInString(lead)
	if n < 60 || n > 1500 || !strings.ContainsAny(lead, ".!?。") || hasTerm(strings.ToLower(lead), boilerTerms) {
		return ""
	}
	return lead
}

// leadBeforeBody reports whether the lead comes before the body's first
// paragraph in the page source (true when either cannot be found there,
// for instance because of character references).
func LeadBeforeBody(src, lead, body string) bool {
	first, _, _ := strings.Cut(body, "\n\n")
	key := PrefixRunes(first, 30)
	if utf8.RuneCountInString(key) < 20 {
		return true
	}
	li := strings.Index(src, PrefixRunes(lead, 30))
	bi := strings.Index(src, key)
	return li < 0 || bi < 0 || li < bi
}

// isLeadElement reports whether n is marked up as a lead.
func isLeadElement(n *html.Node) bool {
	if strings.EqualFold(attr(n, "itemprop"), "description") {
		return true
	}
	class := strings.ToLower(attr(n, "class"))
	if class == "" {
		return false
	}
	for _, c := range strings.Fields(class) {
		for _, part := range strings.FieldsFunc(c, func(r rune) bool { return r == '-' || r == '_' }) {
			for _, l := range leadClasses {
				if part == l {
					return true
				}
			}
		}
	}
	return false
}

// hasLink reports whether n holds a link.
func hasLink(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.A || hasLink(c) {
			return true
		}
	}
	return false
}
