package events

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// kindWeights holds data/weights.tsv.
type kindWeights struct {
	kind    map[domain.EntityKind]float64
	feature map[string]float64 // GeoNames feature-code prefix
	id      map[string]float64
	pseudo  float64
}

var weights = mustLoadWeights()

func mustLoadWeights() *kindWeights {
	w, err := loadWeights(weightData)
	if err != nil {
		panic("events: embedded data: " + err.Error())
	}
	return w
}

func loadWeights(data string) (*kindWeights, error) {
	w := &kindWeights{kind: map[domain.EntityKind]float64{}, feature: map[string]float64{}, id: map[string]float64{}}
	err := eachLine(data, func(n int, line string) error {
		key, val, ok := strings.Cut(line, "\t")
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if !ok || err != nil || f < 0 || f > 1 {
			return fmt.Errorf("weights.tsv line %d: want KEY<TAB>WEIGHT in 0..1", n)
		}
		switch {
		case key == "pseudo":
			w.pseudo = f
		case strings.HasPrefix(key, "kind:"):
			w.kind[domain.EntityKind(key[5:])] = f
		case strings.HasPrefix(key, "feature:"):
			w.feature[key[8:]] = f
		case strings.HasPrefix(key, "id:"):
			w.id[key[3:]] = f
		default:
			return fmt.Errorf("weights.tsv line %d: unknown key %q", n, key)
		}
		return nil
	})
	return w, err
}

// of returns the weight of an entity of the given kind and feature code.
func (w *kindWeights) of(id string, kind domain.EntityKind, feature string) float64 {
	if v, ok := w.id[id]; ok {
		return v
	}
	best, bestLen := -1.0, 0
	for p, v := range w.feature {
		if feature != "" && strings.HasPrefix(feature, p) && len(p) > bestLen {
			best, bestLen = v, len(p)
		}
	}
	if best >= 0 {
		return best
	}
	if v, ok := w.kind[kind]; ok {
		return v
	}
	return 0.5
}

// minPropRefWeight is the entity weight (data/weights.tsv) one of a
// claim's places or actors needs for its proposition to count as evidence
// of an event: settlements, districts, people and units have it; countries,
// oblasts, organisations and outlets do not.
const minPropRefWeight = 0.7

// propKey is the hash of c's proposition with its lowest bit saying
// whether the claim names a specific place, person or unit (1) or not (0):
// a proposition naming nobody ("a meeting happened on the 8th") or only a
// country, an oblast or an outlet ("Russia said") is shared by unrelated
// reports of a day, so it is weak evidence (see similarity).
func propKey(c domain.Claim, ents map[string]*domain.Entity) uint64 {
	h := fnv64(c.Proposition) &^ 1
	if specificRef(c, ents) {
		h |= 1
	}
	return h
}

// specificRef reports whether claim c names a place or actor of at least
// minPropRefWeight; ents are the analysis's entities by ID.
func specificRef(c domain.Claim, ents map[string]*domain.Entity) bool {
	for _, refs := range [][]domain.Ref{c.Places, c.Actors} {
		for _, r := range refs {
			if e := ents[r.EntityID]; e != nil && weights.of(e.ID, e.Kind, e.FeatureCode) >= minPropRefWeight {
				return true
			}
		}
	}
	return false
}

// entFeat is one entity of an article as the index sees it: a resolved
// entity ID or a capitalised name folded to a stem, hashed, with the weight
// of its kind (IDF is applied when comparing, from the index's counts).
type entFeat struct {
	key uint64
	w   float32
}

// features is what the index keeps of an article.
type features struct {
	t       int64 // Unix seconds; meaningless when undated
	undated bool
	coarse  bool     // only the date was known
	sig     []uint32 // MinHash of the word stems; nil when there are none
	ents    []entFeat
	props   []uint64
	names   []string // folded stems of capitalised names, for the place filter
}

// refSeen is an entity an article mentions, for the event's places/actors.
type refSeen struct {
	ref    domain.Ref
	place  bool
	weight float64
}

// when returns the article's time: published, else updated.
func when(a *domain.Article) (time.Time, bool, bool) {
	ts := a.Published
	if ts == nil || ts.Time.IsZero() {
		ts = a.Updated
	}
	if ts == nil || ts.Time.IsZero() {
		return time.Time{}, false, false
	}
	coarse := ts.Precision == domain.PrecisionDate || ts.Precision == domain.PrecisionMonth || ts.Precision == domain.PrecisionYear
	return ts.Time.UTC(), true, coarse
}

// paragraphs yields the title and the body paragraphs that are not
// boilerplate for this outlet.
func textOf(a *domain.Article, boiler func(p string) bool) string {
	var b strings.Builder
	for _, p := range a.Body {
		if boiler(p.Text) {
			continue
		}
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// extract computes an article's features. boiler says whether a paragraph
// is the outlet's boilerplate (a footer seen in its earlier reports).
func extract(a *domain.Article, an *domain.Analysis, boiler func(string) bool, toks []token) (features, []refSeen, []token) {
	var f features
	t, ok, coarse := when(a)
	f.t, f.undated, f.coarse = t.Unix(), !ok, coarse

	// Headlines in title case capitalise every word: there capitals mark
	// nothing, so the title's words count as names only in sentence case.
	toks = tokenize(a.Title+".\n", toks[:0])
	if nameShare(toks) > maxTitleNameShare {
		for i := range toks {
			toks[i].name = false
		}
	}
	toks = tokenize(textOf(a, boiler), toks)
	shingles := make([]uint64, 0, len(toks))
	seen := make(map[uint64]bool, len(toks))
	entIdx := map[uint64]int{}
	addEnt := func(key uint64, w float64) {
		if w <= 0 {
			return
		}
		if i, ok := entIdx[key]; ok {
			if float32(w) > f.ents[i].w {
				f.ents[i].w = float32(w)
			}
			return
		}
		entIdx[key] = len(f.ents)
		f.ents = append(f.ents, entFeat{key: key, w: float32(w)})
	}
	useNames := namesByCapitals(a.Language, toks)
	for _, tk := range toks {
		h := fnv64(tk.stem)
		if !seen[h] {
			seen[h] = true
			shingles = append(shingles, h)
		}
		if useNames && tk.name && len(tk.stem) >= 3 {
			k := fnv64("name:" + tk.stem)
			if _, dup := entIdx[k]; !dup {
				f.names = append(f.names, tk.stem)
			}
			addEnt(k, weights.pseudo)
		}
	}
	f.sig = hasher.Sign(shingles)

	var refs []refSeen
	if an != nil {
		ents := make(map[string]*domain.Entity, len(an.Entities))
		for i := range an.Entities {
			ents[an.Entities[i].ID] = &an.Entities[i]
		}
		got := map[string]bool{}
		skip := boilerSpans(a, boiler)
		for _, m := range an.Mentions {
			if m.EntityID == "" || m.Status == domain.StatusUnresolved {
				continue
			}
			if m.Field == "body" && inSpans(skip, m.Start) {
				continue // a name in the outlet's footer says nothing of the event
			}
			if strings.HasPrefix(m.Field, "block:") {
				continue // captions repeat the story; teasers are other stories
			}
			kind, feature, name := m.Kind, "", m.Name
			if e := ents[m.EntityID]; e != nil {
				kind, feature = e.Kind, e.FeatureCode
				if name == "" {
					name = e.Name
				}
			}
			w := weights.of(m.EntityID, kind, feature)
			if m.Status == domain.StatusAmbiguous {
				w /= 2 // a guess between candidates is weaker evidence
			}
			if kind == domain.KindPlace && !surfaceLikeName(m.Surface, name) {
				// A place named by a word unlike its canonical name is a
				// former or foreign name (Krasnoarmeysk for Pokrovsk) or a
				// doubtful match of a common word (German "Wert" as Weert):
				// trusted less, since the two cannot be told apart here.
				w *= unlikeSurfaceWeight
			}
			if m.Confidence > 0 && m.Confidence < 1 {
				w *= m.Confidence // an unsure match (a common word that is also a place) counts less
			}
			addEnt(fnv64("id:"+m.EntityID), w)
			if got[m.EntityID] {
				continue
			}
			got[m.EntityID] = true
			switch kind {
			case domain.KindPlace, domain.KindPerson, domain.KindOrg, domain.KindUnit:
				if name == "" {
					name = m.Surface
				}
				refs = append(refs, refSeen{
					ref:    domain.Ref{EntityID: m.EntityID, Name: name, Surface: m.Surface},
					place:  kind == domain.KindPlace,
					weight: w,
				})
			}
		}
		for _, c := range an.Claims {
			if c.Proposition != "" {
				f.props = append(f.props, propKey(c, ents))
			}
		}
	}
	sort.Slice(f.ents, func(i, j int) bool { return f.ents[i].key < f.ents[j].key })
	return f, refs, toks
}

// namesByCapitals reports whether capitals mark names in this text. German
// capitalises every noun, so there (and in any text where most content
// words are capitalised inside sentences) capitals say nothing.
func namesByCapitals(lang string, toks []token) bool {
	if lang == "de" || lang == "lb" {
		return false
	}
	return nameShare(toks) <= maxNameShare
}

// nameShare is the share of toks that look like names.
func nameShare(toks []token) float64 {
	if len(toks) == 0 {
		return 0
	}
	n := 0
	for _, t := range toks {
		if t.name {
			n++
		}
	}
	return float64(n) / float64(len(toks))
}

// maxTitleNameShare: above this share of capitalised words (the first
// word aside) a headline is in title case.
const maxTitleNameShare = 0.6

// maxNameShare is the share of capitalised content words above which a
// text is taken to capitalise nouns: English and Russian news run at
// 0.15–0.35 on the fixtures, German at 0.5–0.6.
const maxNameShare = 0.45

// boilerSpans returns the byte ranges of Text() taken by boilerplate
// paragraphs.
func boilerSpans(a *domain.Article, boiler func(string) bool) [][2]int {
	var out [][2]int
	for _, p := range a.Body {
		if boiler(p.Text) {
			out = append(out, [2]int{p.Offset, p.Offset + len(p.Text)})
		}
	}
	return out
}

func inSpans(spans [][2]int, off int) bool {
	for _, s := range spans {
		if off >= s[0] && off < s[1] {
			return true
		}
	}
	return false
}

// unlikeSurfaceWeight scales a place mention whose surface does not fold
// like the place's name.
const unlikeSurfaceWeight = 0.3

// surfaceLikeName reports whether a surface form folds (one script,
// stemmed) to the same first word as the canonical name, as Купянск,
// Kupyansk and Kupiansk do.
func surfaceLikeName(surface, name string) bool {
	if name == "" {
		return true
	}
	fs, fn := FoldName(surface), FoldName(name)
	if fs == "" || fn == "" {
		return false
	}
	first := func(s string) string {
		if i := strings.IndexByte(s, ' '); i >= 0 {
			return s[:i]
		}
		return s
	}
	a, b := first(fs), first(fn)
	return a == b || (len(a) >= 4 && strings.HasPrefix(b, a)) || (len(b) >= 4 && strings.HasPrefix(a, b))
}
