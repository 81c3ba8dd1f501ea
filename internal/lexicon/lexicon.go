package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Class is a set of word lists: one bit per list. A word's class is the
// union of the lists it is in.
type Class uint64

// The lists, one bit each. The file each comes from is named in files.
const (
	Function          Class = 1 << iota // English function words: the, of, could
	Topicless                           // said, will, one, us, mr: no topic, though not function words
	PhraseEnd                           // end the noun phrase after a number: ago, percent, including
	Month                               // january, may
	MonthAbbr                           // jan, sept
	Weekday                             // monday
	WeekdayAbbr                         // mon, tues
	ReportingVerb                       // said, told, insisted
	QuoteVerb                           // saying, quipped, fumed: speech only next to a quote
	PersonVerb                          // thinks, resigned: the subject is a person
	AgentVerb                           // won, signed, visited: the subject is most often a person
	InvertingVerb                       // said, added: may stand before the speaker
	ReportingNoun                       // claims, reports: cues only before a quote or colon
	NamingVerb                          // called, dubbed
	CueFiller                           // also, has, repeatedly: between a speaker and the cue
	SubjectPronoun                      // he, she, they
	SpeakerTitle                        // senator, former, spokesman: in a speaker's title phrase
	Determiner                          // the, his, another
	SpeakerCut                          // of, in, who: end a speaker phrase's core
	AdverbialOpener                     // in, after, meanwhile: open a fronted adverbial
	TitleFemale                         // mrs, congresswoman
	TitleMale                           // mr, congressman
	Subordinator                        // when, because
	NameParticle                        // de, van, bin
	TitleHead                           // President, Mr, Sen
	TitleModifier                       // Vice, Prime, Defence
	PersonNoun                          // spokesman, wife
	OrganizationHead                    // Department, Party, Inc
	OrganizationStart                   // University, Bank
	Organization                        // Pentagon, NATO
	PlaceHead                           // River, Province
	EventHead                           // War, Act, Cup
	Demonym                             // American, Iraqis, Shiite
	SentenceOpener                      // However, Many: capitalised, never names
	GivenName                           // James, Barack
	GivenNameFemale                     // Mary, Hillary
	PlacePreposition                    // in, from, visited
	LeadingAdjective                    // Former, Embattled
	DottedName                          // St, Jr, Inc
	NameSuffix                          // Jr, III
	PlaceStart                          // San, Fort
	NumberWord                          // One, Twenty, Hundreds (capitalised)
	PluralHead                          // people, police, injured
	PluralModifiable                    // personnel, staff
	IndexNoun                           // page, room, flight
	ClockWord                           // am, pm, gmt
	YearPreposition                     // in, since, mid
	SentenceStarter                     // the, he, but: typical first words
	Abbreviation                        // mr, no, inc: written with a final dot
	NumberValue                         // one, twenty, hundred, million
	ScaleWord                           // million, bn
	Fraction                            // half, thirds
	CurrencyWord                        // dollars, euros
	DurationUnit                        // days, years
	MeasureUnit                         // km, tonnes
	Gazetteer                           // a word of a listed place's or organization's name
	Known                               // a listed place or organization of one word: Iraq, NATO
	NameStop                            // Look, First, Indeed: capitalised, never begin a name (with Function, Calendar, AdverbialOpener)
)

// Stop is the class of the stopwords of term matching: function words and
// topicless words.
const Stop = Function | Topicless

// Calendar is the class of month and weekday names and abbreviations.
const Calendar = Month | MonthAbbr | Weekday | WeekdayAbbr

// A list file names one class. Lines starting with "#" are its note (what
// the list is, its source and its case rule); every other line is one entry.
type list struct {
	file  string
	class Class
}

var files = []list{
	{"function-words", Function}, {"topicless-words", Topicless}, {"phrase-ends", PhraseEnd},
	{"reporting-verbs", ReportingVerb}, {"quote-verbs", QuoteVerb}, {"person-verbs", PersonVerb},
	{"agent-verbs", AgentVerb}, {"inverting-verbs", InvertingVerb}, {"reporting-nouns", ReportingNoun},
	{"naming-verbs", NamingVerb}, {"cue-fillers", CueFiller}, {"subject-pronouns", SubjectPronoun},
	{"speaker-titles", SpeakerTitle}, {"determiners", Determiner}, {"speaker-cuts", SpeakerCut},
	{"adverbial-openers", AdverbialOpener}, {"titles-female", TitleFemale}, {"titles-male", TitleMale},
	{"subordinators", Subordinator}, {"name-particles", NameParticle}, {"title-heads", TitleHead},
	{"title-modifiers", TitleModifier}, {"person-nouns", PersonNoun}, {"organization-heads", OrganizationHead},
	{"organization-starts", OrganizationStart}, {"organizations", Organization}, {"place-heads", PlaceHead},
	{"event-heads", EventHead}, {"demonyms", Demonym}, {"sentence-openers", SentenceOpener},
	{"given-names", GivenName}, {"given-names-female", GivenNameFemale | GivenName},
	{"place-prepositions", PlacePreposition}, {"leading-adjectives", LeadingAdjective},
	{"dotted-names", DottedName}, {"name-suffixes", NameSuffix}, {"place-starts", PlaceStart},
	{"number-words", NumberWord}, {"plural-heads", PluralHead}, {"plural-modifiable", PluralModifiable},
	{"index-nouns", IndexNoun}, {"clock-words", ClockWord}, {"year-prepositions", YearPreposition},
	{"sentence-starters", SentenceStarter}, {"abbreviations", Abbreviation}, {"number-values", NumberValue},
	{"scale-words", ScaleWord}, {"fractions", Fraction}, {"currency-words", CurrencyWord},
	{"duration-units", DurationUnit}, {"measure-units", MeasureUnit}, {"name-stops", NameStop},
}

// Lists whose lines are "name = other name = …" (the first is canonical)
// and lists whose lines are a calendar (one month or day a line, the full
// name first) are read apart.
var (
	gazetteers = []string{"countries", "us-states", "cities", "regions"}
	orgAliases = "organization-aliases"
	calendars  = []struct {
		file       string
		full, abbr Class
	}{{"months", Month, MonthAbbr}, {"weekdays", Weekday, WeekdayAbbr}}
	// valued lists: "word = value" (case fold) other than the class files.
	valued = []string{"scale-suffixes", "currency-nations", "currency-prefixes", "currency-symbols", "given-name-variants", "headline-markers"}
	// sets: small lists a stage asks about by name (Has) now and then,
	// not on every word, so they take no class bit.
	sets = []string{"title-case-small-words", "title-lowercase-words", "generic-organization-heads", "region-words", "honorifics",
		"document-nouns", "caption-speech-verbs", "date-line-words", "discourse-words", "tally-words", "hedge-words", "outcome-words"}
)

//go:embed data/*.txt
var data embed.FS

// Lexicon holds every word list. It is built once and never changed, so
// one Lexicon serves any number of goroutines.
type Lexicon struct {
	words    table
	values   map[string]map[string]string // list file -> key -> value, for "key = value" lists
	places   map[string]string            // every name of a listed place -> its canonical name
	orgs     map[string]string            // every name of a listed organization -> its canonical name
	ordinal  map[string]int               // month or weekday name or abbreviation (lower case) -> 1..12 or 1..7
	notes    map[string]string            // list file -> its note
	synonyms [][]string
	prefixes []string
	sets     map[string]map[string]bool
}

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	lx, err := load(data)
	if err != nil {
		panic("lexicon: " + err.Error()) // the data is embedded: a test guards it
	}
	return lx
})

// Default returns the lexicon built from the lists embedded in the binary.
func Default() *Lexicon { return defaultLexicon() }

// Lookup returns the classes of a word as written (without a possessive or
// an abbreviation's dot): "Said" and "SAID" are in the lists written "said"
// (case fold), "US" is not in the list of "us", "Mr" is. 0 when in no list.
func (lx *Lexicon) Lookup(w string) Class { return lx.words.get(w) }

// Is reports whether w is in any list of c.
func (lx *Lexicon) Is(w string, c Class) bool { return lx.words.get(w)&c != 0 }

// Value returns the value of key in a "key = value" list (file name without
// ".txt"), key lower case for lists whose case is fold.
func (lx *Lexicon) Value(file, key string) (string, bool) {
	v, ok := lx.values[file][key]
	return v, ok
}

// Values returns the whole "key = value" list of a file. It must not be
// changed.
func (lx *Lexicon) Values(file string) map[string]string { return lx.values[file] }

// Place returns the canonical name of a listed place ("U.S" -> "United
// States").
func (lx *Lexicon) Place(name string) (string, bool) {
	c, ok := lx.places[name]
	return c, ok
}

// Places returns every listed place name with its canonical name. It must
// not be changed.
func (lx *Lexicon) Places() map[string]string { return lx.places }

// OrganizationAlias returns the canonical name of a listed organization
// ("NATO" -> "North Atlantic Treaty Organization").
func (lx *Lexicon) OrganizationAlias(name string) (string, bool) {
	c, ok := lx.orgs[name]
	return c, ok
}

// Organizations returns every listed organization name with its canonical
// name. It must not be changed.
func (lx *Lexicon) Organizations() map[string]string { return lx.orgs }

// Ordinal returns the number of a month (1-12) or weekday (1 Sunday - 7
// Saturday) named by a lower-case name or abbreviation, else 0.
func (lx *Lexicon) Ordinal(lower string) int { return lx.ordinal[lower] }

// Note returns the note at the head of a list file.
func (lx *Lexicon) Note(file string) string { return lx.notes[file] }

// caseRule says which spellings of an entry match.
type caseRule int

const (
	fold       caseRule = iota // lower, Title and UPPER case (entries written in lower case)
	exact                      // as written
	exactUpper                 // as written and in UPPER case
)

// header is what a list file's note says.
type header struct {
	note   string
	source bool
	rule   caseRule
}

func parseHeader(name string, lines []string) (header, []string, error) {
	var h header
	var note []string
	ruled := false
	i := 0
	for ; i < len(lines) && strings.HasPrefix(lines[i], "#"); i++ {
		l := strings.TrimSpace(strings.TrimPrefix(lines[i], "#"))
		switch {
		case strings.HasPrefix(l, "Case:"):
			ruled = true
			switch strings.TrimSpace(strings.TrimPrefix(l, "Case:")) {
			case "fold":
				h.rule = fold
			case "exact":
				h.rule = exact
			case "exact+upper":
				h.rule = exactUpper
			default:
				return h, nil, fmt.Errorf("%s: unknown case rule %q", name, l)
			}
		case strings.HasPrefix(l, "Source:"):
			h.source = true
			note = append(note, l)
		default:
			note = append(note, l)
		}
	}
	if !ruled || !h.source || len(note) < 2 {
		return h, nil, fmt.Errorf("%s: the note must say what the list is, its Source: and its Case:", name)
	}
	h.note = strings.Join(note, "\n")
	var entries []string
	for _, l := range lines[i:] {
		if l = strings.TrimSpace(l); l != "" {
			entries = append(entries, l)
		}
	}
	return h, entries, nil
}

// spellings returns the spellings of an entry that match under rule:
// straight and curly apostrophes alike.
func spellings(w string, rule caseRule) []string {
	var out []string
	add := func(s string) {
		for _, v := range []string{s, strings.ReplaceAll(s, "'", "’")} {
			if !containsString(out, v) {
				out = append(out, v)
			}
		}
	}
	add(w)
	switch rule {
	case fold:
		r, n := utf8.DecodeRuneInString(w)
		add(string(unicode.ToUpper(r)) + w[n:])
		add(strings.ToUpper(w))
	case exactUpper:
		add(strings.ToUpper(w))
	}
	return out
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func readLines(fsys fs.FS, name string) ([]string, error) {
	b, err := fs.ReadFile(fsys, path.Join("data", name+".txt"))
	if err != nil {
		return nil, err
	}
	return strings.Split(string(b), "\n"), nil
}

// load builds a lexicon from the list files in fsys (under data/).
func load(fsys fs.FS) (*Lexicon, error) {
	lx := &Lexicon{
		values: map[string]map[string]string{}, places: map[string]string{}, orgs: map[string]string{},
		ordinal: map[string]int{}, notes: map[string]string{}, sets: map[string]map[string]bool{},
	}
	classes := map[string]Class{}
	add := func(w string, rule caseRule, c Class) {
		for _, s := range spellings(w, rule) {
			classes[s] |= c
		}
	}
	read := func(file string) (header, []string, error) {
		lines, err := readLines(fsys, file)
		if err != nil {
			return header{}, nil, err
		}
		h, entries, err := parseHeader(file, lines)
		if err != nil {
			return h, nil, err
		}
		lx.notes[file] = h.note
		return h, entries, nil
	}
	for _, l := range files {
		h, entries, err := read(l.file)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			key, value, valued := strings.Cut(e, " = ")
			if valued {
				if lx.values[l.file] == nil {
					lx.values[l.file] = map[string]string{}
				}
				lx.values[l.file][key] = value
			}
			add(key, h.rule, l.class)
		}
	}
	for _, file := range valued {
		_, entries, err := read(file)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		for _, e := range entries {
			key, value, ok := strings.Cut(e, " = ")
			if !ok {
				return nil, fmt.Errorf("%s: %q is not \"key = value\"", file, e)
			}
			m[key] = value
		}
		lx.values[file] = m
	}
	for _, file := range sets {
		h, entries, err := read(file)
		if err != nil {
			return nil, err
		}
		m := map[string]bool{}
		for _, e := range entries {
			for _, sp := range spellings(e, h.rule) {
				m[sp] = true
			}
		}
		lx.sets[file] = m
	}
	for _, cal := range calendars {
		h, entries, err := read(cal.file)
		if err != nil {
			return nil, err
		}
		for i, e := range entries {
			names := strings.Fields(e)
			for j, n := range names {
				c := cal.abbr
				if j == 0 {
					c = cal.full
				}
				add(n, h.rule, c)
				lx.ordinal[n] = i + 1
			}
		}
	}
	named := func(file string, into map[string]string) error {
		_, entries, err := read(file)
		if err != nil {
			return err
		}
		for _, e := range entries {
			names := strings.Split(e, " = ")
			for _, n := range names {
				into[n] = names[0]
			}
		}
		return nil
	}
	for _, file := range gazetteers {
		if err := named(file, lx.places); err != nil {
			return nil, err
		}
	}
	if err := named(orgAliases, lx.orgs); err != nil {
		return nil, err
	}
	for _, m := range []map[string]string{lx.places, lx.orgs} {
		for name := range m {
			if !strings.Contains(name, " ") {
				classes[name] |= Known
			}
			for _, w := range strings.Fields(name) {
				classes[w] |= Gazetteer
			}
		}
	}
	var err error
	if _, err = fs.Stat(fsys, "data/synonyms.txt"); err == nil {
		_, entries, err := read("synonyms")
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			lx.synonyms = append(lx.synonyms, strings.Split(e, " = "))
		}
	}
	_, lx.prefixes, err = read("name-prefixes")
	if err != nil {
		return nil, err
	}
	lx.words = newTable(classes)
	return lx, nil
}

// SynonymGroups returns the synonym groups of synonyms.txt, each a list
// of words or phrases that news uses for one meaning, the first the
// group's key. It must not be changed.
func (lx *Lexicon) SynonymGroups() [][]string { return lx.synonyms }

// NamePrefixes returns the particle prefixes written joined to a name
// ("al-", "d’"). It must not be changed.
func (lx *Lexicon) NamePrefixes() []string { return lx.prefixes }

// Has reports whether w is in the set list file (one of the small lists
// without a class bit that sets names: honorifics, region-words…).
func (lx *Lexicon) Has(file, w string) bool { return lx.sets[file][w] }

// Set returns the entries of a set list (the lists Has reads) in their
// spellings; callers must not change it.
func (lx *Lexicon) Set(file string) map[string]bool { return lx.sets[file] }

// AbbreviationKind returns how the dot after an abbreviation behaves
// (abbreviations.txt: "title", "title-any", "numbered", "initial"), for
// w in any case without its dot; "" when w is not listed.
func (lx *Lexicon) AbbreviationKind(w string) string {
	var buf [16]byte
	if len(w) > len(buf) {
		return ""
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return lx.values["abbreviations"][string(buf[:len(w)])]
}
