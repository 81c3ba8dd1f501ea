package web

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// client is a browser-like client of one test server: it keeps cookies and
// reads the page's anti-forgery token.
type client struct {
	t    *testing.T
	srv  *httptest.Server
	http *http.Client
	csrf string
}

func newServer(t *testing.T, d Desk, o Options) *client {
	t.Helper()
	if o.Now == nil {
		o.Now = func() time.Time { return fixtureNow }
	}
	srv := httptest.NewServer(Handler(d, o))
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &client{t: t, srv: srv, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) get(path string) (int, http.Header, string) {
	c.t.Helper()
	resp, err := c.http.Get(c.srv.URL + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfField.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return resp.StatusCode, resp.Header, string(b)
}

func (c *client) post(path string, form url.Values, header map[string]string) (int, string) {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestPages(t *testing.T) {
	c := newServer(t, newFake(t), Options{})
	for _, tc := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Ferry crews strike at Port Elling", `href="/outlets/Coast%20Herald"`, "Today, 2031-05-13", `name="q"`, `hx-trigger="every 10s"`}},
		{"/?q=library", 200, []string{"Elling library reopens", `value="library"`}},
		{"/?q=nothing+like+this", 200, []string{"No story matches"}},
		{"/stories/s-1", 200, []string{"<title>Ferry crews strike at Port Elling · Parallax desk</title>", `class="matrix"`, `class="legend"`, `id="art-E"`}},
		{"/stories/s-2", 200, []string{"Elling library reopens &lt;img"}},
		{"/stories/nope", 404, []string{"Not found"}},
		{"/outlets/Island%20Post", 200, []string{"Island Post", "What it left out", "union said"}},
		{"/outlets/Nobody", 404, nil},
		{"/outlets/Evening%20Lamp%20%3Cimg%20src=x%20onerror=alert(1)%3E%3Cscript%3Ealert(2)%3C/script%3E", 200, []string{"Evening Lamp &lt;img"}},
		{"/feeds", 200, []string{"No feeds yet", `name="csrf"`}},
		{"/nowhere", 404, nil},
	} {
		t.Run(tc.path, func(t *testing.T) {
			status, h, body := c.get(tc.path)
			if status != tc.status {
				t.Fatalf("GET %s = %d; want %d\n%s", tc.path, status, tc.status, body)
			}
			if h.Get("Content-Security-Policy") != ContentSecurityPolicy {
				t.Errorf("GET %s: Content-Security-Policy %q", tc.path, h.Get("Content-Security-Policy"))
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: page without %q", tc.path, w)
				}
			}
			for _, bad := range []string{"<img src=x", "<script>alert", "javascript:", "<script>", " style=", " onclick="} {
				if strings.Contains(body, bad) {
					t.Errorf("GET %s: page holds %q", tc.path, bad)
				}
			}
		})
	}
	t.Run("search leaves out", func(t *testing.T) {
		if _, _, body := c.get("/?q=library"); strings.Contains(body, "Ferry crews strike") {
			t.Error("search for library lists the ferry story")
		}
	})
	t.Run("fragment", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, c.srv.URL+"/?q=ferry", nil)
		req.Header.Set("HX-Request", "true")
		resp, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if s := string(b); !strings.HasPrefix(s, `<section id="stories"`) || strings.Contains(s, "<html") {
			t.Errorf("htmx list request: not the list fragment:\n%.200s", s)
		}
	})
	t.Run("assets", func(t *testing.T) {
		for path, want := range map[string]string{"/assets/htmx.min.js": "var htmx", "/assets/web.css": ".badge", "/assets/story.css": ".story .matrix"} {
			status, _, body := c.get(path)
			if status != 200 || !strings.Contains(body, want) {
				t.Errorf("GET %s = %d, without %q", path, status, want)
			}
		}
	})
}

// A story's page polls; the poll answers 204 until an article comes in,
// then the story anew.
func TestLive(t *testing.T) {
	d := newFake(t)
	c := newServer(t, d, Options{})
	if status, _, _ := c.get("/stories/s-1/live?n=5"); status != http.StatusNoContent {
		t.Fatalf("live poll, no new article = %d; want 204", status)
	}
	d.add("s-1", doc(t, "h1", "Quay Weekly", "Ferry strike, day one", "", time.Date(2031, 5, 13, 12, 0, 0, 0, time.UTC),
		"Ferry crews at Port Elling walked out on Tuesday, halting crossings to Skerry Island."))
	status, _, body := c.get("/stories/s-1/live?n=5")
	if status != 200 || !strings.Contains(body, "Quay Weekly") || !strings.Contains(body, `live?n=6"`) || strings.Contains(body, "<html") {
		t.Errorf("live poll after a new article = %d:\n%.300s", status, body)
	}
}

func TestWritesNeedTheFormToken(t *testing.T) {
	feed := feedServer(t)
	d := newFake(t)
	c := newServer(t, d, Options{})
	c.get("/feeds")
	if c.csrf == "" {
		t.Fatal("feeds page without a csrf token")
	}
	for _, tc := range []struct {
		name   string
		form   url.Values
		header map[string]string
		want   int
	}{
		{"no token", url.Values{"url": {feed.URL + "/feed.xml"}}, nil, 403},
		{"wrong token", url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {"x" + c.csrf}}, nil, 403},
		{"cross site", url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {c.csrf}}, map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"other origin", url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {c.csrf}}, map[string]string{"Origin": "https://evil.example"}, 403},
		{"not http", url.Values{"url": {"javascript:alert(1)"}, "csrf": {c.csrf}}, nil, 422},
		{"good", url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {c.csrf}}, map[string]string{"Sec-Fetch-Site": "same-origin"}, 303},
		{"again", url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {c.csrf}}, nil, 422},
	} {
		if got, body := c.post("/feeds", tc.form, tc.header); got != tc.want {
			t.Errorf("%s: POST /feeds = %d; want %d\n%.300s", tc.name, got, tc.want, body)
		}
	}
	fs, _ := d.Feeds(t.Context())
	if len(fs) != 1 || fs[0].Title != "Port Elling Gazette" {
		t.Fatalf("feeds after the posts: %+v", fs)
	}
	if _, _, body := c.get("/feeds"); !strings.Contains(body, "Port Elling Gazette") {
		t.Error("feeds page does not list the added feed")
	}
	// A feed that fails is added with its error shown.
	c.post("/feeds", url.Values{"url": {feed.URL + "/gone.xml"}, "csrf": {c.csrf}}, nil)
	if _, _, body := c.get("/feeds"); !strings.Contains(body, "404 Not Found") {
		t.Error("feeds page does not show the failing feed's error")
	}
	if got, _ := c.post("/feeds/remove", url.Values{"url": {feed.URL + "/feed.xml"}}, nil); got != 403 {
		t.Errorf("remove without token = %d; want 403", got)
	}
	if got, _ := c.post("/feeds/remove", url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {c.csrf}}, nil); got != 303 {
		t.Errorf("remove = %d; want 303", got)
	}
	if got, _ := c.post("/feeds/remove", url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {c.csrf}}, nil); got != 404 {
		t.Errorf("remove again = %d; want 404", got)
	}
	fs, _ = d.Feeds(t.Context())
	if len(fs) != 1 {
		t.Errorf("feeds after removing one of two: %+v", fs)
	}
}

// With Options.Token set, a write needs the desk's token as well.
func TestWritesNeedTheDeskToken(t *testing.T) {
	feed := feedServer(t)
	d := newFake(t)
	c := newServer(t, d, Options{Token: "s3cret"})
	_, _, body := c.get("/feeds")
	if !strings.Contains(body, `name="token"`) {
		t.Error("feeds form without the token field")
	}
	form := url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {c.csrf}}
	if got, _ := c.post("/feeds", form, nil); got != 401 {
		t.Errorf("POST without the desk token = %d; want 401", got)
	}
	if got, _ := c.post("/feeds", form, map[string]string{"Authorization": "Bearer wrong"}); got != 401 {
		t.Errorf("POST with a wrong bearer = %d; want 401", got)
	}
	// A script with the bearer needs no form token.
	if got, _ := c.post("/feeds", url.Values{"url": {feed.URL + "/other.xml"}}, map[string]string{"Authorization": "Bearer s3cret"}); got != 303 {
		t.Errorf("POST with the bearer = %d; want 303", got)
	}
	form.Set("token", "s3cret")
	if got, _ := c.post("/feeds", form, nil); got != 303 {
		t.Errorf("POST with the token field = %d; want 303", got)
	}
	// The form set the cookie: the next write needs no field.
	if got, _ := c.post("/feeds/remove", url.Values{"url": {feed.URL + "/feed.xml"}, "csrf": {c.csrf}}, nil); got != 303 {
		t.Errorf("remove with the token cookie = %d; want 303", got)
	}
	if _, _, body := c.get("/feeds"); strings.Contains(body, `id="feed-token"`) {
		t.Error("feeds form asks for the token again")
	}
}

func TestNeedsToken(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": false, "[::1]:80": false, "localhost:8080": false,
		":8080": true, "0.0.0.0:80": true, "192.168.1.4:80": true, "example.com:80": true} {
		if got := NeedsToken(addr); got != want {
			t.Errorf("NeedsToken(%q) = %v; want %v", addr, got, want)
		}
	}
}

// feedServer serves a small RSS feed at /feed.xml (and 404 elsewhere).
func feedServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Port Elling Gazette</title><link>http://gazette.example/</link>
<item><title>Ferry talks resume</title><link>http://gazette.example/1</link><description>Talks resumed on Thursday.</description></item>
</channel></rss>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}
