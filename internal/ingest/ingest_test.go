package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/news"
)

// result is what one Read produced: the articles' ids and texts, and the
// errors as strings with the temporary directory taken out.
type result struct {
	IDs    []string
	Texts  []string
	Errors []string
}

// readAll reads paths with a Reader and collects what it emits and reports.
func readAll(t testing.TB, opt Options, dir string, paths ...string) (result, []news.Article) {
	t.Helper()
	var res result
	var arts []news.Article
	opt.OnError = func(err error) {
		var ie *ItemError
		if !errors.As(err, &ie) {
			t.Errorf("reported error %v is not an *ItemError", err)
		} else if ie.Origin == "" {
			t.Errorf("reported error %v names no file", err)
		}
		res.Errors = append(res.Errors, strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""))
	}
	r := NewReader(opt)
	err := r.Read(context.Background(), paths, func(a news.Article) error {
		if !utf8.ValidString(a.Text) {
			t.Errorf("article %s: invalid UTF-8 text", a.ID)
		}
		arts = append(arts, a)
		res.IDs = append(res.IDs, a.ID)
		res.Texts = append(res.Texts, a.Text)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if r.Skipped() != len(res.Errors) {
		t.Errorf("Skipped() = %d; want %d (the errors reported)", r.Skipped(), len(res.Errors))
	}
	return res, arts
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		files map[string][]byte // name -> content, written to a temp dir
		paths []string          // read these (relative to the dir); all files when nil
		want  result
	}{
		{
			name:  "json lines",
			files: map[string][]byte{"a.jsonl": []byte(`{"id":"x1","text":"One."}` + "\n\n" + `{"text":"Two."}` + "\r\n" + `{"id":7,"text":"Three."}`)},
			want:  result{IDs: []string{"x1", "a:3", "7"}, Texts: []string{"One.", "Two.", "Three."}},
		},
		{
			name:  "gzipped json lines",
			files: map[string][]byte{"a.jsonl.gz": gzipped([]byte(`{"id":"g1","text":"One."}` + "\n" + `{"id":"g2","text":"Two."}` + "\n"))},
			want:  result{IDs: []string{"g1", "g2"}, Texts: []string{"One.", "Two."}},
		},
		{
			name:  "gzip recognised by content",
			files: map[string][]byte{"a.jsonl": gzipped([]byte(`{"id":"g1","text":"One."}` + "\n"))},
			want:  result{IDs: []string{"g1"}, Texts: []string{"One."}},
		},
		{
			name:  "gz name without gzip",
			files: map[string][]byte{"a.jsonl.gz": []byte(`{"id":"g1","text":"One."}`)},
			want:  result{Errors: []string{"a.jsonl.gz: not gzip data, though the name ends in .gz"}},
		},
		{
			name:  "text file",
			files: map[string][]byte{"story.txt": []byte("Title\n\nBody.\n")},
			want:  result{IDs: []string{"story"}, Texts: []string{"Title\n\nBody.\n"}},
		},
		{
			name:  "unknown extension sniffed",
			files: map[string][]byte{"a.data": []byte(" \n{\"id\":\"j\",\"text\":\"T.\"}\n"), "b.md": []byte("Some text.")},
			want:  result{IDs: []string{"j", "b.md"}, Texts: []string{"T.", "Some text."}},
		},
		{
			name:  "directory walk in order, hidden skipped",
			files: map[string][]byte{"d/b.txt": []byte("B."), "d/a/z.txt": []byte("Z."), "d/.hidden.txt": []byte("H."), "d/.git/x.txt": []byte("G.")},
			paths: []string{"d"},
			want:  result{IDs: []string{"z", "b"}, Texts: []string{"Z.", "B."}},
		},
		{
			name:  "missing path",
			files: map[string][]byte{"a.txt": []byte("A.")},
			paths: []string{"nope.txt", "a.txt"},
			want:  result{IDs: []string{"a"}, Texts: []string{"A."}, Errors: []string{"nope.txt: no such file or directory"}},
		},
		{
			name:  "malformed json line",
			files: map[string][]byte{"m.jsonl": []byte(`{"id":"a","text":"A."}` + "\n" + `{"id":"b", "text": ` + "\n" + `{"id":"c","text":"C."}` + "\n")},
			want: result{IDs: []string{"a", "c"}, Texts: []string{"A.", "C."},
				Errors: []string{`m.jsonl:2: malformed JSON ("{\"id\":\"b\", \"text\":"): unexpected end of JSON input`}},
		},
		{
			// A blank text is passed on for the clean stage to report, so
			// that commands can still account for the id.
			name:  "missing and blank text",
			files: map[string][]byte{"m.jsonl": []byte(`{"id":"a","title":"T"}` + "\n" + `{"id":"b","text":"  "}` + "\n" + `{"id":"c","text":null}` + "\n" + `{"id":"d","text":5}` + "\n" + `[1,2]` + "\n")},
			want: result{IDs: []string{"b"}, Texts: []string{"  "}, Errors: []string{
				`m.jsonl:1: no "text" field`, `m.jsonl:3: no "text" field`,
				`m.jsonl:4: "text" is not a string`, `m.jsonl:5: article 1: not an article: a JSON number, not an object`,
				`m.jsonl:5: article 2: not an article: a JSON number, not an object`}},
		},
		{
			name:  "loose field types",
			files: map[string][]byte{"l.jsonl": []byte(`{"id":"a","title":12,"source":null,"published":1319215980,"text":"A."}` + "\n")},
			want:  result{IDs: []string{"a"}, Texts: []string{"A."}},
		},
		{
			name:  "broken utf-8 kept as replacement",
			files: map[string][]byte{"u.jsonl": []byte(`{"id":"u","text":"Caf` + "\xe9" + ` au lait."}` + "\n"), "u.txt": []byte("Caf\xc3\xa9 \xff ok.")},
			want:  result{IDs: []string{"u", "u"}, Texts: []string{"Caf\uFFFD au lait.", "Caf\u00e9 \uFFFD ok."}},
		},
		{
			name:  "windows-1252 text file",
			files: map[string][]byte{"w.txt": []byte("Caf\xe9 \x93quoted\x94 \x96 ok.")},
			want:  result{IDs: []string{"w"}, Texts: []string{"Caf\u00e9 \u201cquoted\u201d \u2013 ok."}},
		},
		{
			name:  "utf-16 text file",
			files: map[string][]byte{"w.txt": {0xff, 0xfe, 'H', 0, 'i', 0, '.', 0}},
			want:  result{IDs: []string{"w"}, Texts: []string{"Hi."}},
		},
		{
			name:  "byte order mark on the first json line",
			files: map[string][]byte{"b.jsonl": []byte("\ufeff" + `{"id":"b","text":"B."}` + "\n")},
			want:  result{IDs: []string{"b"}, Texts: []string{"B."}},
		},
		{
			name:  "empty files",
			files: map[string][]byte{"e.txt": nil, "e.jsonl": []byte("\n\n"), "e.bin": nil, "s.txt": []byte(" \n\t\n")},
			want:  result{Errors: []string{"e.bin: empty article", "e.jsonl: empty article", "e.txt: empty article", "s.txt: empty article"}},
		},
		{
			name:  "binary files",
			files: map[string][]byte{"b.bin": {0x7f, 'E', 'L', 'F', 0, 0, 1, 2}, "b.txt": {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d}, "b.jsonl": {0, 1, 2, '\n', 3, '\n'}},
			want: result{Errors: []string{"b.bin: not an article: binary content", "b.jsonl: not an article: binary content",
				"b.txt: not an article: binary content"}},
		},
		{
			name:  "duplicate ids are passed on",
			files: map[string][]byte{"d.jsonl": []byte(`{"id":"x","text":"A."}` + "\n" + `{"id":"x","text":"B."}` + "\n")},
			want:  result{IDs: []string{"x", "x"}, Texts: []string{"A.", "B."}},
		},
		{
			name:  "json array",
			files: map[string][]byte{"a.json": []byte("[\n  {\"id\": \"a\",\n   \"text\": \"A.\"},\n  {\"id\": \"b\"},\n  {\"id\": \"c\", \"text\": \"C.\"}\n]\n")},
			want:  result{IDs: []string{"a", "c"}, Texts: []string{"A.", "C."}, Errors: []string{`a.json:4: article 2: no "text" field`}},
		},
		{
			name:  "pretty-printed objects",
			files: map[string][]byte{"p.json": []byte("{\n  \"id\": \"a\",\n  \"text\": \"A.\"\n}\n{\n  \"id\": \"b\",\n  \"text\": \"B.\"\n}\n")},
			want:  result{IDs: []string{"a", "b"}, Texts: []string{"A.", "B."}},
		},
		{
			name:  "broken json array",
			files: map[string][]byte{"a.json": []byte("[\n{\"id\": \"a\", \"text\": \"A.\"},\n{\"id\": \"b\", \"text\": }\n]")},
			want: result{IDs: []string{"a"}, Texts: []string{"A."},
				Errors: []string{"a.json:3: malformed JSON in the array from line 1 after 1 article(s): invalid character '}' looking for beginning of value"}},
		},
		// Fixed bugs from the hostile-input audit: nothing good is lost
		// around a bad item, and every skipped item is reported.
		{
			name: "fixed: a json array on the first line of json lines",
			files: map[string][]byte{"a.jsonl": []byte(`[{"id":"a","text":"A."},{"id":"b","text":"B."}]` + "\n" +
				`{"id":"c","text":"C."}` + "\n" + `[{"text":"D."}]` + "\n" + `{"id":"e","text":"E."}` + "\n")},
			want: result{IDs: []string{"a", "b", "c", "a:3", "e"}, Texts: []string{"A.", "B.", "C.", "D.", "E."}},
		},
		{
			name:  "fixed: a malformed first line that opens an object",
			files: map[string][]byte{"m.jsonl": []byte("{\n" + `{"id":"a","text":"A."}` + "\n" + `{"id":"b","text":"B."}` + "\n")},
			want: result{IDs: []string{"a", "b"}, Texts: []string{"A.", "B."},
				Errors: []string{`m.jsonl:1: malformed JSON ("{"): invalid character '{' looking for beginning of object key string (line 2)`}},
		},
		{
			name: "fixed: a cut line swallowing the next lines",
			files: map[string][]byte{"m.jsonl": []byte(`{"id":"a","text":` + "\n" + `{"id":"b","text":"B."}` + "\n" +
				`{"id":"c","text":"C."}` + "\n")},
			want: result{IDs: []string{"b", "c"}, Texts: []string{"B.", "C."},
				Errors: []string{`m.jsonl:1: malformed JSON ("{\"id\":\"a\",\"text\":"): invalid character '{' after object key:value pair (line 3)`}},
		},
		{
			name:  "fixed: a broken pretty-printed object between good ones",
			files: map[string][]byte{"p.json": []byte("{\n  \"id\": \"a\",\n  \"text\": \"A.\"\n}\n{\n  \"id\": \"b\",\n  \"text\": \"B.\" oops\n}\n{\n  \"id\": \"c\",\n  \"text\": \"C.\"\n}\n")},
			want: result{IDs: []string{"a", "c"}, Texts: []string{"A.", "C."},
				Errors: []string{`p.json:5: malformed JSON ("{"): invalid character 'o' after object key:value pair (line 7)`}},
		},
		{
			name:  "fixed: CR-only line ends",
			files: map[string][]byte{"c.jsonl": []byte(`{"id":"a","text":"A."}` + "\r" + `{"id":"b","text":"B."}` + "\r\r" + `{"text":"C."}` + "\r")},
			want:  result{IDs: []string{"a", "b", "c:4"}, Texts: []string{"A.", "B.", "C."}},
		},
		{
			name: "fixed: one NUL byte is a bad line, not a binary file",
			files: map[string][]byte{"n.jsonl": []byte(`{"id":"a","text":"A."}` + "\n\x00" + `{"id":"b","text":"B."}` + "\n" + `{"id":"c","text":"C."}` + "\n"),
				"n.txt": []byte("Headline\n\nBody\x00 text.\n")},
			want: result{IDs: []string{"a", "c", "n"}, Texts: []string{"A.", "C.", "Headline\n\nBody text.\n"},
				Errors: []string{`n.jsonl:2: malformed JSON ("\x00{\"id\":\"b\",\"text\":\"B.\"}"): invalid character '\x00' looking for beginning of value`}},
		},
		{
			name:  "not json lines at all",
			files: map[string][]byte{"n.jsonl": []byte(strings.Repeat("{ not json\n", 150))},
			want:  result{Errors: append(repeatf("n.jsonl:%d: malformed JSON (\"{ not json\"): invalid character 'n' looking for beginning of object key string", 100), "n.jsonl:100: not an article: the first 100 lines are not JSON articles, rest of file skipped")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var paths []string
			for name, b := range tt.files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, name)
			}
			if tt.paths != nil {
				paths = tt.paths
			}
			sortStrings(paths)
			for i := range paths {
				paths[i] = filepath.Join(dir, paths[i])
			}
			got, _ := readAll(t, Options{}, dir, paths...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read(%v) (-want +got):\n%s", tt.files, diff)
			}
		})
	}
}

func repeatf(format string, n int) []string {
	var s []string
	for i := 1; i <= n; i++ {
		s = append(s, fmt.Sprintf(format, i))
	}
	return s
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestReadMetadata(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "m.jsonl")
	os.WriteFile(p, []byte(`{"id":"a","source":"S","url":"http://x.example/a","title":"T","published":"2011-10-21","author":"A","language":"en","text":"Body."}`+"\n"+
		`{"id":"b","published":"1319215980000","text":"Body."}`+"\n"), 0o644)
	_, arts := readAll(t, Options{}, dir, p)
	want := []news.Article{
		{ID: "a", Source: "S", URL: "http://x.example/a", Title: "T", Author: "A", Language: "en", Published: time.Date(2011, 10, 21, 0, 0, 0, 0, time.UTC), Text: "Body.", Origin: p + ":1"},
		{ID: "b", Published: time.Date(2011, 10, 21, 16, 53, 0, 0, time.UTC), Text: "Body.", Origin: p + ":2"},
	}
	if diff := cmp.Diff(want, arts); diff != "" {
		t.Errorf("Read metadata (-want +got):\n%s", diff)
	}
}

// TestTruncatedGzip cuts a gzipped JSON lines file in the middle: the
// articles before the cut come out, then one error naming file and line.
func TestTruncatedGzip(t *testing.T) {
	var plain bytes.Buffer
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 1; i <= 400; i++ { // incompressible, so that the cut falls mid-file
		fmt.Fprintf(&plain, `{"id":"a%d","text":"%x"}`+"\n", i, rng.Uint64())
	}
	gz := gzipped(plain.Bytes())
	dir := t.TempDir()
	p := filepath.Join(dir, "t.jsonl.gz")
	os.WriteFile(p, gz[:len(gz)/2], 0o644)
	got, _ := readAll(t, Options{}, dir, p)
	if len(got.IDs) < 100 || len(got.IDs) >= 400 {
		t.Fatalf("read %d articles before the cut; want some, not all", len(got.IDs))
	}
	for i, id := range got.IDs {
		if want := fmt.Sprintf("a%d", i+1); id != want {
			t.Fatalf("article %d id = %q; want %q", i, id, want)
		}
	}
	want := fmt.Sprintf("t.jsonl.gz:%d: input broken off inside this line, the lines before it were read: gzip: truncated: unexpected EOF", len(got.IDs)+1)
	if diff := cmp.Diff([]string{want}, got.Errors); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestLongLine streams a line far over MaxLine between two good lines,
// generated (not a committed file): it is reported and skipped, the next
// line is read, and memory stays bounded by MaxLine.
func TestLongLine(t *testing.T) {
	const maxLine = 1 << 20
	size := 100 << 20
	if testing.Short() {
		size = 8 << 20
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte(`{"id":"a","text":"A."}` + "\n" + `{"id":"big","text":"`))
		chunk := bytes.Repeat([]byte("x"), 1<<16)
		for n := 0; n < size; n += len(chunk) {
			pw.Write(chunk)
		}
		pw.Write([]byte(`"}` + "\n" + `{"id":"b","text":"B."}` + "\n"))
		pw.Close()
	}()
	r := NewReader(Options{MaxLine: maxLine})
	var ids, errs []string
	r.opt.OnError = func(err error) { errs = append(errs, err.Error()) }
	err := r.readStreamT(context.Background(), "big.jsonl", ".jsonl", pr, false, func(a news.Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if diff := cmp.Diff([]string{"a", "b"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"big.jsonl:2: line longer than 1048576 bytes, skipped"}, errs); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	// TotalAlloc counts every allocation; reading a 100 MB line must not
	// allocate much more than MaxLine (the buffer grows by doubling).
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*maxLine {
		t.Errorf("reading a %d MB line allocated %d MB; want <= %d MB", size>>20, alloc>>20, 8*maxLine>>20)
	}
}

func TestTooLargeTextFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	os.WriteFile(p, bytes.Repeat([]byte("word "), 1000), 0o644)
	got, _ := readAll(t, Options{MaxLine: 1000}, dir, p)
	if diff := cmp.Diff(result{Errors: []string{"big.txt: text file larger than 1000 bytes, skipped"}}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestStdinSniffing reads standard-input-like streams through readStream
// with no extension, as Read does for "-".
func TestStdinSniffing(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want result
	}{
		{"json lines", []byte(`{"id":"a","text":"A."}` + "\n"), result{IDs: []string{"a"}, Texts: []string{"A."}}},
		{"gzipped json lines", gzipped([]byte(`{"id":"a","text":"A."}` + "\n")), result{IDs: []string{"a"}, Texts: []string{"A."}}},
		{"text", []byte("Headline\n\nBody."), result{IDs: []string{"stdin"}, Texts: []string{"Headline\n\nBody."}}},
		{"json array", []byte(`[{"id":"a","text":"A."}]`), result{IDs: []string{"a"}, Texts: []string{"A."}}},
		{"empty", nil, result{Errors: []string{"-: empty article"}}},
		{"binary", []byte{0, 1, 2, 3, 0xff}, result{Errors: []string{"-: not an article: binary content"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got result
			r := NewReader(Options{OnError: func(err error) { got.Errors = append(got.Errors, err.Error()) }})
			err := r.readStreamT(context.Background(), "-", "", bytes.NewReader(tt.in), false, func(a news.Article) error {
				got.IDs = append(got.IDs, a.ID)
				got.Texts = append(got.Texts, a.Text)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("readStream(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestStop checks that an error from emit stops reading and is returned.
func TestStop(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.jsonl")
	os.WriteFile(p, []byte(`{"text":"A."}`+"\n"+`{"text":"B."}`+"\n"), 0o644)
	stop := errors.New("stop")
	n := 0
	err := NewReader(Options{}).Read(context.Background(), []string{p, p}, func(news.Article) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Read with a failing emit = %v after %d articles; want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// Several inputs: the feeder may queue one and then see the done
	// context before a worker takes it (that input's results must still
	// end, or Read waits forever). The race needs many tries to show.
	for range 200 {
		if err := NewReader(Options{Workers: 4}).Read(ctx, []string{p, p, p}, func(news.Article) error { return nil }); !errors.Is(err, context.Canceled) {
			t.Fatalf("Read with a done context = %v; want context.Canceled", err)
		}
	}
}

// fuzzRead runs one stream through readStream and checks the invariants:
// no panic, valid UTF-8 text, every error an *ItemError naming the input.
func fuzzRead(t *testing.T, name, ext string, data []byte) {
	r := NewReader(Options{MaxLine: 1 << 16, OnError: func(err error) {
		var ie *ItemError
		if !errors.As(err, &ie) || ie.Origin != name {
			t.Fatalf("error %v does not name %s", err, name)
		}
	}})
	err := r.readStreamT(context.Background(), name, ext, bytes.NewReader(data), false, func(a news.Article) error {
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.ID) {
			t.Fatalf("invalid UTF-8 in %+v", a)
		}
		// A JSON record with a blank text is passed on (the clean stage
		// reports it, and commands that account for every id still see
		// it); no other input gives a blank article.
		if strings.TrimSpace(a.Text) == "" && !jsonOrigin.MatchString(a.Origin) {
			t.Fatalf("blank article %+v emitted from %q", a, data)
		}
		if !strings.HasPrefix(a.Origin, name) {
			t.Fatalf("origin %q does not name %s", a.Origin, name)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("readStream = %v; want nil (bad items are reported, not returned)", err)
	}
}

// jsonOrigin matches the origin of an article read from a JSON record:
// the file and the line it starts on.
var jsonOrigin = regexp.MustCompile(`:[0-9]+$`)

func FuzzJSONLines(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"A."}` + "\n" + `{"text":` + "\n"))
	f.Add([]byte(`[{"id":1,"text":"x"},{"title":2}]`))
	f.Add([]byte("{\n\"text\": \"a\"\n}\n{"))
	f.Add([]byte("\ufeff{\"text\":\"\xff\"}"))
	f.Add(gzipped([]byte(`{"text":"A."}`)))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.jsonl", ".jsonl", data) })
}

func FuzzText(f *testing.F) {
	f.Add([]byte("Title\n\nBody."))
	f.Add([]byte{0xff, 0xfe, 'a', 0})
	f.Add([]byte("Caf\xe9"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.txt", ".txt", data) })
}

func FuzzSniff(f *testing.F) {
	f.Add([]byte(`{"text":"A."}`))
	f.Add([]byte("plain text"))
	f.Add([]byte{0x1f, 0x8b, 8, 0})
	f.Add([]byte{0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "-", "", data) })
}

// FuzzFastJSON checks the fast JSON path against encoding/json: whenever the
// fast path accepts a line, it must give the same article or error.
func FuzzFastJSON(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"A.\n\nB \"q\" \u00e9 \ud83d\ude00"}`, `{"ID":7,"Text":"x","title":null}`, `{"text":null}`,
		`{"text":"a","text":"b"}`, `{"id":-1.5e3,"text":"x","extra":[1]}`, `{"text":"\ud800"}`, `{"text":"caf` + "\xe9" + `"}`,
		`{"title":1,"text":"x"}`, ` { "text" : "x" } `, `{"text":"x"} x`, `{}`, `{"text":"tab	here"}`, `{"id":true,"text":"x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, ok := parseFast(b); !ok {
			return
		}
		got, gerr := parseJSONArticle(b)
		want, werr := parseJSONArticleStd(b)
		if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Fatalf("parseJSONArticle(%q) error = %v; encoding/json says %v", b, gerr, werr)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("parseJSONArticle(%q) differs from encoding/json (-want +got):\n%s", b, diff)
		}
	})
}

// FuzzJSONKeepsGood puts arbitrary junk between good JSON lines: whatever
// the junk, the good lines around it are all read (unless the junk makes
// the whole file look binary, which is refused and reported).
func FuzzJSONKeepsGood(f *testing.F) {
	for _, s := range []string{"{", "[", `{"text":`, `[[`, `{"x": [`, "{\"a\":\"\n", "}\n]", "\x00", "[{\"text\":\"J\"}", "{\n  \"id\": \"j\",\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, junk []byte) {
		good := func(id string) string { return `{"id":"` + id + `","text":"Text ` + id + `."}` + "\n" }
		data := []byte(good("g1") + string(junk) + "\n" + good("g2") + good("g3"))
		if looksBinary(data[:min(len(data), 4096)]) {
			return
		}
		var ids []string
		r := NewReader(Options{MaxLine: 1 << 16})
		err := r.readStreamT(context.Background(), "k.jsonl", ".jsonl", bytes.NewReader(data), false, func(a news.Article) error {
			if strings.HasPrefix(a.ID, "g") {
				ids = append(ids, a.ID)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"g1", "g2", "g3"}; !slices.Equal(ids, want) {
			t.Fatalf("good articles around junk %q: %v; want %v", junk, ids, want)
		}
	})
}

// readStreamT is readStream reporting to r, as Read does.
func (r *Reader) readStreamT(ctx context.Context, name, ext string, in io.Reader, gz bool, emit func(news.Article) error) error {
	return r.readStream(ctx, name, ext, in, gz, emit, r.bad)
}

// TestWalkLinks checks the fixed bugs of a directory walk: a symbolic link
// to a file is read like the file, and a link that cannot be followed is
// reported, not skipped in silence.
func TestWalkLinks(t *testing.T) {
	dir := t.TempDir()
	d := filepath.Join(dir, "d")
	os.MkdirAll(filepath.Join(dir, "other"), 0o755)
	os.MkdirAll(d, 0o755)
	os.WriteFile(filepath.Join(dir, "other", "page.txt"), []byte("Linked text."), 0o644)
	os.WriteFile(filepath.Join(d, "a.txt"), []byte("A."), 0o644)
	for link, target := range map[string]string{"b-link.txt": "../other/page.txt", "c-dangling.txt": "../missing.txt", "e-dir": "../other"} {
		if err := os.Symlink(target, filepath.Join(d, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	got, _ := readAll(t, Options{}, dir, d)
	want := result{IDs: []string{"a", "b-link"}, Texts: []string{"A.", "Linked text."}, Errors: []string{
		"d/c-dangling.txt: broken symbolic link: no such file or directory",
		"d/e-dir: symbolic link to a directory, not followed",
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read(%s) (-want +got):\n%s", d, diff)
	}
}

// TestParallel checks that reading files on several goroutines emits the
// same articles and errors, in the same order, as reading them one by one.
func TestParallel(t *testing.T) {
	dir := t.TempDir()
	for i := range 40 {
		var b []byte
		switch i % 4 {
		case 0:
			b = []byte(fmt.Sprintf("Text file %d.", i))
		case 1:
			for j := range 50 { // more lines than the per-file buffer holds
				b = fmt.Appendf(b, `{"id":"f%d-%d","text":"Line %d."}`+"\n", i, j, j)
			}
			b = append(b, "{broken\n"...)
		case 2:
			b = nil // empty
		case 3:
			b = gzipped([]byte(fmt.Sprintf(`{"id":"g%d","text":"G."}`, i)))
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%02d.%s", i, []string{"txt", "jsonl", "txt", "jsonl.gz"}[i%4])), b, 0o644)
	}
	seq, _ := readAll(t, Options{}, dir, dir, filepath.Join(dir, "missing"))
	par, _ := readAll(t, Options{Workers: 3}, dir, dir, filepath.Join(dir, "missing"))
	if len(seq.IDs) < 500 || len(seq.Errors) < 20 {
		t.Fatalf("sequential read: %d articles, %d errors; want more", len(seq.IDs), len(seq.Errors))
	}
	if diff := cmp.Diff(seq, par); diff != "" {
		t.Errorf("parallel read differs from sequential (-seq +par):\n%s", diff)
	}
	// An error from emit stops a parallel read too.
	stop := errors.New("stop")
	n := 0
	err := NewReader(Options{Workers: 3}).Read(context.Background(), []string{dir}, func(news.Article) error {
		if n++; n == 7 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 7 {
		t.Errorf("parallel Read with a failing emit = %v after %d articles; want stop after 7", err, n)
	}
}

// TestGzipSniffedFormat checks that gzipped content whose name says
// nothing is sniffed inside the gzip, and given as it is to a format that
// reads gzip itself (as a WARC archive resynchronises at its next member).
func TestGzipSniffedFormat(t *testing.T) {
	var got []string
	own := Format{
		Sniff: func(head []byte) bool { return bytes.HasPrefix(head, []byte("FAKE")) },
		Decode: func(ctx context.Context, name string, r io.Reader, emit func(news.Article) error, bad func(error)) error {
			b, _ := io.ReadAll(r)
			got = append(got, fmt.Sprintf("%s gzip=%v", name, bytes.HasPrefix(b, gzipMagic)))
			return nil
		},
		OwnGzip: true,
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "archive.dat")
	os.WriteFile(p, gzipped([]byte("FAKE archive")), 0o644)
	r := NewReader(Options{Formats: []Format{own}, Stdin: bytes.NewReader(gzipped([]byte("FAKE archive")))})
	if err := r.Read(context.Background(), []string{p, "-"}, func(news.Article) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{p + " gzip=true", "- gzip=true"}, got); diff != "" {
		t.Errorf("decoder calls (-want +got):\n%s", diff)
	}
}
