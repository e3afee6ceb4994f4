package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// item is one claim with what grouping needs.
type item struct {
	claim  domain.Claim
	art    *domain.Article
	column string
	pos    int // input order of the article, then of the claim
	seq    int
	places []string // place entity IDs
	// names are the folded names of the claim's places ("name:kurahov"):
	// unresolved is those with no entity ID, resolved those with one.
	unresolved, resolved []string
	ents                 map[string]bool
	when                 *domain.Timestamp
	// whenFrom is "text" when the claim gave its time, "published" when
	// the article's publication date stands in for it.
	whenFrom string
}

// claims lists the claims of every article that keep passes, in input order.
func (in *input) claims(keep func(domain.Claim) bool) []*item {
	var items []*item
	for _, a := range in.arts {
		an := in.ans[a.ID]
		for i, c := range claimsOf(an) {
			if !keep(c) {
				continue
			}
			it := &item{claim: c, art: a, column: in.colOf[a.ID], pos: in.order[a.ID], seq: i}
			it.places = placeIDs(c)
			it.unresolved, it.resolved = placeNameKeys(c)
			it.ents = entitySet(c)
			switch {
			case c.Time != nil:
				ts := c.Time.Timestamp
				it.when, it.whenFrom = &ts, "text"
			case a.Published != nil:
				ts := domain.Timestamp{Time: a.Published.Time.UTC(), Precision: domain.PrecisionDate}
				ts.Time = time.Date(ts.Time.Year(), ts.Time.Month(), ts.Time.Day(), 0, 0, 0, 0, time.UTC)
				it.when, it.whenFrom = &ts, "published"
			}
			items = append(items, it)
		}
	}
	return items
}

// placeIDs is the claim's place entities, or the place in its proposition
// key ("control|<place>|<status>|<side>") when Places is empty.
func placeIDs(c domain.Claim) []string {
	var ids []string
	for _, p := range c.Places {
		if p.EntityID != "" {
			ids = append(ids, p.EntityID)
		}
	}
	if len(ids) == 0 && c.Kind == domain.ClaimControl {
		if seg := strings.Split(c.Proposition, "|"); len(seg) > 1 && strings.Contains(seg[1], ":") {
			ids = append(ids, seg[1])
		}
	}
	return ids
}

// group joins items that say the same thing (union-find over pairs that
// share a blocking key, so unrelated claims are never compared).
func (in *input) group(items []*item) []Group {
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	buckets := map[string][]int{}
	for i, it := range items {
		for _, k := range blockKeys(it) {
			buckets[k] = append(buckets[k], i)
		}
	}
	keys := make([]string, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b := buckets[k]
		for x := 0; x < len(b); x++ {
			for y := x + 1; y < len(b); y++ {
				i, j := b[x], b[y]
				if find(i) == find(j) {
					continue
				}
				if same(items[i], items[j]) {
					parent[find(j)] = find(i)
				}
			}
		}
	}
	members := map[int][]*item{}
	var roots []int
	for i := range items {
		r := find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], items[i])
	}
	colRank := map[string]int{}
	for i, c := range in.columns {
		colRank[c.Key] = i
	}
	var groups []Group
	for _, r := range roots {
		groups = append(groups, in.makeGroup(members[r], colRank))
	}
	// Most widely carried first; then control before events, statements,
	// facts; then where the claim first appears.
	sort.SliceStable(groups, func(i, j int) bool {
		if len(groups[i].Columns) != len(groups[j].Columns) {
			return len(groups[i].Columns) > len(groups[j].Columns)
		}
		return kindRank(groups[i].Kind) < kindRank(groups[j].Kind)
	})
	for i := range groups {
		groups[i].ID = fmt.Sprintf("g%d", i+1)
	}
	return groups
}

func blockKeys(it *item) []string {
	c := it.claim
	var keys []string
	if c.Proposition != "" {
		keys = append(keys, "p:"+c.Proposition)
	}
	if c.Kind == domain.ClaimControl {
		for _, p := range it.places {
			keys = append(keys, "c:"+p)
		}
		for _, p := range append(append([]string{}, it.unresolved...), it.resolved...) {
			keys = append(keys, "c:"+p)
		}
		return keys
	}
	if pred := predicate(c.Proposition); pred != "" {
		if c.Kind == domain.ClaimEvent {
			keys = append(keys, "v:"+pred)
		}
		for _, r := range append(append([]domain.Ref{}, c.Actors...), c.Places...) {
			if r.EntityID != "" {
				keys = append(keys, "e:"+string(c.Kind)+"|"+pred+"|"+r.EntityID)
			}
		}
	}
	if c.Proposition == "" {
		if n := normText(c.Text); n != "" {
			keys = append(keys, "t:"+string(c.Kind)+"|"+n)
		}
	}
	return keys
}

// predicate is the second segment of a proposition key ("event|visit|…"),
// the verb-like part two differently worded propositions must share.
func predicate(prop string) string {
	seg := strings.Split(prop, "|")
	if len(seg) < 2 {
		return ""
	}
	return seg[1]
}

// same decides whether two claims say the same thing.
func same(a, b *item) bool {
	ca, cb := a.claim, b.claim
	if ca.Kind != cb.Kind {
		return false
	}
	if !timesCompatible(a.when, b.when) {
		return false
	}
	if ca.Kind == domain.ClaimControl {
		return sameControl(a, b)
	}
	if !quantitiesCompatible(ca.Quantities, cb.Quantities) {
		return false
	}
	if ca.Proposition != "" && cb.Proposition != "" && predicate(ca.Proposition) != predicate(cb.Proposition) {
		return false
	}
	// The same wording word for word (a syndicated copy) is the same claim.
	if na := normText(ca.Text); len(strings.Fields(na)) >= minCopyWords && na == normText(cb.Text) {
		return true
	}
	// Otherwise the content must match, never a key alone: an empty key
	// ("statement|unresolved|") says nothing about what was said.
	return contentMatches(a, b)
}

// minCopyWords is the shortest claim text that, repeated word for word,
// is taken for the same claim without resolved entities.
const minCopyWords = 6

// contentMatches: two non-control claims share resolved people or places
// and say the same about them. In one language the folded content words
// or the numbers must overlap; across languages words cannot be compared,
// so only the entities, the numbers and a date the text gives count.
func contentMatches(a, b *item) bool {
	ca, cb := a.claim, b.claim
	ea, eb := a.ents, b.ents
	shared := 0
	for k := range ea {
		if eb[k] {
			shared++
		}
	}
	if shared == 0 {
		return false
	}
	// An event (a visit, a strike) on the same day: one report names more
	// of the people present than another, so containment decides; other
	// claims need mostly the same people and places.
	if ca.Kind == domain.ClaimEvent && a.when != nil && b.when != nil {
		if containment(ea, eb) < 0.5 {
			return false
		}
	} else if jaccard(ea, eb) < 0.5 {
		return false
	}
	nums := sharedNumbers(ca.Quantities, cb.Quantities)
	if !sameLanguage(a.art, b.art) {
		dated := a.whenFrom == "text" && b.whenFrom == "text" && a.when != nil && b.when != nil && a.when.String() == b.when.String()
		return nums || dated && ca.Kind == domain.ClaimEvent
	}
	return nums || wordOverlap(contentStems(ca.Text), contentStems(cb.Text)) >= minWordOverlap
}

// minWordOverlap is the share of the shorter claim's content stems the
// other must contain.
const minWordOverlap = 0.4

func sameLanguage(a, b *domain.Article) bool {
	la, lb := strings.ToLower(a.Language), strings.ToLower(b.Language)
	return la == "" || lb == "" || la == lb
}

// sharedNumbers: some figure counting the same thing in the same unit is
// in both claims.
func sharedNumbers(a, b []domain.Quantity) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Unit == y.Unit && x.Of == y.Of && spanOf(x.Value, x.Qualifier).meets(spanOf(y.Value, y.Qualifier)) {
				return true
			}
		}
	}
	return false
}

// stemLen folds inflection crudely but across en/ru/uk alike: words are
// compared on their first runes ("captured"/"capture", "posts"/"post",
// "оборону"/"оборони").
const stemLen = 5

// contentStems is the set of folded content words of a text: letters and
// digits, words under four runes (articles, prepositions, most function
// words in all three languages) and stop words left out.
func contentStems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(normText(s)) {
		r := []rune(w)
		if len(r) < 4 || kb().stopWords[w] {
			continue
		}
		if len(r) > stemLen {
			r = r[:stemLen]
		}
		out[string(r)] = true
	}
	return out
}

// wordOverlap is the share of the smaller set found in the larger.
func wordOverlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return containment(a, b)
}

// placeNameKeys folds the names of a claim's places (claims.FoldName), so
// a town one report's resolver left unresolved ("Курахово") meets the same
// town resolved in another ("Kurakhove").
func placeNameKeys(c domain.Claim) (unresolved, resolved []string) {
	for _, p := range c.Places {
		for _, n := range []string{p.Name, p.Surface} {
			f := claims.FoldName(n)
			if f == "" {
				continue
			}
			if p.EntityID == "" {
				unresolved = appendNew(unresolved, "name:"+f)
			} else {
				resolved = appendNew(resolved, "name:"+f)
			}
		}
	}
	return unresolved, resolved
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// placesMeet: the claims share a place entity, or one names by its words a
// place the other names by its words or resolved. Two resolved places never
// meet by name alone (two villages called Ivanivka are two places).
func placesMeet(a, b *item) bool {
	if overlap(a.places, b.places) {
		return true
	}
	return overlap(a.unresolved, b.unresolved) || overlap(a.unresolved, b.resolved) || overlap(a.resolved, b.unresolved)
}

func sameControl(a, b *item) bool {
	if !placesMeet(a, b) {
		return false
	}
	xa, xb := a.claim.Control, b.claim.Control
	if xa == nil || xb == nil {
		return a.claim.Proposition != "" && a.claim.Proposition == b.claim.Proposition
	}
	if statusClass(xa.Status) != statusClass(xb.Status) {
		return false
	}
	if xa.Side != "" && xb.Side != "" && !strings.EqualFold(xa.Side, xb.Side) {
		return false
	}
	if !sharesCompatible(a.claim, b.claim) {
		return false
	}
	return xa.Settlements == 0 || xb.Settlements == 0 || xa.Settlements == xb.Settlements
}

// interval is the span of time a timestamp covers at its precision.
func interval(t *domain.Timestamp) (time.Time, time.Time) {
	s := t.Time.UTC()
	switch t.Precision {
	case domain.PrecisionYear:
		s = time.Date(s.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(1, 0, 0)
	case domain.PrecisionMonth:
		s = time.Date(s.Year(), s.Month(), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 1, 0)
	default:
		s = time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 0, 1)
	}
}

// dateSlack lets reports a day apart meet: an evening claim is in the next
// morning's paper, and time zones move dates by one.
const dateSlack = 24 * time.Hour

func timesCompatible(a, b *domain.Timestamp) bool {
	if a == nil || b == nil {
		return true
	}
	as, ae := interval(a)
	bs, be := interval(b)
	return as.Before(be.Add(dateSlack)) && bs.Before(ae.Add(dateSlack))
}

// span is the range of values a quantity allows.
type span struct{ lo, hi float64 }

// quantityTolerance is how far two exact figures may differ and still be
// one figure (rounding: "70%" vs "0.7", "55,000" vs "about 55,000").
const quantityTolerance = 0.02

func spanOf(v float64, qualifier string) span {
	switch qualifier {
	case "more_than":
		return span{v * (1 - quantityTolerance), math.Inf(1)}
	case "less_than", "up_to":
		return span{math.Inf(-1), v * (1 + quantityTolerance)}
	case "about":
		return span{v * 0.9, v * 1.1}
	default:
		return span{v * (1 - quantityTolerance), v * (1 + quantityTolerance)}
	}
}

func (s span) meets(o span) bool { return s.lo <= o.hi && o.lo <= s.hi }

// shareSpan is the share a control claim states: the whole place when no
// share is given, else its fraction with the qualifier of the matching quantity.
func shareSpan(c domain.Claim) span {
	if c.Control == nil || c.Control.Share == 0 {
		return span{1, 1}
	}
	q := "exact"
	for _, x := range c.Quantities {
		if x.Unit == "fraction" && math.Abs(x.Value-c.Control.Share) < 1e-9 {
			q = x.Qualifier
		}
	}
	return spanOf(c.Control.Share, q)
}

func sharesCompatible(a, b domain.Claim) bool { return shareSpan(a).meets(shareSpan(b)) }

// quantitiesCompatible: every pair of quantities counting the same thing
// in the same unit must agree.
func quantitiesCompatible(a, b []domain.Quantity) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Unit != y.Unit || x.Of != y.Of {
				continue
			}
			if !spanOf(x.Value, x.Qualifier).meets(spanOf(y.Value, y.Qualifier)) {
				return false
			}
		}
	}
	return true
}

func entitySet(c domain.Claim) map[string]bool {
	s := map[string]bool{}
	for _, r := range append(append([]domain.Ref{}, c.Actors...), c.Places...) {
		if r.EntityID != "" {
			s[r.EntityID] = true
		}
	}
	return s
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// containment is the share of the smaller set found in the larger.
func containment(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// normText folds a claim text for the last-resort exact comparison.
func normText(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func (in *input) makeGroup(items []*item, colRank map[string]int) Group {
	sort.SliceStable(items, func(i, j int) bool {
		if colRank[items[i].column] != colRank[items[j].column] {
			return colRank[items[i].column] < colRank[items[j].column]
		}
		if items[i].pos != items[j].pos {
			return items[i].pos < items[j].pos
		}
		return items[i].seq < items[j].seq
	})
	first := items[0].claim
	g := Group{Kind: first.Kind, Proposition: first.Proposition, Control: first.Control}
	seenCol := map[string]bool{}
	seenPlace := map[string]bool{}
	for _, it := range items {
		if !seenCol[it.column] {
			seenCol[it.column] = true
			g.Columns = append(g.Columns, it.column)
		}
		g.quantities = append(g.quantities, it.claim.Quantities...)
		for _, id := range it.places {
			if !containsFold(g.placeIDs, id) {
				g.placeIDs = append(g.placeIDs, id)
			}
		}
		for _, p := range it.claim.Places {
			k := p.EntityID
			if k == "" {
				k = "name:" + p.Name
			}
			if !seenPlace[k] {
				seenPlace[k] = true
				g.Places = append(g.Places, p)
			}
		}
		if it.claim.Control != nil && it.claim.Control.Status != "" && !containsFold(g.statusWords, it.claim.Control.Status) {
			g.statusWords = append(g.statusWords, it.claim.Control.Status)
		}
		if it.whenFrom == "text" {
			g.textDated = true
		}
		if g.Time == nil && it.whenFrom == "text" {
			ts := it.when
			g.Time = ts
		}
		// a member that names the side describes the group better than
		// one that does not ("Kurakhove captured, ministry says")
		if x := it.claim.Control; x != nil && (g.Control == nil || g.Control.Side == "" && x.Side != "" && statusClass(x.Status) == statusClass(g.Control.Status)) {
			g.Control = x
		}
		g.Carriers = append(g.Carriers, in.carrier(it))
	}
	if g.Time == nil && items[0].when != nil {
		g.Time = items[0].when
	}
	g.Summary = summary(g, first)
	return g
}

func (in *input) carrier(it *item) Carrier {
	c := it.claim
	name := it.column
	for _, col := range in.columns {
		if col.Key == it.column {
			name = col.Outlet
		}
	}
	return Carrier{
		Column: it.column, Outlet: name, ClaimID: c.ID,
		Stance: c.Stance, Stances: c.Stances, Cues: c.Cues,
		Voice: c.Voice, Speaker: speaker(c.Voice), Text: c.Text,
		Ref: Ref{ArticleID: it.art.ID, Field: c.Field, Start: c.Start, End: c.End, Sentence: c.Sentence},
	}
}

// speaker names a voice for display.
func speaker(v domain.Voice) string {
	var s string
	switch {
	case v.Kind == domain.VoiceOutlet || v.Kind == "":
		s = "the outlet"
	case v.Name != "":
		s = v.Name
	case v.Description != "":
		s = v.Description
	default:
		s = "unnamed"
	}
	if len(v.Via) > 0 {
		s += " via " + speaker(v.Via[0])
	}
	return s
}

// summary is a neutral one-line statement of the group: for control
// claims the status class, not the outlet's verb (the verb is framing).
func summary(g Group, first domain.Claim) string {
	if g.Kind == domain.ClaimControl && g.Control != nil {
		var b strings.Builder
		b.WriteString(placeNames(g.Places, first))
		b.WriteString(": ")
		b.WriteString(controlPhrase(g.Control))
		if g.Time != nil {
			b.WriteString(" · " + g.Time.String())
			if g.Time.Inferred {
				b.WriteString(" (inferred)")
			}
		}
		return b.String()
	}
	t := strings.TrimSpace(first.Text)
	if t == "" {
		t = strings.TrimSpace(first.Sentence)
	}
	return t
}

func placeNames(places []domain.Ref, c domain.Claim) string {
	var names []string
	// Resolved places only, when there are any: unresolved refs are
	// often words a name-finder took for places ("Key City").
	resolved := places[:0:0]
	for _, p := range places {
		if p.EntityID != "" {
			resolved = append(resolved, p)
		}
	}
	if len(resolved) > 0 {
		places = resolved
	}
	for _, p := range places {
		n := p.Name
		if n == "" {
			n = p.Surface
		}
		if n != "" && !containsFold(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		if ids := placeIDs(c); len(ids) > 0 {
			return strings.TrimPrefix(ids[0], "name:")
		}
		return "?"
	}
	return strings.Join(names, ", ")
}

// controlPhrase words a control claim neutrally: "taken by RU, 70%".
func controlPhrase(x *domain.Control) string {
	class := statusClass(x.Status)
	var s string
	switch class {
	case "taken":
		s = "taken"
		if strings.EqualFold(x.Status, "retaken") {
			s = "retaken"
		}
	default:
		s = class
	}
	if x.Side != "" {
		switch class {
		case "taken", "encircled":
			s += " by " + x.Side
		case "advancing":
			s = x.Side + " advancing"
		case "repelled", "contested":
			s += " (" + x.Side + ")"
		}
	}
	if x.Share > 0 {
		s += fmt.Sprintf(", %s of it", percent(x.Share))
	}
	if x.Settlements > 0 {
		s += fmt.Sprintf(", %d settlements", x.Settlements)
	}
	return s
}

func percent(f float64) string {
	p := f * 100
	if math.Abs(p-math.Round(p)) < 0.05 {
		return fmt.Sprintf("%.0f%%", p)
	}
	return fmt.Sprintf("%.1f%%", p)
}

func kindRank(k domain.ClaimKind) int {
	switch k {
	case domain.ClaimControl:
		return 0
	case domain.ClaimEvent:
		return 1
	case domain.ClaimStatement:
		return 2
	case domain.ClaimFact:
		return 3
	}
	return 4
}

func stanceRank(s domain.Stance) int {
	switch s {
	case domain.StanceAsserted:
		return 0
	case domain.StanceAttributed:
		return 1
	case domain.StanceQuoted:
		return 2
	case domain.StanceHedged:
		return 3
	case domain.StanceDisputed:
		return 4
	}
	return 5
}

// disputeOf: a group some outlet disputes — only disputes, or carries
// while reporting a denial — while another outlet carries it.
func disputeOf(g Group) (Conflict, bool) {
	// per carrier, by its own stance: a denial ("Kyiv denied this") is
	// attributed and disputed, and must not count as carrying the claim
	var disputers, carriers []string
	only := false
	for _, col := range g.Columns {
		denies, carries := false, false
		for _, c := range g.CarriersIn(col) {
			if isDenier(c) {
				denies = true
			} else {
				carries = true
			}
			if c.Stance == domain.StanceDisputed || containsStance(c.Stances, domain.StanceDisputed) {
				denies = true // carried, with doubt or a denial reported
			}
		}
		if denies {
			disputers = append(disputers, col)
		}
		if carries {
			carriers = append(carriers, col)
		}
		only = only || denies && !carries
	}
	if len(disputers) == 0 || len(carriers) == 0 || (len(g.Columns) < 2) {
		return Conflict{}, false
	}
	names := func(cols []string) string {
		var out []string
		for _, col := range cols {
			if cs := g.CarriersIn(col); len(cs) > 0 && cs[0].Outlet != "" {
				col = cs[0].Outlet
			}
			out = append(out, col)
		}
		return strings.Join(out, ", ")
	}
	return Conflict{
		Kind:         "disputed",
		Subject:      g.Summary,
		Why:          fmt.Sprintf("carried by %s; doubt or denial reported by %s", names(carriers), names(disputers)),
		Positions:    []Group{g},
		onlyDisputed: only,
	}, true
}

// isDenier: the carrier is a denial of the claim ("ЗСУ спростовують заяви
// Росії", "Kyiv denied this"), not the claim carried with doubt reported:
// it is disputed and its first cue, the voice's own verb, is a denial (or
// it has no cue at all).
func isDenier(c Carrier) bool {
	return c.Stance == domain.StanceDisputed && (len(c.Cues) == 0 || hasDisputeCue(c.Cues[0]))
}

// withoutDeniers is the group as its carriers report it: the carriers
// that dispute the claim and the columns left with none are dropped (they
// are shown under the conflict, not as carrying what they deny).
func withoutDeniers(g Group) Group {
	return keepCarriers(g, func(c Carrier) bool { return !isDenier(c) })
}

// disputing is the part of a group that reports doubt about it or a
// denial of it. Where the rest of the group is shown under AGREED, the
// conflict shows this part, so the doubt it names is quoted there.
func disputing(g Group) Group {
	return keepCarriers(g, func(c Carrier) bool {
		return c.Stance == domain.StanceDisputed || containsStance(c.Stances, domain.StanceDisputed)
	})
}

// keepCarriers is g with only the carriers keep accepts, and the columns
// they fill, in g's column order.
func keepCarriers(g Group, keep func(Carrier) bool) Group {
	var cs []Carrier
	var cols []string
	for _, c := range g.Carriers {
		if !keep(c) {
			continue
		}
		cs = append(cs, c)
		if !containsFold(cols, c.Column) {
			cols = append(cols, c.Column)
		}
	}
	out := g
	out.Carriers = cs
	out.Columns = nil
	for _, col := range g.Columns {
		if containsFold(cols, col) {
			out.Columns = append(out.Columns, col)
		}
	}
	return out
}

// attributionOf: a group credited to different named speakers by
// different outlets. The outlet's own voice is not a speaker.
func attributionOf(g Group) (Attribution, bool) {
	var per []ColumnSpeaker
	distinct := map[string]bool{}
	for _, col := range g.Columns {
		var names []string
		for _, c := range g.CarriersIn(col) {
			// the outlet's own voice is no speaker; one who denies the
			// claim is not who it is credited to
			if c.Voice.Kind == domain.VoiceOutlet || c.Voice.Kind == "" || isDenier(c) {
				continue
			}
			k := voiceKey(c.Voice)
			if !containsFold(names, c.Speaker) {
				names = append(names, c.Speaker)
			}
			distinct[k] = true
		}
		per = append(per, ColumnSpeaker{Column: col, Speakers: names})
	}
	withSpeaker := 0
	for _, p := range per {
		if len(p.Speakers) > 0 {
			withSpeaker++
		}
	}
	if withSpeaker < 2 || len(distinct) < 2 {
		return Attribution{}, false
	}
	// Differently credited only when some two outlets share no speaker.
	for i := range per {
		for j := i + 1; j < len(per); j++ {
			if len(per[i].Speakers) > 0 && len(per[j].Speakers) > 0 && !sharesSpeaker(g, per[i].Column, per[j].Column) {
				return Attribution{Group: g, Speakers: per}, true
			}
		}
	}
	return Attribution{}, false
}

func sharesSpeaker(g Group, a, b string) bool {
	for _, x := range g.CarriersIn(a) {
		if x.Voice.Kind == domain.VoiceOutlet || x.Voice.Kind == "" || isDenier(x) {
			continue
		}
		for _, y := range g.CarriersIn(b) {
			if y.Voice.Kind != domain.VoiceOutlet && y.Voice.Kind != "" && voicesMatch(x.Voice, y.Voice) {
				return true
			}
		}
	}
	return false
}

// voicesMatch: the same entity, or names where every word of the shorter
// begins a word of the longer ("the ministry" and "Russian Ministry of
// Defence", "Russia" and "Russian army") — one party named more or less
// fully, which is not a different attribution.
func voicesMatch(a, b domain.Voice) bool {
	if a.EntityID != "" && a.EntityID == b.EntityID {
		return true
	}
	// Names only: a description ("Russian Armed Forces Chief of General
	// Staff") carries affiliation words that would match the party itself.
	wa, wb := nameWords(voiceName(a)), nameWords(voiceName(b))
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		found := false
		for _, v := range wb {
			found = found || strings.HasPrefix(v, w)
		}
		if !found {
			return false
		}
	}
	return true
}

func voiceName(v domain.Voice) string {
	if v.Name != "" {
		return v.Name
	}
	return v.Description
}

// nameWords folds a name to its content words.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(normText(s)) {
		switch w {
		case "the", "of", "a", "an":
			continue
		}
		out = append(out, w)
	}
	return out
}

func voiceKey(v domain.Voice) string {
	if v.EntityID != "" {
		return v.EntityID
	}
	if v.Name != "" {
		return "name:" + strings.ToLower(v.Name)
	}
	return v.Kind + ":" + strings.ToLower(v.Description)
}

// conflicts finds pairs of groups that cannot both hold: control claims on
// one place at one time with conflicting statuses or shares, and claims of
// one proposition with incompatible numbers.
func conflicts(groups []Group) []Conflict {
	// Only groups about the same place (control) or with the same
	// proposition (others) can conflict: bucket them, compare within.
	buckets := map[string][]int{}
	var keys []string
	add := func(k string, i int) {
		if _, ok := buckets[k]; !ok {
			keys = append(keys, k)
		}
		buckets[k] = append(buckets[k], i)
	}
	for i, g := range groups {
		if g.Kind == domain.ClaimControl {
			for _, p := range g.placeIDs {
				add("c:"+p, i)
			}
		} else if g.Proposition != "" {
			add("p:"+g.Proposition, i)
		}
		if fam := eventFamily(predicate(g.Proposition)); g.Kind == domain.ClaimEvent && fam != "" && len(g.quantities) > 0 {
			add("f:"+fam, i)
		}
	}
	seen := map[[2]int]bool{}
	var out []Conflict
	for _, k := range keys {
		b := buckets[k]
		for x := 0; x < len(b); x++ {
			for y := x + 1; y < len(b); y++ {
				i, j := b[x], b[y]
				if seen[[2]int{i, j}] {
					continue
				}
				seen[[2]int{i, j}] = true
				a, c := groups[i], groups[j]
				if a.Kind != c.Kind || !timesCompatible(a.Time, c.Time) {
					continue
				}
				if a.Kind == domain.ClaimControl {
					if cf, ok := controlConflict(a, c); ok {
						out = append(out, cf)
					}
					continue
				}
				if a.Proposition != c.Proposition && !sameTollEvent(a, c) {
					continue
				}
				// one key is not one claim: only figures of the same
				// measure that disagree, about someone or somewhere named,
				// make a number conflict (two statements keyed
				// "statement|unresolved|" are about nothing in common)
				if a.Proposition == c.Proposition && (!propHasRefs(a.Proposition) || quantitiesCompatible(a.quantities, c.quantities)) {
					continue
				}
				out = append(out, Conflict{
					Kind: "number", Subject: a.Summary,
					Why:       fmt.Sprintf("%s vs %s", quantitiesText(a), quantitiesText(c)),
					Positions: []Group{a, c},
				})
			}
		}
	}
	return out
}

// propHasRefs: the key names resolved people or places ("statement|<voice>|<refs>",
// "event|<type>|<refs>|<time>", "fact|<refs>|<qty>").
func propHasRefs(prop string) bool {
	seg := strings.Split(prop, "|")
	i := 2
	if len(seg) > 0 && seg[0] == "fact" {
		i = 1
	}
	if i >= len(seg) {
		return false
	}
	for _, r := range strings.Split(seg[i], "+") {
		if r != "" && !strings.HasPrefix(r, "name:") {
			return true
		}
	}
	return false
}

// sameTollEvent: two event groups of one family (a strike and its
// casualties) about the same place, or with no place given, whose figures
// for the same thing differ.
func sameTollEvent(a, b Group) bool {
	fa := eventFamily(predicate(a.Proposition))
	if fa == "" || fa != eventFamily(predicate(b.Proposition)) {
		return false
	}
	if len(a.placeIDs) > 0 && len(b.placeIDs) > 0 && !overlap(a.placeIDs, b.placeIDs) {
		return false
	}
	return !quantitiesCompatible(a.quantities, b.quantities)
}

func controlConflict(a, b Group) (Conflict, bool) {
	if a.Control == nil || b.Control == nil || !overlap(a.placeIDs, b.placeIDs) {
		return Conflict{}, false
	}
	ca, cb := statusClass(a.Control.Status), statusClass(b.Control.Status)
	// the places both name; an unresolved place overlaps by its key alone,
	// so fall back to the first group's places rather than print nothing
	common := commonPlaces(a.Places, b.Places)
	if len(common) == 0 {
		common = a.Places
	}
	subject := placeNames(common, domain.Claim{Kind: domain.ClaimControl, Proposition: a.Proposition})
	if classesConflict(ca, a.Control.Side, cb, b.Control.Side) {
		return Conflict{Kind: "status", Subject: subject,
			Why:       controlPhrase(a.Control) + " vs " + controlPhrase(b.Control),
			Positions: []Group{a, b}}, true
	}
	sameSide := a.Control.Side == "" || b.Control.Side == "" || strings.EqualFold(a.Control.Side, b.Control.Side)
	if ca == cb && sameSide {
		why := controlPhrase(a.Control) + " vs " + controlPhrase(b.Control)
		if a.Control.Settlements > 0 && b.Control.Settlements > 0 && a.Control.Settlements != b.Control.Settlements {
			return Conflict{Kind: "number", Subject: subject, Why: why, Positions: []Group{a, b}}, true
		}
		if !shareSpan(firstClaimOf(a)).meets(shareSpan(firstClaimOf(b))) {
			return Conflict{Kind: "share", Subject: subject, Why: why, Positions: []Group{a, b}}, true
		}
	}
	return Conflict{}, false
}

// firstClaimOf rebuilds enough of a group's claim for shareSpan.
func firstClaimOf(g Group) domain.Claim {
	return domain.Claim{Control: g.Control, Quantities: g.quantities}
}

func commonPlaces(a, b []domain.Ref) []domain.Ref {
	var out []domain.Ref
	for _, x := range a {
		for _, y := range b {
			if x.EntityID != "" && x.EntityID == y.EntityID {
				out = append(out, x)
			}
		}
	}
	return out
}

func quantitiesText(g Group) string {
	var parts []string
	for _, q := range g.quantities {
		parts = append(parts, q.Surface)
	}
	if len(parts) == 0 {
		return g.Summary
	}
	return strings.Join(parts, ", ")
}
