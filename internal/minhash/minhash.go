package minhash

import (
	"fmt"
	"math"
)

// Family is how a seed turns a shingle hash x into one of the family's
// 32-bit hash functions. Both are built on the SplitMix64 finaliser; they
// differ only in which bits are kept, and stay separate because each fixes
// values a caller depends on (persisted signatures, tuned clustering).
type Family uint8

const (
	// LowMix keeps the low 32 bits of Mix64(x XOR seed).
	LowMix Family = iota + 1
	// HighSplitMix keeps the high 32 bits of SplitMix(x XOR seed).
	HighSplitMix
)

// BandKey is how the rows of one LSH band become its bucket key.
type BandKey uint8

const (
	// BandFNV1a hashes the band's rows as little-endian uint32s with
	// 64-bit FNV-1a; equal rows in different bands give equal keys, so
	// bands need their own table or column.
	BandFNV1a BandKey = iota + 1
	// BandSplitMix starts from (band+1) × the FNV prime and folds each row
	// in with SplitMix, so keys of different bands differ and can share one
	// table with other 64-bit keys.
	BandSplitMix
)

// Params fixes a MinHash scheme. Signatures are comparable only between
// Hashers built from equal Params.
type Params struct {
	// Seeds has one seed per hash function; its length is the signature
	// length. Seeds(seed, n) makes a reproducible list.
	Seeds []uint64
	// Bands × Rows leading signature positions are cut into LSH bands; it
	// must not exceed len(Seeds) (later positions count only in Jaccard).
	Bands, Rows int
	Family      Family
	BandKey     BandKey
}

// Hasher computes signatures and band keys under one Params. It is
// read-only after New, so safe for concurrent use.
type Hasher struct {
	p Params
}

// New checks p and returns its Hasher.
func New(p Params) (*Hasher, error) {
	switch {
	case len(p.Seeds) == 0:
		return nil, fmt.Errorf("minhash: no seeds")
	case p.Bands <= 0 || p.Rows <= 0:
		return nil, fmt.Errorf("minhash: %d bands × %d rows: both must be positive", p.Bands, p.Rows)
	case p.Bands*p.Rows > len(p.Seeds):
		return nil, fmt.Errorf("minhash: %d bands × %d rows exceed the %d hashes", p.Bands, p.Rows, len(p.Seeds))
	case p.Family != LowMix && p.Family != HighSplitMix:
		return nil, fmt.Errorf("minhash: unknown hash family %d", p.Family)
	case p.BandKey != BandFNV1a && p.BandKey != BandSplitMix:
		return nil, fmt.Errorf("minhash: unknown band key %d", p.BandKey)
	}
	p.Seeds = append([]uint64(nil), p.Seeds...)
	return &Hasher{p: p}, nil
}

// MustNew is New for package-level schemes with constant parameters: it
// panics on invalid ones, a programming error.
func MustNew(p Params) *Hasher {
	h, err := New(p)
	if err != nil {
		panic(err)
	}
	return h
}

// Len is the signature length (number of hash functions).
func (h *Hasher) Len() int { return len(h.p.Seeds) }

// Bands is the number of LSH band keys per signature.
func (h *Hasher) Bands() int { return h.p.Bands }

// golden is SplitMix64's increment, 2^64 divided by the golden ratio.
const golden = 0x9e3779b97f4a7c15

// Seeds returns the first n outputs of the SplitMix64 generator started at
// seed, so a scheme's seeds are fixed by one number.
func Seeds(seed uint64, n int) []uint64 {
	s := make([]uint64, n)
	for i := range s {
		seed += golden
		s[i] = Mix64(seed)
	}
	return s
}

// Mix64 is the SplitMix64 finaliser: a cheap bijection whose output bits
// each depend on every input bit, so x^seed for different seeds gives
// independent-looking hash functions.
func Mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// SplitMix is one whole SplitMix64 step: add the increment, then Mix64.
func SplitMix(x uint64) uint64 { return Mix64(x + golden) }

// Sign returns the signature of the set of shingle hashes (duplicates and
// order do not matter), or nil for an empty set: nil matches nothing.
func (h *Hasher) Sign(shingles []uint64) []uint32 {
	if len(shingles) == 0 {
		return nil
	}
	seeds := h.p.Seeds
	sig := make([]uint32, len(seeds))
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	sig = sig[:len(seeds)] // lets the compiler drop the bounds checks below
	// One loop per family, so the hash inlines into the hot loop.
	switch h.p.Family {
	case LowMix:
		for _, x := range shingles {
			for i, seed := range seeds {
				if v := uint32(Mix64(x ^ seed)); v < sig[i] {
					sig[i] = v
				}
			}
		}
	case HighSplitMix:
		for _, x := range shingles {
			for i, seed := range seeds {
				if v := uint32(SplitMix(x^seed) >> 32); v < sig[i] {
					sig[i] = v
				}
			}
		}
	}
	return sig
}

// Jaccard estimates the Jaccard similarity of the sets behind two
// signatures of one Hasher: the share of positions where they agree. It is
// 0 when either is empty or their lengths differ (different schemes).
func Jaccard(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	b = b[:len(a)]
	same := 0
	for i, v := range a {
		if v == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// FNV-1a 64-bit constants (as in hash/fnv), inlined to hash band rows
// without allocating.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// AppendBands appends sig's LSH band keys to dst, in band order. Sets whose
// signatures agree on every row of a band get the same key for that band.
// A signature not of this Hasher's length (nil included) adds nothing.
func (h *Hasher) AppendBands(dst []uint64, sig []uint32) []uint64 {
	if len(sig) != len(h.p.Seeds) {
		return dst
	}
	rows := h.p.Rows
	for b := 0; b < h.p.Bands; b++ {
		band := sig[b*rows : (b+1)*rows]
		var k uint64
		switch h.p.BandKey {
		case BandFNV1a:
			k = fnvOffset
			for _, v := range band {
				for s := 0; s < 32; s += 8 {
					k ^= uint64(byte(v >> s))
					k *= fnvPrime
				}
			}
		case BandSplitMix:
			k = uint64(b+1) * fnvPrime
			for _, v := range band {
				k = SplitMix(k ^ uint64(v))
			}
		}
		dst = append(dst, k)
	}
	return dst
}

// CandidateProbability is the chance that two sets at Jaccard similarity j
// share at least one of bands buckets of rows rows: 1-(1-j^rows)^bands.
func CandidateProbability(j float64, bands, rows int) float64 {
	return 1 - math.Pow(1-math.Pow(j, float64(rows)), float64(bands))
}
