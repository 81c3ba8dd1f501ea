package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
)

// DefaultMaxRecord is the largest record block read when
// Options.MaxRecord is zero; larger blocks are skipped with an error.
const DefaultMaxRecord = 64 << 20

// Record is one WARC record: its named header fields and its block.
type Record struct {
	Version string               // "WARC/1.0" or "WARC/1.1"
	Header  textproto.MIMEHeader // WARC-Type, WARC-Target-URI, Content-Type, …
	Block   []byte
	Offset  int64 // position of the record in the (uncompressed) stream
}

// Type returns the WARC-Type field ("response", "request", "warcinfo", …).
func (r *Record) Type() string { return r.Header.Get("Warc-Type") }

// TargetURI returns the WARC-Target-URI field without angle brackets.
func (r *Record) TargetURI() string {
	return strings.Trim(r.Header.Get("Warc-Target-Uri"), "<> ")
}

// RecordError is the error for one record that could not be read. Reading
// can continue with the next record.
type RecordError struct {
	Offset int64 // where the damaged record starts
	Err    error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("warc record at offset %d: %v", e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Options configures a Reader. The zero value works.
type Options struct {
	// MaxRecord caps one record's block, in bytes; DefaultMaxRecord when zero.
	MaxRecord int64
}

// Reader reads records from a WARC stream, gzipped or not.
type Reader struct {
	in       *input // the uncompressed stream
	gz       bool
	max      int64
	needSync bool // a damaged record was reported: skip to the next one first
	inMember int  // records read from the current gzip member
}

// NewReader returns a Reader of r. A gzip stream (one member per record or
// one for the whole file) is detected from its magic bytes.
func NewReader(r io.Reader, opt Options) (*Reader, error) {
	max := opt.MaxRecord
	if max <= 0 {
		max = DefaultMaxRecord
	}
	rd := &Reader{in: newInput(r), max: max}
	if head, _ := rd.in.peek(2); bytes.Equal(head, gzipMagic[:2]) {
		raw := rd.in
		rd.in, rd.gz = newInput(&members{raw: raw, rec: recorder{raw: raw, keep: int(min(max, 1<<30)) + 64<<10}}), true
	}
	return rd, nil
}

var (
	warcPrefix  = []byte("WARC/")
	endOfRecord = []byte("\r\n\r\n")
)

// Next returns the next record. Outcomes:
//   - a record and nil;
//   - nil and io.EOF at the end of the archive;
//   - nil and a *RecordError for a damaged record: call Next again to go on
//     with the following record;
//   - nil and another error when the stream itself cannot be read further.
func (r *Reader) Next() (*Record, error) {
	begin := r.in.off
	if r.needSync {
		r.needSync = false
		if err := r.resync(begin); err == io.EOF {
			return nil, io.EOF
		} else if err != nil {
			return nil, r.streamErr(err)
		}
	}
	// Skip blank lines and gzip member ends between records.
	var line []byte
	for {
		l, err := r.in.readLine()
		blank := len(bytes.TrimSpace(l)) == 0
		if err == errLong {
			err = nil // a piece of a long line: it is no version line
		}
		switch {
		case r.in.off-begin > r.max+maxLine:
			return nil, r.noRecord(begin)
		case err == errDamaged || err == errEnd && !blank:
			return nil, &RecordError{Offset: r.in.off - int64(len(l)), Err: err}
		case err == io.EOF && blank:
			return nil, io.EOF
		case err != nil && err != io.EOF && err != errEnd:
			return nil, r.streamErr(err)
		}
		if err == errEnd {
			r.inMember = 0
		}
		if !blank {
			line = l
			break
		}
	}
	start := r.in.off - int64(len(line))
	if i := versionAt(line); i > 0 {
		if len(bytes.TrimSpace(line[:i])) > 0 {
			r.in.unread(line[i:]) // junk before a version line: the next record starts there
			return nil, &RecordError{Offset: start, Err: fmt.Errorf("junk before a WARC version line: %.40q", line[:i])}
		}
		line, start = line[i:], start+int64(i)
	}
	if !bytes.HasPrefix(line, warcPrefix) {
		return nil, r.fail(start, fmt.Errorf("expected a WARC version line, got %.40q", line))
	}
	rec := &Record{Version: string(bytes.TrimSpace(line)), Header: textproto.MIMEHeader{}, Offset: start}
	for fields := 0; ; fields++ {
		line, err := r.in.readLine()
		if err != nil {
			return nil, r.fail(start, fmt.Errorf("header: %w", unexpected(err)))
		}
		l := bytes.TrimRight(line, "\r\n")
		if len(l) == 0 {
			break
		}
		k, v, ok := bytes.Cut(l, []byte(":"))
		if !ok || versionAt(l) >= 0 {
			r.in.unread(line) // it may start the next record
			return nil, r.fail(start, fmt.Errorf("malformed header line %.60q", l))
		}
		if fields == 1000 {
			return nil, r.fail(start, errors.New("header has too many fields"))
		}
		rec.Header.Add(textproto.CanonicalMIMEHeaderKey(string(bytes.TrimSpace(k))), string(bytes.TrimSpace(v)))
	}
	n, perr := strconv.ParseInt(rec.Header.Get("Content-Length"), 10, 64)
	if perr != nil || n < 0 {
		return nil, r.fail(start, fmt.Errorf("bad Content-Length %q", rec.Header.Get("Content-Length")))
	}
	if n > r.max {
		if _, err := r.in.read(nil, n); err != nil {
			return nil, r.fail(start, fmt.Errorf("block: %w", unexpected(err)))
		}
		return nil, r.fail(start, fmt.Errorf("block of %d bytes is larger than %d, skipped", n, r.max))
	}
	rec.Block = make([]byte, n)
	if m, err := r.in.read(rec.Block, n); err != nil {
		if err == io.EOF {
			r.in.unread(rec.Block[:m]) // a record may start inside what was read
		}
		return nil, r.fail(start, fmt.Errorf("block: %w after %d of %d bytes", unexpected(err), m, n))
	}
	b, err := r.in.peek(16)
	if err == errDamaged {
		r.in.read(nil, int64(len(b))+1) // up to and past the damaged member's end
		return nil, &RecordError{Offset: start, Err: err}
	}
	if !r.recordEnd(rec.Block, b) {
		r.in.unread(rec.Block) // a record may start inside it
		return nil, r.fail(start, fmt.Errorf("block of %d bytes is not followed by the end of the record", n))
	}
	r.inMember++
	return rec, nil
}

// fail returns a RecordError for the record at start. The next call skips
// to the next record first, unless err is the end of a gzip member: the
// next member starts it.
func (r *Reader) fail(start int64, err error) error {
	r.needSync = !errors.Is(err, errEnd) && !errors.Is(err, errDamaged)
	return &RecordError{Offset: start, Err: err}
}

// recordEnd reports whether after, the bytes after block, end the record:
// line breaks, then the end of the stream (or gzip member) or the next
// version line. In a plain .warc "\r\n\r\n" before junk is fine too,
// unless block holds a version line: then the record was cut short and its
// block ran on into the next record, up to the end of that one's header.
// In a .warc.gz whose members hold one record each, junk is the garbage
// that a damaged member gives; in a member that held records before this
// one (a whole file in one member), it is read as in a plain .warc, so
// that trailing junk does not cost the last record.
func (r *Reader) recordEnd(block, after []byte) bool {
	rest := bytes.TrimLeft(after, "\r\n")
	if bytes.HasPrefix(rest, warcPrefix) || bytes.HasPrefix(warcPrefix, rest) {
		return true
	}
	return (!r.gz || r.inMember > 0) && bytes.HasPrefix(after, endOfRecord) && !hasVersionLine(block)
}

// Sniff reports whether b, the start of an input, is a WARC archive (not
// gzipped): it begins with a version line.
func Sniff(b []byte) bool { return bytes.HasPrefix(b, warcPrefix) }

// hasVersionLine reports whether a line of b ends with "WARC/1.0" or
// "WARC/1.1".
func hasVersionLine(b []byte) bool {
	for {
		i := bytes.Index(b, []byte("WARC/1."))
		if i < 0 {
			return false
		}
		b = b[i:]
		if j := bytes.IndexByte(b, '\n'); j >= 0 && versionAt(b[:j+1]) == 0 {
			return true
		}
		b = b[1:]
	}
}

// versionAt returns where a "WARC/1.0" or "WARC/1.1" that ends line
// starts, or -1.
func versionAt(line []byte) int {
	l := bytes.TrimRight(line, "\r\n")
	i := len(l) - len("WARC/1.0")
	if i < 0 || !bytes.HasPrefix(l[i:], []byte("WARC/1.")) || l[len(l)-1] != '0' && l[len(l)-1] != '1' {
		return -1
	}
	return i
}

// resync skips to the next record and leaves its version line unread: a
// line starting with "WARC/", a "WARC/1.0" or "WARC/1.1" ending a line of
// junk, or the start of the next gzip member. Skipping more than a
// record's worth of bytes since begin without finding one is an error: an
// input that holds no records (/dev/zero) must not be read for ever.
func (r *Reader) resync(begin int64) error {
	for {
		if b, _ := r.in.peek(len(warcPrefix)); bytes.Equal(b, warcPrefix) {
			return nil
		}
		if r.in.off-begin > r.max+maxLine {
			return r.noRecord(begin)
		}
		line, err := r.in.readLine()
		if err == errEnd || err == errDamaged {
			return nil
		}
		if err == errLong {
			continue
		}
		if i := versionAt(line); i >= 0 {
			r.in.unread(line[i:])
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// errNoRecord is the stream error for input that holds no record at all.
var errNoRecord = errors.New("no WARC record found")

func (r *Reader) noRecord(begin int64) error {
	return fmt.Errorf("%w in %d bytes at offset %d, archive not read further", errNoRecord, r.in.off-begin, begin)
}

func (r *Reader) streamErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("warc: truncated stream at offset %d: %w", r.in.off, err)
	}
	return fmt.Errorf("warc: at offset %d: %w", r.in.off, err)
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
