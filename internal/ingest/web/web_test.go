package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

// TestInputDecoders reads an HTML page, a feed, a WARC archive and bad
// inputs through ingest with inputDecoders, as analyze does.
func TestInputDecoders(t *testing.T) {
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
	page := copyFile("../../internal/extract/testdata/article.html", "bridge.html")
	noExt := copyFile("../../internal/extract/testdata/article.html", "saved page")
	rss := copyFile("../../internal/feed/testdata/rss.xml", "gazette.xml")
	badFeed := copyFile("../../internal/feed/testdata/invalid.xml", "broken.xml")
	archive := copyFile("../../internal/warc/testdata/sample.warc.gz", "crawl.warc.gz")
	notHTML := filepath.Join(dir, "notes.html")
	os.WriteFile(notHTML, []byte("these are plain notes, not a web page"), 0o644)

	decs, sniff := inputDecoders()
	var errs []error
	r := ingest.NewReader(ingest.Options{Decoders: decs, Sniff: sniff, OnError: func(err error) { errs = append(errs, err) }})
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
