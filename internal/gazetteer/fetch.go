package gazetteer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
)

// DefaultDumpURL is where GeoNames publishes its country files.
const DefaultDumpURL = "https://download.geonames.org/export/dump/"

// MaxFetch bounds a downloaded dump (RU.zip is ~80 MB).
const MaxFetch = 1 << 30

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// Fetch downloads the GeoNames country file CC.zip from base with client
// (the caller's guarded client: timeouts, address checks) and imports it
// into dir. Nothing is stored unless the whole file arrived and parsed.
func Fetch(ctx context.Context, client *http.Client, base, cc, dir string) (ImportResult, error) {
	cc = strings.ToUpper(cc)
	if !countryCode.MatchString(cc) {
		return ImportResult{}, fmt.Errorf("%q is not a two-letter country code", cc)
	}
	url := strings.TrimRight(base, "/") + "/" + cc + ".zip"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return ImportResult{}, err
	}
	req.Header.Set("User-Agent", "parallax-gazetteer")
	resp, err := client.Do(req)
	if err != nil {
		return ImportResult{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return ImportResult{}, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	tmp, err := os.CreateTemp("", "parallax-geonames-*.zip")
	if err != nil {
		return ImportResult{}, err
	}
	defer os.Remove(tmp.Name())
	n, err := io.Copy(tmp, io.LimitReader(resp.Body, MaxFetch+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return ImportResult{}, fmt.Errorf("GET %s: %w", url, err)
	}
	if n > MaxFetch {
		return ImportResult{}, fmt.Errorf("GET %s: larger than %d bytes", url, MaxFetch)
	}
	return importAs(dir, tmp.Name(), cc+".zip")
}
