package compare

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/parallax-news/parallax/internal/news"
)

// limit is a cap of Options: def when n is 0, no cap when n is negative.
func limit(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return math.MaxInt
	}
	return n
}

// cutSentences returns d cut after its first keep sentences (its paragraphs
// when it has no sentence spans), with the number of sentences it has. The
// cut document's text ends with its last kept sentence and holds only the
// items (entity mentions, quotes, figures, dates, tokens) that end before
// the cut. d itself is not changed.
func cutSentences(d news.Document, keep int) (news.Document, int) {
	sents := d.Sentences
	if len(sents) == 0 {
		sents = paragraphs(d.Text)
	}
	if len(sents) <= keep {
		return d, len(sents)
	}
	end := 0
	for _, sp := range sents[:keep] {
		if sp.End <= len(d.Text) && sp.End > end {
			end = sp.End
		}
	}
	n := len(sents)
	d.Sentences = sents[:keep:keep]
	d.Text = d.Text[:end]
	ents := make([]news.Entity, 0, len(d.Entities))
	for _, e := range d.Entities {
		if e.Mentions = before(e.Mentions, end, func(sp news.Span) int { return sp.End }); len(e.Mentions) > 0 {
			ents = append(ents, e)
		}
	}
	d.Entities = ents
	d.Quotes = before(d.Quotes, end, func(q news.Quote) int { return q.End })
	d.Quantities = before(d.Quantities, end, func(q news.Quantity) int { return q.End })
	d.Dates = before(d.Dates, end, func(x news.Date) int { return x.End })
	d.Tokens = before(d.Tokens, end, func(t news.Token) int { return int(t.Ext) })
	return d, n
}

// before returns, in a new slice, the items that end at or before end.
func before[T any](items []T, end int, endOf func(T) int) []T {
	var out []T
	for _, x := range items {
		if endOf(x) <= end {
			out = append(out, x)
		}
	}
	return out
}

// capLists cuts the lists of r to the caps of opt, keeping the facts
// reported by the most articles and the head of the other lists, whose
// order puts the items of the most articles first (for figures: conflicts,
// then figures of several articles). A note says what was left out.
func (r *Report) capLists(opt Options) {
	var n int
	if r.Facts, n = widest(r.Facts, limit(opt.MaxFacts, DefaultMaxFacts)); n > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("the report lists the %s most widely reported facts of %s", thousands(len(r.Facts)), thousands(n)))
	}
	if r.Quantities, n = head(r.Quantities, limit(opt.MaxQuantities, DefaultMaxQuantities)); n > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("the report lists %s figures of %s: conflicts and the figures of several articles first", thousands(len(r.Quantities)), thousands(n)))
	}
	if r.Quotes, n = head(r.Quotes, limit(opt.MaxQuotes, DefaultMaxQuotes)); n > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("the report lists the %s most widely reported quotes of %s", thousands(len(r.Quotes)), thousands(n)))
	}
	if r.Entities, n = head(r.Entities, limit(opt.MaxEntities, DefaultMaxEntities)); n > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("the report lists the %s most widely named people, organizations and places of %s", thousands(len(r.Entities)), thousands(n)))
	}
}

// widest returns the n facts reported by the most articles (ties: the
// earlier) in their order and, when there were more, how many there were
// (else 0). The facts are listed by the sentences that state them, which
// an article may report in other words: the order is not the same.
func widest(facts []Fact, n int) ([]Fact, int) {
	if len(facts) <= n {
		return facts, 0
	}
	idx := make([]int, len(facts))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return len(facts[b].Articles) - len(facts[a].Articles) })
	idx = idx[:n]
	slices.Sort(idx)
	out := make([]Fact, n)
	for i, k := range idx {
		out[i] = facts[k]
	}
	return out, len(facts)
}

// head returns the first n items and, when there were more, how many
// there were (else 0).
func head[T any](items []T, n int) ([]T, int) {
	if len(items) <= n {
		return items, 0
	}
	return items[:n:n], len(items)
}

// thousands prints n with thousands separators: 41,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
