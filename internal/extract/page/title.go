package page

import (
	"strings"
	"unicode/utf8"
)

// titleSeparators split a headline from the site name in <title>.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "}

// CleanTitle removes the site name that pages append to (or put before)
// their headline in <title>: "Bridge reopens - The Gazette | News" becomes
// "Bridge reopens" when the dropped part names the site (source, or the
// host of url without "www." and the top-level domain). The headline must
// keep at least three words; otherwise title is returned unchanged.
func CleanTitle(title, source, url string) string {
	title = strings.TrimSpace(title)
	names := siteNames(source, url)
	if len(names) == 0 {
		return title
	}
	low := strings.ToLower(title)
	// Site name after the headline: cut at the earliest separator whose
	// remainder names the site.
	best := -1
	for _, sep := range titleSeparators {
		for off := 0; ; {
			i := strings.Index(low[off:], sep)
			if i < 0 {
				break
			}
			i += off
			if (best < 0 || i < best) && namesSite(firstSegment(low[i+len(sep):]), names) && words(title[:i]) >= 3 {
				best = i
			}
			off = i + len(sep)
		}
	}
	if best > 0 {
		return strings.TrimSpace(title[:best])
	}
	// Site name before the headline: the part before the first separator
	// is the site name and little else.
	for _, sep := range titleSeparators {
		i := strings.Index(low, sep)
		if i <= 0 {
			continue
		}
		head := low[:i]
		if namesSite(head, names) && len(squash(head)) <= shortestName(names)+12 && words(title[i+len(sep):]) >= 3 {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// firstSegment returns s up to its first title separator.
func firstSegment(s string) string {
	end := len(s)
	for _, sep := range titleSeparators {
		if i := strings.Index(s, sep); i >= 0 && i < end {
			end = i
		}
	}
	return s[:end]
}

func shortestName(names []string) int {
	n := 1 << 30
	for _, s := range names {
		if k := len(squash(s)); k < n {
			n = k
		}
	}
	return n
}

func words(s string) int { return len(strings.Fields(s)) }

// siteNames returns lower-case names the site goes by.
func siteNames(source, url string) []string {
	var names []string
	if s := strings.ToLower(strings.TrimSpace(source)); utf8.RuneCountInString(s) >= 3 {
		names = append(names, s)
	}
	host := strings.ToLower(url)
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	host, _, _ = strings.Cut(host, "/")
	host = strings.TrimPrefix(host, "www.")
	if i := strings.LastIndexByte(host, '.'); i > 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, '.'); i >= 0 {
		host = host[i+1:]
	}
	if len(host) >= 3 {
		names = append(names, host)
	}
	return names
}

// namesSite reports whether s mentions one of names, ignoring spaces and
// punctuation ("WSVN 7News" matches host "wsvn").
func namesSite(s string, names []string) bool {
	flat := squash(s)
	for _, n := range names {
		if f := squash(n); f != "" && strings.Contains(flat, f) {
			return true
		}
	}
	return false
}

// squash keeps only letters and digits of s.
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
