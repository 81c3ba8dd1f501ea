package quantity

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// brief is the part of a quantity the table tests check.
type brief struct {
	Text      string
	Qualifier news.Qualifier
	Counts    string
	Value     float64
	Kind      news.QuantityKind
	Unit      string
}

// tokens returns the token stream and sentences of s, as the stages
// before this one make them.
func tokens(s string) ([]news.Token, []news.Span) {
	lx := lexicon.Default()
	toks := token.Tokenize(nil, s, lx)
	return toks, sentence.Split(s, toks, lx)
}

// findAll runs Find over s as the pipeline does.
func findAll(s string) []news.Quantity {
	toks, sents := tokens(s)
	return Find(s, toks, sents)
}

func find(s string) []brief {
	var out []brief
	for _, q := range findAll(s) {
		out = append(out, brief{q.Text, q.Qualifier, q.Counts, q.Value, q.Kind, q.Unit})
	}
	return out
}

type findTest struct {
	name string
	in   string
	want []brief
}

func runFind(t *testing.T, tests []findTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, find(tt.in)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestFind(t *testing.T) {
	runFind(t, []findTest{
		{"plain count", "The storm destroyed 1,200 homes.",
			[]brief{{"1,200 homes", "", "homes", 1200, news.Count, ""}}},
		{"acronym modifier", "All 12,000 UN peacekeepers left.",
			[]brief{{"12,000 UN peacekeepers", "", "un peacekeepers", 12000, news.Count, ""}}},
		{"dotted acronym", "There are 9,500 U.S. soldiers there.",
			[]brief{{"9,500 U.S. soldiers", "", "us soldiers", 9500, news.Count, ""}}},
		{"stops after the plural head", "all 2,500 Dutch engineers still working on the dam",
			[]brief{{"2,500 Dutch engineers", "", "dutch engineers", 2500, news.Count, ""}}},
		{"irregular plural", "Some 600 police personnel were deployed and 30 children hurt.",
			[]brief{
				{"Some 600 police personnel", "about", "police personnel", 600, news.Count, ""},
				{"30 children", "", "children", 30, news.Count, ""},
			}},
		{"participle before the noun", "Nearly 70 armed men attacked.",
			[]brief{{"Nearly 70 armed men", "nearly", "armed men", 70, news.Count, ""}}},
		{"nominal head", "The blast left 14 dead and 52 injured.",
			[]brief{{"14 dead", "", "dead", 14, news.Count, ""}, {"52 injured", "", "injured", 52, news.Count, ""}}},
		{"of the", "Some 2,000 of the workers joined.",
			[]brief{{"Some 2,000 of the workers", "about", "workers", 2000, news.Count, ""}}},
		{"of the with a second figure", "Only 300 of the 1,100 delegates voted.",
			[]brief{
				{"300 of the 1,100 delegates", "", "delegates", 300, news.Count, ""},
			}},
		{"decimal and scale word", "The city has 4.5 million residents.",
			[]brief{{"4.5 million residents", "", "residents", 4.5e6, news.Count, ""}}},
	})
}

func TestQualifiers(t *testing.T) {
	runFind(t, []findTest{
		{"more than", "More than 300 people were hurt.",
			[]brief{{"More than 300 people", "more than", "people", 300, news.Count, ""}}},
		{"over", "over 80 schools closed",
			[]brief{{"over 80 schools", "more than", "schools", 80, news.Count, ""}}},
		{"in excess of", "in excess of 700 jobs",
			[]brief{{"in excess of 700 jobs", "more than", "jobs", 700, news.Count, ""}}},
		{"about", "About 40 firefighters attended.",
			[]brief{{"About 40 firefighters", "about", "firefighters", 40, news.Count, ""}}},
		{"an estimated", "an estimated 25,000 spectators",
			[]brief{{"an estimated 25,000 spectators", "about", "spectators", 25000, news.Count, ""}}},
		{"at least", "at least 12 miners died",
			[]brief{{"at least 12 miners", "at least", "miners", 12, news.Count, ""}}},
		{"no fewer than", "no fewer than 40 boats",
			[]brief{{"no fewer than 40 boats", "at least", "boats", 40, news.Count, ""}}},
		{"fewer than", "fewer than 90 votes",
			[]brief{{"fewer than 90 votes", "less than", "votes", 90, news.Count, ""}}},
		{"just under", "just under 500 pupils",
			[]brief{{"just under 500 pupils", "nearly", "pupils", 500, news.Count, ""}}},
		{"up to spelled", "up to two thousand residents fled",
			[]brief{{"up to two thousand residents", "up to", "residents", 2000, news.Count, ""}}},
		{"as many as", "as many as 60 trucks",
			[]brief{{"as many as 60 trucks", "up to", "trucks", 60, news.Count, ""}}},
		{"nearly", "nearly 900 students enrolled",
			[]brief{{"nearly 900 students", "nearly", "students", 900, news.Count, ""}}},
		{"close to", "close to 900 students",
			[]brief{{"close to 900 students", "nearly", "students", 900, news.Count, ""}}},
		{"peaked at", "attendance peaked at 45,000 fans",
			[]brief{{"peaked at 45,000 fans", "peak of", "fans", 45000, news.Count, ""}}},
		{"or more after", "50 or more houses",
			[]brief{{"50 or more houses", "at least", "houses", 50, news.Count, ""}}},
		{"plus after", "a 3,000-plus crowd of 3,000+ fans",
			[]brief{
				{"3,000-plus", "more than", "", 3000, news.Count, ""},
				{"3,000+ fans", "more than", "fans", 3000, news.Count, ""},
			}},
		{"inherits counted thing", "Some 8,000 nurses are on strike, down from a peak of 11,000 in May.",
			[]brief{
				{"Some 8,000 nurses", "about", "nurses", 8000, news.Count, ""},
				{"a peak of 11,000", "peak of", "nurses", 11000, news.Count, ""},
			}},
		{"inherits from the previous sentence only", "There were 300 boats. Later 200 left. It had 150 in port. Then 90.",
			[]brief{
				{"300 boats", "", "boats", 300, news.Count, ""},
				{"200", "", "boats", 200, news.Count, ""},
				{"150", "", "boats", 150, news.Count, ""},
				{"90", "", "boats", 90, news.Count, ""},
			}},
		{"no inheritance across two sentences", "There were 300 boats. It rained. Then 90 came.",
			[]brief{
				{"300 boats", "", "boats", 300, news.Count, ""},
				{"90", "", "", 90, news.Count, ""},
			}},
	})
}

func TestKinds(t *testing.T) {
	runFind(t, []findTest{
		{"money symbol and scale", "The deal is worth $1.2bn, up from $900 million.",
			[]brief{
				{"$1.2bn", "", "", 1.2e9, news.Money, "USD"},
				{"up from $900 million", "up from", "", 9e8, news.Money, "USD"},
			}},
		{"money with what it buys", "a $4.5 billion loan and £30m in aid",
			[]brief{
				{"$4.5 billion loan", "", "loan", 4.5e9, news.Money, "USD"},
				{"£30m in aid", "", "aid", 3e7, news.Money, "GBP"},
			}},
		{"money prefixes", "US$5m, A$20 and €3.5bn", []brief{
			{"US$5m", "", "", 5e6, news.Money, "USD"},
			{"A$20", "", "", 20, news.Money, "AUD"},
			{"€3.5bn", "", "", 3.5e9, news.Money, "EUR"},
		}},
		{"money word", "It cost 5 euros.", []brief{{"5 euros", "", "", 5, news.Money, "EUR"}}},
		{"percent", "Turnout was 3.5% and 40 per cent said no.",
			[]brief{
				{"3.5%", "", "", 3.5, news.Percent, "%"},
				{"40 per cent", "", "", 40, news.Percent, "%"},
			}},
		{"percent of", "Nearly 60 percent of voters backed it.",
			[]brief{{"Nearly 60 percent of voters", "nearly", "voters", 60, news.Percent, "%"}}},
		{"percentage points", "a gap of 4 percentage points",
			[]brief{{"4 percentage points", "", "", 4, news.Percent, "percentage point"}}},
		{"fraction", "Two-thirds of members agreed; half of the staff left.",
			[]brief{
				{"Two-thirds of members", "", "members", 200.0 / 3, news.Percent, "%"},
				{"half of the staff", "", "staff", 50, news.Percent, "%"},
			}},
		{"duration", "The siege lasted over three days.",
			[]brief{{"over three days", "more than", "", 3, news.Duration, "day"}}},
		{"hyphenated duration", "an almost nine-year presence",
			[]brief{{"almost nine-year presence", "nearly", "presence", 9, news.Duration, "year"}}},
		{"age", "A 45-year-old man and a woman aged 38.",
			[]brief{
				{"45-year-old", "", "age", 45, news.Age, "year"},
				{"aged 38", "", "age", 38, news.Age, "year"},
			}},
		{"measure", "The line runs 40 km north and 12km south.",
			[]brief{{"40 km", "", "", 40, news.Measure, "km"}, {"12km", "", "", 12, news.Measure, "km"}}},
		{"square measure", "a fire over 300 square miles",
			[]brief{{"over 300 square miles", "more than", "", 300, news.Measure, "sq mile"}}},
		{"a dozen", "a dozen eggs", []brief{{"a dozen eggs", "", "eggs", 12, news.Count, ""}}},
		{"half a million", "half a million refugees", []brief{{"half a million refugees", "", "refugees", 5e5, news.Count, ""}}},
		{"spelled compound", "twenty-five sailors and one hundred and fifty soldiers",
			[]brief{
				{"twenty-five sailors", "", "sailors", 25, news.Count, ""},
				{"one hundred and fifty soldiers", "", "soldiers", 150, news.Count, ""},
			}},
		{"spelled count", "nine hostages", []brief{{"nine hostages", "", "hostages", 9, news.Count, ""}}},
		{"ratio", "Almost 7 in 10 students and three out of four voters agreed.",
			[]brief{
				{"Almost 7 in 10 students", "nearly", "students", 70, news.Percent, "%"},
				{"three out of four voters", "", "voters", 75, news.Percent, "%"},
			}},
		{"appositive age", "Lauren Evans, 19, fled; John Smith (45) stayed.",
			[]brief{{"19", "", "age", 19, news.Age, "year"}, {"45", "", "age", 45, news.Age, "year"}}},
		{"duration head after an adjective", "for four straight years", []brief{{"four straight years", "", "", 4, news.Duration, "year"}}},
		{"plural modifier", "the 12 appropriations bills and 600 police officers",
			[]brief{
				{"12 appropriations bills", "", "appropriations bills", 12, news.Count, ""},
				{"600 police officers", "", "police officers", 600, news.Count, ""},
			}},
		{"money noun needs a determiner", "64% swore; a 5% rise",
			[]brief{{"64%", "", "", 64, news.Percent, "%"}, {"5% rise", "", "rise", 5, news.Percent, "%"}}},
	})
}

func TestNotQuantities(t *testing.T) {
	runFind(t, []findTest{
		{"years", "The war began in 2003 and peaked in 2006-2007; the 2008 election.", nil},
		{"year with a plural after", "the 2000 delegates", nil},
		{"dates", "On October 21, 2011 and 3 March the vote took place; Oct. 5 too.", nil},
		{"times", "It started at 18:53, or 10 a.m., or 3pm, or 9 GMT.", nil},
		{"names with numbers", "The crew of Flight 370, the G20 summit, Apollo 11 and Section 8.", nil},
		{"index nouns", "See page 12 and room 101.", nil},
		{"ordinals and decades", "the 21st century and the 1990s and the '80s", nil},
		{"ranges and scores", "They won 3-1 and 10-15 people", nil},
		{"hyphen names", "Covid-19 and the F-35", nil},
		{"phone and codes", "Call 0800 123 456 or +44 20", nil},
		{"list markers", "1. First\n2) Second", nil},
		{"lone number word", "The nine were freed; one of them, one day.", nil},
		{"vague amounts", "Dozens of people and thousands of others.", nil},
		{"multipliers", "It rose three times and 10 times over.", nil},
		{"capitalised number word", "the Big Four and the Group of Seven", nil},
		{"small bare digits", "Scores were 4 and 5.", nil},
	})
}

// TestFixedBugs holds inputs that once gave wrong answers.
func TestFixedBugs(t *testing.T) {
	runFind(t, []findTest{
		// A year after a preposition was read as a count ("in 2008").
		{"issue 2: year after peak", "About 9,000 troops remain, down from a peak of 16,500 in 2008.",
			[]brief{
				{"About 9,000 troops", "about", "troops", 9000, news.Count, ""},
				{"a peak of 16,500", "peak of", "troops", 16500, news.Count, ""},
			}},
		// A verb after the number was taken for what it counts.
		{"issue 2: verb after the number", "Police said 15,000 marched through the city.",
			[]brief{{"15,000", "", "", 15000, news.Count, ""}}},
		// The possessive before a number made it look like a name.
		{"issue 2: possessive before", "Iraq's 30 million people",
			[]brief{{"30 million people", "", "people", 3e7, news.Count, ""}}},
		// A verb that is not a participle ended a loose phrase too late.
		{"issue 2: loose phrase runs on", "raising the $16.4 trillion federal borrowing limit and a $5m fund to",
			[]brief{
				{"$16.4 trillion federal borrowing limit", "", "federal borrowing limit", 1.64e13, news.Money, "USD"},
				{"$5m fund", "", "fund", 5e6, news.Money, "USD"},
			}},
		{"issue 2: strength of a named force", "the 30,000-strong ISIL army",
			[]brief{{"30,000-strong ISIL army", "", "isil army", 30000, news.Count, ""}}},
		{"issue 2: nominal adjective does not extend", "at least 37 people dead and 37 weapons police said",
			[]brief{
				{"at least 37 people", "at least", "people", 37, news.Count, ""},
				{"37 weapons", "", "weapons", 37, news.Count, ""},
			}},
		{"issue 2: currency named by a phrase", "($1 = 1.4461 New Zealand dollars)",
			[]brief{{"$1", "", "", 1, news.Money, "USD"}, {"1.4461 New Zealand dollars", "", "", 1.4461, news.Money, "NZD"}}},
		{"issue 2: age after a noun and after age of", "The man, 27, left. She died at the age of 94.",
			[]brief{{"27", "", "age", 27, news.Age, "year"}, {"94", "", "age", 94, news.Age, "year"}}},
		{"issue 2: bill number after a dotted abbreviation", "insisted S.B. 562 would pass", nil},
		{"issue 2: fraction of a scale", "a quarter of a million gun owners",
			[]brief{{"a quarter of a million gun owners", "", "gun owners", 250000, news.Count, ""}}},
		{"issue 2: capitalised noun after of", "Three-quarters of Americans doubt it.",
			[]brief{{"Three-quarters of Americans", "", "americans", 75, news.Percent, "%"}}},
		{"issue 2: a year is not a ratio's denominator", "with 152 reports in 2019, compared with 93 in 2018.",
			[]brief{{"152 reports", "", "reports", 152, news.Count, ""}, {"93", "", "reports", 93, news.Count, ""}}},
		{"issue 2: ages after a pronoun and a title", "She was 16. Mr. Scott, 47, of Ohio.",
			[]brief{{"16", "", "age", 16, news.Age, "year"}, {"47", "", "age", 47, news.Age, "year"}}},
		{"issue 2: a number used as a label", "she told a 911 operator", nil},
		{"issue 2: fraction numerator and denominator agree", "when two-quarter growth falls", nil},
		{"issue 2: ranges take the second figure's kind and scale", "between 38 and 42 percentage points, 20 to 25 million people and $100 billion to $150 billion",
			[]brief{
				{"38", "", "", 38, news.Percent, "percentage point"},
				{"42 percentage points", "", "", 42, news.Percent, "percentage point"},
				{"20", "", "people", 2e7, news.Count, ""},
				{"25 million people", "", "people", 2.5e7, news.Count, ""},
				{"$100 billion", "", "", 1e11, news.Money, "USD"},
				{"$150 billion", "", "", 1.5e11, news.Money, "USD"},
			}},
		{"issue 2: age ranges and limits", "Americans ages 18 to 34 and those older than 65",
			[]brief{
				{"ages 18", "", "age", 18, news.Age, "year"},
				{"34", "", "age", 34, news.Age, "year"},
				{"older than 65", "more than", "age", 65, news.Age, "year"},
			}},
		{"issue 2: rates", "stood at 3,319 per 100,000 people",
			[]brief{{"3,319 per 100,000 people", "", "per 100,000 people", 3319, news.Count, ""}}},
		{"issue 2: verb after an of-phrase", "where 25% of the economy depends on tourism; 30 percent of the time moderators",
			[]brief{
				{"25% of the economy", "", "economy", 25, news.Percent, "%"},
				{"30 percent of the time", "", "time", 30, news.Percent, "%"},
			}},
		{"issue 2: compound plurals", "10 gunmen and 3,000 servicemen, but the abdomen",
			[]brief{{"10 gunmen", "", "gunmen", 10, news.Count, ""}, {"3,000 servicemen", "", "servicemen", 3000, news.Count, ""}}},
		// A no-break space inside the phrase.
		{"issue 2: no-break space", "all\u00a039,000\u00a0US troops",
			[]brief{{"39,000\u00a0US troops", "", "us troops", 39000, news.Count, ""}}},
		// Issue 10: the stage reads the token stream and the lexicon. The
		// byte scanner lower-cased the word after a participle into the
		// buffer that held the participle, and "of" before "north" into
		// the one that held "of".
		{"issue 10: participle before a plural", "to push 12 million uninsured Americans to enrol",
			[]brief{{"12 million uninsured Americans", "", "uninsured americans", 12e6, news.Count, ""}}},
		{"issue 10: of after a longer word", "a total north of 40,000 units",
			[]brief{{"40,000 units", "", "units", 40000, news.Count, ""}}},
		{"issue 10: contractions end the phrase", "a $30 fee won't apply",
			[]brief{{"$30 fee", "", "fee", 30, news.Money, "USD"}}},
		{"issue 10: a name's apostrophe after capitals", "went on CBS' 48 Hours to answer", nil},
		{"issue 10: an acronym's dot after a prefix", "all six living ex-U.S. ambassadors",
			[]brief{{"six living ex-U.S. ambassadors", "", "living ex-us ambassadors", 6, news.Count, ""}}},
		{"issue 10: a clock time with a typo", "by around 10 p.m.m PT", nil},
		{"issue 10: a possessive month is no date", "August's 2.7 percent",
			[]brief{{"2.7 percent", "", "", 2.7, news.Percent, "%"}}},
		{"issue 10: a clock time in dotted capitals", "the show began at 10 P.M EST", nil},
		{"issue 10: a capitalised word before a number is a name's at a sentence start too", "Markets rose. S&P 500 hit a record. SB 45 would ban it.", nil},
		{"issue 10: cubic units", "pumped 5 cubic metres of water",
			[]brief{{"5 cubic metres", "", "", 5, news.Measure, "cubic m"}}},
		{"issue 10: an ampersand inside capitals", "52% of S&P 500 companies",
			[]brief{{"52% of S&P", "", "s&p", 52, news.Percent, "%"}}},
	})
}

// TestExample checks the figures of the bundled example articles.
func TestExample(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "examples", "iraq-2011")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no example articles in %s", dir)
	}
	var all []news.Quantity
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, findAll(string(b))...)
	}
	want := []brief{
		{"39,000 US troops", "", "us troops", 39000, news.Count, ""},
		{"About 39,000 US troops", "about", "us troops", 39000, news.Count, ""},
		{"a peak of 165,000", "peak of", "us troops", 165000, news.Count, ""},
		{"More than 4,400 American military personnel", "more than", "american military personnel", 4400, news.Count, ""},
		{"4,408 American military deaths", "", "american military deaths", 4408, news.Count, ""},
		{"5,000 US troops", "", "us troops", 5000, news.Count, ""},
	}
	got := map[brief]bool{}
	for _, q := range all {
		got[brief{q.Text, q.Qualifier, q.Counts, q.Value, q.Kind, q.Unit}] = true
		if q.Kind == news.Count && q.Value >= 1800 && q.Value <= 2100 && !strings.Contains(q.Text, ",") {
			t.Errorf("Find: year read as a count: %+v", q)
		}
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("Find(example): missing %+v", w)
		}
	}
}

// FuzzFind runs the stage as the pipeline does (tokens, sentences, then
// Find): no panic, spans in order within the text on rune boundaries,
// Text the span's text, values finite, Of a part of the text. Inputs it failed on are kept in
// testdata/fuzz/FuzzFind.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"about 39,000 troops", "$1.2bn", "3.5% of 10 people", "a peak of 5", "\xff9,", "over 2 km",
		"US$5m", "twenty-five", "a dozen", "half a", "two-thirds of", "45-year-old", "1,000,00", "9.", "U.S.", "£",
		"voted 97-1", "passed 52 to 48", "a 5–4 ruling", "Ann Lee, 23,", "the 23-year-old man", "a woman aged 38", "three quarters of"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		starts := make([]bool, len(s)+1) // where a rune starts, as range reads s (a stray byte is one)
		for i := range s {
			starts[i] = true
		}
		starts[len(s)] = true
		last := 0
		for _, q := range findAll(s) {
			if q.Start < last || q.End <= q.Start || q.End > len(s) {
				t.Fatalf("Find(%q): bad span %v after %d", s, q.Span, last)
			}
			if q.Text != s[q.Start:q.End] {
				t.Fatalf("Find(%q): Text %q != text[%d:%d]", s, q.Text, q.Start, q.End)
			}
			if q.Of != "" && !strings.Contains(s, q.Of) {
				t.Fatalf("Find(%q): Of %q is not in the text", s, q.Of)
			}
			if math.IsNaN(q.Against) || math.IsInf(q.Against, 0) || q.Against < 0 {
				t.Fatalf("Find(%q): against %v of %q", s, q.Against, q.Text)
			}
			if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || q.Value < 0 {
				t.Fatalf("Find(%q): value %v of %q", s, q.Value, q.Text)
			}
			if !starts[q.Start] || !starts[q.End] {
				t.Fatalf("Find(%q): span %v not on rune boundaries", s, q.Span)
			}
			last = q.End
		}
	})
}

// reading is what the issue 11 tests check: the fields that say what a
// figure belongs to.
type reading struct {
	Text     string
	Kind     news.QuantityKind
	Value    float64
	Against  float64
	Of       string
	Fraction string
	Unit     string
}

func TestReadings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []reading
	}{
		{"tally after a vote verb", "The Senate voted 97-1 to pass it.",
			[]reading{{"97-1", news.Tally, 97, 1, "", "", ""}}},
		{"tally with an en dash before vote", "It cleared on a 348–77 vote.",
			[]reading{{"348–77", news.Tally, 348, 77, "", "", ""}}},
		{"tally with to", "The measure passed 52 to 48 on Friday.",
			[]reading{{"52 to 48", news.Tally, 52, 48, "", "", ""}}},
		{"tally after by a vote of", "It was approved by a vote of 5-4.",
			[]reading{{"5-4", news.Tally, 5, 4, "", "", ""}}},
		{"a range stays a range", "Between 10 to 12 people came; 10-12 people left.",
			[]reading{{"10", news.Count, 10, 0, "", "", ""}, {"12 people", news.Count, 12, 0, "", "", ""}}},
		{"a score is no tally", "They won 3-1 at home.", nil},
		{"a score after defeated is no tally", "Iowa defeated Drake 65-53 on Friday.", nil},
		{"no tally in a percentage range", "It passed with 52 to 48 percent.",
			[]reading{{"52", news.Percent, 52, 0, "", "", "%"}, {"48 percent", news.Percent, 48, 0, "", "", "%"}}},
		{"spaced fraction before of", "More than three quarters of voters agreed.",
			[]reading{{"More than three quarters of voters", news.Percent, 75, 0, "", "3/4", "%"}}},
		{"spaced fraction without of is a count", "Sales rose for three quarters in a row.",
			[]reading{{"three quarters", news.Count, 3, 0, "", "", ""}}},
		{"hyphenated fraction", "two-thirds of members", []reading{{"two-thirds of members", news.Percent, 200.0 / 3, 0, "", "2/3", "%"}}},
		{"half of", "Half of the voters stayed home.", []reading{{"Half of the voters", news.Percent, 50, 0, "", "1/2", "%"}}},
		{"ratio", "Seven in 10 students passed.", []reading{{"Seven in 10 students", news.Percent, 70, 0, "", "7/10", "%"}}},
		{"age in apposition", "John Smith, 23, was arrested.", []reading{{"23", news.Age, 23, 0, "John Smith", "", "year"}}},
		{"age in brackets with an initial", "Mary K. Jones (45) spoke.", []reading{{"45", news.Age, 45, 0, "Mary K. Jones", "", "year"}}},
		{"age of a noun in apposition", "The victim, 19, died.", []reading{{"19", news.Age, 19, 0, "victim", "", "year"}}},
		{"year-old before a noun", "The 23-year-old gunman fled.", []reading{{"23-year-old", news.Age, 23, 0, "gunman", "", "year"}}},
		{"year-old before a noun phrase", "a 21-year-old college student", []reading{{"21-year-old", news.Age, 21, 0, "college student", "", "year"}}},
		{"year-old after a name", "Jane Doe, a 45-year-old teacher, spoke.", []reading{{"45-year-old", news.Age, 45, 0, "Jane Doe", "", "year"}}},
		{"year-old before a name", "Police named 32-year-old Ann Lee.", []reading{{"32-year-old", news.Age, 32, 0, "Ann Lee", "", "year"}}},
		{"year-old after a place", "A 57-year-old Ohio woman was hurt.", []reading{{"57-year-old", news.Age, 57, 0, "woman", "", "year"}}},
		{"year-old as a subject", "The 19-year-old said nothing.", []reading{{"19-year-old", news.Age, 19, 0, "", "", "year"}}},
		{"year-old before a verb", "The 42-year-old kept his seat.", []reading{{"42-year-old", news.Age, 42, 0, "", "", "year"}}},
		{"aged after a noun", "A woman aged 38 was hurt.", []reading{{"aged 38", news.Age, 38, 0, "woman", "", "year"}}},
		{"aged after a name", "John Smith, aged 23, left.", []reading{{"aged 23", news.Age, 23, 0, "John Smith", "", "year"}}},
		{"aged after a place", "He died in jail, aged 77.", []reading{{"aged 77", news.Age, 77, 0, "", "", "year"}}},
		{"aged after a possession", "She died in her sleep aged 91.", []reading{{"aged 91", news.Age, 91, 0, "", "", "year"}}},
		{"currencies", "It cost £3m, €4bn, 300 pesos and 20 Argentine pesos.", []reading{
			{"£3m", news.Money, 3e6, 0, "", "", "GBP"}, {"€4bn", news.Money, 4e9, 0, "", "", "EUR"},
			{"300 pesos", news.Money, 300, 0, "", "", "MXN"}, {"20 Argentine pesos", news.Money, 20, 0, "", "", "ARS"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []reading
			for _, q := range findAll(tt.in) {
				got = append(got, reading{q.Text, q.Kind, q.Value, q.Against, q.Of, q.Fraction, q.Unit})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
