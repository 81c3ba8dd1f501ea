package compare

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// Summary scoring weights and length rule. They were set on the NeuS
// development set as a whole (scripts/eval-summaries), never on single
// stories.
const (
	wCentral   = 1.0  // how strongly other articles report the sentence
	wPosition  = 0.6  // lead sentences carry the story
	wTitle     = 1.0  // overlap with the articles' headlines
	wSupport   = 0.7  // terms that several articles use (weighted by √IDF)
	wBacked    = 0.3  // other articles state the same fact
	wQuote     = 0.4  // penalty: a sentence that is mostly a quotation
	wPronoun   = 0.25 // penalty: a sentence that opens with a pronoun or connective
	wLong      = 0.01 // penalty per word beyond longWords
	longWords  = 40
	redundant  = 0.25 // cosine above which a sentence repeats a chosen one
	lenRatio   = 0.4  // summary length: this share of the story's words …
	lenMin     = 34   // … but at least this many …
	lenDefault = 85   // … and at most this many (DefaultSummaryWords)
)

// summary picks the sentences that most articles back, lead sentences
// first among equals, skipping repeats, until the target length.
func (s *story) summary(opt Options) []Sentence {
	if len(s.units) == 0 {
		return []Sentence{}
	}
	nd := len(s.docs)
	// Headline terms, counted over articles.
	titleDF := map[int32]int{}
	for _, d := range s.docs {
		seen := map[int32]bool{}
		for _, t := range terms(d.Title, nil) {
			if id, ok := s.dict[t.key]; ok && !seen[id] {
				seen[id] = true
				titleDF[id]++
			}
		}
	}
	// Terms by the number of articles that use them.
	docsWith := make([]int, len(s.keys))
	for di := range s.docs {
		seen := map[int32]bool{}
		for u := s.docStart[di]; u < s.docStart[di+1]; u++ {
			for _, t := range s.units[u].terms {
				if !seen[t] {
					seen[t] = true
					docsWith[t]++
				}
			}
		}
	}
	type cand struct {
		u     int32
		score float64
	}
	var cands []cand
	prosePos := make([]int, len(s.units))
	for di := range s.docs {
		p := 0
		for u := s.docStart[di]; u < s.docStart[di+1]; u++ {
			prosePos[u] = p
			if s.units[u].prose {
				p++
			}
		}
	}
	best := make([]float64, nd) // the best link into each article
	var bestDocs []int
	for i := range s.units {
		u := &s.units[i]
		if !u.prose || u.words > opt.MaxSummaryWords || s.disputed[int32(i)] {
			continue // a contested figure is not the summary's to state
		}
		if s.lang != nil && s.lang[u.doc] != s.mainLang {
			continue // one language for the summary
		}
		// Centrality: the best match in each other article; backing: the
		// articles that state the same fact.
		for _, d := range bestDocs {
			best[d] = 0
		}
		bestDocs = bestDocs[:0]
		for _, k := range s.adj[i] {
			e := s.edges[k]
			o := e.a
			if o == int32(i) {
				o = e.b
			}
			d := s.units[o].doc
			if best[d] == 0 {
				bestDocs = append(bestDocs, d)
			}
			if c := float64(e.cos); c > best[d] {
				best[d] = c
			}
		}
		central := 0.0
		for _, d := range bestDocs {
			central += math.Min(1, 1.5*best[d])
		}
		if nd > 1 {
			central /= float64(nd - 1)
		}
		title := 0.0
		for _, t := range u.terms {
			title += s.weight[t] * float64(titleDF[t]) / float64(nd)
		}
		if u.w > 0 {
			title /= u.w
		}
		support := 0.0
		if nd > 1 && len(u.terms) > 0 {
			for _, t := range u.terms {
				support += float64(docsWith[t]-1) / float64(nd-1) * math.Sqrt(s.weight[t])
			}
			support /= math.Sqrt(float64(len(u.terms)))
		}
		back := 0.0
		if nd > 1 && s.groupOf != nil && s.groupOf[i] >= 0 {
			back = float64(len(s.groups[s.groupOf[i]])-1) / float64(nd-1)
		}
		sc := wBacked*back + wCentral*central + wPosition/float64(1+prosePos[i]) + wTitle*title + wSupport*support
		if quoteShare(s.text(int32(i))) > 0.5 {
			sc -= wQuote
		}
		if startsWithPronoun(s.text(int32(i))) {
			sc -= wPronoun
		}
		if u.words > longWords {
			sc -= wLong * float64(u.words-longWords)
		}
		cands = append(cands, cand{int32(i), sc})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].u < cands[j].u
	})
	target := opt.SummaryWords
	if target <= 0 {
		// The summary's length follows the story's: about a third of all
		// the articles' words, within bounds.
		total := 0
		for i := range s.units {
			if s.units[i].prose {
				total += s.units[i].words
			}
		}
		target = min(max(int(lenRatio*float64(total)), lenMin), lenDefault)
	}
	var chosen []int32
	words := 0
	skip := make([]bool, len(cands))
	for words < target {
		pick, pickScore := -1, math.Inf(-1)
		for k, c := range cands {
			if skip[k] {
				continue
			}
			u := &s.units[c.u]
			// A sentence that would overshoot the target by more than the
			// summary now falls short of it is skipped for good: the
			// shortfall only shrinks.
			if words+u.words > opt.MaxSummaryWords || words > 0 && words+u.words-target > target-words {
				skip[k] = true
				continue
			}
			if c.score > pickScore {
				pick, pickScore = k, c.score
			}
		}
		if pick < 0 {
			break
		}
		skip[pick] = true
		c := cands[pick]
		if s.repeats(c.u, chosen) {
			continue
		}
		chosen = append(chosen, c.u)
		words += s.units[c.u].words
	}
	// Read in story order: earlier sentences first, articles in input order.
	sort.SliceStable(chosen, func(i, j int) bool {
		a, b := s.units[chosen[i]], s.units[chosen[j]]
		if prosePos[chosen[i]] != prosePos[chosen[j]] {
			return prosePos[chosen[i]] < prosePos[chosen[j]]
		}
		return a.doc < b.doc || a.doc == b.doc && a.pos < b.pos
	})
	out := make([]Sentence, 0, len(chosen))
	for _, u := range chosen {
		ref := s.ref(u)
		text := s.text(u)
		if a := datelineEnd(text); a > 0 {
			ref.Start += a
			text = text[a:]
		}
		if a := connectiveEnd(text); a > 0 {
			ref.Start += a
			text = text[a:]
		}
		// The span is the text shown: white space the sentence's span
		// holds at either end goes from both.
		trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
		ref.Start += len(text) - len(trimmed)
		text = strings.TrimRightFunc(trimmed, unicode.IsSpace)
		ref.End = ref.Start + len(text)
		sen := Sentence{Text: text, Spans: []Ref{ref}}
		in := map[int]bool{s.units[u].doc: true}
		// Backing: the other articles' sentences of the same fact.
		if s.groupOf != nil && s.groupOf[u] >= 0 {
			for _, o := range s.groups[s.groupOf[u]] {
				if o != u {
					in[s.units[o].doc] = true
					sen.Spans = append(sen.Spans, s.ref(o))
				}
			}
		}
		for di, d := range s.docs {
			if in[di] {
				sen.Articles = append(sen.Articles, d.ID)
			}
		}
		out = append(out, sen)
	}
	return out
}

// repeats reports whether u says what a chosen sentence already says.
func (s *story) repeats(u int32, chosen []int32) bool {
	for _, c := range chosen {
		if s.contextSim(u, c) >= redundant {
			return true
		}
		if s.units[u].doc == s.units[c].doc {
			continue
		}
	}
	return false
}

// quoteShare is the fraction of a sentence's bytes inside quotation marks.
func quoteShare(t string) float64 {
	in, n := false, 0
	for _, r := range t {
		switch r {
		case '"', '“', '”':
			in = !in
			continue
		}
		if in {
			n += len(string(r))
		}
	}
	if len(t) == 0 {
		return 0
	}
	return float64(n) / float64(len(t))
}

// datelineEnd returns where a sentence's text starts after a leading
// dateline ("PARIS, France — "), or 0.
func datelineEnd(t string) int {
	for _, dash := range []string{" — ", " – ", " - "} {
		if i := strings.Index(t, dash); i > 0 && i < 40 && isDateline(t[:i]) {
			return i + len(dash)
		}
	}
	return 0
}

// connectiveEnd returns where a sentence's text starts after a leading
// connective that only links it to the sentence before ("Moreover, "), or
// 0. The summary's sentences come from different places, so the link
// would mislead.
func connectiveEnd(t string) int {
	w, _, ok := strings.Cut(t, " ")
	if !ok || len(t) < len(w)+2 || !isUpperASCII(t[len(w)+1]) {
		return 0 // keep "But the …": only a capitalised word may start the rest
	}
	switch strings.ToLower(strings.TrimSuffix(w, ",")) {
	case "moreover", "however", "meanwhile", "furthermore", "additionally", "also", "still", "but", "and", "yet", "instead", "nonetheless", "nevertheless":
		return len(w) + 1
	}
	return 0
}

// isDateline reports whether s looks like "SEOUL, South Korea" or
// "WASHINGTON (Reuters)": every word capitalised or in brackets.
func isDateline(s string) bool {
	n := 0
	for _, f := range strings.Fields(s) {
		f = strings.Trim(f, ",()")
		if f == "" {
			continue
		}
		if !isCapital(f) {
			return false
		}
		n++
	}
	return n > 0 && n <= 5
}

// startsWithPronoun reports whether a sentence opens with a pronoun or a
// connective that needs the sentence before it ("He said …", "But …").
func startsWithPronoun(t string) bool {
	w, _, _ := strings.Cut(strings.TrimLeft(t, "\"“'‘ "), " ")
	switch strings.ToLower(strings.TrimRight(w, ",")) {
	case "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
		"but", "and", "so", "also", "however", "moreover", "meanwhile", "still", "yet", "instead", "then", "there":
		return true
	}
	return false
}
