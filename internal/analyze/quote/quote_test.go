package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/analyze/entity"
	"github.com/parallax-news/parallax/internal/analyze/sentence"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// got is the part of a quote the table tests compare.
type got struct {
	Text, Speaker string
	Kind          news.QuoteKind
}

func summarize(qs []news.Quote) []got {
	var out []got
	for _, q := range qs {
		out = append(out, got{q.Text, q.Speaker, q.Kind})
	}
	return out
}

// checkSpans fails t when a quote's spans are not byte ranges of text on
// UTF-8 boundaries, or Text is not text[Start:End].
func checkSpans(t *testing.T, text string, qs []news.Quote) {
	t.Helper()
	for _, q := range qs {
		for i, s := range []news.Span{q.Span, q.SpeakerSpan} {
			if i == 1 && s == (news.Span{}) {
				continue // no speaker mention
			}
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("Find(%q): span %v out of range", text, s)
			}
			if s.Start < len(text) && !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
				t.Fatalf("Find(%q): span %v not on a rune boundary", text, s)
			}
		}
		if q.Text != text[q.Start:q.End] {
			t.Fatalf("Find(%q): Text %q != text[%d:%d] %q", text, q.Text, q.Start, q.End, text[q.Start:q.End])
		}
		if q.Speaker != "" && q.SpeakerSpan.Len() == 0 {
			t.Fatalf("Find(%q): speaker %q without a speaker span", text, q.Speaker)
		}
	}
}

// ent builds a person entity whose mentions are every occurrence of each
// alias in text.
func ent(text, name string, aliases ...string) news.Entity {
	e := news.Entity{Name: name, Type: news.Person, Aliases: aliases}
	for _, a := range aliases {
		for i := 0; ; {
			k := strings.Index(text[i:], a)
			if k < 0 {
				break
			}
			e.Mentions = append(e.Mentions, news.Span{Start: i + k, End: i + k + len(a)})
			i += k + len(a)
		}
	}
	return e
}

type findCase struct {
	name string
	text string
	ents func(text string) []news.Entity
	want []got
}

func runCases(t *testing.T, cases []findCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ents []news.Entity
			if c.ents != nil {
				ents = c.ents(c.text)
			}
			qs := find(c.text, ents)
			checkSpans(t, c.text, qs)
			if diff := cmp.Diff(c.want, summarize(qs)); diff != "" {
				t.Errorf("Find(%q) = %v; want %v\n(-want +got)\n%s", c.text, summarize(qs), c.want, diff)
			}
		})
	}
}

const (
	D = news.Direct
	P = news.Partial
)

func TestFindPatterns(t *testing.T) {
	runCases(t, []findCase{
		{"quote then X said", `"We will win," Smith said.`,
			nil, []got{{"We will win,", "Smith", D}}},
		{"quote then said X", `"We will win," said Jane Smith, a spokeswoman for the group.`,
			nil, []got{{"We will win,", "Jane Smith", D}}},
		{"X said colon quote", `Smith said: "We will win."`,
			nil, []got{{"We will win.", "Smith", D}}},
		{"X said quote", `Smith said "we will win."`,
			nil, []got{{"we will win.", "Smith", D}}},
		{"X said comma quote", `Later, Ann Cole told reporters, "We will win."`,
			nil, []got{{"We will win.", "Ann Cole", D}}},
		{"X insisting that", `The ministry refused, with Defence Secretary John Doe insisting that "we protect our soldiers".`,
			nil, []got{{"we protect our soldiers", "John Doe", P}}},
		{"according to X", `According to Smith, "the plan is dead."`,
			nil, []got{{"the plan is dead.", "Smith", D}}},
		{"quote then according to X", `"The plan is dead," according to Mary Stone.`,
			nil, []got{{"The plan is dead,", "Mary Stone", D}}},
		{"split by attribution", "Mary Jones spoke in Ohio.\n\n\"We will win,\" she said, \"and soon.\"",
			nil, []got{{"We will win,", "Mary Jones", D}, {"and soon.", "Mary Jones", D}}},
		{"multi-paragraph", "Smith said: \"The first paragraph of the quote.\n\n\"The second paragraph of it.\"\n\nThe end.",
			nil, []got{{"The first paragraph of the quote.", "Smith", D}, {"The second paragraph of it.", "Smith", D}}},
		{"multi-paragraph attributed at the end", "\"The first paragraph of the quote.\n\n\"The second one,\" Smith said.",
			nil, []got{{"The first paragraph of the quote.", "Smith", D}, {"The second one,", "Smith", D}}},
		{"curly quotes", "“We will win,” Smith said.",
			nil, []got{{"We will win,", "Smith", D}}},
		{"pronoun he", "Mr Brown arrived in the capital on Monday.\n\n\"It is over,\" he said.",
			nil, []got{{"It is over,", "Brown", D}}},
		{"pronoun she told reporters", "Anna Lee visited the plant. \"Jobs are back,\" she told reporters.",
			nil, []got{{"Jobs are back,", "Anna Lee", D}}},
		{"pronoun skips a male name for she", "Mrs Anna Lee met Mr Tom Hart. \"Jobs are back,\" she said.",
			nil, []got{{"Jobs are back,", "Anna Lee", D}}},
		{"pronoun takes the subject, not the last name", "Mr Lane spoke after a call with Prime Minister Tom Hart.\n\nHe pledged \"a strong partnership\" with the government.",
			nil, []got{{"a strong partnership", "Lane", P}}},
		{"partial inside the writer's sentence", `Smith said the troops would leave "with their heads held high".`,
			nil, []got{{"with their heads held high", "Smith", P}}},
		{"partial called it", `Jones called it "a disaster" on Monday.`,
			nil, []got{{"a disaster", "Jones", P}}},
		{"scare quotes", `She appeared on "Saturday Night Live" last week.`,
			nil, []got{{"Saturday Night Live", "", P}}},
		{"title at sentence start", `"Saturday Night Live" drew millions of viewers.`,
			nil, []got{{"Saturday Night Live", "", P}}},
		{"nominal speaker", `"We are studying it," a White House spokesman said.`,
			nil, []got{{"We are studying it,", "a White House spokesman", D}}},
		{"entity canonical name", "President John Q. Public spoke on Friday. \"We agree,\" Mr Public said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "John Q. Public", "John Q. Public", "Mr Public")}
			}, []got{{"We agree,", "John Q. Public", D}}},
		{"pronoun resolved through entities", "Mr Public spoke on Friday in Paris.\n\n\"We agree,\" he said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "John Q. Public", "Public"), {Name: "Paris", Type: news.Place, Mentions: []news.Span{{Start: 28, End: 33}}}}
			}, []got{{"We agree,", "John Q. Public", D}}},
		{"it resolved to an organization", "Acme Corp cut 500 jobs on Monday.\n\n\"We regret the decision,\" it said.",
			func(text string) []news.Entity {
				return []news.Entity{{Name: "Acme Corp", Type: news.Organization, Aliases: []string{"Acme Corp"}, Mentions: []news.Span{{Start: 0, End: 9}}}}
			}, []got{{"We regret the decision,", "Acme Corp", D}}},
		{"she skips a man known by his honorific", "Mrs Ann Lee met Mr Tom Hart. Hart spoke first. \"Jobs are back,\" she said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "Ann Lee", "Mrs Ann Lee"), ent(text, "Tom Hart", "Mr Tom Hart", "Hart spoke")}
			}, []got{{"Jobs are back,", "Ann Lee", D}}},
		{"the senator resolved to the senator last named", "Sen. Jane Roe spoke in Ohio on Monday. \"We will win,\" the senator said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "Jane Roe", "Sen. Jane Roe")}
			}, []got{{"We will win,", "Jane Roe", D}}},
		{"the senator without entities", "Sen. Jane Roe spoke in Ohio on Monday. \"We will win,\" the senator said.",
			nil, []got{{"We will win,", "the senator", D}}},
		{"next sentence continues the speaker", `"First things first," Smith said. "Then the rest."`,
			nil, []got{{"First things first,", "Smith", D}, {"Then the rest.", "Smith", D}}},
		{"name and colon", `Donald Duck: "Quack, quack, quack."`,
			nil, []got{{"Quack, quack, quack.", "Donald Duck", D}}},
		{"titles dropped", `"We are ready," said Senate Majority Leader Jane Roe.`,
			nil, []got{{"We are ready,", "Jane Roe", D}}},
		{"apposition", `"It is done," Rep. Jim Stone (R-Ohio), a member of the panel, said.`,
			nil, []got{{"It is done,", "Jim Stone", D}}},
		{"introduction in the paragraph before", "Smith told the crowd:\n\n\"We will win this fight.\"",
			nil, []got{{"We will win this fight.", "Smith", D}}},
		{"quote paragraph after an attributed one", "\"We will win,\" Smith said.\n\n\"And we will do it together.\"",
			nil, []got{{"We will win,", "Smith", D}, {"And we will do it together.", "Smith", D}}},
		{"inverted with place", `"It is a shame," said Representative Carl B. Rand of New York.`,
			nil, []got{{"It is a shame,", "Carl B. Rand", D}}},
		{"guillemets", `«We will win,» Smith said.`,
			nil, []got{{"We will win,", "Smith", D}}},
		{"markup attribute is no quote", `<tweet tweet-id="12345">`,
			nil, nil},
		{"no quotes", `Nothing to see here.`,
			nil, nil},
	})
}

// Bugs found on the development set (issue 2), with invented names.
func TestFindFixedBugs(t *testing.T) {
	runCases(t, []findCase{
		{"lower-case title before the name", `"I can guarantee it," said pollster Frank Lutz.`,
			nil, []got{{"I can guarantee it,", "Frank Lutz", D}}},
		{"lower-case title as subject", `"We will see," former Gov. Jim Dole said.`,
			nil, []got{{"We will see,", "Jim Dole", D}}},
		{"participle takes the main subject", `On Thursday, after staying neutral, Warren appeared on TV and endorsed Hill, saying, "She is a fighter."`,
			nil, []got{{"She is a fighter.", "Warren", D}}},
		{"infinitive after the verb", `O'Hara, who signed the law, interjected to say: "They were both wrong."`,
			nil, []got{{"They were both wrong.", "O'Hara", D}}},
		{"period then a new sentence with a cue", "\"This is a sad day,\" Cruz told reporters. \"It is the culture.\" Ohio Gov. John Kasik said he would have fired him.",
			nil, []got{{"This is a sad day,", "Cruz", D}, {"It is the culture.", "Cruz", D}}},
		{"a verb we do not list", `"Go back to your channel," Trump barked.`,
			nil, []got{{"Go back to your channel,", "Trump", D}}},
		{"partial quote before is not a speaker source", `He added a clip from "Back to the Future" to the ad. "I can guarantee it," said pollster Frank Lutz.`,
			nil, []got{{"Back to the Future", "", P}, {"I can guarantee it,", "Frank Lutz", D}}},
		{"adverb in -ly", `Co-anchor Nora Dell, who was off-screen, then loudly asked, "Really?"`,
			nil, []got{{"Really?", "Nora Dell", D}}},
		{"that-clause after the speaker is not a speaker", `In a statement, Peabody said: "The company was a success," adding that its value doubled.`,
			nil, []got{{"The company was a success,", "Peabody", D}}},
		{"clause with a verb is no subject", `No wonder Trump said, and I quote, "We love them." He is treating his fans as fools who believe anything he says.`,
			nil, []got{{"We love them.", "Trump", D}}},
		{"nested quotes of the other kind", `Lee continued: "I read the question: “Is it over?” Most said no."`,
			nil, []got{{"I read the question: “Is it over?” Most said no.", "Lee", D}}},
		{"nested curly quotes", "Dole wrote, “If you care, show it even when “your team” is wrong.”",
			nil, []got{{"If you care, show it even when “your team” is wrong.", "Dole", D}}},
		{"headline with its author", "—\"Museum to close its doors,\" by Ann Wu of the Herald.",
			nil, []got{{"Museum to close its doors,", "", P}}},
		{"a show's title between two quotes of one speaker", `"We will release them," Sand said on CNN's "State of the Union." "I am very healthy."`,
			nil, []got{{"We will release them,", "Sand", D}, {"State of the Union.", "", P}, {"I am very healthy.", "Sand", D}}},
		{"the name before the quote over the pronoun after it", `Asked about it, Feld said "I know nothing about the emails," she said.`,
			nil, []got{{"I know nothing about the emails,", "Feld", D}}},
		{"a stray comma after a parenthesis", `On Tuesday in Berea, Gov. John Kasik (R-OH), said, "We are going all the way."`,
			nil, []got{{"We are going all the way.", "John Kasik", D}}},
		{"a fronted place is no subject", `Here in Columbia, Sand stepped up his attacks, saying, "We have to act."`,
			nil, []got{{"We have to act.", "Sand", D}}},
		{"an adverb is no subject", `Kasik cautioned "let's not get ahead of ourselves," before optimistically predicting a win.`,
			nil, []got{{"let's not get ahead of ourselves,", "Kasik", D}}},
		{"an outlet's possessive before the name", `"It had become apparent," said Gulf News's Rosa Jordan.`,
			nil, []got{{"It had become apparent,", "Rosa Jordan", D}}},
		{"a place entity is no speaker's name", `"It had become apparent," said Gulf News's Rosa Jordan.`,
			func(text string) []news.Entity {
				return []news.Entity{
					{Name: "Gulf News", Type: news.Organization, Mentions: []news.Span{{Start: 31, End: 40}}},
					{Name: "Jordan", Type: news.Place, Mentions: []news.Span{{Start: 48, End: 54}}},
				}
			}, []got{{"It had become apparent,", "Rosa Jordan", D}}},
		{"party and state are no name", `"The veto will be overridden," Senate Majority Leader Mitch McCoy, R-Ky., said Tuesday.`,
			nil, []got{{"The veto will be overridden,", "Mitch McCoy", D}}},
		{"bare attribution after a period", `"We will find the emails." Tramp said.`,
			nil, []got{{"We will find the emails.", "Tramp", D}}},
		{"a time phrase is no subject", `Hours later, Tramp returned the compliment, telling Reuters, "He is an amazing man."`,
			nil, []got{{"He is an amazing man.", "Tramp", D}}},
		{"participle after a preposition", `Silver, herself a supporter, incurred boos upon saying, "Hillary heard us."`,
			nil, []got{{"Hillary heard us.", "Silver", D}}},
		{"participle after an attribution", `Ryan and Tramp will meet next week, Spicer said, adding, "They need to talk."`,
			nil, []got{{"They need to talk.", "Spicer", D}}},
		{"sentence begun before an earlier quote", `In the email, Ash described the move as a "breach of trust," adding: "I am informing all members."`,
			nil, []got{{"breach of trust,", "Ash", P}, {"I am informing all members.", "Ash", D}}},
		{"a short sentence names the speaker", `Craig said the race is open. Dianne Bystrom agreed. "Time is running out."`,
			nil, []got{{"Time is running out.", "Dianne Bystrom", D}}},
		{"phrasal verb", `"Jeb wants to be tough," Tramp shot back.`,
			nil, []got{{"Jeb wants to be tough,", "Tramp", D}}},
		{"described subject with an unlisted verb", `"France will always be France," an angry Hollande retaliated.`,
			nil, []got{{"France will always be France,", "Hollande", D}}},
		{"the clause after a subordinating word", `It was an uplifting moment when Paul Rian told the House, "An attack on one of us is an attack on all of us."`,
			nil, []got{{"An attack on one of us is an attack on all of us.", "Paul Rian", D}}},
		{"a description without its relative clause", `"All it takes is a couple of scandals," one lobbyist who spoke on condition of anonymity said.`,
			nil, []got{{"All it takes is a couple of scandals,", "one lobbyist", D}}},
		// The second quote is read as direct, as PolNeAR mostly annotates
		// a quote after a bare reporting verb; its speaker must not run
		// into the first quote.
		{"a description ends before a quote", `A spokesperson for the ministry said it would "review the findings" and respond "in due course."`,
			nil, []got{{"review the findings", "A spokesperson for the ministry", P}, {"in due course.", "A spokesperson for the ministry", D}}},
		{"statement introduced by a clause", "When Wallace died, President Clinton released the following statement:\n\n\"Our thoughts are with the family.\"",
			nil, []got{{"Our thoughts are with the family.", "Clinton", D}}},
		{"a long apposition after the quote", "“The park is sacred ground,” Ann Moss, a Republican trying to unseat Representative Bob Hale, a Democrat, in Ohio’s Third District, said in a statement.",
			nil, []got{{"The park is sacred ground,", "Ann Moss", D}}},
		{"a long apposition holding names", `"They read it like scripture," Rep. Joe Dale, D-Ohio, the former chairman of the House subcommittee on the Constitution, Civil Rights and Civil Liberties, told the Daily Bugle.`,
			nil, []got{{"They read it like scripture,", "Joe Dale", D}}},
		{"a pronoun before a second verb", "Ann Moss talked.\n\n“I am sure,” she said.\n\nShe paused, then added: “But I don’t know that.”",
			nil, []got{{"I am sure,", "Ann Moss", D}, {"But I don’t know that.", "Ann Moss", D}}},
		{"coordinated verbs share the subject", `After the reporter finished, Smith stormed back, leaned into him and said, "If you do that again, I'll throw you off."`,
			func(text string) []news.Entity { return []news.Entity{ent(text, "Joe Smith", "Smith")} },
			[]got{{"If you do that again, I'll throw you off.", "Joe Smith", D}}},
		{"constable abbreviated", `"A man shot another man," police Const. Joe Bloggs told a news conference.`,
			nil, []got{{"A man shot another man,", "Joe Bloggs", D}}},
		// The sentence before the pronoun's ended in a closing curly mark,
		// which was taken for the end of the sentence before it.
		{"pronoun after a curly quote ends a sentence", "Anna Lee toured the plant, which she called “a model.”\n\n“Jobs are back,” she told reporters.",
			nil, []got{{"a model.", "", P}, {"Jobs are back,", "Anna Lee", D}}},
		{"they for two people named together", "Mr. Doe and Mr. Roe released a statement on Friday.\n\n“The officials have said it many times,” they said. They added that it was wrong.\n\n“Now more should be known,” they said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "John Doe", "Mr. Doe"), ent(text, "Jim Roe", "Mr. Roe")}
			}, []got{{"The officials have said it many times,", "John Doe and Jim Roe", D}, {"Now more should be known,", "John Doe and Jim Roe", D}}},
		// "he" skips a woman named by a kin noun ("his wife, Ruth Lake")
		// or by a woman's given name.
		{"he skips the women of the sentence before", "Tom Vane spoke first.\n\nThe congressman thanked his wife, Ruth Lake, an aide to Secretary Hillary Dunn. “I am protecting my wife,” he told reporters.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "Tom Vane", "Tom Vane"), ent(text, "Ruth Lake", "Ruth Lake"), ent(text, "Hillary Dunn", "Secretary Hillary Dunn")}
			}, []got{{"I am protecting my wife,", "Tom Vane", D}}},
		{"he continues the reporter of the sentence before", "Kish island governor Ali Reza told AFP that ten people died.\n\"About 1,000 people are in tents,\" he said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "Kish", "Kish"), ent(text, "Ali Reza", "Ali Reza")}
			}, []got{{"About 1,000 people are in tents,", "Ali Reza", D}}},
		{"a reporter in a subordinate clause is not continued", "Ryan did not look sure when Tapper asked about the House.\n\n“It is unpredictable,” he said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "Paul Ryan", "Ryan"), ent(text, "Jake Tapper", "Tapper")}
			}, []got{{"It is unpredictable,", "Paul Ryan", D}}},
		{"they for a name holding and", "Crowds protested against the Trade and Investment Partnership (TIP) today.\n\n“Stop it,” they said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "Trade", "Trade"), ent(text, "Investment Partnership", "Investment Partnership")}
			}, []got{{"Stop it,", "", D}}},
		{"they for people not named together", "Mr. Doe met Mr. Roe on Friday.\n\n“It went well,” they said.",
			func(text string) []news.Entity {
				return []news.Entity{ent(text, "John Doe", "Mr. Doe"), ent(text, "Jim Roe", "Mr. Roe")}
			}, []got{{"It went well,", "", D}}},
	})
}

// Issue 10: the stage reads the shared token stream and sentences, with
// invented names.
func TestFindTokenStream(t *testing.T) {
	runCases(t, []findCase{
		{"no word across a period without a space", `"We will win," Bo Dole said.Dole left.`,
			nil, []got{{"We will win,", "Bo Dole", D}}},
		{"an initial after a hyphen ends no sentence", `Rep. Al Green (D-W. Va.), who chairs the panel, called the vote "a disgrace to us all."`,
			nil, []got{{"a disgrace to us all.", "Al Green", P}}},
		{"a title abbreviation", `"He was a friend," Msgr. Tom Fell said.`,
			nil, []got{{"He was a friend,", "Tom Fell", D}}},
		{"an abbreviation before a sentence opener ends it", `The polls close at 7 p.m. He says "it is over."`,
			nil, []got{{"it is over.", "", D}}},
		{"a role tells no gender", "Campaign spokesman Jane Roe confirmed the plan. \"We are not affiliated,\" she said.",
			nil, []got{{"We are not affiliated,", "Jane Roe", D}}},
		{"an honorific is no inverted speaker", `Jo Bell, a party spokesman, said Mr. Cole was "betting against the troops."`,
			nil, []got{{"betting against the troops.", "Jo Bell", P}}},
		{"lower-case verbs are no title", `Smith said he would "look into" it.`,
			nil, []got{{"look into", "Smith", P}}},
	})
}

// TestFindBBC runs the stage on the BBC article of the bundled example, raw
// (title line and caption included), and checks every quote's speaker.
// It runs twice: on its own (speakers read from the text) and after the
// real sentence and entity stages (speakers linked to entities).
func TestFindBBC(t *testing.T) {
	text := readExample(t, "examples/iraq-2011/002_6a481520883e14a8.txt")
	t.Run("alone", func(t *testing.T) { checkBBC(t, text, find(text, nil)) })
	t.Run("with entities", func(t *testing.T) {
		toks := token.Tokenize(nil, text, lexicon.Default())
		sents := sentence.Split(text, toks, lexicon.Default())
		checkBBC(t, text, Find(text, toks, sents, entity.Find(text, toks, sents)))
	})
}

func checkBBC(t *testing.T, text string, qs []news.Quote) {
	checkSpans(t, text, qs)
	want := []struct {
		prefix, speaker string
		kind            news.QuoteKind
	}{
		{"In the next two months", "Obama", D}, // caption line
		{"full agreement", "Obama", P},
		{"The US leaves Iraq", "Obama", D},
		{"That is how America", "Obama", D},
		{"a strong and enduring partnership", "Obama", P},
		{"we protect and provide", "Panetta", P},
		{"If we do not have agreement", "al-Dabbagh", D},
		{"The tide of war", "Obama", D},
	}
	if len(qs) != len(want) {
		t.Fatalf("Find(BBC) found %d quotes %v; want %d", len(qs), summarize(qs), len(want))
	}
	for i, w := range want {
		q := qs[i]
		if !strings.HasPrefix(q.Text, w.prefix) || !strings.Contains(q.Speaker, w.speaker) || q.Kind != w.kind {
			t.Errorf("Find(BBC)[%d] = %q by %q (%s); want %q… by %q (%s)", i, q.Text, q.Speaker, q.Kind, w.prefix, w.speaker, w.kind)
		}
	}
}
