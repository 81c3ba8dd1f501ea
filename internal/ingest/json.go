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
// line on its own: a bad line is reported and the next one read), or, when
// the content starts with '[' or its first line is not a whole JSON value,
// a JSON array of articles or a stream of (pretty-printed) objects.
func (r *Reader) decodeJSON(ctx context.Context, name string, in io.Reader, emit func(news.Article) error, bad func(error)) error {
	br, ok := in.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(in, 64<<10)
	}
	head, _ := br.Peek(4096)
	if bytes.IndexByte(head, 0) >= 0 {
		return fmt.Errorf("%w: binary content", news.ErrNotArticle)
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '[' {
		return r.decodeJSONStream(name, br, true, emit, bad)
	}
	if i := bytes.IndexByte(trimmed, '\n'); i >= 0 && string(bytes.TrimSpace(trimmed[:i])) == "{" {
		// An object spread over lines ("{" alone on the first line): not
		// JSON lines but pretty-printed objects.
		return r.decodeJSONStream(name, br, false, emit, bad)
	}
	return r.decodeJSONL(name, br, emit, bad)
}

func (r *Reader) decodeJSONL(name string, br *bufio.Reader, emit func(news.Article) error, bad func(error)) error {
	base := baseID(name)
	var buf []byte
	good, errs, nonBlank := 0, 0, 0
	for line := 1; ; line++ {
		var tooLong bool
		var err error
		buf, tooLong, err = readLine(br, buf[:0], r.opt.MaxLine)
		if line == 1 {
			buf = bytes.TrimPrefix(buf, []byte("\ufeff"))
		}
		if tooLong && cap(buf) > 1<<20 {
			buf = nil // do not keep a huge buffer for the lines after
		}
		blank := len(bytes.TrimSpace(buf)) == 0 && !tooLong
		if !blank {
			nonBlank++
		}
		switch {
		case err != nil && err != io.EOF:
			// A truncated gzip or a read error: the partial line is not trusted.
			return &ItemError{Origin: name, Line: line, Err: fmt.Errorf("input broken off inside this line, the lines before it were read: %w", err)}
		case blank:
		case tooLong:
			errs++
			bad(&ItemError{Origin: name, Line: line, Err: fmt.Errorf("line longer than %d bytes, skipped", r.opt.MaxLine)})
		default:
			a, perr := parseJSONArticle(buf)
			if perr != nil {
				errs++
				bad(&ItemError{Origin: name, Line: line, Err: perr})
				break
			}
			good++
			if a.ID == "" {
				a.ID = fmt.Sprintf("%s:%d", base, line)
			}
			a.Origin = fmt.Sprintf("%s:%d", name, line)
			if e := emit(a); e != nil {
				return e
			}
		}
		if err == io.EOF {
			if nonBlank == 0 {
				return news.ErrEmpty
			}
			return nil
		}
		if good == 0 && errs >= maxBadHead {
			return &ItemError{Origin: name, Line: line, Err: fmt.Errorf("%w: the first %d lines are not JSON articles, rest of file skipped", news.ErrNotArticle, errs)}
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

// lineCounter counts the newlines of what is read through it, to turn a
// byte offset back into a line number.
type lineCounter struct {
	r   io.Reader
	off int64
	nl  []int64 // offsets of the newlines read so far
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		if j < 0 {
			break
		}
		c.nl = append(c.nl, c.off+int64(i+j))
		i += j + 1
	}
	c.off += int64(n)
	return n, err
}

// line returns the 1-based line of byte offset off.
func (c *lineCounter) line(off int64) int {
	return sort.Search(len(c.nl), func(i int) bool { return c.nl[i] >= off }) + 1
}

// decodeJSONStream reads a JSON array of articles, or (array false) a
// stream of JSON objects that may span lines. A syntax error ends the file
// (there is no line to resynchronise on); an element of the wrong shape is
// reported and skipped.
func (r *Reader) decodeJSONStream(name string, br *bufio.Reader, array bool, emit func(news.Article) error, bad func(error)) error {
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	lc := &lineCounter{r: br}
	dec := json.NewDecoder(lc)
	base := baseID(name)
	at := func() int { return lc.line(dec.InputOffset()) }
	if array {
		if _, err := dec.Token(); err != nil { // the '[' seen by decodeJSON
			return &ItemError{Origin: name, Line: at(), Err: fmt.Errorf("malformed JSON: %w", err)}
		}
	}
	n := 0
	for {
		if array && !dec.More() {
			break
		}
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if !array && err == io.EOF {
			break
		}
		if err != nil {
			line := at()
			var se *json.SyntaxError
			if errors.As(err, &se) {
				line = lc.line(se.Offset - 1)
			}
			return &ItemError{Origin: name, Line: line, Err: fmt.Errorf("malformed JSON after %d article(s), rest of file skipped: %w", n, err)}
		}
		n++
		line := lc.line(dec.InputOffset() - int64(len(raw)))
		if len(raw) > r.opt.MaxLine {
			bad(&ItemError{Origin: name, Line: line, Err: fmt.Errorf("article %d longer than %d bytes, skipped", n, r.opt.MaxLine)})
			continue
		}
		a, perr := parseJSONArticle(raw)
		if perr != nil {
			bad(&ItemError{Origin: name, Line: line, Err: fmt.Errorf("article %d: %w", n, perr)})
			continue
		}
		if a.ID == "" {
			a.ID = fmt.Sprintf("%s:%d", base, n)
		}
		a.Origin = fmt.Sprintf("%s:%d", name, line)
		if err := emit(a); err != nil {
			return err
		}
	}
	if array {
		if _, err := dec.Token(); err != nil {
			return &ItemError{Origin: name, Line: at(), Err: fmt.Errorf("JSON array not closed: %w", err)}
		}
	}
	if n == 0 {
		return news.ErrEmpty
	}
	return nil
}
