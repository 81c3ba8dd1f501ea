package warc

import (
	"bytes"
	"flag"
	"io"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata files")

// FuzzReader checks that no input makes the reader panic or loop: every
// call to Next either returns a record, a *RecordError, io.EOF or a stream
// error, each call moves on, and a record's block never exceeds the stream
// (of a plain .warc, it is part of the input).
func FuzzReader(f *testing.F) {
	if b, err := os.ReadFile("testdata/sample.warc.gz"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(record("response", "http://a.example/", httpResp("<p>a</p>"))))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\nWARC/1.1\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), Options{MaxRecord: 1 << 20})
		if err != nil {
			return
		}
		plain := !bytes.HasPrefix(data, gzipMagic[:2])
		var read int64 // uncompressed bytes read so far
		for i := 0; ; i++ {
			read = max(read, r.in.off)
			if int64(i) > int64(len(data))+read+10 {
				t.Fatalf("Next did not finish after %d calls on %d bytes", i, len(data))
			}
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if _, ok := err.(*RecordError); ok {
					continue
				}
				return
			}
			if len(rec.Block) > 1<<20 || plain && !bytes.Contains(data, rec.Block) {
				t.Fatalf("record at %d has a block of %d bytes that is not in the input", rec.Offset, len(rec.Block))
			}
			if rec.Type() == "response" {
				HTTPResponse(rec, 1<<20)
			}
		}
	})
}

// FuzzResync puts junk between two good records, A and C, in a plain .warc
// or between two gzip members, and checks that both are returned intact.
// In a plain .warc, junk that declares a Content-Length can swallow C: that
// junk is left out.
func FuzzResync(f *testing.F) {
	f.Add([]byte("junk"), false)
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nshort"), false)
	f.Add([]byte("\x1f\x8b\x08\x00junk"), true)
	f.Add(gz(record("response", "http://b.example/", httpResp("<p>b</p>")))[:30], true)
	a := record("response", "http://a.example/", httpResp("<p>a</p>"))
	c := record("response", "http://c.example/", httpResp("<p>c</p>"))
	f.Fuzz(func(t *testing.T, junk []byte, zipped bool) {
		var data []byte
		if zipped {
			data = bytes.Join([][]byte{gz(a), junk, gz(c)}, nil)
		} else {
			if bytes.Contains(bytes.ToLower(junk), []byte("content-length")) {
				t.Skip()
			}
			data = []byte(a + string(junk) + c)
		}
		r, err := NewReader(bytes.NewReader(data), Options{MaxRecord: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"http://a.example/": a, "http://c.example/": c}
		for i := 0; i < 10000; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if _, ok := err.(*RecordError); err != nil && !ok {
				t.Fatalf("Next: %v", err)
			}
			if rec != nil && strings.HasSuffix(want[rec.TargetURI()], string(rec.Block)+"\r\n\r\n") {
				delete(want, rec.TargetURI())
			}
		}
		if len(want) > 0 {
			t.Errorf("records lost: %v", want)
		}
	})
}
