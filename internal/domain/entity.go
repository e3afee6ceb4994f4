package domain

// EntityKind says what sort of thing an entity is.
type EntityKind string

// Entity kinds.
const (
	KindPlace  EntityKind = "place" // settlements, oblasts, countries
	KindPerson EntityKind = "person"
	KindOrg    EntityKind = "org"    // governments, ministries, companies
	KindUnit   EntityKind = "unit"   // military formations
	KindOutlet EntityKind = "outlet" // news outlets
	KindAgency EntityKind = "agency" // wire agencies
)

// Entity is one real-world place or actor, under its canonical name.
// IDs are stable strings: "geonames:704617" for gazetteer places,
// "katottg:UA63..." for codifier-only places, "actor:vladimir-putin" for
// known actors, "local:<article>:<n>" for names found in one article only.
type Entity struct {
	ID   string     `json:"id"`
	Kind EntityKind `json:"kind"`
	Name string     `json:"name"` // display name (official Ukrainian romanisation for places in Ukraine)

	// Places.
	Country     string  `json:"country,omitempty"`      // ISO 3166-1 alpha-2
	Admin1      string  `json:"admin1,omitempty"`       // e.g. "Kharkiv Oblast"
	Admin1ID    string  `json:"admin1_id,omitempty"`    // entity ID of the admin1 place
	FeatureCode string  `json:"feature_code,omitempty"` // GeoNames feature code: PPL, PPLA, ADM1...
	Population  int     `json:"population,omitempty"`
	Lat         float64 `json:"lat,omitempty"`
	Lon         float64 `json:"lon,omitempty"`

	// Actors.
	Roles []string `json:"roles,omitempty"` // e.g. "Chief of the General Staff"
	Side  string   `json:"side,omitempty"`  // "RU", "UA", ... where the actor belongs to a party

	Notes []string `json:"notes,omitempty"`
}

// Mention is one occurrence of a name in an article, resolved or not.
type Mention struct {
	// Field is "title" or "body", or "block:<i>" for the non-body block
	// Article.Blocks[i] (a caption, a teaser); Start and End are byte
	// offsets into Article.Title, Article.Text() or that block's Text.
	Field   string `json:"field"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Surface string `json:"surface"`

	Kind EntityKind `json:"kind"`
	// EntityID is empty when the name resolved to nothing; the mention is
	// kept all the same.
	EntityID   string  `json:"entity_id,omitempty"`
	Name       string  `json:"name,omitempty"` // canonical name of EntityID
	Confidence float64 `json:"confidence"`
	// Status is resolved, ambiguous or unresolved.
	Status  string   `json:"status"`
	Reasons []string `json:"reasons,omitempty"`
	// Candidates holds the runners-up, best first, with their scores.
	Candidates []Candidate `json:"candidates,omitempty"`
	// Notes carries remarks for the reader, e.g. that "Donetsk People's
	// Republic" is the occupation authority's name.
	Notes []string `json:"notes,omitempty"`
}

// Mention statuses.
const (
	StatusResolved   = "resolved"
	StatusAmbiguous  = "ambiguous"
	StatusUnresolved = "unresolved"
)

// Candidate is one entity a name could refer to, with its score.
type Candidate struct {
	EntityID string   `json:"entity_id"`
	Name     string   `json:"name"`
	Admin1   string   `json:"admin1,omitempty"`
	Score    float64  `json:"score"`
	Reasons  []string `json:"reasons,omitempty"`
}

// Analysis is everything the stages after ingest found in one article.
// It is stored beside the Article.
type Analysis struct {
	ArticleID string    `json:"article_id"`
	Entities  []Entity  `json:"entities,omitempty"`
	Mentions  []Mention `json:"mentions,omitempty"`
	Claims    []Claim   `json:"claims,omitempty"`
	Markers   []Marker  `json:"markers,omitempty"`
}
