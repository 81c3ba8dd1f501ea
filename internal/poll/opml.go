package poll

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// Subscription is one feed of an OPML subscription list.
type Subscription struct {
	URL   string // the feed's address (xmlUrl)
	Title string // its title, "" when none
}

// ErrNotOPML is wrapped by ReadOPML's error for a document that is not
// OPML.
var ErrNotOPML = errors.New("not an OPML document")

// MaxOPMLBytes is the largest subscription list ReadOPML reads.
const MaxOPMLBytes = 8 << 20

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title,omitempty"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	Outlines []opmlOutline `xml:"outline"`
}

// ReadOPML reads the feeds of an OPML document: every outline with an
// xmlUrl, at any depth (folders are flattened), in document order, each
// URL once. Outcomes: the subscriptions (possibly none); an error
// wrapping ErrNotOPML when the root element is not <opml>; an XML error
// for a malformed document; an error for a document over MaxOPMLBytes.
func ReadOPML(r io.Reader) ([]Subscription, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxOPMLBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read opml: %w", err)
	}
	if len(b) > MaxOPMLBytes {
		return nil, fmt.Errorf("read opml: larger than %d bytes", MaxOPMLBytes)
	}
	var doc opmlDoc
	if err := xml.Unmarshal(b, &doc); err != nil {
		var ue xml.UnmarshalError
		if errors.As(err, &ue) && strings.Contains(string(ue), "expected element type <opml>") {
			return nil, fmt.Errorf("read opml: %w: %v", ErrNotOPML, err)
		}
		return nil, fmt.Errorf("read opml: %w", err)
	}
	out := []Subscription{}
	seen := map[string]bool{}
	var walk func([]opmlOutline)
	walk = func(os []opmlOutline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" && !seen[u] {
				seen[u] = true
				title := o.Title
				if title == "" {
					title = o.Text
				}
				out = append(out, Subscription{URL: u, Title: strings.Join(strings.Fields(title), " ")})
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body)
	return out, nil
}

// WriteOPML writes subs as an OPML 2.0 document titled title.
func WriteOPML(w io.Writer, title string, subs []Subscription) error {
	doc := opmlDoc{Version: "2.0", Title: title}
	for _, s := range subs {
		doc.Body = append(doc.Body, opmlOutline{Text: s.Title, Title: s.Title, Type: "rss", XMLURL: s.URL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ErrBadURL is wrapped by FeedURL's error.
var ErrBadURL = errors.New("not an http(s) URL")

// FeedURL checks that raw is an absolute http or https URL with a host,
// at most 2,048 bytes, and returns it trimmed.
func FeedURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if len(raw) > 2048 || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", fmt.Errorf("feed %q: %w", raw, ErrBadURL)
	}
	return raw, nil
}
