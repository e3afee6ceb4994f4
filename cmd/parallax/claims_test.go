package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// A short report written for this test (not copied from any outlet).
const claimsCLIReport = `Ministry says troops took Novopil

By Staff Writer

June 5, 2025

The defence ministry claimed on Thursday that its troops had captured the village of Novopil.

"The enemy has retreated," Colonel Ivan Sirko told reporters.
`

func TestClaimsCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the gazetteer")
	}
	p := filepath.Join(t.TempDir(), "report.txt")
	if err := os.WriteFile(p, []byte(claimsCLIReport), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"--db", filepath.Join(t.TempDir(), "none.db"), "claims", p}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	text := out.String()
	// every stance that holds, joined as compare joins them
	for _, want := range []string{"hedged+attributed", "quoted+attributed", "claimed", "⟦", "⟧", "voice:", "Sirko", "framing"} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}

	out.Reset()
	if code := run(context.Background(), []string{"claims", p, "--format", "json"}, &out, &errb); code != 0 {
		t.Fatalf("json: exit %d: %s", code, errb.String())
	}
	var got struct {
		Analysis domain.Analysis `json:"analysis"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("json output: %v", err)
	}
	if len(got.Analysis.Claims) < 2 {
		t.Errorf("json: %d claims, want at least 2", len(got.Analysis.Claims))
	}

	errb.Reset()
	if code := run(context.Background(), []string{"claims", p, "--format", "xml"}, &out, &errb); code == 0 || !strings.Contains(errb.String(), "--format") {
		t.Errorf("bad --format: exit %d, stderr %q", code, errb.String())
	}
}
