package compare

import (
	"sort"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Ledger is the control timeline of one place.
type Ledger struct {
	SchemaVersion int           `json:"schema_version"`
	PlaceID       string        `json:"place_id"`
	Place         string        `json:"place"`
	Entries       []LedgerEntry `json:"entries"`
}

// LedgerEntry is one control claim about the place, as every outlet that
// carries it carries it.
type LedgerEntry struct {
	// Date is when the claim says the change happened, at the precision
	// the text gave (Inferred when part was not written); DateFrom says
	// whether it came from the claim's text or, lacking that, from the
	// publication date of the report.
	Date     *domain.Timestamp `json:"date,omitempty"`
	DateFrom string            `json:"date_from,omitempty"`
	Status   string            `json:"status"`
	// Statuses are the words the outlets used (captured, liberated).
	Statuses    []string `json:"statuses"`
	Side        string   `json:"side,omitempty"`
	Share       float64  `json:"share,omitempty"`
	Settlements int      `json:"settlements,omitempty"`
	Summary     string   `json:"summary"`
	// Claimants are who make the claim: named speakers or the outlets.
	Claimants []string       `json:"claimants"`
	Outlets   []OutletStance `json:"outlets"`
	Carriers  []Carrier      `json:"carriers"`
	// Disputes are carriers doubting or denying the claim, in the same
	// outlet or another one.
	Disputes []Carrier `json:"disputes,omitempty"`
}

// OutletStance is one outlet's stances on a ledger entry.
type OutletStance struct {
	Column  string          `json:"column"`
	Outlet  string          `json:"outlet"`
	Stances []domain.Stance `json:"stances"`
}

// Disputed says whether anyone doubts or denies the entry.
func (e LedgerEntry) Disputed() bool { return len(e.Disputes) > 0 }

// Timeline lists every control claim about place (an entity ID) in arts,
// grouped like Compare groups claims, oldest first. Claims with no date
// and no publication date sort last.
func Timeline(place string, arts []*domain.Article, ans []*domain.Analysis) []LedgerEntry {
	in := newInput(arts, ans)
	items := in.claims(func(c domain.Claim) bool {
		return c.Kind == domain.ClaimControl && containsFold(placeIDs(c), place)
	})
	// Only this place: a claim naming several places is about each.
	for _, it := range items {
		it.places = []string{place}
	}
	groups := in.group(items)
	var entries []LedgerEntry
	var disputeOnly []Group
	var counters []LedgerEntry
	for _, g := range groups {
		if isCounterclaim(g) {
			e := counterEntry(g)
			entries = append(entries, e)
			counters = append(counters, e)
			continue
		}
		if allDisputed(g) {
			disputeOnly = append(disputeOnly, g)
			continue
		}
		entries = append(entries, ledgerEntry(g))
	}
	teasers := in.placeTeasers(place)
	for i := range entries {
		e := &entries[i]
		for _, d := range disputeOnly {
			if disputes(d, e) {
				e.Disputes = append(e.Disputes, d.Carriers...)
			}
		}
		for _, t := range teasers {
			if isGain(e.Status) && timesCompatible(e.Date, t.when) {
				e.Disputes = append(e.Disputes, t.carrier)
			}
		}
		// a denial voiced with the other side's counterclaim ("denied the
		// town had fallen, saying it repelled 14 assaults") doubts that
		// the place was taken, not that part of it was
		for _, k := range counters {
			if e.Status == "taken" && e.Share == 0 && e.Settlements == 0 && e.Side != "" && k.Side != "" && !strings.EqualFold(e.Side, k.Side) && timesCompatible(e.Date, k.Date) {
				for _, c := range k.Carriers {
					if c.Stance == domain.StanceDisputed || containsStance(c.Stances, domain.StanceDisputed) {
						e.Disputes = append(e.Disputes, c)
					}
				}
			}
		}
	}
	// A doubt that matches no entry is an entry of its own.
	for _, d := range disputeOnly {
		used := false
		for _, e := range entries {
			if disputes(d, &e) {
				used = true
			}
		}
		if !used {
			entries = append(entries, ledgerEntry(d))
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].Date, entries[j].Date
		if a == nil || b == nil {
			return a != nil
		}
		return a.Time.Before(b.Time)
	})
	return entries
}

// TimelineLedger wraps Timeline with the place's name for rendering.
func TimelineLedger(place, name string, arts []*domain.Article, ans []*domain.Analysis) *Ledger {
	l := &Ledger{SchemaVersion: SchemaVersion, PlaceID: place, Place: name, Entries: Timeline(place, arts, ans)}
	if l.Entries == nil {
		l.Entries = []LedgerEntry{}
	}
	if l.Place == "" {
		l.Place = placeName(place, arts, ans)
	}
	return l
}

// placeName is the canonical name the analyses give an entity ID.
func placeName(id string, arts []*domain.Article, ans []*domain.Analysis) string {
	for _, an := range ans {
		if an == nil {
			continue
		}
		for _, e := range an.Entities {
			if e.ID == id && e.Name != "" {
				return e.Name
			}
		}
		for _, m := range an.Mentions {
			if m.EntityID == id && m.Name != "" {
				return m.Name
			}
		}
	}
	return id
}

// isGain: the status class claims a side gained ground, which is what a
// doubting teaser ("… encircled X. Experts doubt it") bears on.
func isGain(class string) bool {
	return class == "taken" || class == "encircled" || class == "advancing"
}

func allDisputed(g Group) bool {
	for _, c := range g.Carriers {
		if c.Stance != domain.StanceDisputed {
			return false
		}
	}
	return len(g.Carriers) > 0
}

// disputes: a doubted claim (all its carriers dispute it) bears on an
// entry of the same side at a compatible time: doubting that Russia
// encircled a town is doubting that it took it.
func disputes(d Group, e *LedgerEntry) bool {
	if d.Control == nil {
		return false
	}
	sideOK := d.Control.Side == "" || e.Side == "" || strings.EqualFold(d.Control.Side, e.Side)
	return sideOK && timesCompatible(d.Time, e.Date)
}

// isCounterclaim: a control claim that holds ground (repelled, contested)
// voiced with a denial ("the General Staff denied the town had fallen,
// saying its troops had repelled 14 assaults"). The denial is aimed at the
// other side's claim; the voice claims this status, it does not doubt it.
func isCounterclaim(g Group) bool {
	if g.Control == nil || g.Control.Side == "" || isGain(statusClass(g.Control.Status)) {
		return false
	}
	for _, c := range g.Carriers {
		if isDenier(c) || containsStance(c.Stances, domain.StanceDisputed) && len(c.Cues) > 0 && hasDisputeCue(c.Cues[0]) {
			return true
		}
	}
	return false
}

// counterEntry is the entry of a counterclaim: every carrier claims it.
func counterEntry(g Group) LedgerEntry {
	e := ledgerEntry(g)
	e.Carriers = append(e.Carriers[:0:0], g.Carriers...)
	e.Disputes = nil
	e.Claimants = claimants(e.Carriers)
	return e
}

func claimants(cs []Carrier) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		who := c.Speaker
		if c.Voice.Kind == domain.VoiceOutlet || c.Voice.Kind == "" {
			who = c.Outlet
		}
		if !seen[strings.ToLower(who)] {
			seen[strings.ToLower(who)] = true
			out = append(out, who)
		}
	}
	return out
}

func ledgerEntry(g Group) LedgerEntry {
	e := LedgerEntry{Summary: g.Summary, Date: g.Time, Carriers: []Carrier{}}
	if g.Control != nil {
		e.Summary = controlPhrase(g.Control)
		e.Status = statusClass(g.Control.Status)
		e.Side, e.Share, e.Settlements = g.Control.Side, g.Control.Share, g.Control.Settlements
	}
	for _, c := range g.Carriers {
		if c.Stance == domain.StanceDisputed {
			e.Disputes = append(e.Disputes, c)
			continue
		}
		// Carried with a denial reported beside it ("…, Kyiv denies it").
		if containsStance(c.Stances, domain.StanceDisputed) {
			e.Disputes = append(e.Disputes, c)
		}
		e.Carriers = append(e.Carriers, c)
	}
	e.DateFrom = "published"
	if g.textDated {
		e.DateFrom = "text"
	}
	e.Claimants = claimants(e.Carriers)
	for _, col := range g.Columns {
		st := g.StancesIn(col)
		name := col
		if cs := g.CarriersIn(col); len(cs) > 0 {
			name = cs[0].Outlet
		}
		e.Outlets = append(e.Outlets, OutletStance{Column: col, Outlet: name, Stances: st})
	}
	e.Statuses = g.statusWords
	return e
}

// teaser is a related-article line about the place that reports doubt.
type teaser struct {
	carrier Carrier
	group   Group
	when    *domain.Timestamp
}

// doubtingTeasers lists the related-article lines that report doubt, with
// the date of their article.
func (in *input) doubtingTeasers() []teaser {
	var out []teaser
	for _, g := range in.teasers() {
		c := g.Carriers[0]
		if c.Stance != domain.StanceDisputed {
			continue
		}
		a := in.arts[in.order[c.Ref.ArticleID]]
		var when *domain.Timestamp
		if a.Published != nil {
			t := a.Published.Time.UTC()
			when = &domain.Timestamp{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: domain.PrecisionDate}
		}
		out = append(out, teaser{carrier: c, group: g, when: when})
	}
	return out
}

// placeTeasers finds doubting related-article lines naming the place.
func (in *input) placeTeasers(place string) []teaser {
	var out []teaser
	for _, t := range in.doubtingTeasers() {
		if in.mentionsPlace(place, t.carrier.Text) {
			out = append(out, t)
		}
	}
	return out
}

// mentionsPlace says whether text names the place by any spelling the
// compared articles used for it (a teaser's own article may not name it
// in its body: "… Encircled Pokrovsk …").
func (in *input) mentionsPlace(place, text string) bool {
	low := strings.ToLower(text)
	for _, an := range in.ans {
		for _, m := range an.Mentions {
			if m.EntityID == place && len(m.Surface) > 2 && strings.Contains(low, strings.ToLower(m.Surface)) {
				return true
			}
		}
	}
	return false
}
