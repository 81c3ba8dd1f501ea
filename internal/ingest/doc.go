// Package ingest is the first stage of the pipeline: it turns inputs (files,
// directories, standard input) in the formats people have them into
// news.Article values.
//
// Formats are chosen by file name, or sniffed from the first bytes for
// standard input and unknown extensions:
//   - JSON lines, plain or gzipped (.jsonl, .jsonl.gz, .ndjson): one article per line
//     with keys id, source, url, title, published, text (only text is required);
//   - plain-text article files (.txt and anything else that is text): the whole
//     file is one article, left raw for the clean stage to take apart;
//   - HTML, feeds and WARC archives through the Decoders in Options.
//
// A bad item (a malformed line, broken gzip, a line over Options.MaxLine) is
// reported to Options.OnError as an *ItemError naming the file and line, and
// reading goes on with the next item: nothing good is lost for one bad item.
package ingest
