// Package quantity is analysis stage 4: it finds the figures an article
// states, with what they count. "More than 4,400 American military
// personnel" is Value 4400, Qualifier "more than", Counts "american
// military personnel", Kind count.
//
// # What is read
//
//   - Digits with thousands separators and decimals ("39,000", "4.5"), with
//     scale words or suffixes ("4.5 million", "$1.2bn", "20k").
//   - Spelled numbers ("nine", "twenty-five", "two thousand", "a dozen",
//     "half a million"). A spelled number is kept only when something
//     follows it that says what it is (a counted noun, a unit, "percent"):
//     "the nine were freed" gives nothing; "one" is kept only with a scale
//     word ("one million").
//   - Fractions ("two-thirds of voters", "three quarters of", "a third
//     of", "half of") as Kind percent, Value in percent (66.67), so that
//     they compare with written percentages; Fraction holds the fraction
//     as written ("2/3"), which says the figure is a rounded one. A
//     fraction written with a space must be followed by "of": "for three
//     quarters in a row" counts quarters.
//   - Kinds: count (the default), money ($ £ € ¥ ₹ and US$, A$, C$, HK$…,
//     or a currency word after the number; Unit is the ISO 4217 code),
//     percent (%, percent, per cent, pc; "percentage points" has Unit
//     "percentage point"), duration (seconds to centuries; Unit is the
//     singular unit), measure (km, miles, tonnes, kg, acres, barrels, MW…).
//   - Ages ("a 45-year-old man", "aged 45", "ages 18 to 34", "older than
//     65", "at the age of 94", "Lauren Evans, 19,", "she was 16") are kind
//     age, Unit "year", Counts "age", with Of the person (or thing) the
//     age belongs to: the name before it ("Lauren Evans, 19,", "Jane Doe,
//     a 45-year-old teacher"), the noun phrase after "-year-old" ("a
//     21-year-old college student", not a verb: "the 42-year-old kept his
//     seat"), the noun before "aged" ("a woman aged 38"), or a name after
//     it ("32-year-old Ann Lee"); "" when the text names nobody there.
//   - Vote tallies ("voted 97-1", "a 348-77 vote", "passed 52 to 48") are
//     one quantity of kind tally, Value the first number and Against the
//     second, Counts "votes": two whole numbers joined by a hyphen, an en
//     dash or "to", with a tally word (tally-words.txt: voted, passed,
//     margin, ruling...) among the four words before or right after.
//   - Ratios ("7 in 10 students", "three out of four voters") are kind
//     percent (70, 75). Rates ("3,319 per 100,000 people") are counts whose
//     Counts is the "per" phrase.
//   - Ranges ("20 to 25 million people", "between 38 and 42 percentage
//     points") give two quantities; the first takes the scale, kind and
//     counted thing of the second (and a bare second figure those of the
//     first). Ranges written with a hyphen ("10-15") are skipped, unless
//     they are tallies.
//
// # Qualifiers
//
// The words just before the number (no punctuation in between) are
// normalised to one of: "about" (about, around, approximately, roughly,
// some, an estimated, circa; "or so" after), "more than" (more than, over,
// above, in excess of, upwards of, greater than; "-plus" after), "less
// than" (less than, fewer than, under, below), "nearly" (nearly, almost,
// close to, just under, just shy of), "at least" (at least, no fewer than,
// no less than, a minimum of; "or more" after), "up to" (up to, as many
// as, as much as, a maximum of, no more than; "or fewer" after), "peak of"
// (a peak of, peaked at, a high of, a record), "down from", "up from", and
// "" for an exact figure. The nearest phrase wins: "down from a peak of
// 165,000" is "peak of".
//
// # What is counted
//
// Counts is the lower-cased noun phrase after the number, up to and
// including its plural head ("39,000 US troops still stationed" is "us
// troops"), also through "of the" ("5,000 of the troops"). Money and
// percentages take a short phrase ("$1.2bn deal", "40% of voters"). A
// count with no counted noun after it ("down from a peak of 165,000 in
// 2008") inherits Counts from the nearest earlier quantity of the same kind
// in the same or the previous sentence (money and percentages inherit only
// after "down from", "up from" or "peak of"). A bare count under ten that
// inherits nothing is dropped: news style spells small numbers out, so a
// lone "4" is a list item, a score or a label.
//
// # What is not a quantity
//
// Years (a four-digit number from 1800 to 2100 without a separator, unless a
// qualifier and a plural noun or a unit make it a figure: "more than 2000
// people"), dates ("21 Oct", "October 21"), times ("18:53", "3pm", "10
// a.m."), ordinals ("21st"), decades ("1990s"), ranges and scores ("10-15",
// "2006-2007", "won 3-1"), numbers after "/", ":", "#", "+" or a hyphen joined to a
// word ("Covid-19"), codes with a leading zero, list markers ("1." at the
// start of a line), numbers inside names ("Apollo 11", "Section 8", "G20":
// the number follows a capitalised word that does not open the sentence,
// or an index noun such as "page", "room", "flight"), multipliers ("three
// times") and vague amounts ("dozens of", "thousands of", which state no
// figure).
//
// It reads the article's token stream (internal/token, news.Document.Tokens)
// and its sentence spans; it tokenizes nothing itself. It walks the tokens
// once, doing real work only at numbers and at words whose lexicon classes
// say they can be number words (or hyphenated words holding one); the
// words around a figure are the tokens beside it. Its word lists (number
// words, scale words and suffixes, currencies, units, months, clock words,
// index nouns, plural heads, the words that end a counted phrase) are the
// lexicon's (internal/lexicon/data); the qualifier phrases and a few
// grammar words are switches in the code. It is hand-written rather than
// regular expressions or a number-parsing library: it runs on every
// article.
package quantity
