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
	"sync"
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
// error that stopped it, if any; per-item problems go to bad. A Decoder may
// be called on several goroutines at once, for different files.
type Decoder func(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error

// Format is an input format that another package decodes.
type Format struct {
	// Exts are the lower-case file extensions that name the format, such
	// as ".html", without a gzip suffix.
	Exts []string
	// Sniff reports whether head, the first (up to 4096, decompressed)
	// bytes of content whose name says nothing, is of this format; nil
	// when the format is known by name only.
	Sniff func(head []byte) bool
	// Decode reads one file of the format.
	Decode Decoder
	// OwnGzip says that Decode takes gzipped content as it is and
	// decompresses it itself (a .warc.gz resynchronises at the next gzip
	// member after a damaged one, which one gzip stream cannot).
	OwnGzip bool
}

// Options configures a Reader. The zero value reads JSON lines and text.
type Options struct {
	// MaxLine caps one JSON line or one text file, in bytes; DefaultMaxLine when zero.
	MaxLine int
	// OnError receives every per-item error; when nil they are dropped
	// (Reader.Skipped still counts them). It is called on the goroutine
	// that called Read, in input order.
	OnError func(error)
	// Formats are the other formats read, by extension, or sniffed in
	// order for standard input and unknown extensions.
	Formats []Format
	// Workers is how many files are decoded at once (articles are still
	// emitted in input order, on the goroutine that called Read); one at a
	// time when zero or one.
	Workers int
	// Stdin is what "-" reads; os.Stdin when nil.
	Stdin io.Reader
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
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
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
//   - a missing or unreadable path, an empty file, binary content, a
//     broken symbolic link, a symbolic link to a directory (not followed)
//     or anything else in a directory that is not a regular file: one
//     error;
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
	items := r.inputs(paths)
	if r.opt.Workers > 1 && len(items) > 1 {
		return r.readParallel(ctx, items, emit)
	}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if it.err != nil {
			r.bad(it.err)
			continue
		}
		if err := r.readInput(ctx, it.path, emit, r.bad); err != nil {
			return err
		}
	}
	return nil
}

// input is one file to read, or the error that stands for one.
type input struct {
	path string
	err  error
}

// inputs lists the files that paths name, with errors in their place.
func (r *Reader) inputs(paths []string) []input {
	var items []input
	for _, p := range paths {
		if p == "-" {
			items = append(items, input{path: p})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			items = append(items, input{err: &ItemError{Origin: p, Err: pathErr(err)}})
			continue
		}
		if !st.IsDir() {
			items = append(items, input{path: p})
			continue
		}
		items = append(items, walk(p)...)
	}
	return items
}

func (r *Reader) readInput(ctx context.Context, path string, emit func(news.Article) error, bad func(error)) error {
	if path == "-" {
		return r.readStream(ctx, "-", "", r.opt.Stdin, false, emit, bad)
	}
	return r.readFile(ctx, path, emit, bad)
}

// readParallel reads items on Workers goroutines and emits their articles
// and errors in input order. Each file's articles wait in a small buffer,
// so memory stays bounded however large a file is.
func (r *Reader) readParallel(ctx context.Context, items []input, emit func(news.Article) error) error {
	type out struct {
		a   news.Article
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		it  input
		res chan out
	}
	jobs := make(chan job)
	order := make(chan chan out, r.opt.Workers)
	var wg sync.WaitGroup
	for range r.opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				send := func(o out) error {
					select {
					case j.res <- o:
						return nil
					case <-ctx.Done():
						return stopErr{ctx.Err()}
					}
				}
				if j.it.err != nil {
					send(out{err: j.it.err})
				} else {
					err := r.readInput(ctx, j.it.path, func(a news.Article) error { return send(out{a: a}) }, func(err error) { send(out{err: err}) })
					if err != nil && ctx.Err() == nil {
						send(out{err: stopErr{err}})
					}
				}
				close(j.res)
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for _, it := range items {
			res := make(chan out, 16)
			select {
			case order <- res:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{it, res}:
			case <-ctx.Done():
				close(res) // queued but never given to a worker
				return
			}
		}
	}()
	var err error
	for res := range order {
		for o := range res {
			if err != nil {
				continue
			}
			var s stopErr
			switch {
			case errors.As(o.err, &s):
				err = s.err
			case o.err != nil:
				r.bad(o.err)
			default:
				err = emit(o.a)
			}
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if err == nil {
		err = ctx.Err() // done before any result came back
	}
	return err
}

// walk lists the regular files under dir (following symbolic links to
// files, not to directories), skipping hidden names, in lexical order of
// their paths; what cannot be read (an unreadable directory, a broken
// symbolic link, a link to a directory, a device or pipe) comes first, as
// errors.
func walk(dir string) []input {
	var errs, files []input
	werr := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, input{err: &ItemError{Origin: path, Err: pathErr(err)}})
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
		case d.IsDir():
		case d.Type().IsRegular():
			files = append(files, input{path: path})
		case d.Type()&fs.ModeSymlink != 0:
			st, err := os.Stat(path)
			switch {
			case err != nil:
				errs = append(errs, input{err: &ItemError{Origin: path, Err: fmt.Errorf("broken symbolic link: %w", pathErr(err))}})
			case st.Mode().IsRegular():
				files = append(files, input{path: path})
			case st.IsDir():
				errs = append(errs, input{err: &ItemError{Origin: path, Err: errors.New("symbolic link to a directory, not followed")}})
			default:
				errs = append(errs, input{err: &ItemError{Origin: path, Err: fmt.Errorf("not a regular file (%v), skipped", st.Mode().Type())}})
			}
		default:
			errs = append(errs, input{err: &ItemError{Origin: path, Err: fmt.Errorf("not a regular file (%v), skipped", d.Type())}})
		}
		return nil
	})
	if werr != nil {
		errs = append(errs, input{err: &ItemError{Origin: dir, Err: pathErr(werr)}})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	return append(errs, files...)
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

func (r *Reader) readFile(ctx context.Context, path string, emit func(news.Article) error, bad func(error)) error {
	f, err := os.Open(path)
	if err != nil {
		bad(&ItemError{Origin: path, Err: pathErr(err)})
		return nil
	}
	defer f.Close()
	ext := strings.ToLower(filepath.Ext(path))
	gz := ext == ".gz"
	if gz {
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(path, filepath.Ext(path))))
	}
	return r.readStream(ctx, path, ext, f, gz, emit, bad)
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// readStream reads one file's content whose format is given by ext, or
// sniffed when ext says nothing. gz says the name promises gzip; gzip is
// also recognised by content, whatever the name, and the format of
// gzipped content whose name says nothing is sniffed inside it.
func (r *Reader) readStream(ctx context.Context, name, ext string, in io.Reader, gz bool, emit func(news.Article) error, bad func(error)) error {
	br := bufio.NewReaderSize(in, 64<<10)
	dec, own := r.byExt(ext)
	head, _ := br.Peek(2)
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		if dec == nil {
			dec, own = r.sniffFormat(gunzipHead(br))
		}
		if own {
			break // the decoder reads gzip itself
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			bad(&ItemError{Origin: name, Err: fmt.Errorf("gzip: %w", err)})
			return nil
		}
		defer zr.Close()
		br = bufio.NewReaderSize(gzipErrReader{zr}, 64<<10)
	case gz && len(head) > 0:
		bad(&ItemError{Origin: name, Err: errors.New("not gzip data, though the name ends in .gz")})
		return nil
	}
	if dec == nil {
		head, _ := br.Peek(sniffLen)
		dec, _ = r.sniffFormat(head)
		head = head[:min(len(head), 512)]
		if dec == nil {
			switch {
			case len(bytes.TrimSpace(head)) == 0 && len(head) < 512:
				if len(head) == 0 {
					bad(&ItemError{Origin: name, Err: news.ErrEmpty})
					return nil
				}
				dec = r.decodeText // blank so far: let the text decoder look at all of it
			case looksJSON(head):
				dec = r.decodeJSON
			case utf16BOM(head) != nil:
				dec = r.decodeText
			case looksBinary(head):
				bad(&ItemError{Origin: name, Err: fmt.Errorf("%w: binary content", news.ErrNotArticle)})
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
	err := dec(ctx, name, br, werr, bad)
	var s stopErr
	if errors.As(err, &s) {
		return s.err
	}
	if err != nil {
		var ie *ItemError
		if !errors.As(err, &ie) {
			err = &ItemError{Origin: name, Err: err}
		}
		bad(err)
	}
	return nil
}

// byExt returns the decoder that ext names, and whether it reads gzip
// itself; nil when ext names no format.
func (r *Reader) byExt(ext string) (Decoder, bool) {
	switch ext {
	case ".jsonl", ".ndjson", ".json":
		return r.decodeJSON, false
	case ".txt", ".text":
		return r.decodeText, false
	case "":
		return nil, false
	}
	for _, f := range r.opt.Formats {
		if slices.Contains(f.Exts, ext) {
			return f.Decode, f.OwnGzip
		}
	}
	return nil, false
}

// sniffFormat returns the decoder of the first format that recognises
// head, and whether it reads gzip itself; nil when none does.
func (r *Reader) sniffFormat(head []byte) (Decoder, bool) {
	for _, f := range r.opt.Formats {
		if f.Sniff != nil && f.Sniff(head) {
			return f.Decode, f.OwnGzip
		}
	}
	return nil, false
}

// sniffLen is how much of the start of a file the format sniffers see: a
// feed's prolog (comments, DOCTYPE) or an HTML page's head may be long.
const sniffLen = 4096

// gunzipHead returns the first decompressed bytes (up to sniffLen) of the
// gzipped content buffered in br, without consuming it.
func gunzipHead(br *bufio.Reader) []byte {
	buf, _ := br.Peek(br.Size())
	zr, err := gzip.NewReader(bytes.NewReader(buf))
	if err != nil {
		return nil
	}
	head := make([]byte, sniffLen)
	n, _ := io.ReadFull(zr, head)
	return head[:n]
}

// gzipErrReader names gzip errors (a truncated file) as such.
type gzipErrReader struct{ z *gzip.Reader }

func (g gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	if err != nil && err != io.EOF {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("gzip: truncated: %w", err)
		} else {
			err = fmt.Errorf("gzip: %w", err)
		}
	}
	return n, err
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

// BaseID is the fallback id of the articles of file name: its base name
// without the extensions of the formats read (".txt", ".jsonl.gz",
// ".html", ".warc.gz"), "stdin" for standard input. Every decoder builds
// its ids from it, so that one file gets the same ids in every command.
func BaseID(name string) string {
	if name == "-" {
		return "stdin"
	}
	b := filepath.Base(name)
	for _, ext := range []string{".gz", ".jsonl", ".ndjson", ".json", ".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".rdf", ".warc"} {
		if strings.HasSuffix(strings.ToLower(b), ext) && len(b) > len(ext) {
			b = b[:len(b)-len(ext)]
		}
	}
	return b
}
