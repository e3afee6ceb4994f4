package gazetteer

import "io"

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
	Names       []string // every known name and spelling, as in the source
}

// Match is one candidate for a looked-up name.
type Match struct {
	Place *Place
	Score float64 // 0..1, how well the name matches (not which place is meant)
	How   string  // exact, folded, translit, stem, fuzzy, former-name
}

// Gazetteer is an in-memory name index over places.
type Gazetteer struct{}

// Default returns the embedded world-wide gazetteer (GeoNames cities500).
func Default() (*Gazetteer, error) { return &Gazetteer{}, nil }

// LoadGeoNames reads a GeoNames 19-column table (a country file or cities500).
func LoadGeoNames(r io.Reader) (*Gazetteer, error) { return &Gazetteer{}, nil }

// Lookup returns the places a name can refer to, best name match first.
func (g *Gazetteer) Lookup(name string) []Match { return nil }

// Place returns the place with this ID, or nil.
func (g *Gazetteer) Place(id string) *Place { return nil }
