package cluster

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func TestNewsHeadline(t *testing.T) {
	tests := []struct {
		name, title, source string
		want                bool
	}{
		{"plain report", "Flood closes three bridges in Marlow county", "Daily Courier", true},
		{"speaker before a colon", "Okafor: I will not sign the budget", "Daily Courier", true},
		{"first person inside a quote", "Mayor on the flood: 'We lost everything in one night'", "Daily Courier", true},
		{"quote opens the headline", "'We are not leaving,' strikers at Marlow mill vow", "Daily Courier", true},
		{"reported speech ends it", "We will rebuild the bridge by spring, mayor says", "Daily Courier", true},
		{"reporting verb before the pronoun", "Okafor Said the Deal Was My Idea All Along", "Daily Courier", true},
		{"roman numeral", "Last World War I veteran of Valdoria dies at 109", "Daily Courier", true},
		{"roman numeral at the end", "Marlow Flood Trial I", "Daily Courier", true},
		{"roman numeral before a colon", "Marlow Flood Trial I: the verdict", "Daily Courier", true},
		{"a name with Our in sentence case", "Thousands join the March for Our Lives in Marlow", "Daily Courier", true},
		{"opinion is a word, not a label", "Council vote shifts public opinion on the dam", "Daily Courier", true},
		{"a quoted question", `Okafor asks the council: "Who pays for the dam?"`, "Daily Courier", true},
		{"briefing is a word, not a digest", "Minister makes false claims in first briefing", "Daily Courier", true},
		{"an outlet named Review", "Flood closes three bridges in Marlow county", "Marlow Review", true},

		{"opinion label", "Opinion: The dam was a mistake from the start", "Daily Courier", false},
		{"upper-case label", "OPINION: The dam was a mistake from the start", "Daily Courier", false},
		{"byline-style label", "Opinion | The dam was a mistake from the start", "Daily Courier", false},
		{"label at the end", "The dam was a mistake from the start | Opinion", "Daily Courier", false},
		{"label after a dash", "The dam was a mistake from the start - Analysis", "Daily Courier", false},
		{"label in brackets", "The dam was a mistake from the start (Column)", "Daily Courier", false},
		{"op-ed", "Op-Ed: Marlow deserves a better council", "Daily Courier", false},
		{"letters", "Letters to the editor: readers on the Marlow dam", "Daily Courier", false},
		{"editorial", "EDITORIAL: Rebuild the bridge now", "Daily Courier", false},
		{"analysis", "Analysis: Why the Marlow vote matters for the region", "Daily Courier", false},
		{"question", "Can Marlow afford a new dam?", "Daily Courier", false},
		{"question with trailing space", "Can Marlow afford a new dam? ", "Daily Courier", false},
		{"digest name alone", "Morning Briefing", "Daily Courier", false},
		{"digest name first", "The Daily 202: Okafor bets on the dam", "Daily Courier", false},
		{"live page", "Marlow flood: Live updates", "Daily Courier", false},
		{"first person", "Why we should never have built the Marlow dam", "Daily Courier", false},
		{"first person in title case", "Our Town Deserves Better Than This Dam", "Daily Courier", false},
		{"opinion outlet after a dash", "The dam was a mistake from the start", "Daily Courier - Opinion", false},
		{"opinion outlet, last word", "The dam was a mistake from the start", "Courier Editorial", false},
		{"opinion outlet in brackets", "The dam was a mistake from the start", "Daily Courier (Opinion)", false},
		{"opinion outlet, last two words", "The dam was a mistake from the start", "Daily Courier Editorial Board", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newsHeadline(tt.title, tt.source); got != tt.want {
				t.Errorf("newsHeadline(%q, %q) = %v; want %v", tt.title, tt.source, got, tt.want)
			}
		})
	}
}

// A story is titled with its most central news headline, though opinion
// pieces and questions on the event are closer to its centroid; when it
// has no news headline, with its most central headline anyway (issue 12).
func TestStoryTitle(t *testing.T) {
	day := time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)
	lead := "The Marlow dam burst on Monday night after three days of rain, flooding the lower town, closing three bridges and forcing 2,000 residents of Marlow county from their homes, the county emergency office said. "
	doc := func(id, source, title, text string, h int) news.Document {
		return news.Document{Article: news.Article{ID: id, Source: source, Title: title, Text: text, Published: day.Add(time.Duration(h) * time.Hour)}}
	}
	// The opinion pieces and the question repeat the story's words most:
	// they are the members closest to its centroid.
	central := lead + "The Marlow dam burst, the Marlow dam flooded Marlow county, and the Marlow bridges closed."
	// The member that shares the words of both others is the most
	// central.
	rescue := "After the Marlow dam burst, rescue crews in boats pulled forty people from rooftops along the Kessel river before dawn. "
	shelters := "Schools in Marlow county opened as shelters for the families the burst of the dam drove from the lower town. "
	warned := "Engineers from the state water board had warned in 2019 that the spillway of the Marlow dam was cracked. "
	costs := "Repairing the Marlow dam and its three bridges will cost the county at least 40 million dollars, the board said. "
	tests := []struct {
		name string
		docs []news.Document
		want string
	}{
		{
			name: "news headline over more central opinion and question",
			docs: []news.Document{
				doc("a", "Daily Courier", "Opinion: Marlow dam burst was years in the making", central, 0),
				doc("b", "Valley Post", "Marlow dam bursts, forcing 2,000 from homes", lead+"Rescue crews worked through the night.", 1),
				doc("c", "Hill Times", "Could the Marlow dam burst have been prevented?", central, 2),
				doc("d", "Courier - Opinion", "The Marlow dam failed us all", central, 3),
			},
			want: "Marlow dam bursts, forcing 2,000 from homes",
		},
		{
			name: "no news headline: the most central headline",
			docs: []news.Document{
				doc("a", "Hill Times", "Could the Marlow dam burst have been prevented?", rescue+shelters, 0),
				doc("b", "Daily Courier", "Opinion: Marlow dam burst was years in the making", rescue+warned, 1),
				doc("c", "Valley Post", "Is Marlow ready for the next flood?", warned+costs, 2),
			},
			want: "Opinion: Marlow dam burst was years in the making",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stories []Story
			c := New(Options{Now: fixedNow, OnClose: func(s Story) { stories = append(stories, s) }})
			for _, d := range tt.docs {
				c.Add(d)
			}
			c.Close()
			if len(stories) != 1 {
				t.Fatalf("%d stories; want 1", len(stories))
			}
			if got := stories[0].Title; got != tt.want {
				t.Errorf("title %q; want %q", got, tt.want)
			}
		})
	}
}
