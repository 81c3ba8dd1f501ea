// Package compare is the comparison stage: it takes the analyzed articles
// of one story (news.Document values) and aligns them across outlets into a
// Report: entities merged across spellings, quantities grouped by what they
// count with a verdict on the figures, quotes grouped by utterance with
// their word-level rewording, facts (sentences) aligned by meaning, the
// tensions between statements, and a short summary whose every sentence
// names the articles that back it. Every item carries its source spans:
// byte ranges of news.Article.Text.
//
// # How sentences are aligned
//
// There are no embeddings: each sentence becomes a set of content terms
// (function words and the discourse words of lexicon dropped, a light
// suffix stemmer, the general news paraphrases of lexicon's synonyms.txt
// such as withdraw / leave and a few phrasal verbs such as pull out,
// numbers as anchors)
// weighted by IDF within the story, with numbers and capitalised names
// weighing more. An inverted index from term to sentences gives the
// candidate pairs (terms in too many sentences are not used to find
// candidates), so the work grows with the matches, not with the square of
// the sentences. Two sentences of different articles state the same fact
// when their weighted cosine or containment is high; facts are formed
// strongest pair first, never taking two sentences of one article.
//
// # Who reports a fact
//
// An article that has no sentence of a fact is not taken to leave it out.
// Each claim of the fact (the clauses of a compound sentence) is looked
// for in the article as meanings: its terms with the lexicon's synonym
// groups folded together ("postponed", "pushed back", "delay"). The
// article reports the fact when a window of three neighbouring sentences
// holds half of a claim's weight, one of its names or numbers and its
// heaviest plain word; it leaves it out only when it names none of the
// claim's key names and numbers (the story's own names, given by most
// articles, are not keys) and holds little of its content anywhere and in
// any window; every other case is unclear.
//
// # Outlets and wire copies
//
// Articles of one outlet (news.Article.Source, letter case aside; an
// article without a source is its own outlet) and articles that run one
// wire text (most of their sentences of four words or more the same, word
// for word) are one account of the story (Article.Account, Report.Copies,
// and a note naming the copies): views count accounts, and the summary's
// backing counts the accounts that state a sentence's fact, so a wire
// story run twice is not taken as two outlets confirming each other.
//
// # Figures, quotes, tensions, summary
//
// Figures are grouped by what they count (the head of news.Quantity.Counts,
// or a fate word beside the figure: "40 people were killed", "killed 40
// people" count deaths), by whose they are (an age belongs to the person
// named next to it; two people aged 23 do not agree) and by value: each
// figure allows an interval (its qualifier, and the rounding a round number
// implies: 4,400 covers 4,350–4,450; "more than" reaches twice the figure,
// a percentage ten points), and figures whose intervals meet are
// compatible. A group holds one value per article. Figures that name
// different kinds of a thing ("two black senators", "two senators") or
// anyone ("people") join only in alike sentences. Two groups count the
// same thing in conflict only when their sentences are alike, no article
// gives a figure in both and their values are within a factor of three,
// so "39,000 troops" and "5,000 trainers" from an outlet that also says
// 39,000 are not a conflict. Calendar dates (news.Document.Dates with a
// day, month or year) are figures of kind "date": one date in alike
// sentences agrees, near dates in related sentences conflict ("November
// 19" / "November 18"); a date only one article gives is not listed. Quotes are one utterance when
// most words are shared or a run of three content words is; the word-level
// difference is an LCS diff inside the shared stretch. Tensions are
// conflicting figures of one quantity group (from two articles neither of
// which also gives a figure compatible with the other's), one quote
// credited to two people whose names cannot be one, two calendar dates for
// one event (related sentences sharing four terms besides the dates, where
// neither article names the other's date), and an outcome word (lexicon
// outcome-words: "agreement", "charged") plainly affirmed in one article
// and negated in another ("full agreement" / "unable to agree", "no
// charges"), both clauses free of hedges (lexicon hedge-words: "expected
// to", "denied that") and of one subject (their clauses share two terms
// before the term). Negated or opposite words alone are never a tension.
// The summary scores each sentence by the articles that back it, its centrality, its
// position, its overlap with the headlines and the shared terms it
// carries, skips contested figures and repeats, and takes whole sentences
// until a length that follows the story's (40% of its words, 34 to 85
// words, never over 120); an article a reported tension shows saying the
// opposite of a sentence is not credited with it.
//
// # Bounds
//
// The report of any input is bounded, and a note says each bound that
// applied: an article is compared (and its text shown) up to the end of its
// first Options.MaxSentences sentences, and the lists of facts, figures,
// quotes and entities keep the items of the most articles, in their order
// (Options.MaxFacts and the others). The defaults are far above a normal
// story's lists, so they only cut a story of hundreds of articles or an
// article of megabytes: a 5 MB article gave 44 MB of JSON, it gives 1 MB.
//
// We wrote this ourselves: the Go text-similarity libraries we know either
// need trained vectors or compare whole documents, while here the unit is a
// sentence, the vocabulary is one story's, and every decision must be
// explainable by the words two sentences share.
package compare
