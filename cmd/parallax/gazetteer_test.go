package main

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sampleGeoNames = "../../internal/gazetteer/testdata/sample-geonames.txt"

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestGazetteerLookupCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the default gazetteer")
	}
	db := filepath.Join(t.TempDir(), "parallax.db")
	code, out, errs := runCLI(t, "--db", db, "gazetteer", "lookup", "Kharkov region", "Konstaninovka", "--country", "UA", "-n", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Kharkov region: 1 candidate(s), resolved", "Kharkiv Oblast", "Kostiantynivka", "name fuzzy", "geonames:705104"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The founding example's names, candidates and reasons, as a reader sees them.
	code, out, errs = runCLI(t, "--db", db, "gazetteer", "lookup", "Kupyansk", "Kharkov region", "Volchansk", "Krasnoarmeysk",
		"Konstaninovka", "Dnepropetrovsk region", "Zaporozhye region", "Donetsk People's Republic", "Купянске", "Mykolaivka", "--country", "UA", "-n", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden := filepath.Join("testdata", "gazetteer-lookup.golden")
	if os.Getenv("PARALLAX_UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (PARALLAX_UPDATE_GOLDEN=1 writes it)", err)
	}
	if out != string(want) {
		t.Errorf("lookup output differs from %s:\n%s", golden, out)
	}

	code, out, _ = runCLI(t, "--db", db, "gazetteer", "lookup", "Kupiansk-Vuzlovyi", "--file", sampleGeoNames)
	if code != 0 || !strings.Contains(out, "geonames:703652") {
		t.Errorf("--file did not add the sample's place (exit %d):\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "gazetteer")); err == nil {
		t.Error("--file stored something for later runs")
	}
}

func TestGazetteerImportAndFetch(t *testing.T) {
	data, err := os.ReadFile(sampleGeoNames)
	if err != nil {
		t.Fatal(err)
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("UA.txt")
	w.Write(data)
	r, _ := zw.Create("readme.txt")
	r.Write([]byte("GeoNames readme"))
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/dump/UA.zip" {
			http.NotFound(w, r)
			return
		}
		w.Write(zbuf.Bytes())
	}))
	defer srv.Close()

	db := filepath.Join(t.TempDir(), "parallax.db")
	dir := filepath.Join(filepath.Dir(db), "gazetteer")
	code, out, errs := runCLI(t, "--db", db, "gazetteer", "fetch", "UA", "--base-url", srv.URL+"/dump", "--allow-private")
	if code != 0 {
		t.Fatalf("fetch exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "12 entries stored") || !strings.Contains(out, "2 malformed lines skipped") {
		t.Errorf("fetch output: %s", out)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*.geonames.tsv.gz")); len(m) != 1 {
		t.Errorf("stored files: %v", m)
	}
	// Without --allow-private a loopback base URL is refused.
	if code, _, errs := runCLI(t, "--db", db, "gazetteer", "fetch", "UA", "--base-url", srv.URL+"/dump"); code == 0 || !strings.Contains(errs, "not allowed") {
		t.Errorf("loopback fetch allowed (exit %d): %s", code, errs)
	}
	if code, _, errs := runCLI(t, "--db", db, "gazetteer", "fetch", "XX", "--base-url", srv.URL+"/dump", "--allow-private"); code == 0 || !strings.Contains(errs, "404") {
		t.Errorf("missing country not reported (exit %d): %s", code, errs)
	}
	if code, _, _ := runCLI(t, "--db", db, "gazetteer", "fetch", "Ukraine"); code == 0 {
		t.Error("a non-code country accepted")
	}
	code, out, _ = runCLI(t, "--db", db, "gazetteer", "import", "../../internal/gazetteer/testdata/sample-katottg.csv")
	if code != 0 || !strings.Contains(out, "katottg, 7 entries") {
		t.Errorf("import katottg (exit %d): %s", code, out)
	}
	if code, _, _ := runCLI(t, "--db", db, "gazetteer", "import", "no-such-file.txt"); code != 1 {
		t.Errorf("import of a missing file exit %d, want 1", code)
	}
}

// TestGazetteerDirOfServerStore: with a database server as the store the
// gazetteer folder is the user's data folder, never a path made of the
// URL (which would hold the password).
func TestGazetteerDirOfServerStore(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	for _, tt := range []struct{ db, want string }{
		{"/var/lib/p/parallax.db", "/var/lib/p/gazetteer"},
		{"postgres://u:secret@db.example:5432/news", "/data/parallax/gazetteer"},
		{"postgresql://u@db.example/news?sslmode=require", "/data/parallax/gazetteer"},
	} {
		if got := gazetteerDir(&env{dbPath: tt.db}); got != tt.want {
			t.Errorf("gazetteerDir(%q) = %q, want %q", tt.db, got, tt.want)
		}
	}
}
