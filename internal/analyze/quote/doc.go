// Package quote finds quotations and their speakers (analysis stage 3, after
// sentences and entities).
//
// Find scans the text once for double quotation marks (straight and curly,
// „ and « » too), pairs them paragraph by paragraph (a quote nested in the
// other kind of marks, or in curly marks, stays inside its quote), and
// follows quotes that run over several paragraphs: a paragraph that opens a
// quote without closing it, continued by a paragraph that opens with a
// quotation mark, gives one fragment per paragraph, all with one speaker. A
// quote split by its attribution ("We will win," he said, "and soon.") gives
// two fragments with the same speaker.
//
// Each fragment is then read in its sentence:
//
//   - a quote that is the whole utterance — it starts the sentence or follows
//     an introduction (`X said:`, `X said,`, `X said "…`, `according to X,`,
//     `X:`), and ends the sentence or is followed by an attribution (`, X
//     said`, `, said X`) — is Direct;
//   - quoted words inside the writer's own sentence are Partial: `called it
//     "a disaster"`, `would leave Iraq "with their heads held high"`, titles
//     and scare quotes, headlines credited `by` someone, and quoted
//     that-clauses (`X insisting that "…"`: PolNeAR, like most attribution
//     corpora, counts a that-clause as indirect speech even when quoted).
//     Partial quotes still get the speaker of their sentence's cue; titles
//     ("Saturday Night Live") get none.
//
// The speaker is the noun phrase next to a reporting verb (the cue, from a
// list of some 380 verb forms, or an unlisted past-tense verb in the
// attribution's place: `"…," Trump barked`), read with linguistic rules:
// apposition (`X, an aide, said`), inversion (`said X of Y`), titles
// dropped (`Senate Majority Leader X`), a possessive ends a name (`Al
// Jazeera's X`), participles take the main clause's subject (`X endorsed Y,
// saying`), descriptions kept as they are (`a White House spokesman`).
// A speaker mention overlapping a person entity takes the entity's canonical
// name; other entities only when named by exactly the speaker's words.
// Pronouns are resolved to the nearest sentence before that names a person
// (the speaker of a quote in it, else its first person mention), skipping
// people of the other gender when an honorific tells it (Mr, Mrs); `it said`
// goes to the last organization named, `the senator said` to the last person
// named with that title (with entities). A direct quote with no attribution
// in its sentence continues the speaker of the quote it continues, of the
// introduction ending the previous paragraph (`X told the crowd:`), of the
// last direct quote of the paragraph, or of a short sentence just before it
// (`X agreed. "…"`).
//
// We wrote this stage ourselves: Go has no quote-attribution library. It
// reads the article's one token stream (news.Document.Tokens, with the
// lexicon classes each word was looked up in when tokenized: reporting
// verbs, titles, pronouns and the other lists of internal/lexicon) and its
// sentences, and tokenizes nothing again; only the quotation marks are
// found in the text itself, with a linear scan. The tokens of a paragraph
// are copied once, outside its quotes, when first read, into a pooled
// buffer, so that the result is the only allocation.
package quote
