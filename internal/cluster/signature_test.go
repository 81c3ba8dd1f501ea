package cluster

import (
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/analyze"
	"github.com/parallax-news/parallax/internal/news"
)

// analyzed returns a hand-written article with its analysis.
func analyzed(id, title, text string, published time.Time) news.Document {
	z := &analyze.Analyzer{Options: analyze.Options{SkipQuotes: true}}
	return z.Analyze(news.Article{ID: id, Title: title, Text: text, Published: published})
}

func TestSignature(t *testing.T) {
	d := analyzed("a", "Earthquake shakes Brackton",
		"BRACKTON, Wexland — An earthquake struck Brackton on Tuesday, killing 12 people, said the mayor, Dana Marlow.\n\n"+
			"Rescue teams searched the rubble through the night.\n\n"+
			"In Lorrimer, far to the north, Jo Penhallow said 40 houses had been damaged.", time.Time{})
	sg := Extract(d).Sig
	if !slices.Contains(sg.Places, hashString(Place, "brackton")) {
		t.Errorf("places %v lack the dateline's brackton", sg.Places)
	}
	if slices.Contains(sg.Places, hashString(Place, "lorrimer")) {
		t.Errorf("places %v hold lorrimer, named after the lead", sg.Places)
	}
	if sg.Weekday != 3 {
		t.Errorf("weekday %d, want 3 (Tuesday)", sg.Weekday)
	}
	if sg.Day != 0 || sg.Year != 0 {
		t.Errorf("an undated article without a date in its lead has day %d, year %d", sg.Day, sg.Year)
	}
	if len(sg.Figures) == 0 {
		t.Errorf("no figures (12 killed)")
	}
	pub := time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)
	if sg := Extract(analyzed("b", "", "A storm hit the coast.", pub)).Sig; sg.Day != int32(pub.Unix()/86400) || sg.Year != 2021 {
		t.Errorf("dated article: day %d, year %d; want its date", sg.Day, sg.Year)
	}
}

func TestDateline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SEOUL, South Korea (AP) — North Korea said", "seoul"},
		{"LOS ANGELES - The city council", "los angeles"},
		{"The mayor said on Monday, in a statement", ""},
		{"Police said", ""},
	} {
		if got := dateline(c.in); got != c.want {
			t.Errorf("dateline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSigMatch(t *testing.T) {
	a := &Signature{Day: 100, Told: true, Places: []uint64{1, 2}, Actors: []uint64{7}, Figures: []Figure{{Of: 9, Value: 12}}}
	same := &Signature{Day: 101, Places: []uint64{2}, Figures: []Figure{{Of: 9, Value: 12}}}
	other := &Signature{Day: 130, Places: []uint64{3}, Actors: []uint64{8}, Figures: []Figure{{Of: 9, Value: 40}}}
	near := &Signature{Day: 103}
	ag, cf := sigMatch(a, []*Signature{same}, nil)
	if ag[sigPlace] != 1 || ag[sigDay] != 1 || ag[sigFigure] != 1 || cf != [numSig]bool{} {
		t.Errorf("same event: agree %v conflict %v", ag, cf)
	}
	ag, cf = sigMatch(a, []*Signature{other}, nil)
	if ag != [numSig]float64{} || !cf[sigPlace] || !cf[sigDay] || !cf[sigActor] || !cf[sigFigure] {
		t.Errorf("other event: agree %v conflict %v", ag, cf)
	}
	// One member that agrees is enough: no conflict.
	if _, cf = sigMatch(a, []*Signature{other, same}, nil); cf[sigPlace] || cf[sigDay] || cf[sigFigure] {
		t.Errorf("with one agreeing member: conflict %v", cf)
	}
	// Three days apart is neither agreement nor conflict.
	if ag, cf = sigMatch(a, []*Signature{near}, nil); ag[sigDay] != 0 || cf[sigDay] {
		t.Errorf("three days apart: agree %v conflict %v", ag[sigDay], cf[sigDay])
	}
	// Two publication dates of one day are no evidence: every article of
	// that day shares them.
	if ag, cf = sigMatch(&Signature{Day: 100, Year: 2011}, []*Signature{{Day: 100, Year: 2011}}, nil); ag[sigDay] != 0 || ag[sigYear] != 0 || cf[sigDay] || cf[sigYear] {
		t.Errorf("same publication day: agree %v conflict %v", ag, cf)
	}
	if ag, _ = sigMatch(a, []*Signature{same}, func(uint64) float64 { return 0.25 }); ag[sigPlace] != 0.25 {
		t.Errorf("a common place agrees %v, want its rarity 0.25", ag[sigPlace])
	}
}

// TestExplainSignature checks that a join's explanation names the
// channels that agreed and conflicted, and that a conflict lowers the
// score below what an agreeing report gets.
func TestExplainSignature(t *testing.T) {
	body := func(place, day string, n string) string {
		return place + " — A magnitude 6.1 earthquake struck the coastal town of " + place + " on " + day +
			", killing " + n + " people and flattening the harbour market, the regional governor said.\n\n" +
			"Rescue teams from the capital dug through collapsed houses as aftershocks shook the coast."
	}
	c := New(Options{Explain: true, Now: fixedNow})
	c.AddFeatures(Extract(analyzed("a1", "Earthquake kills 12 in Brackton", body("BRACKTON", "Tuesday", "12"), time.Time{})))
	agree := c.AddFeatures(Extract(analyzed("a2", "Brackton quake toll rises to 12",
		"BRACKTON — Twelve people died when a magnitude 6.1 earthquake hit Brackton on Tuesday, officials said, "+
			"and the harbour market was flattened.\n\nAftershocks shook the coastal town as rescue teams searched collapsed houses.", time.Time{})))
	other := c.AddFeatures(Extract(analyzed("b1", "Earthquake kills 40 in Lorrimer", body("LORRIMER", "Saturday", "40"), time.Time{})))
	ea, eo := agree.Explain, other.Explain
	if ea == nil || eo == nil {
		t.Fatal("no explanation")
	}
	if ea.Signature <= 0 || !slices.Contains(ea.Agree, "place") || len(ea.Conflict) > 0 {
		t.Errorf("same report: signature %.3f, agree %v, conflict %v", ea.Signature, ea.Agree, ea.Conflict)
	}
	if other.New {
		if eo.RunnerUpSimilarity >= ea.Similarity {
			t.Errorf("other event scored %.3f, the same event %.3f", eo.RunnerUpSimilarity, ea.Similarity)
		}
		return
	}
	if eo.Signature >= 0 || !slices.Contains(eo.Conflict, "place") {
		t.Errorf("other event joined with signature %.3f, conflict %v", eo.Signature, eo.Conflict)
	}
}
