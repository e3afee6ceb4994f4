package main

import (
	"bytes"
	"context"
	"fmt"
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

// TestCompareRefusesToOverwriteInput: -o naming an input is an error and
// the input is left as it was.
func TestCompareRefusesToOverwriteInput(t *testing.T) {
	c := newStoreCLI(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	report := "Bridge reopens\n\nThe bridge reopened on Monday, the roads agency said.\n"
	if err := os.WriteFile(in, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := c.run("compare", "-o", in, in)
	if code == 0 || !strings.Contains(errs, "refusing to overwrite") {
		t.Errorf("compare -o INPUT: exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(in); string(b) != report {
		t.Errorf("the input was changed: %q", b)
	}
}

// TestIngestInterrupted: after an interrupt ingest stores nothing more, says
// so once (not one "context canceled" line per remaining report) and exits 1.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	for i := range 20 {
		report := fmt.Sprintf("Report %d\n\nThe council met on Monday to discuss item %d, officials said.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.txt", i)), []byte(report), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"--db", filepath.Join(t.TempDir(), "p.db"), "ingest", "--no-analysis", dir}, &out, &errb)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if n := strings.Count(errb.String(), "\n"); n != 1 || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("stderr should be one line saying it was interrupted, got %q", errb.String())
	}
	if !strings.HasPrefix(out.String(), "read 0, stored 0,") {
		t.Errorf("summary %q", out.String())
	}
}
