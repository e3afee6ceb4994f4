package resolve

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/ingest"
)

// Config says what a Resolver knows besides its embedded data.
type Config struct {
	// Gazetteer looks place names up; nil means only the embedded regions
	// and countries resolve as places.
	Gazetteer *gazetteer.Gazetteer
	// Actors are added to the embedded actors (LoadActors reads a user
	// file); an actor with an embedded actor's id replaces it.
	Actors []Actor
	// Outlets names the news outlets and wire agencies that copy cites
	// ("told Reuters", "according to TASS"); nil means ingest's default
	// registry.
	Outlets *ingest.Outlets
}

// entInfo is a known entity with what coreference needs.
type entInfo struct {
	ent    domain.Entity
	gender string
	roles  []RoleSpell
}

// holder is an actor holding a role during a spell.
type holder struct {
	id    string
	spell RoleSpell
}

// Resolver finds and resolves mentions. Build it once with New; Resolve is
// safe for concurrent use (the Resolver is read-only after New).
type Resolver struct {
	gaz      *gazetteer.Gazetteer
	idx      *index
	lex      *lexicon
	ents     map[string]*entInfo
	roles    map[string]*Role
	byRole   map[string][]holder // role ID → holders
	byBase   map[string][]holder // role base → holders
	occNote  string
	roleName map[string]string // role ID → display title

	cacheMu sync.RWMutex
	cache   map[string]candList // gazetteer lookups, shared by Resolve calls
}

// New builds a Resolver from the embedded data plus cfg.
func New(cfg Config) (*Resolver, error) {
	lex, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	r := &Resolver{
		gaz: cfg.Gazetteer, idx: newIndex(), lex: lex,
		ents: map[string]*entInfo{}, roles: map[string]*Role{},
		byRole: map[string][]holder{}, byBase: map[string][]holder{},
		roleName: map[string]string{}, cache: map[string]candList{},
	}
	actors, err := DefaultActors()
	if err != nil {
		return nil, err
	}
	actors = mergeActors(actors, cfg.Actors)
	roles, err := loadRoles()
	if err != nil {
		return nil, err
	}
	regions, err := loadRegions()
	if err != nil {
		return nil, err
	}
	r.occNote = regions.OccupationNote
	for i := range roles {
		ro := &roles[i]
		r.roles[ro.ID] = ro
		if en := ro.Phrases["en"]; len(en) > 0 {
			r.roleName[ro.ID] = en[0]
		}
		for _, ps := range ro.Phrases {
			for _, p := range ps {
				r.addAlias(p, alias{roles: []string{ro.ID}, how: "roles.yaml"})
			}
		}
	}
	for i := range actors {
		if err := r.addActor(&actors[i]); err != nil {
			return nil, err
		}
	}
	r.addRegions(regions)
	outlets := cfg.Outlets
	if outlets == nil {
		outlets = ingest.DefaultOutlets()
	}
	r.addOutlets(outlets)
	r.idx.finish()
	return r, nil
}

func mergeActors(base, extra []Actor) []Actor {
	if len(extra) == 0 {
		return base
	}
	pos := map[string]int{}
	for i, a := range base {
		pos[a.ID] = i
	}
	out := append([]Actor(nil), base...)
	for _, a := range extra {
		if i, ok := pos[a.ID]; ok {
			out[i] = a
			continue
		}
		out = append(out, a)
	}
	return out
}

func kindOf(k string) domain.EntityKind {
	switch k {
	case "person":
		return domain.KindPerson
	case "unit":
		return domain.KindUnit
	case "agency":
		return domain.KindAgency
	case "outlet":
		return domain.KindOutlet
	default:
		return domain.KindOrg
	}
}

func (r *Resolver) addActor(a *Actor) error {
	id := "actor:" + a.ID
	e := domain.Entity{ID: id, Kind: kindOf(a.Kind), Name: a.Name, Side: a.Side}
	if a.Note != "" {
		e.Notes = append(e.Notes, a.Note)
	}
	for _, s := range a.Roles {
		if s.Role == "" {
			return fmt.Errorf("actor %s: empty role", a.ID)
		}
		r.byRole[s.Role] = append(r.byRole[s.Role], holder{id: id, spell: s})
		base := s.Role
		if ro := r.roles[s.Role]; ro != nil {
			base = ro.Base
		} else if strings.HasPrefix(s.Role, "commander:") {
			base = s.Role
		}
		r.byBase[base] = append(r.byBase[base], holder{id: id, spell: s})
		if t := r.roleTitle(s.Role); t != "" {
			e.Roles = appendNew(e.Roles, t)
		}
	}
	r.ents[id] = &entInfo{ent: e, gender: a.Gender, roles: a.Roles}
	for _, names := range a.Aliases {
		for _, n := range names {
			al := r.addAlias(n, alias{entities: []string{id}, how: "actors.yaml"})
			if al == nil || a.Kind != "person" {
				continue
			}
			markName(al)
			if len(al.toks) == 1 {
				al.surname = true
				continue
			}
			// The surname alone: the last word of a full name.
			words := strings.Fields(n)
			if sn := r.addAlias(words[len(words)-1], alias{entities: []string{id}, surname: true, how: "actors.yaml (surname)"}); sn != nil {
				sn.surname = len(sn.toks) == 1
				markName(sn)
			}
		}
	}
	if a.CommanderRole != "" {
		r.addCommanderRole(a, id)
	}
	return nil
}

// markName marks the words of a person's name alias as names: they meet
// the text's words in their own forms, not as bare stems.
func markName(al *alias) {
	for i := range al.toks {
		al.toks[i].name = true
		al.toks[i].runes = utf8.RuneCountInString(al.toks[i].norm)
	}
}

// addCommanderRole generates "commander of <alias>" phrases for a unit, with
// the unit's words marked so the unit gets its own mention too.
func (r *Resolver) addCommanderRole(a *Actor, unitID string) {
	role := a.CommanderRole
	r.roleName[role] = "commander of " + a.Name
	if _, ok := r.roles[role]; !ok {
		r.roles[role] = &Role{ID: role, Base: role, Country: a.Side}
	}
	patterns := map[string][]string{
		"en": {"commander of the %s", "commander of %s", "%s commander", "Commander of the %s"},
		"ru": {"командующий %s", "командующий группировкой %s", "командир %s"},
		"uk": {"командувач %s", "командувач угрупованням %s"},
	}
	for lang, names := range a.Aliases {
		for _, n := range names {
			n = strings.TrimPrefix(n, "the ")
			nt := len(r.tokenize(n))
			for _, p := range patterns[lang] {
				phrase := fmt.Sprintf(p, n)
				before := len(r.tokenize(strings.SplitN(p, "%s", 2)[0]))
				r.addAlias(phrase, alias{roles: []string{role}, how: "actors.yaml (commander of unit)",
					innerFrom: before, innerTo: before + nt, innerEntity: unitID})
			}
		}
	}
}

func (r *Resolver) roleTitle(role string) string {
	if t := r.roleName[role]; t != "" {
		return t
	}
	return ""
}

func (r *Resolver) addRegions(f *regionFile) {
	for _, g := range f.Regions {
		id := "geonames:" + g.ID
		r.ents[id] = &entInfo{ent: domain.Entity{
			ID: id, Kind: domain.KindPlace, Name: g.Name, Country: g.Country,
			Admin1: g.Name, Admin1ID: id, FeatureCode: "ADM1", Lat: g.Lat, Lon: g.Lon,
		}}
		proto := alias{entities: []string{id}, how: "regions.yaml"}
		for _, n := range g.En {
			for _, noun := range f.Nouns["en"] {
				r.addAlias(n+" "+noun, proto)
			}
		}
		for lang, adjs := range map[string][]string{"ru": g.Ru, "uk": g.Uk} {
			for _, n := range adjs {
				for _, noun := range f.Nouns[lang] {
					r.addAlias(n+" "+noun, proto)
				}
			}
		}
		for _, n := range g.Short {
			r.addAlias(n, proto)
		}
		occ := proto
		occ.notes = []string{r.occNote}
		occ.how = "regions.yaml (occupation name)"
		for _, n := range g.Occupation {
			r.addAlias(n, occ)
		}
	}
	for _, c := range f.Countries {
		id := "geonames:" + c.ID
		r.ents[id] = &entInfo{ent: domain.Entity{
			ID: id, Kind: domain.KindPlace, Name: c.Name, Country: c.Country,
			FeatureCode: "PCLI", Lat: c.Lat, Lon: c.Lon,
		}}
		for _, n := range c.Names {
			r.addAlias(n, alias{entities: []string{id}, how: "regions.yaml (country)"})
		}
	}
}

// addOutlets makes the registry's outlet and wire names findable in copy.
// A wire agency that also publishes under its own name shares the outlet's
// ID ("outlet:tass") so the agency cited and the outlet read are one entity.
func (r *Resolver) addOutlets(o *ingest.Outlets) {
	for _, name := range o.Names() {
		var e domain.Entity
		if w, ok := o.Wire(name); ok {
			e = domain.Entity{ID: "agency:" + slug(w), Kind: domain.KindAgency, Name: w}
			if out, ok := o.WireOutlet(w); ok {
				e.ID, e.Name, e.Country = "outlet:"+out.ID, out.Name, out.Country
			}
		} else if out, ok := o.ByName(name); ok {
			e = domain.Entity{ID: "outlet:" + out.ID, Kind: domain.KindOutlet, Name: out.Name, Country: out.Country}
		} else {
			continue
		}
		if _, ok := r.ents[e.ID]; !ok {
			r.ents[e.ID] = &entInfo{ent: e}
		}
		r.addAlias(name, alias{entities: []string{e.ID}, how: "ingest's outlet registry"})
	}
}

func slug(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), "-")
}
