package resolve

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
)

// ment is a mention being built, with its place in the token stream.
type ment struct {
	field    int // 0 title, 1 body, 2... the non-body blocks read (doc.blocks)
	from, to int // tokens
	sent     int
	m        domain.Mention
	al       *alias
	role     bool // a title/role phrase standing for a person
	pending  string
	gender   string
	placeMs  []placeCand // gazetteer candidates awaiting ranking
	selfName bool        // the full name of a person (not a surname or a role)
	pron     bool        // a pronoun
	idx      int         // position in doc.ms, in document order
	weak     bool        // a sentence-initial capital that may be no name at all
	weakWhy  string      // why the words alone are weak evidence of a place (common word, short, ...)
	lead     int         // leading stop words of a run ("New" of "New York")
	// inPlaces: among the article's mentions of places (placeState);
	// placeNoted: recorded there as resolved.
	inPlaces, placeNoted bool
	// The next mention in each list of mentIndex.
	nextStart, nextEnd, nextSent *ment
}

// fieldToks is one field's text and words.
type fieldToks struct {
	name    string
	text    string
	toks    []token
	covered []bool // words inside dictionary matches
}

// doc is the state of one Resolve call.
type doc struct {
	r       *Resolver
	a       *domain.Article
	date    time.Time
	outletC string
	fields  []fieldToks
	blocks  []int // Article.Blocks index of fields[2+i]
	ms      []*ment
	slab    []ment   // where ms live (newMent): the chunk being filled
	slabs   [][]ment // and all chunks, for releaseMents
	localN  int
	locals  map[string]string // normalised name or surname → local entity ID
	guessed map[string]string // surname → unresolved full name guessed to be a person
	ents    map[string]*domain.Entity
	order   []string
	country string // the country the article is mostly about (for ranking places)

	// Lookups built once the mentions are found (see index), so that no
	// pass scans every mention for each mention.
	indexed    bool
	mix        mentIndex
	firstNamed map[string]int // entity → index of its first resolved mention
	sides      *sideStats
	liveSides  bool            // setEntity keeps sides up to date (resolveRoles)
	inOrder    map[string]bool // entities already in order
	ants       map[[2]int][]antecedent
	// countryPlace: ISO code → the entity of a country the article names.
	countryPlace map[string]string
	places       placeState
}

// Resolve finds the mentions in a's title and body and resolves them, then
// those in its captions and related-article teasers (Field "block:<i>").
// It never fails: names that resolve to nothing are kept as unresolved
// mentions.
//
// The blocks are read in a second pass that sees the title and body before
// them, so the body's entities help decide a caption's names; the title
// and body mentions reported are those of the first pass, which never saw
// the blocks: a teaser is about another story and must not steer the
// body's coreference or place context.
func (r *Resolver) Resolve(a *domain.Article) *domain.Analysis {
	an := &domain.Analysis{}
	if a == nil {
		return an
	}
	an.ArticleID = a.ID
	// Both passes read the same title and body: tokenise them once.
	title, body := a.Title, a.Text()
	shared := []fieldToks{
		{name: "title", text: title, toks: r.tokenizeInto(getTokens(len(title)/6), title)},
		{name: "body", text: body, toks: r.tokenizeInto(getTokens(len(body)/6), body)},
	}
	defer func() {
		for _, f := range shared {
			putTokens(f.toks)
		}
	}()
	d := r.run(a, shared)
	var blocks []int
	for i, b := range a.Blocks {
		if readBlock(b) {
			blocks = append(blocks, i)
		}
	}
	var withBlocks *doc
	if len(blocks) > 0 {
		withBlocks = r.runBlocks(d, blocks)
	}
	n := len(d.ms)
	if withBlocks != nil {
		n = len(withBlocks.ms)
	}
	if n > 0 {
		an.Mentions = make([]domain.Mention, 0, n)
	}
	for _, m := range d.ms {
		if m.m.EntityID != "" {
			d.useEntity(m.m.EntityID)
		}
		an.Mentions = append(an.Mentions, m.m)
	}
	if withBlocks != nil {
		for _, m := range withBlocks.ms {
			if m.field < 2 {
				continue
			}
			if m.m.EntityID != "" {
				m.m.EntityID = d.adoptEntity(withBlocks, m.m.EntityID)
				d.useEntity(m.m.EntityID)
			}
			an.Mentions = append(an.Mentions, m.m)
		}
	}
	for _, id := range d.order {
		an.Entities = append(an.Entities, *d.ents[id])
	}
	d.releaseMents()
	if withBlocks != nil {
		withBlocks.releaseMents()
	}
	return an
}

// readBlock reports whether a non-body block is prose whose names belong
// to the analysis: captions and teasers name places and actors; credits,
// footers, embeds, social posts and headers are bylines, links and
// quotations of other media.
func readBlock(b domain.Block) bool {
	return (b.Kind == domain.BlockCaption || b.Kind == domain.BlockRelated) && strings.TrimSpace(b.Text) != ""
}

// adoptEntity maps an entity of the block pass (other) to d's: known
// entities keep their IDs; a person found in this article only becomes
// d's local of the same name, or a new local of d.
func (d *doc) adoptEntity(other *doc, id string) string {
	e, ok := other.ents[id]
	if !ok || !strings.HasPrefix(id, "local:") {
		return id
	}
	key := joinNorm(d.r.tokenize(e.Name))
	if own, ok := d.locals[key]; ok {
		return own
	}
	d.localN++
	art := d.a.ID
	if art == "" {
		art = "article"
	}
	ne := *e
	ne.ID = fmt.Sprintf("local:%s:%d", art, d.localN)
	ne.Roles = append([]string(nil), e.Roles...)
	ne.Notes = append([]string(nil), e.Notes...)
	d.ents[ne.ID] = &ne
	d.locals[key] = ne.ID
	return ne.ID
}

// run resolves the title and the body (shared: their words, read only).
func (r *Resolver) run(a *domain.Article, shared []fieldToks) *doc {
	d := &doc{r: r, a: a, locals: map[string]string{}, ents: map[string]*domain.Entity{}, inOrder: map[string]bool{}}
	if a.Published != nil {
		d.date = a.Published.Time
	}
	if a.Outlet != nil {
		d.outletC = a.Outlet.Country
		if d.outletC == "" {
			d.outletC = domainCountry(a.Outlet.Domain)
		}
	}
	d.fields = append([]fieldToks(nil), shared...)
	for fi := range d.fields {
		d.scanField(fi)
	}
	d.resolveAll()
	return d
}

// runBlocks resolves the blocks listed after the title and body as prev
// resolved them: prev's mentions are copied in as they ended, so only the
// blocks' names are left to decide, with the whole article as context.
// prev is not changed.
func (r *Resolver) runBlocks(prev *doc, blocks []int) *doc {
	d := &doc{r: r, a: prev.a, date: prev.date, outletC: prev.outletC, blocks: blocks,
		locals: maps.Clone(prev.locals), guessed: maps.Clone(prev.guessed), localN: prev.localN, inOrder: map[string]bool{},
		ents: make(map[string]*domain.Entity, len(prev.ents))}
	for id, e := range prev.ents {
		c := *e
		c.Roles = slices.Clone(e.Roles)
		c.Notes = slices.Clone(e.Notes)
		d.ents[id] = &c
	}
	d.fields = make([]fieldToks, 0, len(prev.fields)+len(blocks))
	d.fields = append(d.fields, prev.fields...)
	for _, m := range prev.ms {
		c := *m
		// Later passes append to these: never into prev's arrays.
		c.m.Reasons = slices.Clip(c.m.Reasons)
		c.m.Notes = slices.Clip(c.m.Notes)
		c.m.Candidates = slices.Clip(c.m.Candidates)
		c.inPlaces, c.placeNoted = false, false // d's place state is new
		d.ms = append(d.ms, d.newMent(c))
	}
	for _, bi := range blocks {
		text := prev.a.Blocks[bi].Text
		d.fields = append(d.fields, fieldToks{name: fmt.Sprintf("block:%d", bi), text: text,
			toks: r.tokenizeInto(getTokens(len(text)/6), text)})
		d.scanField(len(d.fields) - 1)
	}
	d.resolveAll()
	for i := len(prev.fields); i < len(d.fields); i++ {
		putTokens(d.fields[i].toks)
		d.fields[i].toks = nil
	}
	return d
}

// resolveAll runs the passes over the mentions found: each takes the
// mentions still pending its kind of decision.
func (d *doc) resolveAll() {
	d.index()
	d.linkTitles()
	d.resolveAmbiguousAliases()
	d.resolveRuns()
	d.resolvePlaces()
	d.resolveRoles()
	d.resolvePronouns()
	d.addNotes()
}

// tokenPool recycles token buffers between Resolve calls: they are the
// largest allocation of a call and die with it.
var tokenPool sync.Pool

func getTokens(hint int) []token {
	if b, ok := tokenPool.Get().(*[]token); ok && cap(*b) >= hint {
		return (*b)[:0]
	}
	return make([]token, 0, hint+16)
}

func putTokens(b []token) {
	if cap(b) == 0 || cap(b) > 1<<20 {
		return
	}
	// Drop references to this article's strings. Only b[:len(b)] was
	// written: tokens are appended, so the rest is still zero.
	clear(b)
	b = b[:0]
	tokenPool.Put(&b)
}

// scanField finds dictionary matches, capitalised runs and pronouns in one
// field, in order.
func (d *doc) scanField(fi int) {
	f := &d.fields[fi]
	toks := f.toks
	matches := d.r.findMatches(toks)
	covered := make([]bool, len(toks))
	f.covered = covered
	for _, mt := range matches {
		if d.commonSurname(toks, mt) {
			continue
		}
		for k := mt.from; k < mt.to; k++ {
			covered[k] = true
		}
		d.addMatch(fi, mt)
	}
	// Headlines, the title and a teaser's, may capitalise every word;
	// the body and captions are prose (a short caption is mostly names).
	headline := fi == 0 || fi >= 2 && d.a.Blocks[d.blocks[fi-2]].Kind == domain.BlockRelated
	titleCase := headline && isTitleCase(toks)
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if covered[i] {
			continue
		}
		if g, ok := d.r.lex.pronoun[t.text]; ok {
			d.ms = append(d.ms, d.newMent(ment{field: fi, from: i, to: i + 1, sent: t.sent, pending: "pronoun", gender: g, pron: true,
				m: d.newMention(fi, i, i+1, domain.KindPerson)}))
			continue
		}
		if !t.upper || isNumberish(t.text) || len(t.text) == 1 || compoundAdjective(t.text) {
			continue
		}
		lex := d.r.lex
		joins := func(j int) bool {
			return j < len(toks) && !covered[j] && toks[j].sent == t.sent && gapSpaces(toks[j].gap) &&
				(toks[j].upper || lex.particles[toks[j].text] && j+1 < len(toks) && toks[j+1].upper) &&
				!lex.stop[toks[j].text] && !isNumberish(toks[j].text)
		}
		// A stop word opens a run only as a possible part of a place name
		// ("New York"); resolveRuns drops it if the whole is no place.
		lead := 0
		if lex.stop[t.text] {
			if !joins(i + 1) {
				continue
			}
			lead = 1
		}
		j := i + 1
		for joins(j) {
			// A title inside a run starts a new one: "York City Mayor Bill de Blasio".
			if j > i+lead && toks[j].upper && lex.titles[toks[j].norm] && !lex.titles[toks[j-1].norm] {
				break
			}
			j++
		}
		if j-i >= 2 && allCapsRun(toks[i:j]) {
			i = j - 1 // a shouted heading ("HOPE AND LOSS"), not a name
			continue
		}
		if titleCase {
			for k := i; k < j; k++ {
				d.ms = append(d.ms, d.newMent(ment{field: fi, from: k, to: k + 1, sent: t.sent, pending: "titlecase",
					m: d.newMention(fi, k, k+1, "")}))
			}
		} else {
			d.ms = append(d.ms, d.newMent(ment{field: fi, from: i, to: j, sent: t.sent, pending: "run", lead: lead,
				m: d.newMention(fi, i, j, "")}))
		}
		i = j - 1
	}
	sort.SliceStable(d.ms, func(x, y int) bool {
		if d.ms[x].field != d.ms[y].field {
			return d.ms[x].field < d.ms[y].field
		}
		return d.ms[x].from < d.ms[y].from
	})
}

// commonSurname reports a lone surname met on a common word of the
// article's language opening a sentence, where the capital marks the
// sentence, not a name.
func (d *doc) commonSurname(toks []token, mt match) bool {
	if !mt.al.surname || mt.to-mt.from != 1 || !toks[mt.from].sentStart {
		return false
	}
	return d.r.lex.common[d.a.Language][toks[mt.from].norm]
}

// compoundAdjective reports words like "Ukrainian-controlled" or
// "Russian-installed": capitalised, but the last part is lower case.
func compoundAdjective(w string) bool {
	if strings.IndexByte(w, '-') < 0 && !strings.Contains(w, "\u2010") && !strings.Contains(w, "\u2011") {
		return false
	}
	i := strings.LastIndexAny(w, "-‐‑")
	if i < 0 || i == len(w)-1 {
		return false
	}
	c, _ := utf8.DecodeRuneInString(w[i+1:])
	if c == utf8.RuneError {
		_, sz := utf8.DecodeLastRuneInString(w[:i+1])
		c, _ = utf8.DecodeRuneInString(w[i+sz:])
	}
	return unicode.IsLower(c) && !isCyrillic(c)
}

func allCapsRun(toks []token) bool {
	for _, t := range toks {
		if !t.allCaps {
			return false
		}
	}
	return true
}

func isNumberish(w string) bool {
	for _, c := range w {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// isTitleCase reports a headline written In Title Case, where capitals do
// not mark names.
func isTitleCase(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if len(t.norm) <= 3 || isNumberish(t.text) {
			continue
		}
		words++
		if t.upper {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*7
}

func (d *doc) newMention(fi, from, to int, kind domain.EntityKind) domain.Mention {
	f := &d.fields[fi]
	s, e := f.toks[from].start, f.toks[to-1].end
	return domain.Mention{Field: f.name, Start: s, End: e, Surface: f.text[s:e], Kind: kind, Status: domain.StatusUnresolved}
}

// addMatch turns a dictionary match into a mention (two for a generated
// commander phrase: the person and the unit inside it).
func (d *doc) addMatch(fi int, mt match) {
	f := &d.fields[fi]
	al := mt.al
	m := d.newMent(ment{field: fi, from: mt.from, to: mt.to, sent: f.toks[mt.from].sent, al: al,
		m: d.newMention(fi, mt.from, mt.to, "")})
	d.closeQuote(fi, m)
	if mt.coord != "" {
		m.m.Reasons = append(m.m.Reasons, fmt.Sprintf("shares its head noun with %q", mt.coord))
	}
	m.m.Notes = append(m.m.Notes, al.notes...)
	if len(al.roles) > 0 && len(al.entities) == 0 {
		m.role = true
		m.m.Kind = domain.KindPerson
		m.pending = "role"
		d.ms = append(d.ms, m)
		if al.innerEntity != "" && mt.coord == "" {
			in := d.newMent(ment{field: fi, from: mt.from + al.innerFrom, to: mt.from + al.innerTo, sent: m.sent,
				m: d.newMention(fi, mt.from+al.innerFrom, mt.from+al.innerTo, "")})
			d.setEntity(in, al.innerEntity, 0.9, "unit named inside the title "+quote(m.m.Surface))
			d.ms = append(d.ms, in)
		}
		return
	}
	if len(al.entities) == 1 {
		id := al.entities[0]
		conf, why := 0.95, "name in "+al.how
		if al.surname {
			conf, why = 0.75, "surname alone matches a known actor ("+al.how+")"
			m.pending = "surname"
		} else if d.r.ents[id].ent.Kind == domain.KindPerson {
			m.selfName = true
		}
		if len(al.notes) > 0 {
			conf = 0.9
		}
		d.setEntity(m, id, conf, why)
		d.ms = append(d.ms, m)
		return
	}
	// One name, several entities: decided from context later.
	m.pending = "ambiguous-alias"
	m.m.Kind = d.r.ents[al.entities[0]].ent.Kind
	d.ms = append(d.ms, m)
}

func quote(s string) string { return "\u201c" + s + "\u201d" }

// setEntity resolves m to a known entity.
func (d *doc) setEntity(m *ment, id string, conf float64, reasons ...string) {
	info := d.r.ents[id]
	if info == nil {
		e := d.ents[id]
		if e == nil {
			return
		}
		m.m.Kind = e.Kind
		m.m.Name = e.Name
	} else {
		m.m.Kind = info.ent.Kind
		m.m.Name = info.ent.Name
		if info.gender != "" {
			m.gender = info.gender
		}
	}
	if d.liveSides {
		d.countSide(m, -1)
	}
	m.m.EntityID = id
	m.m.Confidence = conf
	m.m.Status = domain.StatusResolved
	m.m.Reasons = append(m.m.Reasons, reasons...)
	d.noteNamed(m)
	if d.liveSides {
		d.countSide(m, 1)
	}
}

// index numbers the mentions in document order and builds the lookups the
// later passes use, so that no pass is quadratic in the article's length.
func (d *doc) index() {
	d.firstNamed = map[string]int{}
	for i, m := range d.ms {
		m.idx = i
	}
	d.buildIndex()
	d.indexed = true
	for _, m := range d.ms {
		d.noteNamed(m)
	}
}

func (d *doc) noteNamed(m *ment) {
	if !d.indexed || m.m.EntityID == "" || m.m.Status != domain.StatusResolved {
		return
	}
	if i, ok := d.firstNamed[m.m.EntityID]; !ok || m.idx < i {
		d.firstNamed[m.m.EntityID] = m.idx
	}
}

// sideStats counts the sides of resolved actors per sentence and overall.
type sideStats struct {
	all    map[string]float64
	bySent map[[2]int]map[string]float64
	n      float64
}

func (d *doc) sideStatsNow() *sideStats {
	st := &sideStats{all: map[string]float64{}, bySent: map[[2]int]map[string]float64{}, n: float64(len(d.ms))}
	for _, o := range d.ms {
		st.count(d, o, 1)
	}
	return st
}

// count adds (by 1) or takes away (by -1) o's side, if o is resolved.
func (st *sideStats) count(d *doc, o *ment, by float64) {
	if o.m.EntityID == "" || o.m.Status != domain.StatusResolved {
		return
	}
	side := d.sideOf(o.m.EntityID)
	if side == "" {
		return
	}
	st.all[side] += by
	k := [2]int{o.field, o.sent}
	if st.bySent[k] == nil {
		st.bySent[k] = map[string]float64{}
	}
	st.bySent[k][side] += by
}

// countSide keeps d.sides current while a pass resolves mentions one by
// one, instead of recounting the whole article for each.
func (d *doc) countSide(m *ment, by float64) {
	if d.sides != nil {
		d.sides.count(d, m, by)
	}
}

// useEntity adds an entity to the output, once.
func (d *doc) useEntity(id string) {
	if d.inOrder[id] {
		return
	}
	if _, ok := d.ents[id]; ok {
		d.inOrder[id] = true
		d.order = append(d.order, id)
		return
	}
	info := d.r.ents[id]
	if info == nil {
		if p := d.r.placeEntity(id); p != nil {
			d.ents[id] = p
			d.inOrder[id] = true
			d.order = append(d.order, id)
		}
		return
	}
	e := info.ent
	e.Roles = append([]string(nil), e.Roles...)
	e.Notes = append([]string(nil), e.Notes...)
	d.ents[id] = &e
	d.inOrder[id] = true
	d.order = append(d.order, id)
}

// before reports whether mention x comes before y in the document (title first).
func before(x, y *ment) bool {
	if x.field != y.field {
		return x.field < y.field
	}
	return x.from < y.from
}

// namedBefore reports whether entity id was resolved by a mention before m.
func (d *doc) namedBefore(id string, m *ment) bool {
	i, ok := d.firstNamed[id]
	return ok && i < m.idx
}

// sideScores scores candidate entities by the document around m: named
// earlier (strongest), the sides of actors in the same sentence and the
// document, and the outlet's country. d.sides must be fresh enough: it is
// taken at the start of each pass.
func (d *doc) sideScores(m *ment, cands []string) map[string]float64 {
	st := d.sides
	if st == nil {
		st = d.sideStatsNow()
	}
	sent := st.bySent[[2]int{m.field, m.sent}]
	scores := map[string]float64{}
	for _, c := range cands {
		s := 0.0
		if d.namedBefore(c, m) {
			s += 3
		}
		side := d.sideOf(c)
		s += sent[side]
		if st.n > 0 {
			s += st.all[side] / st.n
		}
		if side != "" && side == d.outletC {
			s += 0.5
		}
		if side != "" && side == d.r.lex.langSide[d.a.Language] {
			s += 0.5
		}
		scores[c] = s
	}
	return scores
}

func (d *doc) sideOf(id string) string {
	if info := d.r.ents[id]; info != nil {
		if info.ent.Side != "" {
			return info.ent.Side
		}
		return ""
	}
	return ""
}

// pick chooses the best-scored candidate; ok is false when the top two tie.
func pick(scores map[string]float64, order []string) (best string, cands []domain.Candidate, ok bool) {
	ids := append([]string(nil), order...)
	sort.SliceStable(ids, func(i, j int) bool { return scores[ids[i]] > scores[ids[j]] })
	for _, id := range ids {
		cands = append(cands, domain.Candidate{EntityID: id, Score: round2(scores[id])})
	}
	if len(ids) == 0 {
		return "", nil, false
	}
	if len(ids) == 1 || scores[ids[0]]-scores[ids[1]] >= 0.5 {
		return ids[0], cands, true
	}
	return "", cands, false
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }

// resolveAmbiguousAliases decides names shared by several entities
// ("General Staff") by the sides of the actors around them.
func (d *doc) resolveAmbiguousAliases() {
	if !d.anyPending("ambiguous-alias") {
		return
	}
	d.sides = d.sideStatsNow()
	defer func() { d.sides = nil }()
	for _, m := range d.ms {
		if m.pending != "ambiguous-alias" {
			continue
		}
		m.pending = ""
		scores := d.sideScores(m, m.al.entities)
		best, cands, ok := pick(scores, m.al.entities)
		for i := range cands {
			cands[i].Name = d.r.ents[cands[i].EntityID].ent.Name
		}
		if ok {
			d.setEntity(m, best, 0.7, "name shared by several entities; chosen by the sides of the actors around it")
			m.m.Candidates = cands[1:]
			continue
		}
		m.m.Status = domain.StatusAmbiguous
		m.m.Candidates = cands
		m.m.Reasons = append(m.m.Reasons, "name shared by several entities and the context does not decide")
	}
}

// anyPending reports whether some mention waits for the given decision.
func (d *doc) anyPending(kind string) bool {
	for _, m := range d.ms {
		if m.pending == kind {
			return true
		}
	}
	return false
}

func (d *doc) entityName(id string) string {
	if info := d.r.ents[id]; info != nil {
		return info.ent.Name
	}
	if e := d.ents[id]; e != nil {
		return e.Name
	}
	if p := d.r.placeEntity(id); p != nil {
		return p.Name
	}
	return id
}

// closeQuote takes a closing quote or bracket into a mention that opened
// one inside it: группировка войск «Запад».
func (d *doc) closeQuote(fi int, m *ment) {
	f := &d.fields[fi]
	inner := f.text[m.m.Start:m.m.End]
	for _, pair := range [][2]string{{"«", "»"}, {"(", ")"}, {"“", "”"}, {"„", "“"}} {
		if strings.Count(inner, pair[0]) > strings.Count(inner, pair[1]) && strings.HasPrefix(f.text[m.m.End:], pair[1]) {
			m.m.End += len(pair[1])
			m.m.Surface = f.text[m.m.Start:m.m.End]
			return
		}
	}
	if strings.Count(inner, "\"")%2 == 1 && strings.HasPrefix(f.text[m.m.End:], "\"") {
		m.m.End++
		m.m.Surface = f.text[m.m.Start:m.m.End]
	}
}

// domainCountry guesses an outlet's country from its domain's country-code
// top-level domain (volksstimme.ch → CH) when the registry does not know
// the outlet; codes sold as generic names (.io, .tv, .co ...) say nothing.
func domainCountry(domain string) string {
	i := strings.LastIndexByte(domain, '.')
	if i < 0 || len(domain)-i != 3 {
		return ""
	}
	tld := strings.ToLower(domain[i+1:])
	switch tld {
	case "io", "tv", "co", "me", "fm", "ai", "cc", "ly", "to", "gg", "am", "ws", "su", "eu", "tk", "nu", "la", "vc", "sh":
		return ""
	case "uk":
		return "GB"
	}
	for _, c := range tld {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return strings.ToUpper(tld)
}
