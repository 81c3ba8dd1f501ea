package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/parallax-news/parallax/internal/news"
)

// decodeText reads a whole file as one raw article (the clean stage finds
// its title, dates and body). UTF-16 with a byte-order mark is decoded;
// text with no valid multi-byte UTF-8 sequence but bytes above 0x7f is read
// as Windows-1252 (the usual legacy encoding of scraped English text);
// otherwise broken UTF-8 becomes U+FFFD.
func (r *Reader) decodeText(ctx context.Context, name string, in io.Reader, emit func(news.Article) error, bad func(error)) error {
	b, err := io.ReadAll(io.LimitReader(in, int64(r.opt.MaxLine)+1))
	if err != nil {
		return fmt.Errorf("read broken off after %d bytes, file skipped: %w", len(b), err)
	}
	if len(b) > r.opt.MaxLine {
		return fmt.Errorf("text file larger than %d bytes, skipped", r.opt.MaxLine)
	}
	if enc := utf16BOM(b); enc != nil {
		d, err := enc.NewDecoder().Bytes(b)
		if err != nil {
			return fmt.Errorf("bad UTF-16: %w", err)
		}
		b = d
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return news.ErrEmpty
	}
	if looksBinary(b[:min(len(b), 4096)]) {
		return fmt.Errorf("%w: binary content", news.ErrNotArticle)
	}
	text := decodeLegacy(b)
	if strings.IndexByte(text, 0) >= 0 {
		text = strings.ReplaceAll(text, "\x00", "") // padding, not text
	}
	if strings.TrimSpace(text) == "" { // blank once decoded (no-break spaces)
		return news.ErrEmpty
	}
	return emit(news.Article{
		ID:     BaseID(name),
		Text:   text,
		Origin: name,
	})
}

// decodeLegacy returns b as UTF-8 text: as is when valid, decoded from
// Windows-1252 when it has no valid multi-byte UTF-8 sequence at all, else
// with each broken sequence replaced by U+FFFD.
func decodeLegacy(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	multi := false
	for i := 0; i < len(b); {
		c, n := utf8.DecodeRune(b[i:])
		if n > 1 && c != utf8.RuneError {
			multi = true
			break
		}
		i += n
	}
	if !multi {
		if d, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil {
			return string(d)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// utf16BOM returns the UTF-16 encoding that b's byte-order mark announces,
// or nil.
func utf16BOM(b []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	return nil
}
