package page

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// blockTags are the elements that start a new paragraph in the text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Dd: true,
	atom.Dt: true, atom.Blockquote: true, atom.Pre: true, atom.Tr: true,
	atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Figure: true, atom.Figcaption: true, atom.Summary: true, atom.Details: true,
	atom.Hr: true, atom.Main: true, atom.Aside: true, atom.Nav: true, atom.Form: true,
	atom.Caption: true, atom.Body: true, atom.Html: true, atom.Address: true,
}

// renderer turns an extracted tree into text: one paragraph per block,
// "\n" for <br>, cells of a table row separated by a space.
type renderer struct {
	out  strings.Builder
	para strings.Builder
	pre  int
	// split: separate words glued at an element boundary (SplitGlued);
	// edge: an inline element started or ended since the last text.
	split, edge bool
}

// Render returns the text of n with paragraphs separated by "\n\n".
// Words that only an element boundary separates, a lower-case letter or
// a digit before and a capital after ("…blogs</a><a>Manage…"), get a
// space: pages lay such elements out as blocks or items with CSS, and
// glued they read as one word.
func Render(n *html.Node) string { return render(n, true) }

// RenderJoined is Render without the space at element boundaries (for
// ablations).
func RenderJoined(n *html.Node) string { return render(n, false) }

func render(n *html.Node, split bool) string {
	if n == nil {
		return ""
	}
	r := renderer{split: split}
	r.walk(n)
	r.flush()
	return r.out.String()
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if r.edge && r.split && r.pre == 0 && n.Data != "" && r.para.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(r.para.String())
			next, _ := utf8.DecodeRuneInString(n.Data)
			if (unicode.IsLower(prev) || unicode.IsDigit(prev)) && unicode.IsUpper(next) {
				r.para.WriteByte(' ')
			}
		}
		r.edge = false
		r.para.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return
		case atom.Br:
			r.para.WriteByte('\n')
			return
		case atom.Td, atom.Th:
			r.para.WriteByte(' ')
		}
	case html.CommentNode:
		return
	}
	block := n.Type == html.ElementNode && (blockTags[n.DataAtom] || n.DataAtom == 0 && isBlockName(n.Data))
	if block {
		r.flush()
	} else if n.Type == html.ElementNode {
		r.edge = true
	}
	if n.DataAtom == atom.Pre {
		r.pre++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if n.DataAtom == atom.Pre {
		r.pre--
	}
	if block {
		r.flush()
	} else if n.Type == html.ElementNode {
		r.edge = true
	}
}

// isBlockName covers the non-HTML element names trafilatura's tree may use.
func isBlockName(s string) bool {
	switch s {
	case "head", "list", "item", "quote", "cell", "row", "done":
		return true
	}
	return false
}

// flush ends the current paragraph.
func (r *renderer) flush() {
	if r.para.Len() == 0 {
		return
	}
	p := r.para.String()
	r.para.Reset()
	var lines []string
	if r.pre > 0 {
		lines = strings.Split(strings.Trim(p, "\n"), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
		}
	} else {
		for _, l := range strings.Split(p, "\n") {
			if l = Collapse(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	t := strings.Join(lines, "\n")
	if strings.TrimSpace(t) == "" {
		return
	}
	if r.out.Len() > 0 {
		r.out.WriteString("\n\n")
	}
	r.out.WriteString(t)
}

// collapse trims s and turns every run of white space (NBSP included)
// into one space.
func Collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, c := range s {
		if unicode.IsSpace(c) || c == '\u00a0' || c == '\u200b' || c == '\ufeff' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(c)
	}
	return b.String()
}

// normalizeText puts the page in Unicode NFC and removes soft hyphens, which
// only mark where a browser may break a word.
func Normalize(s string) string {
	if strings.Contains(s, "\u00ad") {
		s = strings.ReplaceAll(s, "\u00ad", "")
	}
	if isASCII(s) {
		return s
	}
	return norm.NFC.String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Unglue restores the paragraph breaks of text that an extractor joined:
// trafilatura's baseline pass (its last resort on short or deeply nested
// pages) returns the article as one paragraph made of the text of every
// block, glued without a space ("…12 people came.Second paragraph…"). Each
// paragraph of text that is exactly the concatenation of two or more
// consecutive paragraphs of the page's own rendering (doc) is split back
// into them; every other paragraph is kept as it is.
func Unglue(text string, doc *html.Node) string {
	if doc == nil || !glued(text) {
		return text
	}
	page := strings.Split(Render(doc), "\n\n")
	starts := map[string][]int{} // page paragraphs by their first 16 bytes
	var short []int              // and those shorter than that
	for i, p := range page {
		if len(p) < 16 {
			short = append(short, i)
			continue
		}
		starts[p[:16]] = append(starts[p[:16]], i)
	}
	paras := strings.Split(text, "\n\n")
	changed := false
	for k, p := range paras {
		if !glued(p) {
			continue
		}
		for _, i := range append(starts[p[:min(16, len(p))]], short...) {
			if !strings.HasPrefix(p, page[i]) {
				continue
			}
			rest, j := p, i
			for j < len(page) && strings.HasPrefix(rest, page[j]) {
				rest = strings.TrimLeft(rest[len(page[j]):], " ")
				j++
				if rest == "" {
					break
				}
			}
			if rest == "" && j-i >= 2 {
				paras[k] = strings.Join(page[i:j], "\n\n")
				changed = true
				break
			}
		}
	}
	if !changed {
		return text
	}
	return strings.Join(paras, "\n\n")
}

// glued reports whether s holds a sentence end directly followed by a
// capital letter ("came.Second"), the mark of blocks joined without a
// space.
func glued(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			c, n := s[i+1], s[i-1]
			if 'A' <= c && c <= 'Z' && ('a' <= n && n <= 'z' || n == ')') {
				return true
			}
		}
	}
	return false
}
