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
// (function words dropped, a light suffix stemmer, a small table of general
// news paraphrases such as withdraw / pull out / leave, numbers as anchors)
// weighted by IDF within the story, with numbers and capitalised names
// weighing more. An inverted index from term to sentences gives the
// candidate pairs (terms in too many sentences are not used to find
// candidates), so the work grows with the matches, not with the square of
// the sentences. Two sentences of different articles state the same fact
// when their weighted cosine or containment is high; facts are formed
// strongest pair first, never taking two sentences of one article.
//
// We wrote this ourselves: the Go text-similarity libraries we know either
// need trained vectors or compare whole documents, while here the unit is a
// sentence, the vocabulary is one story's, and every decision must be
// explainable by the words two sentences share.
package compare
