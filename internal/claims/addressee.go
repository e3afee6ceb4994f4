package claims

import (
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/internal/ingest"
)

// Addressees: in Russian and Ukrainian the outlet a speaker talks to
// stands in the dative right after the verb ("…, — заявил РИА Новости
// Гинцбург", "повідомив Укрінформу речник …", "Об этом ТАСС сообщил …");
// the speaker is the nominative phrase after it. English puts the speaker
// first ("X told Reuters"), so position alone settles it there.

// outletForms are the registry's outlet and wire names as token
// sequences, lower-cased, each with the dative forms of its last word.
var outletForms = sync.OnceValue(func() map[string][][]string {
	m := map[string][][]string{}
	for _, n := range ingest.DefaultOutlets().Names() {
		ts := phraseTokens(n)
		if len(ts) == 0 || len(ts) == 1 && len([]rune(ts[0])) < 3 {
			continue // "RT", "УП": too short to tell from other words
		}
		for _, last := range datives(ts[len(ts)-1]) {
			f := append(append([]string(nil), ts[:len(ts)-1]...), last)
			m[f[0]] = append(m[f[0]], f)
		}
	}
	return m
})

// datives: a name's last word and its dative forms in Russian and
// Ukrainian (Интерфакс → Интерфаксу, Медуза → Медузе/Медузі, Известия →
// Известиям); indeclinable and Latin names stay as they are.
func datives(w string) []string {
	out := []string{w}
	r := []rune(w)
	if len(r) < 3 || r[len(r)-1] < 'а' || r[len(r)-1] > 'ї' {
		return out
	}
	stem := string(r[:len(r)-1])
	switch r[len(r)-1] {
	case 'а':
		out = append(out, stem+"е", stem+"і")
	case 'я':
		out = append(out, stem+"е", stem+"і", stem+"и", stem+"ям")
	case 'ы', 'и':
		out = append(out, stem+"ам", stem+"ям")
	case 'ь':
		out = append(out, stem+"ю", stem+"і", stem+"и")
	case 'о', 'е', 'у', 'ю', 'і', 'ї':
	default: // a consonant
		out = append(out, w+"у", w+"ю", w+"і")
	}
	return out
}

// outletAt is the end of an outlet name starting at token k, or k.
func (s *sent) outletAt(k int) int {
	if k >= len(s.toks) || s.toks[k].kind != tokWord || !s.toks[k].upper && s.toks[k].first < 0x250 {
		return k
	}
	best := k
	for _, f := range outletForms()[s.toks[k].s] {
		if k+len(f) > len(s.toks) || k+len(f) <= best {
			continue
		}
		ok := true
		for i, w := range f {
			if s.toks[k+i].s != w {
				ok = false
				break
			}
		}
		if ok {
			best = k + len(f)
		}
	}
	return best
}

// addresseeEnd: the outlet (or a noun for one, "журналистам", "агентству
// X") told the news, starting at token k, when a speaker phrase follows
// it; else k.
func (d *doc) addresseeEnd(s *sent, k int) int {
	n := len(s.toks)
	e := k
	if k < n && d.x.lx.addressees[s.toks[k].s] {
		e = k + 1
		if e2 := s.outletAt(e); e2 > e {
			e = e2
		} else if e < n && s.quoteOpensAt(e) {
			for _, q := range s.quotes {
				if q.Start == s.toks[e].start {
					for e < n && s.toks[e].start < q.End {
						e++
					}
					break
				}
			}
		}
	} else {
		e = s.outletAt(k)
	}
	if e == k || e >= n {
		return k
	}
	// what follows must be someone, not a topic or another cue ("сообщает
	// ТАСС со ссылкой на ...": ТАСС is the speaker there)
	t := s.toks[e]
	if t.kind != tokWord || topicWords[t.s] || clauseWords[t.s] {
		return k
	}
	if _, ok := d.x.lx.speech.at(s.toks, e); ok {
		return k
	}
	if a, b := s.npAfter(e); a >= b {
		return k
	}
	return e
}

// addresseeOnly: toks[a:b] are only an addressee, perhaps after "об этом"
// ("Об этом РИА Новости сообщил ..."): no speaker stands there.
func (d *doc) addresseeOnly(s *sent, a, b int) bool {
	for a < b && d.x.lx.pointerOpen[s.toks[a].s] {
		a++
	}
	if a >= b {
		return false
	}
	e := a
	if d.x.lx.addressees[s.toks[a].s] {
		e = a + 1
	}
	if e2 := s.outletAt(e); e2 > e {
		e = e2
	}
	return e > a && e == b
}

// pointerAround: "Об этом РИА Новости сообщил глава МИД" — a pointer cue
// split by an addressee, read as one hit over both.
func (d *doc) pointerAround(s *sent) (hit, bool) {
	lx := d.x.lx
	for i0 := 0; i0 <= 1; i0++ {
		for p := i0 + 1; p <= i0+2 && p < len(s.toks); p++ {
			if !lx.pointerOpen[s.toks[p-1].s] {
				break
			}
			e := p
			if lx.addressees[s.toks[p].s] {
				e = p + 1
			}
			e = s.outletAt(e)
			if e == p || e >= len(s.toks) {
				continue
			}
			h, ok := lx.speech.at(s.toks, e)
			if !ok {
				continue
			}
			joined := strings.Join(append(tokStrings(s.toks[i0:p]), h.toks...), " ")
			for _, id := range lx.cueByForm[joined] {
				if lx.cueClass[id] == cuePointer {
					return hit{i: i0, j: e + len(h.toks), val: id}, true
				}
			}
		}
	}
	return hit{}, false
}

func tokStrings(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.s
	}
	return out
}

// pointerHits are the speech hits of s, with a pointer split by an
// addressee read as one pointer cue.
func (d *doc) pointerHits(s *sent) []hit {
	hs := d.x.lx.speech.find(s.toks)
	if h, ok := d.pointerAround(s); ok {
		return append([]hit{h}, hs...)
	}
	return hs
}
