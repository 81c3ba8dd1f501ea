package layout

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/parallax-news/parallax/"

// allowed lists, for every package under internal/, the packages of this
// module it may import (its own subpackages always excepted). It is the
// table the package docs state in words.
var allowed = map[string][]string{
	"news":                {},
	"lexicon":             {},
	"pipe":                {},
	"benchdata":           {},
	"token":               {"news", "lexicon"},
	"analyze/sentence":    {"news", "token", "lexicon"},
	"analyze/lang":        {"news", "token", "lexicon"},
	"analyze/entity":      {"news", "token", "lexicon"},
	"analyze/quote":       {"news", "token", "lexicon"},
	"analyze/quantity":    {"news", "token", "lexicon"},
	"analyze/dates":       {"news", "token", "lexicon"},
	"analyze":             {"news", "token", "lexicon"},
	"clean":               {"news", "lexicon"},
	"extract/page":        {"news", "lexicon"},
	"extract":             {"news", "lexicon"},
	"feed":                {"news"},
	"fetch":               {"news"},
	"warc":                {"news"},
	"ingest":              {"news"},
	"ingest/web":          {"news", "ingest", "extract", "feed", "warc", "pipe"},
	"cluster":             {"news", "token", "lexicon"},
	"compare":             {"news", "token", "lexicon"},
	"compare/comparetest": {"news", "compare"},
	"compare/evaltest":    {"news", "compare"},
	"report":              {"news", "cluster", "compare"},
	"web":                 {"news", "compare", "report"},
	"deskweb":             {"news", "compare", "desk", "poll", "web"},
	"pipeline":            {"news", "pipe", "ingest", "ingest/web", "clean", "analyze", "cluster", "compare"},
	"desk":                {"news", "cluster", "compare", "pipe", "pipeline"},
	"desk/storetest":      {"news", "desk"},
	"store/sqlite":        {"news", "desk", "poll"},
	"poll":                {"news", "pipe", "fetch", "feed", "extract"},
	"poll/polltest":       {"poll"},
	"server":              {"desk", "report"},
	"layout":              {},
}

func TestDependenciesPointOneWay(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() || d.Name() == "testdata" {
			if d != nil && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return err
		}
		pkg, err := build.ImportDir(path, 0)
		if _, ok := err.(*build.NoGoError); ok {
			return nil
		} else if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		may, ok := allowed[rel]
		if !ok {
			t.Errorf("internal/%s is not in the layout table: add it with what it may import", rel)
			return nil
		}
		for _, imp := range pkg.Imports {
			dep, ok := strings.CutPrefix(imp, module+"internal/")
			if !ok {
				if strings.HasPrefix(imp, module) {
					t.Errorf("internal/%s imports %s", rel, imp)
				}
				continue
			}
			if strings.HasPrefix(dep, rel+"/") || slices.Contains(may, dep) {
				continue
			}
			t.Errorf("internal/%s imports internal/%s; it may import only %v", rel, dep, may)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range allowed {
		if !seen[p] {
			t.Errorf("the layout table lists internal/%s, which does not exist", p)
		}
	}
}
