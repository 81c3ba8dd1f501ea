// Package ingest is the first stage of the pipeline: it turns inputs (files,
// directories, standard input) in the formats people have them into
// news.Article values.
//
// Formats are chosen by file name, or sniffed from the first bytes for
// standard input and unknown extensions; gzip is recognised by its magic
// bytes whatever the name:
//   - JSON lines, plain or gzipped (.jsonl, .jsonl.gz, .ndjson, .json): one
//     article per line with keys id, source, url, title, published, author,
//     language, text (only text is required; fields of another type than
//     expected, such as a numeric title or a Unix-time published, are taken
//     leniently). JSON arrays of such objects (on one line or many) and
//     objects pretty-printed over several lines are read too, alone or
//     mixed with JSON lines; line ends may be LF, CRLF or CR;
//   - plain-text article files (.txt and anything else that is text): the whole
//     file is one article, left raw for the clean stage to take apart. UTF-16
//     with a byte-order mark and legacy Windows-1252 files are decoded;
//   - HTML, feeds and WARC archives through Options.Formats (package
//     ingest/web has them), by extension or sniffed from the first 4 KiB;
//     gzipped content whose name says nothing is sniffed inside the gzip,
//     and a format that reads gzip itself (WARC) gets it whole.
//
// Directories are walked in lexical order; Options.Workers files are
// decoded at once, their articles and errors still delivered in input
// order. Every decoder names articles without an id from BaseID, so one
// file gets the same ids in every command.
//
// A bad item (a malformed line, a line without text, broken gzip, a line over
// Options.MaxLine, an empty or binary file) is reported to Options.OnError as
// an *ItemError naming the file and line, and reading goes on with the next
// item: nothing good is lost for one bad item. A JSON value that a bad line
// opens and never closes ("{" alone, a line cut short) is reported once, and
// the lines it swallowed are read again. A file is binary only when a real
// share of its first bytes are control characters or not UTF-8: a stray NUL
// makes one bad JSON line, or is dropped from a text file. Broken UTF-8 is kept as
// U+FFFD. Duplicate ids are passed on: telling versions of an article apart
// is left to later stages. Memory is bounded by MaxLine however long a line
// is: a longer line is skipped as it streams past.
//
// It imports news and golang.org/x/text only; the web formats (which need
// the HTML extractor) live in ingest/web, which imports ingest.
package ingest
