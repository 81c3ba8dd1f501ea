package cluster

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/benchdata"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
)

var devFlag = flag.Bool("dev", false, "score the clustering dev sets in ../shared/bench/clustering")

// devSets are the sets the dev tests score.
var devSets = []string{"ecbplus-dev", "basil-dev", "mixed-dev", neusSet}

// loadDev reads a dev corpus and its gold stories, cleaned and analyzed as
// the command does.
func loadDev(t testing.TB, name string) ([]*Features, map[string]string) {
	t.Helper()
	if name == neusSet {
		return loadNeus(t)
	}
	dir := filepath.Join(benchdata.Root(), "clustering")
	if benchdata.Root() == "" {
		t.Skip("../shared/bench not found: skipping the dev-set evaluation")
	}
	gold := map[string]string{}
	gf, err := os.Open(filepath.Join(dir, name+".gold.jsonl"))
	if err != nil {
		t.Skipf("skipping: dev set %s not found (the dev sets are not in the repository): %v", name, err)
	}
	defer gf.Close()
	sc := bufio.NewScanner(gf)
	for sc.Scan() {
		var g struct{ ID, Story string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		gold[g.ID] = g.Story
	}
	var fs []*Features
	p := newPreparer()
	r := ingest.NewReader(ingest.Options{})
	err = r.Read(context.Background(), []string{filepath.Join(dir, name+".jsonl")}, func(a news.Article) error {
		fs = append(fs, p.features(a))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fs, gold
}

// preparer cleans and analyzes articles as the command does; an article
// left without text is kept with its headline, as the command keeps it.
type preparer struct {
	cl *clean.Cleaner
	z  *analyze.Analyzer
}

func newPreparer() preparer {
	return preparer{&clean.Cleaner{}, &analyze.Analyzer{Options: analyze.Options{SkipQuotes: true}}}
}

func (p preparer) features(a news.Article) *Features {
	c, err := p.cl.Clean(a)
	if err != nil {
		c = a
		c.Text = ""
	}
	return Extract(p.z.Analyze(c))
}

// neusSet is the clustering set made from the summaries dev set
// (../shared/bench/summaries/neus-val.jsonl): the three outlets' excerpts of
// each AllSides story are one gold story. The excerpts are short (58 words
// on average) and undated, and the stories span years of the same
// politicians: the set tests precision where no time window helps. The file
// lists a story's articles together, which a stream would find trivially, so
// they are shuffled (seed 7, as the bench shuffles its clustering sets).
const neusSet = "neus-val"

// loadNeus reads neusSet.
func loadNeus(t testing.TB) ([]*Features, map[string]string) {
	t.Helper()
	if benchdata.Root() == "" {
		t.Skip("../shared/bench not found: skipping the dev-set evaluation")
	}
	file, err := os.Open(filepath.Join(benchdata.Root(), "summaries", "neus-val.jsonl"))
	if err != nil {
		t.Skipf("skipping: dev set %s not found (the dev sets are not in the repository): %v", neusSet, err)
	}
	defer file.Close()
	gold := map[string]string{}
	var fs []*Features
	p := newPreparer()
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var s struct {
			ID       string
			Articles []struct{ ID, Source, URL, Title, Text string }
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		for _, a := range s.Articles {
			gold[a.ID] = s.ID
			fs = append(fs, p.features(news.Article{ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Text: a.Text}))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	rand.New(rand.NewPCG(7, 7)).Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
	return fs, gold
}

// runDev clusters fs in publication order and returns id -> story.
func runDev(fs []*Features, opt Options) map[string]string {
	pred := map[string]string{}
	opt.OnClose = func(s Story) {
		for _, m := range s.Members {
			pred[m.ID] = s.ID
		}
	}
	c := New(opt)
	o := Order[*Features]{Size: 1 << 30}
	add := func(f *Features) { c.AddFeatures(f) }
	for _, f := range fs {
		if g, ok := o.Push(f.Published, f); ok {
			add(g)
		}
	}
	o.Drain(add)
	c.Close()
	return pred
}

// bcubed returns the B-cubed precision, recall and F1 of pred against gold.
func bcubed(gold, pred map[string]string) (p, r, f float64) {
	gs, ps := map[string]int{}, map[string]int{}
	both := map[[2]string]int{}
	for id, g := range gold {
		s, ok := pred[id]
		if !ok {
			s = "missing:" + id
		}
		gs[g]++
		ps[s]++
		both[[2]string{g, s}]++
	}
	for id, g := range gold {
		s, ok := pred[id]
		if !ok {
			s = "missing:" + id
		}
		n := float64(both[[2]string{g, s}])
		p += n / float64(ps[s])
		r += n / float64(gs[g])
	}
	p /= float64(len(gold))
	r /= float64(len(gold))
	return p, r, 2 * p * r / (p + r)
}

// devFloors are the B-cubed F1 scores under which TestDevFloors fails: a
// little (0.01) under what the default Options score in process today
// (ECB+ 0.881, BASIL 0.996, mixed 0.904, NeuS 0.788 in file order; mean
// of 5 orders 0.892, 0.989, 0.905, 0.784). Raise them when the scores
// rise.
var devFloors = map[string]float64{
	"ecbplus-dev": 0.868,
	"basil-dev":   0.99,
	"mixed-dev":   0.899,
	neusSet:       0.778,
}

// TestDevFloors clusters each dev set with the default Options and fails
// when its B-cubed F1 falls under its floor. It skips when the dev sets
// (../shared/bench, not in the repository) are absent.
func TestDevFloors(t *testing.T) {
	for _, set := range devSets {
		t.Run(set, func(t *testing.T) {
			fs, gold := loadDev(t, set)
			_, _, f := bcubed(gold, runDev(fs, Options{}))
			t.Logf("%s: B-cubed F1 %.4f (floor %.3f)", set, f, devFloors[set])
			if f < devFloors[set] {
				t.Errorf("%s: B-cubed F1 %.4f is under its floor %.3f", set, f, devFloors[set])
			}
		})
	}
}

// TestDevSets scores the clusterer on devSets (run with -dev -v).
// Environment: CLUSTER_THRESHOLD=x or CLUSTER_SWEEP=1 (thresholds 0.10 to
// 0.34), CLUSTER_SPLIT=x (a negative value turns the split test off),
// CLUSTER_WINDOW=duration, CLUSTER_MAXSPAN=duration, CLUSTER_UNDATED=x
// (Options.UndatedThreshold), CLUSTER_W=word,name,number,date,entity weights,
// CLUSTER_SHUFFLE=seed (articles in a random order; articles without a
// date, most of ECB+ and all of NeuS, are processed in that order),
// CLUSTER_ORDERS=n (the mean, min and max over n shuffled orders).
func TestDevSets(t *testing.T) {
	if !*devFlag {
		t.Skip("run with -dev to score the dev sets")
	}
	sets := devSets
	data := map[string][]*Features{}
	golds := map[string]map[string]string{}
	for _, s := range sets {
		data[s], golds[s] = loadDev(t, s)
	}
	ths := []float64{DefaultThreshold}
	if v := os.Getenv("CLUSTER_THRESHOLD"); v != "" {
		var x float64
		fmt.Sscanf(v, "%g", &x)
		ths = []float64{x}
	}
	if v := os.Getenv("CLUSTER_SWEEP"); v != "" {
		ths = nil
		for x := 0.10; x < 0.36; x += 0.02 {
			ths = append(ths, x)
		}
	}
	for _, th := range ths {
		line := fmt.Sprintf("t=%.2f", th)
		var sum float64
		for _, s := range sets {
			opt := Options{Threshold: th}
			if v := os.Getenv("CLUSTER_SPLIT"); v != "" {
				fmt.Sscanf(v, "%g", &opt.Split)
				opt.Immediate = opt.Split < 0
			}
			if w := os.Getenv("CLUSTER_WINDOW"); w != "" {
				opt.Window, _ = time.ParseDuration(w)
			}
			if w := os.Getenv("CLUSTER_MAXSPAN"); w != "" {
				opt.MaxSpan, _ = time.ParseDuration(w)
			}
			if v := os.Getenv("CLUSTER_UNDATED"); v != "" {
				fmt.Sscanf(v, "%g", &opt.UndatedThreshold)
			}
			if w := os.Getenv("CLUSTER_W"); w != "" {
				var x [5]float32
				fmt.Sscanf(w, "%f,%f,%f,%f,%f", &x[0], &x[1], &x[2], &x[3], &x[4])
				opt.Weights = Weights{x[0], x[1], x[2], x[3], x[4]}
			}
			fs := data[s]
			if v := os.Getenv("CLUSTER_SHUFFLE"); v != "" {
				var seed uint64
				fmt.Sscanf(v, "%d", &seed)
				fs = slices.Clone(fs)
				rand.New(rand.NewPCG(seed, seed)).Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
			}
			if v := os.Getenv("CLUSTER_ORDERS"); v != "" {
				var n int
				fmt.Sscanf(v, "%d", &n)
				f, lo, hi := ordersScore(fs, golds[s], opt, n)
				sum += f
				line += fmt.Sprintf("  %s F=%.4f (%.3f–%.3f)", s, f, lo, hi)
				continue
			}
			pred := runDev(fs, opt)
			p, r, f := bcubed(golds[s], pred)
			n := map[string]bool{}
			for _, v := range pred {
				n[v] = true
			}
			sum += f
			line += fmt.Sprintf("  %s P=%.3f R=%.3f F=%.4f (%d)", s, p, r, f, len(n))
		}
		t.Log(line, fmt.Sprintf(" mean=%.4f", sum/float64(len(sets))))
	}
	_ = sort.Strings
}
