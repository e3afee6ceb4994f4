package gazetteer

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestFetch(t *testing.T) {
	data, err := os.ReadFile("testdata/sample-geonames.txt")
	if err != nil {
		t.Fatal(err)
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("UA.txt")
	w.Write(data)
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/UA.zip":
			w.Write(zbuf.Bytes())
		case "/RU.zip":
			w.Write([]byte("<html>not a zip</html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	res, err := Fetch(context.Background(), srv.Client(), srv.URL+"/", "ua", dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.Entries != 12 || res.Path != filepath.Join(dir, "UA"+extGeoNames) {
		t.Errorf("Fetch = %+v", res)
	}
	for _, cc := range []string{"RU", "XX", "Ukraine", "../etc"} {
		if _, err := Fetch(context.Background(), srv.Client(), srv.URL, cc, dir); err == nil {
			t.Errorf("Fetch(%q) succeeded", cc)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) != 1 {
		t.Errorf("files after failed fetches: %v", m)
	}
}
