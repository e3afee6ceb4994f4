package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/store"
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
	// The Russian-language report of the capture (Гуляйполя, a case form)
	// is the same event as the English ones: names cross languages.
	if !strings.Contains(out.String(), "(4 reports: Dnipro Ledger, Northern Wire Service, Vestnik Segodnya, Svobodny Kanal)") {
		t.Errorf("the main event does not hold all four reports of the capture:\n%s", out.String())
	}
}

func TestCompareFilesToHTML(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	files, _ := filepath.Glob("../../examples/*-2026-03-12.*")
	if len(files) < 3 {
		t.Fatalf("examples missing: %v", files)
	}
	args := append([]string{"--db", filepath.Join(dir, "x.db"), "--outlets", "../../examples/outlets.yaml", "compare", "--format", "html", "-o", out}, files...)
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

// storeExamples puts the example reports in a new store, without analyses
// (as `parallax ingest` does), and returns its path.
func storeExamples(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "p.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	reg, err := examplesOutlets()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../examples/*-2026-03-*")
	for _, f := range files {
		for _, it := range ingest.ReadFile(context.Background(), f, ingest.Options{Outlets: mergeOutlets(nil, reg)}) {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			if _, err := st.PutArticle(context.Background(), it.Article); err != nil {
				t.Fatal(err)
			}
		}
	}
	return db
}

func TestTimelineAndStoredEvent(t *testing.T) {
	db := storeExamples(t)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"timeline", "Huliaipole"}, []string{"control timeline of Huliaipole", "2026-03-12", "Vestnik Segodnya"}},
		{[]string{"timeline", "Гуляйполе", "--format", "json"}, []string{`"place": "Huliaipole"`, `"entries"`}},
		{[]string{"timeline", "Gulyaypole", "--format", "html"}, []string{"<!DOCTYPE html>", "Control timeline of Huliaipole"}},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append([]string{"--db", db}, tc.args...), &stdout, &stderr)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("%v: output lacks %q:\n%.800s", tc.args, w, stdout.String())
			}
		}
	}
	// compare EVENT: the event of the wire's 12 March report, by id prefix.
	arts, ans, err := loadStored(context.Background(), &env{dbPath: db, stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	ix := events.NewIndex()
	var id string
	for i, a := range arts {
		ev, _ := ix.Add(a, ans[i])
		if strings.Contains(a.Title, "Russia says it captured Huliaipole") {
			id = ev
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"--db", db, "compare", id[:len(id)-1], "--format", "markdown"}, &stdout, &stderr); code != 0 {
		t.Fatalf("compare %s: exit %d: %s", id, code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "## Agreed") || !strings.Contains(stdout.String(), "Northern Wire Service") {
		t.Errorf("stored event comparison:\n%.800s", stdout.String())
	}
}
