package compare

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/lexicon"
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
	prosePos := s.prosePositions()
	cands := s.summaryCandidates(opt, prosePos)
	chosen := s.choose(cands, s.summaryTarget(opt), opt.MaxSummaryWords)
	// Read in story order: earlier sentences first, articles in input order.
	sort.SliceStable(chosen, func(i, j int) bool {
		a, b := s.units[chosen[i]], s.units[chosen[j]]
		if prosePos[chosen[i]] != prosePos[chosen[j]] {
			return prosePos[chosen[i]] < prosePos[chosen[j]]
		}
		return a.doc < b.doc || a.doc == b.doc && a.pos < b.pos
	})
	// The summary opens with news: the first sentence that can lead goes
	// first (when none can, the order stays).
	if k := slices.IndexFunc(chosen, func(u int32) bool { return canLead(s.text(u)) }); k > 0 {
		lead := chosen[k]
		copy(chosen[1:k+1], chosen[:k])
		chosen[0] = lead
	}
	out := make([]Sentence, 0, len(chosen))
	for _, u := range chosen {
		out = append(out, s.summarySentence(u))
	}
	return out
}

// prosePositions returns each sentence's position among the prose
// sentences of its article (captions and bylines do not count).
func (s *story) prosePositions() []int {
	pos := make([]int, len(s.units))
	for di := range s.docs {
		p := 0
		for u := s.docStart[di]; u < s.docStart[di+1]; u++ {
			pos[u] = p
			if s.units[u].prose {
				p++
			}
		}
	}
	return pos
}

// cand is a sentence the summary may take, with its score.
type cand struct {
	u     int32
	score float64
}

// summaryCandidates scores every sentence the summary may take (prose,
// not too long, no contested figure, in the main language), best first.
func (s *story) summaryCandidates(opt Options, prosePos []int) []cand {
	sc := s.newScorer()
	var cands []cand
	for i := range s.units {
		u := &s.units[i]
		if !u.prose || u.words > opt.MaxSummaryWords || s.disputed[int32(i)] {
			continue // a contested figure is not the summary's to state
		}
		if s.lang != nil && s.lang[u.doc] != s.mainLang {
			continue // one language for the summary
		}
		if quoteFragment(s.text(int32(i))) {
			continue // a piece of a quotation, its speaker in another sentence
		}
		cands = append(cands, cand{int32(i), sc.score(int32(i), prosePos[i])})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].u < cands[j].u
	})
	return cands
}

// scorer scores summary sentences.
type scorer struct {
	s        *story
	titleDF  map[int32]int // headline terms -> the articles whose headline has them
	docsWith []int         // term -> the articles that use it
	best     []float64     // scratch: the best link into each article
	bestDocs []int         // scratch: the articles best holds a link into
}

func (s *story) newScorer() *scorer {
	sc := &scorer{s: s, titleDF: map[int32]int{}, docsWith: make([]int, len(s.keys)), best: make([]float64, len(s.docs))}
	for _, d := range s.docs {
		seen := map[int32]bool{}
		for _, t := range terms(d.Title, nil) {
			if id, ok := s.dict[t.key]; ok && !seen[id] {
				seen[id] = true
				sc.titleDF[id]++
			}
		}
	}
	for di := range s.docs {
		seen := map[int32]bool{}
		for u := s.docStart[di]; u < s.docStart[di+1]; u++ {
			for _, t := range s.units[u].terms {
				if !seen[t] {
					seen[t] = true
					sc.docsWith[t]++
				}
			}
		}
	}
	return sc
}

// score weighs a sentence (at prosePos among its article's prose) by the
// summary scoring weights.
func (sc *scorer) score(i int32, prosePos int) float64 {
	s := sc.s
	u := &s.units[i]
	v := wBacked*sc.backing(i) + wCentral*sc.centrality(i) + wPosition/float64(1+prosePos) + wTitle*sc.title(u) + wSupport*sc.support(u)
	if quoteShare(s.text(i)) > 0.5 {
		v -= wQuote
	}
	if startsWithPronoun(s.text(i)) {
		v -= wPronoun
	}
	if u.words > longWords {
		v -= wLong * float64(u.words-longWords)
	}
	return v
}

// centrality is how strongly the other articles report sentence i: the
// best link into each other article, averaged over them.
func (sc *scorer) centrality(i int32) float64 {
	s := sc.s
	for _, d := range sc.bestDocs {
		sc.best[d] = 0
	}
	sc.bestDocs = sc.bestDocs[:0]
	for _, k := range s.adj[i] {
		e := s.edges[k]
		o := e.a
		if o == i {
			o = e.b
		}
		d := s.units[o].doc
		if sc.best[d] == 0 {
			sc.bestDocs = append(sc.bestDocs, d)
		}
		if c := float64(e.cos); c > sc.best[d] {
			sc.best[d] = c
		}
	}
	central := 0.0
	for _, d := range sc.bestDocs {
		central += math.Min(1, 1.5*sc.best[d])
	}
	if nd := len(s.docs); nd > 1 {
		central /= float64(nd - 1)
	}
	return central
}

// title is the share of a sentence's weight in the articles' headlines.
func (sc *scorer) title(u *unit) float64 {
	s := sc.s
	t := 0.0
	for _, id := range u.terms {
		t += s.weight[id] * float64(sc.titleDF[id]) / float64(len(s.docs))
	}
	if u.w > 0 {
		t /= u.w
	}
	return t
}

// support is how widely the other articles use a sentence's terms.
func (sc *scorer) support(u *unit) float64 {
	s := sc.s
	nd := len(s.docs)
	if nd <= 1 || len(u.terms) == 0 {
		return 0
	}
	v := 0.0
	for _, t := range u.terms {
		v += float64(sc.docsWith[t]-1) / float64(nd-1) * math.Sqrt(s.weight[t])
	}
	return v / math.Sqrt(float64(len(u.terms)))
}

// backing is the share of the other accounts (outlets, wire copies) that
// state sentence i's fact.
func (sc *scorer) backing(i int32) float64 {
	s := sc.s
	if na := s.accountCount(); na > 1 && s.groupOf != nil && s.groupOf[i] >= 0 {
		return float64(s.accountsIn(s.groups[s.groupOf[i]])-1) / float64(na-1)
	}
	return 0
}

// summaryTarget is the summary's length in words: Options.SummaryWords,
// else one that follows the story's, lenRatio of the prose words within
// lenMin and lenDefault.
func (s *story) summaryTarget(opt Options) int {
	if opt.SummaryWords > 0 {
		return opt.SummaryWords
	}
	total := 0
	for i := range s.units {
		if s.units[i].prose {
			total += s.units[i].words
		}
	}
	return min(max(int(lenRatio*float64(total)), lenMin), lenDefault)
}

// choose takes the best candidates that do not repeat a chosen one until
// the summary reaches target words, never passing maxWords.
func (s *story) choose(cands []cand, target, maxWords int) []int32 {
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
			if words+u.words > maxWords || words > 0 && words+u.words-target > target-words {
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
	return chosen
}

// summarySentence is sentence u as the summary shows it, without a
// leading dateline or connective, with the articles that state its fact.
func (s *story) summarySentence(u int32) Sentence {
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
	// The span is the text shown: white space the sentence's span holds
	// at either end goes from both.
	trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
	ref.Start += len(text) - len(trimmed)
	text = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	ref.End = ref.Start + len(text)
	sen := Sentence{Text: text, Spans: []Ref{ref}, Articles: []string{}, Outlets: []string{}}
	credited, spans := s.credit(u)
	for di, d := range s.docs {
		if !credited[di] {
			continue
		}
		sen.Articles = append(sen.Articles, d.ID)
		if l := s.label(d.ID); !slices.Contains(sen.Outlets, l) {
			sen.Outlets = append(sen.Outlets, l)
		}
		if di != s.units[u].doc {
			sen.Spans = append(sen.Spans, spans[di])
		}
	}
	return sen
}

// credit decides which articles back summary sentence u: its own, and
// each other article that reports every claim of u by evidence. A claim is
// reported where a window of the article's sentences holds it (the
// presence judgment's reported verdict, never an unclear one); when the
// article has a sentence aligned with u as one fact, its best window
// still needs one of the claim's names or numbers or its head word: an
// alignment alone can join two sentences that share words but not the
// claim ("voted on Tuesday to close the old bridge" / "… the old school"). An article a reported tension shows
// saying the opposite is never credited. spans holds, for each other
// credited article, its sentence of u's fact when it has one, else its
// evidence window.
func (s *story) credit(u int32) (credited []bool, spans []Ref) {
	nd := len(s.docs)
	own := s.units[u].doc
	credited, spans = make([]bool, nd), make([]Ref, nd)
	credited[own] = true
	if nd == 1 {
		return credited, spans
	}
	if s.meanings == nil {
		s.meanings, s.judging = s.newMeanings(lexicon.Default()), newJudging(s)
	}
	m, j := s.meanings, s.judging
	claims := s.claims(m, u)
	skip := make([]bool, nd)
	for d := range skip {
		skip[d] = d == own || len(claims) == 0 || s.lang != nil && s.lang[d] != s.lang[own] || slices.Contains(s.contested[u], d)
	}
	aligned := make([]int32, nd) // the article's sentence of u's fact, -1 for none
	for d := range aligned {
		aligned[d] = -1
	}
	if s.groupOf != nil && s.groupOf[u] >= 0 {
		for _, o := range s.groups[s.groupOf[u]] {
			aligned[s.units[o].doc] = o
		}
	}
	for ci, c := range claims {
		j.measure(s, m, c, skip)
		for d := range skip {
			if skip[d] {
				continue
			}
			if !j.reports(d) && !(aligned[d] >= 0 && (j.art[d].wAnch > 0 || j.art[d].head)) {
				skip[d] = true // this claim is not shown reported: no credit
				continue
			}
			if ci == 0 {
				ev := j.evidence(s, d)
				spans[d] = Ref{Article: ev.Article, Start: ev.Start, End: ev.End}
			}
		}
	}
	for d := range skip {
		if skip[d] {
			continue
		}
		credited[d] = true
		if aligned[d] >= 0 {
			spans[d] = s.ref(aligned[d])
		}
	}
	return credited, spans
}

// repeats reports whether u says what a chosen sentence already says.
func (s *story) repeats(u int32, chosen []int32) bool {
	for _, c := range chosen {
		if s.contextSim(u, c) >= redundant {
			return true
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

// canLead reports whether a sentence can open the summary: a statement of
// news, not a question, not an opinion in the first person, not a piece
// of a quotation without its speaker and not a link or address.
func canLead(t string) bool {
	t = strings.TrimSpace(t)
	if strings.HasSuffix(strings.TrimRight(t, "\"”’' "), "?") || strings.Contains(t, "http") || strings.Contains(t, "@") {
		return false
	}
	if quoteFragment(t) || startsWithQuote(t) && !attributed(t) {
		return false
	}
	return !firstPerson(t)
}

// quoteFragment reports whether t is part of a quotation that runs over
// several sentences (its quotation marks do not pair up) and names no
// speaker: read alone, nobody says it.
func quoteFragment(t string) bool {
	n := 0
	for _, r := range t {
		switch r {
		case '"', '“', '”':
			n++
		}
	}
	return n%2 == 1 && !attributed(t)
}

// startsWithQuote reports whether t opens with a quotation mark.
func startsWithQuote(t string) bool {
	return strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "“")
}

// attributed reports whether the words of t outside quotation marks hold a
// reporting verb ("said", "told") or "according".
func attributed(t string) bool {
	lx := lexicon.Default()
	found := false
	outsideQuotes(t, func(w string) bool {
		w = strings.ToLower(w)
		found = w == "according" || lx.Is(w, lexicon.ReportingVerb)
		return !found
	})
	return found
}

// firstPerson reports whether t speaks in the first person outside
// quotation marks ("I think", "we must"): a writer's opinion, not news.
func firstPerson(t string) bool {
	found := false
	outsideQuotes(t, func(w string) bool {
		switch w {
		case "I", "I'm", "I’m", "I've", "I’ve", "we", "We", "my", "My", "our", "Our", "me", "us", "Us":
			found = true
		}
		return !found
	})
	return found
}

// outsideQuotes calls f with each word of t outside quotation marks until
// f returns false.
func outsideQuotes(t string, f func(w string) bool) {
	in := false
	for _, w := range strings.Fields(t) {
		opens := strings.HasPrefix(w, "\"") || strings.HasPrefix(w, "“")
		if opens {
			in = true
		}
		word := strings.Trim(w, "\"“”.,;:!?()")
		if !in && word != "" && !f(word) {
			return
		}
		if strings.HasSuffix(strings.TrimRight(w, ".,;:!?)"), "\"") && (!opens || len(w) > 1) || strings.Contains(w, "”") {
			in = false
		}
	}
}
