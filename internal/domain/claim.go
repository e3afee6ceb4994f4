package domain

// ClaimKind types a claim.
type ClaimKind string

// Claim kinds.
const (
	ClaimControl   ClaimKind = "control"   // territorial control
	ClaimEvent     ClaimKind = "event"     // a visit, a meeting, a strike, a statement given
	ClaimStatement ClaimKind = "statement" // a demand, an opinion, a threat, an accusation
	ClaimFact      ClaimKind = "fact"      // background: population, history
)

// Stance is how the outlet carries a claim.
type Stance string

// Stances, from most to least committed by the outlet.
const (
	StanceAsserted   Stance = "asserted"   // in the outlet's own voice
	StanceAttributed Stance = "attributed" // "X said that ..."
	StanceQuoted     Stance = "quoted"     // a direct quote
	StanceHedged     Stance = "hedged"     // "claimed", "reportedly", "could not be verified"
	StanceDisputed   Stance = "disputed"   // the text reports doubt or denial
)

// Claim is one thing an article says someone claims.
type Claim struct {
	ID        string    `json:"id"` // stable within the article: "<article>-c<n>"
	ArticleID string    `json:"article_id"`
	Kind      ClaimKind `json:"kind"`

	// Field, Start, End locate the sentence (in Article.Title or
	// Article.Text()); SpanStart, SpanEnd locate the claimed content in it.
	Field     string `json:"field"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Sentence  string `json:"sentence"`
	SpanStart int    `json:"span_start"`
	SpanEnd   int    `json:"span_end"`
	Text      string `json:"text"` // the claimed content

	Voice Voice `json:"voice"`
	// Stance is the outlet's stance; Stances lists every stance cue found
	// (a claim can be attributed and hedged at once).
	Stance  Stance   `json:"stance"`
	Stances []Stance `json:"stances,omitempty"`
	Cues    []string `json:"cues,omitempty"` // the words that set the stance ("claimed", "according to")

	Places     []Ref      `json:"places,omitempty"`
	Actors     []Ref      `json:"actors,omitempty"`
	Time       *ClaimTime `json:"time,omitempty"`
	Quantities []Quantity `json:"quantities,omitempty"`
	Control    *Control   `json:"control,omitempty"`

	// Proposition is a normalised, language-independent key that later
	// stages compare, e.g. "control|geonames:704617|captured|RU".
	Proposition string `json:"proposition"`
}

// Voice is who asserts a claim.
type Voice struct {
	// Kind is outlet (the outlet's own voice), named, anonymous or unresolved.
	Kind        string `json:"kind"`
	EntityID    string `json:"entity_id,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"` // "a senior source briefed on the draft"
	// Via is the chain of intermediaries, outermost first: the outlet
	// reports that Via[0] said that ... the voice said.
	Via []Voice `json:"via,omitempty"`
}

// Voice kinds.
const (
	VoiceOutlet     = "outlet"
	VoiceNamed      = "named"
	VoiceAnonymous  = "anonymous"
	VoiceUnresolved = "unresolved"
)

// Ref points at an entity from a claim, with the surface form used.
type Ref struct {
	EntityID string `json:"entity_id,omitempty"`
	Name     string `json:"name"`
	Surface  string `json:"surface"`
}

// ClaimTime is when a claim says something happened.
type ClaimTime struct {
	Timestamp
	Surface string `json:"surface"` // "on Thursday", "in September"
}

// Quantity is a number in a claim with its qualifier.
type Quantity struct {
	Surface string  `json:"surface"` // "over 4/5"
	Value   float64 `json:"value"`   // 0.8
	// Unit is fraction (0..1, from fractions and percentages), count or people.
	Unit string `json:"unit"`
	// Qualifier is exact, more_than, less_than, about, up_to.
	Qualifier string `json:"qualifier"`
	Of        string `json:"of,omitempty"` // what is counted: "settlements", "territory"
}

// Control is the territorial-control content of a control claim.
type Control struct {
	// Status is captured, liberated, retaken, encircled, contested,
	// advancing, lost or repelled. "liberated" is kept distinct from
	// "captured" because the word is the framing; Side says who gained.
	Status string `json:"status"`
	Side   string `json:"side,omitempty"` // "RU" or "UA": who holds or gains
	// Share is the part of the place claimed (0..1); 0 means the whole place.
	Share       float64 `json:"share,omitempty"`
	Settlements int     `json:"settlements,omitempty"`
}

// Marker is a framing marker found in an article: a loaded word, a name of
// the war, a naming choice, a persuasion technique.
type Marker struct {
	Field    string `json:"field"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Surface  string `json:"surface"`
	Category string `json:"category"` // loaded_verb, war_name, naming, name_calling, ...
	// Side is the party that commonly uses the wording (RU, UA, neutral).
	Side   string `json:"side,omitempty"`
	Entry  string `json:"entry"`            // lexicon entry id
	Quoted bool   `json:"quoted"`           // inside a quotation (the outlet quotes, not uses, it)
	Scare  bool   `json:"scare,omitempty"`  // in scare quotes
	Source string `json:"source,omitempty"` // where the lexicon entry comes from
}
