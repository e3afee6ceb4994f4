package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
)

// stanceRank orders stances from most to least committed; a claim's
// Stance is the highest-ranked one that applies.
var stanceRank = map[domain.Stance]int{
	domain.StanceAsserted: 0, domain.StanceAttributed: 1, domain.StanceQuoted: 2,
	domain.StanceHedged: 3, domain.StanceDisputed: 4,
}

// clauseWords end a speaker's noun phrase ("officials said *that* ...").
var clauseWords = map[string]bool{
	"that": true, "what": true, "whether": true, "while": true, "as": true, "when": true, "where": true,
	"because": true, "but": true, "and": true, "after": true, "before": true, "if": true, "since": true,
	"что": true, "чтобы": true, "как": true, "и": true, "а": true, "но": true, "когда": true, "где": true,
	"що": true, "щоб": true, "як": true, "і": true, "та": true, "але": true, "коли": true,
}

// npTrim are words dropped from the edges of a speaker phrase.
var npTrim = map[string]bool{
	"the": true, "a": true, "an": true, "also": true, "again": true, "earlier": true, "previously": true,
	"officially": true, "later": true, "then": true, "on": true, "in": true, "late": true, "has": true,
	"have": true, "had": true, "reportedly": true, "ранее": true, "также": true, "уже": true, "официально": true,
	"в": true, "во": true, "у": true, "на": true, "позже": true, "затем": true, "потом": true, "пізніше": true, "раніше": true, "також": true, "вже": true, "офіційно": true,
	"it": false,
}

// topicWords open what was said about, not who said it ("сообщили о ...").
var topicWords = map[string]bool{"о": true, "об": true, "про": true, "about": true, "on": true, "of": true, "that": true, "что": true, "що": true}

// contentStarts open reported content after a speech verb.
var contentStarts = map[string]bool{"that": true, "что": true, "що": true, "чтобы": true, "щоб": true, ":": true, "to": true}

// cueInfo is one speech cue with its speaker phrase and content.
type cueInfo struct {
	h          hit
	class      string
	spA, spB   int // speaker phrase tokens [spA, spB); spA == spB: none
	npStart    int // first token of the untrimmed phrase
	media      bool
	cA, cB     int // content bytes
	voice      domain.Voice
	hasSpeaker bool
	nameQ      string // a name in quotation marks closing the speaker phrase
}

// attribution is who carries a sentence's content, and how.
type attribution struct {
	voice   domain.Voice
	stances map[domain.Stance]bool
	cues    []string
	cA, cB  int // content bytes
	spA     int // speaker phrase bytes, -1 if none
	spB     int
	cued    bool
	// asserted: a headline states the claim in the outlet's own voice and
	// credits the speaker only with telling someone ("X Freed, Gerasimov
	// Tells Putin"): the stance is asserted though the voice is named.
	asserted bool
}

func isBoundaryTok(t token) bool {
	if t.kind != tokPunct {
		return clauseWords[t.s]
	}
	switch t.s {
	case "'", "’", ".", "(", ")", "&":
		return false
	}
	return true // a lone "-" is a dash: hyphens inside words are in the word
}

// npBefore is the speaker phrase before token i: back to a boundary.
func (s *sent) npBefore(i int) (int, int) {
	a := i
	for a > 0 && i-a < 12 && !isBoundaryTok(s.toks[a-1]) && !s.inq[a-1] {
		a--
	}
	return s.trimNP(a, i)
}

// npAfter is the speaker phrase after token j: up to a boundary.
func (s *sent) npAfter(j int) (int, int) {
	b := j
	for b < len(s.toks) && b-j < 12 && !isBoundaryTok(s.toks[b]) && !s.inq[b] {
		b++
	}
	return s.trimNP(j, b)
}

func (s *sent) trimNP(a, b int) (int, int) {
	for a < b && (npTrim[s.toks[a].s] || isTimeWordTok(s.toks[a])) {
		a++
	}
	for b > a && (npTrim[s.toks[b-1].s] || isTimeWordTok(s.toks[b-1]) || s.toks[b-1].kind == tokPunct) {
		b--
	}
	return a, b
}

// isTimeWordTok: weekday and time words dropped from a speaker phrase
// ("Russia on Monday claimed").
func isTimeWordTok(t token) bool {
	switch t.s {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
		"overnight", "tonight", "сегодня", "вчера", "накануне", "сьогодні", "вчора":
		return true
	}
	return t.kind == tokNum
}

func (s *sent) words(a, b int) int {
	n := 0
	for k := a; k < b && k < len(s.toks); k++ {
		if s.toks[k].kind != tokPunct {
			n++
		}
	}
	return n
}

func (s *sent) bytesOf(a, b int) (int, int) {
	if a >= b {
		return s.Start, s.Start
	}
	return s.toks[a].start, s.toks[b-1].end
}

// quoteEndingBefore returns the quote that closes just before byte pos,
// with only punctuation between.
func (s *sent) quoteEndingBefore(pos int) (Quote, bool) {
	for _, q := range s.quotes {
		if q.Depth == 0 && q.End <= pos && strings.Trim(s.text[q.End:pos], " ,—–-\u00a0") == "" {
			return q, true
		}
	}
	return Quote{}, false
}

// attribute finds the voice, stance cues and content of one sentence.
func (d *doc) attribute(s *sent) attribution {
	lx := d.x.lx
	at := attribution{stances: map[domain.Stance]bool{}, cA: s.Start, cB: s.End, spA: -1, spB: -1}
	var cues []cueInfo
	for _, h := range lx.speech.find(s.toks) {
		if s.inq[h.i] || nounUse(s, h.i) {
			continue
		}
		c := cueInfo{h: h, class: lx.classOf(h.val, d.lang)}
		d.cueSpeaker(s, &c)
		cues = append(cues, c)
	}
	// The innermost cue that has a speaker carries the content; the cues
	// whose content contains it are intermediaries, outermost first.
	main := -1
	for i, c := range cues {
		if !c.hasSpeaker || c.class == cuePart && hasOtherSpeaker(cues, i) {
			continue
		}
		innermost := true
		for j, o := range cues {
			// a participle ("..., saying ...") continues c's own speaker
			if j == i || !o.hasSpeaker || o.class == cuePart || !within(c.cA, c.cB, s.toks[o.h.i].start) {
				continue
			}
			// each in the other's content: the later cue reports the earlier
			// ("A said X, the agency reported")
			if within(o.cA, o.cB, s.toks[c.h.i].start) && o.h.i > c.h.i {
				continue
			}
			innermost = false
		}
		if innermost {
			main = i
			break
		}
	}
	// "..., — CNN." / "... — ТАСС.": a sign-off after a dash names the
	// source of all before it, whatever verbs that holds.
	if v, cA, cB, ok := d.signOff(s); ok {
		at.voice, at.cA, at.cB, at.cued = v, cA, cB, true
		at.stances[domain.StanceAttributed] = true
		main = len(cues)
	}
	for _, c := range cues {
		at.cues = append(at.cues, s.text[s.toks[c.h.i].start:s.toks[c.h.j-1].end])
		switch c.class {
		case cueHedge:
			at.stances[domain.StanceAttributed] = true
			at.stances[domain.StanceHedged] = true
		case cueDeny:
			at.stances[domain.StanceAttributed] = true
			at.stances[domain.StanceDisputed] = true
		default:
			at.stances[domain.StanceAttributed] = true
		}
	}
	if main >= 0 && main < len(cues) {
		m := cues[main]
		at.voice, at.cA, at.cB, at.cued = m.voice, m.cA, m.cB, true
		at.spA, at.spB = s.bytesOf(m.spA, m.spB)
		for i := len(cues) - 1; i >= 0; i-- {
			c := cues[i]
			if i == main || !c.hasSpeaker || c.class == cueDeny || c.class == cuePart {
				continue // a denial answers the claim; it does not pass it on
			}
			if within(c.cA, c.cB, s.toks[m.h.i].start) {
				at.voice.Via = append([]domain.Voice{c.voice}, at.voice.Via...)
				// the outer speaker phrase is not part of the content
				ca, _ := s.bytesOf(c.spA, c.spB)
				if ca > at.cA && ca < at.cB {
					at.cB = trimEndPunct(s.text, at.cA, ca)
				}
			}
		}
		if isNamed(at.voice) {
			v := at.voice
			v.Via = nil
			d.lastSpeaker, d.lastSpPara = &v, s.Para
		}
	}
	// A sentence that is a quote with no speech verb continues the last
	// speaker's words.
	if main < 0 && len(s.quotes) > 0 && d.lastSpeaker != nil && s.Para-d.lastSpPara <= 1 {
		q := s.quotes[0]
		if q.InEnd-q.InStart > (s.End-s.Start)/2 {
			at.voice = *d.lastSpeaker
			at.cA, at.cB = q.InStart, q.InEnd
			at.cued = true
			at.stances[domain.StanceQuoted] = true
		}
	}
	if !at.cued {
		at.voice = d.outletVoice()
	}
	// Quotes in the content: the outlet carries the speaker's own words.
	for _, q := range s.quotes {
		if q.Depth == 0 && q.InStart < at.cB && q.InEnd > at.cA && at.voice.Kind != domain.VoiceOutlet && !d.quoteIsName(s, q) {
			at.stances[domain.StanceQuoted] = true
		}
	}
	// Hedges and dispute cues anywhere outside quotes.
	for _, h := range lx.hedge.find(s.toks) {
		if !s.inq[h.i] {
			at.stances[domain.StanceHedged] = true
			at.cues = append(at.cues, s.text[s.toks[h.i].start:s.toks[h.j-1].end])
		}
	}
	for _, h := range lx.dispute.find(s.toks) {
		if !s.inq[h.i] {
			at.stances[domain.StanceDisputed] = true
			at.cues = append(at.cues, s.text[s.toks[h.i].start:s.toks[h.j-1].end])
		}
	}
	// Scare quotes: a loaded word in short quotes, in the outlet's voice.
	if at.voice.Kind == domain.VoiceOutlet {
		for _, q := range s.quotes {
			if len(strings.Fields(q.Content(s.text))) <= 3 && d.x.hasFrame(s, q) {
				at.stances[domain.StanceHedged] = true
				at.cues = append(at.cues, s.text[q.Start:q.End])
			}
		}
	}
	if main >= 0 && main < len(cues) && d.headlineAsserts(s, cues[main], at) {
		at.asserted = true
		at.stances[domain.StanceAsserted] = true
	}
	if len(at.stances) == 0 {
		at.stances[domain.StanceAsserted] = true
	}
	return at
}

// headlineAsserts: a headline "<claim>, <Speaker> <tells> <Someone>" with
// nothing else distancing the claim (no hedge, no denial, no quote, a
// single neutral cue): the claim comes first, in the outlet's own words.
func (d *doc) headlineAsserts(s *sent, m cueInfo, at attribution) bool {
	if s.Field != "title" || m.class != cueNeutral || len(at.cues) != 1 || len(at.stances) != 1 || !at.stances[domain.StanceAttributed] {
		return false
	}
	if _, ok := d.x.lx.headAssert.at(s.toks, m.h.i); !ok {
		return false
	}
	// the content is the clause before the speaker, ended by a comma, and
	// someone is told (a word follows the verb)
	if m.spA < 2 || s.toks[m.spA-1].s != "," || at.cB > s.toks[m.spA-1].start || m.h.j >= len(s.toks) || s.toks[m.h.j].kind != tokWord {
		return false
	}
	for _, q := range s.quotes {
		if q.Start < at.cB {
			return false // "'Kupyansk freed', Gerasimov tells Putin" quotes him
		}
	}
	return true
}

// determiners before a cue word make it a noun ("the claims", "officers'
// reports", "its demands").
var determiners = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "these": true, "those": true, "such": true, "any": true, "no": true, "of": true,
	"this": true, "that": true}

// notSpeech: before a cue word, a determiner makes it a noun ("the
// claims", "its demands"), a form of "be" a passive and "to" an infinitive
// ("would be announced", "to report"), and "who" a relative clause inside a
// speaker's description ("a commander who asked not to be named"): no
// speaker stands before it.
func nounUse(s *sent, i int) bool {
	if i == 0 {
		return false
	}
	p := s.toks[i-1]
	if i > 1 && p.kind == tokWord && (s.toks[i-2].s == "whom" || s.toks[i-2].s == "which") {
		return true // "Trump, whom he called a con artist"
	}
	return determiners[p.s] || beWords[p.s] || p.s == "to" || p.s == "who" || strings.HasSuffix(p.s, "'s") || p.s == "'" || p.s == "’"
}

func hasOtherSpeaker(cues []cueInfo, i int) bool {
	for j, c := range cues {
		if j != i && c.hasSpeaker && c.class != cuePart {
			return true
		}
	}
	return false
}

func onlyTimeWords(s *sent, a, b int) bool {
	for k := a; k < b; k++ {
		if t := s.toks[k]; !isTimeWordTok(t) && t.s != "on" && t.s != "in" {
			return false
		}
	}
	return true
}

// signOff reads a closing "— Source." of one to three capitalised words.
func (d *doc) signOff(s *sent) (domain.Voice, int, int, bool) {
	n := len(s.toks)
	end := n
	for end > 0 && s.toks[end-1].kind == tokPunct && s.toks[end-1].s != "—" && s.toks[end-1].s != "–" && s.toks[end-1].s != "-" {
		end--
	}
	for k := end - 1; k >= 1 && k >= end-4; k-- {
		t := s.toks[k]
		if t.s == "—" || t.s == "–" || t.s == "-" {
			if k == end-1 || k < 3 || !s.toks[k+1].upper {
				return domain.Voice{}, 0, 0, false
			}
			v := d.voiceFor(s, k+1, end)
			return v, s.Start, trimEndPunct(s.text, s.Start, t.start), v.Kind != ""
		}
		if t.kind != tokWord || !t.upper {
			return domain.Voice{}, 0, 0, false
		}
	}
	return domain.Voice{}, 0, 0, false
}

func within(a, b, pos int) bool { return pos >= a && pos < b }

func trimEndPunct(text string, a, b int) int {
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !strings.ContainsRune(" ,;:—–-\u00a0", r) {
			break
		}
		b -= n
	}
	return b
}

func isNamed(v domain.Voice) bool {
	return v.Kind == domain.VoiceNamed || (v.Kind == domain.VoiceUnresolved && v.Name != "")
}

func (d *doc) outletVoice() domain.Voice {
	v := domain.Voice{Kind: domain.VoiceOutlet}
	if d.a.Outlet != nil {
		v.EntityID, v.Name = d.a.Outlet.ID, d.a.Outlet.Name
	}
	if len(d.a.Wires) > 0 {
		if v.Name == "" {
			v.Name = d.a.Wires[0]
		} else {
			v.Description = "carrying " + strings.Join(d.a.Wires, ", ")
		}
	}
	return v
}

// cueSpeaker finds the speaker phrase and the content of one cue.
func (d *doc) cueSpeaker(s *sent, c *cueInfo) {
	n := len(s.toks)
	first := 0
	switch c.class {
	case cuePart:
		// "..., saying that ...": the content follows; the speaker is the
		// subject at the head of the sentence (another cue's speaker, if
		// any, takes precedence as the main voice)
		k := c.h.j
		if k < n && contentStarts[s.toks[k].s] {
			k++
		}
		c.cA, c.cB = s.bytesOf(k, n)
		sa, sb := s.npAfter(0)
		// the subject ends at its verb ("Ukraine's General Staff denied
		// the claim, saying ...")
		for k := sa; k < sb; k++ {
			if _, ok := d.x.lx.speech.at(s.toks, k); ok {
				sb = k
				break
			}
		}
		if sb > sa && sb-sa <= 6 && s.hasName(sa, sb) && sb < c.h.i {
			c.spA, c.spB = sa, sb
		}
	case cueSource, cuePointer:
		c.spA, c.spB = s.npAfter(d.addresseeEnd(s, c.h.j))
		// "по оценке аналитиков проекта «Линия фронта»": a name in
		// quotation marks ends the speaker phrase and names the speaker
		if c.spA < c.spB && c.spB < n {
			for _, q := range s.quotes {
				if q.Depth == 0 && q.Start == s.toks[c.spB].start && d.quoteIsName(s, q) {
					e := c.spB
					for e < n && s.toks[e].start < q.End {
						e++
					}
					c.spB, c.nameQ = e, q.Content(s.text)
					break
				}
			}
		}
		if c.spA < c.spB && d.x.lx.media[s.toks[c.spA].s] {
			c.media = true
		}
		after := c.spB
		for after < n && s.toks[after].kind == tokPunct && !s.isQuoteMark(after) {
			after++
		}
		if s.words(after, n) >= 3 {
			c.cA, c.cB = s.bytesOf(after, n)
		} else {
			c.cA, c.cB = s.Start, trimEndPunct(s.text, s.Start, s.toks[c.h.i].start)
		}
	default:
		c.spA, c.spB = s.npBefore(c.h.i)
		// "..., saying fighting continued": a phrase holding another
		// speech cue is that cue's content, not a speaker
		for k := c.spA; k < c.spB; k++ {
			if h, ok := d.x.lx.speech.at(s.toks, k); ok && d.x.lx.classOf(h.val, d.lang) == cuePart {
				c.spA = c.spB
				break
			}
		}
		// "Об этом РИА Новости сообщил X": the outlet before the verb was
		// told; the speaker follows
		if c.spA < c.spB && d.addresseeOnly(s, c.spA, c.spB) {
			c.spA, c.spB = c.h.i, c.h.i
		} else if c.spA == c.spB {
			d.appositive(s, c)
		}
		if c.spA < c.spB {
			c.npStart = c.spA
			for c.npStart > 0 && !isBoundaryTok(s.toks[c.npStart-1]) && !s.inq[c.npStart-1] {
				c.npStart--
			}
			// content: after "that"/":"/a quote, else before the speaker
			// phrase when there is something there, else after the verb
			after := c.h.j
			startAfter := -1
			limit := after + 5
			for k := after; k < n && k < limit; k++ {
				// "отверг информацию о том, что ...", "спростував повідомлення
				// про те, що ...": the clause after "о том"/"про те" is the content
				if (s.toks[k].s == "том" || s.toks[k].s == "те") && k > after && topicWords[s.toks[k-1].s] {
					limit = k + 3
				}
				if s.toks[k].s == "to" && !onlyTimeWords(s, after, k) {
					break // "told Putin during a visit to ..." is not "claimed to have ..."
				}
				if contentStarts[s.toks[k].s] || s.quoteOpensAt(k) {
					startAfter = k
					if !s.quoteOpensAt(k) {
						startAfter = k + 1
					}
					break
				}
				if s.toks[k].kind == tokPunct && !(s.toks[k].s == "," && k+1 < n && (s.toks[k+1].s == "что" || s.toks[k+1].s == "що" || s.toks[k+1].s == "чтобы" || s.toks[k+1].s == "щоб")) {
					break // Russian and Ukrainian put a comma before "что"/"що"
				}
			}
			beforeEnd := c.npStart
			for beforeEnd > 0 && s.toks[beforeEnd-1].kind == tokPunct && !s.isQuoteMark(beforeEnd-1) {
				beforeEnd--
			}
			// after the verb and its time words, a comma or the end means the
			// content came first ("..., the governor said on Friday, in ...")
			k := c.h.j
			for k < n && (isTimeWordTok(s.toks[k]) || s.toks[k].s == "on" || s.toks[k].s == "in") {
				k++
			}
			tail := k >= n || s.toks[k].s == "," || s.toks[k].s == "." || s.words(c.h.j, n) <= 4
			// what stands before the speaker is another clause when a
			// semicolon or a clause word divides them ("Russia says it took
			// X; Kyiv says ...", "... holds as Moscow claims capture")
			if c.npStart > 0 && (s.toks[c.npStart-1].s == ";" || clauseWords[s.toks[c.npStart-1].s]) {
				tail = false
			}
			// "On 2 February, the army said it had retaken X": a date before
			// the speaker is no content
			if tail && beforeEnd > 0 && d.onlyDate(s, 0, beforeEnd) {
				tail = false
			}
			_, quoteFirst := s.quoteEndingBefore(s.toks[c.npStart].start)
			switch {
			case quoteFirst && beforeEnd > 0:
				c.cA, c.cB = s.Start, s.toks[beforeEnd-1].end
			case startAfter >= 0 && startAfter < n:
				c.cA, c.cB = s.bytesOf(startAfter, n)
			case (tail || s.Field == "title" && beforeEnd > 0 && s.toks[beforeEnd].s == ",") && s.words(first, beforeEnd) >= 2:
				c.cA, c.cB = s.Start, s.toks[beforeEnd-1].end
			default:
				k := c.h.j
				for k < n-1 && (isTimeWordTok(s.toks[k]) || s.toks[k].s == "on") {
					k++
				}
				c.cA, c.cB = s.bytesOf(k, n)
			}
		} else {
			// inverted: "..., сообщил губернатор X." / "..., said Gerasimov."
			// (an outlet told comes first: "…, — заявил РИА Новости X")
			c.spA, c.spB = s.npAfter(d.addresseeEnd(s, c.h.j))
			// "Putin listened to ... and praised the work of ...": a verb
			// joined by "and" shares the sentence's subject; what follows
			// is its object, not a speaker
			if c.h.i > 0 && c.h.j < n && !topicWords[s.toks[c.h.j].s] && (s.toks[c.h.i-1].s == "and" || s.toks[c.h.i-1].s == "и" || s.toks[c.h.i-1].s == "і" || s.toks[c.h.i-1].s == "та") {
				e := 0
				for e < c.h.i && s.toks[e].upper && s.toks[e].kind == tokWord {
					e++
				}
				c.spA, c.spB = 0, e
				c.class = cuePart // it continues the subject's report, like "..., saying"
				k := c.h.j
				if k < n && contentStarts[s.toks[k].s] {
					k++
				}
				c.cA, c.cB = s.bytesOf(k, n)
				break
			}
			if c.spA < c.spB && topicWords[s.toks[c.h.j].s] {
				c.spB = c.spA + 8 // "сообщили о ликвидации огня": a topic, not a speaker
			}
			if c.spB-c.spA > 7 {
				// a clause, not a speaker ("..., then says he'll welcome
				// advice ..."): the speaker is the sentence's subject and the
				// clause is the content
				c.spA, c.spB = c.h.j, c.h.j
				if sa, sb := s.npAfter(0); sb > sa && sb-sa <= 6 && sb < c.h.i && s.hasName(sa, sb) {
					c.spA, c.spB = sa, sb
				}
				k := c.h.j
				if k < n && contentStarts[s.toks[k].s] {
					k++
				}
				c.cA, c.cB = s.bytesOf(k, n)
			} else if c.h.i > 0 {
				c.cA, c.cB = s.Start, trimEndPunct(s.text, s.Start, s.toks[c.h.i].start)
			} else {
				c.cA, c.cB = s.bytesOf(c.spB, n)
			}
		}
	}
	if c.spA < c.spB && !c.media {
		c.voice = d.voiceFor(s, c.spA, c.spB)
		c.hasSpeaker = c.voice.Kind != ""
		if c.nameQ != "" && c.voice.Kind == domain.VoiceUnresolved && c.voice.Name == "" {
			c.voice.Name = c.nameQ
		}
	}
	if c.cB < c.cA {
		c.cA, c.cB = s.Start, s.End
	}
	// a semicolon ends the reported clause ("Russia says it took X; Kyiv
	// denies"), and so does a clause word that opens another speaker's
	// report ("Huliaipole holds as Moscow claims capture")
	for k, t := range s.toks {
		if t.start <= c.cA || t.start >= c.cB || t.start <= s.toks[c.h.i].start {
			continue
		}
		// "X denied that P, saying Q": after a "that" clause, a participle
		// after a comma starts the speaker's next point, not more of P
		// ("denied the report, saying Q" keeps Q: it is the point)
		if t.s == "," && c.class != cuePart && k+1 < len(s.toks) && s.thatBefore(c.cA) {
			if h, ok := d.x.lx.speech.at(s.toks, k+1); ok && d.x.lx.classOf(h.val, d.lang) == cuePart {
				c.cB = trimEndPunct(s.text, c.cA, t.start)
				break
			}
		}
		if t.s == ";" || (t.s == "as" || t.s == "while" || t.s == "whereas" || t.s == "тогда" || t.s == "тоді") && d.speakerCueIn(s, k+1, min(len(s.toks), k+6)) {
			c.cB = trimEndPunct(s.text, c.cA, t.start)
			break
		}
	}
}

// speakerCueIn: a speech cue stands in toks[a:b] after a capitalised
// word (another speaker's report).
func (d *doc) speakerCueIn(s *sent, a, b int) bool {
	named := false
	for k := a; k < b; k++ {
		if _, ok := d.x.lx.speech.at(s.toks, k); ok && named {
			return true
		}
		named = named || s.toks[k].upper
	}
	return false
}

func (s *sent) isQuoteMark(k int) bool {
	t := s.toks[k]
	for _, q := range s.quotes {
		if t.start == q.Start || t.end == q.End {
			return true
		}
	}
	return false
}

func (s *sent) quoteOpensAt(k int) bool {
	for _, q := range s.quotes {
		if s.toks[k].start == q.Start {
			return true
		}
	}
	return false
}

// appositive: "Sergei Kuzovlev, commander of the western troop grouping,
// told ..." — a comma before the verb closes a role set off by commas; the
// name stands before it.
func (d *doc) appositive(s *sent, c *cueInfo) {
	i := c.h.i
	if i < 3 || s.toks[i-1].s != "," {
		return
	}
	// walk back over up to three comma-set segments that are roles, ages
	// or relative clauses ("Marley Anderson, 21, a junior from Las Vegas,
	// said"; "Chris Cox, who runs the NRA's lobbying arm, says")
	end := i - 1
	_, rb := s.npBefore(end)
	for seg := 0; seg < 3; seg++ {
		ra, sb := s.npBefore(end)
		raw := ra
		for raw > 0 && !isBoundaryTok(s.toks[raw-1]) && !s.inq[raw-1] {
			raw--
		}
		if sb < ra || sb-ra > 8 || raw < 2 || s.toks[raw-1].s != "," {
			return
		}
		if ra < sb && s.toks[ra].upper && s.hasName(ra, sb) && seg > 0 {
			c.spA, c.spB = ra, rb
			return
		}
		if ra < sb && s.toks[ra].upper {
			// "a brigade spokesman, Vadym Koval, said": a name set off by
			// commas after a role (a phrase with a lower-case word, no verb
			// of speech or control) is the speaker
			if seg == 0 && sb-ra <= 4 && allUpperWords(s, ra, sb) && raw >= 2 && s.toks[raw-1].s == "," {
				pa, pb := s.npBefore(raw - 1)
				if pa < pb && pb-pa <= 8 && !allUpperWords(s, pa, pb) && !lxHasCue(d, s, pa, pb) {
					c.spA, c.spB = pa, sb
				}
			}
			return // otherwise a name right before the verb is no role
		}
		na, nb := s.npBefore(raw - 1)
		if na < nb && nb-na <= 5 && s.toks[na].upper && s.hasName(na, nb) {
			c.spA, c.spB = na, rb
			return
		}
		end = raw - 1
	}
}

// hasName: a person mention or a capitalised word not at the sentence start.
func (s *sent) hasName(a, b int) bool {
	for k := a; k < b; k++ {
		if s.toks[k].upper && (k > 0 || b-a == 1) {
			return true
		}
	}
	return false
}

// quoteIsName: marks around a short capitalised phrase after a noun that
// takes names (группировка «Центр», the "Azov" brigade's, проект «Линия
// фронта»), or around a unit, organisation or place the resolver named, set
// off a name, not anyone's words.
func (d *doc) quoteIsName(s *sent, q Quote) bool {
	words := strings.Fields(q.Content(s.text))
	if len(words) == 0 || len(words) > 4 || !isUpperWord(words[0]) && !isUpperLatin(words[0]) {
		return false
	}
	k := -1
	for i, t := range s.toks {
		if t.start == q.Start {
			k = i
			break
		}
	}
	if k > 0 && d.x.lx.nameHeads[s.toks[k-1].s] {
		return true
	}
	// a noun after the closing mark: the "Azov" brigade
	for i := k + 1; i >= 1 && i < len(s.toks); i++ {
		if s.toks[i].start >= q.End {
			if d.x.lx.nameHeads[s.toks[i].s] {
				return true
			}
			break
		}
	}
	for _, m := range d.mentionsIn(s.Field, s.Start, q.End) {
		if m.Start <= q.InStart && m.End >= q.InEnd && m.EntityID != "" && m.Kind != domain.KindPerson {
			return true
		}
	}
	return false
}

func isUpperLatin(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func allUpperWords(s *sent, a, b int) bool {
	for k := a; k < b; k++ {
		if t := s.toks[k]; t.kind == tokWord && !t.upper {
			return false
		}
	}
	return true
}

// lxHasCue: a speech or control word stands in toks[a:b] (a clause, not a role).
func lxHasCue(d *doc, s *sent, a, b int) bool {
	for k := a; k < b; k++ {
		if _, ok := d.x.lx.speech.at(s.toks, k); ok {
			return true
		}
		if _, ok := d.x.lx.control.at(s.toks, k); ok {
			return true
		}
	}
	return false
}

// onlyDate: toks[a:b] are a short time phrase ("On 2 February", "In
// October", "Late on Monday").
func (d *doc) onlyDate(s *sent, a, b int) bool {
	if s.words(a, b) > 4 {
		return false
	}
	dated := false
	for k := a; k < b; k++ {
		if _, ok := d.x.lx.months.at(s.toks, k); ok {
			dated = true
		}
		if _, ok := d.x.lx.weekdays.at(s.toks, k); ok {
			dated = true
		}
	}
	return dated || onlyTimeWords(s, a, b)
}

// thatBefore: the content starting at byte pos follows "that"/"что"/"що".
func (s *sent) thatBefore(pos int) bool {
	for k, t := range s.toks {
		if t.start == pos {
			return k > 0 && contentStarts[s.toks[k-1].s] && s.toks[k-1].kind == tokWord
		}
	}
	return false
}
