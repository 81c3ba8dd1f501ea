package page

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDetectCharset(t *testing.T) {
	tests := []struct {
		name, page, contentType, want string
	}{
		{"meta charset", `<html><head><meta charset="windows-1252"></head>caf` + "\xe9", "", "windows-1252"},
		{"http-equiv", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">`, "", "iso-8859-2"},
		{"header wins", `<html><head><meta charset="utf-8">caf` + "\xe9", "text/html; charset=windows-1252", "windows-1252"},
		{"undeclared valid utf-8", "<html><body>café", "", "utf-8"},
		{"undeclared latin", "<html><body>caf\xe9", "", "windows-1252"},
		{"declared latin but utf-8 bytes", `<meta charset="iso-8859-1"><p>café`, "", "utf-8"},
		{"declared utf-8 but latin bytes", `<meta charset="utf-8"><p>caf` + "\xe9 na\xefve", "", "windows-1252"},
		{"meta after 1024 bytes", "<html><head><!--" + strings.Repeat("x", 3000) + `--><meta charset="koi8-r">`, "", "koi8-r"},
		{"bom", "\xef\xbb\xbf<html>caf\xc3\xa9", "", "utf-8"},
		{"declared gb2312 but utf-8 bytes", `<meta charset="gb2312"><p>中文`, "", "utf-8"},
		{"declared gb2312, gbk bytes", `<meta charset="gb2312"><p>` + "\xd6\xd0\xce\xc4", "", "gbk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := detectCharset([]byte(tt.page), tt.contentType)
			if got != tt.want {
				t.Errorf("detectCharset(%q, %q) = %q; want %q", tt.page, tt.contentType, got, tt.want)
			}
		})
	}
}

func TestDropBoilerplate(t *testing.T) {
	body := "A long paragraph of real body text that reports what happened yesterday in the city centre and why it matters."
	tests := []struct {
		name, in, want string
	}{
		{"credit", body + "\n\nFoto: Agency", body},
		{"date line", "23.10.2018\n\n" + body, body},
		{"date and time", body + "\n\n17. November 2019, 19:49", body},
		{"row of numbers kept", body + "\n\n12 34 56", body + "\n\n12 34 56"},
		{"year alone kept", body + "\n\n2019", body + "\n\n2019"},
		{"sharing bar", body + "\n\nFacebook Twitter WhatsApp", body},
		{"sentence with a network name kept", body + "\n\nHe posted the video on Facebook.", body + "\n\nHe posted the video on Facebook."},
		{"word containing a term kept", body + "\n\nInstagramshops sind beliebt", body + "\n\nInstagramshops sind beliebt"},
		{"related block cut", body + "\n\n" + body + "\n\nRelated articles\n\nCouncil approves budget\n\nFerry timetable changes", body + "\n\n" + body},
		{"related heading early only dropped", "Related\n\n" + body + "\n\n" + body, body + "\n\n" + body},
		{"newsletter", body + "\n\nAbonniere unseren Newsletter!", body},
		{"short body paragraph kept", body + "\n\nThe vote is on Monday.", body + "\n\nThe vote is on Monday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DropBoilerplate(tt.in); got != tt.want {
				t.Errorf("DropBoilerplate(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFindHeaderLead(t *testing.T) {
	lead := "The council approved the new cycle lanes on Tuesday after a debate that lasted four hours."
	tests := []struct {
		name, page, want string
	}{
		{"teaser class after h1", `<body><h1>Cycle lanes</h1><div class="article-teaser"><p>` + lead + `</p></div><p>Body.</p></body>`, lead},
		{"itemprop description", `<body><h1>Cycle lanes</h1><p itemprop="description">` + lead + `</p></body>`, lead},
		{"teaser before h1 ignored", `<body><div class="teaser">` + lead + `</div><h1>Cycle lanes</h1></body>`, ""},
		{"linked teaser ignored", `<body><h1>Cycle lanes</h1><div class="teaser"><a href="/x">` + lead + `</a></div></body>`, ""},
		{"newsletter box ignored", `<body><h1>Cycle lanes</h1><div class="teaser">Subscribe to our newsletter and get the best stories of the week in your inbox.</div></body>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.page)
			if err != nil {
				t.Fatal(err)
			}
			if got := FindHeaderLead(doc); got != tt.want {
				t.Errorf("FindHeaderLead(%q) = %q; want %q", tt.page, got, tt.want)
			}
		})
	}
}

func TestMetaPublished(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"json-ld wins over meta", `<head><meta property="article:published_time" content="2024-03-05T10:00:00Z"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-04T09:30:00Z","dateModified":"2024-03-06T10:00:00Z"}</script></head>`, "2024-03-04"},
		{"modified ignored", `<head><meta property="article:modified_time" content="2024-03-06T10:00:00Z"><meta name="date" content="2024-03-01"></head>`, "2024-03-01"},
		{"microdata on a paragraph", `<body><p itemprop="datePublished" content="2022-01-14 10:31:00">14.01.2022</p></body>`, "2022-01-14"},
		{"time element", `<body><time itemprop="datePublished" datetime="2021-05-02">2 May</time></body>`, "2021-05-02"},
		{"commented out", `<head><!-- <meta property="article:published_time" content="2016-09-08T11:15:24+00:00" /> --></head>`, ""},
		{"implausible", `<head><meta property="article:published_time" content="1970-01-01T00:00:00Z"></head>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.page)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if d := MetaPublished(doc); !d.IsZero() {
				got = d.Format("2006-01-02")
			}
			if got != tt.want {
				t.Errorf("MetaPublished(%q) = %q; want %q", tt.page, got, tt.want)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct {
		title, source, url, want string
	}{
		{"15-year-old driver killed in crash - WSVN 7News | Miami News, Weather, Sports", "WSVN 7News", "https://wsvn.com/news/x", "15-year-old driver killed in crash"},
		{"Harbour bridge reopens after repairs | The Example Gazette", "The Example Gazette", "", "Harbour bridge reopens after repairs"},
		{"Gazette - Harbour bridge reopens after repairs", "", "https://www.gazette.example/a", "Harbour bridge reopens after repairs"},
		{"Brexit - what happens next for the UK economy", "The Example Gazette", "https://gazette.example/", "Brexit - what happens next for the UK economy"},
		{"Obama | Gazette", "", "https://gazette.example/", "Obama | Gazette"},
		{"No site at all", "", "", "No site at all"},
		{"Olympic games in Paris - Drinks by boat to the centre - Trade.example", "", "https://trade.example/x", "Olympic games in Paris - Drinks by boat to the centre"},
	}
	for _, tt := range tests {
		if got := CleanTitle(tt.title, tt.source, tt.url); got != tt.want {
			t.Errorf("CleanTitle(%q, %q, %q) = %q; want %q", tt.title, tt.source, tt.url, got, tt.want)
		}
	}
}

func TestUnglue(t *testing.T) {
	const body = `<html><body><article><h1>Flood</h1><p>The river rose overnight.</p><p>Forty homes were cut off (the valley road).</p><p>Crews arrived at noon.</p></article></body></html>`
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, in, want string }{
		{"glued blocks", "The river rose overnight.Forty homes were cut off (the valley road).Crews arrived at noon.",
			"The river rose overnight.\n\nForty homes were cut off (the valley road).\n\nCrews arrived at noon."},
		{"glued to the headline", "FloodThe river rose overnight.Forty homes were cut off (the valley road).",
			"Flood\n\nThe river rose overnight.\n\nForty homes were cut off (the valley road)."},
		{"already separate", "The river rose overnight.\n\nCrews arrived at noon.", "The river rose overnight.\n\nCrews arrived at noon."},
		{"not the page's blocks", "It rose.Then it fell.", "It rose.Then it fell."},
		{"an initialism is no glue", "The U.S.Army said so.", "The U.S.Army said so."},
	} {
		if got := Unglue(tc.in, doc); got != tc.want {
			t.Errorf("%s: Unglue(%q) = %q; want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestParseDeep checks that pages nested past the parser's 512 open
// elements parse, with every word of their text kept, whatever makes them
// deep: explicit elements, or tables whose <tbody>, <tr> and <td> the
// parser opens by itself.
func TestParseDeep(t *testing.T) {
	for name, page := range map[string]string{
		"divs":            strings.Repeat("<div>", 2000) + "deep words" + strings.Repeat("</div>", 2000),
		"tables":          strings.Repeat("<table><tr><td>", 200) + "deep words" + strings.Repeat("</td></tr></table>", 200),
		"unclosed tables": strings.Repeat("<table><td>", 300) + "deep words",
		"lists":           strings.Repeat("<ul><li>", 400) + "deep words",
		"mixed":           strings.Repeat("<table><tr><td><div><ul><li>", 150) + "deep words",
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse("<html><body><p>first</p>" + page + "<p>last</p></body></html>")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var text strings.Builder
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.TextNode {
					text.WriteString(n.Data + " ")
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			if got := strings.Join(strings.Fields(text.String()), " "); got != "first deep words last" {
				t.Errorf("text = %q; want %q", got, "first deep words last")
			}
		})
	}
}
