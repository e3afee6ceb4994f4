package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoRunsOnAFreshMachine(t *testing.T) {
	var out, errOut bytes.Buffer
	db := filepath.Join(t.TempDir(), "never-created.db")
	code := run(context.Background(), []string{"--db", db, "demo", "--width", "100"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut.String())
	}
	for _, want := range []string{"Northern Wire Service", "Vestnik Segodnya", "invented example", "AGREED", "ONLY IN"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("demo must not touch the user's store")
	}
}

func TestCompareFilesToHTML(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	files, _ := filepath.Glob("../../examples/*-2026-03-12.*")
	if len(files) < 3 {
		t.Fatalf("examples missing: %v", files)
	}
	args := append([]string{"--db", filepath.Join(dir, "x.db"), "compare", "--format", "html", "-o", out, "--outlets", "../../examples/outlets.yaml"}, files...)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	if !strings.HasPrefix(html, "<!DOCTYPE html>") || !strings.Contains(html, "Svobodny Kanal") || !strings.Contains(html, "Dnipro Ledger") {
		t.Errorf("HTML report incomplete:\n%.600s", html)
	}
}

func TestCompareErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare"}, "name an EVENT"},
		{[]string{"compare", "no-such-event"}, "neither a file nor an event"},
		{[]string{"compare", "--format", "pdf", "../../examples/northwire-2026-03-05.txt"}, "unknown --format"},
		{[]string{"timeline"}, "name a PLACE"},
		{[]string{"timeline", "Kupiansk"}, "no store"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append([]string{"--db", filepath.Join(dir, "none.db")}, tc.args...), &stdout, &stderr)
		if code == 0 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want failure mentioning %q", tc.args, code, stderr.String(), tc.want)
		}
	}
}
