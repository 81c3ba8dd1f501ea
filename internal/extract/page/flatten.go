package page

import (
	"strings"

	"golang.org/x/net/html"
)

// maxNesting is the first depth past which Parse has flatten drop tags,
// and minNesting the last it tries. The HTML parser refuses more than 512
// open elements.
const (
	maxNesting = 400
	minNesting = 25
)

// flatten re-serialises text with every element nested deeper than max
// replaced by its content: start and end tags past that depth are dropped
// (a block's tag leaves a line break), text and shallower tags are kept. It runs only on pages the parser
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
				dropped(&b, name)
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
				dropped(&b, name)
				continue
			}
			if depth < 0 {
				depth = 0
			}
		}
		b.Write(z.Raw())
	}
}

// dropped writes what stands for a dropped tag: nothing for an inline
// element (its text runs on, "wo<b>rd</b>" stays one word), a line break
// for any other, so that the text of two blocks does not run together.
func dropped(b *strings.Builder, name []byte) {
	switch string(name) {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var":
	default:
		b.WriteByte('\n')
	}
}

func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}
