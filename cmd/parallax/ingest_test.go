package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

const (
	ingestA = `{"id":"dam1","source":"Valley Post","title":"Millbrook dam bursts, 300 flee","published":"2011-03-07T10:00:00Z","text":"The old Millbrook dam burst on Monday night after days of heavy rain, officials said. About 300 residents of Millbrook fled their homes as water poured into the valley."}
{"id":"ferry1","source":"Harbour News","title":"Fire on the Saint Agnes ferry","published":"2011-03-07T12:00:00Z","text":"A fire broke out on the Saint Agnes ferry in Portwell harbour on Monday, and 42 passengers were taken off by lifeboats. Captain Ivan Morrow said the fire started in the engine room."}
`
	ingestB = `{"id":"dam2","source":"Daily Courier","title":"Residents flee as Millbrook dam gives way","published":"2011-03-07T15:00:00Z","text":"Some 300 people fled Millbrook on Monday when the dam above the town burst after heavy rain, officials said, as water poured into the valley."}
{"id":"dam1","source":"Valley Post","title":"Millbrook dam bursts, 300 flee","published":"2011-03-07T10:00:00Z","text":"The old Millbrook dam burst on Monday night after days of heavy rain, officials said. About 300 residents of Millbrook fled their homes as water poured into the valley."}
`
)

func writeInputs(t *testing.T) (a, b string) {
	t.Helper()
	dir := t.TempDir()
	a, b = filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	for p, body := range map[string]string{a: ingestA, b: ingestB} {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return a, b
}

// storedStories returns the stories of a database file as "id: members".
func storedStories(t *testing.T, path string) []string {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, err := db.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range st {
		var ids []string
		for _, m := range s.Members {
			a, err := db.Article(context.Background(), m)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.Doc.ID)
		}
		out = append(out, s.ID+": "+strings.Join(ids, " "))
	}
	return out
}

func TestIngestTwiceEqualsOnce(t *testing.T) {
	a, b := writeInputs(t)
	dir := t.TempDir()
	once, twice := filepath.Join(dir, "once.db"), filepath.Join(dir, "twice.db")
	out, _, err := runCmd(t, "ingest", "--db", once, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := "4 articles read, 3 stored new, 1 duplicates; 2 stories in " + once + "; 2 comparisons computed\n"; out != want {
		t.Errorf("ingest a b printed %q; want %q", out, want)
	}
	for _, p := range []string{a, b} {
		if _, _, err := runCmd(t, "ingest", "--db", twice, p); err != nil {
			t.Fatal(err)
		}
	}
	want, got := storedStories(t, once), storedStories(t, twice)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories of ingest a; ingest b differ from ingest a b (-once +twice):\n%s", diff)
	}
	if len(want) != 2 || !strings.HasSuffix(want[0], ": dam1 dam2") {
		t.Errorf("stories = %q; want the dam (dam1 dam2) and the ferry", want)
	}
	out, _, err = runCmd(t, "ingest", "--db", once, b)
	if err != nil || !strings.HasPrefix(out, "2 articles read, 0 stored new, 2 duplicates") {
		t.Errorf("ingest b again = %q, %v; want 2 duplicates", out, err)
	}
}

func TestIngestCorruptDB(t *testing.T) {
	a, _ := writeInputs(t)
	path := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database\n", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runCmd(t, "ingest", "--db", path, a)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a parallax database") {
		t.Errorf("ingest into a corrupt file: %v; want an error naming the file as not a database", err)
	}
	t.Log(err)
}
