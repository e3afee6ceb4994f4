package store

import (
	"encoding/binary"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"unicode"

	mh "github.com/parallaxnews/parallax/internal/minhash"
)

// Near-duplicate detection parameters. A stored signature is only
// comparable with one computed under the same scheme; changing any of these
// needs a migration that recomputes the minhash and lsh_bands tables.
const (
	shingleWords = 3   // words per shingle: one edited word changes 3 shingles
	numHashes    = 256 // signature length: the estimate's standard error at J=0.8 is ~0.025
	lshBands     = 32  // bands × rows = numHashes
	lshRows      = 8
	// With 32 bands of 8 rows, a pair at Jaccard 0.8 becomes a candidate
	// with probability 1-(1-0.8^8)^32 ≈ 0.997, a pair at 0.5 with ≈ 0.12,
	// at 0.3 with ≈ 0.002; candidates are then checked on the full signature.

	// NearDuplicateThreshold is the estimated Jaccard similarity of body
	// shingles above which an article is linked as a near-duplicate.
	NearDuplicateThreshold = 0.8
	// minShingles keeps very short bodies out: a two-line brief shares too
	// few shingles for the estimate to mean anything.
	minShingles = 8

	minhashScheme = "w3-h256-b32r8-fnv64a-sm64"
)

// hasher is the hash family, seeds and banding behind minhashScheme: the
// seed fixes the persisted values, so it is part of the scheme too.
var hasher = mh.MustNew(mh.Params{
	Seeds:   mh.Seeds(0x5eed_0f_9a7a11a0, numHashes),
	Bands:   lshBands,
	Rows:    lshRows,
	Family:  mh.LowMix,
	BandKey: mh.BandFNV1a,
})

// normWords splits text into lower-cased words of letters and digits, so
// punctuation, typographic quotes and line breaks do not count as edits.
func normWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// shingleHashes hashes every run of shingleWords consecutive words.
func shingleHashes(words []string) map[uint64]struct{} {
	set := make(map[uint64]struct{}, len(words))
	h := fnv.New64a()
	for i := 0; i+shingleWords <= len(words); i++ {
		h.Reset()
		for j, w := range words[i : i+shingleWords] {
			if j > 0 {
				h.Write([]byte{0x1f})
			}
			h.Write([]byte(w))
		}
		set[h.Sum64()] = struct{}{}
	}
	return set
}

// signature is the MinHash signature of a body, or nil when the body is too
// short to compare.
type signature []uint32

func minhash(text string) signature {
	shingles := shingleHashes(normWords(text))
	if len(shingles) < minShingles {
		return nil
	}
	return hasher.Sign(slices.Collect(maps.Keys(shingles)))
}

// similarity estimates the Jaccard similarity of the two shingle sets.
func (s signature) similarity(o signature) float64 {
	return mh.Jaccard(s, o)
}

// bands returns the LSH band hashes. SQLite integers are signed, hence int64.
func (s signature) bands() [lshBands]int64 {
	var out [lshBands]int64
	for i, k := range hasher.AppendBands(make([]uint64, 0, lshBands), s) {
		out[i] = int64(k)
	}
	return out
}

func (s signature) encode() []byte {
	b := make([]byte, 4*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func decodeSignature(b []byte) signature {
	if len(b) != 4*numHashes {
		return nil
	}
	s := make(signature, numHashes)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}
