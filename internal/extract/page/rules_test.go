package page

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestRenderSplit(t *testing.T) {
	tests := []struct {
		name, src, split, joined string
	}{
		{"links laid out as items", `<p><a>Read the news</a><a>Manage downloads</a></p>`, "Read the news Manage downloads", "Read the newsManage downloads"},
		{"digit before a capital", `<p><span>2021</span><span>Next story</span></p>`, "2021 Next story", "2021Next story"},
		{"drop cap stays one word", `<p><span class="cap">T</span>he river rose.</p>`, "The river rose.", "The river rose."},
		{"markup inside a word", `<p>un<em>believ</em>able</p>`, "unbelievable", "unbelievable"},
		{"camel case in one text", `<p>the iPhone and McDonald</p>`, "the iPhone and McDonald", "the iPhone and McDonald"},
		{"pre is kept", "<pre><b>x</b>Y</pre>", "xY", "xY"},
	}
	for _, tc := range tests {
		doc, err := html.Parse(strings.NewReader(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := Render(doc); got != tc.split {
			t.Errorf("%s: Render = %q; want %q", tc.name, got, tc.split)
		}
		if got := RenderJoined(doc); got != tc.joined {
			t.Errorf("%s: RenderJoined = %q; want %q", tc.name, got, tc.joined)
		}
	}
}

func TestDropBoilerplateWithout(t *testing.T) {
	body := strings.Repeat("The council met on Tuesday and agreed to repair the harbour bridge before winter. ", 3)
	tests := []struct {
		name, para string
		rule       Boiler
	}{
		{"label", "Menu", BoilerExact},
		{"date line", "17. November 2019, 19:49", BoilerDateLine},
		{"term", "Subscribe to our newsletter", BoilerTerms},
		{"start term", "Foto: Max Muster", BoilerStartTerms},
		{"weak term", "Facebook Twitter WhatsApp", BoilerWeakTerms},
		{"byline", "By Jane Doe", BoilerByline},
	}
	for _, tc := range tests {
		text := body + "\n\n" + tc.para + "\n\n" + body
		if got := DropBoilerplate(text); strings.Contains(got, tc.para) {
			t.Errorf("%s: DropBoilerplate kept %q", tc.name, tc.para)
		}
		if got := DropBoilerplateWithout(text, tc.rule); !strings.Contains(got, tc.para) {
			t.Errorf("%s: DropBoilerplateWithout(its rule) dropped %q", tc.name, tc.para)
		}
	}
	related := body + "\n\n" + body + "\n\nRelated articles\n\nBridge closes for a week\n\nFerry timetable changes"
	if got := DropBoilerplate(related); strings.Contains(got, "Ferry") {
		t.Errorf("related block kept: %q", got)
	}
	if got := DropBoilerplateWithout(related, BoilerRelatedCut|BoilerTerms); !strings.Contains(got, "Ferry") {
		t.Errorf("related cut off: block dropped: %q", got)
	}
	comments := body + "\n\n" + body + "\n\n12 Comments\n\nGreat piece, thanks"
	if got := DropBoilerplate(comments); strings.Contains(got, "Great piece") {
		t.Errorf("comments kept: %q", got)
	}
	if got := DropBoilerplateWithout(comments, BoilerCommentCut|BoilerWeakTerms); !strings.Contains(got, "Great piece") {
		t.Errorf("comment cut off: comments dropped: %q", got)
	}
}
