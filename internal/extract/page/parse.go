package page

import (
	"strings"

	"golang.org/x/net/html"
)

// Parse parses the page; a page nested deeper than the parser's limit is
// flattened (the excess start and end tags are dropped) and parsed again.
func Parse(text string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err == nil {
		return doc, nil
	}
	if !strings.Contains(err.Error(), "open stack") {
		return nil, err
	}
	flat := flatten(text, maxNesting)
	return html.Parse(strings.NewReader(flat))
}
