// Package comparetest builds small hand-made stories (news.Document values
// with their analysis filled in by hand) for the tests of the comparison
// and report packages, so that those tests do not depend on the analysis
// stages. The story is invented; it names no real event.
package comparetest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// Builder accumulates one document. Sentences are given in order; the
// analysis items are located by their text in the finished body.
type Builder struct {
	d news.Document
}

// NewDoc starts a document.
func NewDoc(id, source, title string, published time.Time) *Builder {
	return &Builder{d: news.Document{Article: news.Article{ID: id, Source: source, Title: title, Published: published, Language: "en"}}}
}

// Para appends a paragraph made of sentences; each becomes a sentence span.
func (b *Builder) Para(sentences ...string) *Builder {
	if b.d.Text != "" {
		b.d.Text += "\n\n"
	}
	for i, s := range sentences {
		if i > 0 {
			b.d.Text += " "
		}
		start := len(b.d.Text)
		b.d.Text += s
		b.d.Sentences = append(b.d.Sentences, news.Span{Start: start, End: len(b.d.Text)})
	}
	return b
}

// spans returns every occurrence of s in the text.
func (b *Builder) spans(s string) []news.Span {
	var out []news.Span
	for off := 0; ; {
		i := strings.Index(b.d.Text[off:], s)
		if i < 0 {
			return out
		}
		out = append(out, news.Span{Start: off + i, End: off + i + len(s)})
		off += i + len(s)
	}
}

// Entity adds an entity mentioned by any of its aliases (the name is one).
func (b *Builder) Entity(name string, typ news.EntityType, aliases ...string) *Builder {
	e := news.Entity{Name: name, Type: typ, Aliases: aliases}
	seen := map[int]bool{}
	for _, a := range append([]string{name}, aliases...) {
		for _, sp := range b.spans(a) {
			if !seen[sp.Start] {
				seen[sp.Start] = true
				e.Mentions = append(e.Mentions, sp)
			}
		}
	}
	if len(e.Mentions) == 0 {
		panic("comparetest: entity not in text: " + name)
	}
	b.d.Entities = append(b.d.Entities, e)
	return b
}

// Quantity adds the first occurrence of text as a quantity.
func (b *Builder) Quantity(text string, value float64, qualifier news.Qualifier, counts string, kind news.QuantityKind, unit string) *Builder {
	sp := b.spans(text)
	if len(sp) == 0 {
		panic("comparetest: quantity not in text: " + text)
	}
	b.d.Quantities = append(b.d.Quantities, news.Quantity{Value: value, Qualifier: qualifier, Counts: counts, Kind: kind, Unit: unit, Text: text, Span: sp[0]})
	return b
}

// Quote adds the first occurrence of text as a quote by speaker.
func (b *Builder) Quote(text, speaker string, kind news.QuoteKind) *Builder {
	sp := b.spans(text)
	if len(sp) == 0 {
		panic("comparetest: quote not in text: " + text)
	}
	b.d.Quotes = append(b.d.Quotes, news.Quote{Text: text, Speaker: speaker, Kind: kind, Span: sp[0]})
	return b
}

// Doc returns the document.
func (b *Builder) Doc() news.Document { return b.d }

// Bridge returns an invented three-outlet story about a town closing a
// bridge: a shared lead fact, figures that agree, are compatible and
// conflict, one quote in three wordings, an agreement that another outlet
// says failed, and facts only one outlet reports.
func Bridge() []news.Document {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	herald := NewDoc("herald-1", "Harbour Herald", "Council votes to shut Old Mill Bridge", day).
		Para("Harbour City council voted on Tuesday to close the Old Mill Bridge to all traffic from March, after engineers found serious corrosion in its steel frame.").
		Para("The repairs will cost about $12 million and take two years, Mayor Elena Ruiz said.",
			`"We cannot put lives at risk to save a few minutes of driving," Ruiz told reporters after the vote.`).
		Para("More than 300 residents signed a petition against the closure.",
			"The council and the regional transport authority were in full agreement on a temporary ferry service, the mayor said.").
		Para("Shop owners on Mill Street fear a sharp drop in trade.").
		Entity("Harbour City", news.Place).
		Entity("Old Mill Bridge", news.Place).
		Entity("Elena Ruiz", news.Person, "Mayor Elena Ruiz", "Ruiz").
		Entity("Mill Street", news.Place).
		Quantity("about $12 million", 12e6, "about", "repairs", news.Money, "USD").
		Quantity("More than 300 residents", 300, "more than", "residents", news.Count, "").
		Quote("We cannot put lives at risk to save a few minutes of driving,", "Elena Ruiz", news.Direct).
		Doc()
	times := NewDoc("times-7", "Coastal Times", "Old Mill Bridge to close in March", day.Add(3*time.Hour)).
		Para("The Old Mill Bridge will be shut to traffic from March, Harbour City's council decided on Tuesday.",
			"Engineers had found dangerous corrosion in the bridge's steel structure.").
		Para("Repairs are expected to cost $12.4 million.",
			`Mayor Ruiz said: "We can not put lives at risk to save a few minutes of driving."`).
		Para("Talks with the regional transport authority on a replacement ferry broke down last week, and no deal has been reached.",
			"340 residents signed a petition against the closure.",
			"The bridge carries 9,000 vehicles a day.").
		Entity("Old Mill Bridge", news.Place).
		Entity("Harbour City", news.Place).
		Entity("Ruiz", news.Person, "Mayor Ruiz").
		Quantity("$12.4 million", 12.4e6, "", "repairs", news.Money, "USD").
		Quantity("340 residents", 340, "", "residents", news.Count, "").
		Quantity("9,000 vehicles", 9000, "", "vehicles", news.Count, "").
		Quote("We can not put lives at risk to save a few minutes of driving.", "Ruiz", news.Direct).
		Doc()
	bulletin := NewDoc("bulletin-3", "Daily Bulletin", "Harbour City closes bridge over corrosion", time.Time{}).
		Para("Harbour City will close the Old Mill Bridge from March after inspectors discovered corrosion, the council announced.",
			`Mayor Elena Ruiz said the city could not "put lives at risk to save a few minutes of driving".`).
		Para("The closure will cost local businesses around $2 million a year, according to the chamber of commerce.",
			"Opposition councillor Tom Baker called the decision rushed.").
		Para("The bridge carries 6,500 vehicles a day, according to the council.").
		Entity("Harbour City", news.Place).
		Entity("Old Mill Bridge", news.Place).
		Entity("Elena Ruiz", news.Person, "Mayor Elena Ruiz").
		Entity("Tom Baker", news.Person).
		Quantity("around $2 million", 2e6, "around", "local businesses", news.Money, "USD").
		Quantity("6,500 vehicles", 6500, "", "vehicles", news.Count, "").
		Quote("put lives at risk to save a few minutes of driving", "Elena Ruiz", news.Partial).
		Doc()
	return []news.Document{herald, times, bulletin}
}

// Synthetic returns a story of n articles of about 5 kB each for
// benchmarks: every article retells some of Bridge's sentences (with a
// word or figure changed now and then) among filler sentences drawn from a
// skewed vocabulary, so that sentences match across articles about as
// often as in real coverage. The same n and seed give the same story.
func Synthetic(n int, seed uint64) []news.Document {
	rng := rand.New(rand.NewPCG(seed, 7))
	var pool []string
	for _, d := range Bridge() {
		for _, sp := range d.Sentences {
			pool = append(pool, d.Text[sp.Start:sp.End])
		}
	}
	// A vocabulary of pronounceable made-up words, drawn with a Zipf law
	// as words are in news text.
	syll := strings.Fields("ba de ri mo su ka le ti no ve pa gro sta min del for tan ber lis qua")
	vocab := make([]string, 4000)
	for i := range vocab {
		w := ""
		for x := i + 1; x > 0; x /= len(syll) {
			w += syll[x%len(syll)]
		}
		vocab[i] = w
	}
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed, 11)), 1.1, 2, uint64(len(vocab)-1))
	docs := make([]news.Document, n)
	for i := range docs {
		b := NewDoc(fmt.Sprintf("syn-%03d", i), fmt.Sprintf("Outlet %d", i%17), "Bridge closure "+vocab[i%50], time.Time{})
		var para []string
		size := 0
		for size < 5000 {
			var s string
			if rng.IntN(4) == 0 {
				s = pool[rng.IntN(len(pool))]
				if rng.IntN(3) == 0 {
					s = strings.Replace(s, "council", "city government", 1)
				}
			} else {
				k := 12 + rng.IntN(14)
				w := make([]string, k)
				for j := range w {
					w[j] = vocab[zipf.Uint64()]
				}
				if rng.IntN(3) == 0 {
					w[k/2] = fmt.Sprintf("%d", 10+rng.IntN(5000))
				}
				s = strings.ToUpper(w[0][:1]) + w[0][1:] + " " + strings.Join(w[1:], " ") + "."
			}
			para = append(para, s)
			size += len(s) + 1
			if len(para) == 4 {
				b.Para(para...)
				para = para[:0]
			}
		}
		if len(para) > 0 {
			b.Para(para...)
		}
		if strings.Contains(b.d.Text, "Elena Ruiz") {
			b.Entity("Elena Ruiz", news.Person, "Ruiz")
		}
		if strings.Contains(b.d.Text, "Harbour City") {
			b.Entity("Harbour City", news.Place)
		}
		for _, q := range Bridge()[i%3].Quotes {
			if strings.Contains(b.d.Text, q.Text) {
				b.Quote(q.Text, q.Speaker, q.Kind)
			}
		}
		// Every number with the word after it as what it counts.
		text := b.d.Text
		for off := 0; off < len(text); off++ {
			if text[off] < '0' || text[off] > '9' || off > 0 && text[off-1] != ' ' && text[off-1] != '$' {
				continue
			}
			end := off
			for end < len(text) && (text[end] >= '0' && text[end] <= '9' || text[end] == ',') {
				end++
			}
			num := strings.ReplaceAll(text[off:end], ",", "")
			v, err := strconv.ParseFloat(num, 64)
			if err != nil {
				off = end
				continue
			}
			counts, _, _ := strings.Cut(strings.TrimLeft(text[end:], " "), " ")
			counts = strings.Trim(counts, ".,")
			b.d.Quantities = append(b.d.Quantities, news.Quantity{Value: v, Counts: counts, Kind: news.Count,
				Text: text[off:end], Span: news.Span{Start: off, End: end}})
			off = end
		}
		docs[i] = b.Doc()
	}
	return docs
}
