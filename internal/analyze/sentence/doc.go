// Package sentence is the analysis stage after the tokenizer: it splits a
// cleaned article body into sentences, as byte spans from the first token
// of a sentence to the end of its last. It reads the token stream and the
// lexicon (abbreviations, sentence starters); it imports news and lexicon
// only.
//
// It is a hand-written single pass over the tokens rather than a library
// segmenter (prose, Unicode UAX #29) because it runs on every article and
// must cost a few microseconds, and because news text needs rules those
// segmenters lack: honorifics and initials ("Sen.", "George W. Bush",
// "U.S."), dates ("Jan. 3"), closing quotation marks that belong to the
// sentence they end, and one sentence per line in line-oriented corpora.
//
// The rules, in order:
//   - a line break (\n, \r, U+2028, U+2029) always ends a sentence;
//   - '!', '?', '…' and runs of them end a sentence when white space and
//     then something other than a lower-case letter follow;
//   - closing quotation marks and brackets right after the terminator
//     belong to the sentence it ends (`… over." He said` splits after the
//     quotation mark);
//   - a '.' ends a sentence under the same condition unless the word before
//     it is an abbreviation: titles ("Mr.", "Gov.", "Lt.") never end one;
//     "No." and month abbreviations do not before a number; initials and
//     initialisms ("W.", "U.S.", "a.m.", "Inc.") only do when the next word
//     is a typical sentence opener ("The", "He", "But"…); a quotation mark
//     or dash before the abbreviation changes nothing ('Mr. President');
//   - a short list marker ("1.", "a)") does not make a sentence of its own.
package sentence
