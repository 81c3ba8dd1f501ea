// Package extract is the HTML stage of ingestion: it turns one saved web
// page into a news.Article with the main text (paragraphs separated by
// "\n\n"), title, author, publication date, outlet, language and canonical
// URL.
//
// The main-content extraction is go-trafilatura's, with go-readability as
// its fallback. Around it this package adds what trafilatura leaves to the
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
//   - boilerplate: general rules drop what trafilatura lets through (blocks
//     of teaser links, newsletter and sharing boxes, image credits and
//     captions, comment sections, "read more"/"related" blocks), and a
//     body that is clearly truncated is replaced by the larger candidate;
//   - metadata: the original publication date (JSON-LD datePublished, Open
//     Graph article:published_time and similar) is preferred over
//     "modified" or "updated" dates.
package extract
