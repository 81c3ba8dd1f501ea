package lang

import (
	"testing"

	"github.com/parallax-news/parallax/internal/lexicon"
	"github.com/parallax-news/parallax/internal/token"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "The harbour bridge reopened on Monday after two years of repairs, and the city paid for the work.", "en"},
		{"german", "Die Hafenbrücke ist am Montag nach zwei Jahren Reparatur wieder für den Verkehr geöffnet worden, und die Stadt hat die Arbeiten bezahlt.", "de"},
		{"too short to tell", "Ok", ""},
		{"empty", "", ""},
		{"cut inside a rune", string(make([]byte, 3999)) + "é and the rest", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.text, token.Tokenize(nil, tt.text, lexicon.Default())); got != tt.want {
				t.Errorf("Detect(%.30q) = %q; want %q", tt.text, got, tt.want)
			}
		})
	}
}
