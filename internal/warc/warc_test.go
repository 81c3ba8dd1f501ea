package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// record returns one WARC record with the given type, URI and block.
func record(typ, uri, block string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: <%s>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, len(block), block)
}

func httpResp(body string) string {
	return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + fmt.Sprint(len(body)) + "\r\n\r\n" + body
}

// gz compresses each part as its own gzip member.
func gz(parts ...string) []byte {
	var out bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&out)
		zw.Write([]byte(p))
		zw.Close()
	}
	return out.Bytes()
}

// readAll reads every record, collecting target URIs and error count.
func readAll(t *testing.T, data []byte) (uris []string, errs int) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	for i := 0; i < 1000; i++ {
		rec, err := r.Next()
		if err == io.EOF {
			return uris, errs
		}
		var re *RecordError
		if errors.As(err, &re) {
			errs++
			continue
		}
		if err != nil {
			errs++
			return uris, errs
		}
		uris = append(uris, rec.TargetURI())
	}
	t.Fatal("Next did not reach EOF in 1000 calls")
	return
}

func TestReader(t *testing.T) {
	a := record("response", "http://a.example/", httpResp("<p>a</p>"))
	b := record("request", "http://b.example/", "GET / HTTP/1.1\r\n\r\n")
	c := record("response", "http://c.example/", httpResp("<p>c</p>"))
	badHeader := "WARC/1.0\r\nWARC-Type response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"
	badLength := "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\nhello\r\n\r\n"
	gzAll := gz(a, b, c)
	damaged := gz(a, b, c)
	// Damage the second member's deflate data.
	first := len(gz(a))
	for i := first + 20; i < first+40; i++ {
		damaged[i] ^= 0xff
	}
	tests := []struct {
		name     string
		data     []byte
		wantURIs []string
		wantErrs int
	}{
		{"plain", []byte(a + b + c), []string{"http://a.example/", "http://b.example/", "http://c.example/"}, 0},
		{"gzip per record", gzAll, []string{"http://a.example/", "http://b.example/", "http://c.example/"}, 0},
		{"gzip whole file", gz(a + b + c), []string{"http://a.example/", "http://b.example/", "http://c.example/"}, 0},
		{"malformed header resyncs", []byte(a + badHeader + c), []string{"http://a.example/", "http://c.example/"}, 1},
		{"bad length resyncs", []byte(a + badLength + c), []string{"http://a.example/", "http://c.example/"}, 1},
		{"garbage between records", []byte(a + "junk\r\nmore junk\r\n" + c), []string{"http://a.example/", "http://c.example/"}, 1},
		{"truncated block", []byte(a + c[:len(c)-40]), []string{"http://a.example/"}, 1},
		{"damaged gzip member", damaged, []string{"http://a.example/", "http://c.example/"}, 1},
		{"empty", nil, nil, 0},
		// Fixed: the record before trailing junk in a whole-file gzip was lost.
		{"gzip whole file, trailing junk", gz(a + b + c + "junk\r\nmore junk"), []string{"http://a.example/", "http://b.example/", "http://c.example/"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			uris, errs := readAll(t, tt.data)
			if diff := cmp.Diff(tt.wantURIs, uris); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if errs != tt.wantErrs {
				t.Errorf("errors = %d; want %d", errs, tt.wantErrs)
			}
		})
	}
}

func TestHTTPResponse(t *testing.T) {
	var gzBody bytes.Buffer
	zw := gzip.NewWriter(&gzBody)
	zw.Write([]byte("<p>zipped</p>"))
	zw.Close()
	tests := []struct {
		name, block, wantBody, wantCT string
	}{
		{"plain", httpResp("<p>hi</p>"), "<p>hi</p>", "text/html; charset=utf-8"},
		{"chunked", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n", "<p>hi</p>", "text/html; charset=iso-8859-1"},
		{"gzip", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gzBody.String(), "<p>zipped</p>", "text/html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &Record{Header: map[string][]string{"Warc-Type": {"response"}, "Content-Type": {"application/http; msgtype=response"}}, Block: []byte(tt.block)}
			resp, err := HTTPResponse(rec, 0)
			if err != nil {
				t.Fatalf("HTTPResponse(%q): %v", tt.block, err)
			}
			if string(resp.Body) != tt.wantBody || resp.ContentType != tt.wantCT {
				t.Errorf("HTTPResponse(%q) = body %q, type %q; want %q, %q", tt.block, resp.Body, resp.ContentType, tt.wantBody, tt.wantCT)
			}
		})
	}
}

// TestWriteSeed keeps testdata/sample.warc.gz (the fuzz seed and the
// decoder test input) in step with this file: go test -run WriteSeed -update.
func TestWriteSeed(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/sample.warc.gz")
	}
	page := "<html><head><title>Sample page</title></head><body><article><p>" +
		"The council met on Tuesday evening to discuss the new cycle lanes planned for the town centre and the budget for the coming year.</p><p>" +
		"Residents asked for more crossings near the schools, and the council agreed to publish a plan by the end of the month.</p></article></body></html>"
	data := gz(
		"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 10\r\n\r\nsoftware: \r\n\r\n",
		record("response", "http://news.example/council", httpResp(page)),
		record("request", "http://news.example/council", "GET /council HTTP/1.1\r\n\r\n"),
	)
	if err := os.WriteFile("testdata/sample.warc.gz", data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// got is what reading an archive gave: the good records' URIs and blocks
// in order, the number of *RecordErrors, and any other error.
type got struct {
	uris, blocks []string
	recordErrs   int
	other        error
}

func readArchive(t *testing.T, data []byte) got {
	t.Helper()
	var g got
	r, err := NewReader(bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	for i := 0; i < 1000; i++ {
		rec, err := r.Next()
		var re *RecordError
		switch {
		case err == io.EOF:
			return g
		case errors.As(err, &re):
			g.recordErrs++
		case err != nil:
			g.other = err
			return g
		default:
			g.uris = append(g.uris, rec.TargetURI())
			g.blocks = append(g.blocks, string(rec.Block))
		}
	}
	t.Fatal("Next did not reach EOF in 1000 calls")
	return g
}

// damageFixture is three response records, A, B and C, of which tests
// damage B.
type damageFixture struct {
	a, b, c                string // the records
	blockA, blockB, blockC string
}

func newFixture() damageFixture {
	var f damageFixture
	f.blockA = httpResp("<html><body><p>First page, a good one.</p></body></html>")
	f.blockB = httpResp("<html><body><p>Second page, which the tests damage.</p><p>Some more text to cut.</p></body></html>")
	f.blockC = httpResp("<html><body><p>Third page, good again.</p></body></html>")
	f.a = record("response", "http://a.example/", f.blockA)
	f.b = record("response", "http://b.example/", f.blockB)
	f.c = record("response", "http://c.example/", f.blockC)
	return f
}

// check expects the records with the given blocks and wantErrs RecordErrors.
func check(t *testing.T, g got, wantErrs int, blocks ...string) {
	t.Helper()
	if g.other != nil {
		t.Errorf("stream error: %v", g.other)
	}
	if g.recordErrs != wantErrs {
		t.Errorf("RecordErrors = %d; want %d", g.recordErrs, wantErrs)
	}
	if diff := cmp.Diff(blocks, g.blocks); diff != "" {
		t.Errorf("records (-want +got):\n%s\nURIs: %q", diff, g.uris)
	}
	for i, b := range g.blocks {
		rec := &Record{Header: map[string][]string{"Warc-Type": {"response"}}, Block: []byte(b)}
		if _, err := HTTPResponse(rec, 0); err != nil {
			t.Errorf("record %d: %v", i, err)
		}
	}
}

// TestDamagedArchives checks that one damaged record between two good ones
// gives one *RecordError and loses neither neighbour.
func TestDamagedArchives(t *testing.T) {
	f := newFixture()
	gzA, gzB, gzC := gz(f.a), gz(f.b), gz(f.c)
	flipped := []byte(string(gzB))
	flipped[len(flipped)/2] ^= 0x01
	badCRC := []byte(string(gzB))
	badCRC[len(badCRC)-6] ^= 0x01
	longB := strings.Replace(f.b, fmt.Sprintf("Content-Length: %d\r\n", len(f.blockB)), "Content-Length: 999999\r\n", 1)
	shortB := strings.Replace(f.b, fmt.Sprintf("Content-Length: %d\r\n", len(f.blockB)), fmt.Sprintf("Content-Length: %d\r\n", len(f.blockB)-30), 1)
	junk := strings.Repeat("#junk!", 9)[:50]
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name string
		data []byte
	}{
		{"gz member cut in half", cat(gzA, gzB[:len(gzB)/2], gzC)},
		{"gz member with a flipped byte", cat(gzA, flipped, gzC)},
		{"gz member failing its CRC", cat(gzA, badCRC, gzC)},
		{"gz Content-Length too large", cat(gzA, gz(longB), gzC)},
		{"gz Content-Length too small", cat(gzA, gz(shortB), gzC)},
		{"gz junk before a version line", cat(gzA, gz(junk), gzC)},
		{"gz junk member", cat(gzA, []byte(junk), gzC)},
		{"Content-Length too large", []byte(f.a + longB + f.c)},
		{"Content-Length too small", []byte(f.a + shortB + f.c)},
		{"junk before a version line", []byte(f.a + junk + f.c)},
		{"junk lines", []byte(f.a + "junk\r\n" + junk + "\r\n" + f.c)},
		{"record cut short", []byte(f.a + f.b[:len(f.b)-40] + f.c)},
		{"record cut in its header", []byte(f.a + f.b[:60] + f.c)},
		{"record cut in its version line", []byte(f.a + f.b[:6] + f.c)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, readArchive(t, tt.data), 1, f.blockA, f.blockC)
		})
	}
}

// TestCutRecord cuts B at every length: only B may be lost, and it is
// reported unless all of its block is there.
func TestCutRecord(t *testing.T) {
	f := newFixture()
	for cut := 1; cut < len(f.b); cut++ {
		g := readArchive(t, []byte(f.a+f.b[:len(f.b)-cut]+f.c))
		if cut <= len(endOfRecord) { // only the end-of-record line breaks are gone
			check(t, g, 0, f.blockA, f.blockB, f.blockC)
		} else {
			check(t, g, 1, f.blockA, f.blockC)
		}
		if t.Failed() {
			t.Fatalf("B cut by %d bytes", cut)
		}
	}
}

// TestDamagedMember cuts B's gzip member at every length, and flips each
// of its bytes: B is reported and not returned unless the member still
// decompresses to B, and A and C are always returned.
func TestDamagedMember(t *testing.T) {
	f := newFixture()
	gzA, gzB, gzC := gz(f.a), gz(f.b), gz(f.c)
	intact := func(member []byte) bool {
		zr, err := gzip.NewReader(bytes.NewReader(member))
		if err != nil {
			return false
		}
		zr.Multistream(false)
		b, err := io.ReadAll(zr)
		return err == nil && string(b) == f.b
	}
	try := func(what string, b []byte) {
		t.Helper()
		g := readArchive(t, bytes.Join([][]byte{gzA, b, gzC}, nil))
		if intact(b) {
			check(t, g, 0, f.blockA, f.blockB, f.blockC)
		} else {
			check(t, g, 1, f.blockA, f.blockC)
		}
		if t.Failed() {
			t.Fatalf("member %s", what)
		}
	}
	for n := 1; n < len(gzB); n++ {
		try(fmt.Sprintf("cut to %d bytes", n), gzB[:n])
	}
	for i := range gzB {
		for _, mask := range []byte{0x01, 0x80, 0xff} {
			b := []byte(string(gzB))
			b[i] ^= mask
			try(fmt.Sprintf("with byte %d ^ %#x", i, mask), b)
		}
	}
}

// zeros is an endless stream of NUL bytes, as /dev/zero gives.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	return len(p), nil
}

// TestNoRecordEver reads an endless input without a record: it must end
// with a stream error after about MaxRecord bytes, not spin for ever
// (fixed: /dev/zero read as a WARC never returned).
func TestNoRecordEver(t *testing.T) {
	const max = 1 << 20
	for _, tc := range []struct {
		name string
		r    io.Reader
	}{
		{"zeros", &zeros{}},
		{"blank lines", io.MultiReader(strings.NewReader(record("response", "http://a.example/", httpResp("<p>a</p>"))), &repeat{b: []byte("\r\n")})},
		{"one long junk line", io.MultiReader(strings.NewReader(record("response", "http://a.example/", httpResp("<p>a</p>"))), &repeat{b: []byte("junk ")})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := NewReader(tc.r, Options{MaxRecord: max})
			records := 0
			for i := 0; ; i++ {
				if i == 10 {
					t.Fatalf("no stream error after %d calls to Next", i)
				}
				rec, err := r.Next()
				var re *RecordError
				if errors.As(err, &re) {
					continue
				}
				if err == nil {
					records++
					_ = rec
					continue
				}
				if !errors.Is(err, errNoRecord) {
					t.Fatalf("Next = %v; want errNoRecord", err)
				}
				break
			}
			if r.in.off > 3*max {
				t.Errorf("read %d bytes before giving up; want about %d", r.in.off, max)
			}
		})
	}
}

// repeat repeats b for ever.
type repeat struct {
	b []byte
	i int
}

func (r *repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.b[r.i]
		r.i = (r.i + 1) % len(r.b)
	}
	return len(p), nil
}
