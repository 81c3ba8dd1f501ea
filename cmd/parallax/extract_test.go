package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"github.com/parallax-news/parallax/internal/report"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractCommand(t *testing.T) {
	page, err := os.ReadFile("../../internal/extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Close()
	files := map[string][]byte{
		"a.html":              page,
		"b page.html.gz":      gz.Bytes(),
		"c-eval-name.gz":      gz.Bytes(), // an eval-style name: .gz without .html
		"d-truncated.html.gz": gz.Bytes()[:gz.Len()/2],
		"e-notes.htm":         []byte("plain notes, not a web page"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	err = run(context.Background(), []string{"extract", "--workers", "2", dir}, strings.NewReader(""), &stdout, &stderr)
	if err == nil {
		t.Errorf("extract with bad inputs returned nil error; want non-zero exit")
	}
	var got []report.PageJSON
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var j report.PageJSON
		if err := json.Unmarshal([]byte(line), &j); err != nil {
			t.Fatalf("output line %q: %v", line, err)
		}
		got = append(got, j)
	}
	wantFiles := []string{"a.html", "b page.html.gz", "c-eval-name.gz", "d-truncated.html.gz", "e-notes.htm"}
	if len(got) != len(wantFiles) {
		t.Fatalf("got %d lines; want %d:\n%s", len(got), len(wantFiles), stdout.String())
	}
	for i, j := range got {
		if j.File != wantFiles[i] {
			t.Errorf("line %d file = %q; want %q (input order)", i, j.File, wantFiles[i])
		}
		ok := i < 3
		if ok && (j.Title != "Harbour bridge reopens after repairs" || !strings.Contains(j.Text, "About 40,000 vehicles") || j.Published != "2024-03-04T09:30:00Z") {
			t.Errorf("line %d = %+v; want the extracted article", i, j)
		}
		if !ok && j.Text != "" {
			t.Errorf("line %d (%s) text = %q; want empty for a failed page", i, j.File, j.Text)
		}
	}
	for _, want := range []string{"d-truncated.html.gz", "e-notes.htm", "not HTML", "gzip"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestExtractWARC checks that extract prints one line per HTML response
// record of an archive, from a file and from standard input, and not the
// archive as one page.
func TestExtractWARC(t *testing.T) {
	archive, err := os.ReadFile("../../internal/warc/testdata/sample.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(p, archive, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		arg   string
		stdin []byte
		file  string
	}{
		"file":  {p, nil, "crawl.warc.gz@"},
		"stdin": {"-", archive, "stdin@"},
	} {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := run(context.Background(), []string{"extract", tc.arg}, bytes.NewReader(tc.stdin), &stdout, &stderr); err != nil {
				t.Fatalf("extract %s: %v\n%s", tc.arg, err, stderr.String())
			}
			lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
			if len(lines) != 1 {
				t.Fatalf("got %d lines; want 1 (the one response record):\n%s", len(lines), stdout.String())
			}
			var j report.PageJSON
			if err := json.Unmarshal([]byte(lines[0]), &j); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(j.File, tc.file) || j.URL != "http://news.example/council" || j.Text == "" || strings.Contains(j.Text, "WARC/") {
				t.Errorf("record = %+v; want the council page, file %s…, no WARC headers in the text", j, tc.file)
			}
		})
	}
}

// TestExtractReadsAsEveryCommand checks that extract walks a folder as
// analyze does (fixed: a symbolic link to a page was skipped in silence by
// extract and read by analyze; a broken link was skipped in silence by
// both): the linked page is extracted, the broken link is reported and the
// command fails.
func TestExtractReadsAsEveryCommand(t *testing.T) {
	page, err := os.ReadFile("../../internal/extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	os.MkdirAll(pages, 0o755)
	os.WriteFile(filepath.Join(dir, "saved.html"), page, 0o644)
	os.WriteFile(filepath.Join(pages, "a.html"), page, 0o644)
	if err := os.Symlink("../saved.html", filepath.Join(pages, "b-link.html")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	os.Symlink("../gone.html", filepath.Join(pages, "c-broken.html"))
	for _, command := range []string{"extract", "analyze"} {
		t.Run(command, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{command, pages}, strings.NewReader(""), &stdout, &stderr)
			if err == nil {
				t.Errorf("%s with a broken link returned no error; want exit 1", command)
			}
			if !strings.Contains(stderr.String(), "c-broken.html: broken symbolic link") {
				t.Errorf("stderr does not report the broken link:\n%s", stderr.String())
			}
			lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
			if len(lines) != 2 || !strings.Contains(lines[1], "About 40,000 vehicles") {
				t.Errorf("got %d lines; want 2, the second the linked page:\n%s", len(lines), stdout.String())
			}
		})
	}
}

// The progress bar is only for a terminal: a file or a buffer as standard
// error gets none.
func TestNewBarOnlyOnTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if bar := newBar(f, -1, "clustering", "articles"); bar != nil {
		t.Error("newBar on a file: a bar; want none")
	}
	if bar := newBar(&bytes.Buffer{}, 10, "fetching", "pages"); bar != nil {
		t.Error("newBar on a buffer: a bar; want none")
	}
}
