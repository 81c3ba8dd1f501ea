package compare

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
)

// Options tunes a comparison. The zero value uses the defaults.
type Options struct {
	// SummaryWords is the length the summary aims at, in words. 0 means
	// a length that follows the story's: 40% of the articles' words, at
	// least 34 and at most DefaultSummaryWords. Whole sentences are chosen,
	// so the summary lands near the target, never above MaxSummaryWords.
	SummaryWords int
	// MaxSummaryWords caps the summary; 0 means DefaultMaxSummaryWords.
	MaxSummaryWords int
	// MaxTensions caps the tensions reported; 0 means DefaultMaxTensions.
	MaxTensions int
	// MaxSentences caps the sentences compared per article: a longer
	// article is compared and shown up to the end of its first
	// MaxSentences sentences, and a note says so. 0 means
	// DefaultMaxSentences, a negative value no cap.
	MaxSentences int
	// MaxFacts caps the facts listed, keeping those reported by the most
	// articles in their order; a note says how many there were. 0 means
	// DefaultMaxFacts, a negative value no cap.
	MaxFacts int
	// MaxQuantities caps the figure groups listed, keeping the head of the
	// list (conflicts, then figures of several articles); a note says so.
	// 0 means DefaultMaxQuantities, a negative value no cap.
	MaxQuantities int
	// MaxQuotes caps the quotes listed, keeping those of the most articles;
	// a note says so. 0 means DefaultMaxQuotes, a negative value no cap.
	MaxQuotes int
	// MaxEntities caps the people, organizations and places listed,
	// keeping those named by the most articles; a note says so. 0 means
	// DefaultMaxEntities, a negative value no cap.
	MaxEntities int
}

// Defaults for Options.
const (
	DefaultSummaryWords    = lenDefault
	DefaultMaxSummaryWords = 120
	DefaultMaxTensions     = 12
	// The caps below are far above what a story of normal articles has
	// (the largest of our gold stories lists 107 facts and 55 entities);
	// they bound the report of a story of hundreds of articles or of one
	// article of megabytes.
	DefaultMaxSentences  = 2000
	DefaultMaxFacts      = 500
	DefaultMaxQuantities = 200
	DefaultMaxQuotes     = 200
	DefaultMaxEntities   = 200
)

// Verdict says how the mentions of one quantity or quote relate.
type Verdict string

// The verdicts.
const (
	Agree      Verdict = "agree"      // quantities: the same value and qualifier
	Compatible Verdict = "compatible" // quantities: different figures that can all be true
	Conflict   Verdict = "conflict"   // quantities: figures that cannot all be true
	Single     Verdict = "single"     // one article only
	Same       Verdict = "same"       // quotes: the same words
	Reworded   Verdict = "reworded"   // quotes: the same utterance in different words
)

// Ref is a source span: a byte range of one article's Text.
type Ref struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// Article is one input article as the report shows it.
type Article struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	// Account is the id of the first article of this one's account: the
	// story's first article of the same outlet (Source, letter case
	// aside) or of the same wire copy (Report.Copies); its own id when it
	// stands alone. Articles of one account never confirm each other: a
	// view counts accounts, not articles.
	Account   string `json:"account"`
	Title     string `json:"title"`
	Published string `json:"published"` // "2006-01-02" or RFC 3339; "" when unknown
	Language  string `json:"language,omitempty"`
	URL       string `json:"url,omitempty"`
	Text      string `json:"text"` // as compared: cut after Options.MaxSentences sentences, with a note
}

// Label is how the report names the article: its outlet, else its id.
func (a Article) Label() string {
	if a.Source != "" {
		return a.Source
	}
	return a.ID
}

// Entity is one person, organization or place across all articles.
type Entity struct {
	Name     string          `json:"name"`
	Type     news.EntityType `json:"type"`
	Aliases  []string        `json:"aliases"`  // every spelling used, Name included
	Articles []string        `json:"articles"` // ids of the articles that name it
	Counts   map[string]int  `json:"counts"`   // mentions per article id
	Spans    []Ref           `json:"spans"`
}

// QuantityMention is one article's figure for a quantity.
type QuantityMention struct {
	Article   string         `json:"article"`
	Value     float64        `json:"value"`
	Qualifier news.Qualifier `json:"qualifier"`
	Counts    string         `json:"counts"`
	Text      string         `json:"text"`
	Start     int            `json:"start"`
	End       int            `json:"end"`
}

// Quantity is one counted thing across articles with a verdict on the
// figures.
type Quantity struct {
	Counts   string            `json:"counts"`
	Kind     news.QuantityKind `json:"kind"`
	Unit     string            `json:"unit,omitempty"`
	Verdict  Verdict           `json:"verdict"`
	Articles []string          `json:"articles"`
	Mentions []QuantityMention `json:"mentions"`
	Spans    []Ref             `json:"spans"`
}

// QuoteMention is one article's rendering of a quote.
type QuoteMention struct {
	Article string         `json:"article"`
	Speaker string         `json:"speaker"`
	Kind    news.QuoteKind `json:"kind"`
	Text    string         `json:"text"`
	Start   int            `json:"start"`
	End     int            `json:"end"`
}

// Change is one word-level difference between two renderings of a quote.
type Change struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Quote is one utterance across articles.
type Quote struct {
	Speaker  string         `json:"speaker"`
	Verdict  Verdict        `json:"verdict"`
	Changes  []Change       `json:"changes,omitempty"` // for reworded: first mention → each other mention
	Articles []string       `json:"articles"`
	Mentions []QuoteMention `json:"mentions"`
	Spans    []Ref          `json:"spans"`
}

// Fact is one claim (a sentence) aligned across the articles that state
// it, with a verdict on every other article: it reports the fact in other
// words or over several sentences (it is in Articles, with its Evidence),
// it clearly leaves it out (OmittedBy: it names none of the fact's people,
// places, numbers and holds few of its words) or it cannot be told
// (Unclear). Text is the wording of its most central sentence.
type Fact struct {
	Text      string     `json:"text"`
	Articles  []string   `json:"articles"`   // the articles that report it
	OmittedBy []string   `json:"omitted_by"` // the articles that clearly do not
	Unclear   []string   `json:"unclear"`    // the articles neither clearly report it nor clearly leave it out
	Spans     []Ref      `json:"spans"`      // the aligned sentences, one per article that states the fact in one sentence
	Evidence  []Evidence `json:"evidence"`   // where each article of Articles reports it, in their order
}

// Side is one side of a tension.
type Side struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	Cue     string `json:"cue"` // the words that pull against the other side
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

// TensionKind says why two statements pull against each other.
type TensionKind string

// The tension kinds.
const (
	FigureTension      TensionKind = "figure"      // conflicting figures for one counted thing
	AttributionTension TensionKind = "attribution" // one quote credited to different people
	DateTension        TensionKind = "date"        // different dates for one event
	NegationTension    TensionKind = "negation"    // one account says an outcome happened, the other that it did not
)

// Tension is a pair of statements that pull against each other.
type Tension struct {
	Text     string      `json:"text"`
	Kind     TensionKind `json:"kind"`
	Why      string      `json:"why"` // what the two sides disagree on, in words
	Articles []string    `json:"articles"`
	Sides    []Side      `json:"sides"`
	Spans    []Ref       `json:"spans"`
}

// Sentence is one sentence of the summary with the articles backing it:
// its own and every other that reports each of its claims by evidence.
// Spans holds the sentence first, then one span per other article of
// Articles, in their order.
type Sentence struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets"` // the outlets of Articles, each once: two articles of one outlet are one account
	Spans    []Ref    `json:"spans"`
}

// Duplicate records an input dropped because its text repeats another's.
type Duplicate struct {
	Article string `json:"article"`
	SameAs  string `json:"same_as"`
}

// Report is the comparison of one story.
type Report struct {
	Articles   []Article   `json:"articles"`
	Entities   []Entity    `json:"entities"`
	Quantities []Quantity  `json:"quantities"`
	Quotes     []Quote     `json:"quotes"`
	Facts      []Fact      `json:"facts"`
	Tensions   []Tension   `json:"tensions"`
	Summary    []Sentence  `json:"summary"`
	Duplicates []Duplicate `json:"duplicates"`
	Copies     []Copy      `json:"copies"` // articles that run one text under different outlets' names
	Notes      []string    `json:"notes"`  // things the reader should know: dropped duplicates, mixed languages
}

// Compare compares the articles of one story. It is pure and
// deterministic: the same documents in the same order give the same report.
// Articles whose text repeats an earlier article's are dropped and listed in
// Duplicates. The report is bounded by the caps of opt, each noted in Notes
// when it applies. Every list in the report is non-nil.
func Compare(docs []news.Document, opt Options) Report {
	if opt.MaxSummaryWords <= 0 {
		opt.MaxSummaryWords = DefaultMaxSummaryWords
	}
	if opt.MaxTensions <= 0 {
		opt.MaxTensions = DefaultMaxTensions
	}
	r := Report{
		Articles: []Article{}, Entities: []Entity{}, Quantities: []Quantity{}, Quotes: []Quote{},
		Facts: []Fact{}, Tensions: []Tension{}, Summary: []Sentence{}, Duplicates: []Duplicate{}, Copies: []Copy{}, Notes: []string{},
	}
	docs, r.Duplicates = dedupe(docs)
	for _, d := range r.Duplicates {
		r.Notes = append(r.Notes, fmt.Sprintf("article %s repeats the text of %s and was left out", d.Article, d.SameAs))
	}
	if len(docs) == 0 {
		r.Notes = append(r.Notes, "no articles to compare")
		return r
	}
	// Make ids unique: everything below refers to articles by id.
	seen := map[string]int{}
	for i := range docs {
		id := docs[i].ID
		if id == "" {
			id = fmt.Sprintf("a%d", i+1)
		}
		if n := seen[id]; n > 0 {
			seen[id] = n + 1
			id = fmt.Sprintf("%s#%d", id, n+1)
		} else {
			seen[id] = 1
		}
		docs[i].ID = id
	}
	keep := limit(opt.MaxSentences, DefaultMaxSentences)
	for i := range docs {
		var n int
		if docs[i], n = cutSentences(docs[i], keep); n > keep {
			r.Notes = append(r.Notes, fmt.Sprintf("article %s has %s sentences; only the first %s are compared and shown", docs[i].ID, thousands(n), thousands(keep)))
		}
	}
	if cs := copies(docs); len(cs) > 0 {
		r.Copies = cs
		for _, c := range cs {
			r.Notes = append(r.Notes, copyNote(c, docs))
		}
	}
	account := accounts(docs, r.Copies)
	for i, d := range docs {
		r.Articles = append(r.Articles, Article{
			ID: d.ID, Source: d.Source, Title: d.Title, Published: news.FormatTime(d.Published),
			Language: d.Language, URL: d.URL, Text: d.Text, Account: docs[account[i]].ID,
		})
	}
	if len(docs) == 1 {
		r.Notes = append(r.Notes, "only one article: nothing to compare it with, so every item is single")
	}
	langOf := languages(docs)
	st := newStory(docs)
	for i, a := range account {
		if a != i {
			st.account = account // some articles share an account
			break
		}
	}
	if langs := distinct(langOf); len(langs) > 1 {
		st.lang, st.mainLang = langOf, mainLanguage(langOf)
		r.Notes = append(r.Notes, fmt.Sprintf("the articles are in different languages (%s); only articles in the same language are aligned, and the summary is drawn from the %s ones", strings.Join(langs, ", "), st.mainLang))
	}

	r.Entities = mergeEntities(docs)
	markUnclearPeople(r.Entities, docs)
	r.Quantities = st.quantities()
	r.Quotes = st.quotes(r.Entities)
	r.Facts = st.facts()
	r.Tensions = st.tensions(r.Quantities, r.Quotes, opt.MaxTensions)
	r.Summary = st.summary(opt)
	r.capLists(opt)
	return r
}

// dedupe drops documents whose text (white space aside) repeats an earlier
// one's. It copies the slice so that the caller's is not changed.
func dedupe(in []news.Document) ([]news.Document, []Duplicate) {
	out := make([]news.Document, 0, len(in))
	first := map[string]string{}
	var dups []Duplicate
	for i, d := range in {
		key := strings.Join(strings.Fields(d.Text), " ")
		id := d.ID
		if id == "" {
			id = fmt.Sprintf("a%d", i+1)
		}
		if prev, ok := first[key]; ok && key != "" {
			dups = append(dups, Duplicate{Article: id, SameAs: prev})
			continue
		}
		first[key] = id
		out = append(out, d)
	}
	if dups == nil {
		dups = []Duplicate{}
	}
	return out, dups
}

// languages returns each article's language, lower case; "" when neither
// its input nor the analysis (the lang stage) named one.
func languages(docs []news.Document) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = strings.ToLower(d.Language)
	}
	return out
}

// distinct returns the known languages, sorted.
func distinct(langs []string) []string {
	var out []string
	for _, l := range langs {
		if l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// mainLanguage is the language most articles are in; ties go to the
// language of the earliest article.
func mainLanguage(langs []string) string {
	n := map[string]int{}
	best := ""
	for _, l := range langs {
		if l == "" {
			continue
		}
		n[l]++
		if best == "" || n[l] > n[best] {
			best = l
		}
	}
	return best
}
