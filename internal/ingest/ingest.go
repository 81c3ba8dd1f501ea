package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

// DefaultMaxLine is the longest JSON line (and the largest single text file)
// read when Options.MaxLine is zero.
const DefaultMaxLine = 64 << 20

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
	// Sniff picks a decoder for content whose extension says nothing
	// (standard input, unknown extensions) from its first bytes; nil means
	// JSON lines when it starts with '{', else text.
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
// walked recursively in lexical order, hidden files skipped) and calls emit
// for each article. It stops early only when ctx is done or emit returns an
// error, and returns that error; unreadable items are reported through
// Options.OnError and counted in Skipped.
func (r *Reader) Read(ctx context.Context, paths []string, emit func(news.Article) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := r.readStream(ctx, "-", "", os.Stdin, emit); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			r.bad(&ItemError{Origin: p, Err: err})
			continue
		}
		if !st.IsDir() {
			if err := r.readFile(ctx, p, emit); err != nil {
				return err
			}
			continue
		}
		var files []string
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				r.bad(&ItemError{Origin: path, Err: err})
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if werr != nil {
			r.bad(&ItemError{Origin: p, Err: werr})
		}
		sort.Strings(files)
		for _, f := range files {
			if err := r.readFile(ctx, f, emit); err != nil {
				return err
			}
		}
	}
	return nil
}

// stopErr wraps an error from emit or ctx so that it is returned rather than
// reported as a bad item.
type stopErr struct{ err error }

func (s stopErr) Error() string { return s.err.Error() }

func (r *Reader) readFile(ctx context.Context, path string, emit func(news.Article) error) error {
	f, err := os.Open(path)
	if err != nil {
		r.bad(&ItemError{Origin: path, Err: err})
		return nil
	}
	defer f.Close()
	ext := strings.ToLower(filepath.Ext(path))
	var in io.Reader = f
	if ext == ".gz" {
		zr, err := gzip.NewReader(f)
		if err != nil {
			r.bad(&ItemError{Origin: path, Err: fmt.Errorf("gzip: %w", err)})
			return nil
		}
		defer zr.Close()
		in = zr
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(path, filepath.Ext(path))))
	}
	return r.readStream(ctx, path, ext, in, emit)
}

// readStream reads one file's content whose format is given by ext, or
// sniffed when ext says nothing.
func (r *Reader) readStream(ctx context.Context, name, ext string, in io.Reader, emit func(news.Article) error) error {
	br := bufio.NewReaderSize(in, 64<<10)
	var dec Decoder
	switch ext {
	case ".jsonl", ".ndjson", ".json":
		dec = r.decodeJSONL
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
			case looksJSON(head):
				dec = r.decodeJSONL
			case looksBinary(head):
				if len(head) == 0 {
					r.bad(&ItemError{Origin: name, Err: news.ErrEmpty})
				} else {
					r.bad(&ItemError{Origin: name, Err: fmt.Errorf("%w: binary content", news.ErrNotArticle)})
				}
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
		r.bad(&ItemError{Origin: name, Err: err})
	}
	return nil
}

func looksJSON(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	return len(head) > 0 && head[0] == '{'
}

// looksBinary reports whether head is empty or holds NUL bytes or is mostly
// not UTF-8: no article text.
func looksBinary(head []byte) bool {
	if len(head) == 0 {
		return true
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		c, n := utf8.DecodeRune(head[i:])
		if c == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	return bad*10 > len(head) // tolerate some broken bytes, refuse mostly-binary data
}

// jsonArticle is the JSON lines record.
type jsonArticle struct {
	ID        *json.RawMessage `json:"id"`
	Source    string           `json:"source"`
	URL       string           `json:"url"`
	Title     string           `json:"title"`
	Published string           `json:"published"`
	Author    string           `json:"author"`
	Language  string           `json:"language"`
	Text      *string          `json:"text"`
}

func (r *Reader) decodeJSONL(ctx context.Context, name string, in io.Reader, emit func(news.Article) error, bad func(error)) error {
	br, ok := in.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(in, 64<<10)
	}
	base := baseID(name)
	var buf []byte
	for line := 1; ; line++ {
		var tooLong bool
		var err error
		buf, tooLong, err = readLine(br, buf[:0], r.opt.MaxLine)
		if len(bytes.TrimSpace(buf)) == 0 && !tooLong {
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("line %d: %w", line, err)
			}
			continue
		}
		switch {
		case tooLong:
			bad(&ItemError{Origin: name, Line: line, Err: fmt.Errorf("line longer than %d bytes, skipped", r.opt.MaxLine)})
		case err != nil && err != io.EOF:
			// A truncated gzip or a read error: the partial line is not trusted.
			return fmt.Errorf("line %d: %w", line, err)
		default:
			a, perr := parseJSONArticle(buf)
			if perr != nil {
				bad(&ItemError{Origin: name, Line: line, Err: perr})
				break
			}
			if a.ID == "" {
				a.ID = fmt.Sprintf("%s:%d", base, line)
			}
			a.Origin = fmt.Sprintf("%s:%d", name, line)
			if e := emit(a); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine appends the next line (without its newline) to buf. When the line
// is longer than max it is consumed without being kept and tooLong is set.
func readLine(br *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil {
			buf = bytes.TrimSuffix(buf, []byte("\n"))
		}
		return buf, tooLong, err
	}
}

func parseJSONArticle(b []byte) (news.Article, error) {
	var j jsonArticle
	if err := json.Unmarshal(b, &j); err != nil {
		return news.Article{}, fmt.Errorf("malformed JSON: %w", err)
	}
	if j.Text == nil {
		return news.Article{}, errors.New(`no "text" field`)
	}
	a := news.Article{
		Source:   j.Source,
		URL:      j.URL,
		Title:    j.Title,
		Author:   j.Author,
		Language: j.Language,
		Text:     strings.ToValidUTF8(*j.Text, "\uFFFD"),
	}
	if j.ID != nil {
		var s string
		if err := json.Unmarshal(*j.ID, &s); err == nil {
			a.ID = s
		} else {
			a.ID = strings.TrimSpace(string(*j.ID)) // numeric ids
		}
	}
	if j.Published != "" {
		t, err := ParseTime(j.Published)
		if err == nil {
			a.Published = t
		}
	}
	return a, nil
}

// timeLayouts are the date formats accepted in metadata, most specific first.
var timeLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"1/2/06",
	"1/2/2006",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
}

// ParseTime parses a metadata date in one of the common formats.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", s)
}

func (r *Reader) decodeText(ctx context.Context, name string, in io.Reader, emit func(news.Article) error, bad func(error)) error {
	b, err := io.ReadAll(io.LimitReader(in, int64(r.opt.MaxLine)+1))
	if err != nil {
		return err
	}
	if len(b) > r.opt.MaxLine {
		return fmt.Errorf("text file larger than %d bytes", r.opt.MaxLine)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return news.ErrEmpty
	}
	if looksBinary(b[:min(len(b), 4096)]) {
		return fmt.Errorf("%w: binary content", news.ErrNotArticle)
	}
	return emit(news.Article{
		ID:     baseID(name),
		Text:   strings.ToValidUTF8(string(b), "\uFFFD"),
		Origin: name,
	})
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
