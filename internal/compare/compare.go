package compare

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// SchemaVersion is the version of the JSON form of Report and Ledger
// (see schema.md). It changes only when a field is removed or renamed.
const SchemaVersion = 1

// Report is the side-by-side comparison of the reports of one event.
type Report struct {
	SchemaVersion int `json:"schema_version"`
	// Title is the headline with the least loaded wording, a wire's
	// before one labelled state-run (see TitleFrom for why).
	Title string `json:"title"`
	// TitleFrom says whose headline Title is and why it was chosen.
	TitleFrom *TitleChoice `json:"title_from,omitempty"`
	EventID   string       `json:"event_id,omitempty"`
	// Columns are the outlets, one column each, in the order shown.
	Columns []Column `json:"columns"`

	Agreed      []Group    `json:"agreed"`
	Conflicting []Conflict `json:"conflicting"`
	// DifferentAttribution lists groups credited to different named
	// speakers by different outlets (not necessarily a conflict).
	DifferentAttribution []Attribution `json:"different_attribution"`
	OnlyIn               []OnlyIn      `json:"only_in"`
	Framing              []FramingRow  `json:"framing"`
	Naming               []NamingRow   `json:"naming"`
}

// Column is one outlet and the articles of it compared.
type Column struct {
	Key     string         `json:"key"`
	Outlet  string         `json:"outlet"`
	Domain  string         `json:"domain,omitempty"`
	Country string         `json:"country,omitempty"`
	Labels  []domain.Label `json:"labels,omitempty"`
	Wires   []string       `json:"wires,omitempty"`
	// Articles are the column's articles, in input order.
	Articles []ArticleRef `json:"articles"`
}

// Heading is the column's title as shown: the outlet and any wire carried.
func (c Column) Heading() string {
	// a wire's own report carries no other wire ("Reuters", not "Reuters (Reuters)")
	var wires []string
	for _, w := range c.Wires {
		if !strings.EqualFold(strings.TrimSpace(w), strings.TrimSpace(c.Outlet)) {
			wires = append(wires, w)
		}
	}
	if len(wires) > 0 {
		return c.Outlet + " (" + strings.Join(wires, ", ") + ")"
	}
	return c.Outlet
}

// ArticleRef names one compared article.
type ArticleRef struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Published *domain.Timestamp `json:"published,omitempty"`
	URL       string            `json:"url,omitempty"`
	Source    string            `json:"source,omitempty"`
	Language  string            `json:"language,omitempty"`
}

// Ref links a line of the report back to the sentence it comes from.
type Ref struct {
	ArticleID string `json:"article_id"`
	// Field is "title", "body", or "block:N" for the article's N-th
	// non-body block (a related-article teaser).
	Field    string `json:"field"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence string `json:"sentence"`
}

// Anchor is a stable HTML id for the sentence.
func (r Ref) Anchor() string {
	return fmt.Sprintf("s-%s-%s-%d", r.ArticleID, strings.ReplaceAll(r.Field, ":", ""), r.Start)
}

// Carrier is one outlet carrying one claim.
type Carrier struct {
	Column  string          `json:"column"`
	Outlet  string          `json:"outlet"`
	ClaimID string          `json:"claim_id,omitempty"`
	Stance  domain.Stance   `json:"stance"`
	Stances []domain.Stance `json:"stances,omitempty"`
	Cues    []string        `json:"cues,omitempty"`
	Voice   domain.Voice    `json:"voice"`
	// Speaker is the voice as shown: a name, a description, or the outlet.
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Ref     Ref    `json:"ref"`
}

// Group is claims from one or more outlets that say the same thing.
type Group struct {
	ID          string            `json:"id"`
	Kind        domain.ClaimKind  `json:"kind"` // or "teaser" for a related-article line
	Proposition string            `json:"proposition,omitempty"`
	Summary     string            `json:"summary"`
	Places      []domain.Ref      `json:"places,omitempty"`
	Control     *domain.Control   `json:"control,omitempty"`
	Time        *domain.Timestamp `json:"time,omitempty"`
	// Columns are the keys of the outlets carrying the group, in column order.
	Columns  []string  `json:"columns"`
	Carriers []Carrier `json:"carriers"`

	quantities  []domain.Quantity // of the first claim, for conflict checks
	placeIDs    []string
	textDated   bool     // some claim gave its own date
	statusWords []string // the control statuses as worded
}

// StancesIn is the distinct stances of a column's carriers, most committed first.
func (g Group) StancesIn(col string) []domain.Stance {
	seen := map[domain.Stance]bool{}
	var out []domain.Stance
	for _, c := range g.Carriers {
		if c.Column != col {
			continue
		}
		for _, s := range append([]domain.Stance{c.Stance}, c.Stances...) {
			if s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return stanceRank(out[i]) < stanceRank(out[j]) })
	return out
}

// CarriersIn is the group's carriers from one column.
func (g Group) CarriersIn(col string) []Carrier {
	var out []Carrier
	for _, c := range g.Carriers {
		if c.Column == col {
			out = append(out, c)
		}
	}
	return out
}

// Conflict is two or more positions that cannot all hold, or one claim an
// outlet disputes.
type Conflict struct {
	// Kind is status (captured vs repelled), share (70% vs 50%),
	// number, or disputed.
	Kind      string  `json:"kind"`
	Subject   string  `json:"subject"`
	Why       string  `json:"why"`
	Positions []Group `json:"positions"`

	onlyDisputed bool // some outlet carries the claim only to dispute it
}

// Attribution is a group credited to different speakers by different outlets.
type Attribution struct {
	Group    Group           `json:"group"`
	Speakers []ColumnSpeaker `json:"speakers"`
}

// ColumnSpeaker is who one outlet credits a claim to.
type ColumnSpeaker struct {
	Column   string   `json:"column"`
	Speakers []string `json:"speakers"`
}

// OnlyIn is what one outlet alone reports.
type OnlyIn struct {
	Column string  `json:"column"`
	Groups []Group `json:"groups"`
}

// FramingRow is one category of framing marker across outlets.
type FramingRow struct {
	Category string        `json:"category"`
	Cells    []FramingCell `json:"cells"` // one per column, in column order
}

// FramingCell is one outlet's markers of a category.
type FramingCell struct {
	Column string      `json:"column"`
	Uses   []MarkerUse `json:"uses,omitempty"`
}

// MarkerUse is one framing wording as an outlet used it.
type MarkerUse struct {
	Surface string `json:"surface"`
	Entry   string `json:"entry,omitempty"`
	Side    string `json:"side,omitempty"`
	// Quoted is set when every use was inside a quotation: the outlet
	// quotes the word rather than using it.
	Quoted bool `json:"quoted"`
	Scare  bool `json:"scare,omitempty"`
	Count  int  `json:"count"`
	Ref    Ref  `json:"ref"`
}

// NamingRow is one place or unit spelt differently by different outlets.
type NamingRow struct {
	EntityID string       `json:"entity_id"`
	Name     string       `json:"name"`
	Kind     string       `json:"kind"`
	Cells    []NamingCell `json:"cells"`
}

// NamingCell is one outlet's spellings of an entity.
type NamingCell struct {
	Column string `json:"column"`
	Forms  []Form `json:"forms,omitempty"`
}

// Form is one spelling and how often it was used.
type Form struct {
	Surface string `json:"surface"`
	Count   int    `json:"count"`
	Ref     Ref    `json:"ref"`
}

// Compare builds the side-by-side report of arts. ans[i] is the analysis of
// arts[i] (matched by ArticleID when the slices are not aligned); a missing
// analysis counts as one with nothing found.
func Compare(arts []*domain.Article, ans []*domain.Analysis) *Report {
	in := newInput(arts, ans)
	r := &Report{SchemaVersion: SchemaVersion, Columns: in.columns}
	r.Title, r.TitleFrom = in.title()
	groups := in.group(in.claims(func(domain.Claim) bool { return true }))

	byCol := map[string][]Group{}
	var multi []Group
	for _, g := range groups {
		if len(g.Columns) > 1 {
			multi = append(multi, g)
		} else {
			byCol[g.Columns[0]] = append(byCol[g.Columns[0]], g)
		}
	}

	// Disputes: a group one outlet only disputes while another carries it
	// is a conflict, not an agreement; a group carried everywhere but
	// reported with a denial somewhere is both.
	for _, g := range multi {
		d, ok := disputeOf(g)
		if ok {
			r.Conflicting = append(r.Conflicting, d)
		}
		// agreed among the outlets that carry it; an outlet that only
		// denies it is shown under the conflict, not as a carrier
		ag := withoutDeniers(g)
		if len(ag.Columns) < 2 {
			continue
		}
		r.Agreed = append(r.Agreed, ag)
		if a, ok := attributionOf(ag); ok {
			r.DifferentAttribution = append(r.DifferentAttribution, a)
		}
	}
	r.Conflicting = append(r.Conflicting, conflicts(groups)...)
	r.Conflicting = append(r.Conflicting, in.teaserDisputes(groups)...)

	for _, t := range in.teasers() {
		byCol[t.Columns[0]] = append(byCol[t.Columns[0]], t)
	}
	for _, c := range in.columns {
		if gs := byCol[c.Key]; len(gs) > 0 {
			r.OnlyIn = append(r.OnlyIn, OnlyIn{Column: c.Key, Groups: gs})
		}
	}
	r.Framing = in.framing()
	r.Naming = in.naming()
	if r.Columns == nil {
		r.Columns = []Column{}
	}
	if r.Agreed == nil {
		r.Agreed = []Group{}
	}
	if r.Conflicting == nil {
		r.Conflicting = []Conflict{}
	}
	if r.DifferentAttribution == nil {
		r.DifferentAttribution = []Attribution{}
	}
	if r.OnlyIn == nil {
		r.OnlyIn = []OnlyIn{}
	}
	return r
}

// teaserDisputes: an outlet's related-article line doubting claims about
// a place ("Gerasimov Says Russia Encircled Pokrovsk and Kupiansk.
// Experts … Doubt It") bears on the claims of gains there at that time.
func (in *input) teaserDisputes(groups []Group) []Conflict {
	var out []Conflict
	for _, t := range in.doubtingTeasers() {
		for _, g := range groups {
			if g.Kind != domain.ClaimControl || g.Control == nil || !isGain(statusClass(g.Control.Status)) || !timesCompatible(g.Time, t.when) {
				continue
			}
			about := false
			for _, p := range g.placeIDs {
				about = about || in.mentionsPlace(p, t.carrier.Text)
			}
			if !about {
				continue
			}
			out = append(out, Conflict{
				Kind:      "disputed",
				Subject:   g.Summary,
				Why:       "doubted in a related-article line of " + t.carrier.Outlet,
				Positions: []Group{g, t.group},
			})
		}
	}
	return out
}

// agreedColumns is the columns carrying the agreed group with this ID
// (without outlets that only deny it), or cols when it is not agreed.
func (r *Report) agreedColumns(id string, cols []string) []string {
	for _, g := range r.Agreed {
		if g.ID == id {
			return g.Columns
		}
	}
	return cols
}

// isAgreed says whether the group with this ID is in Agreed.
func (r *Report) isAgreed(id string) bool {
	for _, g := range r.Agreed {
		if g.ID == id {
			return true
		}
	}
	return false
}

// outletNames is the headings of columns, joined for a sentence.
func (r *Report) outletNames(keys []string) string {
	var names []string
	for _, k := range keys {
		if c, ok := r.ColumnByKey(k); ok {
			names = append(names, c.Heading())
		} else {
			names = append(names, k)
		}
	}
	return strings.Join(names, ", ")
}

// ColumnByKey returns the column with this key.
func (r *Report) ColumnByKey(key string) (Column, bool) {
	for _, c := range r.Columns {
		if c.Key == key {
			return c, true
		}
	}
	return Column{}, false
}

// input is the articles and analyses of one comparison, indexed.
type input struct {
	arts    []*domain.Article
	ans     map[string]*domain.Analysis
	colOf   map[string]string // article ID → column key
	columns []Column
	order   map[string]int // article ID → input position
	texts   map[string]string
}

func newInput(arts []*domain.Article, ans []*domain.Analysis) *input {
	in := &input{
		ans:   map[string]*domain.Analysis{},
		colOf: map[string]string{},
		order: map[string]int{},
		texts: map[string]string{},
	}
	for i, a := range arts {
		if a == nil {
			continue
		}
		if _, dup := in.order[a.ID]; dup {
			continue
		}
		in.arts = append(in.arts, a)
		in.order[a.ID] = len(in.arts) - 1
		if i < len(ans) && ans[i] != nil && (ans[i].ArticleID == a.ID || ans[i].ArticleID == "") {
			in.ans[a.ID] = ans[i]
		}
	}
	for _, an := range ans {
		if an != nil && an.ArticleID != "" && in.ans[an.ArticleID] == nil {
			if _, ok := in.order[an.ArticleID]; ok {
				in.ans[an.ArticleID] = an
			}
		}
	}
	colIdx := map[string]int{}
	for _, a := range in.arts {
		key, name := columnKey(a)
		i, ok := colIdx[key]
		if !ok {
			c := Column{Key: key, Outlet: name}
			if a.Outlet != nil {
				c.Domain, c.Country, c.Labels = a.Outlet.Domain, a.Outlet.Country, a.Outlet.Labels
			}
			in.columns = append(in.columns, c)
			i = len(in.columns) - 1
			colIdx[key] = i
		}
		c := &in.columns[i]
		for _, w := range a.Wires {
			if !containsFold(c.Wires, w) {
				c.Wires = append(c.Wires, w)
			}
		}
		c.Articles = append(c.Articles, ArticleRef{
			ID: a.ID, Title: a.Title, Published: a.Published, URL: a.URL,
			Source: a.Source, Language: a.Language,
		})
		in.colOf[a.ID] = key
	}
	return in
}

// columnKey is the outlet's ID (articles of one outlet share a column), else
// a name taken from the source so unknown outlets still get a column each.
func columnKey(a *domain.Article) (key, name string) {
	if a.Outlet != nil && (a.Outlet.ID != "" || a.Outlet.Name != "") {
		key = a.Outlet.ID
		if key == "" {
			key = strings.ToLower(a.Outlet.Name)
		}
		name = a.Outlet.Name
		if name == "" {
			name = a.Outlet.ID
		}
		return key, name
	}
	base := a.Source
	if base != "" {
		base = filepath.Base(base)
		base = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if base == "" || base == "." {
		base = a.ID
	}
	return "src:" + base, base + " (outlet unknown)"
}

// TitleChoice explains the headline chosen as a comparison's title.
type TitleChoice struct {
	ArticleID string `json:"article_id"`
	Column    string `json:"column"`
	Outlet    string `json:"outlet"`
	// OutletKind is "wire" (a news agency), "party" (labelled state-run or
	// propaganda) or "" (neither), from the outlet's labels.
	OutletKind string `json:"outlet_kind,omitempty"`
	// Loaded is the partisan framing markers (RU or UA usage, spellings of
	// names aside) in the headline in the outlet's own voice; fewer is better.
	Loaded []string `json:"loaded"`
	Reason string   `json:"reason"`
}

// title picks the headline least loaded by framing markers, then a wire's
// before an unlabelled outlet's before one labelled state-run, then the
// article with the most claims: a headline is itself framing, so the
// plainest one heads the page.
func (in *input) title() (string, *TitleChoice) {
	type cand struct {
		a      *domain.Article
		loaded []string
		kind   string
		claims int
	}
	rank := map[string]int{"wire": 0, "": 1, "party": 2}
	var best *cand
	var all []cand
	for _, a := range in.arts {
		if strings.TrimSpace(a.Title) == "" {
			continue
		}
		c := cand{a: a, kind: outletKind(a.Outlet), claims: len(claimsOf(in.ans[a.ID]))}
		if an := in.ans[a.ID]; an != nil {
			for _, m := range an.Markers {
				// partisan wording only: a hedge ("says", "claims") is no
				// loaded word, and a place's spelling (Kyiv/Kiev) is shown
				// under naming, not held against a headline
				if m.Field == "title" && !m.Quoted && m.Category != "naming" && (strings.EqualFold(m.Side, "RU") || strings.EqualFold(m.Side, "UA")) {
					c.loaded = append(c.loaded, m.Surface)
				}
			}
		}
		all = append(all, c)
	}
	for i := range all {
		c := &all[i]
		switch {
		case best == nil:
			best = c
		case len(c.loaded) != len(best.loaded):
			if len(c.loaded) < len(best.loaded) {
				best = c
			}
		case rank[c.kind] != rank[best.kind]:
			if rank[c.kind] < rank[best.kind] {
				best = c
			}
		case c.claims > best.claims:
			best = c
		}
	}
	if best == nil {
		// Telegram posts and some crawls carry no headline; say so rather
		// than pretend there were no reports.
		if n := len(in.arts); n > 0 {
			return fmt.Sprintf("%d reports without a headline", n), nil
		}
		return "No reports", nil
	}
	ch := &TitleChoice{ArticleID: best.a.ID, Column: in.colOf[best.a.ID], OutletKind: best.kind, Loaded: best.loaded}
	if ch.Loaded == nil {
		ch.Loaded = []string{}
	}
	for _, col := range in.columns {
		if col.Key == ch.Column {
			ch.Outlet = col.Outlet
		}
	}
	var why []string
	why = append(why, fmt.Sprintf("%d loaded word(s) in the headline", len(best.loaded)))
	switch best.kind {
	case "wire":
		why = append(why, "a news agency's headline")
	case "party":
		why = append(why, "no plainer headline (this outlet is labelled state-run or propaganda)")
	}
	if len(all) > 1 {
		var others []string
		for _, c := range all {
			if c.a != best.a {
				others = append(others, fmt.Sprintf("%s: %d loaded", in.colOf[c.a.ID], len(c.loaded)))
			}
		}
		why = append(why, "others: "+strings.Join(others, ", "))
	}
	ch.Reason = strings.Join(why, "; ")
	return best.a.Title, ch
}

func claimsOf(an *domain.Analysis) []domain.Claim {
	if an == nil {
		return nil
	}
	return an.Claims
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

func containsStance(st []domain.Stance, s domain.Stance) bool {
	for _, x := range st {
		if x == s {
			return true
		}
	}
	return false
}
