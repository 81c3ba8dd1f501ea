package poll_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/poll"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

func openStore(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// rss writes an RSS feed whose items link to links.
func rss(title string, links ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>http://x.example/</link>`, title)
	for i, l := range links {
		fmt.Fprintf(&b, `<item><title>Item %d</title><link>%s</link><guid>%s</guid><description>Short summary %d.</description></item>`, i, l, l, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// article is a small page of outlet site ("" for none) on the harbour
// bridge.
func article(site, title string) string {
	meta := ""
	if site != "" {
		meta = fmt.Sprintf(`<meta property="og:site_name" content="%s">`, site)
	}
	body := strings.Repeat("<p>The harbour bridge reopened on Monday after eight months of repairs, the city council said in a statement. About 40,000 vehicles cross it every day.</p>\n", 4)
	return fmt.Sprintf(`<!doctype html><html><head><title>%s</title>%s</head><body><article><h1>%s</h1>%s</article></body></html>`, title, meta, title, body)
}

// server is the test's web: an aggregator feed linking to three outlets,
// a feed of 10,000 links, and feeds that fail each their own way.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	requests map[string]int
	ifNone   map[string]string // path -> the If-None-Match last received
}

func newServer(t *testing.T) *server {
	s := &server{requests: map[string]int{}, ifNone: map[string]string{}}
	mux := http.NewServeMux()
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
	zeros := make([]byte, 1<<20)
	for range 16 { // 16 MB of zeros in about 16 KB
		zw.Write(zeros)
	}
	zw.Close()
	many := make([]string, 10000)
	for i := range many {
		many[i] = fmt.Sprintf("/many/%d", i)
	}
	manyFeed := []byte(rss("Many", many...))
	count := func(r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.requests[r.URL.Path]++
		s.ifNone[r.URL.Path] = r.Header.Get("If-None-Match")
	}
	mux.HandleFunc("/agg.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		if r.Header.Get("If-None-Match") == `"agg1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"agg1"`)
		w.Write([]byte(rss("Daily Aggregator", s.URL+"/north/1", s.URL+"/south/1", "/plain/1", s.URL+"/huge/1", s.URL+"/gone/1")))
	})
	mux.HandleFunc("/north/", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		w.Write([]byte(article("North Star", "Bridge reopens")))
	})
	mux.HandleFunc("/south/", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		w.Write([]byte(article("South Post", "Bridge open again")))
	})
	mux.HandleFunc("/plain/", func(w http.ResponseWriter, r *http.Request) { count(r); w.Write([]byte(article("", "Harbour bridge"))) })
	mux.HandleFunc("/huge/", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		w.Write([]byte(article("Huge Times", strings.Repeat("x", 70<<10))))
	})
	mux.HandleFunc("/gone/", func(w http.ResponseWriter, r *http.Request) { count(r); http.NotFound(w, r) })
	mux.HandleFunc("/many.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		w.Write(manyFeed)
	})
	mux.HandleFunc("/many/", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		w.Write([]byte(article("Many Daily", "Story "+r.URL.Path)))
	})
	mux.HandleFunc("/down.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		select { // answers only when the client gives up (or after a minute)
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	})
	mux.HandleFunc("/endless.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
		chunk := bytes.Repeat([]byte("a"), 32<<10)
		for range 10000 { // 320 MB, unless the client hangs up first
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		buf := bomb
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(buf.Bytes())
	})
	mux.HandleFunc("/invalid.xml", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed`))
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *server) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

// TestRun polls the test web twice through the store. The fetcher's pause
// hook books the waits instead of sleeping; the clock is the test's.
func TestRun(t *testing.T) {
	srv := newServer(t)
	db := openStore(t)
	ctx := context.Background()
	for _, p := range []string{"/agg.xml", "/many.xml", "/down.xml", "/slow.xml", "/endless.xml", "/bomb.xml", "/invalid.xml"} {
		if _, _, err := db.AddFeed(ctx, srv.URL+p, ""); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	var waits int
	f := fetch.New(fetch.Options{
		AllowHosts: []string{"127.0.0.1"}, Retries: -1, Timeout: 2 * time.Second,
		Pause: func(ctx context.Context, _ time.Time) error { mu.Lock(); waits++; mu.Unlock(); return ctx.Err() },
	})
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)
	var got []news.Article
	sink := func(_ context.Context, a news.Article) error { got = append(got, a); return nil }
	p := poll.New(db, sink, poll.Options{Fetcher: f, Now: func() time.Time { return now }, ItemsPerPoll: 5, ItemsPerRun: 100, MaxQueued: 20000, FeedBytes: 4 << 20, PageBytes: 64 << 10, Interval: time.Hour})

	st, err := p.Run(ctx)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if st.Checked != 7 || st.FeedErrors != 5 || st.Queued != 5+10000 {
		t.Errorf("Run 1 stats = %+v; want 7 feeds checked, 5 failed, 10,005 items queued", st)
	}
	if mu.Lock(); waits == 0 {
		t.Errorf("the fetcher booked no waits; want one per request (host interval)")
	}
	mu.Unlock()

	// The feeds' errors are on the feeds.
	feeds, err := db.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantErr := map[string]string{"/down.xml": "503", "/slow.xml": "deadline", "/endless.xml": "too large", "/bomb.xml": "too large", "/invalid.xml": "parse feed"}
	for _, fd := range feeds {
		path := strings.TrimPrefix(fd.URL, srv.URL)
		want, bad := wantErr[path]
		switch {
		case bad && (fd.ErrorCount != 1 || !strings.Contains(fd.LastError, want)):
			t.Errorf("feed %s: %d errors, last %q; want 1 error saying %q", path, fd.ErrorCount, fd.LastError, want)
		case !bad && (fd.ErrorCount != 0 || fd.LastError != ""):
			t.Errorf("feed %s: error %q; want none", path, fd.LastError)
		case bad && !fd.NextCheck.After(now.Add(time.Hour)):
			t.Errorf("feed %s: next check %v; want backed off past the interval", path, fd.NextCheck)
		case path == "/agg.xml" && (fd.Title != "Daily Aggregator" || fd.ETag != `"agg1"`):
			t.Errorf("feed agg = %+v; want its title and ETag stored", fd)
		}
	}

	// The outlets are the pages', never the aggregator's title; the page
	// over the size limit and the page gone fall back on the feed's text.
	sources := map[string]string{}
	for _, a := range got {
		sources[strings.TrimPrefix(a.URL, srv.URL)] = a.Source
	}
	for path, want := range map[string]string{"/north/1": "North Star", "/south/1": "South Post", "/plain/1": "127.0.0.1", "/huge/1": "127.0.0.1", "/gone/1": "127.0.0.1"} {
		if sources[path] != want {
			t.Errorf("outlet of %s = %q; want %q (all: %v)", path, sources[path], want, sources)
		}
	}
	for _, a := range got {
		if a.Source == "Daily Aggregator" || a.Source == "Many" {
			t.Errorf("article %s has the feed's title %q as its outlet", a.URL, a.Source)
		}
	}
	// The feed of 10,000 links gave 5 pages, and did not starve the others.
	if n, want := len(got), 5+5; n != want || st.Articles != want {
		t.Errorf("Run 1 handed on %d articles (stats %d); want %d: all 5 of agg, 5 of many", n, st.Articles, want)
	}
	if st.PageErrors != 2 {
		t.Errorf("Run 1 page errors = %d; want 2 (huge, gone)", st.PageErrors)
	}

	// Run 2, an hour later: the aggregator answers 304 to the ETag, and
	// the big feed gives its next 5 pages.
	now = now.Add(time.Hour)
	got = nil
	st, err = p.Run(ctx)
	if err != nil {
		t.Fatalf("Run 2: %v", err)
	}
	if srv.ifNone["/agg.xml"] != `"agg1"` || st.Checked != 2 || st.NotModified != 1 || st.Queued != 0 {
		t.Errorf("Run 2: agg asked with If-None-Match %q, stats %+v; want the ETag sent, 2 feeds due (agg unchanged), nothing new queued", srv.ifNone["/agg.xml"], st)
	}
	if len(got) != 5 || !strings.HasSuffix(got[0].URL, "/many/5") {
		t.Errorf("Run 2 handed on %d articles, first %v; want many/5..9", len(got), got)
	}
	if n := srv.count("/north/1"); n != 1 {
		t.Errorf("north/1 fetched %d times; want once", n)
	}
}
