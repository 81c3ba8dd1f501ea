// Package news holds Parallax's domain types: the article as read from an
// input, the analysis of one article (sentences, entities, quotes,
// quantities, dates) and the sentinel errors shared by the pipeline stages.
//
// It imports only the standard library; every other package of the project
// may import it, and it imports none of them.
package news
