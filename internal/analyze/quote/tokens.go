package quote

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// The stage reads the article's token stream (news.Document.Tokens) and
// the lexicon classes each word was looked up in once, when tokenized.

// lex is the lexicon the tokens were looked up in.
var lex = lexicon.Default()

// The word classes the stage reads, by the lexicon list they come from.
const (
	cCue      = lexicon.ReportingVerb | lexicon.QuoteVerb // a speaker stands next to one: said, quipped
	cCueNoun  = lexicon.ReportingNoun                     // claims, reports: cues only before a quote or colon
	cNaming   = lexicon.NamingVerb                        // called, dubbed: the quoted words are partial
	cAux      = lexicon.CueFiller                         // also, has: between a speaker and the cue
	cPronoun  = lexicon.SubjectPronoun                    // he, she, they
	cTitle    = lexicon.SpeakerTitle                      // senator, former, spokesman
	cDet      = lexicon.Determiner                        // the, a, his: before a nominal speaker
	cCut      = lexicon.SpeakerCut                        // of, in, who: end a speaker phrase's core
	cLead     = lexicon.AdverbialOpener                   // in, after, meanwhile: open a fronted adverbial
	cFemale   = lexicon.TitleFemale                       // mrs, congresswoman
	cMale     = lexicon.TitleMale                         // mr, congressman
	cParticle = lexicon.NameParticle                      // de, van, bin: inside names
	cSubord   = lexicon.Subordinator                      // when, because: open a subordinate clause
	// cStopCap: words that, capitalised, never begin a name: function
	// words, adverbial openers (Meanwhile, Today), month and day names and
	// the rest (Look, First, Indeed).
	cStopCap = lexicon.Function | lexicon.AdverbialOpener | lexicon.Month | lexicon.Weekday | lexicon.NameStop
)

// paraToks is a paragraph text[ls:le] and, once read, the place of its
// tokens in all[t0:t1] (t0 < 0 before).
type paraToks struct{ ls, le, t0, t1 int32 }

// tokens returns the tokens lying in text[s:e], a stretch of one paragraph,
// without the words inside quotes (only their marks are kept). Each
// paragraph's tokens are copied from the stream once, when first needed.
func (f *finder) tokens(s, e int) []news.Token {
	if s >= e {
		return nil
	}
	// The paragraph holding s, or the first one after it.
	ps := f.paras
	i := sort.Search(len(ps), func(k int) bool { return int(ps[k].le) >= s })
	if i == len(ps) || int(ps[i].ls) >= e {
		return nil // blank lines only
	}
	p := &ps[i]
	if p.t0 < 0 {
		f.readPara(p)
	}
	ts := f.all[p.t0:p.t1]
	a := startingAt(ts, s)
	b := a
	for b < len(ts) && int(ts[b].Ext) <= e {
		b++
	}
	return ts[a:b:b]
}

// readPara copies the tokens of paragraph p outside its quotes to all;
// the words inside a quote are stepped over, not read.
func (f *finder) readPara(p *paraToks) {
	ls, le := int(p.ls), int(p.le)
	t0 := len(f.all)
	k, pos := f.tokenAt(ls), ls
	q := sort.Search(len(f.frags), func(i int) bool { return f.frags[i].open >= ls })
	for ; q < len(f.frags) && f.frags[q].open < le; q++ {
		fr := &f.frags[q]
		if fr.open < pos {
			continue
		}
		k = f.copyTokens(k, fr.openEnd)
		pos = fr.close
		k += startingAt(f.toks[k:], pos)
	}
	f.copyTokens(k, le)
	p.t0, p.t1 = int32(t0), int32(len(f.all))
}

// copyTokens copies the tokens from toks[k] on that start before end to
// all, and returns the index of the first token not copied.
func (f *finder) copyTokens(k, end int) int {
	for ; k < len(f.toks) && int(f.toks[k].Start) < end; k++ {
		if t := f.toks[k]; t.Flags&(news.Poss|news.Joined|news.Cap) == 0 {
			f.all = append(f.all, t) // most words: read as they are
		} else {
			f.all = appendView(f.all, f.text, t)
		}
	}
	return k
}

// tokenAt returns the index of the first token of the stream starting at
// or after pos.
func (f *finder) tokenAt(pos int) int { return startingAt(f.toks, pos) }

// startingAt returns the index of the first token of ts starting at or
// after pos (a binary search, as sort.Search without its calls).
func startingAt(ts []news.Token, pos int) int {
	lo, hi := 0, len(ts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(ts[m].Start) < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// streamTokens returns the tokens of the stream lying in text[s:e], quoted
// words included.
func (f *finder) streamTokens(s, e int) []news.Token {
	a := f.tokenAt(s)
	b := a
	for b < len(f.toks) && int(f.toks[b].Ext) <= e {
		b++
	}
	return f.toks[a:b:b]
}

// appendView appends the token t as the stage reads it: a possessive
// word ending in 's has the classes of the word as written (state's is
// no cue, he's no pronoun), a plural possessive (Sanders') is the word and
// an apostrophe, a title abbreviation is a title (Msgr., Pres.: the
// abbreviations list names them) and a hyphenated word takes the title
// class of its last part (Co-anchor, ex-Senator).
func appendView(dst []news.Token, text string, t news.Token) []news.Token {
	if t.Flags&news.Cap != 0 && in(lexicon.Abbreviation, t) && lex.AbbreviationKind(text[t.Start:t.End]) == "title" {
		t.Lex |= uint64(cTitle)
	}
	if t.Flags&news.Poss != 0 {
		if c := text[t.Ext-1]; c != 's' && c != 'S' {
			mark := news.Token{Start: t.End, End: t.Ext, Ext: t.Ext, Kind: news.Punct}
			t.Ext, t.Flags = t.End, t.Flags&^news.Poss
			return append(dst, t, mark)
		}
		t.Lex = uint64(lex.Lookup(text[t.Start:t.Ext]))
	}
	if t.Flags&news.Joined != 0 {
		w := text[t.Start:t.End]
		if h := strings.LastIndexByte(w, '-'); h > 0 && h < len(w)-1 {
			t.Lex |= uint64(lex.Lookup(w[h+1:]) & cTitle)
		}
	}
	return append(dst, t)
}

// dotAbbreviates reports whether the '.' at text[i] is the dot of an
// initial or abbreviation (Mr., U.S., John F. Kennedy), not a sentence
// end: the token before it took it, and the sentence splitter did not end
// a sentence there all the same (an initial before a sentence opener:
// "… Mo. The resolution"); or it follows a capital letter after a hyphen.
func (f *finder) dotAbbreviates(i int) bool {
	k := f.tokenAt(i+1) - 1
	if k < 0 {
		return false
	}
	if t := f.toks[k]; int(t.Start) == i && k > 0 {
		// The dot is a mark of its own: after an initial that ends a
		// hyphenated word, (D-W. Va.), it is the initial's.
		p := f.toks[k-1]
		return int(p.End) == i && p.Flags&news.Joined != 0 && i >= 2 && f.text[i-2] == '-' && isUpper(rune(f.text[i-1]))
	}
	if int(f.toks[k].Ext) != i+1 || f.toks[k].Flags&news.Dot == 0 {
		return false
	}
	next := len(f.text) // the next word's start
	for j := k + 1; j < len(f.toks); j++ {
		if isWord(f.toks[j]) {
			next = int(f.toks[j].Start)
			break
		}
	}
	ss := f.sents
	n := sort.Search(len(ss), func(j int) bool { return ss[j].Start > i })
	return n == len(ss) || ss[n].Start > next
}

func isWord(t news.Token) bool { return t.Kind != news.Punct }

// in reports whether the token is in a word list of c.
func in(c lexicon.Class, t news.Token) bool { return lexicon.Class(t.Lex)&c != 0 }

// capitalised reports whether the token is a word starting with an
// upper-case letter, or a name particle joined to one (al-Dabbagh).
func capitalised(t news.Token) bool { return t.Flags&(news.Cap|news.Particle) != 0 }

// isCue reports whether t is a reporting verb written in lower case.
func isCue(t news.Token) bool { return in(cCue, t) && t.Flags&news.Lower != 0 }

// isTitle reports whether t is a title word, also after a prefix
// (Co-anchor, ex-Senator, Vice-President).
func isTitle(t news.Token) bool { return in(cTitle, t) }

// possessive reports whether the word ends in 's or ’s (Trump's).
func possessive(t news.Token) bool { return t.Flags&news.Poss != 0 }

// punctRune returns the rune of a punctuation token, 0 for words.
func punctRune(text string, t news.Token) rune {
	if t.Kind != news.Punct {
		return 0
	}
	x, _ := runeAt(text, int(t.Start))
	return x
}

func wordIs(text string, t news.Token, w string) bool {
	return isWord(t) && int(t.End-t.Start) == len(w) && strings.EqualFold(text[t.Start:t.End], w)
}

// lyAdverb reports whether t is a lower-case word ending in -ly.
func lyAdverb(text string, t news.Token) bool {
	w := text[t.Start:t.End]
	return len(w) >= 4 && w[len(w)-2:] == "ly" && w[0] >= 'a' && w[0] <= 'z'
}

func wordsIn(ts []news.Token) int {
	n := 0
	for _, t := range ts {
		if isWord(t) {
			n++
		}
	}
	return n
}
