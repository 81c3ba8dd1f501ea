package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGet(t *testing.T) {
	var flaky, limited atomic.Int32
	var mu sync.Mutex
	var agents []string
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<p>hello</p>"))
	})
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) <= 2 {
			http.Error(w, "try later", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok"))
	})
	mux.HandleFunc("/limited", func(w http.ResponseWriter, r *http.Request) {
		if limited.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("ok"))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 4096)) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	st := &State{}
	f := New(Options{HostInterval: -1, Backoff: 10 * time.Millisecond, Timeout: 300 * time.Millisecond, MaxBytes: 1024, State: st, Client: srv.Client(), AllowHosts: loopback})
	ctx := context.Background()

	t.Run("conditional", func(t *testing.T) {
		r1, err := f.Get(ctx, srv.URL+"/page")
		if err != nil || string(r1.Body) != "<p>hello</p>" || r1.NotModified {
			t.Fatalf("first Get = %+v, %v; want the body", r1, err)
		}
		r2, err := f.Get(ctx, srv.URL+"/page")
		if err != nil || !r2.NotModified {
			t.Fatalf("second Get = %+v, %v; want NotModified", r2, err)
		}
		mu.Lock()
		defer mu.Unlock()
		if agents[0] != DefaultUserAgent {
			t.Errorf("User-Agent = %q; want %q", agents[0], DefaultUserAgent)
		}
	})
	t.Run("retries 5xx", func(t *testing.T) {
		r, err := f.Get(ctx, srv.URL+"/flaky")
		if err != nil || string(r.Body) != "ok" {
			t.Fatalf("Get(flaky) = %v, %v; want ok after retries", r, err)
		}
		if n := flaky.Load(); n != 3 {
			t.Errorf("flaky requests = %d; want 3", n)
		}
	})
	t.Run("honours Retry-After", func(t *testing.T) {
		waits := book(f)
		if _, err := f.Get(ctx, srv.URL+"/limited"); err != nil {
			t.Fatalf("Get(limited): %v", err)
		}
		if d := waits.longest(); d < 900*time.Millisecond {
			t.Errorf("Get(limited) retried after %v; want >= 1 s (Retry-After)", d)
		}
	})
	t.Run("404 is final", func(t *testing.T) {
		_, err := f.Get(ctx, srv.URL+"/missing")
		var se *StatusError
		if !errors.As(err, &se) || se.Status != 404 {
			t.Errorf("Get(missing) error = %v; want a 404 StatusError", err)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		g := New(Options{HostInterval: -1, Retries: -1, Timeout: 100 * time.Millisecond, Client: srv.Client(), AllowHosts: loopback})
		// The handler answers after 5 s unless the request is cancelled:
		// an error that is the deadline shows the timeout cut it short.
		if _, err := g.Get(ctx, srv.URL+"/slow"); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Get(slow) error = %v; want the timeout (context.DeadlineExceeded)", err)
		}
	})
	t.Run("too large", func(t *testing.T) {
		if _, err := f.Get(ctx, srv.URL+"/big"); !errors.Is(err, errTooLarge) {
			t.Errorf("Get(big) error = %v; want errTooLarge", err)
		}
	})
	t.Run("not http", func(t *testing.T) {
		if _, err := f.Get(ctx, "file:///etc/passwd"); err == nil {
			t.Errorf("Get(file://) error = nil; want an error")
		}
	})
}

func TestHostInterval(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
	}))
	defer srv.Close()
	f := New(Options{HostInterval: 150 * time.Millisecond, Client: srv.Client(), AllowHosts: loopback})
	slots := book(f)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Get(context.Background(), srv.URL+"/"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := requests.Load(); n != 4 {
		t.Fatalf("requests = %d; want 4", n)
	}
	starts := slices.SortedFunc(slices.Values(slots.until), time.Time.Compare)
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 150*time.Millisecond {
			t.Errorf("gap between requests %d and %d = %v; want >= 150 ms", i-1, i, gap)
		}
	}
}

func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "state.json")
	s, err := LoadState(path)
	if err != nil {
		t.Fatalf("LoadState(missing): %v", err)
	}
	s.set("http://a.example/", Validator{ETag: `"x"`, LastModified: "Mon, 04 Mar 2024 09:30:00 GMT"})
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	s2, err := LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := s2.get("http://a.example/"); !ok || v.ETag != `"x"` {
		t.Errorf("LoadState after Save: get = %+v, %v; want the validator", v, ok)
	}
}

// bookings records the waits of a Fetcher, which then returns at once
// instead of sleeping: each wait's end and the time it was asked for, so
// a test checks the schedule the Fetcher keeps, not a clock.
type bookings struct {
	mu           sync.Mutex
	until, asked []time.Time
}

func book(f *Fetcher) *bookings {
	b := &bookings{}
	f.pause = func(ctx context.Context, until time.Time) error {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.until, b.asked = append(b.until, until), append(b.asked, time.Now())
		return ctx.Err()
	}
	return b
}

// longest returns the longest wait booked.
func (b *bookings) longest() time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	var d time.Duration
	for i := range b.until {
		d = max(d, b.until[i].Sub(b.asked[i]))
	}
	return d
}

// TestRedirects checks the fixed redirect bugs: a loop is a permanent
// error (it was retried as transient), every hop waits for its host's
// turn (hops ignored the interval), and a redirect to another local port
// is refused (it was followed).
func TestRedirects(t *testing.T) {
	var loops atomic.Int32
	var hops atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request to the other local port: %s", r.URL)
	}))
	defer other.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/loop-a", func(w http.ResponseWriter, r *http.Request) {
		loops.Add(1)
		http.Redirect(w, r, "/loop-b", http.StatusFound)
	})
	mux.HandleFunc("/loop-b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop-a", http.StatusFound) })
	for i := range 3 {
		mux.HandleFunc(fmt.Sprintf("/hop%d", i), func(w http.ResponseWriter, r *http.Request) {
			hops.Add(1)
			if i < 2 {
				http.Redirect(w, r, fmt.Sprintf("/hop%d", i+1), http.StatusFound)
				return
			}
			w.Write([]byte("arrived"))
		})
	}
	mux.HandleFunc("/elsewhere", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/admin", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	t.Run("loop", func(t *testing.T) {
		f := New(Options{HostInterval: -1, Backoff: time.Millisecond, Retries: 3, Client: srv.Client(), AllowHosts: loopback})
		_, err := f.Get(ctx, srv.URL+"/loop-a")
		if !errors.Is(err, ErrRedirectLoop) || loops.Load() != 1 {
			t.Errorf("Get(loop) = %v after %d tries; want ErrRedirectLoop after 1", err, loops.Load())
		}
	})
	t.Run("hops wait", func(t *testing.T) {
		// Three requests to one host: the Fetcher books their starts at
		// least two host intervals apart.
		const interval = 40 * time.Millisecond
		f := New(Options{HostInterval: interval, Client: srv.Client(), AllowHosts: loopback})
		slots := book(f)
		r, err := f.Get(ctx, srv.URL+"/hop0")
		if err != nil || string(r.Body) != "arrived" || !strings.HasSuffix(r.URL, "/hop2") {
			t.Fatalf("Get(hop0) = %+v, %v; want the body of hop2", r, err)
		}
		if n := hops.Load(); n != 3 {
			t.Errorf("%d hops; want 3", n)
		}
		if n := len(slots.until); n != 3 || slots.until[2].Sub(slots.until[0]) < 2*interval {
			t.Errorf("three requests to one host booked %v; want three, at least two host intervals (%v) apart", slots.until, 2*interval)
		}
	})
	t.Run("local port", func(t *testing.T) {
		f := New(Options{HostInterval: -1, Client: srv.Client(), AllowHosts: loopback})
		if _, err := f.Get(ctx, srv.URL+"/elsewhere"); !errors.Is(err, ErrRedirectLocal) {
			t.Errorf("Get(elsewhere) = %v; want ErrRedirectLocal", err)
		}
	})
}

func TestAllowRedirect(t *testing.T) {
	local := func(host string) bool {
		return host == "localhost" || strings.HasPrefix(host, "127.") || strings.HasPrefix(host, "10.") || host == "::1"
	}
	tests := []struct {
		from, to string
		ok       bool
	}{
		{"http://news.example/a", "https://news.example/a", true},
		{"http://news.example/a", "http://other.example/b", true},
		{"http://news.example/a", "http://127.0.0.1/admin", false},
		{"http://news.example/a", "http://10.1.2.3:8080/", false},
		{"http://news.example/a", "http://[::1]/", false},
		{"http://localhost:8080/a", "http://localhost:8080/b", true},
		{"http://localhost:8080/a", "http://localhost:9090/b", false},
		{"http://127.0.0.1/a", "http://127.0.0.1:80/b", true},
		{"http://127.0.0.1:8080/a", "http://news.example/b", true},
	}
	for _, tt := range tests {
		from, _ := url.Parse(tt.from)
		to, _ := url.Parse(tt.to)
		if err := allowRedirect(from, to, local); (err == nil) != tt.ok {
			t.Errorf("allowRedirect(%s, %s) = %v; want ok %v", tt.from, tt.to, err, tt.ok)
		}
	}
	for host, want := range map[string]bool{"localhost": true, "a.localhost": true, "127.0.0.2": true, "192.168.1.1": true, "::1": true, "fe80::1": true, "0.0.0.0": true, "::ffff:10.0.0.1": true, "8.8.8.8": false, "2001:db8::1": false} {
		if got := localHost(context.Background(), host); got != want {
			t.Errorf("localHost(%q) = %v; want %v", host, got, want)
		}
	}
}
