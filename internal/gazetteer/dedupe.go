package gazetteer

import (
	"strings"
)

// GeoNames sometimes lists one town twice: an older entry under the
// Russian-derived name (Kurakhovo, geonames:703646) beside the maintained
// one (Kurakhove, geonames:695357), a few hundred metres apart. Left alone
// they split every report of the town in two and make its name ambiguous.
// mergeDuplicates folds such pairs into one place: the canonical entry
// keeps its ID and gains the other's names; the other's ID stays an alias
// that Place answers with the canonical entry.
//
// Two populated places are duplicates when all of these hold:
//   - same country and admin1, and the same admin2 where both have one
//     (namesake villages of neighbouring raions stay apart);
//   - their coordinates are at most dupKm apart;
//   - the main name of one is, by skeleton, one of the other's names, and
//     the main names themselves are the same or one letter apart
//     (Kurakhovo/Kurakhove: the Russian and Ukrainian endings) — GeoNames
//     lists neighbours' and old names among the alternates (Upland has
//     "Chester"), which alone prove nothing;
//   - neither is a section or a historical, abandoned or destroyed place
//     (PPLX, PPLH, PPLQ, PPLW), which GeoNames lists beside the town.
const dupKm = 1.5

// mergeDuplicates runs in finish; it returns the number of places merged.
func (g *Gazetteer) mergeDuplicates() int {
	merged := 0
	for _, p := range g.places {
		if p.mergedInto != nil || !dedupeKind(p) {
			continue
		}
		sk := Skeleton(p.Names[0])
		if sk == "" {
			continue
		}
		var dups []*Place
		g.skel.get(sk, func(i int32) {
			q := g.places[i]
			if q != p && q.mergedInto == nil && duplicates(p, q) && sameMainName(p, sk, q) {
				dups = append(dups, q)
			}
		})
		for _, q := range dups {
			if p.mergedInto != nil || q.mergedInto != nil {
				continue
			}
			keep, drop := p, q
			if canonicalBefore(q, p) {
				keep, drop = q, p
			}
			g.mergeInto(keep, drop)
			merged++
		}
	}
	g.merged += merged
	return merged
}

// sameMainName says whether q's main name is p's (skeleton sk) or, for
// names of six letters and more, differs from it in the ending only (one
// edit in the last two letters: -ovo/-ove, -ino/-yne). Numbered places
// (Marseille 02, Maya Tecún II) are never the same as their neighbours.
func sameMainName(p *Place, sk string, q *Place) bool {
	if numbered(p.Names[0]) || numbered(q.Names[0]) {
		return false
	}
	qs := Skeleton(q.Names[0])
	if qs == sk {
		return true
	}
	if len(sk) < minFuzzyLen || editDistance(sk, qs, 1) > 1 {
		return false
	}
	common := 0
	for common < len(sk) && common < len(qs) && sk[common] == qs[common] {
		common++
	}
	return common >= max(len(sk), len(qs))-2
}

// numbered says whether a name ends in a number or a Roman numeral.
func numbered(name string) bool {
	i := strings.LastIndexAny(name, " -")
	last := name[i+1:]
	return last != "" && (strings.Trim(last, "0123456789") == "" || i > 0 && strings.Trim(last, "IVX") == "")
}

func dedupeKind(p *Place) bool {
	if !strings.HasPrefix(p.FeatureCode, "PPL") || len(p.Names) == 0 {
		return false
	}
	switch p.FeatureCode {
	case "PPLX", "PPLH", "PPLQ", "PPLW":
		return false
	}
	return true
}

func duplicates(p, q *Place) bool {
	if !dedupeKind(q) || p.Country != q.Country || p.Admin1Code != q.Admin1Code || p.Country == "" {
		return false
	}
	if p.Admin2Code != "" && q.Admin2Code != "" && p.Admin2Code != q.Admin2Code {
		return false
	}
	if (p.Lat == 0 && p.Lon == 0) || (q.Lat == 0 && q.Lon == 0) {
		return false
	}
	return Distance(p.Lat, p.Lon, q.Lat, q.Lon) <= dupKm
}

// canonicalBefore says whether a should be kept over b: the entry linked
// to the official codifier, then the higher administrative rank (PPLA
// over PPL), then the one GeoNames maintains (more alternate names: the
// stale duplicate has a handful), then the display name that is the
// Ukrainian romanisation, then the lower ID for a stable answer.
func canonicalBefore(a, b *Place) bool {
	if (a.KATOTTG != "") != (b.KATOTTG != "") {
		return a.KATOTTG != ""
	}
	if fa, fb := featureRank(a.FeatureCode), featureRank(b.FeatureCode); fa != fb {
		return fa < fb
	}
	if len(a.Names) != len(b.Names) {
		return len(a.Names) > len(b.Names)
	}
	if ua, ub := a.Country == "UA" && displayNameUA(a) == a.Names[0], b.Country == "UA" && displayNameUA(b) == b.Names[0]; ua != ub {
		return ua
	}
	return a.ID < b.ID
}

// mergeInto moves drop's names and ID to keep.
func (g *Gazetteer) mergeInto(keep, drop *Place) {
	drop.mergedInto = keep
	for _, n := range drop.Names {
		sk := Skeleton(n)
		g.skel.replace(sk, drop.idx, keep.idx)
		if stemScope[drop.Country] && isCyrillic(n) {
			if st := Skeleton(stemWord(n)); st != "" && st != sk {
				g.stem.replace(st, drop.idx, keep.idx)
			}
		}
	}
	merged := mergeNames(keep.Names, drop.Names)
	for _, n := range merged[len(keep.Names):] {
		g.indexName(keep, n)
	}
	keep.Names = merged
	if keep.Population == 0 {
		keep.Population = drop.Population
	}
	if keep.Official == "" {
		keep.Official = drop.Official
	}
	for sk, y := range drop.former {
		if keep.former == nil {
			keep.former = map[string]int{}
		}
		if _, ok := keep.former[sk]; !ok {
			keep.former[sk] = y
			keep.Former = append(keep.Former, g.nameWithSkeleton(drop, sk))
		}
	}
	keep.Merged = append(keep.Merged, drop.ID)
	keep.Merged = append(keep.Merged, drop.Merged...)
	g.byID[drop.ID] = keep
	for _, id := range drop.Merged {
		g.byID[id] = keep
	}
}

// MergedDuplicates is how many duplicate places were folded into others.
func (g *Gazetteer) MergedDuplicates() int { return g.merged }
