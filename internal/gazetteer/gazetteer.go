package gazetteer

//go:generate go run ./gen
//go:generate go run ./gen -words
//go:generate go run ./gen -ua ../../../shared/data/gazetteer/geonames/UA.txt
//go:generate go run ./gen -countries

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Place is one gazetteer entry.
type Place struct {
	ID          string // "geonames:704617" or "katottg:UA63..."
	Name        string // display name: official Ukrainian romanisation in UA, else GeoNames name
	Country     string // ISO 3166-1 alpha-2
	Admin1Code  string // GeoNames admin1 code ("07")
	Admin1      string // display name of the admin1 ("Kharkiv Oblast")
	Admin1ID    string // ID of the admin1 Place, if loaded
	FeatureCode string // PPL, PPLA, PPLC, ADM1 ...
	Population  int
	Lat, Lon    float64
	Names       []string // every known name and spelling, as in the source (the source's main name first)

	// Admin2Code is GeoNames' admin2 code; in Ukraine it is the raion's
	// KATOTTG code without "UA" ("6308" for Kupiansk Raion).
	Admin2Code string
	// Official is the official name in the country's language where a
	// codifier gave it (KATOTTG: "Куп'янськ"), else empty.
	Official string
	// Former holds names the place no longer officially carries
	// (Krasnoarmeysk for Pokrovsk), from data/former_names.tsv.
	Former []string
	// KATOTTG is the codifier code linked to this place, if any.
	KATOTTG string
	// Merged holds the IDs of duplicate entries folded into this one
	// (GeoNames' stale Kurakhovo into Kurakhove); Place answers them
	// with this place.
	Merged []string

	idx        int32
	mergedInto *Place          // set on a duplicate folded into another place
	former     map[string]int  // skeletons of Former → year of the renaming
	alias      map[string]bool // skeletons of standalone admin aliases
}

// Match is one candidate for a looked-up name.
type Match struct {
	Place *Place
	Score float64 // 0..1, how well the name matches (not which place is meant)
	// How is exact, folded, translit, stem, fuzzy, former-name or alias;
	// ",common-word" is added when the name is a frequent word of a
	// language Parallax reads and meets the place other than as a notable
	// place's own name (score ≤ 0.45), ",short" when a short Latin name
	// meets another Latin spelling only through the skeleton (≤ 0.6).
	How string
	// Name is the known name of Place that the looked-up name met.
	Name string
}

// Gazetteer is an in-memory name index over places. It is safe for
// concurrent lookups once loaded; the loaders and Merge are not.
type Gazetteer struct {
	places []*Place
	byID   map[string]*Place
	skel   postings // skeleton of every name → places
	stem   postings // skeleton of the stem of every Cyrillic name → places
	admin  postings // skeletons of admin1 base names ("kharkiv" for "Kharkiv region")

	// extraAdmin1 maps "CC.code" to admin1 places read from GeoNames
	// files for countries data/admin1.tsv does not cover.
	extraAdmin1 map[string]string

	// adm2 holds the skeletons of second-level divisions' names, for
	// "Kupiansk district" (whose raion is "Kupianskyi Raion").
	adm2 []skelRef

	merged int // duplicates folded (see mergeDuplicates)

	// countryPhrases are the folded Cyrillic names of several words of
	// the countries of data/countries.tsv (Южная Корея).
	countryPhrases []countryPhrase

	fuzzyOnce sync.Once
	fuzzy     *fuzzyIndex

	// Skipped counts malformed input lines the loaders skipped; Errors
	// keeps the first few, each naming the file and line.
	Skipped int
	Errors  []error
}

// maxErrors bounds Gazetteer.Errors; Skipped still counts them all.
const maxErrors = 20

func (g *Gazetteer) addError(err error) {
	g.Skipped++
	if len(g.Errors) < maxErrors {
		g.Errors = append(g.Errors, err)
	}
}

// The embedded default: GeoNames cities500 in the generator's compact form.
//
//go:embed data/cities500.tsv.gz
var cities500 []byte

// Populated places of GeoNames' 2026 Ukraine extract that cities500 (2023)
// lacks (Vuhledar had no population figure then), same compact form.
//
//go:embed data/ua_extra.tsv.gz
var uaExtra []byte

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
	defaultErr  error
)

// Default returns the embedded world-wide gazetteer (GeoNames cities500
// and the Ukrainian places of data/ua_extra.tsv.gz it lacks, plus the admin1 divisions of data/admin1.tsv and the renamings of
// data/former_names.tsv). It is built once and shared: do not modify it.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultG, defaultErr = loadDefault()
	})
	return defaultG, defaultErr
}

func loadDefault() (*Gazetteer, error) {
	// Sized for cities500's ~430k distinct skeletons: no rehashing.
	g := newSized(450_000)
	zr, err := gzip.NewReader(bytes.NewReader(cities500))
	if err != nil {
		return nil, fmt.Errorf("embedded cities500: %w", err)
	}
	if err := g.readCompact(zr, "cities500.tsv.gz"); err != nil {
		return nil, err
	}
	zr, err = gzip.NewReader(bytes.NewReader(uaExtra))
	if err != nil {
		return nil, fmt.Errorf("embedded ua_extra: %w", err)
	}
	if err := g.readCompact(zr, "ua_extra.tsv.gz"); err != nil {
		return nil, err
	}
	if err := g.finish(); err != nil {
		return nil, err
	}
	return g, nil
}

// New returns an empty gazetteer that knows the countries of
// data/countries.tsv and the admin1 divisions of data/admin1.tsv; add places with the Read* methods, then call Finish.
func New() *Gazetteer { return newSized(0) }

func newSized(names int) *Gazetteer {
	g := &Gazetteer{byID: make(map[string]*Place, names/2), extraAdmin1: map[string]string{}}
	g.skel.m = make(map[string]int32, names)
	g.stem.init()
	g.admin.init()
	g.addCountries()
	g.addAdmin1()
	return g
}

// LoadGeoNames reads a GeoNames 19-column table (a country file or cities500).
func LoadGeoNames(r io.Reader) (*Gazetteer, error) {
	g := New()
	if err := g.ReadGeoNames(r, "geonames"); err != nil {
		return nil, err
	}
	if err := g.finish(); err != nil {
		return nil, err
	}
	return g, nil
}

// Place returns the place with this ID, or nil.
func (g *Gazetteer) Place(id string) *Place {
	if g == nil {
		return nil
	}
	return g.byID[id]
}

// Len is the number of places (merged duplicates not counted).
func (g *Gazetteer) Len() int { return len(g.places) - g.merged }

// Places calls fn for every place until it returns false.
func (g *Gazetteer) Places(fn func(*Place) bool) {
	for _, p := range g.places {
		if p.mergedInto != nil {
			continue
		}
		if !fn(p) {
			return
		}
	}
}

// add puts p into the gazetteer, or merges it into the place with the same
// ID (a country file read after the default adds names to the cities500
// row rather than duplicating it). It returns the stored place.
func (g *Gazetteer) add(p *Place) *Place {
	if old := g.byID[p.ID]; old != nil {
		merged := mergeNames(old.Names, p.Names)
		for _, n := range merged[len(old.Names):] {
			g.indexName(old, n)
		}
		old.Names = merged
		if p.Population > old.Population {
			old.Population = p.Population
		}
		if old.FeatureCode == "" || (old.FeatureCode != p.FeatureCode && p.FeatureCode != "" && p.FeatureCode != "PPL") {
			old.FeatureCode = p.FeatureCode
		}
		if old.Lat == 0 && old.Lon == 0 {
			old.Lat, old.Lon = p.Lat, p.Lon
		}
		return old
	}
	if p.FeatureCode == "ADM1" && p.Country != "" && p.Admin1Code != "" {
		if _, known := admin1IDs[admin1Key(p.Country, p.Admin1Code)]; !known {
			g.extraAdmin1[admin1Key(p.Country, p.Admin1Code)] = p.ID
		}
	}
	p.idx = int32(len(g.places))
	g.places = append(g.places, p)
	g.byID[p.ID] = p
	for _, n := range p.Names {
		g.indexName(p, n)
	}
	return p
}

func mergeNames(a, b []string) []string {
	seen := make(map[string]bool, len(a)+len(b))
	for _, n := range a {
		seen[n] = true
	}
	out := a
	for _, n := range b {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// indexName adds one name of p to the skeleton and stem indexes.
func (g *Gazetteer) indexName(p *Place, name string) {
	sk := Skeleton(name)
	if sk == "" {
		return
	}
	g.skel.add(sk, p.idx)
	if ruUkNames(p) && isCyrillic(name) {
		if st := Skeleton(stemWord(name)); st != "" && st != sk {
			g.stem.add(st, p.idx)
		}
	}
}

type countryPhrase struct {
	p            *Place
	name, folded string
	words        []string // folded, split as isCaseForm splits
}

type skelRef struct {
	skel string
	idx  int32
}

// stemScope: countries whose Cyrillic names are Russian or Ukrainian,
// the languages the stemmers know (Bulgarian or Serbian names would only
// get wrong stems and cost load time).
var stemScope = map[string]bool{"UA": true, "RU": true, "BY": true, "MD": true, "KZ": true, "": true}

// ruUkNames says whether p's Cyrillic names are Russian or Ukrainian: the
// places of stemScope, and every country, whose Cyrillic names
// data/countries.tsv takes from the Russian and Ukrainian lists (Ливан,
// so Ливане is Lebanon's locative).
func ruUkNames(p *Place) bool { return stemScope[p.Country] || p.FeatureCode == "PCLI" }

// finish links places to their admin1 and sets display names. Loaders call
// it after reading; call it again after Read* on a gazetteer you built.
func (g *Gazetteer) finish() error {
	g.applyFormerNames()
	g.mergeDuplicates()
	g.adm2 = g.adm2[:0]
	for _, p := range g.places {
		if p.mergedInto != nil {
			continue
		}
		if p.FeatureCode == "ADM2" {
			for _, n := range p.Names {
				g.adm2 = append(g.adm2, skelRef{Skeleton(n), p.idx})
			}
		}
		g.linkAdmin1(p)
		if p.Country == "UA" && strings.HasPrefix(p.FeatureCode, "PPL") {
			p.Name = displayNameUA(p)
		}
	}
	g.fuzzyOnce = sync.Once{}
	g.fuzzy = nil
	return nil
}

// BuildIndexes builds now the indexes Lookup otherwise builds on first
// need (typo index, common-word list), so that their cost falls on
// loading, not on the first report read. Safe to call more than once.
func (g *Gazetteer) BuildIndexes() {
	g.fuzzyOnce.Do(func() { g.fuzzy = g.buildFuzzy() })
	commonOnce.Do(loadCommonWords)
}

// Finish must be called after adding places with the Read* methods.
func (g *Gazetteer) Finish() error { return g.finish() }
