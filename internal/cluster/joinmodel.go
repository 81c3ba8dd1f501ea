package cluster

import "math"

// joinWeights are what each signature channel adds to a join's score when
// the article agrees with the story's members (agree) and subtracts when
// it conflicts (conflict), in the units of the cosine score. They are the
// coefficients of a logistic regression of "same gold story" over article
// pairs of the dev sets (cosine and the channels' agreement and conflict),
// each divided by the cosine's coefficient; TestFitJoinModel fits them
// and, with -update, rewrites joinweights.go.
var joinWeights = fittedJoinWeights

// coreSigs is how many of a story's first members' signatures a join is
// checked against, besides its most recent members'.
const coreSigs = 3

// weighSignature adds to sc the agreement and conflict of the article's
// signature with those of s's first and most recent members.
func (c *Clusterer) weighSignature(sc *scored, v vec, s *story) {
	if v.sig == nil {
		return
	}
	var buf [maxReps + coreSigs]*Signature
	ms := buf[:0]
	for _, r := range s.vecs[:min(coreSigs, len(s.vecs))] {
		ms = append(ms, r.sig)
	}
	for _, r := range s.reps {
		ms = append(ms, r.sig)
	}
	sc.agree, sc.conflict = sigMatch(v.sig, ms, c.rarity)
	var add float64
	for ch := range numSig {
		add += sc.agree[ch] * joinWeights[0][ch]
		if sc.conflict[ch] {
			add -= joinWeights[1][ch]
		}
	}
	sc.sig = add
	sc.score += add
}

// rarity is how rare a feature key is in the stream, from 0 (in every
// article) to 1 (in none before): its IDF over the largest IDF.
func (c *Clusterer) rarity(k uint64) float64 {
	logN := math.Log(c.n+1) + 1
	return max(0, logN-log1(c.df.get(k))) / logN
}

// explainSignature fills the signature part of ex from sc.
func explainSignature(ex *Explanation, sc scored) {
	ex.Signature = sc.sig
	for ch := range numSig {
		if sc.agree[ch] > 0 && joinWeights[0][ch] > 0 {
			ex.Agree = append(ex.Agree, sigNames[ch])
		}
		if sc.conflict[ch] && joinWeights[1][ch] > 0 {
			ex.Conflict = append(ex.Conflict, sigNames[ch])
		}
	}
}
