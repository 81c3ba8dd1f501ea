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
//
// A site that is only the URL's host (the extractor's fallback, port
// included) is taken as no site.
func Outlet(site, pageURL string) string {
	site = strings.Join(strings.Fields(site), " ")
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil {
		return site
	}
	if site != "" && !strings.EqualFold(site, u.Host) && !strings.EqualFold(site, u.Hostname()) {
		return site
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
