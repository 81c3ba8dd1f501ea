package page

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode returns the page converted to UTF-8 and the name of the charset it
// was read as. contentType is the transport's Content-Type header, if any.
func Decode(b []byte, contentType string) (string, string) {
	enc, name := detectCharset(b, contentType)
	if enc == nil || name == "utf-8" {
		b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		if utf8.Valid(b) {
			return string(b), "utf-8"
		}
		return strings.ToValidUTF8(string(b), "\uFFFD"), "utf-8"
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD"), "utf-8"
	}
	if !utf8.Valid(out) {
		return strings.ToValidUTF8(string(out), "\uFFFD"), name
	}
	return string(out), name
}

// detectCharset picks the page's encoding: BOM, then the transport's
// declaration, then the page's own <meta> declaration, then the content.
// A declared single-byte charset loses to UTF-8 when the bytes hold
// multi-byte UTF-8 and are all valid (a common mislabelling that browsers
// would show as mojibake); a declared UTF-8 loses to windows-1252 when most
// high bytes are not valid UTF-8.
func detectCharset(b []byte, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return unicode.UTF8, "utf-8"
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "utf-16be"
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "utf-16le"
	}
	declared := ""
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			declared = params["charset"]
		}
	}
	if declared == "" {
		declared = metaCharset(b)
	}
	var enc encoding.Encoding
	name := ""
	if declared != "" {
		enc, name = charset.Lookup(declared)
	}
	high, valid := utf8Stats(b)
	switch {
	case enc == nil:
		if high > 0 && !valid {
			return charmap.Windows1252, "windows-1252"
		}
		return unicode.UTF8, "utf-8"
	case name == "utf-8":
		if high > 0 && !valid && mostlyInvalidUTF8(b) {
			return charmap.Windows1252, "windows-1252"
		}
		return enc, name
	case (singleByte(name) || legacyCJK(name)) && high > 0 && valid:
		return unicode.UTF8, "utf-8"
	case name == "utf-16le" || name == "utf-16be" || strings.HasPrefix(name, "utf-16"):
		// A page that declares UTF-16 in an ASCII-compatible <meta> cannot
		// be UTF-16; the HTML standard reads it as UTF-8.
		if declared != "" && contentType == "" {
			return unicode.UTF8, "utf-8"
		}
	}
	return enc, name
}

// singleByte reports whether the named encoding maps every byte to one
// character (the ISO-8859 and windows-125x families, KOI8, …).
func singleByte(name string) bool {
	return strings.HasPrefix(name, "windows-") || strings.HasPrefix(name, "iso-8859") ||
		strings.HasPrefix(name, "koi8") || name == "macintosh" || name == "ibm866"
}

// legacyCJK reports whether the named encoding is one of the multi-byte
// Chinese, Japanese and Korean ones with high bytes. A page of such text
// is practically never valid UTF-8 as a whole, so a page declared as one
// whose bytes are valid UTF-8 (often a gb2312 <meta> copied into a UTF-8
// template) is read as UTF-8.
func legacyCJK(name string) bool {
	switch name {
	case "gbk", "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr":
		return true
	}
	return false
}

// utf8Stats reports whether b has bytes >= 0x80 (high > 0) and whether it
// is valid UTF-8.
func utf8Stats(b []byte) (high int, valid bool) {
	for _, c := range b {
		if c >= 0x80 {
			return 1, utf8.Valid(b)
		}
	}
	return 0, true
}

// mostlyInvalidUTF8 reports whether more than half of the non-ASCII
// sequences in b are not valid UTF-8.
func mostlyInvalidUTF8(b []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return bad > good
}

// metaCharset finds a charset declared in the page's first 16 kB: <meta
// charset=…> or <meta http-equiv="Content-Type" content="…; charset=…">, or
// an XML declaration's encoding.
func metaCharset(b []byte) string {
	if len(b) > 16<<10 {
		b = b[:16<<10]
	}
	lower := bytes.ToLower(b)
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		if end := bytes.Index(lower, []byte("?>")); end > 0 {
			if v := attrValue(lower[:end], "encoding"); v != "" {
				return v
			}
		}
	}
	for i := 0; ; {
		j := bytes.Index(lower[i:], []byte("<meta"))
		if j < 0 {
			return ""
		}
		i += j + 5
		end := bytes.IndexByte(lower[i:], '>')
		if end < 0 {
			return ""
		}
		tag := lower[i : i+end]
		i += end
		if k := bytes.Index(tag, []byte("charset")); k >= 0 {
			v := tag[k+len("charset"):]
			v = bytes.TrimLeft(v, " \t\r\n")
			if len(v) == 0 || v[0] != '=' {
				continue
			}
			v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
			n := 0
			for n < len(v) && (v[n] == '-' || v[n] == '_' || v[n] == '.' || v[n] == ':' || (v[n] >= '0' && v[n] <= '9') || (v[n] >= 'a' && v[n] <= 'z')) {
				n++
			}
			if n > 0 {
				return string(v[:n])
			}
		}
	}
}

// attrValue returns the value of attr="…" in tag, or "".
func attrValue(tag []byte, attr string) string {
	k := bytes.Index(tag, []byte(attr))
	if k < 0 {
		return ""
	}
	v := bytes.TrimLeft(tag[k+len(attr):], " \t")
	if len(v) == 0 || v[0] != '=' {
		return ""
	}
	v = bytes.TrimLeft(v[1:], " \t\"'")
	n := bytes.IndexAny(v, "\"' \t>")
	if n < 0 {
		n = len(v)
	}
	return string(v[:n])
}
