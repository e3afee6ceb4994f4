package gazetteer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// KATOTTGEntry is one row of Ukraine's codifier of administrative-territorial
// units and territories of territorial communities.
type KATOTTGEntry struct {
	Code     string    // the most specific code of the row ("UA63080150010098452")
	Levels   [5]string // level 1..4 codes and the additional level
	Category string    // O oblast, K special-status city, P raion, H hromada, M city, X selyshche, C village, B city district
	Name     string    // official Ukrainian name
}

// Settlement says whether the entry is a populated place.
func (e KATOTTGEntry) Settlement() bool {
	return strings.ContainsAny(e.Category, "MXCK") && len(e.Category) == 1
}

var errHeader = errors.New("header")

// ParseKATOTTGLine parses one line of the codifier CSV (semicolon-separated,
// 7 columns). The header line gives errHeader.
func ParseKATOTTGLine(line string) (KATOTTGEntry, error) {
	var e KATOTTGEntry
	if !utf8.ValidString(line) {
		return e, errors.New("not UTF-8")
	}
	line = strings.TrimPrefix(strings.TrimRight(line, "\r\n"), "\ufeff")
	f := strings.Split(line, ";")
	if len(f) != 7 {
		return e, fmt.Errorf("%d columns, want 7", len(f))
	}
	if !strings.HasPrefix(f[0], "UA") {
		if strings.Contains(f[0], "рівень") {
			return e, errHeader
		}
		return e, fmt.Errorf("level-1 code %q does not start with UA", f[0])
	}
	for i := 0; i < 5; i++ {
		c := strings.TrimSpace(f[i])
		if c != "" && (len(c) != 19 || !strings.HasPrefix(c, "UA") || strings.Trim(c[2:], "0123456789") != "") {
			return e, fmt.Errorf("code %q is not UA and 17 digits", c)
		}
		e.Levels[i] = c
		if c != "" {
			e.Code = c
		}
	}
	e.Category = strings.TrimSpace(f[5])
	if len(e.Category) != 1 || !strings.Contains("OKPHMXCB", e.Category) {
		return e, fmt.Errorf("unknown category %q", e.Category)
	}
	e.Name = strings.TrimSpace(f[6])
	if e.Name == "" {
		return e, errors.New("empty name")
	}
	return e, nil
}

// KATOTTGStats says what ReadKATOTTG did.
type KATOTTGStats struct {
	Settlements int // settlement rows read
	Linked      int // linked to a GeoNames place (official name given)
	Added       int // added as katottg: places (no GeoNames place of that name)
	Ambiguous   int // several GeoNames places fit; left unlinked and not added
	Raions      int // raions (districts) read
}

// addRaion links a raion to the GeoNames ADM2 of the same code, or adds it:
// "Куп’янський" becomes Kupianskyi Raion, found by "Kupiansk district".
func (g *Gazetteer) addRaion(e KATOTTGEntry, adm1 string) {
	rc := raionCode(e)
	uk := e.Name + " район"
	name := Transliterate(e.Name, KMU2010) + " Raion"
	for _, p := range g.places {
		if p.FeatureCode == "ADM2" && p.Country == "UA" && p.Admin2Code == rc && rc != "" {
			// Official name and display: GeoNames calls some raions by
			// their old city council ("Kupianska Miskrada").
			p.Official, p.KATOTTG, p.Name = uk, e.Code, name
			if !contains(p.Names, uk) {
				p.Names = append(p.Names, uk)
				g.indexName(p, uk)
			}
			return
		}
	}
	g.add(&Place{
		ID: "katottg:" + e.Code, Name: name, Official: uk, KATOTTG: e.Code,
		Country: "UA", Admin1Code: adm1, Admin2Code: rc, FeatureCode: "ADM2",
		Names: []string{uk, name},
	})
}

// ReadKATOTTG reads the codifier CSV and links its settlements to the
// GeoNames places already loaded: same skeleton of the name, same oblast
// and, where GeoNames has it, same raion (GeoNames' admin2 code for
// Ukraine is the raion's KATOTTG code). A linked place gets the official
// Ukrainian name (and so its KMU 2010 display name: the 2024 renamings
// show); settlements GeoNames lacks become katottg: places without
// coordinates. Call it after the GeoNames files, then Finish.
func (g *Gazetteer) ReadKATOTTG(r io.Reader, file string) (KATOTTGStats, error) {
	var st KATOTTGStats
	oblast := map[string]string{} // level-1 code → GeoNames admin1 code
	err := eachLine(r, file, func(n int, line string) {
		if strings.TrimSpace(line) == "" {
			return
		}
		e, err := ParseKATOTTGLine(line)
		if errors.Is(err, errHeader) {
			return
		}
		if err != nil {
			g.addError(fmt.Errorf("%s:%d: %w", file, n, err))
			return
		}
		switch e.Category {
		case "O":
			if a := g.oblastByName(e.Name); a != nil {
				oblast[e.Levels[0]] = a.Admin1Code
			}
			return
		case "K":
			if a := g.oblastByName("місто " + e.Name); a != nil {
				oblast[e.Levels[0]] = a.Admin1Code
			}
		case "P":
			if adm1 := oblast[e.Levels[0]]; adm1 != "" {
				g.addRaion(e, adm1)
				st.Raions++
			}
			return
		}
		if !e.Settlement() {
			return
		}
		st.Settlements++
		adm1 := oblast[e.Levels[0]]
		if adm1 == "" {
			g.addError(fmt.Errorf("%s:%d: oblast %s of %s not known", file, n, e.Levels[0], e.Name))
			return
		}
		switch p, amb := g.katottgMatch(e, adm1); {
		case p != nil:
			p.Official = e.Name
			p.KATOTTG = e.Code
			if !contains(p.Names, e.Name) {
				p.Names = append(p.Names, e.Name)
				g.indexName(p, e.Name)
			}
			st.Linked++
		case amb:
			st.Ambiguous++
		default:
			code := "PPL"
			if e.Category == "M" || e.Category == "K" {
				code = "PPLA3" // cities: hromada seats as a rule
			}
			g.add(&Place{
				ID: "katottg:" + e.Code, Name: Transliterate(e.Name, KMU2010), Official: e.Name, KATOTTG: e.Code,
				Country: "UA", Admin1Code: adm1, Admin2Code: raionCode(e), FeatureCode: code,
				Names: []string{e.Name, Transliterate(e.Name, KMU2010)},
			})
			st.Added++
		}
	}, g.skipLine)
	return st, err
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// raionCode is GeoNames' form of the entry's raion: "6308".
func raionCode(e KATOTTGEntry) string {
	if len(e.Levels[1]) == 19 {
		return e.Levels[1][2:6]
	}
	return ""
}

// oblastByName finds a Ukrainian ADM1 by the codifier's name ("Харківська").
func (g *Gazetteer) oblastByName(name string) *Place {
	var found *Place
	visit := func(i int32) {
		if p := g.places[i]; p.FeatureCode == "ADM1" && p.Country == "UA" && found == nil {
			found = p
		}
	}
	sk := Skeleton(name)
	g.admin.get(sk, visit)
	if found == nil {
		g.skel.get(sk, visit)
	}
	return found
}

// katottgMatch finds the GeoNames populated place an entry names. amb is
// set when several fit and nothing tells them apart.
func (g *Gazetteer) katottgMatch(e KATOTTGEntry, adm1 string) (p *Place, amb bool) {
	var cands []*Place
	g.skel.get(Skeleton(e.Name), func(i int32) {
		q := g.places[i]
		if q.Country == "UA" && q.Admin1Code == adm1 && strings.HasPrefix(q.FeatureCode, "PPL") && q.KATOTTG == "" {
			cands = append(cands, q)
		}
	})
	if len(cands) > 1 {
		if rc := raionCode(e); rc != "" {
			var same []*Place
			for _, q := range cands {
				if q.Admin2Code == rc {
					same = append(same, q)
				}
			}
			if len(same) > 0 {
				cands = same
			}
		}
	}
	if len(cands) > 1 {
		// Sections, historical and abandoned places are no settlement of
		// the codifier when a living one of the name is there.
		var live []*Place
		for _, q := range cands {
			switch q.FeatureCode {
			case "PPLX", "PPLH", "PPLQ", "PPLW":
			default:
				live = append(live, q)
			}
		}
		if len(live) > 0 {
			cands = live
		}
	}
	switch len(cands) {
	case 0:
		return nil, false
	case 1:
		return cands[0], false
	}
	return nil, true
}
