package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/mmcdole/gofeed"
	"github.com/parallax-news/parallax/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DefaultMaxBytes is the largest feed read when Options.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// Options configures Parse. The zero value works.
type Options struct {
	// MaxBytes caps the feed size; DefaultMaxBytes when zero.
	MaxBytes int64
}

// Feed is a parsed feed.
type Feed struct {
	Title    string
	Link     string // the site's address
	Language string
	Items    []Item
}

// Item is one feed entry.
type Item struct {
	GUID      string
	Title     string
	Link      string
	Author    string
	Published time.Time // the item's publication time, else its update time; zero when absent
	Summary   string    // the description, as text
	Content   string    // the full content, as text, when the feed carries it
}

// Parse reads one feed. It returns an error wrapping news.ErrNotArticle
// when r holds no RSS, Atom or JSON feed, and a parse error (with gofeed's
// position) for a malformed one.
func Parse(r io.Reader, opt Options) (*Feed, error) {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read feed: %w", err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("feed larger than %d bytes", max)
	}
	if !Sniff(b) {
		return nil, fmt.Errorf("%w: not an RSS, Atom or JSON feed", news.ErrNotArticle)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(shortProlog(b)))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("%w: not an RSS, Atom or JSON feed", news.ErrNotArticle)
		}
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	out := &Feed{Title: clean(f.Title), Link: strings.TrimSpace(f.Link), Language: lang(f.Language)}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{
			GUID:    strings.TrimSpace(it.GUID),
			Title:   clean(htmlText(it.Title)),
			Link:    strings.TrimSpace(it.Link),
			Summary: htmlText(it.Description),
			Content: htmlText(it.Content),
		}
		if item.Link == "" && len(it.Links) > 0 {
			item.Link = strings.TrimSpace(it.Links[0])
		}
		var names []string
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				names = append(names, strings.TrimSpace(p.Name))
			}
		}
		if len(names) == 0 && it.DublinCoreExt != nil && len(it.DublinCoreExt.Creator) > 0 {
			names = it.DublinCoreExt.Creator
		}
		item.Author = strings.Join(names, ", ")
		switch {
		case it.PublishedParsed != nil:
			item.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			item.Published = *it.UpdatedParsed
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// Article returns the item as an article of feed f: Text is the item's
// content, else its summary (which may be only a teaser: fetch the Link for
// the full text).
func (it Item) Article(f *Feed) news.Article {
	text := it.Content
	if text == "" {
		text = it.Summary
	}
	id := it.GUID
	if id == "" {
		id = it.Link
	}
	a := news.Article{
		ID:        id,
		Source:    f.Title,
		URL:       it.Link,
		Title:     it.Title,
		Author:    it.Author,
		Language:  f.Language,
		Published: it.Published,
		Text:      text,
	}
	if it.Content != "" && it.Summary != "" && !strings.HasPrefix(it.Content, it.Summary) && len(it.Summary) < 600 {
		a.Standfirst = it.Summary
	}
	return a
}

// Sniff reports whether b, the start of an input, holds a feed: a JSON
// feed, or XML whose first element, after the prolog (XML declaration,
// processing instructions, comments, DOCTYPE, however long), is or soon
// holds <rss>, <feed> or <rdf:RDF>. It reports false when b ends inside
// the prolog.
func Sniff(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(b, " \t\r\n")
	if bytes.HasPrefix(t, []byte("{")) {
		return bytes.Contains(t[:min(len(t), 2048)], []byte("jsonfeed.org/version"))
	}
	rest, ok := skipProlog(t)
	if !ok || !bytes.HasPrefix(rest, []byte("<")) {
		return false
	}
	lower := bytes.ToLower(rest[:min(len(rest), 2048)])
	return bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) ||
		bytes.Contains(lower, []byte("<rdf:rdf"))
}

// shortProlog returns b with the comments, DOCTYPE and processing
// instructions of its prolog dropped (the XML declaration is kept) when
// they would push the root element past what gofeed looks at to detect the
// feed type (4 KiB). encoding/xml, under gofeed, reads no DTD, so nothing
// it uses is lost.
func shortProlog(b []byte) []byte {
	t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	rest, ok := skipProlog(t)
	if !ok || len(b)-len(rest) < 2048 {
		return b
	}
	var decl []byte
	if bytes.HasPrefix(t, []byte("<?xml ")) {
		decl = append(t[:bytes.Index(t, []byte("?>"))+2:bytes.Index(t, []byte("?>"))+2], '\n')
	}
	return append(decl, rest...)
}

// skipProlog returns what follows the XML prolog at the start of t, and
// false when t ends inside it.
func skipProlog(t []byte) ([]byte, bool) {
	for {
		t = bytes.TrimLeft(t, " \t\r\n")
		switch {
		case bytes.HasPrefix(t, []byte("<?")):
			i := bytes.Index(t, []byte("?>"))
			if i < 0 {
				return nil, false
			}
			t = t[i+2:]
		case bytes.HasPrefix(t, []byte("<!--")):
			i := bytes.Index(t[4:], []byte("-->"))
			if i < 0 {
				return nil, false
			}
			t = t[4+i+3:]
		case len(t) >= 9 && bytes.EqualFold(t[:9], []byte("<!doctype")):
			i := doctypeEnd(t)
			if i < 0 {
				return nil, false
			}
			t = t[i+1:]
		default:
			return t, true
		}
	}
}

// doctypeEnd returns the index of the '>' that closes the DOCTYPE at the
// start of t (quoted strings and an internal subset in brackets may hold
// '>'), or -1.
func doctypeEnd(t []byte) int {
	depth := 0
	var quote byte
	for i := 2; i < len(t); i++ {
		c := t[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			return i
		}
	}
	return -1
}

func lang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) > 2 && (s[2] == '-' || s[2] == '_') {
		s = s[:2]
	}
	return s
}

// clean collapses white space.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// htmlText turns an HTML fragment (or plain text) into text with
// paragraphs separated by "\n\n".
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return paragraphs(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return paragraphs(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style:
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case atom.Br:
				b.WriteString("\n")
			case atom.P, atom.Div, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Blockquote, atom.Tr, atom.Ul, atom.Ol, atom.Figure, atom.Figcaption, atom.Pre, atom.Table:
				b.WriteString("\n\n")
			}
		}
	}
}

// paragraphs collapses white space inside paragraphs and separates them by
// "\n\n".
func paragraphs(s string) string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.Join(strings.FieldsFunc(l, func(r rune) bool { return unicode.IsSpace(r) }), " "); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, " "))
		}
	}
	return strings.Join(out, "\n\n")
}
