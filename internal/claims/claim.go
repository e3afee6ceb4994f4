package claims

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// notDone are words before a control word that make it a goal, not a
// report ("fighting to liberate", "a date on the liberation of").
var notDone = map[string]bool{"to": true, "date": true, "goal": true, "goals": true, "aim": true, "order": true,
	"plan": true, "plans": true, "attempt": true, "чтобы": true, "для": true, "цели": true, "цель": true,
	"задача": true, "щоб": true, "мета": true, "сроки": true, "preparing": true, "prepares": true, "prepare": true,
	"planning": true, "готовит": true, "готовят": true, "готовится": true, "планирует": true, "планируют": true,
	"готує": true, "планує": true, "планують": true}

// regionBreaks end the clause of one control word before the next.
var regionBreaks = map[string]bool{",": true, ";": true, "where": true, "which": true, "after": true, "before": true,
	"while": true, "but": true, "and": true, "when": true, "as": true, "где": true, "после": true, "а": true,
	"но": true, "и": true, "де": true, "після": true, "але": true, "і": true, "та": true}

// beWords make a following participle passive ("has been liberated").
var beWords = map[string]bool{"been": true, "be": true, "was": true, "were": true, "is": true, "are": true, "being": true,
	"был": true, "была": true, "было": true, "были": true, "будет": true, "був": true, "була": true, "було": true}

// sentence turns one sentence into claims.
func (d *doc) sentence(s *sent) {
	lx := d.x.lx
	d.spA, d.spB = -1, -1
	defer d.notePlaces(s)
	if s.words(0, len(s.toks)) < 3 || d.dateline(s) {
		return
	}
	outside := func(m *matcher) []hit {
		var out []hit
		for _, h := range m.find(s.toks) {
			if !s.inq[h.i] {
				out = append(out, h)
			}
		}
		return out
	}
	// Sentences about the report, not the event, change the claims before
	// them and carry none of their own.
	if hs := outside(lx.unverified); len(hs) > 0 {
		d.amendPrevious(s, func(c *domain.Claim) {
			addStance(c, domain.StanceHedged, s.text[s.toks[hs[0].i].start:s.toks[hs[0].j-1].end])
		})
		return
	}
	if hs := outside(lx.nocomment); len(hs) > 0 && len(lx.control.find(s.toks)) == 0 {
		return
	}
	for _, h := range d.pointerHits(s) {
		if lx.classOf(h.val, d.lang) == cuePointer && h.i <= 1 {
			a, b := s.npAfter(d.addresseeEnd(s, h.j))
			if a < b {
				v := d.voiceFor(s, a, b)
				cue := s.text[s.toks[h.i].start:s.toks[h.j-1].end]
				d.amendPrevious(s, func(c *domain.Claim) {
					if c.Voice.Kind == domain.VoiceOutlet {
						c.Voice = v
						addStance(c, domain.StanceAttributed, cue)
						c.Stances = removeStance(c.Stances, domain.StanceAsserted)
						c.Stance = topStance(c.Stances)
					}
				})
			}
			return
		}
	}
	at := d.attribute(s)
	d.spA, d.spB = at.spA, at.spB
	cs := d.build(s, at)
	if c, ok := d.outletEvent(s, at); ok {
		cs = append(cs, c)
	}
	cs = append(cs, d.rejectedClaims(s, at, cs)...)
	if !hasControl(cs) {
		if dn := d.deniedBefore(s); len(dn) > 0 {
			// the bare denial ("ВСУ это отрицают") says nothing more
			keep := cs[:0]
			for _, c := range cs {
				if strings.TrimSpace(c.Text) != "" {
					keep = append(keep, c)
				}
			}
			cs = append(keep, dn...)
		}
	}
	for _, c := range cs {
		d.claimsOf[s.idx] = append(d.claimsOf[s.idx], len(d.claims))
		d.claims = append(d.claims, c)
	}
}

// dateline: "МОСКВА, 16 октября. /ТАСС/." — no lower-case word but month
// names, so no proposition.
func (d *doc) dateline(s *sent) bool {
	// a city in capitals or an agency between slashes marks a dateline
	// (a title-case teaser has neither)
	mark := false
	for _, t := range s.toks {
		if t.s == "/" || t.kind == tokWord && len(t.s) >= 3 && strings.ToUpper(s.text[t.start:t.end]) == s.text[t.start:t.end] {
			mark = true
			break
		}
	}
	if !mark {
		return false
	}
	for k, t := range s.toks {
		if t.kind != tokWord || t.upper {
			continue
		}
		if _, ok := d.x.lx.months.at(s.toks, k); ok {
			continue
		}
		return false
	}
	return true
}

// amendPrevious applies fn to the claims of the sentences before s in its
// paragraph, or of the previous paragraph when s opens one.
func (d *doc) amendPrevious(s *sent, fn func(*domain.Claim)) {
	for i := s.idx - 1; i >= 0; i-- {
		p := d.sents[i]
		if p.Field != s.Field || p.Para < s.Para-1 {
			break
		}
		if p.Para == s.Para-1 && d.hasSentInPara(s) {
			break
		}
		for _, ci := range d.claimsOf[i] {
			fn(&d.claims[ci])
		}
	}
}

// hasSentInPara: an earlier sentence of s's paragraph carries claims.
func (d *doc) hasSentInPara(s *sent) bool {
	for i := s.idx - 1; i >= 0 && d.sents[i].Para == s.Para; i-- {
		if len(d.claimsOf[i]) > 0 {
			return true
		}
	}
	return false
}

func addStance(c *domain.Claim, st domain.Stance, cue string) {
	found := false
	for _, x := range c.Stances {
		if x == st {
			found = true
		}
	}
	if !found {
		c.Stances = append(c.Stances, st)
		sortStances(c.Stances)
	}
	if cue != "" {
		c.Cues = append(c.Cues, cue)
	}
	c.Stance = topStance(c.Stances)
}

func removeStance(ss []domain.Stance, st domain.Stance) []domain.Stance {
	out := ss[:0]
	for _, x := range ss {
		if x != st {
			out = append(out, x)
		}
	}
	return out
}

func sortStances(ss []domain.Stance) {
	sort.Slice(ss, func(i, j int) bool { return stanceRank[ss[i]] < stanceRank[ss[j]] })
}

func topStance(ss []domain.Stance) domain.Stance {
	top := domain.StanceAsserted
	for _, s := range ss {
		if stanceRank[s] > stanceRank[top] {
			top = s
		}
	}
	return top
}

// build makes the claims of one sentence from its attribution.
func (d *doc) build(s *sent, at attribution) []domain.Claim {
	lx := d.x.lx
	base := domain.Claim{
		Field: s.Field, Start: s.Start, End: s.End, Sentence: s.Text,
		SpanStart: at.cA, SpanEnd: at.cB, Text: s.text[at.cA:at.cB],
		Voice: at.voice, Cues: at.cues,
	}
	for st := range at.stances {
		base.Stances = append(base.Stances, st)
	}
	sortStances(base.Stances)
	base.Stance = topStance(base.Stances)
	if at.asserted {
		base.Stance = domain.StanceAsserted
	}

	// content tokens
	ci, cj := 0, len(s.toks)
	for ci < cj && s.toks[ci].start < at.cA {
		ci++
	}
	for cj > ci && s.toks[cj-1].end > at.cB {
		cj--
	}
	ctxYear := lx.contextYear(s.toks)
	dates := lx.dates(s.text, s.toks, 0, len(s.toks), d.pub, ctxYear)
	actors := d.actors(s, at)

	// Control claims: one per control word, or per place/quantity group.
	var preds []hit
	for _, h := range lx.control.find(s.toks[ci:cj]) {
		h.i, h.j = h.i+ci, h.j+ci
		if d.goalNotDeed(s, h.i) {
			continue
		}
		preds = append(preds, h)
	}
	// each control word's region runs from the clause break after the
	// previous one to the clause break before the next
	cuts := make([]int, len(preds)+1)
	cuts[0], cuts[len(preds)] = ci, cj
	for pi := 1; pi < len(preds); pi++ {
		cuts[pi] = preds[pi].i
		for k := preds[pi].i - 1; k >= preds[pi-1].j; k-- {
			if regionBreaks[s.toks[k].s] {
				cuts[pi] = k
				break
			}
		}
	}
	for _, p := range preds {
		d.objectPlace(s, p)
	}
	var out []domain.Claim
	seen := map[string]bool{}
	for pi, p := range preds {
		ra, rb := cuts[pi], cuts[pi+1]
		status := lx.statuses[p.val]
		side := d.sideOf(s, p, ra, rb, at)
		groups := d.placeGroups(s, ra, rb, p, at)
		if len(groups) == 0 {
			continue
		}
		for _, g := range groups {
			c := base
			c.Kind = domain.ClaimControl
			c.Places = g.places
			c.Quantities = g.qty
			c.Actors = actors
			ctl := &domain.Control{Status: status, Side: side}
			for _, q := range g.qty {
				if q.Unit == unitFraction && q.Value > 0 && q.Value < 1 {
					ctl.Share = q.Value
				}
				if q.Of == "settlements" {
					ctl.Settlements = int(q.Value)
				}
			}
			c.Control = ctl
			c.Time = pickDate(dates, p.i, ra, rb)
			if c.Time == nil && len(preds) == 1 && len(dates) > 0 {
				// one control word: a date anywhere in the sentence is its
				// date ("In December, the ministry claimed to have captured ...")
				t := dates[0].t
				c.Time = &t
			}
			if c.Time == nil {
				c.Time = yearOnly(ctxYear)
			}
			if c.Time == nil {
				c.Time = d.published()
			}
			c.Proposition = d.controlKey(g.places, status, side, ctl)
			if seen[c.Proposition] {
				continue
			}
			seen[c.Proposition] = true
			out = append(out, c)
		}
	}
	if len(out) > 0 {
		return out
	}

	c := base
	c.Actors = actors
	c.Places = d.places(s, ci, cj, at)
	c.Quantities = lx.quantities(s.text, s.toks, ci, cj)
	if len(dates) > 0 {
		t := dates[0].t
		c.Time = &t
	} else {
		c.Time = yearOnly(ctxYear)
	}
	evType := ""
	for _, h := range lx.event.find(s.toks[ci:cj]) {
		evType = lx.eventTypes[h.val]
		break
	}
	switch {
	case evType != "":
		c.Kind = domain.ClaimEvent
		if c.Time == nil {
			c.Time = d.published()
		}
		c.Proposition = "event|" + evType + "|" + refKeys(c.Places, c.Actors) + "|" + timeKey(c.Time)
	case len(lx.fact.find(s.toks[ci:cj])) > 0 && at.voice.Kind == domain.VoiceOutlet:
		c.Kind = domain.ClaimFact
		c.Proposition = "fact|" + refKeys(c.Places, c.Actors) + "|" + qtyKey(c.Quantities)
	default:
		c.Kind = domain.ClaimStatement
		c.Proposition = "statement|" + voiceKey(c.Voice) + "|" + refKeys(c.Places, c.Actors)
	}
	return []domain.Claim{c}
}

// objectWords may stand between a control word and the place it takes
// ("captured the town of X", "освободили город X", "захоплення міста X").
var objectWords = map[string]bool{"the": true, "town": true, "city": true, "village": true, "settlement": true,
	"of": true, "город": true, "города": true, "село": true, "села": true, "поселок": true, "посёлок": true,
	"поселка": true, "місто": true, "міста": true, "селище": true, "селища": true, "смт": true}

// objectPlace: a capitalised word right after a control word that the
// resolver did not mark at all ("захоплення Курахового", a case form no
// gazetteer lists) is the place the claim is about; it joins the
// sentence's mentions as an unresolved place, so that the claim keeps the
// town rather than an oblast named after it.
func (d *doc) objectPlace(s *sent, p hit) {
	if len(d.an.Mentions) == 0 || d.passive(s, p) {
		return
	}
	k := p.j
	for k < len(s.toks) && k < p.j+3 && objectWords[s.toks[k].s] {
		k++
	}
	if k >= len(s.toks) || !s.toks[k].upper || s.toks[k].kind != tokWord || s.inq[k] != s.inq[p.i] {
		return
	}
	lx := d.x.lx
	if _, ok := lx.sides.at(s.toks, k); ok {
		return
	}
	if _, ok := lx.months.at(s.toks, k); ok {
		return
	}
	t := s.toks[k]
	for _, m := range d.mentionsIn(s.Field, s.Start, s.End) {
		if m.Start < t.end && m.End > t.start {
			return // the resolver saw it (as a place or not)
		}
	}
	surf := s.text[t.start:t.end]
	if d.isSideName(surf) {
		return
	}
	ms := d.mentions[s.Field]
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= t.start })
	m := domain.Mention{Field: s.Field, Start: t.start, End: t.end, Surface: surf, Kind: domain.KindPlace, Status: domain.StatusUnresolved}
	ms = append(ms, domain.Mention{})
	copy(ms[i+1:], ms[i:])
	ms[i] = m
	d.mentions[s.Field] = ms
}

// rejectedClaims: "..., rejecting Moscow's claim that the town had been
// captured" — a denial outside the content, of a claim whose words follow:
// the control claim in that clause, as the claimant's side's, disputed by
// the sentence's voice.
func (d *doc) rejectedClaims(s *sent, at attribution, have []domain.Claim) []domain.Claim {
	lx := d.x.lx
	var out []domain.Claim
	for _, h := range lx.dispute.find(s.toks) {
		if s.inq[h.i] || s.toks[h.i].start < at.cB {
			continue
		}
		// the claim noun, then its clause ("that", "про", "о")
		k := h.j
		for k < len(s.toks) && k < h.j+4 && !lx.claimNouns[s.toks[k].s] {
			k++
		}
		if k >= len(s.toks) || !lx.claimNouns[s.toks[k].s] {
			continue
		}
		for k < len(s.toks) && k < h.j+8 && !contentStarts[s.toks[k].s] && !topicWords[s.toks[k].s] {
			k++
		}
		if k+1 >= len(s.toks) {
			continue
		}
		a, b := s.bytesOf(k+1, len(s.toks))
		b = trimEndPunct(s.text, a, b)
		for b > a && (s.text[b-1] == '.' || s.text[b-1] == '!') {
			b--
		}
		if len(lx.control.find(lx.tokens(s.text[a:b], a))) == 0 {
			continue
		}
		at2 := at
		at2.cA, at2.cB = a, b
		at2.asserted = false
		at2.stances = map[domain.Stance]bool{domain.StanceAttributed: true, domain.StanceDisputed: true}
		at2.cues = []string{s.text[s.toks[h.i].start:s.toks[h.j-1].end]}
		for _, c := range d.build(s, at2) {
			dup := c.Kind != domain.ClaimControl
			for _, o := range have {
				dup = dup || o.Proposition == c.Proposition
			}
			if !dup {
				out = append(out, c)
			}
		}
	}
	return out
}

func hasControl(cs []domain.Claim) bool {
	for _, c := range cs {
		if c.Kind == domain.ClaimControl {
			return true
		}
	}
	return false
}

// deniedBefore: "Ukraine denied this", "ВСУ это отрицают", "Генштаб
// опроверг это заявление" — a denial whose object points back disputes the
// control claims of the nearest sentence before (in the headline, or in the
// paragraph or the one before it): each is repeated with the denier as its
// voice, disputed, so the comparison sets the denial against the claim.
func (d *doc) deniedBefore(s *sent) []domain.Claim {
	lx := d.x.lx
	for _, h := range lx.speech.find(s.toks) {
		if s.inq[h.i] || lx.classOf(h.val, d.lang) != cueDeny {
			continue
		}
		spEnd := h.i
		obj := false
		if h.j >= len(s.toks) {
			// "ВСУ это отрицают": the object before the verb
		} else if p, ok := lx.denyObject.at(s.toks, h.j); ok && (h.j+len(p.toks) >= len(s.toks) || isBoundaryTok(s.toks[h.j+len(p.toks)]) || s.toks[h.j+len(p.toks)].kind == tokPunct) {
			obj = true
		}
		for k := max(0, h.i-3); k < h.i && !obj; k++ {
			if p, ok := lx.denyObject.at(s.toks, k); ok && k+len(p.toks) == h.i {
				obj, spEnd = true, k
			}
		}
		if !obj {
			continue
		}
		a, b := s.npBefore(spEnd)
		if a >= b {
			continue
		}
		v := d.voiceFor(s, a, b)
		if v.Kind == "" || v.Kind == domain.VoiceOutlet {
			continue
		}
		cue := s.text[s.toks[h.i].start:s.toks[h.j-1].end]
		var out []domain.Claim
		for i := s.idx - 1; i >= 0 && i >= s.idx-3 && len(out) == 0; i-- {
			p := d.sents[i]
			if p.Field != s.Field || p.Para < s.Para-1 {
				break
			}
			for _, ci := range d.claimsOf[i] {
				c := d.claims[ci]
				if c.Kind != domain.ClaimControl || c.Stance == domain.StanceDisputed {
					continue
				}
				c.Field, c.Start, c.End, c.Sentence = s.Field, s.Start, s.End, s.Text
				c.SpanStart, c.SpanEnd, c.Text = s.Start, s.End, s.Text
				c.Voice = v
				c.Stance, c.Stances, c.Cues = domain.StanceDisputed, []domain.Stance{domain.StanceAttributed, domain.StanceDisputed}, []string{cue}
				out = append(out, c)
			}
		}
		return out
	}
	return nil
}

// yearOnly: a year the sentence names ("the 2022 invasion") dates a claim
// that names no day.
func yearOnly(y int) *domain.ClaimTime {
	if y == 0 {
		return nil
	}
	return &domain.ClaimTime{Timestamp: domain.Timestamp{Time: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: domain.PrecisionYear}, Surface: strconv.Itoa(y)}
}

func (d *doc) published() *domain.ClaimTime {
	if d.pub == nil {
		return nil
	}
	t := d.pub.Time.UTC()
	return &domain.ClaimTime{Timestamp: domain.Timestamp{Time: t.Truncate(24 * 60 * 60 * 1e9), Precision: domain.PrecisionDate, Inferred: true}}
}

// goalNotDeed: the control word at i names an aim, not an outcome.
func (d *doc) goalNotDeed(s *sent, i int) bool {
	if i > 0 && s.toks[i-1].s == "to" {
		return true // "fighting to liberate"; "to have captured" is done
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if notDone[s.toks[k].s] && s.toks[k].s != "to" {
			return true
		}
		if s.toks[k].kind == tokPunct {
			break
		}
	}
	return false
}

// pickDate: the first date after the control word in its region, else the
// last before it, else nil.
func pickDate(ds []dateAt, p, ra, rb int) *domain.ClaimTime {
	var before *domain.ClaimTime
	for i := range ds {
		if ds[i].tok >= p && ds[i].tok < rb {
			t := ds[i].t
			return &t
		}
		if ds[i].tok >= ra && ds[i].tok < p {
			t := ds[i].t
			before = &t
		}
	}
	if before == nil && len(ds) > 0 {
		// a date elsewhere in the sentence applies when no other control word claims it
		t := ds[0].t
		if ds[0].tok < ra || ds[0].tok >= rb {
			return nil
		}
		before = &t
	}
	return before
}

// sideOf says who gains in a control claim: the side named as agent
// ("fell to Moscow's troops"), else the subject's side in active voice,
// else the speaker's, else the outlet's country.
func (d *doc) sideOf(s *sent, p hit, ra, rb int, at attribution) string {
	lx := d.x.lx
	// the side inside the phrase ("under Russian control"), or right after
	// "under the control of" / "под контролем"
	if sd := d.sideNear(s, p.i, p.j); sd != "" {
		return d.gainer(s, p, sd)
	}
	if w := s.toks[p.j-1].s; w == "of" || w == "контролем" || s.toks[p.i].s == "под" || s.toks[p.i].s == "під" {
		if sd := d.sideNear(s, p.j, min(rb, p.j+4)); sd != "" {
			return d.gainer(s, p, sd)
		}
	}
	// agent after the word
	for k := p.j; k < rb && k < p.j+2; k++ {
		if s.toks[k].s == "by" || s.toks[k].s == "to" {
			if sd := d.sideNear(s, k+1, min(rb, k+6)); sd != "" {
				return d.gainer(s, p, sd)
			}
		}
	}
	if strings.HasSuffix(s.toks[p.i].s, "to") && p.j-p.i >= 2 { // "fell to" matched as one phrase
		if sd := d.sideNear(s, p.j, min(rb, p.j+5)); sd != "" {
			return d.gainer(s, p, sd)
		}
	}
	if !d.passive(s, p) {
		// subject: the nearest side word before the control word
		for k := p.i - 1; k >= ra && k >= 0; k-- {
			// "Ukraine: Kurakhove captured": a topic label before a colon
			// or a bar is not the subject
			if s.toks[k].s == ":" || s.toks[k].s == "|" {
				break
			}
			if h, ok := lx.sides.at(s.toks, k); ok && !s.inq[k] || ok && s.inq[p.i] {
				return d.gainer(s, p, lx.sideNames[h.val])
			}
			if sd := d.mentionSide(s, k); sd != "" {
				return d.gainer(s, p, sd)
			}
		}
	}
	if sd := d.claimantSide(s, p); sd != "" {
		return d.gainer(s, p, sd)
	}
	if sd := d.voiceSide(s, at); sd != "" {
		return sd
	}
	if d.a.Outlet != nil && (d.a.Outlet.Country == "RU" || d.a.Outlet.Country == "UA") {
		return d.a.Outlet.Country
	}
	return ""
}

// claimantSide: the control word at p is inside a claim someone made,
// "<side>'s claim that ...", "claims by <side> that ...", "заяви Росії про
// ...": the claimant's side.
func (d *doc) claimantSide(s *sent, p hit) string {
	lx := d.x.lx
	for k := p.i - 1; k >= 0 && k >= p.i-10; k-- {
		if !lx.claimNouns[s.toks[k].s] {
			continue
		}
		if k > 0 {
			if sd := d.sideNear(s, k-1, k); sd != "" {
				return sd
			}
		}
		// after the noun: "claims by Moscow", "заяви Росії", "заяву
		// російського міністерства оборони" — up to the clause ("that", "про")
		for j := k + 1; j < p.i && j <= k+4; j++ {
			if contentStarts[s.toks[j].s] || topicWords[s.toks[j].s] || s.toks[j].kind == tokPunct {
				break
			}
			if sd := d.sideNear(s, j, j+1); sd != "" {
				return sd
			}
		}
		return ""
	}
	return ""
}

// gainer turns the subject's side into who gains: for "lost" the other side.
func (d *doc) gainer(s *sent, p hit, side string) string {
	if d.x.lx.statuses[p.val] == "lost" {
		switch side {
		case "RU":
			return "UA"
		case "UA":
			return "RU"
		}
	}
	return side
}

func (d *doc) sideNear(s *sent, a, b int) string {
	for k := a; k < b && k < len(s.toks); k++ {
		if h, ok := d.x.lx.sides.at(s.toks, k); ok {
			return d.x.lx.sideNames[h.val]
		}
		if sd := d.mentionSide(s, k); sd != "" {
			return sd
		}
	}
	return ""
}

// mentionSide is the side of the resolved actor mentioned at token k.
func (d *doc) mentionSide(s *sent, k int) string {
	t := s.toks[k]
	for _, m := range d.mentionsIn(s.Field, s.Start, t.start+1) {
		if m.Start <= t.start && t.end <= m.End && m.EntityID != "" {
			if e := d.ents[m.EntityID]; e != nil && e.Side != "" && m.Kind != domain.KindPlace {
				return e.Side
			}
		}
	}
	return ""
}

func (d *doc) voiceSide(s *sent, at attribution) string {
	if at.voice.EntityID != "" {
		if e := d.ents[at.voice.EntityID]; e != nil && e.Side != "" {
			return e.Side
		}
	}
	if at.spA >= 0 {
		toks := d.x.lx.tokens(s.text[at.spA:at.spB], at.spA)
		for k := range toks {
			if h, ok := d.x.lx.sides.at(toks, k); ok {
				return d.x.lx.sideNames[h.val]
			}
		}
	}
	return ""
}

// passive: "has been liberated", "Kupyansk Freed", "освобожден".
func (d *doc) passive(s *sent, p hit) bool {
	for k := p.i - 1; k >= 0 && k >= p.i-2; k-- {
		if beWords[s.toks[k].s] {
			return true
		}
	}
	w := s.toks[p.i].s
	for _, suf := range []string{"ен", "ена", "ено", "ены", "ян", "ят", "ята", "ято", "ений", "ена", "ено", "ито", "итий"} {
		if strings.HasSuffix(w, suf) && len([]rune(w)) > 4 {
			return true
		}
	}
	// headline participle: "Kupyansk Freed,"
	if s.Field == "title" && strings.HasSuffix(w, "ed") && p.i > 0 && s.toks[p.i-1].upper && (p.j >= len(s.toks) || s.toks[p.j].kind == tokPunct) {
		return true
	}
	return false
}

// placeGroup is the places and quantities of one control proposition.
type placeGroup struct {
	places []domain.Ref
	qty    []domain.Quantity
}

// placeGroups splits a control word's region into propositions: "over 4/5
// of Volchansk, and 70% of Krasnoarmeysk ... along with 13 settlements in
// the Dnepropetrovsk and Zaporozhye regions" gives three.
func (d *doc) placeGroups(s *sent, ra, rb int, p hit, at attribution) []placeGroup {
	lx := d.x.lx
	// chunks at commas and coordinators
	type chunk struct{ a, b int }
	var chunks []chunk
	a := ra
	for k := ra; k <= rb; k++ {
		if k == rb || (s.toks[k].s == "," || s.toks[k].s == ";" || s.toks[k].s == "along" || s.toks[k].s == "а" && k+1 < rb && s.toks[k+1].s == "также") {
			if k > a {
				chunks = append(chunks, chunk{a, k})
			}
			a = k + 1
		}
	}
	var groups []placeGroup
	cur := -1
	for _, ch := range chunks {
		pl := d.places(s, ch.a, ch.b, at)
		qs := lx.quantities(s.text, s.toks, ch.a, ch.b)
		switch {
		case len(qs) > 0:
			groups = append(groups, placeGroup{places: pl, qty: qs})
			cur = len(groups) - 1
		case len(pl) > 0 && cur >= 0 && (len(groups[cur].places) == 0 || isSettlementCount(groups[cur].qty)):
			groups[cur].places = appendRefs(groups[cur].places, pl)
		case len(pl) > 0:
			groups = append(groups, placeGroup{places: pl})
			cur = len(groups) - 1
		}
	}
	// an oblast that only locates a settlement named in the region goes
	all := d.places(s, ra, rb, at)
	var out []placeGroup
	for _, g := range groups {
		var keep []domain.Ref
		for _, r := range g.places {
			if !d.containerOf(r, all) {
				keep = append(keep, r)
			}
		}
		if len(keep) > 0 {
			g.places = keep
			out = append(out, g)
		}
	}
	// a group without places takes the region's anaphor ("the city", "it")
	if len(out) == 0 {
		if ref := d.anaphor(s, ra, rb); ref != nil {
			g := placeGroup{places: []domain.Ref{*ref}}
			if len(groups) > 0 {
				g.qty = groups[0].qty
			}
			out = append(out, g)
		}
	}
	return out
}

func isSettlementCount(qs []domain.Quantity) bool {
	for _, q := range qs {
		if q.Of == "settlements" {
			return true
		}
	}
	return false
}

func appendRefs(a, b []domain.Ref) []domain.Ref {
	for _, r := range b {
		dup := false
		for _, x := range a {
			if (r.EntityID != "" && r.EntityID == x.EntityID) || (r.EntityID == "" && r.Name == x.Name) {
				dup = true
			}
		}
		if !dup {
			a = append(a, r)
		}
	}
	return a
}

// places are the place mentions in toks[a:b], without side names used for
// governments ("Kyiv had retaken"), the speaker, and oblasts that only
// locate a settlement also named. With no resolver output, capitalised
// words stand in, unresolved.
func (d *doc) places(s *sent, a, b int, at attribution) []domain.Ref {
	if a >= b {
		return nil
	}
	lx := d.x.lx
	x, y := s.bytesOf(a, b)
	var refs []domain.Ref
	if len(d.an.Mentions) > 0 {
		var ms []domain.Mention
		for _, m := range d.mentionsIn(s.Field, x, y) {
			if m.End > y || m.Kind != domain.KindPlace {
				continue
			}
			if at.spA >= 0 && m.Start >= at.spA && m.End <= at.spB {
				continue
			}
			if d.isSideName(m.Surface) {
				continue
			}
			name := m.Name
			if name == "" {
				name = m.Surface
			}
			n := len(refs)
			refs = appendRefs(refs, []domain.Ref{{EntityID: m.EntityID, Name: name, Surface: m.Surface}})
			if len(refs) > n {
				ms = append(ms, m)
			}
		}
		// Drop an oblast that only locates another place named: the admin1
		// of a resolved place, of every candidate of an ambiguous one, or the
		// "in <oblast>" after a town no gazetteer knew. The claim is about
		// the town; keeping the oblast would claim the whole oblast.
		var out []domain.Ref
		for i, r := range refs {
			container := false
			for j, o := range refs {
				if i != j && r.EntityID != "" && d.locates(r, ms[i], o, ms[j], s) {
					container = true
				}
			}
			if !container {
				out = append(out, r)
			}
		}
		return out
	}
	// fallback: capitalised words after the first token that are not side names
	for k := a; k < b; k++ {
		t := s.toks[k]
		if !t.upper || k == 0 || (at.spA >= 0 && t.start >= at.spA && t.end <= at.spB) {
			continue
		}
		// the first word after an opening mark, and function words, are
		// capitalised by position, not because they are names
		if pt := s.toks[k-1]; pt.kind == tokPunct && pt.s != "," && pt.s != "%" && pt.s != ":" && pt.s != "|" || determiners[t.s] || npTrim[t.s] || lx.pronouns[t.s] || d.isCueWord(s, k) {
			continue
		}
		e := k + 1
		for e < b && s.toks[e].upper {
			e++
		}
		x, y := s.toks[k].start, s.toks[e-1].end
		surf := s.text[x:y]
		_, side := lx.sides.at(s.toks, k)
		_, month := lx.months.at(s.toks, k)
		_, day := lx.weekdays.at(s.toks, k)
		if !side && !month && !day && !d.isSideName(surf) {
			refs = appendRefs(refs, []domain.Ref{{Name: surf, Surface: surf}})
		}
		k = e - 1
	}
	return refs
}

// locates: the region r (mention rm) only says where the place o (mention
// om) lies.
func (d *doc) locates(r domain.Ref, rm domain.Mention, o domain.Ref, om domain.Mention, s *sent) bool {
	if e := d.ents[o.EntityID]; e != nil {
		return o.EntityID != r.EntityID && e.Admin1ID == r.EntityID
	}
	re := d.ents[r.EntityID]
	if o.EntityID != "" || re == nil || !isRegion(re) {
		return false
	}
	if om.Status == domain.StatusAmbiguous && len(om.Candidates) > 0 {
		all := true
		for _, c := range om.Candidates {
			all = all && c.Admin1 != "" && (c.Admin1 == re.Name || c.Admin1 == re.ID)
		}
		if all {
			return true
		}
	}
	// "<town> in <region>", "<town> в <region>": the region follows the
	// town within a few words after a locative preposition
	if rm.Start < om.End {
		return false
	}
	between := d.x.lx.tokens(s.text[om.End:rm.Start], om.End)
	if len(between) == 0 || len(between) > 4 {
		return false
	}
	for _, t := range between {
		switch t.s {
		case "in", "of", "в", "во", "у", "на", "під":
			return true
		}
	}
	return false
}

// isRegion: an oblast, a krai or a republic, not a settlement.
func isRegion(e *domain.Entity) bool {
	return e.Kind == domain.KindPlace && (strings.HasPrefix(e.FeatureCode, "ADM1") || strings.HasPrefix(e.FeatureCode, "ADM2"))
}

// containerOf: r is the admin1 of another place in refs.
func (d *doc) containerOf(r domain.Ref, refs []domain.Ref) bool {
	if r.EntityID == "" {
		return false
	}
	for _, o := range refs {
		if e := d.ents[o.EntityID]; e != nil && o.EntityID != r.EntityID && e.Admin1ID == r.EntityID {
			return true
		}
	}
	return false
}

// isCueWord: the word at k is a speech, control or event cue, capitalised
// only because a headline is in title case ("Army Says It Took the Bridge").
func (d *doc) isCueWord(s *sent, k int) bool {
	lx := d.x.lx
	for _, m := range []*matcher{lx.control, lx.speech, lx.event} {
		if _, ok := m.at(s.toks, k); ok {
			return true
		}
	}
	return false
}

// isSideName: the whole surface is a side word (Kyiv, Moscow, Russia).
func (d *doc) isSideName(surface string) bool {
	if v, ok := d.sideName[surface]; ok {
		return v
	}
	toks := d.x.lx.tokens(surface, 0)
	p, ok := (*pattern)(nil), false
	if len(toks) > 0 {
		p, ok = d.x.lx.sides.at(toks, 0)
	}
	v := ok && len(p.toks) == len(toks)
	d.sideName[surface] = v
	return v
}

// anaphor: "the city", "the eastern railway hub", "it" refer to the last
// settlement named before.
func (d *doc) anaphor(s *sent, a, b int) *domain.Ref {
	for k := a; k < b; k++ {
		w := s.toks[k].s
		if d.x.lx.anaphors[w] || w == "it" || w == "он" || w == "він" {
			// a settlement named earlier in the same sentence comes first
			// ("fighting inside Huliaipole ..., rejecting the claim that the
			// town had been captured")
			var near *domain.Ref
			for _, m := range d.mentionsIn(s.Field, s.Start, s.toks[k].start) {
				if m.Kind != domain.KindPlace || d.isSideName(m.Surface) || (d.spA >= 0 && m.Start >= d.spA && m.End <= d.spB) {
					continue
				}
				if e := d.ents[m.EntityID]; e != nil && !strings.HasPrefix(e.FeatureCode, "PPL") {
					continue
				}
				name := m.Name
				if name == "" {
					name = m.Surface
				}
				near = &domain.Ref{EntityID: m.EntityID, Name: name, Surface: m.Surface}
			}
			if len(d.an.Mentions) == 0 && k > 0 {
				// no resolver: the last capitalised name before it, outside
				// the speaker's phrase
				if refs := d.places(s, 0, k, attribution{spA: d.spA, spB: d.spB}); len(refs) > 0 {
					near = &refs[len(refs)-1]
				}
			}
			if near == nil && d.lastPlace == nil {
				return nil
			}
			if near == nil {
				near = d.lastPlace
			}
			r := *near
			r.Surface = s.text[s.toks[k].start:s.toks[k].end]
			return &r
		}
	}
	return nil
}

// notePlaces remembers the last settlement of the sentence for anaphors.
func (d *doc) notePlaces(s *sent) {
	for _, m := range d.mentionsIn(s.Field, s.Start, s.End) {
		if m.End > s.End || m.Kind != domain.KindPlace || d.isSideName(m.Surface) {
			continue
		}
		if d.spA >= 0 && m.Start >= d.spA && m.End <= d.spB {
			continue // a place in the speaker's title ("spokesman of the Khortytsia group")
		}
		if e := d.ents[m.EntityID]; e != nil && !strings.HasPrefix(e.FeatureCode, "PPL") {
			continue
		}
		name := m.Name
		if name == "" {
			name = m.Surface
		}
		d.lastPlace = &domain.Ref{EntityID: m.EntityID, Name: name, Surface: m.Surface}
	}
	if len(d.an.Mentions) == 0 {
		for i := len(d.claims) - 1; i >= 0 && d.claims[i].Start >= s.Start; i-- {
			if c := d.claims[i]; c.Kind == domain.ClaimControl && len(c.Places) > 0 {
				r := c.Places[0]
				d.lastPlace = &r
				break
			}
		}
	}
}

// actors are the person, organisation and unit mentions of the sentence
// other than the speaker.
func (d *doc) actors(s *sent, at attribution) []domain.Ref {
	var out []domain.Ref
	for _, m := range d.mentionsIn(s.Field, s.Start, s.End) {
		if m.End > s.End {
			continue
		}
		if m.Kind != domain.KindPerson && m.Kind != domain.KindOrg && m.Kind != domain.KindUnit {
			continue
		}
		if m.EntityID != "" && m.EntityID == at.voice.EntityID {
			continue
		}
		name := m.Name
		if name == "" {
			name = m.Surface
		}
		out = appendRefs(out, []domain.Ref{{EntityID: m.EntityID, Name: name, Surface: m.Surface}})
	}
	return out
}

// controlKey is "control|<places>|<status folded>|<side>", with "|part"
// for a share of a place.
func (d *doc) controlKey(places []domain.Ref, status, side string, ctl *domain.Control) string {
	k := "control|" + refKeys(places, nil) + "|" + d.x.lx.keyStatus[status] + "|" + side
	if ctl.Share > 0 {
		k += "|part"
	}
	return k
}

func refKey(r domain.Ref) string {
	if r.EntityID != "" {
		return r.EntityID
	}
	// an unresolved name keys on its folded form, so that its Russian,
	// Ukrainian and English spellings and cases meet
	if f := FoldName(r.Name); f != "" {
		return "name:" + f
	}
	return "name:" + strings.ToLower(r.Name)
}

func refKeys(places, actors []domain.Ref) string {
	var ks []string
	for _, r := range places {
		ks = append(ks, refKey(r))
	}
	for _, r := range actors {
		ks = append(ks, refKey(r))
	}
	sort.Strings(ks)
	return strings.Join(ks, "+")
}

func timeKey(t *domain.ClaimTime) string {
	if t == nil {
		return ""
	}
	return t.String()
}

func qtyKey(qs []domain.Quantity) string {
	if len(qs) == 0 {
		return ""
	}
	return fmt.Sprintf("%s:%g", qs[0].Of, qs[0].Value)
}

func voiceKey(v domain.Voice) string {
	switch {
	case v.EntityID != "":
		return v.EntityID
	case v.Kind == domain.VoiceOutlet:
		return "outlet"
	case v.Name != "":
		return "name:" + strings.ToLower(v.Name)
	default:
		return v.Kind
	}
}

// outletEvent: in a sentence that reports a speaker, the words outside the
// speaker's content are the outlet's own, and may assert an event ("During
// his visit, the president said ...", "..., Gerasimov Tells Putin During
// Visit to Zapad Battlegroup Command Post").
func (d *doc) outletEvent(s *sent, at attribution) (domain.Claim, bool) {
	if !at.cued || at.voice.Kind == domain.VoiceOutlet {
		return domain.Claim{}, false
	}
	lx := d.x.lx
	for _, h := range lx.event.find(s.toks) {
		t := s.toks[h.i]
		if (t.start >= at.cA && t.end <= at.cB) || (t.start >= at.spA && t.end <= at.spB) || s.inq[h.i] {
			continue
		}
		// the clause around the cue, between breaks, outside the content
		a, b := h.i, h.j
		for a > 0 && !isBoundaryTok(s.toks[a-1]) && !(s.toks[a-1].start >= at.cA && s.toks[a-1].end <= at.cB) {
			a--
		}
		for b < len(s.toks) && !isBoundaryTok(s.toks[b]) && !(s.toks[b].start >= at.cA && s.toks[b].end <= at.cB) {
			b++
		}
		x, y := s.bytesOf(a, b)
		c := domain.Claim{
			Kind: domain.ClaimEvent, Field: s.Field, Start: s.Start, End: s.End, Sentence: s.Text,
			SpanStart: x, SpanEnd: y, Text: s.text[x:y], Voice: d.outletVoice(),
			Stance: domain.StanceAsserted, Stances: []domain.Stance{domain.StanceAsserted},
		}
		sp := attribution{spA: -1, spB: -1}
		c.Places = d.places(s, a, b, sp)
		c.Actors = d.actors(s, attribution{})
		c.Time = d.published()
		c.Proposition = "event|" + lx.eventTypes[h.val] + "|" + refKeys(c.Places, c.Actors) + "|" + timeKey(c.Time)
		return c, true
	}
	return domain.Claim{}, false
}
