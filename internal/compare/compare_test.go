package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/news"
)

func keys(text string) []string {
	var out []string
	for _, t := range terms(text, nil) {
		k := t.key
		if t.negated {
			k = "!" + k
		}
		out = append(out, k)
	}
	return out
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"stems and stop words", "The soldiers were leaving the bases", []string{"troop", "withdraw", "bas"}},
		{"phrasal verb", "All troops will be pulled out by June", []string{"troop", "withdraw", "jun"}},
		{"country acronym", "US troops", []string{"usa", "troop"}},
		{"dotted acronym", "U.S. forces", []string{"usa", "troop"}},
		{"pronoun us is a stop word", "He told us", nil},
		{"number", "4,408 deaths", []string{"#4408", "die"}},
		{"negation takes the next content word", "They were unable to agree on the plan", []string{"!agree", "plan"}},
		{"no deal", "No deal was reached", []string{"!agree", "reach"}},
		{"failure cue after", "Talks broke down", []string{"!talk"}},
		{"clause break ends negation", "They did not. Agreement followed", []string{"agree", "follow"}},
		{"hyphenated compound", "US-Iraqi talks", []string{"usa", "iraq", "talk"}},
		{"demonym", "Syrian forces", []string{"syria", "troop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := keys(tt.text); !cmp.Equal(got, tt.want) {
				t.Errorf("terms(%q) = %v; want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := map[string]string{
		"troops": "troop", "agencies": "agency", "leaving": "leav", "leave": "leav", "agreed": "agr",
		"agreement": "agr", "stopped": "stop", "crisis": "crisis", "bus": "bus", "quickly": "quick",
		"withdrew": "withdraw", "died": "die",
	}
	for in, want := range tests {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestInterval(t *testing.T) {
	tests := []struct {
		name   string
		a, b   float64
		qa, qb news.Qualifier
		want   bool
	}{
		{"more than vs exact above", 4400, 4408, "more than", "", true},
		{"about vs exact", 39000, 39000, "about", "", true},
		{"a round hundred covers an exact figure", 4400, 4408, "", "", true},
		{"an exact figure is exact", 4408, 4410, "", "", false},
		{"round thousand", 39000, 39400, "", "", true},
		{"exact different", 9000, 6500, "", "", false},
		{"nearly is below", 100, 104, "nearly", "", false},
		{"nearly vs lower", 100, 95, "nearly", "", true},
		{"up to", 50, 30, "up to", "", true},
		{"up to reaches only so far down", 100, 2, "up to", "", false},
		{"more than reaches only so far up", 200000, 5400000, "more than", "", false},
		{"at least vs less", 50, 20, "at least", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alo, ahi := interval(tt.a, classify(tt.qa))
			blo, bhi := interval(tt.b, classify(tt.qb))
			if got := alo <= bhi && blo <= ahi; got != tt.want {
				t.Errorf("intervals of %s %v and %s %v meet = %v; want %v", tt.qa, tt.a, tt.qb, tt.b, got, tt.want)
			}
		})
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		a, b string
		want []Change
	}{
		{"with their heads held high proud of their success", "the us leaves iraq with our heads held high", []Change{{"their", "our"}}},
		{"we cannot put lives at risk", "we can not put lives at risk", []Change{{"cannot", "can not"}}},
		{"put lives at risk", "we cannot put lives at risk today", nil},
	}
	for _, tt := range tests {
		if got := wordDiff(strings.Fields(tt.a), strings.Fields(tt.b)); !cmp.Equal(got, tt.want) {
			t.Errorf("wordDiff(%q, %q) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNameMerge(t *testing.T) {
	doc := func(id string, ents ...news.Entity) news.Document {
		return news.Document{Article: news.Article{ID: id}, Entities: ents}
	}
	person := func(name string, aliases ...string) news.Entity {
		return news.Entity{Name: name, Type: news.Person, Aliases: aliases, Mentions: []news.Span{{Start: 0, End: 1}}}
	}
	tests := []struct {
		name string
		docs []news.Document
		want [][]string // the articles of each merged entity, by name
	}{
		{"article prefix and missing given name",
			[]news.Document{doc("a", person("Nadia al-Rashid")), doc("b", person("Nadia Rashid")), doc("c", person("Rashid"))},
			[][]string{{"a", "b", "c"}}},
		{"initial with and without dot",
			[]news.Document{doc("a", person("John Q. Public")), doc("b", person("John Q Public"))},
			[][]string{{"a", "b"}}},
		{"different given names stay apart, bare surname is ambiguous",
			[]news.Document{doc("a", person("Anna Berg")), doc("b", person("Carl Berg")), doc("c", person("Berg"))},
			[][]string{{"a"}, {"b"}, {"c"}}},
		{"a generational suffix on one side only",
			[]news.Document{doc("a", person("Oren Falk Jr.")), doc("b", person("Oren Falk"))},
			[][]string{{"a", "b"}}},
		{"Jr. and Sr. are two people",
			[]news.Document{doc("a", person("Oren Falk Jr.")), doc("b", person("Oren Falk Sr."))},
			[][]string{{"a"}, {"b"}}},
		{"father and son an article keeps apart stay apart everywhere",
			[]news.Document{doc("a", person("Oren Falk Jr."), person("Oren Falk")), doc("b", person("Oren Falk Jr.")), doc("c", person("Oren Falk"))},
			[][]string{{"a", "b"}, {"a", "c"}}},
		{"a bare surname does not join a name known only with a suffix",
			[]news.Document{doc("a", person("Oren Falk Jr.")), doc("b", person("Falk"))},
			[][]string{{"a"}, {"b"}}},
		{"familiar forms of a given name",
			[]news.Document{doc("a", person("Charles Dunmore")), doc("b", person("Chuck Dunmore")), doc("c", person("Rudolph Vance")), doc("d", person("Rudy Vance"))},
			[][]string{{"a", "b"}, {"c", "d"}}},
		{"an initial before the given name used, and a title",
			[]news.Document{doc("a", person("J. Christopher Hale")), doc("b", person("Sen. Chris Hale"))},
			[][]string{{"a", "b"}}},
		{"two familiar forms of different names stay apart",
			[]news.Document{doc("a", person("Chuck Dunmore")), doc("b", person("Bill Dunmore"))},
			[][]string{{"a"}, {"b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, e := range mergeEntities(tt.docs) {
				got = append(got, e.Articles)
			}
			slices.SortFunc(got, func(a, b []string) int { return strings.Compare(strings.Join(a, ","), strings.Join(b, ",")) })
			if !cmp.Equal(got, tt.want) {
				t.Errorf("mergeEntities articles = %v; want %v", got, tt.want)
			}
		})
	}
}

// find returns the first item whose text contains sub.
func findFact(r Report, sub string) *Fact {
	for i := range r.Facts {
		if strings.Contains(r.Facts[i].Text, sub) {
			return &r.Facts[i]
		}
	}
	return nil
}

func TestCompareBridge(t *testing.T) {
	docs := comparetest.Bridge()
	r := Compare(docs, Options{})

	t.Run("shared lead fact", func(t *testing.T) {
		f := findFact(r, "close")
		if f == nil || len(f.Articles) != 3 {
			t.Fatalf("closure fact = %+v; want it reported by all three articles", f)
		}
	})
	t.Run("unique facts", func(t *testing.T) {
		for sub, id := range map[string]string{"Shop owners": "herald-1", "Tom Baker": "bulletin-3"} {
			f := findFact(r, sub)
			if f == nil || !cmp.Equal(f.Articles, []string{id}) {
				t.Errorf("fact %q = %+v; want only %s", sub, f, id)
			}
		}
	})
	t.Run("figures", func(t *testing.T) {
		want := map[string]Verdict{"repairs": Compatible, "residents": Compatible, "vehicles": Conflict, "local businesses": Single}
		got := map[string]Verdict{}
		for _, q := range r.Quantities {
			got[q.Counts] = q.Verdict
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("quantity verdicts (-want +got):\n%s", diff)
		}
	})
	t.Run("quote", func(t *testing.T) {
		if len(r.Quotes) != 1 {
			t.Fatalf("got %d quote groups; want 1: %+v", len(r.Quotes), r.Quotes)
		}
		q := r.Quotes[0]
		if q.Verdict != Reworded || len(q.Articles) != 3 || q.Speaker != "Elena Ruiz" {
			t.Errorf("quote = %s by %q in %v; want reworded by Elena Ruiz in 3 articles", q.Verdict, q.Speaker, q.Articles)
		}
		if !slices.Contains(q.Changes, Change{"cannot", "can not"}) {
			t.Errorf("quote changes = %v; want cannot → can not", q.Changes)
		}
	})
	t.Run("tensions", func(t *testing.T) {
		var kinds []TensionKind
		for _, x := range r.Tensions {
			kinds = append(kinds, x.Kind)
			if len(x.Sides) != 2 || x.Sides[0].Article == x.Sides[1].Article {
				t.Errorf("tension %q: sides %+v; want two articles", x.Text, x.Sides)
			}
		}
		if !slices.Contains(kinds, FigureTension) || !slices.Contains(kinds, NegationTension) {
			t.Errorf("tension kinds = %v; want figure and negation", kinds)
		}
		found := false
		for _, x := range r.Tensions {
			if x.Kind == NegationTension && strings.Contains(x.Sides[0].Text, "full agreement") && strings.Contains(x.Sides[1].Text, "no deal") {
				found = true
			}
		}
		if !found {
			t.Errorf("no tension between the agreement and the failed talks: %+v", r.Tensions)
		}
	})
	t.Run("entities", func(t *testing.T) {
		for _, e := range r.Entities {
			if e.Name == "Elena Ruiz" {
				if len(e.Articles) != 3 {
					t.Errorf("Elena Ruiz named by %v; want all three", e.Articles)
				}
				return
			}
		}
		t.Errorf("no merged entity Elena Ruiz in %+v", r.Entities)
	})
	t.Run("summary", func(t *testing.T) {
		words := 0
		for _, s := range r.Summary {
			words += len(strings.Fields(s.Text))
			if len(s.Articles) == 0 || len(s.Spans) == 0 {
				t.Errorf("summary sentence %q has no backing", s.Text)
			}
		}
		if words == 0 || words > DefaultMaxSummaryWords {
			t.Errorf("summary has %d words; want 1..%d", words, DefaultMaxSummaryWords)
		}
		if len(r.Summary) > 0 && len(r.Summary[0].Articles) < 2 {
			t.Errorf("first summary sentence %q backed by %v; want several articles", r.Summary[0].Text, r.Summary[0].Articles)
		}
	})
	t.Run("spans are source slices", func(t *testing.T) {
		checkSpans(t, docs, r)
	})
}

// checkSpans checks that every span of r lies in its article on UTF-8
// boundaries and that texts shown with a span equal the source slice.
func checkSpans(t *testing.T, docs []news.Document, r Report) {
	t.Helper()
	text := map[string]string{}
	for _, a := range r.Articles {
		text[a.ID] = a.Text
	}
	check := func(what string, ref Ref, shown string) {
		s, ok := text[ref.Article]
		if !ok {
			t.Errorf("%s: unknown article %q", what, ref.Article)
			return
		}
		if ref.Start < 0 || ref.End > len(s) || ref.Start > ref.End {
			t.Errorf("%s: span %+v outside the text (%d bytes)", what, ref, len(s))
			return
		}
		if shown != "" && s[ref.Start:ref.End] != shown {
			t.Errorf("%s: text %q != source slice %q", what, shown, s[ref.Start:ref.End])
		}
	}
	for _, f := range r.Facts {
		for _, sp := range f.Spans {
			check("fact", sp, "")
		}
	}
	for _, q := range r.Quantities {
		for _, m := range q.Mentions {
			check("quantity", Ref{m.Article, m.Start, m.End}, m.Text)
		}
	}
	for _, q := range r.Quotes {
		for _, m := range q.Mentions {
			check("quote", Ref{m.Article, m.Start, m.End}, m.Text)
		}
	}
	for _, x := range r.Tensions {
		for _, s := range x.Sides {
			check("tension", Ref{s.Article, s.Start, s.End}, s.Text)
		}
	}
	for _, s := range r.Summary {
		check("summary", s.Spans[0], strings.TrimSpace(s.Text))
	}
	for _, e := range r.Entities {
		for _, sp := range e.Spans {
			check("entity", sp, "")
		}
	}
}

func TestBadInput(t *testing.T) {
	bridge := comparetest.Bridge()
	t.Run("no articles", func(t *testing.T) {
		r := Compare(nil, Options{})
		if len(r.Articles) != 0 || len(r.Notes) == 0 || r.Facts == nil || r.Summary == nil {
			t.Errorf("Compare(nil) = %+v; want an empty report with a note and non-nil lists", r)
		}
	})
	t.Run("one article", func(t *testing.T) {
		r := Compare(bridge[:1], Options{})
		if len(r.Facts) == 0 || len(r.Summary) == 0 {
			t.Errorf("one article: %d facts, %d summary sentences; want some", len(r.Facts), len(r.Summary))
		}
		for _, q := range r.Quantities {
			if q.Verdict != Single {
				t.Errorf("one article: quantity %q verdict %s; want single", q.Counts, q.Verdict)
			}
		}
	})
	t.Run("the same article twice", func(t *testing.T) {
		dup := bridge[0]
		dup.ID = "copy"
		r := Compare([]news.Document{bridge[0], dup, bridge[1]}, Options{})
		want := []Duplicate{{Article: "copy", SameAs: "herald-1"}}
		if diff := cmp.Diff(want, r.Duplicates); diff != "" {
			t.Errorf("duplicates (-want +got):\n%s", diff)
		}
		if len(r.Articles) != 2 {
			t.Errorf("got %d articles; want 2 after dropping the copy", len(r.Articles))
		}
	})
	t.Run("same ids", func(t *testing.T) {
		a, b := bridge[0], bridge[1]
		b.ID = a.ID
		r := Compare([]news.Document{a, b}, Options{})
		if r.Articles[0].ID == r.Articles[1].ID {
			t.Errorf("ids not made unique: %q", r.Articles[0].ID)
		}
		checkSpans(t, nil, r)
	})
	t.Run("different languages", func(t *testing.T) {
		fr := news.Document{Article: news.Article{ID: "fr", Language: "fr", Text: "Le conseil a voté mardi la fermeture du pont."}}
		fr.Sentences = []news.Span{{Start: 0, End: len(fr.Text)}}
		r := Compare([]news.Document{bridge[0], fr}, Options{})
		if !strings.Contains(strings.Join(r.Notes, " "), "different languages") {
			t.Errorf("notes = %v; want a note on languages", r.Notes)
		}
	})
	t.Run("no sentence spans", func(t *testing.T) {
		d := news.Document{Article: news.Article{ID: "raw", Text: "First paragraph with several words in it.\n\nSecond paragraph about another matter entirely."}}
		r := Compare([]news.Document{d}, Options{})
		if len(r.Facts) != 2 {
			t.Errorf("got %d facts; want the 2 paragraphs", len(r.Facts))
		}
	})
	t.Run("spans out of range are ignored", func(t *testing.T) {
		d := bridge[0]
		d.Quantities = append(slices.Clone(d.Quantities), news.Quantity{Value: 1, Span: news.Span{Start: 5, End: 1 << 20}})
		d.Quotes = append(slices.Clone(d.Quotes), news.Quote{Text: "x", Span: news.Span{Start: -3, End: 2}})
		d.Sentences = append(slices.Clone(d.Sentences), news.Span{Start: 10, End: 1 << 20})
		Compare([]news.Document{d, bridge[1]}, Options{})
	})
}

func TestDeterministic(t *testing.T) {
	a := Compare(comparetest.Bridge(), Options{})
	for i := 0; i < 5; i++ {
		if diff := cmp.Diff(a, Compare(comparetest.Bridge(), Options{})); diff != "" {
			t.Fatalf("Compare is not deterministic (-first +again):\n%s", diff)
		}
	}
}

// A span of time is one figure whether or not the writer names what lasted.
func TestDurationsGroup(t *testing.T) {
	a := comparetest.NewDoc("a", "Herald", "", time.Time{}).
		Para("The mission ends an almost six-year presence in the valley.").
		Quantity("almost six-year presence", 6, news.Nearly, "presence", news.Duration, "year").Doc()
	b := comparetest.NewDoc("b", "Bulletin", "", time.Time{}).
		Para("Engineers leave after nearly six years in the valley.").
		Quantity("nearly six years", 6, "nearly", "", news.Duration, "year").Doc()
	c := comparetest.NewDoc("c", "Courier", "", time.Time{}).
		Para("The dam took three years to build.").
		Quantity("three years", 3, "", "", news.Duration, "year").Doc()
	r := Compare([]news.Document{a, b, c}, Options{})
	var got []string
	for _, q := range r.Quantities {
		got = append(got, string(q.Verdict)+" "+strings.Join(q.Articles, ","))
	}
	slices.Sort(got)
	want := []string{"agree a,b", "single c"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("duration groups (-want +got):\n%s", diff)
	}
}

// Articles in several languages (as the lang stage names them): a note
// says so, and the summary keeps to the main language.
func TestMixedLanguages(t *testing.T) {
	a := comparetest.NewDoc("a", "Herald", "Harbour bridge reopens", time.Time{}).
		Para("The harbour bridge reopened on Monday after two years of repairs.",
			"Engineers replaced the cables and the deck, and the city paid for the work.").Doc()
	b := comparetest.NewDoc("b", "Bulletin", "Bridge open again", time.Time{}).
		Para("Traffic crossed the harbour bridge again on Monday, two years after it closed for repairs.",
			"The city paid for new cables and a new deck.").Doc()
	de := comparetest.NewDoc("de", "Zeitung", "Hafenbrücke wieder offen", time.Time{}).
		Para("Die Hafenbrücke ist am Montag nach zwei Jahren Reparatur wieder für den Verkehr geöffnet worden.",
			"Die Ingenieure haben die Seile und die Fahrbahn ersetzt, und die Stadt hat die Arbeiten bezahlt.").Doc()
	docs := []news.Document{de, a, b}
	docs[0].Language = "de"
	r := Compare(docs, Options{})
	if !slices.ContainsFunc(r.Notes, func(n string) bool { return strings.Contains(n, "(de, en)") }) {
		t.Errorf("notes = %q; want one naming the languages de, en", r.Notes)
	}
	if len(r.Summary) == 0 {
		t.Fatal("no summary")
	}
	for _, s := range r.Summary {
		if slices.Contains(s.Articles, "de") && len(s.Articles) == 1 {
			t.Errorf("summary sentence %q comes from the German article only; want the main language, English", s.Text)
		}
	}
}

func TestMarkUnclearPeople(t *testing.T) {
	ents := []Entity{
		{Name: "Sandy Hook Elementary", Type: news.Organization, Aliases: []string{"Sandy Hook Elementary"}},
		{Name: "Sandy Hook", Type: news.Person, Aliases: []string{"Sandy Hook"}},
		{Name: "Financial Dreams", Type: news.Person, Aliases: []string{"Financial Dreams"}},
		{Name: "Iowa Republican", Type: news.Person, Aliases: []string{"Iowa Republican"}},
		{Name: "Martha", Type: news.Person, Aliases: []string{"Martha"}},
		{Name: "Maria Quell", Type: news.Person, Aliases: []string{"Maria Quell", "Quell"}},
		{Name: "Zorv Quell", Type: news.Person, Aliases: []string{"Sen. Zorv Quell"}},
		{Name: "J. Tiber Quell", Type: news.Person, Aliases: []string{"J. Tiber Quell"}},
		{Name: "Ruko Vantan", Type: news.Person, Aliases: []string{"Ruko Vantan"}},
	}
	docs := []news.Document{{Quotes: []news.Quote{{Speaker: "Ruko Vantan"}}}}
	markUnclearPeople(ents, docs)
	want := map[string]news.EntityType{
		"Sandy Hook": news.Unclear, "Financial Dreams": news.Unclear, "Iowa Republican": news.Unclear, "Martha": news.Unclear,
		"Maria Quell": news.Person, "Zorv Quell": news.Person, "J. Tiber Quell": news.Person, "Ruko Vantan": news.Person,
	}
	for _, e := range ents {
		if w, ok := want[e.Name]; ok && e.Type != w {
			t.Errorf("%q typed %s; want %s", e.Name, e.Type, w)
		}
	}
}

func TestQuoteGroups(t *testing.T) {
	doc := func(id, text string, quotes ...news.Quote) news.Document {
		return news.Document{Article: news.Article{ID: id, Source: "Outlet " + id, Text: "The story as " + id + " tells it."}, Quotes: quotes}
	}
	quote := func(text, speaker string) news.Quote {
		return news.Quote{Text: text, Speaker: speaker, Kind: "direct", Span: news.Span{Start: 0, End: 1}}
	}
	tests := []struct {
		name string
		docs []news.Document
		want []int // the number of articles of each group, largest first
	}{
		{"one word quoted by two is no utterance",
			[]news.Document{doc("a", "x", quote("jackass", "")), doc("b", "x", quote("jackass", ""))},
			[]int{1, 1}},
		{"a short phrase inside a long quote is not that quote",
			[]news.Document{doc("a", "x", quote("It is a sad day for the Ground Zero mosque and for all of us here", "Lena Ortiz")), doc("b", "x", quote("Ground Zero mosque", ""))},
			[]int{1, 1}},
		{"a statement's words are not a person's",
			[]news.Document{doc("a", "x", quote("the defendant will fight these charges in court every step", "the statement")), doc("b", "x", quote("the defendant will fight these charges in court every step", "Lena Ortiz"))},
			[]int{1, 1}},
		{"orthographic variants are one quote, not a rewording",
			[]news.Document{doc("a", "x", quote("The E.U. will not accept this deal at all", "Lena Ortiz")), doc("b", "x", quote("The EU will not accept this deal at all", "Lena Ortiz"))},
			[]int{2}},
		{"a long quote covering two keeps the two apart",
			[]news.Document{
				doc("a", "x", quote("When the dust settles he will be cleared of every charge. Until then he will keep serving the voters of his district", "Lena Ortiz")),
				doc("b", "x", quote("When the dust settles he will be cleared of every charge", "Lena Ortiz"), quote("Until then he will keep serving the voters of his district", "Lena Ortiz"))},
			[]int{2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(tt.docs, Options{})
			var got []int
			for _, q := range r.Quotes {
				got = append(got, len(q.Articles))
				if tt.name == "orthographic variants are one quote, not a rewording" && q.Verdict == Reworded {
					t.Errorf("quote %q reworded: %+v", q.Mentions[0].Text, q.Changes)
				}
			}
			if !cmp.Equal(got, tt.want) {
				t.Errorf("quote groups by article count = %v; want %v", got, tt.want)
			}
		})
	}
}

func TestSpeakerResolve(t *testing.T) {
	ents := []Entity{
		{Name: "National Rifle Association", Type: news.Organization, Aliases: []string{"National Rifle Association", "NRA"}},
		{Name: "Barack Obama", Type: news.Person, Aliases: []string{"President Barack Obama", "Obama"}},
		{Name: "Victoria Nuland", Type: news.Person, Aliases: []string{"Victoria Nuland", "Ms. Nuland"}},
	}
	s := newSpeakers(ents)
	for in, want := range map[string]string{
		"the NRA":                          "National Rifle Association",
		"The president":                    "Barack Obama",
		"Ms. Nuland sent officials a note": "Victoria Nuland",
		"leaned into him and":              "",
		"A":                                "",
		"Monday":                           "",
		"a White House spokesman":          "a White House spokesman",
		"Karl Weber":                       "Karl Weber",
		"":                                 "",
	} {
		if got := s.resolve(in); got != want {
			t.Errorf("resolve(%q) = %q; want %q", in, got, want)
		}
	}
}

// Fixed (issue 10): a tension needs both statements to speak of the same
// subject, and the summary does not credit an article that says the
// opposite of a sentence.
func TestTensionSubject(t *testing.T) {
	doc := func(id string, sentences ...string) news.Document {
		return comparetest.NewDoc(id, id, "Port talks", time.Time{}).Para(sentences...).Doc()
	}
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"same subject",
			"The port union and the shipping lines were in full agreement on new night shifts at the harbour.",
			"Talks between the port union and the shipping lines on night shifts at the harbour broke down, and no deal was reached.", true},
		{"an older agreement is another subject",
			"When the 2019 harbour agreement on night shifts was signed, the port union expected more pay for night shifts.",
			"The shipping lines say no deal on night shifts at the harbour could be reached with the port union.", false},
		{"a clause after a comma and a subordinator has its own subject",
			"About 300 dock workers remain at the harbour on night shifts, down from 900 last year.",
			"The port union refused new rules for dock workers on night shifts at the harbour, while the shipping lines had refused to stay at the talks.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare([]news.Document{doc("a", tt.a), doc("b", tt.b)}, Options{})
			got := false
			for _, x := range r.Tensions {
				got = got || x.Kind == NegationTension
			}
			if got != tt.want {
				t.Errorf("negation tension = %v; want %v: %+v", got, tt.want, r.Tensions)
			}
		})
	}
	t.Run("no credit from the other side", func(t *testing.T) {
		r := Compare(comparetest.Bridge(), Options{})
		for _, s := range r.Summary {
			if strings.Contains(s.Text, "full agreement") && slices.Contains(s.Articles, "times-7") {
				t.Errorf("summary sentence %q credited to times-7, which says the talks broke down", s.Text)
			}
		}
	})
}
