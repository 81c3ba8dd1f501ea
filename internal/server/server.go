package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/desk"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Defaults of Options.
const (
	DefaultAddr              = "127.0.0.1:8080"
	DefaultMaxBodyBytes      = 1 << 20
	DefaultMaxQueryBytes     = 4 << 10
	DefaultReadHeaderTimeout = 5 * time.Second
	DefaultReadTimeout       = 15 * time.Second
	DefaultWriteTimeout      = 30 * time.Second
	DefaultIdleTimeout       = 120 * time.Second
	DefaultShutdownTimeout   = 15 * time.Second
	maxHeaderBytes           = 16 << 10
	maxTimeline              = 500 // members in a story's timeline answer
)

// Store is what the server reads.
type Store interface {
	desk.Reader
	// Article returns a stored article (desk.Store's Article).
	Article(ctx context.Context, id int64) (desk.Article, error)
}

// Options configures a Server. The zero value works: loopback, no token,
// the default limits and timeouts.
type Options struct {
	// Addr is the address to listen on; "" means DefaultAddr.
	Addr string
	// Token is the bearer token writes need. When the server is bound
	// beyond loopback, a write without it is refused (401), and with no
	// Token set every write is refused (403). On loopback a write needs
	// it only when it is set.
	Token string
	// Feeds, when not nil, serves /api/feeds and /api/feeds/...; its
	// writes (any method but GET and HEAD) pass the token check first.
	Feeds http.Handler
	// Pages, when not nil, serves every path the API, /healthz and
	// /metrics do not (the desk's web pages, which check their own
	// writes).
	Pages http.Handler
	// Logger receives one line per request and the server's errors; nil
	// means slog.Default().
	Logger *slog.Logger
	// Metrics are served at /metrics and observe every request; nil means
	// NewMetrics().
	Metrics *Metrics
	// MaxBodyBytes caps a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxQueryBytes caps a request's query string; 0 means
	// DefaultMaxQueryBytes. A longer one is answered 414.
	MaxQueryBytes int
	// The connection timeouts; 0 means the defaults above.
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout bounds the drain at shutdown; 0 means
	// DefaultShutdownTimeout.
	ShutdownTimeout time.Duration
	// CacheBytes bounds the rendered answers of GET /api/stories,
	// /api/stories/{id} and /api/search the server keeps, each with the
	// store version it was rendered at (see Versioned); 0 means
	// DefaultCacheBytes, below 0 keeps none.
	CacheBytes int
}

// Server serves the API over a Store.
type Server struct {
	store   Store
	opt     Options
	log     *slog.Logger
	metrics *Metrics
	mux     *http.ServeMux
	handler http.Handler
	ready   atomic.Bool
	public  atomic.Bool // bound beyond loopback: writes need the token
	ver     Versioned   // nil: no cache
	cache   *answers
}

// New returns a server over store. It answers /healthz with 503 until
// SetReady(true).
func New(store Store, opt Options) *Server {
	if opt.Addr == "" {
		opt.Addr = DefaultAddr
	}
	if opt.MaxBodyBytes <= 0 {
		opt.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opt.MaxQueryBytes <= 0 {
		opt.MaxQueryBytes = DefaultMaxQueryBytes
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&opt.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	def(&opt.ReadTimeout, DefaultReadTimeout)
	def(&opt.WriteTimeout, DefaultWriteTimeout)
	def(&opt.IdleTimeout, DefaultIdleTimeout)
	def(&opt.ShutdownTimeout, DefaultShutdownTimeout)
	s := &Server{store: store, opt: opt, log: opt.Logger, metrics: opt.Metrics, mux: http.NewServeMux()}
	if s.log == nil {
		s.log = slog.Default()
	}
	if opt.CacheBytes == 0 {
		opt.CacheBytes = DefaultCacheBytes
	}
	if v, ok := store.(Versioned); ok && opt.CacheBytes > 0 {
		s.ver, s.cache = v, newAnswers(opt.CacheBytes)
	}
	if s.metrics == nil {
		s.metrics = NewMetrics()
	}
	s.routes()
	s.handler = s.observe(s.limit(s.mux))
	return s
}

// Metrics returns the server's metrics, for the ingest side to set.
func (s *Server) Metrics() *Metrics { return s.metrics }

// SetReady sets what /healthz answers: 200 when ready, else 503.
func (s *Server) SetReady(ready bool) { s.ready.Store(ready) }

// Handler returns the server's handler (for tests and for mounting).
func (s *Server) Handler() http.Handler { return s.handler }

// routes are the API's routes; openapi.json documents each one (a test
// checks it).
var routes = []string{
	"GET /api/stories",
	"GET /api/stories/{id}",
	"GET /api/articles/{id}",
	"GET /api/search",
	"GET /api/outlets",
	"GET /api/outlets/{name}",
	"GET /api/openapi.json",
	// Options.Feeds serves these (poll.Handler).
	"GET /api/feeds",
	"POST /api/feeds",
	"DELETE /api/feeds/{key}",
}

func (s *Server) routes() {
	handlers := map[string]http.HandlerFunc{
		"GET /api/stories":        s.cached(s.stories, s.byData),
		"GET /api/stories/{id}":   s.cached(s.story, s.byStory),
		"GET /api/articles/{id}":  s.article,
		"GET /api/search":         s.cached(s.search, s.byData),
		"GET /api/outlets":        s.outlets,
		"GET /api/outlets/{name}": s.outlet,
		"GET /api/openapi.json":   serveOpenAPI,
	}
	for _, r := range routes {
		if h, ok := handlers[r]; ok {
			s.mux.Handle(r, h)
		}
	}
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.Registry, promhttp.HandlerOpts{}))
	if s.opt.Feeds != nil {
		h := s.guard(s.opt.Feeds)
		s.mux.Handle("/api/feeds", h)
		s.mux.Handle("/api/feeds/", h)
	}
	s.mux.HandleFunc("/api/", s.noRoute)
	if s.opt.Pages != nil {
		s.mux.Handle("/", s.opt.Pages)
	}
}

// noRoute answers a request no route took: 405 when the path has a route
// for another method, else 404.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		get := r.Clone(r.Context())
		get.Method = http.MethodGet
		if _, pat := s.mux.Handler(get); pat != "" && pat != "/api/" {
			w.Header().Set("Allow", "GET, HEAD")
			writeProblem(w, http.StatusMethodNotAllowed, r.Method+" is not allowed here")
			return
		}
	}
	writeProblem(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if !s.ready.Load() {
		writeProblem(w, http.StatusServiceUnavailable, "starting")
		return
	}
	writeJSON(w, map[string]string{"status": "ok"})
}

// limit applies the size limits: the query string, and the body.
func (s *Server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.RawQuery) > s.opt.MaxQueryBytes {
			writeProblem(w, http.StatusRequestURITooLong, fmt.Sprintf("the query is over %d bytes", s.opt.MaxQueryBytes))
			return
		}
		if r.ContentLength > s.opt.MaxBodyBytes {
			writeProblem(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over %d bytes", s.opt.MaxBodyBytes))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBodyBytes)
		next.ServeHTTP(w, r)
	})
}

// guard lets reads through and makes writes show the token (see
// Options.Token).
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		if s.opt.Token == "" {
			if s.public.Load() {
				writeProblem(w, http.StatusForbidden, "writes are off: the server is bound beyond loopback and has no token (--token)")
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.opt.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
			writeProblem(w, http.StatusUnauthorized, "this write needs the bearer token")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe logs each request and observes its latency by route pattern
// (never by raw path: the label set stays bounded).
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		d := time.Since(start)
		route := r.Pattern
		if route == "" {
			route = "none"
		}
		s.metrics.Requests.WithLabelValues(route, r.Method, fmt.Sprint(sw.status)).Observe(d.Seconds())
		level := slog.LevelDebug
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "route", route, "status", sw.status, "took", d)
	})
}

// isLoopback reports whether addr (a listener's address) is a loopback
// address only.
func isLoopback(addr net.Addr) bool {
	ap, err := netip.ParseAddrPort(addr.String())
	return err == nil && ap.Addr().IsLoopback()
}

// ListenAndServe listens on Options.Addr and serves until ctx ends, then
// shuts down gracefully (see Serve).
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opt.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx ends, then stops accepting, lets the
// requests in flight finish (at most ShutdownTimeout) and returns nil; or
// returns the error that stopped serving.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.public.Store(!isLoopback(ln.Addr()))
	if s.public.Load() && s.opt.Token == "" {
		s.log.Warn("bound beyond loopback without a token: writes are refused", "addr", ln.Addr().String())
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.opt.ReadHeaderTimeout,
		ReadTimeout:       s.opt.ReadTimeout,
		WriteTimeout:      s.opt.WriteTimeout,
		IdleTimeout:       s.opt.IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.ready.Store(false)
	sctx, cancel := context.WithTimeout(context.Background(), s.opt.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}
