package sentence

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestPrintSentences prints the sentences of every PARALLAX_SENTENCE_DEBUG_STRIDE-th
// article of the JSON lines file PARALLAX_SENTENCE_DEBUG, for reading by eye.
func TestPrintSentences(t *testing.T) {
	fn := os.Getenv("PARALLAX_SENTENCE_DEBUG")
	if fn == "" {
		t.Skip("set PARALLAX_SENTENCE_DEBUG to a JSON lines file to print sentences")
	}
	stride := 97
	fmt.Sscan(os.Getenv("PARALLAX_SENTENCE_DEBUG_STRIDE"), &stride)
	fh, err := os.Open(fn)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	for n := 0; sc.Scan(); n++ {
		if n%stride != 0 {
			continue
		}
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		fmt.Println("===", a.ID)
		for _, s := range Split(a.Text) {
			fmt.Printf("  |%s|\n", a.Text[s.Start:s.End])
		}
	}
}
