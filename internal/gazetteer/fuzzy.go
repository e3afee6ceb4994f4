package gazetteer

import (
	"maps"
	"math"
	"slices"
	"unicode/utf8"
)

// Typos are found with a symmetric-deletion index (SymSpell): every indexed
// skeleton and the looked-up one are reduced by at most one letter, and
// skeletons sharing a reduced form are candidates, checked with the real
// edit distance. That finds one edit of any kind and two edits of most
// kinds (a substitution plus a deletion, "Konstaninovka") without scanning
// the index.
//
// The reduced forms are kept as 40-bit hashes next to a 24-bit skeleton
// number in one sorted []uint64, so the index costs 8 bytes per form.
type fuzzyIndex struct {
	keys  []string // skeletons
	forms []uint64 // hash40(form)<<24 | key number, sorted
	// starts[b] is the first form whose top 16 bits are b or more, so a
	// probe searches one small bucket of forms, not all of them.
	starts []int32
	// seen has the bit of each form's top 24 bits set: most probes (the
	// forms of words that are no place's name) stop at one memory read.
	seen []uint64
}

func (fx *fuzzyIndex) mayHold(h uint64) bool {
	b := h >> 40
	return fx.seen[b>>6]&(1<<(b&63)) != 0
}

// minFuzzyLen: names shorter than this are never matched by edit distance
// (Sumy/Lviv/Izium would meet each other's typos).
const minFuzzyLen = 6

// maxEdits is how many edits a skeleton of n letters may carry.
func maxEdits(n int) int {
	switch {
	case n < minFuzzyLen:
		return 0
	case n < 9:
		return 1
	default:
		return 2
	}
}

// inFuzzyScope says which places' names the typo index holds: the region
// Parallax's readers follow, and elsewhere the places a report would name
// without more context. Misspelt villages in far countries stay unmatched
// rather than costing memory for everybody. Countries are left out: their
// names come in every language and case form already, while the words
// one or two letters away from them are first names and adjectives
// (Георгий, Руслан, Польский), not typos.
func inFuzzyScope(p *Place) bool {
	if p.FeatureCode == "PCLI" {
		return false
	}
	switch p.Country {
	case "UA", "RU", "BY", "MD":
		return true
	}
	return p.Population >= 100000 || p.FeatureCode == "PPLC" || p.FeatureCode == "ADM1"
}

// hash40 is the top 40 bits of the 64-bit FNV-1a hash of the UTF-8 form
// of r without its letter at skip (-1: all of r), computed without
// building that string.
func hash40(r []rune, skip int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	var buf [utf8.UTFMax]byte
	for i, c := range r {
		if i == skip {
			continue
		}
		n := utf8.EncodeRune(buf[:], c)
		for _, b := range buf[:n] {
			h ^= uint64(b)
			h *= prime
		}
	}
	return h >> 24
}

func (g *Gazetteer) buildFuzzy() *fuzzyIndex {
	fx := &fuzzyIndex{}
	add := func(sk string) {
		r := []rune(sk)
		if len(r) < minFuzzyLen || len(fx.keys) >= 1<<24 {
			return
		}
		k := uint64(len(fx.keys))
		fx.keys = append(fx.keys, sk)
		fx.forms = append(fx.forms, hash40(r, -1)<<24|k)
		for i := range r {
			fx.forms = append(fx.forms, hash40(r, i)<<24|k)
		}
	}
	scope := func(ps []int32) bool {
		for _, i := range ps {
			if inFuzzyScope(g.places[i]) {
				return true
			}
		}
		return false
	}
	for sk, v := range g.skel.m {
		var ps []int32
		if v >= 0 {
			ps = []int32{v}
		} else {
			ps = g.skel.multi[-v-1]
		}
		if scope(ps) {
			add(sk)
		}
	}
	for sk := range g.admin.m {
		add(sk)
	}
	slices.Sort(fx.forms)
	fx.forms = slices.Compact(fx.forms)
	fx.seen = make([]uint64, 1<<24/64)
	for _, f := range fx.forms {
		b := f >> 40
		fx.seen[b>>6] |= 1 << (b & 63)
	}
	fx.starts = make([]int32, 1<<16+1)
	b := 0
	for i, f := range fx.forms {
		for ; b <= int(f>>48); b++ {
			fx.starts[b] = int32(i)
		}
	}
	for ; b <= 1<<16; b++ {
		fx.starts[b] = int32(len(fx.forms))
	}
	return fx
}

// candidates returns the indexed skeletons within maxEdits of sk, with
// their distances.
func (fx *fuzzyIndex) candidates(sk string) map[string]int {
	r := []rune(sk)
	limit := maxEdits(len(r))
	if limit == 0 {
		return nil
	}
	out := map[string]int{}
	probe := func(skip int) {
		h := hash40(r, skip) << 24
		if !fx.mayHold(h) {
			return
		}
		lo, hi := fx.starts[h>>48], fx.starts[h>>48+1]
		i, _ := slices.BinarySearch(fx.forms[lo:hi], h)
		for i += int(lo); i < int(hi) && fx.forms[i]&^(1<<24-1) == h; i++ {
			key := fx.keys[fx.forms[i]&(1<<24-1)]
			if _, done := out[key]; done {
				continue
			}
			if d := editDistance(sk, key, limit); d <= limit && d <= maxEdits(len([]rune(key))) {
				out[key] = d
			}
		}
	}
	probe(-1)
	for i := range r {
		probe(i)
	}
	return out
}

// lookupFuzzy returns places whose name skeleton is within a few edits of
// sk, the closest distance only; admin adds the admin1 base names.
func (g *Gazetteer) lookupFuzzy(sk string, admin bool) []Match {
	if maxEdits(len([]rune(sk))) == 0 {
		return nil
	}
	g.fuzzyOnce.Do(func() { g.fuzzy = g.buildFuzzy() })
	cands := g.fuzzy.candidates(sk)
	best := 3
	for _, d := range cands {
		if d > 0 {
			best = min(best, d)
		}
	}
	var ms []Match
	seen := map[*Place]bool{}
	// In key order: a place met by two of its names gets the same one on
	// every run (map order would pick either).
	for _, key := range slices.Sorted(maps.Keys(cands)) {
		if d := cands[key]; d != best || d == 0 {
			continue
		}
		score := scoreFuzzy1
		if best == 2 {
			score = scoreFuzzy2
		}
		visit := func(i int32) {
			p := g.places[i]
			if !seen[p] && inFuzzyScope(p) {
				seen[p] = true
				m := Match{Place: p, Score: score, How: "fuzzy", Name: g.nameWithSkeleton(p, key)}
				if year, ok := p.former[key]; ok {
					m.How = "former-name"
					m.Score = math.Min(m.Score, formerScore(year)) - 0.05
				}
				ms = append(ms, m)
			}
		}
		g.skel.get(key, visit)
		if admin {
			g.admin.get(key, visit)
		}
	}
	return ms
}

// editDistance is the optimal-string-alignment distance (Levenshtein plus
// adjacent transpositions) of a and b, or max+1 once it exceeds max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[len(rb)] > max {
		return max + 1
	}
	return prev[len(rb)]
}
