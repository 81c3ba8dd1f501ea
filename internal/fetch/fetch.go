package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultUserAgent identifies Parallax to the sites it reads.
const DefaultUserAgent = "Parallax/0.1 (news comparison; +https://github.com/parallax-news/parallax)"

// Options configures a Fetcher. The zero value works.
type Options struct {
	// UserAgent is sent with every request; DefaultUserAgent when empty.
	UserAgent string
	// Timeout bounds one request, body included; 20 s when zero.
	Timeout time.Duration
	// HostInterval is the least time between the starts of two requests
	// to one host; 1 s when zero, none when negative.
	HostInterval time.Duration
	// Retries is how many times a transient failure is retried; 3 when
	// zero, none when negative.
	Retries int
	// Backoff is the wait before the first retry, doubled for each next
	// one (a Retry-After header wins when longer); 1 s when zero.
	Backoff time.Duration
	// MaxBytes caps a response body; 32 MiB when zero.
	MaxBytes int64
	// Client is the HTTP client; a new one when nil.
	Client *http.Client
	// State holds the validators for conditional requests; nil disables them.
	State *State
	// AllowHosts lists the host names (or IP literals, without port) that
	// may be, or resolve to, a loopback, private, link-local, unspecified
	// or multicast address. Every other host is refused such an address,
	// checked before the request, at every redirect hop, and on the
	// address actually dialled (so a DNS answer that changes between the
	// check and the connection does not get through). The dial-time check
	// applies when Client's Transport is nil or an *http.Transport (it is
	// cloned); a request through a proxy dials the proxy, which must then
	// be allowed itself.
	AllowHosts []string
	// Pause, when set, replaces every wait of the Fetcher (a host's turn,
	// a retry's backoff): it should block until the given time or ctx's
	// end. Tests set it to read the schedule instead of sleeping.
	Pause func(ctx context.Context, until time.Time) error
}

// Response is a fetched resource.
type Response struct {
	URL         string // the final URL, after redirects
	Status      int
	ContentType string
	Body        []byte
	// ETag and LastModified are the response's validators, for the
	// caller's next conditional Request.
	ETag, LastModified string
	// NotModified is set when the server answered 304 to a conditional
	// request: the resource is unchanged since the last run and Body is empty.
	NotModified bool
}

// StatusError is the error for a final non-2xx, non-304 answer.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("get %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// Fetcher downloads resources politely. It is safe for concurrent use.
type Fetcher struct {
	opt    Options
	client *http.Client

	mu   sync.Mutex
	next map[string]time.Time // host -> earliest start of its next request

	// pause blocks until the given time or until ctx is done: every wait
	// of the Fetcher (a host's turn, a retry's backoff) goes through it, so
	// that a test can read what was booked instead of timing it.
	pause func(ctx context.Context, until time.Time) error
	allow map[string]bool // Options.AllowHosts, normalised
}

// New returns a Fetcher with the given options.
func New(opt Options) *Fetcher {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	if opt.Timeout == 0 {
		opt.Timeout = 20 * time.Second
	}
	if opt.HostInterval == 0 {
		opt.HostInterval = time.Second
	}
	if opt.Retries == 0 {
		opt.Retries = 3
	}
	if opt.Backoff <= 0 {
		opt.Backoff = time.Second
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = 32 << 20
	}
	f := &Fetcher{opt: opt, next: map[string]time.Time{}, pause: sleepUntil, allow: map[string]bool{}}
	if opt.Pause != nil {
		f.pause = opt.Pause
	}
	for _, h := range opt.AllowHosts {
		f.allow[normHost(h)] = true
	}
	c := http.Client{}
	if opt.Client != nil {
		c = *opt.Client // a copy: the caller's client keeps its own redirect policy
	}
	c.CheckRedirect = f.checkRedirect
	c.Transport = f.guard(c.Transport)
	f.client = &c
	return f
}

// maxRedirects is the longest chain of redirects followed.
const maxRedirects = 10

// Redirect errors: permanent, never retried.
var (
	// ErrRedirectLoop is the error for a redirect back to a URL of the
	// same chain, or a chain longer than 10 redirects.
	ErrRedirectLoop = errors.New("redirect loop")
	// ErrRedirectLocal is the error for a redirect to a loopback, private
	// or link-local address (or "localhost") other than the host and port
	// the request was made to.
	ErrRedirectLocal = errors.New("redirect to a local address refused")
	// ErrLocalAddress is the error for a request (or a redirect hop, or
	// a connection) to a loopback, private, link-local, unspecified or
	// multicast address of a host not in Options.AllowHosts. Not retried.
	ErrLocalAddress = errors.New("local address refused")
)

// checkRedirect is the client's redirect policy: each hop waits for its
// host's turn like any request, a loop or a long chain is an error, and a
// redirect may not lead to a local address unless it stays on the host
// and port that the caller asked for.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := f.checkHost(req.Context(), req.URL); err != nil {
		return err
	}
	if err := allowRedirect(via[0].URL, req.URL, func(host string) bool { return localHost(req.Context(), host) }); err != nil {
		return err
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("%w: back to %s after %d redirect(s)", ErrRedirectLoop, req.URL, len(via))
		}
	}
	if len(via) >= maxRedirects {
		return fmt.Errorf("%w: more than %d redirects", ErrRedirectLoop, maxRedirects)
	}
	return f.wait(req.Context(), req.URL.Host)
}

// allowRedirect refuses a redirect from the URL first asked for to a
// local target on another host:port; isLocal tells whether a host is
// local.
func allowRedirect(first, target *url.URL, isLocal func(host string) bool) error {
	if hostPort(target) == hostPort(first) || !isLocal(target.Hostname()) {
		return nil
	}
	return fmt.Errorf("%w: %s to %s", ErrRedirectLocal, first.Host, target.Host)
}

// hostPort is u's host and port, the scheme's default port when u has
// none.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// localHost reports whether host is, or resolves to, a loopback, private,
// link-local or unspecified address, or is "localhost".
func localHost(ctx context.Context, host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return localAddr(ip)
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return false // the request fails to connect anyway
	}
	for _, a := range addrs {
		if localAddr(a) {
			return true
		}
	}
	return false
}

func localAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	for _, p := range specialPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// Get fetches rawURL. Outcomes:
//   - a Response with Status 2xx and the body;
//   - a Response with NotModified set when the State's validators still hold;
//   - a *StatusError for a final 4xx/5xx answer (after retries for 429 and 5xx);
//   - an error wrapping ErrRedirectLoop or ErrRedirectLocal for a redirect
//     loop or a redirect to a local address (not retried);
//   - the context's error when ctx ends;
//   - the last network error after the retries.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	return f.Fetch(ctx, Request{URL: rawURL})
}

// Request is one resource to fetch, with its own validators and cap.
type Request struct {
	URL string
	// ETag and LastModified, when either is set, make the request
	// conditional instead of the Options.State's validators.
	ETag, LastModified string
	// MaxBytes caps this response's body instead of Options.MaxBytes
	// when positive.
	MaxBytes int64
}

// Fetch is Get for a Request; its outcomes are Get's, and an error
// wrapping ErrLocalAddress for a refused local address.
func (f *Fetcher) Fetch(ctx context.Context, r Request) (*Response, error) {
	rawURL := r.URL
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("get %q: not an http(s) URL", rawURL)
	}
	if err := f.checkHost(ctx, u); err != nil {
		return nil, err
	}
	backoff := f.opt.Backoff
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := f.once(ctx, u, r)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !transient(err) || attempt >= f.opt.Retries || f.opt.Retries < 0 {
			return nil, err
		}
		wait := backoff
		if retryAfter > wait {
			wait = retryAfter
		}
		if wait > 5*time.Minute {
			return nil, fmt.Errorf("%w (server asks to wait %v)", err, wait)
		}
		if err := f.pause(ctx, time.Now().Add(wait)); err != nil {
			return nil, err
		}
		backoff *= 2
	}
}

// transient reports whether a retry could help.
func transient(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status == http.StatusTooManyRequests || se.Status >= 500
	}
	return !errors.Is(err, errTooLarge) && !errors.Is(err, ErrRedirectLoop) && !errors.Is(err, ErrRedirectLocal) && !errors.Is(err, ErrLocalAddress)
}

// ErrTooLarge is wrapped by the error for a body over the size cap.
var ErrTooLarge = errors.New("response too large")

var errTooLarge = ErrTooLarge

func (f *Fetcher) once(ctx context.Context, u *url.URL, r Request) (*Response, time.Duration, error) {
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	key := u.String()
	if r.ETag != "" || r.LastModified != "" {
		if r.ETag != "" {
			req.Header.Set("If-None-Match", r.ETag)
		}
		if r.LastModified != "" {
			req.Header.Set("If-Modified-Since", r.LastModified)
		}
	} else if f.opt.State != nil {
		if v, ok := f.opt.State.get(key); ok {
			if v.ETag != "" {
				req.Header.Set("If-None-Match", v.ETag)
			}
			if v.LastModified != "" {
				req.Header.Set("If-Modified-Since", v.LastModified)
			}
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("get %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, NotModified: true}, 0, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, retryAfter(resp.Header.Get("Retry-After")), &StatusError{URL: u.String(), Status: resp.StatusCode}
	}
	maxBytes := f.opt.MaxBytes
	if r.MaxBytes > 0 {
		maxBytes = r.MaxBytes
	}
	if resp.ContentLength > maxBytes {
		return nil, 0, fmt.Errorf("get %s: %w: %d bytes announced, more than %d", u, errTooLarge, resp.ContentLength, maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return nil, 0, fmt.Errorf("get %s: body: %w", u, err)
	}
	if int64(len(body)) > maxBytes {
		return nil, 0, fmt.Errorf("get %s: %w: more than %d bytes", u, errTooLarge, maxBytes)
	}
	if f.opt.State != nil {
		f.opt.State.set(key, Validator{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")})
	}
	return &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		Body:         body,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}, 0, nil
}

// wait blocks until host may be asked again and books the next slot.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	if f.opt.HostInterval < 0 {
		return nil
	}
	f.mu.Lock()
	now := time.Now()
	start := f.next[host]
	if start.Before(now) {
		start = now
	}
	f.next[host] = start.Add(f.opt.HostInterval)
	f.mu.Unlock()
	return f.pause(ctx, start)
}

// sleepUntil blocks until t or until ctx is done.
func sleepUntil(ctx context.Context, until time.Time) error {
	d := time.Until(until)
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retryAfter parses a Retry-After header (seconds or an HTTP date).
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return time.Until(t)
	}
	return 0
}
