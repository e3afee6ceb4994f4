package gazetteer

// postings maps a key to a set of place indexes. Most keys name one place,
// so a single index is stored inline and only shared keys get a slice:
// this keeps the default gazetteer's index to a map entry per key.
type postings struct {
	m     map[string]int32 // >= 0: one place; < 0: -(i+1) indexes multi
	multi [][]int32
}

func (p *postings) init() { p.m = map[string]int32{} }

func (p *postings) add(key string, idx int32) {
	v, ok := p.m[key]
	switch {
	case !ok:
		p.m[key] = idx
	case v >= 0:
		if v != idx {
			p.multi = append(p.multi, []int32{v, idx})
			p.m[key] = -int32(len(p.multi))
		}
	default:
		l := p.multi[-v-1]
		if l[len(l)-1] != idx { // names of one place are added together
			for _, x := range l {
				if x == idx {
					return
				}
			}
			p.multi[-v-1] = append(l, idx)
		}
	}
}

// get calls fn for each place index under key.
func (p *postings) get(key string, fn func(int32)) {
	v, ok := p.m[key]
	switch {
	case !ok:
	case v >= 0:
		fn(v)
	default:
		for _, x := range p.multi[-v-1] {
			fn(x)
		}
	}
}

// replace moves key's posting of place from to place to (a duplicate
// merged into its canonical entry), keeping each place once.
func (p *postings) replace(key string, from, to int32) {
	v, ok := p.m[key]
	switch {
	case !ok:
	case v >= 0:
		if v == from {
			p.m[key] = to
		}
	default:
		l := p.multi[-v-1]
		out := l[:0]
		seen := false
		for _, x := range l {
			if x == from {
				x = to
			}
			if x == to {
				if seen {
					continue
				}
				seen = true
			}
			out = append(out, x)
		}
		p.multi[-v-1] = out
	}
}
