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

// placeContext is what the article already says about where it is.
type placeContext struct {
	admin1 map[string]bool // IDs of oblasts named or holding named places
	points [][2]float64
}

func (d *doc) context(skip *ment) placeContext {
	c := placeContext{admin1: map[string]bool{}}
	for _, o := range d.ms {
		if o == skip || o.m.Kind != domain.KindPlace || o.m.Status != domain.StatusResolved {
			continue
		}
		e := d.placeInfo(o.m.EntityID)
		if e == nil {
			continue
		}
		if e.Admin1ID != "" {
			c.admin1[e.Admin1ID] = true
		}
		if e.FeatureCode != "PCLI" && (e.Lat != 0 || e.Lon != 0) {
			c.points = append(c.points, [2]float64{e.Lat, e.Lon})
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

// featurePrior prefers administrative centres over villages, and
// settlements over stations and other features sharing a name.
func featurePrior(code string) float64 {
	switch {
	case code == "PPLC":
		return 0.15
	case code == "PPLA":
		return 0.12
	case code == "PPLA2":
		return 0.08
	case strings.HasPrefix(code, "PPLA"):
		return 0.04
	case strings.HasPrefix(code, "PPL"):
		return 0
	case strings.HasPrefix(code, "ADM"), strings.HasPrefix(code, "PCL"):
		return 0.05
	default:
		return -0.2
	}
}

// score ranks one candidate in context, saying why.
func (d *doc) score(c placeCand, ctx placeContext) (float64, []string) {
	p := c.p
	s := 0.5 * c.match
	why := []string{fmt.Sprintf("name match %s %.2f", c.how, c.match)}
	pop := math.Min(1, math.Log10(float64(p.Population)+1)/6)
	s += 0.25 * pop
	if p.Population > 0 {
		why = append(why, fmt.Sprintf("population %d", p.Population))
	}
	if fp := featurePrior(p.FeatureCode); fp != 0 {
		s += fp
		why = append(why, "feature "+p.FeatureCode)
	}
	if p.Admin1ID != "" && ctx.admin1[p.Admin1ID] {
		s += 0.3
		why = append(why, "in "+p.Admin1+", named in the article")
	}
	for _, pt := range ctx.points {
		if (p.Lat != 0 || p.Lon != 0) && km(p.Lat, p.Lon, pt[0], pt[1]) < 100 && km(p.Lat, p.Lon, pt[0], pt[1]) > 0.5 {
			s += 0.2
			why = append(why, "within 100 km of another place in the article")
			break
		}
	}
	if d.outletC != "" && p.Country == d.outletC {
		s += 0.05
		why = append(why, "in the outlet's country")
	}
	return s, why
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	φ1, φ2 := lat1*math.Pi/180, lat2*math.Pi/180
	dφ, dλ := φ2-φ1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, a)))
}

// resolvePlaces ranks the gazetteer candidates of every place run with the
// article's context, in two rounds: clear cases first, then the rest with
// the context the clear cases added.
func (d *doc) resolvePlaces() {
	for round := 0; round < 2; round++ {
		for _, m := range d.ms {
			if m.pending != "place" {
				continue
			}
			ctx := d.context(m)
			type scored struct {
				c   placeCand
				s   float64
				why []string
			}
			var ss []scored
			for _, c := range m.placeMs {
				s, why := d.score(c, ctx)
				ss = append(ss, scored{c, s, why})
			}
			sort.SliceStable(ss, func(i, j int) bool { return ss[i].s > ss[j].s })
			margin := 1.0
			if len(ss) > 1 {
				margin = ss[0].s - ss[1].s
			}
			if round == 0 && margin < 0.15 {
				continue // wait for context
			}
			m.pending = ""
			m.m.Candidates = nil
			for i, x := range ss {
				if i >= 6 {
					break
				}
				m.m.Candidates = append(m.m.Candidates, domain.Candidate{EntityID: x.c.p.ID, Name: x.c.p.Name,
					Admin1: x.c.p.Admin1, Score: round2(x.s), Reasons: x.why})
			}
			top := ss[0]
			if margin >= 0.1 {
				conf := math.Min(0.95, 0.4+top.s*0.5+math.Min(margin, 0.5)*0.3)
				reasons := []string{fmt.Sprintf("gazetteer: %s matched %q (%s)", top.c.p.Name, top.c.query, top.c.how)}
				if len(ss) > 1 {
					reasons = append(reasons, fmt.Sprintf("ranked first of %d places by: %s", len(ss), strings.Join(top.why, ", ")))
				}
				d.setPlace(m, top.c.p, conf, reasons...)
				m.m.Candidates = m.m.Candidates[1:]
				if len(m.m.Candidates) == 0 {
					m.m.Candidates = nil
				}
				continue
			}
			m.m.Status = domain.StatusAmbiguous
			m.m.Kind = domain.KindPlace
			m.m.Reasons = append(m.m.Reasons, fmt.Sprintf("%d places by this name and the article does not tell them apart", len(ss)))
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
