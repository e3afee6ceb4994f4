package resolve

import "sync"

// mentIndex finds, in document order, the mentions of a field that start
// at a word, end before a word, or lie in a sentence. Each list runs
// through the mentions themselves (ment.nextStart, nextEnd, nextSent), so
// building the index allocates the list heads and nothing per mention,
// and moving a trimmed mention walks two short lists.
type mentIndex struct {
	starts, ends, sents [][]*ment // field → word or sentence → first mention
}

// buildIndex lists d.ms, which must be in document order with idx set.
func (d *doc) buildIndex() {
	n := 0
	for _, f := range d.fields {
		n += 2*(len(f.toks)+1) + sentences(f.toks)
	}
	heads := make([]*ment, n)
	take := func(k int) []*ment {
		h := heads[:k:k]
		heads = heads[k:]
		return h
	}
	x := &d.mix
	x.starts = make([][]*ment, len(d.fields))
	x.ends = make([][]*ment, len(d.fields))
	x.sents = make([][]*ment, len(d.fields))
	for fi, f := range d.fields {
		x.starts[fi] = take(len(f.toks) + 1)
		x.ends[fi] = take(len(f.toks) + 1)
		x.sents[fi] = take(sentences(f.toks))
	}
	// Backwards, each mention going in front: the lists end up in order.
	for i := len(d.ms) - 1; i >= 0; i-- {
		m := d.ms[i]
		m.nextStart, x.starts[m.field][m.from] = x.starts[m.field][m.from], m
		m.nextEnd, x.ends[m.field][m.to] = x.ends[m.field][m.to], m
		m.nextSent, x.sents[m.field][m.sent] = x.sents[m.field][m.sent], m
	}
}

func sentences(toks []token) int {
	if len(toks) == 0 {
		return 0
	}
	return toks[len(toks)-1].sent + 1
}

func at(heads [][]*ment, field, k int) *ment {
	if k < 0 || k >= len(heads[field]) {
		return nil
	}
	return heads[field][k]
}

// startingAt is the first mention of field that starts at word k.
func (x *mentIndex) startingAt(field, k int) *ment { return at(x.starts, field, k) }

// endingAt is the first mention of field whose last word is k-1.
func (x *mentIndex) endingAt(field, k int) *ment { return at(x.ends, field, k) }

// inSentence is the first mention of field in sentence s.
func (x *mentIndex) inSentence(field, s int) *ment { return at(x.sents, field, s) }

// move relinks m after trim changed its words from..to: out of the lists
// of its old first word and end, into those of the new, in order.
func (x *mentIndex) move(m *ment, from, to int) {
	relink(x.starts[m.field], m.from, from, m, func(o *ment) **ment { return &o.nextStart })
	relink(x.ends[m.field], m.to, to, m, func(o *ment) **ment { return &o.nextEnd })
}

func relink(heads []*ment, old, new int, m *ment, next func(*ment) **ment) {
	if old == new {
		return
	}
	for p := &heads[old]; *p != nil; p = next(*p) {
		if *p == m {
			*p = *next(m)
			break
		}
	}
	p := &heads[new]
	for *p != nil && (*p).idx < m.idx {
		p = next(*p)
	}
	*next(m), *p = *p, m
}

// newMent stores m in the document's slabs of mentions: one allocation per
// chunk rather than one per mention (an article has hundreds), and chunks
// are reused across Resolve calls (releaseMents).
func (d *doc) newMent(m ment) *ment {
	if len(d.slab) == cap(d.slab) {
		if b, ok := slabPool.Get().(*[]ment); ok {
			d.slab = *b
		} else {
			d.slab = make([]ment, 0, 256)
		}
		d.slabs = append(d.slabs, d.slab)
	}
	d.slab = append(d.slab, m)
	d.slabs[len(d.slabs)-1] = d.slab
	return &d.slab[len(d.slab)-1]
}

var slabPool sync.Pool

// releaseMents gives d's slabs back once no mention of d is used any more.
func (d *doc) releaseMents() {
	for _, b := range d.slabs {
		clear(b) // drop the references to this article's strings
		b = b[:0]
		slabPool.Put(&b)
	}
	d.slabs, d.slab, d.ms = nil, nil, nil
}
