package cluster

import (
	"fmt"
	"math"
	"testing"
)

// TestDevCeiling measures what the features can do at best, without the
// stream: every article's TF-IDF vector with IDF from the whole set and the
// default channel weights, clustered by average-link agglomeration at a grid
// of thresholds, with no time window (run with -dev -v). It shows how much
// of a shortfall is the representation and how much the single pass.
func TestDevCeiling(t *testing.T) {
	if !*devFlag {
		t.Skip("run with -dev to measure the batch ceiling on the dev sets")
	}
	var w [numKinds]float64
	for k, x := range New(Options{}).w {
		w[k] = float64(x)
	}
	for _, set := range devSets {
		fs, gold := loadDev(t, set)
		sim := batchSimilarities(fs, w)
		line := set
		for _, th := range []float64{0.12, 0.15, 0.18, 0.21, 0.24, 0.27} {
			lab := averageLink(sim, th)
			pred := map[string]string{}
			for i, f := range fs {
				pred[f.ID] = fmt.Sprint(lab[i])
			}
			_, _, f := bcubed(gold, pred)
			line += fmt.Sprintf("  t=%.2f F=%.4f", th, f)
		}
		t.Log(line)
	}
}

// batchSimilarities returns the cosine between every two articles' unit
// TF-IDF vectors, with IDF counted over all of fs.
func batchSimilarities(fs []*Features, w [numKinds]float64) [][]float64 {
	df := map[uint64]int{}
	for _, f := range fs {
		for _, ft := range f.Terms {
			df[ft.Key]++
		}
	}
	n := float64(len(fs))
	vs := make([]map[uint64]float64, len(fs))
	for i, f := range fs {
		v := map[uint64]float64{}
		var norm float64
		for _, ft := range f.Terms {
			x := w[ft.Kind] * float64(tfWeight(ft.TF)) * (math.Log((n+1)/(float64(df[ft.Key])+1)) + 1)
			v[ft.Key] = x
			norm += x * x
		}
		for k := range v {
			v[k] /= math.Sqrt(norm)
		}
		vs[i] = v
	}
	sim := make([][]float64, len(fs))
	for i := range sim {
		sim[i] = make([]float64, len(fs))
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			var d float64
			for k, x := range vs[i] {
				d += x * vs[j][k]
			}
			sim[i][j], sim[j][i] = d, d
		}
	}
	return sim
}

// averageLink merges the two clusters of highest mean similarity until none
// reaches th, and returns each item's cluster.
func averageLink(sim [][]float64, th float64) []int {
	n := len(sim)
	sum := make([][]float64, n) // between-cluster similarity sums
	size := make([]int, n)
	lab := make([]int, n)
	for i := range sum {
		sum[i] = append([]float64(nil), sim[i]...)
		size[i], lab[i] = 1, i
	}
	for {
		a, b, best := -1, -1, th
		for i := range n {
			for j := i + 1; size[i] > 0 && j < n; j++ {
				if size[j] > 0 {
					if m := sum[i][j] / float64(size[i]*size[j]); m >= best {
						a, b, best = i, j, m
					}
				}
			}
		}
		if a < 0 {
			return lab
		}
		for k := range n {
			sum[a][k] += sum[b][k]
			sum[k][a] = sum[a][k]
		}
		size[a] += size[b]
		size[b] = 0
		for i := range lab {
			if lab[i] == b {
				lab[i] = a
			}
		}
	}
}
