package sentence

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/token"
)

// texts returns the sentence texts of spans in s.
func texts(s string, spans []news.Span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

type splitCase struct {
	name string
	in   string
	want []string
}

func runCases(t *testing.T, cases []splitCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := texts(tc.in, split(tc.in))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Split(%q) = %q; want %q\n(-want +got)\n%s", tc.in, got, tc.want, diff)
			}
			checkSpans(t, tc.in, split(tc.in))
		})
	}
}

func TestSplit(t *testing.T) {
	runCases(t, []splitCase{
		{"empty", "", []string{}},
		{"spaces only", " \n\t \u00a0", []string{}},
		{"one sentence no period", "Troops leave", []string{"Troops leave"}},
		{"two sentences", "Troops leave. They go home.", []string{"Troops leave.", "They go home."}},
		{"trimmed", "  Troops leave.   They go home.  ", []string{"Troops leave.", "They go home."}},
		{"question and exclamation", "Why now? Because! It is time.", []string{"Why now?", "Because!", "It is time."}},
		{"interrobang run", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"lower case after period", "It was 3 p.m. on the day.", []string{"It was 3 p.m. on the day."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"version like numbers", "See 1.2.3 now. Done.", []string{"See 1.2.3 now.", "Done."}},
		{"Mr", "Mr. Smith went home. He slept.", []string{"Mr. Smith went home.", "He slept."}},
		{"Mrs and Dr", "Mrs. Jones met Dr. Who. They talked.", []string{"Mrs. Jones met Dr. Who.", "They talked."}},
		{"Sen and Gov", "Sen. Ted Cruz and Gov. Rick Perry spoke. Then they left.", []string{"Sen. Ted Cruz and Gov. Rick Perry spoke.", "Then they left."}},
		{"military ranks", "Lt. Gen. Lloyd Austin and Col. Smith arrived.", []string{"Lt. Gen. Lloyd Austin and Col. Smith arrived."}},
		{"US mid sentence", "The U.S. Army left. Iraq stayed.", []string{"The U.S. Army left.", "Iraq stayed."}},
		{"US at end before The", "Troops returned to the U.S. The war ended.", []string{"Troops returned to the U.S.", "The war ended."}},
		{"UN", "The U.N. Security Council met.", []string{"The U.N. Security Council met."}},
		{"month day", "On Jan. 3 the vote was held. It passed.", []string{"On Jan. 3 the vote was held.", "It passed."}},
		{"month day at sentence end", "The vote is on Jan. 3. It will pass.", []string{"The vote is on Jan. 3.", "It will pass."}},
		{"Sept", "By Sept. 30 all is done.", []string{"By Sept. 30 all is done."}},
		{"a.m. then name", "At 10 a.m. Obama spoke.", []string{"At 10 a.m. Obama spoke."}},
		{"a.m. at end", "He spoke at 10 a.m. The crowd cheered.", []string{"He spoke at 10 a.m.", "The crowd cheered."}},
		{"initials", "George W. Bush was president.", []string{"George W. Bush was president."}},
		{"two initials", "J. R. R. Tolkien wrote. He died.", []string{"J. R. R. Tolkien wrote.", "He died."}},
		{"No before number", "He is No. 2 in the party. No. He is not.", []string{"He is No. 2 in the party.", "No.", "He is not."}},
		{"Inc mid sentence", "Apple Inc. Chief Tim Cook spoke.", []string{"Apple Inc. Chief Tim Cook spoke."}},
		{"Inc at end", "He works for Apple Inc. He likes it.", []string{"He works for Apple Inc.", "He likes it."}},
		{"Jr at end", "He met Martin Luther King Jr. The crowd grew.", []string{"He met Martin Luther King Jr.", "The crowd grew."}},
		{"state abbreviation", "He lives in Phoenix, Ariz. The city is hot.", []string{"He lives in Phoenix, Ariz.", "The city is hot."}},
		{"Roe v. Wade", "Roe v. Wade was decided. It stood.", []string{"Roe v. Wade was decided.", "It stood."}},
		{"vs", "Smith vs. Jones ended. Both lost.", []string{"Smith vs. Jones ended.", "Both lost."}},
		{"ellipsis lower", "We waited ... and waited. Then rain.", []string{"We waited ... and waited.", "Then rain."}},
		{"ellipsis upper", "We waited... Then it rained.", []string{"We waited...", "Then it rained."}},
		{"unicode ellipsis", "We waited… Then it rained.", []string{"We waited…", "Then it rained."}},
		{"newline", "One line\nAnother line", []string{"One line", "Another line"}},
		{"paragraph", "First para.\n\nSecond para.", []string{"First para.", "Second para."}},
		{"crlf", "First line\r\nSecond line", []string{"First line", "Second line"}},
		{"line separator", "One\u2028Two", []string{"One", "Two"}},
		{"newline after abbreviation", "He met Mr.\nSmith", []string{"He met Mr.", "Smith"}},
		{"quote closes after period straight", `"The war is over." He said it twice.`, []string{`"The war is over."`, "He said it twice."}},
		{"quote closes after period curly", "“The war is over.” He said it twice.", []string{"“The war is over.”", "He said it twice."}},
		{"quote comma said", `"It is over," he said. They left.`, []string{`"It is over," he said.`, "They left."}},
		{"quote exclamation said", `"Go home!" he shouted. They left.`, []string{`"Go home!" he shouted.`, "They left."}},
		{"quote question said", "“Why?” she asked. Nobody knew.", []string{"“Why?” she asked.", "Nobody knew."}},
		{"multi-sentence quote", `"We leave now. The war is over," he said.`, []string{`"We leave now.`, `The war is over," he said.`}},
		{"quote after said", `He said: "We leave." Then he left.`, []string{`He said: "We leave."`, "Then he left."}},
		{"next starts with quote", `He left. "We go," she said.`, []string{"He left.", `"We go," she said.`}},
		{"two quotes", `"One." "Two."`, []string{`"One."`, `"Two."`}},
		{"single quotes", "He said 'stop.' Then left.", []string{"He said 'stop.'", "Then left."}},
		{"curly single quotes", "He said ‘stop.’ Then left.", []string{"He said ‘stop.’", "Then left."}},
		{"parenthesis", "He left (for good.) Then rain.", []string{"He left (for good.)", "Then rain."}},
		{"guillemets", "Il a dit «non.» Puis rien.", []string{"Il a dit «non.»", "Puis rien."}},
		{"glued sentences", "They went home.The war ended.", []string{"They went home.", "The war ended."}},
		{"domain not glued", "Visit example.com today. Thanks.", []string{"Visit example.com today.", "Thanks."}},
		{"list marker", "1. Leave Iraq\n2. Go home", []string{"1. Leave Iraq", "2. Go home"}},
		{"number at end", "Troops numbered 165,000 in 2008. Now fewer.", []string{"Troops numbered 165,000 in 2008.", "Now fewer."}},
		{"non-breaking space after period", "He left.\u00a0She stayed.", []string{"He left.", "She stayed."}},
		{"accented word before period", "He went to Bogotá. It rained.", []string{"He went to Bogotá.", "It rained."}},
		{"non-ASCII next sentence", "He left. Émile stayed.", []string{"He left.", "Émile stayed."}},
		{"period at end of text", "End.", []string{"End."}},
		{"closing quote at end of text", `He said "end."`, []string{`He said "end."`}},
	})
}

// TestSplitFixedBugs keeps cases that once split wrongly (issue 2).
func TestSplitFixedBugs(t *testing.T) {
	runCases(t, []splitCase{
		{"issue 2: a.m. before capital name does not split", "Polls open at 7 a.m. Tuesday.", []string{"Polls open at 7 a.m. Tuesday."}},
		{"issue 2: E2 byte that is not a mark", "A – bee. C.", []string{"A – bee.", "C."}},
		{"issue 2: truncated ellipsis bytes", "A\xe2\x80", []string{"A\xe2\x80"}},
		{"issue 2: New after U.S. is a name", "He flew to the U.S. New York was cold.", []string{"He flew to the U.S. New York was cold."}},
	})
}

// checkSpans checks the invariants of Split's result on s.
func checkSpans(t *testing.T, s string, spans []news.Span) {
	t.Helper()
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			t.Fatalf("Split(%q): span %d = %v out of order, empty or outside text (previous end %d)", s, i, sp, prev)
		}
		if !boundaryOK(s, sp.Start) || !boundaryOK(s, sp.End) {
			t.Fatalf("Split(%q): span %d = %v not on UTF-8 boundaries", s, i, sp)
		}
		if spaceAt(s, sp.Start) > 0 || spaceBefore(s, sp.End) > 0 {
			t.Fatalf("Split(%q): span %d = %q not trimmed", s, i, s[sp.Start:sp.End])
		}
		// Everything between two sentences is white space.
		for j := prev; j < sp.Start; {
			n := spaceAt(s, j)
			if n == 0 {
				t.Fatalf("Split(%q): byte %d (%q) lies in no sentence", s, j, s[j])
			}
			j += n
		}
		prev = sp.End
	}
	for j := prev; j < len(s); {
		n := spaceAt(s, j)
		if n == 0 {
			t.Fatalf("Split(%q): trailing byte %d (%q) lies in no sentence", s, j, s[j])
		}
		j += n
	}
}

// boundaryOK reports whether i does not cut a valid UTF-8 sequence of s.
func boundaryOK(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	if utf8.RuneStart(s[i]) {
		return true
	}
	// s[i] is a continuation byte: fine only when it belongs to no valid rune.
	for j := max(0, i-3); j < i; j++ {
		r, n := utf8.DecodeRuneInString(s[j:])
		if r != utf8.RuneError && j+n > i {
			return false
		}
	}
	return true
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "Mr. Smith went. He left.", `"End." He said`, "A…B", "U.S. The", "1. a\n2. b",
		"\u00a0x.\u2028y", "“Why?” she asked.", "x.\xe2\x80", "a.\u00a0\u00a0B",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, split(s))
	})
}

// exampleText returns the example articles, when present, joined.
func exampleText(tb testing.TB) string {
	tb.Helper()
	var b strings.Builder
	for _, dir := range []string{"../../../examples/iraq-2011", "../../../../shared/examples/iraq-2011"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			b.Write(data)
			b.WriteString("\n\n")
		}
		if b.Len() > 0 {
			break
		}
	}
	if b.Len() == 0 {
		tb.Skip("example articles not found; skipping")
	}
	return b.String()
}

func TestSplitExample(t *testing.T) {
	s := exampleText(t)
	spans := split(s)
	checkSpans(t, s, spans)
	for _, sent := range texts(s, spans) {
		// No sentence of the example is split after a title or an initial.
		for _, bad := range []string{" Mr.", " Dr.", " W."} {
			if strings.HasSuffix(sent, bad) {
				t.Errorf("sentence %q ends with %q", sent, bad)
			}
		}
	}
}

// benchText is a synthetic article of about 5 kB of news prose.
func benchText() string {
	para := `President Barack Obama said on Friday that all U.S. troops would leave Iraq by Dec. 31. "The tide of war is receding," he said. Sen. John McCain called it "a serious mistake." About 39,000 troops remain, down from a peak of 165,000 in 2008... Officials in Baghdad, including Prime Minister Nouri al-Maliki, welcomed the news. Gen. Lloyd Austin will oversee the withdrawal at 10 a.m. Monday.` + "\n\n"
	var b strings.Builder
	for b.Len() < 5000 {
		b.WriteString(para)
	}
	return b.String()
}

// BenchmarkSplit splits a text whose tokens are already read (the
// tokenizer runs once for every stage; token.BenchmarkTokenize times it).
func BenchmarkSplit(b *testing.B) {
	s := benchText()
	lx := lexicon.Default()
	toks := token.Tokenize(nil, s, lx)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Split(s, toks, lx)
	}
}

// split runs Split with the tokens of s.
func split(s string) []news.Span {
	lx := lexicon.Default()
	return Split(s, token.Tokenize(nil, s, lx), lx)
}

// spaceAt returns the byte length of the white-space rune at s[i], or 0:
// the runes the tokenizer reads as white space.
func spaceAt(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	if r != utf8.RuneError && (unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF) {
		return n
	}
	return 0
}

// spaceBefore returns the byte length of the white-space rune ending at
// s[:i], or 0.
func spaceBefore(s string, i int) int {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if r != utf8.RuneError && (unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF) {
		return n
	}
	return 0
}
