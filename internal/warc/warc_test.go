package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
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
