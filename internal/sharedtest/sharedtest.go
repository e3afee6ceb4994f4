// Package sharedtest finds the real corpora and data in ../shared for
// tests, and skips the test with a clear message where they are absent
// (a clone without ../shared beside it).
package sharedtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the shared/ folder beside the repository, or "" if absent.
func Root() string {
	if p := os.Getenv("PARALLAX_SHARED"); p != "" {
		return p
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	// file is <repo>/internal/sharedtest/sharedtest.go
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return filepath.Clean(dir)
	}
	return ""
}

// Path returns <shared>/rel, skipping t when it does not exist.
func Path(t testing.TB, rel string) string {
	t.Helper()
	root := Root()
	if root == "" {
		t.Skipf("../shared is absent (set PARALLAX_SHARED to its path); skipping test on real data %s", rel)
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent; skipping test on real data", p)
	}
	return p
}
