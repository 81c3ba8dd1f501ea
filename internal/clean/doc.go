// Package clean is the pipeline stage between ingest and analyze: it turns a
// raw article into a clean one whose Text every later byte offset points
// into.
//
// Cleaning does, in order:
//  1. Unicode normalisation (Normalize): mojibake undone ("â€™" → "’"),
//     NFC, odd spaces to spaces, invisible
//     characters removed, quotation marks straightened, dashes unified,
//     line endings and spacing tidied.
//  2. Layout: paragraphs are the non-empty lines (hard-wrapped lines are
//     joined), written back separated by "\n\n". When the input has no
//     title the first line is the headline; the line directly under it is
//     the standfirst when the header block ends with a blank line soon
//     (text with one sentence per line has no standfirst); date lines
//     ("Published: …", "Last Modified: …", a bare date in words or
//     digits, "SALTMERE, NORTH SHORE, March 9, 2016"), under the headline
//     or one or two more headline-like lines, and bylines fill Published
//     and Author (a publication date wins over an update date; values given
//     by the input win over all). A date in digits is read day or month
//     first from a part over 12, else month first next to a 12-hour clock
//     or an American zone and day first next to a 24-hour clock; otherwise
//     it is not read. When the input has a title and the body repeats it
//     as its first line, that line goes.
//  3. Boilerplate, by general rules on the shape and vocabulary of site
//     furniture (see the Rule constants): captions and credits ("media
//     caption…", "Photo: …", "(Getty Images)"), share / subscribe /
//     newsletter / advertisement lines, "Click here", "Read more", copyright
//     lines, sign-offs and reporting credits ("<outlet> and agencies",
//     "Reporting by …", "… contributed to this report"), a block at the end
//     that starts at a sign-off, a copyright line or a related-links header
//     ("Related", "Topics in this article", "Featured on <site>", "More on
//     this story") and holds only teaser-like lines, short unpunctuated lines
//     at the very end (not figures or "label: value" data), and lone
//     caption-like lines without final punctuation inside the body (7 to 20
//     words between blank lines, no quotation or reporting verb; three or
//     more are section headings and stay). Trace lists every removed line
//     with its rule.
//  4. The outlet: Source from the input, else from the URL's host (a small
//     table of major sites, else the host), else from a sign-off ("<outlet>
//     and agencies"), site furniture ("Featured on <outlet>") or a copyright
//     line.
//  5. Recurring lines: lines that appear in MinRecurring or more articles of
//     the same outlet in one run are that outlet's furniture and go. Counts
//     are per (outlet, line) hash in a table of bounded size. Prose that may
//     be content (a punctuated line of more than 12 words, or a quotation)
//     is kept unless it is subscription furniture or sits at the top or
//     bottom of the article and recurs often; an article most of whose
//     lines recur is a version of an earlier one and keeps its sentences.
//     Articles without a known outlet are not counted: the same wire copy in
//     several unnamed outlets would otherwise be taken for furniture.
//
// Limitations: in a stream, the first MinRecurring-1 articles of an outlet
// are cleaned before a recurring line has been seen often enough (use Learn
// then Clean for a batch); a recurring-line table that fills up forgets
// lines that recur less often than it is refilled; furniture in languages
// other than English is caught only by the shape rules and recurrence.
//
// The rules are our own, not a library's: extraction libraries such as
// go-trafilatura clean HTML using its markup, while this stage sees only
// text (scraped text files, JSON corpora), where the markup is gone and
// only line shape, vocabulary and recurrence are left.
package clean
