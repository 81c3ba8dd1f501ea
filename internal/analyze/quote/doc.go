// Package quote finds quotations and their speakers (analysis stage 3, after
// sentences and entities).
//
// Find scans the text once for double quotation marks (straight and curly,
// „ and « » too), pairs them paragraph by paragraph, and follows quotes that
// run over several paragraphs (a paragraph that opens a quote without closing
// it, continued by a paragraph that opens with a quotation mark). Each quote
// is then read in its sentence:
//
//   - a quote that is the whole utterance — it starts the sentence or follows
//     an introduction (`X said:`, `X said,`, `according to X,`, `X:`), and
//     ends the sentence or is followed by an attribution (`, X said`,
//     `, said X`) — is Direct;
//   - quoted words inside the writer's own sentence (`called it "a
//     disaster"`, `insisting that "…"`, titles and scare quotes) are Partial.
//
// The speaker is the noun phrase next to a reporting verb (the cue) in the
// quote's sentence, read with a few linguistic rules: appositions (`X, an
// aide, said`), inversion (`said X of Y`), titles (`Senate Majority Leader
// X`), nominal speakers (`a White House spokesman`). A speaker mention that
// overlaps a recognised entity takes the entity's canonical name; pronouns
// (`he said`) are resolved to the previous quote's speaker in the paragraph or
// to the nearest preceding sentence subject that names a person. Quotes with
// no attribution in their sentence continue the previous quote's speaker
// (quote paragraphs after `X said:`, split and multi-paragraph quotes).
//
// We wrote this stage ourselves: the Go NLP libraries have no quote
// attribution, and a hand-written linear scan with small word tables keeps it
// well under the per-article budget (no regular expressions, a few
// allocations per article).
package quote
