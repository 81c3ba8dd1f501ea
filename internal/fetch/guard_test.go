package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
)

// loopback allows the tests' httptest servers, which listen on 127.0.0.1.
var loopback = []string{"127.0.0.1"}

// TestLocalRefused checks the SSRF guard: without AllowHosts no request
// reaches a loopback server, by IP or by a name that resolves to it, at
// the early check, at the dial (as after a DNS rebinding) and at a
// redirect hop.
func TestLocalRefused(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte("inside"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	t.Run("by IP", func(t *testing.T) {
		f := New(Options{HostInterval: -1, Client: srv.Client()})
		if _, err := f.Get(ctx, srv.URL+"/page"); !errors.Is(err, ErrLocalAddress) {
			t.Errorf("Get(%s) = %v; want ErrLocalAddress", srv.URL, err)
		}
	})
	t.Run("by name", func(t *testing.T) {
		f := New(Options{HostInterval: -1})
		u := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/page"
		if _, err := f.Get(ctx, u); !errors.Is(err, ErrLocalAddress) {
			t.Errorf("Get(%s) = %v; want ErrLocalAddress", u, err)
		}
	})
	t.Run("at dial", func(t *testing.T) {
		// The transport alone, past the early check: a name that
		// resolves to loopback when the connection is made (as a
		// rebinding DNS answer would) is refused by the dialer.
		f := New(Options{HostInterval: -1})
		u := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/page"
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		resp, err := f.client.Transport.RoundTrip(req)
		if err == nil {
			resp.Body.Close()
		}
		if !errors.Is(err, ErrLocalAddress) {
			t.Errorf("RoundTrip(%s) = %v; want ErrLocalAddress from the dialer", u, err)
		}
	})
	t.Run("redirect hop", func(t *testing.T) {
		// localhost is allowed, 127.0.0.1 is not: the hop to it is
		// checked again and refused.
		hop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, srv.URL+"/page", http.StatusFound)
		}))
		defer hop.Close()
		f := New(Options{HostInterval: -1, AllowHosts: []string{"localhost"}})
		u := strings.Replace(hop.URL, "127.0.0.1", "localhost", 1) + "/"
		if _, err := f.Get(ctx, u); !errors.Is(err, ErrLocalAddress) {
			t.Errorf("Get(%s -> %s) = %v; want ErrLocalAddress at the hop", u, srv.URL, err)
		}
	})
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server was reached %d time(s); want 0", n)
	}
	t.Run("allowed", func(t *testing.T) {
		f := New(Options{HostInterval: -1, AllowHosts: loopback})
		r, err := f.Get(ctx, srv.URL+"/page")
		if err != nil || string(r.Body) != "inside" {
			t.Errorf("Get(%s) with 127.0.0.1 allowed = %v, %v; want the page", srv.URL, r, err)
		}
	})
}

func TestLocalAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "10.0.0.1": true, "172.16.0.1": true, "192.168.0.1": true, "169.254.169.254": true,
		"0.0.0.0": true, "0.1.2.3": true, "100.64.0.1": true, "224.0.0.1": true, "239.255.255.250": true,
		"255.255.255.255": true, "::": true, "::1": true, "fe80::1": true, "fc00::1": true, "ff02::1": true,
		"::ffff:127.0.0.1": true, "8.8.8.8": false, "93.184.216.34": false, "2606:4700::1111": false,
	} {
		if got := localAddr(netip.MustParseAddr(addr)); got != want {
			t.Errorf("localAddr(%s) = %v; want %v", addr, got, want)
		}
	}
}
