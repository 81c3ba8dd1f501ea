// Command crashingest is the crash-safety check of issue 13: it runs
// `parallax ingest --db` over a corpus once without interruption, then
// again into a second file, killing it with SIGKILL at -kills random
// moments and restarting it each time, and finally lets it finish. It
// then checks the second file: every article stored exactly once, each in
// exactly one story, the stories equal to the uninterrupted run's (or the
// differences listed), and PRAGMA integrity_check ok.
//
//	go run ./scripts/crashingest [-input FILE] [-kills 20] [-limit N] [-seed S]
//
// It skips (exit 0, a message) when the input is absent. -limit takes the
// first N lines of the input (a smaller corpus for a slow machine). The
// kill moments are drawn uniformly over the uninterrupted run's duration.
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite"
)

func main() {
	input := flag.String("input", "../shared/bench/scale/allsides-37k.jsonl.gz", "the corpus (JSON lines, optionally gzipped)")
	kills := flag.Int("kills", 20, "SIGKILLs during the interrupted run")
	limit := flag.Int("limit", 0, "use only the first N lines of the input (0: all)")
	seed := flag.Uint64("seed", uint64(time.Now().UnixNano()), "random seed of the kill moments")
	dir := flag.String("dir", "", "work directory (a new temporary one when empty)")
	bin := flag.String("parallax", "", "the parallax binary (built from ./cmd/parallax when empty)")
	refTime := flag.Duration("ref-time", 0, "reuse DIR/ref.db, an uninterrupted run of the same input and binary that took this long")
	flag.Parse()
	if _, err := os.Stat(*input); err != nil {
		fmt.Printf("crashingest: skipped: %v\n", err)
		return
	}
	if err := run(*input, *kills, *limit, *seed, *dir, *bin, *refTime); err != nil {
		fmt.Fprintln(os.Stderr, "crashingest:", err)
		os.Exit(1)
	}
}

func run(input string, kills, limit int, seed uint64, dir, bin string, refTime time.Duration) error {
	var err error
	if dir == "" {
		if dir, err = os.MkdirTemp("", "crashingest"); err != nil {
			return err
		}
	}
	if bin == "" {
		bin = filepath.Join(dir, "parallax")
		if out, err := exec.Command("go", "build", "-o", bin, "./cmd/parallax").CombinedOutput(); err != nil {
			return fmt.Errorf("build: %v\n%s", err, out)
		}
	}
	if limit > 0 {
		if input, err = head(input, filepath.Join(dir, "input.jsonl"), limit); err != nil {
			return err
		}
	}
	ref, crash := filepath.Join(dir, "ref.db"), filepath.Join(dir, "crash.db")
	fresh := []string{crash}
	if refTime == 0 {
		fresh = append(fresh, ref)
	}
	for _, p := range fresh {
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(p + s)
		}
	}
	fmt.Printf("seed %d, input %s, work in %s\n", seed, input, dir)
	full := refTime
	if full == 0 {
		start := time.Now()
		if out, err := exec.Command(bin, "ingest", "--db", ref, input).CombinedOutput(); err != nil {
			return fmt.Errorf("uninterrupted run: %v\n%s", err, out)
		}
		full = time.Since(start)
	}
	fmt.Printf("uninterrupted run: %v\n", full.Round(time.Millisecond))

	r := rand.New(rand.NewPCG(seed, 1))
	for i := range kills {
		at := time.Duration(r.Int64N(int64(full)))
		cmd := exec.Command(bin, "ingest", "--db", crash, input)
		if err := cmd.Start(); err != nil {
			return err
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			fmt.Printf("run %2d: finished before its kill at %v (%v)\n", i+1, at.Round(time.Millisecond), err)
		case <-time.After(at):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			n, _ := count(crash)
			fmt.Printf("run %2d: killed at %v; %d articles committed\n", i+1, at.Round(time.Millisecond), n)
		}
	}
	start := time.Now()
	out, err := exec.Command(bin, "ingest", "--db", crash, input).CombinedOutput()
	if err != nil {
		return fmt.Errorf("final run: %v\n%s", err, out)
	}
	fmt.Printf("final run (%v): %s", time.Since(start).Round(time.Millisecond), out)
	return check(ref, crash)
}

// head writes the first n lines of in (gunzipped) to out.
func head(in, out string, n int) (string, error) {
	f, err := os.Open(in)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(in, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			return "", err
		}
	}
	o, err := os.Create(out)
	if err != nil {
		return "", err
	}
	defer o.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	w := bufio.NewWriter(o)
	for i := 0; i < n && sc.Scan(); i++ {
		w.Write(sc.Bytes())
		w.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return out, w.Flush()
}

func openRO(path string) (*sql.DB, error) {
	return sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
}

func count(path string) (int, error) {
	db, err := openRO(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
	return n, err
}

// check compares the crashed file with the reference and prints the
// verdicts; the error says which failed.
func check(ref, crash string) error {
	ctx := context.Background()
	var failed []string
	fail := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		fmt.Println("FAIL:", msg)
		failed = append(failed, msg)
	}
	parts := map[string]map[string]string{} // file -> sorted member key -> story id
	stored := map[string]int{}
	for _, p := range []string{ref, crash} {
		db, err := openRO(p)
		if err != nil {
			return err
		}
		defer db.Close()
		var ic string
		if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ic); err != nil || ic != "ok" {
			fail("%s: integrity_check = %q, %v", filepath.Base(p), ic, err)
		} else {
			fmt.Printf("%s: PRAGMA integrity_check ok\n", filepath.Base(p))
		}
		var articles, distinctInput, members, distinctMembers, unassigned, orphans int
		q := func(dst *int, query string) {
			if err := db.QueryRowContext(ctx, query).Scan(dst); err != nil {
				fail("%s: %s: %v", filepath.Base(p), query, err)
			}
		}
		q(&articles, `SELECT count(*) FROM articles`)
		q(&distinctInput, `SELECT count(DISTINCT input_id || char(0) || url || char(0) || hex(text_hash)) FROM articles`)
		q(&members, `SELECT count(*) FROM story_members`)
		q(&distinctMembers, `SELECT count(DISTINCT article_id) FROM story_members`)
		q(&unassigned, `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)`)
		q(&orphans, `SELECT count(*) FROM story_members m WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.story_id)`)
		fmt.Printf("%s: %d articles, %d story memberships (%d distinct), %d in no story, %d in a missing story\n",
			filepath.Base(p), articles, members, distinctMembers, unassigned, orphans)
		stored[p] = articles
		if distinctInput != articles {
			fail("%s: %d articles but %d distinct", filepath.Base(p), articles, distinctInput)
		}
		if members != articles || distinctMembers != articles || unassigned != 0 || orphans != 0 {
			fail("%s: not every article in exactly one story", filepath.Base(p))
		}
		// Stories as sets of articles named by their input id and text
		// hash (store ids may differ between the runs).
		rows, err := db.QueryContext(ctx, `SELECT m.story_id, a.input_id || ':' || substr(hex(a.text_hash), 1, 12) FROM story_members m JOIN articles a ON a.id = m.article_id`)
		if err != nil {
			return err
		}
		byStory := map[string][]string{}
		for rows.Next() {
			var s, k string
			if err := rows.Scan(&s, &k); err != nil {
				return err
			}
			byStory[s] = append(byStory[s], k)
		}
		rows.Close()
		parts[p] = map[string]string{}
		for s, ks := range byStory {
			slices.Sort(ks)
			parts[p][strings.Join(ks, " ")] = s
		}
	}
	if stored[ref] != stored[crash] {
		fail("%d articles stored by the uninterrupted run, %d by the interrupted one", stored[ref], stored[crash])
	}
	var a, b int
	for k, s := range parts[ref] {
		if _, ok := parts[crash][k]; !ok {
			a++
			if a <= 5 {
				fmt.Printf("  only uninterrupted: story %s (%d articles)\n", s, strings.Count(k, " ")+1)
			}
		}
	}
	for k, s := range parts[crash] {
		if _, ok := parts[ref][k]; !ok {
			b++
			if b <= 5 {
				fmt.Printf("  only interrupted:   story %s (%d articles)\n", s, strings.Count(k, " ")+1)
			}
		}
	}
	fmt.Printf("stories: %d uninterrupted, %d interrupted; %d and %d differ\n", len(parts[ref]), len(parts[crash]), a, b)
	if a+b > 0 {
		fail("the stories differ from the uninterrupted run's")
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d check(s) failed", len(failed))
	}
	fmt.Println("all checks passed")
	return nil
}
