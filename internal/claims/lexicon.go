package claims

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed data/*.yaml
var dataFS embed.FS

// Cue classes of speech.yaml.
const (
	cueNeutral = "neutral"
	cueHedge   = "hedge"
	cueDeny    = "deny"
	cueSource  = "source"
	cuePointer = "pointer"
	cuePart    = "participle"
)

// pattern is one lexicon phrase as lower-case tokens; a token ending in
// "*" matches any word with that prefix. ids are the tokens' vocabulary
// ids (compiled), so matching compares integers.
type pattern struct {
	toks []string
	star []bool
	ids  []int32
	val  int
}

// matcher finds lexicon phrases in a token sequence, longest first.
type matcher struct {
	exact  map[string][]*pattern // by first token, while loading
	prefix []*pattern            // first token is a prefix pattern

	// compiled
	byID     [][]*pattern // by vocabulary id of the first token
	byRune   [][]*pattern // prefix patterns by the first rune of the prefix
	compiled bool
}

func newMatcher() *matcher { return &matcher{exact: map[string][]*pattern{}} }

func (m *matcher) add(form string, val int) {
	toks := phraseTokens(form)
	if len(toks) == 0 {
		return
	}
	p := &pattern{val: val}
	for _, t := range toks {
		star := strings.HasSuffix(t, "*") && len(t) > 1
		p.toks = append(p.toks, strings.TrimSuffix(t, "*"))
		p.star = append(p.star, star)
	}
	if p.star[0] {
		m.prefix = append(m.prefix, p)
		return
	}
	m.exact[p.toks[0]] = append(m.exact[p.toks[0]], p)
}

// maxRune bounds the first runes of prefix patterns (Latin and Cyrillic).
const maxRune = 0x530

// compile turns the matcher's strings into vocabulary ids.
func (m *matcher) compile(v *vocab) {
	all := append([]*pattern(nil), m.prefix...)
	for _, ps := range m.exact {
		all = append(all, ps...)
	}
	for _, p := range all {
		p.ids = make([]int32, len(p.toks))
		for i, t := range p.toks {
			if !p.star[i] {
				p.ids[i] = v.add(t)
			}
		}
	}
	m.byID = make([][]*pattern, v.size())
	for _, ps := range m.exact {
		for _, p := range ps {
			m.byID[p.ids[0]] = append(m.byID[p.ids[0]], p)
		}
	}
	m.byRune = make([][]*pattern, maxRune)
	for _, p := range m.prefix {
		r, _ := utf8.DecodeRuneInString(p.toks[0])
		if r < maxRune {
			m.byRune[r] = append(m.byRune[r], p)
		}
	}
	m.compiled = true
}

// vocab numbers every token the lexicons use; 0 is "not in any lexicon".
type vocab struct {
	ids  map[string]int32
	keys []string // by id
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}, keys: []string{""}} }

func (v *vocab) add(t string) int32 {
	if id, ok := v.ids[t]; ok {
		return id
	}
	id := int32(len(v.keys))
	v.ids[t] = id
	v.keys = append(v.keys, t)
	return id
}

func (v *vocab) lookup(t string) int32 {
	if v == nil {
		return 0
	}
	return v.ids[t]
}

func (v *vocab) size() int { return len(v.keys) }

// phraseTokens splits a lexicon form the way sentences are tokenised,
// keeping a final "*" on a field as a prefix mark.
func phraseTokens(form string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ToLower(form)) {
		star := strings.HasSuffix(f, "*")
		ts := tokenize(strings.TrimSuffix(f, "*"), 0)
		for i, t := range ts {
			s := t.s
			if star && i == len(ts)-1 {
				s += "*"
			}
			out = append(out, s)
		}
	}
	return out
}

func (p *pattern) matchAt(toks []token, i int) bool {
	if i+len(p.toks) > len(toks) {
		return false
	}
	for k := range p.toks {
		t := &toks[i+k]
		if p.star[k] {
			if t.kind != tokWord || !strings.HasPrefix(t.s, p.toks[k]) {
				return false
			}
		} else if t.id != p.ids[k] {
			return false
		}
	}
	return true
}

// at returns the longest pattern matching at token i.
func (m *matcher) at(toks []token, i int) (*pattern, bool) {
	var best *pattern
	t := &toks[i]
	if t.id > 0 && int(t.id) < len(m.byID) {
		for _, p := range m.byID[t.id] {
			if (best == nil || len(p.toks) > len(best.toks)) && p.matchAt(toks, i) {
				best = p
			}
		}
	}
	if t.kind == tokWord && t.first < maxRune {
		for _, p := range m.byRune[t.first] {
			if (best == nil || len(p.toks) > len(best.toks)) && p.matchAt(toks, i) {
				best = p
			}
		}
	}
	return best, best != nil
}

// hit is one lexicon match: tokens [i, j) of a sentence.
type hit struct {
	i, j int
	val  int
}

// find returns the leftmost-longest, non-overlapping matches.
func (m *matcher) find(toks []token) []hit {
	var out []hit
	for i := 0; i < len(toks); i++ {
		if p, ok := m.at(toks, i); ok {
			out = append(out, hit{i: i, j: i + len(p.toks), val: p.val})
			i += len(p.toks) - 1
		}
	}
	return out
}

// lexicon is everything the data files say, compiled for matching.
type lexicon struct {
	vocab  *vocab
	abbrev map[string]bool

	speech    *matcher // val: index into cueClass
	cueClass  []string
	cueLang   []string         // by val: the language of the form
	cueForm   []string         // by val: the form
	cueByForm map[string][]int // form → every val with it (one per language)
	// addressees are dative nouns for who was told ("журналистам",
	// "агентству"); pointerOpen the words of "об этом"/"про це" before one
	addressees  map[string]bool
	pointerOpen map[string]bool
	media       map[string]bool
	anonHeads   map[string]bool
	anonMarks   *matcher
	anonStrong  *matcher
	anonDeterm  map[string]bool
	pronouns    map[string]bool
	nameHeads   map[string]bool
	headAssert  *matcher
	denyObject  *matcher

	hedge, dispute, unverified, nocomment *matcher

	control    *matcher // val: index into statuses
	statuses   []string
	keyStatus  map[string]string
	agents     *matcher
	sides      *matcher // val: index into sideNames
	sideNames  []string
	anaphors   map[string]bool
	claimNouns map[string]bool
	event      *matcher // val: index into eventTypes
	eventTypes []string
	statement  *matcher
	fact       *matcher

	framing  *matcher // val: index into frames
	frames   []frame
	frameSrc map[string]string

	qualifier  *matcher // val: index into qualNames
	qualNames  []string
	numbers    map[string]float64
	fractions  *matcher // val: index into fracVals
	fracVals   []float64
	multiplier *matcher // val: index into multVals
	multVals   []float64
	counted    *matcher // val: index into nounOf
	nounOf     []string

	months   *matcher // val: month 1..12
	weekdays *matcher // val: weekday 0..6
	relative *matcher // val: day offset + 100
	anchors  *matcher // val: index into anchorDates
	anchorD  []time.Time
}

// frame is one framing-lexicon entry.
type frame struct {
	ID, Category, Side, Lang, Source string
}

type langForms struct {
	Lang  string   `yaml:"lang"`
	Class string   `yaml:"class"`
	Forms []string `yaml:"forms"`
}

func loadYAML(name string, v any) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("data/%s: %w", name, err)
	}
	return nil
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[strings.ToLower(x)] = true
	}
	return m
}

func matcherOf(groups []langForms) *matcher {
	m := newMatcher()
	for _, g := range groups {
		for _, f := range g.Forms {
			m.add(f, 0)
		}
	}
	return m
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{}

	var ab map[string][]string
	if err := loadYAML("abbrev.yaml", &ab); err != nil {
		return nil, err
	}
	lx.abbrev = map[string]bool{}
	for _, xs := range ab {
		for _, x := range xs {
			lx.abbrev[strings.ToLower(x)] = true
		}
	}

	var sp struct {
		Cues       []langForms `yaml:"cues"`
		Media      []string    `yaml:"media"`
		AnonHeads  []string    `yaml:"anonymous_heads"`
		AnonMarks  []string    `yaml:"anonymous_marks"`
		AnonStrong []string    `yaml:"anonymous_strong"`
		AnonDeterm []string    `yaml:"anonymous_determiners"`
		Pronouns   []string    `yaml:"pronouns"`
		NameHeads  []string    `yaml:"name_heads"`
		HeadAssert []string    `yaml:"headline_assert"`
		DenyObject []string    `yaml:"deny_objects"`
		Addressees []string    `yaml:"addressees"`
		PointerOp  []string    `yaml:"pointer_openers"`
	}
	if err := loadYAML("speech.yaml", &sp); err != nil {
		return nil, err
	}
	lx.addressees, lx.pointerOpen = setOf(sp.Addressees), setOf(sp.PointerOp)
	lx.speech = newMatcher()
	for _, c := range sp.Cues {
		switch c.Class {
		case cueNeutral, cueHedge, cueDeny, cueSource, cuePointer, cuePart:
		default:
			return nil, fmt.Errorf("data/speech.yaml: unknown class %q", c.Class)
		}
		for _, f := range c.Forms {
			f = strings.ToLower(f)
			if lx.cueByForm == nil {
				lx.cueByForm = map[string][]int{}
			}
			lx.cueByForm[f] = append(lx.cueByForm[f], len(lx.cueClass))
			lx.speech.add(f, len(lx.cueClass))
			lx.cueClass = append(lx.cueClass, c.Class)
			lx.cueLang = append(lx.cueLang, c.Lang)
			lx.cueForm = append(lx.cueForm, f)
		}
	}
	lx.media = setOf(sp.Media)
	lx.anonHeads = setOf(sp.AnonHeads)
	lx.anonMarks = newMatcher()
	for _, f := range sp.AnonMarks {
		lx.anonMarks.add(f, 0)
	}
	lx.anonStrong = newMatcher()
	for _, f := range sp.AnonStrong {
		lx.anonStrong.add(f, 0)
	}
	lx.anonDeterm = setOf(sp.AnonDeterm)
	lx.pronouns = setOf(sp.Pronouns)
	lx.nameHeads = setOf(sp.NameHeads)
	lx.denyObject = newMatcher()
	for _, f := range sp.DenyObject {
		lx.denyObject.add(f, 0)
	}
	lx.headAssert = newMatcher()
	for _, f := range sp.HeadAssert {
		lx.headAssert.add(f, 0)
	}

	var st struct {
		Hedge      []langForms `yaml:"hedge"`
		Dispute    []langForms `yaml:"dispute"`
		Unverified []langForms `yaml:"unverified"`
		NoComment  []langForms `yaml:"nocomment"`
	}
	if err := loadYAML("stance.yaml", &st); err != nil {
		return nil, err
	}
	lx.hedge, lx.dispute = matcherOf(st.Hedge), matcherOf(st.Dispute)
	lx.unverified, lx.nocomment = matcherOf(st.Unverified), matcherOf(st.NoComment)

	var ct struct {
		Statuses  map[string]map[string][]string `yaml:"statuses"`
		KeyStatus map[string]string              `yaml:"key_status"`
		Agents    []string                       `yaml:"agents"`
		Sides     map[string][]string            `yaml:"sides"`
		Anaphors  map[string][]string            `yaml:"anaphors"`
		ClaimNoun []string                       `yaml:"claim_nouns"`
		Kinds     struct {
			Event     map[string][]string `yaml:"event"`
			Statement map[string][]string `yaml:"statement"`
			Fact      map[string][]string `yaml:"fact"`
		} `yaml:"kinds"`
	}
	if err := loadYAML("control.yaml", &ct); err != nil {
		return nil, err
	}
	lx.control = newMatcher()
	for _, status := range sortedKeys(ct.Statuses) {
		for _, lang := range sortedKeys(ct.Statuses[status]) {
			for _, f := range ct.Statuses[status][lang] {
				lx.control.add(f, len(lx.statuses))
				lx.statuses = append(lx.statuses, status)
			}
		}
	}
	lx.keyStatus = ct.KeyStatus
	lx.agents = newMatcher()
	for _, f := range ct.Agents {
		lx.agents.add(f, 0)
	}
	lx.sides = newMatcher()
	for _, side := range sortedKeys(ct.Sides) {
		for _, f := range ct.Sides[side] {
			lx.sides.add(f, len(lx.sideNames))
			lx.sideNames = append(lx.sideNames, side)
		}
	}
	lx.claimNouns = setOf(ct.ClaimNoun)
	lx.anaphors = map[string]bool{}
	for _, xs := range ct.Anaphors {
		for _, x := range xs {
			lx.anaphors[x] = true
		}
	}
	lx.event = newMatcher()
	for _, typ := range sortedKeys(ct.Kinds.Event) {
		for _, f := range ct.Kinds.Event[typ] {
			lx.event.add(f, len(lx.eventTypes))
			lx.eventTypes = append(lx.eventTypes, typ)
		}
	}
	lx.statement, lx.fact = newMatcher(), newMatcher()
	for _, xs := range ct.Kinds.Statement {
		for _, f := range xs {
			lx.statement.add(f, 0)
		}
	}
	for _, xs := range ct.Kinds.Fact {
		for _, f := range xs {
			lx.fact.add(f, 0)
		}
	}

	var fr struct {
		Sources map[string]string `yaml:"sources"`
		Entries []struct {
			ID       string   `yaml:"id"`
			Category string   `yaml:"category"`
			Side     string   `yaml:"side"`
			Lang     string   `yaml:"lang"`
			Source   string   `yaml:"source"`
			Forms    []string `yaml:"forms"`
		} `yaml:"entries"`
	}
	if err := loadYAML("framing.yaml", &fr); err != nil {
		return nil, err
	}
	lx.framing = newMatcher()
	lx.frameSrc = fr.Sources
	for _, e := range fr.Entries {
		if e.ID == "" || e.Category == "" || e.Source == "" || fr.Sources[e.Source] == "" {
			return nil, fmt.Errorf("data/framing.yaml: entry %q lacks id, category or a known source", e.ID)
		}
		for _, f := range e.Forms {
			lx.framing.add(f, len(lx.frames))
			lx.frames = append(lx.frames, frame{ID: e.ID, Category: e.Category, Side: e.Side, Lang: e.Lang, Source: fr.Sources[e.Source]})
		}
	}

	var qt struct {
		Qualifiers  map[string][]string `yaml:"qualifiers"`
		Numbers     map[string]float64  `yaml:"numbers"`
		Fractions   map[string]float64  `yaml:"fractions"`
		Multipliers map[string]float64  `yaml:"multipliers"`
		Nouns       map[string][]string `yaml:"nouns"`
	}
	if err := loadYAML("quantities.yaml", &qt); err != nil {
		return nil, err
	}
	lx.qualifier = newMatcher()
	for _, q := range sortedKeys(qt.Qualifiers) {
		for _, f := range qt.Qualifiers[q] {
			lx.qualifier.add(f, len(lx.qualNames))
			lx.qualNames = append(lx.qualNames, q)
		}
	}
	lx.numbers = qt.Numbers
	lx.fractions = newMatcher()
	for _, f := range sortedKeys(qt.Fractions) {
		lx.fractions.add(f, len(lx.fracVals))
		lx.fracVals = append(lx.fracVals, qt.Fractions[f])
	}
	lx.multiplier = newMatcher()
	for _, f := range sortedKeys(qt.Multipliers) {
		lx.multiplier.add(f, len(lx.multVals))
		lx.multVals = append(lx.multVals, qt.Multipliers[f])
	}
	lx.counted = newMatcher()
	for _, of := range sortedKeys(qt.Nouns) {
		for _, f := range qt.Nouns[of] {
			lx.counted.add(f, len(lx.nounOf))
			lx.nounOf = append(lx.nounOf, of)
		}
	}

	var dt struct {
		Months   map[int][]string `yaml:"months"`
		Weekdays map[int][]string `yaml:"weekdays"`
		Relative map[int][]string `yaml:"relative"`
		Anchors  []struct {
			Date  string   `yaml:"date"`
			Forms []string `yaml:"forms"`
		} `yaml:"anchors"`
	}
	if err := loadYAML("dates.yaml", &dt); err != nil {
		return nil, err
	}
	lx.months, lx.weekdays, lx.relative, lx.anchors = newMatcher(), newMatcher(), newMatcher(), newMatcher()
	for m, xs := range dt.Months {
		for _, f := range xs {
			lx.months.add(f, m)
		}
	}
	for d, xs := range dt.Weekdays {
		for _, f := range xs {
			lx.weekdays.add(f, d)
		}
	}
	for d, xs := range dt.Relative {
		for _, f := range xs {
			lx.relative.add(f, d+100)
		}
	}
	for _, a := range dt.Anchors {
		t, err := time.Parse("2006-01-02", a.Date)
		if err != nil {
			return nil, fmt.Errorf("data/dates.yaml: anchor %q: %w", a.Date, err)
		}
		for _, f := range a.Forms {
			lx.anchors.add(f, len(lx.anchorD))
		}
		lx.anchorD = append(lx.anchorD, t)
	}
	lx.vocab = newVocab()
	for _, m := range []*matcher{lx.speech, lx.headAssert, lx.denyObject, lx.anonMarks, lx.anonStrong, lx.hedge, lx.dispute, lx.unverified, lx.nocomment,
		lx.control, lx.agents, lx.sides, lx.event, lx.statement, lx.fact, lx.framing, lx.qualifier,
		lx.fractions, lx.multiplier, lx.counted, lx.months, lx.weekdays, lx.relative, lx.anchors} {
		m.compile(lx.vocab)
	}
	return lx, nil
}

// tokens tokenises text and numbers its tokens by the lexicons' vocabulary.
func (lx *lexicon) tokens(text string, base int) []token {
	return tokenizeV(text, base, lx.vocab)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// classOf is the class of the speech cue val in a text of language lang:
// a form two languages share with different uses ("заявив" is a
// participle in Russian, a past-tense verb in Ukrainian) takes the class of
// the text's language.
func (lx *lexicon) classOf(val int, lang string) string {
	if lang != "" {
		for _, v := range lx.cueByForm[lx.cueForm[val]] {
			if lx.cueLang[v] == lang {
				return lx.cueClass[v]
			}
		}
	}
	return lx.cueClass[val]
}
