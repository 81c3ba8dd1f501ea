package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/ingest/web"
	"github.com/parallax-news/parallax/internal/news"
)

// TestFormats reads an HTML page, a feed, a WARC archive and bad inputs
// through ingest with the web formats, as every command does.
func TestFormats(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(src, dst string) string {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, dst)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	page := copyFile("../../extract/testdata/article.html", "bridge.html")
	noExt := copyFile("../../extract/testdata/article.html", "saved page")
	rss := copyFile("../../feed/testdata/rss.xml", "gazette.xml")
	badFeed := copyFile("../../feed/testdata/invalid.xml", "broken.xml")
	archive := copyFile("../../warc/testdata/sample.warc.gz", "crawl.warc.gz")
	notHTML := filepath.Join(dir, "notes.html")
	os.WriteFile(notHTML, []byte("these are plain notes, not a web page"), 0o644)

	var errs []error
	r := ingest.NewReader(ingest.Options{Formats: web.Formats(web.Options{}), OnError: func(err error) { errs = append(errs, err) }})
	var got []news.Article
	err := r.Read(context.Background(), []string{page, noExt, rss, badFeed, archive, notHTML}, func(a news.Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	var titles []string
	for _, a := range got {
		titles = append(titles, a.ID+": "+a.Title)
		if strings.TrimSpace(a.Text) == "" {
			t.Errorf("article %s has no text", a.ID)
		}
	}
	want := []string{
		"bridge: Harbour bridge reopens after repairs",
		"saved page: Harbour bridge reopens after repairs",
		"bridge-1: Harbour bridge reopens",
		"http://gazette.example/news/ferry: Ferry timetable changes",
		"http://news.example/council: Sample page",
	}
	if strings.Join(titles, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(titles, "\n"), strings.Join(want, "\n"))
	}
	if len(errs) != 2 {
		t.Fatalf("errors = %v; want 2 (broken feed, not HTML)", errs)
	}
	if !errors.Is(errs[1], news.ErrNotArticle) && !errors.Is(errs[0], news.ErrNotArticle) {
		t.Errorf("errors = %v; want one wrapping ErrNotArticle", errs)
	}
}

// warcRecord returns a response record of page at uri.
func warcRecord(uri string, page []byte) string {
	http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <%s>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(http), http)
}

func gzipMember(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

// TestDamagedWARCAnyName reads a .warc.gz with a damaged middle member by
// name, under another name and from standard input: each time the records
// around the damage are kept and the damage reported (fixed: under another
// name or from standard input reading stopped at the damage).
func TestDamagedWARCAnyName(t *testing.T) {
	page, err := os.ReadFile("../../extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	bad := gzipMember(warcRecord("http://b.example/", page))
	for i := len(bad) / 3; i < len(bad)/2; i++ {
		bad[i] ^= 0xff
	}
	archive := bytes.Join([][]byte{gzipMember(warcRecord("http://a.example/", page)), bad, gzipMember(warcRecord("http://c.example/", page))}, nil)
	dir := t.TempDir()
	for _, name := range []string{"crawl.warc.gz", "crawl.dat", "-"} {
		t.Run(name, func(t *testing.T) {
			path := name
			if name != "-" {
				path = filepath.Join(dir, name)
				os.WriteFile(path, archive, 0o644)
			}
			var errs []error
			r := ingest.NewReader(ingest.Options{Formats: web.Formats(web.Options{}), Stdin: bytes.NewReader(archive), OnError: func(err error) { errs = append(errs, err) }})
			var ids []string
			if err := r.Read(context.Background(), []string{path}, func(a news.Article) error {
				ids = append(ids, a.ID)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if want := []string{"http://a.example/", "http://c.example/"}; strings.Join(ids, " ") != strings.Join(want, " ") {
				t.Errorf("articles %v; want %v", ids, want)
			}
			if len(errs) == 0 {
				t.Errorf("the damaged member was not reported")
			}
		})
	}
}

// TestFeedLongProlog reads an RSS file with 3 KB of comment before <rss>
// by name and from standard input (fixed: it was not recognised).
func TestFeedLongProlog(t *testing.T) {
	rss, err := os.ReadFile("../../feed/testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	b := append([]byte("<!-- "+strings.Repeat("a long licence text ", 150)+"-->\n"), rss...)
	p := filepath.Join(t.TempDir(), "gazette.rss")
	os.WriteFile(p, b, 0o644)
	var errs []error
	r := ingest.NewReader(ingest.Options{Formats: web.Formats(web.Options{}), Stdin: bytes.NewReader(b), OnError: func(err error) { errs = append(errs, err) }})
	n := 0
	if err := r.Read(context.Background(), []string{p, "-"}, func(a news.Article) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 4 || len(errs) > 0 {
		t.Errorf("read %d articles, errors %v; want 2 items from each input, no errors", n, errs)
	}
}
