package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestHostileInputs runs analyze, which reads through ingest.Reader as
// every command does, on each input of the hostile-input audit between
// two good files: the good articles all come out, every skipped item is
// named on stderr, and the command fails exactly when something was
// skipped. (Standard input is covered in internal/ingest/web: analyze
// reads the process's own.)
func TestHostileInputs(t *testing.T) {
	page, err := os.ReadFile("../../internal/extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	rss, err := os.ReadFile("../../internal/feed/testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	gz := func(parts ...string) []byte {
		var b bytes.Buffer
		for _, p := range parts {
			zw := gzip.NewWriter(&b)
			zw.Write([]byte(p))
			zw.Close()
		}
		return b.Bytes()
	}
	record := func(uri string) string {
		http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
		return fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <%s>\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(http), http)
	}
	damaged := gz(record("http://a.example/"), record("http://b.example/"), record("http://c.example/"))
	first := len(gz(record("http://a.example/")))
	for i := first + 30; i < first+60; i++ {
		damaged[i] ^= 0xff
	}
	line := func(id, text string) string {
		return fmt.Sprintf(`{"id":%q,"source":"S","title":"T","text":%q}`, id, text)
	}
	tests := []struct {
		name    string
		files   map[string][]byte
		stdin   []byte
		want    []string // ids, besides the good files' before and after
		skipped []string // what stderr names
	}{
		{"a: json array on the first line", map[string][]byte{"x.jsonl": []byte("[" + line("x1", "One.") + "]\n" + line("x2", "Two.") + "\n")}, nil, []string{"x1", "x2"}, nil},
		{"d: a NUL byte", map[string][]byte{"x.jsonl": []byte(line("x1", "One.") + "\n\x00" + line("bad", "B.") + "\n" + line("x2", "Two.") + "\n")}, nil, []string{"x1", "x2"}, []string{"x.jsonl:2"}},
		{"e: malformed first line", map[string][]byte{"x.jsonl": []byte("{\n" + line("x1", "One.") + "\n" + line("x2", "Two.") + "\n")}, nil, []string{"x1", "x2"}, []string{"x.jsonl:1"}},
		{"f: CR line ends", map[string][]byte{"x.jsonl": []byte(line("x1", "One.") + "\r" + line("x2", "Two.") + "\r")}, nil, []string{"x1", "x2"}, nil},
		{"g: damaged .warc.gz under another name", map[string][]byte{"crawl.dat": damaged}, nil, []string{"http://a.example/", "http://c.example/"}, []string{"crawl.dat"}},
		{"h: whole-file gzip WARC, trailing junk", map[string][]byte{"crawl.warc.gz": gz(record("http://a.example/") + record("http://b.example/") + "trailing junk\r\n")}, nil, []string{"http://a.example/", "http://b.example/"}, []string{"crawl.warc.gz"}},
		{"i: RSS after a long comment", map[string][]byte{"feed.xml": append([]byte("<!-- "+strings.Repeat("licence text ", 300)+"-->\n"), rss...)}, nil, []string{"bridge-1", "http://gazette.example/news/ferry"}, nil},
		{"j: nested tables", map[string][]byte{"deep.html": bytes.Replace(page, []byte("<body>"), []byte("<body>"+strings.Repeat("<table><tr><td>", 200)+"x"+strings.Repeat("</td></tr></table>", 200)), 1)}, nil, []string{"deep"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name string, b []byte) string {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return p
			}
			args := []string{"analyze", write("0-before.jsonl", []byte(line("before", "The council met.")+"\n"))}
			for name, b := range tt.files {
				if name == "-" {
					args = append(args, "-")
					continue
				}
				args = append(args, write(name, b))
			}
			args = append(args, write("9-after.jsonl", []byte(line("after", "The mayor spoke.")+"\n")))
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), args, bytes.NewReader(tt.stdin), &stdout, &stderr)
			var ids []string
			for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
				var d struct{ ID string }
				json.Unmarshal([]byte(l), &d)
				ids = append(ids, d.ID)
			}
			want := append(append([]string{"before"}, tt.want...), "after")
			if !slices.Equal(ids, want) {
				t.Errorf("ids = %v; want %v\nstderr:\n%s", ids, want, stderr.String())
			}
			if (err != nil) != (len(tt.skipped) > 0) {
				t.Errorf("error = %v; want an error exactly when something is skipped (%v)\nstderr:\n%s", err, tt.skipped, stderr.String())
			}
			for _, s := range tt.skipped {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr does not name %q:\n%s", s, stderr.String())
				}
			}
		})
	}
}

// TestDevZeroAsWARC reads /dev/zero under a .warc name: the command ends
// with the archive reported (fixed: it spun for ever).
func TestDevZeroAsWARC(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	p := filepath.Join(t.TempDir(), "zero.warc")
	if err := os.Symlink("/dev/zero", p); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"analyze", p}, strings.NewReader(""), &stdout, &stderr)
	if err == nil || !strings.Contains(stderr.String(), "zero.warc") || !strings.Contains(stderr.String(), "no WARC record found") {
		t.Errorf("analyze zero.warc: error %v, stderr %q; want the archive reported", err, stderr.String())
	}
}
