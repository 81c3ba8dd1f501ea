// Package cluster is the story stage: it groups a stream of analyzed
// articles (news.Document) into stories, one article at a time, so that each
// story holds the articles that report the same real-world event, not merely
// the same topic.
//
// # Pipeline
//
// Extract turns one document into Features; it is pure and safe to run on
// many goroutines (the command runs it next to the analysis). Clusterer.Add
// (or AddFeatures) then assigns the article, sequentially and in
// publication order, to an existing story or opens a new one:
//
//  1. Near-duplicate check. A bottom-k MinHash sketch of the body's word
//     4-shingles finds wire copies and syndicated reprints among the active
//     articles; a copy joins its original's story and is marked, so outlet
//     counts and comparisons can count it once.
//  2. Candidates. An inverted index from each story's most distinctive
//     features to the story gives the candidate stories; the stories are never
//     scanned one by one.
//  3. Similarity. An article is a sparse TF-IDF vector over several
//     channels: content words and word pairs, names of two capitalised words,
//     numbers, date expressions (years, month-day pairs, weekdays) and, when
//     the analysis found them, entities (people, places, organizations),
//     resolved dates and quantities. The channels carry different weights,
//     because what tells two earthquakes apart is a place, a magnitude, a day
//     and the people named, not the word "earthquake". IDF is learned from the
//     stream as it goes. The article is compared with each candidate story's
//     centroid and with the story's most similar member; it joins the best
//     story when the combined similarity clears the threshold.
//  4. Split. A single pass joins the first report of a second event of
//     one kind (a second earthquake, a boxer's next fight) to the first
//     event's story, the only one it can resemble. As a story grows it is
//     divided in two by spherical 2-means over its members; when the two
//     groups are much more alike within than across (Options.Split), the
//     group without the story's first article becomes a story of its own,
//     and later articles choose between the two (revise.go). Assignments are
//     therefore final when a story closes: OnClose reports each member's
//     Assignment with the story it ended in.
//  5. Second chance. A story of one or two articles that closes joins the
//     larger story its articles now resemble above the threshold, if one
//     is active and in time: the story of the same event may have grown,
//     and the document frequencies settled, since they arrived.
//  6. Time. Each story has a span, from its first dated article to its
//     last; a dated article joins only a story whose span, widened by the
//     window, contains the article's time, so the window counts from the
//     story's latest dated article. A story's span is capped
//     (Options.MaxSpan, 30 days): an article past the cap opens a story
//     that Follows the one it resembled. Articles without a date (or with
//     an impossible one: before 1980 or in the future) take the time of
//     the stream so far, which says when they came, not what period they
//     report: they do not count in a story's span (a later dated article
//     is judged against the dated members only), and they join a story of
//     dated articles only at Options.UndatedThreshold, above Threshold.
//     A story closes once the stream's clock has passed its latest dated
//     article by the window (twice, as slack for late input) or the end of
//     its MaxSpan, and Options.Lag articles have come since its latest
//     dated member: undated articles may join it until then, but neither
//     keep it open nor close it. Closed stories leave the active set, so
//     memory stays flat on an endless stream; each says why it closed
//     (Story.Closed).
//  7. Chaining cap. An article joins a story of four or more articles only
//     if it resembles the story's core (its first reports or its most
//     central member) at Options.CoreThreshold, not just its newest
//     members (core.go).
//
// # State
//
// Save writes the active state (the stories, their members and vectors,
// the indexes, the document frequencies) and Restore reads it back into a
// new Clusterer, which then assigns the coming articles exactly as the
// saved one would have: a server can stop and start again in the middle
// of an endless stream. The state is a gob stream behind a versioned
// header; Restore refuses another version, or a damaged state, with an
// error wrapping ErrState.
//
// Story ids derive from the story's first article id, so they are stable and
// deterministic for the same input.
//
// We wrote the clusterer ourselves: the Go libraries we know cluster a fixed
// matrix in batch (k-means, HDBSCAN) and need the number of clusters or all
// the data up front, while stories arrive one article at a time without end.
package cluster
