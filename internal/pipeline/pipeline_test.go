package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/cluster"
	"github.com/parallax-news/parallax/internal/news"
)

// write creates the named files in a new directory and returns it.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	damA = "Dam bursts in the valley\n\nThe old dam above Millbrook burst on Monday night, officials said. About 300 people left their homes.\n"
	damB = `{"id":"b","source":"Herald","title":"Valley dam gives way","text":"The Millbrook dam gave way on Monday, forcing about 300 residents to leave, officials said."}`
)

// Documents come out in input order, analyzed; a bad item is reported,
// counted and skipped, and the items around it are kept.
func TestDocumentsOrderAndProblems(t *testing.T) {
	dir := write(t, map[string]string{
		"a.txt":   damA,
		"b.jsonl": "{\n" + damB + "\n" + `{"id":"c","text":"   "}` + "\n",
	})
	var problems []string
	p := New(Options{OnProblem: func(what string, err error) { problems = append(problems, what+" "+err.Error()) }})
	var ids []string
	err := p.Documents(context.Background(), []string{dir}, func(d news.Document) error {
		if len(d.Tokens) == 0 || len(d.Sentences) == 0 || len(d.Quantities) == 0 {
			t.Errorf("%s: not analyzed: %d tokens, %d sentences, %d quantities", d.ID, len(d.Tokens), len(d.Sentences), len(d.Quantities))
		}
		ids = append(ids, d.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, " ") != "a b" {
		t.Errorf("documents %q; want a b", ids)
	}
	if p.Problems() != 2 || p.Err() == nil {
		t.Errorf("Problems() = %d, Err() = %v; want 2 (the broken line and the empty article): %q", p.Problems(), p.Err(), problems)
	}
}

// KeepEmpty passes an article without text on; Raw skips cleaning.
func TestKeepEmptyAndRaw(t *testing.T) {
	dir := write(t, map[string]string{"c.jsonl": `{"id":"c","text":"   "}` + "\n" + damB + "\n"})
	p := New(Options{KeepEmpty: true})
	var ids []string
	if err := p.Articles(context.Background(), []string{dir}, func(a news.Article) error { ids = append(ids, a.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, " ") != "c b" || p.Problems() != 1 {
		t.Errorf("KeepEmpty: ids %q, %d problems; want c b and 1", ids, p.Problems())
	}
	raw := New(Options{Raw: true})
	var texts []string
	if err := raw.Articles(context.Background(), []string{dir}, func(a news.Article) error { texts = append(texts, a.Text); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(texts) != 2 || texts[0] != "   " {
		t.Errorf("Raw: texts %q; want the empty article as read", texts)
	}
}

// An error from emit stops the run and comes back; so does a cancelled
// context.
func TestMapStops(t *testing.T) {
	dir := write(t, map[string]string{"a.txt": damA, "b.jsonl": damB + "\n"})
	p := New(Options{})
	stop := errors.New("stop")
	n := 0
	err := Map(context.Background(), p, []string{dir}, func(d news.Document) string { return d.ID }, func(string) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Map with a failing emit = %v after %d items; want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Documents(ctx, []string{dir}, func(news.Document) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Documents with a cancelled context = %v; want context.Canceled", err)
	}
}

// Every input id comes out of a Stories stream, a repeated one renamed.
func TestStoriesRepeatedIDs(t *testing.T) {
	dir := write(t, map[string]string{"x.jsonl": damB + "\n" + damB + "\n"})
	var assigned, repeats []string
	st := NewStories(StoryOptions{
		Cluster:  cluster.Options{Immediate: true},
		OnAssign: func(a cluster.Assignment, f *cluster.Features) { assigned = append(assigned, a.ID) },
		OnRepeat: func(in, printed string) { repeats = append(repeats, in+">"+printed) },
	})
	if err := New(Options{}).Cluster(context.Background(), []string{dir}, st); err != nil {
		t.Fatal(err)
	}
	if strings.Join(assigned, " ") != "b b#2" || strings.Join(repeats, " ") != "b>b#2" || st.InputID("b#2") != "b" || st.Repeats() != 1 {
		t.Errorf("assigned %q, repeats %q, InputID(b#2) %q; want b b#2, b>b#2, b", assigned, repeats, st.InputID("b#2"))
	}
}

// GroupStories puts the two dam reports in one story and an unrelated
// article in another, the larger first.
func TestGroupStories(t *testing.T) {
	dir := write(t, map[string]string{
		"a.txt":   damA,
		"b.jsonl": damB + "\n",
		"c.txt":   "Orchestra names new conductor\n\nThe city orchestra named a 34-year-old violinist from Lyon as its conductor on Friday.\n",
	})
	var docs []news.Document
	if err := New(Options{}).Documents(context.Background(), []string{dir}, func(d news.Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	groups := GroupStories(docs, cluster.Options{})
	var got []string
	for _, g := range groups {
		var ids []string
		for _, d := range g.Docs {
			ids = append(ids, d.ID)
		}
		got = append(got, strings.Join(ids, "+"))
	}
	if strings.Join(got, " ") != "a+b c" {
		t.Errorf("stories %q; want a+b c", got)
	}
}

// A WARC whose first member is damaged still yields the response record
// after it, and the damage is reported under the file's name.
func TestWARCDamagedMember(t *testing.T) {
	b, err := os.ReadFile("../warc/testdata/sample.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Clone(b)
	for i := 20; i < 60; i++ { // inside the deflate data of the first member (warcinfo)
		b[i] ^= 0x5a
	}
	p := filepath.Join(t.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	src := New(Options{OnProblem: func(what string, err error) { fmt.Fprintln(&stderr, what, err) }})
	var ids []string
	if err := src.Articles(context.Background(), []string{p}, func(a news.Article) error {
		ids = append(ids, a.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 {
		t.Errorf("articles from a WARC with a damaged first member = %v; want the one response record", ids)
	}
	if src.Err() == nil || !strings.Contains(stderr.String(), "crawl.warc.gz") {
		t.Errorf("damaged member not reported; stderr:\n%s", stderr.String())
	}
}

// Analyze gives one article, such as one fetched from a feed, the same
// analysis as the documents of a read.
func TestAnalyzeOne(t *testing.T) {
	p := New(Options{})
	a := news.Article{ID: "x", Text: "About 300 people left their homes on Monday, officials said."}
	d := p.Analyze(a)
	if d.ID != "x" || len(d.Tokens) == 0 || len(d.Sentences) != 1 || len(d.Quantities) != 1 {
		t.Errorf("Analyze(%q) = %d tokens, %d sentences, %d quantities; want some, 1, 1", a.Text, len(d.Tokens), len(d.Sentences), len(d.Quantities))
	}
}
