package page

import (
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-news/parallax/internal/news"
)

// publishedKeys are the <meta> names and properties (lower case) that hold
// the original publication date, best first. Keys for "modified" or
// "updated" dates are deliberately absent.
var publishedKeys = map[string]int{
	"article:published_time":    1,
	"og:article:published_time": 1,
	"datepublished":             2,
	"article.published":         2,
	"parsely-pub-date":          2,
	"sailthru.date":             3,
	"pubdate":                   3,
	"publishdate":               3,
	"publish-date":              3,
	"publish_date":              3,
	"publication_date":          3,
	"citation_publication_date": 3,
	"dc.date.issued":            3,
	"dcterms.issued":            3,
	"dcterms.created":           4,
	"dc.date.created":           4,
	"dc.date":                   5,
	"date":                      5,
}

// metaPublished returns the publication date the page declares in its
// metadata (JSON-LD datePublished, <meta> tags, <time itemprop=
// "datePublished">), or the zero time.
func MetaPublished(doc *html.Node) time.Time {
	best, bestRank := time.Time{}, 100
	consider := func(v string, rank int) {
		if rank >= bestRank {
			return
		}
		if t, ok := news.ParseTime(v); ok && plausible(t) {
			best, bestRank = t, rank
		}
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key, content := "", ""
				for _, a := range n.Attr {
					switch a.Key {
					case "property", "name", "itemprop":
						if key == "" || publishedKeys[strings.ToLower(a.Val)] > 0 {
							key = strings.ToLower(strings.TrimSpace(a.Val))
						}
					case "content":
						content = a.Val
					}
				}
				if r := publishedKeys[key]; r > 0 {
					consider(content, r)
				}
			case atom.Script:
				if attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
					if v := jsonString(n.FirstChild.Data, `"datePublished"`); v != "" {
						consider(v, 0)
					}
				}
				return
			case atom.Time:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || attr(n, "pubdate") != "" || hasAttr(n, "pubdate") {
					consider(attr(n, "datetime"), 3)
				}
			case atom.Style, atom.Noscript:
				return
			default:
				// Microdata on any element: <p itemprop="datePublished" content="…">.
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					v := attr(n, "content")
					if v == "" {
						v = attr(n, "datetime")
					}
					consider(v, 2)
				}
			}
		}
		if depth > 600 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return best
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// jsonString finds key in a JSON text and returns the string value that
// follows it, unescaped only for the characters dates use.
func jsonString(s, key string) string {
	i := strings.Index(s, key)
	if i < 0 {
		return ""
	}
	s = strings.TrimLeft(s[i+len(key):], " \t\r\n")
	if !strings.HasPrefix(s, ":") {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\r\n")
	if !strings.HasPrefix(s, `"`) {
		return ""
	}
	s = s[1:]
	end := strings.IndexByte(s, '"')
	if end < 0 || end > 64 {
		return ""
	}
	return strings.ReplaceAll(s[:end], `\/`, "/")
}

// plausible keeps a date only when it is after 1990 and not in the future.
func plausible(t time.Time) bool {
	return t.Year() >= 1990 && t.Before(time.Now().AddDate(0, 0, 2))
}
