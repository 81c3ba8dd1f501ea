package page

import (
	"strings"

	"golang.org/x/net/html"
)

// Parse parses the page. A page nested deeper than the parser allows (512
// open elements) is flattened and parsed again: start and end tags past a
// depth are dropped, their text kept. The parser's depth is not the tags'
// depth, as it opens elements the page leaves implicit (a <table> nests
// <tbody><tr><td> however few of them are written), so the depth kept is
// halved until the page parses.
func Parse(text string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(text))
	for depth := maxNesting; err != nil && tooDeep(err) && depth >= minNesting; depth /= 2 {
		doc, err = html.Parse(strings.NewReader(flatten(text, depth)))
	}
	return doc, err
}

// tooDeep reports whether err is the parser's refusal of a page nested too
// deep (x/net/html has no sentinel error for it).
func tooDeep(err error) bool { return strings.Contains(err.Error(), "open stack") }
