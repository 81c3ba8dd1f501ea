package fetch

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// specialPrefixes are the ranges, besides those netip names, that no
// public site lives on: "this network", the carrier-grade NAT space, IETF
// protocol assignments, benchmarking, reserved and broadcast.
var specialPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
}

// normHost is a host name as AllowHosts compares it: lower case, no
// brackets, no final dot.
func normHost(h string) string {
	return strings.TrimSuffix(strings.Trim(strings.ToLower(strings.TrimSpace(h)), "[]"), ".")
}

// allowed reports whether host is in Options.AllowHosts.
func (f *Fetcher) allowed(host string) bool { return f.allow[normHost(host)] }

// checkHost refuses u when its host is local and not allowed. It is the
// early check, with a clear error; the dial-time check is the one that
// holds against a changing DNS answer.
func (f *Fetcher) checkHost(ctx context.Context, u *url.URL) error {
	if h := u.Hostname(); !f.allowed(h) && localHost(ctx, h) {
		return fmt.Errorf("get %s: %w: %s is local; allow it explicitly to fetch from it", u, ErrLocalAddress, h)
	}
	return nil
}

// guard returns rt with its dialer checking every address it connects
// to: an *http.Transport (http.DefaultTransport for nil) is cloned with
// a guarded DialContext; another RoundTripper is returned as it is.
func (f *Fetcher) guard(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		rt = http.DefaultTransport
	}
	t, ok := rt.(*http.Transport)
	if !ok {
		return rt
	}
	t = t.Clone()
	t.DialContext = f.dial
	t.DialTLSContext = nil
	return t
}

// dial connects to addr; unless addr's host is allowed, the Dialer's
// Control refuses a local address after resolution, just before connect.
func (f *Fetcher) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	if !f.allowed(host) {
		d.Control = func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: cannot read dialled address %q", ErrLocalAddress, address)
			}
			if localAddr(ap.Addr()) {
				return fmt.Errorf("%w: %s resolved to %s", ErrLocalAddress, host, ap.Addr())
			}
			return nil
		}
	}
	return d.DialContext(ctx, network, addr)
}
