package events

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sort"

	"github.com/parallaxnews/parallax/internal/domain"
)

// FormatVersion is the version of MarshalBinary's layout. Bump it when the
// layout or the meaning of a saved field changes; Unmarshal refuses other
// versions so callers rebuild the index from the stored articles.
const FormatVersion = 1

// ErrFormat is wrapped by Unmarshal's error when the saved index was
// written by another format version or with other clustering parameters
// or data files: it is sound but cannot be extended, so rebuild it.
var ErrFormat = errors.New("saved event index has another format")

// persistMagic opens every saved index.
const persistMagic = "PXEVIX"

// paramsFingerprint hashes what an index's saved state depends on besides
// its layout: the tuned constants and the embedded data. An index built
// under other values would place new articles inconsistently with the old.
var paramsFingerprint = fnv64(fmt.Sprint(JoinThreshold, EntityShare, LexFull, ClaimBonus, SameTime, MaxGap, MaxSpan,
	fullSharedWeight, maxBoilerPerOutlet, undatedFactor, maxBucketScan, linkTop, linkMean, minIndexWeight,
	maxCandidates, numHashes, lshBands, lshRows, maxEventRefs, maxEventNames, "coarse-mid", coarseMid, "prop-ref-weight", minPropRefWeight, weakPropFloor) + "\x00" + weightData + "\x00" + translitData + "\x00" + stopwordData)

// MarshalBinary saves the index's state: everything Add consults, so that
// an index restored with Unmarshal and given more articles places them
// exactly as the original would have. The layout is a magic string, the
// format version and parameter fingerprint, varint-coded sections in a
// fixed order (counters, articles, events, postings, day shards, entity
// counts, boilerplate counts), then a CRC-32 of all before it.
func (ix *Index) MarshalBinary() ([]byte, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	w := &encoder{b: make([]byte, 0, 64+len(ix.arts)*400+len(ix.pool)*4)}
	w.b = append(w.b, persistMagic...)
	w.uint(FormatVersion)
	w.u64(paramsFingerprint)

	st := ix.stats
	for _, v := range []int{st.Adds, st.Candidates, st.Scored, st.Pruned} {
		w.uint(uint64(v))
	}
	w.int(int64(ix.maxDay))
	w.bool(ix.maxDaySet)

	w.uint(uint64(len(ix.arts)))
	for i := range ix.arts {
		r := &ix.arts[i]
		w.str(r.id)
		w.uint(uint64(r.ev))
		w.uint(uint64(r.pos))
		f := &r.f
		w.int(f.t)
		w.bool(f.undated)
		w.bool(f.coarse)
		w.uint(uint64(len(f.sig)))
		for _, s := range f.sig {
			w.u32(s)
		}
		w.uint(uint64(len(f.ents)))
		for _, e := range f.ents {
			w.u64(e.key)
			w.u32(math.Float32bits(e.w))
		}
		w.uint(uint64(len(f.props)))
		for _, p := range f.props {
			w.u64(p)
		}
	}

	w.uint(uint64(len(ix.events)))
	for _, e := range ix.events {
		w.str(e.id)
		w.uint(uint64(len(e.arts)))
		for k, a := range e.arts {
			w.uint(uint64(a)) // e.ids[k] is that article's ID
			w.u32(math.Float32bits(e.central[k]))
			w.str(e.titles[k])
		}
		w.int(e.start)
		w.int(e.end)
		w.bool(e.dated)
		for _, list := range [][]*refAgg{e.places, e.actors} {
			w.uint(uint64(len(list)))
			for _, g := range list {
				w.str(g.ref.EntityID)
				w.str(g.ref.Name)
				w.str(g.ref.Surface)
				w.uint(uint64(g.articles))
				w.u64(math.Float64bits(g.weight))
				w.uint(uint64(len(g.surfaces)))
				for _, sc := range g.surfaces {
					w.str(sc.s)
					w.uint(uint64(sc.n))
				}
			}
		}
		w.strs(e.outlets)
		w.strs(e.names)
	}

	w.uint(uint64(len(ix.pool)))
	for _, p := range ix.pool {
		w.uint(uint64(p.art))
		w.int(int64(p.next))
	}

	days := make([]int32, 0, len(ix.shards))
	for d := range ix.shards {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i] < days[j] })
	w.uint(uint64(len(days)))
	for _, d := range days {
		sh := ix.shards[d]
		w.int(int64(d))
		w.bool(sh.heads == nil)
		keys, heads := sh.frozenKeys, sh.frozenHead
		if sh.heads != nil {
			keys = sortedKeys(sh.heads)
			heads = make([]int32, len(keys))
			for i, k := range keys {
				heads[i] = sh.heads[k]
			}
		}
		w.uint(uint64(len(keys)))
		for i, k := range keys {
			w.u64(k)
			w.uint(uint64(heads[i]))
		}
	}

	dfKeys := sortedKeys(ix.df)
	w.uint(uint64(len(dfKeys)))
	for _, k := range dfKeys {
		w.u64(k)
		w.uint(uint64(ix.df[k]))
	}

	outlets := make([]string, 0, len(ix.boiler))
	for o := range ix.boiler {
		outlets = append(outlets, o)
	}
	sort.Strings(outlets)
	w.uint(uint64(len(outlets)))
	for _, o := range outlets {
		m := ix.boiler[o]
		w.str(o)
		ks := sortedKeys(m)
		w.uint(uint64(len(ks)))
		for _, k := range ks {
			w.u64(k)
			w.b = append(w.b, m[k])
		}
	}
	w.b = binary.LittleEndian.AppendUint32(w.b, crc32.ChecksumIEEE(w.b))
	return w.b, nil
}

func sortedKeys[V any](m map[uint64]V) []uint64 {
	ks := make([]uint64, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

type encoder struct{ b []byte }

func (w *encoder) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *encoder) int(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *encoder) u32(v uint32)  { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *encoder) u64(v uint64)  { w.b = binary.LittleEndian.AppendUint64(w.b, v) }
func (w *encoder) str(s string)  { w.uint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *encoder) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}
func (w *encoder) strs(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

// Unmarshal restores an index saved by MarshalBinary. Damaged data gives
// an error, never a panic; an index of another format version or built
// with other parameters gives an error wrapping ErrFormat.
func Unmarshal(data []byte) (*Index, error) {
	if len(data) < len(persistMagic)+4 || string(data[:len(persistMagic)]) != persistMagic {
		return nil, errors.New("events: not a saved event index")
	}
	r := &decoder{b: data[len(persistMagic):]}
	if v := r.uint(); r.err == nil && v != FormatVersion {
		return nil, fmt.Errorf("events: %w (version %d, this parallax reads %d)", ErrFormat, v, FormatVersion)
	}
	if fp := r.u64(); r.err == nil && fp != paramsFingerprint {
		return nil, fmt.Errorf("events: %w (built with other clustering parameters or data)", ErrFormat)
	}
	if r.err != nil {
		return nil, errors.New("events: saved event index is truncated")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, errors.New("events: saved event index is damaged (checksum mismatch)")
	}
	off := len(data) - len(r.b)
	if off > len(body) {
		return nil, errors.New("events: saved event index is truncated")
	}
	r.b = body[off:]
	return decodeState(r)
}

// decodeState reads the sections after the header and checks that every
// cross-reference is in range, so a decoded index cannot panic later.
func decodeState(r *decoder) (*Index, error) {
	ix := NewIndex()
	ix.stats = Stats{Adds: int(r.uint()), Candidates: int(r.uint()), Scored: int(r.uint()), Pruned: int(r.uint())}
	ix.maxDay = r.i32()
	ix.maxDaySet = r.bool()

	nArts := r.count(4)
	ix.arts = make([]artRec, 0, nArts)
	for i := 0; i < nArts && r.err == nil; i++ {
		var a artRec
		a.id = r.str()
		a.ev, a.pos = r.idx(), r.idx()
		f := &a.f
		f.t = r.int()
		f.undated, f.coarse = r.bool(), r.bool()
		if n := r.count(4); n > 0 {
			if n != numHashes {
				r.fail("signature of %d hashes, want %d", n, numHashes)
			}
			f.sig = make([]uint32, n)
			for k := range f.sig {
				f.sig[k] = r.u32()
			}
		}
		if n := r.count(12); n > 0 {
			f.ents = make([]entFeat, n)
			for k := range f.ents {
				f.ents[k] = entFeat{key: r.u64(), w: math.Float32frombits(r.u32())}
			}
		}
		if n := r.count(8); n > 0 {
			f.props = make([]uint64, n)
			for k := range f.props {
				f.props[k] = r.u64()
			}
		}
		if _, dup := ix.byID[a.id]; dup && a.id != "" {
			r.fail("article %q twice", a.id)
		}
		if a.id != "" {
			ix.byID[a.id] = int32(i)
		}
		ix.arts = append(ix.arts, a)
	}

	nEvents := r.count(3)
	ix.events = make([]*event, 0, nEvents)
	members := 0
	for i := 0; i < nEvents && r.err == nil; i++ {
		e := &event{id: r.str()}
		n := r.count(6)
		if n == 0 {
			r.fail("event %q has no articles", e.id)
		}
		members += n
		for k := 0; k < n && r.err == nil; k++ {
			a := r.idx()
			if int(a) >= len(ix.arts) || int(ix.arts[a].ev) != i || int(ix.arts[a].pos) != k {
				r.fail("event %q member %d does not match its article", e.id, k)
				break
			}
			e.arts = append(e.arts, a)
			e.ids = append(e.ids, ix.arts[a].id)
			e.central = append(e.central, math.Float32frombits(r.u32()))
			e.titles = append(e.titles, r.str())
		}
		e.start, e.end = r.int(), r.int()
		e.dated = r.bool()
		e.midLo, e.midHi = e.start, e.end
		first := true
		for _, a := range e.arts {
			if f := &ix.arts[a].f; !f.undated {
				m := f.mid()
				if first {
					e.midLo, e.midHi, first = m, m, false
				}
				e.midLo, e.midHi = min(e.midLo, m), max(e.midHi, m)
			}
		}
		for _, list := range []*[]*refAgg{&e.places, &e.actors} {
			n := r.count(13)
			for k := 0; k < n && r.err == nil; k++ {
				g := &refAgg{ref: domain.Ref{EntityID: r.str(), Name: r.str(), Surface: r.str()}}
				g.articles = int(r.uint())
				g.weight = math.Float64frombits(r.u64())
				ns := r.count(2)
				for s := 0; s < ns && r.err == nil; s++ {
					g.surfaces = append(g.surfaces, surfaceCount{r.str(), int(r.uint())})
				}
				*list = append(*list, g)
			}
		}
		e.outlets = r.strs()
		e.names = r.strs()
		if _, dup := ix.evByID[e.id]; dup {
			r.fail("event %q twice", e.id)
		}
		ix.evByID[e.id] = int32(i)
		ix.events = append(ix.events, e)
	}
	if r.err == nil && members != len(ix.arts) {
		r.fail("%d articles but %d event members", len(ix.arts), members)
	}

	nPool := r.count(2)
	ix.pool = make([]posting, 0, nPool)
	for i := 0; i < nPool && r.err == nil; i++ {
		p := posting{art: r.idx(), next: r.i32()}
		// Postings only ever point back to older ones, so lists end.
		if int(p.art) >= len(ix.arts) || p.next < -1 || int(p.next) >= i {
			r.fail("posting %d out of range", i)
		}
		ix.pool = append(ix.pool, p)
	}

	nShards := r.count(3)
	for i := 0; i < nShards && r.err == nil; i++ {
		day := r.i32()
		frozen := r.bool()
		n := r.count(9)
		sh := &shard{frozenKeys: make([]uint64, 0, n), frozenHead: make([]int32, 0, n)}
		for k := 0; k < n && r.err == nil; k++ {
			key, head := r.u64(), r.idx()
			if int(head) >= len(ix.pool) || (k > 0 && key <= sh.frozenKeys[k-1]) {
				r.fail("day shard %d: bad key or posting", day)
			}
			sh.frozenKeys, sh.frozenHead = append(sh.frozenKeys, key), append(sh.frozenHead, head)
		}
		if !frozen {
			sh.heads = make(map[uint64]int32, n)
			for k, key := range sh.frozenKeys {
				sh.heads[key] = sh.frozenHead[k]
			}
			sh.frozenKeys, sh.frozenHead = nil, nil
		}
		if _, dup := ix.shards[day]; dup {
			r.fail("day shard %d twice", day)
		}
		ix.shards[day] = sh
	}

	nDF := r.count(9)
	for i := 0; i < nDF && r.err == nil; i++ {
		ix.df[r.u64()] = int32(r.uint())
	}

	nOutlets := r.count(2)
	for i := 0; i < nOutlets && r.err == nil; i++ {
		o := r.str()
		n := r.count(9)
		m := make(map[uint64]uint8, n)
		for k := 0; k < n && r.err == nil; k++ {
			key := r.u64()
			m[key] = r.byte()
		}
		ix.boiler[o] = m
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("%d bytes left over", len(r.b))
	}
	if r.err != nil {
		return nil, fmt.Errorf("events: saved event index is damaged: %w", r.err)
	}
	return ix, nil
}

// decoder reads what encoder wrote; after the first error every read
// returns zero, so callers check err once per section.
type decoder struct {
	b   []byte
	err error
}

func (r *decoder) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf(format, args...)
	}
}

func (r *decoder) need(n int) bool {
	if r.err != nil {
		return false
	}
	if n > len(r.b) {
		r.fail("truncated")
		return false
	}
	return true
}

func (r *decoder) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *decoder) int() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("bad number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *decoder) i32() int32 {
	v := r.int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail("number out of range")
		return 0
	}
	return int32(v)
}

// idx reads a non-negative int32 index.
func (r *decoder) idx() int32 {
	v := r.uint()
	if v > math.MaxInt32 {
		r.fail("index out of range")
		return 0
	}
	return int32(v)
}

// count reads a length whose elements take at least minSize bytes each,
// refusing one the remaining data cannot hold (no huge allocations).
func (r *decoder) count(minSize int) int {
	v := r.uint()
	if r.err == nil && v > uint64(len(r.b)/minSize) {
		r.fail("length %d exceeds the data", v)
	}
	if r.err != nil {
		return 0
	}
	return int(v)
}

func (r *decoder) byte() byte {
	if !r.need(1) {
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *decoder) bool() bool {
	switch r.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail("bad flag")
	return false
}

func (r *decoder) u32() uint32 {
	if !r.need(4) {
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

func (r *decoder) u64() uint64 {
	if !r.need(8) {
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

func (r *decoder) str() string {
	n := r.count(1)
	if !r.need(n) {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *decoder) strs() []string {
	n := r.count(1)
	var out []string
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, r.str())
	}
	return out
}
