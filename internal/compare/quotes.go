package compare

import (
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// qitem is one quote during grouping.
type qitem struct {
	doc   int
	q     news.Quote
	words []string // folded words, in order
	set   map[string]bool
	keys  []string // content words, for the index
}

const maxQuoteWords = 400 // longer quotes are compared on their first words

// dropInitialDots removes the dots of initials and dotted abbreviations
// ("E.U." is "EU", "U.S." is "US"), so that orthographic variants of one
// word are not read as a rewording.
func dropInitialDots(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	b := []byte(s)
	out := b[:0:0]
	for i := 0; i < len(b); i++ {
		if b[i] == '.' && i > 0 && isLetterByte(b[i-1]) && (i == 1 || !isLetterByte(b[i-2])) && i+1 < len(b) && isLetterByte(b[i+1]) {
			continue // "E.U": the dot after a one-letter word before a letter
		}
		if b[i] == '.' && i > 2 && isLetterByte(b[i-1]) && b[i-2] == '.' {
			continue // the last dot of "E.U."
		}
		out = append(out, b[i])
	}
	return string(out)
}

func isLetterByte(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func newQitem(doc int, q news.Quote) qitem {
	it := qitem{doc: doc, q: q, set: map[string]bool{}}
	text := dropInitialDots(q.Text)
	token.Each(text, func(w token.Word) {
		if len(it.words) >= maxQuoteWords {
			return
		}
		f := strings.ToLower(token.Fold(w.Text(text)))
		it.words = append(it.words, f)
		if !it.set[f] {
			it.set[f] = true
			if !token.IsStop(f) {
				it.keys = append(it.keys, stem(f))
			}
		}
	})
	return it
}

// speakersAgree reports whether two speaker strings can name the same
// person: either unknown, or compatible names.
func speakersAgree(a, b string) bool {
	if a != "" && b != "" && documentSpeaker(a) != documentSpeaker(b) {
		return false // a statement's words are not a person's
	}
	if !isCapital(a) || !isCapital(b) { // unknown, or a phrase rather than a name
		return true
	}
	if a == "" || b == "" {
		return true
	}
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return strings.EqualFold(a, b)
	}
	return compatibleNames(wa, wb)
}

// sameUtterance reports whether two quotes render the same utterance:
// most of their words are shared, the shorter is nearly contained in the
// longer, or they share a run of at least three content words.
func sameUtterance(a, b *qitem) bool {
	if !speakersAgree(a.q.Speaker, b.q.Speaker) || len(a.words) == 0 || len(b.words) == 0 {
		return false
	}
	inter := 0
	for w := range a.set {
		if b.set[w] {
			inter++
		}
	}
	// A quote of one content word, or a phrase of two ("jackass", "a
	// balanced approach"), is a phrase two writers may each quote, not
	// evidence of one utterance; containment needs five words and a shared
	// run four content words, so that a short phrase inside a long quote
	// ("Ground Zero mosque") is not that quote.
	content := min(len(a.keys), len(b.keys))
	small := min(len(a.set), len(b.set))
	if content < 2 || content < minQuoteContent && small < 5 {
		return false
	}
	union := len(a.set) + len(b.set) - inter
	if float64(inter)/float64(union) >= 0.5 {
		return true
	}
	if small >= 5 && float64(inter) >= 0.8*float64(small) {
		return true
	}
	return content > minQuoteContent && commonRun(a.words, b.words) >= 3
}

// minQuoteContent is the fewest content words two quotes of different
// articles need to be read as one utterance.
const minQuoteContent = 3

// commonRun is the number of content words in the longest run of words
// the two sequences share.
func commonRun(a, b []string) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	prevC := make([]int, len(b)+1)
	curC := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				curC[j] = prevC[j-1]
				if !token.IsStop(a[i-1]) {
					curC[j]++
				}
				if curC[j] > best {
					best = curC[j]
				}
			} else {
				cur[j], curC[j] = 0, 0
			}
		}
		prev, cur = cur, prev
		prevC, curC = curC, prevC
	}
	return best
}

// quotes groups the quotes of all articles by utterance, their speakers
// read as the story's entities ents (see speakers).
func (s *story) quotes(ents []Entity) []Quote {
	var items []qitem
	names := newSpeakers(ents)
	for di, d := range s.docs {
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(d.Text) || q.Start > q.End {
				continue
			}
			q.Speaker = names.resolve(q.Speaker)
			items = append(items, newQitem(di, q))
		}
	}
	sets := newDisjoint(len(items))
	// join puts the quotes i and j in one group, unless that group would
	// hold two different quotes of one article: a long quote of one
	// article that covers two that another quotes apart ("When the dust
	// settles, he will be vindicated. Until then, ...") belongs with one
	// of them, and the two stay two utterances.
	members := map[int][]int{}
	for i := range items {
		members[i] = []int{i}
	}
	join := func(i, j int) {
		ri, rj := sets.find(i), sets.find(j)
		if ri == rj {
			return
		}
		for _, x := range members[ri] {
			for _, y := range members[rj] {
				if items[x].doc == items[y].doc && !slices.Equal(items[x].words, items[y].words) {
					return
				}
			}
		}
		lo, hi := sets.union(ri, rj), max(ri, rj)
		members[lo] = append(members[lo], members[hi]...)
		delete(members, hi)
	}
	// Candidates share a content word that is not in too many quotes.
	post := map[string][]int{}
	for i, it := range items {
		for _, k := range it.keys {
			post[k] = append(post[k], i)
		}
	}
	maxDF := max(48, 3*len(s.docs))
	seen := map[[2]int]bool{}
	for i := range items {
		for _, k := range items[i].keys {
			p := post[k]
			if len(p) > maxDF {
				continue
			}
			for _, j := range p {
				if j <= i || seen[[2]int{i, j}] {
					continue
				}
				seen[[2]int{i, j}] = true
				a, b := &items[i], &items[j]
				if a.doc == b.doc && strings.Join(a.words, " ") != strings.Join(b.words, " ") {
					continue
				}
				if a.doc == b.doc || sameUtterance(a, b) {
					join(i, j)
				}
			}
		}
		clear(seen)
	}
	roots, groups := sets.groups()
	out := make([]Quote, 0, len(roots))
	for _, r := range roots {
		idx := groups[r]
		q := Quote{Articles: []string{}, Mentions: []QuoteMention{}, Spans: []Ref{}}
		speakers := map[string]int{}
		docSet := map[int]bool{}
		for _, i := range idx {
			it := items[i]
			id := s.docs[it.doc].ID
			docSet[it.doc] = true
			if it.q.Speaker != "" {
				speakers[it.q.Speaker]++
			}
			q.Mentions = append(q.Mentions, QuoteMention{Article: id, Speaker: it.q.Speaker, Kind: it.q.Kind,
				Text: it.q.Text, Start: it.q.Start, End: it.q.End})
			q.Spans = append(q.Spans, Ref{Article: id, Start: it.q.Start, End: it.q.End})
		}
		q.Speaker = pickName(speakers)
		for di, d := range s.docs {
			if docSet[di] {
				q.Articles = append(q.Articles, d.ID)
			}
		}
		if len(docSet) == 1 {
			q.Verdict = Single
		} else {
			q.Verdict = Same
			first := items[idx[0]].words
			for _, i := range idx[1:] {
				if items[i].doc == items[idx[0]].doc {
					continue
				}
				for _, c := range wordDiff(first, items[i].words) {
					q.Changes = append(q.Changes, c)
				}
				if !contiguous(first, items[i].words) {
					q.Verdict = Reworded
				}
			}
		}
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Articles) > len(out[j].Articles) })
	return out
}

// contiguous reports whether one word sequence appears whole inside the
// other: a partial quote of the same words.
func contiguous(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	sa, sb := " "+strings.Join(a, " ")+" ", " "+strings.Join(b, " ")+" "
	return strings.Contains(sb, sa)
}

// wordDiff returns the word changes between a and b inside the stretch
// they share: words before the first and after the last common word are a
// difference of extent, not of wording, and are left out.
func wordDiff(a, b []string) []Change {
	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Change
	var from, to []string
	started := false
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			if started && (len(from) > 0 || len(to) > 0) {
				out = append(out, Change{From: strings.Join(from, " "), To: strings.Join(to, " ")})
			}
			from, to = from[:0], to[:0]
			started = true
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			from = append(from, a[i])
			i++
		default:
			to = append(to, b[j])
			j++
		}
	}
	return out
}
