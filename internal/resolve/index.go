package resolve

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// aliasTok is one word of an alias with what matching needs.
type aliasTok struct {
	norm, stem     string
	upper, allCaps bool
	// name: a word of a person's name (of runes letters), met only in its
	// own forms, never as its bare stem or another word it begins: a
	// surname's case forms are no shorter than it, less a letter (Умер is
	// no form of Умеров).
	name  bool
	runes int
}

// alias is one name or phrase the matcher knows, with what it stands for.
// Aliases with the same words are merged, so one alias may stand for several
// entities ("General Staff": Russia's and Ukraine's), which the document's
// context then decides between.
type alias struct {
	toks     []aliasTok
	key      string
	entities []string // entity IDs
	roles    []string // role IDs (title phrases)
	surname  bool     // a person's surname alone
	notes    []string
	how      string // data file the alias came from, for Reasons
	// inner marks the words of a generated role phrase that name a unit
	// ("commander of the [western troop grouping]").
	innerFrom, innerTo int
	innerEntity        string
}

// index finds aliases by the forms of their first word.
type index struct {
	byFirst map[string][]*alias
	byKey   map[string]*alias
	maxLen  int
}

func newIndex() *index {
	return &index{byFirst: map[string][]*alias{}, byKey: map[string]*alias{}}
}

// add registers phrase for the target described by proto and returns the
// (possibly merged) alias, or nil when the phrase has no words.
func (r *Resolver) addAlias(phrase string, proto alias) *alias {
	phrase = strings.TrimSpace(phrase)
	phrase = strings.TrimPrefix(phrase, "the ")
	toks := r.tokenize(phrase)
	if len(toks) == 0 {
		return nil
	}
	at := make([]aliasTok, len(toks))
	keys := make([]string, len(toks))
	for i, t := range toks {
		at[i] = aliasTok{norm: t.norm, stem: t.stem, upper: t.upper, allCaps: t.allCaps}
		keys[i] = t.norm
		if t.upper {
			keys[i] += "^" // "head of the Presidential Office" needs capitals, "head of the presidential office" not
		}
		if t.allCaps {
			keys[i] = "=" + t.text // acronyms stay apart from words ("UN" is not "un")
		}
	}
	key := strings.Join(keys, " ")
	idx := r.idx
	if a, ok := idx.byKey[key]; ok {
		a.entities = appendNew(a.entities, proto.entities...)
		a.roles = appendNew(a.roles, proto.roles...)
		a.notes = appendNew(a.notes, proto.notes...)
		a.surname = a.surname && proto.surname
		if a.innerEntity == "" && proto.innerEntity != "" {
			a.innerFrom, a.innerTo, a.innerEntity = proto.innerFrom, proto.innerTo, proto.innerEntity
		}
		return a
	}
	a := proto
	a.entities = append([]string(nil), proto.entities...)
	a.roles = append([]string(nil), proto.roles...)
	a.notes = append([]string(nil), proto.notes...)
	a.toks = at
	a.key = key
	p := &a
	idx.byKey[key] = p
	firsts := []string{at[0].norm}
	if at[0].stem != at[0].norm {
		firsts = append(firsts, at[0].stem)
	}
	for _, f := range firsts {
		idx.byFirst[f] = append(idx.byFirst[f], p)
	}
	if len(at) > idx.maxLen {
		idx.maxLen = len(at)
	}
	return p
}

// finish sorts each bucket longest first, so the first fit is the longest.
func (ix *index) finish() {
	for k, as := range ix.byFirst {
		sort.SliceStable(as, func(i, j int) bool { return len(as[i].toks) > len(as[j].toks) })
		ix.byFirst[k] = as
	}
}

func appendNew(dst []string, src ...string) []string {
	for _, s := range src {
		found := false
		for _, d := range dst {
			if d == s {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, s)
		}
	}
	return dst
}

// tokMatches compares a text word with an alias word: acronyms exactly,
// capitalised alias words only against capitalised text, and Cyrillic words
// through their stems so that case endings do not matter.
func tokMatches(a aliasTok, t *token) bool {
	if a.allCaps {
		return t.allCaps && t.norm == a.norm
	}
	if a.upper && !t.upper {
		return false
	}
	if t.norm == a.norm {
		return true
	}
	if !t.cyr {
		return false
	}
	if a.name && utf8.RuneCountInString(t.norm) < a.runes-1 {
		return false
	}
	return t.stem == a.stem || t.stem == a.norm || t.norm == a.stem && !a.name
}

// match is an alias found in the text over tokens [from, to).
type match struct {
	from, to int
	al       *alias
	coord    string // set when found by coordination: the phrase it borrowed its head from
}

// longestAt returns the longest alias that fits the tokens at i.
func (r *Resolver) longestAt(toks []token, i int) *alias {
	t := &toks[i]
	var best *alias
	try := func(as []*alias) {
		for _, a := range as {
			if best != nil && len(a.toks) <= len(best.toks) {
				return // buckets are sorted longest first
			}
			if r.fits(a, toks, i) {
				best = a
				return
			}
		}
	}
	try(r.idx.byFirst[t.norm])
	if t.stem != t.norm {
		try(r.idx.byFirst[t.stem])
	}
	return best
}

func (r *Resolver) fits(a *alias, toks []token, i int) bool {
	if i+len(a.toks) > len(toks) {
		return false
	}
	for k := range a.toks {
		t := &toks[i+k]
		if k > 0 && (t.sent != toks[i].sent || !gapJoins(t.gap)) {
			return false
		}
		if !tokMatches(a.toks[k], t) && !(k > 0 && k == len(a.toks)-1 && pluralOf(a.toks[k], t)) {
			return false
		}
	}
	return true
}

// pluralOf lets the last word of a several-word English alias match its
// plural, for coordinated heads ("the Zapad and Yug Battlegroups").
func pluralOf(a aliasTok, t *token) bool {
	if t.cyr || len(t.norm) != len(a.norm)+1 || !strings.HasSuffix(t.norm, "s") {
		return false
	}
	return strings.HasPrefix(t.norm, a.norm) && (!a.upper || t.upper)
}

// findMatches scans the tokens left to right taking the longest alias at
// each point, then adds the coordinated names that share a head noun.
func (r *Resolver) findMatches(toks []token) []match {
	var ms []match
	used := make([]bool, len(toks))
	for i := 0; i < len(toks); {
		if a := r.longestAt(toks, i); a != nil {
			ms = append(ms, match{from: i, to: i + len(a.toks), al: a})
			for k := i; k < i+len(a.toks); k++ {
				used[k] = true
			}
			i += len(a.toks)
			continue
		}
		i++
	}
	// Coordination: "the Dnepropetrovsk and Zaporozhye regions", "Zapad and
	// Yug Battlegroups", "Kharkiv, Sumy and Donetsk regions": a free word
	// before a conjunction (or comma) borrows the head of the match after it.
	var extra []match
	for _, m := range ms {
		if m.to-m.from < 2 {
			continue
		}
		head := m.al.toks
		next := m.from
		for steps := 0; steps < 6; steps++ {
			x := next - 1
			if x < 0 || used[x] {
				break
			}
			if toks[next].sent != toks[x].sent {
				break
			}
			if r.lex.conj[toks[x].norm] && gapSpaces(toks[x+1].gap) {
				x-- // "X and [Y heads]"
				if x < 0 || used[x] || !gapSpaces(toks[x+1].gap) {
					break
				}
			} else if !strings.HasPrefix(strings.TrimSpace(toks[next].gap), ",") || steps == 0 {
				break // a comma joins only inside a list that already has "and"
			}
			found := r.joinHead(toks, x, head)
			if found == nil {
				break
			}
			extra = append(extra, match{from: x, to: x + 1, al: found, coord: phraseOf(m, toks)})
			used[x] = true
			next = x
		}
	}
	ms = append(ms, extra...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].from < ms[j].from })
	return ms
}

// joinHead looks up word x followed by a tail of head (the alias's last
// words) as an alias: "Dnepropetrovsk" + "region".
func (r *Resolver) joinHead(toks []token, x int, head []aliasTok) *alias {
	t := &toks[x]
	if !t.upper {
		return nil
	}
	for k := 1; k < len(head); k++ {
		for _, f := range []string{t.norm, t.stem} {
			for _, a := range r.idx.byFirst[f] {
				if len(a.toks) == 1+len(head)-k && tokMatches(a.toks[0], t) && sameTail(a.toks[1:], head[k:]) {
					return a
				}
			}
		}
	}
	return nil
}

func sameTail(a, b []aliasTok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].norm != b[i].norm && a[i].stem != b[i].stem {
			return false
		}
	}
	return true
}

func phraseOf(m match, toks []token) string {
	var b strings.Builder
	for i := m.from; i < m.to; i++ {
		if i > m.from {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].text)
	}
	return b.String()
}
