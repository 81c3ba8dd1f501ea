// Package warc is an input stage: a small streaming reader for WARC 1.0/1.1
// web archives (.warc, and .warc.gz made of one gzip member per record, as
// Common Crawl writes them), with helpers to take the HTTP response out of
// a response record.
//
// We wrote our own because no WARC library can be fetched from the module
// proxy available to this project (nlnwa/gowarc, slyrz/warc,
// internetarchive/gowarc and CorentinB/warc are all refused), and because
// the part Parallax needs is small: record headers, a length-delimited
// block, and resynchronisation after a damaged record. It reads one record
// at a time and never holds more than one record block in memory
// (Options.MaxRecord caps it).
//
// A record whose header cannot be parsed, or whose block is shorter than
// its Content-Length, is reported as a *RecordError and the reader skips
// ahead to the next "WARC/" version line (or the next gzip member), so one
// bad record does not lose the rest of the archive.
package warc
