package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestFetchCommand runs parallax fetch twice against a local server
// serving testdata: the first run downloads the feed and its articles (one
// article is missing: the feed's text stands in and the run reports the
// error); the second run sends conditional requests and writes nothing.
func TestFetchCommand(t *testing.T) {
	feedTmpl, err := os.ReadFile("../../internal/fetch/testdata/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("../../internal/fetch/testdata/bridge.html")
	if err != nil {
		t.Fatal(err)
	}
	var requests, notModified atomic.Int32
	var srv *httptest.Server
	serve := func(body []byte, ctype string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			requests.Add(1)
			if !strings.HasPrefix(r.UserAgent(), "Parallax/") {
				http.Error(w, "no user agent", http.StatusForbidden)
				return
			}
			if r.Header.Get("If-None-Match") == `"1"` {
				notModified.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"1"`)
			w.Header().Set("Content-Type", ctype)
			w.Write(body)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		serve(bytes.ReplaceAll(feedTmpl, []byte("{{BASE}}"), []byte(srv.URL)), "application/rss+xml")(w, r)
	})
	mux.HandleFunc("/news/bridge.html", serve(page, "text/html; charset=utf-8"))
	mux.HandleFunc("/news/ferry.html", func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.NotFound(w, r)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	state := filepath.Join(t.TempDir(), "state.json")
	args := []string{"fetch", "--state", state, "--interval", "1ms", "--retries", "0", "--allow-host", "127.0.0.1", srv.URL + "/feed.xml"}
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	if err == nil || !strings.Contains(errOut.String(), "ferry.html: 404") {
		t.Errorf("first run: error %v, stderr %q; want the 404 reported", err, errOut.String())
	}
	var got []articleJSON
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var a articleJSON
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("output %q: %v", line, err)
		}
		got = append(got, a)
	}
	if len(got) != 2 {
		t.Fatalf("first run wrote %d articles; want 2:\n%s", len(got), out.String())
	}
	if got[0].ID != "bridge-1" || got[0].Source != "The Example Gazette" || !strings.Contains(got[0].Text, "About 40,000 vehicles") || got[0].Published != "2024-03-04T09:30:00Z" {
		t.Errorf("article 1 = %+v; want the extracted page", got[0])
	}
	if got[1].ID != "ferry-1" || got[1].Text != "New summer times start in May, the ferry company said." || got[1].Source != "127.0.0.1" {
		t.Errorf("article 2 = %+v; want the feed's text, the outlet named by the link's host (not the feed's title)", got[1])
	}

	out.Reset()
	errOut.Reset()
	if err := run(context.Background(), args, strings.NewReader(""), &out, &errOut); err != nil {
		t.Errorf("second run: %v (%s)", err, errOut.String())
	}
	if out.Len() != 0 || notModified.Load() != 1 || !strings.Contains(errOut.String(), "unchanged") {
		t.Errorf("second run wrote %q, %d not-modified answers, stderr %q; want nothing new and the feed unchanged", out.String(), notModified.Load(), errOut.String())
	}
}

// TestFetchStopped cancels a fetch (as SIGINT or SIGTERM do) while it asks
// for its second feed: the articles of the first feed are written.
func TestFetchStopped(t *testing.T) {
	feedTmpl, err := os.ReadFile("../../internal/fetch/testdata/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.ReplaceAll(feedTmpl, []byte("{{BASE}}"), []byte(srv.URL+"/gone")))
	})
	mux.HandleFunc("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		cancel()
		<-r.Context().Done()
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	var out, errOut bytes.Buffer
	err = run(ctx, []string{"fetch", "--state", "", "--interval", "1ms", "--retries", "0", "--allow-host", "127.0.0.1", srv.URL + "/feed.xml", srv.URL + "/slow.xml"}, strings.NewReader(""), &out, &errOut)
	if err == nil {
		t.Errorf("stopped fetch returned no error")
	}
	if n := strings.Count(out.String(), "\n"); n != 2 {
		t.Errorf("stopped fetch wrote %d articles; want the first feed's 2:\n%s\n%s", n, out.String(), errOut.String())
	}
}
