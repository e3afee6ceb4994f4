package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// countriesSpec is the npm package whose per-language name files give every
// ISO 3166-1 country its names (MIT, widdix GmbH).
const countriesSpec = "i18n-iso-countries@7.14.0"

// countryLangs are the languages taken from the package, Parallax's outlets'
// languages first, with each file's sha256. Left out, since they would turn
// ordinary words or other places into countries: names that are among the
// 1,000 most frequent words of a language and no longer than 4 letters
// (Russian "Того" for Togo, "US"),
// de/fr/es/pl names that are a frequent word of another language (French
// "Maurice"), and names that are the own name of a city of 100,000 people
// in another country (Spanish "Granada" for Grenada).
var countryLangs = []struct {
	lang, sha string
	primary   bool
}{
	{"en", "7445185d6424e574027a7cd14029e000784eaa03a2b83ab097742079f701e702", true},
	{"uk", "a0bb5035a53da471935d39223cb9aee53f8deb19b644d21ca947e22058a0fbea", true},
	{"ru", "e27b224bc0021f1ca4d3c79dd10f08f22d7dc30f53372139aee6e7b9aad3e9ae", true},
	{"de", "4334ec32316a5643e449f64b98b711da0d627c47cc1028e9edf9023908534d88", false},
	{"fr", "3d644418bcb8a49b6aebc7c227929d0fc9c5c8a56a82c4321ba3f1bb1f4c590d", false},
	{"es", "be537177022e360ce5e684ee2a7f71d9e975da3782bb7a70464b98a93f1d52b2", false},
	{"pl", "36054ad7076911e8e4dc71847778cfbda1f960f9fadd6a9cc025d783b0cf617f", false},
}

// writeCountries builds data/countries.tsv from the package's name files
// (src: its .tgz, default npm pack), GeoNames' country facts (infoPath:
// data/country_info.tsv), the hand-written names (namesPath:
// data/country_names.tsv), the common-word list (wordsPath) and the
// compact cities500 (citiesPath), one row per country sorted by ISO code.
func writeCountries(src, infoPath, namesPath, wordsPath, citiesPath, out string) (int, error) {
	if src == "" {
		dir, err := os.MkdirTemp("", "gazetteer-gen-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(dir)
		if src, err = npmPack(countriesSpec, dir); err != nil {
			return 0, err
		}
	}
	var members []string
	for _, l := range countryLangs {
		members = append(members, "package/langs/"+l.lang+".json")
	}
	files, err := tarMembers(src, members...)
	if err != nil {
		return 0, err
	}
	info, err := readTSV(infoPath, 4)
	if err != nil {
		return 0, err
	}
	extra, err := readTSV(namesPath, 3)
	if err != nil {
		return 0, err
	}
	words, err := commonWordsByLang(wordsPath)
	if err != nil {
		return 0, err
	}
	cities, err := largeCities(citiesPath)
	if err != nil {
		return 0, err
	}
	names := map[string][]string{} // ISO → names, in order
	display := map[string]string{}
	geoName := map[string]string{}
	for _, f := range info {
		display[f[0]] = f[3]
		geoName[f[0]] = f[3]
		names[f[0]] = nil
	}
	for _, f := range extra {
		if _, ok := names[f[0]]; !ok {
			return 0, fmt.Errorf("%s: %s is not in %s", namesPath, f[0], infoPath)
		}
		if f[1] != "" {
			display[f[0]] = f[1]
		}
	}
	pkg := map[string]map[string][]string{} // language → ISO → names
	for i, l := range countryLangs {
		raw := files[members[i]]
		sum := sha256.Sum256(raw)
		if got := hex.EncodeToString(sum[:]); got != l.sha {
			return 0, fmt.Errorf("%s has sha256 %s, want %s: refusing unverified data", members[i], got, l.sha)
		}
		var doc struct {
			Countries map[string]json.RawMessage `json:"countries"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			return 0, fmt.Errorf("%s: %w", members[i], err)
		}
		pkg[l.lang] = map[string][]string{}
		for iso, v := range doc.Countries {
			if _, ok := names[iso]; !ok {
				return 0, fmt.Errorf("%s: %s is not in %s", members[i], iso, infoPath)
			}
			var list []string
			if err := json.Unmarshal(v, &list); err != nil {
				var one string
				if err := json.Unmarshal(v, &one); err != nil {
					return 0, fmt.Errorf("%s: %s: %w", members[i], iso, err)
				}
				list = []string{one}
			}
			for _, n := range list {
				n = strings.TrimSpace(n)
				// "Tansania, Vereinigte Republik": a catalogue's inverted
				// form, never written in running text.
				if n != "" && !strings.Contains(n, ",") && !strings.ContainsAny(n, "\t|") {
					pkg[l.lang][iso] = append(pkg[l.lang][iso], n)
				}
			}
		}
	}
	for _, l := range countryLangs {
		for _, iso := range sortedKeys(pkg[l.lang]) {
			for _, n := range pkg[l.lang][iso] {
				if known(names[iso], n) || strings.EqualFold(n, display[iso]) || strings.EqualFold(n, geoName[iso]) {
					continue // the same name from another language
				}
				// A word frequent in a language that names this very
				// country so is that country's name; so is one that
				// several languages give it (Irak: de, fr, pl).
				langs := 0
				for _, o := range countryLangs {
					if known(pkg[o.lang][iso], n) {
						langs++
					}
				}
				sameCountry := func(lang string) bool { return langs >= 2 || known(pkg[lang][iso], n) }
				if why := dropName(words, cities, l.lang, l.primary, iso, n, sameCountry); why != "" {
					fmt.Fprintf(os.Stderr, "gen: %s %s name %q left out: %s\n", iso, l.lang, n, why)
					continue
				}
				names[iso] = append(names[iso], n)
			}
		}
	}
	for _, f := range extra {
		for _, n := range strings.Split(f[2], "|") {
			if n = strings.TrimSpace(n); n != "" {
				names[f[0]] = append(names[f[0]], n)
			}
		}
	}
	byISO := map[string][]string{}
	for _, f := range info {
		byISO[f[0]] = f
	}
	isos := make([]string, 0, len(info))
	for iso := range byISO {
		isos = append(isos, iso)
	}
	sort.Strings(isos)
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	fmt.Fprintln(w, "# Generated by `go run ./gen -countries` (do not edit; see data/README.md).")
	fmt.Fprintln(w, "# Every ISO 3166-1 country: names in en, uk, ru, de, fr, es and pl from npm "+countriesSpec+" (MIT),")
	fmt.Fprintln(w, "# geonameid, population and name from GeoNames countryInfo (CC BY 4.0, geonames.org, data/country_info.tsv),")
	fmt.Fprintln(w, "# press names and display names from data/country_names.tsv.")
	fmt.Fprintln(w, "# Columns: ISO alpha-2, geonameid, display name, population, names (|-separated).")
	for _, iso := range isos {
		f := byISO[iso]
		all := append([]string{display[iso], f[3]}, names[iso]...)
		seen := map[string]bool{}
		var keep []string
		for _, n := range all {
			if !seen[n] {
				seen[n] = true
				keep = append(keep, n)
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", iso, f[1], display[iso], f[2], strings.Join(keep, "|"))
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return len(isos), os.Rename(tmp, out)
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// readTSV reads a tab-separated file with n columns, skipping # comments.
func readTSV(path string, n int) ([][]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for i, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != n {
			return nil, fmt.Errorf("%s:%d: %d columns, want %d", path, i+1, len(f), n)
		}
		rows = append(rows, f)
	}
	return rows, nil
}

// wordRank holds, beside commonWordsByLang's languages, the word's rank
// in each (0: the most frequent).
var wordRank map[string][]int

// commonWordsByLang reads data/common_words.txt.gz: lower-case word →
// the languages it is frequent in (and fills wordRank).
func commonWordsByLang(path string) (map[string][]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := map[string][]string{}
	wordRank = map[string][]int{}
	n := map[string]int{} // words read so far per language: the file is most frequent first
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if lang, w, ok := strings.Cut(sc.Text(), "\t"); ok && !strings.HasPrefix(lang, "#") {
			m[w] = append(m[w], lang)
			wordRank[w] = append(wordRank[w], n[lang])
			n[lang]++
		}
	}
	return m, sc.Err()
}

// frequentRank: a name among this many most frequent words of a language
// is a function word first ("того", "us").
const frequentRank = 1000

// maxFunctionWord: frequent words this short are function words ("того",
// "us"); longer ones are frequent as the country's own name ("China").
const maxFunctionWord = 4

// known says whether names has n (any case).
func known(names []string, n string) bool {
	for _, x := range names {
		if strings.EqualFold(x, n) {
			return true
		}
	}
	return false
}

// largePlace: a city this large keeps its name from a foreign country.
const largePlace = 100000

// dropName says why a package name of country iso in language lang is left
// out, or "".
func dropName(words map[string][]string, cities map[string]string, lang string, primary bool, iso, name string, sameCountry func(string) bool) string {
	low := strings.ToLower(name)
	for i, l := range words[low] {
		if wordRank[low][i] < frequentRank && utf8.RuneCountInString(name) <= maxFunctionWord {
			return "one of the " + fmt.Sprint(frequentRank) + " most frequent " + l + " words"
		}
	}
	if !primary && otherLanguageWord(words, lang, name, sameCountry) {
		return "a frequent word of another language"
	}
	if cc, ok := cities[low]; ok && cc != iso {
		return "the name of a city of " + cc
	}
	return ""
}

// largeCities reads the compact cities500: lower-case main name of every
// place of largePlace people or more → its country.
func largeCities(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := map[string]string{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 9 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if pop, _ := strconv.Atoi(f[8]); pop >= largePlace {
			m[strings.ToLower(f[1])] = f[5]
		}
	}
	return m, sc.Err()
}

// otherLanguageWord says whether a one-word name of language lang is a
// frequent word of another language (Polish "Indie", French "Maurice").
func otherLanguageWord(words map[string][]string, lang, name string, sameCountry func(string) bool) bool {
	if strings.ContainsAny(name, " -") {
		return false
	}
	for _, l := range words[strings.ToLower(name)] {
		if l != lang && !sameCountry(l) {
			return true
		}
	}
	return false
}
