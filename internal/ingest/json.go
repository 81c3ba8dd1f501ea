package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

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

// looseArticle is the record read again when a field has an unexpected type
// (a number for a title, a Unix time for published): every field but text
// takes any JSON value.
type looseArticle struct {
	ID        *json.RawMessage `json:"id"`
	Source    looseString      `json:"source"`
	URL       looseString      `json:"url"`
	Title     looseString      `json:"title"`
	Published looseString      `json:"published"`
	Author    looseString      `json:"author"`
	Language  looseString      `json:"language"`
	Text      json.RawMessage  `json:"text"`
}

// looseString takes a JSON string as is, a number as its literal, and
// anything else (null, objects, arrays, booleans) as "".
type looseString string

func (s *looseString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) > 0 && b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = looseString(v)
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*s = looseString(b)
	}
	return nil
}

// decodeJSON reads JSON articles: JSON lines (one object per line, each
// line on its own: a bad line is reported and the next one read), with
// whatever else is usual in .json files mixed in: a JSON array of articles
// (on one line or many), objects pretty-printed over several lines. A
// line that starts a JSON value ('{' or '[') without ending it is read on
// with the next lines until the value ends. When such a value turns out
// broken, it is reported once and reading resumes where it broke: the
// whole lines it had swallowed are read again, one by one, so that a cut
// line ("{" alone, a line broken off before its end) loses no good line
// after it.
func (r *Reader) decodeJSON(ctx context.Context, name string, in io.Reader, emit func(news.Article) error, bad func(error)) error {
	br, ok := in.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(in, 64<<10)
	}
	head, _ := br.Peek(4096)
	if looksBinary(head) && len(head) > 0 {
		return fmt.Errorf("%w: binary content", news.ErrNotArticle)
	}
	if loneCR(head) {
		// Classic Mac line ends: a raw CR cannot occur inside a JSON value,
		// so every CR is a line end.
		br = bufio.NewReaderSize(&crReader{r: br}, 64<<10)
	}
	f := &jsonFile{r: r, name: name, base: BaseID(name), br: br, emit: emit, bad: bad}
	return f.read()
}

// loneCR reports whether the first line end in head is a CR not followed
// by LF.
func loneCR(head []byte) bool {
	i := bytes.IndexAny(head, "\r\n")
	return i >= 0 && head[i] == '\r' && i+1 < len(head) && head[i+1] != '\n'
}

// crReader turns CR and CRLF line ends into LF.
type crReader struct {
	r      io.Reader
	prevCR bool
}

func (c *crReader) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		w := 0
		for _, b := range p[:n] {
			switch {
			case b == '\r':
				p[w], c.prevCR = '\n', true
				w++
			case b == '\n' && c.prevCR:
				c.prevCR = false
			default:
				p[w], c.prevCR = b, false
				w++
			}
		}
		if w > 0 || err != nil || n == 0 {
			return w, err
		}
	}
}

// jsonLine is one line of a JSON file.
type jsonLine struct {
	no      int
	b       []byte
	tooLong bool
	// quiet marks a line read again after a broken value that held it: it
	// is emitted when it is a whole article by itself, reported when it is
	// a whole JSON value that is no article, else dropped without a report
	// (it is a piece of the broken value, which was reported).
	quiet bool
	// resumed marks the line where a broken value broke, read again: it is
	// read as usual, but not reported when it is bad by itself (the broken
	// value was).
	resumed bool
}

// jsonFile reads one JSON file.
type jsonFile struct {
	r          *Reader
	name, base string
	br         *bufio.Reader
	emit       func(news.Article) error
	bad        func(error)

	buf     []byte     // line buffer for br
	scratch []byte     // for building origins
	lineNo  int        // lines read from br so far
	eof     bool       // br is at its end
	fatal   error      // the read error that ended br, as an *ItemError
	again   []jsonLine // lines to read before br's next ones

	good, errs, nonBlank int
	elems                int  // array elements so far: their fallback id
	remnant              bool // after a broken value: skip lines of closing brackets
}

// next returns the next line, from again first, then from br. It reports
// false at the end of the input or after a read error (f.fatal).
func (f *jsonFile) next() (jsonLine, bool) {
	if len(f.again) > 0 {
		l := f.again[0]
		f.again = f.again[1:]
		return l, true
	}
	if f.eof || f.fatal != nil {
		return jsonLine{}, false
	}
	var tooLong bool
	var err error
	f.buf, tooLong, err = readLine(f.br, f.buf[:0], f.r.opt.MaxLine)
	f.lineNo++
	if f.lineNo == 1 {
		f.buf = bytes.TrimPrefix(f.buf, []byte("\ufeff"))
	}
	if tooLong && cap(f.buf) > 1<<20 {
		f.buf = nil // do not keep a huge buffer for the lines after
	}
	switch {
	case err == io.EOF:
		f.eof = true
		if len(f.buf) == 0 && !tooLong {
			return jsonLine{}, false
		}
	case err != nil:
		// A truncated gzip or a read error: the partial line is not trusted.
		f.fatal = &ItemError{Origin: f.name, Line: f.lineNo, Err: fmt.Errorf("input broken off inside this line, the lines before it were read: %w", err)}
		return jsonLine{}, false
	}
	return jsonLine{no: f.lineNo, b: f.buf, tooLong: tooLong}, true
}

func (f *jsonFile) read() error {
	for {
		l, ok := f.next()
		if !ok {
			break
		}
		if err := f.line(l); err != nil {
			return err
		}
		if f.good == 0 && f.errs >= maxBadHead {
			return &ItemError{Origin: f.name, Line: l.no, Err: fmt.Errorf("%w: the first %d lines are not JSON articles, rest of file skipped", news.ErrNotArticle, f.errs)}
		}
	}
	if f.fatal != nil {
		return f.fatal
	}
	if f.nonBlank == 0 {
		return news.ErrEmpty
	}
	return nil
}

func (f *jsonFile) report(line int, err error) {
	f.errs++
	f.bad(&ItemError{Origin: f.name, Line: line, Err: err})
}

// line reads one line: an article, a bad line, or the start of a value
// that goes on over the next lines.
func (f *jsonFile) line(l jsonLine) error {
	trimmed := bytes.TrimSpace(l.b)
	if len(trimmed) == 0 && !l.tooLong {
		return nil
	}
	f.nonBlank++
	if l.quiet {
		if l.tooLong {
			return nil
		}
		a, err := parseJSONArticle(l.b)
		switch {
		case err == nil:
			return f.article(a, l.no, l.no)
		case json.Valid(l.b):
			f.report(l.no, err) // a whole JSON value, though not an article
		}
		return nil
	}
	if f.remnant && !l.resumed {
		if !l.tooLong && len(bytes.Trim(trimmed, "]}, \t")) == 0 {
			return nil // the closing brackets of the broken value
		}
		f.remnant = false
	}
	if l.tooLong {
		f.report(l.no, fmt.Errorf("line longer than %d bytes, skipped", f.r.opt.MaxLine))
		return nil
	}
	a, perr := parseJSONArticle(l.b)
	if perr == nil {
		return f.article(a, l.no, l.no)
	}
	if trimmed[0] == '[' || trimmed[0] == '{' && incomplete(trimmed) {
		return f.value(l)
	}
	if !l.resumed {
		f.report(l.no, perr)
	}
	return nil
}

// article emits a, which starts on line; id is its number for a fallback
// id (its line, or its number among the file's array elements).
func (f *jsonFile) article(a news.Article, id, line int) error {
	f.good++
	if a.ID == "" {
		a.ID = f.base + ":" + strconv.Itoa(id)
	}
	f.scratch = strconv.AppendInt(append(append(f.scratch[:0], f.name...), ':'), int64(line), 10)
	a.Origin = string(f.scratch)
	return f.emit(a)
}

// incomplete reports whether b is the start of a JSON value cut short: it
// has no syntax error before its end.
func incomplete(b []byte) bool {
	var raw json.RawMessage
	return json.NewDecoder(bytes.NewReader(b)).Decode(&raw) == io.ErrUnexpectedEOF
}

// value reads a JSON value that starts on line first and may go on over
// the next lines: an array of articles (each element an article, streamed
// one at a time) or one article object.
func (f *jsonFile) value(first jsonLine) error {
	fd := &feeder{f: f}
	fd.add(first)
	first = fd.lines[0] // a copy: first.b is the line buffer, read over next
	dec := json.NewDecoder(fd)
	if bytes.TrimSpace(first.b)[0] != '[' {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return f.broken(fd, err, first.no, first.no+1, false, func(at string) error {
				return malformed(first.b, fmt.Errorf("%w%s", jsonErr(err), at))
			})
		}
		a, perr := parseJSONArticle(raw)
		if perr != nil {
			f.report(first.no, perr)
		} else if err := f.article(a, first.no, first.no); err != nil {
			return err
		}
		return f.rest(fd, dec)
	}
	dec.Token() // the '['
	n := 0
	from := first.no + 1 // the first line a broken element may have swallowed whole
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return f.broken(fd, err, first.no, from, true, func(at string) error {
				return fmt.Errorf("malformed JSON in the array from line %d after %d article(s): %w%s", first.no, n, jsonErr(err), at)
			})
		}
		n++
		end := dec.InputOffset()
		line := fd.lineAt(end - int64(len(raw)))
		from = fd.lineAt(end) + 1
		fd.drop(from)
		if len(raw) > f.r.opt.MaxLine {
			f.report(line, fmt.Errorf("article %d longer than %d bytes, skipped", n, f.r.opt.MaxLine))
			continue
		}
		a, perr := parseJSONArticle(raw)
		if perr != nil {
			f.report(line, fmt.Errorf("article %d: %w", n, perr))
			continue
		}
		f.elems++
		if err := f.article(a, f.elems, line); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the ']'
		return f.broken(fd, err, first.no, from, true, func(at string) error {
			return fmt.Errorf("JSON array from line %d not closed after %d article(s): %w%s", first.no, n, jsonErr(err), at)
		})
	}
	return f.rest(fd, dec)
}

// jsonErr names the end of the input inside a value as encoding/json does
// for a single line.
func jsonErr(err error) error {
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return errors.New("unexpected end of JSON input")
	}
	return err
}

// rest puts back what followed the value on its last line.
func (f *jsonFile) rest(fd *feeder, dec *json.Decoder) error {
	if f.fatal != nil {
		return f.fatal
	}
	rest, _ := io.ReadAll(dec.Buffered())
	rest = append(rest, fd.pending...)
	if len(bytes.TrimSpace(rest)) > 0 {
		f.again = append([]jsonLine{{no: fd.lineAt(dec.InputOffset()), b: rest}}, f.again...)
	}
	return nil
}

// broken reports a broken value that started on line start and puts back
// the lines it held. The feeder gives the decoder one line at a time, so a
// syntax error lies in the last line fed: the whole lines before it, from
// line from on, are read again quietly (an article among them is kept),
// and the line where it broke is read again as a line of its own (it may
// start the next value) unless it is the value's first line.
func (f *jsonFile) broken(fd *feeder, err error, start, from int, array bool, msg func(at string) error) error {
	if f.fatal != nil {
		return f.fatal
	}
	var tl errTooLong
	if errors.As(err, &tl) {
		f.report(start, fmt.Errorf("JSON value longer than %d bytes, skipped", f.r.opt.MaxLine))
		f.remnant = true
		return nil
	}
	at := len(fd.lines) // broken at the end of the input: no line to read again as usual
	var se *json.SyntaxError
	if errors.As(err, &se) {
		at = len(fd.lines) - 1
	}
	reportLine, where := start, ""
	if at < len(fd.lines) {
		if array {
			reportLine = fd.lines[at].no // an array: the element broke there
		} else if fd.lines[at].no != start {
			where = fmt.Sprintf(" (line %d)", fd.lines[at].no)
		}
	}
	f.errs++
	f.bad(&ItemError{Origin: f.name, Line: reportLine, Err: msg(where)})
	var back []jsonLine
	for i, l := range fd.lines {
		switch {
		case l.no < from || i > at:
		case i < at:
			l.quiet = true
			back = append(back, l)
		case l.no != start:
			l.resumed = true
			back = append(back, l)
		}
	}
	f.again = append(back, f.again...)
	f.remnant = true
	return nil
}

// errTooLong is the feeder's error for a value over MaxLine.
type errTooLong struct{}

func (errTooLong) Error() string { return "value too long" }

// feeder gives a json.Decoder the lines of a value one at a time (so that
// the decoder never reads past the line where the value ends) and keeps
// them, with their offsets in the decoder's input, to read them again
// when the value turns out broken.
type feeder struct {
	f       *jsonFile
	lines   []jsonLine // the lines fed, copied
	starts  []int64    // decoder offset of each line
	off     int64      // bytes fed so far
	pending []byte     // the rest of the last line, not yet fed
	limit   int64      // offset the current element started at, for MaxLine
}

func (fd *feeder) add(l jsonLine) {
	l.b = bytes.Clone(l.b)
	l.quiet, l.resumed = false, false
	fd.lines = append(fd.lines, l)
	fd.starts = append(fd.starts, fd.off)
	fd.pending = append(append(fd.pending[:0], l.b...), '\n')
}

func (fd *feeder) Read(p []byte) (int, error) {
	for len(fd.pending) == 0 {
		if fd.off-fd.limit > int64(fd.f.r.opt.MaxLine) {
			return 0, errTooLong{}
		}
		l, ok := fd.f.next()
		if !ok {
			if fd.f.fatal != nil {
				return 0, fd.f.fatal
			}
			return 0, io.EOF
		}
		if l.tooLong {
			return 0, errTooLong{}
		}
		fd.add(l)
	}
	n := copy(p, fd.pending)
	fd.pending = fd.pending[n:]
	fd.off += int64(n)
	return n, nil
}

// index returns the index of the fed line that holds offset off.
func (fd *feeder) index(off int64) int {
	i := sort.Search(len(fd.starts), func(i int) bool { return fd.starts[i] > off }) - 1
	return max(i, 0)
}

// lineAt returns the line number of offset off.
func (fd *feeder) lineAt(off int64) int { return fd.lines[fd.index(off)].no }

// drop forgets the lines before line from (an array's elements read so
// far) and starts the MaxLine count of the next element.
func (fd *feeder) drop(from int) {
	i := 0
	for i < len(fd.lines)-1 && fd.lines[i].no < from {
		i++
	}
	fd.lines, fd.starts = fd.lines[i:], fd.starts[i:]
	fd.limit = fd.off
}

// readLine appends the next line (without its newline) to buf. When the line
// is longer than max it is consumed without being kept and tooLong is set.
func readLine(br *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max {
				tooLong, buf = true, nil // let the partial line's memory go now
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil {
			buf = bytes.TrimSuffix(buf, []byte("\n"))
			buf = bytes.TrimSuffix(buf, []byte("\r"))
		}
		return buf, tooLong, err
	}
}

func parseJSONArticle(b []byte) (news.Article, error) {
	if f, ok := parseFast(b); ok {
		if !f.hasText {
			return news.Article{}, errors.New(`no "text" field`)
		}
		var id *json.RawMessage
		if f.id != nil {
			raw := json.RawMessage(f.id)
			id = &raw
		}
		return newArticle(id, f.source, f.url, f.title, f.author, f.language, f.published, f.text)
	}
	return parseJSONArticleStd(b)
}

// parseJSONArticleStd is parseJSONArticle on encoding/json alone: the
// reference for the fast path, and the path for everything unusual.
func parseJSONArticleStd(b []byte) (news.Article, error) {
	var j jsonArticle
	err := json.Unmarshal(b, &j)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return parseLooseArticle(b)
	}
	if err != nil {
		return news.Article{}, malformed(b, err)
	}
	if j.Text == nil {
		return news.Article{}, errors.New(`no "text" field`)
	}
	return newArticle(j.ID, j.Source, j.URL, j.Title, j.Author, j.Language, j.Published, *j.Text)
}

// malformed describes a line that is not JSON, with its first bytes.
func malformed(b []byte, err error) error {
	head := bytes.TrimSpace(b)
	if len(head) > 40 {
		head = append(bytes.Clone(head[:40]), "…"...)
	}
	return fmt.Errorf("malformed JSON (%q): %w", head, err)
}

func parseLooseArticle(b []byte) (news.Article, error) {
	var j looseArticle
	if err := json.Unmarshal(b, &j); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field == "" {
				return news.Article{}, fmt.Errorf("%w: a JSON %s, not an object", news.ErrNotArticle, te.Value)
			}
			return news.Article{}, fmt.Errorf("%w: field %q holds a JSON %s", news.ErrNotArticle, te.Field, te.Value)
		}
		return news.Article{}, malformed(b, err)
	}
	if len(j.Text) == 0 || string(j.Text) == "null" {
		return news.Article{}, errors.New(`no "text" field`)
	}
	var text string
	if err := json.Unmarshal(j.Text, &text); err != nil {
		return news.Article{}, fmt.Errorf(`"text" is not a string`)
	}
	return newArticle(j.ID, string(j.Source), string(j.URL), string(j.Title), string(j.Author), string(j.Language), string(j.Published), text)
}

func newArticle(id *json.RawMessage, source, url, title, author, lang, published, text string) (news.Article, error) {
	// A blank text is passed on: the clean stage reports it as news.ErrEmpty,
	// and commands that must account for every id (cluster) still see it.
	// The strings are valid UTF-8: encoding/json replaces broken bytes with
	// U+FFFD and the fast path refuses them.
	a := news.Article{Source: source, URL: url, Title: title, Author: author, Language: lang, Text: text}
	if id != nil {
		var s string
		if err := json.Unmarshal(*id, &s); err == nil {
			a.ID = s
		} else if raw := strings.TrimSpace(string(*id)); raw != "null" {
			a.ID = raw // numeric ids
		}
	}
	if published != "" {
		if t, ok := news.ParseTime(published); ok {
			a.Published = t
		} else if t, ok := unixTime(published); ok {
			a.Published = t
		}
	}
	return a, nil
}

// unixTime reads a Unix time in seconds, or milliseconds when it is too
// large to be seconds.
func unixTime(s string) (time.Time, bool) {
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	if n > 1e11 {
		n /= 1000
	}
	if n > 4e9 {
		return time.Time{}, false
	}
	sec := int64(n)
	return time.Unix(sec, int64((n-float64(sec))*1e9)).UTC(), true
}
