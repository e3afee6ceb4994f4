package claims

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// kindRank prefers people as speakers, then organisations, units and
// outlets, then places used for their governments ("Kyiv said").
var kindRank = map[domain.EntityKind]int{
	domain.KindPerson: 5, domain.KindOrg: 4, domain.KindUnit: 4, domain.KindAgency: 3, domain.KindOutlet: 3, domain.KindPlace: 1,
}

// voiceFor turns the speaker phrase toks[a:b] into a Voice.
func (d *doc) voiceFor(s *sent, a, b int) domain.Voice {
	lx := d.x.lx
	pa, pb := s.bytesOf(a, b)
	phrase := s.text[pa:pb]
	// "a senior source briefed on the draft who spoke to AFP": the relative
	// clause names the intermediary.
	var via []domain.Voice
	if i := indexWord(phrase, " who spoke to "); i >= 0 {
		rest := phrase[i+len(" who spoke to "):]
		if f := strings.Fields(rest); len(f) > 0 && isUpperWord(f[0]) {
			via = append(via, domain.Voice{Kind: domain.VoiceUnresolved, Name: strings.Trim(f[0], ",.")})
		}
		phrase = phrase[:i]
	}
	// pronouns: the resolver's coreference, else the last speaker named
	if b-a <= 2 && lx.pronouns[s.toks[b-1].s] {
		if m, ok := d.bestMention(s.Field, s.toks[b-1].start, s.toks[b-1].end); ok && m.EntityID != "" {
			return d.voiceOfMention(m, "")
		}
		if d.lastSpeaker != nil {
			v := *d.lastSpeaker
			return v
		}
		return domain.Voice{}
	}
	if d.isAnonymous(s, a, b) {
		return domain.Voice{Kind: domain.VoiceAnonymous, Description: phrase, Via: via}
	}
	if m, ok := d.bestMention(s.Field, pa, pb); ok {
		v := d.voiceOfMention(m, phrase)
		v.Via = via
		return v
	}
	v := domain.Voice{Kind: domain.VoiceUnresolved, Via: via}
	if name := s.nameRun(a, b); name != "" {
		v.Name = name
		if name != phrase {
			v.Description = phrase
		}
	} else {
		v.Description = phrase
	}
	return v
}

func (d *doc) voiceOfMention(m domain.Mention, phrase string) domain.Voice {
	v := domain.Voice{Kind: domain.VoiceUnresolved, Name: m.Surface}
	if m.EntityID != "" {
		v.Kind, v.EntityID = domain.VoiceNamed, m.EntityID
		if m.Name != "" {
			v.Name = m.Name
		}
	}
	// keep the words the outlet used when the canonical name differs
	if phrase == "" {
		phrase = m.Surface
	}
	if phrase != v.Name {
		v.Description = phrase
	}
	return v
}

// bestMention is the actor mention in [a, b) most likely to be a speaker.
func (d *doc) bestMention(field string, a, b int) (domain.Mention, bool) {
	var best domain.Mention
	bestRank := 0
	for _, m := range d.mentionsIn(field, a, b) {
		if m.End > b {
			continue
		}
		r := kindRank[m.Kind]
		if r > 0 && r >= bestRank {
			best, bestRank = m, r
		}
	}
	return best, bestRank > 0
}

// isAnonymous: an unnamed source ("a senior official", "two sources
// familiar with the matter", "источник в силовых структурах").
func (d *doc) isAnonymous(s *sent, a, b int) bool {
	lx := d.x.lx
	// "who asked not to be named", "on condition of anonymity": whoever it is
	if len(lx.anonStrong.find(s.toks[a:min(len(s.toks), b+8)])) > 0 {
		return true
	}
	head := false
	for k := a; k < b; k++ {
		if lx.anonHeads[s.toks[k].s] {
			head = true
		}
	}
	if !head {
		return false
	}
	if lx.anonDeterm[s.toks[a].s] {
		return true
	}
	return len(lx.anonMarks.find(s.toks[a:min(len(s.toks), b+8)])) > 0
}

// nameRun is the capitalised name in toks[a:b]: the last run of two or
// more capitalised words, else the longest run ("Kremlin spokesman Dmitry
// Peskov" → "Dmitry Peskov"; "the General Staff of Ukraine's armed forces"
// → "General Staff").
func (s *sent) nameRun(a, b int) string {
	type run struct{ a, b int }
	var runs []run
	for k := a; k < b; {
		if !s.toks[k].upper || (k == 0 && (s.toks[k].s == "the" || s.toks[k].s == "a")) {
			k++
			continue
		}
		e := k + 1
		for e < b && (s.toks[e].upper || (s.toks[e].s == "." && e+1 < b && s.toks[e+1].upper) || s.toks[e].s == "-") {
			e++
		}
		// one capitalised word before a lower-case one is a modifier
		// ("Ukrainian battalion commander", "Ukraine's southern command")
		// (Latin script only: Russian capitalises the first word of a name,
		// "Министерство обороны")
		if !(e-k == 1 && e < b && s.toks[e].kind == tokWord && !s.toks[e].upper && s.toks[k].first < 0x250) {
			runs = append(runs, run{k, e})
		}
		k = e
	}
	if len(runs) == 0 {
		return ""
	}
	pick := runs[0]
	for _, r := range runs {
		if r.b-r.a >= 2 {
			pick = r
		} else if pick.b-pick.a < 2 && r.b-r.a > pick.b-pick.a {
			pick = r
		}
	}
	x, y := s.bytesOf(pick.a, pick.b)
	return s.text[x:y]
}

func indexWord(s, w string) int { return strings.Index(strings.ToLower(s), w) }

func isUpperWord(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я'
	}
	return false
}
