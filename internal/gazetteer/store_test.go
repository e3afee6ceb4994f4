package gazetteer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImport(t *testing.T) {
	dir := t.TempDir()
	res, err := Import(dir, "testdata/sample-geonames.txt")
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != "geonames" || res.Entries != 12 || res.Skipped != 2 || filepath.Base(res.Path) != "sample-geonames"+extGeoNames {
		t.Errorf("Import = %+v", res)
	}
	kres, err := Import(dir, "testdata/sample-katottg.csv")
	if err != nil {
		t.Fatal(err)
	}
	if kres.Kind != "katottg" || kres.Entries != 7 || kres.Skipped != 1 {
		t.Errorf("Import katottg = %+v", kres)
	}
	before, _ := os.ReadFile(res.Path)

	// A failed import under the same name leaves the stored file as it was.
	bad := filepath.Join(t.TempDir(), "sample-geonames.txt")
	os.WriteFile(bad, []byte("\x00\x01\x02 binary junk\n"), 0o644)
	if _, err := Import(dir, bad); err == nil {
		t.Error("importing binary junk succeeded")
	}
	if after, _ := os.ReadFile(res.Path); !bytes.Equal(before, after) {
		t.Error("a failed import changed the stored file")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".import-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	for _, in := range []string{"", "only one line without tabs", strings.Repeat("x;", 3)} {
		if _, err := ImportReader(dir, "x.txt", strings.NewReader(in)); err == nil {
			t.Errorf("ImportReader(%q) succeeded", in)
		}
	}
}

func TestLoadDir(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the default twice")
	}
	empty := t.TempDir()
	g, err := Load(empty)
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := Default(); g != d {
		t.Error("Load of an empty dir is not Default()")
	}
	dir := t.TempDir()
	if _, err := Import(dir, "testdata/sample-geonames.txt"); err != nil {
		t.Fatal(err)
	}
	if _, err := Import(dir, "testdata/sample-katottg.csv"); err != nil {
		t.Fatal(err)
	}
	g, err = Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ms := g.Lookup("Kupiansk-Vuzlovyi")
	if len(ms) == 0 || ms[0].Place.ID != "geonames:703652" {
		t.Fatalf("imported place not found: %v", ms)
	}
	if p := g.Place("geonames:703656"); p.KATOTTG == "" || p.Official == "" {
		t.Errorf("Kupiansk not linked to the imported codifier: %+v", p)
	}
	if p := g.Place("katottg:UA63080090050011111"); p == nil {
		t.Error("codifier-only village missing")
	}
}
