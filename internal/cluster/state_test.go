package cluster

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/news"
)

// stateStream is a stream of dated and undated synthetic stories, in
// blocks of interleaved stories, each block with a reprint.
func stateStream() []news.Document {
	start := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	r := rand.New(rand.NewPCG(3, 4))
	var docs []news.Document
	for block := range 8 {
		var b []news.Document
		for k := block * 5; k < block*5+5; k++ {
			for i := range 1 + k%4 {
				var at time.Time
				if k%3 != 0 {
					at = start.Add(time.Duration(k*7+i) * time.Hour)
				}
				b = append(b, synthDoc(k, i, 6, at))
			}
		}
		r.Shuffle(len(b), func(i, j int) { b[i], b[j] = b[j], b[i] })
		d := b[0] // a reprint of the block's first article
		d.ID += "-copy"
		docs = append(docs, append(b, d)...)
	}
	return docs
}

// twoBouts are the reports of two boxing events of one kind, which a
// low threshold first merges and the split test then separates.
func twoBouts() []news.Document {
	var docs []news.Document
	for i := range 4 {
		docs = append(docs, fight(fmt.Sprintf("a%d", i), i, hamburg))
	}
	for i := range 4 {
		docs = append(docs, fight(fmt.Sprintf("b%d", i), i+5, cardiff))
		docs = append(docs, fight(fmt.Sprintf("a%d", i+4), i+8, hamburg))
	}
	return docs
}

// floodReports are five reports of one flood; the first two share little,
// so they open two stories that the later ones tie together (a rejoin).
func floodReports() []news.Document {
	doc := func(id, text string) news.Document {
		return news.Document{Article: news.Article{ID: id, Source: id, Text: text}}
	}
	return []news.Document{
		doc("x", "Flood water cut the Norrin valley road near Kessel on Tuesday. The army sent boats to Kessel."),
		doc("y", "Volunteers in Brackmoor filled sandbags as the Tavy river rose. Schools in Brackmoor closed."),
		doc("z", "The Tavy river burst its banks at Brackmoor and flood water cut the Norrin valley road near Kessel."),
		doc("w", "Schools closed in Brackmoor and the army sent boats to Kessel after the Tavy river flooded."),
		doc("v", "Brackmoor volunteers and army boats at Kessel: the Tavy river flood cut the Norrin valley road."),
	}
}

// streamRun records what a Clusterer reports.
type streamRun struct {
	assigned []Assignment
	closed   []Story
}

func (r *streamRun) options(opt Options) Options {
	opt.Now = fixedNow
	opt.OnClose = func(s Story) { r.closed = append(r.closed, s) }
	return opt
}

// TestSaveRestore clusters streams straight through and, for cut points
// k, clusters the first k articles, saves, restores into a new Clusterer
// and goes on with the rest: every assignment and every story reported
// must be the same. Between them the streams take every path: pruning,
// halving, eviction and compaction (small limits), near-duplicates, a
// split and a rejoin.
func TestSaveRestore(t *testing.T) {
	var all Stats
	for _, tc := range []struct {
		name string
		docs []news.Document
		opt  Options
		step int
	}{
		{"limits", stateStream(), Options{Window: 48 * time.Hour, MaxActive: 10, Explain: true,
			Limits: Limits{Centroid: 12, DocFreq: 40, PairBits: 9}}, 7},
		{"split", twoBouts(), Options{Threshold: 0.05, Window: -1, Explain: true}, 1},
		{"rejoin", floodReports(), Options{Threshold: 0.25, Window: -1}, 1},
	} {
		st := checkRestore(t, tc.name, tc.docs, tc.opt, tc.step)
		all.Duplicates += st.Duplicates
		all.Splits += st.Splits
		all.Rejoined += st.Rejoined
		all.Closed += st.Closed
	}
	if all.Splits == 0 || all.Duplicates == 0 || all.Closed == 0 || all.Rejoined == 0 {
		t.Errorf("the streams do not take every path: %+v", all)
	}
}

// checkRestore runs docs straight through and cut at every step-th
// article, and returns the straight run's Stats.
func checkRestore(t *testing.T, name string, docs []news.Document, opt Options, step int) Stats {
	fs := make([]*Features, len(docs))
	for i, d := range docs {
		fs[i] = Extract(d)
	}
	var want streamRun
	c := New(want.options(opt))
	for _, f := range fs {
		want.assigned = append(want.assigned, c.AddFeatures(f))
	}
	c.Close()
	for k := 0; k <= len(fs); k += step {
		var got streamRun
		p := New(got.options(opt))
		for _, f := range fs[:k] {
			got.assigned = append(got.assigned, p.AddFeatures(f))
		}
		var buf bytes.Buffer
		if err := p.Save(&buf); err != nil {
			t.Fatalf("%s, k=%d: Save: %v", name, k, err)
		}
		saved := bytes.Clone(buf.Bytes())
		r, err := Restore(&buf, got.options(opt))
		if err != nil {
			t.Fatalf("%s, k=%d: Restore: %v", name, k, err)
		}
		var again bytes.Buffer
		if err := r.Save(&again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(saved, again.Bytes()) {
			t.Errorf("%s, k=%d: a restored Clusterer saves %d bytes unlike the %d it was restored from", name, k, again.Len(), len(saved))
		}
		for _, f := range fs[k:] {
			got.assigned = append(got.assigned, r.AddFeatures(f))
		}
		r.Close()
		if d := cmp.Diff(want.assigned, got.assigned); d != "" {
			t.Errorf("%s, k=%d: assignments differ (-straight +restored):\n%s", name, k, d)
		}
		if d := cmp.Diff(want.closed, got.closed); d != "" {
			t.Errorf("%s, k=%d: stories differ (-straight +restored):\n%s", name, k, d)
		}
		if r.Stats() != c.Stats() {
			t.Errorf("%s, k=%d: stats %+v; want %+v", name, k, r.Stats(), c.Stats())
		}
	}
	return c.Stats()
}

func TestRestoreErrors(t *testing.T) {
	var buf bytes.Buffer
	c := New(Options{Now: fixedNow})
	c.Add(synthDoc(1, 1, 3, time.Time{}))
	if err := c.Save(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	for _, tc := range []struct{ name, in, msg string }{
		{"empty", "", "no header"},
		{"other file", "{\"id\":\"a1\"}\n", "no header"},
		{"other version", strings.Replace(good, "state 4\n", "state 3\n", 1), `version "3", this build reads version 4`},
		{"truncated", good[:len(good)/2], "not a cluster state"},
		{"header only", good[:strings.IndexByte(good, '\n')+1], "not a cluster state"},
	} {
		_, err := Restore(strings.NewReader(tc.in), Options{})
		if !errors.Is(err, ErrState) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: Restore = %v; want ErrState with %q", tc.name, err, tc.msg)
		}
	}
}

// failAfter reads n bytes of a state and then fails.
type failAfter struct {
	r io.Reader
	n int
}

var errDisk = errors.New("disk on fire")

func (f *failAfter) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errDisk
	}
	p = p[:min(len(p), f.n)]
	n, err := f.r.Read(p)
	f.n -= n
	return n, err
}

// A reader's own failure is reported as such, not as a damaged state.
func TestRestoreReadError(t *testing.T) {
	var buf bytes.Buffer
	c := New(Options{Now: fixedNow})
	c.Add(synthDoc(1, 1, 3, time.Time{}))
	if err := c.Save(&buf); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 10, buf.Len() / 2} {
		_, err := Restore(&failAfter{bytes.NewReader(buf.Bytes()), n}, Options{})
		if !errors.Is(err, errDisk) || errors.Is(err, ErrState) {
			t.Errorf("Restore failing after %d bytes = %v; want the reader's error", n, err)
		}
	}
}

// FuzzRestore checks that Restore never panics and that whatever it
// accepts saves and restores again.
func FuzzRestore(f *testing.F) {
	var buf bytes.Buffer
	c := New(Options{Now: fixedNow, MaxActive: 3})
	for _, d := range stateStream()[:20] {
		c.Add(d)
	}
	if err := c.Save(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(stateMagic + "1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Restore(bytes.NewReader(b), Options{Now: fixedNow})
		if err != nil {
			if !errors.Is(err, ErrState) {
				t.Fatalf("Restore = %v; want an ErrState", err)
			}
			return
		}
		var out bytes.Buffer
		if err := c.Save(&out); err != nil {
			t.Fatalf("Save after Restore: %v", err)
		}
		if _, err := Restore(&out, Options{}); err != nil {
			t.Fatalf("Restore of a saved restored state: %v", err)
		}
	})
}
