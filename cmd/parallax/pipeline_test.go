package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalysisLimit: a body far larger than any news report is stored but
// not analysed, and the user is told why, instead of the run stalling.
func TestAnalysisLimit(t *testing.T) {
	c := newStoreCLI(t)
	dir := t.TempDir()
	para := strings.Repeat("Officials in the town said the road was open again after repairs. ", 40)
	var b strings.Builder
	b.WriteString("A very long dump\n\n")
	for b.Len() <= maxAnalysisBytes+len(para) {
		b.WriteString(para + "\n\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "dump.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := c.run("ingest", dir)
	if code != 0 || !strings.HasPrefix(out, "read 1, stored 1,") {
		t.Fatalf("ingest: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if !strings.Contains(errs, "analysis limit") {
		t.Errorf("stderr does not say the report was too large to analyse: %q", errs)
	}
}
