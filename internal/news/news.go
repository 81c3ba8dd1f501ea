package news

import (
	"errors"
	"time"
)

// Article is one news article as read from an input and cleaned. Text is the
// cleaned body; every byte offset elsewhere in the pipeline points into it.
type Article struct {
	ID         string    // the input's id, or the file's base name without extension
	Source     string    // the outlet ("BBC", "Al Jazeera"); may be empty
	URL        string    // canonical address; may be empty
	Title      string    // headline, never repeated at the start of Text
	Standfirst string    // the summary line under the headline, when the input has one
	Author     string    // byline; may be empty
	Language   string    // ISO 639-1 code when known
	Published  time.Time // publication time; zero when unknown
	Text       string    // cleaned body, paragraphs separated by "\n\n"

	// Origin says where the article was read, for error messages and
	// explanations: a file name, optionally with ":line" for JSON lines.
	Origin string
}

// Span is a half-open byte range [Start, End) in an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// EntityType is the kind of a named entity.
type EntityType string

// The entity types Parallax recognises.
const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	Place        EntityType = "place"
	// Unclear is a name the comparison could not show to be a person,
	// organization or place: "Sandy Hook" beside "Sandy Hook Elementary",
	// "Financial Dreams".
	Unclear EntityType = "unclear"
)

// Entity is one real-world person, organization or place named in an
// article, with every alias the article uses for it ("President Barack
// Obama", "Obama", "Mr Obama") resolved to one canonical Name.
type Entity struct {
	Name     string     `json:"name"`
	Type     EntityType `json:"type"`
	Aliases  []string   `json:"aliases"`
	Mentions []Span     `json:"mentions"`
}

// QuoteKind tells a whole quoted utterance from quoted words inside the
// writer's own sentence.
type QuoteKind string

// The quote kinds.
const (
	Direct  QuoteKind = "direct"  // a whole quoted utterance: "…," she said
	Partial QuoteKind = "partial" // quoted words inside the writer's sentence: would leave "with heads held high"
)

// Quote is a quotation with its speaker. Text is the quoted words without
// the quotation marks; Span covers exactly Text in the article.
type Quote struct {
	Text    string    `json:"text"`
	Speaker string    `json:"speaker"` // canonical entity name, or the speaker phrase when no entity matches; "" when unknown
	Kind    QuoteKind `json:"kind"`
	Span
	// SpeakerSpan is the mention the speaker was read from (which may be a
	// pronoun resolved to Speaker); zero when unknown.
	SpeakerSpan Span   `json:"speaker_span"`
	Cue         string `json:"cue,omitempty"` // the reporting verb: said, insisted, told
}

// QuantityKind classifies a quantity.
type QuantityKind string

// The quantity kinds.
const (
	Count    QuantityKind = "count"    // a number of people or things
	Money    QuantityKind = "money"    // an amount of money; Unit holds the currency
	Percent  QuantityKind = "percent"  // a percentage
	Duration QuantityKind = "duration" // a length of time; Unit holds the time unit
	Measure  QuantityKind = "measure"  // any other measured amount (km, tonnes); Unit holds the unit
	// Age is a person's age in years ("John Smith, 23,", "a 45-year-old
	// man", "aged 38"): Unit "year", Counts "age", Of whose age it is.
	Age QuantityKind = "age"
	// Tally is a vote count written as one figure ("voted 97-1", "a
	// 348-77 vote", "passed 52 to 48"): Value is the first number (the
	// votes for, as written), Against the second; Counts "votes".
	Tally QuantityKind = "tally"
)

// Qualifier is how a figure is hedged: the closed set the quantity stage
// normalises every qualifier phrase to ("over", "well above", "in excess of"
// are all MoreThan).
type Qualifier string

// The qualifiers. Exact is the zero value.
const (
	Exact    Qualifier = ""          // a bare figure: 4,408
	About    Qualifier = "about"     // about, around, approximately, roughly, some, an estimated, circa, "or so"
	MoreThan Qualifier = "more than" // more than, over, above, in excess of, upwards of
	LessThan Qualifier = "less than" // less than, fewer than, under, below
	Nearly   Qualifier = "nearly"    // nearly, almost, close to, just under, just shy of: a little under
	AtLeast  Qualifier = "at least"  // at least, no fewer than, a minimum of, "or more"
	UpTo     Qualifier = "up to"     // up to, as many as, a maximum of, no more than, "or fewer"
	PeakOf   Qualifier = "peak of"   // a peak of, peaked at, a high of, a record: a figure at another time
	DownFrom Qualifier = "down from" // a figure the count fell from
	UpFrom   Qualifier = "up from"   // a figure the count rose from
)

// Shifted reports whether the figure is one at another time than the
// text's present (peak of, down from, up from), not a rival value.
func (q Qualifier) Shifted() bool { return q == PeakOf || q == DownFrom || q == UpFrom }

// Quantity is a number in the text with what it counts: "more than 4,400
// American military personnel" is Value 4400, Qualifier "more than",
// Counts "american military personnel".
type Quantity struct {
	Value     float64      `json:"value"`
	Qualifier Qualifier    `json:"qualifier"` // Exact ("") unless hedged
	Counts    string       `json:"counts"`    // what is counted, lower case, as written ("us troops"); may be inherited from context
	Kind      QuantityKind `json:"kind"`
	Unit      string       `json:"unit,omitempty"`
	Text      string       `json:"text"` // the text of the whole mention
	Span
	// Against is the second number of a Tally: 1 for "97-1". It is 0
	// (and left out of JSON) for every other kind, and for a tally of
	// "100-0".
	Against float64 `json:"against,omitempty"`
	// Of is whom an Age belongs to, as the text names them: the name
	// before it ("John Smith, 23," and "Jane Doe, a 45-year-old teacher"
	// give "John Smith", "Jane Doe"), else the noun after "-year-old" ("a
	// 23-year-old college student": "college student") or before "aged"
	// ("a woman aged 38": "woman"), else a name after it ("23-year-old
	// Jane Doe"). Names keep their case; nouns are lower case. "" when
	// the text does not say ("she was 16", "the 19-year-old said"), and
	// for other kinds.
	Of string `json:"of,omitempty"`
	// Fraction is the fraction a Percent was written as, "numerator/
	// denominator": "3/4" for "three quarters of", "2/3" for
	// "two-thirds", "1/2" for "half of", "7/10" for "7 in 10". Value
	// holds the percentage (75, 66.67, 50, 70); a fraction is a rounded
	// figure ("three quarters" may stand for 74 or 78 percent). "" for a
	// percentage written as one.
	Fraction string `json:"fraction,omitempty"`
}

// Date is an absolute or relative date mentioned in the text, resolved to a
// calendar day when the article's date allows it.
type Date struct {
	Text     string `json:"text"`
	Value    string `json:"value"` // ISO 8601: "2011-10-21", "2011-10", "2011"; "" when it cannot be resolved
	Relative bool   `json:"relative"`
	Span
}

// TokenKind tells words from punctuation.
type TokenKind uint8

// The token kinds.
const (
	Word   TokenKind = iota // letters and digits with inner apostrophes, hyphens, dots of initials (al-Maliki, U.S, don't)
	Number                  // a word that starts with a digit, with inner "," and "." between digits (4,408, 3.5, 2011)
	Punct                   // one rune that is neither a word's nor white space: . , " “ — (
)

// TokenFlags describe a token's shape and what stands before it.
type TokenFlags uint16

// The token flags.
const (
	Cap      TokenFlags = 1 << iota // starts with an upper-case letter
	Lower                           // starts with a lower-case letter
	AllCaps                         // two or more letters, all upper case
	Digit                           // holds a digit
	Dot                             // Ext holds the final '.' of an initial or abbreviation (B., Mr., U.S.)
	Poss                            // possessive: End is before "'s" / "’s" (Obama's) or the word ends "s'" and Ext holds the "'"
	Joined                          // holds an inner apostrophe or hyphen
	Dotted                          // holds an inner '.' between letters (U.S, a.m)
	Particle                        // a lower-case name particle joined to a capital: al-Maliki, d'Estaing
	Space                           // white space stands right before it
	Line                            // a line break stands before it (in the white space before it)
	Para                            // a blank line stands before it: it starts a paragraph
	Tab                             // the white space before it holds a tab or other white space than ' ', no-break and thin spaces
)

// Token is one word or punctuation mark of an article's text, as the
// tokenizer reads it once for every analysis stage. Offsets are bytes of
// the text; tokens are in order and never overlap.
type Token struct {
	Start, End int32 // the word without a possessive "'s" or an abbreviation's dot; the mark
	Ext        int32 // the end with the possessive and the dot (End when it has neither)
	Kind       TokenKind
	Flags      TokenFlags
	Lex        uint64 // the lexicon classes of the word (lexicon.Class), 0 for marks
}

// Has reports whether t has every flag of f.
func (t Token) Has(f TokenFlags) bool { return t.Flags&f == f }

// Text returns the token's word (or mark) in text, without a possessive or
// a final dot.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// Document is an article with its analysis. The analysis stages fill it in
// one pass; later stages (cluster, compare) only read it.
type Document struct {
	Article
	// Tokens are the words and marks of Text, read once by the tokenizer;
	// every stage reads them. They are not part of any output.
	Tokens     []Token `json:"-"`
	Sentences  []Span
	Entities   []Entity
	Quotes     []Quote
	Quantities []Quantity
	Dates      []Date
}

// Sentinel errors shared by the stages.
var (
	// ErrEmpty says an input held no article text.
	ErrEmpty = errors.New("empty article")
	// ErrNotArticle says an input is not something Parallax can read as an article.
	ErrNotArticle = errors.New("not an article")
)

// FormatTime prints a publication time the way Parallax's outputs do: ""
// when unknown, a bare day ("2006-01-02") when it has no time of day, else
// RFC 3339.
func FormatTime(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format("2006-01-02")
	default:
		return t.Format(time.RFC3339)
	}
}
