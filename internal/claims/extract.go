package claims

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Extractor finds claims and framing markers in articles. Build it once
// with New; it is read-only afterwards and safe for concurrent use.
type Extractor struct {
	lx *lexicon
	sp *Splitter
}

// New loads the embedded lexicons.
func New() (*Extractor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	return &Extractor{lx: lx, sp: &Splitter{abbrev: lx.abbrev}}, nil
}

// sent is one sentence with its tokens and the quotes inside it.
type sent struct {
	Sentence
	text   string // the whole field
	toks   []token
	quotes []Quote
	inq    []bool // token inside a quote's content
	idx    int    // index in the document's sentences
}

// doc is the state of one Extract call.
type doc struct {
	x        *Extractor
	a        *domain.Article
	an       *domain.Analysis
	ents     map[string]*domain.Entity
	mentions map[string][]domain.Mention // by field, sorted by Start
	sents    []*sent
	claims   []domain.Claim
	// claimsOf[i] are the indexes in claims made from sentence i
	claimsOf map[int][]int
	// lastSpeaker is the last named voice, for pronouns and quotes that
	// run on without a speech verb.
	lastSpeaker *domain.Voice
	lastSpPara  int
	// lastPlace is the last settlement named, for "the city", "it".
	lastPlace *domain.Ref
	pub       *domain.Timestamp
	sideName  map[string]bool // isSideName, by surface
	lang      string          // ISO 639-1, for cues two languages use differently
	// spA, spB are the bytes of the current sentence's speaker phrase (-1: none).
	spA, spB int
}

// Extract fills an.Claims and an.Markers for a. It uses an.Mentions (and
// an.Entities) for speakers, places and actors where a resolver has run;
// without them, speakers are named by their words and places are left out.
// Earlier claims and markers in an are replaced.
func (x *Extractor) Extract(a *domain.Article, an *domain.Analysis) {
	if a == nil || an == nil {
		return
	}
	if an.ArticleID == "" {
		an.ArticleID = a.ID
	}
	d := &doc{x: x, a: a, an: an, ents: map[string]*domain.Entity{}, mentions: map[string][]domain.Mention{}, claimsOf: map[int][]int{}, pub: a.Published, sideName: map[string]bool{}}
	d.lang = docLang(a)
	for i := range an.Entities {
		d.ents[an.Entities[i].ID] = &an.Entities[i]
	}
	for _, m := range an.Mentions {
		d.mentions[m.Field] = append(d.mentions[m.Field], m)
	}
	for f := range d.mentions {
		ms := d.mentions[f]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	}
	d.sents = x.sentences(a)
	var markers []domain.Marker
	for i, s := range d.sents {
		s.idx = i
		d.sentence(s)
		markers = append(markers, x.markers(s)...)
	}
	for i := range d.claims {
		d.claims[i].ID = fmt.Sprintf("%s-c%d", a.ID, i+1)
		d.claims[i].ArticleID = a.ID
	}
	an.Claims = d.claims
	an.Markers = markers
}

// mentionsIn are the mentions of field that start in [a, b) (mentions are
// sorted by Start, so this is a subslice found by binary search).
func (d *doc) mentionsIn(field string, a, b int) []domain.Mention {
	ms := d.mentions[field]
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= a })
	j := sort.Search(len(ms), func(j int) bool { return ms[j].Start >= b })
	if j < i {
		j = i
	}
	return ms[i:j]
}

// sentences splits the headline and the body of a into sentences, with the
// tokens and quotes the extractor needs.
func (x *Extractor) sentences(a *domain.Article) []*sent {
	var out []*sent
	add := func(field, text string, para, base int, ptext string) {
		qs := FindQuotes(ptext)
		for i := range qs {
			qs[i].Start += base
			qs[i].End += base
			qs[i].InStart += base
			qs[i].InEnd += base
		}
		first := 0 // quotes are sorted by start; sentences come in order
		for _, sp := range x.sp.Split(ptext, shiftQuotes(qs, -base)) {
			s := &sent{Sentence: Sentence{Field: field, Start: base + sp[0], End: base + sp[1], Para: para}, text: text}
			for first < len(qs) && qs[first].End <= s.Start && qs[first].Depth == 0 {
				first++
			}
			for k := first; k < len(qs) && qs[k].Start < s.End; k++ {
				if q := qs[k]; q.End > s.Start {
					s.quotes = append(s.quotes, q)
				}
			}
			out = append(out, s)
		}
	}
	if strings.TrimSpace(a.Title) != "" {
		add("title", a.Title, 0, 0, a.Title)
	}
	body := a.Text()
	bodyStart := len(out)
	for i, p := range a.Body {
		if p.Offset < 0 || p.Offset+len(p.Text) > len(body) {
			continue
		}
		add("body", body, i+1, p.Offset, p.Text)
	}
	out = mergeBroken(out, bodyStart, body)
	for _, s := range out {
		s.Text = s.text[s.Start:s.End]
		s.toks = x.lx.tokens(s.Text, s.Start)
		s.inq = make([]bool, len(s.toks))
		for k, t := range s.toks {
			for _, q := range s.quotes {
				if t.start >= q.InStart && t.end <= q.InEnd {
					s.inq[k] = true
				}
			}
		}
	}
	return out
}

func shiftQuotes(qs []Quote, by int) []Quote {
	out := make([]Quote, len(qs))
	for i, q := range qs {
		q.Start += by
		q.End += by
		q.InStart += by
		q.InEnd += by
		out[i] = q
	}
	return out // never nil: Split finds the quotes itself only when given nil
}

// mergeBroken joins a body sentence cut by a stray paragraph break (a
// scrape that broke "according to" from "comments broadcast on
// television"): the first has no final punctuation and the next starts in
// lower case.
func mergeBroken(ss []*sent, from int, body string) []*sent {
	out := ss[:from]
	for i := from; i < len(ss); i++ {
		s := ss[i]
		if n := len(out); n > from {
			prev := out[n-1]
			pt := strings.TrimSpace(body[prev.Start:prev.End])
			st := body[s.Start:s.End]
			if pt != "" && !strings.ContainsAny(pt[len(pt)-1:], ".!?:;\"”»…") && startsLower(st) {
				prev.End = s.End
				prev.quotes = append(prev.quotes, s.quotes...)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z' || r >= 'а' && r <= 'я'
	}
	return false
}

// SplitArticle returns the sentences of a's headline and body.
func (x *Extractor) SplitArticle(a *domain.Article) []Sentence {
	ss := x.sentences(a)
	out := make([]Sentence, len(ss))
	for i, s := range ss {
		out[i] = s.Sentence
	}
	return out
}

// ExtractBlocks finds claims in the article's related-article teasers
// (Blocks of kind related), which are not part of the story but can report
// doubt about it ("Gerasimov Says Russia Encircled Pokrovsk and Kupiansk.
// Experts and Pro-War Bloggers Doubt It."). Each claim's Field is
// "block:<i>" and its offsets are byte offsets into a.Blocks[i].Text. They
// are kept out of Analysis.Claims, whose offsets are all into Title and
// Text(); places and speakers are named by their words (no resolver runs on
// blocks).
func (x *Extractor) ExtractBlocks(a *domain.Article) []domain.Claim {
	if a == nil {
		return nil
	}
	var out []domain.Claim
	for i, b := range a.Blocks {
		if b.Kind != domain.BlockRelated || strings.TrimSpace(b.Text) == "" {
			continue
		}
		t := &domain.Article{ID: a.ID, Published: a.Published, Outlet: a.Outlet, Wires: a.Wires, Language: a.Language}
		t.SetBody([]domain.Paragraph{{Text: b.Text, SourceOffset: b.SourceOffset}})
		an := &domain.Analysis{ArticleID: a.ID}
		x.Extract(t, an)
		for n, c := range an.Claims {
			c.Field = fmt.Sprintf("block:%d", i)
			c.ID = fmt.Sprintf("%s-b%dc%d", a.ID, i, n+1)
			out = append(out, c)
		}
	}
	return out
}

// docLang is the article's language, or, when the reader gave none,
// Ukrainian or Russian told apart by the letters only one of them has.
func docLang(a *domain.Article) string {
	if l := strings.ToLower(a.Language); l != "" {
		return l
	}
	uk, ru := 0, 0
	count := func(s string) {
		for _, r := range s {
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				uk++
			case 'ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ё':
				ru++
			}
		}
	}
	count(a.Title)
	for _, p := range a.Body {
		count(p.Text)
	}
	switch {
	case uk > ru:
		return "uk"
	case ru > uk:
		return "ru"
	}
	return ""
}
