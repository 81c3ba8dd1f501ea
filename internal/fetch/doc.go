// Package fetch is the network input stage: a polite HTTP client for
// feeds and the articles they link to. It sends a clear User-Agent, waits
// between requests to the same host, times out, retries transient failures
// (network errors, 429, 5xx) with exponential backoff that honours
// Retry-After, and makes conditional requests (If-None-Match /
// If-Modified-Since) from validators kept in a small JSON state file, so a
// second run downloads only what changed. Redirects wait for their host's
// turn too; a redirect loop is a permanent error, and a redirect never
// leads to a loopback or private address other than the host:port asked
// for. It never connects to a loopback, private, link-local, unspecified
// or multicast address of a host not listed in Options.AllowHosts (SSRF):
// checked before a request, at every redirect hop, and on the address
// dialled (net.Dialer.Control), so DNS rebinding does not get past it.
package fetch
