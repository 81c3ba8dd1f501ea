// Package entity is the analysis stage after sentences: it finds the
// people, organizations and places named in an article and resolves the
// aliases the article uses for each ("President Barack Obama", "Mr Obama",
// "Obama") to one entity. It reads the token stream (words, their shapes and
// lexicon classes) and the sentence spans, and imports news and lexicon only.
//
// It is a hand-written rule-based recogniser rather than a statistical
// tagger: no model weights can be shipped, and the one Go library at hand
// (prose) is too slow for the pipeline's budget and cuts multi-word names.
// The rules, in order:
//
//   - runs of capitalised words in one sentence, joined by name particles
//     (al-, bin, de, van, von, O', Mc are part of the word or stand between
//     two capitalised words) and, inside organization names, by "of", "for",
//     "and" ("Department of Health and Human Services"), are candidates;
//   - common words that are capitalised only because they open a sentence
//     or a quotation ("The", "However", "Speaking") are dropped, as are
//     nationality adjectives ("Iraqi"), weekdays, months and number words;
//     in title-case lines (headlines) a name must be confirmed elsewhere;
//   - a title in front of a name ("Defence Secretary", "Sen.", "Mr") is
//     kept in the mention but not in the name, and makes it a person;
//   - the type comes from votes: the lexicon's compact gazetteer of countries,
//     US states, major cities and regions, and of well-known organizations
//     and their acronyms; head words ("Department", "Party", "Inc",
//     "Province"); the words around the name ("spokesman X", "X said",
//     "the X", "in X"); first names;
//   - shorter mentions link to the longest full name they match: a surname
//     ("Maliki" → "Nouri al-Maliki"), a first and last name ("George Bush"
//     → "George W. Bush"), a first name, an acronym of an organization's
//     initials; when two people share a surname, the one named last before
//     the mention wins. Gazetteer variants share a canonical name ("U.S.",
//     "America" → "United States").
//
// The cost is one pass over the words plus a map look-up per distinct use
// of a capitalised word and its neighbours (behind a Bloom filter); there is
// no regular expression. Per-call buffers come from a sync.Pool so that an
// article costs a few small allocations (the result). Find is safe for
// concurrent use.
package entity
