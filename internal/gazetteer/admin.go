package gazetteer

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

//go:embed data/admin1.tsv
var admin1TSV string

//go:embed data/countries.tsv
var countriesTSV string

//go:embed data/former_names.tsv
var formerTSV string

//go:embed data/generic.tsv
var genericTSV string

type admin1Row struct {
	country, code, id, display, kind string
	bases, standalone                []string
}

func parseAdmin1(src string) ([]admin1Row, error) {
	var rows []admin1Row
	for i, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("data/admin1.tsv:%d: %d columns, want 6", i+1, len(f))
		}
		r := admin1Row{country: f[0], code: f[1], id: "geonames:" + f[2], display: f[3], kind: f[4]}
		for _, n := range strings.Split(f[5], "|") {
			if s, ok := strings.CutPrefix(n, "="); ok {
				r.standalone = append(r.standalone, s)
			} else if n != "" {
				r.bases = append(r.bases, n)
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

var admin1Rows = mustParse(parseAdmin1(admin1TSV))

func mustParse[T any](v T, err error) T {
	if err != nil {
		panic(err) // embedded data: the tests load it
	}
	return v
}

// addAdmin1 creates the admin1 places of data/admin1.tsv. Their standalone
// names go to the main index; their base names ("Kharkov") only to the
// admin index, used when the looked-up name carries a generic word
// ("Kharkov region"), so that plain "Kharkiv" stays the city.
func (g *Gazetteer) addAdmin1() {
	for _, r := range admin1Rows {
		p := &Place{
			ID: r.id, Name: r.display, Country: r.country, Admin1Code: r.code,
			Admin1: r.display, Admin1ID: r.id, FeatureCode: "ADM1",
			Names: append([]string{r.display}, r.standalone...),
			alias: map[string]bool{},
		}
		p = g.add(p)
		for _, s := range r.standalone {
			p.alias[Skeleton(s)] = true
		}
		for _, b := range r.bases {
			p.Names = append(p.Names, b)
			g.admin.add(Skeleton(b), p.idx)
			if isCyrillic(b) {
				g.admin.add(Skeleton(stemWord(b)), p.idx)
			} else if st := adjStem(Skeleton(b)); st != "" {
				g.admin.add(st, p.idx)
			}
		}
	}
}

// addCountries creates the country places of data/countries.tsv.
func (g *Gazetteer) addCountries() {
	for i, line := range strings.Split(countriesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			panic(fmt.Sprintf("data/countries.tsv:%d: %d columns, want 5", i+1, len(f))) // embedded: the tests load it
		}
		pop, _ := strconv.Atoi(f[3])
		p := g.add(&Place{
			ID: "geonames:" + f[1], Name: f[2], Country: f[0], FeatureCode: "PCLI", Population: pop,
			Names: strings.Split(f[4], "|"),
		})
		for _, n := range p.Names {
			if isCyrillic(n) && strings.ContainsAny(n, " -") {
				folded := Fold(n)
				g.countryPhrases = append(g.countryPhrases, countryPhrase{p, n, folded, strings.FieldsFunc(folded, isNameSep)})
			}
		}
	}
}

// admin1Key is how places find their admin1: "UA.07".
func admin1Key(country, code string) string { return country + "." + code }

func (g *Gazetteer) linkAdmin1(p *Place) {
	if p.Admin1Code == "" || p.Country == "" {
		return
	}
	if p.FeatureCode == "ADM1" && p.Admin1 != "" {
		return
	}
	a := g.admin1ByKey(admin1Key(p.Country, p.Admin1Code))
	if a == nil {
		return
	}
	p.Admin1 = a.Name
	p.Admin1ID = a.ID
}

var admin1IDs = func() map[string]string {
	m := map[string]string{}
	for _, r := range admin1Rows {
		m[admin1Key(r.country, r.code)] = r.id
	}
	return m
}()

func (g *Gazetteer) admin1ByKey(key string) *Place {
	if id, ok := admin1IDs[key]; ok {
		return g.byID[id]
	}
	if id, ok := g.extraAdmin1[key]; ok {
		return g.byID[id]
	}
	return nil
}

type formerRow struct {
	id, official string
	year         int
	former       []string
}

var formerRows = mustParse(func() ([]formerRow, error) {
	var rows []formerRow
	for i, line := range strings.Split(formerTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("data/former_names.tsv:%d: %d columns, want 4", i+1, len(f))
		}
		year, err := strconv.Atoi(f[3])
		if err != nil || year < 1000 {
			return nil, fmt.Errorf("data/former_names.tsv:%d: year %q", i+1, f[3])
		}
		rows = append(rows, formerRow{id: "geonames:" + f[0], official: f[1], former: strings.Split(f[2], "|"), year: year})
	}
	return rows, nil
}())

// formerScore is the name score of a former name dropped in the given
// year. A recent renaming is as good as the current name (reports still
// say Krasnoarmeysk for Pokrovsk); the older it is, the less a text that
// uses it means that place rather than a place that carries the name today
// (Pokrovsk was Engels' name until 1931). It never reaches a current
// exact or folded name.
func formerScore(year int) float64 {
	age := time.Now().Year() - year
	if age <= formerFresh {
		return scoreFormer
	}
	return math.Max(scoreFormerOld, scoreFormer-formerDecay*float64(age-formerFresh))
}

// A renaming stays fresh for formerFresh years, then its score loses
// formerDecay a year down to scoreFormerOld (reached after ~95 years).
const (
	formerFresh    = 15
	formerDecay    = 0.003
	scoreFormerOld = 0.72
)

// applyFormerNames marks the renamed places' old names and sets their
// official names.
func (g *Gazetteer) applyFormerNames() {
	for _, r := range formerRows {
		p := g.byID[r.id]
		if p == nil {
			continue
		}
		if p.Official == "" {
			p.Official = r.official
		}
		if p.former == nil {
			p.former = map[string]int{}
		}
		seen := map[string]bool{}
		for _, n := range p.Names {
			seen[n] = true
		}
		for _, n := range r.former {
			if _, known := p.former[Skeleton(n)]; !known {
				p.Former = append(p.Former, n)
			}
			p.former[Skeleton(n)] = r.year
			if !seen[n] {
				p.Names = append(p.Names, n)
				g.indexName(p, n)
			}
		}
		// The official name itself is a current name, never a former one,
		// even when an old romanisation shares its skeleton.
		delete(p.former, Skeleton(r.official))
		if !seen[r.official] {
			p.Names = append(p.Names, r.official)
			g.indexName(p, r.official)
		}
	}
}

// displayNameUA is the KMU 2010 romanisation of a Ukrainian place's
// official name, or of the Ukrainian name among its alternates that fits
// its GeoNames name, else the GeoNames name.
func displayNameUA(p *Place) string {
	if p.Official != "" {
		return Transliterate(p.Official, KMU2010)
	}
	if uk := ukrainianName(p); uk != "" {
		return Transliterate(uk, KMU2010)
	}
	return p.Name
}

// ukrainianName picks the alternate name most likely to be the Ukrainian
// spelling: GeoNames has no language tags, but its main name for Ukraine
// is a romanisation of the Ukrainian name, so the right Cyrillic name
// shares its skeleton; among those, Ukrainian letters (і ї є ґ, the
// apostrophe) win over Russian ones (ы э ъ ё).
func ukrainianName(p *Place) string {
	main := Skeleton(p.Names[0])
	best, bestScore := "", -1000
	for _, n := range p.Names {
		if !isCyrillic(n) {
			continue
		}
		d := editDistance(Skeleton(n), main, 3)
		if d > 2 || d > len(main)/4 {
			continue
		}
		score := -10 * d
		for _, r := range strings.ToLower(n) {
			switch {
			case strings.ContainsRune("іїєґ", r):
				score += 3
			case strings.ContainsRune("'’ʼ", r):
				score += 2
			case strings.ContainsRune("ыэъё", r):
				score -= 6
			case strings.ContainsRune("јћђџ", r) || (unicode.Is(unicode.Cyrillic, r) && r > 'я' && !strings.ContainsRune("іїєґё", r)):
				score -= 20 // Serbian, Belarusian ў and other non-Ukrainian letters
			}
		}
		if strings.HasSuffix(n, "ськ") || strings.HasSuffix(n, "цьк") {
			score++
		}
		if score > bestScore || (score == bestScore && n < best) {
			best, bestScore = n, score
		}
	}
	if bestScore < 0 && !strings.ContainsAny(best, "іїєґ") {
		// Only Russian-looking spellings: romanising them under KMU would
		// invent a name nobody uses.
		if bestScore < -5 {
			return ""
		}
	}
	return best
}

// generic words mark a name as an admin division: "Kharkov region",
// "Харьковской области".
var genericWords = mustParse(func() (map[string]string, error) {
	m := map[string]string{}
	for i, line := range strings.Split(genericTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return nil, fmt.Errorf("data/generic.tsv:%d: want WORD<TAB>LEVEL", i+1)
		}
		m[Fold(f[0])] = f[1]
	}
	return m, nil
}())

// splitGeneric returns the name without a leading or trailing generic word,
// and the level the word names ("admin1", "admin2"), or "" if none.
func splitGeneric(folded string) (rest, level string) {
	if i := strings.LastIndexByte(folded, ' '); i > 0 {
		if lv, ok := genericWords[folded[i+1:]]; ok {
			return strings.TrimSpace(folded[:i]), lv
		}
	}
	if i := strings.IndexByte(folded, ' '); i > 0 {
		if lv, ok := genericWords[folded[:i]]; ok {
			return strings.TrimSpace(folded[i+1:]), lv
		}
	}
	return folded, ""
}

// latinAdjEndings are the skeletons of romanised Russian and Ukrainian
// adjective endings of oblast names in any case: Kharkovskaya, Sumskoy,
// Kharkivskoi, Donetskoj, Kharkivs'ka (skeleton "skaia", "skoi", "ska"...).
var latinAdjEndings = []string{"skaia", "skoi", "skoe", "skii", "skom", "skui", "ska", "ski", "sko"}

// adjStem strips a romanised adjective ending from a skeleton, or returns
// "" when it has none (or too little would be left).
func adjStem(sk string) string {
	for _, e := range latinAdjEndings {
		if st, ok := strings.CutSuffix(sk, e); ok && len(st) >= 3 {
			return st + "#" // marked: adjective stems only meet each other
		}
		// After a t the skeleton has eaten the s: Donetskoy is "doneckoi".
		if st, ok := strings.CutSuffix(sk, "c"+e[1:]); ok && len(st) >= 3 {
			return st + "c#"
		}
	}
	return ""
}
