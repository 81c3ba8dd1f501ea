package quantity

import (
	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// notOwner are the classes of a lower-case word that cannot be the noun
// an age belongs to: function words and verbs ("the 19-year-old said",
// "a 23-year-old who", "the 30-year-old died").
const notOwner = cStop | lexicon.ReportingVerb | lexicon.QuoteVerb | lexicon.PersonVerb | lexicon.AgentVerb |
	lexicon.PlacePreposition | lexicon.CueFiller | lexicon.Topicless | lexicon.SubjectPronoun | lexicon.NumberValue |
	lexicon.AdverbialOpener

// ageOf returns whom the age m belongs to (news.Quantity.Of), "" when the
// text does not say.
func (s *scanner) ageOf(m *mention) string {
	switch m.age {
	case appositive:
		k := m.start - 1 // the bracket of "(23)"
		if s.t[k] == ' ' {
			k-- // the comma of ", 23,"
		}
		return s.ownerBefore(k, true)
	case aged:
		if m.start >= 2 && s.t[m.start-2:m.start] == ", " {
			// "John Smith, aged 23,"; not "died in jail, aged 77".
			if name := s.ownerBefore(m.start-2, true); name != "" && isUpper(name[0]) {
				return name
			}
			return ""
		}
		return s.ownerBefore(m.start, false)
	case yearOld:
		// "Jane Doe, a 45-year-old teacher": the name in apposition.
		if ps, _, ok := s.prevWord(m.start); ok && (s.prevIs(m.start, "a") || s.prevIs(m.start, "an")) && ps >= 2 && s.t[ps-2:ps] == ", " {
			if name := s.ownerBefore(ps-2, true); name != "" && isUpper(name[0]) {
				return name
			}
		}
		return s.ownerAfter(m.end)
	}
	return ""
}

// ownerBefore returns the name that ends at pos ("John Smith", "John F.
// Kennedy"), or, when there is none, the lower-case noun that does ("the
// victim, 23,"; "a woman aged 38"). gap says whether a comma or bracket
// stands at pos rather than the next word.
func (s *scanner) ownerBefore(pos int, gap bool) string {
	k := s.at(pos) - 1
	if k < 0 {
		return ""
	}
	if !gap && !s.spaces(int(s.toks[k].Ext), pos) || s.toks[k].Kind != news.Word {
		return ""
	}
	last := k
	first := -1
	for ; k >= 0 && last-k < 6; k-- {
		tk := s.toks[k]
		if tk.Kind != news.Word || tk.Flags&news.Poss != 0 || k < last && !s.spaces(int(tk.Ext), int(s.toks[k+1].Start)) {
			break
		}
		cls := lexicon.Class(tk.Lex)
		if tk.Flags&news.Cap == 0 && cls&lexicon.NameParticle == 0 {
			break
		}
		first = k
	}
	// A name does not open with a function word or a sentence opener
	// ("The", "In", "However") or end in a particle.
	for first >= 0 && first <= last && lexicon.Class(s.toks[first].Lex)&(lexicon.Function|lexicon.SentenceOpener|lexicon.Determiner|lexicon.LeadingAdjective) != 0 {
		first++
	}
	if first >= 0 && first <= last && s.toks[last].Flags&news.Cap != 0 {
		end := s.toks[last].End
		if s.toks[last].Flags&news.Dot != 0 {
			end = s.toks[last].Ext // "Jr."
		}
		return s.t[s.toks[first].Start:end]
	}
	tk := s.toks[last]
	if first >= 0 || tk.Kind != news.Word || tk.Flags&news.Lower == 0 || !s.nounOwner(last) {
		return ""
	}
	// Before "aged" the noun follows "a", "an" or "the" or is a plural ("a
	// woman aged 38", "voters aged 45"; not "died in her sleep aged 91").
	if !gap && !isPlural(s.lower(s.t[tk.Start:tk.End])) {
		if ps, pe, ok := s.prevWord(int(tk.Start)); !ok || !lowerIs(s.t[ps:pe], "a") && !lowerIs(s.t[ps:pe], "an") && !lowerIs(s.t[ps:pe], "the") {
			return ""
		}
	}
	return s.t[tk.Start:tk.End]
}

// ownerAfter returns whom the age ending at pos describes, read after it:
// a name ("23-year-old Jane Doe", "the 36-year-old champion Klitschko"),
// else a lower-case noun phrase of up to three words ("man", "college
// student", "double murder case"), which may follow a place or a demonym
// ("a 57-year-old Ohio woman", "a British tourist"). A single word before
// a determiner or "to" is a verb ("the 42-year-old kept his composure",
// "tries to"), and gives "".
func (s *scanner) ownerAfter(pos int) string {
	ws, _, ok := s.nextWord(pos)
	if !ok {
		return ""
	}
	k := s.at(ws)
	if s.toks[k].Flags&news.Cap != 0 && s.joined(k) && s.toks[k+1].Flags&news.Lower != 0 && s.nounOwner(k+1) &&
		(lexicon.Class(s.toks[k].Lex)&lexicon.Demonym != 0 || k+2 >= len(s.toks) || s.toks[k+2].Flags&news.Cap == 0) {
		k++ // a modifier: "a 57-year-old Ohio woman", "a British tourist"
	}
	if s.toks[k].Flags&news.Lower == 0 {
		return s.nameAt(k)
	}
	if !s.nounOwner(k) {
		return ""
	}
	end := k
	for end < k+2 && s.extends(end, k+2-end) {
		end++
	}
	if s.joined(end) {
		next := s.toks[end+1]
		switch {
		case next.Flags&news.Cap != 0:
			if name := s.nameAt(end + 1); name != "" {
				return name // "the 36-year-old champion Klitschko"
			}
		case end == k && (lexicon.Class(next.Lex)&lexicon.Determiner != 0 || lowerIs(next.Text(s.t), "to")):
			return ""
		}
	}
	return s.t[s.toks[k].Start:s.toks[end].End]
}

// extends reports whether the lower-case word after token k continues the
// noun phrase k is in, for up to depth more words: a person noun
// ("college student"), or a noun after which the phrase ends or goes on
// as a noun ("gang member has", "double murder case."); not a verb in "-s"
// ("the 40-year-old actor plays") or a word the phrase runs on after ("an
// 11-year-old girl nearby according to").
func (s *scanner) extends(k, depth int) bool {
	if depth == 0 || !s.joined(k) || s.toks[k+1].Flags&news.Lower == 0 || !s.nounOwner(k+1) {
		return false
	}
	next := s.toks[k+1]
	switch {
	case lexicon.Class(next.Lex)&lexicon.PersonNoun != 0:
		return true
	case s.t[next.End-1] == 's':
		return false
	}
	return !s.joined(k+1) || s.toks[k+2].Flags&news.Lower == 0 || lexicon.Class(s.toks[k+2].Lex)&lexicon.Function != 0 ||
		s.extends(k+1, depth-1)
}

// joined reports whether a word token follows token k after spaces only.
func (s *scanner) joined(k int) bool {
	return k+1 < len(s.toks) && s.toks[k+1].Kind == news.Word && s.spaces(int(s.toks[k].Ext), int(s.toks[k+1].Start))
}

// nameAt returns the name of up to four capitalised words that starts at
// token k, "" when k opens none (a function word, a sentence opener, a
// demonym).
func (s *scanner) nameAt(k int) string {
	if s.toks[k].Kind != news.Word || s.toks[k].Flags&news.Cap == 0 ||
		lexicon.Class(s.toks[k].Lex)&(lexicon.Demonym|lexicon.Function|lexicon.SentenceOpener) != 0 {
		return ""
	}
	last := k
	for last < k+3 && s.toks[last].Flags&news.Poss == 0 && s.joined(last) && s.toks[last+1].Flags&news.Cap != 0 &&
		lexicon.Class(s.toks[last+1].Lex)&lexicon.Function == 0 {
		last++
	}
	return s.t[s.toks[k].Start:s.toks[last].End]
}

// nounOwner reports whether the lower-case word token k may be the noun an
// age belongs to: not a function word, a verb or a participle.
func (s *scanner) nounOwner(k int) bool {
	tk := s.toks[k]
	if lexicon.Class(tk.Lex)&notOwner != 0 || tk.Flags&news.Joined != 0 || tk.Kind != news.Word {
		return false
	}
	w := s.lower(s.t[tk.Start:tk.End])
	return w != nil && !hasSuffix(w, "ed") && !hasSuffix(w, "ing") && !(len(w) > 4 && hasSuffix(w, "ly"))
}
