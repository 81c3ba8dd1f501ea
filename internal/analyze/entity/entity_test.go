package entity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// ent is an entity as the tests write it: name, type and aliases.
type ent struct {
	Name    string
	Type    news.EntityType
	Aliases []string
}

func find(text string) []news.Entity { return Find(text, tokens(text), sentence.SplitText(text)) }

// tokens returns the token stream of text.
func tokens(text string) []news.Token { return token.Tokenize(nil, text, lexicon.Default()) }

func simplify(es []news.Entity) []ent {
	out := make([]ent, len(es))
	for i, e := range es {
		out[i] = ent{e.Name, e.Type, e.Aliases}
	}
	return out
}

// entityNamed returns the entity named name, or nil.
func entityNamed(es []news.Entity, name string) *news.Entity {
	for i := range es {
		if es[i].Name == name {
			return &es[i]
		}
	}
	return nil
}

type findCase struct {
	name string
	in   string
	want []ent // every entity must be found, with exactly these aliases
	not  []string
}

func runFindCases(t *testing.T, cases []findCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := find(tc.in)
			checkEntities(t, tc.in, got)
			for _, w := range tc.want {
				e := entityNamed(got, w.Name)
				if e == nil {
					t.Errorf("Find(%q) has no entity %q; got %v", tc.in, w.Name, simplify(got))
					continue
				}
				if diff := cmp.Diff(w, ent{e.Name, e.Type, e.Aliases}); diff != "" {
					t.Errorf("Find(%q) entity %q = %v; want %v\n(-want +got)\n%s", tc.in, w.Name, *e, w, diff)
				}
			}
			for _, n := range tc.not {
				for _, e := range got {
					for _, a := range append([]string{e.Name}, e.Aliases...) {
						if a == n {
							t.Errorf("Find(%q) has %q (entity %v); want no such entity or alias", tc.in, n, e)
						}
					}
				}
			}
		})
	}
}

func TestFind(t *testing.T) {
	runFindCases(t, []findCase{
		{name: "empty", in: ""},
		{name: "full name and surname",
			in:   "Leon Panetta arrived in Baghdad. Panetta said the talks went well.",
			want: []ent{{"Leon Panetta", news.Person, []string{"Leon Panetta", "Panetta"}}, {"Baghdad", news.Place, []string{"Baghdad"}}}},
		{name: "aliases with titles resolve to one person",
			in: "President Barack Obama spoke on Friday. Mr Obama said the war was over. Later, Obama left. " +
				"Barack Obama is the 44th president.",
			want: []ent{{"Barack Obama", news.Person, []string{"President Barack Obama", "Mr Obama", "Obama", "Barack Obama"}}}},
		{name: "title with dot",
			in:   "Sen. Ted Cruz attacked Mr. Trump. Cruz said Donald Trump was wrong.",
			want: []ent{{"Ted Cruz", news.Person, []string{"Sen. Ted Cruz", "Cruz"}}, {"Donald Trump", news.Person, []string{"Mr. Trump", "Donald Trump"}}}},
		{name: "particle names",
			in: "Prime Minister Nouri al-Maliki met Ali al-Dabbagh in Baghdad. Maliki said al-Dabbagh agreed. " +
				"Osama bin Laden was not there.",
			want: []ent{
				{"Nouri al-Maliki", news.Person, []string{"Prime Minister Nouri al-Maliki", "Maliki"}},
				{"Ali al-Dabbagh", news.Person, []string{"Ali al-Dabbagh", "al-Dabbagh"}},
				{"Osama bin Laden", news.Person, []string{"Osama bin Laden"}},
			}},
		{name: "initial in name",
			in:   "The policy of George W. Bush was different. Bush said so.",
			want: []ent{{"George W. Bush", news.Person, []string{"George W. Bush", "Bush"}}}},
		{name: "compound title",
			in:   "The Pentagon refused, with Defence Secretary Leon Panetta insisting on immunity.",
			want: []ent{{"Leon Panetta", news.Person, []string{"Defence Secretary Leon Panetta"}}}},
		{name: "demonym before title is not part of the mention",
			in:   "He spoke with Iraqi Prime Minister Nouri Maliki.",
			want: []ent{{"Nouri Maliki", news.Person, []string{"Prime Minister Nouri Maliki"}}},
			not:  []string{"Iraqi"}},
		{name: "organizations",
			in: "According to the Department of Defense, the White House and the Ministry of Foreign Affairs agreed. " +
				"Acme Corp and the Labour Party objected.",
			want: []ent{
				{"Department of Defense", news.Organization, []string{"Department of Defense"}},
				{"White House", news.Organization, []string{"White House"}},
				{"Ministry of Foreign Affairs", news.Organization, []string{"Ministry of Foreign Affairs"}},
				{"Acme Corp", news.Organization, []string{"Acme Corp"}},
				{"Labour Party", news.Organization, []string{"Labour Party"}},
			}},
		{name: "acronyms",
			in: "NATO and the FBI disagreed with the National Rifle Association (NRA). The NRA said no.",
			want: []ent{
				{"North Atlantic Treaty Organization", news.Organization, []string{"NATO"}},
				{"Federal Bureau of Investigation", news.Organization, []string{"FBI"}},
				{"National Rifle Association", news.Organization, []string{"National Rifle Association", "NRA"}},
			}},
		{name: "places and variants",
			in: "Troops returned from Iraq to the U.S. on Monday. The US and America are one place. " +
				"They flew over Saudi Arabia to Fallujah.",
			want: []ent{
				{"Iraq", news.Place, []string{"Iraq"}},
				{"United States", news.Place, []string{"U.S.", "US", "America"}},
				{"Saudi Arabia", news.Place, []string{"Saudi Arabia"}},
				{"Fallujah", news.Place, []string{"Fallujah"}},
			}},
		{name: "unknown place by preposition",
			in:   "Fighting broke out in Zarqawiyah overnight, residents said.",
			want: []ent{{"Zarqawiyah", news.Place, []string{"Zarqawiyah"}}}},
		{name: "person by reporting verb",
			in:   "The plan is flawed, Tabarrok said on Tuesday.",
			want: []ent{{"Tabarrok", news.Person, []string{"Tabarrok"}}}},
		{name: "person by lower-case role",
			in:   "Government spokesman Kwame Mensah denied it.",
			want: []ent{{"Kwame Mensah", news.Person, []string{"Kwame Mensah"}}}},
		{name: "sentence-initial common words are not names",
			in:   "However, the vote passed. Many Iraqis cheered. Earlier this month it rained. Speaking on Monday, Obama said yes.",
			want: []ent{{"Obama", news.Person, []string{"Obama"}}},
			not:  []string{"However", "Many", "Iraqis", "Earlier", "Speaking", "Monday", "Speaking on Monday"}},
		{name: "demonyms are not entities",
			in:  "American and Iraqi officials met British diplomats.",
			not: []string{"American", "Iraqi", "British"}},
		{name: "possessive",
			in:   "Hillary Clinton's campaign said Clinton's lead grew.",
			want: []ent{{"Hillary Clinton", news.Person, []string{"Hillary Clinton", "Clinton"}}}},
		{name: "curly possessive",
			in:   "Donald Trump’s speech worried Trump’s aides.",
			want: []ent{{"Donald Trump", news.Person, []string{"Donald Trump", "Trump"}}}},
		{name: "shared surname goes to the last named",
			in:   "Bill Clinton spoke first. Clinton was brief. Then Hillary Clinton spoke. Clinton was long.",
			want: []ent{{"Bill Clinton", news.Person, []string{"Bill Clinton", "Clinton"}}, {"Hillary Clinton", news.Person, []string{"Hillary Clinton", "Clinton"}}}},
		{name: "first name alone",
			in:   "Hillary Clinton won. Hillary thanked voters.",
			want: []ent{{"Hillary Clinton", news.Person, []string{"Hillary Clinton", "Hillary"}}}},
		{name: "place before title",
			in:   "U.S. President Barack Obama and New Jersey Gov. Chris Christie met.",
			want: []ent{{"United States", news.Place, []string{"U.S."}}, {"Barack Obama", news.Person, []string{"President Barack Obama"}}, {"New Jersey", news.Place, []string{"New Jersey"}}, {"Chris Christie", news.Person, []string{"Gov. Chris Christie"}}}},
		{name: "title of place is no person",
			in:   "He served as Governor of Arkansas.",
			want: []ent{{"Arkansas", news.Place, []string{"Arkansas"}}},
			not:  []string{"Governor of Arkansas", "Governor"}},
		{name: "quote opening",
			in:  `He said, "Tonight we won." "Perhaps," Smith replied.`,
			not: []string{"Tonight", "Perhaps"}},
		{name: "dateline",
			in:   "WASHINGTON — The Senate voted on Tuesday.",
			want: []ent{{"Washington", news.Place, []string{"WASHINGTON"}}, {"Senate", news.Organization, []string{"Senate"}}}},
	})
}

// TestFindFixedBugs keeps cases that once went wrong (issue 2).
func TestFindFixedBugs(t *testing.T) {
	runFindCases(t, []findCase{
		{name: "issue 2: particle word at the end of a name was dropped",
			in:   "Ali al-Dabbagh said no.",
			want: []ent{{"Ali al-Dabbagh", news.Person, []string{"Ali al-Dabbagh"}}}},
		{name: "issue 2: St. is not a title",
			in:  "They met at the St. Regis hotel.",
			not: []string{"Regis"}},
		{name: "issue 4: a note's heading is no speaker",
			in:   "The video spread.\n\nUPDATE:\n\nNora Quill said it was staged.\n\nPENCE: We will win.",
			want: []ent{{"Nora Quill", news.Person, []string{"Nora Quill"}}, {"PENCE", news.Person, []string{"PENCE"}}},
			not:  []string{"UPDATE", "Update"}},
		{name: "issue 2: party-state labels are not organizations",
			in:   "Sen. Lindsey Graham (R-SC) said no.",
			want: []ent{{"Lindsey Graham", news.Person, []string{"Sen. Lindsey Graham"}}},
			not:  []string{"R-SC"}},
		{name: "issue 2: word before a first name",
			in:   "Unlike Hillary Clinton, he stayed.",
			want: []ent{{"Hillary Clinton", news.Person, []string{"Hillary Clinton"}}},
			not:  []string{"Unlike Hillary Clinton"}},
		{name: "issue 2: org head is not a surname",
			in:   "The New York Times reported it. The Times said Peter Cook agreed.",
			want: []ent{{"New York Times", news.Organization, []string{"New York Times", "Times"}}}},
		{name: "issue 2: all-caps function words",
			in:  "He COULD win, CNN said.",
			not: []string{"COULD"}},
		{name: "issue 2: Mr. does not link to a woman",
			in:   "Ivanka Trump spoke. Donald J. Trump listened. Ms. Trump smiled and Mr. Trump left.",
			want: []ent{{"Ivanka Trump", news.Person, []string{"Ivanka Trump", "Ms. Trump"}}, {"Donald J. Trump", news.Person, []string{"Donald J. Trump", "Mr. Trump"}}}},
		{name: "issue 2: surname before any full name goes to the first named",
			in:   "Trump won. Donald Trump spoke and then Ivanka Trump spoke.",
			want: []ent{{"Donald Trump", news.Person, []string{"Trump", "Donald Trump"}}, {"Ivanka Trump", news.Person, []string{"Ivanka Trump"}}}},
		{name: "issue 2: shouting is not a name",
			in:  "CORRECTION APPENDED The EARLY vote, said NATO.",
			not: []string{"CORRECTION", "CORRECTION APPENDED", "EARLY"}},
		{name: "issue 2: dateline",
			in:   "TALLAHASSEE, Fla. — The governor spoke.",
			want: []ent{{"Tallahassee", news.Place, []string{"TALLAHASSEE"}}, {"Fla", news.Place, []string{"Fla"}}}},
		{name: "issue 2: plural demonyms",
			in:  "New Yorkers and Mississippians voted.",
			not: []string{"New Yorkers", "Mississippians"}},
		{name: "issue 2: a surname that is a nationality",
			in:   "Mark Cuban, the owner, spoke. Cuban said no. Cuban officials agreed.",
			want: []ent{{"Mark Cuban", news.Person, []string{"Mark Cuban", "Cuban"}}}},
		{name: "issue 2: month names as names",
			in:   "Columnist Ai Jun wrote it in June. Theresa May agreed on May 3.",
			want: []ent{{"Ai Jun", news.Person, []string{"Columnist Ai Jun"}}, {"Theresa May", news.Person, []string{"Theresa May"}}},
			not:  []string{"June"}},
		{name: "issue 2: names in a title-case headline",
			in:   "Hillary Clinton Slams Donald Trump On Abortion After The Ruling\n\nHillary Clinton said on Monday that Donald Trump was wrong.",
			want: []ent{{"Hillary Clinton", news.Person, []string{"Hillary Clinton"}}, {"Donald Trump", news.Person, []string{"Donald Trump"}}},
			not:  []string{"Hillary Clinton Slams", "Abortion", "Ruling", "Slams"}},
		{name: "issue 2: honorific before a title word",
			in:   "\"No one has it,\" Mr. King said.",
			want: []ent{{"King", news.Person, []string{"Mr. King"}}}},
		{name: "issue 2: a title inside a place's name",
			in:   "Atlantic City Mayor Don Guardian said yes.",
			want: []ent{{"Don Guardian", news.Person, []string{"Mayor Don Guardian"}}}},
		{name: "issue 2: General as a title",
			in:   "General Petraeus met David Petraeus's aides at General Motors.",
			want: []ent{{"David Petraeus", news.Person, []string{"General Petraeus", "David Petraeus"}}, {"General Motors", news.Organization, []string{"General Motors"}}}},
		{name: "issue 2: descriptions are not names",
			in:  "A New Hampshire Republican said so. I’ve heard it.",
			not: []string{"New Hampshire Republican", "I’ve"}},
		{name: "issue 2: a surname that is a country",
			in:   "Al Jazeera's Rosiland Jordan reported from Northern Virginia.",
			want: []ent{{"Rosiland Jordan", news.Person, []string{"Rosiland Jordan"}}, {"Northern Virginia", news.Place, []string{"Northern Virginia"}}}},
		{name: "issue 2: shouted weekday is no dateline",
			in:   "THURSDAY, the court met. CEO Tim Cook spoke at Kaspersky Lab.",
			want: []ent{{"Tim Cook", news.Person, []string{"CEO Tim Cook"}}, {"Kaspersky Lab", news.Organization, []string{"Kaspersky Lab"}}},
			not:  []string{"THURSDAY", "CEO"}},
		{name: "issue 2: Jr. does not hide the surname",
			in:   "Luther Stan Pate IV spoke. Pate left.",
			want: []ent{{"Luther Stan Pate IV", news.Person, []string{"Luther Stan Pate IV", "Pate"}}}},
	})
}

// checkEntities checks the invariants of Find's result on text.
func checkEntities(t *testing.T, text string, es []news.Entity) {
	t.Helper()
	prevFirst := -1
	for _, e := range es {
		if e.Name == "" {
			t.Fatalf("Find(%q): entity with empty name: %v", text, e)
		}
		switch e.Type {
		case news.Person, news.Organization, news.Place:
		default:
			t.Fatalf("Find(%q): entity %q has type %q", text, e.Name, e.Type)
		}
		if len(e.Mentions) == 0 {
			t.Fatalf("Find(%q): entity %q has no mentions", text, e.Name)
		}
		if e.Mentions[0].Start < prevFirst {
			t.Fatalf("Find(%q): entities not sorted by first mention at %q", text, e.Name)
		}
		prevFirst = e.Mentions[0].Start
		prev := -1
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || m.Start < prev {
				t.Fatalf("Find(%q): entity %q has bad or unsorted mention %v", text, e.Name, m)
			}
			if !utf8.ValidString(text[m.Start:m.End]) && utf8.ValidString(text) {
				t.Fatalf("Find(%q): mention %v of %q cuts a character", text, m, e.Name)
			}
			if !boundaryOK(text, m.Start) || !boundaryOK(text, m.End) {
				t.Fatalf("Find(%q): mention %v of %q not on a UTF-8 boundary", text, m, e.Name)
			}
			found := false
			for _, a := range e.Aliases {
				if a == text[m.Start:m.End] {
					found = true
				}
			}
			if !found {
				t.Fatalf("Find(%q): mention %q of %q is not among its aliases %q", text, text[m.Start:m.End], e.Name, e.Aliases)
			}
			prev = m.End
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"", "President Barack Obama said. Obama left.", "al-", "Mr. ", "U.S. President", "Nouri al-Maliki's",
		"Department of", "“Hello,” Smith said.", "A B C D E F", "Trump’s", "Jones' car", "O'Brien and McCain",
		"\xff\xfeAB Cd", "R-SC", "X.Y.Z. Corp. Inc.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEntities(t, s, Find(s, tokens(s), sentence.SplitText(s)))
		checkEntities(t, s, Find(s, tokens(s), nil))
		// Spans that are not sentences must not break it either.
		n := len(s)
		checkEntities(t, s, Find(s, tokens(s), []news.Span{{Start: n / 2, End: n}, {Start: 0, End: n / 2}, {Start: -1, End: n + 1}}))
	})
}

// exampleFiles returns the example articles, when present.
func exampleFiles(tb testing.TB) map[string]string {
	tb.Helper()
	out := map[string]string{}
	for _, dir := range []string{"../../../examples/iraq-2011", "../../../../shared/examples/iraq-2011"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, fn := range files {
			data, err := os.ReadFile(fn)
			if err != nil {
				tb.Fatal(err)
			}
			out[filepath.Base(fn)] = string(data)
		}
		if len(out) > 0 {
			return out
		}
	}
	tb.Skip("example articles not found; skipping")
	return nil
}

// TestFindExample checks the people of the example articles: every speaker
// the quote stage needs is a person with the right full name.
func TestFindExample(t *testing.T) {
	files := exampleFiles(t)
	all := map[string]news.EntityType{}
	for _, text := range files {
		es := find(text)
		checkEntities(t, text, es)
		for _, e := range es {
			all[e.Name] = e.Type
		}
	}
	for _, want := range []string{"Barack Obama", "Leon Panetta", "Ali al-Dabbagh", "Nouri al-Maliki", "George W. Bush"} {
		if all[want] != news.Person {
			t.Errorf("example: %q has type %q; want person", want, all[want])
		}
	}
	for _, want := range []string{"Department of Defense", "White House"} {
		if all[want] != news.Organization {
			t.Errorf("example: %q has type %q; want organization", want, all[want])
		}
	}
	for _, not := range []string{"Iraqi", "American", "Obama", "Maliki"} {
		if _, ok := all[not]; ok {
			t.Errorf("example: found entity %q; want none by that name", not)
		}
	}
}

// benchText is a synthetic article of about 5 kB of news prose.
func benchText() string {
	para := `President Barack Obama said on Friday that all U.S. troops would leave Iraq by Dec. 31. "The tide of war is receding," he said. Sen. John McCain called it "a serious mistake." About 39,000 troops remain, down from a peak of 165,000 in 2008. Officials in Baghdad, including Prime Minister Nouri al-Maliki, welcomed the news. Gen. Lloyd Austin will oversee the withdrawal, the Pentagon said. Mr Obama spoke at the White House after talks with Maliki.` + "\n\n"
	var b strings.Builder
	for b.Len() < 5000 {
		b.WriteString(para)
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	s := benchText()
	toks, sents := tokens(s), sentence.SplitText(s) // read once for every stage
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s, toks, sents)
	}
}

// boundaryOK reports whether i does not cut a valid UTF-8 sequence of s.
func boundaryOK(s string, i int) bool {
	if i == 0 || i == len(s) || utf8.RuneStart(s[i]) {
		return true
	}
	for j := max(0, i-3); j < i; j++ {
		r, n := utf8.DecodeRuneInString(s[j:])
		if r != utf8.RuneError && j+n > i {
			return false
		}
	}
	return true
}
