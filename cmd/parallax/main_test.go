package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// runCmd runs the CLI in-process and returns stdout, stderr and the error.
func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func TestAnalyzeExampleGolden(t *testing.T) {
	for _, format := range []string{"json", "text"} {
		t.Run(format, func(t *testing.T) {
			out, stderr, err := runCmd(t, "analyze", "--format", format, "../../examples/iraq-2011")
			if err != nil {
				t.Fatalf("analyze: %v\n%s", err, stderr)
			}
			golden(t, "analyze/iraq-2011."+format, out)
		})
	}
}

// TestAnalyzeBadInput checks that bad items are reported with file and line,
// the good articles are still printed and the command fails.
func TestAnalyzeBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jsonl := write("mixed.jsonl", []byte(`{"id":"good1","text":"The council voted on Monday."}
{"id":"broken", "text": 
{"id":"notext","title":"no body"}
{"id":"utf8","text":"Caf`+"\xe9"+` owners protested."}
{"id":"good2","text":"The mayor resigned."}
`))
	empty := write("empty.txt", nil)
	binary := write("blob.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0xff})
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id":"gz1","text":"A storm hit the coast."}` + "\n"))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ { // incompressible padding, so that half the file holds the first line
		fmt.Fprintf(zw, `{"id":"pad","text":"%x"}`+"\n", rng.Uint64())
	}
	zw.Close()
	trunc := write("trunc.jsonl.gz", gz.Bytes()[:gz.Len()/2])

	out, stderr, err := runCmd(t, "analyze", jsonl, empty, binary, trunc)
	if err == nil {
		t.Errorf("analyze with bad items returned no error")
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d struct{ ID string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		if d.ID != "pad" {
			ids = append(ids, d.ID)
		}
	}
	want := []string{"good1", "utf8", "good2", "gz1"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("analyzed ids mismatch (-want +got):\n%s", diff)
	}
	for _, frag := range []string{"mixed.jsonl:2", "mixed.jsonl:3", "empty.txt", "blob.bin", "trunc.jsonl.gz"} {
		if !strings.Contains(stderr, frag) {
			t.Errorf("stderr does not name %q:\n%s", frag, stderr)
		}
	}
}

func TestHelpEverywhere(t *testing.T) {
	out, _, err := runCmd(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	_, cmds, _ := strings.Cut(out, "Available Commands:")
	cmds, _, _ = strings.Cut(cmds, "\n\n")
	for _, line := range strings.Split(strings.TrimSpace(cmds), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "help" || f[0] == "completion" {
			continue
		}
		if _, _, err := runCmd(t, f[0], "--help"); err != nil {
			t.Errorf("parallax %s --help: %v", f[0], err)
		}
	}
}

// TestAnalyzeExample checks the acceptance list of the core analysis on the
// bundled example: furniture gone, titles and date found, every BBC quote
// with its speaker, and the figures with their qualifiers and counted things.
func TestAnalyzeExample(t *testing.T) {
	out, stderr, err := runCmd(t, "analyze", "../../examples/iraq-2011")
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, stderr)
	}
	type quantity struct {
		Value     float64
		Qualifier string
		Counts    string
	}
	type doc struct {
		ID, Title, Published, Source, Text string
		Quotes                             []struct{ Text, Speaker, Kind string }
		Quantities                         []quantity
	}
	docs := map[string]doc{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d doc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		docs[d.ID] = d
	}
	aj, bbc := docs["000_1c36b5173ebfdfa8"], docs["002_6a481520883e14a8"]
	if aj.Title != "Obama: All US troops to leave Iraq in 2011" || bbc.Title != "Barack Obama: All US troops to leave Iraq in 2011" {
		t.Errorf("titles = %q, %q", aj.Title, bbc.Title)
	}
	if !strings.HasPrefix(aj.Published, "2011-10-21") {
		t.Errorf("Al Jazeera published = %q; want 2011-10-21", aj.Published)
	}
	if aj.Source != "Al Jazeera" {
		t.Errorf("Al Jazeera source = %q", aj.Source)
	}
	for _, furniture := range []string{"Topics in this article", "Featured on", "and agencies", "Rosiland Jordan on what", "UNHCR", "Dresden", "media caption", "Last Modified"} {
		if strings.Contains(aj.Text, furniture) || strings.Contains(bbc.Text, furniture) {
			t.Errorf("furniture %q survived in a body", furniture)
		}
	}
	speakers := map[string]string{ // a phrase of each BBC quote -> its speaker
		"full agreement":          "Barack Obama",
		"heads held high":         "Barack Obama",
		"military efforts":        "Barack Obama",
		"enduring partnership":    "Barack Obama",
		"appropriate immunity":    "Leon Panetta",
		"agreement on the number": "Ali al-Dabbagh",
		"tide of war":             "Barack Obama",
	}
	for phrase, want := range speakers {
		found := false
		for _, q := range bbc.Quotes {
			if strings.Contains(q.Text, phrase) {
				found = true
				if q.Speaker != want {
					t.Errorf("BBC quote %q: speaker %q; want %q", q.Text, q.Speaker, want)
				}
			}
		}
		if !found {
			t.Errorf("BBC quote with %q not found", phrase)
		}
	}
	wantQ := map[string][]quantity{
		"aj":  {{39000, "", "us troops"}, {4400, "more than", "american military personnel"}},
		"bbc": {{39000, "about", "us troops"}, {165000, "peak of", "us troops"}, {4408, "", "american military deaths"}, {5000, "", "us troops"}},
	}
	for name, qs := range map[string][]quantity{"aj": aj.Quantities, "bbc": bbc.Quantities} {
		for _, w := range wantQ[name] {
			if !slices.Contains(qs, w) {
				t.Errorf("%s quantities %v lack %v", name, qs, w)
			}
		}
		for _, q := range qs {
			if q.Value >= 1900 && q.Value <= 2100 && q.Counts == "" {
				t.Errorf("%s: a year came out as a figure: %v", name, q)
			}
		}
	}
}

// TestStopSignals checks a fixed bug: SIGTERM killed fetch without
// writing what it had fetched, because only SIGINT cancelled the run's
// context. Each stop signal sent to the process now cancels it.
func TestStopSignals(t *testing.T) {
	for _, sig := range stopSignals {
		ctx, stop := signal.NotifyContext(context.Background(), stopSignals...)
		if err := syscall.Kill(os.Getpid(), sig.(syscall.Signal)); err != nil {
			t.Fatal(err)
		}
		<-ctx.Done() // without the signal in stopSignals the test process dies instead
		stop()
	}
	if !slices.Contains(stopSignals, os.Signal(syscall.SIGTERM)) {
		t.Errorf("stopSignals = %v; want SIGTERM among them", stopSignals)
	}
}
