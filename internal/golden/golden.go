// Package golden compares test output with a golden file in testdata/,
// rewriting the file instead when the test runs with its -update flag.
// A mismatch names the first differing line, which is what one reads when
// a long rendering drifts.
package golden

import (
	"os"
	"strings"
	"testing"
)

// Check compares got with the file at path; with update it writes got to
// path instead. A missing file fails with a hint to run with -update.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if line, g, w, same := firstDiff(string(got), string(want)); !same {
		t.Errorf("%s differs from the golden file at line %d (go test -update rewrites it):\n got  %q\n want %q", path, line, g, w)
	}
}

// firstDiff returns the first line (1-based) where got and want differ.
func firstDiff(got, want string) (line int, g, w string, same bool) {
	if got == want {
		return 0, "", "", true
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		g, w = "", ""
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w || i >= len(gl) || i >= len(wl) {
			return i + 1, g, w, false
		}
	}
	return len(gl), "", "", false
}
