package resolve

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml data/common/*.txt
var dataFS embed.FS

// Actor is one known person, organisation, military formation or agency, as
// the actors data file describes it.
type Actor struct {
	ID            string              `yaml:"id"`
	Kind          string              `yaml:"kind"` // person, org, unit, agency, outlet
	Name          string              `yaml:"name"`
	Side          string              `yaml:"side"`
	Gender        string              `yaml:"gender"`
	Roles         []RoleSpell         `yaml:"roles"`
	Aliases       map[string][]string `yaml:"aliases"`
	CommanderRole string              `yaml:"commander_role"`
	Note          string              `yaml:"note"`
	Source        string              `yaml:"source"`
}

// RoleSpell is a role an actor holds, optionally for a period.
type RoleSpell struct {
	Role  string `yaml:"role"`
	From  string `yaml:"from"`
	Until string `yaml:"until"`
}

// activeAt reports whether the spell covers t (zero t: any time).
func (s RoleSpell) activeAt(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	if s.From != "" {
		if f, err := time.Parse("2006-01-02", s.From); err == nil && t.Before(f) {
			return false
		}
	}
	if s.Until != "" {
		if u, err := time.Parse("2006-01-02", s.Until); err == nil && !t.Before(u) {
			return false
		}
	}
	return true
}

type actorFile struct {
	Actors []Actor `yaml:"actors"`
}

// Role is a title, with the phrases that name it.
type Role struct {
	ID      string              `yaml:"id"`
	Base    string              `yaml:"base"`
	Country string              `yaml:"country"`
	Phrases map[string][]string `yaml:"phrases"`
}

type roleFile struct {
	Roles []Role `yaml:"roles"`
}

type regionEntry struct {
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	Country    string   `yaml:"country"`
	Lat        float64  `yaml:"lat"`
	Lon        float64  `yaml:"lon"`
	En         []string `yaml:"en"`
	Ru         []string `yaml:"ru"`
	Uk         []string `yaml:"uk"`
	Short      []string `yaml:"short"`
	Occupation []string `yaml:"occupation"`
	Names      []string `yaml:"names"` // countries
}

type regionFile struct {
	Nouns          map[string][]string `yaml:"nouns"`
	OccupationNote string              `yaml:"occupation_note"`
	Regions        []regionEntry       `yaml:"regions"`
	Countries      []regionEntry       `yaml:"countries"`
}

type lexiconFile struct {
	Stopwords      map[string][]string            `yaml:"stopwords"`
	NameParticles  []string                       `yaml:"name_particles"`
	SpeechVerbs    map[string][]string            `yaml:"speech_verbs"`
	PersonTitles   map[string][]string            `yaml:"person_titles"`
	Pronouns       map[string]map[string][]string `yaml:"pronouns"`
	Conjunctions   []string                       `yaml:"conjunctions"`
	DirectionNouns []string                       `yaml:"direction_nouns"`
	Metonyms       []struct {
		Names []string
		Gov   string
	} `yaml:"metonyms"`
	GovernmentVerbs map[string][]string `yaml:"government_verbs"`
	GovernmentPreps []string            `yaml:"government_preps"`
	Abbreviations   []string            `yaml:"abbreviations"`
	CyrillicEndings []string            `yaml:"cyrillic_endings"`
	LocativePreps   []string            `yaml:"locative_preps"`
	OrgWords        []string            `yaml:"org_words"`
	AdjEndings      []string            `yaml:"adjective_endings"`
	LanguageSides   map[string]string   `yaml:"language_sides"`
	LangCountries   map[string][]string `yaml:"language_countries"`
	SurnameEndings  []string            `yaml:"surname_endings"`
	Nominative      struct {
		Adjective map[string][]string `yaml:"adjective"`
		Noun      map[string][]string `yaml:"noun"`
	} `yaml:"nominative_endings"`
}

// ending is a case ending with its length in letters.
type ending struct {
	s     string
	runes int
}

// lexicon is lexicon.yaml made into sets.
type lexicon struct {
	stop          map[string]bool // surface forms
	particles     map[string]bool
	speech        map[string]bool // norm
	titles        map[string]bool // norm
	pronoun       map[string]string
	conj          map[string]bool
	direction     map[string]bool
	metonym       map[string]string // norm name → government
	govVerbs      map[string]bool
	govPreps      map[string]bool
	abbrev        map[string]bool
	endings       []string // longest first
	endingsByLast map[rune][]ending
	locative      map[string]bool
	orgWords      map[string]bool
	adjEndings    []string
	langSide      map[string]string
	langCountries map[string][]string
	surnameEnds   []string
	// nomAdj, nomNoun: case ending → nominative endings of the words of
	// a several-word place name (nominative_endings).
	nomAdj, nomNoun map[string][]string
	// common: per language, words mostly written in lower case
	// (data/common/<lang>.txt); nonPlace: norms and Cyrillic stems of
	// names that are no places (data/nonplaces.yaml); quoteHeads: nouns
	// after which a quoted name is no place.
	common     map[string]map[string]bool
	nonPlace   map[string]bool
	quoteHeads map[string]bool
}

func setOf(dst map[string]bool, words []string, fold bool) {
	for _, w := range words {
		if fold {
			w = normWord(w)
		}
		dst[w] = true
	}
}

func parseLexicon(b []byte) (*lexicon, error) {
	var f lexiconFile
	if err := yamlDecode(b, &f); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	l := &lexicon{
		stop: map[string]bool{}, particles: map[string]bool{}, speech: map[string]bool{},
		titles: map[string]bool{}, pronoun: map[string]string{}, conj: map[string]bool{},
		direction: map[string]bool{}, metonym: map[string]string{}, govVerbs: map[string]bool{},
		govPreps: map[string]bool{}, abbrev: map[string]bool{},
		locative: map[string]bool{}, orgWords: map[string]bool{},
	}
	setOf(l.locative, f.LocativePreps, true)
	setOf(l.orgWords, f.OrgWords, false)
	l.adjEndings = f.AdjEndings
	l.langSide = f.LanguageSides
	l.langCountries = f.LangCountries
	l.surnameEnds = f.SurnameEndings
	l.nomAdj, l.nomNoun = f.Nominative.Adjective, f.Nominative.Noun
	for _, ws := range f.Stopwords {
		setOf(l.stop, ws, false)
	}
	setOf(l.particles, f.NameParticles, false)
	for _, ws := range f.SpeechVerbs {
		setOf(l.speech, ws, true)
	}
	for _, ws := range f.PersonTitles {
		setOf(l.titles, ws, true)
	}
	for g, langs := range f.Pronouns {
		for _, ws := range langs {
			for _, w := range ws {
				l.pronoun[w] = g // case-sensitive on purpose: "US" is not "us"
			}
		}
	}
	setOf(l.conj, f.Conjunctions, true)
	setOf(l.direction, f.DirectionNouns, true)
	for _, m := range f.Metonyms {
		for _, n := range m.Names {
			l.metonym[normWord(n)] = m.Gov
		}
	}
	for _, ws := range f.GovernmentVerbs {
		setOf(l.govVerbs, ws, true)
	}
	setOf(l.govPreps, f.GovernmentPreps, true)
	setOf(l.abbrev, f.Abbreviations, false)
	l.endings = append(l.endings, f.CyrillicEndings...)
	sort.SliceStable(l.endings, func(i, j int) bool {
		return utf8.RuneCountInString(l.endings[i]) > utf8.RuneCountInString(l.endings[j])
	})
	if len(l.endings) == 0 {
		return nil, fmt.Errorf("lexicon: no cyrillic_endings")
	}
	// Endings by their last letter, so a word is tried against a few.
	l.endingsByLast = map[rune][]ending{}
	for _, e := range l.endings {
		last, _ := utf8.DecodeLastRuneInString(e)
		l.endingsByLast[last] = append(l.endingsByLast[last], ending{e, utf8.RuneCountInString(e)})
	}
	return l, nil
}

// yamlDecode decodes strictly and turns a decoder panic on hostile input
// into an error.
func yamlDecode(b []byte, v any) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed YAML: %v", p)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if err == io.EOF {
			return fmt.Errorf("empty file")
		}
		return err
	}
	return nil
}

// maxDataBytes caps a user-supplied data file.
const maxDataBytes = 8 << 20

// LoadActors reads actors in the format of the embedded data/actors.yaml
// (a top-level "actors:" list), for extending the resolver with a user file.
// Every actor needs an id, a kind among person, org, unit, agency, outlet,
// a name and at least one alias.
func LoadActors(r io.Reader) ([]Actor, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxDataBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxDataBytes {
		return nil, fmt.Errorf("actors file is over %d bytes", maxDataBytes)
	}
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("actors file is not UTF-8 text")
	}
	var f actorFile
	if err := yamlDecode(b, &f); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	seen := map[string]bool{}
	for i, a := range f.Actors {
		switch {
		case strings.TrimSpace(a.ID) == "":
			return nil, fmt.Errorf("actors: entry %d has no id", i+1)
		case seen[a.ID]:
			return nil, fmt.Errorf("actors: id %q is given twice", a.ID)
		case strings.TrimSpace(a.Name) == "":
			return nil, fmt.Errorf("actors: %s has no name", a.ID)
		}
		switch a.Kind {
		case "person", "org", "unit", "agency", "outlet":
		default:
			return nil, fmt.Errorf("actors: %s has kind %q (want person, org, unit, agency or outlet)", a.ID, a.Kind)
		}
		n := 0
		for _, as := range a.Aliases {
			n += len(as)
		}
		if n == 0 {
			return nil, fmt.Errorf("actors: %s has no aliases", a.ID)
		}
		for _, s := range a.Roles {
			if s.Role == "" {
				return nil, fmt.Errorf("actors: %s has a role without an id", a.ID)
			}
			for _, d := range []string{s.From, s.Until} {
				if d != "" {
					if _, err := time.Parse("2006-01-02", d); err != nil {
						return nil, fmt.Errorf("actors: %s role %s: date %q is not YYYY-MM-DD", a.ID, s.Role, d)
					}
				}
			}
		}
		seen[a.ID] = true
	}
	return f.Actors, nil
}

// DefaultActors returns the embedded actors list.
func DefaultActors() ([]Actor, error) {
	b, err := dataFS.ReadFile("data/actors.yaml")
	if err != nil {
		return nil, err
	}
	return LoadActors(bytes.NewReader(b))
}

func loadRoles() ([]Role, error) {
	b, err := dataFS.ReadFile("data/roles.yaml")
	if err != nil {
		return nil, err
	}
	var f roleFile
	if err := yamlDecode(b, &f); err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	return f.Roles, nil
}

func loadRegions() (*regionFile, error) {
	b, err := dataFS.ReadFile("data/regions.yaml")
	if err != nil {
		return nil, err
	}
	var f regionFile
	if err := yamlDecode(b, &f); err != nil {
		return nil, fmt.Errorf("regions: %w", err)
	}
	return &f, nil
}

func loadLexicon() (*lexicon, error) {
	b, err := dataFS.ReadFile("data/lexicon.yaml")
	if err != nil {
		return nil, err
	}
	l, err := parseLexicon(b)
	if err != nil {
		return nil, err
	}
	if l.common, err = loadCommon(); err != nil {
		return nil, err
	}
	b, err = dataFS.ReadFile("data/nonplaces.yaml")
	if err != nil {
		return nil, err
	}
	if err := l.parseNonPlaces(b); err != nil {
		return nil, err
	}
	return l, nil
}

// loadCommon reads data/common/<lang>.txt: one word a line, # comments.
func loadCommon() (map[string]map[string]bool, error) {
	files, err := dataFS.ReadDir("data/common")
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]bool{}
	for _, f := range files {
		lang, ok := strings.CutSuffix(f.Name(), ".txt")
		if !ok {
			continue
		}
		b, err := dataFS.ReadFile("data/common/" + f.Name())
		if err != nil {
			return nil, err
		}
		set := map[string]bool{}
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				set[normWord(line)] = true
			}
		}
		out[lang] = set
	}
	return out, nil
}

type nonPlaceFile struct {
	Weapons    []string `yaml:"weapons"`
	Platforms  []string `yaml:"platforms"`
	Outlets    []string `yaml:"outlets"`
	QuoteHeads []string `yaml:"quote_heads"`
}

func (l *lexicon) parseNonPlaces(b []byte) error {
	var f nonPlaceFile
	if err := yamlDecode(b, &f); err != nil {
		return fmt.Errorf("nonplaces: %w", err)
	}
	l.nonPlace, l.quoteHeads = map[string]bool{}, map[string]bool{}
	for _, ws := range [][]string{f.Weapons, f.Platforms, f.Outlets} {
		for _, w := range ws {
			n := normWord(w)
			l.nonPlace[n] = true
			if !strings.Contains(n, " ") {
				l.nonPlace[l.stem(n)] = true
			}
		}
	}
	setOf(l.quoteHeads, f.QuoteHeads, true)
	return nil
}
