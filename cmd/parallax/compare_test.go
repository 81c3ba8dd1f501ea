package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareBadInput runs the compare command on the inputs that must not
// break it.
func TestCompareBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.txt", "The council voted on Tuesday to close the old bridge from March. Engineers found corrosion in the steel frame. Repairs will cost about $12 million.\n")
	b := write("b.jsonl", `{"id":"b","source":"Coastal Times","text":"The old bridge will be shut from March, the council decided on Tuesday. Repairs are expected to cost $12.4 million."}`+"\n")
	same := write("a-copy.txt", "The council voted on Tuesday to close the old bridge from March. Engineers found corrosion in the steel frame. Repairs will cost about $12 million.\n")
	fr := write("fr.jsonl", `{"id":"fr","language":"fr","text":"Le conseil a voté mardi la fermeture du vieux pont à partir de mars."}`+"\n")
	empty := write("empty.txt", "")
	emptyDir := filepath.Join(dir, "none")
	os.Mkdir(emptyDir, 0o755)

	type report struct {
		Articles   []struct{ ID string }
		Facts      []struct{ Articles []string }
		Summary    []struct{ Text string }
		Duplicates []struct{ Article, SameAs string } `json:"duplicates"`
		Notes      []string
	}
	parse := func(t *testing.T, out string) report {
		t.Helper()
		var r report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("compare --format json printed no JSON report: %v\n%s", err, out)
		}
		return r
	}

	t.Run("zero articles", func(t *testing.T) {
		for _, args := range [][]string{{emptyDir}, {empty}} {
			_, _, err := runCmd(t, append([]string{"compare"}, args...)...)
			if err == nil || !strings.Contains(err.Error(), "no articles") {
				t.Errorf("compare %v: err = %v; want a clear 'no articles' error", args, err)
			}
		}
	})
	t.Run("one article", func(t *testing.T) {
		out, stderr, err := runCmd(t, "compare", "--format", "json", a)
		if err != nil {
			t.Fatalf("compare: %v\n%s", err, stderr)
		}
		r := parse(t, out)
		if len(r.Articles) != 1 || len(r.Summary) == 0 || len(r.Facts) == 0 {
			t.Errorf("one article: %d articles, %d facts, %d summary sentences; want 1 and some", len(r.Articles), len(r.Facts), len(r.Summary))
		}
	})
	t.Run("the same article twice", func(t *testing.T) {
		out, stderr, err := runCmd(t, "compare", "--format", "json", a, same, b)
		if err != nil {
			t.Fatalf("compare: %v\n%s", err, stderr)
		}
		r := parse(t, out)
		if len(r.Articles) != 2 || len(r.Duplicates) != 1 || len(r.Notes) == 0 {
			t.Errorf("duplicate: %d articles, duplicates %v, notes %v; want 2 articles and the copy named", len(r.Articles), r.Duplicates, r.Notes)
		}
		text, _, _ := runCmd(t, "compare", a, same, b)
		if !strings.Contains(text, "repeats the text") {
			t.Errorf("text report does not say the copy was dropped:\n%s", text)
		}
	})
	t.Run("different languages", func(t *testing.T) {
		out, stderr, err := runCmd(t, "compare", "--format", "json", b, fr)
		if err != nil {
			t.Fatalf("compare: %v\n%s", err, stderr)
		}
		if r := parse(t, out); !strings.Contains(strings.Join(r.Notes, " "), "languages") {
			t.Errorf("notes %v; want one on languages", r.Notes)
		}
	})
	t.Run("every format", func(t *testing.T) {
		for _, f := range []string{"text", "markdown", "json", "html"} {
			out, stderr, err := runCmd(t, "compare", "--format", f, a, b)
			if err != nil || out == "" {
				t.Errorf("compare --format %s: %v, %d bytes\n%s", f, err, len(out), stderr)
			}
		}
		if _, _, err := runCmd(t, "compare", "--format", "pdf", a); err == nil {
			t.Errorf("compare --format pdf: no error")
		}
	})
	t.Run("5 MB article", func(t *testing.T) {
		var sb strings.Builder
		words := strings.Fields("council bridge river mayor engineers traffic repairs residents petition closure ferry vehicles corrosion steel budget vote")
		for i := 0; sb.Len() < 5<<20; i++ {
			for j := 0; j < 12; j++ {
				sb.WriteString(words[(i*7+j*3)%len(words)])
				sb.WriteByte(' ')
			}
			sb.WriteString("today.")
			if i%5 == 4 {
				sb.WriteString("\n\n")
			} else {
				sb.WriteByte(' ')
			}
		}
		big := write("big.txt", sb.String())
		out, stderr, err := runCmd(t, "compare", "--format", "json", big, b)
		if err != nil {
			t.Fatalf("compare on a 5 MB article: %v\n%s", err, stderr)
		}
		parse(t, out)
	})
}

// BenchmarkCompareExample measures `parallax compare` end to end in process
// (read, clean, analyze, compare, render JSON) on the two-article example.
// Process start-up is not included (see the report for it).
func BenchmarkCompareExample(b *testing.B) {
	for b.Loop() {
		var out, errb strings.Builder
		if err := run(context.Background(), []string{"compare", "--format", "json", "../../examples/iraq-2011"}, strings.NewReader(""), &out, &errb); err != nil {
			b.Fatal(err, errb.String())
		}
	}
}
