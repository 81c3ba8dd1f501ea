package compare

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// Copy is one text that several articles run: a wire story under several
// outlets' names, most of its sentences word for word the same. Its
// articles are one account of the story: they never confirm each other.
type Copy struct {
	Articles []string `json:"articles"` // ids, in input order
}

// Wire copies: two articles run one text when at least copyMin of their
// sentences of copyWords words or more are the same (letter case,
// punctuation and white space aside) and they make more than half of the
// shorter article's such sentences. Shorter sentences (bylines, "Reuters",
// "Advertisement") say nothing about where a text comes from.
const (
	copyMin   = 2
	copyWords = 4
)

// copies finds the articles that run one text. Every pair of articles is
// compared, so the work grows with the square of the articles, each
// comparison with their sentences: fine for the few hundred a story holds.
func copies(docs []news.Document) []Copy {
	sents := make([][]uint64, len(docs)) // per article: its sentences' keys, hashed, sorted, unique
	for i, d := range docs {
		spans := d.Sentences
		if len(spans) == 0 {
			spans = paragraphs(d.Text)
		}
		for _, sp := range spans {
			if sp.Start < 0 || sp.End > len(d.Text) || sp.Start >= sp.End {
				continue
			}
			if k := sentenceKey(d.Text[sp.Start:sp.End]); k != "" {
				h := fnv.New64a()
				h.Write([]byte(k))
				sents[i] = append(sents[i], h.Sum64())
			}
		}
		slices.Sort(sents[i])
		sents[i] = slices.Compact(sents[i])
	}
	sets := newDisjoint(len(docs))
	for a := range docs {
		for b := a + 1; b < len(docs); b++ {
			x, y := sents[a], sents[b]
			n := 0
			for i, j := 0, 0; i < len(x) && j < len(y); {
				switch {
				case x[i] < y[j]:
					i++
				case x[i] > y[j]:
					j++
				default:
					n++
					i++
					j++
				}
			}
			if n >= copyMin && 2*n > min(len(x), len(y)) {
				sets.union(a, b)
			}
		}
	}
	roots, members := sets.groups()
	var out []Copy
	for _, r := range roots {
		if len(members[r]) < 2 {
			continue
		}
		c := Copy{}
		for _, i := range members[r] {
			c.Articles = append(c.Articles, docs[i].ID)
		}
		out = append(out, c)
	}
	return out
}

// sentenceKey is a sentence's words, folded to lower case and joined by
// single spaces; "" for a sentence of fewer than copyWords words.
func sentenceKey(text string) string {
	ws := token.Words(text)
	if len(ws) < copyWords {
		return ""
	}
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(token.Fold(text[w.Start:w.End])))
	}
	return b.String()
}

// accounts gives every article its account: the index of the first
// article of the same outlet (Source, letter case aside; an article
// without a source is its own outlet) or of the same wire copy, itself
// when it stands alone.
func accounts(docs []news.Document, cs []Copy) []int {
	index := map[string]int{}
	for i, d := range docs {
		index[d.ID] = i
	}
	sets := newDisjoint(len(docs))
	first := map[string]int{} // outlet -> its first article
	for i, d := range docs {
		o := strings.ToLower(strings.Join(strings.Fields(d.Source), " "))
		if o == "" {
			continue
		}
		if j, ok := first[o]; ok {
			sets.union(j, i)
		} else {
			first[o] = i
		}
	}
	for _, c := range cs {
		for _, id := range c.Articles[1:] {
			sets.union(index[c.Articles[0]], index[id])
		}
	}
	out := make([]int, len(docs))
	for i := range out {
		out[i] = sets.find(i)
	}
	return out
}

// copyNote tells the reader which articles run one text.
func copyNote(c Copy, docs []news.Document) string {
	var names []string
	for _, id := range c.Articles {
		for _, d := range docs {
			if d.ID == id {
				name := id
				if d.Source != "" {
					name = fmt.Sprintf("%s (%s)", id, d.Source)
				}
				names = append(names, name)
				break
			}
		}
	}
	return fmt.Sprintf("articles %s run one text (most of their sentences are word for word the same): they count as one account, not as outlets confirming each other", strings.Join(names, ", "))
}

// accountOf returns article d's account.
func (s *story) accountOf(d int) int {
	if s.account == nil {
		return d
	}
	return s.account[d]
}

// accountCount returns the number of accounts of the story.
func (s *story) accountCount() int {
	if s.account == nil {
		return len(s.docs)
	}
	n := 0
	for d := range s.docs {
		if s.accountOf(d) == d {
			n++
		}
	}
	return n
}

// accountsIn returns the number of accounts among the articles of the
// sentences g.
func (s *story) accountsIn(g []int32) int {
	if s.account == nil {
		return len(g) // a group holds one sentence per article
	}
	seen := map[int]bool{}
	for _, u := range g {
		seen[s.accountOf(s.units[u].doc)] = true
	}
	return len(seen)
}
