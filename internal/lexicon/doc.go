// Package lexicon holds every word list the analysis uses, as data: one
// file a list under data/, embedded in the binary, each headed by a note
// that says what the list is for, where it comes from and how its entries
// match (case fold: "said" also matches "Said" and "SAID"; exact: "US" is
// not "us"). Lists that several stages need (function words, months,
// reporting verbs, name particles) are written once.
//
// A word's Class is the set of lists it is in, one bit a list; the token
// stream looks each word up once, and every stage reads the bits. Lists
// with values ("million = 1e+06", "euros = EUR"), the gazetteer of places
// and the organization aliases have accessors of their own.
//
// It is part of the analysis and imports only the standard library; every
// analysis stage (and clean, extract, cluster, compare) may import it.
package lexicon
