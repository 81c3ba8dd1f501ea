package lexicon

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// Every list file is read and passes checkList.
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
		for _, problem := range checkList(file, lines) {
			t.Error(problem)
		}
	}
}

// checkList returns what is wrong with a list file: a note without its
// Source: or Case:, a name listed twice (every name of a calendar line
// "september sep sept" and of a group line "United States = US = U.S"
// counts, and a "key = value" list's keys), a fold list not written in
// lower case, stray spaces, and a synonym group of one word.
func checkList(file string, lines []string) []string {
	h, entries, err := parseHeader(file, lines)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	seen := map[string]bool{}
	for _, e := range entries {
		names := entryNames(file, e)
		if file == "synonyms" && len(names) < 2 {
			problems = append(problems, fmt.Sprintf("%s: synonym group %q has one word: a group needs two", file, e))
		}
		for _, n := range names {
			if seen[n] {
				problems = append(problems, fmt.Sprintf("%s: %q listed twice", file, n))
			}
			seen[n] = true
			if h.rule == fold && n != strings.ToLower(n) {
				problems = append(problems, fmt.Sprintf("%s: %q: a case-fold list is written in lower case", file, n))
			}
			if strings.TrimSpace(n) != n || n == "" {
				problems = append(problems, fmt.Sprintf("%s: entry %q has stray spaces", file, e))
			}
		}
	}
	return problems
}

// entryNames returns the names an entry line of a list file lists.
func entryNames(file, e string) []string {
	for _, c := range calendars {
		if c.file == file {
			return strings.Fields(e)
		}
	}
	if slices.Contains(gazetteers, file) || file == orgAliases || file == "synonyms" {
		return strings.Split(e, " = ")
	}
	key, _, _ := strings.Cut(e, " = ")
	return []string{key}
}

// checkList rejects each fault on its own (issue 10: duplicates within a
// list and one-word synonym groups).
func TestCheckListRejects(t *testing.T) {
	note := "# A test list.\n# Source: this test.\n# Case: fold\n"
	tests := []struct {
		name, file, text string
	}{
		{"duplicate entry", "function-words", note + "the\nof\nthe"},
		{"duplicate key", "scale-words", note + "million = 1e+06\nmillion = 1e6"},
		{"duplicate abbreviation", "months", note + "september sep\noctober sep"},
		{"duplicate name in groups", "countries", note + "united states = us\nus = usa"},
		{"one-word synonym group", "synonyms", note + "kill = slay\nattack"},
		{"no source", "function-words", "# A test list.\n# Case: fold\nthe"},
		{"upper case in a fold list", "function-words", note + "The"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p := checkList(tt.file, strings.Split(tt.text, "\n")); len(p) == 0 {
				t.Errorf("checkList(%s, %q) = no problems; want one", tt.file, tt.text)
			}
		})
	}
	if p := checkList("countries", strings.Split(note+"united states = us\nfrance", "\n")); len(p) != 0 {
		t.Errorf("checkList of a good list = %q; want none", p)
	}
}

// No word is in two synonym groups.
func TestSynonymGroups(t *testing.T) {
	groups := Default().SynonymGroups()
	if len(groups) == 0 {
		t.Fatal("synonyms.txt holds no group")
	}
	in := map[string]int{}
	for i, g := range groups {
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
