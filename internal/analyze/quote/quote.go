package quote

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// Find returns the quotes in text in text order. It reads toks, the text's
// token stream (token.Tokenize with the default lexicon), and sents, its
// sentences (sentence.Split), and resolves speakers against ents (which
// may be nil: speakers are then the names read next to the cue). The
// sentence boundaries around a quote are read at its punctuation, so that
// the stage does not depend on how the splitter treats quotes; the
// splitter's sentences decide only whether an abbreviation's dot ends one.
// Every span is a byte range of text, on UTF-8 boundaries, and Text equals
// text[Start:End].
func Find(text string, toks []news.Token, sents []news.Span, ents []news.Entity) []news.Quote {
	if len(text) > math.MaxInt32 {
		return nil // token offsets are 32-bit; no article comes near
	}
	f := pool.Get().(*finder)
	defer f.release()
	f.text, f.toks, f.sents = text, toks, sents
	f.scan()
	if len(f.frags) == 0 {
		return nil
	}
	f.indexEntities(ents)
	f.attribute()
	out := make([]news.Quote, 0, len(f.frags))
	for i := range f.frags {
		q := &f.frags[i]
		if q.drop {
			continue
		}
		kind := news.Partial
		if q.direct {
			kind = news.Direct
		}
		q.s, q.e = runeBounds(text, q.s, q.e)
		q.spk.s, q.spk.e = runeBounds(text, q.spk.s, q.spk.e)
		out = append(out, news.Quote{
			Text:        text[q.s:q.e],
			Speaker:     q.spk.name,
			Kind:        kind,
			Span:        news.Span{Start: q.s, End: q.e},
			SpeakerSpan: news.Span{Start: q.spk.s, End: q.spk.e},
			Cue:         q.cue,
		})
	}
	return out
}

// pool keeps finders' buffers (fragments, tokens, paragraphs) between
// calls, so that the garbage collector does not become the stage's main
// cost. A finder holds nothing from one call to the next.
var pool = sync.Pool{New: func() any { return new(finder) }}

// release empties f and returns it to the pool.
func (f *finder) release() {
	f.text, f.toks, f.sents = "", nil, nil
	clear(f.frags)
	f.frags = f.frags[:0]
	f.all = f.all[:0]
	f.paras = f.paras[:0]
	clear(f.mentions)
	f.mentions = f.mentions[:0]
	f.ents = nil
	if cap(f.all) > 1<<16 || cap(f.frags) > 1<<10 {
		return // do not keep the buffers of a huge article
	}
	pool.Put(f)
}

// runeBounds moves the span [s, e) onto rune boundaries, which only
// matters for invalid UTF-8: a stray continuation byte at either end is
// taken in at the end and left out at the start.
func runeBounds(text string, s, e int) (int, int) {
	for s < e && !utf8.RuneStart(text[s]) {
		s++
	}
	for e < len(text) && e > s && !utf8.RuneStart(text[e]) {
		e++
	}
	if s == e {
		return 0, 0
	}
	return s, e
}

// frag is one quoted stretch of one paragraph.
type frag struct {
	open, openEnd   int // the opening mark
	close, closeEnd int // the closing mark; both le when the quote runs on to the next paragraph
	s, e            int // the quoted text without marks and surrounding space
	ls, le          int // the paragraph
	para            int // paragraph number
	prev            int // previous fragment of a multi-paragraph quote, or -1
	cont            bool
	drop            bool // not a quote after all (markup: id="…")

	direct bool
	spk    speaker
	cue    string
}

// speaker is a speaker mention: the phrase text[s:e] and the name it gives.
type speaker struct {
	s, e     int
	name     string
	pronoun  bool // an unresolved pronoun
	nominal  bool // a description, not a name ("a White House spokesman")
	female   int8 // +1 female, -1 male, 0 unknown (from titles and pronouns)
	resolved bool // a pronoun resolved to name
	pair     bool // "they" resolved to two people named together
}

func (s speaker) found() bool { return s.e > s.s }

// mention is an entity mention, for speaker linking.
type mention struct {
	news.Span
	ent int
}

type finder struct {
	text  string
	toks  []news.Token // the article's token stream
	sents []news.Span  // its sentences
	frags []frag
	all   []news.Token // the tokens of the paragraphs read so far, outside quotes
	paras []paraToks   // which paragraph's tokens are where in all

	ents     []news.Entity
	mentions []mention // sorted by Start
}

// scan finds the quoted stretches, paragraph by paragraph.
func (f *finder) scan() {
	text := f.text
	para := 0
	pendOpen, pendOpenEnd := -1, -1
	pendLS, pendLE, pendPara, pendPrev := 0, 0, 0, -1
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		s, e := trimSpace(text, ls, le)
		if s == e {
			ls = le + 1
			continue
		}
		f.paras = append(f.paras, paraToks{int32(s), int32(e), -1, -1})
		chain := -1
		if pendOpen >= 0 {
			if _, k := markAt(text, s); k != markNone {
				qs, qe := trimSpace(text, pendOpenEnd, pendLE)
				if hasAlnum(text[qs:qe]) {
					f.frags = append(f.frags, frag{
						open: pendOpen, openEnd: pendOpenEnd, close: pendLE, closeEnd: pendLE,
						s: qs, e: qe, ls: pendLS, le: pendLE, para: pendPara, prev: pendPrev, cont: true,
					})
					chain = len(f.frags) - 1
				}
			}
			pendOpen = -1
		}
		o, oe, prev := f.scanLine(s, e, para, chain)
		if o >= 0 {
			pendOpen, pendOpenEnd, pendLS, pendLE, pendPara, pendPrev = o, oe, s, e, para, prev
		}
		para++
		ls = le + 1
	}
}

// scanLine pairs the quotation marks of the paragraph text[ls:le]. chain is
// the fragment a quote opening the paragraph continues, or -1. It returns the
// opening mark of a quote left open at the end of the paragraph (-1 if none)
// and the chain that quote continues.
func (f *finder) scanLine(ls, le, para, chain int) (open, openEnd, openChain int) {
	text := f.text
	open, openEnd, openChain = -1, -1, -1
	openKind := 0
	var openFam, nestFam byte
	lead := markLeads{q: -2, e2: -2, c2: -2}
	for i := ls; i < le; {
		if c := text[i]; c != '"' && c != 0xE2 && c != 0xC2 {
			// Skip ahead to the next byte that can start a mark.
			k := lead.next(text, i, le)
			if k < 0 {
				break
			}
			i = k
			continue
		}
		size, kind := markAt(text, i)
		if kind == markNone {
			i++
			continue
		}
		var r0, r1 rune
		if i > ls {
			r0, _ = runeBefore(text, i)
		}
		if i+size < le {
			r1, _ = runeAt(text, i+size)
		}
		leftOpen := r0 == 0 || isSpace(r0) || isDash(r0) || strings.ContainsRune("([{/", r0) || isQuoteRune(r0)
		rightOpen := r1 == 0 || isSpace(r1)
		canOpen := !rightOpen && leftOpen
		canClose := !leftOpen && (rightOpen || strings.ContainsRune(".,;:!?)]}…’'", r1) || isDash(r1) || isQuoteRune(r1))
		fam := byte('c')
		switch text[i] {
		case '"':
			fam = 's'
		case 0xC2:
			fam = 'g'
		}
		if open >= 0 {
			// A quote inside a quote in the other kind of marks: “… "x" …”.
			if nestFam == 0 && fam != openFam && canOpen && !canClose && kind != markClose {
				nestFam = fam
				i += size
				continue
			}
			if nestFam != 0 {
				if fam == nestFam {
					if kind != markOpen || canClose {
						nestFam = 0
					}
					i += size
					continue
				}
				nestFam = 0
			}
		}
		closeHere, openHere := false, false
		switch {
		case open < 0:
			switch kind {
			case markClose:
				openHere = canOpen && !canClose
			default:
				openHere = canOpen || !canClose
			}
		default:
			switch kind {
			case markStraight, markClose:
				closeHere = true
			case markOpen:
				switch {
				case openKind == markLow || (canClose && !canOpen):
					closeHere = true
				case nestedAhead(text, i+size, le):
					// “… “inner” …”: skip to the inner quote's end.
					k := strings.Index(text[i+size:le], "\u201d")
					i += size + k + 3
					continue
				default:
					openHere = true // the earlier mark was stray
				}
			}
		}
		if closeHere {
			qs, qe := trimSpace(text, openEnd, i)
			if hasAlnum(text[qs:qe]) {
				prev := -1
				if open == ls {
					prev = chain
				}
				f.frags = append(f.frags, frag{
					open: open, openEnd: openEnd, close: i, closeEnd: i + size,
					s: qs, e: qe, ls: ls, le: le, para: para, prev: prev,
				})
			}
			open = -1
		} else if openHere {
			open, openEnd, openKind, openFam, nestFam = i, i+size, kind, fam, 0
			if kind == markOpen && text[i] == 0xE2 && text[i+2] == 0x9E {
				openKind = markLow
			}
		}
		i += size
	}
	if open >= 0 {
		openChain = -1
		if open == ls {
			openChain = chain
		}
		return open, openEnd, openChain
	}
	return -1, -1, -1
}

// markLeads finds the next byte that can start a double quotation mark
// (", or the lead byte of “ ” „ ‟ « ») with one vectorised search per kind
// of byte, remembering each kind's next position.
type markLeads struct{ q, e2, c2 int }

// next returns the position of the first lead byte in text[i:le] (i
// excluded), or -1. Positions must be asked for in increasing order.
func (m *markLeads) next(text string, i, le int) int {
	find := func(p *int, c byte) {
		if *p == -1 || *p > i {
			return
		}
		k := strings.IndexByte(text[i+1:le], c)
		if k < 0 {
			*p = -1
		} else {
			*p = i + 1 + k
		}
	}
	find(&m.q, '"')
	find(&m.e2, 0xE2)
	find(&m.c2, 0xC2)
	best := -1
	for _, p := range [3]int{m.q, m.e2, m.c2} {
		if p >= 0 && (best < 0 || p < best) {
			best = p
		}
	}
	return best
}

// nestedAhead reports whether an opening “ at text[i-3:i], met inside a
// quote opened by “, starts a quote nested in it: two closing marks follow
// in the paragraph before any other opening mark.
func nestedAhead(text string, i, le int) bool {
	closes := 0
	for k := i; k+2 < le; k++ {
		if text[k] != 0xE2 || text[k+1] != 0x80 {
			continue
		}
		switch text[k+2] {
		case 0x9D:
			closes++
			if closes == 2 {
				return true
			}
		case 0x9C:
			return false
		}
	}
	return false
}

// markLow is „, closed by “ as well as ”.
const markLow = 99

func hasAlnum(s string) bool {
	for _, r := range s {
		if isLetter(r) || isDigit(r) {
			return true
		}
	}
	return false
}

// indexEntities sorts the entity mentions for lookups by position.
func (f *finder) indexEntities(ents []news.Entity) {
	f.ents = ents
	n := 0
	for _, e := range ents {
		n += len(e.Mentions)
	}
	if n == 0 {
		return
	}
	f.mentions = slices.Grow(f.mentions[:0], n)
	for i, e := range ents {
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= len(f.text) && m.Start < m.End {
				f.mentions = append(f.mentions, mention{m, i})
			}
		}
	}
	slices.SortFunc(f.mentions, func(a, b mention) int { return a.Start - b.Start })
}

// entityAt returns the entity with a mention overlapping [s, e), preferring
// people, or -1.
func (f *finder) entityAt(s, e int) int {
	ms := f.mentions
	i := sort.Search(len(ms), func(k int) bool { return ms[k].End > s })
	best := -1
	for ; i < len(ms) && ms[i].Start < e; i++ {
		if ms[i].End <= s {
			continue
		}
		if best < 0 || f.ents[ms[i].ent].Type == news.Person && f.ents[best].Type != news.Person {
			best = ms[i].ent
		}
	}
	return best
}

// entityNamed returns the person entity one of whose aliases is name, or
// whose canonical name ends with name, or -1.
func (f *finder) entityNamed(name string) int {
	if name == "" {
		return -1
	}
	for i, e := range f.ents {
		if e.Type != news.Person {
			continue
		}
		if e.Name == name || endsWithWord(e.Name, name) {
			return i
		}
		for _, a := range e.Aliases {
			if a == name {
				return i
			}
		}
	}
	return -1
}
