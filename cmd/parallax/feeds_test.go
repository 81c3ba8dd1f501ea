package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFeedsCommand adds, lists, imports, exports and removes feeds in one
// database file.
func TestFeedsCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	feeds := func(args ...string) (string, error) {
		t.Helper()
		var out, errOut bytes.Buffer
		err := run(context.Background(), append([]string{"feeds", "--db", db}, args...), strings.NewReader(""), &out, &errOut)
		return out.String(), err
	}
	if out, err := feeds("add", "https://north.example/rss", "ftp://bad.example/"); err == nil || !strings.Contains(out, "added 1 https://north.example/rss") {
		t.Errorf("feeds add = %q, %v; want the good one added and an error for ftp", out, err)
	}
	opml := filepath.Join(dir, "in.opml")
	os.WriteFile(opml, []byte(`<opml version="2.0"><body><outline text="Folder"><outline text="South Post" xmlUrl="https://south.example/atom"/></outline><outline text="N" xmlUrl="https://north.example/rss"/></body></opml>`), 0o644)
	if out, err := feeds("import", opml); err != nil || !strings.Contains(out, "1 feeds added, 1 already there") {
		t.Errorf("feeds import = %q, %v; want 1 added, 1 already there", out, err)
	}
	out, err := feeds("list")
	if err != nil || !strings.Contains(out, "https://south.example/atom") || !strings.Contains(out, "South Post") || !strings.Contains(out, "never") {
		t.Errorf("feeds list = %q, %v; want both feeds, never checked", out, err)
	}
	out, err = feeds("export")
	if err != nil || !strings.Contains(out, `xmlUrl="https://south.example/atom"`) || !strings.Contains(out, `xmlUrl="https://north.example/rss"`) {
		t.Errorf("feeds export = %q, %v; want OPML with both", out, err)
	}
	if out, err := feeds("remove", "https://north.example/rss", "99"); err == nil || !strings.Contains(out, "removed 1") {
		t.Errorf("feeds remove = %q, %v; want 1 removed and an error for 99", out, err)
	}
	if out, _ := feeds("list"); strings.Contains(out, "north.example") {
		t.Errorf("feeds list after remove = %q; want north gone", out)
	}
	if _, err := feeds("import", db); err == nil {
		t.Errorf("feeds import of a non-OPML file: nil error; want one")
	}
}
