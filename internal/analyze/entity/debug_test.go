package entity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/analyze/sentence"
)

// TestPrintEntities prints the entities of files named by PARALLAX_ENTITY_DEBUG
// (text files, or JSON lines with a "text" field: the first N lines with
// PARALLAX_ENTITY_DEBUG_N), for reading by eye. It is skipped otherwise.
func TestPrintEntities(t *testing.T) {
	pat := os.Getenv("PARALLAX_ENTITY_DEBUG")
	if pat == "" {
		t.Skip("set PARALLAX_ENTITY_DEBUG to a file glob to print entities")
	}
	files, _ := filepath.Glob(pat)
	for _, fn := range files {
		if filepath.Ext(fn) == ".jsonl" {
			fh, err := os.Open(fn)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(fh)
			sc.Buffer(nil, 1<<24)
			n, line := 0, 0
			limit, stride := 5, 1
			fmt.Sscan(os.Getenv("PARALLAX_ENTITY_DEBUG_N"), &limit)
			fmt.Sscan(os.Getenv("PARALLAX_ENTITY_DEBUG_STRIDE"), &stride)
			for sc.Scan() && n < limit {
				line++
				if (line-1)%stride != 0 {
					continue
				}
				var a struct{ ID, Text string }
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					t.Fatal(err)
				}
				printEnts(a.ID, a.Text)
				n++
			}
			fh.Close()
			continue
		}
		data, _ := os.ReadFile(fn)
		printEnts(fn, string(data))
	}
}

func printEnts(id, text string) {
	fmt.Printf("=== %s\n", id)
	for _, e := range Find(text, sentence.SplitText(text)) {
		fmt.Printf("  %-13s %-30q %q\n", e.Type, e.Name, e.Aliases)
	}
}

// TestDumpEntities writes {"id", "entities"} lines for the JSON lines file
// PARALLAX_ENTITY_DUMP_IN to PARALLAX_ENTITY_DUMP_OUT, for offline scoring.
func TestDumpEntities(t *testing.T) {
	in, out := os.Getenv("PARALLAX_ENTITY_DUMP_IN"), os.Getenv("PARALLAX_ENTITY_DUMP_OUT")
	if in == "" || out == "" {
		t.Skip("set PARALLAX_ENTITY_DUMP_IN and PARALLAX_ENTITY_DUMP_OUT to dump entities")
	}
	fh, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	enc := json.NewEncoder(w)
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(map[string]any{"id": a.ID, "entities": Find(a.Text, sentence.SplitText(a.Text))}); err != nil {
			t.Fatal(err)
		}
	}
}
