package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
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
	br       *bufio.Reader
	max      int64
	off      int64
	needSync bool // a damaged record was reported: skip to the next one silently
}

// NewReader returns a Reader of r. A gzip stream (one member per record or
// one for the whole file) is detected from its magic bytes.
func NewReader(r io.Reader, opt Options) (*Reader, error) {
	max := opt.MaxRecord
	if max <= 0 {
		max = DefaultMaxRecord
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	rd := &Reader{max: max}
	if bytes.Equal(head, []byte{0x1f, 0x8b}) {
		rd.br = bufio.NewReaderSize(&members{raw: br}, 64<<10)
		return rd, nil
	}
	rd.br = br
	return rd, nil
}

// Next returns the next record. Outcomes:
//   - a record and nil;
//   - nil and io.EOF at the end of the archive;
//   - nil and a *RecordError for a damaged record: call Next again to go on
//     with the following record;
//   - nil and another error when the stream itself cannot be read further
//     (a damaged gzip stream).
func (r *Reader) Next() (*Record, error) {
	// Skip blank lines between records.
	var line []byte
	var err error
	if r.needSync {
		r.needSync = false
		if err := r.resync(); err != nil {
			if err == io.EOF {
				return nil, io.EOF
			}
			if !errors.Is(err, errDamaged) {
				return nil, r.streamErr(err)
			}
		}
	}
	for {
		line, err = r.readLine()
		if errors.Is(err, errDamaged) {
			r.needSync = true
			return nil, &RecordError{Offset: r.off, Err: err}
		}
		if err != nil {
			if err == io.EOF && len(line) == 0 {
				return nil, io.EOF
			}
			if err != io.EOF {
				return nil, r.streamErr(err)
			}
		}
		if len(bytes.TrimSpace(line)) > 0 || err != nil {
			break
		}
	}
	start := r.off - int64(len(line))
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		if rerr := r.resync(); rerr != nil && rerr != io.EOF {
			return nil, r.streamErr(rerr)
		}
		return nil, &RecordError{Offset: start, Err: fmt.Errorf("expected a WARC version line, got %.40q", line)}
	}
	rec := &Record{Version: string(bytes.TrimSpace(line)), Header: textproto.MIMEHeader{}, Offset: start}
	for {
		line, err = r.readLine()
		if err != nil {
			r.needSync = true
			return nil, &RecordError{Offset: start, Err: fmt.Errorf("header: %w", unexpected(err))}
		}
		l := bytes.TrimRight(line, "\r\n")
		if len(l) == 0 {
			break
		}
		if len(rec.Header) > 1000 {
			r.resync()
			return nil, &RecordError{Offset: start, Err: errors.New("header has too many fields")}
		}
		k, v, ok := bytes.Cut(l, []byte(":"))
		if !ok {
			if rerr := r.resync(); rerr != nil && rerr != io.EOF {
				return nil, r.streamErr(rerr)
			}
			return nil, &RecordError{Offset: start, Err: fmt.Errorf("malformed header line %.60q", l)}
		}
		rec.Header.Add(textproto.CanonicalMIMEHeaderKey(string(bytes.TrimSpace(k))), string(bytes.TrimSpace(v)))
	}
	n, perr := strconv.ParseInt(rec.Header.Get("Content-Length"), 10, 64)
	if perr != nil || n < 0 {
		if rerr := r.resync(); rerr != nil && rerr != io.EOF {
			return nil, r.streamErr(rerr)
		}
		return nil, &RecordError{Offset: start, Err: fmt.Errorf("bad Content-Length %q", rec.Header.Get("Content-Length"))}
	}
	if n > r.max {
		if _, err := r.discard(n); err != nil {
			return nil, &RecordError{Offset: start, Err: fmt.Errorf("block: %w", unexpected(err))}
		}
		return nil, &RecordError{Offset: start, Err: fmt.Errorf("block of %d bytes is larger than %d, skipped", n, r.max)}
	}
	rec.Block = make([]byte, n)
	m, err := io.ReadFull(r.br, rec.Block)
	r.off += int64(m)
	if err != nil {
		r.needSync = true
		return nil, &RecordError{Offset: start, Err: fmt.Errorf("block: %w", unexpected(err))}
	}
	return rec, nil
}

func (r *Reader) readLine() ([]byte, error) {
	var out []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.off += int64(len(chunk))
		if len(out)+len(chunk) <= 64<<10 {
			out = append(out, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return out, err
	}
}

func (r *Reader) discard(n int64) (int64, error) {
	m, err := io.CopyN(io.Discard, r.br, n)
	r.off += m
	return m, err
}

// resync skips to the next line starting with "WARC/" and leaves it
// unread.
func (r *Reader) resync() error {
	for {
		b, err := r.br.Peek(5)
		if bytes.Equal(b, []byte("WARC/")) {
			return nil
		}
		if err != nil && !errors.Is(err, errDamaged) {
			if len(b) > 0 {
				r.br.Discard(len(b))
				r.off += int64(len(b))
			}
			return err
		}
		if _, err := r.readLine(); err != nil && !errors.Is(err, errDamaged) {
			return err
		}
	}
}

func (r *Reader) streamErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("warc: truncated stream at offset %d: %w", r.off, err)
	}
	return fmt.Errorf("warc: at offset %d: %w", r.off, err)
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// errDamaged reports a gzip member that could not be decompressed; the
// stream goes on at the next member.
var errDamaged = errors.New("damaged gzip member")

// members reads the concatenated gzip members of a .warc.gz one by one, so
// that a damaged member loses only the records inside it: on a gzip error
// it returns errDamaged once and continues at the next gzip header.
type members struct {
	raw     *bufio.Reader
	zr      *gzip.Reader
	damaged bool // a damaged member's data was returned; errDamaged is due
}

func (m *members) Read(p []byte) (int, error) {
	if m.damaged {
		m.damaged = false
		return 0, errDamaged
	}
	for {
		if m.zr == nil {
			if _, err := m.raw.Peek(1); err != nil {
				return 0, io.EOF
			}
			zr, err := gzip.NewReader(m.raw)
			if err != nil {
				m.skipToMagic()
				return 0, errDamaged
			}
			zr.Multistream(false)
			m.zr = zr
		}
		n, err := m.zr.Read(p)
		if err == io.EOF {
			m.zr = nil
			if n > 0 {
				return n, nil
			}
			continue
		}
		if err != nil {
			m.zr = nil
			m.skipToMagic()
			if n > 0 {
				m.damaged = true // reported on the next read
				return n, nil
			}
			return 0, errDamaged
		}
		return n, nil
	}
}

// skipToMagic advances raw to the next gzip header (1f 8b 08), skipping at
// least one byte.
func (m *members) skipToMagic() {
	if _, err := m.raw.ReadByte(); err != nil {
		return
	}
	for {
		b, err := m.raw.Peek(3)
		if len(b) == 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 {
			return
		}
		if err != nil {
			m.raw.Discard(len(b))
			return
		}
		m.raw.ReadByte()
	}
}
