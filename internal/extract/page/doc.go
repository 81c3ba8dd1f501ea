// Package page holds the parts of HTML extraction that do not need
// go-trafilatura: charset detection and decoding, parsing with a fallback
// for pages nested too deep, rendering a tree as paragraphs, the lead
// (standfirst) finders, the metadata publication date and the
// paragraph-level boilerplate rules. Package extract composes them with
// trafilatura.
//
// They live apart so that they can be fuzzed: go-trafilatura's regular
// expressions (go-re2 compiled from WebAssembly to Go) make a fuzzing
// binary's coverage map so large that coverage-guided fuzzing of any
// package importing it runs a few inputs a minute.
package page
