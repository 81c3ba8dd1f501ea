package web

import (
	"bytes"
	"cmp"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/report"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// Options configures the pages. The zero value works for a server bound to
// loopback.
type Options struct {
	// Token, when not empty, is needed by every write action (adding or
	// removing a feed): as "Authorization: Bearer TOKEN", or typed into
	// the feeds form once (the page then keeps it in an HttpOnly,
	// SameSite=Strict cookie). A server bound beyond loopback must set it
	// (NeedsToken says when).
	Token string
	// Poll is how often the pages ask for new articles; 0 means
	// DefaultPoll.
	Poll time.Duration
	// Now is the clock that says which stories are today's; nil means
	// time.Now.
	Now func() time.Time
	// Logger gets the errors a page could not show; nil discards them.
	Logger *slog.Logger
	// CSRFKey signs the anti-forgery tokens; nil means a random key per
	// Handler (tokens then last as long as the process).
	CSRFKey []byte
}

// DefaultPoll is how often a page polls for new articles.
const DefaultPoll = 10 * time.Second

// NeedsToken reports whether a server listening on addr ("host:port") is
// reachable beyond this machine, so that Options.Token must be set: any
// host that is not a loopback address or "localhost".
func NeedsToken(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return false
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip == nil || !ip.IsLoopback()
}

// ContentSecurityPolicy is the policy every page is served with: scripts,
// styles and everything else from the server itself only, no inline
// script or style, no frames, forms posting only back to the server.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

type server struct {
	desk  Desk
	opt   Options
	pages map[string]*template.Template
	key   []byte
	cop   *http.CrossOriginProtection
	// rendered keeps rendered stories when desk is a StoryVersioner.
	rendered *stories
}

// Handler returns the desk's pages over d:
//
//	GET  /                    the stories (?q= searches, ?outlet= filters); with HX-Request the list alone
//	GET  /stories/{id}        one story: the story view of report.WriteStory
//	GET  /stories/{id}/live   ?n=ARTICLES: 204 while the story has n articles, else the story anew (htmx polls it)
//	GET  /outlets/{name...}   an outlet's stories and what it left out
//	GET  /feeds               the feeds and their errors
//	POST /feeds               add the feed url= (needs csrf=, and token= or the bearer when Options.Token is set)
//	POST /feeds/remove        remove the feed url= (same)
//	DELETE /feeds?url=        remove, from htmx (X-CSRF-Token header)
//	GET  /assets/             htmx.min.js, web.css, story.css
//
// Every response carries ContentSecurityPolicy; cross-origin writes are
// refused (Sec-Fetch-Site and Origin, net/http's CrossOriginProtection)
// and every write must carry the page's anti-forgery token, or the desk's
// token as a bearer (a script's request, which no other site can forge).
func Handler(d Desk, o Options) http.Handler {
	if o.Poll <= 0 {
		o.Poll = DefaultPoll
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	s := &server{desk: d, opt: o, key: o.CSRFKey, cop: http.NewCrossOriginProtection(), rendered: newStories(storyCacheBytes)}
	if len(s.key) == 0 {
		s.key = make([]byte, 32)
		rand.Read(s.key)
	}
	s.pages = map[string]*template.Template{}
	funcs := template.FuncMap{
		"clock": clockOf,
		"title": func(t string) string { return cmp.Or(t, report.Untitled) },
	}
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html"))
	for _, p := range []string{"stories", "story", "outlet", "feeds", "error"} {
		t := template.Must(template.Must(base.Clone()).ParseFS(templateFS, "templates/"+p+".html"))
		s.pages[p] = t
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.stories)
	mux.HandleFunc("GET /stories/{id}", s.story)
	mux.HandleFunc("GET /stories/{id}/live", s.live)
	mux.HandleFunc("GET /outlets/{name...}", s.outlet)
	mux.HandleFunc("GET /feeds", s.feeds)
	mux.HandleFunc("POST /feeds", s.write(s.addFeed))
	mux.HandleFunc("POST /feeds/remove", s.write(s.removeFeed))
	mux.HandleFunc("DELETE /feeds", s.write(s.removeFeed))
	assets, _ := fs.Sub(assetFS, "assets")
	files := http.FileServerFS(assets)
	mux.Handle("GET /assets/story.css", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		io.WriteString(w, report.StoryCSS)
	}))
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})))
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, fmt.Errorf("%s: %w", r.URL.Path, ErrNotFound))
	})
	return s.secure(mux)
}

// secure sets the headers every response carries and refuses cross-origin
// writes.
func (s *server) secure(h http.Handler) http.Handler {
	return s.cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", ContentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("X-Frame-Options", "DENY")
		h.ServeHTTP(w, r)
	}))
}

// page is what every template gets.
type page struct {
	Title     string
	Nav       string
	CSRF      string
	HXHeaders string // the hx-headers attribute: the CSRF token for htmx's requests
	NeedToken bool   // the token field is shown on write forms
	Poll      string
	Data      any
}

const csrfCookie = "parallax_csrf"
const tokenCookie = "parallax_token"

// csrf returns the anti-forgery token of the request's browser, setting its
// cookie when it has none: an HMAC of a random cookie value, so that a
// page of another site can neither read nor forge it.
func (s *server) csrf(w http.ResponseWriter, r *http.Request) string {
	v := ""
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 16 {
		v = c.Value
	} else {
		b := make([]byte, 18)
		rand.Read(b)
		v = base64.RawURLEncoding.EncodeToString(b)
		http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: v, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	return s.sign(v)
}

func (s *server) sign(v string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(v))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (s *server) newPage(w http.ResponseWriter, r *http.Request, title, nav string, data any) page {
	tok := s.csrf(w, r)
	h, _ := json.Marshal(map[string]string{"X-CSRF-Token": tok})
	return page{Title: title, Nav: nav, CSRF: tok, HXHeaders: string(h), NeedToken: s.opt.Token != "" && !s.hasToken(r),
		Poll: fmt.Sprintf("every %ds", max(int(s.opt.Poll/time.Second), 1)), Data: data}
}

// write guards a write action: the anti-forgery token (form field csrf or
// header X-CSRF-Token) must match the browser's cookie, and with
// Options.Token set the token must come as a bearer, a form field or the
// cookie a form set.
func (s *server) write(h func(http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		c, err := r.Cookie(csrfCookie)
		got := cmp.Or(r.Header.Get("X-CSRF-Token"), r.FormValue("csrf"))
		// A request that carries the desk's token as a bearer cannot be
		// forged by another site's page (a browser never adds that
		// header on its own), so scripts need no form token.
		bearer := s.opt.Token != "" && s.bearer(r)
		if !bearer && (err != nil || got == "" || !hmac.Equal([]byte(got), []byte(s.sign(c.Value)))) {
			http.Error(w, "missing or stale form token: reload the page and try again", http.StatusForbidden)
			return
		}
		if s.opt.Token != "" {
			if !s.hasToken(r) {
				w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
				http.Error(w, "this action needs the desk's token", http.StatusUnauthorized)
				return
			}
			if form := r.FormValue("token"); form != "" {
				http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: form, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			}
		}
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

func (s *server) eq(v string) bool {
	return v != "" && subtle.ConstantTimeCompare([]byte(v), []byte(s.opt.Token)) == 1
}

func (s *server) bearer(r *http.Request) bool {
	b, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && s.eq(b)
}

func (s *server) hasToken(r *http.Request) bool {
	if s.bearer(r) || r.Method != http.MethodGet && s.eq(r.FormValue("token")) {
		return true
	}
	c, err := r.Cookie(tokenCookie)
	return err == nil && s.eq(c.Value)
}

// render writes template name of page p (or, for htmx, its block frag).
func (s *server) render(w http.ResponseWriter, r *http.Request, name, block string, status int, p page) {
	t := s.pages[name]
	var b bytes.Buffer
	if block == "" {
		block = "layout.html"
	}
	if err := t.ExecuteTemplate(&b, block, p); err != nil {
		s.opt.Logger.Error("render page", "page", name, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "Something went wrong; the error is in the server's log."
	switch {
	case errors.Is(err, ErrNotFound):
		status, msg = http.StatusNotFound, "Not found."
	case errors.Is(err, errBadInput):
		status, msg = http.StatusUnprocessableEntity, err.Error()
	default:
		s.opt.Logger.Error("page", "path", r.URL.Path, "err", err)
	}
	s.render(w, r, "error", "", status, s.newPage(w, r, http.StatusText(status), "", msg))
}

var errBadInput = errors.New("bad input")

func isHTMX(r *http.Request) bool { return r.Header.Get("HX-Request") == "true" }

func dayOf(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.UTC().Format("2006-01-02")
}

func clockOf(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.UTC().Format(report.TimeLayout)
}
