package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEntitiesCommand runs `parallax entities` on a report written for the
// test, in text and JSON, as a user would.
func TestEntitiesCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "report.txt")
	report := "Kremlin spokesman Dmitry Peskov said on Friday that Putin had received Gerasimov's report.\n\n" +
		"Fighting continued in the Kharkov region, Peskov added.\n"
	if err := os.WriteFile(file, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "db", "parallax.db")
	runCLI := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"--db", db}, args...), &out, &errb)
		return code, out.String(), errb.String()
	}

	code, out, errs := runCLI("entities", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Dmitry Peskov", "Kremlin spokesman ×1", "Peskov ×1", "Kharkiv Oblast", "Kharkov region ×1", "Valery Gerasimov"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}

	code, out, errs = runCLI("entities", file, "--format", "json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errs)
	}
	var got []entitiesJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	if len(got) != 1 || len(got[0].Mentions) == 0 || len(got[0].Entities) == 0 {
		t.Fatalf("json output has no mentions: %s", out)
	}

	if code, _, errs := runCLI("entities", filepath.Join(dir, "missing.txt")); code == 0 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
	if code, _, _ := runCLI("entities", file, "--format", "xml"); code == 0 {
		t.Error("--format xml accepted")
	}
}
