package quote

import (
	"os"
	"path/filepath"
	"testing"
)

// readExample reads a file by its path from the module root.
func readExample(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatalf("go.mod not found above %s", dir)
		}
		dir = parent
	}
	b, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		tb.Skipf("example %s not found: %v", rel, err)
	}
	return string(b)
}
