// Package extract is the HTML stage of ingestion: it turns one saved web
// page into a news.Article with the main text (paragraphs separated by
// "\n\n"), title, author, publication date, outlet, language and canonical
// URL.
//
// The main-content extraction is go-trafilatura's, with go-readability as
// its fallback. The steps that do not need trafilatura (decoding, parsing,
// rendering, lead finding, boilerplate rules, metadata dates) are in the
// sub-package page, where they can be fuzzed. Around it this package adds what trafilatura leaves to the
// caller and what it gets wrong on news pages:
//
//   - decoding: the charset from the BOM, the transport (Options.ContentType),
//     the page's <meta>, else UTF-8 when the bytes are valid UTF-8, else
//     windows-1252; a page declared as a single-byte charset whose bytes are
//     valid multi-byte UTF-8 is read as UTF-8;
//   - limits: input larger than Options.MaxBytes is refused with ErrTooLarge;
//     pages nested deeper than the HTML parser allows are flattened and
//     parsed again rather than failing; content that does not look like
//     HTML gives an error wrapping news.ErrNotArticle;
//   - text layout: the extracted tree is rendered block by block, so
//     paragraphs, headings, list items and table rows stay separate;
//   - the lead: the standfirst that many sites put in the article header,
//     outside the element trafilatura picks, is found through the page's
//     meta description and put back as the first paragraph (and in
//     Article.Standfirst);
//   - boilerplate: general, multilingual paragraph rules drop what
//     trafilatura lets through: sharing bars, newsletter and paywall
//     prompts, credit and caption lines, date-only lines, ad labels, and a
//     trailing "related articles" or reader-comments block;
//   - fallback: go-readability runs only when its result could replace
//     trafilatura's (trafilatura's own rule: a candidate wins when it is
//     more than twice as long, impossible when the body already holds half
//     the page's visible text), without a second trafilatura pass;
//   - cost: trafilatura's time grows with the square of the page's text,
//     so pages with more than 300,000 characters of text take a linear
//     path (the largest <article>/<main> without navigation).
//   - rules: each of these steps is a named Rule that Options.Off turns
//     off (parallax extract --without), so scripts/eval-extract --ablate
//     can score each on both development sets; Off: AllRules is
//     go-trafilatura alone.
//   - metadata: the original publication date (JSON-LD datePublished, Open
//     Graph article:published_time and similar) is preferred over
//     "modified" or "updated" dates.
package extract
