package token

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEach(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The tide is receding.", []string{"The", "tide", "is", "receding"}},
		{"numbers", "about 39,000 troops, 3.5% and 4,408.", []string{"about", "39,000", "troops", "3.5", "and", "4,408"}},
		{"names", "Nouri al-Maliki's office", []string{"Nouri", "al-Maliki's", "office"}},
		{"curly apostrophe", "don’t stop", []string{"don’t", "stop"}},
		{"trailing joiners", "end- 'quoted' 5,", []string{"end", "quoted", "5"}},
		{"unicode", "Zürich café 東京", []string{"Zürich", "café", "東京"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			Each(tt.in, func(w Word) { got = append(got, w.Text(tt.in)) })
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Each(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Obama's": "obama", "Don’t": "don't", "US": "us", "it's": "it's"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q; want %q", in, got, want)
		}
	}
}

func FuzzEach(f *testing.F) {
	for _, s := range []string{"a b", "39,000.", "al-'x", "\xff\xfe-1", "é'’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		Each(s, func(w Word) {
			if w.Start < last || w.End <= w.Start || w.End > len(s) {
				t.Fatalf("Each(%q): bad word %v after %d", s, w, last)
			}
			last = w.End
		})
	})
}

func BenchmarkEach(b *testing.B) {
	s := ""
	for len(s) < 5000 {
		s += "US President Barack Obama said 39,000 troops would leave by the end of the year. "
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		n := 0
		Each(s, func(Word) { n++ })
	}
}

func TestIsStop(t *testing.T) {
	for _, w := range []string{"the", "don't", "yourselves", "said", "us", "mr", "will", "may"} {
		if !IsStop(w) {
			t.Errorf("IsStop(%q) = false", w)
		}
	}
	for _, w := range []string{"", "troops", "Said", "THE", "themselvesx", "x", "'s", "ünter", "ourselve"} {
		if IsStop(w) {
			t.Errorf("IsStop(%q) = true", w)
		}
	}
}

func BenchmarkIsStop(b *testing.B) {
	words := strings.Fields("the US troops will leave Iraq by the end of the year said the president who spoke at the White House on Friday about a war that cost nearly 4,500 American lives and more than a trillion dollars themselves")
	for b.Loop() {
		for _, w := range words {
			IsStop(w)
		}
	}
}
