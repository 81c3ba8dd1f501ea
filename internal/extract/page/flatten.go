package page

import (
	"strings"

	"golang.org/x/net/html"
)

// maxNesting is the depth past which flatten drops start tags. The HTML
// parser refuses more than 512 open elements.
const maxNesting = 400

// flatten re-serialises text with every element nested deeper than max
// replaced by its content: start and end tags past that depth are dropped,
// text and shallower tags are kept. It runs only on pages the parser
// refused, so its cost does not matter for ordinary pages.
func flatten(text string, max int) string {
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	b.Grow(len(text))
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElement(string(name)) {
				b.Write(z.Raw())
				continue
			}
			depth++
			if depth > max {
				continue
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if voidElement(string(name)) {
				b.Write(z.Raw())
				continue
			}
			depth--
			if depth >= max {
				continue
			}
			if depth < 0 {
				depth = 0
			}
		}
		b.Write(z.Raw())
	}
}

func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}
