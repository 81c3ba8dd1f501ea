package compare

import (
	"slices"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/news"
)

// personName is a person's name split for matching: "Sen. Joseph R.
// Biden Jr." is given [joseph r], last "biden", suffix "jr".
type personName struct {
	given  []string // given names and initials, lower case, without dots
	last   string
	suffix string // a generational suffix: "jr", "sr", "iii"; "" when none
}

// titleWord reports whether w (as written, without dots) is a title or
// honorific that may stand before a name: "President", "Sen", "Mr",
// "former", "the".
func titleWord(w string) bool {
	c := lex.Lookup(w)
	if c&(lexicon.TitleHead|lexicon.TitleModifier|lexicon.SpeakerTitle|lexicon.Determiner) != 0 {
		return true
	}
	return lex.Has("honorifics", w)
}

// nameWords splits a name into normalised words: lower case, dots dropped
// ("W." = "W"), a particle written joined to it dropped (lexicon's name
// prefixes: "al-Maliki" = "Maliki"),
// the titles before it dropped ("President Barack Obama" = "barack
// obama"); a generational suffix stays, as the last word.
func nameWords(name string) []string {
	fields := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	out := make([]string, 0, len(fields))
	for i, f := range fields {
		f = strings.ReplaceAll(f, ".", "")
		f = strings.ReplaceAll(f, "’", "'")
		f = strings.TrimSuffix(f, "'s")
		if f == "" || len(out) == 0 && i < len(fields)-1 && titleWord(f) {
			continue
		}
		f = strings.ToLower(f)
		for _, p := range lex.NamePrefixes() {
			if strings.HasPrefix(f, p) && len(f) > len(p)+2 {
				f = f[len(p):]
				break
			}
		}
		out = append(out, f)
	}
	return out
}

// isSuffix reports whether a normalised word is a generational suffix.
func isSuffix(w string) bool {
	switch w {
	case "jr", "sr", "ii", "iii", "iv", "v":
		return true
	}
	return false
}

// parseName reads normalised name words (see nameWords) as a person's
// name.
func parseName(words []string) personName {
	var p personName
	if n := len(words); n > 1 && isSuffix(words[n-1]) {
		p.suffix = words[n-1]
		words = words[:n-1]
	}
	if len(words) == 0 {
		return p
	}
	p.last = words[len(words)-1]
	p.given = words[:len(words)-1]
	return p
}

// sameGiven reports whether two given names can name one person: equal,
// an initial and a name it begins, or a formal name and a familiar form
// of it ("Charles" / "Chuck", "Rudolph" / "Rudy").
func sameGiven(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	return variants(a, b)
}

// formalsOf maps each familiar form of lexicon/data/given-name-variants
// to the formal names it shortens ("chris": christina, christine,
// christopher), and each formal name to itself.
var formalsOf = func() map[string][]string {
	m := map[string][]string{}
	for formal, forms := range lex.Values("given-name-variants") {
		m[formal] = append(m[formal], formal)
		for _, f := range strings.Fields(forms) {
			m[f] = append(m[f], formal)
		}
	}
	return m
}()

// variants reports whether a and b are forms of one formal given name:
// "Charles" and "Chuck", or "Bill" and "Will" of William.
func variants(a, b string) bool {
	for _, f := range formalsOf[a] {
		if slices.Contains(formalsOf[b], f) {
			return true
		}
	}
	return false
}

// compatibleNames reports whether two person names can be the same person:
// the same surname; suffixes that do not differ (Jr. is not Sr.); and,
// where both have given names, a first given name of one that matches
// the other's first or, after a leading initial, its second ("J.
// Christopher Stevens" = "Chris Stevens"). A bare surname is compatible
// with any name that ends in it; mergeEntities decides whether to join it.
func compatibleNames(a, b []string) bool {
	x, y := parseName(a), parseName(b)
	if x.last == "" || x.last != y.last {
		return false
	}
	if x.suffix != "" && y.suffix != "" && x.suffix != y.suffix {
		return false
	}
	if len(x.given) == 0 || len(y.given) == 0 {
		return true
	}
	return givenMatch(x.given, y.given) || givenMatch(y.given, x.given)
}

// givenMatch reports whether the first given name of b matches a's first,
// or a's second when a's first is an initial.
func givenMatch(a, b []string) bool {
	if sameGiven(a[0], b[0]) {
		return true
	}
	return len(a) > 1 && len(a[0]) == 1 && len(b[0]) > 1 && sameGiven(a[1], b[0])
}

// markUnclearPeople retypes as news.Unclear the people of ents whose names
// give no sign of a person: a person is named with a given name ("Chuck",
// "J."), or a title ("Sen. Hale", "Mr. Falk"), in at least one alias, or
// is the speaker of a quote in one of docs; a
// name that is only one word everywhere, that ends in an organization or
// place word or a party ("Virginia Republican"), or that begins the name
// of an organization or place of the story ("Sandy Hook" beside "Sandy
// Hook Elementary") is not taken for one. Calling "Financial Dreams" a
// person is an error a reader sees; a real person left unclear is only
// a name shown without a kind.
func markUnclearPeople(ents []Entity, docs []news.Document) {
	speakers := map[string]bool{}
	for _, d := range docs {
		for _, q := range d.Quotes {
			speakers[q.Speaker] = true
		}
	}
	var others []string // the names of the story's organizations and places, lower case
	for _, e := range ents {
		if e.Type == news.Organization || e.Type == news.Place {
			for _, a := range e.Aliases {
				others = append(others, strings.ToLower(a)+" ")
			}
		}
	}
	for i := range ents {
		if e := &ents[i]; e.Type == news.Person && !looksLikePerson(e, others, speakers) {
			e.Type = news.Unclear
		}
	}
}

func looksLikePerson(e *Entity, others []string, speakers map[string]bool) bool {
	signed := false
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		if speakers[a] && strings.Contains(a, " ") {
			signed = true
		}
		fields := strings.Fields(strings.ReplaceAll(a, ".", ". "))
		if len(fields) < 2 {
			continue
		}
		lower := strings.ToLower(a) + " "
		for _, o := range others {
			if len(o) > len(lower) && strings.HasPrefix(o, lower) {
				return false // "Sandy Hook" of "Sandy Hook Elementary"
			}
		}
		last := strings.TrimSuffix(fields[len(fields)-1], ".")
		if lex.Lookup(last)&(lexicon.OrganizationHead|lexicon.PlaceHead|lexicon.Demonym) != 0 && !isSuffix(strings.ToLower(last)) {
			return false
		}
		first := strings.TrimSuffix(fields[0], ".")
		switch {
		case titleWord(first) && lex.Lookup(first)&lexicon.Determiner == 0:
			signed = true
		case len(first) == 1 && unicode.IsUpper(rune(first[0])):
			signed = true // an initial: "J. Christopher Hale"
		case lex.Is(first, lexicon.GivenName):
			signed = true
		}
	}
	return signed
}
