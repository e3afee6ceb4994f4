package gazetteer

import (
	"fmt"
	"math"
	"sort"
)

// Context is what the rest of a text says about where it is: the resolver
// fills it from the other names it has resolved and from the outlet.
type Context struct {
	// Admin1 holds the admin1 divisions the text mentions, as place IDs
	// ("geonames:706482") or "CC.code" keys ("UA.07").
	Admin1 []string
	// Places are other places the text mentions (already resolved); their
	// coordinates and admin1 count as evidence.
	Places []*Place
	// Country is the country the outlet usually covers (ISO alpha-2), or "".
	Country string
}

// Scored is one ranked candidate.
type Scored struct {
	Match
	// Score says how likely this is the place meant, as a sum of
	// evidence: 0.6 × the name score, +0.25 admin1 named in the text,
	// up to +0.15 nearness to the text's places, +0.08 the outlet's
	// country, +0.05 per factor of ten of population (≈0.35 for a
	// city of a million), +0.04..0.06 for capitals and seats, +0.15
	// for a country. It is not
	// capped: a strong candidate can pass 1 (≈1.5 at most), so that
	// evidence keeps separating candidates instead of saturating.
	// Compare scores within one Ranked (the margin to the runner-up
	// matters), not against a fixed threshold.
	Score float64
	// Notes are reasons the caller adds to the ranking's (worded).
	Notes []string

	// The evidence, kept as found; Reasons words it when asked, since
	// most candidates ranked are never shown.
	inAdmin1  bool
	nearKm    float64
	near      *Place
	inCountry bool
	ambiguity string
}

// Reasons says why the candidate scored as it did, for the reader.
func (s Scored) Reasons() []string {
	p := s.Place
	out := []string{fmt.Sprintf("name %s (%.2f)", s.How, s.Match.Score)}
	if s.inAdmin1 {
		out = append(out, "in "+nonEmpty(p.Admin1, p.Admin1Code)+", which the text names")
	}
	if s.near != nil {
		out = append(out, fmt.Sprintf("%.0f km from %s", s.nearKm, s.near.Name))
	}
	if s.inCountry {
		out = append(out, "in "+p.Country+", which the outlet covers")
	}
	if p.Population > 0 {
		out = append(out, fmt.Sprintf("population %d", p.Population))
	}
	if w := featureWords[p.FeatureCode]; w != "" {
		out = append(out, w)
	}
	if s.ambiguity != "" {
		out = append(out, s.ambiguity)
	}
	return append(out, s.Notes...)
}

// Ranked is Rank's answer.
type Ranked struct {
	Best      *Scored  // nil when there were no matches
	RunnersUp []Scored // best first
	// Ambiguous is set when the evidence does not separate the best from
	// the next candidate (same-named villages and no context).
	Ambiguous bool
}

// Weights of the evidence. Name quality counts most; admin1 agreement is
// the strongest context (a text naming Donetsk Oblast means its
// Kostiantynivka); distance to the text's other places comes next.
const (
	wName       = 0.6
	wAdmin1     = 0.25
	wNear       = 0.15
	wCountry    = 0.08
	wPopulation = 0.05 // per factor of ten
	nearKm      = 150.0
	ambiguousBy = 0.04
	// wCountryName is a country's bonus (capitals and oblasts get 0.06).
	wCountryName = 0.15
)

// Rank orders the candidates of one name by how likely each is meant,
// given the context.
func (g *Gazetteer) Rank(matches []Match, ctx Context) Ranked {
	if len(matches) == 0 {
		return Ranked{}
	}
	admin := map[string]bool{}
	for _, a := range ctx.Admin1 {
		admin[a] = true
	}
	for _, p := range ctx.Places {
		if p == nil {
			continue
		}
		if p.Admin1ID != "" {
			admin[p.Admin1ID] = true
		}
		if p.Country != "" && p.Admin1Code != "" {
			admin[admin1Key(p.Country, p.Admin1Code)] = true
		}
	}
	out := make([]Scored, 0, len(matches))
	context := map[*Place]bool{} // places the text's context speaks for
	for _, m := range matches {
		p := m.Place
		s := Scored{Match: m, Score: wName * m.Score}
		if admin[p.ID] || admin[p.Admin1ID] || (p.Admin1Code != "" && admin[admin1Key(p.Country, p.Admin1Code)]) {
			s.Score += wAdmin1
			context[p] = true
			s.inAdmin1 = true
		}
		if km, near := nearest(p, ctx.Places); near != nil && km < nearKm {
			s.Score += wNear * (1 - km/nearKm)
			context[p] = true
			s.nearKm, s.near = km, near
		}
		if ctx.Country != "" && p.Country == ctx.Country {
			s.Score += wCountry
			s.inCountry = true
		}
		if p.Population > 0 {
			s.Score += wPopulation * math.Log10(float64(p.Population))
		}
		switch p.FeatureCode {
		case "PCLI":
			// A country's name means the country far more often than
			// a town of the same name, whatever the populations.
			s.Score += wCountryName
		case "PPLC", "ADM1":
			s.Score += 0.06
		case "PPLA", "PPLA2":
			s.Score += 0.04
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Place.ID < out[j].Place.ID
	})
	r := Ranked{Best: &out[0], RunnersUp: out[1:]}
	switch {
	case len(out) > 1 && out[0].Score-out[1].Score < ambiguousBy:
		r.Ambiguous = true
		r.Best.ambiguity = fmt.Sprintf("ambiguous: %s scores within %.2f", out[1].Place.Name, ambiguousBy)
	case !context[r.Best.Place] && r.Best.Place.Population < namesakeTown:
		if n := namesakes(out); n >= manyNamesakes {
			r.Ambiguous = true
			r.Best.ambiguity = fmt.Sprintf("ambiguous: %d places of this name and nothing in the text to choose", n)
		}
	}
	return r
}

// A small town among many namesakes is only a guess without context
// (there are dozens of Oleksandrivkas; one being a raion seat of 8,000
// people does not make it the one meant). A city this large is.
const (
	namesakeTown  = 50000
	manyNamesakes = 3
)

// namesakes counts the candidates that match as well as the best.
func namesakes(out []Scored) int {
	n := 0
	for _, s := range out {
		if s.Match.Score >= out[0].Match.Score-0.02 {
			n++
		}
	}
	return n
}

var featureWords = map[string]string{
	"PCLI":  "country",
	"PPLC":  "capital",
	"ADM1":  "first-level division",
	"PPLA":  "seat of a first-level division",
	"PPLA2": "seat of a second-level division",
}

func nonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// nearest returns the distance to the closest other place with coordinates.
func nearest(p *Place, others []*Place) (float64, *Place) {
	if p.Lat == 0 && p.Lon == 0 {
		return math.Inf(1), nil
	}
	best, bestKm := (*Place)(nil), math.Inf(1)
	for _, o := range others {
		if o == nil || o == p || o.ID == p.ID || (o.Lat == 0 && o.Lon == 0) {
			continue
		}
		if km := Distance(p.Lat, p.Lon, o.Lat, o.Lon); km < bestKm {
			best, bestKm = o, km
		}
	}
	return bestKm, best
}

// Distance is the great-circle distance in kilometres.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
