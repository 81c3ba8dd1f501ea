package desk_test

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/desk"
)

// textHashRef is TextHash's definition, written the simple way.
func textHashRef(text string) []byte {
	fields := strings.Fields(text)
	for i, f := range fields {
		fields[i] = strings.ToLower(f)
	}
	h := sha256.Sum256([]byte(strings.Join(fields, " ")))
	return h[:]
}

var hashTexts = []string{
	"", " ", "a", "The Dam Broke", "  the\tdam\n\nbroke  ", "THE DAM BROKE",
	"İstanbul ÇAĞ", "a\u00a0b\u2003c\u0085d", "caf\xe9 \xff\xfe", "\ufffd x",
	strings.Repeat("Word ", 2000), strings.Repeat("Ünïcödé  ", 900) + "END",
}

func TestTextHash(t *testing.T) {
	for _, s := range hashTexts {
		if got, want := desk.TextHash(s), textHashRef(s); !bytes.Equal(got, want) {
			t.Errorf("TextHash(%.40q) = %x; want %x", s, got, want)
		}
	}
	if !bytes.Equal(desk.TextHash("The  dam\nbroke"), desk.TextHash("the dam broke")) {
		t.Error("TextHash differs for texts that differ only in case and spacing")
	}
	if bytes.Equal(desk.TextHash("the dam broke"), desk.TextHash("the dam held")) {
		t.Error("TextHash is the same for different texts")
	}
}

func FuzzTextHash(f *testing.F) {
	for _, s := range hashTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := desk.TextHash(s), textHashRef(s); !bytes.Equal(got, want) {
			t.Errorf("TextHash(%q) = %x; want %x", s, got, want)
		}
	})
}

func BenchmarkTextHash(b *testing.B) {
	s := strings.Repeat("The dam on the river broke on Friday, officials said.\n\n", 100)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		desk.TextHash(s)
	}
}
