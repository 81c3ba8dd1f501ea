package lexicon

import (
	"io/fs"
	"strings"
	"testing"
)

// Every list file is read, has a note with its source and case rule, and
// holds each entry once; a fold list is written in lower case.
func TestListFiles(t *testing.T) {
	read := map[string]bool{orgAliases: true}
	for _, l := range files {
		read[l.file] = true
	}
	for _, f := range append(append(append(gazetteers, valued...), sets...), "months", "weekdays", "synonyms", "name-prefixes") {
		read[f] = true
	}
	names, err := fs.Glob(data, "data/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range names {
		file := strings.TrimSuffix(strings.TrimPrefix(p, "data/"), ".txt")
		if !read[file] {
			t.Errorf("%s: no list reads it", p)
		}
		lines, err := readLines(data, file)
		if err != nil {
			t.Fatal(err)
		}
		h, entries, err := parseHeader(file, lines)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		seen := map[string]bool{}
		for _, e := range entries {
			key, _, _ := strings.Cut(e, " = ")
			if seen[key] {
				t.Errorf("%s: %q listed twice", file, key)
			}
			seen[key] = true
			if h.rule == fold && key != strings.ToLower(key) {
				t.Errorf("%s: %q: a case-fold list is written in lower case", file, key)
			}
			if strings.TrimSpace(key) != key || key == "" {
				t.Errorf("%s: entry %q has stray spaces", file, e)
			}
		}
	}
}

// A synonym group names at least two words, each once; no word is in two
// groups.
func TestSynonymGroups(t *testing.T) {
	groups := Default().SynonymGroups()
	if len(groups) == 0 {
		t.Fatal("synonyms.txt holds no group")
	}
	in := map[string]int{}
	for i, g := range groups {
		if len(g) < 2 {
			t.Errorf("synonym group %d %q has one word: a group needs two", i+1, g)
		}
		for _, w := range g {
			switch j, ok := in[w]; {
			case ok && j == i:
				t.Errorf("%q is listed twice in synonym group %d %q", w, i+1, g)
			case ok:
				t.Errorf("%q is in synonym groups %d and %d", w, j+1, i+1)
			}
			in[w] = i
		}
	}
}

func TestLookup(t *testing.T) {
	lx := Default()
	tests := []struct {
		word string
		in   Class
		out  Class
	}{
		{"the", Function, Topicless},
		{"The", Function, 0},
		{"THE", Function, 0},
		{"said", ReportingVerb | InvertingVerb | Topicless, Function},
		{"Said", ReportingVerb, 0},
		{"don’t", Function, 0},
		{"US", Known | Gazetteer | Topicless, Organization}, // fold lists match UPPER case too
		{"us", Topicless, Known},
		{"Mr", TitleHead | Abbreviation, 0},
		{"May", Month, 0},
		{"sept", MonthAbbr, Month},
		{"Hillary", GivenName | GivenNameFemale, 0},
		{"ONE", NumberWord, 0},
		{"one", NumberValue, NumberWord},
		{"millions", 0, ScaleWord},
		{"Xyzzy", 0, ^Class(0)},
	}
	for _, tt := range tests {
		got := lx.Lookup(tt.word)
		if got&tt.in != tt.in || got&tt.out != 0 {
			t.Errorf("Lookup(%q) = %b; want the bits %b and none of %b", tt.word, got, tt.in, tt.out)
		}
	}
	if c, ok := lx.Place("U.S"); !ok || c != "United States" {
		t.Errorf("Place(U.S) = %q, %v; want United States", c, ok)
	}
	if c, ok := lx.OrganizationAlias("NATO"); !ok || c != "North Atlantic Treaty Organization" {
		t.Errorf("OrganizationAlias(NATO) = %q, %v", c, ok)
	}
	if !lx.Has("honorifics", "Mr") || lx.Has("honorifics", "mr") || !lx.Has("title-case-small-words", "The") {
		t.Errorf("Has: honorifics Mr %v, mr %v; title-case-small-words The %v", lx.Has("honorifics", "Mr"), lx.Has("honorifics", "mr"), lx.Has("title-case-small-words", "The"))
	}
	if n := lx.Ordinal("sept"); n != 9 {
		t.Errorf("Ordinal(sept) = %d; want 9", n)
	}
	if n := lx.Ordinal("tues"); n != 3 {
		t.Errorf("Ordinal(tues) = %d; want 3", n)
	}
	if v, ok := lx.Value("scale-words", "million"); !ok || v != "1e+06" {
		t.Errorf("Value(scale-words, million) = %q, %v", v, ok)
	}
}

func BenchmarkLookup(b *testing.B) {
	lx := Default()
	words := strings.Fields("The president said on Tuesday that about 39,000 US troops would leave Iraq by the end of the year, and Obama insisted")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			lx.Lookup(w)
		}
	}
}
