package entity

import "github.com/parallax-news/parallax/internal/lexicon"

// The recogniser's vocabulary is the lexicon's (internal/lexicon/data):
// general English news vocabulary and world geography. Its lists are cues,
// not answers: a name missing from them is still found by its capital
// letters and typed by its context.

// lex is the lexicon the tokens were looked up in.
var lex = lexicon.Default()

// class is a set of word classes: the lexicon's.
type class = lexicon.Class

// The word classes the recogniser reads, by the lexicon list they come from.
const (
	cTitleHead   = lexicon.TitleHead         // a person's title that may precede a name: President, Mr, Sen
	cTitleMod    = lexicon.TitleModifier     // words inside a title phrase: Prime, Defence, Vice
	cPersonNoun  = lexicon.PersonNoun        // lower-case nouns before a name that make it a person: spokesman
	cOrgHead     = lexicon.OrganizationHead  // last words of organization names: Department, Party, Inc
	cOrgStart    = lexicon.OrganizationStart // first words of organization names followed by "of": University
	cOrgWord     = lexicon.Organization      // single-word organizations: Pentagon, NATO
	cPlaceHead   = lexicon.PlaceHead         // last words of place names: River, Province
	cEventHead   = lexicon.EventHead         // last words of names that are none of our types: War, Act, Cup
	cDemonym     = lexicon.Demonym           // nationality and party adjectives and plurals
	cCommon      = lexicon.SentenceOpener    // capitalised at a sentence start, never names: However, Many
	cFirstName   = lexicon.GivenName
	cFemale      = lexicon.GivenNameFemale // a woman's first name
	cParticle    = lexicon.NameParticle    // lower-case name particles standing alone: bin, van, de
	cCalendar    = lexicon.Month | lexicon.MonthAbbr | lexicon.Weekday
	cPlacePrep   = lexicon.PlacePreposition // prepositions before places: in, from
	cLeading     = lexicon.LeadingAdjective // adjectives before a name or title that are not part of it: Former
	cDotName     = lexicon.DottedName       // abbreviations with a dot that are not titles: St., Jr., Inc.
	cSuffix      = lexicon.NameSuffix       // name suffixes: Jr, III
	cPlaceStart  = lexicon.PlaceStart       // first words of place names: San, Fort
	cNumber      = lexicon.NumberWord       // number words
	cStop        = lexicon.Function         // an English function word, in lower, title or upper case
	cGazetteer   = lexicon.Gazetteer        // a word of a place's or organization's name in the gazetteer
	cKnown       = lexicon.Known            // a place or organization by itself: "Iraq", "NATO"
	cReportVerb  = lexicon.ReportingVerb | lexicon.PersonVerb
	cInverting   = lexicon.InvertingVerb // "…," said Smith
	cAgentVerb   = lexicon.AgentVerb     // "Trump called for", "Clinton won"
	cMan         = lexicon.TitleMale     // titles of men: Mr, Sir, King, congressman
	cWoman       = lexicon.TitleFemale   // titles of women: Mrs, Ms, Queen, congresswoman
	calendarCase = cCalendar             // month and day names count only capitalised
)

// classOf returns the classes the recogniser gives a word with lexicon
// classes c: month and day names only when capitalised ("may" is not May).
func classOf(c class, lower bool) class {
	if lower {
		c &^= calendarCase
	}
	return c
}

// lookup returns the classes of a word that is not a token of the text
// (a token's are in its Lex).
func lookup(w string) class {
	r := w != "" && 'a' <= w[0] && w[0] <= 'z'
	return classOf(lex.Lookup(w), r)
}
