// Package web is part of the ingest stage: the ingest.Formats for web
// inputs, HTML pages (.html, .htm, .xhtml), feeds (.xml, .rss, .atom,
// .rdf) and WARC archives (.warc, .warc.gz), each also recognised by
// content for standard input and unknown extensions. ingest.Reader reads
// them with the same walk, sniffing and ids as every other input, so
// every command reads web inputs the same way.
//
// It imports ingest, extract, feed, warc, pipe and news; ingest does not
// import it (nor extract), so reading JSON lines and text needs no HTML
// extractor.
package web
