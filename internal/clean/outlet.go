package clean

import (
	"net/url"
	"strings"
)

// hostOutlets maps the registrable host of major news sites to the outlet's
// usual name. It is a plain table of well-known sites, deliberately small: an
// unknown host falls back to the host itself ("example.co.uk"), which still
// groups one outlet's articles together for recurring-line detection.
var hostOutlets = map[string]string{
	"abcnews.go.com":        "ABC News",
	"aljazeera.com":         "Al Jazeera",
	"aljazeera.net":         "Al Jazeera",
	"apnews.com":            "Associated Press",
	"axios.com":             "Axios",
	"bbc.co.uk":             "BBC",
	"bbc.com":               "BBC",
	"bloomberg.com":         "Bloomberg",
	"breitbart.com":         "Breitbart",
	"businessinsider.com":   "Business Insider",
	"cbc.ca":                "CBC",
	"cbsnews.com":           "CBS News",
	"cnbc.com":              "CNBC",
	"cnn.com":               "CNN",
	"dailymail.co.uk":       "Daily Mail",
	"dw.com":                "DW",
	"economist.com":         "The Economist",
	"euronews.com":          "Euronews",
	"foxnews.com":           "Fox News",
	"france24.com":          "France 24",
	"ft.com":                "Financial Times",
	"guardian.co.uk":        "The Guardian",
	"huffingtonpost.com":    "HuffPost",
	"huffpost.com":          "HuffPost",
	"independent.co.uk":     "The Independent",
	"latimes.com":           "Los Angeles Times",
	"msnbc.com":             "MSNBC",
	"nationalreview.com":    "National Review",
	"nbcnews.com":           "NBC News",
	"newsweek.com":          "Newsweek",
	"npr.org":               "NPR",
	"nypost.com":            "New York Post",
	"nytimes.com":           "The New York Times",
	"politico.com":          "Politico",
	"reuters.com":           "Reuters",
	"salon.com":             "Salon",
	"skynews.com":           "Sky News",
	"news.sky.com":          "Sky News",
	"telegraph.co.uk":       "The Telegraph",
	"theatlantic.com":       "The Atlantic",
	"theguardian.com":       "The Guardian",
	"thehill.com":           "The Hill",
	"thetimes.co.uk":        "The Times",
	"time.com":              "Time",
	"usatoday.com":          "USA Today",
	"vox.com":               "Vox",
	"washingtonpost.com":    "The Washington Post",
	"washingtontimes.com":   "The Washington Times",
	"wsj.com":               "The Wall Street Journal",
	"yahoo.com":             "Yahoo News",
	"news.yahoo.com":        "Yahoo News",
	"abc.net.au":            "ABC News (Australia)",
	"smh.com.au":            "The Sydney Morning Herald",
	"scmp.com":              "South China Morning Post",
	"timesofindia.com":      "The Times of India",
	"hindustantimes.com":    "Hindustan Times",
	"thehindu.com":          "The Hindu",
	"lemonde.fr":            "Le Monde",
	"spiegel.de":            "Der Spiegel",
	"elpais.com":            "El País",
	"haaretz.com":           "Haaretz",
	"timesofisrael.com":     "The Times of Israel",
	"japantimes.co.jp":      "The Japan Times",
	"rt.com":                "RT",
	"theglobeandmail.com":   "The Globe and Mail",
	"irishtimes.com":        "The Irish Times",
	"chicagotribune.com":    "Chicago Tribune",
	"bostonglobe.com":       "The Boston Globe",
	"csmonitor.com":         "The Christian Science Monitor",
	"motherjones.com":       "Mother Jones",
	"thedailybeast.com":     "The Daily Beast",
	"dailycaller.com":       "The Daily Caller",
	"propublica.org":        "ProPublica",
	"pbs.org":               "PBS",
	"voanews.com":           "VOA",
	"afp.com":               "AFP",
	"news.google.com":       "",
	"feeds.feedburner.com":  "",
	"feedproxy.google.com":  "",
	"web.archive.org":       "",
	"archive.org":           "",
	"t.co":                  "",
	"bit.ly":                "",
	"ow.ly":                 "",
	"amp.theguardian.com":   "The Guardian",
	"edition.cnn.com":       "CNN",
	"mobile.nytimes.com":    "The New York Times",
	"mobile.reuters.com":    "Reuters",
	"uk.reuters.com":        "Reuters",
	"in.reuters.com":        "Reuters",
	"english.aljazeera.net": "Al Jazeera",
}

// OutletFromURL returns the outlet name for an article address: the name of
// a well-known site from a small table, else the host without "www.", "m.",
// "amp." or "mobile."; "" when raw has no host or is a redirector/aggregator
// address that says nothing about the outlet.
func OutletFromURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "" || !strings.Contains(host, ".") {
		return ""
	}
	for _, p := range []string{"www.", "m.", "amp.", "mobile."} {
		host = strings.TrimPrefix(host, p)
	}
	// The host itself, then each parent domain ("news.bbc.co.uk" -> "bbc.co.uk").
	for h := host; strings.Contains(h, "."); {
		if name, ok := hostOutlets[h]; ok {
			return name
		}
		i := strings.IndexByte(h, '.')
		h = h[i+1:]
	}
	return host
}

// corporateSuffixes are trailing words of a company name that are not part of
// the outlet's name ("The Example Times, LLC").
var corporateSuffixes = []string{
	"llc", "l.l.c.", "inc", "inc.", "ltd", "ltd.", "limited", "plc", "corp", "corp.",
	"corporation", "co.", "gmbh", "s.a.", "ag", "group", "media group",
}

// outletName tidies an outlet name read from a sign-off or copyright line:
// it drops a leading year, "by", a trailing corporate suffix and
// punctuation, and returns "" when what is left does not look like a name
// (no capital letter, too long).
func outletName(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimLeft(s, "0123456789-–, ")
		t = strings.TrimPrefix(t, "by ")
		t = strings.TrimPrefix(t, "By ")
		if t == s {
			break
		}
		s = t
	}
	if i := strings.IndexAny(s, ".|;"); i >= 0 && !strings.HasSuffix(strings.ToLower(s[:min(i+1, len(s))]), "co.") {
		// "The Example Times. All rights reserved" -> the part before the sentence end;
		// keep dots inside host names ("Example.com").
		if i+1 >= len(s) || s[i+1] == ' ' {
			s = s[:i]
		}
	}
	s = strings.TrimRight(s, " ,.;:")
	for changed := true; changed; {
		changed = false
		low := strings.ToLower(s)
		for _, suf := range corporateSuffixes {
			if strings.HasSuffix(low, " "+suf) || strings.HasSuffix(low, ","+suf) {
				s = strings.TrimRight(s[:len(s)-len(suf)], " ,")
				changed = true
				break
			}
		}
	}
	if s == "" || len(s) > 60 || countWords(s) > 6 {
		return ""
	}
	hasUpper := false
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r > 0x7f && isUpperRune(r) {
			hasUpper = true
			break
		}
	}
	if !hasUpper {
		return ""
	}
	return s
}
