package poll

import (
	"net/url"
	"strings"
)

// Outlet names the outlet of an article: site, the page's own name for
// itself (og:site_name, as extract reads it), when it has one, else the
// host of pageURL without "www.". It never uses a feed's title: one
// aggregator feed links to many outlets. It returns "" when both are
// empty or pageURL has no host.
func Outlet(site, pageURL string) string {
	if s := strings.Join(strings.Fields(site), " "); s != "" {
		return s
	}
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
