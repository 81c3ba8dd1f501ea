package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// DefaultMaxLine is the longest JSON line (and the largest single text file)
// read when Options.MaxLine is zero. The longest article of the 37k-article
// scale corpus is 77 kB; 16 MB leaves room for whole web pages in JSON while
// bounding what one bad line can cost in memory.
const DefaultMaxLine = 16 << 20

// maxBadHead is how many bad lines a JSON lines file may start with before
// the rest of it is skipped as not JSON lines at all.
const maxBadHead = 100

// ItemError is the error for one input item that could not be read. The rest
// of the input is still read.
type ItemError struct {
	Origin string // file name, "-" for standard input
	Line   int    // 1-based line for JSON lines, 0 otherwise
	Err    error
}

func (e *ItemError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Origin, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Origin, e.Err)
}

func (e *ItemError) Unwrap() error { return e.Err }

// Decoder reads the articles of one file in a format that another package
// knows (HTML, feeds, WARC). It calls emit for each article and returns the
// error that stopped it, if any; per-item problems go to bad.
type Decoder func(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error

// Options configures a Reader. The zero value reads JSON lines and text.
type Options struct {
	// MaxLine caps one JSON line or one text file, in bytes; DefaultMaxLine when zero.
	MaxLine int
	// OnError receives every per-item error; when nil they are dropped
	// (Reader.Skipped still counts them).
	OnError func(error)
	// Decoders maps a lower-case file extension without the gzip suffix
	// (".html", ".warc", ".xml") to the decoder for that format.
	Decoders map[string]Decoder
	// OwnGzip lists the extensions (keys of Decoders) whose decoders take
	// gzipped content as it is and decompress it themselves.
	OwnGzip []string
	// Sniff picks a decoder for content whose extension says nothing
	// (standard input, unknown extensions) from its first bytes; nil means
	// JSON when it starts with '{' or '[', else text.
	Sniff func(head []byte) Decoder
}

// Reader reads articles from paths. It is not safe for concurrent use.
type Reader struct {
	opt     Options
	skipped int
}

// NewReader returns a Reader with the given options.
func NewReader(opt Options) *Reader {
	if opt.MaxLine <= 0 {
		opt.MaxLine = DefaultMaxLine
	}
	return &Reader{opt: opt}
}

// Skipped returns how many items were reported as errors so far.
func (r *Reader) Skipped() int { return r.skipped }

func (r *Reader) bad(err error) {
	r.skipped++
	if r.opt.OnError != nil {
		r.opt.OnError(err)
	}
}

// Read reads every path in order ("-" is standard input, directories are
// walked recursively in lexical order, hidden files and directories
// skipped, symbolic links to files followed) and calls emit for each
// article. It stops early only when ctx is done or emit returns an error,
// and returns that error; unreadable items are reported through
// Options.OnError as *ItemError values naming the file (and line) and
// counted in Skipped. The outcomes per input:
//   - a missing or unreadable path, an empty file, binary content: one error;
//   - a malformed JSON line, a line without "text", a line longer than
//     MaxLine: one error for that line, the next lines read (a line with a
//     blank "text" is passed on: the clean stage reports it, and commands
//     that account for every id still see it);
//   - a JSON value opened on a line and broken later: one error, and the
//     whole lines it held read again;
//   - a truncated or corrupt gzip stream or a read error: the articles
//     before it are emitted, then one error naming the line it broke in;
//   - broken UTF-8: kept as U+FFFD (a text file with no valid UTF-8
//     sequence at all is read as Windows-1252; UTF-16 with a byte-order
//     mark is decoded).
func (r *Reader) Read(ctx context.Context, paths []string, emit func(news.Article) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := r.readStream(ctx, "-", "", os.Stdin, false, emit); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			r.bad(&ItemError{Origin: p, Err: pathErr(err)})
			continue
		}
		if !st.IsDir() {
			if err := r.readFile(ctx, p, emit); err != nil {
				return err
			}
			continue
		}
		for _, f := range r.walk(p) {
			if err := r.readFile(ctx, f, emit); err != nil {
				return err
			}
		}
	}
	return nil
}

// walk lists the regular files under dir (following symbolic links to
// files, not to directories), skipping hidden names, in lexical order.
func (r *Reader) walk(dir string) []string {
	var files []string
	werr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			r.bad(&ItemError{Origin: path, Err: pathErr(err)})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.Type().IsRegular():
			files = append(files, path)
		case d.Type()&fs.ModeSymlink != 0:
			if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
				files = append(files, path)
			}
		}
		return nil
	})
	if werr != nil {
		r.bad(&ItemError{Origin: dir, Err: pathErr(werr)})
	}
	sort.Strings(files)
	return files
}

// pathErr drops the operation and path from an *fs.PathError: the
// ItemError names the path already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// stopErr wraps an error from emit or ctx so that it is returned rather than
// reported as a bad item.
type stopErr struct{ err error }

func (s stopErr) Error() string { return s.err.Error() }

func (r *Reader) readFile(ctx context.Context, path string, emit func(news.Article) error) error {
	f, err := os.Open(path)
	if err != nil {
		r.bad(&ItemError{Origin: path, Err: pathErr(err)})
		return nil
	}
	defer f.Close()
	ext := strings.ToLower(filepath.Ext(path))
	gz := ext == ".gz"
	if gz {
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(path, filepath.Ext(path))))
	}
	return r.readStream(ctx, path, ext, f, gz, emit)
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// readStream reads one file's content whose format is given by ext, or
// sniffed when ext says nothing. gz says the name promises gzip; gzip is
// also recognised by content, whatever the name.
func (r *Reader) readStream(ctx context.Context, name, ext string, in io.Reader, gz bool, emit func(news.Article) error) error {
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(2)
	switch {
	case bytes.HasPrefix(head, gzipMagic) && r.opt.Decoders[ext] != nil && slices.Contains(r.opt.OwnGzip, ext):
		// The decoder reads gzip itself (a .warc.gz resyncs at the next
		// member after a damaged one, which one gzip stream cannot).
	case bytes.HasPrefix(head, gzipMagic):
		zr, err := gzip.NewReader(br)
		if err != nil {
			r.bad(&ItemError{Origin: name, Err: fmt.Errorf("gzip: %w", err)})
			return nil
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	case gz && len(head) > 0:
		r.bad(&ItemError{Origin: name, Err: errors.New("not gzip data, though the name ends in .gz")})
		return nil
	}
	var dec Decoder
	switch ext {
	case ".jsonl", ".ndjson", ".json":
		dec = r.decodeJSON
	case ".txt", ".text":
		dec = r.decodeText
	default:
		if d, ok := r.opt.Decoders[ext]; ok {
			dec = d
			break
		}
		head, _ := br.Peek(512)
		if r.opt.Sniff != nil {
			dec = r.opt.Sniff(head)
		}
		if dec == nil {
			switch {
			case len(bytes.TrimSpace(head)) == 0 && len(head) < 512:
				if len(head) == 0 {
					r.bad(&ItemError{Origin: name, Err: news.ErrEmpty})
					return nil
				}
				dec = r.decodeText // blank so far: let the text decoder look at all of it
			case looksJSON(head):
				dec = r.decodeJSON
			case utf16BOM(head) != nil:
				dec = r.decodeText
			case looksBinary(head):
				r.bad(&ItemError{Origin: name, Err: fmt.Errorf("%w: binary content", news.ErrNotArticle)})
				return nil
			default:
				dec = r.decodeText
			}
		}
	}
	werr := func(a news.Article) error {
		if err := ctx.Err(); err != nil {
			return stopErr{err}
		}
		if err := emit(a); err != nil {
			return stopErr{err}
		}
		return nil
	}
	err := dec(ctx, name, br, werr, r.bad)
	var s stopErr
	if errors.As(err, &s) {
		return s.err
	}
	if err != nil {
		var ie *ItemError
		if !errors.As(err, &ie) {
			err = &ItemError{Origin: name, Err: err}
		}
		r.bad(err)
	}
	return nil
}

func looksJSON(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	return len(head) > 0 && (head[0] == '{' || head[0] == '[')
}

// looksBinary reports whether head is empty or is not text: more than one
// byte in twenty a control character (NUL included; tab, line ends and form
// feed are text), or more than a third of it not UTF-8. A stray NUL or a
// few broken bytes in text (a legacy 8-bit encoding) are no reason to
// refuse a file: the bad lines, if any, are reported on their own.
func looksBinary(head []byte) bool {
	if len(head) == 0 {
		return true
	}
	bad, ctrl := 0, 0
	for i := 0; i < len(head); {
		c, n := utf8.DecodeRune(head[i:])
		if c == utf8.RuneError && n == 1 && !(i+utf8.UTFMax > len(head) && !utf8.FullRune(head[i:])) {
			bad++
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
		i += n
	}
	return ctrl*20 > len(head) || bad*3 > len(head)
}

// baseID is the file's base name without its extensions (".txt", ".jsonl.gz").
func baseID(name string) string {
	if name == "-" {
		return "stdin"
	}
	b := filepath.Base(name)
	for _, ext := range []string{".gz", ".jsonl", ".ndjson", ".json", ".txt", ".text", ".html", ".htm"} {
		if strings.HasSuffix(strings.ToLower(b), ext) && len(b) > len(ext) {
			b = b[:len(b)-len(ext)]
		}
	}
	return b
}
