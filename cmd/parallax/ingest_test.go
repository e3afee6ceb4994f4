package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/internal/store"
)

// storeCLI runs parallax with a temporary database, as a user would.
type storeCLI struct {
	t  *testing.T
	db string
}

func newStoreCLI(t *testing.T) *storeCLI {
	return &storeCLI{t: t, db: filepath.Join(t.TempDir(), "db", "parallax.db")}
}

func (c *storeCLI) run(args ...string) (code int, stdout, stderr string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"--db", c.db}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

// copyIngestFixtures copies testdata/<dir> into a temp dir and returns it with
// the names of the report files (README.md is not a report).
func copyIngestFixtures(t *testing.T, dir string) (string, []string) {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(e.Name(), ".md") {
			names = append(names, e.Name())
		}
	}
	return dst, names
}

// fixtureHeadline is the first line of a plain-text fixture.
func fixtureHeadline(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	return strings.TrimSpace(first)
}

func lsJSON(t *testing.T, c *storeCLI, args ...string) []store.Summary {
	t.Helper()
	code, out, errs := c.run(append([]string{"ls", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("ls --format json: exit %d, stderr %q", code, errs)
	}
	var list []store.Summary
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("ls --format json printed %q: %v", out, err)
	}
	return list
}

func TestIngestListShow(t *testing.T) {
	c := newStoreCLI(t)
	dir, names := copyIngestFixtures(t, "ingest")
	n := len(names)

	// First ingest stores everything; the reprint is linked.
	// --no-analysis here, so the test can store an analysis of its own
	// below; TestIngestStoresAnalysis covers the default.
	code, out, errs := c.run("ingest", "--no-analysis", dir)
	if code != 0 || errs != "" {
		t.Fatalf("ingest: exit %d, stderr:\n%s", code, errs)
	}
	want := "read 5, stored 5, duplicates 0, near-duplicates 1, skipped 0\n"
	if n != 5 {
		t.Fatalf("%d fixtures; the expected summaries assume 5", n)
	}
	if out != want {
		t.Fatalf("ingest summary = %q, want %q", out, want)
	}

	// Re-ingesting finds every report stored already.
	code, out, errs = c.run("ingest", dir)
	if code != 0 || errs != "" {
		t.Fatalf("re-ingest: exit %d, stderr:\n%s", code, errs)
	}
	if want := "read 5, stored 0, duplicates 5, near-duplicates 0, skipped 0\n"; out != want {
		t.Fatalf("re-ingest summary = %q, want %q", out, want)
	}

	// ls shows each report once, with its headline; one row is marked.
	code, out, errs = c.run("ls")
	if code != 0 {
		t.Fatalf("ls: exit %d, stderr %q", code, errs)
	}
	rows := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(rows) != n+1 || !strings.HasPrefix(rows[0], "ID ") {
		t.Fatalf("ls printed %d lines, want a header and %d rows:\n%s", len(rows), n, out)
	}
	for _, name := range names {
		if !strings.HasSuffix(name, ".txt") {
			continue
		}
		if h := fixtureHeadline(t, filepath.Join(dir, name)); !strings.Contains(out, h) {
			t.Errorf("ls does not show the headline of %s (%q):\n%s", name, h, out)
		}
	}
	if !strings.Contains(out, "Container traffic returns to Chornomorsk") {
		t.Errorf("ls does not show the HTML report's headline:\n%s", out)
	}
	if got := strings.Count(out, "≈"); got != 1 {
		t.Errorf("%d rows marked as near-duplicates, want 1:\n%s", got, out)
	}

	list := lsJSON(t, c)
	ids := map[string]store.Summary{}
	var reprint store.Summary
	for _, s := range list {
		ids[s.ID] = s
		if s.NearDuplicateOf != "" {
			reprint = s
		}
	}
	if len(ids) != n {
		t.Fatalf("ls --format json: %d distinct reports, want %d", len(ids), n)
	}
	orig, ok := ids[reprint.NearDuplicateOf]
	if !ok || !strings.Contains(orig.Title+reprint.Title, "Izium") || !strings.Contains(reprint.Title+orig.Title, "Barvinkove") {
		t.Fatalf("near-duplicate link %q → %q; want the two Izium bridge reports linked", reprint.Title, orig.Title)
	}

	// --since keeps the reports published on or after the day.
	since := lsJSON(t, c, "--since", "2025-03-12")
	if len(since) != 1 || since[0].Title != "Container traffic returns to Chornomorsk" {
		t.Errorf("ls --since 2025-03-12 = %+v, want only the port report", since)
	}
	if lim := lsJSON(t, c, "--limit", "2"); len(lim) != 2 {
		t.Errorf("ls --limit 2 gave %d rows", len(lim))
	}

	// show finds a report by a unique prefix and says what it repeats.
	code, out, errs = c.run("show", reprint.ID[:6])
	if code != 0 {
		t.Fatalf("show: exit %d, stderr %q", code, errs)
	}
	for _, wantText := range []string{reprint.ID, reprint.Title, "near-duplicate of: " + orig.ID, "analysis: none stored"} {
		if !strings.Contains(out, wantText) {
			t.Errorf("show output lacks %q:\n%s", wantText, out)
		}
	}
	code, out, _ = c.run("show", orig.ID)
	if code != 0 || !strings.Contains(out, "repeated by:       "+reprint.ID) {
		t.Errorf("show of the original does not name the report repeating it:\n%s", out)
	}
	code, out, _ = c.run("show", orig.ID, "--format", "json")
	var shown showJSON
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil || shown.Article.ID != orig.ID || len(shown.Article.Body) == 0 {
		t.Fatalf("show --format json: exit %d, output %q", code, out)
	}
	if shown.Analysis != nil {
		t.Errorf("show --format json gave an analysis before any was stored: %+v", shown.Analysis)
	}

	// Once a later stage has stored an analysis, show summarises it.
	st, err := store.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	an := &domain.Analysis{ArticleID: orig.ID,
		Mentions: []domain.Mention{
			{Surface: "Izium", Kind: domain.KindPlace, EntityID: "geonames:707688", Name: "Izium", Status: domain.StatusResolved},
			{Surface: "Northline", Kind: domain.KindOrg, Status: domain.StatusUnresolved},
		},
		Claims: []domain.Claim{{Kind: domain.ClaimEvent, Stance: domain.StanceAttributed,
			Voice: domain.Voice{Kind: domain.VoiceNamed, Name: "regional roads agency"}, Text: "the bridge was closed after shelling"}},
	}
	err = st.PutAnalysis(context.Background(), an)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs = c.run("show", orig.ID)
	if code != 0 {
		t.Fatalf("show: exit %d, stderr %q", code, errs)
	}
	for _, wantText := range []string{"analysis: 2 mentions (1 resolved)", "mentions: Izium", "[event, attributed] regional roads agency: the bridge was closed"} {
		if !strings.Contains(out, wantText) {
			t.Errorf("show output lacks %q:\n%s", wantText, out)
		}
	}
	code, out, _ = c.run("show", orig.ID, "--format", "json")
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil || shown.Analysis == nil || len(shown.Analysis.Claims) != 1 {
		t.Fatalf("show --format json with analysis: exit %d, output %q", code, out)
	}
}

func TestIngestBadInputs(t *testing.T) {
	c := newStoreCLI(t)
	good, _ := copyIngestFixtures(t, "ingest")
	if code, out, errs := c.run("ingest", good); code != 0 {
		t.Fatalf("setup ingest: exit %d\n%s%s", code, out, errs)
	}
	before := lsJSON(t, c)

	dir, _ := copyIngestFixtures(t, "ingest-extra")
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "scan.dat")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := c.run("ingest", dir)
	if code != 1 {
		t.Fatalf("ingest with bad inputs: exit %d, want 1", code)
	}
	if want := "read 1, stored 1, duplicates 0, near-duplicates 0, skipped 2 (binary 1, empty 1)\n"; out != want {
		t.Errorf("summary = %q, want %q", out, want)
	}
	lines := strings.Split(strings.TrimRight(errs, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("stderr has %d lines, want one per bad input:\n%s", len(lines), errs)
	}
	for _, tt := range []struct{ path, reason string }{{empty, "empty"}, {binary, "binary"}} {
		re := regexp.MustCompile("(?m)^" + regexp.QuoteMeta(tt.path) + ": .*" + tt.reason)
		if !re.MatchString(errs) {
			t.Errorf("no line %q: … %s … on stderr:\n%s", tt.path, tt.reason, errs)
		}
	}

	// The good report is stored and nothing stored before is lost.
	after := lsJSON(t, c)
	if len(after) != len(before)+1 {
		t.Fatalf("%d reports after, %d before; want one more", len(after), len(before))
	}
	have := map[string]bool{}
	for _, s := range after {
		have[s.ID] = true
	}
	for _, s := range before {
		if !have[s.ID] {
			t.Errorf("report %s (%s) lost", s.ID, s.Title)
		}
	}
}

func TestStoreCommandErrors(t *testing.T) {
	c := newStoreCLI(t)
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"ls before any ingest", []string{"ls"}, 1, "no database at"},
		{"show before any ingest", []string{"show", "abc"}, 1, "no database at"},
		{"ingest without inputs", []string{"ingest"}, 1, "name at least one"},
		{"ls with a bad date", []string{"ls", "--since", "20 March"}, 1, "YYYY-MM-DD"},
		{"ls with a bad format", []string{"ls", "--format", "xml"}, 1, "unknown --format"},
		{"show without ID", []string{"show"}, 1, "name one article ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := c.run(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.wantErr) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.wantErr)
			}
		})
	}
	// A missing input is one line and exit 1; the database is created all the same.
	missing := filepath.Join(t.TempDir(), "nope.txt")
	code, out, errs := c.run("ingest", missing)
	if code != 1 || !strings.HasPrefix(errs, missing+": ") || !strings.HasSuffix(out, "failed 1\n") {
		t.Fatalf("ingest of a missing file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = c.run("show", "0000")
	if code != 1 || !strings.Contains(errs, "not found") {
		t.Fatalf("show of an unknown ID: exit %d, stderr %q", code, errs)
	}
	code, out, errs = c.run("ingest", "-h")
	if code != 0 || !strings.Contains(out+errs, "read N, stored N, duplicates N, near-duplicates N, skipped N") {
		t.Fatalf("ingest -h does not document the summary line (exit %d)", code)
	}
}

func TestIngestRefresh(t *testing.T) {
	c := newStoreCLI(t)
	dir, names := copyIngestFixtures(t, "ingest")
	if code, out, errs := c.run("ingest", dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	// The same report with a corrected headline: same body, same ID.
	path := filepath.Join(dir, "uk-rail.txt")
	old := fixtureHeadline(t, path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const fixed = "Приміські поїзди знову курсують до Лозової"
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, fixed, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	// Without --refresh the stored reading stays.
	if _, out, _ := c.run("ingest", path); !strings.HasPrefix(out, "read 1, stored 0, duplicates 1,") {
		t.Fatalf("plain re-ingest summary %q", out)
	}
	if _, out, _ := c.run("ls"); !strings.Contains(out, old) {
		t.Fatalf("plain re-ingest replaced the stored headline:\n%s", out)
	}
	code, out, errs := c.run("ingest", "--refresh", dir)
	if code != 0 {
		t.Fatalf("ingest --refresh: exit %d, stderr %q", code, errs)
	}
	want := fmt.Sprintf("read %d, stored 0, duplicates %d, near-duplicates 0, skipped 0, refreshed %d\n", len(names), len(names), len(names))
	if out != want {
		t.Fatalf("summary %q, want %q", out, want)
	}
	_, out, _ = c.run("ls")
	if !strings.Contains(out, fixed) || strings.Contains(out, old) {
		t.Fatalf("after --refresh, ls shows:\n%s\nwant %q instead of %q", out, fixed, old)
	}
	if got := strings.Count(out, "≈"); got != 1 {
		t.Errorf("near-duplicate link lost by --refresh (%d marked):\n%s", got, out)
	}
}

// TestIngestFoundingExample stores the two real Kupiansk reports and lists
// them with the outlet and headline the analyst's expected.yaml gives.
func TestIngestFoundingExample(t *testing.T) {
	dir := sharedtest.Path(t, "corpus/kupiansk-2025-11-20")
	b, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var expected struct {
		Documents map[string]struct {
			Outlet string `yaml:"outlet"`
			Title  string `yaml:"title"`
		} `yaml:"documents"`
	}
	if err := yaml.Unmarshal(b, &expected); err != nil {
		t.Fatal(err)
	}
	c := newStoreCLI(t)
	code, out, errs := c.run("ingest", dir)
	n := len(expected.Documents)
	if want := fmt.Sprintf("read %d, stored %d, duplicates 0, near-duplicates 0, skipped 0\n", n, n); code != 0 || out != want {
		t.Fatalf("ingest: exit %d, summary %q (want %q), stderr %q", code, out, want, errs)
	}
	list := lsJSON(t, c)
	for name, doc := range expected.Documents {
		found := false
		for _, s := range list {
			if s.Title == doc.Title && s.Outlet == doc.Outlet {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no stored report with outlet %q and title %q in %+v", name, doc.Outlet, doc.Title, list)
		}
	}
}

// TestIngestStoresAnalysis checks that ingest analyses what it stores, so
// show, events and timeline find mentions and claims without re-running.
func TestIngestStoresAnalysis(t *testing.T) {
	c := newStoreCLI(t)
	dir := t.TempDir()
	report := "Bridge near Izium closed after shelling\n\nBy Northline Wire Staff\n\nMarch 11, 2025\n\n" +
		"A road bridge near Izium was closed on Tuesday after overnight shelling, the regional roads agency said.\n\n" +
		"The bridge carries the main road between Izium and Sloviansk.\n"
	if err := os.WriteFile(filepath.Join(dir, "bridge.txt"), []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := c.run("ingest", dir); code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", code, out, errs)
	}
	rows := lsJSON(t, c)
	if len(rows) != 1 {
		t.Fatalf("ls gave %d rows, want 1", len(rows))
	}
	code, out, _ := c.run("show", rows[0].ID, "--format", "json")
	var shown showJSON
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil {
		t.Fatalf("show --format json: exit %d, output %q", code, out)
	}
	if shown.Analysis == nil {
		t.Fatal("ingest stored no analysis")
	}
	izium := false
	for _, m := range shown.Analysis.Mentions {
		if m.Surface == "Izium" && m.Name == "Izium" && m.Status == domain.StatusResolved {
			izium = true
		}
	}
	if !izium || len(shown.Analysis.Claims) == 0 {
		t.Errorf("stored analysis lacks the resolved place Izium or any claim: %+v", shown.Analysis)
	}
}
