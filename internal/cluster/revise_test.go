package cluster

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// bout is an invented heavyweight fight: what its reports name.
type bout struct {
	opponent, city, venue, round, trainer string
	crowd                                 int
}

var (
	hamburg = bout{"Marco Silva", "Hamburg", "Volksparkstadion", "seventh", "Luis Moreno", 41000}
	cardiff = bout{"Daniel Okafor", "Cardiff", "Principality Stadium", "fifth", "Grace Adeyemi", 73000}
)

// fight writes the n-th report (n < 16, each different) of a bout: the
// champion and the words every report of such a fight shares, and the
// bout's own opponent, city, venue, round, crowd and people.
func fight(id string, n int, b bout) news.Document {
	leads := []string{
		"Champion Ivan Petrov stopped %[1]s in the %[4]s round in %[2]s on Saturday to keep his heavyweight title.",
		"Ivan Petrov kept his heavyweight belts by stopping challenger %[1]s in the %[4]s round at the %[3]s.",
		"In %[2]s, heavyweight champion Ivan Petrov beat %[1]s, the referee ending the bout in the %[4]s round.",
		"%[1]s lost to Ivan Petrov in the %[4]s round of their heavyweight title fight at the %[3]s in %[2]s.",
	}
	extras := []string{
		"A crowd of %[6]d watched at the %[3]s as Petrov landed a right hand that sent %[1]s to the canvas.",
		"%[1]s had promised an upset, and his trainer %[5]s said the stoppage in the %[4]s came too early.",
		"Petrov, who has not lost in six years, said %[1]s had been his hardest opponent since he won the title.",
		"The promoter said %[6]d tickets were sold for the %[3]s, a record for a heavyweight title fight in %[2]s.",
	}
	f := func(s string) string { return fmt.Sprintf(s, b.opponent, b.city, b.venue, b.round, b.trainer, b.crowd) }
	text := f(leads[n%4]) + "\n\n" + f(extras[(n/4)%4]) + "\n\n" + f(extras[(n/4+1+n%2)%4])
	return news.Document{Article: news.Article{ID: id, Source: fmt.Sprintf("Outlet %d", n), Text: text}}
}

func TestSplit(t *testing.T) {
	var docs []news.Document
	// Four reports of the first bout, then both bouts' reports in turn:
	// with a threshold this low the second bout's first report can only
	// join the first bout's story.
	for i := range 4 {
		docs = append(docs, fight(fmt.Sprintf("a%d", i), i, hamburg))
	}
	for i := range 4 {
		docs = append(docs, fight(fmt.Sprintf("b%d", i), i+5, cardiff))
		docs = append(docs, fight(fmt.Sprintf("a%d", i+4), i+8, hamburg))
	}
	ids := func(as map[string]Assignment) []string {
		stories := map[string][]string{}
		for id, a := range as {
			stories[a.Story] = append(stories[a.Story], id)
		}
		var out []string
		for _, m := range stories {
			slices.Sort(m)
			out = append(out, strings.Join(m, " "))
		}
		slices.Sort(out)
		return out
	}
	merged := run(t, Options{Threshold: 0.05, Immediate: true, Window: -1}, docs)
	if got := ids(merged); len(got) != 1 {
		t.Fatalf("without the split test: stories %q; want the two bouts merged into one (the test needs that)", got)
	}
	split := run(t, Options{Threshold: 0.05, Window: -1}, docs)
	want := []string{"a0 a1 a2 a3 a4 a5 a6 a7", "b0 b1 b2 b3"}
	if got := ids(split); !slices.Equal(got, want) {
		t.Errorf("with the split test: stories %q; want %q", got, want)
	}
	// b0 (at least) was in the first story when it split; the reports
	// of the second bout that came later joined their own story.
	if a := split["b0"]; a.SplitFrom != split["a0"].Story {
		t.Errorf("b0: split_from %q; want %q, the story it left", a.SplitFrom, split["a0"].Story)
	}
	for id, a := range split {
		if strings.HasPrefix(id, "a") && a.SplitFrom != "" {
			t.Errorf("%s: split_from %q; want none, the first bout's reports stay", id, a.SplitFrom)
		}
	}

	// Eight reports of one bout, told differently, stay one story.
	var one []news.Document
	for i := range 8 {
		one = append(one, fight(fmt.Sprintf("c%d", i), 2*i, hamburg))
	}
	if got := ids(run(t, Options{Threshold: 0.05, Window: -1}, one)); len(got) != 1 {
		t.Errorf("one bout: stories %q; want one", got)
	}
}

// A split keeps the story's time span, outlets and near-duplicates right.
func TestSplitKeepsDuplicatesAndSpan(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 5, d, 12, 0, 0, 0, time.UTC) }
	var docs []news.Document
	for i := range 4 {
		d := fight(fmt.Sprintf("a%d", i), i, hamburg)
		d.Published = day(1)
		docs = append(docs, d)
	}
	for i := range 4 {
		b := fight(fmt.Sprintf("b%d", i), i+5, cardiff)
		b.Published = day(3 + i)
		docs = append(docs, b)
		if i == 1 {
			cp := b
			cp.ID, cp.Source = "b1-copy", "Wire reprint"
			docs = append(docs, cp)
		}
	}
	var stories []Story
	as := run(t, Options{Threshold: 0.05, Window: -1, OnClose: func(s Story) { stories = append(stories, s) }}, docs)
	if as["b1-copy"].Story != as["b1"].Story || as["b1-copy"].DuplicateOf != "b1" {
		t.Errorf("copy of b1: %+v; want it with b1 (%s) as its duplicate", as["b1-copy"], as["b1"].Story)
	}
	for _, s := range stories {
		if s.ID != as["b0"].Story {
			continue
		}
		if !s.First.Equal(day(3)) || !s.Last.Equal(day(6)) || s.Size != 5 || s.Unique != 4 || !slices.Contains(s.Outlets, "Wire reprint") {
			t.Errorf("split-off story: first %v last %v size %d unique %d outlets %q; want May 3 to 6, 5 articles, 4 unique, the reprint's outlet",
				s.First, s.Last, s.Size, s.Unique, s.Outlets)
		}
	}
}

// A story of one article that opened before the story of its event grew
// joins that story as it closes (x and y share little: the first two
// reports open two stories, and the later ones tie them together).
func TestRejoin(t *testing.T) {
	doc := func(id, text string) news.Document {
		return news.Document{Article: news.Article{ID: id, Source: id, Text: text}}
	}
	docs := []news.Document{
		doc("x", "Flood water cut the Norrin valley road near Kessel on Tuesday. The army sent boats to Kessel."),
		doc("y", "Volunteers in Brackmoor filled sandbags as the Tavy river rose. Schools in Brackmoor closed."),
		doc("z", "The Tavy river burst its banks at Brackmoor and flood water cut the Norrin valley road near Kessel."),
		doc("w", "Schools closed in Brackmoor and the army sent boats to Kessel after the Tavy river flooded."),
		doc("v", "Brackmoor volunteers and army boats at Kessel: the Tavy river flood cut the Norrin valley road."),
	}
	for _, tc := range []struct {
		name string
		opt  Options
		want int
	}{{"immediate", Options{Immediate: true}, 2}, {"second chance", Options{}, 1}} {
		tc.opt.Threshold, tc.opt.Window = 0.25, -1
		as := run(t, tc.opt, docs)
		stories := map[string]bool{}
		for _, a := range as {
			stories[a.Story] = true
		}
		if len(stories) != tc.want {
			t.Errorf("%s: %d stories %v; want %d", tc.name, len(stories), as, tc.want)
		}
		rejoined := 0
		for _, a := range as {
			if a.RejoinedFrom != "" {
				rejoined++
			}
		}
		if (rejoined > 0) != (tc.want == 1) {
			t.Errorf("%s: %d articles with rejoined_from; want them exactly when a story rejoined", tc.name, rejoined)
		}
	}
}

// ranked agrees with sorting every candidate.
func TestRanked(t *testing.T) {
	for n := range 40 {
		hits := map[*story]float64{}
		for i := range n {
			hits[&story{seq: i}] = float64((i * 7919) % 5) // many ties
		}
		var all []scored
		for s, h := range hits {
			all = append(all, scored{s: s, score: h})
		}
		slices.SortFunc(all, func(a, b scored) int {
			if a.score != b.score {
				return cmp.Compare(b.score, a.score)
			}
			return cmp.Compare(a.s.seq, b.s.seq)
		})
		got := ranked(hits)
		want := all[:min(maxCands, len(all))]
		if len(got) != len(want) {
			t.Fatalf("n=%d: %d candidates; want %d", n, len(got), len(want))
		}
		for i := range got {
			if got[i].s != want[i].s {
				t.Fatalf("n=%d: candidate %d is seq %d; want seq %d", n, i, got[i].s.seq, want[i].s.seq)
			}
		}
	}
}

// With a tiny active set, stories are evicted while others split and
// rejoin; every article still ends in exactly one story.
func TestReviseWithEvictions(t *testing.T) {
	var docs []news.Document
	for i := range 12 {
		b := hamburg
		if i%3 == 1 {
			b = cardiff
		}
		docs = append(docs, fight(fmt.Sprintf("f%d", i), i, b))
		docs = append(docs, news.Document{Article: news.Article{ID: fmt.Sprintf("o%d", i), Text: fmt.Sprintf("The council of town %d voted on a budget for road %d.", i, i)}})
	}
	for _, maxActive := range []int{1, 2, 3, 5} {
		seen := map[string]int{}
		c := New(Options{Threshold: 0.05, Window: -1, MaxActive: maxActive, Now: fixedNow, OnClose: func(s Story) {
			for _, m := range s.Members {
				seen[m.ID]++
			}
		}})
		for _, d := range docs {
			c.Add(d)
		}
		c.Close()
		for _, d := range docs {
			if seen[d.ID] != 1 {
				t.Errorf("MaxActive %d: %s reported in %d stories; want 1", maxActive, d.ID, seen[d.ID])
			}
		}
	}
}

// Splits, rejoins and evictions give the same stories on every run (map
// order changes from run to run).
func TestReviseDeterministic(t *testing.T) {
	var docs []news.Document
	for i := range 16 {
		b := hamburg
		if i%2 == 1 {
			b = cardiff
		}
		docs = append(docs, fight(fmt.Sprintf("f%d", i), i, b))
	}
	var first map[string]Assignment
	for range 10 {
		got := run(t, Options{Threshold: 0.05, Window: -1, MaxActive: 2}, docs)
		if first == nil {
			first = got
			continue
		}
		for id, a := range got {
			if a.Story != first[id].Story {
				t.Fatalf("%s: story %s, earlier run %s", id, a.Story, first[id].Story)
			}
		}
	}
}
