package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	nurl "net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/parallax-news/parallax/internal/extract/page"
	"github.com/parallax-news/parallax/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DefaultMaxBytes is the largest page read when Options.MaxBytes is zero.
// News pages are well under 5 MB; larger inputs are almost always data
// (inline images, dumps) and would take seconds to parse.
const DefaultMaxBytes = 16 << 20

// maxTextRunes is the most visible text a page may have for trafilatura to
// run on it: its cost grows with the square of the text (it concatenates
// paragraph texts), so a 15 MB page of paragraphs takes minutes. News
// articles have well under 100,000 characters; larger pages go through
// bigPage, which is linear.
const maxTextRunes = 300_000

// ErrTooLarge says the page is larger than Options.MaxBytes.
var ErrTooLarge = errors.New("page too large")

// Options configures Extract. The zero value works.
type Options struct {
	// URL is the page's address when known (from a crawl or a feed); it
	// resolves relative canonical links and names the site when the page
	// does not. The page's own canonical URL wins when it has one.
	URL string
	// ContentType is the transport's Content-Type header, if any; its
	// charset parameter wins over the page's own declaration.
	ContentType string
	// MaxBytes caps the page size; DefaultMaxBytes when zero.
	MaxBytes int64
	// NoFallback turns off the fallback extractors (go-readability and
	// the repair of truncated bodies): faster, lower recall.
	NoFallback bool
	// KeepBoilerplate turns off this package's boilerplate rules and
	// returns trafilatura's body as it is (for comparisons).
	KeepBoilerplate bool
	// Off turns off the steps it holds (for ablations; see Rule). The
	// zero value keeps every step on; AllRules leaves go-trafilatura
	// alone.
	Off Rule
}

// Extract reads one HTML page from r and returns its article. Outcomes:
//   - the article, with Text non-empty;
//   - an error wrapping news.ErrNotArticle when r does not hold HTML;
//   - an error wrapping news.ErrEmpty when the page has no main text;
//   - an error wrapping ErrTooLarge when r holds more than Options.MaxBytes;
//   - the reader's error when reading fails.
//
// Article.ID and Article.Origin are left for the caller to fill.
func Extract(r io.Reader, opt Options) (news.Article, error) {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return news.Article{}, fmt.Errorf("read page: %w", err)
	}
	if int64(len(b)) > max {
		return news.Article{}, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return ExtractBytes(b, opt)
}

// ExtractBytes is Extract for a page already in memory.
func ExtractBytes(b []byte, opt Options) (news.Article, error) {
	if opt.MaxBytes > 0 && int64(len(b)) > opt.MaxBytes || opt.MaxBytes <= 0 && len(b) > DefaultMaxBytes {
		return news.Article{}, fmt.Errorf("%w: %d bytes", ErrTooLarge, len(b))
	}
	if !LooksHTML(b) {
		return news.Article{}, fmt.Errorf("%w: content is not HTML", news.ErrNotArticle)
	}
	off := opt.off()
	text, _ := page.Decode(b, opt.ContentType)
	if off&RuleNormalize == 0 {
		text = page.Normalize(text)
	}
	doc, err := page.Parse(text)
	if err != nil {
		return news.Article{}, fmt.Errorf("parse html: %w", err)
	}
	var raw []byte
	if off&RuleDecode != 0 {
		raw = b
	}
	return extractDoc(doc, text, raw, opt, off)
}

// extractDoc extracts the parsed page doc; src is its decoded source.
// When raw is not nil, trafilatura reads it (the page's bytes) itself and
// doc serves only this package's steps; off holds the steps turned off.
func extractDoc(doc *html.Node, src string, raw []byte, opt Options, off Rule) (news.Article, error) {
	topt := trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if opt.URL != "" {
		if u, err := nurl.ParseRequestURI(opt.URL); err == nil {
			topt.OriginalURL = u
		}
	}
	pub := page.MetaPublished(doc)
	if off&RuleBigPage == 0 && visibleRunes(doc, maxTextRunes) > maxTextRunes {
		return bigPage(doc, opt, pub, off)
	}
	var res *trafilatura.ExtractResult
	var err error
	if raw != nil {
		res, err = trafilatura.Extract(bytes.NewReader(raw), topt)
	} else {
		res, err = trafilatura.ExtractDocument(doc, topt)
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("%w: %v", news.ErrEmpty, err)
	}
	md := res.Metadata
	a := news.Article{
		Title:     strings.TrimSpace(md.Title),
		Author:    strings.TrimSpace(md.Author),
		URL:       md.URL,
		Source:    strings.TrimSpace(md.Sitename),
		Language:  md.Language,
		Published: md.Date,
	}
	if !pub.IsZero() {
		a.Published = pub
	}
	if a.URL == "" {
		a.URL = opt.URL
	}
	a.Title = page.CleanTitle(a.Title, a.Source, a.URL)
	if off&RuleRender != 0 {
		a.Text = res.ContentText
	} else {
		body := res.ContentNode
		if off&RuleBaselineBody == 0 {
			body = baselineBody(res)
		}
		a.Text = renderWith(body, off)
	}
	if off&RuleUnglue == 0 {
		a.Text = page.Unglue(a.Text, doc)
	}
	if off&(RuleFallback|RuleFallbackProse) != RuleFallback|RuleFallbackProse && needsFallback(res, doc) {
		// go-readability as the candidate, with trafilatura's own rule:
		// the candidate wins when it is more than twice as long. Running
		// it here rather than through trafilatura's EnableFallback avoids
		// a second trafilatura pass and the slower go-domdistiller.
		if r, rerr := readability.FromDocument(doc, topt.OriginalURL); rerr == nil && r.Node != nil {
			var cand string
			if off&RuleRender != 0 {
				cand = r.TextContent
			} else {
				cand = renderWith(r.Node, off)
			}
			n, m := utf8.RuneCountInString(a.Text), utf8.RuneCountInString(cand)
			if off&RuleFallback == 0 && m > 2*n ||
				off&RuleFallbackProse == 0 && notProse(a.Text) && !notProse(cand) && m >= 250 {
				a.Text = cand
			}
		}
	}
	a.Text = page.DropBoilerplateWithout(a.Text, boilerOff(off))
	lead := ""
	if off&RuleLeadMeta == 0 {
		lead = page.FindLead(doc, md.Description)
	}
	if lead == "" && off&RuleLeadHeader == 0 {
		lead = page.FindHeaderLead(doc)
		if lead != "" && !page.LeadBeforeBody(src, lead, a.Text) {
			lead = ""
		}
	}
	if lead != "" {
		a.Standfirst = lead
		if !strings.Contains(page.Collapse(a.Text), page.PrefixRunes(lead, 50)) {
			a.Text = lead + "\n\n" + a.Text
		}
	}
	if off&RuleDropTitle == 0 {
		a.Text = dropTitle(a.Text, a.Title)
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, fmt.Errorf("%w: no main text found", news.ErrEmpty)
	}
	return a, nil
}

// renderWith renders n with page.Render, or page.RenderJoined when off
// holds RuleRenderSplit.
func renderWith(n *html.Node, off Rule) string {
	if off&RuleRenderSplit != 0 {
		return page.RenderJoined(n)
	}
	return page.Render(n)
}

// baselineBody returns the part of res.ContentNode that res.ContentText
// is made of. go-trafilatura's last-resort baseline adds a candidate
// block to the body node for each strategy it tries (the page's
// paragraphs, then the whole body's text) but returns the text of the last
// one only, so rendering the whole node repeats the page. When the body
// has more than one child and the last one's text alone is ContentText,
// that child is the body.
func baselineBody(res *trafilatura.ExtractResult) *html.Node {
	n := res.ContentNode
	if n == nil || n.LastChild == nil || n.FirstChild == n.LastChild {
		return n
	}
	last := n.LastChild
	if last.Type != html.ElementNode || last.FirstChild == nil || last.FirstChild != last.LastChild ||
		last.FirstChild.Type != html.TextNode {
		return n
	}
	if strings.Join(strings.Fields(last.FirstChild.Data), " ") != strings.Join(strings.Fields(res.ContentText), " ") {
		return n
	}
	wrap := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	wrap.AppendChild(&html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P})
	wrap.FirstChild.AppendChild(&html.Node{Type: html.TextNode, Data: last.FirstChild.Data})
	return wrap
}

// LooksHTML reports whether b (or its first bytes) looks like an HTML
// page: after a BOM, whitespace and comments, it starts with a tag, or a
// tag such as <html, <head, <body, <div or <p appears near the start.
func LooksHTML(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	if bytes.IndexByte(head, 0) >= 0 && !bytes.HasPrefix(head, []byte("\xff\xfe")) && !bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return false
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(head, " \t\r\n\f")
	lower := bytes.ToLower(t)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--", "<div", "<p>", "<p ", "<article", "<script", "<link", "<style", "<table", "<h1", "<span", "<br", "<a "} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		return bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("xhtml"))
	}
	return bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<body"))
}

// dropTitle removes the headline from the start of the body: news.Article
// keeps it only in Title.
func dropTitle(text, title string) string {
	if title == "" {
		return text
	}
	first, rest, _ := strings.Cut(text, "\n\n")
	if strings.EqualFold(strings.Join(strings.Fields(first), " "), strings.Join(strings.Fields(title), " ")) {
		return rest
	}
	return text
}

// needsFallback reports whether a fallback extractor could change the
// result: trafilatura takes a candidate only when it is more than twice as
// long as its own body, which is impossible when the body already holds
// half the page's visible text. Skipping the fallback then saves running
// go-readability on most pages.
func needsFallback(res *trafilatura.ExtractResult, doc *html.Node) bool {
	n := utf8.RuneCountInString(res.ContentText)
	if n < 250 || notProse(res.ContentText) {
		return true
	}
	return 2*n < visibleRunes(doc, 4*n)
}

// visibleRunes counts the runes of visible text in doc, stopping once the
// count passes limit.
func visibleRunes(doc *html.Node, limit int) int {
	count := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if count > limit || depth > 600 {
			return
		}
		switch n.Type {
		case html.TextNode:
			count += utf8.RuneCountInString(n.Data) - countSpaceRuns(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Svg, atom.Select, atom.Option:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return count
}

// countSpaceRuns counts the white space that collapsing would remove.
func countSpaceRuns(s string) int {
	n, prev := 0, true
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if sp && prev {
			n++
		}
		prev = sp
	}
	return n
}

// bigPage extracts a page with too much text for trafilatura: the text of
// its largest <article> or <main> (else <body>) without navigation,
// headers, footers, asides and forms, through the boilerplate rules. The
// title is the page's <title>.
func bigPage(doc *html.Node, opt Options, pub time.Time, off Rule) (news.Article, error) {
	var root, body, title *html.Node
	best := 0
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 600 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Article, atom.Main:
				if k := visibleRunes(n, 1<<30); k > best {
					root, best = n, k
				}
			case atom.Body:
				body = n
			case atom.Title:
				if title == nil {
					title = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if root == nil {
		root = body
	}
	if root == nil {
		return news.Article{}, fmt.Errorf("%w: no body", news.ErrEmpty)
	}
	var strip func(n *html.Node)
	strip = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Script, atom.Style, atom.Noscript, atom.Template:
					n.RemoveChild(c)
					c = next
					continue
				}
			}
			strip(c)
			c = next
		}
	}
	strip(root)
	a := news.Article{URL: opt.URL, Published: pub}
	if title != nil {
		a.Title = page.CleanTitle(page.Collapse(page.Render(title)), "", opt.URL)
	}
	a.Text = page.DropBoilerplateWithout(page.Render(root), boilerOff(off))
	if off&RuleDropTitle == 0 {
		a.Text = dropTitle(a.Text, a.Title)
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, fmt.Errorf("%w: no main text found", news.ErrEmpty)
	}
	return a, nil
}

// notProse reports whether text reads like a menu or a list of links
// rather than prose: at least 60 words and fewer than one sentence end per
// 40 words. Such a body means the extractor picked the wrong block, and a
// fallback candidate that is prose wins even when it is not longer.
func notProse(text string) bool {
	words, ends := 0, 0
	in := false
	for _, c := range text {
		switch c {
		case '.', '!', '?', '。', '！', '？', '؟', '।':
			ends++
		}
		if c == ' ' || c == '\n' || c == '\t' {
			in = false
			continue
		}
		if !in {
			words++
			in = true
		}
	}
	return words >= 60 && ends*40 < words
}
