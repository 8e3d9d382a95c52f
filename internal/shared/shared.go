// Package shared finds the data sets that live beside the repository, in
// ../shared (seeds and data sets for evaluation), for the project's tests.
// They are never part of the repository; tests that need them skip when
// they are absent.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the module root: the first folder at or above the current
// folder (a package folder, when called from a test) holding go.mod.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the current folder")
		}
		dir = parent
	}
}

// Dir returns ../shared/rel beside the module root ("seeds",
// "data/ner-conll2002/ned.testa"), skipping the test when it is absent.
func Dir(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Root(tb), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s absent", p)
	}
	return p
}

// Data returns ../shared/data/rel, skipping the test when it is absent.
func Data(tb testing.TB, rel string) string {
	tb.Helper()
	return Dir(tb, filepath.Join("data", rel))
}
