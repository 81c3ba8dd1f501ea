package poll

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadOPML(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>My feeds</title></head><body>
  <outline text="News">
    <outline text="North Star" type="rss" xmlUrl="https://north.example/rss"/>
    <outline text="x" title="South &amp; Post" xmlUrl=" https://south.example/atom.xml "/>
  </outline>
  <outline text="No feed here" htmlUrl="https://site.example/"/>
  <outline text="Again" xmlUrl="https://north.example/rss"/>
</body></opml>`
	got, err := ReadOPML(strings.NewReader(in))
	want := []Subscription{{URL: "https://north.example/rss", Title: "North Star"}, {URL: "https://south.example/atom.xml", Title: "South & Post"}}
	if err != nil || !cmp.Equal(got, want) {
		t.Errorf("ReadOPML = %v, %v; want %v", got, err, want)
	}
	for _, bad := range []string{"<rss><channel/></rss>", "<html><body>hi</body></html>"} {
		if _, err := ReadOPML(strings.NewReader(bad)); !errors.Is(err, ErrNotOPML) {
			t.Errorf("ReadOPML(%q) = %v; want ErrNotOPML", bad, err)
		}
	}
	if _, err := ReadOPML(strings.NewReader(`<opml><body><outline xmlUrl="a"`)); err == nil || errors.Is(err, ErrNotOPML) {
		t.Errorf("ReadOPML(truncated) = %v; want an XML error", err)
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	subs := []Subscription{{URL: "https://a.example/rss?x=1&y=2", Title: `A "quoted" <title>`}, {URL: "http://b.example/feed", Title: ""}}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "Parallax feeds", subs); err != nil {
		t.Fatal(err)
	}
	got, err := ReadOPML(&buf)
	if err != nil || !cmp.Equal(got, subs) {
		t.Errorf("ReadOPML(WriteOPML(subs)) = %v, %v; want %v", got, err, subs)
	}
}

// FuzzReadOPML checks that ReadOPML does not panic, and that what it
// reads survives a round trip through WriteOPML.
func FuzzReadOPML(f *testing.F) {
	f.Add(`<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/></body></opml>`)
	f.Add(`<opml><body><outline><outline title="B" xmlUrl="http://b.example/"><outline xmlUrl="c"/></outline></outline></body></opml>`)
	f.Add(`<opml><body><outline text="&#9;tab&#10;line" xmlUrl="&#xD;u"/></body></opml>`)
	f.Fuzz(func(t *testing.T, in string) {
		subs, err := ReadOPML(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteOPML(&buf, "t", subs); err != nil {
			t.Fatalf("WriteOPML(%v): %v", subs, err)
		}
		again, err := ReadOPML(&buf)
		if err != nil || !cmp.Equal(again, subs) {
			t.Fatalf("round trip of %q: %v, %v; want %v\n%s", in, again, err, subs, buf.String())
		}
	})
}

func TestFeedURL(t *testing.T) {
	for in, ok := range map[string]bool{
		"https://a.example/rss": true, " http://a.example ": true, "ftp://a.example/": false, "file:///etc/passwd": false,
		"javascript:alert(1)": false, "/rss": false, "https://user:pw@a.example/": false, "": false, "https://" + strings.Repeat("a", 2050): false,
	} {
		if _, err := FeedURL(in); (err == nil) != ok {
			t.Errorf("FeedURL(%q) = %v; want ok %v", in, err, ok)
		}
	}
}
