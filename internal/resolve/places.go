package resolve

import (
	"fmt"
	"math"
	"sort"
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

// maxLookupRunes and maxLookupWords skip gazetteer lookups of implausibly
// long runs (place names have at most four words: "Velyka Novosilka",
// "Rostov-on-Don" is one).
const (
	maxLookupRunes = 60
	maxLookupWords = 4
)

// lookupPlace asks the gazetteer for a run: the words as written, then, for
// Russian/Ukrainian, the word without its case ending (в Купянске → Купянск).
func (d *doc) lookupPlace(m *ment) []placeCand {
	if d.r.gaz == nil || len(m.m.Surface) > maxLookupRunes*4 || m.to-m.from > maxLookupWords {
		return nil
	}
	// The gazetteer handles case endings itself (Купянске → Купянск).
	queries := []string{m.m.Surface}
	// A front direction named by an adjective: Константиновском направлении
	// is Константиновка's, Покровському напрямку Покровськ's. Adjectives in
	// -ский/-ський come from names in -ск/-ськ or -ка: the candidates of all
	// three forms are pooled and ranked together.
	pool := false
	if last := d.tok(m, m.to-1); m.to-m.from == 1 && last.cyr && d.namesDirection(m) {
		for _, suf := range []string{"ск", "ськ"} {
			if i := strings.LastIndex(last.norm, suf); i > 0 {
				base := last.norm[:i] // the gazetteer folds case
				queries = append(queries, base+suf, base+"ка")
				pool = true
				break
			}
		}
	}
	seen := map[string]bool{}
	var out []placeCand
	for _, q := range queries {
		for _, x := range d.gazLookup(q) {
			if x.Place == nil || seen[x.Place.ID] {
				continue
			}
			seen[x.Place.ID] = true
			out = append(out, placeCand{p: x.Place, match: x.Score, how: x.How, query: q})
		}
		if len(out) > 0 && !pool {
			break
		}
	}
	return out
}

// gazLookup memoises lookups within one article.
func (d *doc) gazLookup(q string) []gazetteer.Match {
	if d.gazCache == nil {
		d.gazCache = map[string][]gazetteer.Match{}
	}
	if ms, ok := d.gazCache[q]; ok {
		return ms
	}
	ms := d.r.cachedLookup(q)
	d.gazCache[q] = ms
	return ms
}

// lookupCacheMax bounds the resolver-wide lookup cache; names repeat across
// articles (the same towns, the same capitalised non-places), so most
// lookups after the first hundred articles are hits.
const lookupCacheMax = 200_000

// cachedLookup is gazetteer Lookup behind a cache shared by all Resolve
// calls (safe for concurrent use).
func (r *Resolver) cachedLookup(q string) []gazetteer.Match {
	r.cacheMu.RLock()
	ms, ok := r.cache[q]
	r.cacheMu.RUnlock()
	if ok {
		return ms
	}
	ms = r.gaz.Lookup(q)
	r.cacheMu.Lock()
	if len(r.cache) >= lookupCacheMax {
		r.cache = map[string][]gazetteer.Match{}
	}
	r.cache[q] = ms
	r.cacheMu.Unlock()
	return ms
}

// context is what the article already says about where it is: the oblasts
// and places resolved so far (other than skip) and the outlet's country.
// With window ≥ 0 only places within that many sentences of skip count:
// the places next to a name are better evidence than the article's far end
// ("in Konstantinovka" after a paragraph on the Zaporizhzhia region).
func (d *doc) context(skip *ment, window int) gazetteer.Context {
	c := gazetteer.Context{Country: d.country}
	seen := map[string]bool{}
	for _, o := range d.placeList {
		if o == skip || o.m.Kind != domain.KindPlace || o.m.Status != domain.StatusResolved || seen[o.m.EntityID] {
			continue
		}
		if window >= 0 && (o.field != skip.field || o.sent < skip.sent-window || o.sent > skip.sent+window) {
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
		// Oblasts count by their ID only: their centroid is no evidence of
		// nearness.
		if p := d.r.gaz.Place(o.m.EntityID); p != nil && !strings.HasPrefix(p.FeatureCode, "ADM") {
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
	for _, m := range d.ms {
		if m.m.Kind == domain.KindPlace || m.pending == "place" {
			d.placeList = append(d.placeList, m)
		}
	}
	d.country = d.mainCountry()
	d.resolveGlosses()
	// Round 0 takes the clear cases, round 1 the rest, round 2 the names met
	// only by fuzzy matching (typos), which by then can lean on the rest.
	for round := 0; round < 3; round++ {
		for _, m := range d.ms {
			if m.pending != "place" {
				continue
			}
			if round == 0 {
				d.dropLooseForeign(m)
				if len(m.placeMs) == 0 {
					m.pending = ""
					m.m.Reasons = append(m.m.Reasons, "the gazetteer meets this name only loosely (stem or typo), and only outside the article's country")
					continue
				}
			}
			fuzzy := true
			for _, c := range m.placeMs {
				if c.how != "fuzzy" {
					fuzzy = false
				}
			}
			if fuzzy && round < 2 {
				continue
			}
			if d.sameAsEarlier(m) {
				continue
			}
			ms := make([]gazetteer.Match, len(m.placeMs))
			for i, c := range m.placeMs {
				ms[i] = gazetteer.Match{Place: c.p, Score: c.match, How: c.how}
			}
			rk := d.r.gaz.Rank(ms, d.context(m, 2))
			if rk.Ambiguous {
				if wide := d.r.gaz.Rank(ms, d.context(m, -1)); !wide.Ambiguous {
					rk = wide
				}
			}
			if rk.Best == nil {
				m.pending = ""
				continue
			}
			rk = salient(rk)
			margin := 1.0
			if len(rk.RunnersUp) > 0 {
				margin = rk.Best.Score - rk.RunnersUp[0].Score
			}
			if round == 0 && (rk.Ambiguous || margin < 0.1) || round == 1 && fuzzy {
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
			for _, c := range m.placeMs {
				if c.p.ID == rk.Best.Place.ID {
					q = c.query
				}
			}
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
			if m.weak {
				m.pending = "drop"
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

// mainCountry is the country most of the article's resolved places are in
// (a Russian outlet writing about Kharkiv is about Ukraine), else the
// outlet's country.
func (d *doc) mainCountry() string {
	n := map[string]int{}
	for _, m := range d.placeList {
		if m.m.Kind != domain.KindPlace || m.m.Status != domain.StatusResolved {
			continue
		}
		if e := d.placeInfo(m.m.EntityID); e != nil && e.Country != "" {
			n[e.Country]++
		}
	}
	best, bestN := d.outletC, 0
	for c, k := range n {
		if k > bestN || k == bestN && c == d.outletC || k == bestN && best != d.outletC && c < best {
			best, bestN = c, k
		}
	}
	return best
}

// Salience: news names towns far more often than the villages that share
// their names (about 25 Kostiantynivkas, one of 67,000 people), so on top of
// the gazetteer's ranking a settlement gains salienceWeight per factor of
// ten of population above 1,000. ambiguousBy mirrors gazetteer.Rank.
const (
	salienceWeight = 0.08
	ambiguousBy    = 0.04
)

func salient(rk gazetteer.Ranked) gazetteer.Ranked {
	all := append([]gazetteer.Scored{*rk.Best}, rk.RunnersUp...)
	for i := range all {
		if p := all[i].Place; p.Population > 1000 {
			bonus := salienceWeight * math.Log10(float64(p.Population)/1000)
			all[i].Score += bonus
			all[i].Reasons = append(all[i].Reasons, fmt.Sprintf("salience of a town of %d (+%.2f)", p.Population, bonus))
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Score > all[j].Score })
	out := gazetteer.Ranked{Best: &all[0], RunnersUp: all[1:]}
	out.Ambiguous = len(all) > 1 && all[0].Score-all[1].Score < ambiguousBy
	return out
}

// sameAsEarlier resolves m to a place an earlier mention of the article
// already resolved to, when that place is among m's candidates: an article
// means one Kostiantynivka throughout, whether it spells it "Konstantinovka"
// or, by a typo, "Konstaninovka".
func (d *doc) sameAsEarlier(m *ment) bool {
	cand := map[string]*gazetteer.Place{}
	for _, c := range m.placeMs {
		cand[c.p.ID] = c.p
	}
	var hit *ment
	for _, o := range d.placeList {
		if !before(o, m) {
			break
		}
		if o.m.Kind == domain.KindPlace && o.m.Status == domain.StatusResolved && cand[o.m.EntityID] != nil {
			if hit != nil && hit.m.EntityID != o.m.EntityID {
				return false // two different earlier places fit: let the ranking decide
			}
			hit = o
		}
	}
	if hit == nil {
		return false
	}
	m.pending = ""
	d.setPlace(m, cand[hit.m.EntityID], 0.85, fmt.Sprintf("same place as %s earlier in the article", quote(hit.m.Surface)))
	return true
}

// dropLooseForeign keeps, of the candidates met only loosely (a stem, a
// typo), those in the country the article is about: "Konstaninovka" is a
// typo for a Ukrainian town in a report on Ukraine, "Балтика" is no Afghan
// province. Inflected names of big foreign cities (в Минске) stay.
func (d *doc) dropLooseForeign(m *ment) {
	if d.country == "" {
		return
	}
	kept := m.placeMs[:0]
	for _, c := range m.placeMs {
		big := c.p.FeatureCode == "PPLC" || c.p.Population >= 100000
		if c.match >= strongMatch || c.p.Country == d.country || c.how != "fuzzy" && big {
			kept = append(kept, c)
		}
	}
	m.placeMs = kept
}
