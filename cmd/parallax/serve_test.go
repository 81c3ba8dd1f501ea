package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/pflag"
)

func TestServe(t *testing.T) {
	a, b := writeInputs(t)
	db := filepath.Join(t.TempDir(), "desk.db")
	if _, _, err := runCmd(t, "ingest", "--db", db, a, b); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	var errb strings.Builder
	e := &env{ctx: ctx, stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errb}
	log, _ := newLogger(e, "json", "info")
	go func() {
		done <- serve(ctx, e, serveConfig{db: db, addr: "127.0.0.1:0", log: log, ready: func(addr string) { addrc <- addr }})
	}()
	var base string
	select {
	case addr := <-addrc:
		base = "http://" + addr
	case err := <-done:
		t.Fatalf("serve = %v before it listened", err)
	}
	getJSON := func(path string, v any) int {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		return resp.StatusCode
	}
	var health map[string]string
	if code := getJSON("/healthz", &health); code != 200 {
		t.Fatalf("healthz = %d", code)
	}
	var list struct {
		Stories []struct {
			ID      string   `json:"id"`
			Outlets []string `json:"outlets"`
		} `json:"stories"`
	}
	getJSON("/api/stories?min_outlets=2", &list)
	if len(list.Stories) != 1 || len(list.Stories[0].Outlets) != 2 {
		t.Fatalf("stories with 2 outlets = %+v; want the dam story", list.Stories)
	}
	var st struct {
		Comparison struct {
			Articles []struct{ Source string } `json:"articles"`
		} `json:"comparison"`
		Timeline []struct{ Title string } `json:"timeline"`
	}
	getJSON("/api/stories/"+list.Stories[0].ID, &st)
	if len(st.Comparison.Articles) != 2 || len(st.Timeline) != 2 || st.Timeline[0].Title != "Millbrook dam bursts, 300 flee" {
		t.Errorf("dam story = %+v; want its comparison of 2 articles, the Valley Post's first", st)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after cancel = %v; want nil", err)
	}
	if !strings.Contains(errb.String(), `"msg":"serving"`) {
		t.Errorf("log lacks the serving line (JSON): %s", errb.String())
	}
}

func TestServeConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conf")
	os.WriteFile(bad, []byte("addr=127.0.0.1:0\nnope=1\n"), 0o644)
	if _, _, err := runCmd(t, "serve", "--config", bad); err == nil || !strings.Contains(err.Error(), `unknown setting "nope"`) {
		t.Errorf("serve --config with an unknown setting = %v; want it named", err)
	}
	if _, _, err := runCmd(t, "serve", "--config", filepath.Join(dir, "missing")); err == nil {
		t.Errorf("serve --config missing file = nil error")
	}
}

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name, in string
		want     [][2]string
		err      bool
	}{
		{"lines", "# desk\naddr = 127.0.0.1:9000\n\ndb=x.db\ningest=a\ningest=b c\n", [][2]string{{"addr", "127.0.0.1:9000"}, {"db", "x.db"}, {"ingest", "a"}, {"ingest", "b c"}}, false},
		{"json", `{"db": "x.db", "ingest": ["a", "b"], "recompute-interval": "2s", "n": 3, "on": true}`, [][2]string{{"db", "x.db"}, {"ingest", "a"}, {"ingest", "b"}, {"n", "3"}, {"on", "true"}, {"recompute-interval", "2s"}}, false},
		{"no equals", "addr\n", nil, true},
		{"bad json", `{"db": }`, nil, true},
		{"json object value", `{"db": {"x": 1}}`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig([]byte(tt.in))
			if (err != nil) != tt.err {
				t.Fatalf("parseConfig(%q) error = %v; want error %v", tt.in, err, tt.err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseConfig(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestApplyConfigFlagsWin(t *testing.T) {
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "")
	db := fs.String("db", "parallax.db", "")
	ingest := fs.StringSlice("ingest", nil, "")
	if err := fs.Parse([]string{"--addr", "127.0.0.1:7000"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.json")
	os.WriteFile(path, []byte(`{"addr": "0.0.0.0:80", "db": "file.db", "ingest": ["a", "b"]}`), 0o644)
	if err := applyConfig(fs, path); err != nil {
		t.Fatal(err)
	}
	if *addr != "127.0.0.1:7000" || *db != "file.db" || !cmp.Equal(*ingest, []string{"a", "b"}) {
		t.Errorf("addr %q db %q ingest %q; want the flag's addr and the file's db and ingest", *addr, *db, *ingest)
	}
}

// FuzzParseConfig: no input panics, and name=value lines read back as
// written.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("addr=127.0.0.1:1\n# c\n"))
	f.Add([]byte(`{"a": ["x", 1, true]}`))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		kv, err := parseConfig(b)
		if err != nil {
			return
		}
		for _, p := range kv {
			if p[0] == "" {
				t.Errorf("parseConfig(%q) gave an empty name", b)
			}
		}
	})
}
