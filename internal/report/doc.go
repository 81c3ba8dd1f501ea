// Package report renders a comparison (compare.Report) for people and
// programs: text for a terminal (ANSI colour only when asked, for a TTY),
// Markdown, JSON and one self-contained HTML page with the articles side by
// side and the matching passages highlighted. Rendering never reaches back
// into the analysis: everything shown comes from the Report.
//
// # JSON schema
//
// The JSON report is one object. Its keys are a contract: tools may rely on
// them; new keys may be added, none removed or renamed. All offsets are
// byte offsets into the "text" of the article named by "article" (half-open
// [start, end)); every list is present, possibly empty.
//
//	{
//	  "articles": [{"id", "source", "account", "title", "published", "text", "language"?, "url"?}],
//	  "entities": [{"name", "type": "person"|"organization"|"place"|"unclear", "aliases": [string],
//	                "articles": [id], "counts": {id: mentions}, "spans": [span]}],
//	  "quantities": [{"counts", "kind", "unit"?, "verdict": "agree"|"compatible"|"conflict"|"single",
//	                "articles": [id],
//	                "mentions": [{"article", "value", "qualifier", "counts", "text", "start", "end"}],
//	                "spans": [span]}],
//	  "quotes": [{"speaker", "verdict": "same"|"reworded"|"single", "changes"?: [{"from", "to"}],
//	                "articles": [id],
//	                "mentions": [{"article", "speaker", "kind": "direct"|"partial", "text", "start", "end"}],
//	                "spans": [span]}],
//	  "facts": [{"text", "articles": [id], "omitted_by": [id], "spans": [span]}],
//	  "tensions": [{"text", "kind": "figure"|"attribution"|"date"|"negation", "why", "articles": [id],
//	                "sides": [{"article", "text", "cue", "start", "end"}], "spans": [span]}],
//	  "summary": [{"text", "articles": [id], "spans": [span]}],
//	  "duplicates": [{"article", "same_as"}],
//	  "copies": [{"articles": [id]}],
//	  "notes": [string]
//	}
//
// where span is {"article": id, "start": int, "end": int}.
//
//   - articles: the inputs in input order, after dropping repeated texts
//     (listed in duplicates). "published" is "2006-01-02" or RFC 3339, ""
//     when unknown. "account" is the id of the first article of the same
//     outlet or wire copy (its own id when it stands alone); the views
//     count accounts, not articles, as outlets.
//   - entities: one per real person, organization or place across the
//     articles, spellings merged; "counts" is mentions per article.
//   - quantities: figures grouped by what they count. "agree": same value
//     and qualifier; "compatible": different figures that can all be true
//     (qualifiers and rounding); "conflict": they cannot; "single": one
//     article. A group of kind "date" holds calendar dates, each mention's
//     value the date as a number (20130625 for a day, 201303 for a month,
//     1967 for a year).
//   - quotes: one per utterance; "changes" lists the word-level differences
//     between the first mention and the others when "reworded".
//   - facts: sentences aligned by meaning, the most widely reported first;
//     "text" is the most central wording; "spans" holds one sentence per
//     article; "omitted_by" are the articles that do not report it.
//   - tensions: two statements of different articles that contradict each
//     other about one subject; "cue" is the wording that clashes, "why" says
//     in words what they disagree on. "figure": figures of one counted
//     thing that cannot both be true; "attribution": one quote credited to
//     two different people; "date": two dates for one event; "negation":
//     one account says an outcome happened (an agreement, a charge), the
//     other that it did not. (Until issue 11 "figure" was "numbers", and
//     an "antonym" kind was reported on opposite words alone; it is gone.)
//   - summary: at most 120 words, each sentence an article's own sentence
//     with every article that reports it.
//   - copies: articles that run one text (a wire story under several
//     outlets' names): one account, never independent confirmation.
//   - notes: what the reader should know, in words: dropped repeats, mixed
//     languages, and the bounds of compare.Options that applied (an
//     article compared only up to its first 2,000 sentences, its "text"
//     then ending there; a list cut to its 500 or 200 items of the most
//     articles).
package report
