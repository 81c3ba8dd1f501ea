package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Response is the HTTP response held in a WARC response record.
type Response struct {
	URL         string
	Status      int
	ContentType string // the Content-Type header, with its charset parameter
	Body        []byte // de-chunked and decompressed
}

// HTTPResponse parses rec's block as an HTTP response: status line and
// headers, then the body, de-chunked when Transfer-Encoding says chunked
// and decompressed when Content-Encoding is gzip or deflate. maxBody caps
// the decoded body (0: no cap beyond the block).
func HTTPResponse(rec *Record, maxBody int64) (*Response, error) {
	if rec.Type() != "response" {
		return nil, fmt.Errorf("record type %q is not response", rec.Type())
	}
	ct := strings.ToLower(rec.Header.Get("Content-Type"))
	if ct != "" && !strings.Contains(ct, "http") {
		return nil, fmt.Errorf("record content type %q is not an HTTP response", ct)
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rec.Block)), nil)
	if err != nil {
		return nil, fmt.Errorf("http response: %w", err)
	}
	defer resp.Body.Close()
	var body io.Reader = resp.Body // net/http removes chunked encoding
	switch strings.ToLower(resp.Header.Get("Content-Encoding")) {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("http body: gzip: %w", err)
		}
		body = zr
	case "deflate":
		body = flate.NewReader(body)
	}
	if maxBody > 0 {
		body = io.LimitReader(body, maxBody+1)
	}
	b, err := io.ReadAll(body)
	if err != nil && len(b) == 0 {
		return nil, fmt.Errorf("http body: %w", err)
	}
	if maxBody > 0 && int64(len(b)) > maxBody {
		return nil, fmt.Errorf("http body larger than %d bytes", maxBody)
	}
	return &Response{
		URL:         rec.TargetURI(),
		Status:      resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Body:        b,
	}, nil
}

// IsHTML reports whether the response's Content-Type is HTML (or absent).
func (r *Response) IsHTML() bool {
	ct := strings.ToLower(r.ContentType)
	return ct == "" || strings.Contains(ct, "html")
}
