package ingest

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// fastFields are the values of one flat JSON article object.
type fastFields struct {
	id                                              []byte // the raw id value (a JSON string or number), nil when absent
	source, url, title, published, author, language string
	text                                            string
	hasText                                         bool
}

// parseFast reads the common shape of a corpus line: one JSON object whose
// values are strings, numbers, true, false or null, with the known keys
// matched without regard to case as encoding/json does and the last of
// duplicated keys winning. It returns ok false for anything else
// (malformed input, nested values, invalid UTF-8, a text that is not a
// string, unusual escapes) and the caller falls back to encoding/json, so
// every error message still comes from there. It exists because
// encoding/json was 40% of the cost of reading the scale corpus.
func parseFast(b []byte) (f fastFields, ok bool) {
	i := skipWS(b, 0)
	if i >= len(b) || b[i] != '{' {
		return f, false
	}
	i = skipWS(b, i+1)
	if i < len(b) && b[i] == '}' {
		return f, skipWS(b, i+1) == len(b)
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return f, false
		}
		key, next, ok := parseString(b, i)
		if !ok {
			return f, false
		}
		i = skipWS(b, next)
		if i >= len(b) || b[i] != ':' {
			return f, false
		}
		i = skipWS(b, i+1)
		if i >= len(b) {
			return f, false
		}
		var val string
		isString := b[i] == '"'
		start := i
		if isString {
			val, i, ok = parseString(b, i)
		} else {
			i, ok = skipLiteral(b, i)
		}
		if !ok {
			return f, false
		}
		raw := b[start:i]
		null := !isString && string(raw) == "null"
		switch {
		case strings.EqualFold(key, "text"):
			if null {
				f.text, f.hasText = "", false
			} else if !isString {
				return f, false // a number or boolean: let encoding/json say so
			} else {
				f.text, f.hasText = val, true
			}
		case strings.EqualFold(key, "id"):
			f.id = nil
			if !null {
				if !isString && !isNumber(raw) {
					return f, false
				}
				f.id = raw
			}
		case strings.EqualFold(key, "source"), strings.EqualFold(key, "url"), strings.EqualFold(key, "title"),
			strings.EqualFold(key, "published"), strings.EqualFold(key, "author"), strings.EqualFold(key, "language"):
			if !isString && !null {
				return f, false // another type: the lenient path decides
			}
			if isString {
				switch strings.ToLower(key) {
				case "source":
					f.source = val
				case "url":
					f.url = val
				case "title":
					f.title = val
				case "published":
					f.published = val
				case "author":
					f.author = val
				case "language":
					f.language = val
				}
			}
		}
		i = skipWS(b, i)
		if i >= len(b) {
			return f, false
		}
		if b[i] == '}' {
			return f, skipWS(b, i+1) == len(b)
		}
		if b[i] != ',' {
			return f, false
		}
		i = skipWS(b, i+1)
	}
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipLiteral skips a number, true, false or null starting at i.
func skipLiteral(b []byte, i int) (int, bool) {
	for _, lit := range []string{"true", "false", "null"} {
		if bytes.HasPrefix(b[i:], []byte(lit)) {
			return i + len(lit), true
		}
	}
	j := i
	for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == '-' || b[j] == '+' || b[j] == '.' || b[j] == 'e' || b[j] == 'E') {
		j++
	}
	if j == i || !isNumber(b[i:j]) {
		return i, false
	}
	return j, true
}

// isNumber reports whether b is a JSON number.
func isNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	return i == len(b)
}

// parseString reads the JSON string starting with the quote at b[i] and
// returns its value and the index after the closing quote. It refuses
// control characters, invalid UTF-8 and lone surrogates (encoding/json
// would replace them; the fallback does).
func parseString(b []byte, i int) (string, int, bool) {
	i++
	start := i
	// Fast path: no escapes.
	for i < len(b) {
		c := b[i]
		if c == '"' {
			s := b[start:i]
			if !utf8.Valid(s) {
				return "", 0, false
			}
			return string(s), i + 1, true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", 0, false
		}
		i++
	}
	out := make([]byte, 0, len(b)-start)
	out = append(out, b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			if !utf8.Valid(out) {
				return "", 0, false
			}
			return string(out), i + 1, true
		case c < 0x20:
			return "", 0, false
		case c != '\\':
			// Copy the run up to the next quote or backslash.
			j := i + 1
			for j < len(b) && b[j] != '"' && b[j] != '\\' && b[j] >= 0x20 {
				j++
			}
			out = append(out, b[i:j]...)
			i = j
			continue
		}
		if i+1 >= len(b) {
			return "", 0, false
		}
		switch e := b[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(b, i+2)
			if !ok {
				return "", 0, false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), false
				if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
					r2, ok = hex4(b, i+2)
				}
				dec := utf16.DecodeRune(r, r2)
				if !ok || dec == utf8.RuneError {
					return "", 0, false
				}
				r = dec
				i += 6
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return "", 0, false
		}
		i += 2
	}
	return "", 0, false
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}
