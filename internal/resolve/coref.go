package resolve

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
)

// tok returns word i of m's field.
func (d *doc) tok(m *ment, i int) *token { return &d.fields[m.field].toks[i] }

func (d *doc) ntoks(m *ment) int { return len(d.fields[m.field].toks) }

// nextMention returns the mention starting right after m (only spaces
// between), or nil.
func (d *doc) nextMention(m *ment) *ment {
	if m.to >= d.ntoks(m) || !gapSpaces(d.tok(m, m.to).gap) {
		return nil
	}
	for o := d.mix.startingAt(m.field, m.to); o != nil; o = o.nextStart {
		if o != m {
			return o
		}
	}
	return nil
}

// appositionHead returns the person mention that m (a title phrase) stands in
// apposition to: "Sergei Kuzovlev, [the] commander of ...".
func (d *doc) appositionHead(m *ment) *ment {
	k := m.from
	if k > 0 && (d.tok(m, k-1).norm == "the" || d.tok(m, k-1).norm == "a") && gapSpaces(d.tok(m, k).gap) {
		k--
	}
	if k == 0 || !strings.HasPrefix(strings.TrimSpace(d.tok(m, k).gap), ",") || d.tok(m, k-1).sent != m.sent {
		return nil
	}
	for o := d.mix.endingAt(m.field, k); o != nil; o = o.nextEnd {
		if o.m.Kind == domain.KindPerson && o.m.EntityID != "" && !o.role {
			return o
		}
	}
	return nil
}

// linkTitles joins titles to the names next to them: "Kremlin spokesman
// Dmitry Peskov", "President Vladimir Putin", "Sergei Kuzovlev, commander of
// the western troop grouping". A capitalised name after a title that is no
// known actor becomes a person of this article.
func (d *doc) linkTitles() {
	for _, m := range d.ms {
		if m.pending != "role" {
			continue
		}
		if n := d.nextMention(m); n != nil {
			switch {
			case n.m.Kind == domain.KindPerson && n.m.EntityID != "" && !n.role:
				d.setEntity(m, n.m.EntityID, 0.9, "title right before the name "+quote(n.m.Surface))
				m.pending = ""
				continue
			case n.pending == "run" && n.to-n.from >= 2:
				id := d.newLocal(n.m.Surface, []string{m.m.Surface}, "named after the title "+quote(m.m.Surface))
				d.setEntity(n, id, 0.8, "capitalised name after the title "+quote(m.m.Surface))
				n.pending = ""
				d.setEntity(m, id, 0.8, "title right before the name "+quote(n.m.Surface))
				m.pending = ""
				continue
			}
		}
		if p := d.appositionHead(m); p != nil {
			d.setEntity(m, p.m.EntityID, 0.9, "title in apposition to "+quote(p.m.Surface))
			m.pending = ""
			if e := d.ents[p.m.EntityID]; e != nil && strings.HasPrefix(e.ID, "local:") {
				e.Roles = appendNew(e.Roles, m.m.Surface)
			}
		}
	}
}

// teaserPlace reports a headline word of a caption or teaser that names
// a place exactly: a teaser is about another story, so the body need not
// write its places at all.
func (d *doc) teaserPlace(m *ment) bool {
	if m.field < 2 {
		return false
	}
	cands := d.lookupPlace(m)
	return len(cands) > 0 && bestMatch(cands) >= exactMatch
}

// newLocal makes a person known only from this article.
func (d *doc) newLocal(name string, roles []string, how string) string {
	key := joinNorm(d.r.tokenize(name))
	if id, ok := d.locals[key]; ok {
		if e := d.ents[id]; e != nil {
			e.Roles = appendNew(e.Roles, roles...)
		}
		return id
	}
	d.localN++
	art := d.a.ID
	if art == "" {
		art = "article"
	}
	id := fmt.Sprintf("local:%s:%d", art, d.localN)
	d.ents[id] = &domain.Entity{ID: id, Kind: domain.KindPerson, Name: name, Roles: append([]string(nil), roles...),
		Notes: []string{"found in this article only: " + how}}
	d.locals[key] = id
	toks := d.r.tokenize(name)
	if len(toks) > 1 {
		sn := toks[len(toks)-1].norm
		if _, taken := d.locals[sn]; !taken {
			d.locals[sn] = id
		}
	}
	return id
}

func joinNorm(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}

// resolveRuns decides what each capitalised run that no data file knows is:
// a person after a title or next to a verb of saying, an earlier person's
// surname, a place (gazetteer), or an unresolved name.
func (d *doc) resolveRuns() {
	// How the body writes the words of one-word and headline runs: in lower
	// case somewhere (a common word), capitalised, capitalised mid-sentence.
	const (
		asked     = 1 << iota // a word of such a run
		lowerWord             // written in lower case in the body
		bodyCap               // capitalised in the body
		midCap                // capitalised mid-sentence in the body
	)
	seen := map[string]uint8{}
	for _, m := range d.ms {
		if (m.pending == "run" && m.to-m.from == 1) || m.pending == "titlecase" {
			seen[d.tok(m, m.from).norm] = asked
		}
	}
	if len(seen) > 0 {
		for _, t := range d.fields[1].toks {
			f, ok := seen[t.norm]
			if !ok {
				continue
			}
			if !t.upper {
				f |= lowerWord
			} else {
				f |= bodyCap
				if !t.sentStart {
					f |= midCap
				}
			}
			seen[t.norm] = f
		}
	}
	lowerWords := func(w string) bool { return seen[w]&lowerWord != 0 }
	bodyCaps := func(w string) bool { return seen[w]&bodyCap != 0 }
	midCaps := func(w string) bool { return seen[w]&midCap != 0 }
	lex := d.r.lex
	if d.guessed == nil {
		d.guessed = map[string]string{}
	}
	guessed := d.guessed
	for _, m := range d.ms {
		if m.pending != "run" && m.pending != "titlecase" {
			continue
		}
		kind := m.pending
		m.pending = ""
		toks := d.fields[m.field].toks
		if m.lead > 0 {
			// "New York" is a place as a whole; "The Kremlin"-style leads go.
			if cands := d.lookupPlace(m); len(cands) > 0 && bestMatch(cands) >= exactMatch {
				m.placeMs, m.pending, m.m.Kind = cands, "place", domain.KindPlace
				continue
			}
			d.trim(m, m.from+m.lead, m.to)
			m.lead = 0
		}
		// A personal title inside the run: "Governor Oleh Syniehubov".
		k := m.from
		for k < m.to-1 && lex.titles[toks[k].norm] {
			k++
		}
		if k > m.from && m.to-k >= 2 {
			title := d.fields[m.field].text[toks[m.from].start:toks[k-1].end]
			d.trim(m, k, m.to)
			id := d.newLocal(m.m.Surface, []string{title}, "named after the title "+quote(title))
			d.setEntity(m, id, 0.8, "capitalised name after the title "+quote(title))
			continue
		}
		n := m.to - m.from
		// A lower-case title before the run: "spokesman Ivan Petrov".
		if m.from > 0 && n >= 2 && lex.titles[toks[m.from-1].norm] && !toks[m.from-1].upper && gapSpaces(toks[m.from].gap) {
			id := d.newLocal(m.m.Surface, []string{toks[m.from-1].text}, "named after the title "+quote(toks[m.from-1].text))
			d.setEntity(m, id, 0.8, "capitalised name after the title "+quote(toks[m.from-1].text))
			continue
		}
		key := joinNorm(toks[m.from:m.to])
		if id, ok := d.locals[key]; ok {
			why := "same name as a person named earlier in this article"
			if n == 1 {
				why = "surname of " + d.entityName(id) + ", named earlier in this article"
			}
			d.setEntity(m, id, 0.8, why)
			continue
		}
		// A headline word or a sentence's first word that the body also
		// writes in lower case is a common word, not a name ("Key City").
		if (kind == "titlecase" || n == 1 && toks[m.from].sentStart) && lowerWords(key) || kind == "titlecase" && !bodyCaps(key) && !d.teaserPlace(m) {
			m.pending = "drop"
			continue
		}
		if d.nonPlace(m) {
			// A weapon, platform or outlet: no place, and no actor either.
			m.pending = "drop"
			continue
		}
		if head, ok := d.quotedAfter(m); ok {
			m.m.Kind = domain.KindOrg
			m.m.Reasons = append(m.m.Reasons, fmt.Sprintf("name in quotes after %q: a project, operation, weapon or work, not a place", head))
			continue
		}
		if kind != "titlecase" && n == 1 && d.surnameNearSpeech(m) {
			m.m.Kind = domain.KindPerson
			m.m.Reasons = append(m.m.Reasons, "kind guessed: a surname-shaped word next to a verb of saying or a title; no known actor by this name")
			continue
		}
		cands := d.lookupPlace(m)
		if len(cands) == 0 && n >= 2 && toks[m.from].sentStart && lex.common[d.a.Language][toks[m.from].norm] {
			// "Житель Кемерово": a common word opening the sentence
			// joined the name after it.
			if rest := d.lookupPlaceAt(m, m.from+1); len(rest) > 0 {
				d.trim(m, m.from+1, m.to)
				n, key, cands = n-1, joinNorm(toks[m.from:m.to]), rest
			}
		}
		if len(cands) > 0 {
			best := bestMatch(cands)
			loose := best < strongMatch
			last := &toks[m.to-1]
			switch {
			case n == 1 && last.allCaps && best < exactMatch:
				// An acronym (СВО, ПВО) met only loosely is no place.
			case best < exactMatch && n == 1 && toks[m.from].sentStart && !midCaps(key):
				// A sentence's capitalised first word, capitalised nowhere
				// else, met only loosely: the capital of the sentence.
				m.pending = "drop"
				continue
			case loose && last.cyr && d.adjective(last.norm) && !d.namesDirection(m) && !d.neuterPlaceForm(last, cands) && !cands[0].inflected:
				// "Нового года", "Южной": an adjective met through a stem.
				m.pending = "drop"
				continue
			case n == 1 && loose && last.cyr && d.fullNameBefore(guessed[key], last.text) && d.farOnly(cands, true):
				// The surname, as written, of a person named in full earlier
				// (Гаутам Адани … Адани), met only loosely and only by
				// places outside the countries the language is written in:
				// the person again, not Adana. Cyrillic only: a loose
				// reading there is a romanisation or a stem, whereas a
				// Latin word the gazetteer fails is often a common noun.
				m.m.Kind = domain.KindPerson
				m.m.Reasons = append(m.m.Reasons, "kind guessed: surname of "+quote(guessed[key])+", an unresolved name earlier in the article")
				continue
			default:
				m.placeMs = cands
				m.pending = "place"
				// Kept only if it resolves (see resolvePlaces).
				m.weak = n == 1 && toks[m.from].sentStart && !midCaps(key)
				m.weakWhy = d.weakName(m)
				if m.weakWhy == "an adjective" && d.neuterPlaceForm(last, cands) {
					m.weakWhy = ""
				}
				m.m.Kind = domain.KindPlace
				continue
			}
		}
		if kind != "titlecase" && d.nearSpeechVerb(m) && d.guessKind(m) != domain.KindOrg {
			if n >= 2 && n <= 4 {
				id := d.newLocal(m.m.Surface, nil, "name next to a verb of saying")
				d.setEntity(m, id, 0.6, "capitalised name next to a verb of saying")
				continue
			}
			m.m.Kind = domain.KindPerson
			m.m.Reasons = append(m.m.Reasons, "kind guessed: next to a verb of saying; no known actor or place by this name")
			continue
		}
		// A lone capitalised first word that nothing resolves and that the
		// article never capitalises elsewhere is the sentence's capital.
		if n == 1 && toks[m.from].sentStart && (len(toks[m.from].norm) <= 2 || !midCaps(key) && lex.metonym[key] == "") {
			m.pending = "drop"
			continue
		}
		if n == 1 && guessed[key] != "" {
			m.m.Kind = domain.KindPerson
			m.m.Reasons = append(m.m.Reasons, "kind guessed: surname of "+quote(guessed[key])+", an unresolved name earlier in the article")
			continue
		}
		if last := &toks[m.to-1]; n == 1 && last.cyr && d.adjective(last.norm) && !d.namesDirection(m) {
			// A lone capitalised adjective no place is named by
			// ("Кураховской ТЭС", "Национальной гвардии"): a word of a
			// longer name, not a mention of its own.
			m.pending = "drop"
			continue
		}
		m.m.Kind, m.m.Reasons = d.guessKind(m), append(m.m.Reasons, "no known actor or place by this name; kind guessed from the words around it")
		if m.m.Kind == domain.KindPerson {
			guessed[toks[m.to-1].norm] = m.m.Surface
		}
	}
}

// fullNameBefore says whether full, a name guessed to be a person's, ends
// in the surname as written and begins with no common word ("Жители
// Валенсии" is a sentence's subject and a place, not a person).
func (d *doc) fullNameBefore(full, surname string) bool {
	first, _, ok := strings.Cut(full, " ")
	return ok && strings.HasSuffix(full, " "+surname) && !gazetteer.IsCommonWord(first)
}

// farOnly says whether no candidate lies in a country the article's
// language is written in (data/lexicon.yaml language_countries); an
// article of unknown language written in Cyrillic counts as Russian.
func (d *doc) farOnly(cands []placeCand, cyr bool) bool {
	lang := d.a.Language
	if lang == "" && cyr {
		lang = "ru"
	}
	for _, c := range cands {
		if slices.Contains(d.r.lex.langCountries[lang], c.p.Country) {
			return false
		}
	}
	return true
}

// trim narrows m to tokens [from, to).
func (d *doc) trim(m *ment, from, to int) {
	if d.indexed {
		d.mix.move(m, from, to)
	}
	m.from, m.to = from, to
	nm := d.newMention(m.field, from, to, m.m.Kind)
	m.m.Start, m.m.End, m.m.Surface = nm.Start, nm.End, nm.Surface
}

// nearSpeechVerb reports "X said", "X, the ..., said" (next word), "said X"
// and "according to X".
func (d *doc) nearSpeechVerb(m *ment) bool {
	toks := d.fields[m.field].toks
	lex := d.r.lex
	if m.to < len(toks) && toks[m.to].sent == m.sent && lex.speech[toks[m.to].norm] {
		g := strings.TrimSpace(toks[m.to].gap)
		if g == "" || g == "," {
			return true
		}
	}
	if m.from > 0 && toks[m.from-1].sent == m.sent {
		p := toks[m.from-1].norm
		if lex.speech[p] && p != "according" {
			return true
		}
		if p == "to" && m.from > 1 && toks[m.from-2].norm == "according" {
			return true
		}
	}
	return false
}

// surnameNearSpeech reports a one-word Cyrillic run shaped like a surname
// (data/lexicon.yaml surname_endings) next to a verb of saying or after a
// title ("Нарышкин заявил", "директор СВР Нарышкин"): a person, not the
// village its stem meets. Capitals acting as governments ("Киев заявил")
// and big places named exactly stay places.
func (d *doc) surnameNearSpeech(m *ment) bool {
	t := d.tok(m, m.from)
	lex := d.r.lex
	if !t.cyr || lex.metonym[t.norm] != "" || lex.metonym[t.stem] != "" {
		return false
	}
	shaped := false
	for _, e := range lex.surnameEnds {
		if strings.HasSuffix(t.norm, e) && utf8.RuneCountInString(t.norm) > utf8.RuneCountInString(e)+2 {
			shaped = true
			break
		}
	}
	if !shaped {
		return false
	}
	toks := d.fields[m.field].toks
	titled := m.from > 0 && toks[m.from-1].sent == m.sent && gapSpaces(t.gap) && lex.titles[toks[m.from-1].norm]
	for o := d.mix.endingAt(m.field, m.from); o != nil; o = o.nextEnd {
		if o.role && gapSpaces(t.gap) {
			titled = true
		}
	}
	if !titled && !d.nearSpeechVerb(m) {
		return false
	}
	for _, c := range d.lookupPlace(m) {
		if big(c.p) {
			return false // Ростова сообщил... is the city's
		}
	}
	return true
}

// guessKind guesses the kind of a name that resolved to nothing.
func (d *doc) guessKind(m *ment) domain.EntityKind {
	toks := d.fields[m.field].toks
	for i := m.from; i < m.to; i++ {
		if d.r.lex.orgWords[toks[i].text] || toks[i].allCaps && len(toks[i].norm) > 1 {
			return domain.KindOrg
		}
	}
	if m.to < len(toks) && d.r.lex.direction[toks[m.to].norm] {
		return domain.KindPlace
	}
	if m.from > 0 && d.r.lex.locative[toks[m.from-1].norm] {
		return domain.KindPlace
	}
	if n := m.to - m.from; n >= 2 && n <= 3 {
		return domain.KindPerson
	}
	return domain.KindPlace
}

// resolveRoles resolves titles that stand alone ("the Kremlin spokesman",
// "the president", "the chief of staff") to the actor holding the title in
// this article, and firms up surnames whose full name came earlier.
func (d *doc) resolveRoles() {
	// The sides of the actors resolved so far weigh each title; they are
	// counted once and kept current as titles resolve.
	if d.anyPending("role") {
		d.sides, d.liveSides = d.sideStatsNow(), true
		defer func() { d.sides, d.liveSides = nil, false }()
	}
	for _, m := range d.ms {
		switch m.pending {
		case "surname":
			m.pending = ""
			if d.namedBefore(m.m.EntityID, m) {
				m.m.Confidence = 0.95
				m.m.Reasons = []string{"surname of " + m.m.Name + ", named earlier in this article"}
			}
		case "role":
			m.pending = ""
			d.resolveRole(m)
		}
	}
}

func (d *doc) holders(m *ment) []string {
	var ids []string
	for _, rid := range m.al.roles {
		ro := d.r.roles[rid]
		var hs []holder
		if ro != nil && ro.Country == "" {
			hs = d.r.byBase[ro.Base]
		} else {
			hs = d.r.byRole[rid]
		}
		for _, h := range hs {
			if h.spell.activeAt(d.date) {
				ids = appendNew(ids, h.id)
			}
		}
	}
	return ids
}

func (d *doc) resolveRole(m *ment) {
	ids := d.holders(m)
	title := quote(m.m.Surface)
	if c, name := d.titleCountry(m); c != "" && d.generic(m) {
		// "президент Грузии", "Georgia's president": the holder is that
		// country's, or no one the data knows.
		var own []string
		for _, id := range ids {
			if d.holdsFor(m, id, c) {
				own = append(own, id)
			}
		}
		if len(own) == 0 {
			m.m.Reasons = append(m.m.Reasons, "title "+title+" of "+name+", whose holder no data file knows")
			return
		}
		ids = own
	} else if len(ids) > 1 {
		// A title alone in a sentence naming a country none of the
		// holders serves may be that country's: it is not given to the
		// side the article leans to.
		for _, c := range d.sentenceCountries(m) {
			served := false
			for _, id := range ids {
				served = served || d.holdsFor(m, id, c)
			}
			if !served && !d.anyNamedBefore(ids, m) {
				m.m.Status = domain.StatusAmbiguous
				for _, id := range ids {
					m.m.Candidates = append(m.m.Candidates, domain.Candidate{EntityID: id, Name: d.entityName(id)})
				}
				m.m.Reasons = append(m.m.Reasons, fmt.Sprintf("title %s in a sentence naming %s, whose holder no data file knows", title, d.entityName(d.countryPlace[c])))
				return
			}
		}
	}
	switch len(ids) {
	case 0:
		m.m.Reasons = append(m.m.Reasons, "title "+title+" of no known actor at the article's date")
		return
	case 1:
		conf, why := 0.75, "the only known holder of the title "+title+" at the article's date"
		if d.namedBefore(ids[0], m) {
			conf, why = 0.85, why+", named earlier in this article"
		}
		d.setEntity(m, ids[0], conf, why)
		return
	}
	scores := d.sideScores(m, ids)
	best, cands, ok := pick(scores, ids)
	for i := range cands {
		cands[i].Name = d.entityName(cands[i].EntityID)
	}
	if ok {
		why := fmt.Sprintf("title %s held by %d known actors; %s chosen", title, len(ids), d.entityName(best))
		if d.namedBefore(best, m) {
			why += " as the holder named earlier in this article"
		} else {
			why += " by the sides of the actors around it"
		}
		d.setEntity(m, best, 0.7, why)
		m.m.Candidates = cands[1:]
		return
	}
	m.m.Status = domain.StatusAmbiguous
	m.m.Candidates = cands
	m.m.Reasons = append(m.m.Reasons, fmt.Sprintf("title %s held by %d known actors and the article does not say which", title, len(ids)))
}

// generic reports a title naming no country ("the president").
func (d *doc) generic(m *ment) bool {
	for _, rid := range m.al.roles {
		if ro := d.r.roles[rid]; ro == nil || ro.Country != "" {
			return false
		}
	}
	return true
}

// holdsFor reports whether actor id holds m's kind of title for country c.
func (d *doc) holdsFor(m *ment, id, c string) bool {
	info := d.r.ents[id]
	if info == nil {
		return false
	}
	for _, s := range info.roles {
		ro := d.r.roles[s.Role]
		if ro == nil || ro.Country != c || !s.activeAt(d.date) {
			continue
		}
		for _, rid := range m.al.roles {
			if mr := d.r.roles[rid]; mr != nil && mr.Base == ro.Base {
				return true
			}
		}
	}
	return false
}

func (d *doc) anyNamedBefore(ids []string, m *ment) bool {
	for _, id := range ids {
		if d.namedBefore(id, m) {
			return true
		}
	}
	return false
}

// countryOf returns the ISO code of a mention resolved to a country.
func (d *doc) countryOf(o *ment) string {
	if o == nil || o.m.Kind != domain.KindPlace || o.m.Status != domain.StatusResolved {
		return ""
	}
	if e := d.placeInfo(o.m.EntityID); e != nil && e.FeatureCode == "PCLI" && e.Country != "" {
		if d.countryPlace == nil {
			d.countryPlace = map[string]string{}
		}
		d.countryPlace[e.Country] = o.m.EntityID
		return e.Country
	}
	return ""
}

// titleCountry returns the country named right after a title (президент
// Грузии, president of Georgia) or right before it with a possessive
// (Georgia's president).
func (d *doc) titleCountry(m *ment) (string, string) {
	toks := d.fields[m.field].toks
	k := m.to
	if k < len(toks) && toks[k].norm == "of" && toks[k].sent == m.sent {
		k++
	}
	for o := d.mix.startingAt(m.field, k); o != nil; o = o.nextStart {
		if c := d.countryOf(o); c != "" && gapSpaces(toks[k].gap) {
			return c, o.m.Surface
		}
	}
	if m.from > 0 && strings.HasPrefix(toks[m.from].gap, "'s") || strings.HasPrefix(toks[m.from].gap, "’s") {
		for o := d.mix.endingAt(m.field, m.from); o != nil; o = o.nextEnd {
			if c := d.countryOf(o); c != "" {
				return c, o.m.Surface
			}
		}
	}
	return "", ""
}

// sentenceCountries lists the countries named in m's sentence.
func (d *doc) sentenceCountries(m *ment) []string {
	var out []string
	for o := d.mix.inSentence(m.field, m.sent); o != nil; o = o.nextSent {
		if c := d.countryOf(o); c != "" {
			out = appendNew(out, c)
		}
	}
	return out
}

// resolvePronouns links he/she (он/она, він/вона) to the one person of
// that gender in the sentence so far and the sentence before; with several
// it lists them, with none the pronoun is not kept.
func (d *doc) resolvePronouns() {
	for _, m := range d.ms {
		if m.pending != "pronoun" {
			continue
		}
		m.pending = ""
		var ids []string
		for _, a := range d.antecedents(m.field, m.sent-1) {
			if a.gender == "" || a.gender == m.gender {
				ids = appendNew(ids, a.id)
			}
		}
		for _, a := range d.antecedents(m.field, m.sent) {
			if a.to <= m.from && (a.gender == "" || a.gender == m.gender) {
				ids = appendNew(ids, a.id)
			}
		}
		switch len(ids) {
		case 0:
			m.pending = "drop"
		case 1:
			d.setEntity(m, ids[0], 0.7, fmt.Sprintf("%s: the only person of that gender in this and the preceding sentence is %s", quote(m.m.Surface), d.entityName(ids[0])))
		default:
			m.m.Status = domain.StatusAmbiguous
			for _, id := range ids {
				m.m.Candidates = append(m.m.Candidates, domain.Candidate{EntityID: id, Name: d.entityName(id)})
			}
			m.m.Reasons = append(m.m.Reasons, fmt.Sprintf("%s: %d persons of that gender in this and the preceding sentence", quote(m.m.Surface), len(ids)))
		}
	}
}

// antecedent is a person a pronoun may stand for: one per entity and
// gender in a sentence, with the end of its first mention there.
type antecedent struct {
	id, gender string
	to         int
}

// antecedents lists the persons resolved in one sentence, in order, once
// each (pronouns are not antecedents of their own). Only pronouns change
// while resolvePronouns runs, so each sentence's list is made once.
func (d *doc) antecedents(field, sent int) []antecedent {
	k := [2]int{field, sent}
	if as, ok := d.ants[k]; ok {
		return as
	}
	if d.ants == nil {
		d.ants = map[[2]int][]antecedent{}
	}
	var as []antecedent
	at := map[[2]string]int{}
	for o := d.mix.inSentence(field, sent); o != nil; o = o.nextSent {
		if o.pron || o.pending == "drop" || o.m.EntityID == "" || o.m.Kind != domain.KindPerson || o.m.Status != domain.StatusResolved {
			continue
		}
		if i, dup := at[[2]string{o.m.EntityID, o.gender}]; dup {
			as[i].to = min(as[i].to, o.to)
			continue
		}
		at[[2]string{o.m.EntityID, o.gender}] = len(as)
		as = append(as, antecedent{id: o.m.EntityID, gender: o.gender, to: o.to})
	}
	d.ants[k] = as
	return as
}

// addNotes marks capitals used for their governments ("Kyiv had retaken")
// and places naming a front direction ("the Kramatorsk direction").
func (d *doc) addNotes() {
	lex := d.r.lex
	kept := d.ms[:0]
	for _, m := range d.ms {
		if m.pending == "drop" {
			continue
		}
		kept = append(kept, m)
		toks := d.fields[m.field].toks
		if m.m.Kind != domain.KindPlace && m.m.Kind != "" {
			continue
		}
		if d.namesDirection(m) {
			m.m.Notes = append(m.m.Notes, "names the front direction (sector) around the place")
		}
		if m.to-m.from == 1 {
			t := &toks[m.from]
			gov, ok := lex.metonym[t.norm]
			if !ok {
				gov, ok = lex.metonym[t.stem]
			}
			if ok && d.governmentAct(m) {
				m.m.Notes = append(m.m.Notes, "used for "+gov+" (metonym); resolved to the place")
			}
		}
	}
	d.ms = kept
}

// governmentAct reports a capital acting as a government: followed within
// three words by a verb of acting or saying, or after "for"/"by"/"to".
func (d *doc) governmentAct(m *ment) bool {
	toks := d.fields[m.field].toks
	lex := d.r.lex
	for k := m.to; k < len(toks) && k < m.to+3; k++ {
		if toks[k].sent != m.sent || strings.ContainsAny(toks[k].gap, ",;:") {
			break
		}
		if lex.govVerbs[toks[k].norm] {
			return true
		}
	}
	return m.from > 0 && toks[m.from-1].sent == m.sent && lex.govPreps[toks[m.from-1].norm]
}

// namesDirection reports a place name followed by a direction noun, also
// across a coordination: "the Konstantinovka and Kramatorsk directions".
func (d *doc) namesDirection(m *ment) bool {
	toks := d.fields[m.field].toks
	lex := d.r.lex
	// The direction noun may close a list of names: "на Запорожском,
	// Херсонском и Крымском направлениях", "Kramatorsk and Pokrovsk
	// directions". Only names, commas and conjunctions come between.
	for k := m.to; k < len(toks) && k < m.to+maxDirectionList && toks[k].sent == m.sent; k++ {
		t := &toks[k]
		if g := strings.TrimSpace(t.gap); g != "" && g != "," {
			return false
		}
		switch {
		case lex.direction[t.norm]:
			return true
		case lex.conj[t.norm], t.upper && !t.allCaps:
		default:
			return false
		}
	}
	return false
}

// maxDirectionList bounds the words a list of names may put between a name
// and its direction noun.
const maxDirectionList = 8

// Name-match scores (gazetteer.Match.Score) below strongMatch are stems and
// typos; acronyms must match at exactMatch or better.
const (
	strongMatch = 0.9
	exactMatch  = 0.97
)

// adjective reports a Russian/Ukrainian word with an adjective ending.
func (d *doc) adjective(norm string) bool {
	for _, e := range d.r.lex.adjEndings {
		if strings.HasSuffix(norm, e) {
			return true
		}
	}
	return false
}

func bestMatch(cands []placeCand) float64 {
	best := 0.0
	for _, c := range cands {
		best = math.Max(best, c.match)
	}
	return best
}

// nonPlace reports a run that data/nonplaces.yaml names (a weapon, a
// platform, an outlet), in any case form.
func (d *doc) nonPlace(m *ment) bool {
	toks := d.fields[m.field].toks[m.from:m.to]
	np := d.r.lex.nonPlace
	if np[joinNorm(toks)] {
		return true
	}
	return len(toks) == 1 && toks[0].cyr && np[toks[0].stem]
}

// maxQuotedWords bounds a quoted name ("Линия фронта", "Operation Spiderweb").
const maxQuotedWords = 5

// quotedAfter reports a run inside quotes: «Линия фронта», "Spiderweb". In
// Russian and Ukrainian copy quotes mark the names of projects, operations,
// weapons, units and works, not of places; with a head noun before the
// quotes (проекта «...») it says which.
func (d *doc) quotedAfter(m *ment) (string, bool) {
	f := &d.fields[m.field]
	toks := f.toks
	open := strings.TrimRight(toks[m.from].gap, " \u00a0")
	if open == "" {
		return "", false
	}
	o, _ := utf8.DecodeLastRuneInString(open)
	closeOK := func(c rune) bool {
		switch o {
		case '«':
			return c == '»'
		case '„':
			return c == '“' || c == '”'
		case '“':
			return c == '”'
		case '"':
			return c == '"'
		}
		return false
	}
	// The quoted name may go on in lower case («Линия фронта»): take its
	// words up to the closing quote into the mention.
	end := m.to
	for end < len(toks) && end-m.from < maxQuotedWords && toks[end].sent == m.sent && gapSpaces(toks[end].gap) {
		end++
	}
	closed := -1
	for k := m.to; k <= end; k++ {
		c, _ := utf8.DecodeRuneInString(f.text[toks[k-1].end:])
		if closeOK(c) {
			closed = k
			break
		}
	}
	if closed < 0 {
		return "", false
	}
	covered := d.fields[m.field].covered
	for k := m.to; k < closed; k++ {
		if covered[k] {
			return "", false // another name inside the quotes
		}
	}
	head := "quotes"
	if m.from > 0 && toks[m.from-1].sent == m.sent && d.r.lex.quoteHeads[toks[m.from-1].norm] {
		head = toks[m.from-1].text
	} else if o != '«' || !toks[m.from].cyr {
		// Without a head noun only Cyrillic copy's guillemets say "a name
		// of a thing": English quotes also mark nicknames and sayings.
		return "", false
	}
	if closed > m.to {
		d.trim(m, m.from, closed)
	}
	return head, true
}

// weakName says why a run's words alone are weak evidence of a place, or
// "": a common word of the article's language capitalised (Далее, Wie), a
// word of three letters or fewer, a word in another script than the
// article's (Radio in Russian copy), or a Russian/Ukrainian adjective
// (Украинский).
func (d *doc) weakName(m *ment) string {
	if m.to-m.from != 1 {
		return ""
	}
	t := d.tok(m, m.from)
	lang := d.a.Language
	switch {
	case d.r.lex.common[lang][t.norm]:
		return "a common word of the article's language"
	case utf8.RuneCountInString(t.norm) <= 3:
		return "a word of three letters or fewer"
	case (lang == "ru" || lang == "uk" || lang == "be") && !t.cyr || lang != "" && lang != "ru" && lang != "uk" && lang != "be" && lang != "bg" && lang != "sr" && t.cyr:
		return "written in another script than the article"
	case t.cyr && d.adjective(t.norm) && !d.namesDirection(m):
		return "an adjective"
	}
	return ""
}

// neuterPlaceForm reports a Cyrillic word that is an oblique case of a
// town's name declined like an adjective: Курахового, Покровського are
// Курахове, Покровське, not adjectives.
func (d *doc) neuterPlaceForm(t *token, cands []placeCand) bool {
	oblique := false
	for _, e := range []string{"ого", "его", "ому", "ему", "ым", "им", "ім", "ом", "ем"} {
		if strings.HasSuffix(t.norm, e) {
			oblique = true
		}
	}
	if !oblique {
		return false // Киевский, Украинский: an adjective's own form
	}
	for _, c := range cands {
		if c.p.Population < villageSize {
			continue
		}
		for _, n := range c.p.Names {
			nn := normWord(n)
			if !strings.HasSuffix(nn, "е") && !strings.HasSuffix(nn, "о") {
				continue
			}
			if d.r.lex.stem(nn) == t.stem {
				return true
			}
		}
	}
	return false
}

// lookupPlaceAt looks up the words of m from word from on.
func (d *doc) lookupPlaceAt(m *ment, from int) []placeCand {
	sub := *m
	sub.from = from
	nm := d.newMention(m.field, from, m.to, "")
	sub.m.Start, sub.m.End, sub.m.Surface = nm.Start, nm.End, nm.Surface
	return d.lookupPlace(&sub)
}
