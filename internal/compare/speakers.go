package compare

import (
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// speakers maps the speaker phrases the quote stage found to the story's
// entities, so that "the NRA", "Ms. Nuland" and "the president" name the
// entity they stand for, and a clause the stage took for a speaker ("leaned
// into him and") names no one.
type speakers struct {
	byAlias map[string]string   // an entity's name or alias, lower case → its name
	byTitle map[string][]string // a title a person is named with ("president") → the people named with it
}

func newSpeakers(ents []Entity) *speakers {
	s := &speakers{byAlias: map[string]string{}, byTitle: map[string][]string{}}
	for _, e := range ents {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			k := strings.ToLower(a)
			if _, ok := s.byAlias[k]; !ok {
				s.byAlias[k] = e.Name
			}
			if e.Type != news.Person {
				continue
			}
			if f := strings.Fields(a); len(f) > 1 && lex.Is(strings.TrimSuffix(f[0], "."), lexicon.TitleHead) {
				t := strings.ToLower(strings.TrimSuffix(f[0], "."))
				if l := s.byTitle[t]; len(l) == 0 || l[len(l)-1] != e.Name {
					s.byTitle[t] = append(l, e.Name)
				}
			}
		}
	}
	return s
}

// resolve returns the speaker a quote's speaker phrase names: an entity's
// name when the phrase is one of its aliases, with or without "the"; the
// one person of the story named with a title when the phrase is that title
// ("the president"); the phrase itself when it is a name or a short
// description ("a White House spokesman"); "" for anything else.
func (s *speakers) resolve(sp string) string {
	sp = strings.TrimSpace(sp)
	if sp == "" {
		return ""
	}
	if n, ok := s.byAlias[strings.ToLower(sp)]; ok {
		return n
	}
	words := strings.Fields(sp)
	rest := words
	if len(words) > 1 && lex.Is(words[0], lexicon.Determiner) {
		rest = words[1:]
		if n, ok := s.byAlias[strings.ToLower(strings.Join(rest, " "))]; ok {
			return n
		}
		if len(rest) == 1 {
			if l := s.byTitle[strings.ToLower(rest[0])]; len(l) == 1 {
				return l[0]
			}
		}
	}
	if nameLike(words) {
		if len(words) == 1 && lex.Is(words[0], lexicon.Function|lexicon.Weekday|lexicon.Month|lexicon.WeekdayAbbr) {
			return "" // "A", "Several", "Monday"
		}
		return sp
	}
	if len(rest) < len(words) && len(words) <= 5 && !hasClauseWord(rest) {
		return sp // "the statement from Grimm's attorney", "a White House spokesman"
	}
	// A name followed by a clause: "Ms. Nuland sent officials an email".
	n := 0
	for n < len(words) && isCapital(words[n]) {
		n++
	}
	if n > 0 {
		if name, ok := s.byAlias[strings.ToLower(strings.Join(words[:n], " "))]; ok {
			return name
		}
	}
	return ""
}

// nameLike reports whether words read as a name: capitalised words, with
// the small words of names between them ("Department of State").
func nameLike(words []string) bool {
	if len(words) == 0 || len(words) > 6 || !isCapital(words[0]) {
		return false
	}
	for _, w := range words[1:] {
		if !isCapital(w) && !lex.Has("title-case-small-words", w) && !lex.Is(w, lexicon.NameParticle) {
			return false
		}
	}
	return true
}

// hasClauseWord reports whether a description holds a word that makes it
// a clause rather than a noun phrase: a verb or pronoun of the lexicon, or
// a word ending in "ed" or "ing".
func hasClauseWord(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(w)
		if lex.Lookup(lw)&(lexicon.ReportingVerb|lexicon.SubjectPronoun|lexicon.Subordinator) != 0 {
			return true
		}
		if len(lw) > 4 && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")) {
			return true
		}
	}
	return false
}

// documentSpeaker reports whether a speaker phrase names a document ("the
// statement", "The letter addressed to the chairman"), whose words are not
// a person's.
func documentSpeaker(sp string) bool {
	words := strings.Fields(strings.ToLower(sp))
	for i, w := range words {
		if i > 3 {
			break
		}
		if lex.Has("document-nouns", strings.Trim(w, ",.")) {
			return true
		}
	}
	return false
}
