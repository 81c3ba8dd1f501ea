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

// groupLines lists a report's figure groups as "verdict article,article:
// mention texts", sorted.
func groupLines(r Report) []string {
	var out []string
	for _, q := range r.Quantities {
		var texts []string
		for _, m := range q.Mentions {
			texts = append(texts, m.Text)
		}
		out = append(out, string(q.Verdict)+" "+strings.Join(q.Articles, ",")+": "+strings.Join(texts, " | "))
	}
	slices.Sort(out)
	return out
}

// Figures are grouped by what they count and whose they are, never by
// value alone (issue 11).
func TestFiguresByWhatTheyCount(t *testing.T) {
	doc := func(id string) *comparetest.Builder { return comparetest.NewDoc(id, id, "", time.Time{}) }
	tests := []struct {
		name string
		docs []news.Document
		want []string
	}{
		{"two people of one age do not agree", []news.Document{
			doc("a").Para("Maria Lopez, 23, won the river race on Sunday.").
				Entity("Maria Lopez", news.Person).Quantity("23", 23, "", "age", news.Duration, "year").Doc(),
			doc("b").Para("The river race on Sunday was close, and Tom Reed, 23, finished second.").
				Entity("Tom Reed", news.Person).Quantity("23", 23, "", "age", news.Duration, "year").Doc(),
		}, []string{"single a: 23", "single b: 23"}},
		{"one person's age agrees", []news.Document{
			doc("a").Para("Maria Lopez, 23, won the river race on Sunday.").
				Entity("Maria Lopez", news.Person, "Lopez").Quantity("23", 23, "", "age", news.Duration, "year").Doc(),
			doc("b").Para("The winner of the river race, 23-year-old Maria Lopez, trained for years.").
				Entity("Maria Lopez", news.Person).Quantity("23-year-old", 23, "", "age", news.Duration, "year").Doc(),
		}, []string{"agree a,b: 23 | 23-year-old"}},
		{"a given name and the full name are one owner", []news.Document{
			doc("a").Para("Mark Hale, whose 6-year-old son, James, was hurt, spoke first.").
				Entity("Mark Hale", news.Person).Entity("James", news.Person).Quantity("6-year-old", 6, "", "age", news.Duration, "year").Doc(),
			doc("b").Para("Mark Hale, whose 6-year-old son, James Hale, was hurt, spoke first.").
				Entity("Mark Hale", news.Person).Entity("James Hale", news.Person).Quantity("6-year-old", 6, "", "age", news.Duration, "year").Doc(),
		}, []string{"agree a,b: 6-year-old | 6-year-old"}},
		{"an age without its person stays alone", []news.Document{
			doc("a").Para("Maria Lopez, 23, won the river race on Sunday.").
				Entity("Maria Lopez", news.Person).Quantity("23", 23, "", "age", news.Duration, "year").Doc(),
			doc("b").Para("The winner of the river race on Sunday is 23.").
				Quantity("23", 23, "", "age", news.Duration, "year").Doc(),
		}, []string{"single a: 23", "single b: 23"}},
		{"an open figure does not reach a figure many times its size", []news.Document{
			doc("a").Para("Hale raised just over $200,000 for his campaign.").
				Quantity("just over $200,000", 200000, news.MoreThan, "", news.Money, "USD").Doc(),
			doc("b").Para("Morrow raised $5.4 million for his campaign.").
				Quantity("$5.4 million", 5400000, "", "", news.Money, "USD").Doc(),
		}, []string{"single a: just over $200,000", "single b: $5.4 million"}},
		{"a kind of a thing needs a like sentence", []news.Document{
			doc("a").Para("The appointment means that two black senators will serve together.").
				Quantity("two black senators", 2, "", "black senators", news.Count, "").Doc(),
			doc("b").Para("It would be unusual for a state to have two senators who had run against each other.").
				Quantity("two senators", 2, "", "senators", news.Count, "").Doc(),
		}, []string{"single a: two black senators", "single b: two senators"}},
		{"a magnitude is not a count", []news.Document{
			doc("a").Para("There have been at least four aftershocks of around 4.0 on the island.").
				Quantity("around 4.0", 4, news.About, "aftershocks", news.Count, "").Doc(),
			doc("b").Para("The island was shaken by four aftershocks after the quake.").
				Quantity("four aftershocks", 4, "", "aftershocks", news.Count, "").Doc(),
		}, []string{"single a: around 4.0", "single b: four aftershocks"}},
		{"killed before the figure counts deaths", []news.Document{
			doc("a").Para("The quake on the island killed 10 people on Sunday.").
				Quantity("10 people", 10, "", "people", news.Count, "").Doc(),
			doc("b").Para("The quake on the island on Sunday left 10 people injured.").
				Quantity("10 people", 10, "", "people", news.Count, "").Doc(),
		}, []string{"single a: 10 people", "single b: 10 people"}},
		{"rival values of one count conflict", []news.Document{
			doc("a").Para("The quake on the island on Sunday injured 80 people in five villages.").
				Quantity("80 people", 80, "", "people", news.Count, "").Doc(),
			doc("b").Para("The quake on the island on Sunday injured 50 people in five villages.").
				Quantity("50 people", 50, "", "people", news.Count, "").Doc(),
		}, []string{"conflict a,b: 80 people | 50 people"}},
		{"two kinds of a thing do not conflict", []news.Document{
			doc("a").Para("Commandos on the dhow seized seven AK-47 assault rifles and a grenade launcher.").
				Quantity("seven AK-47 assault rifles", 7, "", "ak-47 assault rifles", news.Count, "").Doc(),
			doc("b").Para("Commandos on the dhow seized three rifles and a grenade launcher.").
				Quantity("three rifles", 3, "", "rifles", news.Count, "").Doc(),
		}, []string{"single a: seven AK-47 assault rifles", "single b: three rifles"}},
		{"a kind of a thing conflicts through its group", []news.Document{
			doc("a").Para("Witnesses saw two boats.").
				Quantity("two boats", 2, "", "boats", news.Count, "").Doc(),
			doc("b").Para("The pirates on two speed boats had surrounded the merchant ship.", "They came in two boats.").
				Quantity("two speed boats", 2, "", "speed boats", news.Count, "").Quantity("two boats", 2, "", "boats", news.Count, "").Doc(),
			doc("c").Para("The pirates on three boats had surrounded the merchant ship.").
				Quantity("three boats", 3, "", "boats", news.Count, "").Doc(),
		}, []string{"conflict a,b,c: two boats | two speed boats | two boats | three boats"}},
		{"values far apart do not conflict", []news.Document{
			doc("a").Para("After the quake on the island on Sunday, 10 families need shelter in tents.").
				Quantity("10 families", 10, "", "families", news.Count, "").Doc(),
			doc("b").Para("After the quake on the island on Sunday, 2,000 families need shelter in tents.").
				Quantity("2,000 families", 2000, "", "families", news.Count, "").Doc(),
		}, []string{"single a: 10 families", "single b: 2,000 families"}},
		{"a share reaches some points", []news.Document{
			doc("a").Para("Pollsters gave the mayor as much as 79 percent of the vote.").
				Quantity("as much as 79 percent", 79, news.UpTo, "vote", news.Percent, "%").Doc(),
			doc("b").Para("In 2010 her rival had won 56 percent of the vote.").
				Quantity("56 percent", 56, "", "vote", news.Percent, "%").Doc(),
		}, []string{"single a: as much as 79 percent", "single b: 56 percent"}},
		{"at least and more than are compatible", []news.Document{
			doc("a").Para("She funneled at least $10,000 to the campaign.").
				Quantity("at least $10,000", 10000, news.AtLeast, "", news.Money, "USD").Doc(),
			doc("b").Para("She was charged with funneling more than $10,000 into the campaign.").
				Quantity("more than $10,000", 10000, news.MoreThan, "", news.Money, "USD").Doc(),
		}, []string{"compatible a,b: at least $10,000 | more than $10,000"}},
		{"a group holds one value of an article", []news.Document{
			doc("a").Para("As many as 2,000 people in the villages need shelter.").
				Quantity("As many as 2,000 people", 2000, news.UpTo, "people", news.Count, "").Doc(),
			doc("b").Para("Around 1,000 people in the villages are housed in tents and another 2,000 people wait.").
				Quantity("Around 1,000 people", 1000, news.About, "people", news.Count, "").
				Quantity("2,000 people", 2000, "", "people", news.Count, "").Doc(),
		}, []string{"compatible a,b: As many as 2,000 people | 2,000 people", "single b: Around 1,000 people"}},
		{"a bare figure and about it agree", []news.Document{
			doc("a").Para("The warship was 13 nautical miles from the ship.").
				Quantity("13 nautical miles", 13, "", "", news.Measure, "mile").Doc(),
			doc("b").Para("The warship, some 13 nautical miles from the ship, turned.").
				Quantity("some 13 nautical miles", 13, news.About, "", news.Measure, "mile").Doc(),
		}, []string{"agree a,b: 13 nautical miles | some 13 nautical miles"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groupLines(Compare(tt.docs, Options{}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("figure groups (-want +got):\n%s", diff)
			}
		})
	}
}

// An article that repeats a figure in the same words lists it once among
// the mentions and at every place among the spans.
func TestRepeatedFigure(t *testing.T) {
	a := comparetest.NewDoc("a", "a", "", time.Time{}).Para("The navy captured 23 pirates.", "The 23 pirates were taken aboard.").Doc()
	for _, off := range []int{18, 34} {
		a.Quantities = append(a.Quantities, news.Quantity{Value: 23, Counts: "pirates", Kind: news.Count, Text: "23 pirates", Span: news.Span{Start: off, End: off + 10}})
	}
	b := comparetest.NewDoc("b", "b", "", time.Time{}).Para("The navy captured 23 pirates on Saturday.").
		Quantity("23 pirates", 23, "", "pirates", news.Count, "").Doc()
	r := Compare([]news.Document{a, b}, Options{})
	if len(r.Quantities) != 1 {
		t.Fatalf("groups = %v; want one", groupLines(r))
	}
	q := r.Quantities[0]
	if len(q.Mentions) != 2 || len(q.Spans) != 3 {
		t.Errorf("mentions %d, spans %d; want 2 and 3: %+v", len(q.Mentions), len(q.Spans), q)
	}
}

// Calendar dates two articles give are figures: one date in alike
// sentences agrees, near dates of one event conflict, and a date in
// unlike sentences, a weekday or a date of one article is not listed.
func TestDateFigures(t *testing.T) {
	doc := func(id, text string, dates ...news.Date) news.Document {
		d := comparetest.NewDoc(id, id, "", time.Time{}).Para(text).Doc()
		for _, dt := range dates {
			i := strings.Index(d.Text, dt.Text)
			if i < 0 {
				t.Fatalf("no %q in %q", dt.Text, d.Text)
			}
			dt.Span = news.Span{Start: i, End: i + len(dt.Text)}
			d.Dates = append(d.Dates, dt)
		}
		return d
	}
	date := func(text, value string) news.Date { return news.Date{Text: text, Value: value} }
	tests := []struct {
		name string
		docs []news.Document
		want []string
	}{
		{"one date agrees", []news.Document{
			doc("a", "Voters will fill the Senate seat in a special election on June 25.", date("June 25", "2013-06-25")),
			doc("b", "The special election for the Senate seat is set for June 25.", date("June 25", "2013-06-25")),
		}, []string{"agree a,b: June 25 | June 25"}},
		{"rival dates conflict", []news.Document{
			doc("a", "On November 19, the frigate sank a Thai trawler used by the pirates as a mother ship.", date("November 19", "2008-11-19")),
			doc("b", "The frigate sank a Thai trawler used by the pirates as a mother ship on November 18.", date("November 18", "2008-11-18")),
		}, []string{"conflict a,b: November 19 | November 18"}},
		{"a month in unlike sentences is two dates", []news.Document{
			doc("a", "The president won a clear mandate from voters in November.", date("November", "2012-11")),
			doc("b", "Brown lost his seat to Warren in November after a costly race.", date("November", "2012-11")),
		}, nil},
		{"a weekday is not a figure", []news.Document{
			doc("a", "The governor named the new senator on Wednesday at the State House.", date("Wednesday", "2013-01-30")),
			doc("b", "On Wednesday the governor named the new senator at the State House.", date("Wednesday", "2013-01-30")),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groupLines(Compare(tt.docs, Options{}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("date groups (-want +got):\n%s", diff)
			}
		})
	}
}

// An age the analysis gave an owner (news.Quantity.Of) belongs to that
// person, even with no name beside the figure.
func TestAgeOwnerFromAnalysis(t *testing.T) {
	doc := func(id, of string) news.Document {
		d := comparetest.NewDoc(id, id, "", time.Time{}).Para("The nurse who lived nearby was 23, the "+id+" report said.").
			Quantity("23", 23, "", "age", news.Age, "year").Doc()
		d.Quantities[0].Of = of
		return d
	}
	for _, tt := range []struct {
		a, b string
		want []string
	}{
		{"Ann Vole", "Bo Trent", []string{"single a: 23", "single b: 23"}},
		{"Ann Vole", "Ann Vole", []string{"agree a,b: 23 | 23"}},
	} {
		if got := groupLines(Compare([]news.Document{doc("a", tt.a), doc("b", tt.b)}, Options{})); !cmp.Equal(got, tt.want) {
			t.Errorf("ages of %s and %s grouped %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
