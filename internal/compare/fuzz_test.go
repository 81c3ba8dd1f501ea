package compare

import (
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// fuzzDoc builds a document from text: sentences end at ". ", and the
// figure and quote spans fall at offsets drawn from the seed, moved to rune
// boundaries.
func fuzzDoc(id, text string, seed uint32) news.Document {
	d := news.Document{Article: news.Article{ID: id, Text: text, Title: text[:min(len(text), 20)]}}
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			d.Sentences = append(d.Sentences, news.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	if start < len(text) {
		d.Sentences = append(d.Sentences, news.Span{Start: start, End: len(text)})
	}
	at := func(x uint32) int {
		if len(text) == 0 {
			return 0
		}
		i := int(x % uint32(len(text)+1))
		for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
			i--
		}
		return i
	}
	for k := uint32(0); k < 3; k++ {
		a, b := at(seed*(k+7)), at(seed*(k+13)+5)
		if a > b {
			a, b = b, a
		}
		d.Quantities = append(d.Quantities, news.Quantity{Value: float64(seed % 1000), Qualifier: []news.Qualifier{"", "about", "more than"}[k], Counts: "people", Kind: news.Count, Text: text[a:b], Span: news.Span{Start: a, End: b}})
		d.Quotes = append(d.Quotes, news.Quote{Text: text[a:b], Speaker: "Ann Lee", Kind: news.Direct, Span: news.Span{Start: a, End: b}})
		d.Entities = append(d.Entities, news.Entity{Name: text[a:b], Type: news.Person, Mentions: []news.Span{{Start: a, End: b}}})
	}
	return d
}

func FuzzCompare(f *testing.F) {
	f.Add("The council voted to close the bridge. Repairs cost about $12 million.", "The bridge will close, the council decided. Repairs will cost $12.4 million.", uint32(7))
	f.Add("Talks broke down. No deal was reached.", "Both sides were in full agreement.", uint32(99))
	f.Add("", "", uint32(0))
	f.Add("Ünïcödé “quotes” — and dashes. Café 4,408 people.", "日本語の文。 Another one.", uint32(12345))
	f.Fuzz(func(t *testing.T, a, b string, seed uint32) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			t.Skip()
		}
		docs := []news.Document{fuzzDoc("a", a, seed), fuzzDoc("b", b, seed^0x9e3779b9)}
		r := Compare(docs, Options{})
		checkSpans(t, docs, r)
		for _, list := range [][]Ref{spansOf(r)} {
			for _, sp := range list {
				text := docs[0].Text
				if sp.Article == "b" {
					text = docs[1].Text
				}
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("span %+v out of range", sp)
				}
				if (sp.Start < len(text) && !utf8.RuneStart(text[sp.Start])) || (sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
					t.Fatalf("span %+v not on rune boundaries of %q", sp, text)
				}
			}
		}
	})
}

// spansOf collects every span of a report.
func spansOf(r Report) []Ref {
	var out []Ref
	for _, e := range r.Entities {
		out = append(out, e.Spans...)
	}
	for _, q := range r.Quantities {
		out = append(out, q.Spans...)
	}
	for _, q := range r.Quotes {
		out = append(out, q.Spans...)
	}
	for _, f := range r.Facts {
		out = append(out, f.Spans...)
	}
	for _, x := range r.Tensions {
		out = append(out, x.Spans...)
	}
	for _, s := range r.Summary {
		out = append(out, s.Spans...)
	}
	return out
}

func FuzzTerms(f *testing.F) {
	f.Add("U.S. troops were unable to agree; talks broke down — “full agreement”, 4,408 deaths.")
	f.Add("al-Maliki's US-Iraqi end-of-year pull out")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip()
		}
		for _, tm := range terms(text, nil) {
			if tm.start < 0 || tm.end > len(text) || tm.start >= tm.end {
				t.Fatalf("terms(%q): term %+v out of range", text, tm)
			}
			if !utf8.RuneStart(text[tm.start]) || tm.end < len(text) && !utf8.RuneStart(text[tm.end]) {
				t.Fatalf("terms(%q): term %+v not on rune boundaries", text, tm)
			}
			if tm.key == "" {
				t.Fatalf("terms(%q): empty key at %+v", text, tm)
			}
		}
	})
}
