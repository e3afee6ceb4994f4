package resolve

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
)

// placeCand is one gazetteer candidate for a mention.
type placeCand struct {
	p     *gazetteer.Place
	match float64 // how well the name matched (gazetteer score)
	how   string  // exact, folded, translit, stem, fuzzy, former-name, alias
	flags string  // the gazetteer's qualifiers after the comma ("common-word")
	query string
	name  string // the place's name the query met
	// inflected: met through the nominative of a several-word name's
	// words (nominatives), which says the words are a name's.
	inflected bool
	// spellsName: the name met is a spelling of the place's own name,
	// spellsQuery the query is (gazetteer.SpellsMainName; worked out once,
	// when the lookup is cached).
	spellsName, spellsQuery bool
}

// mainName reports a match with the place's own name (its display, source
// or official name), not one of the alternates GeoNames collects ("Island"
// is listed for Carville, Louisiana).
func mainName(c placeCand) bool {
	n := normWord(c.name)
	if n == "" {
		return false
	}
	for _, x := range []string{c.p.Name, c.p.Official, firstName(c.p)} {
		if x != "" && normWord(x) == n {
			return true
		}
	}
	return false
}

func firstName(p *gazetteer.Place) string {
	if len(p.Names) > 0 {
		return p.Names[0]
	}
	return ""
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
				// Кураховский is Курахово's (Ukrainian Курахове),
				// Запорожский Запорожье's, Бахмутский Бахмут's.
				queries = append(queries, base+suf, base+"ка", base+"о", base+"е", base+"ье", base)
				pool = true
				break
			}
		}
	}
	var out []placeCand
	if !pool {
		// One query: its candidates come from the shared cache as they are.
		out = d.r.placeCands(queries[0]).raw
	} else {
		seen := map[*gazetteer.Place]bool{}
		for _, q := range queries {
			for _, c := range d.r.placeCands(q).raw {
				if !seen[c.p] {
					seen[c.p] = true
					out = append(out, c)
				}
			}
		}
	}
	if !pool && !(len(out) == 0 || m.to-m.from >= 2 && bestMatch(out) < strongMatch) {
		return d.r.placeCands(queries[0]).capped
	}
	if !pool {
		out = slices.Clone(out) // changed below: not the cache's own
	}
	if len(out) == 0 || m.to-m.from >= 2 && bestMatch(out) < strongMatch {
		// "Великой Новоселке", "Южной Корее": the gazetteer meets a name's
		// last word in any case, not the words before it; try the name
		// word by word in the nominative. Each place keeps its best match
		// over the forms ("Великая Новоселке" is a typo of it, "Великая
		// Новоселка" it).
		at := map[string]int{}
		for i, c := range out {
			at[c.p.ID] = i
		}
		for _, q := range d.nominatives(m) {
			for _, c := range d.r.placeCands(q).raw {
				c.inflected = true
				if i, ok := at[c.p.ID]; ok {
					if c.match > out[i].match {
						out[i] = c
					}
					continue
				}
				at[c.p.ID] = len(out)
				out = append(out, c)
			}
		}
	}
	capTranslit(out)
	return out
}

// maxNominatives bounds the word-by-word nominatives tried for one name.
const maxNominatives = 24

// nominatives returns the nominative forms a several-word Cyrillic name
// may come from, word by word (data/lexicon.yaml nominative_endings): the
// words before the last as adjectives, the last as a noun.
func (d *doc) nominatives(m *ment) []string {
	n := m.to - m.from
	if n < 2 || n > maxLookupWords {
		return nil
	}
	lex := d.r.lex
	forms := make([][]string, n)
	for i := 0; i < n; i++ {
		t := d.tok(m, m.from+i)
		if !t.cyr || t.allCaps {
			return nil
		}
		forms[i] = []string{t.text}
		table := lex.nomAdj
		if i == n-1 {
			table = lex.nomNoun
		}
		// The longest ending that fits, so "ами" is not read as "и".
		best := ""
		for e := range table {
			if len(e) > len(best) && strings.HasSuffix(t.norm, e) && utf8.RuneCountInString(t.norm)-utf8.RuneCountInString(e) >= 3 {
				best = e
			}
		}
		if best == "" || !strings.HasSuffix(t.text, best) {
			continue
		}
		base := strings.TrimSuffix(t.text, best)
		for _, nom := range table[best] {
			forms[i] = append(forms[i], base+nom)
		}
	}
	out := []string{""}
	for i, fs := range forms {
		var next []string
		for _, o := range out {
			for _, f := range fs {
				if i > 0 {
					f = o + " " + f
				}
				next = append(next, f)
			}
		}
		out = next
		if len(out) > maxNominatives {
			out = out[:maxNominatives]
		}
	}
	return out[1:] // the first is the name as written, already looked up
}

// capTranslit: a Cyrillic word whose romanisation equals a Latin alternate
// name of one place (Покровска ~ "Pokrovska", a Russian village) while its
// stem meets another place's own Cyrillic name (Покровск) is no better
// evidence for the first: inflected forms are the rule in Russian and
// Ukrainian copy. Such transliterations score as stems, so context and
// size decide between them.
func capTranslit(cands []placeCand) {
	stem := 0.0
	for _, c := range cands {
		if c.how == "stem" && isCyrillicString(c.query) {
			stem = math.Max(stem, c.match)
		}
	}
	if stem == 0 {
		return
	}
	for i := range cands {
		if cands[i].how == "translit" && isCyrillicString(cands[i].query) {
			cands[i].match = math.Min(cands[i].match, stem)
		}
	}
}

func isCyrillicString(s string) bool {
	for _, r := range s {
		if isCyrillic(r) {
			return true
		}
	}
	return false
}

// lookupCacheMax bounds the resolver-wide lookup cache; names repeat across
// articles (the same towns, the same capitalised non-places), so most
// lookups after the first hundred articles are hits.
const lookupCacheMax = 200_000

// candList is the gazetteer's answer to one query as candidates, one per
// place; capped is the same after capTranslit (raw itself when that
// changes nothing). Both are shared by all Resolve calls: read only.
type candList struct {
	raw, capped []placeCand
}

// placeCands is gazetteer Lookup as candidates, behind a cache shared by
// all Resolve calls (safe for concurrent use).
func (r *Resolver) placeCands(q string) candList {
	r.cacheMu.RLock()
	cl, ok := r.cache[q]
	r.cacheMu.RUnlock()
	if ok {
		return cl
	}
	q = strings.Clone(q) // kept in the cache: must not point into an article's text
	seen := map[*gazetteer.Place]bool{}
	for _, x := range r.gaz.Lookup(q) {
		if x.Place == nil || seen[x.Place] {
			continue
		}
		seen[x.Place] = true
		// The gazetteer may qualify how a name met ("translit,common-word"):
		// the ranking reads the score, the rules here the base way.
		how, flags, _ := strings.Cut(x.How, ",")
		cl.raw = append(cl.raw, placeCand{p: x.Place, match: x.Score, how: how, flags: flags, query: q, name: x.Name,
			spellsName: gazetteer.SpellsMainName(x.Place, x.Name), spellsQuery: gazetteer.SpellsMainName(x.Place, q)})
	}
	cl.raw = slices.Clip(cl.raw)
	cl.capped = cl.raw
	if len(cl.raw) > 0 {
		capped := slices.Clone(cl.raw)
		capTranslit(capped)
		if !slices.Equal(capped, cl.raw) {
			cl.capped = capped
		}
	}
	r.cacheMu.Lock()
	if len(r.cache) >= lookupCacheMax {
		r.cache = map[string]candList{}
	}
	r.cache[q] = cl
	r.cacheMu.Unlock()
	return cl
}

// placeState is what resolvePlaces knows of the article's places, kept
// current as each place resolves, so that no mention rescans the others:
// the article's mentions of places (all, and by sentence), the resolved
// ones by entity, and the countries they lie in.
type placeState struct {
	list    []*ment                   // mentions of places, in document order
	bySent  map[[2]int][]*ment        // (field, sentence) → mentions of places
	byEnt   map[string][]*ment        // entity → its resolved mentions, in document order
	ents    []string                  // entities resolved, by their first mention
	dirty   bool                      // ents changed since all was made
	all     gazetteer.Context         // the context of the whole article (context(m, -1))
	local   map[*gazetteer.Place]bool // place → local(place, all), while all holds
	country map[string]bool           // ctxCountries
	info    map[string]*domain.Entity
}

// initPlaces starts the place state from the mentions of places found
// so far (the country is set later, see ctxCountries).
func (d *doc) initPlaces() {
	ps := &d.places
	ps.bySent, ps.byEnt = map[[2]int][]*ment{}, map[string][]*ment{}
	ps.info, ps.country = map[string]*domain.Entity{}, map[string]bool{}
	ps.dirty = true
	for _, m := range d.ms {
		if m.m.Kind == domain.KindPlace || m.pending == "place" {
			m.inPlaces = true
			ps.list = append(ps.list, m)
			k := [2]int{m.field, m.sent}
			ps.bySent[k] = append(ps.bySent[k], m)
		}
	}
	for _, m := range ps.list {
		d.notePlace(m)
	}
}

// notePlace records m, a mention of a place, once it is resolved.
func (d *doc) notePlace(m *ment) {
	ps := &d.places
	if !m.inPlaces || m.placeNoted || m.m.Kind != domain.KindPlace || m.m.Status != domain.StatusResolved {
		return
	}
	m.placeNoted = true
	id := m.m.EntityID
	l := ps.byEnt[id]
	i := sort.Search(len(l), func(i int) bool { return l[i].idx > m.idx })
	ps.byEnt[id] = slices.Insert(l, i, m)
	if i == 0 {
		// A new entity, or an earlier mention of one: the order changes.
		ps.dirty = true
		if len(l) == 0 {
			ps.ents = append(ps.ents, id)
		}
	}
	// A country named is no region: "Китай" in a Russian post does not
	// make every Chinese village a reading of its words.
	if e := d.placeInfo(id); e != nil && e.Country != "" && e.FeatureCode != "PCLI" {
		ps.country[e.Country] = true
	}
}

// context is what the article already says about where it is: the oblasts
// and places resolved so far (other than skip) and the outlet's country.
// With window ≥ 0 only places within that many sentences of skip count:
// the places next to a name are better evidence than the article's far end
// ("in Konstantinovka" after a paragraph on the Zaporizhzhia region).
// Places count once each, in the order of their first resolved mention.
func (d *doc) context(skip *ment, window int) gazetteer.Context {
	ps := &d.places
	if window < 0 && skip.m.Status != domain.StatusResolved {
		// The whole article's context changes only when a place is
		// resolved: it is made again then, not for each mention.
		if ps.dirty || ps.all.Country != d.country {
			sort.SliceStable(ps.ents, func(i, j int) bool { return ps.byEnt[ps.ents[i]][0].idx < ps.byEnt[ps.ents[j]][0].idx })
			ps.all = gazetteer.Context{Country: d.country}
			for _, id := range ps.ents {
				d.addContext(&ps.all, id)
			}
			ps.dirty = false
			ps.local = map[*gazetteer.Place]bool{}
		}
		return ps.all
	}
	c := gazetteer.Context{Country: d.country}
	seen := map[string]bool{}
	add := func(o *ment) {
		if o == skip || o.m.Kind != domain.KindPlace || o.m.Status != domain.StatusResolved || seen[o.m.EntityID] {
			return
		}
		seen[o.m.EntityID] = true
		d.addContext(&c, o.m.EntityID)
	}
	if window < 0 {
		for _, o := range ps.list {
			add(o)
		}
		return c
	}
	for s := skip.sent - window; s <= skip.sent+window; s++ {
		for _, o := range ps.bySent[[2]int{skip.field, s}] {
			add(o)
		}
	}
	return c
}

// addContext adds a resolved place to a context: its oblast, and the
// place itself unless it is a country or an oblast.
func (d *doc) addContext(c *gazetteer.Context, id string) {
	e := d.placeInfo(id)
	if e == nil || e.FeatureCode == "PCLI" {
		return
	}
	if e.Admin1ID != "" {
		c.Admin1 = append(c.Admin1, e.Admin1ID)
	}
	// Oblasts count by their ID only: their centroid is no evidence of
	// nearness.
	if p := d.r.gaz.Place(id); p != nil && !strings.HasPrefix(p.FeatureCode, "ADM") {
		c.Places = append(c.Places, p)
	}
}

// placeInfo is the entity of a place (built once per article).
func (d *doc) placeInfo(id string) *domain.Entity {
	if info := d.r.ents[id]; info != nil {
		return &info.ent
	}
	if e, ok := d.places.info[id]; ok {
		return e
	}
	e := d.r.placeEntity(id)
	if d.places.info != nil {
		d.places.info[id] = e
	}
	return e
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
	d.initPlaces()
	d.country = d.mainCountry()
	d.resolveGlosses()
	// Round 0 takes the clear cases, round 1 the rest, round 2 the names met
	// only by fuzzy matching (typos), which by then can lean on the rest.
	for round := 0; round < 3; round++ {
		for _, m := range d.ms {
			if m.pending != "place" {
				continue
			}
			cands, why := d.admissible(m)
			if len(cands) == 0 {
				if round < 2 {
					continue // the context later rounds add may admit one
				}
				d.rejectPlace(m, why)
				continue
			}
			fuzzy := true
			for _, c := range cands {
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
			ms := make([]gazetteer.Match, len(cands))
			for i, c := range cands {
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
				if i >= maxCandidates {
					break
				}
				m.m.Candidates = append(m.m.Candidates, domain.Candidate{EntityID: x.Place.ID, Name: x.Place.Name,
					Admin1: x.Place.Admin1, Score: round2(x.Score), Reasons: x.Reasons()})
			}
			q := cands[0].query
			for _, c := range cands {
				if c.p.ID == rk.Best.Place.ID {
					q = c.query
				}
			}
			if !rk.Ambiguous {
				conf := math.Min(0.95, 0.5*rk.Best.Score+0.5*math.Min(1, 0.5+margin*2))
				reasons := []string{fmt.Sprintf("gazetteer: %s matched %q (%s)", rk.Best.Place.Name, q, rk.Best.How)}
				if len(all) > 1 {
					reasons = append(reasons, fmt.Sprintf("ranked first of %d places: %s", len(all), strings.Join(rk.Best.Reasons(), "; ")))
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
	d.notePlace(m)
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
	for _, m := range d.places.list {
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
	// maxCandidates: a mention lists the place chosen and at most five
	// runners-up.
	maxCandidates = 6
)

func salient(rk gazetteer.Ranked) gazetteer.Ranked {
	all := append([]gazetteer.Scored{*rk.Best}, rk.RunnersUp...)
	bonus := make([]float64, len(all))
	for i := range all {
		if p := all[i].Place; p.Population > 1000 {
			bonus[i] = salienceWeight * math.Log10(float64(p.Population)/1000)
			all[i].Score += bonus[i]
		}
	}
	order := make([]int, len(all))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return all[order[i]].Score > all[order[j]].Score })
	sorted := make([]gazetteer.Scored, len(all))
	for k, i := range order {
		sorted[k] = all[i]
		if k < maxCandidates && bonus[i] > 0 { // the others are never shown
			sorted[k].Notes = append(slices.Clip(sorted[k].Notes), fmt.Sprintf("salience of a town of %d (+%.2f)", sorted[k].Place.Population, bonus[i]))
		}
	}
	all = sorted
	out := gazetteer.Ranked{Best: &all[0], RunnersUp: all[1:]}
	out.Ambiguous = len(all) > 1 && all[0].Score-all[1].Score < ambiguousBy
	return out
}

// sameAsEarlier resolves m to a place an earlier mention of the article
// already resolved to, when that place is among m's candidates: an article
// means one Kostiantynivka throughout, whether it spells it "Konstantinovka"
// or, by a typo, "Konstaninovka".
func (d *doc) sameAsEarlier(m *ment) bool {
	var hit *ment
	var place *gazetteer.Place
	for _, c := range m.placeMs {
		// The last mention of this place before m.
		l := d.places.byEnt[c.p.ID]
		i := sort.Search(len(l), func(i int) bool { return !before(l[i], m) })
		if i == 0 || c.p == place {
			continue
		}
		if hit != nil {
			return false // two different earlier places fit: let the ranking decide
		}
		hit, place = l[i-1], c.p
	}
	if hit == nil {
		return false
	}
	m.pending = ""
	d.setPlace(m, place, 0.85, fmt.Sprintf("same place as %s earlier in the article", quote(hit.m.Surface)))
	return true
}

// Evidence thresholds for names the gazetteer meets loosely or that name
// villages: bigPlace people make a city named in news anywhere; below
// villageSize a place needs the article's region to be the one meant.
const (
	bigPlace    = 100000
	villageSize = 5000
	nearbyKm    = 150.0
	// kmPerDegreeLat is a degree of latitude on gazetteer.Distance's sphere.
	kmPerDegreeLat = 6371.0 * math.Pi / 180
	// minFuzzyRunes: typos of shorter words meet too many places
	// (Рогов ~ Rih).
	minFuzzyRunes = 6
)

// ctxCountries are the countries the article's geography speaks for: the
// outlet's, its main country, those the language is written in, and those
// of the places it has resolved so far.
// The countries of the places are kept current by notePlace; the set is
// shared, not to be changed by the caller.
func (d *doc) ctxCountries() map[string]bool {
	set := d.places.country
	for _, c := range []string{d.country, d.outletC} {
		if c != "" {
			set[c] = true
		}
	}
	for _, c := range d.r.lex.langCountries[d.a.Language] {
		set[c] = true
	}
	return set
}

// local reports whether the article's other places speak for p: it lies
// in an oblast the article names or near a place it names.
func local(p *gazetteer.Place, ctx gazetteer.Context) bool {
	for _, a := range ctx.Admin1 {
		if a != "" && (a == p.Admin1ID || a == p.ID) {
			return true
		}
	}
	for _, o := range ctx.Places {
		if o == nil || o.ID == p.ID || o.Lat == 0 && o.Lon == 0 || p.Lat == 0 && p.Lon == 0 {
			continue
		}
		if o.Admin1ID != "" && o.Admin1ID == p.Admin1ID {
			return true
		}
		// A degree of latitude is 111 km anywhere: places further apart
		// north to south are not near, whatever their longitudes.
		if math.Abs(p.Lat-o.Lat)*kmPerDegreeLat < nearbyKm && gazetteer.Distance(p.Lat, p.Lon, o.Lat, o.Lon) < nearbyKm {
			return true
		}
	}
	return false
}

func big(p *gazetteer.Place) bool {
	switch p.FeatureCode {
	case "PPLC", "PCLI", "ADM1":
		return true
	}
	return p.Population >= bigPlace
}

// ownName: the name as written (folded) is one of the place's names, as
// opposed to a transliteration, a stem or a typo of one.
func ownName(c placeCand) bool {
	switch c.how {
	case "exact", "folded", "alias":
		return true
	case "former-name":
		return c.match >= exactMatch
	}
	return false
}

// admissible returns the candidates of m the article's geography allows,
// or none and why. A name met only loosely (a transliteration, a stem, a
// typo) must lie in a country the article speaks for or near its places —
// "Далее" is no Ethiopian town, "Jahren" no Chinese city; a typo needs the
// article's own region (Орешник is no Zakarpattian village). A village needs
// the article's main country or region. Words that are weak evidence on
// their own (common words, short words, adjectives, another script) need
// the region, or a big place named exactly. A former name loses to a place
// bearing the name today in the article's countries (Pokrovsk, not Engels).
func (d *doc) admissible(m *ment) ([]placeCand, string) {
	countries := d.ctxCountries()
	ctx := d.context(m, -1)
	isLocal := func(p *gazetteer.Place) bool { return local(p, ctx) }
	if m.m.Status != domain.StatusResolved {
		// The same names come back all through a long article: whether
		// a place is local is kept until the article's context changes.
		isLocal = func(p *gazetteer.Place) bool {
			l, ok := d.places.local[p]
			if !ok {
				l = local(p, ctx)
				d.places.local[p] = l
			}
			return l
		}
	}
	single := m.to-m.from == 1
	current := false
	for _, c := range m.placeMs {
		if c.how != "former-name" && countries[c.p.Country] {
			current = true
		}
	}
	var out []placeCand
	why := ""
	reject := func(c placeCand, reason string) {
		if why == "" {
			why = fmt.Sprintf("the gazetteer's %s (%s, %s match) is %s", c.p.Name, c.p.Country, c.how, reason)
		}
	}
	for _, c := range m.placeMs {
		loc := isLocal(c.p)
		inC := countries[c.p.Country]
		switch {
		case weak(m, c) != "" && !(loc && (ownName(c) || c.how == "stem")) &&
			!(ownName(c) && big(c.p) && (inC || c.p.FeatureCode == "PPLC" || c.p.FeatureCode == "PCLI")):
			reject(c, "named by "+weak(m, c)+", and not in the article's region")
			continue
		case c.p.Population < smallTown && !mainName(c) && borneByOther(m.placeMs, c, d.r.lex.langCountries["ru"]):
			reject(c, "met by one of its other names, which another place bears as its own")
			continue
		case loc:
		case c.how == "fuzzy" && utf8.RuneCountInString(c.query) < minFuzzyRunes:
			reject(c, "only a near spelling of a short word")
			continue
		case c.how == "fuzzy" && !(inC && big(c.p) && m.weakWhy == "" && !m.weak):
			reject(c, "only a near spelling, far from the places the article names")
			continue
		case single && c.how == "stem" && c.p.Population < villageSize && !strings.HasPrefix(c.p.FeatureCode, "ADM"):
			reject(c, "a village met only through a stem, and not in the article's region")
			continue
		case !ownName(c) && !inC && !((c.how == "stem" || c.how == "translit" && !single) && big(c.p)):
			reject(c, "only a transliteration or stem, outside the countries the article is about")
			continue
		case ownName(c) && !inC && !big(c.p):
			reject(c, "a small place outside the countries the article is about")
			continue
		case c.how == "former-name" && current:
			reject(c, "a former name, and a place in the article's countries bears it today")
			continue
		case single && c.p.Population < villageSize && !strings.HasPrefix(c.p.FeatureCode, "ADM") && c.p.Country != d.country:
			reject(c, "a village outside the article's main country and region")
			continue
		case single && c.p.Population < villageSize && !strings.HasPrefix(c.p.FeatureCode, "ADM") && !mainName(c):
			reject(c, "a village met only through one of its alternate names, and not in the article's region")
			continue
		}
		out = append(out, c)
	}
	return out, why
}

// smallTown: places below this size are the ones whose old names GeoNames
// lists among their own without saying so (borneByOther).
const smallTown = 20000

// borneByOther: a small place (of fewer than smallTown people) met through a name that is no spelling of its
// own (GeoNames lists Ukrainsk's old name Lisovka among its names) while
// another candidate bears that name as its own (the village Lysivka, in
// Russian Лысовка): the name is the other place's today, as with a former
// name in data/former_names.tsv. Only in the countries Russian is written
// in, whose towns were renamed by the thousand and keep their old names in
// GeoNames; elsewhere an alternate is as often a namesake's (Merkel).
func borneByOther(cands []placeCand, c placeCand, renamed []string) bool {
	if c.name == "" || c.spellsName || c.how == "former-name" || c.how == "alias" || !slices.Contains(renamed, c.p.Country) {
		return false // curated renamings have their own rule
	}
	for _, o := range cands {
		if o.p != c.p && o.spellsQuery && o.p.Country == c.p.Country && (ownName(o) || o.how == "translit") {
			return true
		}
	}
	return false
}

// weak says why the words are weak evidence for c: the resolver's reason
// (weakName) or the gazetteer's flag.
func weak(m *ment, c placeCand) string {
	switch {
	case m.weakWhy != "":
		return m.weakWhy
	case strings.Contains(c.flags, "common-word"):
		return "a common word (the gazetteer's frequency lists)"
	}
	return ""
}

// rejectPlace settles a run none of whose places the article allows: a
// weak one (a sentence's first word, a common word) is no name at all; a
// capitalised name stays an unresolved mention with the reason.
func (d *doc) rejectPlace(m *ment, why string) {
	m.pending = ""
	if m.weak || m.weakWhy != "" {
		m.pending = "drop"
		return
	}
	m.m.Status = domain.StatusUnresolved
	m.m.Candidates = nil
	if why != "" {
		m.m.Reasons = append(m.m.Reasons, "not resolved: "+why)
	}
}
