package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

const hostile = `<script>alert("pwned")</script><img src=x onerror=alert(1)> The council approved the budget on Monday.`

// fixture opens a store holding stories of the given texts (story id ->
// outlet -> text), with their comparisons computed.
func fixture(t *testing.T, stories map[string][][2]string) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	tx, err := db.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for st, arts := range stories {
		for _, a := range arts {
			n++
			d := news.Document{Article: news.Article{ID: fmt.Sprint("in", n), Source: a[0], Title: "Title " + st, Text: a[1],
				Published: time.Date(2011, 10, 1+n%28, 0, 0, 0, 0, time.UTC)}}
			id, _, err := tx.PutArticle(d)
			if err != nil {
				t.Fatal(err)
			}
			if err := tx.PutAssignment(desk.Assignment{Article: id, Story: st, Detail: []byte(`{}`)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.NewRecomputer(db, desk.RecomputeOptions{}).All(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
}

func TestAPI(t *testing.T) {
	db := fixture(t, map[string][][2]string{
		"s-1": {{"Daily", hostile}, {"Herald", "The council approved the budget. The mayor said it was a good day."}},
		"s-2": {{"Daily", "A storm hit the coast on Tuesday."}},
	})
	ts := httptest.NewServer(New(db, Options{}).Handler())
	defer ts.Close()

	resp, b := get(t, ts.URL+"/api/stories")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("GET /api/stories = %d %q: %s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	var list struct {
		Stories []storyJSON `json:"stories"`
		Next    string      `json:"next"`
	}
	decode(t, b, &list)
	if len(list.Stories) != 2 || list.Stories[0].ID != "s-1" || len(list.Stories[0].Outlets) != 2 || list.Stories[0].Stale {
		t.Fatalf("stories = %+v; want s-1 (2 outlets) first, then s-2, computed", list.Stories)
	}

	_, b = get(t, ts.URL+"/api/stories/s-1")
	var st struct {
		Story      storyJSON       `json:"story"`
		Comparison json.RawMessage `json:"comparison"`
		Timeline   []memberJSON    `json:"timeline"`
	}
	decode(t, b, &st)
	var rep struct {
		Articles []struct{ ID, Source, Text string } `json:"articles"`
		Facts    []any                               `json:"facts"`
	}
	decode(t, st.Comparison, &rep)
	if len(rep.Articles) != 2 || len(st.Timeline) != 2 || st.Timeline[0].Outlet == "" || rep.Facts == nil {
		t.Fatalf("story s-1 = %s; want its comparison of 2 articles and a timeline of 2", b)
	}
	if strings.Contains(string(b), "<script>") {
		t.Errorf("story answer holds raw markup: %s", b)
	}
	hostileID := st.Timeline[0].Article
	if st.Timeline[0].Outlet != "Daily" {
		hostileID = st.Timeline[1].Article
	}

	resp, b = get(t, fmt.Sprintf("%s/api/articles/%d", ts.URL, hostileID))
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("GET article = %d %q nosniff %q", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("X-Content-Type-Options"))
	}
	if strings.Contains(string(b), "<script>") || strings.Contains(string(b), "<img") {
		t.Errorf("article answer holds raw markup: %s", b)
	}
	var art struct {
		ID    int64  `json:"id"`
		Story string `json:"story"`
		Text  string `json:"text"`
	}
	decode(t, b, &art)
	if art.ID != hostileID || art.Story != "s-1" || !strings.Contains(art.Text, `<script>alert("pwned")</script>`) {
		t.Errorf("article = %+v; want id %d in s-1 with the markup kept as text", art, hostileID)
	}

	_, b = get(t, ts.URL+"/api/search?q=pwned")
	var hits struct {
		Hits []hitJSON `json:"hits"`
	}
	decode(t, b, &hits)
	if len(hits.Hits) != 1 || hits.Hits[0].Article != hostileID || !strings.Contains(hits.Hits[0].Snippet, "<script>") {
		t.Fatalf("search pwned = %s; want the hostile article, its markup as text", b)
	}
	var marked []string
	for _, sg := range hits.Hits[0].Highlight {
		if sg.Match {
			marked = append(marked, sg.Text)
		}
	}
	if len(marked) != 1 || marked[0] != "pwned" {
		t.Errorf("highlight = %+v; want the one match pwned marked", hits.Hits[0].Highlight)
	}

	_, b = get(t, ts.URL+"/api/outlets")
	var outs struct {
		Outlets []outletJSON `json:"outlets"`
	}
	decode(t, b, &outs)
	if len(outs.Outlets) != 2 || outs.Outlets[0] != (outletJSON{"Daily", 2, 2}) {
		t.Errorf("outlets = %s; want Daily (2 stories, 2 articles) and Herald", b)
	}
	resp, b = get(t, ts.URL+"/api/outlets/Herald")
	var out struct {
		Outlet  outletJSON        `json:"outlet"`
		Stories []outletStoryJSON `json:"stories"`
	}
	decode(t, b, &out)
	if resp.StatusCode != 200 || out.Outlet.Name != "Herald" || len(out.Stories) != 1 || out.Stories[0].Story != "s-1" || out.Stories[0].Omitted == nil {
		t.Errorf("outlet Herald = %s; want its one story s-1 with its omitted list", b)
	}
}

func TestProblems(t *testing.T) {
	db := fixture(t, map[string][][2]string{"s-1": {{"Daily", "Some text here."}}})
	ts := httptest.NewServer(New(db, Options{MaxQueryBytes: 1000}).Handler())
	defer ts.Close()
	tests := []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/stories/nope", 404},
		{"GET", "/api/articles/999", 404},
		{"GET", "/api/outlets/Nobody", 404},
		{"GET", "/api/nothing", 404},
		{"GET", "/api/articles/abc", 400},
		{"GET", "/api/articles/-1", 400},
		{"GET", "/api/search", 400},
		{"GET", "/api/search?q=%22%28%29", 400},
		{"GET", "/api/stories?limit=101", 400},
		{"GET", "/api/stories?limit=0", 400},
		{"GET", "/api/stories?limit=x", 400},
		{"GET", "/api/stories?cursor=!!", 400},
		{"GET", "/api/search?q=text&cursor=o999999", 400},
		{"GET", "/api/stories?since=yesterday", 400},
		{"GET", "/api/stories?min_outlets=-1", 400},
		{"GET", "/api/stories?q=" + strings.Repeat("a", 600), 400},
		{"GET", "/api/stories?q=" + strings.Repeat("a", 1200), 414},
		{"POST", "/api/stories", 405},
		{"DELETE", "/api/articles/1", 405},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path[:min(len(tt.path), 40)], func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, ts.URL+tt.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%s %s = %d %q; want %d problem+json: %s", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), tt.status, b)
			}
			var p problem
			decode(t, b, &p)
			if p.Status != tt.status || p.Title == "" || p.Type == "" {
				t.Errorf("problem = %+v; want status %d with a title and type", p, tt.status)
			}
		})
	}
}

func TestPaginationBounds(t *testing.T) {
	stories := map[string][][2]string{}
	for i := range 130 {
		stories[fmt.Sprintf("s-%03d", i)] = [][2]string{{"Daily", fmt.Sprintf("Story number %s reports on the council.", strings.Repeat("x", i+1))}}
	}
	db := fixture(t, stories)
	ts := httptest.NewServer(New(db, Options{}).Handler())
	defer ts.Close()
	count := func(path string) (int, string) {
		_, b := get(t, ts.URL+path)
		var p struct {
			Stories []storyJSON `json:"stories"`
			Hits    []hitJSON   `json:"hits"`
			Next    string      `json:"next"`
		}
		decode(t, b, &p)
		return len(p.Stories) + len(p.Hits), p.Next
	}
	if n, next := count("/api/stories"); n != desk.DefaultLimit || next == "" {
		t.Errorf("default page = %d stories next %q; want %d and a next", n, next, desk.DefaultLimit)
	}
	n, next := count("/api/stories?limit=100")
	if n != 100 || next == "" {
		t.Fatalf("limit=100 page = %d next %q; want 100 and a next", n, next)
	}
	if n, next := count("/api/stories?limit=100&cursor=" + next); n != 30 || next != "" {
		t.Errorf("second page = %d next %q; want the other 30 and no next", n, next)
	}
	if n, next := count("/api/search?q=council&limit=100"); n != 100 || next == "" {
		t.Errorf("search limit=100 = %d next %q; want 100 and a next", n, next)
	}
}

// recorder is a feeds handler that counts the requests it gets.
type recorder struct{ n int }

func (h *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.n++
	w.WriteHeader(http.StatusNoContent)
}

func TestWriteToken(t *testing.T) {
	db := fixture(t, map[string][][2]string{"s-1": {{"Daily", "Some text."}}})
	tests := []struct {
		name         string
		token        string
		public       bool
		method, auth string
		status       int
		reachesFeeds bool
	}{
		{"loopback no token", "", false, "POST", "", 204, true},
		{"loopback token set, none sent", "secret", false, "POST", "", 401, false},
		{"public no token configured", "", true, "POST", "", 403, false},
		{"public no header", "secret", true, "POST", "", 401, false},
		{"public wrong token", "secret", true, "DELETE", "Bearer nope", 401, false},
		{"public not bearer", "secret", true, "POST", "secret", 401, false},
		{"public right token", "secret", true, "POST", "Bearer secret", 204, true},
		{"public read needs none", "secret", true, "GET", "", 204, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feeds := &recorder{}
			s := New(db, Options{Token: tt.token, Feeds: feeds})
			s.public.Store(tt.public)
			ts := httptest.NewServer(s.Handler())
			defer ts.Close()
			for _, path := range []string{"/api/feeds", "/api/feeds/3"} {
				req, _ := http.NewRequest(tt.method, ts.URL+path, strings.NewReader(`{"url":"https://example.com/feed"}`))
				if tt.auth != "" {
					req.Header.Set("Authorization", tt.auth)
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != tt.status {
					t.Errorf("%s %s = %d; want %d", tt.method, path, resp.StatusCode, tt.status)
				}
			}
			if got := feeds.n > 0; got != tt.reachesFeeds {
				t.Errorf("feeds handler reached = %v; want %v", got, tt.reachesFeeds)
			}
		})
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "[::1]:80": true, "127.0.0.2:1": true,
		"0.0.0.0:8080": false, "[::]:8080": false, "192.168.1.5:80": false, "10.0.0.1:1": false,
	} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := isLoopback(a); got != want {
			t.Errorf("isLoopback(%s) = %v; want %v", addr, got, want)
		}
	}
}

func TestBodyLimit(t *testing.T) {
	db := fixture(t, map[string][][2]string{"s-1": {{"Daily", "Some text."}}})
	var read error
	feeds := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, read = io.ReadAll(r.Body) })
	ts := httptest.NewServer(New(db, Options{Feeds: feeds, MaxBodyBytes: 100}).Handler())
	defer ts.Close()
	resp, err := http.Post(ts.URL+"/api/feeds", "application/json", strings.NewReader(strings.Repeat("x", 200)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("POST of 200 bytes with a limit of 100 = %d; want 413", resp.StatusCode)
	}
	// A body without a length is cut at the limit.
	req, _ := http.NewRequest("POST", ts.URL+"/api/feeds", io.MultiReader(strings.NewReader(strings.Repeat("y", 200))))
	req.ContentLength = -1
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if read == nil {
		t.Errorf("reading a 200-byte chunked body with a limit of 100 gave no error")
	}
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q; want 3.x", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	for _, r := range routes {
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
		delete(documented, r)
	}
	for r := range documented {
		t.Errorf("openapi.json documents %s, which is not a route", r)
	}
}

func TestHealthzAndMetrics(t *testing.T) {
	db := fixture(t, map[string][][2]string{"s-1": {{"Daily", "Some text."}}})
	s := New(db, Options{})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	if resp, _ := get(t, ts.URL+"/healthz"); resp.StatusCode != 503 {
		t.Errorf("healthz before ready = %d; want 503", resp.StatusCode)
	}
	s.SetReady(true)
	if resp, _ := get(t, ts.URL+"/healthz"); resp.StatusCode != 200 {
		t.Errorf("healthz when ready = %d; want 200", resp.StatusCode)
	}
	get(t, ts.URL+"/api/stories/s-1")
	s.Metrics().ArticlesIngested.Add(3)
	_, b := get(t, ts.URL+"/metrics")
	for _, want := range []string{
		`parallax_http_request_duration_seconds_count{code="200",method="GET",route="GET /api/stories/{id}"} 1`,
		"parallax_articles_ingested_total 3", "parallax_queue_depth", "parallax_clustering_lag_seconds",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestServeShutsDown(t *testing.T) {
	db := fixture(t, map[string][][2]string{"s-1": {{"Daily", "Some text."}}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := New(db, Options{})
	s.SetReady(true)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	if resp, _ := get(t, "http://"+ln.Addr().String()+"/healthz"); resp.StatusCode != 200 {
		t.Fatalf("healthz = %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve after cancel = %v; want nil", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Errorf("server still answers after shutdown")
	}
}
