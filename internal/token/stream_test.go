package token

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// show renders tokens as "text" for words, "text|ext" when Ext goes past
// End, and flags of interest in brackets.
func show(text string, ts []news.Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[t.Start:t.End])
		if t.Ext > t.End {
			b.WriteString("|" + text[t.End:t.Ext])
		}
		var fl []string
		for _, f := range []struct {
			f news.TokenFlags
			n string
		}{{news.Cap, "C"}, {news.AllCaps, "A"}, {news.Poss, "P"}, {news.Dot, "D"}, {news.Joined, "J"}, {news.Particle, "p"}, {news.Para, "¶"}} {
			if t.Flags&f.f != 0 {
				fl = append(fl, f.n)
			}
		}
		if t.Kind == news.Number {
			fl = append(fl, "#")
		}
		if len(fl) > 0 {
			b.WriteString("[" + strings.Join(fl, "") + "]")
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "the troops left", "the troops left"},
		{"possessive", "Obama's plan, Jones' dog and Iraq’s", "Obama|'s[CPJ] plan , Jones|'[CP] dog and Iraq|’s[CPJ]"},
		{"initials and abbreviations", "Mr. B. Smith of the U.S. Army, Calif., vs. etc.", "Mr|.[CD] B|.[CD] Smith[C] of the U.S|.[CAD] Army[C] , Calif|.[CD] , vs|.[D] etc|.[D]"},
		{"end of sentence", "He left. Then", "He[C] left . Then[C]"},
		{"numbers", "4,408 troops, 3.5 percent, 2011.", "4,408[#] troops , 3.5[#] percent , 2011[#] ."},
		{"joined", "al-Maliki said don't; AT&T", "al-Maliki[Jp] said don't[J] ; AT&T[CA]"},
		{"quotes and dashes", "“Heads high” — she said", "“ Heads[C] high ” — she said"},
		{"paragraphs", "One.\n\nTwo", "One[C] . Two[C¶]"},
		{"unicode", "Zoë Ångström ΑΘΗΝΑ", "Zoë[C] Ångström[C] ΑΘΗΝΑ[CA]"},
	}
	lx := lexicon.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(tt.in, Tokenize(nil, tt.in, lx))
			if got != tt.want {
				t.Errorf("Tokenize(%q) =\n  %s\nwant\n  %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeLexicon(t *testing.T) {
	lx := lexicon.Default()
	text := "Officials said THE Senate's vote"
	ts := Tokenize(nil, text, lx)
	want := map[string]lexicon.Class{"said": lexicon.ReportingVerb, "THE": lexicon.Function, "Senate": lexicon.Organization}
	for _, tk := range ts {
		if c, ok := want[tk.Text(text)]; ok && lexicon.Class(tk.Lex)&c == 0 {
			t.Errorf("%q: Lex = %b; want the bits %b", tk.Text(text), tk.Lex, c)
		}
	}
}

// checkTokens verifies the tokenizer's contract on any text.
func checkTokens(t *testing.T, text string, ts []news.Token) {
	t.Helper()
	prev := int32(0)
	for i, tk := range ts {
		if tk.Start < prev || tk.Start >= tk.End || tk.End > tk.Ext || int(tk.Ext) > len(text) {
			t.Fatalf("token %d %+v: out of order or empty (previous ended at %d, text %d bytes)", i, tk, prev, len(text))
		}
		for _, off := range []int32{tk.Start, tk.End, tk.Ext} {
			// Cleaned text is valid UTF-8; in broken text a stray byte is a mark of its own.
			if int(off) < len(text) && !utf8.RuneStart(text[off]) && utf8.ValidString(text) {
				t.Fatalf("token %d %+v: offset %d inside a rune", i, tk, off)
			}
		}
		if tail := text[tk.End:tk.Ext]; tail != "" {
			switch tail {
			case "'s", "'S", "’s", "’S", "'", "’", ".":
			default:
				t.Fatalf("token %d: Ext adds %q; want a possessive or a dot", i, tail)
			}
		}
		// Every byte between tokens is white space.
		for _, r := range text[prev:tk.Start] {
			if !unicode.IsSpace(r) && r != 0x200B && r != 0xFEFF {
				t.Fatalf("token %d: %q between tokens is not white space", i, r)
			}
		}
		prev = tk.Ext
	}
	for _, r := range text[prev:] {
		if !unicode.IsSpace(r) && r != 0x200B && r != 0xFEFF {
			t.Fatalf("trailing %q is not white space", r)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Mr. B. Smith's U.S.", "4,408. 3.5", "al-Maliki’s", "a\r\n\r\nb", "\xff\xfe", "s'", "AT&T&", "U.S.A.", "’s", "x.'s"} {
		f.Add(s)
	}
	lx := lexicon.Default()
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text, Tokenize(nil, text, lx))
	})
}

func BenchmarkTokenize(b *testing.B) {
	lx := lexicon.Default()
	text := strings.Repeat("US President Barack Obama has confirmed that all 39,000 US troops still stationed in Iraq will be withdrawn by the end of the year. “We’ll leave with our heads held high,” he said on Friday. ", 40)
	var dst []news.Token
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		dst = Tokenize(dst[:0], text, lx)
	}
	b.ReportMetric(float64(len(dst)), "tokens")
	_ = fmt.Sprint
}
