// Package benchdata finds the third-party evaluation data in ../shared/bench
// (beside the repository) for tests and benchmarks, which skip with a clear
// message when it is not there. The data is never copied into the repository.
package benchdata

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Root returns the directory of the shared benchmark data, or "" when it is
// not found. PARALLAX_BENCH overrides the default ../shared/bench next to the
// module root.
func Root() string {
	if d := os.Getenv("PARALLAX_BENCH"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "bench")
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of rel inside the benchmark data, or skips tb with a
// message naming what is missing.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("benchmark data ../shared/bench not found (set PARALLAX_BENCH); skipping")
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("benchmark data %s not found; skipping", p)
	}
	return p
}

// Score runs the benchmark data's scorer (a Python script such as
// "score-rouge") with args and returns the last line it prints, its
// headline. It skips tb when the scorer or python3 is missing, and fails
// tb when the scorer fails.
func Score(tb testing.TB, scorer string, args ...string) string {
	tb.Helper()
	path := Path(tb, scorer)
	python, err := exec.LookPath("python3")
	if err != nil {
		tb.Skipf("python3 not found: %s needs it", scorer)
	}
	out, err := exec.Command(python, append([]string{path}, args...)...).Output()
	if err != nil {
		tb.Fatalf("%s: %v\n%s", scorer, err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}
