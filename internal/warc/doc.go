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
// at a time and holds at most one record block (Options.MaxRecord caps
// it), 64 KiB buffers and, for a .warc.gz, the compressed bytes of the
// current gzip member, up to MaxRecord + 64 KiB.
//
// # Damaged records
//
// A damaged record is reported as a *RecordError, never returned, and the
// reader resumes at the next record, so one bad record does not lose the
// rest of the archive. The rules:
//
//   - A record is damaged when its header cannot be parsed, or when its
//     block (Content-Length bytes) is not followed by the end of a record:
//     line breaks ("\r\n\r\n" as written), then the next "WARC/" line or
//     the end of the stream. In a plain .warc, "\r\n\r\n" before junk is
//     fine unless the block holds a "WARC/1.0" or "WARC/1.1" line, which
//     means the record was cut short and the block ran on into the next
//     record.
//   - After a damaged record the reader skips lines up to the next record:
//     a line that starts with "WARC/", or "WARC/1.0" or "WARC/1.1" at the
//     end of a line of junk; reading resumes at the "WARC/". A header line
//     that holds a version line is the start of the next record, too.
//   - The block of a damaged record (too long a Content-Length, a record
//     cut short) is searched that way too, as it may hold the next record.
//     A block larger than MaxRecord is skipped unread.
//   - In a .warc.gz, a record must lie in one gzip member (one record per
//     member, several, or the whole file in one). A member's end cuts the
//     record being read, which is damaged, and reading resumes with the
//     next member; junk after a record in its member means the member is
//     damaged, unless the member held records before it (a whole file in
//     one member): there the plain .warc rule holds, so junk at the end of
//     the file does not cost the last record.
//   - An input that yields no record in MaxRecord bytes (no version line,
//     lines that never end, as /dev/zero gives) ends with a stream error
//     rather than being read for ever; a line longer than 64 KiB is read
//     in pieces, never held whole.
//   - A gzip member that cannot be decompressed or fails its CRC damages
//     the record in it, even if that record looked complete, and reading
//     resumes at the next gzip header after the member's first byte (its
//     bytes are read again, as a cut member runs into the next one). With
//     several records in a member, only the last one waits for the CRC.
package warc
