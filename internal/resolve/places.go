package resolve

import (
	"fmt"
	"math"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
)

// placeCand is one gazetteer candidate for a mention.
type placeCand struct {
	p     *gazetteer.Place
	match float64 // how well the name matched (gazetteer score)
	how   string
	query string
}

// maxLookupRunes skips gazetteer lookups of implausibly long runs.
const maxLookupRunes = 60

// lookupPlace asks the gazetteer for a run: the words as written, then, for
// Russian/Ukrainian, the word without its case ending (в Купянске → Купянск).
func (d *doc) lookupPlace(m *ment) []placeCand {
	if d.r.gaz == nil || len(m.m.Surface) > maxLookupRunes*4 {
		return nil
	}
	toks := d.fields[m.field].toks
	queries := []string{m.m.Surface}
	if last := toks[m.to-1]; last.cyr && last.stem != last.norm {
		prefix := d.fields[m.field].text[toks[m.from].start:last.start]
		stemSurface := last.text[:len(last.stem)]
		for _, end := range []string{"", "а", "ь", "и"} {
			queries = append(queries, prefix+stemSurface+end)
		}
	}
	for _, q := range queries {
		ms := d.gazLookup(q)
		if len(ms) == 0 {
			continue
		}
		seen := map[string]bool{}
		var out []placeCand
		for _, x := range ms {
			if x.Place == nil || seen[x.Place.ID] {
				continue
			}
			seen[x.Place.ID] = true
			out = append(out, placeCand{p: x.Place, match: x.Score, how: x.How, query: q})
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// gazLookup memoises lookups within one article.
func (d *doc) gazLookup(q string) []gazetteer.Match {
	if d.gazCache == nil {
		d.gazCache = map[string][]gazetteer.Match{}
	}
	if ms, ok := d.gazCache[q]; ok {
		return ms
	}
	ms := d.r.gaz.Lookup(q)
	d.gazCache[q] = ms
	return ms
}

// context is what the article already says about where it is: the oblasts
// and places resolved so far (other than skip) and the outlet's country.
func (d *doc) context(skip *ment) gazetteer.Context {
	c := gazetteer.Context{Country: d.outletC}
	seen := map[string]bool{}
	for _, o := range d.ms {
		if o == skip || o.m.Kind != domain.KindPlace || o.m.Status != domain.StatusResolved || seen[o.m.EntityID] {
			continue
		}
		seen[o.m.EntityID] = true
		e := d.placeInfo(o.m.EntityID)
		if e == nil || e.FeatureCode == "PCLI" {
			continue
		}
		if e.Admin1ID != "" {
			c.Admin1 = append(c.Admin1, e.Admin1ID)
		}
		if p := d.r.gaz.Place(o.m.EntityID); p != nil {
			c.Places = append(c.Places, p)
		}
	}
	return c
}

func (d *doc) placeInfo(id string) *domain.Entity {
	if info := d.r.ents[id]; info != nil {
		return &info.ent
	}
	return d.r.placeEntity(id)
}

// placeEntity builds the entity for a gazetteer place.
func (r *Resolver) placeEntity(id string) *domain.Entity {
	if r.gaz == nil || !strings.HasPrefix(id, "geonames:") && !strings.HasPrefix(id, "katottg:") {
		return nil
	}
	p := r.gaz.Place(id)
	if p == nil {
		return nil
	}
	return &domain.Entity{ID: p.ID, Kind: domain.KindPlace, Name: p.Name, Country: p.Country,
		Admin1: p.Admin1, Admin1ID: p.Admin1ID, FeatureCode: p.FeatureCode, Population: p.Population,
		Lat: p.Lat, Lon: p.Lon}
}

// resolvePlaces ranks the gazetteer candidates of every place run with the
// article's context, in two rounds: clear cases first, then the rest with
// the context the clear cases added.
func (d *doc) resolvePlaces() {
	d.resolveGlosses()
	for round := 0; round < 2; round++ {
		for _, m := range d.ms {
			if m.pending != "place" {
				continue
			}
			ms := make([]gazetteer.Match, len(m.placeMs))
			for i, c := range m.placeMs {
				ms[i] = gazetteer.Match{Place: c.p, Score: c.match, How: c.how}
			}
			rk := d.r.gaz.Rank(ms, d.context(m))
			if rk.Best == nil {
				m.pending = ""
				continue
			}
			margin := 1.0
			if len(rk.RunnersUp) > 0 {
				margin = rk.Best.Score - rk.RunnersUp[0].Score
			}
			if round == 0 && (rk.Ambiguous || margin < 0.1) {
				continue // wait for the context the clear cases add
			}
			m.pending = ""
			all := append([]gazetteer.Scored{*rk.Best}, rk.RunnersUp...)
			m.m.Candidates = nil
			for i, x := range all {
				if i >= 6 {
					break
				}
				m.m.Candidates = append(m.m.Candidates, domain.Candidate{EntityID: x.Place.ID, Name: x.Place.Name,
					Admin1: x.Place.Admin1, Score: round2(x.Score), Reasons: x.Reasons})
			}
			q := m.placeMs[0].query
			if !rk.Ambiguous {
				conf := math.Min(0.95, 0.5*rk.Best.Score+0.5*math.Min(1, 0.5+margin*2))
				reasons := []string{fmt.Sprintf("gazetteer: %s matched %q (%s)", rk.Best.Place.Name, q, rk.Best.How)}
				if len(all) > 1 {
					reasons = append(reasons, fmt.Sprintf("ranked first of %d places: %s", len(all), strings.Join(rk.Best.Reasons, "; ")))
				}
				d.setPlace(m, rk.Best.Place, conf, reasons...)
				m.m.Candidates = m.m.Candidates[1:]
				if len(m.m.Candidates) == 0 {
					m.m.Candidates = nil
				}
				continue
			}
			m.m.Status = domain.StatusAmbiguous
			m.m.Kind = domain.KindPlace
			m.m.Reasons = append(m.m.Reasons, fmt.Sprintf("%d places called %q and the article does not tell them apart", len(all), q))
		}
	}
}

func (d *doc) setPlace(m *ment, p *gazetteer.Place, conf float64, reasons ...string) {
	m.m.Kind = domain.KindPlace
	m.m.EntityID = p.ID
	m.m.Name = p.Name
	m.m.Confidence = round2(conf)
	m.m.Status = domain.StatusResolved
	m.m.Reasons = append(m.m.Reasons, reasons...)
}

// resolveGlosses settles "Krasnoarmeysk (Pokrovsk)" and "Pokrovsk
// (Krasnoarmeysk)": a place name with another name in brackets right after
// it names one place, the one both names can refer to.
func (d *doc) resolveGlosses() {
	for i, m := range d.ms {
		if i+1 >= len(d.ms) {
			break
		}
		n := d.ms[i+1]
		if n.field != m.field || n.sent != m.sent || n.from != m.to {
			continue
		}
		if !strings.HasSuffix(strings.TrimSpace(d.tok(n, n.from).gap), "(") || n.to >= d.ntoks(n) || !strings.HasPrefix(strings.TrimSpace(d.tok(n, n.to).gap), ")") {
			continue
		}
		ids := func(x *ment) map[string]*gazetteer.Place {
			out := map[string]*gazetteer.Place{}
			switch {
			case x.pending == "place":
				for _, c := range x.placeMs {
					out[c.p.ID] = c.p
				}
			case x.m.Kind == domain.KindPlace && x.m.Status == domain.StatusResolved:
				if p := d.r.gaz.Place(x.m.EntityID); p != nil {
					out[p.ID] = p
				}
			}
			return out
		}
		a, b := ids(m), ids(n)
		var common []*gazetteer.Place
		for id, p := range a {
			if b[id] != nil {
				common = append(common, p)
			}
		}
		if len(common) != 1 {
			continue
		}
		p := common[0]
		for _, x := range []*ment{m, n} {
			other := n
			if x == n {
				other = m
			}
			if x.pending == "place" {
				x.pending = ""
				d.setPlace(x, p, 0.9, fmt.Sprintf("given with %s in brackets: the one place both names can refer to", quote(other.m.Surface)))
			}
		}
	}
}
