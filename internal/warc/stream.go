package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
)

// maxLine is the longest line that readLine returns whole; a longer one
// is returned in pieces, each with errLong.
const maxLine = 64 << 10

// errLong is readLine's error for a piece of a line longer than maxLine.
var errLong = errors.New("line longer than 64 KiB")

// The gzip layer reports, in the stream, where a member ended.
var (
	errEnd     = errors.New("end of gzip member")
	errDamaged = errors.New("damaged gzip member")
)

// input is a buffered reader. Unlike bufio.Reader it keeps an error in
// place after the bytes read before it, so that errEnd and errDamaged mark
// exactly where a gzip member ended (they are returned once; other errors
// stay), and it can be given bytes back to read again.
type input struct {
	src io.Reader
	mem []byte // backing array of buf
	buf []byte // read from src, not yet consumed
	err error  // what src returned after buf
	off int64  // bytes consumed
}

func newInput(r io.Reader) *input {
	mem := make([]byte, 64<<10)
	return &input{src: r, mem: mem, buf: mem[:0]}
}

// fill reads until n (at most len(mem)) bytes are buffered or src fails.
func (in *input) fill(n int) {
	for tries := 0; len(in.buf) < n && in.err == nil; tries++ {
		if len(in.buf) == 0 || cap(in.buf) < n {
			in.buf = in.mem[:copy(in.mem, in.buf)]
		}
		m, err := in.src.Read(in.buf[len(in.buf):cap(in.buf)])
		in.buf = in.buf[:len(in.buf)+m]
		in.err = err
		if m == 0 && err == nil && tries == 100 {
			in.err = io.ErrNoProgress
		}
	}
}

func (in *input) consume(n int) {
	in.buf = in.buf[n:]
	in.off += int64(n)
}

// takeErr returns the error after the consumed bytes.
func (in *input) takeErr() error {
	err := in.err
	if err == errEnd || err == errDamaged {
		in.err = nil
	}
	return err
}

// peek returns the next n bytes without consuming them, or fewer and the
// error that follows them.
func (in *input) peek(n int) ([]byte, error) {
	in.fill(n)
	if len(in.buf) >= n {
		return in.buf[:n], nil
	}
	return in.buf, in.err
}

// unread makes b the next bytes to read; in keeps b.
func (in *input) unread(b []byte) {
	in.off -= int64(len(b))
	if len(in.buf) == 0 {
		in.buf = b[:len(b):len(b)]
		return
	}
	in.buf = append(b[:len(b):len(b)], in.buf...)
}

// readLine returns the next line with its "\n", or what is left before an
// error. A line longer than maxLine comes in pieces of maxLine bytes with
// errLong; the last bytes of each piece (len("WARC/1.0")-1 of them) start
// the next piece too, so that a version line at the end of a long line is
// seen whole in its last piece. The result is valid until the next read.
func (in *input) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk := in.buf
		i := bytes.IndexByte(chunk, '\n')
		if i >= 0 {
			chunk = chunk[:i+1]
		}
		if len(line)+len(chunk) > maxLine {
			chunk = chunk[:maxLine-len(line)]
			i = -1
		}
		in.consume(len(chunk))
		if i >= 0 && line == nil {
			return chunk, nil
		}
		line = append(line, chunk...)
		if i >= 0 {
			return line, nil
		}
		if len(line) == maxLine {
			keep := len("WARC/1.0") - 1
			in.unread(bytes.Clone(line[len(line)-keep:]))
			return line[:len(line)-keep], errLong
		}
		if in.err != nil {
			return line, in.takeErr()
		}
		in.fill(1)
	}
}

// read consumes n bytes, copying them to dst unless it is nil, and returns
// how many it consumed before an error.
func (in *input) read(dst []byte, n int64) (int64, error) {
	var done int64
	for done < n {
		if len(in.buf) == 0 {
			if in.err != nil {
				return done, in.takeErr()
			}
			in.fill(1)
			continue
		}
		m := int(min(int64(len(in.buf)), n-done))
		if dst != nil {
			copy(dst[done:], in.buf[:m])
		}
		in.consume(m)
		done += int64(m)
	}
	return done, nil
}

func (in *input) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	in.fill(1)
	if len(in.buf) == 0 {
		return 0, in.takeErr()
	}
	n := copy(p, in.buf)
	in.consume(n)
	return n, nil
}

func (in *input) ReadByte() (byte, error) {
	in.fill(1)
	if len(in.buf) == 0 {
		return 0, in.takeErr()
	}
	c := in.buf[0]
	in.consume(1)
	return c, nil
}

// gzipMagic starts a gzip member (with deflate compression).
var gzipMagic = []byte{0x1f, 0x8b, 8}

// members decompresses the members of a .warc.gz one by one. The clean end
// of a member reads as errEnd. A member that cannot be decompressed or
// fails its CRC reads as errDamaged, after what it gave before the failure
// was found; reading then goes on at the next gzip header after the
// damaged member's first byte.
type members struct {
	raw *input // the compressed stream
	rec recorder
	zr  gzip.Reader
	in  bool  // in a member
	err error // errEnd or errDamaged, due on the next Read
}

func (m *members) Read(p []byte) (int, error) {
	for {
		if m.err != nil {
			err := m.err
			m.err = nil
			return 0, err
		}
		if !m.in {
			if b, err := m.raw.peek(1); len(b) == 0 {
				return 0, err
			}
			m.rec.seen, m.rec.over = m.rec.seen[:0], false
			if err := m.zr.Reset(&m.rec); err != nil {
				m.fail()
				continue
			}
			m.zr.Multistream(false)
			m.in = true
		}
		n, err := m.zr.Read(p)
		if err == io.EOF {
			m.in, m.err = false, errEnd
		} else if err != nil {
			m.fail()
		}
		if n > 0 {
			return n, nil
		}
	}
}

// fail reports the current member as damaged and moves raw to the next
// gzip header after the member's first byte: the member's recorded bytes
// are read again, so a member that a truncated one ran into is found.
func (m *members) fail() {
	m.in, m.err = false, errDamaged
	if len(m.rec.seen) > 0 {
		m.raw.unread(m.rec.seen[1:])
	}
	m.rec.seen = nil // raw owns it now
	for {
		m.raw.fill(len(gzipMagic))
		b := m.raw.buf
		if i := bytes.Index(b, gzipMagic); i >= 0 {
			m.raw.consume(i)
			return
		}
		if len(b) < len(gzipMagic) {
			m.raw.consume(len(b)) // the end of the stream
			return
		}
		m.raw.consume(len(b) - len(gzipMagic) + 1)
	}
}

// recorder reads the compressed stream for the gzip reader and keeps the
// current member's bytes, up to keep of them, for members.fail.
type recorder struct {
	raw  *input
	seen []byte
	keep int
	over bool // the member outgrew keep; seen is nil
}

func (t *recorder) Read(p []byte) (int, error) {
	n, err := t.raw.Read(p)
	t.note(p[:n]...)
	return n, err
}

func (t *recorder) ReadByte() (byte, error) {
	c, err := t.raw.ReadByte()
	if err == nil {
		t.note(c)
	}
	return c, err
}

func (t *recorder) note(b ...byte) {
	if t.over {
		return
	}
	t.seen = append(t.seen, b...)
	if len(t.seen) > t.keep {
		t.seen, t.over = nil, true
	}
}
