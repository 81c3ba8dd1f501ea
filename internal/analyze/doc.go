// Package analyze is the per-article analysis stage: it runs the small pure
// stages in its sub-packages (sentence, entity, quote, quantity, dates) over
// one cleaned article and returns a news.Document. It holds no state between
// articles, so one Analyzer may be used from many goroutines.
package analyze
