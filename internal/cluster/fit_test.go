package cluster

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"go/format"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var updateFlag = flag.Bool("update", false, "with -dev: rewrite joinweights.go from TestFitJoinModel's fit")

// fitSets are the sets the join model is fitted on; mixed-dev is the first
// two pooled, so it is only scored.
var fitSets = []string{"ecbplus-dev", "basil-dev", neusSet}

// fitHalf says which half of its set a gold story is in: ECB+ by topic
// (both events of a topic on one side), the others by story.
func fitHalf(story string) int {
	if t, _, ok := strings.Cut(story, "-ecb"); ok {
		if n, err := strconv.Atoi(t); err == nil {
			return n % 2
		}
	}
	if n, ok := strings.CutPrefix(story, neusSet+"-"); ok {
		if x, err := strconv.Atoi(n); err == nil {
			return x % 2
		}
	}
	h := fnv.New32a()
	h.Write([]byte(story))
	return int(h.Sum32() % 2)
}

// pairX are the inputs of the pair model: a bias, the cosine, and each
// channel's agreement and conflict.
func pairX(cos float64, agree [numSig]float64, conflict [numSig]bool) []float64 {
	x := make([]float64, 2+2*numSig)
	x[0], x[1] = 1, cos
	for c := range numSig {
		x[2+c] = agree[c]
		if conflict[c] {
			x[2+numSig+c] = 1
		}
	}
	return x
}

// fitMin and fitMax bound the batch cosine of the pairs fitted on (CLUSTER_FIT=min,max).
var fitMin, fitMax = 0.05, 1.0

// fitNear, when above 0, keeps each article's fitNear nearest pairs only (CLUSTER_NEAR).
var fitNear = 5

type pairRow struct {
	x []float64
	y float64
	w float64
}

// fitPairs returns the article pairs of one set, within half (0 or 1; -1
// both), whose batch cosine reaches 0.05: those a clusterer must decide.
func fitPairs(fs []*Features, gold map[string]string, half int) []pairRow {
	var in []*Features
	for _, f := range fs {
		if g, ok := gold[f.ID]; ok && (half < 0 || fitHalf(g) == half) {
			in = append(in, f)
		}
	}
	var w [numKinds]float64
	for k, x := range New(Options{}).w {
		w[k] = float64(x)
	}
	sim := batchSimilarities(in, w)
	df := map[uint64]int{}
	for _, f := range in {
		for _, ft := range f.Terms {
			df[ft.Key]++
		}
	}
	logN := math.Log(float64(len(in))+1) + 1
	rare := func(k uint64) float64 { return max(0, logN-math.Log(float64(df[k])+1)) / logN }
	// With fitNear > 0, only the pairs of each article with its fitNear
	// most similar ones: those a single pass decides on.
	near := map[[2]int]bool{}
	if fitNear > 0 {
		for i := range in {
			idx := make([]int, 0, len(in))
			for j := range in {
				if j != i {
					idx = append(idx, j)
				}
			}
			slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(sim[i][b], sim[i][a]) })
			for _, j := range idx[:min(fitNear, len(idx))] {
				near[[2]int{min(i, j), max(i, j)}] = true
			}
		}
	}
	var rows []pairRow
	for i := range in {
		for j := i + 1; j < len(in); j++ {
			if sim[i][j] < fitMin || sim[i][j] > fitMax || fitNear > 0 && !near[[2]int{i, j}] {
				continue
			}
			ag, cf := sigMatch(&in[i].Sig, []*Signature{&in[j].Sig}, rare)
			y := 0.0
			if gold[in[i].ID] == gold[in[j].ID] {
				y = 1
			}
			rows = append(rows, pairRow{x: pairX(sim[i][j], ag, cf), y: y})
		}
	}
	return rows
}

// logistic fits weights by Newton's method with a small ridge.
func logistic(rows []pairRow, dim int) []float64 {
	b := make([]float64, dim)
	for it := 0; it < 25; it++ {
		g := make([]float64, dim)
		h := make([]float64, dim*dim)
		for _, r := range rows {
			var z float64
			for k, x := range r.x {
				z += b[k] * x
			}
			p := 1 / (1 + math.Exp(-z))
			for k, x := range r.x {
				g[k] += r.w * (p - r.y) * x
				for l, xl := range r.x {
					h[k*dim+l] += r.w * p * (1 - p) * x * xl
				}
			}
		}
		for k := range dim {
			g[k] += 1e-3 * b[k]
			h[k*dim+k] += 1e-3
		}
		d := solve(h, g, dim)
		for k := range b {
			b[k] -= d[k]
		}
	}
	return b
}

// solve solves a x = y by Gaussian elimination with partial pivoting.
func solve(a, y []float64, n int) []float64 {
	a, y = slices.Clone(a), slices.Clone(y)
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r*n+c]) > math.Abs(a[p*n+c]) {
				p = r
			}
		}
		for k := range n {
			a[c*n+k], a[p*n+k] = a[p*n+k], a[c*n+k]
		}
		y[c], y[p] = y[p], y[c]
		for r := c + 1; r < n; r++ {
			f := a[r*n+c] / a[c*n+c]
			for k := c; k < n; k++ {
				a[r*n+k] -= f * a[c*n+k]
			}
			y[r] -= f * y[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := y[r]
		for k := r + 1; k < n; k++ {
			s -= a[r*n+k] * x[k]
		}
		x[r] = s / a[r*n+r]
	}
	return x
}

// ordersScore clusters fs in file order (seed 0) and in orders shuffled
// with seeds 1..n, and returns the mean, min and max B-cubed F1 over the
// shuffled orders (file order alone when n is 0).
func ordersScore(fs []*Features, gold map[string]string, opt Options, n int) (mean, lo, hi float64) {
	lo, hi = 2, -1
	runs := 0
	for seed := 0; seed <= n; seed++ {
		if n > 0 && seed == 0 {
			continue
		}
		in := fs
		if seed > 0 {
			in = slices.Clone(fs)
			rand.New(rand.NewPCG(uint64(seed), uint64(seed))).Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		}
		_, _, f := bcubed(gold, runDev(in, opt))
		mean += f
		lo, hi = min(lo, f), max(hi, f)
		runs++
	}
	return mean / float64(runs), lo, hi
}

// halfOf returns the articles of fs, and their gold, in one half.
func halfOf(fs []*Features, gold map[string]string, half int) ([]*Features, map[string]string) {
	var out []*Features
	g := map[string]string{}
	for _, f := range fs {
		if s, ok := gold[f.ID]; ok && fitHalf(s) == half {
			out = append(out, f)
			g[f.ID] = s
		}
	}
	return out, g
}

// TestFitJoinModel fits the join model (joinWeights) on half 0 of each
// of fitSets, each set weighing the same, and scores the clusterer with
// no signature weights, with the shipped ones and with the new fit, on
// each half and each whole set (mean of 5 orders). With -update it
// writes the fit to joinweights.go. Run with -dev -v.
func TestFitJoinModel(t *testing.T) {
	if !*devFlag {
		t.Skip("run with -dev to fit the join model on the dev sets")
	}
	dim := 2 + 2*numSig
	if v := os.Getenv("CLUSTER_NEAR"); v != "" {
		fitNear, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("CLUSTER_FIT"); v != "" {
		fmt.Sscanf(v, "%g,%g", &fitMin, &fitMax)
	}
	var train []pairRow
	data := map[string][]*Features{}
	golds := map[string]map[string]string{}
	for _, set := range append(slices.Clone(fitSets), "mixed-dev") {
		data[set], golds[set] = loadDev(t, set)
	}
	for _, set := range fitSets {
		rows := fitPairs(data[set], golds[set], 0)
		var pos, neg [2][numSig]int
		var npos, nneg int
		for i := range rows {
			rows[i].w = 1 / float64(len(rows))
			for c := range numSig {
				if rows[i].y == 1 {
					pos[0][c] += int(math.Ceil(rows[i].x[2+c]))
					pos[1][c] += int(rows[i].x[2+numSig+c])
				} else {
					neg[0][c] += int(math.Ceil(rows[i].x[2+c]))
					neg[1][c] += int(rows[i].x[2+numSig+c])
				}
			}
			if rows[i].y == 1 {
				npos++
			} else {
				nneg++
			}
		}
		line := fmt.Sprintf("%s: %d pairs (%d same):", set, len(rows), npos)
		for c := range numSig {
			line += fmt.Sprintf(" %s agree %.2f/%.2f conflict %.2f/%.2f;", sigNames[c],
				float64(pos[0][c])/float64(max(npos, 1)), float64(neg[0][c])/float64(max(nneg, 1)),
				float64(pos[1][c])/float64(max(npos, 1)), float64(neg[1][c])/float64(max(nneg, 1)))
		}
		t.Log(line + " (same/different)")
		train = append(train, rows...)
	}
	b := logistic(train, dim)
	var fit [2][numSig]float64
	for c := range numSig {
		// In cosine units; a channel whose sign came out against its
		// meaning (agreement against a join) adds nothing.
		fit[0][c] = math.Max(0, b[2+c]/b[1])
		fit[1][c] = math.Max(0, -b[2+numSig+c]/b[1])
	}
	t.Logf("logit: bias %.3f cosine %.3f; agree %v conflict %v", b[0], b[1], fmtW(b[2:2+numSig]), fmtW(b[2+numSig:]))
	t.Logf("fit (cosine units): agree %v conflict %v", fmtW(fit[0][:]), fmtW(fit[1][:]))
	orders := 5
	if v := os.Getenv("CLUSTER_ORDERS"); v != "" {
		orders, _ = strconv.Atoi(v)
	}
	saved := joinWeights
	defer func() { joinWeights = saved }()
	// Calibration: the pair model sees pairs, not the single pass, where
	// an agreement that joins one pair too many chains stories together.
	// The agreement and conflict weights are scaled by the factors that
	// score best on the fitted halves (mean B-cubed F1 over the sets and
	// orders); the held halves are not looked at.
	bestA, bestC, bestF := 1.0, 1.0, -1.0
	for _, a := range []float64{0.4, 0.6, 0.8, 1} {
		for _, cf := range []float64{0.6, 1, 1.4} {
			for c := range numSig {
				joinWeights[0][c], joinWeights[1][c] = a*fit[0][c], cf*fit[1][c]
			}
			var sum float64
			for _, set := range append(slices.Clone(fitSets), "mixed-dev") {
				h0, g0 := halfOf(data[set], golds[set], 0)
				f, _, _ := ordersScore(h0, g0, Options{}, orders)
				sum += f
			}
			t.Logf("calibrate agree×%.1f conflict×%.1f: fit halves mean %.4f", a, cf, sum/4)
			if sum > bestF {
				bestA, bestC, bestF = a, cf, sum
			}
		}
	}
	for c := range numSig {
		fit[0][c] *= bestA
		fit[1][c] *= bestC
	}
	t.Logf("calibrated (agree×%.1f conflict×%.1f): agree %v conflict %v", bestA, bestC, fmtW(fit[0][:]), fmtW(fit[1][:]))
	models := []struct {
		name string
		w    [2][numSig]float64
	}{{"none", [2][numSig]float64{}}, {"shipped", saved}, {"fit", fit}}
	// CLUSTER_SIGSCALE=0.5,1.5 scores the fit scaled too.
	for _, v := range strings.FieldsFunc(os.Getenv("CLUSTER_SIGSCALE"), func(r rune) bool { return r == ',' }) {
		// "x" scales both, "a:c" agreement and conflict apart.
		as, cs, ok := strings.Cut(v, ":")
		if !ok {
			cs = as
		}
		a, _ := strconv.ParseFloat(as, 64)
		x, _ := strconv.ParseFloat(cs, 64)
		w := fit
		for c := range w[0] {
			w[0][c] *= a
			w[1][c] *= x
		}
		models = append(models, struct {
			name string
			w    [2][numSig]float64
		}{"fit×" + v, w})
	}
	for _, m := range models {
		joinWeights = m.w
		line := m.name + ":"
		for _, set := range append(slices.Clone(fitSets), "mixed-dev") {
			h0, g0 := halfOf(data[set], golds[set], 0)
			h1, g1 := halfOf(data[set], golds[set], 1)
			f0, _, _ := ordersScore(h0, g0, Options{}, orders)
			f1, _, _ := ordersScore(h1, g1, Options{}, orders)
			f, lo, hi := ordersScore(data[set], golds[set], Options{}, orders)
			line += fmt.Sprintf("  %s fit-half %.4f held-half %.4f all %.4f (%.3f–%.3f)", set, f0, f1, f, lo, hi)
		}
		t.Log(line)
	}
	if *updateFlag {
		var buf bytes.Buffer
		fmt.Fprintf(&buf, `package cluster

// Code generated by TestFitJoinModel (go test ./internal/cluster -run FitJoinModel -dev -update); DO NOT EDIT.

// fittedJoinWeights: agree, then conflict, per signature channel
// (%s), in cosine units.
var fittedJoinWeights = [2][numSig]float64{
	{%s},
	{%s},
}
`, strings.Join(sigNames[:], ", "), joinList(fit[0][:]), joinList(fit[1][:]))
		src, err := format.Source(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("joinweights.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func fmtW(w []float64) string {
	var s []string
	for i, x := range w {
		s = append(s, fmt.Sprintf("%s=%.3f", sigNames[i], x))
	}
	return strings.Join(s, " ")
}

func joinList(w []float64) string {
	var s []string
	for _, x := range w {
		s = append(s, strconv.FormatFloat(math.Round(x*1000)/1000, 'g', -1, 64))
	}
	return strings.Join(s, ", ")
}
