package quote

import (
	"os"
	"path/filepath"
	"testing"
)

// readExample reads a file by its path from the module root (three levels
// up from this package).
func readExample(tb testing.TB, rel string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", rel))
	if err != nil {
		tb.Skipf("example %s not found: %v", rel, err)
	}
	return string(b)
}
