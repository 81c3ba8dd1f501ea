package quantity

import (
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/lexicon"
)

// The scanner's vocabulary is the lexicon's (internal/lexicon/data): a
// word's classes come with its token, and the lists with values (number
// words, scale words, units, currencies) are read from the lexicon once
// into the maps below, keyed by the lower-case word. A map index with
// string(b) does not allocate.

// lex is the lexicon the tokens were looked up in.
var lex = lexicon.Default()

// The word classes the scanner reads.
const (
	cStop       = lexicon.Function | lexicon.PhraseEnd // end a counted noun phrase
	cMonth      = lexicon.Month | lexicon.MonthAbbr
	cClock      = lexicon.ClockWord        // make the number before them a clock time: "10 am"
	cPluralHead = lexicon.PluralHead       // plural without a final "s", or heading a count alone: "15 injured"
	cPluralMod  = lexicon.PluralModifiable // may follow another plural noun: "police personnel"
	cIndex      = lexicon.IndexNoun        // make the number after them a label: "page 5"
	cSpelled    = lexicon.NumberValue | lexicon.Fraction
)

// The roles of a number word (number-values.txt).
const (
	roleUnit       = 1 + iota // one to nineteen
	roleTens                  // twenty to ninety
	roleMultiplier            // hundred, dozen
	roleScale                 // thousand and above
)

type numberWord struct {
	value float64
	role  int
}

var (
	numberWords      = numberValues(lex.Values("number-values"))
	fractions        = floatValues(lex.Values("fractions"))      // denominators: "two-thirds"
	scaleWords       = floatValues(lex.Values("scale-words"))    // "4.5 million"
	scaleSuffixes    = floatValues(lex.Values("scale-suffixes")) // "1.2bn", "20k"
	currencyPrefixes = lex.Values("currency-prefixes")           // "HK$"
	currencySymbols  = lex.Values("currency-symbols")            // "£"
	currencyWords    = lex.Values("currency-words")              // "5 euros"
	currencyNations  = lex.Values("currency-nations")            // "New Zealand dollars"
	durationUnits    = lex.Values("duration-units")              // by their singular
	measureUnits     = lex.Values("measure-units")               // by their symbol
)

// spelledValue returns the value and role of a lower-case number word;
// role 0 when it is none.
func spelledValue(w []byte) (float64, int) {
	nw := numberWords[string(w)]
	return nw.value, nw.role
}

func numberValues(m map[string]string) map[string]numberWord {
	roles := map[string]int{"unit": roleUnit, "tens": roleTens, "multiplier": roleMultiplier, "scale": roleScale}
	out := make(map[string]numberWord, len(m))
	for w, v := range m {
		f, role, _ := strings.Cut(v, " ")
		x, err := strconv.ParseFloat(f, 64)
		if err != nil || roles[role] == 0 {
			panic("quantity: number-values: " + w + " = " + v) // the data is embedded: a test guards it
		}
		out[w] = numberWord{x, roles[role]}
	}
	return out
}

func floatValues(m map[string]string) map[string]float64 {
	out := make(map[string]float64, len(m))
	for w, v := range m {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			panic("quantity: " + w + " = " + v + " is not a number") // the data is embedded: a test guards it
		}
		out[w] = x
	}
	return out
}
