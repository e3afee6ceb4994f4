package claims

import (
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// markers finds the framing-lexicon words of one sentence. A marker inside
// a quotation is Quoted (the outlet quotes the word rather than uses it);
// one that fills a short quotation on its own is in scare quotes.
func (x *Extractor) markers(s *sent) []domain.Marker {
	var out []domain.Marker
	for _, h := range x.lx.framing.find(s.toks) {
		f := x.lx.frames[h.val]
		a, b := s.toks[h.i].start, s.toks[h.j-1].end
		m := domain.Marker{Field: s.Field, Start: a, End: b, Surface: s.text[a:b], Category: f.Category, Side: f.Side, Entry: f.ID, Source: f.Source}
		for _, q := range s.quotes {
			if a >= q.InStart && b <= q.InEnd {
				m.Quoted = true
				if len(strings.Fields(q.Content(s.text))) <= 3 {
					m.Scare = true
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// hasFrame: the quote q holds a framing-lexicon word.
func (x *Extractor) hasFrame(s *sent, q Quote) bool {
	for _, h := range x.lx.framing.find(s.toks) {
		if s.toks[h.i].start >= q.InStart && s.toks[h.j-1].end <= q.InEnd {
			return true
		}
	}
	return false
}
